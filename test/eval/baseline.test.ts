import { describe, expect, it } from 'vitest';
import { sampleGovernments } from '../../scripts/lib/eval/baseline.js';
import { runDuplicateStage } from '../../scripts/lib/eval/stage.js';
import { generateInventory } from '../../scripts/lib/generator/index.js';
import { loadReference } from '../../src/reference/index.js';
import { inventory, twoRegencies } from '../reference/builders.js';

const reference = loadReference();

describe('sampleGovernments', () => {
  it('takes whole governments until the size is reached, with their exchanges, datasets and truth only', () => {
    const gen = generateInventory({ seed: 1, scale: 'sample' });
    const sample = sampleGovernments(gen, 150, 7);
    const apps = new Set(sample.inventory.applications.map((a) => a.id));
    const agencies = new Set(sample.inventory.agencies.map((a) => a.id));
    expect(apps.size).toBeGreaterThanOrEqual(150);
    expect(apps.size).toBeLessThan(gen.applications.length);
    // Whole governments: every application of a sampled agency is in the sample, and no other.
    for (const app of gen.applications) expect(apps.has(app.id)).toBe(agencies.has(app.agencyId));
    for (const x of sample.inventory.exchanges) expect(apps.has(x.sourceId) && apps.has(x.targetId)).toBe(true);
    for (const app of sample.inventory.applications) for (const d of app.datasets) expect(sample.inventory.datasets.some((s) => s.id === d)).toBe(true);
    for (const cluster of sample.truth) for (const id of cluster) expect(apps.has(id)).toBe(true);
    // Clusters live inside one government, so a sample of whole governments keeps them whole.
    const kept = gen.truth.clusters.filter((c) => c.applications.some((id) => apps.has(id)));
    expect(sample.truth.map((c) => c.length).sort()).toEqual(kept.map((c) => c.applications.length).sort());
    expect(sampleGovernments(gen, 150, 7).inventory.applications.map((a) => a.id)).toEqual([...apps]);
  });
});

describe('runDuplicateStage', () => {
  it('finds the same clusters by blocking and by scoring every pair, and scores every pair in all-pairs mode', () => {
    const inv = inventory(twoRegencies(), [
      { id: 'siasn', agencyId: 'madiun-bkd', name: 'SIASN', url: 'https://siasn-instansi.bkn.go.id', origin: 'national' },
      { id: 'simpeg', agencyId: 'madiun-bkd', name: 'SIMPEG', url: 'https://simpeg.madiunkab.go.id' },
      { id: 'gaji', agencyId: 'madiun-dik', name: 'SIMGAJI', url: 'https://gaji.madiunkab.go.id' },
      { id: 'antri', agencyId: 'madiun-dinkes', name: 'Antrian Online Dinkes', url: 'https://antrian.madiunkab.go.id' },
      { id: 'malang', agencyId: 'malang-bkd', name: 'SIMPEG Kota Malang', url: 'https://simpeg.malangkota.go.id' },
    ]);
    const blocked = runDuplicateStage(inv, reference, 'blocked');
    const naive = runDuplicateStage(inv, reference, 'all-pairs');
    expect(blocked.clusters.map((c) => [...c.applications].sort())).toEqual([['siasn', 'simpeg']]);
    expect(naive.clusters).toEqual(blocked.clusters);
    expect(naive.records).toBe(5);
    expect(naive.stats.scored).toBe((5 * 4) / 2);
    expect(blocked.stats.scored).toBeLessThan(naive.stats.scored);
  });
});
