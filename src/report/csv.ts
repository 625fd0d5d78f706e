/**
 * CSV exports for architects: duplicates.csv (one row per cluster member), recommendations.csv,
 * applications.csv and agencies.csv, all read from the Analysis (names from the Inventory, which is the
 * authority for them). Columns are snake_case versions of the Analysis field names and values stay
 * machine-readable: codes not translations, plain integers for rupiah, "." decimals, true/false.
 *
 * Encoding: UTF-8 with a byte-order mark, comma-delimited, by default. Without the BOM, Excel on Windows
 * opens a CSV in the ANSI code page and garbles every non-ASCII character of an Indonesian name; with it,
 * Excel, LibreOffice, pandas (encoding="utf-8-sig") and siloscope's own loader all read the file correctly.
 * Excel set to an Indonesian locale splits columns on ";" rather than ",": open the file through
 * Data → From Text/CSV (which detects the comma), or export with `{ delimiter: ';' }`.
 * Cells starting with = + - @ are prefixed with ' so a hostile inventory name cannot run as a formula.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis, Inventory } from '../types.js';
import { inlineWriter, type TextFileWriter } from '../output/writer-thread.js';

export interface CsvOptions {
  /** Prepend a UTF-8 byte-order mark (default true). */
  bom?: boolean;
  /** Field delimiter (default ","). */
  delimiter?: string;
}

const DEFAULTS: Required<CsvOptions> = { bom: true, delimiter: ',' };

/** Separators inside one cell: ids never contain "; ", free text (evidence, rationale) may, so it gets " | ". */
const ID_SEPARATOR = ';';
const TEXT_SEPARATOR = ' | ';

type Value = string | number | boolean | undefined;
type Row = Record<string, Value>;

export const CSV_COLUMNS = {
  duplicates: [
    'cluster_id',
    'function',
    'function_name',
    'label',
    'scope',
    'shared_platform',
    'application_id',
    'application_name',
    'agency_id',
    'agency_name',
    'system_id',
    'is_keeper',
    'annual_cost',
    'cost_estimated',
    'cluster_redundant_annual_cost',
    'savings_low',
    'savings_expected',
    'savings_high',
    'confidence',
    'evidence',
  ],
  recommendations: [
    'id',
    'kind',
    'title',
    'wave',
    'priority',
    'effort',
    'target',
    'cluster_id',
    'applications',
    'agencies',
    'savings_low',
    'savings_expected',
    'savings_high',
    'rationale',
  ],
  applications: [
    'id',
    'name',
    'agency_id',
    'agency_name',
    'status',
    'function',
    'function_confidence',
    'community',
    'cluster_id',
    'system_id',
    'shared_platform',
    'time_label',
    'time_reason',
    'annual_cost',
    'cost_estimated',
  ],
  agencies: [
    'id',
    'name',
    'level',
    'region',
    'parent_id',
    'applications',
    'annual_cost',
    'exchanges_internal',
    'exchanges_cross_agency',
    'cross_agency_share',
    'isolated_applications',
    'internal_only_applications',
    'manual_exchanges',
    'shared_platform_applications',
    'silo_score',
    'community',
    'systems_used',
  ],
} as const;

const rupiah = (value: number): number => Math.round(value);
/** Shares and scores to four decimals: enough to rank, without float noise like 0.30000000000000004. */
const ratio = (value: number): number => Math.round(value * 1e4) / 1e4;

/**
 * One table as text, exactly as csv-stringify writes it with `header`, `bom`, `escape_formulas` and
 * booleans cast to true/false (test/report/csv.test.ts holds the two side by side): `\n` after every
 * record, a cell quoted only when it holds a quote, the delimiter or a line break. Done here in one pass
 * over plain strings because csv-stringify's per-cell option handling, at national scale, cost more than
 * building the rows.
 */
export function toCsv(columns: readonly string[], rows: Row[], options: Required<CsvOptions>): string {
  const { cell: encode } = cellEncoder(options.delimiter);
  const fill: Filler = (i, cells) => {
    const row = rows[i]!;
    for (let c = 0; c < columns.length; c++) cells[c] = encode(row[columns[c]!]);
  };
  return [...csvParts(columns, columns.length, rows.length, fill, options)].join('');
}

/**
 * A table's records: `fill(i, cells)` puts record i's cells, already encoded (`cellEncoder`), into `cells`
 * in order. A record may hand over several adjacent columns as one cell, joined with the delimiter, when
 * they repeat from record to record (a duplicate cluster's own columns on each of its members' records).
 */
type Filler = (i: number, cells: string[]) => void;

/**
 * Records joined into one part: some 25,000 characters at most at national scale (a duplicates record is up
 * to 1,500). Larger parts measured slower: a string of more than 128 kB (64,000 characters once one is
 * beyond Latin-1) is allocated straight into the old generation.
 */
const RECORDS_PER_PART = 16;

/**
 * The text of a table as parts: the BOM, the header record, then the records RECORDS_PER_PART at a time.
 * Each part is one join of an array holding the cells with the delimiters and line ends already in place
 * between them (they never change), so a record's characters are copied once, straight into a flat part:
 * a string per record with its line end appended was a concatenation, copied again to be handed to the
 * writer thread.
 */
function* csvParts(columns: readonly string[], width: number, count: number, fill: Filler, options: Required<CsvOptions>): Generator<string> {
  const { delimiter } = options;
  const { cell: encode } = cellEncoder(delimiter);
  if (options.bom) yield '\uFEFF';
  yield `${columns.map(encode).join(delimiter)}\n`;
  const cells = new Array<string>(width).fill('');
  let layout: string[] = [];
  for (let first = 0; first < count; first += RECORDS_PER_PART) {
    const records = Math.min(RECORDS_PER_PART, count - first);
    // Cell c of record r at 2 * (r * width + c), each followed by the delimiter or, after the last, "\n".
    if (layout.length !== 2 * width * records) {
      layout = new Array<string>(2 * width * records);
      for (let at = 1; at < layout.length; at += 2) layout[at] = (at + 1) % (2 * width) === 0 ? '\n' : delimiter;
    }
    for (let r = 0, at = 0; r < records; r++) {
      fill(first + r, cells);
      for (let c = 0; c < width; c++, at += 2) layout[at] = cells[c]!;
    }
    yield layout.join('');
  }
}

/**
 * Whether a cell must be quoted: it holds a quote, a line break or the delimiter. One regular-expression
 * scan instead of a search per character; a multi-character delimiter keeps the general test below.
 */
function quoteTest(delimiter: string): (text: string) => boolean {
  if (delimiter.length === 1) {
    const pattern = new RegExp(`["\\n\\r${delimiter.replace(/[\\\]^-]/g, '\\$&')}]`);
    return (text) => pattern.test(text);
  }
  return (text) =>
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text.includes(delimiter) ||
    // A multi-character delimiter whose start ends the cell would fuse with the delimiter written after it.
    (text + delimiter).indexOf(delimiter) < text.length;
}

/** Leading characters a spreadsheet would read as a formula (OWASP CSV injection), as csv-stringify lists them. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Every character JavaScript writes a number with (digits, sign, point, exponent, Infinity, NaN). */
const NUMBER_CHARACTERS = /[0-9.+\-eInfityNa]/;

interface CellEncoder {
  /** A value as one cell: quoted when it has to be, formula-like text prefixed with '. */
  cell(value: Value): string;
  /** Text items joined with `separator` as one cell, exactly as `cell(items.join(separator))`. */
  list(items: readonly string[], separator: string): string;
}

function cellEncoder(delimiter: string): CellEncoder {
  const needsQuote = quoteTest(delimiter);
  // With a delimiter sharing no character with any number's text, a number never needs quoting.
  const plainNumbers = !NUMBER_CHARACTERS.test(delimiter);
  const textCell = (text: string, quote: boolean): string => {
    if (text === '') return '';
    if (FORMULA_START.has(text[0]!)) text = `'${text}`;
    return quote ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return {
    cell(value) {
      if (value === undefined || value === '') return '';
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      if (typeof value === 'string') return textCell(value, needsQuote(value));
      const text = String(value);
      // A negative number stays a number: never prefixed.
      return plainNumbers || !needsQuote(text) ? text : `"${text}"`;
    },
    list(items, separator) {
      // Every item is tested, not just until one needs quoting: the items are free text built by
      // concatenation (rationale), which V8 keeps as a tree of pieces until something needs it flat. The
      // test needs it flat and V8 keeps the flat copy, so the join below and analysis.json, written next,
      // read flat text: reading the trees twice, here and there, cost ≈ 70 ms more at national scale.
      let quote = items.length > 1 && needsQuote(separator);
      for (let k = 0; k < items.length; k++) if (needsQuote(items[k]!)) quote = true;
      const text = items.join(separator);
      // A match spans no items' boundary unless the delimiter is longer than one character.
      return textCell(text, delimiter.length === 1 ? quote : needsQuote(text));
    },
  };
}

/**
 * Writes the four CSV files into `outDir` and returns their paths. With a `writer` of the caller's, the
 * files are handed to it and may still be in flight on return: the caller's `writer.close()` completes them.
 */
export async function writeCsvExports(
  analysis: Omit<Analysis, 'targetState'>,
  inventory: Inventory,
  outDir: string,
  options: CsvOptions = {},
  writer?: TextFileWriter,
): Promise<string[]> {
  const resolved: Required<CsvOptions> = { ...DEFAULTS, ...options };
  const { delimiter } = resolved;
  const { cell: encode, list } = cellEncoder(delimiter);
  const apps = analysis.applications;
  const inventoryApps = inventory.applications;
  // Built only when a result is not at its inventory record's position (analyze.ts lists them in step).
  let inventoryById: Map<string, Inventory['applications'][number]> | undefined;
  /** The inventory record of application `id`, whose result is apps[k] (k undefined when it has none). */
  const inventoryApp = (id: string, k: number | undefined) =>
    k !== undefined && inventoryApps[k]?.id === id ? inventoryApps[k] : (inventoryById ??= new Map(inventoryApps.map((app) => [app.id, app]))).get(id);
  /** The inventory's name (the authority), else the result's. */
  const nameOf = (id: string, k: number | undefined): string | undefined => {
    const record = inventoryApp(id, k);
    return record ? record.name : k !== undefined ? apps[k]!.name || undefined : undefined;
  };
  // Agency names as cells, encoded once per agency rather than on every record naming it.
  const agencyNames = new Map<string, string>();
  for (const agency of analysis.governments) agencyNames.set(agency.id, agency.name);
  for (const agency of analysis.agencies) agencyNames.set(agency.id, agency.name);
  for (const agency of inventory.agencies) agencyNames.set(agency.id, agency.name);
  const agencyCells = new Map<string, string>();
  for (const [id, name] of agencyNames) agencyCells.set(id, encode(name));
  const agencyCell = (id: string): string => agencyCells.get(id) ?? '';

  // duplicates.csv: one record per (cluster, member). The cluster's own columns, the same on each of its
  // members' records, are encoded and joined once per cluster: the six before the member's and the six after.
  const clusters = analysis.duplicateClusters;
  let members = 0;
  for (const cluster of clusters) members += cluster.applications.length;
  const clusterAt = new Int32Array(members);
  const memberAt = new Int32Array(members);
  for (let c = 0, r = 0; c < clusters.length; c++) {
    for (let m = 0; m < clusters[c]!.applications.length; m++, r++) {
      clusterAt[r] = c;
      memberAt[r] = m;
    }
  }
  const resultAt = new Map<string, number>();
  for (let k = 0; k < apps.length; k++) resultAt.set(apps[k]!.id, k);
  const joined = (values: Value[]): string => values.map(encode).join(delimiter);
  let cached = -1;
  let clusterHead = '';
  let clusterTail = '';
  const duplicates: Filler = (i, cells) => {
    const c = clusterAt[i]!;
    const cluster = clusters[c]!;
    if (c !== cached) {
      cached = c;
      const savings = cluster.estimatedAnnualSavings;
      clusterHead = joined([cluster.id, cluster.function, cluster.functionName, cluster.label, cluster.scope, cluster.sharedPlatform]);
      clusterTail = joined([
        rupiah(cluster.redundantAnnualCost),
        rupiah(savings.low),
        rupiah(savings.expected),
        rupiah(savings.high),
        ratio(cluster.confidence),
        cluster.evidence.map((e) => `${e.kind}: ${e.detail}`).join(TEXT_SEPARATOR),
      ]);
    }
    const id = cluster.applications[memberAt[i]!]!;
    const k = resultAt.get(id);
    const app = k === undefined ? undefined : apps[k]!;
    cells[0] = clusterHead;
    cells[1] = encode(id);
    cells[2] = encode(nameOf(id, k));
    cells[3] = encode(app?.agencyId);
    cells[4] = app ? agencyCell(app.agencyId) : '';
    cells[5] = encode(app?.systemId);
    cells[6] = encode(id === cluster.keeper);
    cells[7] = encode(app ? rupiah(app.annualCost) : undefined);
    cells[8] = encode(app?.costEstimated);
    cells[9] = clusterTail;
  };

  const recs = analysis.recommendations;
  const recommendations: Filler = (i, cells) => {
    const rec = recs[i]!;
    cells[0] = encode(rec.id);
    cells[1] = encode(rec.kind);
    cells[2] = encode(rec.title);
    cells[3] = encode(rec.wave);
    cells[4] = encode(rec.priority);
    cells[5] = encode(rec.effort);
    cells[6] = encode(rec.target);
    cells[7] = encode(rec.clusterId);
    cells[8] = encode(rec.applications.join(ID_SEPARATOR));
    cells[9] = encode(rec.agencies.join(ID_SEPARATOR));
    cells[10] = encode(rupiah(rec.estimatedAnnualSavings.low));
    cells[11] = encode(rupiah(rec.estimatedAnnualSavings.expected));
    cells[12] = encode(rupiah(rec.estimatedAnnualSavings.high));
    cells[13] = list(rec.rationale, TEXT_SEPARATOR);
  };

  const applications: Filler = (i, cells) => {
    const app = apps[i]!;
    cells[0] = encode(app.id);
    cells[1] = encode(nameOf(app.id, i));
    cells[2] = encode(app.agencyId);
    cells[3] = agencyCell(app.agencyId);
    cells[4] = encode(inventoryApp(app.id, i)?.status);
    cells[5] = encode(app.function);
    cells[6] = encode(ratio(app.functionConfidence));
    cells[7] = encode(app.community);
    cells[8] = encode(app.clusterId);
    cells[9] = encode(app.systemId);
    cells[10] = encode(app.sharedPlatform);
    cells[11] = encode(app.time?.label);
    cells[12] = encode(app.time?.reason);
    cells[13] = encode(rupiah(app.annualCost));
    cells[14] = encode(app.costEstimated);
  };

  const agencyRows = analysis.agencies;
  const agencies: Filler = (i, cells) => {
    const a = agencyRows[i]!;
    cells[0] = encode(a.id);
    cells[1] = encode(a.name);
    cells[2] = encode(a.level);
    cells[3] = encode(a.region);
    cells[4] = encode(a.parentId);
    cells[5] = encode(a.applications);
    cells[6] = encode(rupiah(a.annualCost));
    cells[7] = encode(a.exchangesInternal);
    cells[8] = encode(a.exchangesCrossAgency);
    cells[9] = encode(ratio(a.crossAgencyShare));
    cells[10] = encode(a.isolatedApplications);
    cells[11] = encode(a.internalOnlyApplications);
    cells[12] = encode(a.manualExchanges);
    cells[13] = encode(a.sharedPlatformApplications);
    cells[14] = encode(ratio(a.siloScore));
    cells[15] = encode(a.community);
    cells[16] = encode(a.systemsUsed);
  };

  await mkdir(outDir, { recursive: true });
  // The fillers above put each record's cells in exactly these columns' order; a duplicates record is ten
  // cells, the cluster's columns before and after the member's joined into one cell each.
  const files: Array<[string, readonly string[], number, number, Filler]> = [
    ['duplicates.csv', CSV_COLUMNS.duplicates, 10, members, duplicates],
    ['recommendations.csv', CSV_COLUMNS.recommendations, CSV_COLUMNS.recommendations.length, recs.length, recommendations],
    ['applications.csv', CSV_COLUMNS.applications, CSV_COLUMNS.applications.length, apps.length, applications],
    ['agencies.csv', CSV_COLUMNS.agencies, CSV_COLUMNS.agencies.length, agencyRows.length, agencies],
  ];
  const own = writer ?? inlineWriter();
  const written: string[] = [];
  for (const [name, columns, width, count, fill] of files) {
    const path = join(outDir, name);
    void own.write(path, csvParts(columns, width, count, fill, resolved));
    written.push(path);
  }
  if (!writer) await own.close();
  return written;
}
