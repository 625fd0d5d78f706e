/**
 * Target state: the inventory today against the simulated integrated state (analysis.targetState), one
 * small bar pair per metric, each on its own scale — applications, annual spend, duplicate clusters,
 * silo index, automated exchange share — with the change written out and coloured by whether it is an
 * improvement (lower is better for all but the automated share).
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Analysis, StateMetrics, TargetState } from '../src/types.js';
import { createCanvas, drawEmptyState } from './shared/dom.js';
import { RUPIAH_SHORT_NOTE, formatChange, formatCount, formatIndex, formatPercent, formatRupiah, plural } from './shared/format.js';
import { drawSwatches, legendGroup } from './shared/legend.js';
import { estimateTextWidth, truncateText, wrapText } from './shared/text.js';
import { COLORS, FONT_SIZE } from './shared/theme.js';
import type { ViewOptions } from './shared/types.js';

export const TARGET_STATE_DEFAULTS = {
  width: 960,
  height: 440,
};

export interface Metric {
  key: keyof StateMetrics;
  label: string;
  format: (v: number) => string;
  /** The axis ends at 1 for shares and indexes, else just above the larger value. */
  bounded: boolean;
  /** A count of things: the axis ticks whole numbers only (never "0, 1, 1, 2" from 0,5 steps). */
  integer: boolean;
  higherIsBetter: boolean;
  change: (after: number, before: number) => string;
}

const points = (after: number, before: number) => {
  const diff = Math.round((after - before) * 100);
  return diff === 0 ? '±0 pts' : `${diff < 0 ? '−' : '+'}${Math.abs(diff)} pts`;
};
const indexChange = (after: number, before: number) => {
  const diff = after - before;
  return Math.abs(diff) < 0.005 ? '±0,00' : `${diff < 0 ? '−' : '+'}${formatIndex(Math.abs(diff))}`;
};

export const TARGET_METRICS: Metric[] = [
  { key: 'applications', label: 'Applications', format: formatCount, bounded: false, integer: true, higherIsBetter: false, change: formatChange },
  { key: 'annualCost', label: 'Annual spend', format: (v) => formatRupiah(v, { short: true }), bounded: false, integer: false, higherIsBetter: false, change: formatChange },
  { key: 'duplicateClusters', label: 'Duplicate clusters', format: formatCount, bounded: false, integer: true, higherIsBetter: false, change: formatChange },
  { key: 'siloIndex', label: 'Silo index', format: formatIndex, bounded: true, integer: false, higherIsBetter: false, change: indexChange },
  { key: 'automatedExchangeShare', label: 'Automated exchanges', format: formatPercent, bounded: true, integer: false, higherIsBetter: true, change: points },
];

/**
 * The value axis of one metric: [0, 1] for shares and indexes; otherwise up to just above the larger
 * value, and for counts up to a whole number of at least 2, so the ticks can be whole numbers.
 */
export function metricAxis(metric: Metric, before: number, after: number): { max: number; ticks: (scale: ScaleLinear<number, number>) => number[] } {
  const top = Math.max(before, after);
  if (metric.bounded) return { max: 1, ticks: (s) => s.ticks(3) };
  if (metric.integer) return { max: Math.max(2, Math.ceil(top * 1.15)), ticks: (s) => s.ticks(3).filter((t) => Number.isInteger(t)) };
  return { max: Math.max(top, 1) * 1.15, ticks: (s) => s.ticks(3) };
}

const PANEL_GAP = 18;
/** Room under the panels for the swatches; each line of assumptions adds ASSUMPTION_LINE. */
const FOOT_BASE = 34;
const ASSUMPTION_LINE = 13;
const MAX_ASSUMPTION_LINES = 9;
/** Space above the tallest bar for its value, clear of the change figure. */
const VALUE_ROOM = 16;

/**
 * The assumptions the target state rests on, whole: as many as fit in MAX_ASSUMPTION_LINES, each on
 * its own lines, then a pointer to the rest. An assumption cut mid-sentence would misstate the method.
 */
export function assumptionLines(assumptions: string[], width: number): string[] {
  if (assumptions.length === 0) return [];
  const lines: string[] = ['Assumptions behind the target state:'];
  let shown = 0;
  for (const assumption of assumptions) {
    const wrapped = wrapText(`• ${assumption}`, width, FONT_SIZE.small, MAX_ASSUMPTION_LINES);
    const room = MAX_ASSUMPTION_LINES + 1 - (shown + 1 < assumptions.length ? 1 : 0);
    if (lines.length + wrapped.length > room) break;
    lines.push(...wrapped);
    shown++;
  }
  if (shown < assumptions.length) {
    lines.push(`+ ${plural(assumptions.length - shown, 'more assumption')}: see the report, or targetState.assumptions in analysis.json.`);
  }
  return lines;
}

function unchanged(state: TargetState): boolean {
  return TARGET_METRICS.every((m) => state.before[m.key] === state.after[m.key]);
}

export function renderTargetState(container: Element, analysis: Analysis, options: ViewOptions = {}): SVGSVGElement {
  const o = { ...TARGET_STATE_DEFAULTS, ...options };
  const state = analysis.targetState;
  const textWidth = Math.max(320, Math.round(o.width)) - 32;
  const assumptions = state ? assumptionLines(state.assumptions, textWidth) : [];
  const foot = FOOT_BASE + assumptions.length * ASSUMPTION_LINE;
  const extra = Math.max(0, assumptions.length - 3) * ASSUMPTION_LINE;
  const canvas = createCanvas(
    container,
    'target-state',
    'Target state: today and after the recommendations',
    state
      ? unchanged(state)
        ? `no recommendation changes any metric, so the target equals today · ${RUPIAH_SHORT_NOTE}`
        : `each metric on its own scale · grey = today · teal = target state · ${RUPIAH_SHORT_NOTE}`
      : '',
    { ...options, width: o.width, height: o.height + extra },
  );
  if (!state) {
    drawEmptyState(canvas, 'No target state in this analysis', 'The target state is simulated from the recommendations; run the analysis with recommendations enabled.');
    return canvas.svg.node()!;
  }

  const panelW = (canvas.width - 32 - PANEL_GAP * (TARGET_METRICS.length - 1)) / TARGET_METRICS.length;
  const panelTop = canvas.top + 6;
  const chartTop = panelTop + 48 + VALUE_ROOM;
  const chartBottom = canvas.height - foot - 24;
  const barW = Math.min(56, (panelW - 48) / 2.6);

  TARGET_METRICS.forEach((metric, i) => {
    const before = state.before[metric.key];
    const after = state.after[metric.key];
    const x = 16 + i * (panelW + PANEL_GAP);
    const axis = metricAxis(metric, before, after);
    const y = scaleLinear().domain([0, axis.max]).range([chartBottom, chartTop]).nice(3);
    const g = canvas.svg.append('g').attr('class', 'metric').attr('data-metric', metric.key).attr('transform', `translate(${x.toFixed(1)},0)`);
    g.append('rect').attr('y', panelTop).attr('width', panelW).attr('height', chartBottom - panelTop + 22).attr('rx', 6).attr('fill', COLORS.panel);
    g.append('text')
      .attr('class', 'metric-label')
      .attr('x', panelW / 2)
      .attr('y', panelTop + 18)
      .attr('text-anchor', 'middle')
      .attr('font-size', 12)
      .attr('font-weight', 'bold')
      .text(truncateText(metric.label, panelW - 8, 12, true));
    const improved = metric.higherIsBetter ? after > before : after < before;
    const worse = metric.higherIsBetter ? after < before : after > before;
    g.append('text')
      .attr('class', 'metric-change')
      .attr('x', panelW / 2)
      .attr('y', panelTop + 36)
      .attr('text-anchor', 'middle')
      .attr('font-size', FONT_SIZE.label)
      .attr('font-weight', 'bold')
      .attr('fill', improved ? COLORS.good : worse ? COLORS.bad : COLORS.muted)
      .text(metric.change(after, before));

    const ticks = axis.ticks(y);
    const axisX = Math.max(24, ...ticks.map((t) => estimateTextWidth(metric.format(t), 8))) + 6;
    for (const tick of ticks) {
      g.append('line')
        .attr('x1', axisX)
        .attr('x2', panelW - 8)
        .attr('y1', y(tick))
        .attr('y2', y(tick))
        .attr('stroke', COLORS.grid);
      g.append('text')
        .attr('class', 'tick')
        .attr('x', axisX - 3)
        .attr('y', y(tick) + 3)
        .attr('text-anchor', 'end')
        .attr('font-size', 8)
        .attr('fill', COLORS.muted)
        .text(metric.format(tick));
    }
    const pairW = barW * 2 + 10;
    const start = axisX + (panelW - 8 - axisX - pairW) / 2;
    const bars: Array<[string, number, string]> = [
      ['today', before, COLORS.before],
      ['target', after, COLORS.after],
    ];
    bars.forEach(([label, value, fill], k) => {
      const bx = start + k * (barW + 10);
      const top = y(Math.max(0, value));
      g.append('rect')
        .attr('class', `bar bar-${label}`)
        .attr('x', bx)
        .attr('y', top)
        .attr('width', barW)
        .attr('height', Math.max(0, chartBottom - top))
        .attr('fill', fill)
        .append('title')
        .text(`${metric.label}, ${label}: ${metric.format(value)}`);
      g.append('text')
        .attr('class', 'bar-value')
        .attr('x', bx + barW / 2)
        .attr('y', top - 4)
        .attr('text-anchor', 'middle')
        .attr('font-size', FONT_SIZE.small)
        .attr('font-weight', 'bold')
        .text(metric.format(value));
      g.append('text')
        .attr('x', bx + barW / 2)
        .attr('y', chartBottom + 14)
        .attr('text-anchor', 'middle')
        .attr('font-size', FONT_SIZE.small)
        .attr('fill', COLORS.muted)
        .text(label);
    });
    g.append('line').attr('x1', axisX).attr('x2', panelW - 8).attr('y1', chartBottom).attr('y2', chartBottom).attr('stroke', COLORS.muted);
  });

  const legend = legendGroup(canvas.svg, 16, canvas.height - foot);
  drawSwatches(
    legend,
    0,
    0,
    '',
    [
      { label: 'today (inventory as loaded)', color: COLORS.before },
      { label: 'target state (all recommendations applied)', color: COLORS.after },
    ],
    canvas.width - 32,
  );
  assumptions.forEach((line, i) =>
    legend
      .append('text')
      .attr('class', 'assumptions')
      .attr('y', 30 + i * ASSUMPTION_LINE)
      .attr('font-size', FONT_SIZE.small)
      .attr('font-weight', i === 0 ? 'bold' : null)
      .attr('fill', COLORS.muted)
      .text(line),
  );
  return canvas.svg.node()!;
}
