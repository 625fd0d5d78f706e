/**
 * The real Kabupaten Madiun catalogue through the whole pipeline. The expected systems and clusters were
 * read off the file (row numbers are record ids: r<row>): which rows point at one address, name one
 * national platform, or are the regency's own system beside a national one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeInventory } from '../../src/analyze.js';
import { loadFlatCsv } from '../../src/catalogue/index.js';
import { renderReport } from '../../src/report/index.js';
import type { Analysis, System } from '../../src/types.js';

const MADIUN = new URL('../fixtures/catalogue/madiun/aplikasi.csv', import.meta.url).pathname;

let analysis: Analysis;
let systemOf: (record: string) => System;
beforeAll(async () => {
  analysis = await analyzeInventory(await loadFlatCsv(MADIUN));
  const byRecord = new Map<string, System>();
  for (const s of analysis.systems) for (const r of s.records) byRecord.set(r, s);
  systemOf = (record) => byRecord.get(record)!;
});

const units = (s: System) => s.usedBy.length;

describe('Madiun: records reconciled into systems', () => {
  it('finds each national platform once, with the units that adopted it', () => {
    const srikandi = systemOf('r2');
    expect(srikandi).toMatchObject({ origin: 'national', sharedPlatform: 'srikandi', records: ['r2', 'r22', 'r27', 'r82', 'r84', 'r123', 'r134', 'r138', 'r147', 'r161'] });
    expect(units(srikandi)).toBe(10);
    // SIPD is one national platform whose two modules inventories list separately: the rows whose
    // description says finance ("Sistem Keuangan OPD", "penatausahaan anggaran", and BPKAD's own row) are
    // SIPD Penatausahaan, the others (planning, Musrenbang, a bare name) the planning module. All nine rows
    // are one system, adopted by 8 units (Kecamatan Jiwan reports both modules), its modules listed.
    const sipd = systemOf('r24');
    expect(sipd).toMatchObject({
      id: 'sys-sipd',
      name: 'SIPD',
      origin: 'national',
      owner: 'Kemendagri',
      sharedPlatform: 'sipd',
      records: ['r9', 'r24', 'r35', 'r72', 'r76', 'r99', 'r110', 'r113', 'r154'],
    });
    expect(units(sipd)).toBe(8);
    expect(sipd.modules).toEqual([
      { platform: 'sipd', name: 'SIPD', function: 'RAB.09.S01', records: ['r9', 'r24', 'r72', 'r99', 'r110', 'r154'] },
      { platform: 'sipd-penatausahaan', name: 'SIPD Penatausahaan', function: 'RAB.09.S02', records: ['r35', 'r76', 'r113'] },
    ]);
    expect(analysis.systems.filter((s) => s.sharedPlatform?.startsWith('sipd'))).toEqual([sipd]);
    for (const id of ['r35', 'r76', 'r113']) expect(analysis.applications.find((a) => a.id === id)).toMatchObject({ systemId: 'sys-sipd', sharedPlatform: 'sipd-penatausahaan' });
    // WP-SIPD is the regency's own plugin on sipd.madiunkab.go.id, not SIPD.
    expect(systemOf('r37').records).toEqual(['r37']);
    const siasn = systemOf('r98');
    expect(siasn).toMatchObject({ origin: 'national', owner: 'BKN', records: ['r3', 'r9.3', 'r88', 'r89', 'r98', 'r124', 'r126', 'r130', 'r132', 'r143'] });
    expect(units(siasn)).toBe(7);
    expect(systemOf('r142')).toMatchObject({ origin: 'national', records: ['r71', 'r108', 'r142', 'r164'] });
    expect(systemOf('r87')).toMatchObject({ origin: 'national', records: ['r87', 'r125', 'r136'] });
    expect(systemOf('r53')).toMatchObject({ origin: 'national', records: ['r53', 'r77', 'r106', 'r174'] });
  });

  it('finds the regency\'s own systems once each, however the units named them', () => {
    const simpeg = systemOf('r11');
    expect(simpeg).toMatchObject({ origin: 'regional', address: 'simpeg.madiunkab.go.id', records: ['r11', 'r23', 'r28', 'r90', 'r91', 'r100', 'r128', 'r133', 'r137', 'r145'] });
    expect(units(simpeg)).toBe(8);
    expect(systemOf('r73')).toMatchObject({ origin: 'regional', records: ['r12', 'r73', 'r81', 'r122', 'r135', 'r146'] });
    expect(systemOf('r18')).toMatchObject({ origin: 'regional', records: ['r13', 'r18', 'r86', 'r95', 'r127', 'r131'] });
    expect(systemOf('r15')).toMatchObject({ origin: 'regional', records: ['r15', 'r21', 'r26', 'r149'] });
    expect(systemOf('r65')).toMatchObject({ origin: 'regional', records: ['r65', 'r97', 'r116', 'r156'] });
    // IKD copied SUKMA's address in row 94: it is not SUKMA.
    expect(systemOf('r94').records).toEqual(['r64', 'r94']);
    expect(systemOf('r8')).toMatchObject({ records: ['r8', 'r68', 'r112'], owner: 'kabupaten-madiun/badan-perencanaan-pembangunan-daerah' });
    // Private addresses are machines of one unit each.
    expect(systemOf('r38').records).toEqual(['r38']);
    expect(systemOf('r187').records).toEqual(['r187']);
  });

  it('counts systems as well as records per agency and government', () => {
    const wungu = analysis.agencies.find((a) => a.id === 'kabupaten-madiun/kecamatan-wungu')!;
    // 33 rows of Kecamatan Wungu minus the repeated IDM row; Simpeg and E.Pegawai are one system, My SAPK and My ASN another.
    expect(wungu.applications).toBe(32);
    expect(wungu.systemsUsed).toBe(30);
    const regency = analysis.governments.find((g) => g.id === 'kabupaten-madiun')!;
    expect(regency.applications).toBe(185);
    expect(regency.systemsUsed).toBe(analysis.systems.length);
  });
});

describe('Madiun: duplicates between systems, adoption never one', () => {
  const clusterWith = (...records: string[]) => {
    const found = analysis.duplicateClusters.filter((c) => records.every((r) => c.applications.includes(r)));
    expect(found, `one cluster holding ${records.join(', ')}`).toHaveLength(1);
    return found[0]!;
  };

  it('puts the regency personnel system beside SIASN/MyASN, listing every record of both', () => {
    const c = clusterWith('r11', 'r98');
    expect(c.systems).toEqual([systemOf('r98').id, systemOf('r11').id]);
    expect([...c.applications].sort()).toEqual([...systemOf('r98').records, ...systemOf('r11').records].sort());
    expect(systemOf(c.keeper).id).toBe(systemOf('r98').id);
    expect(c.sharedPlatform).toBe('siasn');
  });

  it('puts the regency performance/allowance system e-P3 beside e-Kinerja BKN', () => {
    const c = clusterWith('r13', 'r87');
    expect(c.systems).toEqual([systemOf('r87').id, systemOf('r13').id]);
  });

  it("puts the regency's Musrenbang beside SIPD's planning module only, which keeps", () => {
    // The cluster is found on the planning module's view record: the Penatausahaan rows are not in it.
    const c = clusterWith('r59', 'r154');
    expect(c).toMatchObject({ function: 'RAB.09.S01', keeper: 'r154', sharedPlatform: 'sipd', systems: [systemOf('r154').id, systemOf('r59').id] });
    expect([...c.applications].sort()).toEqual(['r110', 'r154', 'r24', 'r59', 'r72', 'r9', 'r99']);
  });

  it('puts the regional and provincial price-monitoring systems beside the national SP2KP', () => {
    const c = clusterWith('r175', 'r176', 'r177');
    expect(c.keeper).toBe('r175');
    expect(c.systems).toHaveLength(3);
  });

  it('puts the two regional SAKIP systems in one cluster', () => {
    const c = clusterWith('r55', 'r109', 'r141');
    expect(c.systems).toEqual(expect.arrayContaining([systemOf('r55').id, systemOf('r141').id]));
  });

  it('puts the local violence-reporting channel SIGAPURA beside the national SIMFONI-PPA, which keeps', () => {
    // r186 "SIGAPURA — Aplikasi Pengaduan Kekerasan" is a complaint channel for violence, the job of
    // KemenPPPA's SIMFONI-PPA (r185, kekerasan.kemenpppa.go.id) used by the same unit.
    const c = clusterWith('r185', 'r186');
    expect(c.keeper).toBe('r185');
    expect(c.sharedPlatform).toBe('simfoni-ppa');
    expect(c.systems).toEqual([systemOf('r185').id, systemOf('r186').id]);
  });

  it('never clusters records of one system, and never prices adoption as redundant', () => {
    const byId = new Map(analysis.applications.map((a) => [a.id, a]));
    for (const c of analysis.duplicateClusters) {
      expect(new Set(c.systems).size, c.id).toBeGreaterThan(1);
      expect(c.systems!.some((id) => analysis.systems.find((s) => s.id === id)!.origin !== 'national'), c.id).toBe(true);
      const keeperSystem = systemOf(c.keeper).id;
      const moving = c.applications.filter((id) => systemOf(id).id !== keeperSystem);
      const movingCost = moving.reduce((sum, id) => sum + byId.get(id)!.annualCost, 0);
      expect(c.redundantAnnualCost, c.id).toBe(movingCost);
    }
    // Each system's cost is counted once: a regional system used by eight units costs what one system costs.
    const simpegCosts = systemOf('r11').records.map((id) => byId.get(id)!.annualCost);
    expect(simpegCosts.filter((cost) => cost > 0)).toHaveLength(1);
    for (const id of systemOf('r98').records) expect(byId.get(id)!.annualCost).toBe(0);
    expect(byId.get('r88')!.systemId).toBe(systemOf('r98').id);
  });
});

describe('Madiun: the report', () => {
  it('shows per government the records, systems, adopted platforms, regional duplicates and placeholder rows', () => {
    const md = renderReport(analysis, { lang: 'en', format: 'md' });
    const national = analysis.systems.filter((s) => s.origin === 'national').length;
    const byGovernment = md.slice(md.indexOf('### By government'));
    const row = byGovernment.split('\n').find((line) => line.startsWith('| Kabupaten Madiun *(kabupaten-madiun)* |'))!;
    expect(row.split('|').map((cell) => cell.trim()).slice(2, 8)).toEqual(['185', String(analysis.systems.length), String(national), expect.stringMatching(/^\d+$/), '1', '0']);
    expect(md).toContain('| aplikasi.csv | 5 | Bagian Administrasi Pembangunan | placeholder |');
    expect(md).toContain('| SRIKANDI *(sys-srikandi)* | ANRI (Arsip Nasional Republik Indonesia) | 10 | 10 |');
    // SIPD once, with its modules.
    expect(md).toContain('| SIPD *(sys-sipd)* *— modules: SIPD 6, SIPD Penatausahaan 3* | Kemendagri | 8 | 9 |');
    expect(md.match(/\| SIPD[^|]*\*\(sys-sipd[^)]*\)\*/g)).toHaveLength(1);
    // In the personnel cluster the units' SIASN records stay with the keeper; the regency's SIMPEG records move.
    expect(md).toContain('| SIASN *(r130)* | Kecamatan Jiwan | IDR 0 *(estimated)* | **keep** |');
    expect(md).toMatch(/\| Simpeg \*\(r145\)\* \| Kecamatan Pilangkenceng \| IDR 0 \| consolidate \|/);
    expect(md).toMatch(/\| Kabupaten Madiun \| SIMPEG \*\(regional\)\* \| SIASN \/ MyASN \|/);
  });
});
