/**
 * The one shape every inventory format is read into before validation: a table of cells under a header,
 * with enough location detail to point a person at a row (a spreadsheet row number for CSV and XLSX, a
 * JSON pointer for JSON). Validation (assemble.ts) runs once over tables, so the three formats cannot
 * drift apart in what they accept.
 */
import type { InputIssue, Properties } from '../types.js';
import type { ColumnSpec, TableName } from './aliases.js';
import { normaliseHeader, type RawValue } from './values.js';

export interface Table {
  name: TableName;
  /** How messages name the source: `applications.csv`, `inventory.xlsx [applications]`, `inventory.json`. */
  file: string;
  /** Column names as written (for JSON: every key seen, in first-seen order). */
  header: string[];
  /** Row number of the header in a spreadsheet; absent for JSON. */
  headerRow?: number;
  rows: RawValue[][];
  /** Spreadsheet row number of `rows[i]`; absent for JSON, whose rows are located by `jsonPointer`. */
  rowNumbers?: number[];
  /** JSON pointer of the array, e.g. `/applications`; row i is `<file>#<jsonPointer>/<positions[i]>`. */
  jsonPointer?: string;
  /** JSON: the array index of `rows[i]` (items that are not objects are skipped, so it can differ from i). */
  positions?: number[];
  /** Properties given as a nested object (JSON `properties`), merged under the column properties. */
  rowProperties?: Array<Properties | undefined>;
  /** The CSV delimiter, to explain rows with more cells than the header. */
  delimiter?: string;
  /** Problems the reader found itself (e.g. a JSON array item that is not an object). */
  issues?: InputIssue[];
}

/** How a message names the whole table: the file, or for JSON the file and the array's pointer. */
export function tableLabel(table: Table): string {
  return table.jsonPointer !== undefined ? `${table.file}#${table.jsonPointer}` : table.file;
}

/** File and row of `table.rows[i]` as an issue shows them. */
export function locate(table: Table, i: number): { file: string; row?: number } {
  if (table.rowNumbers) return { file: table.file, row: table.rowNumbers[i]! };
  return { file: `${table.file}#${table.jsonPointer ?? ''}/${table.positions?.[i] ?? i}` };
}

/** The row part of a generated exchange id: the spreadsheet row, or the 1-based array position for JSON. */
export function rowKey(table: Table, i: number): number {
  return table.rowNumbers ? table.rowNumbers[i]! : (table.positions?.[i] ?? i) + 1;
}

export interface Columns<F extends string> {
  /** Column index per field, -1 when the table lacks it. */
  at: Record<F, number>;
  /** How messages name each field's column: the header as written, or the contract name when absent. */
  label: Record<F, string>;
  /** Columns no field claims, kept as properties under their header text. */
  properties: Array<{ col: number; key: string }>;
}

export interface AliasLookup<F extends string> {
  specs: readonly ColumnSpec<F>[];
  byAlias: Map<string, { spec: ColumnSpec<F>; rank: number }>;
}

export function aliasLookup<F extends string>(specs: readonly ColumnSpec<F>[]): AliasLookup<F> {
  const byAlias = new Map<string, { spec: ColumnSpec<F>; rank: number }>();
  for (const spec of specs) spec.aliases.forEach((alias, rank) => byAlias.set(alias, { spec, rank }));
  return { specs, byAlias };
}

const MAX_LISTED = 15;

function listHeader(header: string[]): string {
  const shown = header.slice(0, MAX_LISTED).map((h) => h || '(blank)');
  return shown.join(', ') + (header.length > MAX_LISTED ? `, … (${header.length} in all)` : '');
}

/**
 * Map header columns to fields. Where two columns mean the same field, the alias listed first in the spec
 * wins and the other is kept as a property (with a warning); a missing required column is an error.
 */
export function resolveColumns<F extends string>(table: Table, lookup: AliasLookup<F>, issues: InputIssue[], errors: InputIssue[]): Columns<F> {
  const at = {} as Record<F, number>;
  const label = {} as Record<F, string>;
  const rank = {} as Record<F, number>;
  for (const spec of lookup.specs) {
    at[spec.field] = -1;
    label[spec.field] = spec.column;
    rank[spec.field] = Number.POSITIVE_INFINITY;
  }
  const properties: Array<{ col: number; key: string }> = [];
  const where = { file: table.file, ...(table.headerRow !== undefined ? { row: table.headerRow } : {}) };
  table.header.forEach((header, col) => {
    const hit = lookup.byAlias.get(normaliseHeader(header));
    if (!hit) {
      properties.push({ col, key: header || `column ${col + 1}` });
      return;
    }
    const field = hit.spec.field;
    if (at[field] === -1) {
      at[field] = col;
      label[field] = header;
      rank[field] = hit.rank;
      return;
    }
    const winsOver = hit.rank < rank[field];
    const kept = winsOver ? header : label[field];
    const dropped = winsOver ? label[field] : header;
    properties.push({ col: winsOver ? at[field] : col, key: dropped });
    if (winsOver) {
      at[field] = col;
      label[field] = header;
      rank[field] = hit.rank;
    }
    issues.push({
      level: 'warning',
      ...where,
      column: dropped,
      message: `columns "${kept}" and "${dropped}" both mean ${hit.spec.column}; "${kept}" is used and "${dropped}" is kept as a property.`,
      fix: `rename or remove "${dropped}" if it holds something else`,
    });
  });
  if (table.header.length > 0 || table.rows.length > 0) {
    const noun = table.jsonPointer !== undefined ? 'field' : 'column';
    for (const spec of lookup.specs) {
      if (!spec.required || at[spec.field] !== -1) continue;
      errors.push({
        level: 'error',
        ...where,
        column: spec.column,
        message: `required ${noun} "${spec.column}" is missing (found: ${listHeader(table.header)}).`,
        fix: `add a ${noun} named "${spec.column}" or one of its aliases: ${spec.aliases.filter((a) => a !== spec.column).join(', ')} (case, spaces and punctuation are ignored)`,
      });
    }
  }
  return { at, label, properties };
}
