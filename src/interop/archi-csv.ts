/**
 * Archi's CSV model format: three files, `elements.csv` (ID, Type, Name, Documentation, Specialization;
 * the first data row may be the model itself, Type "ArchimateModel"), `relations.csv` (ID, Type, Name,
 * Documentation, Source, Target, Specialization) and `properties.csv` (ID, Key, Value), optionally with a
 * common file-name prefix ("audit-elements.csv"). This follows Archi's own exporter and importer
 * (com.archimatetool.csv): types are Archi's class names ("BusinessActor", "FlowRelationship"), ids are
 * limited to `[A-Za-z0-9._-]`, an access relationship's kind travels as the property "Access_Type"
 * (Write | Read | Access | ReadWrite), a directed association's as "Directed", and every cell is quoted
 * with CRLF line ends, which Archi reads back as written.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText, parseCsvText, type CsvRecords } from '../inventory/index.js';
import type { InputIssue } from '../types.js';
import { ACCESS_TYPES, type AccessType, type ArchiModel, type ModelConcept, type ModelElement, type ModelRelationship } from './model.js';
import { readLimited, resolveLimits, type XmlLimits } from './xml.js';

const MODEL_TYPE = 'ArchimateModel';
const RELATIONSHIP_SUFFIX = 'Relationship';
const ACCESS_TYPE_KEY = 'Access_Type';
const DIRECTED_KEY = 'Directed';
const INFLUENCE_KEY = 'Influence_Strength';
const FILE_NAMES = { elements: 'elements.csv', relations: 'relations.csv', properties: 'properties.csv' } as const;

export interface ArchiCsvFiles {
  elements: string;
  relations: string;
  properties?: string;
}

/**
 * The three files of an Archi CSV export, given the folder holding them or the path of one of them
 * (`…elements.csv`); `undefined` when the path is not such an export. A folder with several prefixed
 * sets is ambiguous and refused.
 */
export async function findArchiCsvFiles(path: string): Promise<ArchiCsvFiles | undefined> {
  const info = await stat(path);
  if (info.isFile()) {
    const name = basename(path);
    const kind = (Object.keys(FILE_NAMES) as Array<keyof typeof FILE_NAMES>).find((k) => name.toLowerCase().endsWith(FILE_NAMES[k]));
    if (kind === undefined) return undefined;
    const prefix = name.slice(0, name.length - FILE_NAMES[kind].length);
    return filesWithPrefix(dirname(path), prefix, await readdir(dirname(path)));
  }
  if (!info.isDirectory()) return undefined;
  const names = await readdir(path);
  const prefixes = names.filter((n) => n.toLowerCase().endsWith(FILE_NAMES.elements)).map((n) => n.slice(0, n.length - FILE_NAMES.elements.length));
  const complete = prefixes.filter((p) => names.some((n) => n.toLowerCase() === `${p}${FILE_NAMES.relations}`.toLowerCase()));
  if (complete.length === 0) return undefined;
  if (complete.length > 1) {
    throw new InputError({
      level: 'error',
      file: path,
      message: `the folder holds ${complete.length} Archi CSV exports (${complete.map((p) => `${p}${FILE_NAMES.elements}`).join(', ')}).`,
      fix: 'pass the elements.csv file of the export you mean instead of the folder',
    });
  }
  return filesWithPrefix(path, complete[0]!, names);
}

function filesWithPrefix(folder: string, prefix: string, names: string[]): ArchiCsvFiles | undefined {
  const find = (file: string): string | undefined => {
    const wanted = `${prefix}${file}`.toLowerCase();
    const hit = names.find((n) => n.toLowerCase() === wanted);
    return hit === undefined ? undefined : join(folder, hit);
  };
  const elements = find(FILE_NAMES.elements);
  const relations = find(FILE_NAMES.relations);
  if (elements === undefined || relations === undefined) return undefined;
  const properties = find(FILE_NAMES.properties);
  return { elements, relations, ...(properties !== undefined ? { properties } : {}) };
}

/** Archi's "leading characters hack" writes `="007"` so spreadsheets keep leading zeros; undo it. */
function cell(cells: string[], i: number): string {
  const raw = cells[i] ?? '';
  return raw.length >= 3 && raw.startsWith('="') && raw.endsWith('"') ? raw.slice(2, -1) : raw;
}

function expectHeader(records: CsvRecords, expected: readonly string[]): void {
  const ok = expected.every((name, i) => (records.header[i] ?? '').trim().toLowerCase() === name.toLowerCase());
  if (ok) return;
  throw new InputError({
    level: 'error',
    file: records.file,
    row: records.headerRow,
    message: `this is not an Archi CSV file: the header is "${records.header.join(', ')}", expected "${expected.join(', ')}".`,
    fix: 'pass the files Archi writes with File → Export → Model to CSV…',
  });
}

async function readRecords(path: string, maxBytes: number): Promise<CsvRecords> {
  const label = basename(path);
  return parseCsvText(decodeText(await readLimited(path, maxBytes, label), label, 'CSV'), label);
}

export interface ArchiCsvRead {
  model: ArchiModel;
  /** Rows that could not be read (unknown ids, missing cells); each names file and row. */
  issues: InputIssue[];
}

/** Read an Archi CSV export (see `findArchiCsvFiles`) into an ArchiModel. */
export async function readArchiCsv(files: ArchiCsvFiles, limits: XmlLimits = {}): Promise<ArchiCsvRead> {
  const { maxBytes } = resolveLimits(limits);
  const issues: InputIssue[] = [];
  const warn = (file: string, row: number, column: string | undefined, message: string, fix: string): void => {
    issues.push({ level: 'warning', file, row, ...(column !== undefined ? { column } : {}), message, fix });
  };
  const model: ArchiModel = { id: 'id-model', name: basename(dirname(files.elements)), properties: [], elements: [], relationships: [], organizations: [], views: [] };
  const concepts = new Map<string, ModelConcept>();

  const elements = await readRecords(files.elements, maxBytes);
  expectHeader(elements, ['ID', 'Type', 'Name', 'Documentation']);
  for (const { row, cells } of elements.rows) {
    const type = cell(cells, 1).trim();
    if (type === MODEL_TYPE) {
      if (cell(cells, 0)) model.id = cell(cells, 0);
      if (cell(cells, 2)) model.name = cell(cells, 2);
      if (cell(cells, 3)) model.documentation = cell(cells, 3);
      continue;
    }
    if (type === '') {
      warn(elements.file, row, 'Type', 'the element has no type; row skipped.', 'fill in an ArchiMate element type such as ApplicationComponent');
      continue;
    }
    const element: ModelElement = conceptFrom(cells, type, elements.file, row);
    if (concepts.has(element.id)) {
      warn(elements.file, row, 'ID', `id "${element.id}" appears again; this row is skipped.`, 'give every element its own id');
      continue;
    }
    concepts.set(element.id, element);
    model.elements.push(element);
  }

  const relations = await readRecords(files.relations, maxBytes);
  expectHeader(relations, ['ID', 'Type', 'Name', 'Documentation', 'Source', 'Target']);
  for (const { row, cells } of relations.rows) {
    const rawType = cell(cells, 1).trim();
    const type = rawType.endsWith(RELATIONSHIP_SUFFIX) ? rawType.slice(0, -RELATIONSHIP_SUFFIX.length) : rawType;
    const relationship: ModelRelationship = { ...conceptFrom(cells, type, relations.file, row), source: cell(cells, 4).trim(), target: cell(cells, 5).trim() };
    if (type === '' || relationship.source === '' || relationship.target === '') {
      warn(relations.file, row, undefined, 'the relationship lacks a type, a source or a target; row skipped.', 'fill in Type, Source and Target');
      continue;
    }
    if (concepts.has(relationship.id)) {
      warn(relations.file, row, 'ID', `id "${relationship.id}" is already used; this row is skipped.`, 'give every concept its own id');
      continue;
    }
    if (type === 'Access') relationship.accessType = 'Write';
    concepts.set(relationship.id, relationship);
    model.relationships.push(relationship);
  }

  if (files.properties) {
    const properties = await readRecords(files.properties, maxBytes);
    expectHeader(properties, ['ID', 'Key', 'Value']);
    for (const { row, cells } of properties.rows) {
      const id = cell(cells, 0).trim();
      const key = cell(cells, 1);
      const value = cell(cells, 2);
      if (id === model.id) {
        model.properties.push({ key, value });
        continue;
      }
      const concept = concepts.get(id);
      if (concept === undefined) {
        warn(properties.file, row, 'ID', `property "${key}" belongs to "${id}", which is not in ${elements.file} or ${relations.file}; it is ignored.`, 'check the id, or export the three files again together');
        continue;
      }
      if (!applySpecialProperty(concept, key, value)) concept.properties.push({ key, value });
    }
  }
  return { model, issues };
}

function conceptFrom(cells: string[], type: string, file: string, row: number): ModelConcept {
  const id = cell(cells, 0).trim() || `row-${row}`;
  const documentation = cell(cells, 3);
  return { id, type, name: cell(cells, 2).trim(), ...(documentation ? { documentation } : {}), properties: [], where: { file, row } };
}

/** Archi keeps some relationship attributes as reserved property keys; true when `key` was one. */
function applySpecialProperty(concept: ModelConcept, key: string, value: string): boolean {
  const relationship = concept as ModelRelationship;
  if (key === ACCESS_TYPE_KEY && concept.type === 'Access') {
    relationship.accessType = (ACCESS_TYPES as readonly string[]).includes(value) ? (value as AccessType) : 'Write';
    return true;
  }
  if (key === DIRECTED_KEY && concept.type === 'Association') {
    relationship.isDirected = value.toLowerCase() === 'true';
    return true;
  }
  if (key === INFLUENCE_KEY && concept.type === 'Influence') {
    relationship.modifier = value;
    return true;
  }
  return false;
}

// ───────────────────────────── writing ─────────────────────────────

const CRLF = '\r\n';

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function line(values: string[]): string {
  return values.map(quote).join(',') + CRLF;
}

/** Archi's importer turns line breaks and tabs in names and property values into spaces; do it here so a round trip is exact. */
function flat(text: string): string {
  return text.replace(/\r\n|\r|\n|\t/g, ' ');
}

/** The three CSV files' contents for a model (Archi reads these back with File → Import → CSV Data Into Selected Model). */
export function archiCsvFiles(model: ArchiModel): { elements: string; relations: string; properties: string } {
  let elements = line(['ID', 'Type', 'Name', 'Documentation', 'Specialization']);
  elements += line([model.id, MODEL_TYPE, flat(model.name), model.documentation ?? '', '']);
  for (const e of model.elements) elements += line([e.id, e.type, flat(e.name), e.documentation ?? '', '']);

  let relations = line(['ID', 'Type', 'Name', 'Documentation', 'Source', 'Target', 'Specialization']);
  for (const r of model.relationships) relations += line([r.id, `${r.type}${RELATIONSHIP_SUFFIX}`, flat(r.name), r.documentation ?? '', r.source, r.target, '']);

  let properties = line(['ID', 'Key', 'Value']);
  for (const p of model.properties) properties += line([model.id, flat(p.key), flat(p.value)]);
  for (const concept of [...model.elements, ...model.relationships]) {
    for (const p of concept.properties) properties += line([concept.id, flat(p.key), flat(p.value)]);
  }
  for (const r of model.relationships) {
    if (r.type === 'Access') properties += line([r.id, ACCESS_TYPE_KEY, r.accessType ?? 'Access']);
    if (r.type === 'Association' && r.isDirected) properties += line([r.id, DIRECTED_KEY, 'true']);
    if (r.type === 'Influence' && r.modifier) properties += line([r.id, INFLUENCE_KEY, r.modifier]);
  }
  return { elements, relations, properties };
}

/** Write elements.csv, relations.csv and properties.csv into `folder` (created when missing); returns the paths. */
export async function writeArchiCsv(model: ArchiModel, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const contents = archiCsvFiles(model);
  const written: string[] = [];
  for (const kind of ['elements', 'relations', 'properties'] as const) {
    const path = join(folder, FILE_NAMES[kind]);
    await writeFile(path, contents[kind], 'utf8');
    written.push(path);
  }
  return written;
}
