import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embeddedData,
  referenceFunctionNames,
  renderViewSvg,
  renderViews,
  scriptJson,
  usedFunctionNames,
  viewHtml,
  viewsBundle,
  type RenderedView,
} from '../../src/render/views.js';
import { loadReference } from '../../src/reference/index.js';
import { VIEW_NAMES } from '../../visualizations/index.js';
import { agency, application, baseAnalysis } from '../fixtures/analysis/builders.js';
import { HOSTILE_APP, smallAnalysis, smallInventory } from '../fixtures/analysis/small.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SCRIPT_BREAKER = '</script><script>alert(2)</script>';

const analysis = smallAnalysis();
analysis.agencies.push(agency({ id: 'breaker', name: SCRIPT_BREAKER, parentId: 'kota', applications: 0 }));
const inventory = smallInventory(analysis);

let dir: string;
let rendered: RenderedView[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'siloscope-views-'));
  rendered = await renderViews(analysis, inventory, dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs a view page's scripts the way a browser would from file://, in a linkedom window. */
function boot(html: string) {
  const dom = parseHTML(html);
  const context = createContext({ window: dom.window, document: dom.document, console, setTimeout, clearTimeout, setInterval, clearInterval });
  for (const script of Array.from(dom.document.querySelectorAll('script'))) {
    if (script.getAttribute('type') === 'application/json') continue;
    expect(script.getAttribute('src')).toBeNull();
    runInContext(script.textContent ?? '', context);
  }
  return dom;
}

describe('renderViews', () => {
  it('writes an svg, an html and a png per view', () => {
    expect(rendered.map((r) => r.name)).toEqual([...VIEW_NAMES]);
    for (const view of rendered) {
      expect(view.svg).toBe(join(dir, `${view.name}.svg`));
      expect(view.html).toBe(join(dir, `${view.name}.html`));
      expect(view.png).toBe(join(dir, `${view.name}.png`));
      for (const file of [view.svg, view.html, view.png!]) expect(existsSync(file)).toBe(true);
    }
  });

  it('writes standalone SVG files', async () => {
    for (const view of rendered) {
      const svg = await readFile(view.svg, 'utf8');
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
      expect(svg).not.toMatch(/<img|<script/i);
    }
  });

  it('writes PNGs at twice the SVG size', async () => {
    for (const view of rendered) {
      const png = await readFile(view.png!);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const svgWidth = Number(/width="(\d+)"/.exec(await readFile(view.svg, 'utf8'))![1]);
      expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
    }
  });

  it('writes HTML that loads nothing from the network', async () => {
    for (const view of rendered) {
      const html = await readFile(view.html, 'utf8');
      expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
      expect(html).not.toMatch(/<link[^>]*\shref=["']?(https?:)?\/\//i);
      expect(html).not.toMatch(/(src|href)=["']?https?:/i);
      expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    }
  });

  it('embeds the data so that no inventory string can break out of its script element', async () => {
    const html = await readFile(rendered[0].html, 'utf8');
    // Four script elements (data, d3, views, mount) and only their own closing tags.
    expect(html.match(/<script/gi)).toHaveLength(4);
    expect(html.match(/<\/script/gi)).toHaveLength(4);
    expect(html).not.toContain('<img');
    const dom = parseHTML(html);
    const data = JSON.parse(dom.document.getElementById('siloscope-data')!.textContent!);
    expect(data.view).toBe('agency-network');
    expect(data.analysis.agencies.map((a: { name: string }) => a.name)).toContain(SCRIPT_BREAKER);
    expect(data.inventory.exchanges).toHaveLength(6);
  });

  it('pre-renders the view and re-renders it interactively from the embedded data', async () => {
    const html = await readFile(rendered[0].html, 'utf8');
    const before = parseHTML(html).document.querySelectorAll('#view svg g.node').length;
    expect(before).toBe(6);
    const dom = boot(html);
    const view = dom.document.getElementById('view')!;
    expect(view.querySelectorAll('svg')).toHaveLength(1);
    expect(view.querySelectorAll('g.node')).toHaveLength(6);
    view.querySelector('g.node[data-id="hostile"]')!.dispatchEvent(new dom.Event('click'));
    const rows = Array.from(view.querySelectorAll('g.drill-row')).map((r) => r.querySelector('text')!.textContent);
    expect(rows).toContain(HOSTILE_APP);
    expect(view.querySelectorAll('script')).toHaveLength(0);
  });

  it('boots every view page without errors', async () => {
    for (const view of rendered) {
      const dom = boot(await readFile(view.html, 'utf8'));
      expect(dom.document.querySelectorAll('#view > svg')).toHaveLength(1);
    }
  });

  it('skips PNGs on request and rejects unknown views', async () => {
    const out = await renderViews(analysis, inventory, join(dir, 'no-png'), { png: false, views: ['target-state'] });
    expect(out).toEqual([
      {
        name: 'target-state',
        svg: join(dir, 'no-png', 'target-state.svg'),
        html: join(dir, 'no-png', 'target-state.html'),
        markup: renderViewSvg('target-state', analysis, inventory),
      },
    ]);
    // The markup handed back is exactly what the .svg file holds, minus its XML declaration.
    expect(readFileSync(join(dir, 'no-png', 'target-state.svg'), 'utf8')).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${out[0]!.markup}\n`);
    expect(existsSync(join(dir, 'no-png', 'target-state.png'))).toBe(false);
    expect(() => renderViewSvg('pie-chart', analysis)).toThrow(/Unknown view "pie-chart". Views: agency-network/);
  });
});

describe('renderViewSvg', () => {
  it('returns an embeddable SVG string with the hostile names escaped', () => {
    const svg = renderViewSvg('capability-map', analysis, inventory);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img');
  });
});

describe('function names from the reference taxonomy', () => {
  const reference = loadReference();
  // Two official-tree functions the engine classifies into; their names come from taxonomy.json itself, so
  // the test follows the taxonomy when its wording is edited.
  const [first, second] = reference.functions.filter((f) => f.kind === 'function').slice(0, 2);
  const coded = baseAnalysis({
    agencies: [agency({ id: 'a', name: 'Dinas A', applications: 2 })],
    applications: [application({ id: 'x1', agencyId: 'a', function: first.code }), application({ id: 'x2', agencyId: 'a', function: second.code })],
  });

  it('names every capability-map row, not only the functions of duplicate clusters', () => {
    expect(referenceFunctionNames()[first.code]).toBe(first.name.en);
    const { document } = parseHTML(`<div>${renderViewSvg('capability-map', coded)}</div>`);
    const rows = Array.from(document.querySelectorAll('text.row-label')).map((t) => t.textContent!);
    expect(rows).toHaveLength(2);
    // A long name may be cut to the label width; what is shown is the name's start, never the code.
    for (const [row, fn] of [first, second].map((f) => [rows.find((r) => f.name.en.startsWith(r.replace(/…$/, ''))), f] as const)) {
      expect(row, fn.name.en).toBeDefined();
      expect(row).not.toBe(fn.code);
    }
    expect(Array.from(document.querySelectorAll('text.row-code')).map((t) => t.textContent).sort()).toEqual([first.code, second.code].sort());
  });

  it('lets the caller pass other names, and embeds only the names the analysis uses', async () => {
    const { document } = parseHTML(`<div>${renderViewSvg('capability-map', coded, undefined, { functionNames: { [first.code]: 'Renamed' } })}</div>`);
    expect(Array.from(document.querySelectorAll('text.row-label')).map((t) => t.textContent)).toContain('Renamed');
    expect(usedFunctionNames(coded, referenceFunctionNames())).toEqual({ [first.code]: first.name.en, [second.code]: second.name.en });
    const html = await viewHtml('capability-map', coded, undefined, '<svg/>');
    const data = JSON.parse(parseHTML(html).document.getElementById('siloscope-data')!.textContent!);
    expect(data.functionNames).toEqual({ [first.code]: first.name.en, [second.code]: second.name.en });
  });
});

describe('embedded data', () => {
  it('keeps only what each view reads', () => {
    const spend = embeddedData('wasted-spend', analysis, inventory);
    expect(spend.inventory).toBeUndefined();
    expect(spend.analysis.applications).toEqual([]);
    expect(spend.analysis.duplicateClusters).toHaveLength(2);
    const network = embeddedData('agency-network', analysis, inventory);
    expect(network.analysis.applications).toHaveLength(8);
    // Every application has a name in the analysis, so the inventory copy carries exchanges only.
    expect(network.inventory!.applications).toEqual([]);
    expect(network.inventory!.exchanges).toHaveLength(6);
  });

  it('escapes markup characters in script JSON', () => {
    const text = scriptJson({ name: '</script><!-- & >' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><!-- & >' });
  });

  it('bundles the views without d3 itself', async () => {
    const bundle = await viewsBundle();
    expect(bundle).toContain('siloscopeViews');
    expect(bundle).toContain('globalThis.d3');
    expect(bundle.length).toBeLessThan(150_000);
  });
});
