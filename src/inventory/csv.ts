/**
 * Reading one CSV file the way spreadsheet exports actually arrive: UTF-8 with or without a BOM (UTF-16
 * "Unicode text" exports with a BOM are decoded too), `,` `;` or tab delimiters sniffed from the header
 * line, CRLF or LF line ends, quotes inside unquoted values. Parsing is csv-parse's, with a fast path
 * that reads well-formed files the same way; this module also decides the encoding and the delimiter,
 * refuses binary files with a message a person can act on, and numbers rows as a spreadsheet shows them
 * (header = row 1, blank lines counted, a multi-line quoted cell is one row).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';

export interface CsvRow {
  /** Spreadsheet row number (header = row 1 when the header is the first line). */
  row: number;
  /** Cells as written, untrimmed; may be shorter or longer than the header. */
  cells: string[];
}

export interface CsvRecords {
  /** How messages name the file. */
  file: string;
  header: string[];
  /** Row number of the header: 1 unless blank or title lines precede it. */
  headerRow: number;
  /** Data rows; blank rows are left out but still counted in row numbers. */
  rows: CsvRow[];
  delimiter: ',' | ';' | '\t';
}

const SNIFF_BYTES = 8192;

const SIGNATURES: Array<{ bytes: number[]; what: string; fix: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'it is a ZIP archive, probably an XLSX workbook saved under a .csv name', fix: 'pass the workbook with its .xlsx extension, or export each sheet as "CSV UTF-8"' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'it is an old Excel .xls workbook', fix: 'open it in a spreadsheet and save each sheet as "CSV UTF-8", or the workbook as .xlsx' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'it is a PDF document', fix: 'export the table from its source system as CSV UTF-8' },
];

function startsWith(buffer: Uint8Array, bytes: number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

/**
 * Bytes → text, or an InputError saying why the file is not text. `kind` names the expected format in the
 * message ("CSV", "JSON").
 */
export function decodeText(buffer: Uint8Array, file: string, kind: string): string {
  if (startsWith(buffer, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (startsWith(buffer, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  const notText = (what: string, fix: string): InputError =>
    new InputError({ level: 'error', file, message: `this is not a text ${kind} file: ${what}.`, fix });
  for (const signature of SIGNATURES) if (startsWith(buffer, signature.bytes)) throw notText(signature.what, signature.fix);
  const head = buffer.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw notText('it contains NUL bytes (binary data)', `export the data as ${kind} in UTF-8 and pass that file`);
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(buffer));
  } catch {
    const lenient = new TextDecoder('utf-8').decode(buffer);
    const bad = lenient.indexOf('\uFFFD');
    const line = lineAt(lenient, bad);
    throw notText(
      `it is not valid UTF-8 (first bad byte on line ${line})`,
      `save it as "CSV UTF-8" in the spreadsheet, or convert it, e.g. \`iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv\``,
    );
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Lines looked at when sniffing: enough to see past a title line and a few rows. */
const SNIFF_LINES = 10;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter: of `,` `;` tab (counted outside quotes over the first lines), the one that splits the
 * most lines into the same number of cells — a real delimiter cuts the header and every row alike, while
 * commas inside unquoted descriptions vary row to row and a title line above the header has none. Ties
 * go to the one giving more cells, then to `,`.
 */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts: number[][] = [[], [], []];
  const current = [0, 0, 0];
  let quoted = false;
  let lineHasText = false;
  const endLine = (): void => {
    if (lineHasText) for (let d = 0; d < 3; d++) counts[d]!.push(current[d]!);
    current.fill(0);
    lineHasText = false;
  };
  for (let i = 0; i < text.length && counts[0]!.length < SNIFF_LINES; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    if (quoted) continue;
    if (c === 0x0a) endLine();
    else if (c === 0x2c) current[0]!++;
    else if (c === 0x3b) current[1]!++;
    else if (c === 0x09) current[2]!++;
    if (c !== 0x0a && c !== 0x0d && c !== 0x20) lineHasText = true;
  }
  endLine();
  let best = 0;
  let bestLines = 0;
  let bestCells = 0;
  for (let d = 0; d < 3; d++) {
    const frequency = new Map<number, number>();
    for (const n of counts[d]!) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [cells, lines] of frequency) {
      if (lines > bestLines || (lines === bestLines && cells > bestCells)) {
        best = d;
        bestLines = lines;
        bestCells = cells;
      }
    }
  }
  return DELIMITERS[best]!;
}

function filledCells(cells: string[]): number {
  let filled = 0;
  for (const cell of cells) if (isFilled(cell)) filled++;
  return filled;
}

/** True when some cell holds more than whitespace. */
function anyFilled(cells: string[]): boolean {
  for (const cell of cells) if (isFilled(cell)) return true;
  return false;
}

/** `cell.trim() !== ''`, without trimming (a copy) when the first character is printable ASCII. */
function isFilled(cell: string): boolean {
  if (cell.length === 0) return false;
  const c = cell.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || cell.trim() !== '';
}

/**
 * Every inventory table has at least two columns, so the header is the first row with two filled cells;
 * rows above it (a title such as "Daftar Aplikasi 2024") are skipped but still counted.
 */
export const MIN_HEADER_CELLS = 2;

type ParseOptions = { delimiter: CsvRecords['delimiter']; relax_column_count: true; relax_quotes: true; skip_empty_lines: false };

/** Lines probed for the header before the full parse. */
const PROBE_LINES = 20;

/**
 * Where the header starts: its line, and how many records (blank or title lines) come before it. The full
 * parse then starts at that line, because csv-parse takes the FIRST record's width as the expected one and
 * builds an error object for every record of another width, even when told to accept them — with a title
 * line first, that would be every row.
 */
function findHeader(text: string, options: ParseOptions): { line: number; recordsBefore: number } {
  try {
    const probe = parse(text, { ...options, to_line: PROBE_LINES, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    let previousEnd = 0;
    for (let k = 0; k < probe.length; k++) {
      if (filledCells(probe[k]!.record) >= MIN_HEADER_CELLS) return { line: previousEnd + 1, recordsBefore: k };
      previousEnd = probe[k]!.info.lines;
    }
  } catch {
    // Malformed input: the full parse below reports it with its line.
  }
  return { line: 1, recordsBefore: 0 };
}

/**
 * Rows shorter or longer than the header (trailing empty cells left out, blank lines) still cost csv-parse
 * an error object each; without a captured stack that is an order of magnitude cheaper. The parse is
 * synchronous, so nothing else runs while the limit is lowered.
 */
function withoutStacks<T>(run: () => T): T {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

/**
 * The records of well-formed text, exactly as csv-parse reads it with the options below, in one pass of
 * string slices (csv-parse copies every cell through a byte buffer, which at national scale is most of the
 * load). Well-formed: LF line ends throughout or CRLF throughout; a cell that starts with a quote ends at a
 * quote followed by the delimiter, a line end or the end of the text, with "" inside it for a quote; quotes
 * elsewhere are text. Anything else (a lone CR, text after a closing quote, an unclosed quote) returns
 * undefined, and csv-parse reads the file, errors and all.
 */
export function parseWellFormed(text: string, delimiter: string): string[][] | undefined {
  const n = text.length;
  const crlf = text.includes('\r');
  if (crlf) {
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) return undefined;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== CR) return undefined;
  }
  const d = delimiter.charCodeAt(0);
  const records: string[][] = [];
  // One character beyond Latin-1 (an en dash in a description) makes V8 hold the whole text, and so every
  // slice of it, as two-byte: every id and name would then be a two-byte string, slower to hash, compare and
  // write for the rest of the run. Such text is cut from one-byte copies of each stretch of whole lines
  // between the lines that hold such a character (one copy per stretch, not per line); those few lines are
  // cut from the text itself.
  let nextWide = findWide(text, 0);
  const wide = nextWide !== n;
  /** The current one-byte copy: text[chunkStart, chunkEnd), whole lines. */
  let chunk = '';
  let chunkStart = 0;
  let chunkEnd = 0;
  // The next quote and delimiter at or after the current position, kept across lines so each search
  // covers new text only: linear however rare either is.
  let nextQuote = text.indexOf('"');
  let nextDelimiter = text.indexOf(delimiter);
  // A row's cells are gathered here and copied out at their exact count: an array grown by push keeps
  // room for 16 cells, which for a 5-column table is most of the row's memory, kept for the whole run.
  const scratch: string[] = [];
  let pos = 0;
  while (pos < n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    const contentEnd = crlf && lineEnd < n ? lineEnd - 1 : lineEnd;
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    // Cells are cut from `source`, which starts at text position `base`.
    let source = text;
    let base = 0;
    if (wide) {
      if (nextWide !== n && nextWide < pos) nextWide = findWide(text, pos);
      if (nextWide >= lineEnd) {
        if (pos >= chunkEnd) {
          chunkStart = pos;
          chunkEnd = nextWide === n ? n : text.lastIndexOf('\n', nextWide) + 1;
          chunk = Buffer.from(text.slice(chunkStart, chunkEnd), 'latin1').toString('latin1');
        }
        source = chunk;
        base = chunkStart;
      }
    }
    if (nextQuote === -1 || nextQuote >= contentEnd) {
      scratch.length = 0;
      let start = pos;
      for (;;) {
        if (nextDelimiter !== -1 && nextDelimiter < start) nextDelimiter = text.indexOf(delimiter, start);
        if (nextDelimiter === -1 || nextDelimiter >= contentEnd) break;
        scratch.push(source.slice(start - base, nextDelimiter - base));
        start = nextDelimiter + 1;
      }
      scratch.push(source.slice(start - base, contentEnd - base));
      records.push(scratch.slice());
      pos = lineEnd + 1;
      continue;
    }
    // A quoted record that ends on its own line reads the same from the one-byte copy (which holds that
    // whole line); one whose quoted value runs past the line end is read from the text.
    if (source !== text) {
      const inLine = readQuotedRecord(source, pos - base, d, crlf);
      if (inLine !== undefined && inLine.next + base <= lineEnd + 1) {
        records.push(inLine.cells);
        pos = lineEnd + 1;
        continue;
      }
    }
    const read = readQuotedRecord(text, pos, d, crlf);
    if (read === undefined) return undefined;
    records.push(read.cells);
    pos = read.next;
  }
  return records;
}

const WIDE_CHARS = /[^\x00-\xff]/g;

/** Position of the first character beyond Latin-1 at or after `from`, or text.length when there is none. */
function findWide(text: string, from: number): number {
  WIDE_CHARS.lastIndex = from;
  const match = WIDE_CHARS.exec(text);
  return match === null ? text.length : match.index;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** One record that holds a quote, from `pos`; `next` is where the following record starts. */
function readQuotedRecord(text: string, pos: number, d: number, crlf: boolean): { cells: string[]; next: number } | undefined {
  const n = text.length;
  const cells: string[] = [];
  let i = pos;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return undefined;
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1;
          break;
        }
        value += '"';
        j = q + 2;
      }
      cells.push(value);
    } else {
      // Unquoted: up to the delimiter or the line end; quotes inside are text.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) return { cells, next: n };
    const c = text.charCodeAt(i);
    if (c === d) i++;
    else if (c === LF) return { cells, next: i + 1 };
    else if (crlf && c === CR) return { cells, next: i + 2 };
    else return undefined;
  }
}

/**
 * CSV records with the rows as two parallel arrays (cells, spreadsheet row number) instead of one object
 * per row: the shape `Table` wants, without 100,000 short-lived row objects at national scale.
 */
export interface CsvColumns extends Omit<CsvRecords, 'rows'> {
  cells: string[][];
  rowNumbers: number[];
}

/** Parse CSV text already decoded; `file` names it in messages. Throws InputError on malformed CSV or a missing header. */
export function parseCsvText(text: string, file: string): CsvRecords {
  const { cells, rowNumbers, ...rest } = parseCsvColumns(text, file);
  const rows: CsvRow[] = new Array(cells.length);
  for (let k = 0; k < cells.length; k++) rows[k] = { row: rowNumbers[k]!, cells: cells[k]! };
  return { ...rest, rows };
}

/** `parseCsvText` with the rows as parallel arrays (see `CsvColumns`). */
export function parseCsvColumns(text: string, file: string): CsvColumns {
  const options: ParseOptions = { delimiter: sniffDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false };
  const wellFormed = parseWellFormed(text, options.delimiter);
  const start = wellFormed !== undefined ? { line: 1, recordsBefore: 0 } : findHeader(text, options);
  let records: string[][];
  try {
    records = wellFormed ?? withoutStacks(() => parse(text, { ...options, from_line: start.line }));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? ` at line ${error.lines}` : '';
      throw new InputError({
        level: 'error',
        file,
        message: `malformed CSV${line}: ${error.message.replace(/\.?$/, '.')}`,
        fix: 'close every opening quote; inside a quoted value write a quote as two quotes ("")',
      });
    }
    throw error;
  }
  let headerIndex = 0;
  while (headerIndex < records.length && filledCells(records[headerIndex]!) < MIN_HEADER_CELLS) headerIndex++;
  if (headerIndex === records.length) {
    throw new InputError({
      level: 'error',
      file,
      message: 'the file has no header row (no line with at least two column names).',
      fix: 'put the column names on the first line, then one row per record',
    });
  }
  const header = records[headerIndex]!.map((h) => h.trim());
  // The data rows are moved down over the header and blank rows in the records array itself (a row only
  // ever moves to an earlier slot): no second array of 100,000 rows grown by push.
  const rowNumbers: number[] = [];
  let kept = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (anyFilled(cells)) {
      records[kept++] = cells;
      rowNumbers.push(start.recordsBefore + i + 1);
    }
  }
  records.length = kept;
  return {
    file,
    header,
    headerRow: start.recordsBefore + headerIndex + 1,
    cells: records,
    rowNumbers,
    delimiter: options.delimiter,
  };
}

/**
 * Read a CSV file into its header and rows with spreadsheet row numbers. `fileLabel` is how messages
 * name the file (default: its base name). Throws InputError for a missing file, binary content,
 * invalid UTF-8, malformed quoting or an empty file.
 */
export async function readCsvRecords(path: string, fileLabel: string = basename(path)): Promise<CsvRecords> {
  return parseCsvText(await readCsvText(path, fileLabel), fileLabel);
}

/** `readCsvRecords` with the rows as parallel arrays (see `CsvColumns`). */
export async function readCsvColumns(path: string, fileLabel: string = basename(path)): Promise<CsvColumns> {
  return parseCsvColumns(await readCsvText(path, fileLabel), fileLabel);
}

async function readCsvText(path: string, fileLabel: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new InputError({ level: 'error', file: fileLabel, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, fix: 'check the path and the file permissions' });
  }
  return decodeText(buffer, fileLabel, 'CSV');
}
