import { describe, expect, it } from 'vitest';
import { addNoise, fillTemplate, officialName, spellings, suitable } from '../../scripts/lib/generator/names.js';
import { allRegional, resolvePlan, slug } from '../../scripts/lib/generator/plan.js';
import { hashString, Rng } from '../../scripts/lib/generator/random.js';
import { roundIdr } from '../../scripts/lib/generator/records.js';

describe('Rng', () => {
  it('replays a seed and forks independent, stable streams', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const draws = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    // mulberry32(7), first output: computed once and pinned so the stream never drifts silently.
    expect(new Rng(7).next()).toBeCloseTo(0.011704753, 8);
    expect(new Rng(7).fork('gov:kab-madiun').next()).toBe(new Rng(7).fork('gov:kab-madiun').next());
    expect(new Rng(7).fork('gov:kab-madiun').next()).not.toBe(new Rng(7).fork('gov:kota-malang').next());
  });

  it('draws integers within bounds and picks by weight', () => {
    const rng = new Rng(3);
    const ints = Array.from({ length: 200 }, () => rng.int(8, 12));
    expect(Math.min(...ints)).toBe(8);
    expect(Math.max(...ints)).toBe(12);
    expect(Array.from({ length: 50 }, () => rng.weighted(['a', 'b'], [1, 0]))).toEqual(Array(50).fill('a'));
  });

  it('hashes strings with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('names', () => {
  it('spells e- names and acronyms the ways catalogues do', () => {
    expect(spellings('e-Kinerja')).toEqual(expect.arrayContaining(['e-Kinerja', 'eKinerja', 'E-Kinerja', 'e-kinerja', 'E-KINERJA']));
    expect(spellings('SIMPEG')).toEqual(['SIMPEG', 'Simpeg', 'simpeg']);
  });

  it('fills templates with the government and unit', () => {
    const scope = { name: 'Madiun', region: 'Kabupaten Madiun', shorts: ['Kab. Madiun'], head: 'Bupati', unit: 'Dispendukcapil' };
    expect(fillTemplate('Lapor {HEAD}', scope)).toBe('Lapor Bupati');
    expect(fillTemplate('Antrian Online {UNIT}', scope)).toBe('Antrian Online Dispendukcapil');
    expect(fillTemplate('Portal  Satu Data {R}', scope)).toBe('Portal Satu Data Kabupaten Madiun');
    expect(fillTemplate('LPSE {RS}', scope)).toBe('LPSE Kab. Madiun');
  });

  it('keeps the acronym in planted names', () => {
    const scope = { name: 'Malang', region: 'Kota Malang', shorts: ['Kota Malang', 'Malang'], head: 'Wali Kota', unit: 'BKPSDM' };
    const rng = new Rng(5);
    for (let i = 0; i < 100; i++) expect(officialName(rng, { short: 'e-Pengaduan', long: 'Sistem Informasi Pengaduan Masyarakat' }, scope, true).name).toMatch(/^e-Pengaduan/);
  });

  it('keeps regional wording out of central agencies', () => {
    const names = [{ short: 'e-Aset', long: 'Sistem Informasi Aset Daerah' }, { short: 'SIMASET', long: 'Sistem Informasi Manajemen Aset' }];
    expect(suitable('central', names, (n) => `${n.short} ${n.long}`)).toEqual([names[1]]);
    expect(suitable('regency', names, (n) => n.short)).toEqual(names);
    expect(suitable('central', [names[0]!], (n) => n.long)).toEqual([names[0]]);
  });

  it('adds typing noise without losing the name', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 30; i++) expect(addNoise(rng, 'e-Kinerja BKN').toLowerCase().replace(/[^a-z]/g, '')).toContain('kinerjabkn');
  });
});

describe('plan and amounts', () => {
  it('knows every autonomous regional government, with Jawa Timur first', () => {
    const all = allRegional();
    expect(all).toHaveLength(546);
    expect(all[0]).toMatchObject({ id: 'prov-jatim', level: 'province' });
    expect(all.find((g) => g.id === 'kab-madiun')?.domain).toBe('madiunkab.go.id');
    expect(all.find((g) => g.id === 'kota-malang')?.domain).toBe('malangkota.go.id');
    expect(all.find((g) => g.id === 'kota-surabaya')?.domain).toBe('surabaya.go.id');
    expect(new Set(all.map((g) => g.id)).size).toBe(all.length);
  });

  it('resolves a custom scale to the first N governments', () => {
    const plan = resolvePlan({ governments: 3, centralAgencies: 2, unitsPerGovernment: [4, 6] });
    expect(plan.regional.map((r) => r.id)).toEqual(['prov-jatim', 'kab-bangkalan', 'kab-banyuwangi']);
    expect(plan.central.map((c) => c.key)).toEqual(['kemendagri', 'kemenkeu']);
    expect(plan.unitRange).toEqual([4, 6]);
  });

  it('slugs names and rounds rupiah the way budgets are written', () => {
    expect(slug('Tojo Una-Una')).toBe('tojo-una-una');
    expect(roundIdr(147_321_000)).toBe(147_500_000);
    expect(roundIdr(2_345_678_901)).toBe(2_350_000_000);
    expect(roundIdr(7_340_000)).toBe(7_300_000);
  });
});
