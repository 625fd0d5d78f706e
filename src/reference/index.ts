/**
 * The reference data siloscope classifies against: the SPBE business-function taxonomy (taxonomy.json),
 * the lexicon of government application names (acronyms.json) and the shared platforms — designated
 * Aplikasi Umum and widely used national systems (shared-platforms.json). Sources and which codes are
 * official: data/reference/README.md.
 *
 * `loadReference(dir?)` reads the three files from `dir` (default: data/reference of the package, found
 * from the package root so it works from src/ under tsx and from dist/), validates every cross-reference
 * and returns them with lookup maps. Invalid reference data is an InputError naming file, entry and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fromRoot } from '../paths.js';
import type { InputIssue } from '../types.js';

export const FUNCTION_KINDS = ['sector', 'function', 'application-category'] as const;
export type FunctionKind = (typeof FUNCTION_KINDS)[number];

export interface FunctionDef {
  /** `RAB.09` (official sector), `RAA.01.02` (official application category) or `RAB.09.S05` (siloscope's own). */
  code: string;
  kind: FunctionKind;
  /** True only for codes of the official Perpres 132/2022 tree; siloscope's own codes say false. */
  official: boolean;
  parent?: string;
  name: { id: string; en: string };
  /** Phrases that point to this function (exact, whole normalised tokens). */
  keywords: string[];
  /** Phrases that point here only weakly: alone they never classify an application. */
  weakKeywords?: string[];
  /** Phrases that make this function unlikely (e.g. "akuntabilitas" for employee performance). */
  negativeKeywords?: string[];
  /** A capability many unrelated systems have (websites, GIS, messaging): duplicates need stronger evidence. */
  generic?: boolean;
  /** A whole sector mandate served by many distinct systems (agriculture, transport): likewise. */
  broad?: boolean;
  /** Every unit is expected to run its own (its website): systems of two units are never duplicates. */
  perUnit?: boolean;
}

export interface AcronymEntry {
  acronym: string;
  longForm?: string;
  /** Function the name points to; absent when the name is too ambiguous to count at all. */
  function?: string;
  /** Other functions systems of this name are known to serve. */
  alternatives?: string[];
  ambiguous?: boolean;
  /** Shared platform (shared-platforms.json id) this name designates. */
  platform?: string;
  variants?: string[];
  note?: string;
}

export const DESIGNATIONS = ['aplikasi-umum', 'mandated', 'national', 'provincial'] as const;
export type Designation = (typeof DESIGNATIONS)[number];

export interface SharedPlatformDef {
  id: string;
  name: string;
  owner: string;
  function: string;
  /** Further functions the platform serves (SIPD: budgeting and planning). */
  alsoCovers?: string[];
  variants: string[];
  /** Exact host names, or `label.*` for any host whose first label is `label`. */
  hosts: string[];
  designation: Designation;
  /** True only for designated Aplikasi Umum. */
  designated: boolean;
  /** Whether the designation is backed by a cited public source; false = unconfirmed. */
  confirmed: boolean;
  basis: string;
  note?: string;
  /**
   * The platform this one is a module of (SIPD Penatausahaan → sipd). A record naming only the family
   * ("SIPD", "SIPD RI") is read as the module its unit and description point to.
   */
  family?: string;
  /**
   * Official names of the agency that runs the platform ("Kementerian Dalam Negeri"): inside that agency the
   * platform's function is its own mandate, served by many of its systems, so sharing it proves no duplicate.
   */
  ownerNames?: string[];
}

export interface ReferenceData {
  dir: string;
  versions: { taxonomy: string; acronyms: string; platforms: string };
  functions: FunctionDef[];
  functionByCode: Map<string, FunctionDef>;
  acronyms: AcronymEntry[];
  platforms: SharedPlatformDef[];
  platformById: Map<string, SharedPlatformDef>;
}

export const DEFAULT_REFERENCE_DIR = (): string => fromRoot('data', 'reference');

const FILES = { taxonomy: 'taxonomy.json', acronyms: 'acronyms.json', platforms: 'shared-platforms.json' } as const;

export function loadReference(dir: string = DEFAULT_REFERENCE_DIR()): ReferenceData {
  const taxonomy = readJson(dir, FILES.taxonomy);
  const acronyms = readJson(dir, FILES.acronyms);
  const platforms = readJson(dir, FILES.platforms);
  return buildReference(dir, taxonomy, acronyms, platforms);
}

/** Validates parsed reference documents and indexes them; exported so tests can build small references. */
export function buildReference(dir: string, taxonomyDoc: unknown, acronymsDoc: unknown, platformsDoc: unknown): ReferenceData {
  const issues: InputIssue[] = [];
  const functions = parseFunctions(taxonomyDoc, issues);
  const functionByCode = new Map<string, FunctionDef>();
  for (const f of functions) {
    if (functionByCode.has(f.code)) issues.push(issue(FILES.taxonomy, `function ${f.code}`, 'code', 'duplicate code', 'give every function a unique code'));
    functionByCode.set(f.code, f);
  }
  for (const f of functions) {
    if (f.parent !== undefined && !functionByCode.has(f.parent)) {
      issues.push(issue(FILES.taxonomy, `function ${f.code}`, 'parent', `unknown parent ${f.parent}`, 'point parent at a code of this taxonomy'));
    }
  }

  const platforms = parsePlatforms(platformsDoc, issues);
  const platformById = new Map<string, SharedPlatformDef>();
  for (const p of platforms) {
    if (platformById.has(p.id)) issues.push(issue(FILES.platforms, `platform ${p.id}`, 'id', 'duplicate id', 'give every platform a unique id'));
    platformById.set(p.id, p);
    for (const code of [p.function, ...(p.alsoCovers ?? [])]) {
      if (!isLeafFunction(functionByCode, code)) {
        issues.push(issue(FILES.platforms, `platform ${p.id}`, 'function', `${code} is not a function of taxonomy.json`, 'use a function code (kind "function")'));
      }
    }
  }
  for (const p of platforms) {
    if (p.family === undefined) continue;
    const head = platformById.get(p.family);
    if (head === undefined || head.family !== undefined) {
      issues.push(issue(FILES.platforms, `platform ${p.id}`, 'family', `${p.family} is not a platform without a family of its own`, 'point family at the id of the main platform'));
    }
  }

  const acronyms = parseAcronyms(acronymsDoc, issues);
  for (const a of acronyms) {
    for (const code of [a.function, ...(a.alternatives ?? [])]) {
      if (code !== undefined && !isLeafFunction(functionByCode, code)) {
        issues.push(issue(FILES.acronyms, `acronym ${a.acronym}`, 'function', `${code} is not a function of taxonomy.json`, 'use a function code (kind "function")'));
      }
    }
    if (a.platform !== undefined && !platformById.has(a.platform)) {
      issues.push(issue(FILES.acronyms, `acronym ${a.acronym}`, 'platform', `unknown platform ${a.platform}`, 'use an id of shared-platforms.json'));
    }
    if (a.function === undefined && !a.ambiguous) {
      issues.push(issue(FILES.acronyms, `acronym ${a.acronym}`, 'function', 'no function and not marked ambiguous', 'give a function, or mark the name ambiguous'));
    }
  }

  if (issues.length > 0) throw new InputError(issues.map((i) => ({ ...i, file: join(dir, i.file) })));
  return {
    dir,
    versions: { taxonomy: versionOf(taxonomyDoc), acronyms: versionOf(acronymsDoc), platforms: versionOf(platformsDoc) },
    functions,
    functionByCode,
    acronyms,
    platforms,
    platformById,
  };
}

function isLeafFunction(byCode: Map<string, FunctionDef>, code: string): boolean {
  return byCode.get(code)?.kind === 'function';
}

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new InputError({ level: 'error', file: path, message: 'reference file not found', fix: `put ${file} in ${dir}, or omit the reference folder to use the bundled one` });
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new InputError({ level: 'error', file: path, message: `not valid JSON: ${(error as Error).message}`, fix: 'fix the JSON syntax' });
  }
}

function issue(file: string, entry: string, field: string, message: string, fix: string): InputIssue {
  return { level: 'error', file, column: field, message: `${entry}: ${message}`, fix };
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

function versionOf(doc: unknown): string {
  return isObject(doc) && typeof doc.version === 'string' ? doc.version : 'unversioned';
}

function listOf(doc: unknown, key: string, file: string, issues: InputIssue[]): Json[] {
  if (!isObject(doc) || !Array.isArray(doc[key])) {
    issues.push({ level: 'error', file, message: `expected an object with a "${key}" array`, fix: `wrap the entries in { "${key}": [ … ] }` });
    return [];
  }
  const out: Json[] = [];
  (doc[key] as unknown[]).forEach((entry, i) => {
    if (isObject(entry)) out.push(entry);
    else issues.push({ level: 'error', file, row: i + 1, message: `${key}[${i}] is not an object`, fix: 'make every entry a JSON object' });
  });
  return out;
}

/** Reads one field, recording an issue when it is present with the wrong type (or missing when required). */
function field<T>(
  entry: Json,
  key: string,
  check: (v: unknown) => v is T,
  where: { file: string; entry: string; issues: InputIssue[] },
  required: boolean,
  expected: string,
): T | undefined {
  const v = entry[key];
  if (v === undefined) {
    if (required) where.issues.push(issue(where.file, where.entry, key, 'missing', `add "${key}" (${expected})`));
    return undefined;
  }
  if (!check(v)) {
    where.issues.push(issue(where.file, where.entry, key, `expected ${expected}`, `make "${key}" ${expected}`));
    return undefined;
  }
  return v;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isKind = (v: unknown): v is FunctionKind => FUNCTION_KINDS.includes(v as FunctionKind);
const isDesignation = (v: unknown): v is Designation => DESIGNATIONS.includes(v as Designation);
const isName = (v: unknown): v is { id: string; en: string } => isObject(v) && isString(v.id) && isString(v.en);

function parseFunctions(doc: unknown, issues: InputIssue[]): FunctionDef[] {
  const out: FunctionDef[] = [];
  for (const entry of listOf(doc, 'functions', FILES.taxonomy, issues)) {
    const where = { file: FILES.taxonomy, entry: `function ${String(entry.code ?? '?')}`, issues };
    const code = field(entry, 'code', isString, where, true, 'a non-empty string');
    const kind = field(entry, 'kind', isKind, where, true, FUNCTION_KINDS.join(' | '));
    const official = field(entry, 'official', isBoolean, where, true, 'true or false');
    const name = field(entry, 'name', isName, where, true, '{ "id": …, "en": … }');
    const keywords = field(entry, 'keywords', isStringArray, where, true, 'an array of non-empty strings');
    const weakKeywords = field(entry, 'weakKeywords', isStringArray, where, false, 'an array of non-empty strings');
    const negativeKeywords = field(entry, 'negativeKeywords', isStringArray, where, false, 'an array of non-empty strings');
    const parent = field(entry, 'parent', isString, where, false, 'a code');
    const generic = field(entry, 'generic', isBoolean, where, false, 'true or false');
    const broad = field(entry, 'broad', isBoolean, where, false, 'true or false');
    const perUnit = field(entry, 'perUnit', isBoolean, where, false, 'true or false');
    if (code === undefined || kind === undefined || official === undefined || name === undefined || keywords === undefined) continue;
    if (!official && !/^RA[AB]\.\d{2}\.S\d{2}$/.test(code)) {
      issues.push(issue(FILES.taxonomy, where.entry, 'code', 'siloscope codes must look like RAB.xx.Snn', 'keep the S segment that marks a code as siloscope\'s own'));
    }
    if (kind === 'function' && keywords.length === 0) {
      issues.push(issue(FILES.taxonomy, where.entry, 'keywords', 'a function needs at least one keyword', 'add keywords'));
    }
    out.push({ code, kind, official, parent, name, keywords, weakKeywords, negativeKeywords, generic, broad, perUnit });
  }
  return out;
}

function parseAcronyms(doc: unknown, issues: InputIssue[]): AcronymEntry[] {
  const out: AcronymEntry[] = [];
  for (const entry of listOf(doc, 'acronyms', FILES.acronyms, issues)) {
    const where = { file: FILES.acronyms, entry: `acronym ${String(entry.acronym ?? '?')}`, issues };
    const acronym = field(entry, 'acronym', isString, where, true, 'a non-empty string');
    if (acronym === undefined) continue;
    out.push({
      acronym,
      longForm: field(entry, 'longForm', isString, where, false, 'a string'),
      function: field(entry, 'function', isString, where, false, 'a function code'),
      alternatives: field(entry, 'alternatives', isStringArray, where, false, 'an array of function codes'),
      ambiguous: field(entry, 'ambiguous', isBoolean, where, false, 'true or false'),
      platform: field(entry, 'platform', isString, where, false, 'a platform id'),
      variants: field(entry, 'variants', isStringArray, where, false, 'an array of names'),
      note: field(entry, 'note', isString, where, false, 'a string'),
    });
  }
  return out;
}

function parsePlatforms(doc: unknown, issues: InputIssue[]): SharedPlatformDef[] {
  const out: SharedPlatformDef[] = [];
  for (const entry of listOf(doc, 'platforms', FILES.platforms, issues)) {
    const where = { file: FILES.platforms, entry: `platform ${String(entry.id ?? '?')}`, issues };
    const id = field(entry, 'id', isString, where, true, 'a non-empty string');
    const name = field(entry, 'name', isString, where, true, 'a non-empty string');
    const owner = field(entry, 'owner', isString, where, true, 'a non-empty string');
    const fn = field(entry, 'function', isString, where, true, 'a function code');
    const alsoCovers = field(entry, 'alsoCovers', isStringArray, where, false, 'an array of function codes');
    const variants = field(entry, 'variants', isStringArray, where, true, 'an array of names');
    const hosts = field(entry, 'hosts', (v): v is string[] => Array.isArray(v) && v.every(isString), where, true, 'an array of host names');
    const designation = field(entry, 'designation', isDesignation, where, true, DESIGNATIONS.join(' | '));
    const designated = field(entry, 'designated', isBoolean, where, true, 'true or false');
    const confirmed = field(entry, 'confirmed', isBoolean, where, true, 'true or false');
    const basis = field(entry, 'basis', isString, where, true, 'a sentence naming the source');
    const note = field(entry, 'note', isString, where, false, 'a string');
    if (
      id === undefined || name === undefined || owner === undefined || fn === undefined || variants === undefined ||
      hosts === undefined || designation === undefined || designated === undefined || confirmed === undefined || basis === undefined
    ) continue;
    for (const host of hosts) {
      if (host !== host.toLowerCase() || !/^[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?$/.test(host)) {
        issues.push(issue(FILES.platforms, where.entry, 'hosts', `"${host}" is not a lower-case host name or label.*`, 'write hosts like srikandi.arsip.go.id or lpse.*'));
      }
    }
    const family = field(entry, 'family', isString, where, false, 'a platform id');
    const ownerNames = field(entry, 'ownerNames', isStringArray, where, false, 'an array of agency names');
    if (designated && designation !== 'aplikasi-umum') {
      issues.push(issue(FILES.platforms, where.entry, 'designated', 'designated is true only for designation aplikasi-umum', 'set designated false or designation aplikasi-umum'));
    }
    out.push({ id, name, owner, function: fn, alsoCovers, variants, hosts, designation, designated, confirmed, basis, note, family, ownerNames });
  }
  return out;
}
