import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Stats } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { archiCsvFiles, buildModel, loadArchiCsv, loadArchimate, registerInteropLoaders, writeArchiCsv } from '../../src/interop/index.js';
import type { Inventory } from '../../src/types.js';
import { interopAnalysis, interopInventory } from '../fixtures/interop/inventory.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/interop/', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'siloscope-archi-csv-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entities(inventory: Inventory): Omit<Inventory, 'source' | 'warnings'> {
  const { agencies, applications, exchanges, datasets } = inventory;
  return { agencies, applications, exchanges, datasets };
}

describe('Archi CSV export', () => {
  const files = archiCsvFiles(buildModel(interopInventory(), { analysis: interopAnalysis() }));

  it('writes Archi\'s headers, every cell quoted, CRLF line ends, the model as the first element row', () => {
    const lines = files.elements.split('\r\n');
    expect(lines[0]).toBe('"ID","Type","Name","Documentation","Specialization"');
    expect(lines[1]).toMatch(/^"id-model","ArchimateModel","siloscope: test\/fixtures\/interop\/inventory","Written by siloscope/);
    expect(lines).toContain('"id-ag-DISKOMINFO_2f_01","BusinessActor","Dinas Komunikasi & Informatika","",""');
    expect(files.relations.split('\r\n')[0]).toBe('"ID","Type","Name","Documentation","Source","Target","Specialization"');
    expect(files.relations).toContain('"id-x-x2","FlowRelationship","Realisasi anggaran","","id-app-bkd","id-app-app_20_7",""');
    expect(files.relations).toContain('"id-x-id-r5","ServingRelationship","","","id-app-sehat-1","id-app-sehat-2",""');
    expect(files.properties.split('\r\n')[0]).toBe('"ID","Key","Value"');
    expect(files.properties.endsWith('\r\n')).toBe(true);
  });

  it('keeps ids within Archi\'s importer\'s character set', () => {
    const ids = [...files.elements.split('\r\n').slice(1), ...files.relations.split('\r\n').slice(1)].filter(Boolean).map((l) => l.slice(1, l.indexOf('"', 1)));
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9._-]+$/);
  });

  it('writes access kinds and directed associations as Archi\'s reserved properties, quotes doubled', () => {
    expect(files.properties).toContain('"id-access-bkd.ds_2e_anggaran","Access_Type","Write"');
    expect(files.properties).toContain('"id-access-app_20_7.ds_2e_anggaran","Access_Type","Read"');
    expect(files.properties).toContain('"id-owns-bkd","Directed","true"');
    expect(files.properties).toContain('"id-app-bkd","Catatan ""khusus""","dipakai sejak 2016"');
  });

  it('round-trips through the three files', async () => {
    const folder = join(dir, 'roundtrip');
    const written = await writeArchiCsv(buildModel(interopInventory(), { analysis: interopAnalysis() }), folder);
    expect(written.map((p) => p.slice(folder.length + 1))).toEqual(['elements.csv', 'relations.csv', 'properties.csv']);
    const back = await loadArchiCsv(folder);
    expect(back.source).toEqual({ path: folder, format: 'archi-csv' });
    expect(entities(back)).toEqual(entities(interopInventory()));
    expect(back.warnings).toEqual([]);
  });

  it('round-trips an ArchiMate import through CSV (exchange XML → inventory → CSV → inventory)', async () => {
    const fromXml = await loadArchimate(join(FIXTURES, 'madiun-ea.xml'));
    const folder = join(dir, 'madiun');
    await writeArchiCsv(buildModel(fromXml), folder);
    expect(entities(await loadArchiCsv(join(folder, 'elements.csv')))).toEqual(entities(fromXml));
  });
});

describe('Archi CSV import of an export as Archi writes it', () => {
  let inventory: Inventory;
  it('reads prefixed files with a BOM and ";" delimiters, the model row, and the leading-zero hack', async () => {
    inventory = await loadArchiCsv(join(FIXTURES, 'archi-csv'));
    expect(inventory.agencies).toEqual([{ id: 'a-diskominfo', name: 'Dinas Komunikasi dan Informatika', level: 'unit', properties: {} }]);
    const simpeg = inventory.applications[0]!;
    expect(simpeg).toMatchObject({ id: 'c-001', agencyId: 'a-diskominfo', name: 'SIMPEG', annualCost: 150_000_000, datasets: ['d-001'] });
    expect(simpeg.description).toBe('Sistem kepegawaian\r\nbaris dua');
    expect(inventory.applications[1]).toMatchObject({ id: 'c-002', agencyId: 'a-diskominfo', datasets: ['d-001'] });
  });

  it('reads relationship types with Archi\'s "Relationship" suffix and Access_Type (Write when absent, as in Archi)', () => {
    expect(inventory.exchanges).toEqual([{ id: 'r-2', sourceId: 'c-001', targetId: 'c-002', data: 'Data pegawai', mechanism: 'file', properties: {} }]);
    // r-3 has no Access_Type: Archi's default is Write, so SIMPEG's agency stewards the data; r-4 only reads.
    expect(inventory.datasets).toEqual([{ id: 'd-001', name: 'Data ASN', stewardAgencyId: 'a-diskominfo', properties: {} }]);
  });

  it('warns, naming file and row, about a property of an unknown id and about unused elements', () => {
    expect(inventory.warnings).toEqual([
      expect.objectContaining({ level: 'warning', file: 'ea-properties.csv', row: 8, column: 'ID', message: expect.stringContaining('"c-999"') }),
      expect.objectContaining({ message: '1 Node element(s) are not part of the inventory and were not imported: "Server Utama".' }),
    ]);
  });

  it('is found from the folder or from any of its three files', async () => {
    const fromFile = await loadArchiCsv(join(FIXTURES, 'archi-csv', 'ea-relations.csv'));
    expect(entities(fromFile)).toEqual(entities(inventory));
  });

  it('refuses a file that is not an Archi CSV export, naming it', async () => {
    const folder = join(dir, 'wrong');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'elements.csv'), 'id,name\n1,x\n');
    await writeFile(join(folder, 'relations.csv'), '"ID","Type","Name","Documentation","Source","Target"\n');
    const error = await loadArchiCsv(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ file: 'elements.csv', row: 1 });
    expect((error as InputError).message).toContain('not an Archi CSV file');
  });
});

describe('registerInteropLoaders', () => {
  type Test = (path: string, stat: Stats) => boolean;
  const registered: Array<{ test: Test; description?: string }> = [];
  const register = (test: Test, _load: unknown, description?: string): void => {
    registered.push({ test, ...(description !== undefined ? { description } : {}) });
  };

  it('registers an .xml loader and an Archi CSV loader once, however often it is called', () => {
    registerInteropLoaders(register);
    registerInteropLoaders(register);
    expect(registered.map((r) => r.description)).toEqual(['an ArchiMate exchange file (.xml)', 'an Archi CSV export (a folder with elements.csv, relations.csv, properties.csv)']);
  });

  it('claims ArchiMate files and Archi CSV folders or files, and leaves inventory folders alone', async () => {
    const claims = async (path: string): Promise<string[]> => {
      const info = await stat(path);
      return registered.filter((r) => r.test(path, info)).map((r) => r.description!.split(' ')[2]!);
    };
    expect(await claims(join(FIXTURES, 'madiun-ea.xml'))).toEqual(['exchange']);
    expect(await claims(join(FIXTURES, 'archi-csv'))).toEqual(['CSV']);
    expect(await claims(join(FIXTURES, 'archi-csv', 'ea-properties.csv'))).toEqual(['CSV']);
    const inventoryFolder = join(dir, 'inventory');
    await mkdir(inventoryFolder, { recursive: true });
    await writeFile(join(inventoryFolder, 'agencies.csv'), 'id,name,level\n');
    await writeFile(join(inventoryFolder, 'applications.csv'), 'id,agency_id,name\n');
    expect(await claims(inventoryFolder)).toEqual([]);
    expect(await claims(join(inventoryFolder, 'agencies.csv'))).toEqual([]);
    expect((await readFile(join(FIXTURES, 'archi-csv', 'ea-elements.csv'))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
