/**
 * Diagrams for an exported model, laid out on a grid so nothing overlaps and every connection runs
 * between visible boxes (the exchange format stores absolute coordinates; Archi draws what it is given):
 *
 * - one view per agency that has applications: the agency on top, its applications in a grid under it
 *   (owned through "owns"), the applications of other agencies they exchange with in a column to the
 *   right, and the data objects they use in a row at the bottom; connections for ownership, exchanges
 *   among the boxes shown, and access;
 * - one view per duplicate cluster: the owning agencies in a row, the cluster's Grouping under them with
 *   its members nested inside (the keeper filled gold), and ownership connections.
 */
import type { Analysis, Inventory } from '../types.js';
import { derivedId } from './ids.js';
import type { ModelIndex } from './build-model.js';
import type { ModelView, RGB, ViewConnection, ViewNode } from './model.js';

const BOX = { w: 170, h: 60, gapX: 30, gapY: 30, margin: 20, columns: 6 };
const PARTNER_GAP = 90;
const COLOURS: Record<'actor' | 'application' | 'partner' | 'data' | 'grouping' | 'keeper', RGB> = {
  actor: { r: 255, g: 255, b: 181 },
  application: { r: 181, g: 255, b: 255 },
  partner: { r: 225, g: 235, b: 235 },
  data: { r: 181, g: 255, b: 255 },
  grouping: { r: 245, g: 245, b: 245 },
  keeper: { r: 255, g: 215, b: 0 },
};

class ViewBuilder {
  readonly nodes: ViewNode[] = [];
  readonly connections: ViewConnection[] = [];
  private readonly nodeOf = new Map<string, string>();
  private count = 0;

  constructor(private readonly viewId: string) {}

  node(elementRef: string, x: number, y: number, fill: RGB, into: ViewNode[] = this.nodes, w = BOX.w, h = BOX.h): ViewNode {
    const node: ViewNode = { id: `${this.viewId}.n${++this.count}`, elementRef, x, y, w, h, fill, children: [] };
    into.push(node);
    this.nodeOf.set(elementRef, node.id);
    return node;
  }

  connect(relationshipRef: string | undefined, sourceElement: string | undefined, targetElement: string | undefined): void {
    if (relationshipRef === undefined || sourceElement === undefined || targetElement === undefined) return;
    const source = this.nodeOf.get(sourceElement);
    const target = this.nodeOf.get(targetElement);
    if (source === undefined || target === undefined) return;
    this.connections.push({ id: `${this.viewId}.c${this.connections.length + 1}`, relationshipRef, source, target });
  }
}

function gridPosition(i: number, columns: number, top: number, left: number = BOX.margin): { x: number; y: number } {
  return { x: left + (i % columns) * (BOX.w + BOX.gapX), y: top + Math.floor(i / columns) * (BOX.h + BOX.gapY) };
}

function rowsOf(n: number, columns: number): number {
  return Math.ceil(n / columns);
}

export function layoutViews(inventory: Inventory, analysis: Analysis | undefined, index: ModelIndex): ModelView[] {
  return [...agencyViews(inventory, index), ...(analysis ? clusterViews(inventory, analysis, index) : [])];
}

function agencyViews(inventory: Inventory, index: ModelIndex): ModelView[] {
  const appsOf = new Map<string, string[]>();
  for (const app of inventory.applications) (appsOf.get(app.agencyId) ?? appsOf.set(app.agencyId, []).get(app.agencyId)!).push(app.id);
  const datasetsOfApp = new Map(inventory.applications.map((a) => [a.id, a.datasets]));
  const exchangesOfApp = new Map<string, typeof inventory.exchanges>();
  for (const x of inventory.exchanges) {
    for (const end of [x.sourceId, x.targetId]) (exchangesOfApp.get(end) ?? exchangesOfApp.set(end, []).get(end)!).push(x);
  }
  const views: ModelView[] = [];
  for (const agency of inventory.agencies) {
    const apps = appsOf.get(agency.id);
    if (!apps) continue;
    const viewId = derivedId('view-agency', agency.id);
    const view = new ViewBuilder(viewId);
    const columns = Math.min(BOX.columns, apps.length);
    view.node(index.agency.get(agency.id)!, BOX.margin, BOX.margin, COLOURS.actor);
    const appsTop = BOX.margin + BOX.h + BOX.gapY * 2;
    apps.forEach((appId, i) => {
      const { x, y } = gridPosition(i, columns, appsTop);
      view.node(index.application.get(appId)!, x, y, COLOURS.application);
    });
    const own = new Set(apps);
    const partnerSet = new Set<string>();
    const exchanges = new Map<string, (typeof inventory.exchanges)[number]>();
    for (const appId of apps) {
      for (const x of exchangesOfApp.get(appId) ?? []) {
        exchanges.set(x.id, x);
        for (const end of [x.sourceId, x.targetId]) if (!own.has(end)) partnerSet.add(end);
      }
    }
    const partners = [...partnerSet];
    const partnersLeft = BOX.margin + columns * (BOX.w + BOX.gapX) - BOX.gapX + PARTNER_GAP;
    partners.forEach((appId, i) => view.node(index.application.get(appId)!, partnersLeft, appsTop + i * (BOX.h + BOX.gapY), COLOURS.partner));
    const datasetSet = new Set<string>();
    for (const appId of apps) for (const d of datasetsOfApp.get(appId) ?? []) if (index.dataset.has(d)) datasetSet.add(d);
    const datasets = [...datasetSet];
    const dataTop = appsTop + Math.max(rowsOf(apps.length, columns), 1) * (BOX.h + BOX.gapY) + BOX.gapY * 2;
    datasets.forEach((d, i) => {
      const { x, y } = gridPosition(i, columns, dataTop);
      view.node(index.dataset.get(d)!, x, y, COLOURS.data);
    });
    for (const appId of apps) view.connect(index.owner.get(appId), index.agency.get(agency.id), index.application.get(appId));
    for (const x of exchanges.values()) view.connect(index.exchange.get(x.id), index.application.get(x.sourceId), index.application.get(x.targetId));
    for (const appId of apps) {
      for (const d of datasetsOfApp.get(appId) ?? []) view.connect(index.access.get(`${appId}\u0000${d}`), index.application.get(appId), index.dataset.get(d));
    }
    views.push({
      id: viewId,
      name: `Agency: ${agency.name}`,
      documentation: `${apps.length} application(s) of ${agency.name}; the ${partners.length} application(s) of other agencies they exchange with are shown on the right.`,
      viewpoint: 'Application Cooperation',
      nodes: view.nodes,
      connections: view.connections,
    });
  }
  return views;
}

function clusterViews(inventory: Inventory, analysis: Analysis, index: ModelIndex): ModelView[] {
  const agencyOfApp = new Map(inventory.applications.map((a) => [a.id, a.agencyId]));
  const nameOfApp = new Map(inventory.applications.map((a) => [a.id, a.name]));
  const views: ModelView[] = [];
  for (const cluster of analysis.duplicateClusters) {
    const grouping = index.cluster.get(cluster.id);
    const members = cluster.applications.filter((a) => index.application.has(a));
    if (grouping === undefined || members.length === 0) continue;
    const viewId = derivedId('view-cluster', cluster.id);
    const view = new ViewBuilder(viewId);
    const agencies = [...new Set(members.map((m) => agencyOfApp.get(m)).filter((a): a is string => a !== undefined && index.agency.has(a)))];
    const columns = Math.min(BOX.columns, Math.max(members.length, agencies.length));
    agencies.forEach((a, i) => {
      const { x, y } = gridPosition(i, columns, BOX.margin);
      view.node(index.agency.get(a)!, x, y, COLOURS.actor);
    });
    const groupTop = BOX.margin + rowsOf(agencies.length, columns) * (BOX.h + BOX.gapY) + BOX.gapY;
    const inner = { top: groupTop + 40, left: BOX.margin + BOX.gapX };
    const memberColumns = Math.min(BOX.columns, members.length);
    const width = memberColumns * (BOX.w + BOX.gapX) + BOX.gapX;
    const height = 40 + rowsOf(members.length, memberColumns) * (BOX.h + BOX.gapY) + BOX.gapY / 2;
    const group = view.node(grouping, BOX.margin, groupTop, COLOURS.grouping, view.nodes, width, height);
    members.forEach((m, i) => {
      const { x, y } = gridPosition(i, memberColumns, inner.top, inner.left);
      view.node(index.application.get(m)!, x, y, m === cluster.keeper ? COLOURS.keeper : COLOURS.application, group.children);
    });
    for (const m of members) view.connect(index.owner.get(m), index.agency.get(agencyOfApp.get(m) ?? ''), index.application.get(m));
    views.push({
      id: viewId,
      name: `Duplicate: ${cluster.label}`,
      documentation: `${members.length} applications doing ${cluster.functionName ?? cluster.function}; the keeper (gold) is ${nameOfApp.get(cluster.keeper) ?? cluster.keeper}.`,
      viewpoint: 'Application Cooperation',
      nodes: view.nodes,
      connections: view.connections,
    });
  }
  return views;
}
