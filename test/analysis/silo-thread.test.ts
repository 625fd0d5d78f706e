import { afterEach, describe, expect, it } from 'vitest';
import { analyzeInventory } from '../../src/analyze.js';
import { loadInventory } from '../../src/inventory/index.js';
import { inventoryFingerprint, startSiloThread, type SiloThread } from '../../src/analysis/silo-thread.js';
import { jsonParts } from '../../src/output/file.js';
import { rememberedJson } from '../../src/json-text.js';
import type { Analysis } from '../../src/types.js';

const SAMPLE = 'data/sample';
const threads: SiloThread[] = [];

function start(path: string, seed: number, where: string[], minBytes = 0): SiloThread | undefined {
  const thread = startSiloThread(path, {}, seed, {
    minBytes,
    onDone: (w, reason, job = 'silos') => where.push(`${job} ${w}${reason ? `: ${reason}` : ''}`),
  });
  if (thread) threads.push(thread);
  return thread;
}

/** The analysis without what differs from run to run (time of generation, stage timings). */
function comparable(analysis: Analysis): Omit<Analysis, 'meta'> {
  const { meta: _meta, ...rest } = analysis;
  return rest;
}

afterEach(() => {
  for (const thread of threads.splice(0)) thread.close();
});

describe('silo thread', () => {
  it('analyses the silos and the target state of a second reading on the worker, exactly as inline, and its findings text is the one analysis.json gets', async () => {
    const where: string[] = [];
    const thread = start(SAMPLE, 42, where);
    expect(thread).toBeDefined();
    const inventory = await loadInventory(SAMPLE);
    const threaded = await analyzeInventory(inventory, { seed: 42, siloThread: thread });
    // The target state too: the worker applies the recommendations to its reading and partitions the target.
    expect(where).toEqual(['silos worker', 'target state worker']);
    const inline = await analyzeInventory(inventory, { seed: 42 });
    expect(comparable(threaded)).toEqual(comparable(inline));
    // The sample has findings of every kind; their text was made on the worker and is reused verbatim.
    expect(new Set(threaded.silos.map((s) => s.kind)).size).toBeGreaterThanOrEqual(4);
    expect(rememberedJson(threaded.silos)).toBe(JSON.stringify(inline.silos));
    const written = [...jsonParts(threaded)].join('');
    expect(written).toBe(JSON.stringify(threaded));
    expect(JSON.parse(written).silos).toEqual(inline.silos);
    // Read-only: the text written must stay the findings' text.
    expect(() => threaded.silos.push(inline.silos[0]!)).toThrow();
    // What the recommendations and the report read without parsing the findings.
    expect(threaded.summary.siloFindings).toEqual(inline.summary.siloFindings);
    expect(threaded.summary.siloFindings?.['isolated-application']?.findings).toBe(threaded.summary.isolatedApplications);
  });

  it('analyses inline when the worker read another inventory', async () => {
    const where: string[] = [];
    const thread = start('test/fixtures/inventory/basic', 42, where);
    const inventory = await loadInventory(SAMPLE);
    const result = await analyzeInventory(inventory, { seed: 42, siloThread: thread });
    expect(where).toEqual(['silos inline: the worker read a different inventory']);
    expect(comparable(result)).toEqual(comparable(await analyzeInventory(inventory, { seed: 42 })));
    expect(rememberedJson(result.silos)).toBeUndefined();
  });

  it('analyses inline when the worker cannot read the input', async () => {
    const where: string[] = [];
    const thread = start('test/fixtures/inventory/no-such-folder', 42, where);
    const inventory = await loadInventory(SAMPLE);
    const result = await analyzeInventory(inventory, { seed: 42, siloThread: thread });
    expect(where).toHaveLength(1);
    expect(where[0]).toMatch(/^silos inline: the worker failed: .*no-such-folder/);
    expect(result.silos.length).toBeGreaterThan(0);
  });

  it('is left unused when it partitions with another seed than the analysis', async () => {
    const where: string[] = [];
    const thread = start(SAMPLE, 7, where);
    const inventory = await loadInventory(SAMPLE);
    const result = await analyzeInventory(inventory, { seed: 42, siloThread: thread });
    expect(where).toEqual([]);
    expect(comparable(result)).toEqual(comparable(await analyzeInventory(inventory, { seed: 42 })));
  });

  it('is not started for small inputs: a thread costs more than their analysis', () => {
    const where: string[] = [];
    expect(start(SAMPLE, 42, where, 2_000_000)).toBeUndefined();
  });

  it('fingerprints what places things: ids, exchange ends, sizes', async () => {
    const inventory = await loadInventory(SAMPLE);
    const same = await loadInventory(SAMPLE);
    expect(inventoryFingerprint(same)).toBe(inventoryFingerprint(inventory));
    const moved = { ...same, exchanges: same.exchanges.map((x, i) => (i === 0 ? { ...x, targetId: x.sourceId } : x)) };
    expect(inventoryFingerprint(moved)).not.toBe(inventoryFingerprint(inventory));
    const fewer = { ...same, applications: same.applications.slice(1) };
    expect(inventoryFingerprint(fewer)).not.toBe(inventoryFingerprint(inventory));
  });
});
