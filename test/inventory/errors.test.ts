import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/index.js';
import { MINIMAL_AGENCIES, MINIMAL_APPLICATIONS, folderWith, inputError } from './helpers.js';

describe('file-level problems stop the load with an InputError (exit code 2)', () => {
  it('a path that does not exist', async () => {
    const dir = await folderWith({});
    const error = await inputError(loadInventory(join(dir, 'nope')));
    expect(error.exitCode).toBe(2);
    expect(error.issues).toEqual([expect.objectContaining({ level: 'error', file: join(dir, 'nope'), message: 'the path does not exist.' })]);
    expect(error.issues[0]!.fix).toContain('a folder with agencies.csv and applications.csv');
  });

  it('a folder without applications.csv, naming what it found', async () => {
    const dir = await folderWith({ 'agencies.csv': MINIMAL_AGENCIES, 'inventaris.xlsx': 'x', 'catatan.txt': 'x' });
    const error = await inputError(loadInventory(dir));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain(`${dir}: the folder has no applications.csv (found: agencies.csv, catatan.txt, inventaris.xlsx)`);
    expect(error.issues[0]!.fix).toContain('aplikasi.csv');
    expect(error.issues[0]!.fix).toContain('id, agency_id, name');
    expect(error.issues[0]!.fix).toContain(join(dir, 'inventaris.xlsx'));
  });

  it('a folder without agencies.csv (file names are matched case-insensitively)', async () => {
    const dir = await folderWith({ 'APPLICATIONS.CSV': MINIMAL_APPLICATIONS });
    const error = await inputError(loadInventory(dir));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain('the folder has no agencies.csv');
    expect(error.issues[0]!.fix).toContain('instansi.csv');
  });

  it('a missing required column, listing the accepted aliases', async () => {
    const dir = await folderWith({ 'agencies.csv': MINIMAL_AGENCIES, 'applications.csv': 'id,nama aplikasi,biaya\na1,SIMPEG,100\n' });
    const error = await inputError(loadInventory(dir));
    expect(error.issues).toEqual([
      {
        level: 'error',
        file: 'applications.csv',
        row: 1,
        column: 'agency_id',
        message: 'required column "agency_id" is missing (found: id, nama aplikasi, biaya).',
        fix: expect.stringContaining('add a column named "agency_id" or one of its aliases: agency, id_instansi, instansi, kode_instansi, opd'),
      },
    ]);
    expect(error.message).toContain('error: applications.csv, row 1, column "agency_id": required column "agency_id" is missing');
  });

  it('every missing column of every file at once', async () => {
    const dir = await folderWith({ 'agencies.csv': 'id,name\nk,Kab\n', 'applications.csv': 'id,name\na1,Satu\n', 'exchanges.csv': 'from,data\na1,x\n' });
    const error = await inputError(loadInventory(dir));
    expect(error.issues.map((i) => `${i.file}:${i.column}`)).toEqual(['agencies.csv:level', 'applications.csv:agency_id', 'exchanges.csv:target_id']);
  });

  it('a malformed CSV, with its line', async () => {
    const dir = await folderWith({ 'agencies.csv': MINIMAL_AGENCIES, 'applications.csv': 'id,agency_id,name\na1,kab,"Satu\na2,kab,Dua\n' });
    const error = await inputError(loadInventory(dir));
    expect(error.issues[0]).toMatchObject({ level: 'error', file: 'applications.csv' });
    expect(error.message).toMatch(/malformed CSV at line \d/);
  });

  it('binary junk named .csv', async () => {
    const dir = await folderWith({ 'agencies.csv': MINIMAL_AGENCIES, 'applications.csv': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) });
    const error = await inputError(loadInventory(dir));
    expect(error.message).toContain('applications.csv: this is not a text CSV file: it is an old Excel .xls workbook');
  });

  it('an inventory with no application rows', async () => {
    const dir = await folderWith({ 'agencies.csv': MINIMAL_AGENCIES, 'applications.csv': 'id,agency_id,name\n' });
    const error = await inputError(loadInventory(dir));
    expect(error.issues).toEqual([expect.objectContaining({ level: 'error', file: 'applications.csv', message: 'the inventory has no application: the applications table has no data rows.' })]);
  });

  it('an inventory whose every application is invalid, with the reasons', async () => {
    const dir = await folderWith({
      'agencies.csv': MINIMAL_AGENCIES + 'kab,Duplikat,regency\n',
      'applications.csv': 'id,agency_id,name\na1,ghost,Satu\na2,kab,\n',
    });
    const error = await inputError(loadInventory(dir));
    expect(error.issues[0]).toMatchObject({ level: 'error', file: 'applications.csv', message: 'the inventory has no valid application: all 2 rows were skipped (reasons below).' });
    // The applications' own reasons come before the unrelated agency warning.
    expect(error.issues.slice(1).map((i) => [i.file, i.row, i.column])).toEqual([
      ['applications.csv', 2, 'agency_id'],
      ['applications.csv', 3, 'name'],
      ['agencies.csv', 3, 'id'],
    ]);
  });

  it('unsupported inputs, naming the accepted formats', async () => {
    const dir = await folderWith({ 'a.txt': 'x', 'old.xls': 'x', 'flat.csv': 'id,name\n' });
    const txt = await inputError(loadInventory(join(dir, 'a.txt')));
    expect(txt.message).toContain('files ending ".txt" are not an inventory format');
    expect(txt.message).toContain('a .json file; a .xlsx workbook');
    expect((await inputError(loadInventory(join(dir, 'old.xls')))).issues[0]!.fix).toBe('save the workbook as .xlsx');
    expect((await inputError(loadInventory(join(dir, 'flat.csv')))).issues[0]!.fix).toContain('pass the folder that holds agencies.csv');
  });
});
