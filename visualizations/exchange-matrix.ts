/**
 * Exchange matrix: how many exchanges flow from each agency (row) to each agency (column), at national
 * scale between whole governments. Rows and columns are ordered by the community the engine assigned
 * (Louvain over the exchange graph), so dense blocks on the diagonal are groups that talk among
 * themselves; when communities line up with organisations, that is the silo signature. The diagonal is
 * a unit's exchanges with itself.
 */
import { interpolatePuBu, schemeTableau10 } from 'd3';
import type { Analysis } from '../src/types.js';
import { agencyOfApplication, agencyOrGovernmentUnits, aggregateExchanges, type Unit } from './shared/aggregate.js';
import { createCanvas, drawEmptyState, fitHeight } from './shared/dom.js';
import { formatCount, plural } from './shared/format.js';
import { drawColorRamp, drawSwatches, legendGroup } from './shared/legend.js';
import { unitLabel } from './shared/names.js';
import { estimateTextWidth } from './shared/text.js';
import { COLORS, FONT_SIZE, textOn } from './shared/theme.js';
import type { ViewOptions } from './shared/types.js';

export interface ExchangeMatrixOptions extends ViewOptions {
  maxUnits?: number;
}

export const EXCHANGE_MATRIX_DEFAULTS = {
  width: 900,
  height: 800,
  maxUnits: 40,
};

const LABEL_ANGLE = 50;
const LEGEND_WIDTH = 190;
const STRIP = 6;

export const communityColor = (community: number | undefined): string =>
  community === undefined ? COLORS.faint : schemeTableau10[((community % 10) + 10) % 10];

/**
 * Colours for the communities in the order the matrix draws them. Colouring by id modulo 10 gives
 * neighbouring blocks the same colour (C2 next to C22); by rank, two consecutive blocks never share one.
 */
export function communityPalette(ordered: Array<number | undefined>): (community: number | undefined) => string {
  const rank = new Map<number, number>();
  for (const c of ordered) if (c !== undefined && !rank.has(c)) rank.set(c, rank.size);
  return (community) => (community === undefined || !rank.has(community) ? COLORS.faint : schemeTableau10[rank.get(community)! % 10]);
}

/** Units grouped by community (largest first), each group by weight; the "other" roll-up last. */
function orderByCommunity(units: Unit[]): number[] {
  const totals = new Map<number | undefined, number>();
  for (const u of units) if (u.kind !== 'other') totals.set(u.community, (totals.get(u.community) ?? 0) + u.weight);
  const rank = (c: number | undefined) => (c === undefined ? -1 : totals.get(c) ?? 0);
  return units
    .map((_u, i) => i)
    .sort((a, b) => {
      const ua = units[a];
      const ub = units[b];
      if ((ua.kind === 'other') !== (ub.kind === 'other')) return ua.kind === 'other' ? 1 : -1;
      if (ua.community !== ub.community) {
        return rank(ub.community) - rank(ua.community) || (ua.community ?? Infinity) - (ub.community ?? Infinity);
      }
      return ub.weight - ua.weight || a - b;
    });
}

export function renderExchangeMatrix(container: Element, analysis: Analysis, options: ExchangeMatrixOptions = {}): SVGSVGElement {
  const o = { ...EXCHANGE_MATRIX_DEFAULTS, ...options };
  const title = 'Exchange matrix: who sends data to whom';
  const size = { ...options, width: o.width, height: o.height };
  if (!options.inventory) {
    const canvas = createCanvas(container, 'exchange-matrix', title, 'rows send · columns receive', size);
    drawEmptyState(canvas, 'Exchange pairs need the inventory', 'The analysis counts exchanges per agency; pass the inventory to see who exchanges with whom.');
    return canvas.svg.node()!;
  }
  if (options.inventory.exchanges.length === 0) {
    const canvas = createCanvas(container, 'exchange-matrix', title, `${plural(analysis.summary.applications, 'application')} · no exchanges recorded`, size);
    drawEmptyState(
      canvas,
      'This inventory records no data exchanges',
      'It lists applications only (a flat catalogue), so there is nothing to show about who sends data to whom. Add an exchanges table (source, target, mechanism) to see the flows.',
    );
    return canvas.svg.node()!;
  }
  const appAgency = agencyOfApplication(analysis, options.inventory);
  const touching = new Map<string, number>();
  for (const x of options.inventory.exchanges) {
    const s = appAgency.get(x.sourceId);
    const t = appAgency.get(x.targetId);
    if (s === undefined || t === undefined) continue;
    touching.set(s, (touching.get(s) ?? 0) + 1);
    if (t !== s) touching.set(t, (touching.get(t) ?? 0) + 1);
  }
  const grouping = agencyOrGovernmentUnits(
    { ...analysis, agencies: analysis.agencies.filter((a) => touching.has(a.id)) },
    o.maxUnits,
    (a) => touching.get(a.id) ?? 0,
  );
  const units = grouping.units;
  const flows = aggregateExchanges(options.inventory, appAgency, grouping.unitOfAgency);
  const total = flows.reduce((s, f) => s + f.count, 0);
  if (flows.length === 0) {
    const canvas = createCanvas(container, 'exchange-matrix', title, 'rows send · columns receive', size);
    drawEmptyState(
      canvas,
      'No exchanges between known applications',
      `None of the inventory’s ${plural(options.inventory.exchanges.length, 'exchange')} joins two applications of this analysis.`,
    );
    return canvas.svg.node()!;
  }
  const among = grouping.level === 'agency' ? plural(units.length, 'agency', 'agencies') : plural(units.length, 'government');
  const canvas = createCanvas(
    container,
    'exchange-matrix',
    title,
    `${plural(total, 'exchange')} among ${among} · rows send, columns receive · ordered by community`,
    size,
  );

  const order = orderByCommunity(units);
  const position = new Int32Array(units.length);
  order.forEach((unitIndex, p) => (position[unitIndex] = p));
  const n = order.length;
  const labelWidth = Math.min(190, Math.max(...units.map((u) => estimateTextWidth(unitLabel(u, 190, FONT_SIZE.small), FONT_SIZE.small))) + 8);
  const colorOf = communityPalette(order.map((i) => (units[i].kind === 'other' ? undefined : units[i].community)));
  const headerHeight = labelWidth * Math.sin((LABEL_ANGLE * Math.PI) / 180) + 14;
  const gridX = 16 + labelWidth + STRIP + 4;
  const gridY = canvas.top + headerHeight + STRIP + 4;
  const cell = Math.max(4, Math.min(40, (canvas.width - gridX - LEGEND_WIDTH - 24) / n, (canvas.height - gridY - 16) / n));
  const gridSize = cell * n;

  // Cells of the "other" roll-up sum hundreds of governments; the colour scale is set by the rest and clamps them.
  const isOther = (i: number) => units[i].kind === 'other';
  const real = flows.filter((f) => !isOther(f.source) && !isOther(f.target));
  const maxCount = Math.max(1, ...(real.length > 0 ? real : flows).map((f) => f.count));
  const color = (count: number) => interpolatePuBu(0.15 + 0.85 * Math.sqrt(Math.min(1, count / maxCount)));

  canvas.svg
    .append('rect')
    .attr('class', 'matrix-frame')
    .attr('x', gridX)
    .attr('y', gridY)
    .attr('width', gridSize)
    .attr('height', gridSize)
    .attr('fill', COLORS.panel)
    .attr('stroke', COLORS.grid);

  const cells = canvas.svg.append('g').attr('class', 'cells');
  for (const flow of flows) {
    const row = position[flow.source];
    const col = position[flow.target];
    cells
      .append('rect')
      .attr('class', flow.source === flow.target ? 'cell cell-internal' : 'cell')
      .attr('x', gridX + col * cell + 0.5)
      .attr('y', gridY + row * cell + 0.5)
      .attr('width', cell - 1)
      .attr('height', cell - 1)
      .attr('fill', color(flow.count))
      .append('title')
      .text(
        `${units[flow.source].name} → ${units[flow.target].name}: ${formatCount(flow.count)} exchange${flow.count === 1 ? '' : 's'}` +
          (flow.manual > 0 ? ` (${formatCount(flow.manual)} manual or file)` : ''),
      );
    if (cell >= 18) {
      cells
        .append('text')
        .attr('x', gridX + col * cell + cell / 2)
        .attr('y', gridY + row * cell + cell / 2 + 4)
        .attr('text-anchor', 'middle')
        .attr('font-size', FONT_SIZE.small)
        .attr('fill', textOn(color(flow.count)))
        .attr('pointer-events', 'none')
        .text(formatCount(flow.count));
    }
  }

  // Community blocks: outline the diagonal block of each run of same-community units.
  const blocks = canvas.svg.append('g').attr('class', 'community-blocks');
  const labels = canvas.svg.append('g').attr('class', 'unit-labels');
  let start = 0;
  for (let p = 0; p <= n; p++) {
    const prev = p > 0 ? units[order[p - 1]] : undefined;
    const current = p < n ? units[order[p]] : undefined;
    const sameRun = prev && current && prev.community === current.community && prev.kind !== 'other' && current.kind !== 'other';
    if (p > 0 && !sameRun) {
      if (prev!.community !== undefined && prev!.kind !== 'other') {
        blocks
          .append('rect')
          .attr('class', 'community-block')
          .attr('x', gridX + start * cell)
          .attr('y', gridY + start * cell)
          .attr('width', (p - start) * cell)
          .attr('height', (p - start) * cell)
          .attr('fill', 'none')
          .attr('stroke', colorOf(prev!.community))
          .attr('stroke-width', 2);
      }
      start = p;
    }
  }
  const fontSize = Math.min(FONT_SIZE.small, Math.max(7, cell - 2));
  order.forEach((unitIndex, p) => {
    const unit = units[unitIndex];
    const fill = colorOf(unit.kind === 'other' ? undefined : unit.community);
    labels
      .append('rect')
      .attr('class', 'community-strip')
      .attr('x', gridX - STRIP - 2)
      .attr('y', gridY + p * cell)
      .attr('width', STRIP)
      .attr('height', cell)
      .attr('fill', fill);
    labels
      .append('rect')
      .attr('class', 'community-strip')
      .attr('x', gridX + p * cell)
      .attr('y', gridY - STRIP - 2)
      .attr('width', cell)
      .attr('height', STRIP)
      .attr('fill', fill);
    const text = unitLabel(unit, labelWidth - 8, fontSize);
    const label = labels.append('g').attr('class', 'unit');
    label.append('title').text(`${unit.name}${unit.community !== undefined && unit.kind !== 'other' ? ` · community C${unit.community}` : ''}`);
    label
      .append('text')
      .attr('class', 'row-label')
      .attr('x', gridX - STRIP - 6)
      .attr('y', gridY + p * cell + cell / 2 + fontSize * 0.35)
      .attr('text-anchor', 'end')
      .attr('font-size', fontSize)
      .text(text);
    label
      .append('text')
      .attr('class', 'column-label')
      .attr('transform', `translate(${(gridX + p * cell + cell / 2 + fontSize * 0.35).toFixed(1)},${gridY - STRIP - 6}) rotate(${-LABEL_ANGLE})`)
      .attr('font-size', fontSize)
      .text(text);
  });

  const legend = legendGroup(canvas.svg, Math.min(canvas.width - LEGEND_WIDTH - 8, gridX + gridSize + 40), gridY);
  let y = drawColorRamp(legend, { x: 0, y: 0, width: LEGEND_WIDTH - 20, title: 'Exchanges (row → column)', domain: [1, maxCount], color, format: formatCount }) + 16;
  const communities = [...new Set(order.map((i) => units[i]).filter((u) => u.kind !== 'other' && u.community !== undefined).map((u) => u.community!))];
  const shown = communities.slice(0, 10);
  if (shown.length > 0) {
    y += drawSwatches(
      legend,
      0,
      y,
      'Community',
      shown.map((c) => ({ label: `C${c}`, color: colorOf(c) })),
      LEGEND_WIDTH - 10,
    );
    if (communities.length > shown.length) {
      legend.append('text').attr('y', y + 10).attr('font-size', FONT_SIZE.legend).attr('fill', COLORS.muted).text(`+ ${communities.length - shown.length} more`);
      y += 14;
    }
    y += 8;
  }
  const notes = ['Outlined blocks: one community.', 'Diagonal: exchanges inside a unit.'];
  if (grouping.level !== 'agency') notes.push('Units are whole governments.');
  if (real.length < flows.length) notes.push('"Other" cells exceed the scale.');
  notes.forEach((note, i) =>
    legend
      .append('text')
      .attr('class', 'legend-note')
      .attr('y', y + 10 + i * 14)
      .attr('font-size', FONT_SIZE.legend)
      .attr('fill', COLORS.muted)
      .text(note),
  );
  fitHeight(canvas, Math.max(gridY + gridSize, gridY + y + notes.length * 14));
  return canvas.svg.node()!;
}
