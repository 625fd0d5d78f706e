import { describe, expect, it } from 'vitest';
import { generateInventory, type GeneratedInventory } from '../../scripts/lib/generator/index.js';
import { inventoryCsv } from '../../scripts/lib/generator/write.js';

const sample = generateInventory({ seed: 42, scale: 'sample' });
const evalSample = generateInventory({ seed: 42, scale: 'sample', variant: 'eval' });

function integrity(gen: GeneratedInventory): string[] {
  const problems: string[] = [];
  const agencies = new Set(gen.agencies.map((a) => a.id));
  const apps = new Set(gen.applications.map((a) => a.id));
  const datasets = new Set(gen.datasets.map((d) => d.id));
  if (agencies.size !== gen.agencies.length) problems.push('duplicate agency id');
  if (apps.size !== gen.applications.length) problems.push('duplicate application id');
  if (datasets.size !== gen.datasets.length) problems.push('duplicate dataset id');
  for (const a of gen.agencies) if (a.parentId !== undefined && !agencies.has(a.parentId)) problems.push(`agency ${a.id}: parent ${a.parentId}`);
  for (const a of gen.applications) {
    if (!agencies.has(a.agencyId)) problems.push(`application ${a.id}: agency ${a.agencyId}`);
    for (const d of a.datasets) if (!datasets.has(d)) problems.push(`application ${a.id}: dataset ${d}`);
  }
  for (const d of gen.datasets) if (d.stewardAgencyId !== undefined && !agencies.has(d.stewardAgencyId)) problems.push(`dataset ${d.id}: steward ${d.stewardAgencyId}`);
  const pairs = new Set<string>();
  for (const x of gen.exchanges) {
    if (!apps.has(x.sourceId) || !apps.has(x.targetId)) problems.push(`exchange ${x.id}: endpoint`);
    if (x.sourceId === x.targetId) problems.push(`exchange ${x.id}: self-loop`);
    const key = `${x.sourceId}>${x.targetId}`;
    if (pairs.has(key)) problems.push(`exchange ${x.id}: repeated pair`);
    pairs.add(key);
  }
  return problems;
}

describe('generateInventory', () => {
  it('is a pure function of the seed', () => {
    const again = generateInventory({ seed: 42, scale: 'sample' });
    expect(again).toEqual(sample);
    expect(inventoryCsv(again)).toEqual(inventoryCsv(sample));
    const other = generateInventory({ seed: 43, scale: 'sample' });
    expect(inventoryCsv(other).applications).not.toEqual(inventoryCsv(sample).applications);
  });

  it('builds the sample to the stated size: 11 central agencies, Jawa Timur and six of its regencies/cities', () => {
    for (const seed of [42, 1, 2, 3]) {
      const gen = seed === 42 ? sample : generateInventory({ seed, scale: 'sample' });
      const roots = gen.agencies.filter((a) => a.level !== 'unit');
      expect(roots.filter((a) => a.level === 'central')).toHaveLength(11);
      expect(roots.filter((a) => a.level === 'province').map((a) => a.id)).toEqual(['prov-jatim']);
      expect(roots.filter((a) => a.level === 'regency' || a.level === 'city')).toHaveLength(6);
      for (const gov of roots.filter((a) => a.level === 'regency' || a.level === 'city')) {
        const units = gen.agencies.filter((a) => a.parentId === gov.id);
        expect(units.length, gov.id).toBeGreaterThanOrEqual(8);
        expect(units.length, gov.id).toBeLessThanOrEqual(15);
        expect(units.some((u) => u.name.startsWith('Kecamatan ')), gov.id).toBe(true);
      }
      const province = gen.agencies.filter((a) => a.parentId === 'prov-jatim').length;
      expect(province).toBeGreaterThanOrEqual(6);
      expect(province).toBeLessThanOrEqual(10);
      expect(gen.applications.length).toBeGreaterThanOrEqual(420);
      expect(gen.applications.length).toBeLessThanOrEqual(530);
      expect(gen.exchanges.length).toBeGreaterThanOrEqual(1050);
      expect(gen.exchanges.length).toBeLessThanOrEqual(1450);
    }
  });

  it('keeps every reference resolvable', () => {
    expect(integrity(sample)).toEqual([]);
    expect(integrity(evalSample)).toEqual([]);
    expect(integrity(generateInventory({ seed: 9, scale: { governments: 12, centralAgencies: 4 } }))).toEqual([]);
  });

  it('leaves most function codes empty in the sample and all of them in eval inventories', () => {
    const coded = sample.applications.filter((a) => a.function !== undefined).length / sample.applications.length;
    expect(coded).toBeGreaterThan(0.15);
    expect(coded).toBeLessThan(0.4);
    expect(evalSample.applications.every((a) => a.function === undefined)).toBe(true);
    const missing = (gen: GeneratedInventory) => gen.applications.filter((a) => a.description === undefined || a.description === '-' || a.description === 'tidak ada').length / gen.applications.length;
    expect(missing(sample)).toBeLessThan(0.25);
    expect(missing(evalSample)).toBeGreaterThan(0.35);
  });

  it('lists the designated platforms as national rows under several names', () => {
    const srikandi = sample.truth.systems.find((s) => s.platform === 'SRIKANDI')!;
    expect(srikandi.owner).toBe('anri');
    expect(srikandi.applications.length).toBeGreaterThan(10);
    const byId = new Map(sample.applications.map((a) => [a.id, a]));
    const rows = srikandi.applications.map((id) => byId.get(id)!);
    expect(new Set(rows.map((r) => r.name)).size).toBeGreaterThan(3);
    expect(rows.filter((r) => r.agencyId !== 'anri').every((r) => r.origin === undefined || r.origin === 'national')).toBe(true);
  });

  it('spends 25 000-odd applications and 100 000-odd exchanges on the national scale', () => {
    const national = generateInventory({ seed: 42, scale: 'national' });
    const roots = national.agencies.filter((a) => a.level !== 'unit' && a.level !== 'central');
    // 415 autonomous regencies and 93 cities: Jakarta's administrative regency and five cities are units of the province.
    expect(roots.length).toBe(38 + 415 + 93);
    expect(national.applications.length).toBeGreaterThan(22000);
    expect(national.applications.length).toBeLessThan(30000);
    expect(national.exchanges.length).toBeGreaterThan(85000);
    expect(national.exchanges.length).toBeLessThan(125000);
    expect(integrity(national)).toEqual([]);
  });
});
