import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/index.js';
import { FIXTURES, MINIMAL_AGENCIES, MINIMAL_APPLICATIONS, folderWith, inputError, issueAt } from './helpers.js';

describe('CSV folder: the contract columns', () => {
  it('loads agencies, applications, exchanges and datasets in file order with every value normalised', async () => {
    const inventory = await loadInventory(join(FIXTURES, 'basic'));
    expect(inventory.source).toEqual({ path: join(FIXTURES, 'basic'), format: 'csv-folder' });
    expect(inventory.warnings).toEqual([]);
    expect(inventory.agencies.map((a) => [a.id, a.level, a.parentId])).toEqual([
      ['kab-bogor', 'regency', undefined],
      ['dinkes-bogor', 'unit', 'kab-bogor'],
      ['bkpsdm-bogor', 'unit', 'kab-bogor'],
      ['kemenkes', 'central', undefined],
    ]);
    expect(inventory.agencies[0]).toEqual({ id: 'kab-bogor', name: 'Pemerintah Kabupaten Bogor', level: 'regency', region: 'Jawa Barat', properties: {} });
    expect(inventory.applications.map((a) => a.id)).toEqual(['app-simpus', 'app-simpeg', 'app-sehat']);
    expect(inventory.applications[0]).toEqual({
      id: 'app-simpus',
      agencyId: 'dinkes-bogor',
      name: 'SIMPUS (Sistem Informasi Puskesmas)',
      description: 'Pencatatan layanan puskesmas',
      function: 'RAB.03.01',
      category: 'specific',
      origin: 'local',
      status: 'active',
      annualCost: 150_000_000,
      users: 320,
      url: 'https://simpus.bogorkab.go.id',
      platform: 'web',
      year: 2017,
      datasets: ['ds-pasien', 'ds-faskes'],
      properties: { developer: 'Diskominfo' },
    });
    expect(inventory.applications[1]).toMatchObject({ annualCost: 1_500_000.5, users: 1200, category: 'common', datasets: [] });
    expect(inventory.applications[1]!.url).toBeUndefined();
    expect(inventory.applications[2]!.properties).toEqual({});
    expect(inventory.exchanges).toEqual([
      { id: 'x2', sourceId: 'app-simpus', targetId: 'app-sehat', data: 'Rekam medis', mechanism: 'api', properties: {} },
      { id: 'x3', sourceId: 'app-simpeg', targetId: 'app-simpus', data: 'Data pegawai', mechanism: 'file', properties: {} },
    ]);
    expect(inventory.datasets).toEqual([
      { id: 'ds-pasien', name: 'Data Pasien', stewardAgencyId: 'kemenkes', properties: {} },
      { id: 'ds-faskes', name: 'Data Fasilitas Kesehatan', stewardAgencyId: 'dinkes-bogor', properties: {} },
    ]);
  });

  it('loads a folder without the optional files, making a dataset of each referenced id', async () => {
    const dir = await folderWith({
      'agencies.csv': 'id,name,level\nkab,Pemerintah Kabupaten Contoh,regency\n',
      'applications.csv': 'id,agency_id,name,datasets\na1,kab,Satu,ds-b|ds-a\na2,kab,Dua,ds-a\n',
    });
    const inventory = await loadInventory(dir);
    expect(inventory.exchanges).toEqual([]);
    expect(inventory.datasets).toEqual([
      { id: 'ds-b', name: 'ds-b', properties: {} },
      { id: 'ds-a', name: 'ds-a', properties: {} },
    ]);
    expect(inventory.applications.map((a) => a.datasets)).toEqual([['ds-b', 'ds-a'], ['ds-a']]);
  });

  it('reads agencies.csv over instansi.csv and says the second was ignored', async () => {
    const dir = await folderWith({ 'agencies.csv': MINIMAL_AGENCIES, 'instansi.csv': 'id,name,level\nx,X,unit\n', 'applications.csv': MINIMAL_APPLICATIONS });
    const inventory = await loadInventory(dir);
    expect(inventory.agencies.map((a) => a.id)).toEqual(['kab']);
    expect(issueAt(inventory.warnings, { file: 'instansi.csv' }).message).toBe('instansi.csv also looks like the agencies table; agencies.csv was read and instansi.csv ignored.');
  });
});

describe('CSV folder: Indonesian catalogue headers', () => {
  it('maps Indonesian file names, headers and values, and resolves agencies given by name', async () => {
    const inventory = await loadInventory(join(FIXTURES, 'indonesian'));
    expect(inventory.warnings).toEqual([]);
    expect(inventory.agencies).toEqual([
      { id: 'pemkot-bdg', name: 'Pemerintah Kota Bandung', level: 'city', region: 'Jawa Barat', properties: {} },
      { id: 'diskominfo-bdg', name: 'Dinas Komunikasi dan Informatika', level: 'unit', region: 'Jawa Barat', parentId: 'pemkot-bdg', properties: {} },
      // "Induk" holds the parent's name here, "Tingkat" the word "Badan".
      { id: 'bapenda-bdg', name: 'Badan Pendapatan Daerah', level: 'unit', region: 'Jawa Barat', parentId: 'pemkot-bdg', properties: {} },
    ]);
    const [a1, a2, a3] = inventory.applications;
    expect(a1).toEqual({
      id: 'a1',
      agencyId: 'bapenda-bdg', // "Perangkat Daerah" gave the agency's name
      name: 'SIMPATDA',
      description: 'Pajak daerah',
      function: 'RAA.02.01',
      category: 'specific',
      origin: 'local',
      status: 'active',
      annualCost: 1_500_000,
      users: 40,
      url: 'simpatda.bandung.go.id',
      platform: 'Web',
      year: 2016,
      datasets: [],
      properties: { Pengembang: 'Pihak ketiga' },
    });
    expect(a2).toMatchObject({ agencyId: 'bapenda-bdg', category: 'common', origin: 'national', status: 'retired', statusReason: 'Diganti SIPD RI', annualCost: 2_500_000, year: 2019 });
    expect(a3).toMatchObject({ agencyId: 'diskominfo-bdg', category: 'common', origin: 'local', status: 'development', users: 1200, platform: 'Web, Mobile' });
    expect(a3!.function).toBeUndefined();
    expect(inventory.exchanges).toEqual([
      { id: 'x2', sourceId: 'a1', targetId: 'a2', data: 'Realisasi pajak', mechanism: 'service_bus', properties: {} },
      { id: 'x3', sourceId: 'a3', targetId: 'a1', data: 'Informasi pajak', mechanism: 'manual', properties: {} },
    ]);
  });

  it('reads a spreadsheet export with a BOM, CRLF line ends and ";" delimiters', async () => {
    const crlf = (lines: string[]): string => '\uFEFF' + lines.join('\r\n') + '\r\n';
    const dir = await folderWith({
      'agencies.csv': crlf(['id;nama_instansi;tingkat', 'kota;Pemerintah Kota Contoh;Kota', 'dinas;Dinas Contoh;OPD']),
      'applications.csv': crlf(['id;instansi;nama aplikasi;biaya', 'a1;dinas;Aplikasi "Satu";Rp 1.500.000,00', 'a2;kota;Aplikasi Dua;2.000']),
    });
    const inventory = await loadInventory(dir);
    expect(inventory.warnings).toEqual([]);
    expect(inventory.agencies.map((a) => [a.id, a.name, a.level])).toEqual([
      ['kota', 'Pemerintah Kota Contoh', 'city'],
      ['dinas', 'Dinas Contoh', 'unit'],
    ]);
    expect(inventory.applications.map((a) => [a.id, a.agencyId, a.name, a.annualCost])).toEqual([
      ['a1', 'dinas', 'Aplikasi "Satu"', 1_500_000],
      ['a2', 'kota', 'Aplikasi Dua', 2000],
    ]);
  });

  it('keeps unknown columns as properties and keeps the losing column of two aliases as a property, with a warning', async () => {
    const dir = await folderWith({
      'agencies.csv': 'id,name,level,Kepala Dinas\nkab,Pemerintah Kabupaten Contoh,regency,Budi\n',
      'applications.csv': 'id,agency_id,name,Fungsi,Kode RAA,Pengembang,Catatan\na1,kab,Satu,Kepegawaian,RAA.01.02,Diskominfo,\n',
    });
    const inventory = await loadInventory(dir);
    expect(inventory.agencies[0]!.properties).toEqual({ 'Kepala Dinas': 'Budi' });
    const app = inventory.applications[0]!;
    expect(app.function).toBe('RAA.01.02');
    // An empty cell leaves no property.
    expect(app.properties).toEqual({ Fungsi: 'Kepegawaian', Pengembang: 'Diskominfo' });
    const warning = issueAt(inventory.warnings, { file: 'applications.csv', column: 'Fungsi' });
    expect(warning).toMatchObject({ level: 'warning', row: 1 });
    expect(warning.message).toContain('"Kode RAA" and "Fungsi" both mean function');
  });
});

describe('CSV folder: nested agencies', () => {
  it('resolves parents given later in the file and by name, and breaks self-links and loops', async () => {
    const dir = await folderWith({
      'agencies.csv': [
        'id,name,level,parent_id',
        'dinkes,Dinas Kesehatan,unit,kab', // parent listed on a later row
        'kab,Pemerintah Kabupaten Contoh,regency,',
        'kec,Kecamatan Utara,unit,Pemerintah Kabupaten Contoh', // parent by name
        'p,Bagian P,unit,q',
        'q,Bagian Q,unit,r',
        'r,Bagian R,unit,p', // p → q → r → p: cut where the loop closes (r)
      ].join('\n'),
      'applications.csv': 'id,agency_id,name\na1,dinkes,Satu\n',
    });
    const inventory = await loadInventory(dir);
    expect(inventory.agencies.map((a) => [a.id, a.parentId])).toEqual([
      ['dinkes', 'kab'],
      ['kab', undefined],
      ['kec', 'kab'],
      ['p', 'q'],
      ['q', 'r'],
      ['r', undefined],
    ]);
    const loop = issueAt(inventory.warnings, { row: 7, column: 'parent_id' });
    expect(loop.message).toContain('p → q → r → p');
  });
});

describe('CSV folder: row-level problems', () => {
  const dir = join(FIXTURES, 'row-warnings');

  it('skips bad rows and drops bad values, keeping everything valid', async () => {
    const inventory = await loadInventory(dir);
    expect(inventory.agencies.map((a) => [a.id, a.level, a.parentId])).toEqual([
      ['gov', 'regency', undefined],
      ['unit-a', 'unit', 'gov'],
      ['unit-b', 'unit', undefined],
      ['unit-c', 'unit', 'gov'],
      ['loop-1', 'unit', 'loop-2'],
      ['loop-2', 'unit', undefined],
      ['self', 'unit', undefined],
    ]);
    expect(inventory.agencies.find((a) => a.id === 'unit-a')!.name).toBe('Dinas A');
    expect(inventory.datasets.map((d) => [d.id, d.name, d.stewardAgencyId])).toEqual([
      ['ds1', 'Data Satu', 'unit-a'],
      ['ds2', 'Data Dua', undefined],
    ]);
    expect(inventory.applications).toEqual([
      { id: 'a1', agencyId: 'unit-a', name: 'App Satu', annualCost: 1_000_000, users: 10, year: 2020, category: 'common', status: 'active', origin: 'local', datasets: ['ds1'], properties: {} },
      { id: 'a4', agencyId: 'unit-b', name: 'App Empat', datasets: [], properties: {} },
      { id: 'a5', agencyId: 'unit-a', name: 'App Lima', datasets: [], properties: {} },
    ]);
    expect(inventory.exchanges).toEqual([
      { id: 'e1', sourceId: 'a1', targetId: 'a4', mechanism: 'api', properties: {} },
      { id: 'x6', sourceId: 'a5', targetId: 'a1', properties: {} },
    ]);
    expect(inventory.warnings.every((w) => w.level === 'warning' && w.fix)).toBe(true);
    expect(inventory.warnings).toHaveLength(26);
  });

  it('names file, row, column and fix for each problem', async () => {
    const { warnings } = await loadInventory(dir);
    const at = (file: string, row: number, column: string, ...parts: string[]): void => {
      const issue = issueAt(warnings, { file, row, column });
      for (const part of parts) expect(issue.message + ' Fix: ' + issue.fix).toContain(part);
    };
    at('agencies.csv', 4, 'id', 'agency id "unit-a" appears again', 'first row with it is kept');
    at('agencies.csv', 5, 'parent_id', 'parent agency "nowhere" is not in agencies.csv', 'was dropped and the agency kept');
    at('agencies.csv', 6, 'id', 'the agency id is empty; row skipped');
    at('agencies.csv', 7, 'level', 'level "desa" is not a known level', '"unit" was inferred from the name "Kecamatan C"', 'central');
    at('agencies.csv', 8, 'level', 'level "planet"', 'agency "unit-d" skipped', 'use one of: central');
    at('agencies.csv', 10, 'parent_id', 'loop (loop-1 → loop-2 → loop-1)', 'the parent of "loop-2" was dropped');
    at('agencies.csv', 11, 'parent_id', 'names itself as its parent');
    at('datasets.csv', 3, 'steward_agency_id', 'steward agency "ghost" is not in agencies.csv', 'dataset kept');
    at('datasets.csv', 4, 'id', 'dataset id "ds1" appears again');
    at('applications.csv', 2, 'datasets', 'dataset "ds-x" is not in datasets.csv', 'reference was dropped and application "a1" kept');
    at('applications.csv', 3, 'id', 'application id "a1" appears again', 'this one skipped');
    at('applications.csv', 4, 'agency_id', 'agency "ghost" is not in agencies.csv', 'application "a2"', 'skipped', 'add agency "ghost" to agencies.csv');
    at('applications.csv', 5, 'name', 'application "a3" has no name; row skipped');
    at('applications.csv', 6, 'annual_cost', 'annual cost "abc" is not an amount', 'value was dropped and application "a4" kept', 'Rp 1.500.000');
    at('applications.csv', 6, 'users', 'users "-5" is negative');
    at('applications.csv', 6, 'year', 'year "20xx" is not a year between 1900 and 2100');
    at('applications.csv', 6, 'category', 'category "campuran"', 'use one of: common', 'specific');
    at('applications.csv', 6, 'status', 'status "hidup?"', 'active', 'development', 'retired');
    at('applications.csv', 6, 'origin', 'origin "antah"', 'local', 'national');
    at('applications.csv', 7, 'annual_cost', 'annual cost "-1000" is negative');
    at('applications.csv', 8, 'agency_id', 'agency "unit-d" was itself skipped in agencies.csv', 'application "a6"');
    at('exchanges.csv', 3, 'target_id', 'target application "a2" was itself skipped in applications.csv', 'exchange skipped');
    at('exchanges.csv', 4, 'target_id', 'application "a4" exchanges with itself; exchange skipped');
    at('exchanges.csv', 5, 'id', 'exchange id "e1" appears again');
    at('exchanges.csv', 6, 'mechanism', 'mechanism "telepati"', 'exchange kept', 'service_bus');
    at('exchanges.csv', 7, 'source_id', 'source application "nowhere" is not in applications.csv', 'exchange skipped');
  });

  it('warns about a row with more cells than the header and keeps the row', async () => {
    const folder = await folderWith({
      'agencies.csv': 'id,name,level\nkab,Pemerintah Kabupaten Contoh,regency\n',
      'applications.csv': 'id,agency_id,name,annual_cost\na1,kab,Satu,Rp 1,500,000\n',
    });
    const inventory = await loadInventory(folder);
    expect(inventory.applications.map((a) => a.id)).toEqual(['a1']);
    const warning = issueAt(inventory.warnings, { file: 'applications.csv', row: 2, column: undefined });
    expect(warning.message).toContain('6 cells but the header has 4');
    expect(warning.fix).toContain('double quotes');
  });

  it('in strict mode fails with every issue listed as an error', async () => {
    const error = await inputError(loadInventory(dir, { strict: true }));
    expect(error.issues).toHaveLength(26);
    expect(error.issues.every((i) => i.level === 'error')).toBe(true);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('error: applications.csv, row 6, column "annual_cost": annual cost "abc" is not an amount');
    expect(error.message).toContain('error: exchanges.csv, row 7, column "source_id"');
  });

  it('in strict mode loads a clean inventory unchanged', async () => {
    const inventory = await loadInventory(join(FIXTURES, 'basic'), { strict: true });
    expect(inventory.applications).toHaveLength(3);
  });
});
