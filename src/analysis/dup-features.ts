/**
 * Per-application features the duplicate detector compares, built once per inventory: the name reduced to
 * what identifies the system (boilerplate, region and agency names, version suffixes removed; acronym ↔
 * long form unified through the lexicon and through "ACRONYM (Long Form)" pairs the inventory itself
 * spells out), character trigrams of that core name, a TF-IDF vector of the description, the deployed
 * system its URL points to, its datasets, and its function as classified.
 */
import type { Application, Inventory } from '../types.js';
import type { CompiledReference, Term } from '../reference/compile.js';
import type { Classification } from './classify.js';
import {
  BOILERPLATE,
  REGION_WORDS,
  STOPWORDS,
  UNIT_ABBREVIATIONS,
  contentTokens,
  hostNameTokens,
  Interner,
  maximalMatches,
  nameTokens,
  parseUrl,
  properNameTokens,
  systemKey,
  tokenize,
  trigrams,
  withoutNamePrefixes,
  type TrieMatch,
  type UrlInfo,
} from './text.js';

export interface AppFeatures {
  app: Application;
  /** Index of the application's top-level government in `FeatureSet.governments`. */
  government: number;
  /** Function when classified at least `minFunctionConfidence`, else undefined. */
  fn?: string;
  fnConfidence: number;
  /** Any function the classification gave, however weak. */
  weakFn?: string;
  /** A second function the evidence supports (a given code contradicted by strong evidence). */
  altFn?: string;
  generic: boolean;
  platform?: string;
  url?: UrlInfo;
  system?: string;
  /** The name reduced to what identifies the system. */
  core: string[];
  /** The lexicon identity when the whole name is one known system name (SIMPEG, its long form, …). */
  canonical?: string;
  /** What identifies the name across records: its lexicon identity, else its core words joined. */
  nameKey?: string;
  /** Ids (FeatureSet.blockWords) of the core words and of the first letters of long ones: blocking keys. */
  blockWords: Int32Array;
  /** Sorted token ids of `core` plus acronym expansions. */
  nameIds: Int32Array;
  trigramIds: Int32Array;
  descIds: Int32Array;
  descWeights: Float64Array;
  datasetIds: Int32Array;
  /** The core name is made only of its function's own keywords ("Website Kecamatan X" → "website"). */
  pure: boolean;
  /** The name is a lexicon name known to be used for unrelated systems (SIMAS, SIPP): alone it proves nothing. */
  ambiguousName: boolean;
  /** The name says it is a dashboard ("Dashboard Stunting"): a report over a function's data, not the system doing it. */
  view: boolean;
}

export interface FeatureSet {
  features: AppFeatures[];
  /** IDF weight of each name token id. */
  nameIdf: Float64Array;
  names: Interner;
  /** Words, word prefixes and lexicon identities the blocking keys are made of. */
  blockWords: Interner;
  governments: string[];
}

export interface FeatureOptions {
  minFunctionConfidence: number;
  /** Name words longer than this also block on their first `prefixLength` letters. */
  prefixLength: number;
}

/** What a core name gives the comparison, computed once per distinct core name. */
interface NameVectors {
  key: string;
  nameIds: Int32Array;
  trigramIds: Int32Array;
  blockWords: Int32Array;
}

export function buildFeatures(
  inventory: Inventory,
  classification: Map<string, Classification>,
  compiled: CompiledReference,
  options: FeatureOptions,
): FeatureSet {
  const regionTokens = properNameTokens(inventory.agencies.flatMap((a) => [a.name, a.region]), compiled.vocabulary);
  const governmentOf = governmentsOf(inventory);
  const governments: string[] = [];
  const governmentIndex = new Map<string, number>();
  const localLexicon = parentheticalLexicon(inventory, compiled.vocabulary, regionTokens);
  const keywordTokens = functionKeywordTokens(compiled);
  const agencyName = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  const ownCache = new Map<string, Set<string>>();
  const ownTokens = (name: string | undefined): Set<string> => {
    let set = ownCache.get(name ?? '');
    if (set === undefined) {
      set = new Set(tokenize(name));
      ownCache.set(name ?? '', set);
    }
    return set;
  };

  const names = new Interner();
  const grams = new Interner();
  const blockWords = new Interner();
  const datasets = new Interner();
  // Catalogues repeat names, addresses and descriptions (SIMPEG listed by every unit): each distinct text
  // is analysed once.
  const partsCache = new Map<string, NameParts>();
  const vectorCache = new Map<string, NameVectors>();
  const vectorsOf = (core: string[], expansions: string[]): NameVectors => {
    const key = core.join(' ');
    const cacheKey = `${key}\u0001${expansions.join(' ')}`;
    let vectors = vectorCache.get(cacheKey);
    if (vectors === undefined) {
      const words: number[] = [];
      for (const t of core) {
        words.push(blockWords.id(t));
        if (t.length > options.prefixLength) words.push(blockWords.id(`>${t.slice(0, options.prefixLength)}`));
      }
      vectors = {
        key,
        nameIds: sortedUnique([...core, ...expansions].map((t) => names.id(t))),
        trigramIds: sortedUnique(trigrams(key).map((g) => grams.id(g))),
        blockWords: sortedUnique(words),
      };
      vectorCache.set(cacheKey, vectors);
    }
    return vectors;
  };
  const urlCache = new Map<string, { url?: UrlInfo; system?: string }>();
  const descriptions = new DescriptionVectors();
  const emptyIds = new Int32Array(0);
  const emptyWeights = new Float64Array(0);
  const features: AppFeatures[] = inventory.applications.map((app) => {
    const c = classification.get(app.id);
    let address = urlCache.get(app.url ?? '');
    if (address === undefined) {
      const url = parseUrl(app.url);
      address = { url, system: systemKey(url) };
      urlCache.set(app.url ?? '', address);
    }
    let parts = partsCache.get(app.name);
    if (parts === undefined) {
      parts = nameParts(app.name, compiled, regionTokens, localLexicon);
      partsCache.set(app.name, parts);
    }
    const core = ownCore(parts, ownTokens(agencyName.get(app.agencyId)));
    // Most records keep the name's own core: its vectors are remembered on the name.
    const vectors = core === parts.base ? (parts.vectors ??= vectorsOf(core, parts.expansions)) : vectorsOf(core, parts.expansions);
    const root = governmentOf(app.agencyId);
    let government = governmentIndex.get(root);
    if (government === undefined) {
      government = governments.length;
      governments.push(root);
      governmentIndex.set(root, government);
    }
    const confident = c?.function !== undefined && c.confidence >= options.minFunctionConfidence;
    const fn = confident ? c!.function : undefined;
    const alt = c?.inferredFunction !== undefined && (c.inferredConfidence ?? 0) >= options.minFunctionConfidence && c.inferredFunction !== fn ? c.inferredFunction : undefined;
    descriptions.add(app);
    return {
      app,
      government,
      fn,
      fnConfidence: c?.confidence ?? 0,
      weakFn: c?.function,
      altFn: alt,
      generic: c?.generic ?? false,
      platform: c?.sharedPlatform,
      url: address.url,
      system: address.system,
      core,
      canonical: parts.canonical,
      nameKey: parts.canonical ?? (core.length > 0 ? vectors.key : undefined),
      blockWords: vectors.blockWords,
      nameIds: vectors.nameIds,
      trigramIds: vectors.trigramIds,
      descIds: emptyIds,
      descWeights: emptyWeights,
      datasetIds: app.datasets.length === 0 ? emptyIds : sortedUnique(app.datasets.map((d) => datasets.id(d))),
      // An opaque code is read through the function the other evidence infers.
      pure: fn !== undefined && isPure(core, keywordTokens.get(fn) ?? (alt !== undefined ? keywordTokens.get(alt) : undefined)),
      ambiguousName: parts.ambiguous,
      view: core.some((t) => VIEW_WORDS.has(t)),
    };
  });

  const nameIdf = idf(features.map((f) => f.nameIds), names.size);
  descriptions.assign(features);
  return { features, nameIdf, names, blockWords, governments };
}

/** Words that make a name a dashboard over data kept elsewhere. */
const VIEW_WORDS: ReadonlySet<string> = new Set(['dashboard', 'dasbor', 'dashbord', 'dasboard']);

/**
 * A name that is essentially the capability itself: at least one of the function's own words and at most
 * one other ("SMS Center", "Geoportal ANRI"), not a name about something else ("Peta Sebaran Pegawai Honorer").
 */
function isPure(core: string[], keywords: Set<string> | undefined): boolean {
  if (keywords === undefined || core.length === 0) return false;
  const own = core.filter((t) => keywords.has(t)).length;
  return own >= 1 && core.length - own <= 1;
}

function sortedUnique(ids: number[]): Int32Array {
  const out = Int32Array.from(ids).sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i]!;
  return k === out.length ? out : out.slice(0, k);
}

/** TF-IDF vectors (L2-normalised) of descriptions, computed once per distinct description. */
class DescriptionVectors {
  private readonly words = new Interner();
  private readonly distinct = new Map<string, number>();
  private readonly tokenIds: number[][] = [];
  private readonly ofApp: number[] = [];

  /** Descriptions as compared (`usableDescription` without the name check), once per distinct text. */
  private readonly cleaned = new Map<string, string | undefined>();

  add(app: Application): void {
    const raw = app.description ?? '';
    let text = this.cleaned.get(raw);
    if (text === undefined && !this.cleaned.has(raw)) {
      text = cleanDescription(raw);
      this.cleaned.set(raw, text);
    }
    // A description that only repeats the name says nothing.
    if (text !== undefined && text.toLowerCase() === app.name.trim().toLowerCase()) text = undefined;
    if (text === undefined) {
      this.ofApp.push(-1);
      return;
    }
    let k = this.distinct.get(text);
    if (k === undefined) {
      k = this.tokenIds.length;
      this.distinct.set(text, k);
      this.tokenIds.push(contentTokens(tokenize(text)).map((t) => this.words.id(t)));
    }
    this.ofApp.push(k);
  }

  assign(features: AppFeatures[]): void {
    const df = new Float64Array(this.words.size);
    const uses = new Float64Array(this.tokenIds.length);
    for (const k of this.ofApp) if (k >= 0) uses[k]!++;
    this.tokenIds.forEach((list, k) => {
      for (const id of new Set(list)) df[id]! += uses[k]!;
    });
    const n = features.length;
    const vectors = this.tokenIds.map((list) => {
      const tf = new Map<number, number>();
      for (const id of list) tf.set(id, (tf.get(id) ?? 0) + 1);
      const ids = Int32Array.from(tf.keys()).sort();
      const weights = new Float64Array(ids.length);
      let norm = 0;
      ids.forEach((id, j) => {
        const w = (1 + Math.log(tf.get(id)!)) * Math.log(1 + n / df[id]!);
        weights[j] = w;
        norm += w * w;
      });
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < weights.length; j++) weights[j]! /= norm;
      return { ids, weights };
    });
    this.ofApp.forEach((k, i) => {
      if (k < 0 || vectors[k]!.ids.length === 0) return;
      features[i]!.descIds = vectors[k]!.ids;
      features[i]!.descWeights = vectors[k]!.weights;
    });
  }
}

/** A description worth comparing: not a placeholder, without catalogue notes (the copy-of-the-name check is the caller's). */
function cleanDescription(description: string): string | undefined {
  const d = description.split('| Sumber:')[0]?.trim();
  if (!d || d === '-' || /^tidak ada$/i.test(d)) return undefined;
  return d;
}

function idf(sets: Int32Array[], size: number): Float64Array {
  const df = new Float64Array(size);
  for (const s of sets) for (const id of s) df[id]!++;
  const out = new Float64Array(size);
  const n = sets.length;
  for (let id = 0; id < size; id++) out[id] = Math.log(1 + n / Math.max(1, df[id]!));
  return out;
}

interface CoreName {
  core: string[];
  canonical?: string;
  /** Content words of the long form of an acronym in the name (SIMPEG → kepegawaian). */
  expansions: string[];
  /** The name contains a lexicon name known to be used for unrelated systems. */
  ambiguous: boolean;
}

/**
 * The words of a name that identify the system. A name that is a host ("sida.madiunkab.go.id") counts as
 * its system labels. Region names, agency names and the owning agency's own words go, unless nothing would
 * be left.
 */
export function coreName(
  name: string,
  compiled: CompiledReference,
  regionTokens: ReadonlySet<string>,
  localLexicon: Map<string, string> = new Map(),
  ownAgencyTokens: ReadonlySet<string> = new Set(),
): CoreName {
  const parts = nameParts(name, compiled, regionTokens, localLexicon);
  return { core: ownCore(parts, ownAgencyTokens), canonical: parts.canonical, expansions: parts.expansions, ambiguous: parts.ambiguous };
}

/** What a name says before the owning unit is known: computed once per distinct name. */
interface NameParts {
  canonical?: string;
  expansions: string[];
  ambiguous: boolean;
  /** Content words of the name. */
  named: string[];
  /** …without region words, unit abbreviations and region or agency names. */
  base: string[];
  /** Last resort when no content word is left. */
  fallback: string[];
  /** The vectors of `base`, once computed. */
  vectors?: NameVectors;
}

function nameParts(name: string, compiled: CompiledReference, regionTokens: ReadonlySet<string>, localLexicon: Map<string, string>): NameParts {
  const asHost = /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(name.trim()) ? parseUrl(name.trim()) : undefined;
  const raw = asHost !== undefined ? hostNameTokens(asHost) : tokenize(name);
  const stripped = withoutNamePrefixes(raw, compiled.vocabulary);
  const matches = maximalMatches([...compiled.trie.matchAll(raw), ...(stripped ? compiled.trie.matchAll(stripped) : [])]);
  const ambiguous = matches.some((m) => m.payloads.some((t) => t.ambiguous === true && (t.kind === 'acronym' || t.kind === 'longform')));
  const canonical = wholeNameIdentity(raw, matches, regionTokens) ?? localLexicon.get(localKey(raw, compiled.vocabulary, regionTokens));
  const expansions: string[] = [];
  // A name that spells out its own long form ("SIPD (Sistem Informasi Pembangunan Daerah)") says what its
  // acronym stands for here: the lexicon's long form of that acronym is not added.
  const spelledOut = /\(([^()]+)\)/.exec(name);
  for (const m of spelledOut !== null && tokenize(spelledOut[1]).length >= 2 ? [] : matches) {
    for (const term of m.payloads) {
      if (term.kind === 'acronym' || term.kind === 'platform') expansions.push(...expansionOf(term, compiled.vocabulary));
    }
  }
  const named = nameTokens(raw, compiled.vocabulary);
  const base = named.filter((t) => !REGION_WORDS.has(t) && !UNIT_ABBREVIATIONS.has(t) && !regionTokens.has(t));
  return { canonical, expansions, ambiguous, named, base, fallback: raw.filter((t) => t.length >= 2 && !STOPWORDS.has(t)) };
}

/** Content words of a lexicon name's long form (SIMPEG → kepegawaian), once per term. */
const expansionCache = new WeakMap<Term, string[]>();

function expansionOf(term: Term, vocabulary: ReadonlySet<string>): string[] {
  let words = expansionCache.get(term);
  if (words === undefined) {
    const longForm = term.acronym?.longForm;
    words =
      longForm === undefined || longForm.startsWith('(')
        ? []
        : nameTokens(tokenize(longForm.replace(/\([^)]*\)/g, ' ')), vocabulary).filter((t) => !REGION_WORDS.has(t));
    expansionCache.set(term, words);
  }
  return words;
}

/** The owning agency's own name says nothing about the system: "Website Dinas Pendidikan" in that dinas. */
function ownCore(parts: NameParts, ownAgencyTokens: ReadonlySet<string>): string[] {
  const core = !parts.base.some((t) => ownAgencyTokens.has(t)) ? parts.base : parts.base.filter((t) => !ownAgencyTokens.has(t));
  if (core.length > 0) return core;
  return parts.named.length > 0 ? parts.named : parts.fallback;
}

/** The lexicon identity a name has when lexicon names explain all of its content words. */
function wholeNameIdentity(tokens: string[], matches: Array<TrieMatch<Term>>, regionTokens: ReadonlySet<string>): string | undefined {
  const identities = new Set<string>();
  const covered = new Uint8Array(tokens.length);
  for (const m of matches) {
    const ids = m.payloads.filter((t) => t.canonical !== undefined && (t.kind === 'acronym' || t.kind === 'longform' || t.kind === 'platform'));
    if (ids.length === 0) continue;
    identities.add(ids[0]!.canonical!);
    covered.fill(1, m.start, m.end);
  }
  if (identities.size !== 1) return undefined;
  const leftover = tokens.some(
    (t, i) => covered[i] === 0 && t.length >= 2 && !STOPWORDS.has(t) && !BOILERPLATE.has(t) && !REGION_WORDS.has(t) && !regionTokens.has(t) && !/^v?\d+(\.\d+)*$/.test(t),
  );
  return leftover ? undefined : [...identities][0];
}

function localKey(tokens: string[], vocabulary: ReadonlySet<string>, regionTokens: ReadonlySet<string>): string {
  return nameTokens(tokens, vocabulary)
    .filter((t) => !REGION_WORDS.has(t) && !regionTokens.has(t))
    .join(' ');
}

/**
 * Acronym ↔ long-form pairs the inventory spells out itself: "SIDAB (Sistem Informasi Distribusi Air
 * Bersih)" makes "SIDAB" and "Sistem Informasi Distribusi Air Bersih" one identity everywhere.
 */
function parentheticalLexicon(inventory: Inventory, vocabulary: ReadonlySet<string>, regionTokens: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const app of inventory.applications) {
    const m = /^\s*([^()]+?)\s*\(([^()]+)\)\s*$/.exec(app.name);
    if (!m) continue;
    const [outer, inner] = [m[1]!, m[2]!];
    const [short, long] = tokenize(outer).length === 1 ? [outer, inner] : tokenize(inner).length === 1 ? [inner, outer] : [undefined, undefined];
    if (short === undefined || long === undefined || tokenize(long).length < 2) continue;
    const identity = `local:${tokenize(short)[0]}`;
    for (const form of [short, long, app.name]) out.set(localKey(tokenize(form), vocabulary, regionTokens), identity);
  }
  out.delete('');
  return out;
}

/** Every token of each function's keywords, for the "pure generic name" test. */
function functionKeywordTokens(compiled: CompiledReference): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of compiled.reference.functions) {
    const set = new Set<string>();
    for (const k of [...f.keywords, ...(f.weakKeywords ?? [])]) for (const t of nameTokens(tokenize(k), compiled.vocabulary)) set.add(t);
    out.set(f.code, set);
  }
  return out;
}

/** Top-level government of each agency (a unit's parent chain, cycle-safe); unknown agencies are their own. */
export function governmentsOf(inventory: Inventory): (agencyId: string) => string {
  const parent = new Map<string, string>();
  for (const a of inventory.agencies) if (a.parentId !== undefined && a.parentId !== a.id) parent.set(a.id, a.parentId);
  const memo = new Map<string, string>();
  return (agencyId) => {
    const cached = memo.get(agencyId);
    if (cached !== undefined) return cached;
    let current = agencyId;
    const seen = new Set<string>([current]);
    for (let next = parent.get(current); next !== undefined && !seen.has(next); next = parent.get(current)) {
      seen.add(next);
      current = next;
    }
    memo.set(agencyId, current);
    return current;
  };
}
