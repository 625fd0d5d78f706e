/**
 * The JSON inventory: one object with the arrays `agencies`, `applications` and optionally `exchanges`,
 * `datasets`; field names in snake_case, camelCase or any header alias. A nested `properties` object is
 * kept as properties. Rows are located by JSON pointer (`inventory.json#/applications/3`).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { InputIssue, Inventory, Properties } from '../types.js';
import { TABLE_ALIASES, type TableName } from './aliases.js';
import { assembleInventory, type InventoryTables } from './assemble.js';
import { decodeText } from './csv.js';
import type { Table } from './table.js';
import { normaliseHeader, type RawValue } from './values.js';

const POSITION = /position (\d+)/;

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const match = POSITION.exec(reason);
    const position = match ? Number(match[1]) : text.length;
    const { line, column } = lineAndColumn(text, position);
    throw new InputError({
      level: 'error',
      file,
      message: `malformed JSON at line ${line}, column ${column} (position ${position}): ${reason}`,
      fix: 'check the commas, quotes and brackets around that position (a JSON validator or editor will point at it)',
    });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toCell(value: unknown): RawValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map(String);
  return JSON.stringify(value);
}

function toProperties(value: Record<string, unknown>): Properties {
  const properties: Properties = {};
  for (const [key, v] of Object.entries(value)) {
    const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (text !== '') properties[key] = text;
  }
  return properties;
}

function toTable(name: TableName, key: string, items: unknown[], file: string): Table {
  const header: string[] = [];
  const column = new Map<string, number>();
  const rows: RawValue[][] = [];
  const rowProperties: Array<Properties | undefined> = [];
  const issues: InputIssue[] = [];
  const positions: number[] = [];
  const pointer = `/${key}`;
  items.forEach((item, index) => {
    if (!isObject(item)) {
      issues.push({
        level: 'warning',
        file: `${file}#${pointer}/${index}`,
        message: `item ${index} of "${key}" is ${Array.isArray(item) ? 'an array' : item === null ? 'null' : `a ${typeof item}`}, not an object; skipped.`,
        fix: `write each entry of "${key}" as an object, e.g. {"id": "…", "name": "…"}`,
      });
      return;
    }
    const row: RawValue[] = [];
    let nested: Properties | undefined;
    for (const [field, value] of Object.entries(item)) {
      if (field === 'properties' && isObject(value)) {
        nested = toProperties(value);
        continue;
      }
      // `agencyId` in one object and `agency_id` in the next are one column, named as first seen.
      const normalised = normaliseHeader(field) || field;
      let col = column.get(normalised);
      if (col === undefined) {
        col = header.length;
        header.push(field);
        column.set(normalised, col);
      }
      row[col] = toCell(value);
    }
    rows.push(row);
    rowProperties.push(nested);
    positions.push(index);
  });
  return { name, file, header, rows, jsonPointer: pointer, positions, rowProperties, issues };
}

/** The JSON arrays as tables; throws InputError when the document is not an inventory. */
export function jsonTables(document: unknown, file: string): InventoryTables {
  if (!isObject(document)) {
    throw new InputError({
      level: 'error',
      file,
      message: `the top level is ${Array.isArray(document) ? 'an array' : typeof document}, not an object.`,
      fix: 'write {"agencies": [...], "applications": [...], "exchanges": [...], "datasets": [...]}',
    });
  }
  const keys = Object.keys(document);
  const tables: Partial<Record<TableName, Table>> = {};
  const errors: InputIssue[] = [];
  for (const name of Object.keys(TABLE_ALIASES) as TableName[]) {
    const key = keys.find((k) => TABLE_ALIASES[name].includes(normaliseHeader(k)));
    if (key === undefined) {
      if (name === 'agencies' || name === 'applications') {
        errors.push({
          level: 'error',
          file,
          message: `there is no "${name}" array (top-level keys: ${keys.length > 0 ? keys.join(', ') : 'none'}).`,
          fix: `add "${name}": [ … ] (also accepted: ${TABLE_ALIASES[name].filter((a) => a !== name).join(', ')})`,
        });
      }
      continue;
    }
    const value = document[key];
    if (!Array.isArray(value)) {
      errors.push({ level: 'error', file, column: key, message: `"${key}" is ${value === null ? 'null' : typeof value}, not an array.`, fix: `write "${key}": [ {…}, {…} ]` });
      continue;
    }
    tables[name] = toTable(name, key, value, file);
  }
  if (errors.length > 0) throw new InputError(errors);
  return tables as InventoryTables;
}

/** Load a JSON inventory (see docs/input.md). */
export async function loadJsonInventory(path: string): Promise<Inventory> {
  const file = basename(path);
  const text = decodeText(await readFile(path), file, 'JSON');
  return assembleInventory({ path, format: 'json' }, jsonTables(parseJson(text, file), file));
}
