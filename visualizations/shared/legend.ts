import type { Selection } from 'd3';
import { COLORS, FONT_SIZE } from './theme.js';
import { estimateTextWidth, truncateText } from './text.js';

type AnyGroup = Selection<SVGGElement, unknown, null, undefined>;

/** Appends the one legend group of a view, translated to (x, y). */
export function legendGroup(parent: Selection<SVGSVGElement, unknown, null, undefined>, x: number, y: number): AnyGroup {
  return parent.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
}

export interface RampOptions {
  x: number;
  y: number;
  width: number;
  title: string;
  domain: [number, number];
  color: (value: number) => string;
  format: (value: number) => string;
  steps?: number;
}

/**
 * A colour ramp drawn as stepped rectangles rather than a gradient: gradients need ids in <defs>, and ids
 * collide when several views are embedded in one report page.
 */
export function drawColorRamp(g: AnyGroup, o: RampOptions): number {
  const [lo, hi] = o.domain;
  // One value (every cell holds 1) is one swatch, not a ramp from "1" to "1".
  const single = lo === hi;
  const steps = single ? 1 : o.steps ?? 10;
  const width = single ? Math.min(o.width, 24) : o.width;
  const ramp = g.append('g').attr('class', 'legend-ramp').attr('transform', `translate(${o.x},${o.y})`);
  ramp.append('text').attr('font-size', FONT_SIZE.legend).attr('font-weight', 'bold').attr('y', 0).text(o.title);
  const stepWidth = width / steps;
  for (let i = 0; i < steps; i++) {
    const value = lo + ((hi - lo) * (i + 0.5)) / steps;
    ramp
      .append('rect')
      .attr('class', 'legend-step')
      .attr('x', i * stepWidth)
      .attr('y', 6)
      .attr('width', stepWidth + 0.5)
      .attr('height', 10)
      .attr('fill', o.color(value));
  }
  const ticks: Array<[number, string]> = single
    ? [[0, 'start']]
    : [
        [0, 'start'],
        [width, 'end'],
      ];
  ramp
    .selectAll('text.legend-tick')
    .data(ticks)
    .join('text')
    .attr('class', 'legend-tick')
    .attr('x', (d) => d[0])
    .attr('y', 28)
    .attr('text-anchor', (d) => d[1])
    .attr('font-size', FONT_SIZE.legend)
    .attr('fill', COLORS.muted)
    .text((_d, i) => o.format(i === 0 ? lo : hi));
  return 32;
}

export interface SwatchItem {
  label: string;
  color: string;
  stroke?: string;
  shape?: 'square' | 'line' | 'circle';
}

/** Swatches in rows that wrap at `maxWidth`; returns the height used. */
export function drawSwatches(g: AnyGroup, x: number, y: number, title: string, items: SwatchItem[], maxWidth: number): number {
  const block = g.append('g').attr('class', 'legend-swatches').attr('transform', `translate(${x},${y})`);
  let rowY = 0;
  if (title) {
    block.append('text').attr('font-size', FONT_SIZE.legend).attr('font-weight', 'bold').text(title);
    rowY = 8;
  }
  let cx = 0;
  for (const item of items) {
    const label = truncateText(item.label, Math.max(40, maxWidth - 16), FONT_SIZE.legend);
    const w = 16 + estimateTextWidth(label, FONT_SIZE.legend) + 14;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      rowY += 16;
    }
    const row = block.append('g').attr('class', 'legend-item').attr('transform', `translate(${cx},${rowY})`);
    if (item.shape === 'line') {
      row.append('line').attr('x1', 0).attr('x2', 12).attr('y1', 6).attr('y2', 6).attr('stroke', item.color).attr('stroke-width', 3);
    } else if (item.shape === 'circle') {
      row.append('circle').attr('cx', 6).attr('cy', 6).attr('r', 5).attr('fill', item.color).attr('stroke', item.stroke ?? 'none');
    } else {
      row
        .append('rect')
        .attr('width', 12)
        .attr('height', 12)
        .attr('fill', item.color)
        .attr('stroke', item.stroke ?? 'none')
        .attr('stroke-width', item.stroke ? 2 : 0);
    }
    row.append('text').attr('x', 16).attr('y', 10).attr('font-size', FONT_SIZE.legend).text(label);
    cx += w;
  }
  return rowY + 16;
}

/** Nested circles for a size encoding (area ∝ value); returns the height used. */
export function drawSizeLegend(
  g: AnyGroup,
  x: number,
  y: number,
  title: string,
  values: number[],
  radius: (value: number) => number,
  format: (value: number) => string,
): number {
  const block = g.append('g').attr('class', 'legend-size').attr('transform', `translate(${x},${y})`);
  block.append('text').attr('font-size', FONT_SIZE.legend).attr('font-weight', 'bold').text(title);
  const maxR = Math.max(...values.map(radius), 1);
  const base = 8 + 2 * maxR;
  for (const value of values) {
    const r = radius(value);
    block
      .append('circle')
      .attr('cx', maxR)
      .attr('cy', base - r)
      .attr('r', r)
      .attr('fill', 'none')
      .attr('stroke', COLORS.muted);
    block
      .append('line')
      .attr('x1', maxR)
      .attr('x2', 2 * maxR + 8)
      .attr('y1', base - 2 * r)
      .attr('y2', base - 2 * r)
      .attr('stroke', COLORS.faint)
      .attr('stroke-dasharray', '2,2');
    block
      .append('text')
      .attr('x', 2 * maxR + 11)
      .attr('y', base - 2 * r + 3)
      .attr('font-size', FONT_SIZE.legend)
      .attr('fill', COLORS.muted)
      .text(format(value));
  }
  return base + 4;
}
