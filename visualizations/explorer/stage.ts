/**
 * The drawing surface: a canvas for large scenes and an SVG for small ego networks, sharing one d3-zoom
 * transform, one hit test (a quadtree over node centres, so hovering 25,000 dots costs a lookup, not a
 * scan) and one tooltip. Redraws are coalesced into animation frames.
 */
import { quadtree, select, zoom, zoomIdentity, type Quadtree, type ZoomBehavior, type ZoomTransform } from 'd3';
import { clear, h } from './dom.js';
import { PAINT, paintScene, type Transform } from './paint.js';
import { isFrame, type Scene, type SceneNode } from './scene.js';
import { sceneToSvg } from './svg-scene.js';

export interface StageHandlers {
  onSelect(node: SceneNode | undefined): void;
  onOpen(node: SceneNode): void;
  describe(node: SceneNode): { title: string; detail: string };
  idOf(node: SceneNode): string;
  onDrawn(scene: Scene): void;
}

export const STAGE_DEFAULTS = { padding: 24, titleHeight: 40 };

export class Stage {
  private readonly canvas: HTMLCanvasElement;
  private readonly svgHost: HTMLDivElement;
  private readonly tooltip: HTMLDivElement;
  private readonly zoomBehavior: ZoomBehavior<HTMLElement, unknown>;
  private scene: Scene | undefined;
  private tree: Quadtree<SceneNode> | undefined;
  private maxR = 1;
  private t: Transform = { k: 1, x: 0, y: 0 };
  private frame = 0;
  private width = 0;
  private height = 0;
  /** Until the analyst pans or zooms, a resize refits the scene instead of keeping the old framing. */
  private userMoved = false;

  constructor(private readonly host: HTMLElement, private readonly handlers: StageHandlers) {
    this.canvas = h('canvas', { class: 'stage-canvas', 'aria-label': 'Graph of agencies and applications' });
    this.svgHost = h('div', { class: 'stage-svg' });
    this.tooltip = h('div', { class: 'tooltip', role: 'tooltip' });
    this.tooltip.hidden = true;
    host.append(this.canvas, this.svgHost, this.tooltip);
    this.zoomBehavior = zoom<HTMLElement, unknown>()
      .scaleExtent([0.01, 60])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (event.sourceEvent) this.userMoved = true;
        this.t = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
        this.requestDraw();
      });
    select(host).call(this.zoomBehavior).on('dblclick.zoom', null);
    host.addEventListener('mousemove', (e) => this.hover(e));
    host.addEventListener('mouseleave', () => (this.tooltip.hidden = true));
    host.addEventListener('click', (e) => this.handlers.onSelect(this.hit(e)));
    host.addEventListener('dblclick', (e) => {
      const node = this.hit(e);
      if (node) this.handlers.onOpen(node);
    });
    new ResizeObserver(() => {
      const before = `${this.width}x${this.height}`;
      this.resize();
      if (!this.userMoved && before !== `${this.width}x${this.height}`) this.fit();
      else this.requestDraw();
    }).observe(host);
    this.resize();
  }

  get current(): Scene | undefined {
    return this.scene;
  }

  get transform(): Transform {
    return { ...this.t };
  }

  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  show(scene: Scene, fit: boolean): void {
    this.scene = scene;
    const points = scene.nodes.filter((n) => !isFrame(n));
    this.maxR = points.reduce((m, n) => Math.max(m, n.r), 1);
    this.tree = quadtree<SceneNode>()
      .x((n) => n.x)
      .y((n) => n.y)
      .addAll(points);
    this.canvas.hidden = scene.renderer !== 'canvas';
    this.svgHost.hidden = scene.renderer !== 'svg';
    if (fit) this.fit();
    else this.requestDraw();
  }

  fit(): void {
    if (!this.scene) return;
    this.userMoved = false;
    const b = this.scene.bounds;
    const pad = STAGE_DEFAULTS.padding;
    // The view title sits over the top edge of the stage: keep the scene below it.
    const top = STAGE_DEFAULTS.titleHeight;
    const k = Math.min((this.width - 2 * pad) / Math.max(1, b.maxX - b.minX), (this.height - top - pad) / Math.max(1, b.maxY - b.minY), 8);
    const x = this.width / 2 - ((b.minX + b.maxX) / 2) * k;
    const y = top + (this.height - top - pad) / 2 - ((b.minY + b.maxY) / 2) * k;
    select(this.host).call(this.zoomBehavior.transform, zoomIdentity.translate(x, y).scale(k));
  }

  /** Pans so the world point sits in the middle, zooming in to at least `minK`. */
  centreOn(x: number, y: number, minK: number): void {
    const k = Math.max(this.t.k, minK);
    this.userMoved = true;
    select(this.host).call(this.zoomBehavior.transform, zoomIdentity.translate(this.width / 2 - x * k, this.height / 2 - y * k).scale(k));
  }

  /** Screen position of a node of the current scene (for tests and the bench). */
  screenPosition(key: number): { x: number; y: number; r: number } | undefined {
    const n = this.scene?.nodes.find((node) => node.key === key && !isFrame(node));
    return n ? { x: n.x * this.t.k + this.t.x, y: n.y * this.t.k + this.t.y, r: n.r * this.t.k } : undefined;
  }

  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now (the first render and tests do not wait for a frame). */
  draw(): void {
    const scene = this.scene;
    if (!scene) return;
    if (scene.renderer === 'canvas') {
      const ctx = this.canvas.getContext('2d');
      if (!ctx) return;
      paintScene(ctx, scene, this.t, this.width, this.height, { ratio: window.devicePixelRatio || 1, maxLabels: PAINT.maxLabelsCanvas });
    } else {
      clear(this.svgHost);
      this.svgHost.append(sceneToSvg(scene, this.t, this.width, this.height, { background: false, idOf: this.handlers.idOf, maxLabels: PAINT.maxLabelsSvg }));
    }
    this.handlers.onDrawn(scene);
  }

  private resize(): void {
    const rect = this.host.getBoundingClientRect();
    this.width = Math.max(1, Math.round(rect.width));
    this.height = Math.max(1, Math.round(rect.height));
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
  }

  private hit(e: MouseEvent): SceneNode | undefined {
    if (!this.scene || !this.tree) return undefined;
    const rect = this.host.getBoundingClientRect();
    const wx = (e.clientX - rect.left - this.t.x) / this.t.k;
    const wy = (e.clientY - rect.top - this.t.y) / this.t.k;
    const slack = 4 / this.t.k;
    const found = this.tree.find(wx, wy, this.maxR + slack);
    if (found && Math.hypot(found.x - wx, found.y - wy) <= found.r + slack) return found;
    // Inside an expanded agency's disc but on no application: the agency itself.
    return this.scene.nodes.find((n) => n.kind === 'group' && Math.hypot(n.x - wx, n.y - wy) <= n.r);
  }

  private hover(e: MouseEvent): void {
    const node = this.hit(e);
    if (!node) {
      this.tooltip.hidden = true;
      this.host.style.cursor = 'grab';
      return;
    }
    const { title, detail } = this.handlers.describe(node);
    clear(this.tooltip);
    this.tooltip.append(h('strong', {}, title), h('br'), detail);
    const rect = this.host.getBoundingClientRect();
    this.tooltip.hidden = false;
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    // Below and right of the pointer, flipped where it would leave the stage.
    const below = y + 14 + this.tooltip.offsetHeight <= this.height;
    this.tooltip.style.left = `${Math.max(0, Math.min(x + 14, this.width - this.tooltip.offsetWidth - 4))}px`;
    this.tooltip.style.top = `${below ? y + 14 : Math.max(0, y - 10 - this.tooltip.offsetHeight)}px`;
    this.host.style.cursor = 'pointer';
  }
}
