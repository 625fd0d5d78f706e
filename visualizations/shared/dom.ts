import { select, type Selection } from 'd3';
import { COLORS, DEFAULT_SIZE, FONT_FAMILY, FONT_SIZE, HEADER_HEIGHT } from './theme.js';
import { truncateText, wrapText } from './text.js';
import type { ViewOptions } from './types.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type Group = Selection<SVGGElement, unknown, null, undefined>;

export interface Canvas {
  svg: Svg;
  width: number;
  height: number;
  /** y where the plot area starts, below the title block. */
  top: number;
}

/**
 * Replaces the container's content with a fresh <svg> carrying the view's accessible title and a
 * visible heading. Every label is set with .text(), so inventory strings stay text wherever they land.
 */
export function createCanvas(
  container: Element,
  view: string,
  title: string,
  subtitle: string,
  options: ViewOptions,
): Canvas {
  const width = Math.max(320, Math.round(options.width ?? DEFAULT_SIZE.width));
  const height = Math.max(240, Math.round(options.height ?? DEFAULT_SIZE.height));
  const doc = options.document ?? container.ownerDocument;
  while (container.firstChild) container.removeChild(container.firstChild);
  const node = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  container.appendChild(node);
  const svg = select(node)
    .attr('xmlns', SVG_NS)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('class', `siloscope-view siloscope-${view}`)
    .attr('font-family', FONT_FAMILY)
    .attr('fill', COLORS.text);
  svg.append('title').text(subtitle ? `${title}. ${subtitle}` : title);
  svg.append('rect').attr('class', 'background').attr('width', width).attr('height', height).attr('fill', COLORS.background);
  svg
    .append('text')
    .attr('class', 'view-title')
    .attr('x', 16)
    .attr('y', 28)
    .attr('font-size', FONT_SIZE.title)
    .attr('font-weight', 'bold')
    .text(truncateText(title, width - 32, FONT_SIZE.title, true));
  if (subtitle) {
    svg
      .append('text')
      .attr('class', 'view-subtitle')
      .attr('x', 16)
      .attr('y', 47)
      .attr('font-size', FONT_SIZE.subtitle)
      .attr('fill', COLORS.muted)
      .text(truncateText(subtitle, width - 32, FONT_SIZE.subtitle));
  }
  return { svg, width, height, top: HEADER_HEIGHT };
}

/**
 * A message in place of a chart: an empty input is a state to explain, not an error. It sits under the
 * heading and the canvas shrinks to it, so an embedded view is not a tall blank frame.
 */
export function drawEmptyState(canvas: Canvas, message: string, detail?: string): void {
  const g = canvas.svg.append('g').attr('class', 'empty-state');
  const lines = detail ? wrapText(detail, canvas.width - 110, FONT_SIZE.label, 3) : [];
  const top = canvas.top + 16;
  const height = 52 + lines.length * 16;
  g.append('rect')
    .attr('x', 40)
    .attr('y', top)
    .attr('width', canvas.width - 80)
    .attr('height', height)
    .attr('rx', 6)
    .attr('fill', COLORS.panel)
    .attr('stroke', COLORS.grid);
  g.append('text')
    .attr('class', 'empty-message')
    .attr('x', canvas.width / 2)
    .attr('y', top + 32)
    .attr('text-anchor', 'middle')
    .attr('font-size', 15)
    .attr('font-weight', 'bold')
    .attr('fill', COLORS.muted)
    .text(truncateText(message, canvas.width - 110, 15, true));
  lines.forEach((line, i) =>
    g
      .append('text')
      .attr('class', 'empty-detail')
      .attr('x', canvas.width / 2)
      .attr('y', top + 56 + i * 16)
      .attr('text-anchor', 'middle')
      .attr('font-size', FONT_SIZE.label)
      .attr('fill', COLORS.muted)
      .text(line),
  );
  fitHeight(canvas, top + height);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/**
 * Serialises an SVG subtree as well-formed XML. DOM shims write `<` unescaped inside attribute values
 * (legal HTML, illegal XML), which a standalone .svg or a PNG rasteriser rejects — so we write it ourselves.
 */
export function serializeSvg(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const name = element.localName;
  let out = `<${name}`;
  for (const attr of Array.from(element.attributes)) out += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  const children = Array.from(element.childNodes);
  if (children.length === 0) return `${out}/>`;
  return `${out}>${children.map(serializeSvg).join('')}</${name}>`;
}

/**
 * Shrinks the canvas to the content's height when a small input leaves the bottom empty (the width is
 * kept, so views embedded side by side still line up).
 */
export function fitHeight(canvas: Canvas, contentBottom: number): void {
  const height = Math.max(240, Math.ceil(contentBottom + 16));
  if (height >= canvas.height) return;
  canvas.height = height;
  canvas.svg.attr('height', height).attr('viewBox', `0 0 ${canvas.width} ${height}`);
  canvas.svg.select('rect.background').attr('height', height);
}
