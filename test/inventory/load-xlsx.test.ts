import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/index.js';
import { folderWith, inputError, issueAt } from './helpers.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const dir = await folderWith({});
  const path = join(dir, 'inventaris.xlsx');
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('XLSX inventory', () => {
  it('reads sheets by name or alias, typed cells, and reports workbook row numbers', async () => {
    const path = await workbook((wb) => {
      const agencies = wb.addWorksheet('Instansi');
      agencies.addRow(['ID', 'Nama Instansi', 'Tingkat', 'Induk']);
      agencies.addRow(['kota-x', 'Pemerintah Kota X', 'Kota']);
      agencies.addRow([101, 'Dinas Kesehatan', 'Dinas', 'kota-x']);
      const apps = wb.addWorksheet('Applications');
      apps.addRow(['id', 'agency_id', 'name', 'annual_cost', 'year', 'url', 'users', 'Catatan']);
      apps.addRow([
        'a1',
        101,
        { richText: [{ text: 'SIM' }, { text: 'PUS' }] },
        1_500_000,
        new Date(Date.UTC(2018, 4, 1)),
        { text: 'simpus.x.go.id', hyperlink: 'https://simpus.x.go.id' },
        { formula: 'B2*2', result: 40 },
        'catatan',
      ]);
      apps.addRow([]);
      apps.addRow(['a2', 'ghost', 'Yatim']);
      apps.addRow(['a3', 'kota-x', 'Portal', 'Rp 75.000.000']);
      const exchanges = wb.addWorksheet('exchanges');
      exchanges.addRow(['source_id', 'target_id', 'mechanism']);
      exchanges.addRow(['a1', 'a3', 'ESB']);
    });
    const inventory = await loadInventory(path);
    expect(inventory.source).toEqual({ path, format: 'xlsx' });
    expect(inventory.agencies).toEqual([
      { id: 'kota-x', name: 'Pemerintah Kota X', level: 'city', properties: {} },
      { id: '101', name: 'Dinas Kesehatan', level: 'unit', parentId: 'kota-x', properties: {} },
    ]);
    expect(inventory.applications).toEqual([
      { id: 'a1', agencyId: '101', name: 'SIMPUS', annualCost: 1_500_000, year: 2018, url: 'simpus.x.go.id', users: 40, datasets: [], properties: { Catatan: 'catatan' } },
      { id: 'a3', agencyId: 'kota-x', name: 'Portal', annualCost: 75_000_000, datasets: [], properties: {} },
    ]);
    expect(inventory.exchanges).toEqual([{ id: 'x2', sourceId: 'a1', targetId: 'a3', mechanism: 'service_bus', properties: {} }]);
    expect(inventory.warnings).toHaveLength(1);
    const orphan = issueAt(inventory.warnings, { file: 'inventaris.xlsx [Applications]', row: 4, column: 'agency_id' });
    expect(orphan.message).toContain('agency "ghost" is not in inventaris.xlsx [Instansi]');
  });

  it('refuses a workbook without the required sheets, naming the sheets it has', async () => {
    const path = await workbook((wb) => {
      wb.addWorksheet('Sheet1').addRow(['id', 'name']);
      wb.addWorksheet('agencies').addRow(['id', 'name', 'level']);
    });
    const error = await inputError(loadInventory(path));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain('inventaris.xlsx: the workbook has no "applications" sheet (sheets: Sheet1, agencies)');
    expect(error.issues[0]!.fix).toContain('aplikasi');
  });

  it('skips a title row above the header and reports a missing required column with the sheet and header row', async () => {
    const path = await workbook((wb) => {
      wb.addWorksheet('agencies').addRows([['id', 'name', 'level'], ['k', 'Kab', 'regency']]);
      const apps = wb.addWorksheet('applications');
      apps.addRow(['Daftar aplikasi 2024']);
      apps.addRow(['id', 'agency_id']);
    });
    const error = await inputError(loadInventory(path));
    expect(error.issues).toEqual([expect.objectContaining({ file: 'inventaris.xlsx [applications]', row: 2, column: 'name' })]);
    expect(error.message).toContain('required column "name" is missing (found: id, agency_id)');
    expect(error.issues[0]!.fix).toContain('nama_aplikasi');
  });

  it('refuses a file that is not a workbook', async () => {
    const dir = await folderWith({ 'broken.xlsx': 'id,name\n' });
    const error = await inputError(loadInventory(join(dir, 'broken.xlsx')));
    expect(error.message).toContain('broken.xlsx: this is not a readable XLSX workbook');
    expect(error.issues[0]!.fix).toContain('.xlsx');
  });
});
