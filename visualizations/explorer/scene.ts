/**
 * From view state to a scene: the nodes, links and labels to draw, in world coordinates, independent of
 * how they are drawn (canvas, SVG, PNG or SVG export all paint the same scene).
 *
 * Overview: agencies collapsed into one node each, expanded agencies as a disc with their applications
 * inside (positions precomputed by the server), exchanges aggregated between whatever nodes are visible.
 * Ego network: breadth-first from one application (or agency) to the chosen depth over the undirected
 * exchange graph, placed on concentric rings by depth, each ring ordered by the angle of the node it was
 * reached from so branches stay together. Filters fade nodes, and links whose ends both fail them (or
 * whose mechanism fails the exchange filter); nothing is hidden.
 */
import type { ExplorerData, Adjacency } from './data.js';
import { palette, sizer, type Legend } from './colors.js';
import type { Matches, ViewState } from './state.js';

export const SCENE_DEFAULTS = {
  /** Links drawn at most, strongest first; the rest are counted in the status line. */
  maxLinks: 30_000,
  /** Ego networks up to this many nodes are drawn as SVG, larger ones on canvas. */
  svgLimit: 400,
  ringGap: 130,
  /** Arc length each ego node gets on its ring. */
  nodeGap: 22,
};

/** `group`: an expanded agency's disc; `government`: the circle a government's agencies are packed in. */
export type SceneNodeKind = 'agency' | 'application' | 'group' | 'government';

/** Kinds that are outlines around other nodes rather than marks of their own. */
export const isFrame = (node: SceneNode): boolean => node.kind === 'group' || node.kind === 'government';

export interface SceneNode {
  /** Agency a → a; application i → nAgencies + i (unique within a scene except a group and its agency). */
  key: number;
  kind: SceneNodeKind;
  index: number;
  x: number;
  y: number;
  r: number;
  fill: string;
  faded: boolean;
  selected: boolean;
  label: string;
  /** Label priority; larger first. */
  weight: number;
  /** Smallest on-screen radius at which the node gets a label (selected nodes always do). */
  labelAt: number;
  depth?: number;
}

export interface SceneLink {
  a: SceneNode;
  b: SceneNode;
  count: number;
  /** Exchanges among `count` that are manual or file transfers. */
  manual: number;
  faded: boolean;
  highlight: boolean;
}

export interface Scene {
  kind: 'overview' | 'ego';
  title: string;
  subtitle: string;
  nodes: SceneNode[];
  links: SceneLink[];
  droppedLinks: number;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
  legend: Legend;
  sizeLabel: string;
  renderer: 'canvas' | 'svg';
  /** Applications the scene covers (what "export selection" writes), with their ego depth when in ego mode. */
  apps: number[];
  appDepth?: Map<number, number>;
  matchedApps: number;
}

function manualMechanisms(data: ExplorerData): Set<number> {
  const out = new Set<number>();
  data.payload.dict.mechanisms.forEach((m, i) => {
    if (m === 'manual' || m === 'file') out.add(i);
  });
  return out;
}

function boundsOf(nodes: SceneNode[]): Scene['bounds'] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.r);
    minY = Math.min(minY, n.y - n.r);
    maxX = Math.max(maxX, n.x + n.r);
    maxY = Math.max(maxY, n.y + n.r);
  }
  return nodes.length > 0 ? { minX, minY, maxX, maxY } : { minX: -1, minY: -1, maxX: 1, maxY: 1 };
}

function selectedKeys(data: ExplorerData, state: ViewState): Set<number> {
  const keys = new Set<number>();
  const s = state.selected;
  if (!s) return keys;
  if (s.kind === 'agency') {
    const a = data.agencyIndex.get(s.id);
    if (a !== undefined) keys.add(a);
  } else if (s.kind === 'application') {
    const i = data.appIndex.get(s.id);
    if (i !== undefined) keys.add(data.nAgencies + i);
  } else if (s.kind === 'cluster') {
    const c = data.clusterIndex.get(s.id);
    if (c !== undefined) for (let i = 0; i < data.nApps; i++) if (data.appCluster[i] === c) keys.add(data.nAgencies + i);
  }
  return keys;
}

interface LinkAccumulator {
  a: number;
  b: number;
  count: number;
  manual: number;
  matched: number;
}

/** Aggregates exchanges between scene nodes; `nodeOf` maps an exchange end (application) to a scene node key. */
function aggregateLinks(
  data: ExplorerData,
  exchanges: Iterable<number>,
  nodeOf: (app: number) => number,
  matchesAll: Matches,
  manual: Set<number>,
): LinkAccumulator[] {
  const total = data.nAgencies + data.nApps;
  const byPair = new Map<number, LinkAccumulator>();
  for (const k of exchanges) {
    const s = nodeOf(data.xSource[k]);
    const t = nodeOf(data.xTarget[k]);
    if (s < 0 || t < 0 || s === t) continue;
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    const key = a * total + b;
    let acc = byPair.get(key);
    if (!acc) {
      acc = { a, b, count: 0, manual: 0, matched: 0 };
      byPair.set(key, acc);
    }
    acc.count++;
    if (manual.has(data.xMechanism[k])) acc.manual++;
    // A link stays lit when either end passes: a region's exchanges with national systems are its context.
    const endMatches = matchesAll.app[data.xSource[k]] === 1 || matchesAll.app[data.xTarget[k]] === 1;
    if (endMatches && (!matchesAll.exchange || matchesAll.exchange[k] === 1)) acc.matched++;
  }
  return [...byPair.values()];
}

function finishLinks(acc: LinkAccumulator[], nodeByKey: Map<number, SceneNode>, selected: Set<number>, maxLinks: number): { links: SceneLink[]; dropped: number } {
  // Lit links first, so the cap never drops what the filters point at.
  acc.sort((p, q) => Number(q.matched > 0) - Number(p.matched > 0) || q.count - p.count || p.a - q.a || p.b - q.b);
  const kept = acc.slice(0, maxLinks);
  const links: SceneLink[] = [];
  for (const l of kept) {
    const a = nodeByKey.get(l.a);
    const b = nodeByKey.get(l.b);
    if (!a || !b) continue;
    links.push({ a, b, count: l.count, manual: l.manual, faded: l.matched === 0, highlight: selected.has(l.a) || selected.has(l.b) });
  }
  return { links, dropped: acc.length - kept.length };
}

function range(n: number): Iterable<number> {
  return { [Symbol.iterator]: function* () { for (let k = 0; k < n; k++) yield k; } };
}

export function overviewScene(data: ExplorerData, state: ViewState, m: Matches, options: Partial<typeof SCENE_DEFAULTS> = {}): Scene {
  const o = { ...SCENE_DEFAULTS, ...options };
  const colors = palette(data, state.colorBy);
  const size = sizer(data, state.sizeBy);
  const selected = selectedKeys(data, state);
  const names = data.payload.agencies.name;
  const appNames = data.payload.applications.name;
  const frames: SceneNode[] = [];
  const nodes: SceneNode[] = [];
  const nodeByKey = new Map<number, SceneNode>();
  const G = data.payload.governments;
  const governmentFaded = new Uint8Array(G.agency.length).fill(1);
  for (let a = 0; a < data.nAgencies; a++) if (m.agency[a] === 1) governmentFaded[data.agencyGovernment[a]] = 0;
  G.agency.forEach((a, g) => {
    if (G.members[g] < 2) return;
    frames.push({
      key: -1 - g, kind: 'government', index: g, x: G.x[g], y: G.y[g], r: G.r[g], fill: colors.agency(a),
      faded: governmentFaded[g] === 1, selected: false, label: names[a], weight: G.r[g] * 3, labelAt: 10,
    });
  });
  for (let a = 0; a < data.nAgencies; a++) {
    const packed = G.members[data.agencyGovernment[a]] > 1;
    if (state.expanded.has(a)) {
      frames.push({
        key: a, kind: 'group', index: a, x: data.agencyX[a], y: data.agencyY[a], r: data.agencyR[a], fill: colors.agency(a),
        faded: m.agency[a] === 0, selected: selected.has(a), label: names[a], weight: data.agencyR[a] * 2, labelAt: 8,
      });
      for (const i of data.appsOfAgency[a]) {
        const key = data.nAgencies + i;
        const node: SceneNode = {
          key, kind: 'application', index: i, x: data.appX[i], y: data.appY[i], r: size.app(i), fill: colors.app(i),
          faded: m.app[i] === 0, selected: selected.has(key), label: appNames[i], weight: size.app(i), labelAt: 4,
        };
        nodes.push(node);
        nodeByKey.set(key, node);
      }
    } else {
      const r = size.agency(a);
      const node: SceneNode = {
        key: a, kind: 'agency', index: a, x: data.agencyX[a], y: data.agencyY[a], r, fill: colors.agency(a),
        faded: m.agency[a] === 0, selected: selected.has(a), label: names[a], weight: r, labelAt: packed ? 9 : 3,
      };
      nodes.push(node);
      nodeByKey.set(a, node);
    }
  }
  const nodeOf = (app: number): number => (state.expanded.has(data.appAgency[app]) ? data.nAgencies + app : data.appAgency[app]);
  const { links, dropped } = finishLinks(aggregateLinks(data, range(data.nExchanges), nodeOf, m, manualMechanisms(data)), nodeByKey, selected, o.maxLinks);
  const all = [...frames, ...nodes];
  const apps: number[] = [];
  for (let i = 0; i < data.nApps; i++) apps.push(i);
  return {
    kind: 'overview',
    title: 'Agencies and their exchanges',
    subtitle: `${data.nAgencies} agencies (${state.expanded.size} expanded), ${data.nApps} applications, ${data.nExchanges} exchanges`,
    nodes: all,
    links,
    droppedLinks: dropped,
    bounds: boundsOf(all),
    legend: colors.legend,
    sizeLabel: size.label,
    renderer: 'canvas',
    apps,
    matchedApps: m.matchedApps,
  };
}

interface Reach {
  order: number[];
  depth: Map<number, number>;
  parent: Map<number, number>;
}

function breadthFirst(adjacency: Adjacency, start: number, maxDepth: number): Reach {
  const depth = new Map<number, number>([[start, 0]]);
  const parent = new Map<number, number>();
  const order = [start];
  for (let head = 0; head < order.length; head++) {
    const u = order[head];
    const d = depth.get(u)!;
    if (d >= maxDepth) continue;
    for (let k = adjacency.start[u]; k < adjacency.start[u + 1]; k++) {
      const v = adjacency.list[k];
      if (depth.has(v)) continue;
      depth.set(v, d + 1);
      parent.set(v, u);
      order.push(v);
    }
  }
  return { order, depth, parent };
}

/** Ring placement: ring radius grows with depth and with how many nodes the ring must hold. */
function radialPositions(reach: Reach, tieBreak: (u: number) => string, o: typeof SCENE_DEFAULTS): Map<number, { x: number; y: number }> {
  const pos = new Map<number, { x: number; y: number; angle: number }>();
  const rings: number[][] = [];
  for (const u of reach.order) (rings[reach.depth.get(u)!] ??= []).push(u);
  pos.set(reach.order[0], { x: 0, y: 0, angle: 0 });
  let radius = 0;
  for (let d = 1; d < rings.length; d++) {
    const ring = rings[d];
    const parentAngle = (u: number) => pos.get(reach.parent.get(u)!)?.angle ?? 0;
    ring.sort((p, q) => parentAngle(p) - parentAngle(q) || tieBreak(p).localeCompare(tieBreak(q)) || p - q);
    radius = Math.max(radius + o.ringGap, (ring.length * o.nodeGap) / (2 * Math.PI));
    const gap = o.nodeGap / radius;
    const angles = ring.length * gap >= 2 * Math.PI * 0.75 || d === 1 ? evenAngles(ring.length, d === 1 ? -Math.PI / 2 : parentAngle(ring[0])) : nearParents(ring, reach, parentAngle, gap);
    ring.forEach((u, k) => pos.set(u, { x: radius * Math.cos(angles[k]), y: radius * Math.sin(angles[k]), angle: angles[k] }));
  }
  return pos;
}

function evenAngles(n: number, start: number): number[] {
  return Array.from({ length: n }, (_v, k) => start + (2 * Math.PI * k) / n);
}

/**
 * A sparse ring: each node wants its parent's angle (siblings fanned out around it, `gap` apart); a sweep
 * in angle order then pushes nodes apart to at least `gap`, and the whole ring is shifted back so the
 * nodes sit, on average, where they wanted to be.
 */
function nearParents(ring: number[], reach: Reach, parentAngle: (u: number) => number, gap: number): number[] {
  const siblings = new Map<number, number[]>();
  for (const u of ring) {
    const p = reach.parent.get(u)!;
    (siblings.get(p) ?? siblings.set(p, []).get(p)!).push(u);
  }
  const wanted = ring.map((u) => {
    const group = siblings.get(reach.parent.get(u)!)!;
    return parentAngle(u) + (group.indexOf(u) - (group.length - 1) / 2) * gap;
  });
  const angles = [...wanted];
  for (let k = 1; k < angles.length; k++) angles[k] = Math.max(angles[k], angles[k - 1] + gap);
  let drift = 0;
  for (let k = 0; k < angles.length; k++) drift += angles[k] - wanted[k];
  const shift = drift / angles.length;
  return angles.map((a) => a - shift);
}

export function egoScene(data: ExplorerData, state: ViewState, m: Matches, options: Partial<typeof SCENE_DEFAULTS> = {}): Scene | undefined {
  const o = { ...SCENE_DEFAULTS, ...options };
  const focus = state.ego;
  if (!focus) return undefined;
  const colors = palette(data, state.colorBy);
  const selected = selectedKeys(data, state);
  const agencyLevel = focus.kind === 'agency';
  const adjacency = agencyLevel ? data.agencyAdjacency() : data.appAdjacency;
  const reach = breadthFirst(adjacency, focus.index, state.depth);
  const names = agencyLevel ? data.payload.agencies.name : data.payload.applications.name;
  const agencyNames = data.payload.agencies.name;
  const tieBreak = agencyLevel ? (u: number) => names[u] : (u: number) => `${agencyNames[data.appAgency[u]]}\u0000${names[u]}`;
  const pos = radialPositions(reach, tieBreak, o);

  let maxValue = 0;
  const value = (u: number): number =>
    state.sizeBy === 'uniform' ? 1 : agencyLevel ? (state.sizeBy === 'cost' ? data.agencyCost[u] : data.appsOfAgency[u].length) : state.sizeBy === 'cost' ? data.appCost[u] : 1;
  for (const u of reach.order) maxValue = Math.max(maxValue, value(u));
  const radius = (u: number) => (maxValue > 0 ? 4 + 12 * Math.sqrt(value(u) / maxValue) : 7);

  const nodes: SceneNode[] = [];
  const nodeByKey = new Map<number, SceneNode>();
  for (const u of reach.order) {
    const key = agencyLevel ? u : data.nAgencies + u;
    const p = pos.get(u)!;
    const d = reach.depth.get(u)!;
    const node: SceneNode = {
      key, kind: agencyLevel ? 'agency' : 'application', index: u, x: p.x, y: p.y, r: radius(u),
      fill: agencyLevel ? colors.agency(u) : colors.app(u), faded: agencyLevel ? m.agency[u] === 0 : m.app[u] === 0,
      selected: selected.has(key) || d === 0, label: names[u], weight: 100 - d * 10 + radius(u), labelAt: 0, depth: d,
    };
    nodes.push(node);
    nodeByKey.set(key, node);
  }

  // Exchanges among the reached nodes only: each reached node's incident exchanges, kept when both ends are in.
  const exchanges = new Set<number>();
  for (const u of reach.order) {
    for (let k = adjacency.start[u]; k < adjacency.start[u + 1]; k++) if (reach.depth.has(adjacency.list[k])) exchanges.add(adjacency.via[k]);
  }
  const nodeOf = agencyLevel ? (app: number) => data.appAgency[app] : (app: number) => (reach.depth.has(app) ? data.nAgencies + app : -1);
  const focusKey = agencyLevel ? focus.index : data.nAgencies + focus.index;
  const { links, dropped } = finishLinks(aggregateLinks(data, exchanges, nodeOf, m, manualMechanisms(data)), nodeByKey, new Set([focusKey, ...selected]), o.maxLinks);

  const apps: number[] = [];
  const appDepth = new Map<number, number>();
  if (agencyLevel) {
    for (const a of reach.order) for (const i of data.appsOfAgency[a]) {
      apps.push(i);
      appDepth.set(i, reach.depth.get(a)!);
    }
  } else {
    for (const i of reach.order) {
      apps.push(i);
      appDepth.set(i, reach.depth.get(i)!);
    }
  }
  let matchedApps = 0;
  for (const i of apps) matchedApps += m.app[i];
  const focusName = names[focus.index];
  return {
    kind: 'ego',
    title: `Ego network of ${focusName}`,
    subtitle: `${agencyLevel ? 'agencies' : 'applications'} within ${state.depth} exchange step${state.depth === 1 ? '' : 's'}: ${reach.order.length} nodes, ${links.length} links`,
    nodes,
    links,
    droppedLinks: dropped,
    bounds: boundsOf(nodes),
    legend: colors.legend,
    sizeLabel: state.sizeBy === 'cost' ? 'area ∝ annual cost' : state.sizeBy === 'applications' && agencyLevel ? 'area ∝ applications' : 'same size',
    renderer: nodes.length <= o.svgLimit ? 'svg' : 'canvas',
    apps,
    appDepth,
    matchedApps,
  };
}
