/**
 * Loading an inventory from disk: dispatch on what the path is, then validate (docs/input.md).
 *
 * Built in: a folder of CSV files, a `.json` file, a `.xlsx` workbook. Other formats (a flat catalogue
 * CSV, an ArchiMate model, …) plug in through `registerLoader`; registered loaders are consulted first,
 * in registration order, and their results get the same `strict` treatment as the built-in ones.
 */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { InputIssue, Inventory } from '../types.js';
import { assertHasApplications } from './assemble.js';
import { loadCsvFolder } from './folder.js';
import { loadJsonInventory } from './json.js';
import { loadXlsxInventory } from './xlsx.js';

export interface LoadOptions {
  /** Turn every row-level warning into an error: the load fails with all issues listed. */
  strict?: boolean;
  /** Flat catalogues: the parent government of the units ("Kabupaten Madiun"); inferred when absent. */
  government?: string;
}

export type LoaderTest = (path: string, stat: Stats) => boolean;
export type Loader = (path: string, options: LoadOptions) => Promise<Inventory>;

interface RegisteredLoader {
  test: LoaderTest;
  load: Loader;
  description?: string;
}

const loaders: RegisteredLoader[] = [];

/**
 * Add a loader for another input format. `test` sees the path and its `fs.Stats`; the first registered
 * loader whose test passes loads the input. `description` (e.g. "a flat catalogue .csv") is listed in the
 * "unsupported input" message. Returns a function that removes the loader again.
 */
export function registerLoader(test: LoaderTest, load: Loader, description?: string): () => void {
  const entry: RegisteredLoader = { test, load, ...(description !== undefined ? { description } : {}) };
  loaders.push(entry);
  return () => {
    const at = loaders.indexOf(entry);
    if (at >= 0) loaders.splice(at, 1);
  };
}

const BUILT_IN_FORMATS = ['a folder with agencies.csv and applications.csv (exchanges.csv, datasets.csv optional)', 'a .json file', 'a .xlsx workbook'];

function acceptedFormats(): string {
  return [...BUILT_IN_FORMATS, ...loaders.flatMap((l) => (l.description ? [l.description] : []))].join('; ');
}

async function statPath(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({
      level: 'error',
      file: path,
      message: code === 'ENOENT' || code === 'ENOTDIR' ? 'the path does not exist.' : `the path cannot be read (${code ?? String(error)}).`,
      fix: `check the path; pass ${acceptedFormats()}`,
    });
  }
}

function unsupported(path: string): InputError {
  const extension = extname(path).toLowerCase();
  const why =
    extension === '.xls'
      ? 'old Excel .xls workbooks are not read.'
      : extension === '.csv'
        ? 'a single CSV file is not an inventory by itself.'
        : `files ending "${extension || '(no extension)'}" are not an inventory format.`;
  const fix = extension === '.xls' ? 'save the workbook as .xlsx' : extension === '.csv' ? 'pass the folder that holds agencies.csv and applications.csv' : 'pass one of the accepted inputs';
  return new InputError({ level: 'error', file: path, message: `unsupported input: ${why} Accepted: ${acceptedFormats()}.`, fix });
}

/** Under `strict`, any warning fails the load, listing every issue as an error. */
function finish(inventory: Inventory, options: LoadOptions): Inventory {
  assertHasApplications(inventory, inventory.source.path);
  if (options.strict && inventory.warnings.length > 0) {
    throw new InputError(inventory.warnings.map((w): InputIssue => ({ ...w, level: 'error' })));
  }
  return inventory;
}

/** Load and validate an inventory (folder of CSV files, `.json`, `.xlsx`, or a registered format). */
export async function loadInventory(path: string, options: LoadOptions = {}): Promise<Inventory> {
  const info = await statPath(path);
  for (const loader of loaders) if (loader.test(path, info)) return finish(await loader.load(path, options), options);
  if (info.isDirectory()) return finish(await loadCsvFolder(path), options);
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return finish(await loadJsonInventory(path), options);
  if (extension === '.xlsx' || extension === '.xlsm') return finish(await loadXlsxInventory(path), options);
  throw unsupported(path);
}

export { assembleInventory, type InventoryTables } from './assemble.js';
export { readCsvRecords, parseCsvText, decodeText, sniffDelimiter, type CsvRecords, type CsvRow } from './csv.js';
export { loadCsvFolder } from './folder.js';
export { loadJsonInventory } from './json.js';
export { loadXlsxInventory } from './xlsx.js';
export type { Table } from './table.js';
export * from './values.js';
export * as aliases from './aliases.js';
