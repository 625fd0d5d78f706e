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
  return [...csvParts(columns, rows, options)].join('');
}

/** The text of `toCsv` as parts: the BOM, the header record, then up to RECORDS_PER_PART records (with their line ends) per part. */
function* csvParts(columns: readonly string[], rows: Row[], options: Required<CsvOptions>): Generator<string> {
  const { delimiter } = options;
  const needsQuote = quoteTest(delimiter);
  if (options.bom) yield '\uFEFF';
  yield `${columns.map((column) => csvCell(column, delimiter, needsQuote)).join(delimiter)}\n`;
  const cells = new Array<string>(columns.length);
  // Records go out RECORDS_PER_PART at a time: one part per record made resuming the generator and
  // gathering the parts cost as much as the cells themselves.
  let lines: string[] = [];
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) cells[c] = csvCell(row[columns[c]!], delimiter, needsQuote);
    lines.push(cells.join(delimiter), '\n');
    if (lines.length >= 2 * RECORDS_PER_PART) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

const RECORDS_PER_PART = 256;

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

  const duplicates: Row[] = analysis.duplicateClusters.flatMap((cluster) => {
    const evidence = cluster.evidence.map((e) => `${e.kind}: ${e.detail}`).join(TEXT_SEPARATOR);
    return cluster.applications.map((id) => {
      const app = results.get(id);
      return {
        cluster_id: cluster.id,
        function: cluster.function,
        function_name: cluster.functionName,
        label: cluster.label,
        scope: cluster.scope,
        shared_platform: cluster.sharedPlatform,
        application_id: id,
        application_name: appNames.get(id),
        agency_id: app?.agencyId,
        agency_name: app ? agencyNames.get(app.agencyId) : undefined,
        system_id: app?.systemId,
        is_keeper: id === cluster.keeper,
        annual_cost: app ? rupiah(app.annualCost) : undefined,
        cost_estimated: app?.costEstimated,
        cluster_redundant_annual_cost: rupiah(cluster.redundantAnnualCost),
        savings_low: rupiah(cluster.estimatedAnnualSavings.low),
        savings_expected: rupiah(cluster.estimatedAnnualSavings.expected),
        savings_high: rupiah(cluster.estimatedAnnualSavings.high),
        confidence: ratio(cluster.confidence),
        evidence,
      };
    });
  });

  const recommendations: Row[] = analysis.recommendations.map((rec) => ({
    id: rec.id,
    kind: rec.kind,
    title: rec.title,
    wave: rec.wave,
    priority: rec.priority,
    effort: rec.effort,
    target: rec.target,
    cluster_id: rec.clusterId,
    applications: rec.applications.join(ID_SEPARATOR),
    agencies: rec.agencies.join(ID_SEPARATOR),
    savings_low: rupiah(rec.estimatedAnnualSavings.low),
    savings_expected: rupiah(rec.estimatedAnnualSavings.expected),
    savings_high: rupiah(rec.estimatedAnnualSavings.high),
    rationale: rec.rationale.join(TEXT_SEPARATOR),
  }));

  const applications: Row[] = analysis.applications.map((app) => ({
    id: app.id,
    name: appNames.get(app.id),
    agency_id: app.agencyId,
    agency_name: agencyNames.get(app.agencyId),
    status: status.get(app.id),
    function: app.function,
    function_confidence: ratio(app.functionConfidence),
    community: app.community,
    cluster_id: app.clusterId,
    system_id: app.systemId,
    shared_platform: app.sharedPlatform,
    time_label: app.time?.label,
    time_reason: app.time?.reason,
    annual_cost: rupiah(app.annualCost),
    cost_estimated: app.costEstimated,
  }));

  const agencies: Row[] = analysis.agencies.map((a) => ({
    id: a.id,
    name: a.name,
    level: a.level,
    region: a.region,
    parent_id: a.parentId,
    applications: a.applications,
    annual_cost: rupiah(a.annualCost),
    exchanges_internal: a.exchangesInternal,
    exchanges_cross_agency: a.exchangesCrossAgency,
    cross_agency_share: ratio(a.crossAgencyShare),
    isolated_applications: a.isolatedApplications,
    internal_only_applications: a.internalOnlyApplications,
    manual_exchanges: a.manualExchanges,
    shared_platform_applications: a.sharedPlatformApplications,
    silo_score: ratio(a.siloScore),
    community: a.community,
    systems_used: a.systemsUsed,
  }));

  await mkdir(outDir, { recursive: true });
  const files: Array<[string, readonly string[], Row[]]> = [
    ['duplicates.csv', CSV_COLUMNS.duplicates, duplicates],
    ['recommendations.csv', CSV_COLUMNS.recommendations, recommendations],
    ['applications.csv', CSV_COLUMNS.applications, applications],
    ['agencies.csv', CSV_COLUMNS.agencies, agencies],
  ];
  const own = writer ?? inlineWriter();
  const written: string[] = [];
  for (const [name, columns, rows] of files) {
    const path = join(outDir, name);
    void own.write(path, csvParts(columns, rows, resolved));
    written.push(path);
  }
  if (!writer) await own.close();
  return written;
}
