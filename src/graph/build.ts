/**
 * The inventory as a graph: a graphology MultiDirectedGraph of agencies, applications and datasets, plus
 * the compact application index the analyses run their hot loops on. Both are built at most once per
 * inventory and reused by every later stage (the index by silos, duplicates and recommendations; the graph
 * by whatever reads `graph`, built then).
 *
 * Node keys: `agency:<id>`, `app:<id>`, `dataset:<id>`; attributes: `kind`, `label` and the entity's fields.
 * Edges (keyed so exports and the explorer can address them):
 *   owns       agency → application        `owns:<appId>`
 *   parent     unit → parent agency        `parent:<agencyId>`
 *   exchanges  application → application   `exchange:<exchangeId>` (mechanism, data, exchangeId)
 *   uses       application → dataset       `uses:<appId>:<datasetId>`
 * References to unknown applications or datasets produce no edge (the loader reports them); an
 * application's undeclared agency still gets an agency node, labelled with its id, so no ownership is lost.
 * Node keys are made once per entity and reused, and membership is read from the index rather than probed
 * on the graph: at 25,000 applications and 120,000 exchanges graphology's own bookkeeping is the cost.
 */
import { MultiDirectedGraph, UsageGraphError } from 'graphology';
import type { Inventory } from '../types.js';
import { buildAppIndex } from './app-index.js';
import type { AppIndex, EdgeAttributes, InventoryGraph, NodeAttributes, SiloGraph } from './types.js';

export const agencyKey = (id: string): string => `agency:${id}`;
export const appKey = (id: string): string => `app:${id}`;
export const datasetKey = (id: string): string => `dataset:${id}`;

/**
 * The index now, the graphology graph on first use (then kept): the analyses run on the index alone, so a
 * run that exports no graph never pays for the object graph — at national scale (≈26,000 applications,
 * ≈104,000 exchanges) graphology's per-edge bookkeeping costs more than every silo analysis together.
 */
export function buildGraph(inventory: Inventory): SiloGraph {
  const index = buildAppIndex(inventory);
  let graph: InventoryGraph | undefined;
  return {
    index,
    get graph(): InventoryGraph {
      graph ??= buildInventoryGraph(inventory, index);
      return graph;
    },
  };
}

export function buildInventoryGraph(inventory: Inventory, index: AppIndex = buildAppIndex(inventory)): InventoryGraph {
  const graph: InventoryGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const agencyKeys = addAgencies(graph, inventory, index);
  const datasetKeys = new Map<string, string>();
  for (const dataset of inventory.datasets) {
    if (datasetKeys.has(dataset.id)) continue;
    const key = datasetKey(dataset.id);
    datasetKeys.set(dataset.id, key);
    graph.addNode(key, { ...dataset, kind: 'dataset', label: dataset.name });
  }

  const appKeys = new Array<string>(index.ids.length);
  inventory.applications.forEach((app, i) => {
    if (index.indexOf.get(app.id) !== i) return;
    const key = (appKeys[i] = appKey(app.id));
    graph.addNode(key, { ...app, kind: 'application', label: app.name });
    graph.addDirectedEdgeWithKey(`owns:${app.id}`, agencyKeys[index.agencyOf[i]!]!, key, { type: 'owns' });
    const used = app.datasets.length > 1 ? new Set(app.datasets) : app.datasets;
    for (const datasetId of used) {
      const to = datasetKeys.get(datasetId);
      if (to !== undefined) graph.addDirectedEdgeWithKey(`uses:${app.id}:${datasetId}`, key, to, { type: 'uses' });
    }
  });

  for (const exchange of inventory.exchanges) {
    const s = index.indexOf.get(exchange.sourceId);
    const t = index.indexOf.get(exchange.targetId);
    if (s === undefined || t === undefined) continue;
    const attributes: EdgeAttributes = { type: 'exchanges', exchangeId: exchange.id };
    if (exchange.mechanism !== undefined) attributes.mechanism = exchange.mechanism;
    if (exchange.data !== undefined) attributes.data = exchange.data;
    addEdgeOnce(graph, `exchange:${exchange.id}`, appKeys[s]!, appKeys[t]!, attributes);
  }
  return graph;
}

/** Declared agencies (first declaration wins), undeclared owners, and parent edges; returns keys by agency index. */
function addAgencies(graph: InventoryGraph, inventory: Inventory, index: AppIndex): string[] {
  const { ids, declared, parentOf } = index.agencies;
  const keys = ids.map(agencyKey);
  const added = new Uint8Array(ids.length);
  for (const agency of inventory.agencies) {
    const a = index.agencies.indexOf.get(agency.id)!;
    if (added[a]) continue;
    added[a] = 1;
    graph.addNode(keys[a]!, { ...agency, kind: 'agency', label: agency.name });
  }
  for (let a = declared; a < ids.length; a++) {
    graph.addNode(keys[a]!, { id: ids[a]!, name: ids[a]!, level: 'unit', properties: {}, kind: 'agency', label: ids[a]! });
  }
  for (let a = 0; a < declared; a++) {
    if (parentOf[a] !== -1) graph.addDirectedEdgeWithKey(`parent:${ids[a]}`, keys[a]!, keys[parentOf[a]!]!, { type: 'parent' });
  }
  return keys;
}

/** Exchange ids are unique after loading; a repeated one still becomes its own edge, under a generated key. */
function addEdgeOnce(graph: InventoryGraph, key: string, from: string, to: string, attributes: EdgeAttributes): void {
  try {
    graph.addDirectedEdgeWithKey(key, from, to, attributes);
  } catch (error) {
    if (!(error instanceof UsageGraphError) || !graph.hasEdge(key)) throw error;
    graph.addDirectedEdge(from, to, attributes);
  }
}
