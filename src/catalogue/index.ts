/**
 * Flat application catalogues (docs/catalogues.md): one sheet in which every unit (OPD) lists the
 * applications it uses — a single `.csv` file, or an `.xlsx` workbook that is not a multi-sheet inventory.
 * `registerCatalogueLoaders` plugs both into `loadInventory`; a workbook with an agencies sheet is still
 * read as the multi-sheet inventory it is.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { assembleInventory, cellText, normaliseHeader, readCsvRecords, registerLoader, type Loader, type LoaderTest, type LoadOptions } from '../inventory/index.js';
import { TABLE_ALIASES } from '../inventory/aliases.js';
import { MIN_HEADER_CELLS } from '../inventory/csv.js';
import { readWorkbook, workbookTables, xlsxCell } from '../inventory/xlsx.js';
import type { Inventory } from '../types.js';
import { slug } from './agencies.js';
import { buildFlatInventory, type Sheet } from './build.js';
import { missingFlatFields, resolveFlatColumns } from './columns.js';

export { buildFlatInventory, type Sheet, type FlatOptions } from './build.js';
export { FLAT_COLUMNS, resolveFlatColumns } from './columns.js';
export { UNIT_ABBREVIATIONS, inferGovernment, unitKey } from './agencies.js';
export { parseAddressCell } from './address.js';
export { parseKind } from './kind.js';
export { splitNameCell, alignRows } from './names.js';

/** Load a flat catalogue `.csv` (see the module header). */
export async function loadFlatCsv(path: string, options: LoadOptions = {}): Promise<Inventory> {
  refuseInventoryTable(path);
  const records = await readCsvRecords(path);
  const sheet: Sheet = {
    file: records.file,
    header: records.header,
    headerRow: records.headerRow,
    rows: records.rows,
    delimiter: records.delimiter === '\t' ? '\t' : records.delimiter,
    idPrefix: '',
  };
  return buildFlatInventory({ path, format: 'flat-csv' }, [sheet], { government: options.government });
}

/**
 * A CSV named like a table of a CSV-folder inventory (applications.csv) next to its agencies table is
 * that inventory's table, not a catalogue: say to pass the folder.
 */
function refuseInventoryTable(path: string): void {
  const table = normaliseHeader(basename(path, extname(path)));
  const isTable = Object.values(TABLE_ALIASES).some((aliases) => aliases.includes(table));
  if (!isTable) return;
  const folder = dirname(path);
  const hasAgencies = TABLE_ALIASES.agencies.some((name) => existsSync(join(folder, `${name}.csv`)));
  if (!hasAgencies) return;
  throw new InputError({
    level: 'error',
    file: path,
    message: 'this file is one table of a CSV-folder inventory (its agencies table is next to it), not a flat catalogue.',
    fix: `pass the folder: siloscope analyze ${folder}`,
  });
}

/** Load a flat catalogue workbook, or — when it has an agencies sheet — the multi-sheet inventory it is. */
export async function loadFlatXlsx(path: string, options: LoadOptions = {}): Promise<Inventory> {
  const file = basename(path);
  const workbook = await readWorkbook(path);
  const sheetNames = workbook.worksheets.map((ws) => normaliseHeader(ws.name));
  if (sheetNames.some((name) => TABLE_ALIASES.agencies.includes(name))) {
    return assembleInventory({ path, format: 'xlsx' }, workbookTables(workbook, file));
  }
  const sheets = workbook.worksheets.map((ws) => readWorksheet(ws, file)).filter((s): s is Sheet => s !== undefined);
  const catalogues = sheets.filter((s) => missingFlatFields(resolveFlatColumns(s.header)).length === 0);
  if (catalogues.length === 0 && sheetNames.some((name) => TABLE_ALIASES.applications.includes(name))) {
    // An applications sheet that is no catalogue: a multi-sheet inventory missing its agencies sheet says so.
    return assembleInventory({ path, format: 'xlsx' }, workbookTables(workbook, file));
  }
  if (catalogues.length === 0) {
    // Report against the first sheet with a header: its columns are what the user meant.
    const first = sheets[0] ?? { file: `${file} [${workbook.worksheets[0]?.name ?? 'no sheet'}]`, header: [], headerRow: 1, rows: [], idPrefix: '' };
    return buildFlatInventory({ path, format: 'flat-xlsx' }, [first], options);
  }
  if (catalogues.length > 1) for (const s of catalogues) s.idPrefix = `${slug(s.file.slice(s.file.indexOf('[') + 1, -1))}:`;
  return buildFlatInventory({ path, format: 'flat-xlsx' }, catalogues, { government: options.government });
}

/** A worksheet as text rows: the header is its first row with two filled cells (a title above it is skipped). */
function readWorksheet(ws: ExcelJS.Worksheet, file: string): Sheet | undefined {
  let header: string[] | undefined;
  let headerRow = 0;
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    let filled = 0;
    for (let c = 1; c < values.length; c++) {
      const text = cellText(xlsxCell(values[c])) ?? '';
      cells[c - 1] = text;
      if (text !== '') filled++;
    }
    for (let c = 0; c < cells.length; c++) cells[c] ??= '';
    if (filled === 0) return;
    if (header === undefined) {
      if (filled < MIN_HEADER_CELLS) return;
      header = cells;
      headerRow = rowNumber;
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  return header === undefined ? undefined : { file: `${file} [${ws.name}]`, header, headerRow, rows, idPrefix: '' };
}

const CSV_DESCRIPTION = 'a flat catalogue .csv (one row per application a unit uses: docs/catalogues.md)';
const XLSX_DESCRIPTION = 'a flat catalogue .xlsx (one sheet of units and their applications)';

const isCsvFile: LoaderTest = (path, stat) => stat.isFile() && extname(path).toLowerCase() === '.csv';
const isXlsxFile: LoaderTest = (path, stat) => stat.isFile() && ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());

type Register = (test: LoaderTest, load: Loader, description?: string) => () => void;

const registered = new WeakMap<Register, () => void>();

/**
 * Plug the flat-catalogue loaders into `register` (default: the inventory's `registerLoader`). Calling it
 * again with the same `register` changes nothing; the returned function removes both loaders.
 */
export function registerCatalogueLoaders(register: Register = registerLoader): () => void {
  const existing = registered.get(register);
  if (existing !== undefined) return existing;
  const removeCsv = register(isCsvFile, loadFlatCsv, CSV_DESCRIPTION);
  const removeXlsx = register(isXlsxFile, loadFlatXlsx, XLSX_DESCRIPTION);
  const remove = (): void => {
    removeCsv();
    removeXlsx();
    registered.delete(register);
  };
  registered.set(register, remove);
  return remove;
}
