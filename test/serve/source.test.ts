import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadExplorerSource } from '../../src/serve/source.js';
import { fromRoot } from '../../src/paths.js';
import { serveFixture } from './fixture.js';

const INVENTORY = fromRoot('test', 'fixtures', 'browser', 'inventory');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dirname(dir), { recursive: true, force: true })));

/** An output folder whose analysis.json records `sourcePath` as its inventory. */
function outDir(sourcePath: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'siloscope-source-')), 'out');
  made.push(dir);
  mkdirSync(dir);
  const { analysis } = serveFixture();
  analysis.meta.source = { path: sourcePath, format: 'csv-folder' };
  writeFileSync(join(dir, 'analysis.json'), JSON.stringify(analysis));
  return dir;
}

describe('what serve explores', () => {
  it('reads analysis.json from an output folder and re-loads the inventory it records', async () => {
    const source = await loadExplorerSource(outDir(INVENTORY));
    expect(source.mode).toBe('analysis');
    expect(source.analysis.applications.map((a) => a.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(source.inventory.applications).toHaveLength(20);
    expect(source.inventoryPath).toBe(INVENTORY);
  });

  it('finds a relative inventory path from the working folder', async () => {
    const source = await loadExplorerSource(outDir(relative(process.cwd(), INVENTORY)));
    expect(source.inventory.exchanges).toHaveLength(11);
  });

  it('says how to fix a missing inventory, and takes --inventory instead', async () => {
    const dir = outDir('/nowhere/inventory');
    await expect(loadExplorerSource(dir)).rejects.toThrow(InputError);
    await expect(loadExplorerSource(dir)).rejects.toThrow(/--inventory/);
    const source = await loadExplorerSource(join(dir, 'analysis.json'), { inventory: INVENTORY });
    expect([source.mode, source.inventory.agencies.length]).toEqual(['analysis', 8]);
  });

  it('tells an analysis.json under another name from a JSON inventory by its head', async () => {
    const dir = outDir(INVENTORY);
    const renamed = join(dir, 'national-2025.json');
    writeFileSync(renamed, JSON.stringify(serveFixture().analysis, null, 1).replace('"path": "fixture"', `"path": ${JSON.stringify(INVENTORY)}`));
    expect((await loadExplorerSource(renamed)).mode).toBe('analysis');
    const inventoryJson = join(dir, 'inventory.json');
    writeFileSync(inventoryJson, readFileSync(fromRoot('test', 'fixtures', 'inventory', 'inventory.json')));
    expect((await loadExplorerSource(inventoryJson)).mode).toBe('inventory');
  });

  it('analyses an inventory in memory', async () => {
    const source = await loadExplorerSource(INVENTORY);
    expect(source.mode).toBe('inventory');
    expect(source.analysis.summary.applications).toBe(20);
    expect(source.analysis.meta.source.path).toBe(INVENTORY);
  });

  it('refuses a path that does not exist, as an input error', async () => {
    await expect(loadExplorerSource('/nowhere/at/all')).rejects.toThrow(/does not exist/);
  });
});
