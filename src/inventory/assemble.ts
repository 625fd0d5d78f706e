/**
 * Tables → a validated Inventory. The contract is docs/input.md; the rule throughout is that one bad row
 * never costs the good ones: a row-level problem skips the row (or only the bad value) and leaves a
 * warning naming file, row, column and fix; only problems with a whole file (a missing required column,
 * nothing usable at all) stop the load with an InputError.
 *
 * Order matters because of references: agencies (parents resolved after all are read, so a parent may
 * come later in the file), then datasets (stewards are agencies), applications (agency and datasets),
 * exchanges (applications). Every lookup goes through a Map built once; references may use an id, or —
 * when the exact id is unknown — the id or the name compared case-, space- and punctuation-insensitively,
 * because catalogues often put the OPD's name where its id belongs.
 */
import { InputError } from '../errors.js';
import type { Agency, AgencyLevel, Application, Dataset, Exchange, InputIssue, Inventory, InventoryFormat, Mechanism, Properties } from '../types.js';
import { AGENCY_LEVELS, APPLICATION_STATUSES, CATEGORIES, MECHANISMS, ORIGINS } from '../types.js';
import {
  AGENCY_COLUMNS,
  APPLICATION_COLUMNS,
  CATEGORY_VALUES,
  DATASET_COLUMNS,
  EXCHANGE_COLUMNS,
  LEVEL_VALUES,
  MECHANISM_VALUES,
  ORIGIN_VALUES,
  STATUS_VALUES,
  type AgencyField,
  type ApplicationField,
  type DatasetField,
  type ExchangeField,
} from './aliases.js';
import { aliasLookup, locate, resolveColumns, rowKey, tableLabel, type Columns, type Table } from './table.js';
import {
  cellName,
  cellText,
  inferLevelFromName,
  normaliseValueKey,
  parseCategory,
  parseCost,
  parseCount,
  parseLevel,
  parseMechanism,
  parseOrigin,
  parseStatus,
  parseYear,
  splitList,
  YEAR_RANGE,
  type RawValue,
} from './values.js';

export interface InventoryTables {
  agencies: Table;
  applications: Table;
  exchanges?: Table;
  datasets?: Table;
}

const AGENCY_LOOKUP = aliasLookup(AGENCY_COLUMNS);
const APPLICATION_LOOKUP = aliasLookup(APPLICATION_COLUMNS);
const EXCHANGE_LOOKUP = aliasLookup(EXCHANGE_COLUMNS);
const DATASET_LOOKUP = aliasLookup(DATASET_COLUMNS);

/** At most this many row warnings ride along with an "empty inventory" error; the rest are counted. */
const MAX_ISSUES_WITH_EMPTY_ERROR = 20;

const AMBIGUOUS = Symbol('ambiguous');

/**
 * Resolves a reference to an entity id: exact id first, then the id or the name compared by
 * `normaliseValueKey`. A key shared by two entities resolves to AMBIGUOUS, never to a guess.
 */
class RefIndex {
  /**
   * Each id to itself: an exact reference resolves to the entity's own id string, so the 200,000 endpoint
   * cells of a national exchanges table are not each kept alive as a copy of an application id.
   */
  private readonly ids = new Map<string, string>();
  /** Ids of rows that were skipped, so a reference to one can say so instead of "unknown". */
  private readonly skipped = new Set<string>();
  /** Every entity's id and name, in order, for the name keys built on first need (two arrays, no object per entity). */
  private readonly entryIds: string[] = [];
  private readonly entryNames: string[] = [];
  private byIdKey?: Map<string, string | typeof AMBIGUOUS>;
  private byNameKey?: Map<string, string | typeof AMBIGUOUS>;

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string, name: string): void {
    this.ids.set(id, id);
    this.entryIds.push(id);
    this.entryNames.push(name);
    if (this.byIdKey && this.byNameKey) {
      addKey(this.byIdKey, normaliseValueKey(id), id);
      addKey(this.byNameKey, normaliseValueKey(name), id);
    }
  }

  skip(id: string): void {
    if (!this.ids.has(id)) this.skipped.add(id);
  }

  wasSkipped(text: string): boolean {
    return this.skipped.has(text);
  }

  resolve(text: string): string | undefined | typeof AMBIGUOUS {
    const exact = this.ids.get(text);
    if (exact !== undefined) return exact;
    if (!this.byIdKey || !this.byNameKey) {
      this.byIdKey = new Map();
      this.byNameKey = new Map();
      for (let k = 0; k < this.entryIds.length; k++) {
        const id = this.entryIds[k]!;
        addKey(this.byIdKey, normaliseValueKey(id), id);
        addKey(this.byNameKey, normaliseValueKey(this.entryNames[k]!), id);
      }
    }
    const key = normaliseValueKey(text);
    return this.byIdKey.get(key) ?? this.byNameKey.get(key);
  }
}

function addKey(map: Map<string, string | typeof AMBIGUOUS>, key: string, id: string): void {
  if (key === '') return;
  const existing = map.get(key);
  map.set(key, existing === undefined || existing === id ? id : AMBIGUOUS);
}

/** Why a reference to a `kind` listed in `file` did not resolve, and what to do: the start and the fix of a warning. */
function unresolved(index: RefIndex, text: string, result: undefined | typeof AMBIGUOUS, kind: string, file: string): { why: string; fix: string } {
  if (result === AMBIGUOUS) {
    return { why: `${quote(text)} matches several ${kind === 'agency' ? 'agencies' : `${kind}s`} in ${file} by name`, fix: `use the ${kind} id instead of its name` };
  }
  if (index.wasSkipped(text)) return { why: `${kind} ${quote(text)} was itself skipped in ${file}`, fix: `fix the row of ${kind} ${quote(text)} in ${file} (see the warning there)` };
  return { why: `${kind} ${quote(text)} is not in ${file}`, fix: `add ${kind} ${quote(text)} to ${file}, or correct the id` };
}

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

function enumHint(values: readonly string[], aliases: Record<string, readonly string[]>): string {
  const accepted = values.map((v) => `${v} (${aliases[v]!.filter((a) => a !== v).slice(0, 4).join(', ')}, …)`);
  return `use one of: ${accepted.join('; ')}`;
}

/** State shared by the passes over one inventory's tables. */
class Assembly {
  readonly warnings: InputIssue[] = [];
  readonly errors: InputIssue[] = [];

  warn(table: Table, i: number, column: string | undefined, message: string, fix: string): void {
    this.warnings.push({ level: 'warning', ...locate(table, i), ...(column !== undefined ? { column } : {}), message, fix });
  }

  /** Parent links are checked after all rows are read; put their warnings back in row order. */
  sortByRow(from: number): void {
    const chunk = this.warnings.slice(from);
    const key = (issue: InputIssue): number => issue.row ?? Number(issue.file.slice(issue.file.lastIndexOf('/') + 1));
    chunk.sort((a, b) => key(a) - key(b));
    this.warnings.splice(from, chunk.length, ...chunk);
  }

  /** Cells past the header's width: a value holding the delimiter unquoted shifted the row. */
  checkWidth(table: Table, i: number, cells: RawValue[]): void {
    if (cells.length <= table.header.length) return;
    let extra = 0;
    for (let c = table.header.length; c < cells.length; c++) if (cellText(cells[c]) !== undefined) extra++;
    if (extra === 0) return;
    const delimiter = table.delimiter === '\t' ? 'tab' : `"${table.delimiter ?? ','}"`;
    this.warn(
      table,
      i,
      undefined,
      `this row has ${cells.length} cells but the header has ${table.header.length}; the ${extra} extra non-empty cell(s) were ignored and the values may be shifted.`,
      `a value in this row probably contains the delimiter ${delimiter}: put that value in double quotes`,
    );
  }

  properties<F extends string>(table: Table, i: number, cols: Columns<F>, cells: RawValue[]): Properties {
    const nested = table.rowProperties?.[i];
    const properties: Properties = nested ? { ...nested } : {};
    if (cols.properties.length === 0) return properties;
    for (const { col, key } of cols.properties) {
      const value = cells[col];
      if (value === undefined || value === null) continue;
      const text = typeof value === 'string' ? value.trim() : cellText(value);
      if (text) properties[key] = text;
    }
    return properties;
  }
}

function cell<F extends string>(cells: RawValue[], cols: Columns<F>, field: F): RawValue {
  const col = cols.at[field];
  return col < 0 ? undefined : cells[col];
}

/**
 * The checks every entity row starts with: an id, not seen before, and a name. Returns both, or undefined
 * after a warning when the row is to be skipped (a nameless row's id is marked skipped, so references to
 * it say so instead of "unknown").
 */
function readIdAndName(
  run: Assembly,
  table: Table,
  i: number,
  cols: Columns<'id' | 'name'>,
  cells: RawValue[],
  index: RefIndex,
  noun: string,
): { id: string; name: string } | undefined {
  const id = cellName(cell(cells, cols, 'id'));
  if (id === undefined) {
    run.warn(table, i, cols.label.id, `the ${noun} id is empty; row skipped.`, `give every ${noun} a unique id`);
    return undefined;
  }
  if (index.has(id)) {
    run.warn(table, i, cols.label.id, `${noun} id ${quote(id)} appears again; the first row with it is kept and this one skipped.`, `give each ${noun} its own id, or delete the repeated row`);
    return undefined;
  }
  const name = cellName(cell(cells, cols, 'name'));
  if (name === undefined) {
    run.warn(table, i, cols.label.name, `${noun} ${quote(id)} has no name; row skipped.`, `fill in the ${noun} name`);
    index.skip(id);
    return undefined;
  }
  return { id, name };
}

/** Validate tables into an Inventory; see this module's header. Throws InputError for file-level problems. */
export function assembleInventory(source: { path: string; format: InventoryFormat }, tables: InventoryTables): Inventory {
  const run = new Assembly();
  for (const table of [tables.agencies, tables.datasets, tables.applications, tables.exchanges]) {
    if (table?.issues) run.warnings.push(...table.issues);
  }
  const agencyCols = resolveColumns(tables.agencies, AGENCY_LOOKUP, run.warnings, run.errors);
  const datasetCols = tables.datasets && resolveColumns(tables.datasets, DATASET_LOOKUP, run.warnings, run.errors);
  const applicationCols = resolveColumns(tables.applications, APPLICATION_LOOKUP, run.warnings, run.errors);
  const exchangeCols = tables.exchanges && resolveColumns(tables.exchanges, EXCHANGE_LOOKUP, run.warnings, run.errors);
  if (run.errors.length > 0) throw new InputError(run.errors);

  const agencyIndex = new RefIndex();
  const agencies = readAgencies(run, tables.agencies, agencyCols, agencyIndex);
  const datasetIndex = new RefIndex();
  const datasets = tables.datasets && datasetCols ? readDatasets(run, tables.datasets, datasetCols, datasetIndex, agencyIndex, tableLabel(tables.agencies)) : [];
  const implicitDatasets = tables.datasets ? undefined : { list: [] as Dataset[], index: datasetIndex };
  const applicationIndex = new RefIndex();
  const applications = readApplications(run, tables, applicationCols, applicationIndex, agencyIndex, datasetIndex, implicitDatasets);
  const exchanges = tables.exchanges && exchangeCols ? readExchanges(run, tables.exchanges, exchangeCols, applicationIndex, tableLabel(tables.applications)) : [];

  const inventory: Inventory = {
    source,
    agencies,
    applications,
    exchanges,
    datasets: implicitDatasets ? implicitDatasets.list : datasets,
    warnings: run.warnings,
  };
  assertHasApplications(inventory, tableLabel(tables.applications), tables.applications.rows.length);
  return inventory;
}

/**
 * An inventory without a single valid application cannot be analysed: throw, carrying the row warnings
 * that explain why (the first few; the rest counted).
 */
export function assertHasApplications(inventory: Inventory, file: string, dataRows?: number): void {
  if (inventory.applications.length > 0) return;
  const message =
    dataRows === 0
      ? 'the inventory has no application: the applications table has no data rows.'
      : `the inventory has no valid application${dataRows !== undefined ? `: all ${dataRows} rows were skipped` : ''}${inventory.warnings.length > 0 ? ' (reasons below)' : ''}.`;
  const issues: InputIssue[] = [{ level: 'error', file, message, fix: 'add at least one application row with id, agency_id (a listed agency) and name' }];
  // The applications table's own warnings explain the emptiness best, so they go first.
  const own = (w: InputIssue): boolean => w.file === file || w.file.startsWith(`${file}/`);
  const reasons = [...inventory.warnings.filter(own), ...inventory.warnings.filter((w) => !own(w))];
  issues.push(...reasons.slice(0, MAX_ISSUES_WITH_EMPTY_ERROR));
  const more = reasons.length - MAX_ISSUES_WITH_EMPTY_ERROR;
  if (more > 0) issues.push({ level: 'warning', file, message: `… and ${more} more warnings.` });
  throw new InputError(issues);
}

// ───────────────────────────── agencies ─────────────────────────────

function readAgencies(run: Assembly, table: Table, cols: Columns<AgencyField>, index: RefIndex): Agency[] {
  const firstWarning = run.warnings.length;
  const agencies: Agency[] = [];
  const parentText: Array<string | undefined> = [];
  const parentRow: number[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    run.checkWidth(table, i, cells);
    const entry = readIdAndName(run, table, i, cols, cells, index, 'agency');
    if (entry === undefined) continue;
    const { id, name } = entry;
    const level = readLevel(run, table, i, cols, cells, id, name);
    if (level === undefined) {
      index.skip(id);
      continue;
    }
    const agency: Agency = { id, name, level, properties: run.properties(table, i, cols, cells) };
    const region = cellText(cell(cells, cols, 'region'));
    if (region !== undefined) agency.region = region;
    index.add(id, name);
    parentText.push(cellName(cell(cells, cols, 'parentId')));
    parentRow.push(i);
    agencies.push(agency);
  }
  resolveParents(run, table, cols, agencies, parentText, parentRow, index);
  run.sortByRow(firstWarning);
  return agencies;
}

/** A level from the cell, else from the name's leading words (with a warning), else the row is skipped. */
function readLevel(run: Assembly, table: Table, i: number, cols: Columns<AgencyField>, cells: RawValue[], id: string, name: string): AgencyLevel | undefined {
  const raw = cell(cells, cols, 'level');
  const level = parseLevel(raw);
  if (level) return level;
  const given = level === null ? `level ${quote(cellText(raw)!)} is not a known level` : 'the level is empty';
  const inferred = inferLevelFromName(name);
  if (inferred) {
    run.warn(table, i, cols.label.level, `${given}; "${inferred}" was inferred from the name ${quote(name)}.`, enumHint(AGENCY_LEVELS, LEVEL_VALUES));
    return inferred;
  }
  run.warn(table, i, cols.label.level, `${given} and the name ${quote(name)} does not tell; agency ${quote(id)} skipped.`, enumHint(AGENCY_LEVELS, LEVEL_VALUES));
  return undefined;
}

function resolveParents(
  run: Assembly,
  table: Table,
  cols: Columns<AgencyField>,
  agencies: Agency[],
  parentText: Array<string | undefined>,
  parentRow: number[],
  index: RefIndex,
): void {
  const position = new Map<string, number>();
  agencies.forEach((agency, k) => position.set(agency.id, k));
  const parentOf = new Int32Array(agencies.length).fill(-1);
  for (let k = 0; k < agencies.length; k++) {
    const text = parentText[k];
    if (text === undefined) continue;
    const agency = agencies[k]!;
    const resolved = index.resolve(text);
    if (resolved === undefined || resolved === AMBIGUOUS) {
      const { why, fix } = unresolved(index, text, resolved, 'agency', tableLabel(table));
      run.warn(table, parentRow[k]!, cols.label.parentId, `parent ${why}; the parent of ${quote(agency.id)} was dropped and the agency kept.`, `${fix}; or leave parent_id empty`);
      continue;
    }
    if (resolved === agency.id) {
      run.warn(table, parentRow[k]!, cols.label.parentId, `agency ${quote(agency.id)} names itself as its parent; the parent was dropped.`, 'leave parent_id empty for a top-level government');
      continue;
    }
    parentOf[k] = position.get(resolved)!;
  }
  breakParentCycles(run, table, cols, agencies, parentOf, parentRow);
  for (let k = 0; k < agencies.length; k++) if (parentOf[k]! >= 0) agencies[k]!.parentId = agencies[parentOf[k]!]!.id;
}

/** Roll-ups walk parent chains, so a loop (A → B → A) is cut at the link that closes it. Linear time. */
function breakParentCycles(run: Assembly, table: Table, cols: Columns<AgencyField>, agencies: Agency[], parentOf: Int32Array, parentRow: number[]): void {
  const state = new Uint8Array(agencies.length); // 0 unseen, 1 on the current walk, 2 done
  const walk: number[] = [];
  for (let start = 0; start < agencies.length; start++) {
    let k = start;
    while (k >= 0 && state[k] === 0) {
      state[k] = 1;
      walk.push(k);
      k = parentOf[k]!;
    }
    if (k >= 0 && state[k] === 1) {
      const closing = walk[walk.length - 1]!;
      const loop = walk.slice(walk.indexOf(k)).map((m) => agencies[m]!.id);
      run.warn(
        table,
        parentRow[closing]!,
        cols.label.parentId,
        `parent links form a loop (${[...loop, loop[0]].join(' → ')}); the parent of ${quote(agencies[closing]!.id)} was dropped.`,
        'fix parent_id so that every chain ends at a top-level government',
      );
      parentOf[closing] = -1;
    }
    for (const m of walk) state[m] = 2;
    walk.length = 0;
  }
}

// ───────────────────────────── datasets ─────────────────────────────

function readDatasets(run: Assembly, table: Table, cols: Columns<DatasetField>, index: RefIndex, agencies: RefIndex, agencyFile: string): Dataset[] {
  const datasets: Dataset[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    run.checkWidth(table, i, cells);
    const entry = readIdAndName(run, table, i, cols, cells, index, 'dataset');
    if (entry === undefined) continue;
    const { id, name } = entry;
    const dataset: Dataset = { id, name, properties: run.properties(table, i, cols, cells) };
    const steward = cellName(cell(cells, cols, 'stewardAgencyId'));
    if (steward !== undefined) {
      const resolved = agencies.resolve(steward);
      if (resolved === undefined || resolved === AMBIGUOUS) {
        const { why, fix } = unresolved(agencies, steward, resolved, 'agency', agencyFile);
        run.warn(table, i, cols.label.stewardAgencyId, `steward ${why}; the steward of dataset ${quote(id)} was dropped and the dataset kept.`, fix);
      } else {
        dataset.stewardAgencyId = resolved;
      }
    }
    index.add(id, name);
    datasets.push(dataset);
  }
  return datasets;
}

// ───────────────────────────── applications ─────────────────────────────

const DATASETS_PENDING: string[] = [];

function readApplications(
  run: Assembly,
  tables: InventoryTables,
  cols: Columns<ApplicationField>,
  index: RefIndex,
  agencies: RefIndex,
  datasets: RefIndex,
  implicit: { list: Dataset[]; index: RefIndex } | undefined,
): Application[] {
  const table = tables.applications;
  const agencyFile = tableLabel(tables.agencies);
  const datasetFile = tables.datasets && tableLabel(tables.datasets);
  const applications: Application[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    run.checkWidth(table, i, cells);
    const entry = readIdAndName(run, table, i, cols, cells, index, 'application');
    if (entry === undefined) continue;
    const { id, name } = entry;
    const agencyText = cellName(cell(cells, cols, 'agencyId'));
    if (agencyText === undefined) {
      run.warn(table, i, cols.label.agencyId, `application ${quote(id)} has no agency; row skipped.`, `fill in the id of its agency from ${agencyFile}`);
      index.skip(id);
      continue;
    }
    const agencyId = agencies.resolve(agencyText);
    if (agencyId === undefined || agencyId === AMBIGUOUS) {
      const { why, fix } = unresolved(agencies, agencyText, agencyId, 'agency', agencyFile);
      run.warn(table, i, cols.label.agencyId, `${why}; application ${quote(id)} (${quote(name)}) skipped.`, fix);
      index.skip(id);
      continue;
    }
    // `datasets` holds its place in the key order until the references are read (after the values, whose
    // warnings come first); the shared placeholder is always replaced.
    const application: Application = { id, agencyId, name, datasets: DATASETS_PENDING, properties: run.properties(table, i, cols, cells) };
    readApplicationValues(run, table, i, cols, cells, application);
    application.datasets = readDatasetRefs(run, table, i, cols, cells, application, datasets, datasetFile, implicit);
    index.add(id, name);
    applications.push(application);
  }
  return applications;
}

/**
 * The optional application fields. Written without closures: this runs once per row, and a closure per
 * row is an allocation (and, under tsx, a `__name` call that redefines the function's name) each time.
 */
function readApplicationValues(run: Assembly, table: Table, i: number, cols: Columns<ApplicationField>, cells: RawValue[], app: Application): void {
  const description = cellText(cell(cells, cols, 'description'));
  if (description !== undefined) app.description = description;
  const fn = cellName(cell(cells, cols, 'function'));
  if (fn !== undefined) app.function = fn;
  const statusReason = cellText(cell(cells, cols, 'statusReason'));
  if (statusReason !== undefined) app.statusReason = statusReason;
  const url = cellName(cell(cells, cols, 'url'));
  if (url !== undefined) app.url = url;
  const platform = cellText(cell(cells, cols, 'platform'));
  if (platform !== undefined) app.platform = platform;

  const category = parseCategory(cell(cells, cols, 'category'));
  if (category === null) dropValue(run, table, i, cols, 'category', app, `category ${shown(cells, cols, 'category')} is not a known category`, enumHint(CATEGORIES, CATEGORY_VALUES));
  else if (category !== undefined) app.category = category;
  const origin = parseOrigin(cell(cells, cols, 'origin'));
  if (origin === null) dropValue(run, table, i, cols, 'origin', app, `origin ${shown(cells, cols, 'origin')} is not a known origin`, enumHint(ORIGINS, ORIGIN_VALUES));
  else if (origin !== undefined) app.origin = origin;
  const status = parseStatus(cell(cells, cols, 'status'));
  if (status === null) dropValue(run, table, i, cols, 'status', app, `status ${shown(cells, cols, 'status')} is not a known status`, enumHint(APPLICATION_STATUSES, STATUS_VALUES));
  else if (status !== undefined) app.status = status;

  const costRaw = cell(cells, cols, 'annualCost');
  const cost = parseCost(costRaw);
  if (cost === null) {
    dropValue(run, table, i, cols, 'annualCost', app, `annual cost ${shown(cells, cols, 'annualCost')} is ${isNegative(costRaw) ? 'negative' : 'not an amount'}`, 'write a non-negative IDR amount, e.g. 1500000, "Rp 1.500.000", "1,5 juta"; leave it empty when unknown');
  } else if (cost !== undefined) app.annualCost = cost;
  const usersRaw = cell(cells, cols, 'users');
  const users = parseCount(usersRaw);
  if (users === null) {
    dropValue(run, table, i, cols, 'users', app, `users ${shown(cells, cols, 'users')} is ${isNegative(usersRaw) ? 'negative' : 'not a whole number'}`, 'write a whole non-negative number, e.g. 1200 or "1.200"; leave it empty when unknown');
  } else if (users !== undefined) app.users = users;
  const year = parseYear(cell(cells, cols, 'year'));
  if (year === null) dropValue(run, table, i, cols, 'year', app, `year ${shown(cells, cols, 'year')} is not a year between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`, 'write the four-digit year, e.g. 2019');
  else if (year !== undefined) app.year = year;
}

/** The warning for an application value that was not understood: the value is dropped, the application kept. */
function dropValue(run: Assembly, table: Table, i: number, cols: Columns<ApplicationField>, field: ApplicationField, app: Application, what: string, fix: string): void {
  run.warn(table, i, cols.label[field], `${what}; the value was dropped and application ${quote(app.id)} kept.`, fix);
}

/** A cell as a warning quotes it. */
function shown(cells: RawValue[], cols: Columns<ApplicationField>, field: ApplicationField): string {
  return quote(cellText(cell(cells, cols, field)) ?? '');
}

function isNegative(raw: RawValue): boolean {
  if (typeof raw === 'number') return raw < 0;
  const text = cellText(raw);
  return text !== undefined && (text.startsWith('-') || text.startsWith('−') || text.startsWith('('));
}

/**
 * Dataset references: checked against the datasets table when there is one (unknown ids dropped); with
 * no datasets table every referenced id becomes a dataset of its own (name = id), so no reference dangles.
 */
function readDatasetRefs(
  run: Assembly,
  table: Table,
  i: number,
  cols: Columns<ApplicationField>,
  cells: RawValue[],
  app: Application,
  datasets: RefIndex,
  datasetFile: string | undefined,
  implicit: { list: Dataset[]; index: RefIndex } | undefined,
): string[] {
  const refs = splitList(cell(cells, cols, 'datasets'));
  if (refs.length === 0) return refs;
  // The common case, one reference that resolves: the list splitList made holds the dataset's id instead
  // of being copied into a new one (the general loop below warns about a reference that does not resolve).
  if (refs.length === 1 && !implicit) {
    const resolved = datasets.resolve(refs[0]!);
    if (resolved !== undefined && resolved !== AMBIGUOUS) {
      refs[0] = resolved;
      return refs;
    }
  }
  const kept: string[] = [];
  for (const ref of refs) {
    if (implicit) {
      if (!implicit.index.has(ref)) {
        implicit.index.add(ref, ref);
        implicit.list.push({ id: ref, name: ref, properties: {} });
      }
      kept.push(ref);
      continue;
    }
    const resolved = datasets.resolve(ref);
    if (resolved === undefined || resolved === AMBIGUOUS) {
      const { why, fix } = unresolved(datasets, ref, resolved, 'dataset', datasetFile ?? 'datasets');
      run.warn(table, i, cols.label.datasets, `${why}; the reference was dropped and application ${quote(app.id)} kept.`, fix);
    } else if (!kept.includes(resolved)) {
      kept.push(resolved);
    }
  }
  return kept;
}

// ───────────────────────────── exchanges ─────────────────────────────

function readExchanges(run: Assembly, table: Table, cols: Columns<ExchangeField>, applications: RefIndex, applicationFile: string): Exchange[] {
  const exchanges: Exchange[] = [];
  const ids = new Set<string>();
  const endpoint = (i: number, text: string | undefined, field: 'sourceId' | 'targetId'): string | undefined => {
    const role = field === 'sourceId' ? 'source' : 'target';
    if (text === undefined) {
      run.warn(table, i, cols.label[field], `the exchange has no ${role} application; row skipped.`, `fill in the ${role} application id from ${applicationFile}`);
      return undefined;
    }
    const resolved = applications.resolve(text);
    if (resolved !== undefined && resolved !== AMBIGUOUS) return resolved;
    const { why, fix } = unresolved(applications, text, resolved, 'application', applicationFile);
    run.warn(table, i, cols.label[field], `${role} ${why}; exchange skipped.`, fix);
    return undefined;
  };
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    run.checkWidth(table, i, cells);
    const sourceId = endpoint(i, cellName(cell(cells, cols, 'sourceId')), 'sourceId');
    if (sourceId === undefined) continue;
    const targetId = endpoint(i, cellName(cell(cells, cols, 'targetId')), 'targetId');
    if (targetId === undefined) continue;
    if (sourceId === targetId) {
      run.warn(table, i, cols.label.targetId, `application ${quote(sourceId)} exchanges with itself; exchange skipped.`, 'an exchange links two different applications; remove the row or correct target_id');
      continue;
    }
    const id = cellName(cell(cells, cols, 'id')) ?? `x${rowKey(table, i)}`;
    // Added and checked in one probe: the set did not grow when the id was there already.
    const before = ids.size;
    if (ids.add(id).size === before) {
      run.warn(table, i, cols.label.id, `exchange id ${quote(id)} appears again; the first row with it is kept and this one skipped.`, 'give each exchange its own id, or leave the id empty to number exchanges by row');
      continue;
    }
    const properties = run.properties(table, i, cols, cells);
    const data = cellText(cell(cells, cols, 'data'));
    const mechanismRaw = cell(cells, cols, 'mechanism');
    const mechanism = parseMechanism(mechanismRaw);
    if (mechanism === null) {
      run.warn(table, i, cols.label.mechanism, `mechanism ${quote(cellText(mechanismRaw)!)} is not a known mechanism; the value was dropped and the exchange kept.`, enumHint(MECHANISMS, MECHANISM_VALUES));
    }
    exchanges.push(makeExchange(id, sourceId, targetId, properties, data, mechanism ?? undefined));
  }
  return exchanges;
}

/**
 * An exchange made in one object literal with exactly its fields, in the contract's key order: adding
 * `data` and `mechanism` to a made object would give each of 100,000 exchanges an extra property store.
 */
function makeExchange(id: string, sourceId: string, targetId: string, properties: Properties, data: string | undefined, mechanism: Mechanism | undefined): Exchange {
  if (data !== undefined) {
    return mechanism !== undefined ? { id, sourceId, targetId, properties, data, mechanism } : { id, sourceId, targetId, properties, data };
  }
  return mechanism !== undefined ? { id, sourceId, targetId, properties, mechanism } : { id, sourceId, targetId, properties };
}
