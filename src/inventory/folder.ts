/**
 * The CSV-folder inventory: `agencies.csv` and `applications.csv` required, `exchanges.csv` and
 * `datasets.csv` optional. File names are matched case-insensitively and may use the table aliases in
 * aliases.ts (`instansi.csv`, `aplikasi.csv`, …).
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { Inventory } from '../types.js';
import { TABLE_ALIASES, type TableName } from './aliases.js';
import { assembleInventory, type InventoryTables } from './assemble.js';
import { readCsvColumns, type CsvColumns } from './csv.js';
import type { Table } from './table.js';
import { normaliseHeader } from './values.js';

const REQUIRED_FILES: Record<'agencies' | 'applications', string> = {
  agencies: 'id, name, level',
  applications: 'id, agency_id, name',
};

/**
 * For each table, the file in `names` that holds it: the earliest alias wins when several match
 * (`agencies.csv` over `instansi.csv`), and the others are listed as `ignored`.
 */
export function matchTableFiles(names: string[]): { files: Partial<Record<TableName, string>>; ignored: Array<{ table: TableName; name: string }> } {
  const files: Partial<Record<TableName, string>> = {};
  const ignored: Array<{ table: TableName; name: string }> = [];
  for (const table of Object.keys(TABLE_ALIASES) as TableName[]) {
    const matches = names
      .filter((name) => extname(name).toLowerCase() === '.csv')
      .map((name) => ({ name, rank: TABLE_ALIASES[table].indexOf(normaliseHeader(name.slice(0, -4))) }))
      .filter((m) => m.rank >= 0)
      .sort((a, b) => a.rank - b.rank);
    if (matches.length === 0) continue;
    files[table] = matches[0]!.name;
    for (const other of matches.slice(1)) ignored.push({ table, name: other.name });
  }
  return { files, ignored };
}

function toTable(name: TableName, records: CsvColumns): Table {
  return {
    name,
    file: records.file,
    header: records.header,
    headerRow: records.headerRow,
    rows: records.cells,
    rowNumbers: records.rowNumbers,
    delimiter: records.delimiter,
  };
}

export async function readCsvFolder(folder: string): Promise<InventoryTables> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const { files, ignored } = matchTableFiles(names);
  const missing = (Object.keys(REQUIRED_FILES) as Array<keyof typeof REQUIRED_FILES>).filter((t) => files[t] === undefined);
  if (missing.length > 0) {
    const single = names.find((n) => ['.xlsx', '.json'].includes(extname(n).toLowerCase()));
    throw new InputError(
      missing.map((table) => ({
        level: 'error' as const,
        file: folder,
        message: `the folder has no ${table}.csv (found: ${names.length > 0 ? names.join(', ') : 'no files'}).`,
        fix:
          `add ${table}.csv (also accepted: ${TABLE_ALIASES[table].filter((a) => a !== table).map((a) => `${a}.csv`).join(', ')}) with the columns ${REQUIRED_FILES[table]}` +
          (single ? `, or pass the single-file inventory ${join(folder, single)}` : ''),
      })),
    );
  }
  const read = async (table: TableName): Promise<Table | undefined> => {
    const name = files[table];
    return name === undefined ? undefined : toTable(table, await readCsvColumns(join(folder, name), name));
  };
  const [agencies, applications, exchanges, datasets] = await Promise.all([read('agencies'), read('applications'), read('exchanges'), read('datasets')]);
  const tables: Partial<Record<TableName, Table | undefined>> = { agencies, applications, exchanges, datasets };
  for (const { table, name } of ignored) {
    const used = tables[table]!;
    (used.issues ??= []).push({
      level: 'warning',
      file: name,
      message: `${name} also looks like the ${table} table; ${files[table]} was read and ${name} ignored.`,
      fix: `merge the two files, or rename or move ${name}`,
    });
  }
  return { agencies: agencies!, applications: applications!, ...(exchanges ? { exchanges } : {}), ...(datasets ? { datasets } : {}) };
}

/** Load a folder of CSV files (see docs/input.md). */
export async function loadCsvFolder(folder: string): Promise<Inventory> {
  return assembleInventory({ path: folder, format: 'csv-folder' }, await readCsvFolder(folder));
}
