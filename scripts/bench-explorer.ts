/**
 * Explorer benchmark at national scale. Generates the national inventory (seed 42; written once to
 * data/national/, which git ignores) or reads the one given, analyses it, serves it, opens headless
 * Chromium and reports:
 *   - first render: navigation start → overview drawn (the page's `data-first-render-ms`), target ≤ 2 s;
 *   - the cost of typical interactions, measured inside the page: a filter, colour by function,
 *     expand all agencies, an ego network at depth 2, a search round trip.
 *
 *   npx tsx scripts/bench-explorer.ts [--source <inventory | out-dir>] [--runs 3] [--strict]
 *
 * `--strict` exits 1 when the median first render misses the target.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { generateInventory, writeInventory } from './lib/generator/index.js';
import { fromRoot } from '../src/paths.js';
import { Progress } from '../src/progress.js';
import { startExplorerServer } from '../src/serve/server.js';
import { loadExplorerSource } from '../src/serve/source.js';
import { buildExplorerAssets } from '../src/serve/assets.js';
import { launchChromium } from '../test/setup/chromium.js';

const TARGET_MS = 2000;
const NATIONAL_DIR = fromRoot('data', 'national');

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    runs: { type: 'string', default: '3' },
    strict: { type: 'boolean', default: false },
  },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function nationalInventory(): Promise<string> {
  if (existsSync(join(NATIONAL_DIR, 'applications.csv'))) return NATIONAL_DIR;
  const started = performance.now();
  const gen = generateInventory({ seed: 42, scale: 'national' });
  await writeInventory(gen, NATIONAL_DIR);
  console.log(`generated the national inventory into ${NATIONAL_DIR} in ${Math.round(performance.now() - started)} ms`);
  return NATIONAL_DIR;
}

type Action = { click: string } | { select: string; value: string };

/** Performs `action` in the page and returns how long the synchronous re-render took, in ms. */
async function timed(page: Page, action: Action): Promise<number> {
  return page.evaluate((a) => {
    const started = performance.now();
    if ('click' in a) document.querySelector<HTMLElement>(a.click)!.click();
    else {
      const select = document.querySelector<HTMLSelectElement>(a.select)!;
      select.value = a.value;
      select.dispatchEvent(new Event('change'));
    }
    return performance.now() - started;
  }, action);
}

async function interactions(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  out['filter level=unit'] = await timed(page, { select: '#filter-level', value: '4' });
  out['clear filters'] = await timed(page, { click: '#filter-clear' });
  out['colour by function'] = await timed(page, { select: '#color-by', value: 'function' });
  out['expand all'] = await timed(page, { click: '#expand-all' });
  out['collapse all'] = await timed(page, { click: '#collapse-all' });
  out['search request /api/search?q=simpeg'] = await page.evaluate(async () => {
    const started = performance.now();
    await (await fetch('/api/search?q=simpeg&limit=60')).json();
    return performance.now() - started;
  });
  await page.fill('#search', 'simpeg');
  await page.waitForSelector('#results button.hit');
  const first = page.locator('#results button.hit[data-kind="application"]').first();
  if (await first.count()) {
    await first.click();
    await page.waitForSelector('#panel button[data-action="ego"]');
    out['ego network depth 2'] = await timed(page, { click: '#panel button[data-action="ego"]' });
  }
  return out;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(values.runs));
  const sourcePath = values.source ?? (await nationalInventory());
  const progress = new Progress();
  const source = await progress.stageAsync('load + analyse', () => loadExplorerSource(sourcePath, { progress }));
  const { summary } = source.analysis;
  console.log(`${summary.applications} applications, ${summary.agencies} agencies, ${summary.exchanges} exchanges (${source.mode})`);

  const staticDir = (await buildExplorerAssets(mkdtempSync(join(tmpdir(), 'siloscope-bench-')))).dir;
  const server = await startExplorerServer({ analysis: source.analysis, inventory: source.inventory, port: 0, staticDir });
  console.log(`server prepared in ${Object.values(server.timings).reduce((a, b) => a + b, 0)} ms ${JSON.stringify(server.timings)}`);
  console.log(`graph payload ${(server.payloadBytes.json / 1e6).toFixed(1)} MB, ${(server.payloadBytes.gzip / 1e6).toFixed(2)} MB gzipped`);

  const browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
  const firstRender: number[] = [];
  let lastInteractions: Record<string, number> = {};
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
      firstRender.push(Number(await page.getAttribute('body', 'data-first-render-ms')));
      if (run === runs - 1) {
        await page.screenshot({ path: fromRoot('test-results', 'screenshots', 'explorer-national.png') });
        lastInteractions = await interactions(page);
        await page.screenshot({ path: fromRoot('test-results', 'screenshots', 'explorer-national-ego.png') });
      }
      if (errors.length > 0) console.log(`page errors: ${errors.join(' | ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const m = median(firstRender);
  console.log(`first render (navigation start → overview drawn): ${firstRender.map((v) => `${v} ms`).join(', ')}; median ${m} ms, target ≤ ${TARGET_MS} ms: ${m <= TARGET_MS ? 'met' : 'MISSED'}`);
  for (const [name, ms] of Object.entries(lastInteractions)) console.log(`  ${name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms`);
  if (values.strict && m > TARGET_MS) process.exitCode = 1;
}

await main();
