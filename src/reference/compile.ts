/**
 * The reference data compiled for matching: one phrase trie over every keyword, acronym, long form and
 * shared-platform name (normalised exactly as application text is), the vocabulary of known words, and the
 * shared-platform host index. Compiled once per ReferenceData and cached, so classification and duplicate
 * detection share it.
 */
import { PhraseTrie, tokenize, type UrlInfo } from '../analysis/text.js';
import type { AcronymEntry, FunctionDef, ReferenceData, SharedPlatformDef } from './index.js';

export type TermKind = 'keyword' | 'weak' | 'negative' | 'acronym' | 'longform' | 'platform' | 'neutral';

/** Phrases that contain a keyword but say nothing about the function ("berbasis web" is not a website). */
const NEUTRAL_PHRASES = ['berbasis web', 'aplikasi web', 'versi web', 'web based', 'web service', 'web api', 'berbasis website', 'aplikasi berbasis web'];

export interface Term {
  kind: TermKind;
  /** The phrase as written in the reference data. */
  text: string;
  /** Number of tokens of the phrase. */
  tokens: number;
  /** The phrase's normalised words. */
  words: string[];
  function?: string;
  /** Functions an ambiguous acronym may also stand for. */
  alternatives?: string[];
  ambiguous?: boolean;
  platform?: string;
  acronym?: AcronymEntry;
  /**
   * The identity two names share when they are the same system under different spellings:
   * `plt:<platform id>` for shared platforms, `acr:<acronym>` for lexicon names.
   */
  canonical?: string;
  /** `kind|text`: tells one term from another. */
  key: string;
  /** The canonical identity when there is one, else `key`: spellings of one system count once. */
  identity: string;
  /** Dense number of `identity` (terms of one identity share it), for bookkeeping without string keys. */
  identityId: number;
}

export interface CompiledReference {
  reference: ReferenceData;
  trie: PhraseTrie<Term>;
  /** Every token that occurs in the reference data. */
  vocabulary: Set<string>;
  /** Tokens allowed beside a platform's name without making it another system ("SIPD Kemendagri", "MyASN BKN"). */
  platformExtraTokens: Map<string, Set<string>>;
  functions: Map<string, FunctionDef>;
  /** Shared-platform hosts: exact names, and first labels of `label.*` patterns. */
  platformHosts: { exact: Map<string, string>; firstLabel: Map<string, string> };
  /** Platform id → every platform of its family (the main one first), for platforms with modules. */
  families: Map<string, SharedPlatformDef[]>;
  /** Main platform id → the words a name may carry and still name only the family ("SIPD RI", "SIPD Kemendagri"). */
  familyWords: Map<string, Set<string>>;
}

const cache = new WeakMap<ReferenceData, CompiledReference>();

export function compileReference(reference: ReferenceData): CompiledReference {
  const cached = cache.get(reference);
  if (cached) return cached;
  const trie = new PhraseTrie<Term>();
  const vocabulary = new Set<string>();
  const identities = new Map<string, number>();
  const add = (text: string, term: Omit<Term, 'text' | 'tokens' | 'words' | 'key' | 'identity' | 'identityId'>) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    for (const t of tokens) vocabulary.add(t);
    const key = `${term.kind}|${text}`;
    const identity = term.canonical !== undefined ? `canon|${term.canonical}` : key;
    let identityId = identities.get(identity);
    if (identityId === undefined) {
      identityId = identities.size;
      identities.set(identity, identityId);
    }
    // Every term has every field (undefined when it does not apply): one shape for the code that reads them.
    trie.add(tokens, {
      kind: term.kind,
      text,
      tokens: tokens.length,
      words: tokens,
      function: term.function,
      alternatives: term.alternatives,
      ambiguous: term.ambiguous,
      platform: term.platform,
      acronym: term.acronym,
      canonical: term.canonical,
      key,
      identity,
      identityId,
    });
  };

  for (const f of reference.functions) {
    for (const k of f.keywords) add(k, { kind: 'keyword', function: f.code });
    for (const k of f.weakKeywords ?? []) add(k, { kind: 'weak', function: f.code });
    for (const k of f.negativeKeywords ?? []) add(k, { kind: 'negative', function: f.code });
  }

  for (const a of reference.acronyms) {
    // An ambiguous name names several systems: it gives no identity of its own.
    const canonical = a.platform !== undefined ? `plt:${a.platform}` : a.ambiguous ? undefined : `acr:${tokenize(a.acronym).join('')}`;
    const base = { function: a.function, alternatives: a.alternatives, ambiguous: a.ambiguous, platform: a.platform, acronym: a, canonical };
    for (const name of [a.acronym, ...(a.variants ?? [])]) add(name, { kind: 'acronym', ...base });
    const longForm = usableLongForm(a.longForm);
    if (longForm !== undefined) add(longForm, { kind: 'longform', ...base });
  }

  for (const phrase of NEUTRAL_PHRASES) add(phrase, { kind: 'neutral' });

  const platformExtraTokens = new Map<string, Set<string>>();
  const exactHost = new Map<string, string>();
  const labelHost = new Map<string, string>();
  for (const p of reference.platforms) {
    for (const v of p.variants) add(v, { kind: 'platform', function: p.function, platform: p.id, canonical: `plt:${p.id}` });
    platformExtraTokens.set(p.id, extraTokens(p));
    for (const host of p.hosts) {
      if (host.endsWith('.*')) labelHost.set(host.slice(0, -2), p.id);
      else exactHost.set(host, p.id);
    }
  }

  const { families, familyWords } = compileFamilies(reference, platformExtraTokens);
  const compiled: CompiledReference = {
    reference,
    trie,
    vocabulary,
    platformExtraTokens,
    functions: reference.functionByCode,
    platformHosts: { exact: exactHost, firstLabel: labelHost },
    families,
    familyWords,
  };
  cache.set(reference, compiled);
  return compiled;
}

/** The shared platform a URL's host belongs to, when any. */
export function platformForHost(compiled: CompiledReference, url: UrlInfo | undefined): SharedPlatformDef | undefined {
  if (url === undefined || url.isIp) return undefined;
  const { exact, firstLabel } = compiled.platformHosts;
  const host = url.host;
  const dot = host.indexOf('.');
  const id = exact.get(host) ?? firstLabel.get(dot < 0 ? host : host.slice(0, dot));
  return id === undefined ? undefined : compiled.reference.platformById.get(id);
}

function compileFamilies(reference: ReferenceData, extra: Map<string, Set<string>>): Pick<CompiledReference, 'families' | 'familyWords'> {
  const families = new Map<string, SharedPlatformDef[]>();
  const familyWords = new Map<string, Set<string>>();
  for (const p of reference.platforms) {
    if (p.family === undefined) continue;
    const head = reference.platformById.get(p.family)!;
    const members = families.get(head.id) ?? [head];
    members.push(p);
    families.set(head.id, members);
  }
  for (const [headId, members] of families) {
    for (const m of members) families.set(m.id, members);
    const head = members[0]!;
    const words = new Set<string>([...tokenize(head.name), ...(extra.get(headId) ?? [])]);
    for (const a of reference.acronyms) {
      if (a.platform !== headId) continue;
      for (const t of tokenize(a.acronym)) words.add(t);
      for (const t of tokenize(usableLongForm(a.longForm) ?? '')) words.add(t);
    }
    familyWords.set(headId, words);
  }
  return { families, familyWords };
}

/** Long forms are matched only when they are one plain phrase (not "(ambiguous) A / B"). */
function usableLongForm(longForm: string | undefined): string | undefined {
  if (longForm === undefined || longForm.startsWith('(') || longForm.includes('/')) return undefined;
  const plain = longForm.replace(/\([^)]*\)/g, ' ').trim();
  return tokenize(plain).length >= 2 ? plain : undefined;
}

const OWNER_WORDS = ['ri', 'pusat', 'nasional', 'kementerian', 'kemen', 'bkn', 'lkpp', 'anri', 'menpan', 'kemenpan', 'kemenpanrb', 'panrb', 'kemendagri'];

function extraTokens(p: SharedPlatformDef): Set<string> {
  const out = new Set<string>(OWNER_WORDS);
  for (const t of tokenize(p.owner)) out.add(t);
  for (const host of p.hosts) for (const label of host.split('.')) if (label !== '*') for (const t of tokenize(label)) out.add(t);
  return out;
}
