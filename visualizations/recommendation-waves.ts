/**
 * Recommendation waves: the integration roadmap as columns, one per wave, each listing its
 * recommendations by priority with the expected annual savings. A bar over each column compares the
 * waves' expected savings on one scale, with a whisker from the low to the high estimate.
 */
import { scaleLinear } from 'd3';
import type { Analysis, Recommendation, RecommendationKind } from '../src/types.js';
import { createCanvas, drawEmptyState } from './shared/dom.js';
import { RUPIAH_SHORT_NOTE, formatCount, formatRupiah, plural } from './shared/format.js';
import { drawSwatches, legendGroup } from './shared/legend.js';
import { estimateTextWidth, truncateText, wrapText } from './shared/text.js';
import { COLORS, FONT_SIZE } from './shared/theme.js';
import type { ViewOptions } from './shared/types.js';

export interface RecommendationWavesOptions extends ViewOptions {
  /** Waves drawn as their own column; later waves share the last one. */
  maxWaves?: number;
}

export const RECOMMENDATION_WAVES_DEFAULTS = {
  width: 960,
  height: 660,
  maxWaves: 5,
};

export const KIND_COLORS: Record<RecommendationKind, string> = {
  consolidate: '#d95f02',
  'adopt-common': '#1b9e77',
  integrate: '#7570b3',
  'share-data': '#e7298a',
  retire: '#666666',
};

const KIND_LABELS: Record<RecommendationKind, string> = {
  consolidate: 'consolidate',
  'adopt-common': 'adopt a shared platform',
  integrate: 'integrate',
  'share-data': 'share data',
  retire: 'retire',
};

const CARD_HEIGHT = 50;
/** A wave column wider than two of these lays its cards out side by side instead of in one tall list. */
const MIN_CARD_WIDTH = 240;
const CARD_GAP = 6;
const COLUMN_GAP = 14;
const HEAD_HEIGHT = 74;
const LEGEND_HEIGHT = 34;

interface Column {
  label: string;
  recommendations: Recommendation[];
  low: number;
  expected: number;
  high: number;
}

function columns(recommendations: Recommendation[], maxWaves: number): Column[] {
  const waves = [...new Set(recommendations.map((r) => r.wave))].sort((a, b) => a - b);
  const kept = waves.slice(0, maxWaves);
  const lastKept = kept[kept.length - 1];
  return kept.map((wave, i) => {
    const merged = i === kept.length - 1 && waves.length > kept.length;
    const recs = recommendations
      .filter((r) => (merged ? r.wave >= lastKept : r.wave === wave))
      .sort(
        (a, b) =>
          a.priority - b.priority ||
          b.estimatedAnnualSavings.expected - a.estimatedAnnualSavings.expected ||
          a.id.localeCompare(b.id),
      );
    const sum = (key: 'low' | 'expected' | 'high') => recs.reduce((s, r) => s + r.estimatedAnnualSavings[key], 0);
    const label = merged ? `Waves ${wave}–${waves[waves.length - 1]}` : `Wave ${wave}`;
    return { label, recommendations: recs, low: sum('low'), expected: sum('expected'), high: sum('high') };
  });
}

/** The card's bottom line, the longest that fits: savings and effort, shortened when the column is narrow. */
function cardFooter(rec: Recommendation, width: number): string {
  const expected = rec.estimatedAnnualSavings.expected;
  const candidates =
    expected > 0
      ? [`${formatRupiah(expected, { short: true })} · effort ${rec.effort}`]
      : [`no direct saving · effort ${rec.effort}`, `no saving · effort ${rec.effort}`];
  return candidates.find((t) => estimateTextWidth(t, FONT_SIZE.small) <= width) ?? truncateText(candidates[candidates.length - 1], width, FONT_SIZE.small);
}

export function renderRecommendationWaves(container: Element, analysis: Analysis, options: RecommendationWavesOptions = {}): SVGSVGElement {
  const o = { ...RECOMMENDATION_WAVES_DEFAULTS, ...options };
  const recs = analysis.recommendations;
  const expected = recs.reduce((s, r) => s + r.estimatedAnnualSavings.expected, 0);
  // Retiring unused systems saves money outside any duplicate cluster; saying how much keeps this total
  // traceable to summary.estimatedAnnualSavings, which counts the duplicates only.
  const retired = recs.reduce((s, r) => s + (r.kind === 'retire' ? r.estimatedAnnualSavings.expected : 0), 0);
  const waveCount = new Set(recs.map((r) => r.wave)).size;
  const cols = columns(recs, o.maxWaves);
  const savingsNote =
    expected > 0
      ? `${formatRupiah(expected)} a year expected savings${retired > 0 ? ` (${formatRupiah(retired)} of it from retiring unused systems)` : ''}`
      : 'no direct savings expected';
  const canvas = createCanvas(
    container,
    'recommendation-waves',
    'Recommendation waves: the integration roadmap',
    recs.length > 0 ? `${plural(recs.length, 'recommendation')} in ${plural(waveCount, 'wave')} · ${savingsNote}` : '',
    { ...options, width: o.width, height: o.height },
  );
  if (recs.length === 0) {
    drawEmptyState(canvas, 'No recommendations', 'No duplicates, silos or shared-platform gaps called for action.');
    return canvas.svg.node()!;
  }

  const colW = (canvas.width - 32 - COLUMN_GAP * (cols.length - 1)) / cols.length;
  const perRow = Math.max(1, Math.floor((colW - 8 + CARD_GAP) / (MIN_CARD_WIDTH + CARD_GAP)));
  const cardW = (colW - 8 - CARD_GAP * (perRow - 1)) / perRow;
  const maxHigh = Math.max(1, ...cols.map((c) => c.high));
  const bar = scaleLinear().domain([0, maxHigh]).range([0, colW - 8]);
  const cardsTop = canvas.top + HEAD_HEIGHT;
  const rowsFit = Math.max(1, Math.floor((canvas.height - cardsTop - LEGEND_HEIGHT - 8 + CARD_GAP) / (CARD_HEIGHT + CARD_GAP)));
  const capacity = rowsFit * perRow;

  cols.forEach((col, i) => {
    const x = 16 + i * (colW + COLUMN_GAP);
    const g = canvas.svg.append('g').attr('class', 'wave').attr('transform', `translate(${x.toFixed(1)},${canvas.top})`);
    g.append('rect')
      .attr('class', 'wave-background')
      .attr('width', colW)
      .attr('height', canvas.height - canvas.top - LEGEND_HEIGHT - 4)
      .attr('rx', 6)
      .attr('fill', COLORS.panel);
    g.append('text').attr('class', 'wave-label').attr('x', 8).attr('y', 20).attr('font-size', 14).attr('font-weight', 'bold').text(col.label);
    g.append('text')
      .attr('x', colW - 8)
      .attr('y', 20)
      .attr('text-anchor', 'end')
      .attr('font-size', FONT_SIZE.small)
      .attr('fill', COLORS.muted)
      .text(`${formatCount(col.recommendations.length)} rec.`);
    const saves = col.high > 0;
    g.append('text')
      .attr('class', 'wave-savings')
      .attr('x', 8)
      .attr('y', 38)
      .attr('font-size', FONT_SIZE.label)
      .attr('font-weight', 'bold')
      .attr('fill', saves ? COLORS.good : COLORS.muted)
      .text(truncateText(saves ? `${formatRupiah(col.expected)} / year` : 'no direct savings', colW - 16, FONT_SIZE.label, true));
    g.append('text')
      .attr('x', 8)
      .attr('y', 52)
      .attr('font-size', FONT_SIZE.small)
      .attr('fill', COLORS.muted)
      .text(
        truncateText(
          saves ? `range ${formatRupiah(col.low, { short: true })} – ${formatRupiah(col.high, { short: true })}` : 'integration and data sharing',
          colW - 16,
          FONT_SIZE.small,
        ),
      );
    if (saves) {
      g.append('rect').attr('class', 'savings-bar').attr('x', 4).attr('y', 58).attr('width', Math.max(1, bar(col.expected))).attr('height', 8).attr('fill', COLORS.good);
      g.append('line')
        .attr('class', 'savings-range')
        .attr('x1', 4 + bar(col.low))
        .attr('x2', 4 + bar(col.high))
        .attr('y1', 62)
        .attr('y2', 62)
        .attr('stroke', COLORS.text)
        .attr('stroke-width', 1);
    }

    const overflow = col.recommendations.length > capacity;
    const shown = overflow ? col.recommendations.slice(0, capacity - 1) : col.recommendations;
    const cardAt = (k: number) => ({ cx: x + 4 + (k % perRow) * (cardW + CARD_GAP), cy: cardsTop + Math.floor(k / perRow) * (CARD_HEIGHT + CARD_GAP) });
    shown.forEach((rec, k) => {
      const { cx, cy } = cardAt(k);
      const card = canvas.svg
        .append('g')
        .attr('class', `card card-${rec.kind}`)
        .attr('data-id', rec.id)
        .attr('transform', `translate(${cx.toFixed(1)},${cy})`);
      card.append('rect').attr('width', cardW).attr('height', CARD_HEIGHT).attr('rx', 4).attr('fill', COLORS.background).attr('stroke', COLORS.grid);
      card.append('rect').attr('width', 5).attr('height', CARD_HEIGHT).attr('fill', KIND_COLORS[rec.kind] ?? COLORS.muted);
      card.append('title').text(`${rec.title}\n${rec.rationale.join('\n')}`.trim());
      wrapText(rec.title, cardW - 16, FONT_SIZE.small, 2).forEach((line, li) =>
        card.append('text').attr('x', 12).attr('y', 14 + li * 12).attr('font-size', FONT_SIZE.small).text(line),
      );
      card
        .append('text')
        .attr('x', 12)
        .attr('y', CARD_HEIGHT - 7)
        .attr('font-size', FONT_SIZE.small)
        .attr('fill', COLORS.muted)
        .text(cardFooter(rec, cardW - 16));
    });
    if (overflow) {
      const rest = col.recommendations.slice(shown.length);
      const restSavings = rest.reduce((s, r) => s + r.estimatedAnnualSavings.expected, 0);
      const { cx, cy } = cardAt(shown.length);
      canvas.svg
        .append('text')
        .attr('class', 'more')
        .attr('x', cx + 6)
        .attr('y', cy + 18)
        .attr('font-size', FONT_SIZE.small)
        .attr('fill', COLORS.muted)
        .text(truncateText(`+ ${formatCount(rest.length)} more${restSavings > 0 ? ` · ${formatRupiah(restSavings, { short: true })}` : ''}`, cardW - 12, FONT_SIZE.small));
    }
  });

  const present = new Set(recs.map((r) => r.kind));
  const kinds = (Object.keys(KIND_COLORS) as RecommendationKind[]).filter((k) => present.has(k));
  const legend = legendGroup(canvas.svg, 16, canvas.height - LEGEND_HEIGHT + 10);
  drawSwatches(
    legend,
    0,
    0,
    '',
    kinds.map((k) => ({ label: KIND_LABELS[k] ?? k, color: KIND_COLORS[k] ?? COLORS.muted })),
    canvas.width - 32,
  );
  legend
    .append('text')
    .attr('class', 'legend-note')
    .attr('x', canvas.width - 32)
    .attr('y', 10)
    .attr('text-anchor', 'end')
    .attr('font-size', FONT_SIZE.legend)
    .attr('fill', COLORS.muted)
    .text(`bar: expected savings, line: low–high range · ${RUPIAH_SHORT_NOTE}`);
  return canvas.svg.node()!;
}
