/**
 * The explorer in a real browser (Debian's Chromium through playwright-core), served from the hand-made
 * inventory in test/fixtures/browser/inventory:
 *
 *   exchanges (undirected for ego networks):
 *     sleman-simpeg — siasn — malang-simpeg — malang-ekinerja
 *     sleman-simpeg — sleman-ekinerja;  sleman-simpeg — sleman-gaji — sleman-simda
 *     sleman-aduan — lapor — malang-sambat;  sleman-simpus — sleman-sikda
 *     malang-gis — malang-ncc — malang-xss
 *   so the ego network of sleman-simpeg is {siasn, sleman-ekinerja, sleman-gaji} at depth 1,
 *   adds {malang-simpeg, sleman-simda} at depth 2 and malang-ekinerja at depth 3.
 *   One application (sleman-arsip) is retired; one (malang-xss) is named `<img src=x onerror=…>`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../setup/chromium.js';
import { HOSTILE_NAME, openExplorer, pixelAt, screenshotPath, searchAndOpen, startFixtureExplorer, watch, type FixtureExplorer, type PageProblems } from './helpers.js';

const EGO_DEPTH_1 = ['sleman-simpeg', 'siasn', 'sleman-ekinerja', 'sleman-gaji'];
const EGO_DEPTH_2 = [...EGO_DEPTH_1, 'malang-simpeg', 'sleman-simda'];
const EGO_DEPTH_3 = [...EGO_DEPTH_2, 'malang-ekinerja'];
const sorted = (ids: string[]) => [...ids].sort();

let browser: LaunchedChromium;
let explorer: FixtureExplorer;
let page: Page;
let problems: PageProblems;

async function newPage(): Promise<void> {
  page = await browser.context.newPage();
  problems = watch(page);
  await openExplorer(page, explorer.server.url);
}

async function egoIds(): Promise<string[]> {
  return sorted(await page.locator('#stage svg g.node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? '')));
}

async function downloadOf(button: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: await readFile(path) };
}

function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: explorer.server.port, path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('explorer in Chromium', () => {
  beforeAll(async () => {
    [browser, explorer] = await Promise.all([launchChromium(), startFixtureExplorer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await explorer?.close();
  });
  afterEach(async () => {
    const errors = problems.errors;
    await page.close();
    expect(errors).toEqual([]);
  });

  it('opens on a search box beside the aggregated overview, agencies collapsed', async () => {
    await newPage();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    const cards = await page.locator('#overview .card').allTextContents();
    expect(cards[0]).toContain('20applications');
    expect(cards[1]).toContain('8agencies');
    expect(cards[2]).toContain('11exchanges');
    const state = await page.evaluate(() => window.siloscopeExplorer!.state());
    expect([state.mode, state.nodes, state.faded, state.renderer]).toEqual(['overview', 8, 0, 'canvas']);
    await page.screenshot({ path: screenshotPath('explorer-overview') });
  });

  it('finds an application by acronym and shows its evidence in the side panel', async () => {
    await newPage();
    await page.fill('#search', 'SIMPEG');
    await page.locator('#results button.hit[data-id="malang-simpeg"]').waitFor();
    const hits = await page.locator('#results button.hit[data-kind="application"]').evaluateAll((b) => b.map((x) => x.getAttribute('data-id')));
    expect(hits.slice(0, 2).sort()).toEqual(['malang-simpeg', 'sleman-simpeg']);
    await page.click('#results button.hit[data-id="sleman-simpeg"]');
    await page.waitForSelector('#panel[data-id="sleman-simpeg"] #panel-title');
    expect(await page.textContent('#panel-title')).toBe('SIMPEG Sleman');
    expect(await page.textContent('#panel .panel-subtitle')).toBe('BKPSDM Kabupaten Sleman');
    const evidence = await page.locator('#panel-evidence .evidence-detail').allTextContents();
    const expected = explorer.source.analysis.applications.find((a) => a.id === 'sleman-simpeg')!.functionEvidence.map((e) => e.detail);
    expect(expected.length).toBeGreaterThan(0);
    expect(evidence.slice(0, expected.length)).toEqual(expected);
    expect(evidence.some((line) => line.includes('acronym "SIMPEG"'))).toBe(true);
    // Opening an application expands its agency, so the application itself is drawn.
    const state = await page.evaluate(() => window.siloscopeExplorer!.state());
    expect(state.expanded).toEqual(['sleman-bkpsdm']);
    expect(await page.evaluate(() => window.siloscopeExplorer!.locate('application', 'sleman-simpeg'))).not.toBeNull();
    await page.screenshot({ path: screenshotPath('explorer-search-panel') });
  });

  it('fades what a filter rules out, and keeps it on screen', async () => {
    await newPage();
    const before = await pixelAt(page, 'agency', 'kemenpanrb');
    await page.selectOption('#filter-status', { label: 'retired (1)' });
    // Only kab-sleman holds the retired application (sleman-arsip): the other 7 agencies fade.
    expect(await page.getAttribute('#stage', 'data-faded')).toBe('7');
    expect(await page.getAttribute('#stage', 'data-nodes')).toBe('8');
    const faded = await pixelAt(page, 'agency', 'kemenpanrb');
    const kept = await pixelAt(page, 'agency', 'kab-sleman');
    expect(Math.min(...before.slice(0, 3))).toBeLessThan(200);
    expect(Math.min(...faded.slice(0, 3))).toBeGreaterThan(200);
    expect(Math.min(...kept.slice(0, 3))).toBeLessThan(200);
    expect(await page.textContent('#status')).toContain('1 of 20 applications match the filters');

    await page.click('#expand-all');
    expect(await page.getAttribute('#stage', 'data-nodes')).toBe('20');
    expect(await page.getAttribute('#stage', 'data-faded')).toBe('19');
    await page.click('#filter-clear');
    expect(await page.getAttribute('#stage', 'data-faded')).toBe('0');
  });

  it('expands an agency into its applications from the panel and by double-click', async () => {
    await newPage();
    await searchAndOpen(page, 'bkpsdm kota malang', 'malang-bkpsdm');
    await page.click('#panel button[data-action="expand"]');
    expect((await page.evaluate(() => window.siloscopeExplorer!.state())).expanded).toEqual(['malang-bkpsdm']);
    // 7 collapsed agencies and malang-bkpsdm's 2 applications.
    expect(await page.getAttribute('#stage', 'data-nodes')).toBe('9');
    await page.click('#panel button[data-action="collapse"]');
    expect((await page.evaluate(() => window.siloscopeExplorer!.state())).expanded).toEqual([]);

    await page.click('#fit');
    const where = await page.evaluate(() => window.siloscopeExplorer!.locate('agency', 'kab-sleman'));
    const stage = await page.locator('#stage').boundingBox();
    await page.mouse.dblclick(stage!.x + where!.x, stage!.y + where!.y);
    expect((await page.evaluate(() => window.siloscopeExplorer!.state())).expanded).toEqual(['kab-sleman']);
    expect(await page.getAttribute('#stage', 'data-nodes')).toBe('11');
    await page.click('#collapse-all');
    expect(await page.getAttribute('#stage', 'data-nodes')).toBe('8');
  });

  it('shows the ego network of an application at depth 1, 2 and 3', async () => {
    await newPage();
    await searchAndOpen(page, 'simpeg sleman', 'sleman-simpeg');
    await page.click('#panel button[data-action="ego"]');
    await page.waitForSelector('#stage[data-scene="ego"] svg g.node');
    expect(await egoIds()).toEqual(sorted(EGO_DEPTH_2));
    const depths = await page.locator('#stage svg g.node').evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-id'), n.getAttribute('data-depth')])));
    expect(depths).toEqual({ 'sleman-simpeg': '0', siasn: '1', 'sleman-ekinerja': '1', 'sleman-gaji': '1', 'malang-simpeg': '2', 'sleman-simda': '2' });
    // Links among the reached nodes: the five exchanges between them (malang-simpeg → malang-ekinerja is out of reach).
    expect(await page.locator('#stage svg line.link').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('explorer-ego-depth-2') });

    await page.selectOption('#ego-depth', '1');
    expect(await egoIds()).toEqual(sorted(EGO_DEPTH_1));
    await page.selectOption('#ego-depth', '3');
    expect(await egoIds()).toEqual(sorted(EGO_DEPTH_3));
    await page.click('#ego-close');
    expect(await page.getAttribute('#stage', 'data-scene')).toBe('overview');
  });

  it('exports the view as SVG and PNG and the selection as CSV and JSON', async () => {
    await newPage();
    await searchAndOpen(page, 'simpeg sleman', 'sleman-simpeg');
    await page.click('#panel button[data-action="ego"]');
    await page.waitForSelector('#stage[data-scene="ego"] svg g.node');

    const svg = await downloadOf('#export-svg');
    expect(svg.name).toMatch(/^siloscope-ego-\d{8}-\d{4}\.svg$/);
    const svgText = svg.body.toString('utf8');
    await writeFile(screenshotPath('explorer-export-ego').replace(/\.png$/, '.svg'), svgText);
    expect(XMLValidator.validate(svgText)).toBe(true);
    expect(svgText).toContain('Ego network of SIMPEG Sleman');
    const exportedIds = [...svgText.matchAll(/<g class="node[^"]*"[^>]*data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(sorted(exportedIds)).toEqual(sorted(EGO_DEPTH_2));

    const png = await downloadOf('#export-png');
    expect(png.name).toMatch(/\.png$/);
    await writeFile(screenshotPath('explorer-export-ego'), png.body);
    expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The view as on screen, plus a 280 px legend column, a 50 px heading and a 24 px caption, at 2×.
    const stage = await page.locator('#stage').boundingBox();
    expect(png.body.readUInt32BE(16)).toBe((Math.round(stage!.width) + 280) * 2);
    expect(png.body.readUInt32BE(20)).toBe((Math.round(stage!.height) + 74) * 2);

    const csv = await downloadOf('#export-csv');
    const lines = csv.body.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,name,agency_id,agency,level,region,function,function_name,status,category,origin,community,cluster_id,cluster,annual_cost_idr,cost_estimated,agency_silo_score,exchanges,depth');
    expect(sorted(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(sorted(EGO_DEPTH_2));
    const simpegRow = lines.find((l) => l.startsWith('sleman-simpeg,'))!.split(',');
    expect([simpegRow[1], simpegRow[2], simpegRow[14], simpegRow[17], simpegRow[18]]).toEqual(['SIMPEG Sleman', 'sleman-bkpsdm', '450000000', '3', '0']);

    const json = JSON.parse((await downloadOf('#export-json')).body.toString('utf8')) as {
      view: { kind: string; ego: { id: string; depth: number } };
      applications: Array<{ id: string }>;
      exchanges: Array<{ source: string; target: string; mechanism: string }>;
    };
    expect(json.view.kind).toBe('ego');
    expect(json.view.ego).toEqual({ kind: 'application', id: 'sleman-simpeg', depth: 2 });
    expect(sorted(json.applications.map((a) => a.id))).toEqual(sorted(EGO_DEPTH_2));
    expect(json.exchanges.map((x) => `${x.source}>${x.target}:${x.mechanism}`).sort()).toEqual(
      ['malang-simpeg>siasn:api', 'sleman-simda>sleman-gaji:database', 'sleman-simpeg>siasn:api', 'sleman-simpeg>sleman-ekinerja:database', 'sleman-simpeg>sleman-gaji:file'].sort(),
    );

    // In the overview the selection is what passes the filters.
    await page.click('#ego-close');
    await page.selectOption('#filter-status', { label: 'retired (1)' });
    const filtered = (await downloadOf('#export-csv')).body.toString('utf8').trim().split('\r\n');
    expect(filtered.slice(1).map((l) => l.split(',')[0])).toEqual(['sleman-arsip']);
  });

  it('renders a hostile application name as text everywhere', async () => {
    await newPage();
    await page.fill('#search', 'onerror');
    await page.locator('#results button.hit[data-id="malang-xss"]').waitFor();
    expect(await page.locator('#results button.hit[data-id="malang-xss"] .hit-label').textContent()).toBe(HOSTILE_NAME);
    await page.click('#results button.hit[data-id="malang-xss"]');
    await page.waitForSelector('#panel[data-id="malang-xss"] #panel-title');
    expect(await page.textContent('#panel-title')).toBe(HOSTILE_NAME);
    await page.click('#panel button[data-action="ego"]');
    await page.waitForSelector('#stage[data-scene="ego"] svg g.node');
    expect(await egoIds()).toEqual(sorted(['malang-xss', 'malang-ncc', 'malang-gis']));
    expect(await page.locator('#stage svg g.node[data-id="malang-xss"] title').textContent()).toBe(HOSTILE_NAME);
    const labels = await page.locator('#stage svg text.label').allTextContents();
    expect(labels.some((l) => l.startsWith('<img src=x onerror='))).toBe(true);
    const where = await page.evaluate(() => window.siloscopeExplorer!.locate('application', 'malang-xss'));
    const stage = await page.locator('#stage').boundingBox();
    await page.mouse.move(stage!.x + where!.x, stage!.y + where!.y);
    await page.waitForSelector('#stage .tooltip:not([hidden])');
    expect(await page.textContent('#stage .tooltip strong')).toBe(HOSTILE_NAME);
    await page.screenshot({ path: screenshotPath('explorer-hostile-name') });

    const svg = (await downloadOf('#export-svg')).body.toString('utf8');
    expect(svg).toContain('&lt;img src=x onerror=');
    expect(svg).not.toContain('<img');

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getByText(HOSTILE_NAME, { exact: true }).count()).toBeGreaterThan(0);
  });

  it('refuses static paths that leave its folder, encoded or not', async () => {
    await newPage();
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/..%2fpackage.json', '/..%5cpackage.json', '/.%2e/package.json', '/%252e%252e/package.json']) {
      const reply = await rawGet(path);
      expect([400, 403, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain('decoy');
    }
    const viaBrowser = await page.request.get(`${explorer.server.url}..%2fpackage.json`);
    expect(viaBrowser.status()).toBe(403);
    // A WHATWG URL parser folds %2e%2e into "..", and "/.." at the root into "/": a plain miss.
    const folded = await page.request.get(`${explorer.server.url}%2e%2e/package.json`);
    expect(folded.status()).toBe(404);
    expect(await folded.text()).not.toContain('decoy');
  });
});
