import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCatalogueLoaders } from '../../src/catalogue/index.js';
import { InputError } from '../../src/errors.js';
import { loadInventory, registerLoader } from '../../src/inventory/index.js';
import type { InputIssue, Inventory } from '../../src/types.js';

const HEADER = 'Nama Perangkat Daerah;Nama Aplikasi;Deskripsi;Alamat Domain / Link;Jenis Aplikasi;Status Aplikasi;Penyebab Tidak Aktif';

const made: string[] = [];
let unregister: (() => void) | undefined;
beforeEach(() => {
  unregister = registerCatalogueLoaders();
});
afterEach(async () => {
  unregister?.();
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'siloscope-catalogue-'));
  made.push(dir);
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  return dir;
}

async function sheet(lines: string[], options: { government?: string; strict?: boolean } = {}): Promise<Inventory> {
  const dir = await folderWith({ 'katalog.csv': [HEADER, ...lines].join('\r\n') });
  return loadInventory(join(dir, 'katalog.csv'), options);
}

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const rowsOf = (warnings: InputIssue[]) => warnings.map((w) => [w.row, w.outcome]);

describe('a flat catalogue sheet', () => {
  it('makes agencies from unit names under the given government and one application per row', async () => {
    const inventory = await sheet(
      [
        'Dinas Kesehatan;SIMPUS;Sistem puskesmas;https://simpus.bogorkab.go.id;Aplikasi Khusus/Daerah;Aktif;',
        'DINAS  KESEHATAN;Srikandi;Persuratan dinas;https://srikandi.arsip.go.id/;Aplikasi Pusat/Umum;Aktif;',
        'Badan Perencanaan Pembangunan Daerah (BAPPEDA);E-Monev;Monitoring pembangunan;https://bappeda.bogorkab.go.id/monev;Aplikasi Khusus/Daerah;Tidak Aktif;Server rusak',
        'BAPPEDA;tidak ada;tidak ada;-;Lainnya;Aktif;',
        'Kecamatan Cibinong;SIAK;Kependudukan;VPN | Sumber: VPN;Aplikasi Pusat/Umum;Aktif;',
      ],
      { government: 'Kabupaten Bogor' },
    );
    expect(inventory.source.format).toBe('flat-csv');
    expect(inventory.agencies).toEqual([
      { id: 'kabupaten-bogor', name: 'Kabupaten Bogor', level: 'regency', properties: { government_basis: 'given with --government' } },
      { id: 'kabupaten-bogor/dinas-kesehatan', name: 'Dinas Kesehatan', level: 'unit', parentId: 'kabupaten-bogor', properties: { also_written: 'DINAS KESEHATAN' } },
      {
        id: 'kabupaten-bogor/badan-perencanaan-pembangunan-daerah',
        name: 'Badan Perencanaan Pembangunan Daerah (BAPPEDA)',
        level: 'unit',
        parentId: 'kabupaten-bogor',
        properties: { also_written: 'BAPPEDA' },
      },
      { id: 'kabupaten-bogor/kecamatan-cibinong', name: 'Kecamatan Cibinong', level: 'unit', parentId: 'kabupaten-bogor', properties: {} },
    ]);
    expect(inventory.applications.map((a) => [a.id, a.agencyId.split('/')[1], a.name, a.origin, a.category, a.status, a.url])).toEqual([
      ['r2', 'dinas-kesehatan', 'SIMPUS', 'local', 'specific', 'active', 'https://simpus.bogorkab.go.id'],
      ['r3', 'dinas-kesehatan', 'Srikandi', 'national', 'common', 'active', 'https://srikandi.arsip.go.id/'],
      ['r4', 'badan-perencanaan-pembangunan-daerah', 'E-Monev', 'local', 'specific', 'retired', 'https://bappeda.bogorkab.go.id/monev'],
      ['r6', 'kecamatan-cibinong', 'SIAK', 'national', 'common', 'active', undefined],
    ]);
    expect(inventory.applications[2]!.statusReason).toBe('Server rusak');
    expect(inventory.applications[3]!.properties).toEqual({ 'Alamat Domain / Link': 'VPN | Sumber: VPN', 'Jenis Aplikasi': 'Aplikasi Pusat/Umum' });
    expect(inventory.warnings).toEqual([
      expect.objectContaining({ row: 5, column: 'Nama Aplikasi', outcome: 'placeholder', agencyId: 'kabupaten-bogor/badan-perencanaan-pembangunan-daerah' }),
    ]);
  });

  it('infers the government from the regional hosts and says what it inferred it from', async () => {
    const inventory = await sheet([
      'Dinas Kesehatan;SIMPUS;Sistem puskesmas;https://simpus.bogorkab.go.id;Aplikasi Khusus/Daerah;Aktif;',
      'Dinas Sosial;SIKS;Data sosial Kabupaten Bogor;https://siks.kemensos.go.id;Aplikasi Pusat/Umum;Aktif;',
    ]);
    expect(inventory.agencies[0]).toEqual({
      id: 'kabupaten-bogor',
      name: 'Kabupaten Bogor',
      level: 'regency',
      properties: { government_basis: 'inferred from 2 rows (addresses on bogorkab.go.id; "Kabupaten Bogor" in the text)' },
    });
    expect(inventory.agencies.slice(1).every((a) => a.parentId === 'kabupaten-bogor')).toBe(true);
  });

  it('warns and leaves the units without a parent when nothing names the government', async () => {
    const inventory = await sheet(['Dinas Kesehatan;SIMPUS;Sistem puskesmas;https://simpus.example.com;Lainnya;Aktif;']);
    expect(inventory.agencies).toEqual([{ id: 'dinas-kesehatan', name: 'Dinas Kesehatan', level: 'unit', properties: {} }]);
    expect(inventory.warnings).toEqual([expect.objectContaining({ file: 'katalog.csv', message: expect.stringContaining('could not be inferred') })]);
  });

  it('puts each row under the government its own column names, so one unit name can be two agencies', async () => {
    const dir = await folderWith({
      'katalog.csv': [
        'Pemerintah Daerah,Nama OPD,Nama Aplikasi',
        'Kota Bogor,Dinas Kesehatan,SIMPUS',
        'Kabupaten Bogor,Dinas Kesehatan,SIMPUS',
        'Kabupaten Bogor,Pemerintah Kabupaten Bogor,Website Pemkab',
      ].join('\n'),
    });
    const inventory = await loadInventory(join(dir, 'katalog.csv'));
    expect(inventory.agencies.map((a) => [a.id, a.level, a.parentId])).toEqual([
      ['kota-bogor', 'city', undefined],
      ['kabupaten-bogor', 'regency', undefined],
      ['kota-bogor/dinas-kesehatan', 'unit', 'kota-bogor'],
      ['kabupaten-bogor/dinas-kesehatan', 'unit', 'kabupaten-bogor'],
    ]);
    // A row whose unit is the government itself belongs to the government.
    expect(inventory.applications.map((a) => a.agencyId)).toEqual(['kota-bogor/dinas-kesehatan', 'kabupaten-bogor/dinas-kesehatan', 'kabupaten-bogor']);
  });
});

describe('irregular rows', () => {
  it('repairs shifted rows, skips repeats and rows without unit or name, and warns about each', async () => {
    const inventory = await sheet(
      [
        'Dinas A;SIMA;tujuan: a) data; b) kelola;https://sima.bogorkab.go.id;Aplikasi Khusus/Daerah;Aktif;',
        'Dinas A;SIMONA;Anjab;https://simona.kemendagri.go.id | Sumber: https;//simona.kemendagri;Aplikasi Pusat/Umum;Aktif;',
        'Dinas A;SIMB;d;e;f;g;h;i',
        'Dinas A;SIMA;tujuan: a) data; b) kelola;https://sima.bogorkab.go.id;Aplikasi Khusus/Daerah;Aktif;',
        ';SIMC;tanpa unit;https://simc.bogorkab.go.id;Lainnya;Aktif;',
        'Dinas A;;punya deskripsi;https://simd.bogorkab.go.id;Lainnya;Aktif;',
        'Dinas A;SIME;e;BKPSDM Kab. Bogor;Lainnya;Hidup;',
      ],
      { government: 'Kabupaten Bogor' },
    );
    expect(inventory.applications.map((a) => [a.id, a.name, a.description, a.url, a.origin, a.status])).toEqual([
      ['r2', 'SIMA', 'tujuan: a) data; b) kelola', 'https://sima.bogorkab.go.id', 'local', 'active'],
      ['r3', 'SIMONA', 'Anjab', 'https://simona.kemendagri.go.id', 'national', 'active'],
      ['r4', 'SIMB', undefined, undefined, undefined, undefined],
      ['r8', 'SIME', 'e', undefined, undefined, undefined],
    ]);
    expect(rowsOf(inventory.warnings)).toEqual([
      [2, 'repaired'],
      [3, 'repaired'],
      [4, 'unparseable'],
      [5, 'repeated'],
      [6, 'unparseable'],
      [7, 'unparseable'],
      [8, undefined],
      [8, undefined],
    ]);
    const [descriptionFix, addressFix] = inventory.warnings;
    expect(descriptionFix!.column).toBe('Deskripsi');
    expect(addressFix!.column).toBe('Alamat Domain / Link');
    expect(inventory.warnings[3]!.message).toBe('this row repeats row 2 exactly; it was skipped.');
    expect(inventory.warnings.slice(6).map((w) => w.column)).toEqual(['Alamat Domain / Link', 'Status Aplikasi']);
  });

  it('refuses everything under --strict, listing every issue', async () => {
    const error = await inputError(sheet(['Dinas A;tidak ada;;;;;', 'Dinas A;SIMA;d;https://sima.bogorkab.go.id;Lainnya;Aktif;'], { government: 'Kabupaten Bogor', strict: true }));
    expect(error.issues).toEqual([expect.objectContaining({ level: 'error', row: 2, outcome: 'placeholder' })]);
  });
});

describe('a cell listing several applications', () => {
  it('splits one row into one record per name, giving the address to the name it fits', async () => {
    const inventory = await sheet(['Dinas A;SIMPEG, SIPD;Aplikasi yang dipakai;https://sipd.kemendagri.go.id;Aplikasi Pusat/Umum;Aktif;'], { government: 'Kabupaten Bogor' });
    expect(inventory.applications.map((a) => [a.id, a.name, a.url, a.description, a.properties['Deskripsi']])).toEqual([
      ['r2.2', 'SIPD', 'https://sipd.kemendagri.go.id', undefined, 'Aplikasi yang dipakai'],
      ['r2.1', 'SIMPEG', undefined, undefined, 'Aplikasi yang dipakai'],
    ]);
    expect(inventory.warnings).toEqual([expect.objectContaining({ row: 2, outcome: 'split', column: 'Nama Aplikasi' })]);
  });

  it('reads repeated rows of one cell as the names their addresses point at, with the group labels as kinds', async () => {
    const cell = '"Aplikasi Pusat : SIPD; Aplikasi Daerah : SIMPEG, e-Presensi, ANJAB"';
    const inventory = await sheet(
      [
        `Bagian Umum;${cell};-;https://sipd.kemendagri.go.id;Aplikasi Pusat/Umum;Aktif;`,
        `Bagian Umum;${cell};-;http://103.228.246.21/anjab/;Aplikasi Pusat/Umum;Aktif;`,
      ],
      { government: 'Kabupaten Bogor' },
    );
    expect(inventory.applications.map((a) => [a.id, a.name, a.url, a.origin])).toEqual([
      ['r2', 'SIPD', 'https://sipd.kemendagri.go.id', 'national'],
      ['r3', 'ANJAB', 'http://103.228.246.21/anjab/', 'local'],
      ['r2.2', 'SIMPEG', undefined, 'local'],
      ['r2.3', 'e-Presensi', undefined, 'local'],
    ]);
    expect(inventory.warnings).toHaveLength(1);
    expect(inventory.warnings[0]!.message).toContain('row 2: SIPD; row 3: ANJAB');
    expect(inventory.warnings[0]!.message).toContain('SIMPEG, e-Presensi has no row of its own');
  });
});

describe('what is not a flat catalogue', () => {
  it('refuses a government named without its kind', async () => {
    const error = await inputError(sheet(['Dinas A;SIMA;d;;;;'], { government: 'Bogor' }));
    expect(error.issues[0]).toMatchObject({ file: 'command line', column: '--government' });
  });

  it('refuses a sheet without a unit column, naming the file, the header row and the column', async () => {
    const dir = await folderWith({ 'daftar.csv': 'Nama Aplikasi;Deskripsi\nSIMA;d\n' });
    const error = await inputError(loadInventory(join(dir, 'daftar.csv')));
    expect(error.issues).toEqual([expect.objectContaining({ file: 'daftar.csv', row: 1, column: 'Nama Perangkat Daerah' })]);
  });

  it('tells to pass the folder when the CSV is a table of a CSV-folder inventory', async () => {
    const dir = await folderWith({ 'agencies.csv': 'id,name,level\nk,Kab,regency\n', 'applications.csv': 'id,agency_id,name\na,k,SIMA\n' });
    const error = await inputError(loadInventory(join(dir, 'applications.csv')));
    expect(error.issues[0]!.fix).toBe(`pass the folder: siloscope analyze ${dir}`);
    expect((await loadInventory(dir)).applications).toHaveLength(1);
  });
});

describe('registration', () => {
  it('is idempotent, and removing it restores the built-in refusal of a single CSV', async () => {
    const calls: string[] = [];
    const register = (test: Parameters<typeof registerLoader>[0], load: Parameters<typeof registerLoader>[1], description?: string) => {
      calls.push(description ?? '');
      return registerLoader(test, load, description);
    };
    const remove = registerCatalogueLoaders(register);
    expect(registerCatalogueLoaders(register)).toBe(remove);
    expect(calls).toHaveLength(2);
    remove();
    unregister?.();
    unregister = undefined;
    const dir = await folderWith({ 'katalog.csv': `${HEADER}\nDinas A;SIMA;d;;;;\n` });
    const error = await inputError(loadInventory(join(dir, 'katalog.csv')));
    expect(error.message).toContain('a single CSV file is not an inventory by itself');
  });
});

describe('workbooks', () => {
  async function workbook(sheets: Record<string, string[][]>): Promise<string> {
    const dir = await folderWith({});
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
    const path = join(dir, 'katalog.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('reads a one-sheet catalogue, its title row skipped', async () => {
    const path = await workbook({
      'Katalog 2024': [
        ['Daftar Aplikasi Kabupaten Bogor'],
        ['OPD', 'Nama Aplikasi', 'URL', 'Status'],
        ['Dinas A', 'SIMA', 'https://sima.bogorkab.go.id', 'Aktif'],
        ['Dinas B', 'Srikandi', 'https://srikandi.arsip.go.id', 'Tidak Aktif'],
      ],
    });
    const inventory = await loadInventory(path, { government: 'Kabupaten Bogor' });
    expect(inventory.source.format).toBe('flat-xlsx');
    expect(inventory.applications.map((a) => [a.id, a.agencyId, a.name, a.status])).toEqual([
      ['r3', 'kabupaten-bogor/dinas-a', 'SIMA', 'active'],
      ['r4', 'kabupaten-bogor/dinas-b', 'Srikandi', 'retired'],
    ]);
    expect(inventory.warnings).toEqual([]);
  });

  it('leaves a workbook with an agencies sheet to the multi-sheet inventory loader', async () => {
    const path = await workbook({
      agencies: [
        ['id', 'name', 'level'],
        ['k', 'Kabupaten Bogor', 'regency'],
      ],
      applications: [
        ['id', 'agency_id', 'name'],
        ['a1', 'k', 'SIMA'],
      ],
    });
    const inventory = await loadInventory(path);
    expect(inventory.source.format).toBe('xlsx');
    expect(inventory.applications.map((a) => a.id)).toEqual(['a1']);
  });

  it('says which sheet is missing when an applications sheet is no catalogue, and which column when a sheet is', async () => {
    const tables = await workbook({ applications: [['id', 'agency_id', 'name'], ['a1', 'k', 'SIMA']] });
    expect((await inputError(loadInventory(tables))).issues[0]!.message).toContain('the workbook has no "agencies" sheet');
    const sheet = await workbook({ Sheet1: [['Nama Aplikasi', 'URL'], ['SIMA', 'https://sima.bogorkab.go.id']] });
    expect((await inputError(loadInventory(sheet))).issues[0]).toMatchObject({ file: 'katalog.xlsx [Sheet1]', row: 1, column: 'Nama Perangkat Daerah' });
  });
});
