/**
 * Exports of the explorer: the view on screen as SVG or PNG (what you see, at the current pan and zoom,
 * framed by the title above, the legend to the right and a caption naming the source and the filters
 * below — around the view, never over it), and the current selection — the
 * applications of the view that pass the filters — as CSV or JSON. CSV cells that a spreadsheet would
 * run as a formula are prefixed with an apostrophe, since inventory names are untrusted.
 */
import { COLORS, FONT_FAMILY } from '../shared/theme.js';
import { truncateText } from '../shared/text.js';
import type { ExplorerData } from './data.js';
import { SVG_NS, download, svg } from './dom.js';
import { PAINT, maxLabelsFor, paintScene, type Transform } from './paint.js';
import type { Scene, SceneNode } from './scene.js';
import type { Matches, ViewState } from './state.js';
import { FILTER_KEYS } from './state.js';
import { legendSvg, sceneToSvg } from './svg-scene.js';

export const EXPORT_DEFAULTS = { pngRatio: 2 };

function stamp(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

export function fileName(scene: Scene, extension: string): string {
  return `siloscope-${scene.kind === 'ego' ? 'ego' : 'overview'}-${stamp()}.${extension}`;
}

/** Size of an exported image: the view plus the heading, caption and legend around it. */
export function exportSize(width: number, height: number): { width: number; height: number } {
  return { width: width + PAINT.legendColumn, height: PAINT.headerBand + height + PAINT.footerBand };
}

export function svgText(scene: Scene, t: Transform, width: number, height: number, caption: string, idOf: (n: SceneNode) => string): string {
  const size = exportSize(width, height);
  const root = svg('svg', { xmlns: SVG_NS, width: size.width, height: size.height, viewBox: `0 0 ${size.width} ${size.height}`, 'font-family': FONT_FAMILY });
  root.append(svg('title', {}, `${scene.title}. ${scene.subtitle}`));
  root.append(svg('rect', { width: size.width, height: size.height, fill: COLORS.background }));
  // A nested <svg> clips the view to its rectangle, as the screen does.
  const view = sceneToSvg(scene, t, width, height, { background: false, idOf, maxLabels: maxLabelsFor(scene) });
  view.setAttribute('x', '0');
  view.setAttribute('y', String(PAINT.headerBand));
  view.removeAttribute('xmlns');
  root.append(view);
  root.append(svg('line', { x1: 0, x2: width, y1: PAINT.headerBand - 0.5, y2: PAINT.headerBand - 0.5, stroke: COLORS.grid }));
  root.append(svg('line', { x1: 0, x2: width, y1: PAINT.headerBand + height + 0.5, y2: PAINT.headerBand + height + 0.5, stroke: COLORS.grid }));
  root.append(svg('text', { x: 12, y: 22, 'font-size': 15, 'font-weight': 'bold', fill: COLORS.text }, truncateText(scene.title, size.width - 24, 15, true)));
  root.append(svg('text', { x: 12, y: 40, 'font-size': 11, fill: COLORS.muted }, truncateText(scene.subtitle, size.width - 24, 11)));
  root.append(svg('text', { x: 12, y: size.height - 8, 'font-size': 10, fill: COLORS.muted }, truncateText(caption, size.width - 24, 10)));
  root.append(legendSvg(scene.legend, scene.sizeLabel, width + 12, PAINT.headerBand + 8));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

export function exportSvg(scene: Scene, t: Transform, width: number, height: number, caption: string, idOf: (n: SceneNode) => string): void {
  download(fileName(scene, 'svg'), new Blob([svgText(scene, t, width, height, caption, idOf)], { type: 'image/svg+xml' }));
}

function paintFrame(ctx: CanvasRenderingContext2D, scene: Scene, width: number, height: number, caption: string): void {
  const size = exportSize(width, height);
  ctx.globalAlpha = 1;
  ctx.textAlign = 'left';
  ctx.strokeStyle = COLORS.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, PAINT.headerBand - 0.5);
  ctx.lineTo(width, PAINT.headerBand - 0.5);
  ctx.moveTo(0, PAINT.headerBand + height + 0.5);
  ctx.lineTo(width, PAINT.headerBand + height + 0.5);
  ctx.stroke();
  ctx.fillStyle = COLORS.text;
  ctx.font = `bold 15px ${FONT_FAMILY}`;
  ctx.fillText(truncateText(scene.title, size.width - 24, 15, true), 12, 22);
  ctx.fillStyle = COLORS.muted;
  ctx.font = `11px ${FONT_FAMILY}`;
  ctx.fillText(truncateText(scene.subtitle, size.width - 24, 11), 12, 40);
  ctx.font = `10px ${FONT_FAMILY}`;
  ctx.fillText(truncateText(caption, size.width - 24, 10), 12, size.height - 8);

  const legend = scene.legend;
  const rows = legend.entries.slice(0, 12);
  const x = width + 12;
  let y = PAINT.headerBand + 8 + 16;
  ctx.fillStyle = COLORS.text;
  ctx.font = `bold 10px ${FONT_FAMILY}`;
  ctx.fillText(legend.title, x + 8, y);
  ctx.font = `10px ${FONT_FAMILY}`;
  y += 8;
  const columnW = PAINT.legendColumn - 24;
  if (legend.ramp) {
    const stepW = (columnW - 16) / legend.ramp.stops.length;
    legend.ramp.stops.forEach((c, i) => {
      ctx.fillStyle = c;
      ctx.fillRect(x + 8 + i * stepW, y, stepW + 0.5, 10);
    });
    ctx.fillStyle = COLORS.muted;
    ctx.fillText(legend.ramp.low, x + 8, y + 22);
    ctx.textAlign = 'right';
    ctx.fillText(legend.ramp.high, x + columnW - 8, y + 22);
    ctx.textAlign = 'left';
    y += 30;
  } else {
    for (const row of rows) {
      ctx.fillStyle = row.color;
      ctx.beginPath();
      ctx.arc(x + 14, y + 5, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = COLORS.text;
      ctx.fillText(truncateText(row.label, columnW - 30, 10), x + 24, y + 9);
      y += 15;
    }
  }
  ctx.fillStyle = COLORS.muted;
  ctx.fillText(`size: ${scene.sizeLabel}`, x + 8, y + 12);
}

export function pngCanvas(scene: Scene, t: Transform, width: number, height: number, caption: string): HTMLCanvasElement {
  const ratio = EXPORT_DEFAULTS.pngRatio;
  const view = document.createElement('canvas');
  view.width = Math.round(width * ratio);
  view.height = Math.round(height * ratio);
  const viewCtx = view.getContext('2d');
  const size = exportSize(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * ratio);
  canvas.height = Math.round(size.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx || !viewCtx) throw new Error('explorer: no 2D canvas context for the PNG export');
  paintScene(viewCtx, scene, t, width, height, { ratio, maxLabels: maxLabelsFor(scene) });
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(view, 0, Math.round(PAINT.headerBand * ratio));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  paintFrame(ctx, scene, width, height, caption);
  return canvas;
}

export function exportPng(scene: Scene, t: Transform, width: number, height: number, caption: string): Promise<void> {
  const canvas = pngCanvas(scene, t, width, height, caption);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('the browser could not encode the PNG'));
        return;
      }
      download(fileName(scene, 'png'), blob);
      resolve();
    }, 'image/png'),
  );
}

export interface SelectionRow {
  id: string;
  name: string;
  agency_id: string;
  agency: string;
  level: string;
  region: string;
  function: string;
  function_name: string;
  status: string;
  category: string;
  origin: string;
  community: string;
  cluster_id: string;
  cluster: string;
  annual_cost_idr: number;
  cost_estimated: boolean;
  agency_silo_score: number;
  exchanges: number;
  depth?: number;
}

/** The applications of the scene that pass the filters, as export rows. */
export function selectionRows(data: ExplorerData, scene: Scene, m: Matches): SelectionRow[] {
  const P = data.payload.applications;
  const A = data.payload.agencies;
  const dict = data.payload.dict;
  const C = data.payload.clusters;
  const rows: SelectionRow[] = [];
  for (const i of scene.apps) {
    if (m.app[i] !== 1) continue;
    const a = data.appAgency[i];
    const f = data.appFunction[i];
    const c = data.appCluster[i];
    const row: SelectionRow = {
      id: P.id[i],
      name: P.name[i],
      agency_id: A.id[a],
      agency: A.name[a],
      level: dict.levels[data.agencyLevel[a]] ?? '',
      region: data.agencyRegion[a] >= 0 ? dict.regions[data.agencyRegion[a]] : '',
      function: f >= 0 ? dict.functions[f].code : '',
      function_name: f >= 0 ? dict.functions[f].name ?? '' : '',
      status: data.appStatus[i] >= 0 ? dict.statuses[data.appStatus[i]] : '',
      category: data.appCategory[i] >= 0 ? dict.categories[data.appCategory[i]] : '',
      origin: data.appOrigin[i] >= 0 ? dict.origins[data.appOrigin[i]] : '',
      community: data.appCommunity[i] >= 0 ? String(data.appCommunity[i]) : '',
      cluster_id: c >= 0 ? C.id[c] : '',
      cluster: c >= 0 ? C.label[c] : '',
      annual_cost_idr: data.appCost[i],
      cost_estimated: P.costEstimated[i] === 1,
      agency_silo_score: data.agencySilo[a],
      exchanges: data.appAdjacency.start[i + 1] - data.appAdjacency.start[i],
    };
    const depth = scene.appDepth?.get(i);
    if (depth !== undefined) row.depth = depth;
    rows.push(row);
  }
  return rows;
}

/** A CSV cell: formula-looking text defused, quoted when it holds a delimiter, quote or line break. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function selectionCsv(rows: SelectionRow[], ego: boolean): string {
  const columns: Array<keyof SelectionRow> = [
    'id', 'name', 'agency_id', 'agency', 'level', 'region', 'function', 'function_name', 'status', 'category', 'origin',
    'community', 'cluster_id', 'cluster', 'annual_cost_idr', 'cost_estimated', 'agency_silo_score', 'exchanges',
  ];
  if (ego) columns.push('depth');
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  // The BOM makes spreadsheet programs read the file as UTF-8 (names carry diacritics).
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function selectionJson(data: ExplorerData, scene: Scene, state: ViewState, rows: SelectionRow[]): string {
  const inSelection = new Set(rows.map((r) => data.appIndex.get(r.id)!));
  const exchanges: Array<{ source: string; target: string; mechanism: string }> = [];
  for (let k = 0; k < data.nExchanges; k++) {
    if (inSelection.has(data.xSource[k]) && inSelection.has(data.xTarget[k])) {
      exchanges.push({ source: data.payload.applications.id[data.xSource[k]], target: data.payload.applications.id[data.xTarget[k]], mechanism: data.payload.dict.mechanisms[data.xMechanism[k]] });
    }
  }
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (state.filters[key] !== '') filters[key] = state.filters[key];
  const document = {
    tool: 'siloscope explorer',
    exportedAt: new Date().toISOString(),
    source: data.payload.meta.source,
    view: {
      kind: scene.kind,
      title: scene.title,
      ...(state.mode === 'ego' && state.ego ? { ego: { kind: state.ego.kind, id: state.ego.kind === 'agency' ? data.payload.agencies.id[state.ego.index] : data.payload.applications.id[state.ego.index], depth: state.depth } } : {}),
      filters,
    },
    applications: rows,
    exchanges,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function exportCsv(scene: Scene, rows: SelectionRow[]): void {
  download(fileName(scene, 'csv'), new Blob([selectionCsv(rows, scene.kind === 'ego')], { type: 'text/csv;charset=utf-8' }));
}

export function exportJson(data: ExplorerData, scene: Scene, state: ViewState, rows: SelectionRow[]): void {
  download(fileName(scene, 'json'), new Blob([selectionJson(data, scene, state, rows)], { type: 'application/json' }));
}
