/**
 * Positions for the explorer, computed once on the server so the browser draws the first view at once.
 *
 * Three levels, matching how the explorer collapses by organisation. (1) Each agency is a disc sized so
 * that its applications fit inside it on a Vogel (sunflower) spiral — expanding an agency shows its
 * applications in place, without moving anything else — and at least as large as the disc a cost-sized
 * drawing needs, so sizing by cost never makes discs overlap. (2) The agencies of one government (a
 * regency with its OPDs, a ministry alone) are circle-packed around each other (d3.packSiblings, the
 * front-chain algorithm of Wang et al. 2006). (3) The governments are laid out by d3-force: Barnes–Hut
 * many-body repulsion, links weighted by the exchanges between two governments, collision on the packed
 * radius, for a capped number of ticks with a seeded random source, so the same analysis always gives
 * the same picture.
 *
 * Forcing governments rather than agencies keeps the simulation to a few hundred nodes at national
 * scale (≈600 governments for ≈2,600 agencies): O(ticks · (G log G + L)) for G governments and L ≤ maxLinks
 * government pairs. Applications are placed in O(N log N). Nothing iterates over application pairs.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  packEnclose,
  packSiblings,
  randomLcg,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3';
import type { ExplorerModel } from './model.js';

export const LAYOUT_DEFAULTS = {
  seed: 42,
  /** Distance between neighbouring application dots inside an agency disc. */
  spacing: 7,
  minRadius: 6,
  /** Gap kept between packed agency discs and between governments. */
  gap: 3,
  /** Simulation ticks; the cooling rate is set so the layout settles within them. */
  ticks: 240,
  /** Government pairs kept as links, strongest first. */
  maxLinks: 20_000,
};

export type LayoutOptions = Partial<typeof LAYOUT_DEFAULTS>;

export interface ExplorerLayout {
  agencyX: Float64Array;
  agencyY: Float64Array;
  agencyR: Float64Array;
  appX: Float64Array;
  appY: Float64Array;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
  spacing: number;
  step: number;
  minRadius: number;
  /** Government circle of each agency: index into `governments`. */
  governmentOf: Int32Array;
  governments: Array<{ agency: number; members: number; x: number; y: number; r: number }>;
  /** Ticks run and links used, for the record. */
  ticks: number;
  links: number;
}

interface GovernmentNode extends SimulationNodeDatum {
  index: number;
  agency: number;
  r: number;
}

interface GovernmentLink extends SimulationLinkDatum<GovernmentNode> {
  weight: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Spiral step such that each dot owns a cell of about `spacing` across. */
const spiralStep = (spacing: number): number => (spacing / Math.sqrt(Math.PI)) * 1.05;

/** Top of each agency's parent chain (itself when it has no parent); cycles stop where they close. */
function governmentOf(model: ExplorerModel): Int32Array {
  return Int32Array.from(model.agencies, (_a, i) => {
    let at = i;
    const seen = new Set<number>([at]);
    for (;;) {
      const parentId = model.agencies[at].parentId;
      const up = parentId !== undefined ? model.agencyIndex.get(parentId) : undefined;
      if (up === undefined || seen.has(up)) return at;
      seen.add(up);
      at = up;
    }
  });
}

function governmentLinks(model: ExplorerModel, slot: Int32Array, count: number, maxLinks: number): GovernmentLink[] {
  const weights = new Map<number, number>();
  for (let x = 0; x < model.exchangeSource.length; x++) {
    const a = slot[model.agencyOfApp[model.exchangeSource[x]]];
    const b = slot[model.agencyOfApp[model.exchangeTarget[x]]];
    if (a === b) continue;
    const key = a < b ? a * count + b : b * count + a;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const links: GovernmentLink[] = [];
  for (const [key, weight] of weights) {
    const a = Math.floor(key / count);
    links.push({ source: a, target: key - a * count, weight });
  }
  links.sort((p, q) => q.weight - p.weight || (p.source as number) - (q.source as number) || (p.target as number) - (q.target as number));
  return links.slice(0, maxLinks);
}

export function layoutExplorer(model: ExplorerModel, options: LayoutOptions = {}): ExplorerLayout {
  const o = { ...LAYOUT_DEFAULTS, ...options };
  const n = model.agencies.length;
  const step = spiralStep(o.spacing);
  const appRadius = model.appsOfAgency.map((apps) => Math.max(o.minRadius, step * Math.sqrt(apps.length) + o.spacing * 0.6));
  const maxAppRadius = maxOf(appRadius, o.minRadius);
  const maxCost = maxOf(model.agencies.map((a) => a.annualCost), 0);
  const radius = appRadius.map((r, i) => (maxCost > 0 ? Math.max(r, maxAppRadius * Math.sqrt(model.agencies[i].annualCost / maxCost)) : r));

  // Pack each government's agencies; offsets are relative to the government's enclosing circle.
  const government = governmentOf(model);
  const members = new Map<number, number[]>();
  for (let a = 0; a < n; a++) {
    const list = members.get(government[a]);
    if (list) list.push(a);
    else members.set(government[a], [a]);
  }
  const govAgencies = [...members.keys()].sort((p, q) => p - q);
  const slot = new Int32Array(n);
  const offsetX = new Float64Array(n);
  const offsetY = new Float64Array(n);
  const nodes: GovernmentNode[] = govAgencies.map((agency, index) => {
    // The government's own agency first, then larger units nearer the middle.
    const list = members.get(agency)!.sort((p, q) => Number(q === agency) - Number(p === agency) || radius[q] - radius[p] || p - q);
    const circles = list.map((a) => ({ r: radius[a] + o.gap / 2, x: 0, y: 0, a }));
    packSiblings(circles);
    const enclosing = packEnclose(circles);
    for (const c of circles) {
      slot[c.a] = index;
      offsetX[c.a] = c.x - enclosing.x;
      offsetY[c.a] = c.y - enclosing.y;
    }
    return { index, agency, r: enclosing.r };
  });

  const G = nodes.length;
  const meanR = nodes.reduce((s, g) => s + g.r, 0) / Math.max(1, G);
  nodes.forEach((g, k) => {
    const d = meanR * 2 * Math.sqrt(k + 0.5);
    g.x = d * Math.cos(k * GOLDEN_ANGLE);
    g.y = d * Math.sin(k * GOLDEN_ANGLE);
  });
  const links = governmentLinks(model, slot, Math.max(1, G), o.maxLinks);
  const ticks = G <= 1 ? 0 : o.ticks;
  if (ticks > 0) {
    const maxWeight = maxOf(links.map((l) => l.weight), 1);
    forceSimulation(nodes)
      .randomSource(randomLcg(o.seed))
      .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
      .force(
        'link',
        forceLink<GovernmentNode, GovernmentLink>(links)
          .distance((l) => (l.source as GovernmentNode).r + (l.target as GovernmentNode).r + 20)
          .strength((l) => 0.05 + 0.45 * Math.sqrt(l.weight / maxWeight)),
      )
      .force('charge', forceManyBody<GovernmentNode>().strength((g) => -15 - 3 * g.r).theta(0.9))
      .force('collide', forceCollide<GovernmentNode>((g) => g.r + o.gap).strength(0.9))
      .force('x', forceX<GovernmentNode>(0).strength(0.05))
      .force('y', forceY<GovernmentNode>(0).strength(0.05))
      .stop()
      .tick(ticks);
  }

  const agencyX = new Float64Array(n);
  const agencyY = new Float64Array(n);
  const agencyR = Float64Array.from(radius);
  for (let a = 0; a < n; a++) {
    const g = nodes[slot[a]];
    agencyX[a] = round1((g.x ?? 0) + offsetX[a]);
    agencyY[a] = round1((g.y ?? 0) + offsetY[a]);
  }

  const appX = new Float64Array(model.applications.length);
  const appY = new Float64Array(model.applications.length);
  model.appsOfAgency.forEach((apps, a) => {
    // Neighbouring dots share community and function, so colour-by shows blocks rather than noise.
    const ordered = [...apps].sort((p, q) => compareApps(model, p, q));
    ordered.forEach((app, k) => {
      const d = step * Math.sqrt(k + 0.5);
      appX[app] = round1(agencyX[a] + d * Math.cos(k * GOLDEN_ANGLE));
      appY[app] = round1(agencyY[a] + d * Math.sin(k * GOLDEN_ANGLE));
    });
  });

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, agencyX[i] - agencyR[i]);
    minY = Math.min(minY, agencyY[i] - agencyR[i]);
    maxX = Math.max(maxX, agencyX[i] + agencyR[i]);
    maxY = Math.max(maxY, agencyY[i] + agencyR[i]);
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  return {
    agencyX, agencyY, agencyR, appX, appY,
    bounds: { minX, minY, maxX, maxY },
    spacing: o.spacing, step, minRadius: o.minRadius,
    governmentOf: slot,
    governments: nodes.map((g) => ({ agency: g.agency, members: members.get(g.agency)!.length, x: round1(g.x ?? 0), y: round1(g.y ?? 0), r: round1(g.r) })),
    ticks, links: links.length,
  };
}

function compareApps(model: ExplorerModel, p: number, q: number): number {
  const a = model.applications[p];
  const b = model.applications[q];
  return (a.community ?? -1) - (b.community ?? -1) || (a.function ?? '').localeCompare(b.function ?? '') || b.annualCost - a.annualCost || a.id.localeCompare(b.id);
}

/** Largest value, at least `floor`; a loop, because spreading 25,000 arguments can overflow the stack. */
function maxOf(values: number[], floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
