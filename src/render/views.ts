/**
 * Renders the D3 views (visualizations/) to files: for each view an .svg, a self-contained .html that
 * re-renders the view interactively from file:// (d3's UMD build, the views bundle and the data are all
 * inlined; no network request), and a .png rasterised with resvg. The same view modules run here under
 * linkedom and in the browser.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { linkedomModule } from './dom.js';
import { VIEW_NAMES, VIEWS, isViewName, serializeSvg, type ViewName, type ViewOptions } from '../../visualizations/index.js';
import { DEFAULT_SIZE, FONT_FAMILY } from '../../visualizations/shared/theme.js';
import { fromRoot } from '../paths.js';
import { loadReference } from '../reference/index.js';
import type { Analysis, Inventory } from '../types.js';

export interface RenderViewsOptions {
  /** Also write a PNG of each view (default true). */
  png?: boolean;
  /** Views to render (default all). */
  views?: ViewName[];
  /** PNG pixels per SVG unit (default 2, for sharp text). */
  pngScale?: number;
  /** Function code → name; default the reference taxonomy's English names (`referenceFunctionNames`). */
  functionNames?: Record<string, string>;
}

export interface RenderedView {
  name: ViewName;
  /** Paths of the written files. */
  svg: string;
  html: string;
  png?: string;
  /** The view's SVG markup (no XML declaration), for pages that inline it, such as the HTML report. */
  markup: string;
}

export const BUNDLE_PATH = fromRoot('dist', 'visualizations', 'views.bundle.js');
const BUNDLE_ENTRY = fromRoot('visualizations', 'browser-entry.ts');
const BUNDLE_GLOBAL = 'siloscopeViews';

/** Sizes the views are written at; the HTML page re-renders to its window's width. */
const VIEW_SIZES: Partial<Record<ViewName, { width: number; height: number }>> = {
  'agency-network': { width: 960, height: 680 },
  'capability-map': { width: 960, height: 660 },
  'exchange-matrix': { width: 900, height: 800 },
  'wasted-spend': { width: 960, height: 620 },
  'recommendation-waves': { width: 960, height: 660 },
  'target-state': { width: 960, height: 440 },
};

function sizeOf(name: ViewName): { width: number; height: number } {
  return VIEW_SIZES[name] ?? DEFAULT_SIZE;
}

function assertViewName(name: string): asserts name is ViewName {
  if (!isViewName(name)) throw new Error(`Unknown view "${name}". Views: ${VIEW_NAMES.join(', ')}.`);
}

let referenceNames: Record<string, string> | undefined;

/**
 * Function code → English name from the reference taxonomy (data/reference/taxonomy.json), the same
 * taxonomy the engine classified against. The analysis names only the functions of duplicate clusters;
 * the capability map needs a name for every function it draws.
 */
export function referenceFunctionNames(): Record<string, string> {
  referenceNames ??= Object.fromEntries(loadReference().functions.map((f) => [f.code, f.name.en]));
  return referenceNames;
}

/** The names of the functions this analysis uses, so a page embeds tens of names, not the whole taxonomy. */
export function usedFunctionNames(analysis: Analysis, names: Record<string, string>): Record<string, string> {
  const used: Record<string, string> = {};
  const add = (code: string | undefined) => {
    if (code !== undefined && names[code] !== undefined) used[code] = names[code];
  };
  for (const app of analysis.applications) add(app.function);
  for (const cluster of analysis.duplicateClusters) add(cluster.function);
  return used;
}

/** One view as a standalone SVG string (no XML declaration, so it can be embedded in HTML as is). */
export function renderViewSvg(name: ViewName | string, analysis: Analysis, inventory?: Inventory, options: ViewOptions = {}): string {
  assertViewName(name);
  const { document } = linkedomModule().parseHTML('<!doctype html><html><body><div id="view"></div></body></html>');
  const container = document.getElementById('view')!;
  const functionNames = options.functionNames ?? referenceFunctionNames();
  const svg = VIEWS[name].render(container, analysis, { ...sizeOf(name), ...options, functionNames, inventory, document: document as unknown as Document });
  return serializeSvg(svg);
}

/** Rasterises an SVG with the system fonts (DejaVu Sans first: the views' text widths are estimated for it). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/**
 * The browser bundle of the view modules: the built file when running compiled, else bundled now with
 * esbuild (a dev dependency), so running from a source checkout needs no build step.
 */
let bundleCache: string | undefined;
export async function viewsBundle(): Promise<string> {
  if (bundleCache !== undefined) return bundleCache;
  // Running from source (tsx, vitest) the built file may be stale: bundle the sources being run.
  const fromSource = import.meta.url.endsWith('.ts');
  bundleCache = !fromSource && existsSync(BUNDLE_PATH) ? await readFile(BUNDLE_PATH, 'utf8') : await buildViewsBundle();
  return bundleCache;
}

/** Bundles visualizations/browser-entry.ts as an IIFE exposing `siloscopeViews`, with d3 taken from the page's global. */
export async function buildViewsBundle(): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(`The views bundle ${BUNDLE_PATH} is missing and esbuild is not installed to build it; run "npm run build" in a checkout with dev dependencies.`);
  }
  const result = await esbuild.build({
    entryPoints: [BUNDLE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [
      {
        name: 'd3-from-global',
        setup(build) {
          build.onResolve({ filter: /^d3(-[a-z-]+)?$/ }, (args) => ({ path: args.path, namespace: 'd3-global' }));
          build.onLoad({ filter: /.*/, namespace: 'd3-global' }, () => ({ contents: 'module.exports = globalThis.d3;', loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

let d3Cache: string | undefined;
async function d3Umd(): Promise<string> {
  if (d3Cache === undefined) {
    const entry = createRequire(import.meta.url).resolve('d3');
    d3Cache = await readFile(join(dirname(entry), 'd3.min.js'), 'utf8');
  }
  return d3Cache;
}

/** What each view reads, so a page embeds only that (a national analysis is tens of megabytes). */
const NEEDS: Record<ViewName, { applications: boolean; exchanges: boolean; clusters: boolean; recommendations: boolean }> = {
  'agency-network': { applications: true, exchanges: true, clusters: false, recommendations: false },
  'capability-map': { applications: true, exchanges: false, clusters: true, recommendations: false },
  'exchange-matrix': { applications: true, exchanges: true, clusters: false, recommendations: false },
  'wasted-spend': { applications: false, exchanges: false, clusters: true, recommendations: false },
  'recommendation-waves': { applications: false, exchanges: false, clusters: false, recommendations: true },
  'target-state': { applications: false, exchanges: false, clusters: false, recommendations: false },
};

export function embeddedData(name: ViewName, analysis: Analysis, inventory?: Inventory): { analysis: Analysis; inventory?: Inventory } {
  const needs = NEEDS[name];
  const slim: Analysis = {
    ...analysis,
    silos: [],
    systems: [],
    warnings: [],
    structure: { ...analysis.structure, bridges: [], articulationPoints: [] },
    applications: needs.applications
      ? analysis.applications.map((a) => ({
          id: a.id,
          agencyId: a.agencyId,
          name: a.name,
          function: a.function,
          functionConfidence: a.functionConfidence,
          functionEvidence: [],
          annualCost: a.annualCost,
          costEstimated: a.costEstimated,
        }))
      : [],
    duplicateClusters: needs.clusters ? analysis.duplicateClusters.map((c) => ({ ...c, evidence: [] })) : [],
    recommendations: needs.recommendations ? analysis.recommendations : [],
  };
  if (!needs.exchanges || !inventory) return { analysis: slim };
  const named = new Set(analysis.applications.filter((a) => a.name).map((a) => a.id));
  return {
    analysis: slim,
    inventory: {
      source: inventory.source,
      agencies: [],
      applications: inventory.applications
        .filter((a) => !named.has(a.id))
        .map((a) => ({ id: a.id, agencyId: a.agencyId, name: a.name, datasets: [], properties: {} })),
      exchanges: inventory.exchanges.map((x) => ({ id: x.id, sourceId: x.sourceId, targetId: x.targetId, mechanism: x.mechanism, properties: {} })),
      datasets: [],
      warnings: [],
    },
  };
}

/** JSON safe inside a <script> element: no `<` at all, so neither `</script>` nor `<!--` can appear. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline script text that cannot end its <script> element early. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function viewHtml(
  name: ViewName,
  analysis: Analysis,
  inventory: Inventory | undefined,
  svg: string,
  functionNames: Record<string, string> = referenceFunctionNames(),
): Promise<string> {
  const [d3, bundle] = await Promise.all([d3Umd(), viewsBundle()]);
  const { width, height } = sizeOf(name);
  const data = { view: name, width, height, functionNames: usedFunctionNames(analysis, functionNames), ...embeddedData(name, analysis, inventory) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>siloscope · ${escapeHtml(VIEWS[name].title)}</title>
<style>
  body { margin: 0; padding: 16px; font-family: ${FONT_FAMILY}; color: #1f2933; background: #ffffff; }
  #view { max-width: 1600px; margin: 0 auto; }
  #view svg { display: block; max-width: 100%; height: auto; }
  .note { max-width: 1600px; margin: 8px auto 0; font-size: 12px; color: #52606d; }
</style>
</head>
<body>
<div id="view">${svg}</div>
<p class="note">Generated by siloscope from ${escapeHtml(analysis.meta.source.path)} (${escapeHtml(analysis.meta.generatedAt)}). Hover marks for details.</p>
<script type="application/json" id="siloscope-data">${scriptJson(data)}</script>
<script>${inlineScript(d3)}</script>
<script>${inlineScript(bundle)}</script>
<script>${BUNDLE_GLOBAL}.mountFromPage();</script>
</body>
</html>
`;
}

/** Writes `<view>.svg`, `<view>.html` and (unless `png: false`) `<view>.png` for each view into `outDir`. */
export async function renderViews(
  analysis: Analysis,
  inventory: Inventory | undefined,
  outDir: string,
  options: RenderViewsOptions = {},
): Promise<RenderedView[]> {
  const names = options.views ?? [...VIEW_NAMES];
  names.forEach((n) => assertViewName(n));
  await mkdir(outDir, { recursive: true });
  const out: RenderedView[] = [];
  const functionNames = options.functionNames ?? referenceFunctionNames();
  for (const name of names) {
    const svg = renderViewSvg(name, analysis, inventory, { functionNames });
    const files: RenderedView = { name, svg: join(outDir, `${name}.svg`), html: join(outDir, `${name}.html`), markup: svg };
    await writeFile(files.svg, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, 'utf8');
    await writeFile(files.html, await viewHtml(name, analysis, inventory, svg, functionNames), 'utf8');
    if (options.png !== false) {
      files.png = join(outDir, `${name}.png`);
      await writeFile(files.png, svgToPng(svg, options.pngScale ?? 2));
    }
    out.push(files);
  }
  return out;
}
