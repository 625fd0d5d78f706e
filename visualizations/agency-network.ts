/**
 * Agency network: who exchanges data with whom. Nodes are agencies (at national scale the top agencies,
 * the rest rolled up per parent government and into one "other" node); size is applications or annual
 * spend, colour the silo score; links are exchanges aggregated between nodes, width by count, dashed when
 * most of them are manual or file transfers. The layout is d3-force run synchronously for a fixed number
 * of ticks from d3's deterministic phyllotaxis start with a seeded random source, so a file render and a
 * browser render of the same analysis look the same. A click on a node lists its applications.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  interpolateYlOrRd,
  randomLcg,
  scaleSqrt,
  select,
  type Selection,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3';
import type { Analysis, ApplicationResult } from '../src/types.js';
import { agencyOfApplication, aggregateExchanges, byApplications, bySpend, networkUnits, type Unit } from './shared/aggregate.js';
import { createCanvas, drawEmptyState, type Canvas } from './shared/dom.js';
import { formatCount, formatIndex, formatRupiah, plural } from './shared/format.js';
import { drawColorRamp, drawSizeLegend, drawSwatches, legendGroup } from './shared/legend.js';
import { displayCode, unitLabel } from './shared/names.js';
import { estimateTextWidth, truncateText } from './shared/text.js';
import { COLORS, FONT_SIZE } from './shared/theme.js';
import type { ViewOptions } from './shared/types.js';

export interface AgencyNetworkOptions extends ViewOptions {
  sizeBy?: 'applications' | 'spend';
  /** Agencies drawn as themselves before the rest are rolled up per parent government. */
  topAgencies?: number;
  /** Roll-up nodes kept; the remainder become one "other" node. */
  maxGroups?: number;
  maxLinks?: number;
  ticks?: number;
  seed?: number;
  maxLabels?: number;
}

export const AGENCY_NETWORK_DEFAULTS = {
  width: 960,
  height: 680,
  sizeBy: 'applications' as 'applications' | 'spend',
  topAgencies: 40,
  maxGroups: 30,
  maxLinks: 400,
  ticks: 300,
  seed: 42,
  maxLabels: 26,
};

const LEGEND_WIDTH = 200;
const LABEL_WIDTH = 170;
/** A label across a node's centre may cover other nodes only below this share of that node's radius. */
const CENTRE_COVER_RATIO = 0.6;
const DRILL_LIMIT = 22;

interface NodeDatum extends SimulationNodeDatum {
  index: number;
  unit: Unit;
  r: number;
}

interface LinkDatum extends SimulationLinkDatum<NodeDatum> {
  a: number;
  b: number;
  count: number;
  manual: number;
}

/** The largest 1-2-5 step not above `value` (a round number for a legend). */
function niceBelow(value: number): number {
  if (value < 1) return 0;
  const base = 10 ** Math.floor(Math.log10(value));
  return [5, 2, 1].map((m) => m * base).find((v) => v <= value) ?? base;
}

/** Exchange counts for the line legend: 1, a round middle value, and the largest. */
export function lineLegendValues(maxCount: number): number[] {
  const values = [1, niceBelow(Math.sqrt(maxCount)), maxCount];
  return values.filter((v, i) => v >= 1 && values.indexOf(v) === i).sort((a, b) => a - b);
}

/** One line per value, drawn at the width the map uses, labelled with its count; returns the height used. */
function drawLineLegend(legend: Selection<SVGGElement, unknown, null, undefined>, y: number, values: number[], width: (count: number) => number): number {
  const block = legend.append('g').attr('class', 'legend-lines').attr('transform', `translate(0,${y})`);
  block.append('text').attr('font-size', FONT_SIZE.legend).attr('font-weight', 'bold').text('Lines: exchanges');
  values.forEach((value, i) => {
    const row = block.append('g').attr('class', 'legend-item').attr('transform', `translate(0,${10 + i * 16})`);
    row.append('line').attr('x1', 0).attr('x2', 24).attr('y1', 6).attr('y2', 6).attr('stroke', COLORS.link).attr('stroke-width', width(value));
    row.append('text').attr('x', 30).attr('y', 10).attr('font-size', FONT_SIZE.legend).text(plural(value, 'exchange'));
  });
  return 10 + values.length * 16;
}

export const siloColor = (score: number): string => interpolateYlOrRd(0.12 + 0.88 * Math.min(1, Math.max(0, score)));

function undirectedLinks(flows: ReturnType<typeof aggregateExchanges>, maxLinks: number): { links: LinkDatum[]; total: number } {
  const byPair = new Map<string, LinkDatum>();
  for (const f of flows) {
    if (f.source === f.target) continue;
    const a = Math.min(f.source, f.target);
    const b = Math.max(f.source, f.target);
    const key = `${a}-${b}`;
    const link = byPair.get(key) ?? { a, b, source: a, target: b, count: 0, manual: 0 };
    link.count += f.count;
    link.manual += f.manual;
    byPair.set(key, link);
  }
  const all = [...byPair.values()].sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);
  return { links: all.slice(0, maxLinks), total: all.length };
}

/** Runs the force layout to rest and scales it into the plot box; returns node centres and radii in place. */
function layout(nodes: NodeDatum[], links: LinkDatum[], box: { x: number; y: number; w: number; h: number }, ticks: number, seed: number): void {
  const maxCount = Math.max(1, ...links.map((l) => l.count));
  const simulation = forceSimulation(nodes)
    .randomSource(randomLcg(seed))
    .force(
      'link',
      forceLink<NodeDatum, LinkDatum>(links)
        .id((d) => d.index)
        .distance((l) => (l.source as NodeDatum).r + (l.target as NodeDatum).r + 40)
        .strength((l) => 0.15 + 0.5 * Math.sqrt(l.count / maxCount)),
    )
    .force('charge', forceManyBody<NodeDatum>().strength((d) => -40 - 5 * d.r))
    .force('collide', forceCollide<NodeDatum>((d) => d.r + 6))
    // A wide plot wants a wide layout: pull less along x than along y in proportion to the box.
    .force('x', forceX<NodeDatum>(0).strength(0.05 * Math.min(1, box.h / box.w)))
    .force('y', forceY<NodeDatum>(0).strength(0.05))
    .stop();
  simulation.tick(ticks);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x! - n.r);
    maxX = Math.max(maxX, n.x! + n.r);
    minY = Math.min(minY, n.y! - n.r - 14);
    maxY = Math.max(maxY, n.y! + n.r + 16);
  }
  const scale = Math.min(box.w / Math.max(1, maxX - minX), box.h / Math.max(1, maxY - minY), 2);
  const offsetX = box.x + (box.w - (maxX - minX) * scale) / 2;
  const offsetY = box.y + (box.h - (maxY - minY) * scale) / 2;
  for (const n of nodes) {
    n.x = offsetX + (n.x! - minX) * scale;
    n.y = offsetY + (n.y! - minY) * scale;
    if (scale < 1) n.r = Math.max(2.5, n.r * scale);
  }
}

/**
 * Greedy label placement: biggest nodes first; each label tries below, above, right and left of its node
 * and is skipped where every spot would overlap a placed label or another node.
 */
function placeLabels(nodes: NodeDatum[], maxLabels: number, bounds: { w: number; h: number }) {
  type Box = { x0: number; x1: number; y0: number; y1: number };
  const placed: Box[] = [];
  const out: Array<{ node: NodeDatum; text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }> = [];
  const ranked = [...nodes].sort((a, b) => b.r - a.r || a.index - b.index);
  // Circle against box: the nearest point of the box lies inside the circle.
  const overlapsNode = (box: Box, self: NodeDatum, minRadius = 0) =>
    nodes.some((n) => {
      if (n === self || n.r < minRadius) return false;
      const dx = n.x! - Math.max(box.x0, Math.min(n.x!, box.x1));
      const dy = n.y! - Math.max(box.y0, Math.min(n.y!, box.y1));
      return dx * dx + dy * dy < n.r * n.r;
    });
  for (const node of ranked) {
    if (out.length >= maxLabels) break;
    const text = unitLabel(node.unit, LABEL_WIDTH, FONT_SIZE.small);
    if (!text) continue;
    const w = estimateTextWidth(text, FONT_SIZE.small);
    const cx = node.x!;
    const cy = node.y!;
    const d = node.r * 0.7;
    const candidates: Array<{ x: number; y: number; anchor: 'start' | 'middle' | 'end'; left: number }> = [
      { x: cx, y: cy + node.r + 11, anchor: 'middle', left: cx - w / 2 },
      { x: cx, y: cy - node.r - 4, anchor: 'middle', left: cx - w / 2 },
      { x: cx + node.r + 4, y: cy + 4, anchor: 'start', left: cx + node.r + 4 },
      { x: cx - node.r - 4, y: cy + 4, anchor: 'end', left: cx - node.r - 4 - w },
      // Diagonals, for a node boxed in by neighbours on all four sides.
      { x: cx + d + 2, y: cy - d - 2, anchor: 'start', left: cx + d + 2 },
      { x: cx - d - 2, y: cy - d - 2, anchor: 'end', left: cx - d - 2 - w },
      { x: cx + d + 2, y: cy + d + 10, anchor: 'start', left: cx + d + 2 },
      { x: cx - d - 2, y: cy + d + 10, anchor: 'end', left: cx - d - 2 - w },
    ];
    const free = (c: { y: number; left: number }, minRadius: number) => {
      const box = { x0: c.left - 2, x1: c.left + w + 2, y0: c.y - 10, y1: c.y + 3 };
      if (box.x0 < 0 || box.x1 > bounds.w || box.y0 < 0 || box.y1 > bounds.h) return false;
      if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) return false;
      return !overlapsNode(box, node, minRadius);
    };
    // A roll-up (a whole government) boxed in on every side carries its short label across its own centre
    // rather than go unnamed, as long as the label covers only much smaller nodes: across a node of its
    // own size it would read as that node's name. A single agency's long name there would only hide its
    // neighbours.
    const centre = node.unit.suffix ? { x: cx, y: cy + 4, anchor: 'middle' as const, left: cx - w / 2 } : undefined;
    const spot = candidates.find((c) => free(c, 0)) ?? (centre && free(centre, node.r * CENTRE_COVER_RATIO) ? centre : undefined);
    if (!spot) continue;
    placed.push({ x0: spot.left - 2, x1: spot.left + w + 2, y0: spot.y - 10, y1: spot.y + 3 });
    out.push({ node, text, x: spot.x, y: spot.y, anchor: spot.anchor });
  }
  return out;
}

function applicationNames(analysis: Analysis, options: ViewOptions): Map<string, string> | undefined {
  const names = new Map<string, string>();
  if (options.inventory) for (const app of options.inventory.applications) names.set(app.id, app.name);
  for (const app of analysis.applications) if (app.name) names.set(app.id, app.name);
  return names.size > 0 ? names : undefined;
}

/** The drill-down panel: the unit's applications, costliest first. */
function showApplications(canvas: Canvas, unit: Unit, analysis: Analysis, names: Map<string, string>, onClose: () => void): void {
  canvas.svg.selectAll('g.drill-panel').remove();
  const members = new Set(unit.members);
  const apps: ApplicationResult[] = analysis.applications
    .filter((a) => members.has(a.agencyId))
    .sort((a, b) => b.annualCost - a.annualCost || (names.get(a.id) ?? a.id).localeCompare(names.get(b.id) ?? b.id));
  const w = Math.min(380, canvas.width - 32);
  const x = canvas.width - w - 16;
  const y = canvas.top;
  const rows = Math.min(apps.length, DRILL_LIMIT);
  const estimated = apps.slice(0, rows).some((a) => a.costEstimated);
  const footer = (apps.length > rows ? 1 : 0) + (estimated ? 1 : 0);
  const h = 64 + rows * 17 + footer * 16;
  const panel = canvas.svg.append('g').attr('class', 'drill-panel').attr('transform', `translate(${x},${y})`);
  panel.append('rect').attr('width', w).attr('height', h).attr('rx', 6).attr('fill', COLORS.background).attr('stroke', COLORS.muted);
  panel
    .append('text')
    .attr('x', 12)
    .attr('y', 22)
    .attr('font-size', 13)
    .attr('font-weight', 'bold')
    .text(truncateText(unit.name, w - 48, 13, true));
  panel
    .append('text')
    .attr('x', 12)
    .attr('y', 40)
    .attr('font-size', FONT_SIZE.small)
    .attr('fill', COLORS.muted)
    .text(`${plural(apps.length, 'application')} · ${formatRupiah(unit.annualCost)} a year`);
  const close = panel.append('g').attr('class', 'drill-close').attr('transform', `translate(${w - 28},8)`).style('cursor', 'pointer');
  close.append('rect').attr('width', 20).attr('height', 20).attr('rx', 3).attr('fill', COLORS.panel);
  close.append('text').attr('x', 10).attr('y', 15).attr('text-anchor', 'middle').attr('font-size', 14).text('×');
  close.on('click', () => {
    panel.remove();
    onClose();
  });
  apps.slice(0, rows).forEach((app, i) => {
    const row = panel.append('g').attr('class', 'drill-row').attr('transform', `translate(12,${62 + i * 17})`);
    const cost = formatRupiah(app.annualCost, { short: true }) + (app.costEstimated ? '*' : '');
    const costWidth = estimateTextWidth(cost, FONT_SIZE.small);
    row
      .append('text')
      .attr('font-size', FONT_SIZE.small)
      .text(truncateText(names.get(app.id) ?? app.id, w - 36 - costWidth - 70, FONT_SIZE.small));
    row
      .append('text')
      .attr('x', w - 24 - costWidth - 8)
      .attr('text-anchor', 'end')
      .attr('font-size', FONT_SIZE.small)
      .attr('fill', COLORS.muted)
      .text(truncateText(app.function ? displayCode(app.function) : 'unclassified', 62, FONT_SIZE.small));
    row.append('text').attr('x', w - 24).attr('text-anchor', 'end').attr('font-size', FONT_SIZE.small).text(cost);
  });
  const notes = [...(apps.length > rows ? [`… and ${formatCount(apps.length - rows)} more`] : []), ...(estimated ? ['* cost estimated (missing in the inventory)'] : [])];
  notes.forEach((note, i) =>
    panel
      .append('text')
      .attr('x', 12)
      .attr('y', 62 + rows * 17 + i * 16)
      .attr('font-size', FONT_SIZE.small)
      .attr('fill', COLORS.muted)
      .text(note),
  );
}

export function renderAgencyNetwork(container: Element, analysis: Analysis, options: AgencyNetworkOptions = {}): SVGSVGElement {
  const o = { ...AGENCY_NETWORK_DEFAULTS, ...options };
  const weight = o.sizeBy === 'spend' ? bySpend : byApplications;
  const grouping = networkUnits(analysis, o.topAgencies, o.maxGroups, weight);
  const sizeLabel = o.sizeBy === 'spend' ? 'annual spend' : 'applications';
  const scaleNote =
    grouping.level === 'agency'
      ? plural(analysis.agencies.length, 'agency', 'agencies')
      : `top ${o.topAgencies} of ${formatCount(analysis.agencies.length)} agencies, the rest rolled up by parent government`;
  const title = 'Agency network: data exchanges between agencies';
  const size = { ...options, width: o.width, height: o.height };
  if (grouping.units.length === 0) {
    const canvas = createCanvas(container, 'agency-network', title, '', size);
    drawEmptyState(canvas, 'No agencies in this analysis', 'Load an inventory with agencies to see the network.');
    return canvas.svg.node()!;
  }
  // Without a single exchange a force layout only scatters the agencies: say what is missing instead.
  const noExchanges = options.inventory ? options.inventory.exchanges.length === 0 : analysis.summary.exchanges === 0;
  if (noExchanges) {
    const canvas = createCanvas(container, 'agency-network', title, `${plural(analysis.agencies.length, 'agency', 'agencies')} · ${plural(analysis.summary.applications, 'application')} · no exchanges recorded`, size);
    drawEmptyState(
      canvas,
      'This inventory records no data exchanges',
      'It lists applications only (a flat catalogue), so there is no network to draw between agencies. Add an exchanges table (source, target, mechanism) to see who shares data with whom.',
    );
    return canvas.svg.node()!;
  }
  const canvas = createCanvas(container, 'agency-network', title, `${scaleNote} · size = ${sizeLabel} · colour = silo score · lines = exchanges`, size);

  const appAgency = agencyOfApplication(analysis, options.inventory);
  const flows = options.inventory ? aggregateExchanges(options.inventory, appAgency, grouping.unitOfAgency) : [];
  const { links, total: totalLinks } = undirectedLinks(flows, o.maxLinks);

  const box = { x: 16, y: canvas.top + 8, w: canvas.width - LEGEND_WIDTH - 40, h: canvas.height - canvas.top - 24 };
  const measure = (u: Unit) => (o.sizeBy === 'spend' ? u.annualCost : u.applications);
  // The "other" roll-up can hold thousands of agencies; scaling to it would shrink every real agency to a dot.
  const sized = grouping.units.filter((u) => u.kind !== 'other');
  const maxMeasure = Math.max(1, ...(sized.length > 0 ? sized : grouping.units).map(measure));
  const rMax = Math.min(40, Math.max(10, Math.sqrt((box.w * box.h) / grouping.units.length) * 0.3));
  const radius = scaleSqrt().domain([0, maxMeasure]).range([0, rMax]).clamp(true);
  const nodeRadius = (value: number) => Math.max(4, radius(value));
  const nodes: NodeDatum[] = grouping.units.map((unit, index) => ({ index, unit, r: nodeRadius(measure(unit)) }));
  layout(nodes, links, box, o.ticks, o.seed);

  const isOther = (i: number) => grouping.units[i].kind === 'other';
  const realLinks = links.filter((l) => !isOther(l.a) && !isOther(l.b));
  const maxCount = Math.max(1, ...(realLinks.length > 0 ? realLinks : links).map((l) => l.count));
  const linkWidth = scaleSqrt().domain([1, maxCount]).range([1, 10]).clamp(true);
  const linkLayer = canvas.svg.append('g').attr('class', 'links');
  for (const link of links) {
    const a = nodes[link.a];
    const b = nodes[link.b];
    // Links to the "other" roll-up sum thousands of agencies; drawn faint, they do not hide the named ones.
    const toOther = isOther(link.a) || isOther(link.b);
    linkLayer
      .append('line')
      .attr('class', toOther ? 'link link-other' : 'link')
      .attr('x1', a.x!)
      .attr('y1', a.y!)
      .attr('x2', b.x!)
      .attr('y2', b.y!)
      .attr('stroke', COLORS.link)
      .attr('stroke-opacity', toOther ? 0.22 : 0.55)
      .attr('stroke-width', linkWidth(link.count))
      .attr('stroke-dasharray', link.manual * 2 > link.count ? '5,3' : null)
      .append('title')
      .text(`${a.unit.name} ↔ ${b.unit.name}: ${plural(link.count, 'exchange')} (${formatCount(link.manual)} manual or file)`);
  }

  const names = applicationNames(analysis, options);
  const nodeLayer = canvas.svg.append('g').attr('class', 'nodes');
  const nodeGroups = nodeLayer
    .selectAll<SVGGElement, NodeDatum>('g.node')
    .data(nodes)
    .join('g')
    .attr('class', (d) => `node node-${d.unit.kind}`)
    .attr('data-id', (d) => d.unit.id)
    .attr('transform', (d) => `translate(${d.x!.toFixed(1)},${d.y!.toFixed(1)})`);
  nodeGroups
    .append('circle')
    .attr('r', (d) => d.r.toFixed(1))
    .attr('fill', (d) => siloColor(d.unit.siloScore))
    .attr('stroke', (d) => (d.unit.kind === 'agency' ? COLORS.background : COLORS.text))
    .attr('stroke-width', (d) => (d.unit.kind === 'agency' ? 1.5 : 1))
    .attr('stroke-dasharray', (d) => (d.unit.kind === 'agency' ? null : '3,2'));
  nodeGroups
    .append('title')
    .text(
      (d) =>
        `${d.unit.name}\n${plural(d.unit.applications, 'application')} · ${formatRupiah(d.unit.annualCost)} a year\n` +
        `silo score ${formatIndex(d.unit.siloScore)}` +
        (d.unit.members.length > 1 ? ` · ${formatCount(d.unit.members.length)} agencies` : ''),
    );
  const markSelected = (selected: NodeDatum | undefined) =>
    nodeGroups
      .classed('selected', (d) => d === selected)
      .select('circle')
      .attr('stroke', (d) => (d === selected ? COLORS.text : d.unit.kind === 'agency' ? COLORS.background : COLORS.text))
      .attr('stroke-width', (d) => (d === selected ? 3 : d.unit.kind === 'agency' ? 1.5 : 1));
  if (names) {
    const choose = (d: NodeDatum) => {
      markSelected(d);
      showApplications(canvas, d.unit, analysis, names, () => markSelected(undefined));
    };
    nodeGroups
      .attr('tabindex', 0)
      .attr('role', 'button')
      .style('cursor', 'pointer')
      .style('outline', 'none')
      .on('click', (_event: Event, d: NodeDatum) => choose(d))
      .on('keydown', (event: KeyboardEvent, d: NodeDatum) => {
        if (event.key === 'Enter' || event.key === ' ') choose(d);
      });
  }

  const labelLayer = canvas.svg.append('g').attr('class', 'labels').attr('pointer-events', 'none');
  for (const label of placeLabels(nodes, o.maxLabels, { w: box.x + box.w, h: canvas.height })) {
    labelLayer
      .append('text')
      .attr('class', 'node-label')
      .attr('x', label.x.toFixed(1))
      .attr('y', label.y.toFixed(1))
      .attr('text-anchor', label.anchor)
      .attr('font-size', FONT_SIZE.small)
      .attr('stroke', COLORS.background)
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text(label.text);
  }

  const legend = legendGroup(canvas.svg, canvas.width - LEGEND_WIDTH - 8, canvas.top + 8);
  let y = drawColorRamp(legend, { x: 0, y: 0, width: LEGEND_WIDTH - 20, title: 'Silo score', domain: [0, 1], color: siloColor, format: formatIndex });
  y += 14;
  const sizeValues = [maxMeasure, niceBelow(maxMeasure / 4)].filter((v, i, all) => v > 0 && all.indexOf(v) === i);
  const sizeFormat =
    o.sizeBy === 'spend' ? (v: number) => formatRupiah(v, { short: true }) : (v: number) => `${formatCount(v)} app${v === 1 ? '' : 's'}`;
  y += drawSizeLegend(legend, 0, y, `Size: ${sizeLabel}`, sizeValues, nodeRadius, sizeFormat) + 10;
  if (links.length > 0) {
    y += drawLineLegend(legend, y, lineLegendValues(maxCount), linkWidth) + 4;
    legend
      .append('text')
      .attr('y', y + 8)
      .attr('font-size', FONT_SIZE.legend)
      .attr('fill', COLORS.muted)
      .text('dashed: mostly manual or file');
    y += 22;
  }
  if (grouping.level !== 'agency') {
    y += drawSwatches(legend, 0, y, '', [{ label: 'roll-up of several agencies', color: COLORS.panel, stroke: COLORS.text, shape: 'circle' }], LEGEND_WIDTH) + 4;
    if (grouping.units.some((u) => u.kind === 'other')) {
      legend.append('text').attr('class', 'legend-note').attr('y', y + 8).attr('font-size', FONT_SIZE.legend).attr('fill', COLORS.muted).text('"Other" is capped at the top size.');
      y += 18;
    }
  }
  const notes: string[] = [];
  const inside = flows.reduce((s, f) => s + (f.source === f.target ? f.count : 0), 0);
  if (!options.inventory) notes.push('Exchanges need the inventory:', 'nodes only.');
  else if (links.length === 0) notes.push('No exchanges between agencies:', inside > 0 ? `all ${plural(inside, 'exchange')} stay inside one.` : 'none joins two known applications.');
  else if (totalLinks > links.length) notes.push(`Strongest ${formatCount(links.length)} of ${formatCount(totalLinks)} links.`);
  if (names) notes.push('Click a node to list its applications.');
  notes.forEach((note, i) =>
    legend
      .append('text')
      .attr('class', 'legend-note')
      .attr('y', y + 10 + i * 14)
      .attr('font-size', FONT_SIZE.legend)
      .attr('fill', COLORS.muted)
      .text(truncateText(note, LEGEND_WIDTH, FONT_SIZE.legend)),
  );
  // Clicking empty space closes the drill-down panel.
  select(canvas.svg.node()!.querySelector('rect.background')).on('click', () => {
    canvas.svg.selectAll('g.drill-panel').remove();
    markSelected(undefined);
  });
  return canvas.svg.node()!;
}
