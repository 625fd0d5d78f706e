/**
 * Interoperability with enterprise-architecture and graph tools (docs/interop.md):
 *
 * - import: ArchiMate Open Exchange Format files (`.xml`) and Archi CSV exports (a folder with
 *   elements.csv, relations.csv, properties.csv) as inventories, through `registerInteropLoaders`;
 * - export: the same two formats, with the analysis's findings, and the application graph as GraphML,
 *   GEXF and node-link JSON.
 */
import { readdirSync, type Stats } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { InputError } from '../errors.js';
import type { Analysis, Inventory } from '../types.js';
import { findArchiCsvFiles, readArchiCsv, writeArchiCsv } from './archi-csv.js';
import { readArchimateXml, writeArchimateXml } from './archimate-xml.js';
import { buildModel, type BuildModelOptions } from './build-model.js';
import { toGexf, toGraphml, toNodeLink } from './graph.js';
import { mapModelToInventory, type MapModelOptions } from './map-model.js';
import type { XmlLimits } from './xml.js';

export interface InteropLoadOptions extends MapModelOptions, XmlLimits {
  strict?: boolean;
}

/** An ArchiMate exchange file → Inventory (format "archimate"). */
export async function loadArchimate(path: string, options: InteropLoadOptions = {}): Promise<Inventory> {
  const model = await readArchimateXml(path, options);
  return mapModelToInventory({ model, source: { path, format: 'archimate' } }, options);
}

/** An Archi CSV export (its folder, or its elements.csv) → Inventory (format "archi-csv"). */
export async function loadArchiCsv(path: string, options: InteropLoadOptions = {}): Promise<Inventory> {
  const files = await findArchiCsvFiles(path);
  if (!files) {
    throw new InputError({ level: 'error', file: path, message: 'this is not an Archi CSV export: no elements.csv with a relations.csv beside it.', fix: 'pass the folder Archi wrote with File → Export → Model to CSV…' });
  }
  const { model, issues } = await readArchiCsv(files, options);
  return mapModelToInventory({ model, source: { path, format: 'archi-csv' }, issues }, options);
}

const ARCHI_CSV_FILES = ['elements.csv', 'relations.csv', 'properties.csv'] as const;

/** Names in a folder; an unreadable folder has none (the loader then reports the real problem). */
function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder).map((n) => n.toLowerCase());
  } catch {
    return [];
  }
}

/** A file set `<prefix>elements.csv` + `<prefix>relations.csv` exists among `names` (lower case). */
function hasArchiCsvSet(names: string[], prefix?: string): boolean {
  return names.some((n) => n.endsWith(ARCHI_CSV_FILES[0]) && (prefix === undefined || n === `${prefix}${ARCHI_CSV_FILES[0]}`) && names.includes(`${n.slice(0, -ARCHI_CSV_FILES[0].length)}${ARCHI_CSV_FILES[1]}`));
}

/** True for a folder holding an Archi CSV export, or one of its three files. Synchronous, as loader tests are. */
function isArchiCsv(path: string, stat: Stats): boolean {
  if (stat.isDirectory()) return hasArchiCsvSet(listFolder(path));
  if (!stat.isFile()) return false;
  const name = basename(path).toLowerCase();
  const kind = ARCHI_CSV_FILES.find((k) => name.endsWith(k));
  return kind !== undefined && hasArchiCsvSet(listFolder(dirname(path)), name.slice(0, name.length - kind.length));
}

export type RegisterLoader = (
  test: (path: string, stat: Stats) => boolean,
  load: (path: string, options: { strict?: boolean }) => Promise<Inventory>,
  description?: string,
) => unknown;

const registered = new WeakSet<RegisterLoader>();

/**
 * Register the ArchiMate (`.xml`) and Archi CSV loaders with the inventory loader registry
 * (`registerLoader` from src/inventory). Registering twice with the same function is a no-op, so the
 * CLI and the export command may both call it. `options` (owner property names, size limits) apply to
 * every load through these loaders.
 */
export function registerInteropLoaders(register: RegisterLoader, options: Omit<InteropLoadOptions, 'strict'> = {}): void {
  if (registered.has(register)) return;
  registered.add(register);
  register(
    (path, stat) => stat.isFile() && extname(path).toLowerCase() === '.xml',
    (path, load) => loadArchimate(path, { ...options, ...load }),
    'an ArchiMate exchange file (.xml)',
  );
  register(isArchiCsv, (path, load) => loadArchiCsv(path, { ...options, ...load }), 'an Archi CSV export (a folder with elements.csv, relations.csv, properties.csv)');
}

export const EXPORT_FORMATS = ['archimate', 'archi-csv', 'graphml', 'gexf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportInput {
  inventory: Inventory;
  analysis?: Analysis;
}

/** Write `format` to `target` (a file; a folder for archi-csv). Returns the paths written. */
export async function exportTo(format: ExportFormat, input: ExportInput, target: string, options: Omit<BuildModelOptions, 'analysis'> = {}): Promise<string[]> {
  const build = (): ReturnType<typeof buildModel> => buildModel(input.inventory, { ...options, ...(input.analysis ? { analysis: input.analysis } : {}) });
  if (format === 'archi-csv') return writeArchiCsv(build(), target);
  await mkdir(dirname(target), { recursive: true });
  const text =
    format === 'archimate'
      ? writeArchimateXml(build())
      : format === 'graphml'
        ? toGraphml(input)
        : format === 'gexf'
          ? toGexf(input)
          : `${JSON.stringify(toNodeLink(input), null, 1)}\n`;
  await writeFile(target, text, 'utf8');
  return [target];
}

export { buildModel, type BuildModelOptions } from './build-model.js';
export { mapModelToInventory, MAP_DEFAULTS, type MapModelOptions } from './map-model.js';
export { readArchimateXml, parseArchimateXml, writeArchimateXml, ARCHIMATE_NAMESPACE } from './archimate-xml.js';
export { readArchiCsv, writeArchiCsv, archiCsvFiles, findArchiCsvFiles } from './archi-csv.js';
export { toGraphml, toGexf, toNodeLink, NODE_ATTRIBUTES, EDGE_ATTRIBUTES, type NodeLinkGraph } from './graph.js';
export { XML_DEFAULTS, type XmlLimits } from './xml.js';
export { encodeId, decodeId } from './ids.js';
export type { ArchiModel } from './model.js';
