import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInventory } from '../../src/inventory/index.js';
import { analyzeInventory, analyzeInventoryStaged, completeAnalysis } from '../../src/analyze.js';
import { writeOutputs } from '../../src/output/write.js';

/** analysis.json without what differs between two runs of one inventory: the clock and the stage timings. */
function withoutClock(text: string): unknown {
  const { meta, ...rest } = JSON.parse(text) as { meta: Record<string, unknown> };
  const { generatedAt: _g, timingsMs: _t, ...kept } = meta;
  return { meta: kept, ...rest };
}

describe('writeOutputs', () => {
  it('writes the same files from a staged analysis on the writer thread as from the whole analysis inline', async () => {
    const inventory = await loadInventory('test/fixtures/inventory/basic');
    const whole = await analyzeInventory(inventory);
    const staged = await analyzeInventoryStaged(inventory);
    const dirs = await Promise.all([mkdtemp(join(tmpdir(), 'siloscope-write-')), mkdtemp(join(tmpdir(), 'siloscope-write-'))]);
    try {
      const options = { lang: 'en' as const, png: false, views: false };
      const a = await writeOutputs(whole, inventory, dirs[0]!, { ...options, thread: false });
      const b = await writeOutputs(staged, inventory, dirs[1]!, { ...options, thread: true });
      // Same files, listed in the same order (analysis.json first, the CSVs last).
      expect(b.map((p) => p.slice(dirs[1]!.length))).toEqual(a.map((p) => p.slice(dirs[0]!.length)));
      expect(a[0]).toMatch(/analysis\.json$/);
      const names = (await readdir(dirs[0]!)).sort();
      expect(names).toEqual(['agencies.csv', 'analysis.json', 'applications.csv', 'duplicates.csv', 'recommendations.csv', 'report.html', 'report.md']);
      for (const name of names) {
        const [x, y] = await Promise.all(dirs.map((d) => readFile(join(d, name), 'utf8')));
        if (name === 'analysis.json') expect(withoutClock(y!)).toEqual(withoutClock(x!));
        else if (name.startsWith('report')) expect(y!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '')).toBe(x!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, ''));
        else expect(y).toBe(x);
      }
    } finally {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    }
  });

  it('completes a staged analysis into the contract, target state in its place', async () => {
    const inventory = await loadInventory('test/fixtures/inventory/basic');
    const staged = await analyzeInventoryStaged(inventory);
    expect('targetState' in staged.analysis).toBe(false);
    const whole = await completeAnalysis(staged);
    expect(Object.keys(whole)).toEqual(Object.keys(await analyzeInventory(inventory)));
    const { before, after } = whole.targetState!;
    expect(after.applications).toBeLessThanOrEqual(before.applications);
    expect(whole.targetState).toEqual((await analyzeInventory(inventory)).targetState);
  });
});
