/**
 * Value normalisation shared by every inventory loader (CSV folder, JSON, XLSX, and the flat-catalogue
 * and ArchiMate loaders other modules add): header names, enumerated values, amounts written the
 * Indonesian or the English way, years, and id lists.
 *
 * Convention for every `parseX`: `undefined` = no value given (blank cell or a placeholder such as "-"),
 * `null` = a value was given but is not understood (the caller warns and drops it), otherwise the value.
 *
 * The amount rule (docs/input.md, "Amounts"): with both `.` and `,` in a number, the LAST one is the
 * decimal separator; with one kind repeated, it separates thousands; with one kind once, it separates
 * thousands when exactly three digits follow it and 1–3 non-zero-led digits precede it ("1.500" = 1500,
 * "1,500" = 1500), otherwise it is the decimal mark ("2,5" = 2.5, "1500.50" = 1500.5).
 */
import type { AgencyLevel, ApplicationStatus, Category, Mechanism, Origin } from '../types.js';
import {
  AMOUNT_MULTIPLIERS,
  CATEGORY_VALUES,
  LEVEL_NAME_PREFIXES,
  LEVEL_VALUES,
  MECHANISM_VALUES,
  ORIGIN_VALUES,
  PLACEHOLDERS,
  STATUS_VALUES,
} from './aliases.js';

/** What a loader may hand a value parser: CSV text, or a typed cell from JSON or XLSX. */
export type RawValue = string | number | boolean | Date | readonly string[] | null | undefined;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const NON_ALNUM_RUN = /[^a-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;
const WHITESPACE_RUN = /\s+/g;
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v]/;

/**
 * Header → snake_case key: camelCase split, accents dropped, case ignored, every run of spaces or
 * punctuation one `_`. "Nama Aplikasi", "nama-aplikasi", "NamaAplikasi" and "NAMA_APLIKASI " all give
 * `nama_aplikasi`; "Biaya (Rp)" gives `biaya_rp`.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(CAMEL_BOUNDARY, '$1_$2')
    .toLowerCase()
    .replace(NON_ALNUM_RUN, '_')
    .replace(EDGE_UNDERSCORES, '');
}

/** Value text → lookup key: lower case, accents dropped, punctuation runs one space ("Tidak-Aktif" → "tidak aktif"). */
export function normaliseValueKey(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NON_ALNUM_RUN, ' ').trim();
}

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
const LONGEST_PLACEHOLDER = Math.max(...PLACEHOLDERS.map((p) => p.length));
/**
 * First characters (UTF-16 code units) of placeholders in either case, as a table indexed by code: most
 * cells are ruled out without lower-casing them, and without the one-character string and hash a Set
 * lookup would cost for every cell.
 */
const PLACEHOLDER_STARTS = new Uint8Array(0x10000);
for (const p of PLACEHOLDERS) {
  PLACEHOLDER_STARTS[p.charCodeAt(0)] = 1;
  PLACEHOLDER_STARTS[p[0]!.toUpperCase().charCodeAt(0)] = 1;
}

/** True for texts that mean "no value" in real catalogues ("-", "N/A", "tidak ada", …). */
export function isPlaceholder(text: string): boolean {
  if (text.length > LONGEST_PLACEHOLDER || PLACEHOLDER_STARTS[text.charCodeAt(0)] !== 1) return false;
  return PLACEHOLDER_SET.has(text) || PLACEHOLDER_SET.has(text.toLowerCase());
}

/** A cell as trimmed text, `undefined` when blank or a placeholder. Dates become `YYYY-MM-DD`; lists join with "; ". */
export function cellText(raw: RawValue): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number') text = Number.isFinite(raw) ? String(raw) : '';
  else if (typeof raw === 'boolean') text = raw ? 'true' : 'false';
  else if (raw instanceof Date) text = Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  else text = raw.map((item) => item.trim()).filter((item) => item !== '').join('; ');
  return text === '' || isPlaceholder(text) ? undefined : text;
}

/** Like `cellText`, with every whitespace run (line breaks from wrapped spreadsheet cells) made one space: for ids and names. */
export function cellName(raw: RawValue): string | undefined {
  const text = cellText(raw);
  return text === undefined || !NEEDS_COLLAPSE.test(text) ? text : text.replace(WHITESPACE_RUN, ' ');
}

// ───────────────────────────── enumerations ─────────────────────────────

type Lookup<T extends string> = Map<string, T>;

/**
 * Enumerated cells repeat the same few texts down a column, so each raw text's answer is remembered
 * (bounded, in case a column holds free text instead). The memo hangs off its enumeration, so a parse
 * is one Map lookup of the cell text.
 */
const MEMO_LIMIT = 4096;

interface Enumeration<T extends string> {
  lookup: Lookup<T>;
  memo: Map<string, T | null>;
}

/** Alias → value; the value's own name is accepted too unless `aliasesOnly` (for name-prefix tables). */
function buildLookup<T extends string>(table: Record<T, readonly string[]>, aliasesOnly = false): Lookup<T> {
  const lookup: Lookup<T> = new Map();
  for (const value of Object.keys(table) as T[]) {
    if (!aliasesOnly) lookup.set(normaliseValueKey(value), value);
    for (const alias of table[value]) lookup.set(normaliseValueKey(alias), value);
  }
  return lookup;
}

function enumeration<T extends string>(table: Record<T, readonly string[]>): Enumeration<T> {
  return { lookup: buildLookup(table), memo: new Map() };
}

const LEVELS = enumeration(LEVEL_VALUES);
const LEVEL_PREFIXES = buildLookup(LEVEL_NAME_PREFIXES, true);
const CATEGORIES = enumeration(CATEGORY_VALUES);
const ORIGINS = enumeration(ORIGIN_VALUES);
const STATUSES = enumeration(STATUS_VALUES);
const MECHANISMS = enumeration(MECHANISM_VALUES);

/** Longest leading run of words found in `lookup` ("Tidak Aktif sejak 2020" → "tidak aktif"). */
function lookupLeadingWords<T extends string>(lookup: Lookup<T>, key: string): T | undefined {
  const exact = lookup.get(key);
  if (exact !== undefined) return exact;
  let end = key.lastIndexOf(' ');
  while (end > 0) {
    const found = lookup.get(key.slice(0, end));
    if (found !== undefined) return found;
    end = key.lastIndexOf(' ', end - 1);
  }
  return undefined;
}

function parseEnum<T extends string>({ lookup, memo }: Enumeration<T>, raw: RawValue): T | undefined | null {
  const text = cellText(raw);
  if (text === undefined) return undefined;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const value = lookupLeadingWords(lookup, normaliseValueKey(text)) ?? null;
  if (memo.size < MEMO_LIMIT) memo.set(text, value);
  return value;
}

/** central | province | regency | city | unit, from English or Indonesian words ("Kabupaten", "OPD", "K/L", …). */
export function parseLevel(raw: RawValue): AgencyLevel | undefined | null {
  return parseEnum(LEVELS, raw);
}

/**
 * The level an agency name gives away by its leading words ("Dinas Kesehatan" → unit, "Pemerintah Kota
 * Bogor" → city), used when the level cell is blank or not understood; `undefined` when the name says nothing.
 */
export function inferLevelFromName(name: string): AgencyLevel | undefined {
  return lookupLeadingWords(LEVEL_PREFIXES, normaliseValueKey(name));
}

/** common | specific (Umum / Khusus, and RAA.01 / RAA.02 codes). */
export function parseCategory(raw: RawValue): Category | undefined | null {
  return parseEnum(CATEGORIES, raw);
}

/** local | national (Lokal / Pusat, …). */
export function parseOrigin(raw: RawValue): Origin | undefined | null {
  return parseEnum(ORIGINS, raw);
}

/** active | development | retired (Aktif / Pengembangan / Tidak Aktif, …). */
export function parseStatus(raw: RawValue): ApplicationStatus | undefined | null {
  return parseEnum(STATUSES, raw);
}

/** api | service_bus | file | database | manual (REST → api, ESB/SPLP → service_bus, Excel/email → file, kertas → manual, …). */
export function parseMechanism(raw: RawValue): Mechanism | undefined | null {
  return parseEnum(MECHANISMS, raw);
}

// ───────────────────────────── numbers ─────────────────────────────

const ALLOWED_NUMBER = /^\d(?:[\d.,]*\d)?$/;
const ALL_DIGITS = /^\d+$/;
const CURRENCY_PREFIX = /^(?:rp\.?|idr)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:rupiah|idr)$/i;
const TRAILING_DASH = /[.,]\s*-+$/;
const TRAILING_WORD = /\s*([a-z]+)\.?$/i;
const COUNT_PREFIX = /^(?:[±~≈>]|\+\/-|sekitar\s|kurang lebih\s|lebih dari\s|kurang dari\s)\s*/i;
const COUNT_SUFFIX = /\s*(?:\+|orang|pengguna|users?|akun|pegawai|asn|personil)$/i;
const NEGATIVE = /^(?:-|−|\()/;

/** Thousands groups after the first: "1.500.000" split on "." → ["1", "500", "000"]. */
function validGrouping(parts: string[]): boolean {
  const first = parts[0]!;
  if (first.length < 1 || first.length > 3) return false;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.length !== 3) return false;
  return true;
}

/** Digits with `.`/`,` separators → number, by the rule in this module's header; `null` when ambiguous or malformed. */
export function parseSeparatedNumber(text: string): number | null {
  if (ALL_DIGITS.test(text)) return Number(text);
  if (!ALLOWED_NUMBER.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const cut = Math.max(lastDot, lastComma);
    const integerPart = text.slice(0, cut);
    const fraction = text.slice(cut + 1);
    if (integerPart.includes(decimal) || !ALL_DIGITS.test(fraction)) return null;
    const groups = integerPart.split(thousands);
    return validGrouping(groups) ? Number(`${groups.join('')}.${fraction}`) : null;
  }
  const separator = lastDot >= 0 ? '.' : ',';
  const parts = text.split(separator);
  if (parts.length > 2) return validGrouping(parts) ? Number(parts.join('')) : null;
  const [whole, after] = parts as [string, string];
  if (after.length === 3 && whole.length <= 3 && whole !== '0') return Number(whole + after);
  return Number(`${whole}.${after}`);
}

/**
 * The number in an amount text after the currency and scale words are peeled off; `null` when it is not
 * an amount or is negative (a cost or a count never is).
 */
function parseAmount(text: string, count: boolean): number | null {
  let rest = text.trim();
  if (NEGATIVE.test(rest)) return null;
  rest = rest.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').replace(TRAILING_DASH, '');
  if (count) rest = rest.replace(COUNT_PREFIX, '').replace(COUNT_SUFFIX, '');
  if (NEGATIVE.test(rest)) return null;
  let multiplier = 1;
  const word = TRAILING_WORD.exec(rest);
  if (word) {
    const scale = AMOUNT_MULTIPLIERS[word[1]!.toLowerCase()];
    if (scale === undefined) return null;
    multiplier = scale;
    rest = rest.slice(0, word.index).trim();
  }
  const number = parseSeparatedNumber(rest);
  return number === null ? null : number * multiplier;
}

/**
 * True when `text` is one or more ASCII digits. Most amount and year cells are plain digits, which every
 * rule in `parseAmount` and `parseYear` reads as `Number(text)`; a loop over char codes settles that
 * without running their regexes.
 */
function isDigits(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * An annual cost in IDR: "Rp 1.500.000", "1,500,000.50", "Rp1.500.000,-", "2,5 juta", "Rp 2 M" (miliar),
 * or a number cell. Rounded to whole sen (two decimals) so scale words leave no float dust.
 */
export function parseCost(raw: RawValue): number | undefined | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : null;
  const text = cellText(raw);
  if (text === undefined) return undefined;
  const amount = isDigits(text) ? Number(text) : parseAmount(text, false);
  return amount === null ? null : Math.round(amount * 100) / 100;
}

/** A whole, non-negative count (users): "1.200", "± 50 orang", "2 ribu", or a number cell. */
export function parseCount(raw: RawValue): number | undefined | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : null;
  const text = cellText(raw);
  if (text === undefined) return undefined;
  const amount = isDigits(text) ? Number(text) : parseAmount(text, true);
  if (amount === null) return null;
  const rounded = Math.round(amount);
  return Math.abs(amount - rounded) < 1e-6 ? rounded : null;
}

export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

const YEAR_ONLY = /^(\d{4})(?:\.0+)?$/;
const YEAR_FIRST_DATE = /^(\d{4})[-/.]\d{1,2}[-/.]\d{1,2}(?:[T\s].*)?$/;
const YEAR_LAST_DATE = /^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})$/;

function inYearRange(year: number): number | null {
  return Number.isInteger(year) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : null;
}

/** A year between 1900 and 2100: "2019", "2019-05-01", "01/05/2019", a number or a date cell. */
export function parseYear(raw: RawValue): number | undefined | null {
  if (typeof raw === 'number') return inYearRange(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : inYearRange(raw.getUTCFullYear());
  const text = cellText(raw);
  if (text === undefined) return undefined;
  if (text.length === 4 && isDigits(text)) return inYearRange(Number(text));
  const match = YEAR_ONLY.exec(text) ?? YEAR_FIRST_DATE.exec(text) ?? YEAR_LAST_DATE.exec(text);
  return match ? inYearRange(Number(match[1])) : null;
}

const LIST_SEPARATORS = /[;|,\n]/;

/** Ids separated by `;`, `|`, `,` or line breaks (or a JSON array), trimmed, placeholders and repeats dropped, order kept. */
export function splitList(raw: RawValue): string[] {
  let items: readonly string[];
  if (Array.isArray(raw)) items = raw as readonly string[];
  else {
    const text = cellText(raw as Exclude<RawValue, readonly string[]>);
    if (text === undefined) return [];
    // Most cells hold one id: a test finds no separator without the array and pieces a regex split makes.
    if (!LIST_SEPARATORS.test(text)) {
      const name = cellName(text);
      return name === undefined ? [] : [name];
    }
    items = text.split(LIST_SEPARATORS);
  }
  // Most cells hold no id or one: no set needed to drop repeats.
  if (items.length === 0) return [];
  if (items.length === 1) {
    const text = cellName(items[0]);
    return text === undefined ? [] : [text];
  }
  const seen = new Set<string>();
  for (const item of items) {
    const text = cellName(item);
    if (text !== undefined) seen.add(text);
  }
  return [...seen];
}
