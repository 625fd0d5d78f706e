import { describe, expect, it } from 'vitest';
import { classifyApplications } from '../../src/analysis/classify.js';
import { detectDuplicates, type DuplicateResult } from '../../src/analysis/duplicates.js';
import { loadReference } from '../../src/reference/index.js';
import type { Agency, DuplicateCluster, Inventory } from '../../src/types.js';
import { agency, inventory, twoRegencies, type AppSpec } from '../reference/builders.js';

const reference = loadReference();

function run(inv: Inventory, partition: 'government' | 'national' = 'government'): DuplicateResult {
  return detectDuplicates(inv, classifyApplications(inv, reference), reference, { partition });
}

function clusterOf(result: DuplicateResult, appId: string): DuplicateCluster | undefined {
  return result.clusters.find((c) => c.applications.includes(appId));
}

/** One regency (`kab`) with `n` units `r0` … `r<n-1>`. */
function units(n: number): Agency[] {
  const names = ['Dinas Sosial', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Perhubungan', 'Kecamatan Mlati', 'Kecamatan Depok', 'Kecamatan Gamping', 'Badan Kepegawaian', 'Bagian Umum', 'Inspektorat'];
  return [agency('kab', 'Pemerintah Kabupaten Sleman'), ...names.slice(0, n).map((name, i) => agency(`r${i}`, `${name} Kabupaten Sleman`, 'kab'))];
}

describe('detectDuplicates: what is a duplicate', () => {
  it('reads an acronym and its long form in two units of one government as one system', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'madiun-bkd', name: 'SIMPEG' },
        { id: 'b', agencyId: 'madiun-dik', name: 'Sistem Informasi Manajemen Kepegawaian' },
      ]),
    );
    expect(result.clusters).toEqual([]);
    expect(result.systems.map((sys) => [...sys.applications].sort())).toEqual([['a', 'b']]);
  });

  it('matches an acronym with its long form as duplicates when they are two deployments', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'madiun-bkd', name: 'SIMPEG', url: 'https://simpeg.madiunkab.go.id' },
        { id: 'b', agencyId: 'madiun-dik', name: 'Sistem Informasi Manajemen Kepegawaian', url: 'https://kepegawaian-dik.madiunkab.go.id' },
      ]),
    );
    expect(result.clusters).toHaveLength(1);
    const c = result.clusters[0]!;
    expect([...c.applications].sort()).toEqual(['a', 'b']);
    expect(c.function).toBe('RAB.09.S05');
    expect(c.scope).toBe('within-agency');
    expect([...c.agencies].sort()).toEqual(['madiun-bkd', 'madiun-dik']);
    expect(c.confidence).toBeGreaterThan(0.7);
    expect(c.confidence).toBeLessThanOrEqual(1);
    expect(c.evidence.some((e) => e.kind === 'function')).toBe(true);
    expect(c.evidence.some((e) => e.detail.includes('SIMPEG') && e.detail.includes('Sistem Informasi Manajemen Kepegawaian'))).toBe(true);
    expect(c.totalAnnualCost).toBe(0);
    expect(c.estimatedAnnualSavings).toEqual({ low: 0, expected: 0, high: 0 });
  });

  it('looks for duplicates inside each government, and across governments in the national view', () => {
    const inv = inventory(twoRegencies(), [
      { id: 'a', agencyId: 'madiun-bkd', name: 'e-Kinerja Kab. Madiun' },
      { id: 'b', agencyId: 'malang-bkd', name: 'eKinerja Kota Malang' },
    ]);
    // One e-Kinerja in each government: nothing for either government to consolidate.
    expect(run(inv).clusters).toEqual([]);
    const national = run(inv, 'national');
    expect(national.clusters).toHaveLength(1);
    expect(national.clusters[0]).toMatchObject({ function: 'RAB.09.S07', scope: 'cross-agency' });
    expect(national.clusters[0]!.evidence.some((e) => e.kind === 'name-similarity' && e.detail.includes('e-Kinerja Kab. Madiun'))).toBe(true);
  });

  it('finds systems of one function with unrelated names', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'madiun-bkd', name: 'SIMPEG' },
        { id: 'b', agencyId: 'madiun-dik', name: 'Sistem Informasi Data Pegawai' },
        { id: 'c', agencyId: 'madiun-dinkes', name: 'Profil ASN Terpadu', description: 'pengelolaan data kepegawaian dan mutasi pegawai' },
        { id: 'd', agencyId: 'malang-bkd', name: 'SIMPEG Kota Malang' },
      ]),
    );
    expect(result.clusters).toHaveLength(1);
    expect([...result.clusters[0]!.applications].sort()).toEqual(['a', 'b', 'c']);
  });

  it('does not cluster the look-alike families', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'simpeg', agencyId: 'madiun-bkd', name: 'SIMPEG' },
        { id: 'simpatda', agencyId: 'madiun-bkd', name: 'SIMPATDA' },
        { id: 'keu', agencyId: 'madiun-dik', name: 'SIMDA Keuangan' },
        { id: 'bmd', agencyId: 'madiun-dik', name: 'SIMDA BMD' },
        { id: 'kinerja', agencyId: 'malang-bkd', name: 'e-Kinerja' },
        { id: 'sakip', agencyId: 'malang-bkd', name: 'e-SAKIP' },
        { id: 'aduan', agencyId: 'malang-dinsos', name: 'Aplikasi Pengaduan' },
        { id: 'ada', agencyId: 'malang-dinsos', name: 'Aplikasi Pengadaan' },
        { id: 'gaji', agencyId: 'madiun-dinkes', name: 'Aplikasi Gaji' },
      ]),
    );
    expect(result.clusters).toEqual([]);
    expect(result.stats.vetoed).toBeGreaterThan(0);
  });

  it('keeps one name reused for two unrelated systems apart, even through an unclassified namesake', () => {
    const inv = inventory(twoRegencies(), [
      { id: 'x', agencyId: 'madiun-bkd', name: 'SIPADU', description: 'pengelolaan data kepegawaian dan mutasi pegawai', url: 'https://sipadu.madiunkab.go.id' },
      { id: 'z', agencyId: 'madiun-dinkes', name: 'SIPADU', description: 'penggajian dan slip gaji pegawai', url: 'https://sipadu-gaji.madiunkab.go.id' },
      { id: 'y', agencyId: 'madiun-dik', name: 'SIPADU' },
      { id: 'w', agencyId: 'malang-dinsos', name: 'SIPADU', url: 'https://sipadu.malangkota.go.id' },
    ]);
    for (const partition of ['government', 'national'] as const) {
      const result = run(inv, partition);
      expect(result.clusters.some((c) => c.applications.includes('x') && c.applications.includes('z')), partition).toBe(false);
    }
    // The unclassified namesake is read as one of the two systems, never as a bridge between them.
    const systems = run(inv).systems.map((sys) => [...sys.applications].sort().join(','));
    expect(systems.filter((sys) => sys.includes('y'))).toHaveLength(1);
    expect(systems.some((sys) => sys.includes('x') && sys.includes('z'))).toBe(false);
  });

  it('does not match two systems on a name the lexicon knows is reused', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'aset', agencyId: 'madiun-bkd', name: 'SIMAS', description: 'pengelolaan data aset dan inventaris barang milik daerah', url: 'https://simas.madiunkab.go.id' },
        { id: 'masjid', agencyId: 'madiun-dik', name: 'SIMAS', url: 'https://simas.kemenag.go.id' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it('leaves unclassified applications with unrelated names alone', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'madiun-bkd', name: 'Kolak Pisang' },
        { id: 'b', agencyId: 'malang-bkd', name: 'Getuk Lindri' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it('groups opaque codes the inventory gives, whatever the names', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'malang-bkd', name: 'Kolak Pisang', function: 'KODE-77' },
        { id: 'b', agencyId: 'malang-dinsos', name: 'Getuk Lindri', function: 'kode-77' },
        { id: 'c', agencyId: 'malang-dinsos', name: 'Klepon Manis', function: 'KODE-78' },
      ]),
    );
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.function).toBe('opaque:KODE-77');
    expect([...result.clusters[0]!.applications].sort()).toEqual(['a', 'b']);
  });
});

describe('detectDuplicates: shared platforms are adoption', () => {
  const agencies = units(10);
  const srikandi: AppSpec[] = agencies.slice(1).map((a, i) => ({ id: `s${i}`, agencyId: a.id, name: i % 2 ? 'SRIKANDI' : 'Srikandi ANRI', url: 'https://srikandi.arsip.go.id/' }));

  it('does not call ten units using SRIKANDI duplicates', () => {
    const result = run(inventory(agencies, srikandi));
    expect(result.clusters).toEqual([]);
    expect(result.systems).toHaveLength(1);
    expect(result.systems[0]).toMatchObject({ kind: 'platform', platform: 'srikandi' });
    expect(result.systems[0]!.applications).toHaveLength(10);
  });

  it("clusters a local e-Surat with the government's SRIKANDI rows, keeping the instance of its own unit", () => {
    const result = run(inventory(agencies, [...srikandi, { id: 'local', agencyId: 'r3', name: 'e-Surat', description: 'surat masuk dan disposisi' }]));
    expect(result.clusters).toHaveLength(1);
    const c = result.clusters[0]!;
    expect(c.keeper).toBe('s3');
    expect(c.applications[0]).toBe('s3');
    expect([...c.applications].sort()).toEqual([...srikandi.map((a) => a.id), 'local'].sort());
    expect(c.systems).toHaveLength(2);
    expect(c.sharedPlatform).toBe('srikandi');
    expect(c.keeperReason).toContain('designated shared platform');
    expect(c.evidence.some((e) => e.kind === 'shared-platform' && e.detail.includes('KepMenPANRB 679/2020'))).toBe(true);
  });

  it("tells SIPD's modules apart by name, though they share a host", () => {
    const result = run(
      inventory(agencies, [
        { id: 'plan', agencyId: 'r1', name: 'SIPD', url: 'https://sipd.kemendagri.go.id' },
        { id: 'fin', agencyId: 'r2', name: 'SIPD Penatausahaan', url: 'https://sipd.kemendagri.go.id' },
        { id: 'simda', agencyId: 'r2', name: 'SIMDA Keuangan' },
        { id: 'eplan', agencyId: 'r3', name: 'e-Planning' },
      ]),
    );
    expect(result.clusters).toHaveLength(2);
    expect(clusterOf(result, 'simda')).toMatchObject({ function: 'RAB.09.S02', keeper: 'fin', sharedPlatform: 'sipd-penatausahaan' });
    expect(clusterOf(result, 'eplan')).toMatchObject({ function: 'RAB.09.S01', keeper: 'plan', sharedPlatform: 'sipd' });
  });

  it('lets a platform serve a second function it covers', () => {
    const sipd = reference.platformById.get('sipd')!;
    const covering = { ...sipd, alsoCovers: ['RAB.09.S02'] };
    const custom = { ...reference, platforms: reference.platforms.map((p) => (p.id === 'sipd' ? covering : p)), platformById: new Map(reference.platformById).set('sipd', covering) };
    const inv = inventory(agencies, [
      { id: 'sipd', agencyId: 'r1', name: 'SIPD', url: 'https://sipd.kemendagri.go.id' },
      { id: 'simda', agencyId: 'r1', name: 'SIMDA Keuangan' },
    ]);
    expect(run(inv).clusters).toEqual([]);
    const result = detectDuplicates(inv, classifyApplications(inv, custom), custom);
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]).toMatchObject({ function: 'RAB.09.S02', keeper: 'sipd', sharedPlatform: 'sipd' });
  });

  it('does not cluster two national systems of one function with no local build', () => {
    const result = run(
      inventory(agencies, [
        { id: 'a', agencyId: 'r1', name: 'SRIKANDI', url: 'https://srikandi.arsip.go.id' },
        { id: 'b', agencyId: 'r1', name: 'SIKN/JIKN', url: 'https://sikn.anri.go.id' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it('treats rows of one government with the same name as one system', () => {
    const units = [agency('kab', 'Pemerintah Kabupaten Madiun'), ...['Kecamatan Wungu', 'Kecamatan Jiwan', 'Kecamatan Saradan'].map((n, i) => agency(`k${i}`, n, 'kab'))];
    const records: AppSpec[] = [
      { id: 'p0', agencyId: 'k0', name: 'Simpeg', url: 'https://simpeg.madiunkab.go.id/simpeg/login.php' },
      { id: 'p1', agencyId: 'k1', name: 'SIMPEG KAB MADIUN', url: 'http://simpeg.madiunkab.go.id' },
      { id: 'p2', agencyId: 'k2', name: 'SIMPEG' },
    ];
    const flat = run(inventory(units, records, { format: 'flat-csv' }));
    expect(flat.clusters).toEqual([]);
    expect(flat.systems.map((s) => [...s.applications].sort())).toEqual([['p0', 'p1', 'p2']]);
    // Told that same-name rows may be separate builds, the address-less row is its own system: a duplicate.
    const inv = inventory(units, records);
    const separate = detectDuplicates(inv, classifyApplications(inv, reference), reference, { sameNameIsSameSystem: false });
    expect(separate.clusters).toHaveLength(1);
    expect(separate.clusters[0]!.applications).toContain('p2');
  });
});

describe('detectDuplicates: generic, broad and per-unit functions need more than the function', () => {
  it("never calls two units' own websites duplicates", () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'w1', agencyId: 'madiun-dik', name: 'Website Dinas Pendidikan' },
        { id: 'w2', agencyId: 'madiun-dinkes', name: 'Website Dinas Kesehatan' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it('clusters GIS portals whose names are nothing but GIS, not maps of other things', () => {
    const result = run(
      inventory(twoRegencies(), [
        { id: 'g1', agencyId: 'madiun-dik', name: 'WebGIS Dinas Pendidikan' },
        { id: 'g2', agencyId: 'madiun-dinkes', name: 'Peta Digital' },
        { id: 'g3', agencyId: 'madiun-bkd', name: 'Peta Sebaran Pegawai Honorer' },
      ]),
    );
    expect(result.clusters).toHaveLength(1);
    expect([...result.clusters[0]!.applications].sort()).toEqual(['g1', 'g2']);
  });

  it('does not cluster two different systems of one broad sector, but does cluster namesakes', () => {
    const distinct = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'madiun-dinkes', name: 'Sistem Informasi Hortikultura', description: 'data produksi tanaman hortikultura' },
        { id: 'b', agencyId: 'madiun-dik', name: 'Aplikasi Alsintan', description: 'inventaris alat mesin pertanian' },
      ]),
    );
    expect(distinct.clusters).toEqual([]);
    const alike = run(
      inventory(twoRegencies(), [
        { id: 'a', agencyId: 'madiun-dinkes', name: 'Sistem Informasi Pertanian Madiun', url: 'https://sitani.madiunkab.go.id' },
        { id: 'b', agencyId: 'madiun-dik', name: 'Sistem Informasi Pertanian', url: 'https://pertanian.madiunkab.go.id' },
      ]),
    );
    expect(alike.clusters).toHaveLength(1);
  });
});

describe('detectDuplicates: keeper', () => {
  const agencies = units(4);

  it('prefers an active system over a retired one, then more users', () => {
    const result = run(
      inventory(agencies, [
        { id: 'retired', agencyId: 'r0', name: 'SIMPEG', status: 'retired', users: 9000, url: 'https://simpeg.slemankab.go.id' },
        { id: 'small', agencyId: 'r1', name: 'Sistem Informasi Kepegawaian', status: 'active', users: 50 },
        { id: 'big', agencyId: 'r2', name: 'e-Pegawai', status: 'active', users: 500, url: 'https://epegawai.slemankab.go.id' },
      ]),
    );
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.keeper).toBe('big');
    expect(result.clusters[0]!.keeperReason).toContain('users');
    expect(result.clusters[0]!.applications[0]).toBe('big');
  });

  it('breaks a tie by exchanges, then build year', () => {
    const apps: AppSpec[] = [
      { id: 'a', agencyId: 'r0', name: 'SIMPEG', status: 'active', year: 2015, url: 'https://simpeg.slemankab.go.id' },
      { id: 'b', agencyId: 'r1', name: 'e-Pegawai', status: 'active', year: 2020, url: 'https://epegawai.slemankab.go.id' },
      { id: 'n', agencyId: 'r0', name: 'Kolak Pisang' },
      { id: 'm', agencyId: 'r0', name: 'Getuk Lindri' },
    ];
    const integrated = run(inventory(agencies, apps, { exchanges: [['a', 'n'], ['m', 'a']] }));
    expect(integrated.clusters[0]).toMatchObject({ keeper: 'a' });
    expect(integrated.clusters[0]!.keeperReason).toContain('exchanges');
    const isolated = run(inventory(agencies, apps));
    expect(isolated.clusters[0]).toMatchObject({ keeper: 'b' });
    expect(isolated.clusters[0]!.keeperReason).toContain('newest');
  });
});

describe('detectDuplicates: blocking', () => {
  it('does not pair a 2,000-application function all-to-all', () => {
    const n = 2000;
    const governments = Array.from({ length: n / 5 }, (_, g) => agency(`g${g}`, `Pemerintah Kabupaten Daerah${g}x`));
    const variants = ['SIMPEG', 'Sistem Informasi Kepegawaian', 'e-Pegawai', 'Data Pegawai', 'SIMPEG Online'];
    const apps: AppSpec[] = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, agencyId: `g${Math.floor(i / 5)}`, name: `${variants[i % 5]} Daerah${Math.floor(i / 5)}x` }));
    const inv = inventory(governments, apps);
    const result = run(inv);
    expect(result.stats.candidates).toBeLessThan(20 * n);
    expect(result.stats.hubEdges).toBeLessThan(n);
    // Five personnel systems in each of 400 governments: one cluster per government.
    expect(result.clusters).toHaveLength(n / 5);
    expect(result.clusters.every((c) => c.applications.length === 5 && c.scope === 'within-agency')).toBe(true);
    // The national view links them all through the function's hub, still without pairing them all.
    const national = run(inv, 'national');
    expect(national.stats.candidates).toBeLessThan(20 * n);
    expect(national.clusters).toHaveLength(1);
    expect(national.clusters[0]!.applications).toHaveLength(n);
  });
});
