/**
 * A platform family (SIPD and its financial-administration module SIPD Penatausahaan, `family` in
 * shared-platforms.json) through the whole pipeline, on a hand-made flat catalogue read with the real
 * reference data. Worked out by hand: the three SIPD rows (two planning, one Penatausahaan, all on
 * sipd.kemendagri.go.id) are one national system used by three units, of two modules; the regency's own
 * SIMDA Keuangan does what the Penatausahaan module does (regional financial administration), so it
 * duplicates that module — and only that module: the planning rows are not in its cluster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeInventory } from '../../src/analyze.js';
import { buildFlatInventory } from '../../src/catalogue/index.js';
import { renderReport } from '../../src/report/index.js';
import type { Analysis } from '../../src/types.js';

const HEADER = ['Nama Perangkat Daerah', 'Nama Aplikasi', 'Deskripsi Singkat Aplikasi', 'Alamat Domain / Link Aplikasi', 'Jenis Aplikasi', 'Status Aplikasi'];
const ROWS = [
  ['Badan Perencanaan Pembangunan Daerah', 'SIPD', 'Perencanaan pembangunan daerah', 'https://sipd.kemendagri.go.id', 'Aplikasi Pusat/Umum', 'Aktif'],
  ['Kecamatan Alpha', 'SIPD RI', 'Aplikasi Musrenbang Tingkat Kecamatan', 'https://sipd.kemendagri.go.id/landing', 'Aplikasi Pusat/Umum', 'Aktif'],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'SIPD Penatausahaan', 'Penatausahaan keuangan daerah', 'https://sipd.kemendagri.go.id', 'Aplikasi Pusat/Umum', 'Aktif'],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'SIMDA Keuangan', 'Sistem akuntansi dan penatausahaan keuangan daerah', 'https://simda.bogorkab.go.id', 'Aplikasi Khusus/Daerah', 'Aktif'],
];
const BAPPEDA = 'kabupaten-bogor/badan-perencanaan-pembangunan-daerah';
const ALPHA = 'kabupaten-bogor/kecamatan-alpha';
const BPKAD = 'kabupaten-bogor/badan-pengelolaan-keuangan-dan-aset-daerah';

let analysis: Analysis;
beforeAll(async () => {
  const inventory = buildFlatInventory({ path: 'katalog.csv', format: 'flat-csv' }, [
    { file: 'katalog.csv', header: HEADER, headerRow: 1, rows: ROWS.map((cells, k) => ({ row: k + 2, cells })), delimiter: ';', idPrefix: '' },
  ], { government: 'Kabupaten Bogor' });
  analysis = await analyzeInventory(inventory);
});

describe('a platform family is one system', () => {
  it('holds every record of every module, used by every unit that reports one, with its modules', () => {
    // Rows 2–5 are records r2–r5.
    expect(analysis.systems.map((s) => s.id)).toEqual(['sys-sipd', 'sys-r5']);
    const sipd = analysis.systems[0]!;
    expect(sipd).toMatchObject({ name: 'SIPD', origin: 'national', owner: 'Kemendagri', sharedPlatform: 'sipd', records: ['r2', 'r3', 'r4'], usedBy: [BAPPEDA, ALPHA, BPKAD] });
    expect(sipd.modules).toEqual([
      { platform: 'sipd', name: 'SIPD', function: 'RAB.09.S01', records: ['r2', 'r3'] },
      { platform: 'sipd-penatausahaan', name: 'SIPD Penatausahaan', function: 'RAB.09.S02', records: ['r4'] },
    ]);
    expect(sipd.evidence!.find((e) => e.kind === 'modules')!.detail).toContain('SIPD Penatausahaan (RAB.09.S02) 1 record in 1 unit');
    // Records keep their own module: the classification is per record, the system per family.
    expect(analysis.applications.map((a) => [a.id, a.systemId, a.sharedPlatform])).toEqual([
      ['r2', 'sys-sipd', 'sipd'],
      ['r3', 'sys-sipd', 'sipd'],
      ['r4', 'sys-sipd', 'sipd-penatausahaan'],
      ['r5', 'sys-r5', undefined],
    ]);
    // BPKAD uses two systems (SIPD and SIMDA Keuangan), the regency two in all.
    expect(analysis.agencies.find((a) => a.id === BPKAD)!.systemsUsed).toBe(2);
    expect(analysis.governments.find((g) => g.id === 'kabupaten-bogor')!.systemsUsed).toBe(2);
  });

  it("still finds the regional finance system duplicating SIPD's financial module, and only that module", () => {
    expect(analysis.duplicateClusters).toHaveLength(1);
    const cluster = analysis.duplicateClusters[0]!;
    expect(cluster).toMatchObject({ function: 'RAB.09.S02', keeper: 'r4', sharedPlatform: 'sipd-penatausahaan', applications: ['r4', 'r5'], systems: ['sys-sipd', 'sys-r5'] });
    // Adoption is never priced as redundant: only SIMDA Keuangan's cost is.
    const cost = new Map(analysis.applications.map((a) => [a.id, a.annualCost]));
    expect(cost.get('r4')).toBe(0);
    expect(cluster.redundantAnnualCost).toBe(cost.get('r5'));
    const [rec] = analysis.recommendations.filter((r) => r.clusterId === cluster.id);
    expect(rec).toMatchObject({ kind: 'adopt-common', target: 'r4', applications: ['r4', 'r5'] });
  });

  it('reads so in the report: SIPD once with its modules, SIMDA Keuangan duplicating SIPD Penatausahaan', () => {
    const md = renderReport(analysis, { lang: 'en', format: 'md' });
    expect(md).toContain('| SIPD *(sys-sipd)* *— modules: SIPD 2, SIPD Penatausahaan 1* | Kemendagri | 3 | 3 |');
    expect(md).toContain('| Kabupaten Bogor | SIMDA Keuangan *(local)* | SIPD Penatausahaan | `dup-RAB.09.S02-r4` |');
  });
});
