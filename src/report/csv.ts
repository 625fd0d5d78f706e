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
  const fill = (i: number, values: Value[]): void => {
    const row = rows[i]!;
    for (let c = 0; c < columns.length; c++) values[c] = row[columns[c]!];
  };
  return [...csvParts(columns, rows.length, fill, options)].join('');
}

/**
 * A table's records: `fill(i, values)` puts record i's values into `values` in column order (one scratch
 * array for every record: a national export is some 70,000 records, and an object per record was most of
 * the cost of writing them).
 */
type Filler = (i: number, values: Value[]) => void;

/** The text of a table as parts: the BOM, the header record, then one part per record (with its line end). */
function* csvParts(columns: readonly string[], count: number, fill: Filler, options: Required<CsvOptions>): Generator<string> {
  const { delimiter } = options;
  const needsQuote = quoteTest(delimiter);
  if (options.bom) yield '\uFEFF';
  yield `${columns.map((column) => csvCell(column, delimiter, needsQuote)).join(delimiter)}\n`;
  const values = new Array<Value>(columns.length);
  const cells = new Array<string>(columns.length);
  // One part per record: the writer gathers parts into pieces, so joining records here copied them once more.
  for (let i = 0; i < count; i++) {
    values.fill(undefined);
    fill(i, values);
    for (let c = 0; c < columns.length; c++) cells[c] = csvCell(values[c], delimiter, needsQuote);
    yield `${cells.join(delimiter)}\n`;
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

function csvCell(value: Value, delimiter: string, needsQuote: (text: string) => boolean = quoteTest(delimiter)): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = typeof value === 'number' ? String(value) : value;
  const quote = needsQuote(text);
  // A negative number stays a number; any other cell starting like a formula is prefixed with '.
  if (typeof value !== 'number' && FORMULA_START.has(text[0]!)) text = `'${text}`;
  if (!quote) return text;
  return `"${text.replaceAll('"', '""')}"`;
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
  const appNames = new Map<string, string>();
  for (const app of analysis.applications) if (app.name) appNames.set(app.id, app.name);
  for (const app of inventory.applications) appNames.set(app.id, app.name);
  const status = new Map(inventory.applications.map((app) => [app.id, app.status]));
  const agencyNames = new Map<string, string>();
  for (const agency of [...analysis.governments, ...analysis.agencies]) agencyNames.set(agency.id, agency.name);
  for (const agency of inventory.agencies) agencyNames.set(agency.id, agency.name);
  const results = new Map(analysis.applications.map((app) => [app.id, app]));

  // duplicates.csv: one record per (cluster, member); the cluster's evidence joined once per cluster.
  const clusters = analysis.duplicateClusters;
  let members = 0;
  for (const cluster of clusters) members += cluster.applications.length;
  const clusterAt = new Int32Array(members);
  const memberAt = new Int32Array(members);
  const evidenceOf = clusters.map((cluster) => cluster.evidence.map((e) => `${e.kind}: ${e.detail}`).join(TEXT_SEPARATOR));
  for (let c = 0, r = 0; c < clusters.length; c++) {
    for (let m = 0; m < clusters[c]!.applications.length; m++, r++) {
      clusterAt[r] = c;
      memberAt[r] = m;
    }
  }
  const duplicates: Filler = (i, v) => {
    const cluster = clusters[clusterAt[i]!]!;
    const id = cluster.applications[memberAt[i]!]!;
    const app = results.get(id);
    v[0] = cluster.id;
    v[1] = cluster.function;
    v[2] = cluster.functionName;
    v[3] = cluster.label;
    v[4] = cluster.scope;
    v[5] = cluster.sharedPlatform;
    v[6] = id;
    v[7] = appNames.get(id);
    v[8] = app?.agencyId;
    v[9] = app ? agencyNames.get(app.agencyId) : undefined;
    v[10] = app?.systemId;
    v[11] = id === cluster.keeper;
    v[12] = app ? rupiah(app.annualCost) : undefined;
    v[13] = app?.costEstimated;
    v[14] = rupiah(cluster.redundantAnnualCost);
    v[15] = rupiah(cluster.estimatedAnnualSavings.low);
    v[16] = rupiah(cluster.estimatedAnnualSavings.expected);
    v[17] = rupiah(cluster.estimatedAnnualSavings.high);
    v[18] = ratio(cluster.confidence);
    v[19] = evidenceOf[clusterAt[i]!];
  };

  const recs = analysis.recommendations;
  const recommendations: Filler = (i, v) => {
    const rec = recs[i]!;
    v[0] = rec.id;
    v[1] = rec.kind;
    v[2] = rec.title;
    v[3] = rec.wave;
    v[4] = rec.priority;
    v[5] = rec.effort;
    v[6] = rec.target;
    v[7] = rec.clusterId;
    v[8] = rec.applications.join(ID_SEPARATOR);
    v[9] = rec.agencies.join(ID_SEPARATOR);
    v[10] = rupiah(rec.estimatedAnnualSavings.low);
    v[11] = rupiah(rec.estimatedAnnualSavings.expected);
    v[12] = rupiah(rec.estimatedAnnualSavings.high);
    v[13] = rec.rationale.join(TEXT_SEPARATOR);
  };

  const apps = analysis.applications;
  const applications: Filler = (i, v) => {
    const app = apps[i]!;
    v[0] = app.id;
    v[1] = appNames.get(app.id);
    v[2] = app.agencyId;
    v[3] = agencyNames.get(app.agencyId);
    v[4] = status.get(app.id);
    v[5] = app.function;
    v[6] = ratio(app.functionConfidence);
    v[7] = app.community;
    v[8] = app.clusterId;
    v[9] = app.systemId;
    v[10] = app.sharedPlatform;
    v[11] = app.time?.label;
    v[12] = app.time?.reason;
    v[13] = rupiah(app.annualCost);
    v[14] = app.costEstimated;
  };

  const agencyRows = analysis.agencies;
  const agencies: Filler = (i, v) => {
    const a = agencyRows[i]!;
    v[0] = a.id;
    v[1] = a.name;
    v[2] = a.level;
    v[3] = a.region;
    v[4] = a.parentId;
    v[5] = a.applications;
    v[6] = rupiah(a.annualCost);
    v[7] = a.exchangesInternal;
    v[8] = a.exchangesCrossAgency;
    v[9] = ratio(a.crossAgencyShare);
    v[10] = a.isolatedApplications;
    v[11] = a.internalOnlyApplications;
    v[12] = a.manualExchanges;
    v[13] = a.sharedPlatformApplications;
    v[14] = ratio(a.siloScore);
    v[15] = a.community;
    v[16] = a.systemsUsed;
  };

  await mkdir(outDir, { recursive: true });
  // The fillers above put each record's values in exactly these columns' order.
  const files: Array<[string, readonly string[], number, Filler]> = [
    ['duplicates.csv', CSV_COLUMNS.duplicates, members, duplicates],
    ['recommendations.csv', CSV_COLUMNS.recommendations, recs.length, recommendations],
    ['applications.csv', CSV_COLUMNS.applications, apps.length, applications],
    ['agencies.csv', CSV_COLUMNS.agencies, agencyRows.length, agencies],
  ];
  const own = writer ?? inlineWriter();
  const written: string[] = [];
  for (const [name, columns, count, fill] of files) {
    const path = join(outDir, name);
    void own.write(path, csvParts(columns, count, fill, resolved));
    written.push(path);
  }
  if (!writer) await own.close();
  return written;
}
