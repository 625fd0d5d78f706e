/**
 * Wasted spend: the redundant annual cost of each duplicate cluster (what the cluster costs beyond its
 * keeper) as a squarified treemap (d3-hierarchy), grouped by function, so the biggest avoidable budget
 * lines are the biggest rectangles. Colour is the engine's confidence that the cluster really is a set of
 * duplicates, so a large pale rectangle reads as "big if true — check the evidence first".
 */
import { hierarchy, interpolateOranges, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3';
import type { Analysis, DuplicateCluster } from '../src/types.js';
import { createCanvas, drawEmptyState } from './shared/dom.js';
import { RUPIAH_SHORT_NOTE, formatCount, formatPercent, formatRupiah, plural } from './shared/format.js';
import { displayCode, functionName, functionNames } from './shared/names.js';
import { drawColorRamp, legendGroup } from './shared/legend.js';
import { estimateTextWidth, truncateText } from './shared/text.js';
import { COLORS, FONT_SIZE, textOn } from './shared/theme.js';
import type { ViewOptions } from './shared/types.js';

export interface WastedSpendOptions extends ViewOptions {
  /** Clusters drawn one by one; smaller ones are merged per function into one rectangle. */
  maxClusters?: number;
  /** Functions given their own group; the rest share one, a rectangle per function. */
  maxFunctions?: number;
  maxPerFunction?: number;
  maxOtherFunctions?: number;
}

export const WASTED_SPEND_DEFAULTS = {
  width: 960,
  height: 620,
  maxClusters: 150,
  maxFunctions: 20,
  maxPerFunction: 12,
  maxOtherFunctions: 120,
};

const GROUP_HEADER = 18;
const LEGEND_HEIGHT = 44;

interface Leaf {
  kind: 'cluster' | 'rest';
  name: string;
  value: number;
  confidence: number;
  cluster?: DuplicateCluster;
  merged?: number;
}

interface Group {
  name: string;
  /** The function code, shown in the group's tooltip; absent for the shared "other functions" group. */
  code?: string;
  children: Leaf[];
}

type Datum = Leaf | Group | { children: Group[] };

export const confidenceColor = (confidence: number): string => interpolateOranges(0.25 + 0.65 * Math.min(1, Math.max(0, confidence)));

/**
 * Treemap data: the `maxFunctions` functions with the most redundant spend get their own group (the rest
 * share one "other functions" group); inside a group the largest clusters are drawn one by one — at most
 * `maxPerFunction` per group and `maxClusters` overall — and the rest merged into one rectangle. The
 * other functions share a group with one rectangle per function (up to `maxOtherFunctions`).
 */
function groups(
  clusters: DuplicateCluster[],
  names: Map<string, string>,
  o: { maxClusters: number; maxFunctions: number; maxPerFunction: number; maxOtherFunctions: number },
): Group[] {
  const sorted = [...clusters].sort((a, b) => b.redundantAnnualCost - a.redundantAnnualCost || a.id.localeCompare(b.id));
  const totals = new Map<string, number>();
  for (const c of sorted) totals.set(c.function, (totals.get(c.function) ?? 0) + c.redundantAnnualCost);
  const kept = new Set(
    [...totals]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, o.maxFunctions)
      .map(([fn]) => fn),
  );
  const byFunction = new Map<string, Group>();
  const rest = new Map<string, DuplicateCluster[]>();
  const others: DuplicateCluster[] = [];
  let drawn = 0;
  for (const cluster of sorted) {
    if (!kept.has(cluster.function)) {
      others.push(cluster);
      continue;
    }
    let group = byFunction.get(cluster.function);
    if (!group) {
      // The name leads: cut to a narrow header, a code alone ("RAB.09.S0…") tells a reader nothing.
      group = { name: functionName(cluster.function, names), code: displayCode(cluster.function), children: [] };
      byFunction.set(cluster.function, group);
    }
    if (drawn < o.maxClusters && group.children.length < o.maxPerFunction) {
      group.children.push({ kind: 'cluster', name: cluster.label, value: cluster.redundantAnnualCost, confidence: cluster.confidence, cluster });
      drawn++;
    } else {
      const list = rest.get(cluster.function) ?? [];
      list.push(cluster);
      rest.set(cluster.function, list);
    }
  }
  const merged = (list: DuplicateCluster[], name: string): Leaf => {
    const value = list.reduce((s, c) => s + c.redundantAnnualCost, 0);
    const confidence = list.reduce((s, c) => s + c.confidence * c.redundantAnnualCost, 0) / value;
    return { kind: 'rest', name, value, confidence, merged: list.length };
  };
  for (const [fn, list] of rest) byFunction.get(fn)!.children.push(merged(list, `${plural(list.length, 'smaller cluster')}`));
  const out = [...byFunction.values()];
  if (others.length > 0) {
    const perFunction = new Map<string, DuplicateCluster[]>();
    for (const c of others) perFunction.set(c.function, [...(perFunction.get(c.function) ?? []), c]);
    const lists = [...perFunction.values()];
    const leaves = lists.slice(0, o.maxOtherFunctions).map((list) => {
      const c = list[0];
      return merged(list, `${functionName(c.function, names)}: ${plural(list.length, 'cluster')}`);
    });
    const tail = lists.slice(o.maxOtherFunctions).flat();
    if (tail.length > 0) {
      leaves.push(merged(tail, `${plural(tail.length, 'cluster')} in ${plural(lists.length - o.maxOtherFunctions, 'function')}`));
    }
    out.push({ name: `Other functions (${formatCount(lists.length)}), one rectangle each`, children: leaves });
  }
  return out;
}

/** A label cut to a fragment ("9 s…") says nothing: keep it only if at least 6 characters survive. */
function legible(full: string, shown: string): string {
  return shown === full || shown.replace(/…$/, '').length >= 6 ? shown : '';
}

function leafLines(leaf: Leaf, w: number, h: number): Array<{ text: string; bold: boolean }> {
  if (w < 34 || h < 15) return [];
  const lines: Array<{ text: string; bold: boolean }> = [];
  const inner = w - 8;
  const name = legible(leaf.name, truncateText(leaf.name, inner, FONT_SIZE.small, true));
  if (!name) return [];
  lines.push({ text: name, bold: true });
  if (h >= 29) {
    const money = [formatRupiah(leaf.value), formatRupiah(leaf.value, { short: true })].find((t) => estimateTextWidth(t, FONT_SIZE.small) <= inner);
    if (money) lines.push({ text: money, bold: false });
  }
  if (h >= 43 && leaf.cluster) {
    const c = leaf.cluster;
    lines.push({ text: truncateText(`${plural(c.applications.length, 'app')} · ${plural(c.agencies.length, 'agency', 'agencies')}`, inner, FONT_SIZE.small), bold: false });
  }
  return lines.filter((l) => l.text);
}

export function renderWastedSpend(container: Element, analysis: Analysis, options: WastedSpendOptions = {}): SVGSVGElement {
  const o = { ...WASTED_SPEND_DEFAULTS, ...options };
  const clusters = analysis.duplicateClusters.filter((c) => c.redundantAnnualCost > 0);
  const total = clusters.reduce((s, c) => s + c.redundantAnnualCost, 0);
  const functions = new Set(clusters.map((c) => c.function)).size;
  const title = 'Wasted spend: redundant annual cost of duplicate systems';
  const subtitle =
    clusters.length > 0
      ? `${formatRupiah(total)} a year in ${plural(clusters.length, 'cluster')} across ${plural(functions, 'function')} · area = redundant cost · colour = confidence`
      : '';
  const canvas = createCanvas(container, 'wasted-spend', title, subtitle, { ...options, width: o.width, height: o.height });
  if (analysis.duplicateClusters.length === 0) {
    drawEmptyState(canvas, 'No duplicate clusters found', 'Nothing to consolidate: no two applications were found doing the same job.');
    return canvas.svg.node()!;
  }
  if (clusters.length === 0) {
    drawEmptyState(
      canvas,
      `${plural(analysis.duplicateClusters.length, 'duplicate cluster')}, but no redundant spend`,
      'Their members have no annual cost beyond the keeper; add costs to the inventory to price the waste.',
    );
    return canvas.svg.node()!;
  }

  const plot = { x: 16, y: canvas.top + 4, w: canvas.width - 32, h: canvas.height - canvas.top - LEGEND_HEIGHT - 12 };
  const grouped = groups(clusters, functionNames(analysis, options), o);
  const root = hierarchy<Datum>({ children: grouped }, (d) => ('children' in d ? (d.children as Datum[]) : undefined))
    .sum((d) => ('value' in d ? d.value : 0))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laidOut = treemap<Datum>()
    .size([plot.w, plot.h])
    .tile(treemapSquarify.ratio(1.4))
    .paddingOuter(2)
    .paddingInner(2)
    .paddingTop((node) => (node.depth === 1 ? GROUP_HEADER : 0))
    .round(true)(root);

  const layer = canvas.svg.append('g').attr('class', 'treemap').attr('transform', `translate(${plot.x},${plot.y})`);
  for (const node of laidOut.children ?? []) {
    const group = node.data as Group;
    const w = node.x1 - node.x0;
    const h = node.y1 - node.y0;
    const g = layer.append('g').attr('class', 'function-group');
    g.append('title').text(`${group.name}${group.code && group.code !== group.name ? ` (${group.code})` : ''}: ${formatRupiah(node.value ?? 0)} a year redundant`);
    g.append('rect')
      .attr('x', node.x0)
      .attr('y', node.y0)
      .attr('width', w)
      .attr('height', h)
      .attr('fill', COLORS.panel)
      .attr('stroke', COLORS.faint);
    const long = `${group.name} · ${formatRupiah(node.value ?? 0)}`;
    const short = `${group.name} · ${formatRupiah(node.value ?? 0, { short: true })}`;
    const fits = (t: string) => estimateTextWidth(t, FONT_SIZE.small, true) <= w - 8;
    const header = fits(long) ? long : fits(short) ? short : legible(group.name, truncateText(group.name, w - 8, FONT_SIZE.small, true));
    if (header) {
      g.append('text')
        .attr('class', 'group-label')
        .attr('x', node.x0 + 4)
        .attr('y', node.y0 + 13)
        .attr('font-size', FONT_SIZE.small)
        .attr('font-weight', 'bold')
        .text(header);
    }
  }
  const leaves = laidOut.leaves() as Array<HierarchyRectangularNode<Datum>>;
  for (const node of leaves) {
    const leaf = node.data as Leaf;
    const w = node.x1 - node.x0;
    const h = node.y1 - node.y0;
    const g = layer.append('g').attr('class', leaf.kind === 'cluster' ? 'leaf' : 'leaf leaf-rest').attr('data-id', leaf.cluster?.id ?? null);
    const fill = confidenceColor(leaf.confidence);
    g.append('rect')
      .attr('class', leaf.kind === 'cluster' ? 'cluster' : 'cluster-rest')
      .attr('x', node.x0)
      .attr('y', node.y0)
      .attr('width', Math.max(0, w))
      .attr('height', Math.max(0, h))
      .attr('fill', fill)
      .attr('stroke', leaf.kind === 'rest' ? COLORS.muted : 'none')
      .attr('stroke-dasharray', leaf.kind === 'rest' ? '3,2' : null)
      .append('title')
      .text(
        leaf.cluster
          ? `${leaf.name}\n${formatRupiah(leaf.value)} a year redundant of ${formatRupiah(leaf.cluster.totalAnnualCost)}\n` +
              `${leaf.cluster.applications.length} applications in ${leaf.cluster.agencies.length} agencies · confidence ${formatPercent(leaf.confidence)}`
          : `${leaf.name}: ${formatRupiah(leaf.value)} a year`,
      );
    leafLines(leaf, w, h).forEach((line, i) =>
      g
        .append('text')
        .attr('class', 'leaf-label')
        .attr('x', node.x0 + 4)
        .attr('y', node.y0 + 12 + i * 13)
        .attr('font-size', FONT_SIZE.small)
        .attr('font-weight', line.bold ? 'bold' : null)
        .attr('fill', textOn(fill))
        .attr('pointer-events', 'none')
        .text(line.text),
    );
  }

  const legend = legendGroup(canvas.svg, 16, canvas.height - LEGEND_HEIGHT);
  drawColorRamp(legend, { x: 0, y: 0, width: 160, title: 'Confidence of duplication', domain: [0, 1], color: confidenceColor, format: formatPercent });
  const notes = [`Area = redundant annual cost (what each cluster costs beyond its keeper). ${RUPIAH_SHORT_NOTE}.`];
  const mergedCount = grouped.flatMap((g) => g.children).reduce((s, l) => s + (l.merged ?? 0), 0);
  if (mergedCount > 0) notes.push(`Dashed: ${plural(mergedCount, 'smaller cluster')} merged per function.`);
  const zero = analysis.duplicateClusters.length - clusters.length;
  if (zero > 0) notes.push(`${plural(zero, 'cluster')} without redundant cost ${zero === 1 ? 'is' : 'are'} not drawn.`);
  notes.forEach((note, i) =>
    legend
      .append('text')
      .attr('class', 'legend-note')
      .attr('x', 200)
      .attr('y', 10 + i * 13)
      .attr('font-size', FONT_SIZE.legend)
      .attr('fill', COLORS.muted)
      .text(note),
  );
  return canvas.svg.node()!;
}
