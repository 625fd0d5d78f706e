/**
 * Capability map: which functions each agency builds for itself. Rows are functions (reference codes
 * from the classifier), columns agencies — or, at national scale, whole governments — and a cell counts
 * the applications of that function there. This is the LeanIX/Ardoq capability view and the UK GDS
 * "collision" check read as a heatmap: a cell above 1 is a duplicate inside one column, and a row that
 * spans many columns is a function built again and again instead of shared.
 */
import { interpolateBlues, scaleLinear } from 'd3';
import type { Analysis } from '../src/types.js';
import { agencyOrGovernmentUnits } from './shared/aggregate.js';
import { createCanvas, drawEmptyState, fitHeight } from './shared/dom.js';
import { formatCount } from './shared/format.js';
import { drawColorRamp, drawSwatches, legendGroup } from './shared/legend.js';
import { estimateTextWidth, truncateText } from './shared/text.js';
import { COLORS, FONT_SIZE } from './shared/theme.js';
import type { ViewOptions } from './shared/types.js';

export interface CapabilityMapOptions extends ViewOptions {
  maxColumns?: number;
  maxRows?: number;
  /** A function built in at least this many agencies is highlighted. */
  manyAgencies?: number;
}

export const CAPABILITY_MAP_DEFAULTS = {
  width: 960,
  height: 660,
  maxColumns: 40,
  maxRows: 30,
  manyAgencies: 3,
};

const COLUMN_LABEL_ANGLE = 50;
const SPREAD_WIDTH = 110;
const LEGEND_HEIGHT = 46;

interface Row {
  code: string;
  label: string;
  counts: Int32Array;
  agencies: number;
  total: number;
}

export function functionLabels(analysis: Analysis): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of analysis.duplicateClusters) if (c.functionName) names.set(c.function, c.functionName);
  return names;
}

export function renderCapabilityMap(container: Element, analysis: Analysis, options: CapabilityMapOptions = {}): SVGSVGElement {
  const o = { ...CAPABILITY_MAP_DEFAULTS, ...options };
  const classified = analysis.applications.filter((a) => a.function);
  const perAgency = new Map<string, number>();
  for (const app of classified) perAgency.set(app.agencyId, (perAgency.get(app.agencyId) ?? 0) + 1);
  const grouping = agencyOrGovernmentUnits(
    { ...analysis, agencies: analysis.agencies.filter((a) => perAgency.has(a.id)) },
    o.maxColumns,
    (a) => perAgency.get(a.id) ?? 0,
  );
  const columns = grouping.units;
  const columnNoun = grouping.level === 'agency' ? 'agencies' : 'governments';

  const rowsByCode = new Map<string, Row & { agencySet: Set<string> }>();
  const names = functionLabels(analysis);
  for (const app of classified) {
    const col = grouping.unitOfAgency.get(app.agencyId);
    if (col === undefined) continue;
    const code = app.function!;
    let row = rowsByCode.get(code);
    if (!row) {
      const name = names.get(code);
      row = { code, label: name ? `${code} ${name}` : code, counts: new Int32Array(columns.length), agencies: 0, total: 0, agencySet: new Set() };
      rowsByCode.set(code, row);
    }
    row.counts[col]++;
    row.total++;
    row.agencySet.add(app.agencyId);
  }
  const allRows = [...rowsByCode.values()]
    .map((r) => ({ ...r, agencies: r.agencySet.size }))
    .sort((a, b) => b.agencies - a.agencies || b.total - a.total || a.code.localeCompare(b.code));
  const rows: Row[] = allRows.slice(0, o.maxRows);
  const unclassified = analysis.applications.length - classified.length;

  const scope = [
    `rows = functions${allRows.length > rows.length ? ` (top ${rows.length} of ${formatCount(allRows.length)})` : ''}`,
    `columns = ${columnNoun}${grouping.level !== 'agency' ? ` (top ${columns.length - (columns.at(-1)?.kind === 'other' ? 1 : 0)})` : ''}`,
    'cell = applications',
    ...(unclassified > 0 ? [`${formatCount(unclassified)} unclassified not shown`] : []),
  ].join(' · ');
  const canvas = createCanvas(container, 'capability-map', 'Capability map: functions built per agency', scope, { ...options, width: o.width, height: o.height });
  if (rows.length === 0) {
    drawEmptyState(canvas, 'No classified applications', 'Functions come from the inventory’s function codes or the classifier; none were found.');
    return canvas.svg.node()!;
  }

  const rowLabelWidth = Math.min(240, Math.max(...rows.map((r) => estimateTextWidth(r.label, FONT_SIZE.label, true))) + 10);
  const columnLabelWidth = Math.min(150, Math.max(...columns.map((c) => estimateTextWidth(c.name, FONT_SIZE.small))) + 6);
  const sin = Math.sin((COLUMN_LABEL_ANGLE * Math.PI) / 180);
  const headerHeight = columnLabelWidth * sin + 12;
  const availableW = canvas.width - 16 - rowLabelWidth - SPREAD_WIDTH - 16 - columnLabelWidth * Math.cos((COLUMN_LABEL_ANGLE * Math.PI) / 180) * 0.3;
  const availableH = canvas.height - canvas.top - headerHeight - LEGEND_HEIGHT - 12;
  const cell = Math.max(6, Math.min(30, availableW / columns.length, availableH / rows.length));
  const gridX = 16 + rowLabelWidth;
  const gridY = canvas.top + headerHeight;
  const gridW = cell * columns.length;
  const gridH = cell * rows.length;

  // The colour scale ignores the "other" column: it sums hundreds of governments and would wash out the rest.
  const scaled = columns.map((c, j) => (c.kind === 'other' ? -1 : j)).filter((j) => j >= 0);
  const maxCount = Math.max(1, ...rows.flatMap((r) => (scaled.length > 0 ? scaled : columns.map((_c, j) => j)).map((j) => r.counts[j])));
  const color = (count: number) => interpolateBlues(0.2 + 0.8 * Math.min(1, count / maxCount));
  const maxAgencies = Math.max(...rows.map((r) => r.agencies));
  const many = (r: Row) => r.agencies >= o.manyAgencies;

  const grid = canvas.svg.append('g').attr('class', 'grid');
  rows.forEach((row, i) => {
    grid
      .append('rect')
      .attr('class', 'row-band')
      .attr('x', gridX)
      .attr('y', gridY + i * cell)
      .attr('width', gridW)
      .attr('height', cell)
      .attr('fill', i % 2 === 0 ? COLORS.panel : COLORS.background);
  });
  columns.forEach((_c, j) => {
    grid
      .append('line')
      .attr('x1', gridX + j * cell)
      .attr('x2', gridX + j * cell)
      .attr('y1', gridY)
      .attr('y2', gridY + gridH)
      .attr('stroke', COLORS.grid)
      .attr('stroke-width', 0.5);
  });

  const cells = canvas.svg.append('g').attr('class', 'cells');
  const showCounts = cell >= 15;
  rows.forEach((row, i) => {
    for (let j = 0; j < columns.length; j++) {
      const count = row.counts[j];
      if (count === 0) continue;
      const multiple = count > 1;
      const x = gridX + j * cell;
      const y = gridY + i * cell;
      const g = cells.append('g').attr('class', multiple ? 'cell cell-multiple' : 'cell');
      g.append('rect')
        .attr('x', x + 1)
        .attr('y', y + 1)
        .attr('width', cell - 2)
        .attr('height', cell - 2)
        .attr('fill', color(count))
        .attr('stroke', multiple ? COLORS.highlight : 'none')
        .attr('stroke-width', multiple ? 2 : 0)
        .append('title')
        .text(`${row.label} · ${columns[j].name}: ${formatCount(count)} application${count === 1 ? '' : 's'}`);
      if (showCounts) {
        g.append('text')
          .attr('x', x + cell / 2)
          .attr('y', y + cell / 2 + 4)
          .attr('text-anchor', 'middle')
          .attr('font-size', FONT_SIZE.small)
          .attr('fill', count / maxCount > 0.55 ? COLORS.background : COLORS.text)
          .attr('pointer-events', 'none')
          .text(formatCount(count));
      }
    }
  });

  const rowLabels = canvas.svg.append('g').attr('class', 'row-labels');
  rows.forEach((row, i) => {
    rowLabels
      .append('text')
      .attr('class', many(row) ? 'row-label many' : 'row-label')
      .attr('x', gridX - 6)
      .attr('y', gridY + i * cell + cell / 2 + 4)
      .attr('text-anchor', 'end')
      .attr('font-size', Math.min(FONT_SIZE.label, cell))
      .attr('font-weight', many(row) ? 'bold' : null)
      .attr('fill', many(row) ? COLORS.highlight : COLORS.text)
      .text(truncateText(row.label, rowLabelWidth - 8, FONT_SIZE.label, many(row)));
  });

  const columnLabels = canvas.svg.append('g').attr('class', 'column-labels');
  columns.forEach((column, j) => {
    const x = gridX + j * cell + cell / 2;
    columnLabels
      .append('text')
      .attr('class', 'column-label')
      .attr('transform', `translate(${x.toFixed(1)},${gridY - 6}) rotate(${-COLUMN_LABEL_ANGLE})`)
      .attr('font-size', Math.min(FONT_SIZE.small, cell))
      .attr('font-style', column.kind === 'other' ? 'italic' : null)
      .text(truncateText(column.name, columnLabelWidth - 6, FONT_SIZE.small));
  });

  const spreadX = gridX + gridW + 14;
  const spread = scaleLinear().domain([0, maxAgencies]).range([0, SPREAD_WIDTH - 36]);
  const spreadGroup = canvas.svg.append('g').attr('class', 'spread');
  spreadGroup
    .append('text')
    .attr('x', spreadX)
    .attr('y', gridY - 8)
    .attr('font-size', FONT_SIZE.small)
    .attr('font-weight', 'bold')
    .text('Agencies');
  rows.forEach((row, i) => {
    const y = gridY + i * cell;
    const barH = Math.max(3, Math.min(12, cell - 4));
    spreadGroup
      .append('rect')
      .attr('class', 'spread-bar')
      .attr('x', spreadX)
      .attr('y', y + (cell - barH) / 2)
      .attr('width', Math.max(1, spread(row.agencies)))
      .attr('height', barH)
      .attr('fill', many(row) ? COLORS.highlight : COLORS.faint);
    spreadGroup
      .append('text')
      .attr('x', spreadX + spread(row.agencies) + 4)
      .attr('y', y + cell / 2 + 4)
      .attr('font-size', Math.min(FONT_SIZE.small, cell))
      .attr('fill', COLORS.muted)
      .text(formatCount(row.agencies));
  });

  const legendY = Math.min(canvas.height - LEGEND_HEIGHT, gridY + gridH + 18);
  const legend = legendGroup(canvas.svg, 16, legendY);
  drawColorRamp(legend, { x: 0, y: 0, width: 160, title: 'Applications per cell', domain: [1, maxCount], color, format: formatCount, steps: Math.min(10, maxCount) });
  const noun = grouping.level === 'agency' ? 'agency' : 'government';
  drawSwatches(
    legend,
    200,
    0,
    'Highlights',
    [
      { label: `more than one in one ${noun}`, color: COLORS.background, stroke: COLORS.highlight },
      { label: `function built in ${o.manyAgencies}+ agencies`, color: COLORS.highlight },
    ],
    canvas.width - 232,
  );
  if (columns.some((c) => c.kind === 'other')) {
    legend
      .append('text')
      .attr('class', 'legend-note')
      .attr('x', 200)
      .attr('y', 40)
      .attr('font-size', FONT_SIZE.legend)
      .attr('fill', COLORS.muted)
      .text('The "other" column sums many governments; its cells exceed the colour scale.');
  }
  fitHeight(canvas, legendY + LEGEND_HEIGHT);
  return canvas.svg.node()!;
}
