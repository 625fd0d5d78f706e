/**
 * The self-contained view pages (src/render/views.ts) opened from file:// in Chromium: each must render
 * without a console error, make no network request (everything is inlined) and draw an <svg> with marks.
 * A screenshot of each goes to test-results/screenshots/ for a person to look at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderViews } from '../../src/render/views.js';
import { loadExplorerSource } from '../../src/serve/source.js';
import { launchChromium, type LaunchedChromium } from '../setup/chromium.js';
import { FIXTURE_INVENTORY, screenshotPath } from './helpers.js';

let browser: LaunchedChromium;
let outDir: string;
let pages: string[] = [];

describe('view pages from file://', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'siloscope-views-'));
    const [launched, source] = await Promise.all([launchChromium(), loadExplorerSource(FIXTURE_INVENTORY)]);
    browser = launched;
    await renderViews(source.analysis, source.inventory, outDir, { png: false });
    pages = (await readdir(outDir)).filter((f) => f.endsWith('.html')).sort().map((f) => join(outDir, f));
  });
  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes one page per view', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });

  it('opens every page with no console error and no network request, and draws marks', async () => {
    for (const file of pages) {
      const name = file.split('/').pop()!.replace(/\.html$/, '');
      const page = await browser.context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState('load');
      const marks = await page.evaluate(() => {
        const svg = document.querySelector('svg');
        if (!svg) return -1;
        return svg.querySelectorAll('circle, path, line, polygon, polyline, rect:not(.background)').length;
      });
      await page.screenshot({ path: screenshotPath(`view-${name}`), fullPage: true });
      await page.close();
      expect(errors, name).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), name).toEqual([]);
      expect(marks, name).toBeGreaterThanOrEqual(3);
    }
  });
});
