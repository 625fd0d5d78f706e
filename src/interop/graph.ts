/**
 * The application graph for graph tools: GraphML (yEd, Cytoscape, Gephi, networkx), GEXF 1.2 (Gephi,
 * networkx) and a node-link JSON (d3, networkx `node_link_graph(data, edges="links")`).
 *
 * Nodes are applications, edges are exchanges (directed, parallel edges allowed), and both carry the
 * attributes analysts colour and filter by: agency, function, duplicate cluster, community, the agency's
 * silo score, annual cost, mechanism, … (docs/interop.md lists them with their types). Without an
 * Analysis the inventory's own fields are written and the analysis-only attributes are left out.
 * A value that is missing is left out of the node, never written as 0 or "".
 */
import type { Analysis, Application, Exchange, Inventory } from '../types.js';
import { escapeXml, startTag } from './xml.js';

type AttributeType = 'string' | 'double' | 'long' | 'boolean';
type Value = string | number | boolean;

interface AttributeSpec<T> {
  name: string;
  type: AttributeType;
  get: (item: T) => Value | undefined;
  /** Only written when an analysis is at hand. */
  analysis?: boolean;
}

interface NodeContext {
  app: Application;
  agencyName?: string;
  agencyLevel?: string;
  government?: string;
  result?: Analysis['applications'][number];
  siloScore?: number;
  keeper: boolean;
}

interface EdgeContext {
  exchange: Exchange;
  crossAgency: boolean;
}

export const NODE_ATTRIBUTES: ReadonlyArray<AttributeSpec<NodeContext>> = [
  { name: 'label', type: 'string', get: (n) => n.app.name },
  { name: 'agency', type: 'string', get: (n) => n.app.agencyId },
  { name: 'agency_name', type: 'string', get: (n) => n.agencyName },
  { name: 'agency_level', type: 'string', get: (n) => n.agencyLevel },
  { name: 'government', type: 'string', get: (n) => n.government },
  { name: 'function', type: 'string', get: (n) => n.result?.function ?? n.app.function },
  { name: 'given_function', type: 'string', get: (n) => n.app.function },
  { name: 'cluster', type: 'string', get: (n) => n.result?.clusterId, analysis: true },
  { name: 'keeper', type: 'boolean', get: (n) => (n.result?.clusterId !== undefined ? n.keeper : undefined), analysis: true },
  { name: 'community', type: 'long', get: (n) => n.result?.community, analysis: true },
  { name: 'silo_score', type: 'double', get: (n) => n.siloScore, analysis: true },
  { name: 'annual_cost', type: 'double', get: (n) => n.result?.annualCost ?? n.app.annualCost },
  { name: 'cost_estimated', type: 'boolean', get: (n) => n.result?.costEstimated, analysis: true },
  { name: 'time', type: 'string', get: (n) => n.result?.time?.label, analysis: true },
  { name: 'shared_platform', type: 'string', get: (n) => n.result?.sharedPlatform, analysis: true },
  { name: 'category', type: 'string', get: (n) => n.app.category },
  { name: 'origin', type: 'string', get: (n) => n.app.origin },
  { name: 'status', type: 'string', get: (n) => n.app.status },
  { name: 'users', type: 'long', get: (n) => n.app.users },
  { name: 'year', type: 'long', get: (n) => n.app.year },
  { name: 'url', type: 'string', get: (n) => n.app.url },
];

export const EDGE_ATTRIBUTES: ReadonlyArray<AttributeSpec<EdgeContext>> = [
  { name: 'label', type: 'string', get: (e) => e.exchange.data },
  { name: 'exchange', type: 'string', get: (e) => e.exchange.id },
  { name: 'mechanism', type: 'string', get: (e) => e.exchange.mechanism },
  { name: 'data', type: 'string', get: (e) => e.exchange.data },
  { name: 'cross_agency', type: 'boolean', get: (e) => e.crossAgency },
  { name: 'relationship', type: 'string', get: (e) => e.exchange.properties.archimate_relationship },
];

export interface GraphInput {
  inventory: Inventory;
  analysis?: Analysis;
}

interface GraphItems {
  nodes: Array<{ id: string; values: Array<Value | undefined> }>;
  edges: Array<{ id: string; source: string; target: string; values: Array<Value | undefined> }>;
  nodeSpecs: ReadonlyArray<AttributeSpec<NodeContext>>;
  edgeSpecs: ReadonlyArray<AttributeSpec<EdgeContext>>;
}

/** Nodes and edges with their attribute values, computed once for every format. */
function collect({ inventory, analysis }: GraphInput): GraphItems {
  const nodeSpecs = NODE_ATTRIBUTES.filter((s) => analysis !== undefined || !s.analysis);
  const edgeSpecs = EDGE_ATTRIBUTES;
  const agencies = new Map(inventory.agencies.map((a) => [a.id, a]));
  const results = new Map(analysis?.applications.map((a) => [a.id, a]) ?? []);
  const siloScores = new Map(analysis?.agencies.map((a) => [a.id, a.siloScore]) ?? []);
  const keepers = new Set(analysis?.duplicateClusters.map((c) => c.keeper) ?? []);
  const agencyOfApp = new Map<string, string>();
  const nodes = inventory.applications.map((app) => {
    agencyOfApp.set(app.id, app.agencyId);
    const agency = agencies.get(app.agencyId);
    const context: NodeContext = {
      app,
      agencyName: agency?.name,
      agencyLevel: agency?.level,
      government: agency ? (agency.parentId ?? agency.id) : undefined,
      result: results.get(app.id),
      siloScore: siloScores.get(app.agencyId),
      keeper: keepers.has(app.id),
    };
    return { id: app.id, values: nodeSpecs.map((s) => s.get(context)) };
  });
  const edges = inventory.exchanges.map((exchange) => {
    const context: EdgeContext = { exchange, crossAgency: agencyOfApp.get(exchange.sourceId) !== agencyOfApp.get(exchange.targetId) };
    return { id: exchange.id, source: exchange.sourceId, target: exchange.targetId, values: edgeSpecs.map((s) => s.get(context)) };
  });
  return { nodes, edges, nodeSpecs, edgeSpecs };
}

function formatValue(value: Value, type: AttributeType): string {
  if (type === 'boolean') return value ? 'true' : 'false';
  if (type === 'long') return String(Math.round(Number(value)));
  return String(value);
}

// ───────────────────────────── GraphML ─────────────────────────────

const GRAPHML_TYPES: Record<AttributeType, string> = { string: 'string', double: 'double', long: 'long', boolean: 'boolean' };

/** GraphML (graphml.graphdrawing.org) with typed `<key>` declarations: keys `n0…` for nodes, `e0…` for edges. */
export function toGraphml(input: GraphInput): string {
  const { nodes, edges, nodeSpecs, edgeSpecs } = collect(input);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  nodeSpecs.forEach((s, i) => out.push(`  ${startTag('key', { id: `n${i}`, for: 'node', 'attr.name': s.name, 'attr.type': GRAPHML_TYPES[s.type] }, true)}`));
  edgeSpecs.forEach((s, i) => out.push(`  ${startTag('key', { id: `e${i}`, for: 'edge', 'attr.name': s.name, 'attr.type': GRAPHML_TYPES[s.type] }, true)}`));
  out.push(`  ${startTag('graph', { id: 'applications', edgedefault: 'directed' })}`);
  for (const node of nodes) {
    out.push(`    ${startTag('node', { id: node.id })}`);
    node.values.forEach((v, i) => {
      if (v !== undefined) out.push(`      <data key="n${i}">${escapeXml(formatValue(v, nodeSpecs[i]!.type))}</data>`);
    });
    out.push('    </node>');
  }
  for (const edge of edges) {
    out.push(`    ${startTag('edge', { id: edge.id, source: edge.source, target: edge.target })}`);
    edge.values.forEach((v, i) => {
      if (v !== undefined) out.push(`      <data key="e${i}">${escapeXml(formatValue(v, edgeSpecs[i]!.type))}</data>`);
    });
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

// ───────────────────────────── GEXF ─────────────────────────────

const GEXF_TYPES: Record<AttributeType, string> = { string: 'string', double: 'double', long: 'long', boolean: 'boolean' };

/**
 * GEXF 1.2 (gexf.net) with static attribute columns. `label` is GEXF's own node/edge label, so it is
 * written as such and not as a column.
 */
export function toGexf(input: GraphInput): string {
  const { nodes, edges, nodeSpecs, edgeSpecs } = collect(input);
  const nodeLabel = nodeSpecs.findIndex((s) => s.name === 'label');
  const edgeLabel = edgeSpecs.findIndex((s) => s.name === 'label');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    '  <meta>',
    '    <creator>siloscope</creator>',
    '    <description>Applications (nodes) and their data exchanges (edges)</description>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node" mode="static">',
  ];
  nodeSpecs.forEach((s, i) => {
    if (i !== nodeLabel) out.push(`      ${startTag('attribute', { id: `n${i}`, title: s.name, type: GEXF_TYPES[s.type] }, true)}`);
  });
  out.push('    </attributes>', '    <attributes class="edge" mode="static">');
  edgeSpecs.forEach((s, i) => {
    if (i !== edgeLabel) out.push(`      ${startTag('attribute', { id: `e${i}`, title: s.name, type: GEXF_TYPES[s.type] }, true)}`);
  });
  out.push('    </attributes>', '    <nodes>');
  for (const node of nodes) {
    out.push(`      ${startTag('node', { id: node.id, label: node.values[nodeLabel] as string | undefined })}`);
    writeAttvalues(out, node.values, nodeSpecs, nodeLabel, 'n');
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const edge of edges) {
    out.push(`      ${startTag('edge', { id: edge.id, source: edge.source, target: edge.target, label: edge.values[edgeLabel] as string | undefined })}`);
    writeAttvalues(out, edge.values, edgeSpecs, edgeLabel, 'e');
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>');
  return `${out.join('\n')}\n`;
}

function writeAttvalues<T>(out: string[], values: Array<Value | undefined>, specs: ReadonlyArray<AttributeSpec<T>>, skip: number, prefix: string): void {
  const present = values.map((v, i) => (v !== undefined && i !== skip ? i : -1)).filter((i) => i >= 0);
  if (present.length === 0) return;
  out.push('        <attvalues>');
  for (const i of present) out.push(`          ${startTag('attvalue', { for: `${prefix}${i}`, value: formatValue(values[i]!, specs[i]!.type) }, true)}`);
  out.push('        </attvalues>');
}

// ───────────────────────────── node-link JSON ─────────────────────────────

export interface NodeLinkGraph {
  directed: true;
  multigraph: true;
  graph: { name: string; source: string; generatedAt?: string; nodeAttributes: Record<string, AttributeType>; linkAttributes: Record<string, AttributeType> };
  nodes: Array<Record<string, Value> & { id: string }>;
  links: Array<Record<string, Value> & { id: string; key: string; source: string; target: string }>;
}

/**
 * The node-link form d3-force and networkx read: `nodes` with `id` and attributes, `links` with
 * `source`, `target`, `key` (the exchange id, so parallel exchanges stay apart) and attributes; `graph`
 * names the source and the attribute types.
 */
export function toNodeLink(input: GraphInput): NodeLinkGraph {
  const { nodes, edges, nodeSpecs, edgeSpecs } = collect(input);
  const record = <T>(values: Array<Value | undefined>, specs: ReadonlyArray<AttributeSpec<T>>): Record<string, Value> => {
    const attributes: Record<string, Value> = {};
    values.forEach((v, i) => {
      if (v !== undefined) attributes[specs[i]!.name] = specs[i]!.type === 'long' ? Math.round(Number(v)) : v;
    });
    return attributes;
  };
  return {
    directed: true,
    multigraph: true,
    graph: {
      name: 'siloscope application graph',
      source: input.inventory.source.path,
      ...(input.analysis ? { generatedAt: input.analysis.meta.generatedAt } : {}),
      nodeAttributes: Object.fromEntries(nodeSpecs.map((s) => [s.name, s.type])),
      linkAttributes: Object.fromEntries(edgeSpecs.map((s) => [s.name, s.type])),
    },
    nodes: nodes.map((n) => ({ ...record(n.values, nodeSpecs), id: n.id })),
    links: edges.map((e) => ({ ...record(e.values, edgeSpecs), id: e.id, key: e.id, source: e.source, target: e.target })),
  };
}
