/**
 * `siloscope analyze` on an input large enough for the silo thread (silo-thread.ts): the command line reads
 * the inventory a second time on a worker, which analyses the silos; what it writes must be exactly the
 * analysis computed in one thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateInventory, writeInventory } from '../../scripts/lib/generator/index.js';
import { analyzeInventory } from '../../src/analyze.js';
import { loadInventory } from '../../src/inventory/index.js';
import { SILO_THREAD_DEFAULTS } from '../../src/analysis/silo-thread.js';
import type { Analysis } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

describe('analyze with the silo thread', () => {
  it('writes the analysis one thread computes, its silos analysed on the second reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siloscope-thread-'));
    const input = join(dir, 'inventory');
    // 80 regional governments: some 5,500 applications, above the thread's threshold.
    await writeInventory(generateInventory({ seed: 5, scale: { governments: 80 } }), input);
    const out = join(dir, 'out');
    const run = spawnSync(process.execPath, [TSX, MAIN, 'analyze', input, '--out', out, '--no-views', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
    // The stage the main thread spends on silos is only the wait for the thread's answer.
    expect(Object.keys(written.meta.timingsMs)).toContain('silos (wait)');
    expect(Object.keys(written.meta.timingsMs)).not.toContain('silos');

    const inventory = await loadInventory(input);
    expect(written.summary.applications).toBeGreaterThan(5000);
    const inline = await analyzeInventory(inventory, { seed: 42 });
    const { meta: _a, ...writtenRest } = written;
    const { meta: _b, ...inlineRest } = JSON.parse(JSON.stringify(inline)) as Analysis;
    expect(writtenRest).toEqual(inlineRest);
    expect(SILO_THREAD_DEFAULTS.minBytes).toBeLessThan(readFileSync(join(input, 'applications.csv')).length + readFileSync(join(input, 'exchanges.csv')).length);
  }, 240_000);
});
