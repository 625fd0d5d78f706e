/**
 * Painting a scene on a 2D canvas: the on-screen overview, large ego networks and the PNG export all go
 * through `paintScene`. State changes are batched — one path per (colour, alpha) for nodes and per
 * (style, width class) for links — because at national scale a path per mark costs more than the marks.
 * Labels are placed greedily in screen space, largest nodes first, skipping any that would overlap.
 */
import { COLORS, FONT_FAMILY } from '../shared/theme.js';
import { estimateTextWidth, truncateText } from '../shared/text.js';
import { isFrame, type Scene, type SceneLink, type SceneNode } from './scene.js';

export interface Transform {
  k: number;
  x: number;
  y: number;
}

export interface PlacedLabel {
  node: SceneNode;
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle';
}

export const PAINT = {
  labelFont: 11,
  maxLabelWidth: 200,
  fadedNodeAlpha: 0.14,
  fadedLinkAlpha: 0.05,
  linkAlpha: 0.32,
  haloWidth: 3,
  minScreenRadius: 1.3,
  /** Labels at most on a canvas scene and on an SVG one (small ego networks can name every node). */
  maxLabelsCanvas: 32,
  maxLabelsSvg: 160,
  /** Space an exported image adds around the view: heading above, caption below, legend to the right. */
  headerBand: 50,
  footerBand: 24,
  legendColumn: 280,
};

export const maxLabelsFor = (scene: Scene): number => (scene.renderer === 'svg' ? PAINT.maxLabelsSvg : PAINT.maxLabelsCanvas);

export const LINK_COLOR = COLORS.link;
export const MANUAL_LINK_COLOR = '#c2410c';

export function linkWidth(link: SceneLink, maxCount: number): number {
  return 0.6 + 2.6 * Math.sqrt(link.count / Math.max(1, maxCount));
}

/** Link opacity falls as links multiply, so ten thousand links read as density rather than a black disc. */
export function linkAlpha(scene: Scene): number {
  return Math.min(PAINT.linkAlpha, Math.max(0.05, PAINT.linkAlpha * Math.sqrt(1500 / Math.max(1, scene.links.length))));
}

export const isManual = (link: SceneLink): boolean => link.manual * 2 > link.count;

export function maxLinkCount(scene: Scene): number {
  let max = 1;
  for (const l of scene.links) if (l.count > max) max = l.count;
  return max;
}

/** Screen position of a world point. */
export function project(t: Transform, x: number, y: number): [number, number] {
  return [x * t.k + t.x, y * t.k + t.y];
}

/** Labels that fit without overlapping, in priority order (selected first, then by on-screen size). */
export function placeLabels(scene: Scene, t: Transform, width: number, height: number, max: number): PlacedLabel[] {
  const candidates = scene.nodes.filter((n) => {
    if (n.faded && !n.selected) return false;
    const sr = n.r * t.k;
    if (!n.selected && sr < n.labelAt) return false;
    const [sx, sy] = project(t, n.x, n.y);
    return sx > -sr && sy > -sr && sx < width + sr && sy < height + sr;
  });
  candidates.sort((a, b) => Number(b.selected) - Number(a.selected) || b.weight - a.weight || a.key - b.key);
  const placed: PlacedLabel[] = [];
  const boxes: Array<[number, number, number, number]> = [];
  const used = new Set<string>();
  const size = PAINT.labelFont;
  for (const n of candidates) {
    if (placed.length >= max) break;
    const text = truncateText(n.label, PAINT.maxLabelWidth, size);
    // A government's circle and its own agency carry the same name: one label is enough.
    if (!text || used.has(text)) continue;
    const w = estimateTextWidth(text, size);
    const [sx, sy] = project(t, n.x, n.y);
    const sr = n.r * t.k;
    const group = isFrame(n);
    const x = group ? sx : sx + sr + 3;
    const y = group ? sy - sr - 4 : sy + size * 0.35;
    const box: [number, number, number, number] = group ? [x - w / 2, y - size, x + w / 2, y + 2] : [x, y - size, x + w, y + 3];
    if (!n.selected && boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    boxes.push(box);
    used.add(text);
    placed.push({ node: n, x, y, text, anchor: group ? 'middle' : 'start' });
  }
  return placed;
}

function visible(n: SceneNode, t: Transform, width: number, height: number): boolean {
  const [sx, sy] = project(t, n.x, n.y);
  const sr = n.r * t.k + 2;
  return sx > -sr && sy > -sr && sx < width + sr && sy < height + sr;
}

export interface PaintOptions {
  /** Device pixels per CSS pixel. */
  ratio: number;
  maxLabels: number;
}

export function paintScene(ctx: CanvasRenderingContext2D, scene: Scene, t: Transform, width: number, height: number, options: PaintOptions): PlacedLabel[] {
  const { ratio } = options;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(ratio * t.k, 0, 0, ratio * t.k, ratio * t.x, ratio * t.y);
  const px = 1 / t.k;

  ctx.strokeStyle = COLORS.faint;
  ctx.lineWidth = px;
  ctx.beginPath();
  for (const g of scene.nodes) {
    if (g.kind !== 'government' || g.faded || !visible(g, t, width, height) || g.r * t.k < 6) continue;
    ctx.moveTo(g.x + g.r, g.y);
    ctx.arc(g.x, g.y, g.r, 0, 2 * Math.PI);
  }
  ctx.globalAlpha = 0.45;
  ctx.stroke();

  for (const g of scene.nodes) {
    if (g.kind !== 'group' || !visible(g, t, width, height)) continue;
    ctx.globalAlpha = g.faded ? 0.04 : 0.1;
    ctx.fillStyle = g.fill;
    ctx.beginPath();
    ctx.arc(g.x, g.y, g.r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.globalAlpha = g.faded ? 0.25 : 0.7;
    ctx.strokeStyle = g.fill;
    ctx.lineWidth = 1.2 * px;
    ctx.stroke();
  }

  const maxCount = maxLinkCount(scene);
  const batches = new Map<string, SceneLink[]>();
  for (const l of scene.links) {
    const key = `${l.highlight ? 2 : l.faded ? 0 : 1}|${isManual(l) ? 1 : 0}|${Math.round(linkWidth(l, maxCount) * 2) / 2}`;
    const list = batches.get(key);
    if (list) list.push(l);
    else batches.set(key, [l]);
  }
  for (const [key, list] of [...batches].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [tier, manual, w] = key.split('|');
    ctx.globalAlpha = tier === '2' ? 0.9 : tier === '0' ? Math.min(PAINT.fadedLinkAlpha, linkAlpha(scene)) : linkAlpha(scene);
    ctx.strokeStyle = tier === '2' ? COLORS.highlight : manual === '1' ? MANUAL_LINK_COLOR : LINK_COLOR;
    ctx.lineWidth = Number(w) * px * (tier === '2' ? 1.3 : 1);
    ctx.setLineDash(manual === '1' ? [4 * px, 3 * px] : []);
    ctx.beginPath();
    for (const l of list) {
      ctx.moveTo(l.a.x, l.a.y);
      ctx.lineTo(l.b.x, l.b.y);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);

  const byFill = new Map<string, SceneNode[]>();
  const faded: SceneNode[] = [];
  for (const n of scene.nodes) {
    if (isFrame(n) || !visible(n, t, width, height)) continue;
    if (n.faded) faded.push(n);
    else {
      const list = byFill.get(n.fill);
      if (list) list.push(n);
      else byFill.set(n.fill, [n]);
    }
  }
  // Zoomed out, a small agency would shrink below a pixel and vanish; keep every mark visible.
  const minR = PAINT.minScreenRadius * px;
  const fillNodes = (list: SceneNode[], color: string, alpha: number) => {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = color;
    ctx.beginPath();
    for (const n of list) {
      const r = Math.max(n.r, minR);
      ctx.moveTo(n.x + r, n.y);
      ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  };
  const fadedByFill = new Map<string, SceneNode[]>();
  for (const n of faded) {
    const list = fadedByFill.get(n.fill);
    if (list) list.push(n);
    else fadedByFill.set(n.fill, [n]);
  }
  for (const [color, list] of fadedByFill) fillNodes(list, color, PAINT.fadedNodeAlpha);
  for (const [color, list] of byFill) {
    fillNodes(list, color, 1);
    const outlined = list.filter((n) => n.r * t.k > 3);
    if (outlined.length > 0) {
      ctx.strokeStyle = COLORS.background;
      ctx.lineWidth = 0.8 * px;
      ctx.beginPath();
      for (const n of outlined) {
        ctx.moveTo(n.x + n.r, n.y);
        ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
  }

  ctx.globalAlpha = 1;
  ctx.strokeStyle = COLORS.text;
  ctx.lineWidth = 2 * px;
  for (const n of scene.nodes) {
    if (!n.selected) continue;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r + 3 * px, 0, 2 * Math.PI);
    ctx.stroke();
  }

  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const labels = placeLabels(scene, t, width, height, options.maxLabels);
  ctx.font = `${PAINT.labelFont}px ${FONT_FAMILY}`;
  ctx.lineJoin = 'round';
  for (const label of labels) {
    ctx.textAlign = label.anchor === 'middle' ? 'center' : 'left';
    ctx.strokeStyle = COLORS.background;
    ctx.lineWidth = PAINT.haloWidth;
    ctx.globalAlpha = 0.9;
    ctx.strokeText(label.text, label.x, label.y);
    ctx.globalAlpha = 1;
    ctx.fillStyle = label.node.selected ? COLORS.highlight : COLORS.text;
    ctx.fillText(label.text, label.x, label.y);
  }
  return labels;
}
