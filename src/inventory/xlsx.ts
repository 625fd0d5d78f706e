/**
 * The XLSX inventory: one workbook with sheets `agencies`, `applications` and optionally `exchanges`,
 * `datasets` (sheet names matched like CSV file names). The header is a sheet's first row with two filled
 * cells (a title row above it is skipped); row
 * numbers in messages are the workbook's own. Typed cells (numbers, dates) reach the value parsers as
 * they are, so a numeric cost or a date-formatted year needs no text parsing.
 */
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import type { InputIssue, Inventory } from '../types.js';
import { TABLE_ALIASES, type TableName } from './aliases.js';
import { assembleInventory, type InventoryTables } from './assemble.js';
import { MIN_HEADER_CELLS } from './csv.js';
import type { Table } from './table.js';
import { cellText, normaliseHeader, type RawValue } from './values.js';

type Primitive = string | number | boolean | Date;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** An exceljs cell value (rich text, hyperlink, formula, error, …) as a plain cell. */
export function xlsxCell(value: unknown): RawValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value as Primitive;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.richText)) return value.richText.map((run: { text?: string }) => run.text ?? '').join('');
  if (typeof value.hyperlink === 'string') return typeof value.text === 'string' && value.text !== '' ? value.text : xlsxCell(value.text) ?? value.hyperlink;
  if ('result' in value) return xlsxCell(value.result);
  return undefined;
}

function readSheet(name: TableName, sheet: ExcelJS.Worksheet, file: string): Table {
  let header: string[] | undefined;
  let headerRow: number | undefined;
  const rows: RawValue[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: RawValue[] = [];
    let filled = 0;
    for (let c = 1; c < values.length; c++) {
      const value = xlsxCell(values[c]);
      cells[c - 1] = value;
      if (cellText(value) !== undefined) filled++;
    }
    if (filled === 0) return;
    if (header === undefined) {
      if (filled < MIN_HEADER_CELLS) return; // a title row above the header
      header = Array.from(cells, (v) => cellText(v) ?? '');
      headerRow = rowNumber;
      return;
    }
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { name, file: `${file} [${sheet.name}]`, header: header ?? [], ...(headerRow !== undefined ? { headerRow } : {}), rows, rowNumbers };
}

/** The workbook's sheets as tables; throws InputError when a required sheet is missing. */
export function workbookTables(workbook: ExcelJS.Workbook, file: string): InventoryTables {
  const sheets = workbook.worksheets;
  const tables: Partial<Record<TableName, Table>> = {};
  const errors: InputIssue[] = [];
  for (const name of Object.keys(TABLE_ALIASES) as TableName[]) {
    let best: ExcelJS.Worksheet | undefined;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const sheet of sheets) {
      const rank = TABLE_ALIASES[name].indexOf(normaliseHeader(sheet.name));
      if (rank >= 0 && rank < bestRank) {
        best = sheet;
        bestRank = rank;
      }
    }
    if (best) tables[name] = readSheet(name, best, file);
    else if (name === 'agencies' || name === 'applications') {
      errors.push({
        level: 'error',
        file,
        message: `the workbook has no "${name}" sheet (sheets: ${sheets.map((s) => s.name).join(', ') || 'none'}).`,
        fix: `name a sheet "${name}" (also accepted: ${TABLE_ALIASES[name].filter((a) => a !== name).join(', ')})`,
      });
    }
  }
  if (errors.length > 0) throw new InputError(errors);
  return tables as InventoryTables;
}

/**
 * Reads a workbook, loading exceljs only now: it is the heaviest module siloscope uses and most runs read
 * CSV. A file exceljs cannot read is the user's to fix (InputError naming it).
 */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new InputError({
      level: 'error',
      file: basename(path),
      message: `this is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)}).`,
      fix: 'open it in a spreadsheet and save it again as "Excel Workbook (.xlsx)"',
    });
  }
  return workbook;
}

/** Load an XLSX workbook inventory (see docs/input.md). */
export async function loadXlsxInventory(path: string): Promise<Inventory> {
  return assembleInventory({ path, format: 'xlsx' }, workbookTables(await readWorkbook(path), basename(path)));
}
