/**
 * Capability map: which functions each agency builds for itself. Rows are functions (reference codes
 * from the classifier), columns agencies — or, at national scale, whole governments — and a cell counts
 * the applications of that function there. This is the LeanIX/Ardoq capability view and the UK GDS
 * "collision" check read as a heatmap: a cell above 1 is a duplicate inside one column, and a row that
 * spans many columns is a function built again and again instead of shared.
 */
import { interpolateBlues, scaleLinear } from 'd3';
import type { Analysis } from '../src/types.js';
import { agencyOrGovernmentUnits, type Unit } from './shared/aggregate.js';
import { createCanvas, drawEmptyState, fitHeight } from './shared/dom.js';
import { formatCount, plural } from './shared/format.js';
import { drawColorRamp, drawSwatches, legendGroup } from './shared/legend.js';
import { displayCode, functionName, functionNames, unitLabel } from './shared/names.js';
import { estimateTextWidth, truncateText } from './shared/text.js';
import { COLORS, FONT_SIZE, textOn } from './shared/theme.js';
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
const SPREAD_WIDTH = 96;
const LEGEND_HEIGHT = 46;
const CODE_FONT = 9;
/**
 * Row labels (function names) get at least MIN_NAME_WIDTH, and up to MAX_NAME_SHARE of the width beside
 * the code column when few columns leave room.
 */
const MIN_NAME_WIDTH = 210;
const MAX_NAME_SHARE = 0.6;
/** Column width the grid is planned with when sharing the canvas with the row labels. */
const PLANNED_CELL = 16;
/** Cells may be at most this much taller than wide (or wider than tall) when the box is not square. */
const MAX_CELL_ASPECT = 1.5;

interface Row {
  code: string;
  /** The function's name, or its code when no name is known. */
  name: string;
  /** The code shown beside the name; empty when the name already is the code. */
  shownCode: string;
  counts: Int32Array;
  agencies: number;
  total: number;
}

/** Function code → name from the analysis alone (duplicate clusters); the renderer adds the taxonomy's names. */
export function functionLabels(analysis: Analysis, options: Pick<ViewOptions, 'functionNames'> = {}): Map<string, string> {
  return functionNames(analysis, options);
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
  const names = functionNames(analysis, options);
  for (const app of classified) {
    const col = grouping.unitOfAgency.get(app.agencyId);
    if (col === undefined) continue;
    const code = app.function!;
    let row = rowsByCode.get(code);
    if (!row) {
      const name = functionName(code, names);
      const shownCode = displayCode(code);
      row = { code, name, shownCode: name === shownCode ? '' : shownCode, counts: new Int32Array(columns.length), agencies: 0, total: 0, agencySet: new Set() };
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

  const codeWidth = Math.min(96, Math.max(0, ...rows.map((r) => (r.shownCode ? estimateTextWidth(r.shownCode, CODE_FONT) : 0))));
  const codeColumn = codeWidth > 0 ? codeWidth + 8 : 0;
  const columnText = (c: Unit) => unitLabel(c, 150, FONT_SIZE.small);
  const columnLabelWidth = Math.min(150, Math.max(...columns.map((c) => estimateTextWidth(columnText(c), FONT_SIZE.small))) + 6);
  const sin = Math.sin((COLUMN_LABEL_ANGLE * Math.PI) / 180);
  const headerHeight = columnLabelWidth * sin + 12;
  const besideGrid = canvas.width - 16 - codeColumn - SPREAD_WIDTH - 16 - columnLabelWidth * Math.cos((COLUMN_LABEL_ANGLE * Math.PI) / 180) * 0.3;
  const nameRoom = Math.min(besideGrid * MAX_NAME_SHARE, Math.max(MIN_NAME_WIDTH, besideGrid - columns.length * PLANNED_CELL));
  const nameWidth = Math.min(nameRoom, Math.max(...rows.map((r) => estimateTextWidth(r.name, FONT_SIZE.label))) + 10);
  const rowLabelWidth = codeColumn + nameWidth;
  const availableW = besideGrid - nameWidth;
  const availableH = canvas.height - canvas.top - headerHeight - LEGEND_HEIGHT - 12;
  let cellW = Math.max(6, Math.min(30, availableW / columns.length));
  let cellH = Math.max(6, Math.min(30, availableH / rows.length));
  cellW = Math.min(cellW, cellH * MAX_CELL_ASPECT);
  cellH = Math.min(cellH, cellW * MAX_CELL_ASPECT);
  const gridX = 16 + rowLabelWidth;
  const gridY = canvas.top + headerHeight;
  const gridW = cellW * columns.length;
  const gridH = cellH * rows.length;

  // The colour scale ignores the "other" column: it sums hundreds of governments and would wash out the rest.
  const scaled = columns.map((c, j) => (c.kind === 'other' ? -1 : j)).filter((j) => j >= 0);
  const maxCount = Math.max(1, ...rows.flatMap((r) => (scaled.length > 0 ? scaled : columns.map((_c, j) => j)).map((j) => r.counts[j])));
  const color = (count: number) => interpolateBlues(0.2 + 0.8 * Math.min(1, count / maxCount));
  const maxAgencies = Math.max(...rows.map((r) => r.agencies));
  const many = (r: Row) => r.agencies >= o.manyAgencies;
  const rowTitle = (r: Row) => (r.shownCode ? `${r.name} (${r.shownCode})` : r.name);

  const grid = canvas.svg.append('g').attr('class', 'grid');
  rows.forEach((_row, i) => {
    grid
      .append('rect')
      .attr('class', 'row-band')
      .attr('x', gridX)
      .attr('y', gridY + i * cellH)
      .attr('width', gridW)
      .attr('height', cellH)
      .attr('fill', i % 2 === 0 ? COLORS.panel : COLORS.background);
  });
  columns.forEach((_c, j) => {
    grid
      .append('line')
      .attr('x1', gridX + j * cellW)
      .attr('x2', gridX + j * cellW)
      .attr('y1', gridY)
      .attr('y2', gridY + gridH)
      .attr('stroke', COLORS.grid)
      .attr('stroke-width', 0.5);
  });

  const cells = canvas.svg.append('g').attr('class', 'cells');
  const showCounts = Math.min(cellW, cellH) >= 15;
  let multiples = 0;
  rows.forEach((row, i) => {
    for (let j = 0; j < columns.length; j++) {
      const count = row.counts[j];
      if (count === 0) continue;
      const multiple = count > 1;
      if (multiple) multiples++;
      const x = gridX + j * cellW;
      const y = gridY + i * cellH;
      const g = cells.append('g').attr('class', multiple ? 'cell cell-multiple' : 'cell');
      g.append('rect')
        .attr('x', x + 1)
        .attr('y', y + 1)
        .attr('width', cellW - 2)
        .attr('height', cellH - 2)
        .attr('fill', color(count))
        .attr('stroke', multiple ? COLORS.highlight : 'none')
        .attr('stroke-width', multiple ? 2 : 0)
        .append('title')
        .text(`${rowTitle(row)} · ${columns[j].name}: ${plural(count, 'application')}`);
      if (showCounts) {
        g.append('text')
          .attr('x', x + cellW / 2)
          .attr('y', y + cellH / 2 + 4)
          .attr('text-anchor', 'middle')
          .attr('font-size', FONT_SIZE.small)
          .attr('fill', textOn(color(count)))
          .attr('pointer-events', 'none')
          .text(formatCount(count));
      }
    }
  });

  const rowLabels = canvas.svg.append('g').attr('class', 'row-labels');
  const labelFont = Math.min(FONT_SIZE.label, cellH);
  rows.forEach((row, i) => {
    const baseline = gridY + i * cellH + cellH / 2 + labelFont * 0.36;
    // The label's group carries the tooltip, so the label's own text stays exactly what is drawn.
    const g = rowLabels.append('g').attr('class', 'row');
    g.append('title').text(`${rowTitle(row)}: ${plural(row.total, 'application')} in ${plural(row.agencies, 'agency', 'agencies')}`);
    g.append('text')
      .attr('class', many(row) ? 'row-label many' : 'row-label')
      .attr('x', gridX - 6)
      .attr('y', baseline)
      .attr('text-anchor', 'end')
      .attr('font-size', labelFont)
      .text(truncateText(row.name, nameWidth - 8, labelFont));
    if (row.shownCode) {
      g.append('text')
        .attr('class', 'row-code')
        .attr('x', 16)
        .attr('y', baseline)
        .attr('font-size', Math.min(CODE_FONT, cellH))
        .attr('fill', COLORS.muted)
        .text(truncateText(row.shownCode, codeWidth, CODE_FONT));
    }
  });

  const columnLabels = canvas.svg.append('g').attr('class', 'column-labels');
  // Rotated labels need about their font size of room between neighbours, measured across the slant.
  const columnFont = Math.max(7, Math.min(FONT_SIZE.small, cellW * sin + 1));
  columns.forEach((column, j) => {
    const x = gridX + j * cellW + cellW / 2;
    const g = columnLabels.append('g').attr('class', 'column');
    g.append('title').text(column.name);
    g.append('text')
      .attr('class', 'column-label')
      .attr('transform', `translate(${x.toFixed(1)},${gridY - 6}) rotate(${-COLUMN_LABEL_ANGLE})`)
      .attr('font-size', columnFont.toFixed(1))
      .attr('font-style', column.kind === 'other' ? 'italic' : null)
      .text(unitLabel(column, columnLabelWidth - 6, columnFont));
  });

  const spreadX = gridX + gridW + 14;
  const spread = scaleLinear().domain([0, maxAgencies]).range([0, SPREAD_WIDTH - 40]);
  const spreadGroup = canvas.svg.append('g').attr('class', 'spread');
  spreadGroup
    .append('text')
    .attr('x', spreadX)
    .attr('y', gridY - 8)
    .attr('font-size', FONT_SIZE.small)
    .attr('font-weight', 'bold')
    .text('Agencies');
  rows.forEach((row, i) => {
    const y = gridY + i * cellH;
    const barH = Math.max(3, Math.min(12, cellH - 4));
    spreadGroup
      .append('rect')
      .attr('class', 'spread-bar')
      .attr('x', spreadX)
      .attr('y', y + (cellH - barH) / 2)
      .attr('width', Math.max(1, spread(row.agencies)))
      .attr('height', barH)
      .attr('fill', many(row) ? COLORS.highlight : COLORS.faint);
    spreadGroup
      .append('text')
      .attr('x', spreadX + spread(row.agencies) + 4)
      .attr('y', y + cellH / 2 + 4)
      .attr('font-size', Math.min(FONT_SIZE.small, cellH))
      .attr('fill', COLORS.muted)
      .text(formatCount(row.agencies));
  });

  const legendY = Math.min(canvas.height - LEGEND_HEIGHT, gridY + gridH + 18);
  const legend = legendGroup(canvas.svg, 16, legendY);
  drawColorRamp(legend, { x: 0, y: 0, width: 160, title: 'Applications per cell', domain: [1, maxCount], color, format: formatCount, steps: Math.min(10, maxCount) });
  const noun = grouping.level === 'agency' ? 'agency' : 'government';
  // Only what the chart actually shows is explained.
  const highlights = [
    ...(multiples > 0 ? [{ label: `more than one in one ${noun}`, color: COLORS.background, stroke: COLORS.highlight }] : []),
    ...(rows.some(many) ? [{ label: `function built in ${o.manyAgencies}+ agencies`, color: COLORS.highlight }] : []),
  ];
  if (highlights.length > 0) drawSwatches(legend, 200, 0, 'Highlights', highlights, canvas.width - 232);
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
