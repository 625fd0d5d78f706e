/**
 * Shared set-up of the browser tests: the explorer served from the hand-made inventory in
 * test/fixtures/browser/inventory (analysed in memory, as `siloscope serve <inventory>` does), and a
 * page that records every console error, uncaught exception and failed request.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExplorerAssets } from '../../src/serve/assets.js';
import { startExplorerServer, type ExplorerServer } from '../../src/serve/server.js';
import { loadExplorerSource, type ExplorerSource } from '../../src/serve/source.js';
import { fromRoot } from '../../src/paths.js';

export const FIXTURE_INVENTORY = fromRoot('test', 'fixtures', 'browser', 'inventory');
export const SCREENSHOTS = fromRoot('test-results', 'screenshots');
export const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">';

export interface FixtureExplorer {
  server: ExplorerServer;
  source: ExplorerSource;
  /** Folder holding the static folder; it also holds a decoy package.json a traversal would reach. */
  parent: string;
  /** Stops the server and removes the folder. */
  close(): Promise<void>;
}

export async function startFixtureExplorer(): Promise<FixtureExplorer> {
  const parent = mkdtempSync(join(tmpdir(), 'siloscope-browser-'));
  const staticDir = join(parent, 'site');
  await buildExplorerAssets(staticDir, { minify: false });
  writeFileSync(join(parent, 'package.json'), '{ "name": "decoy-outside-the-static-folder" }\n');
  const source = await loadExplorerSource(FIXTURE_INVENTORY);
  const server = await startExplorerServer({ analysis: source.analysis, inventory: source.inventory, port: 0, staticDir });
  return {
    server,
    source,
    parent,
    close: async () => {
      await server.close();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  errors: string[];
}

export function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Downloads are handed to the download manager, which Chromium reports as an aborted request.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  return problems;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** Opens the explorer and waits until the first view is drawn. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
}

/** Types a query and opens the hit with the given id. */
export async function searchAndOpen(page: Page, query: string, id: string): Promise<void> {
  await page.fill('#search', query);
  const hit = page.locator(`#results button.hit[data-id="${id}"]`);
  await hit.waitFor();
  await hit.click();
  await page.waitForSelector(`#panel[data-id="${id}"] #panel-title`);
}

/** RGBA of the stage canvas under a node's centre. */
export async function pixelAt(page: Page, kind: 'agency' | 'application', id: string): Promise<number[]> {
  return page.evaluate(
    ([k, i]) => {
      const where = window.siloscopeExplorer!.locate(k as 'agency' | 'application', i);
      if (!where) throw new Error(`${k} ${i} is not in the scene`);
      const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')!;
      const ratio = canvas.width / canvas.clientWidth;
      return Array.from(canvas.getContext('2d')!.getImageData(Math.round(where.x * ratio), Math.round(where.y * ratio), 1, 1).data);
    },
    [kind, id],
  );
}
