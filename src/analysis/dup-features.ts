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
  runTextOf,
  systemKey,
  tokenize,
  withoutNamePrefixes,
  type RunText,
  type TrieMatch,
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
  /** The deployed system its address points to (`systemKey`). */
  system?: string;
  /** The name reduced to what identifies the system. */
  core: string[];
  /** The lexicon identity when the whole name is one known system name (SIMPEG, its long form, …). */
  canonical?: string;
  /** What identifies the name across records: its lexicon identity, else its core words joined. */
  nameKey?: string;
  /** `nameKey` as a number (`FeatureSet.nameKeys`), -1 without one. */
  nameKeyId: number;
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
  /** The records' name keys, numbered (`AppFeatures.nameKeyId`). */
  nameKeys: Interner;
  /** Words, word prefixes and lexicon identities the blocking keys are made of. */
  blockWords: Interner;
  governments: string[];
  /** Agency id → name. */
  agencyNames: ReadonlyMap<string, string>;
}

export interface FeatureOptions {
  minFunctionConfidence: number;
  /** Name words longer than this also block on their first `prefixLength` letters. */
  prefixLength: number;
}

/** What a core name gives the comparison, computed once per distinct core name. */
interface NameVectors {
  key: string;
  /** `key`'s number among name keys (`FeatureSet.nameKeys`), given when a record first takes it as its key. */
  keyId: number;
  nameIds: Int32Array;
  trigramIds: Int32Array;
  blockWords: Int32Array;
}

/** An agency as records see it: its government's index and the words of its name. */
interface AgencyWords {
  government: number;
  own: readonly string[];
}

/** A record's core name with its vectors: shared by every record of one name and (when it matters) agency name. */
interface CoreVectors {
  core: string[];
  vectors: NameVectors;
  /** The core names a dashboard (`AppFeatures.view`). */
  view: boolean;
}

export function buildFeatures(
  inventory: Inventory,
  classification: Map<string, Classification>,
  compiled: CompiledReference,
  options: FeatureOptions,
): FeatureSet {
  // On the system-level view of a run, reconciliation has read the region words and parsed the addresses.
  const shared = runTextOf(inventory, compiled.vocabulary);
  const regionTokens = shared?.regionTokens ?? regionWordsOf(inventory, compiled.vocabulary);
  const reader = new RecordReader(inventory, compiled, regionTokens, parentheticalLexicon(inventory, compiled.vocabulary, regionTokens), options, shared);
  // One small method per record: a one-shot pass over tens of thousands of records spends less time in
  // unoptimised code when its hot part is small.
  const apps = inventory.applications;
  const classes = classificationsOf(apps, classification);
  const features: AppFeatures[] = [];
  for (let x = 0; x < apps.length; x++) features.push(reader.read(apps[x]!, classes[x], x));
  const nameIdf = idf(features, reader.names.size);
  reader.descriptions.assign(features);
  return { features, nameIdf, names: reader.names, nameKeys: reader.nameKeys, blockWords: reader.blockWords, governments: reader.governments, agencyNames: reader.agencyName };
}

/** The region and agency proper names of the inventory (`properNameTokens`). */
function regionWordsOf(inventory: Inventory, vocabulary: ReadonlySet<string>): ReadonlySet<string> {
  // Agencies repeat their region's name: each distinct text is read once (the result is a set of words).
  const agencyTexts = new Set<string | undefined>();
  for (let a = 0; a < inventory.agencies.length; a++) {
    agencyTexts.add(inventory.agencies[a]!.name);
    agencyTexts.add(inventory.agencies[a]!.region);
  }
  return properNameTokens(agencyTexts, vocabulary);
}

/**
 * Each record's classification. The map is filled in record order as a rule, so it is walked beside the
 * records (in order, no lookups) as long as the two agree, and the records after the first disagreement
 * are looked up.
 */
function classificationsOf(apps: Application[], classification: Map<string, Classification>): Array<Classification | undefined> {
  const out: Array<Classification | undefined> = new Array(apps.length);
  let x = 0;
  let aligned = true;
  classification.forEach((c, id) => {
    if (aligned && x < apps.length && apps[x]!.id === id) out[x++] = c;
    else aligned = false;
  });
  for (; x < apps.length; x++) out[x] = classification.get(apps[x]!.id);
  return out;
}

/**
 * Reads records into features. Catalogues repeat names, addresses, agencies and descriptions (SIMPEG listed
 * by every unit): each distinct one is analysed once and remembered here.
 */
class RecordReader {
  readonly names = new Interner();
  /** The records' name keys (`AppFeatures.nameKey`), numbered. */
  readonly nameKeys = new Interner();
  readonly blockWords = new Interner();
  readonly governments: string[] = [];
  readonly descriptions = new DescriptionVectors();
  /** Trigram ids, numbered in order of first appearance: an ASCII trigram keyed by its three character codes. */
  private readonly gramCodes = new Map<number, number>();
  private readonly gramTexts = new Map<string, number>();
  private readonly datasets = new Interner();
  private readonly governmentIndex = new Map<string, number>();
  private readonly governmentOf: (agencyId: string) => string;
  private readonly keywordTokens: (code: string) => Set<string> | undefined;
  readonly agencyName: ReadonlyMap<string, string>;
  /** Per agency id: its government's index and the words of its name. */
  private readonly agencies = new Map<string, AgencyWords>();
  /** One word list per distinct agency name, so the list can key the per-name cache of cores. */
  private readonly ownByName = new Map<string, readonly string[]>();
  private lastAgencyId: string | undefined = undefined;
  private lastAgency: AgencyWords | undefined = undefined;
  private readonly partsCache = new Map<string, NameParts>();
  /** The run's name and address numbers of these records, when it has them (`RunText.names`). */
  private readonly numbered: RunText | undefined;
  private readonly partsByNumber: Array<NameParts | undefined>;
  private readonly systemByNumber: Array<string | null | undefined>;
  private readonly vectorCache = new Map<string, NameVectors>();
  /** The system key of each distinct address; null when the address identifies nothing. */
  private readonly systemCache = new Map<string, string | null>();
  private readonly emptyIds = new Int32Array(0);
  private readonly idLists = new IdLists();
  private readonly emptyWeights = new Float64Array(0);
  private readonly singleDataset: Array<Int32Array | undefined> = [];

  constructor(
    inventory: Inventory,
    private readonly compiled: CompiledReference,
    private readonly regionTokens: ReadonlySet<string>,
    private readonly localLexicon: Map<string, string>,
    private readonly options: FeatureOptions,
    /** What the run has read already: addresses parsed, agency names tokenised. */
    private readonly shared: RunText | undefined,
  ) {
    this.governmentOf = shared?.governmentOf ?? governmentsOf(inventory);
    this.numbered = shared !== undefined && shared.names.length === inventory.applications.length ? shared : undefined;
    this.partsByNumber = new Array<NameParts | undefined>(this.numbered?.nameCount ?? 0);
    this.systemByNumber = new Array<string | null | undefined>((this.numbered?.addressCount ?? 0) + 1);
    this.keywordTokens = functionKeywordTokens(compiled);
    this.agencyName = shared?.agencyNames() ?? agencyNamesOf(inventory);
  }

  /** `x`: the record's position in the inventory. */
  read(app: Application, c: Classification | undefined, x: number): AppFeatures {
    const options = this.options;
    const numbered = this.numbered;
    let system: string | null;
    let parts: NameParts | undefined;
    if (numbered !== undefined) {
      // The run numbered names and addresses: what each says is kept by number, not looked up by text.
      const address = numbered.addresses[x]!;
      system = address === 0 ? null : (this.systemByNumber[address] ??= systemKey(numbered.addressUrl(address)) ?? null);
      const nameNumber = numbered.names[x]!;
      parts = this.partsByNumber[nameNumber];
      if (parts === undefined) this.partsByNumber[nameNumber] = parts = nameParts(app.name, this.compiled, this.regionTokens, this.localLexicon);
    } else {
      system = this.systemOf(app.url);
      parts = this.partsCache.get(app.name);
      if (parts === undefined) {
        parts = nameParts(app.name, this.compiled, this.regionTokens, this.localLexicon);
        this.partsCache.set(app.name, parts);
      }
    }
    const agency = this.agencyOf(app.agencyId);
    const named = this.coreOf(parts, agency.own);
    const core = named.core;
    const confident = c?.function !== undefined && c.confidence >= options.minFunctionConfidence;
    const fn = confident ? c!.function : undefined;
    const alt = c?.inferredFunction !== undefined && (c.inferredConfidence ?? 0) >= options.minFunctionConfidence && c.inferredFunction !== fn ? c.inferredFunction : undefined;
    this.descriptions.add(app, parts);
    return {
      app,
      government: agency.government,
      fn,
      fnConfidence: c?.confidence ?? 0,
      weakFn: c?.function,
      altFn: alt,
      generic: c?.generic ?? false,
      platform: c?.sharedPlatform,
      system: system ?? undefined,
      core,
      canonical: parts.canonical,
      nameKey: parts.canonical ?? (core.length > 0 ? named.vectors.key : undefined),
      nameKeyId: this.nameKeyId(parts, named),
      blockWords: named.vectors.blockWords,
      nameIds: named.vectors.nameIds,
      trigramIds: named.vectors.trigramIds,
      descIds: this.emptyIds,
      descWeights: this.emptyWeights,
      datasetIds: app.datasets.length === 0 ? this.emptyIds : this.datasetIds(app.datasets),
      // An opaque code is read through the function the other evidence infers.
      pure: fn !== undefined && isPure(core, this.keywordTokens(fn) ?? (alt !== undefined ? this.keywordTokens(alt) : undefined)),
      ambiguousName: parts.ambiguous,
      view: named.view,
    };
  }

  /** The number of the record's name key (`nameKey`), -1 without one: given once per name or core, not per record. */
  private nameKeyId(parts: NameParts, named: CoreVectors): number {
    if (parts.canonical !== undefined) return (parts.canonicalId ??= this.nameKeys.id(parts.canonical));
    if (named.core.length === 0) return -1;
    const vectors = named.vectors;
    if (vectors.keyId < 0) vectors.keyId = this.nameKeys.id(vectors.key);
    return vectors.keyId;
  }

  private systemOf(url: string | undefined): string | null {
    let system = this.systemCache.get(url ?? '');
    if (system === undefined) {
      const parsed = url !== undefined && this.shared !== undefined ? this.shared.parsedUrl(url) : undefined;
      system = systemKey(parsed === undefined ? parseUrl(url) : (parsed ?? undefined)) ?? null;
      this.systemCache.set(url ?? '', system);
    }
    return system;
  }

  private agencyOf(agencyId: string): AgencyWords {
    // Inventories list an agency's records together: most records ask for the agency just asked for.
    if (agencyId === this.lastAgencyId) return this.lastAgency!;
    let agency = this.agencies.get(agencyId);
    if (agency === undefined) {
      const name = this.agencyName.get(agencyId);
      let own = this.ownByName.get(name ?? '');
      if (own === undefined) {
        own = (name !== undefined ? this.shared?.tokensOf(name) : undefined) ?? tokenize(name);
        this.ownByName.set(name ?? '', own);
      }
      const root = this.governmentOf(agencyId);
      let government = this.governmentIndex.get(root);
      if (government === undefined) {
        government = this.governments.length;
        this.governments.push(root);
        this.governmentIndex.set(root, government);
      }
      agency = { government, own };
      this.agencies.set(agencyId, agency);
    }
    this.lastAgencyId = agencyId;
    this.lastAgency = agency;
    return agency;
  }

  /**
   * The record's core name and vectors. The owning agency's words only change the core when the name
   * carries one of them: otherwise every record of the name shares one core; else one per name and
   * agency-name word list.
   */
  private coreOf(parts: NameParts, own: readonly string[]): CoreVectors {
    if (!sharesWord(parts.base, own)) return (parts.plain ??= this.withVectors(ownCore(parts, own), parts.expansions));
    const owned = (parts.owned ??= new Map());
    let entry = owned.get(own);
    if (entry === undefined) {
      entry = this.withVectors(ownCore(parts, own), parts.expansions);
      owned.set(own, entry);
    }
    return entry;
  }

  private withVectors(core: string[], expansions: string[]): CoreVectors {
    let view = false;
    for (let k = 0; k < core.length; k++) if (VIEW_WORDS.has(core[k]!)) view = true;
    return { core, vectors: this.vectorsOf(core, expansions), view };
  }

  /** Ids of a core name's words (with acronym expansions), trigrams and blocking keys, once per distinct core. */
  private vectorsOf(core: string[], expansions: string[]): NameVectors {
    const key = core.join(' ');
    const cacheKey = `${key}\u0001${expansions.join(' ')}`;
    let vectors = this.vectorCache.get(cacheKey);
    if (vectors === undefined) {
      const prefixLength = this.options.prefixLength;
      const words: number[] = [];
      const nameWords: number[] = [];
      for (let k = 0; k < core.length; k++) {
        const t = core[k]!;
        words.push(this.blockWords.id(t));
        if (t.length > prefixLength) words.push(this.blockWords.id(`>${t.slice(0, prefixLength)}`));
        nameWords.push(this.names.id(t));
      }
      for (let k = 0; k < expansions.length; k++) nameWords.push(this.names.id(expansions[k]!));
      const gramIds = this.trigramIds(key);
      const ids = this.idLists;
      vectors = { key, keyId: -1, nameIds: ids.sortedUnique(nameWords), trigramIds: ids.sortedUnique(gramIds), blockWords: ids.sortedUnique(words) };
      this.vectorCache.set(cacheKey, vectors);
    }
    return vectors;
  }

  /**
   * Ids of the character trigrams of `key` (`trigrams`: padded with a space each side), repeats included.
   * Core words are letters and digits, so a trigram is nearly always three ASCII codes: it is looked up by
   * them packed into one number, without cutting its string; ids are given in order of first appearance.
   */
  private trigramIds(key: string): number[] {
    const padded = ` ${key} `;
    const out: number[] = [];
    for (let i = 0; i + 3 <= padded.length; i++) {
      const a = padded.charCodeAt(i);
      const b = padded.charCodeAt(i + 1);
      const c = padded.charCodeAt(i + 2);
      let id: number | undefined;
      if ((a | b | c) < 128) {
        const code = (a << 14) | (b << 7) | c;
        id = this.gramCodes.get(code);
        if (id === undefined) this.gramCodes.set(code, (id = this.gramCodes.size + this.gramTexts.size));
      } else {
        const text = padded.slice(i, i + 3);
        id = this.gramTexts.get(text);
        if (id === undefined) this.gramTexts.set(text, (id = this.gramCodes.size + this.gramTexts.size));
      }
      out.push(id);
    }
    return out;
  }

  private datasetIds(names: string[]): Int32Array {
    // Most records list one dataset: its one-id list is shared (the lists are only read).
    if (names.length === 1) {
      const id = this.datasets.id(names[0]!);
      return (this.singleDataset[id] ??= this.idLists.of(id));
    }
    const ids: number[] = [];
    for (let d = 0; d < names.length; d++) ids.push(this.datasets.id(names[d]!));
    return this.idLists.sortedUnique(ids);
  }
}

/** Words that make a name a dashboard over data kept elsewhere. */
const VIEW_WORDS: ReadonlySet<string> = new Set(['dashboard', 'dasbor', 'dashbord', 'dasboard']);

/**
 * A name that is essentially the capability itself: at least one of the function's own words and at most
 * one other ("SMS Center", "Geoportal ANRI"), not a name about something else ("Peta Sebaran Pegawai Honorer").
 */
function isPure(core: string[], keywords: Set<string> | undefined): boolean {
  if (keywords === undefined || core.length === 0) return false;
  let own = 0;
  for (const t of core) if (keywords.has(t)) own++;
  return own >= 1 && core.length - own <= 1;
}

/** Ids per shared block of `IdLists`. */
const ID_BLOCK = 1 << 16;

/**
 * Sorted, repeat-free id lists, cut from shared blocks: tens of thousands of short lists, each its own typed
 * array and buffer, would cost an allocation and a buffer for the garbage collector to track each. The
 * lists are only read once made.
 */
class IdLists {
  private block = new Int32Array(ID_BLOCK);
  private used = 0;

  /** The list of one id. */
  of(id: number): Int32Array {
    if (this.used === this.block.length) {
      this.block = new Int32Array(ID_BLOCK);
      this.used = 0;
    }
    this.block[this.used] = id;
    return this.block.subarray(this.used, ++this.used);
  }

  sortedUnique(ids: readonly number[]): Int32Array {
    const n = ids.length;
    if (this.used + n > this.block.length) {
      this.block = new Int32Array(Math.max(ID_BLOCK, n));
      this.used = 0;
    }
    const out = this.block.subarray(this.used, this.used + n);
    for (let i = 0; i < n; i++) out[i] = ids[i]!;
    out.sort();
    let k = 0;
    for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i]!;
    this.used += k;
    return k === n ? out : out.subarray(0, k);
  }
}

/** A description text as compared, once per distinct raw text. */
interface DescriptionText {
  /** The cleaned text, undefined for a placeholder. */
  text?: string;
  /** …in lower case, for the copy-of-the-name check. */
  lower: string;
  /** Index of the text among the distinct compared texts, -1 until a record compares it. */
  k: number;
}

/** TF-IDF vectors (L2-normalised) of descriptions, computed once per distinct description. */
class DescriptionVectors {
  private readonly words = new Interner();
  private readonly distinct = new Map<string, number>();
  private readonly tokenIds: number[][] = [];
  private readonly ofApp: number[] = [];

  /** Descriptions as compared (`usableDescription` without the name check), once per distinct raw text. */
  private readonly texts = new Map<string, DescriptionText>();

  /** `name`: the parts of the record's name (its lower-case form is compared with the description). */
  add(app: Application, name: NameParts): void {
    const raw = app.description ?? '';
    let entry = this.texts.get(raw);
    if (entry === undefined) {
      const text = cleanDescription(raw);
      entry = { text, lower: text === undefined ? '' : text.toLowerCase(), k: -1 };
      this.texts.set(raw, entry);
    }
    // A description that only repeats the name says nothing.
    if (entry.text === undefined || entry.lower === (name.lowerName ??= app.name.trim().toLowerCase())) {
      this.ofApp.push(-1);
      return;
    }
    if (entry.k < 0) {
      let k = this.distinct.get(entry.text);
      if (k === undefined) {
        k = this.tokenIds.length;
        this.distinct.set(entry.text, k);
        const words = contentTokens(tokenize(entry.text));
        const ids: number[] = [];
        for (let w = 0; w < words.length; w++) ids.push(this.words.id(words[w]!));
        this.tokenIds.push(ids);
      }
      entry.k = k;
    }
    this.ofApp.push(entry.k);
  }

  assign(features: AppFeatures[]): void {
    const df = new Float64Array(this.words.size);
    const uses = new Float64Array(this.tokenIds.length);
    const ofApp = this.ofApp;
    for (let i = 0; i < ofApp.length; i++) if (ofApp[i]! >= 0) uses[ofApp[i]!]!++;
    // Document frequency: each text's distinct words, weighted by how many records use the text.
    const seenIn = new Int32Array(this.words.size).fill(-1);
    for (let k = 0; k < this.tokenIds.length; k++) {
      const list = this.tokenIds[k]!;
      for (let x = 0; x < list.length; x++) {
        const id = list[x]!;
        if (seenIn[id] === k) continue;
        seenIn[id] = k;
        df[id]! += uses[k]!;
      }
    }
    const n = features.length;
    const vectors: Array<{ ids: Int32Array; weights: Float64Array }> = [];
    // Every text's ids and weights are cut from two shared arrays, and sorted in one scratch array: a few
    // thousand texts need no buffer each.
    let total = 0;
    let longest = 0;
    for (let k = 0; k < this.tokenIds.length; k++) {
      total += this.tokenIds[k]!.length;
      longest = Math.max(longest, this.tokenIds[k]!.length);
    }
    const allIds = new Int32Array(total);
    const allWeights = new Float64Array(total);
    const scratch = new Int32Array(longest);
    let used = 0;
    for (let k = 0; k < this.tokenIds.length; k++) {
      const list = this.tokenIds[k]!;
      // Term frequencies by sorting the text's word ids: runs of one id are its count.
      const sorted = scratch.subarray(0, list.length);
      for (let x = 0; x < list.length; x++) sorted[x] = list[x]!;
      sorted.sort();
      let distinct = 0;
      for (let x = 0; x < sorted.length; x++) if (x === 0 || sorted[x] !== sorted[x - 1]) distinct++;
      const ids = allIds.subarray(used, used + distinct);
      const weights = allWeights.subarray(used, used + distinct);
      used += distinct;
      let norm = 0;
      for (let x = 0, j = 0; x < sorted.length; j++) {
        const id = sorted[x]!;
        let tf = 0;
        while (x < sorted.length && sorted[x] === id) {
          tf++;
          x++;
        }
        const w = (1 + Math.log(tf)) * Math.log(1 + n / df[id]!);
        ids[j] = id;
        weights[j] = w;
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < weights.length; j++) weights[j]! /= norm;
      vectors.push({ ids, weights });
    }
    for (let i = 0; i < ofApp.length; i++) {
      const k = ofApp[i]!;
      if (k < 0 || vectors[k]!.ids.length === 0) continue;
      features[i]!.descIds = vectors[k]!.ids;
      features[i]!.descWeights = vectors[k]!.weights;
    }
  }
}

/** A description worth comparing: not a placeholder, without catalogue notes (the copy-of-the-name check is the caller's). */
function cleanDescription(description: string): string | undefined {
  const notes = description.indexOf('| Sumber:');
  const d = (notes < 0 ? description : description.slice(0, notes)).trim();
  if (!d || d === '-' || NOTHING.test(d)) return undefined;
  return d;
}

const NOTHING = /^tidak ada$/i;

function idf(features: AppFeatures[], size: number): Float64Array {
  const df = new Float64Array(size);
  for (let i = 0; i < features.length; i++) {
    const ids = features[i]!.nameIds;
    for (let x = 0; x < ids.length; x++) df[ids[x]!]!++;
  }
  const out = new Float64Array(size);
  const n = features.length;
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
  return { core: ownCore(parts, [...ownAgencyTokens]), canonical: parts.canonical, expansions: parts.expansions, ambiguous: parts.ambiguous };
}

/** What a name says before the owning unit is known: computed once per distinct name. */
interface NameParts {
  canonical?: string;
  expansions: string[];
  ambiguous: boolean;
  /** The name's tokens as read (its system labels for a host name). */
  raw: string[];
  /** Content words of the name. */
  named: string[];
  /** …without region words, unit abbreviations and region or agency names. */
  base: string[];
  /** Last resort when no content word is left (from `raw`, once needed). */
  fallback?: string[];
  /** The name trimmed and in lower case (once a description is compared with it): a description equal to it only repeats the name. */
  lowerName?: string;
  /** `canonical`'s number among name keys, given when a record first takes it as its key. */
  canonicalId?: number;
  /** The core and vectors of records whose agency's words are not in the name (most records). */
  plain?: CoreVectors;
  /** …and of the others, by the agency's word set. */
  owned?: Map<readonly string[], CoreVectors>;
}

/** A name that is a host ("sida.madiunkab.go.id"), possibly with a path. */
const HOST_NAME = /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i;
/** "SIPD (Sistem Informasi Pembangunan Daerah)": the bracketed part. */
const BRACKETED = /\(([^()]+)\)/;
const VERSION_LIKE = /^v?\d+(\.\d+)*$/;

function nameParts(name: string, compiled: CompiledReference, regionTokens: ReadonlySet<string>, localLexicon: Map<string, string>): NameParts {
  const trimmed = name.trim();
  const asHost = HOST_NAME.test(trimmed) ? parseUrl(trimmed) : undefined;
  const raw = asHost !== undefined ? hostNameTokens(asHost) : tokenize(name);
  const stripped = withoutNamePrefixes(raw, compiled.vocabulary);
  const found = compiled.trie.matchAll(raw);
  const matches = maximalMatches(stripped ? found.concat(compiled.trie.matchAll(stripped)) : found);
  let ambiguous = false;
  for (let k = 0; k < matches.length; k++) {
    const payloads = matches[k]!.payloads;
    for (let x = 0; x < payloads.length; x++) {
      const t = payloads[x]!;
      if (t.ambiguous === true && (t.kind === 'acronym' || t.kind === 'longform')) ambiguous = true;
    }
  }
  const named = nameTokens(raw, compiled.vocabulary);
  const canonical = wholeNameIdentity(raw, matches, regionTokens) ?? (localLexicon.size > 0 ? localLexicon.get(localKeyOf(named, regionTokens)) : undefined);
  const expansions: string[] = [];
  // A name that spells out its own long form ("SIPD (Sistem Informasi Pembangunan Daerah)") says what its
  // acronym stands for here: the lexicon's long form of that acronym is not added.
  const spelledOut = BRACKETED.exec(name);
  if (spelledOut === null || tokenize(spelledOut[1]).length < 2) {
    for (let k = 0; k < matches.length; k++) {
      const payloads = matches[k]!.payloads;
      for (let x = 0; x < payloads.length; x++) {
        const term = payloads[x]!;
        if (term.kind !== 'acronym' && term.kind !== 'platform') continue;
        const words = expansionOf(term, compiled.vocabulary);
        for (let w = 0; w < words.length; w++) expansions.push(words[w]!);
      }
    }
  }
  const base: string[] = [];
  for (let k = 0; k < named.length; k++) {
    const t = named[k]!;
    if (!REGION_WORDS.has(t) && !UNIT_ABBREVIATIONS.has(t) && !regionTokens.has(t)) base.push(t);
  }
  // Every field from the start: records reach the cached fields in one object shape.
  return { canonical, expansions, ambiguous, raw, named, base, fallback: undefined, lowerName: undefined, canonicalId: undefined, plain: undefined, owned: undefined };
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
function ownCore(parts: NameParts, ownAgencyTokens: readonly string[]): string[] {
  let core = parts.base;
  if (sharesWord(core, ownAgencyTokens)) {
    core = [];
    for (let k = 0; k < parts.base.length; k++) if (!ownAgencyTokens.includes(parts.base[k]!)) core.push(parts.base[k]!);
  }
  if (core.length > 0) return core;
  if (parts.named.length > 0) return parts.named;
  return (parts.fallback ??= parts.raw.filter((t) => t.length >= 2 && !STOPWORDS.has(t)));
}

/** Some word of `words` is one of `others` (both a few words long). */
function sharesWord(words: readonly string[], others: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (others.includes(words[k]!)) return true;
  return false;
}

/** The lexicon identity a name has when lexicon names explain all of its content words. */
function wholeNameIdentity(tokens: string[], matches: Array<TrieMatch<Term>>, regionTokens: ReadonlySet<string>): string | undefined {
  let identity: string | undefined;
  for (let k = 0; k < matches.length; k++) {
    const id = identityOf(matches[k]!);
    if (id === undefined) continue;
    // Two identities in one name: no single one explains it.
    if (identity !== undefined && identity !== id) return undefined;
    identity = id;
  }
  if (identity === undefined) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length < 2 || STOPWORDS.has(t) || BOILERPLATE.has(t) || REGION_WORDS.has(t) || regionTokens.has(t) || VERSION_LIKE.test(t)) continue;
    // A content word must lie inside a match that carries the identity.
    let covered = false;
    for (let k = 0; k < matches.length && !covered; k++) {
      const m = matches[k]!;
      covered = m.start <= i && i < m.end && identityOf(m) !== undefined;
    }
    if (!covered) return undefined;
  }
  return identity;
}

/** The identity a match gives: its first payload that is a system name with one. */
function identityOf(m: TrieMatch<Term>): string | undefined {
  for (let x = 0; x < m.payloads.length; x++) {
    const t = m.payloads[x]!;
    if (t.canonical !== undefined && (t.kind === 'acronym' || t.kind === 'longform' || t.kind === 'platform')) return t.canonical;
  }
  return undefined;
}

/** The key a name has in the inventory's own lexicon: its content words (`nameTokens`) without region words. */
function localKeyOf(named: string[], regionTokens: ReadonlySet<string>): string {
  let key = '';
  for (const t of named) {
    if (REGION_WORDS.has(t) || regionTokens.has(t)) continue;
    key = key === '' ? t : `${key} ${t}`;
  }
  return key;
}

function localKey(tokens: string[], vocabulary: ReadonlySet<string>, regionTokens: ReadonlySet<string>): string {
  return localKeyOf(nameTokens(tokens, vocabulary), regionTokens);
}

/** "SIDAB (Sistem Informasi Distribusi Air Bersih)": an acronym and its long form. */
const ACRONYM_PAIR = /^\s*([^()]+?)\s*\(([^()]+)\)\s*$/;

/**
 * Acronym ↔ long-form pairs the inventory spells out itself: "SIDAB (Sistem Informasi Distribusi Air
 * Bersih)" makes "SIDAB" and "Sistem Informasi Distribusi Air Bersih" one identity everywhere. When two
 * records claim one key, the later record wins: names are read from the last record back, each distinct
 * name once, and a key keeps the first identity given to it.
 */
function parentheticalLexicon(inventory: Inventory, vocabulary: ReadonlySet<string>, regionTokens: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  const apps = inventory.applications;
  for (let x = apps.length - 1; x >= 0; x--) {
    const name = apps[x]!.name;
    if (name.indexOf('(') < 0 || seen.has(name)) continue;
    seen.add(name);
    const m = ACRONYM_PAIR.exec(name);
    if (!m) continue;
    const outerTokens = tokenize(m[1]!);
    const innerTokens = tokenize(m[2]!);
    const [short, long] = outerTokens.length === 1 ? [outerTokens, innerTokens] : innerTokens.length === 1 ? [innerTokens, outerTokens] : [undefined, undefined];
    if (short === undefined || long === undefined || long.length < 2) continue;
    const identity = `local:${short[0]}`;
    for (const tokens of [short, long, tokenize(name)]) {
      const key = localKey(tokens, vocabulary, regionTokens);
      if (!out.has(key)) out.set(key, identity);
    }
  }
  out.delete('');
  return out;
}

/**
 * Every token of a function's keywords, for the "pure generic name" test: read when a record of the function
 * first asks (most records share a few functions); undefined for a code the reference does not define.
 */
function functionKeywordTokens(compiled: CompiledReference): (code: string) => Set<string> | undefined {
  const byCode = new Map<string, CompiledReference['reference']['functions'][number]>();
  for (const f of compiled.reference.functions) byCode.set(f.code, f);
  const out = new Map<string, Set<string>>();
  return (code) => {
    let set = out.get(code);
    if (set === undefined) {
      const f = byCode.get(code);
      if (f === undefined) return undefined;
      set = new Set<string>();
      for (const k of [...f.keywords, ...(f.weakKeywords ?? [])]) for (const t of nameTokens(tokenize(k), compiled.vocabulary)) set.add(t);
      out.set(code, set);
    }
    return set;
  };
}

/** Agency id → name. */
export function agencyNamesOf(inventory: Inventory): Map<string, string> {
  const out = new Map<string, string>();
  for (let a = 0; a < inventory.agencies.length; a++) out.set(inventory.agencies[a]!.id, inventory.agencies[a]!.name);
  return out;
}

/** Top-level government of each agency (a unit's parent chain, cycle-safe); unknown agencies are their own. */
export function governmentsOf(inventory: Inventory): (agencyId: string) => string {
  const parent = new Map<string, string>();
  for (const a of inventory.agencies) if (a.parentId !== undefined && a.parentId !== a.id) parent.set(a.id, a.parentId);
  const memo = new Map<string, string>();
  const chain: string[] = [];
  return (agencyId) => {
    const cached = memo.get(agencyId);
    if (cached !== undefined) return cached;
    // The chain walked so far (units nest a few levels deep): a repeat is a cycle.
    let current = agencyId;
    chain.length = 0;
    chain.push(current);
    let next = parent.get(current);
    for (; next !== undefined && !chain.includes(next); next = parent.get(current)) {
      chain.push(next);
      current = next;
    }
    // A chain that ends at a top-level agency ends there from each of its members; in a cycle each member
    // stops at a different place, so only the asked one is remembered.
    if (next === undefined) for (const member of chain) memo.set(member, current);
    else memo.set(agencyId, current);
    return current;
  };
}
