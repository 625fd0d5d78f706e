/**
 * One or more flat catalogue sheets → a validated Inventory: agencies made from the unit names under
 * their parent government, one application per (unit, application) the sheet reports, and a warning for
 * every irregular row, naming file, row, column and fix. The row rules, in order:
 *   - wider than the header: repaired or declared unparseable (repair.ts);
 *   - an exact copy of an earlier row: skipped (`repeated`);
 *   - no unit: skipped (`unparseable`); no application name, or a placeholder ("tidak ada"): skipped
 *     (`placeholder` when the row says nothing else, `unparseable` when it does);
 *   - a name cell listing several applications: split (names.ts), one record each (`split`);
 *   - values: the address cell read by address.ts, "Jenis Aplikasi" by kind.ts, status, year, cost and
 *     users by the inventory's value parsers; a value that is not understood is dropped with a warning.
 * Application ids are `r<row>` (the spreadsheet row), `r<row>.<k>` for the k-th name of a split cell that
 * has no row of its own; a workbook with several catalogue sheets prefixes them with the sheet's slug.
 */
import { InputError } from '../errors.js';
import type { Agency, Application, ApplicationStatus, InputIssue, Inventory, InventoryFormat } from '../types.js';
import { cellName, cellText, inferLevelFromName, isPlaceholder, parseCategory, parseCost, parseCount, parseOrigin, parseStatus, parseYear } from '../inventory/index.js';
import { parseAddressCell, type AddressCell } from './address.js';
import { governmentAgency, governmentFromName, governmentKeys, inferGovernment, slug, unitKey, type Government, type RowText } from './agencies.js';
import { FLAT_COLUMNS, missingFlatFields, resolveFlatColumns, type FlatColumns, type FlatField } from './columns.js';
import { parseKind, type Kind } from './kind.js';
import { addressFit, alignRows, splitNameCell, type ListedName } from './names.js';
import { fitRow } from './repair.js';

export interface Sheet {
  /** How messages name it: `aplikasi.csv`, `katalog.xlsx [Sheet1]`. */
  file: string;
  header: string[];
  headerRow: number;
  rows: Array<{ row: number; cells: string[] }>;
  /** The CSV delimiter (to join shifted cells back); absent for workbook sheets. */
  delimiter?: string;
  /** Prefix of the sheet's application ids ('' for a single sheet). */
  idPrefix: string;
}

export interface FlatOptions {
  /** The parent government of every unit, e.g. "Kabupaten Madiun". */
  government?: string;
}

/** One readable row of a sheet, before names are split and units become agencies. */
interface Entry {
  sheet: Sheet;
  columns: FlatColumns;
  row: number;
  cells: string[];
  unit: string;
  government?: Government;
  nameCell: string;
  listed?: ListedName[];
  address?: AddressCell;
}

const MAX_QUOTED = 60;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat}"`;
}

class Run {
  readonly warnings: InputIssue[] = [];

  warn(sheet: Sheet, row: number, column: string | undefined, message: string, fix: string, extra: Partial<InputIssue> = {}): void {
    this.warnings.push({ level: 'warning', file: sheet.file, row, ...(column !== undefined ? { column } : {}), message, fix, ...extra });
  }
}

/** Build the inventory of flat catalogue `sheets`; throws InputError when no sheet is a catalogue. */
export function buildFlatInventory(source: { path: string; format: InventoryFormat }, sheets: Sheet[], options: FlatOptions = {}): Inventory {
  const run = new Run();
  const given = givenGovernment(options.government);
  const entries: Entry[] = [];
  for (const sheet of sheets) entries.push(...readSheet(run, sheet));

  const government = given ?? (entries.some((e) => e.government === undefined) ? inferGovernment(entries.map(rowText)) : undefined);
  if (given === undefined && government === undefined && entries.some((e) => e.government === undefined)) {
    run.warnings.push({
      level: 'warning',
      file: sheets[0]!.file,
      message: 'the parent government of the units could not be inferred (no clear regional host or name in the sheet); the units are analysed without one.',
      fix: 'name it: `--government "Kabupaten Madiun"` (or "Kota …", "Provinsi …")',
    });
  }
  for (const e of entries) e.government ??= government;

  const agencies = new AgencyBook();
  const applications: Application[] = [];
  for (const group of groupEntries(entries)) applications.push(...readGroup(run, group, agencies));
  for (const warning of run.warnings) {
    const unit = warning.row !== undefined ? agencies.unitAt(warning.file, warning.row) : undefined;
    if (unit !== undefined) warning.agencyId = unit;
  }
  const fileOrder = new Map(sheets.map((sheet, k) => [sheet.file, k]));
  run.warnings.sort((a, b) => (fileOrder.get(a.file) ?? -1) - (fileOrder.get(b.file) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
  return { source, agencies: agencies.list(), applications, exchanges: [], datasets: [], warnings: run.warnings };
}

function givenGovernment(name: string | undefined): Government | undefined {
  if (name === undefined || name.trim() === '') return undefined;
  const government = governmentFromName(name, 'given with --government');
  if (government === undefined) {
    throw new InputError({
      level: 'error',
      file: 'command line',
      column: '--government',
      message: `"${name}" does not say which kind of government it is.`,
      fix: 'start the name with its kind: "Kabupaten Madiun", "Kota Bogor", "Provinsi Jawa Timur", "Kementerian …"',
    });
  }
  return government;
}

function rowText(e: Entry): RowText {
  const text = [e.unit, e.nameCell, cellText(at(e, 'description')) ?? ''].join(' ');
  return { row: e.row, text, ...(e.address?.url !== undefined ? { address: e.address.url } : {}) };
}

function at(e: Pick<Entry, 'cells' | 'columns'>, field: FlatField): string | undefined {
  const col = e.columns.at[field];
  return col < 0 ? undefined : e.cells[col];
}

// ───────────────────────────── rows ─────────────────────────────

function readSheet(run: Run, sheet: Sheet): Entry[] {
  const columns = resolveFlatColumns(sheet.header);
  const missing = missingFlatFields(columns);
  if (missing.length > 0) throw notACatalogue(sheet, missing.map((m) => m.field));
  const width = sheet.header.length;
  const seen = new Map<string, number>();
  const governments = new Map<string, Government | undefined>();
  const entries: Entry[] = [];
  for (const { row, cells: raw } of sheet.rows) {
    const key = raw.map((c) => c.trim()).join('\u0001').replace(/\u0001+$/, '');
    const first = seen.get(key);
    if (first !== undefined) {
      run.warn(sheet, row, undefined, `this row repeats row ${first} exactly; it was skipped.`, 'delete the repeated row', { outcome: 'repeated' });
      continue;
    }
    seen.set(key, row);
    const fitted = sheet.delimiter !== undefined ? fitRow(raw, width, columns, sheet.delimiter) : { outcome: 'fits' as const, cells: raw.slice(0, width) };
    const cells = fitted.cells;
    const unitText = cellName(at({ cells, columns }, 'unit'));
    if (fitted.outcome === 'repaired') {
      const what = fitted.field === 'description' ? 'the description' : `the "${columns.label[fitted.field]}" value`;
      run.warn(
        sheet,
        row,
        columns.label[fitted.field],
        `this row has ${raw.length} cells but the header has ${width}: ${what} contained the delimiter "${sheet.delimiter}"; the ${fitted.extra + 1} pieces were joined back into it and the row read.`,
        'put values that contain the delimiter in double quotes',
        { outcome: 'repaired' },
      );
    } else if (fitted.outcome === 'unparseable') {
      const why = fitted.candidates.length > 1 ? `the extra cells could belong to ${fitted.candidates.map((f) => `"${columns.label[f]}"`).join(' or ')}` : 'no column explains the extra cells';
      run.warn(
        sheet,
        row,
        undefined,
        `this row has ${raw.length} cells but the header has ${width} and ${why}; only the unit and the application name were read, the other values were dropped.`,
        'put values that contain the delimiter in double quotes, then load the file again',
        { outcome: 'unparseable' },
      );
    }
    if (unitText === undefined) {
      run.warn(sheet, row, columns.label.unit, 'the row names no unit; it was skipped.', `fill in the unit's name in "${columns.label.unit}"`, { outcome: 'unparseable' });
      continue;
    }
    const entry: Entry = { sheet, columns, row, cells, unit: unitText, nameCell: '' };
    const governmentText = cellName(at(entry, 'government'));
    if (governmentText !== undefined) entry.government = rowGovernment(run, sheet, row, columns, governmentText, governments);
    const addressText = cellText(at(entry, 'address'));
    if (addressText !== undefined) entry.address = parseAddressCell(addressText);
    const rawName = (at(entry, 'name') ?? '').trim();
    const nameText = cellName(rawName);
    if (nameText === undefined) {
      const outcome = informative(entry) ? 'unparseable' : 'placeholder';
      run.warn(
        sheet,
        row,
        columns.label.name,
        outcome === 'placeholder'
          ? `the unit reports no application (${rawName === '' ? 'the name is empty' : `the name is ${quote(rawName)}`}); the row was skipped and the unit kept.`
          : `the row names no application (${rawName === '' ? 'the name is empty' : `the name is ${quote(rawName)}`}) but has a description or an address; it was skipped.`,
        outcome === 'placeholder' ? 'delete the row, or name the application the unit uses' : `fill in the application's name in "${columns.label.name}"`,
        { outcome },
      );
      entries.push(entry);
      continue;
    }
    entry.nameCell = nameText;
    const listed = splitNameCell(nameText);
    if (listed !== undefined) entry.listed = listed;
    entries.push(entry);
  }
  return entries;
}

/** A description or address that says something (not blank, not a placeholder). */
function informative(e: Entry): boolean {
  return cellText(at(e, 'description')) !== undefined || (e.address !== undefined && e.address.kind !== 'placeholder');
}

function rowGovernment(run: Run, sheet: Sheet, row: number, columns: FlatColumns, text: string, cache: Map<string, Government | undefined>): Government | undefined {
  if (!cache.has(text)) cache.set(text, governmentFromName(text, `named in "${columns.label.government}"`));
  const government = cache.get(text);
  if (government === undefined) {
    run.warn(
      sheet,
      row,
      columns.label.government,
      `${quote(text)} does not say which kind of government it is; the sheet's government is used for this row.`,
      'start the name with its kind: "Kabupaten …", "Kota …", "Provinsi …"',
    );
  }
  return government;
}

function notACatalogue(sheet: Sheet, missing: FlatField[]): InputError {
  const names = (field: FlatField) => FLAT_COLUMNS.find((s) => s.field === field)!;
  return new InputError(
    missing.map((field) => ({
      level: 'error' as const,
      file: sheet.file,
      row: sheet.headerRow,
      column: names(field).column,
      message: `this is not a flat application catalogue: no column names the ${field === 'unit' ? 'unit (agency) of each row' : "application's name"} (found: ${sheet.header.filter(Boolean).slice(0, 12).join(', ') || 'no header'}).`,
      fix: `add a column "${names(field).column}" (also accepted: ${names(field).aliases.slice(1, 7).join(', ')}, …; see docs/catalogues.md), or pass a folder with agencies.csv and applications.csv`,
    })),
  );
}

// ───────────────────────────── agencies ─────────────────────────────

interface UnitRecord {
  agency: Agency;
  spellings: Map<string, number>;
}

/** The agencies of the inventory: each government once, each unit once per government under its normalised name. */
class AgencyBook {
  private readonly governments = new Map<string, Agency>();
  private readonly units = new Map<string, UnitRecord>();
  private readonly rows = new Map<string, string>();

  /** The agency id of `unit` (a name as written) under `government`, registering it on first sight. */
  unit(unit: string, government: Government | undefined, sheet: Sheet, row: number): string {
    if (government !== undefined && !this.governments.has(government.id)) this.governments.set(government.id, governmentAgency(government));
    const names = governmentKeys(government);
    if (government !== undefined && names.includes(unitKey(unit))) {
      this.rows.set(`${sheet.file}\u0000${row}`, government.id);
      return government.id;
    }
    const key = unitKey(unit, names);
    const id = government !== undefined ? `${government.id}/${slug(key)}` : slug(key);
    let record = this.units.get(id);
    if (record === undefined) {
      const level = inferLevelFromName(unit);
      const own = level !== undefined && level !== 'unit';
      const agency: Agency = { id, name: unit, level: own ? level : 'unit', properties: {} };
      if (!own && government !== undefined) agency.parentId = government.id;
      record = { agency, spellings: new Map() };
      this.units.set(id, record);
    }
    record.spellings.set(unit, (record.spellings.get(unit) ?? 0) + 1);
    this.rows.set(`${sheet.file}\u0000${row}`, id);
    return id;
  }

  unitAt(file: string, row: number): string | undefined {
    return this.rows.get(`${file}\u0000${row}`);
  }

  /** Governments first, then units in first-seen order; a unit is named by its most frequent spelling (then the longest). */
  list(): Agency[] {
    const units = [...this.units.values()].map(({ agency, spellings }) => {
      const [name] = [...spellings.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]!;
      const variants = [...spellings.keys()].filter((s) => s !== name);
      return { ...agency, name, properties: variants.length > 0 ? { ...agency.properties, also_written: variants.join('; ') } : agency.properties };
    });
    return [...this.governments.values(), ...units];
  }
}

// ───────────────────────────── applications ─────────────────────────────

/** Rows of one unit with the same multi-name cell form one group; every other row is a group of its own. */
function groupEntries(entries: Entry[]): Entry[][] {
  const groups: Entry[][] = [];
  const byCell = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.listed === undefined) {
      groups.push([e]);
      continue;
    }
    const key = `${e.sheet.file}\u0000${e.government?.id ?? ''}\u0000${unitKey(e.unit)}\u0000${e.nameCell}`;
    const group = byCell.get(key);
    if (group) group.push(e);
    else {
      const fresh = [e];
      byCell.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

function readGroup(run: Run, group: Entry[], agencies: AgencyBook): Application[] {
  const first = group[0]!;
  const agencyIds = group.map((e) => agencies.unit(e.unit, e.government, e.sheet, e.row));
  if (first.nameCell === '') return [];
  if (first.listed === undefined) return [readRecord(run, first, agencyIds[0]!, `${first.sheet.idPrefix}r${first.row}`, first.nameCell, { address: 'use' })];

  const names = first.listed;
  const assignment = assignRows(names, group);
  const out: Application[] = [];
  const taken = new Set<number>();
  group.forEach((e, k) => {
    const j = assignment[k];
    if (j === undefined) return;
    taken.add(j);
    const id = group.length === 1 ? `${e.sheet.idPrefix}r${e.row}.${names[j]!.position}` : `${e.sheet.idPrefix}r${e.row}`;
    out.push(readRecord(run, e, agencyIds[k]!, id, names[j]!.name, { kind: names[j]!.kind, split: true, address: 'use' }));
  });
  const unassigned = names.filter((_, j) => !taken.has(j));
  // With one row whose address fits no listed name, every name keeps the address cell as a note.
  const leftover = group.length === 1 && taken.size === 0 ? 'note' : 'none';
  for (const listed of unassigned) {
    out.push(readRecord(run, first, agencyIds[0]!, `${first.sheet.idPrefix}r${first.row}.${listed.position}`, listed.name, { kind: listed.kind, split: true, address: leftover }));
  }
  const rows = group.map((e) => e.row);
  const span = rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
  const assigned = group.flatMap((e, k) => (assignment[k] !== undefined && group.length > 1 ? [`row ${e.row}: ${names[assignment[k]!]!.name}`] : []));
  const parts = [`the name cell lists ${names.length} applications (${names.map((n) => n.name).join(', ')}) on ${span}; each became its own record`];
  if (assigned.length > 0) parts.push(`each row was read as the application its address points to (${assigned.join('; ')})`);
  if (unassigned.length > 0 && group.length > 1) parts.push(`${unassigned.map((n) => n.name).join(', ')} has no row of its own and was recorded without an address`);
  if (group.length === 1 && first.address?.url !== undefined && assignment[0] === undefined) parts.push(`the address ${quote(first.address.url)} fits none of them and was kept as a note`);
  run.warn(first.sheet, first.row, first.columns.label.name, `${parts.join('; ')}.`, 'list one application per row, with its own address', { outcome: 'split' });
  return out;
}

/**
 * Which listed name each row of a group stands for. Several rows: aligned by address, order kept
 * (names.ts). One row: its address goes to the name it fits, if any; every name becomes a record.
 */
function assignRows(names: ListedName[], group: Entry[]): Array<number | undefined> {
  const addresses = group.map((e) => e.address?.url);
  if (group.length === 1) {
    let best = -1;
    let bestFit = 0;
    names.forEach((n, j) => {
      const fit = addressFit(n.name, addresses[0]);
      if (fit > bestFit) {
        best = j;
        bestFit = fit;
      }
    });
    return [best >= 0 ? best : undefined];
  }
  const aligned = alignRows(names.map((n) => n.name), addresses);
  if (aligned !== undefined) return aligned;
  // More rows than names: each row takes the name its address fits best.
  return addresses.map((address) => {
    let best = 0;
    names.forEach((n, j) => {
      if (addressFit(n.name, address) > addressFit(names[best]!.name, address)) best = j;
    });
    return best;
  });
}

interface RecordOptions {
  /** Kind from the group label the name was listed under. */
  kind?: Kind;
  /** The name is one of several listed in the row's name cell. */
  split?: boolean;
  /** The row's address: this record's (`use`), only a note (`note`), or another record's (`none`). */
  address: 'use' | 'note' | 'none';
}

function readRecord(run: Run, e: Entry, agencyId: string, id: string, name: string, options: RecordOptions): Application {
  const { sheet, columns, row } = e;
  const { kind: listedKind, split = false } = options;
  const label = columns.label;
  const app: Application = { id, agencyId, name, datasets: [], properties: {} };
  const text = (field: FlatField) => cellText(at(e, field));
  const drop = (field: FlatField, value: string, expected: string) =>
    run.warn(sheet, row, label[field], `${quote(value)} is not ${expected}; the value was dropped and application ${quote(name)} kept.`, fixFor(field));

  const description = text('description');
  if (description !== undefined) {
    // A description shared by several listed applications describes none of them in particular.
    if (split) app.properties[label.description] = description;
    else app.description = description;
  }
  if (split) app.properties['name cell'] = e.nameCell;

  const address = options.address === 'none' ? undefined : e.address;
  if (address !== undefined && options.address === 'note') app.properties[label.address] = address.note ?? address.url!;
  else if (address !== undefined) {
    if (address.url !== undefined) app.url = address.url;
    if (address.note !== undefined) app.properties[label.address] = address.note;
    if (address.kind === 'text') {
      run.warn(sheet, row, label.address, `${quote(address.note!)} is not an address (no URL or IP address in it); it was kept as a note and application ${quote(name)} has no address.`, 'write the address the application is reached at, or "Desktop" / "VPN" when it has none');
    }
  }

  const kindText = text('kind');
  const kind = parseKind(kindText);
  if (kindText !== undefined) app.properties[label.kind] = kindText;
  if (kind === null) drop('kind', kindText!, 'a kind of application');
  const origin = explicit(text('origin'), (t) => parseOrigin(t) ?? parseKind(t)?.origin ?? null, (v) => drop('origin', v, 'an origin'));
  const category = explicit(text('category'), (t) => parseCategory(t) ?? parseKind(t)?.category ?? null, (v) => drop('category', v, 'a category'));
  const resolvedOrigin = origin ?? listedKind?.origin ?? kind?.origin;
  const resolvedCategory = category ?? listedKind?.category ?? kind?.category;
  if (resolvedOrigin !== undefined) app.origin = resolvedOrigin;
  if (resolvedCategory !== undefined) app.category = resolvedCategory;

  const status = explicit<ApplicationStatus>(text('status'), (t) => parseStatus(t) ?? null, (v) => drop('status', v, 'a status'));
  if (status !== undefined) app.status = status;
  const reason = text('statusReason');
  if (reason !== undefined) app.statusReason = reason;

  const platform = text('platform') ?? address?.platform;
  if (platform !== undefined) app.platform = platform;
  const year = explicit(text('year'), (t) => parseYear(t) ?? null, (v) => drop('year', v, 'a year'));
  if (year !== undefined) app.year = year;
  const cost = explicit(text('annualCost'), (t) => parseCost(t) ?? null, (v) => drop('annualCost', v, 'an amount'));
  if (cost !== undefined) app.annualCost = cost;
  const users = explicit(text('users'), (t) => parseCount(t) ?? null, (v) => drop('users', v, 'a count'));
  if (users !== undefined) app.users = users;
  const fn = cellName(at(e, 'function'));
  if (fn !== undefined) app.function = fn;
  const developer = cellName(at(e, 'developer'));
  if (developer !== undefined) app.properties.developer = developer;
  const governmentText = cellName(at(e, 'government'));
  if (governmentText !== undefined) app.properties[label.government] = governmentText;

  for (const { col, key } of columns.properties) {
    const value = cellText(e.cells[col]);
    if (value !== undefined && !isPlaceholder(value)) app.properties[key] = value;
  }
  return app;
}

/** A value parsed from an optional cell: undefined when blank, the parsed value, or undefined after `onBad`. */
function explicit<T>(text: string | undefined, parse: (text: string) => T | null, onBad: (text: string) => void): T | undefined {
  if (text === undefined) return undefined;
  const value = parse(text);
  if (value === null) {
    onBad(text);
    return undefined;
  }
  return value;
}

const FIXES: Partial<Record<FlatField, string>> = {
  kind: 'use "Aplikasi Pusat/Umum", "Aplikasi Khusus/Daerah" or "Lainnya"',
  origin: 'use Pusat (national) or Daerah / Lokal (local)',
  category: 'use Umum (common) or Khusus (specific)',
  status: 'use Aktif, Tidak Aktif or Pengembangan',
  year: 'write a year between 1900 and 2100',
  annualCost: 'write an amount in rupiah, e.g. "Rp 150.000.000" or "150 juta"',
  users: 'write a whole number of users',
};

function fixFor(field: FlatField): string {
  return FIXES[field] ?? 'correct the value';
}
