/**
 * A scene as SVG, in screen coordinates for a given pan/zoom: the on-screen drawing of small ego networks
 * (one element per node, each with a <title> and data attributes, so it is inspectable and accessible)
 * and the view part of the SVG export (culled to the viewport; export.ts frames it with heading, legend
 * and caption). Text goes in as text nodes only.
 */
import { COLORS, FONT_FAMILY } from '../shared/theme.js';
import { estimateTextWidth, truncateText } from '../shared/text.js';
import type { Legend } from './colors.js';
import { svg } from './dom.js';
import { LINK_COLOR, MANUAL_LINK_COLOR, PAINT, isManual, linkAlpha, linkWidth, maxLinkCount, placeLabels, project, type Transform } from './paint.js';
import type { Scene, SceneNode } from './scene.js';

export interface SvgOptions {
  /** Paints a white background (a file needs one; the page has its own). */
  background: boolean;
  idOf(node: SceneNode): string;
  maxLabels: number;
}

function inView(x: number, y: number, r: number, width: number, height: number): boolean {
  return x > -r && y > -r && x < width + r && y < height + r;
}

function fmt(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

export function legendSvg(legend: Legend, sizeLabel: string, x: number, y: number): SVGGElement {
  const g = svg('g', { class: 'legend', transform: `translate(${fmt(x)},${fmt(y)})`, 'font-size': 10 });
  const rows = legend.entries.slice(0, 12);
  const width = Math.min(260, Math.max(150, ...rows.map((r) => estimateTextWidth(r.label, 10) + 30), estimateTextWidth(legend.title, 10, true) + 16));
  const height = 24 + (legend.ramp ? 30 : rows.length * 15) + 16;
  g.append(svg('rect', { width: fmt(width), height, rx: 4, fill: COLORS.background, 'fill-opacity': 0.92, stroke: COLORS.grid }));
  g.append(svg('text', { x: 8, y: 16, 'font-weight': 'bold', fill: COLORS.text }, legend.title));
  let cy = 24;
  if (legend.ramp) {
    const stepW = (width - 16) / legend.ramp.stops.length;
    legend.ramp.stops.forEach((c, i) => g.append(svg('rect', { x: fmt(8 + i * stepW), y: cy, width: fmt(stepW + 0.5), height: 10, fill: c })));
    g.append(svg('text', { x: 8, y: cy + 22, fill: COLORS.muted }, legend.ramp.low));
    g.append(svg('text', { x: fmt(width - 8), y: cy + 22, 'text-anchor': 'end', fill: COLORS.muted }, legend.ramp.high));
    cy += 30;
  } else {
    for (const row of rows) {
      g.append(svg('circle', { cx: 14, cy: cy + 5, r: 5, fill: row.color }));
      g.append(svg('text', { x: 24, y: cy + 9, fill: COLORS.text }, truncateText(row.label, width - 30, 10)));
      cy += 15;
    }
  }
  g.append(svg('text', { x: 8, y: cy + 12, fill: COLORS.muted }, `size: ${sizeLabel}`));
  return g;
}

export function sceneToSvg(scene: Scene, t: Transform, width: number, height: number, options: SvgOptions): SVGSVGElement {
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT_FAMILY,
    class: `scene scene-${scene.kind}`,
    role: 'img',
  });
  root.append(svg('title', {}, `${scene.title}. ${scene.subtitle}`));
  if (options.background) root.append(svg('rect', { width, height, fill: COLORS.background }));

  const groups = svg('g', { class: 'groups' });
  const links = svg('g', { class: 'links', fill: 'none' });
  const nodes = svg('g', { class: 'nodes' });
  const labels = svg('g', { class: 'labels', 'font-size': PAINT.labelFont });
  root.append(groups, links, nodes, labels);

  const maxCount = maxLinkCount(scene);
  const alpha = Math.round(linkAlpha(scene) * 1000) / 1000;
  const ordered = [...scene.links].sort((a, b) => Number(b.faded) - Number(a.faded) || Number(a.highlight) - Number(b.highlight));
  for (const l of ordered) {
    const [x1, y1] = project(t, l.a.x, l.a.y);
    const [x2, y2] = project(t, l.b.x, l.b.y);
    if (!inView(x1, y1, 0, width, height) && !inView(x2, y2, 0, width, height)) continue;
    const manual = isManual(l);
    links.append(
      svg('line', {
        x1: fmt(x1), y1: fmt(y1), x2: fmt(x2), y2: fmt(y2),
        stroke: l.highlight ? COLORS.highlight : manual ? MANUAL_LINK_COLOR : LINK_COLOR,
        'stroke-width': fmt(linkWidth(l, maxCount) * (l.highlight ? 1.3 : 1)),
        'stroke-opacity': l.highlight ? 0.9 : l.faded ? Math.min(PAINT.fadedLinkAlpha, alpha) : alpha,
        'stroke-dasharray': manual ? '4 3' : undefined,
        class: l.faded ? 'link faded' : 'link',
        'data-count': l.count,
      }),
    );
  }

  for (const n of scene.nodes) {
    const [x, y] = project(t, n.x, n.y);
    const r = n.r * t.k;
    if (!inView(x, y, r + 2, width, height)) continue;
    if (n.kind === 'government') {
      if (!n.faded && r >= 6) groups.append(svg('circle', { cx: fmt(x), cy: fmt(y), r: fmt(r), fill: 'none', stroke: COLORS.faint, 'stroke-opacity': 0.45, class: 'government' }));
      continue;
    }
    if (n.kind === 'group') {
      groups.append(
        svg('circle', { cx: fmt(x), cy: fmt(y), r: fmt(r), fill: n.fill, 'fill-opacity': n.faded ? 0.04 : 0.1, stroke: n.fill, 'stroke-opacity': n.faded ? 0.25 : 0.7, class: 'group', 'data-id': options.idOf(n) }),
      );
      continue;
    }
    const g = svg('g', {
      class: `node${n.faded ? ' faded' : ''}${n.selected ? ' selected' : ''}`,
      'data-kind': n.kind,
      'data-id': options.idOf(n),
      'data-depth': n.depth,
      'data-faded': n.faded ? 'true' : 'false',
      opacity: n.faded ? PAINT.fadedNodeAlpha : undefined,
    });
    g.append(svg('title', {}, n.label));
    g.append(svg('circle', { cx: fmt(x), cy: fmt(y), r: fmt(Math.max(r, PAINT.minScreenRadius)), fill: n.fill, stroke: COLORS.background, 'stroke-width': r > 3 ? 0.8 : 0 }));
    if (n.selected) g.append(svg('circle', { cx: fmt(x), cy: fmt(y), r: fmt(r + 3), fill: 'none', stroke: COLORS.text, 'stroke-width': 2 }));
    nodes.append(g);
  }

  for (const label of placeLabels(scene, t, width, height, options.maxLabels)) {
    const attrs = { x: fmt(label.x), y: fmt(label.y), 'text-anchor': label.anchor, 'data-id': options.idOf(label.node) };
    labels.append(svg('text', { ...attrs, stroke: COLORS.background, 'stroke-width': PAINT.haloWidth, 'stroke-linejoin': 'round', 'stroke-opacity': 0.9, 'aria-hidden': 'true' }, label.text));
    labels.append(svg('text', { ...attrs, class: 'label', fill: label.node.selected ? COLORS.highlight : COLORS.text }, label.text));
  }

  return root;
}
