/**
 * Business-function classification: which SPBE business function (data/reference/taxonomy.json) each
 * application serves, with a confidence and the evidence behind it, and which shared platform it is an
 * instance of. This is the mapping SAP LeanIX, Ardoq or the UK GDS rationalisation engine ask analysts to
 * make by hand (application → business capability); siloscope infers it when the inventory's codes are
 * missing, following the Arsitektur SPBE reference structure (Perpres 132/2022).
 *
 * Evidence, strongest first:
 *   given-code   the inventory's own code wins: a taxonomy function as is, an unknown code as
 *                `opaque:<code>` (it still groups applications), a sector or RAA category narrowed by the
 *                other evidence;
 *   url-host     the host of a shared platform (srikandi.arsip.go.id), or a host label or path naming a
 *                system (simpeg.madiunkab.go.id, …/paten);
 *   acronym      a lexicon name or its long form (SIMPEG = Sistem Informasi Manajemen Kepegawaian);
 *   keyword      taxonomy phrases in the name, the description or a prose function column;
 *   replaced-by  the successor a status reason names ("digantikan oleh SIPD Penatausahaan");
 *   dataset      the functions of the datasets the application uses;
 *   neighbour    the functions of its exchange partners (weak: never enough on its own).
 * Phrases match whole normalised tokens (pengaduan ≠ pengadaan), also behind a glued-on SI-/SIM-/e- prefix
 * (SIABSEN); the longest match wins over phrases inside it ("kinerja pegawai" over "pegawai", "SIMDA BMD"
 * over "SIMDA"); a function's negative phrases cut its score ("akuntabilitas" for employee performance).
 * Words that only say who runs the application (RSUD, the owning unit's own name) count little, and a
 * lexicon name counts little when the description points clearly elsewhere (the name is reused). An
 * application is classified only when its best function reaches `minScore` and clearly beats the
 * runner-up; otherwise it stays unclassified.
 *
 * confidence = (1 − e^(−best/confidenceScale)) × (½ + ½·(best − second)/best).
 */
import type { Application, EvidenceItem, Inventory } from '../types.js';
import { compileReference, platformForHost, type CompiledReference, type Term } from '../reference/compile.js';
import type { ReferenceData, SharedPlatformDef } from '../reference/index.js';
import {
  BOILERPLATE,
  REGION_WORDS,
  STOPWORDS,
  UNIT_ABBREVIATIONS,
  hostNameTokens,
  isRegionalHost,
  pathNameTokens,
  maximalMatches,
  parseUrl,
  properNameTokens,
  tokenize,
  withoutNamePrefixes,
  type TrieMatch,
  type UrlInfo,
} from './text.js';

export interface Classification {
  /** Taxonomy code, `opaque:<code>` for an unknown given code; absent when unclassified. */
  function?: string;
  functionName?: string;
  confidence: number;
  evidence: EvidenceItem[];
  /** Id of the shared platform (shared-platforms.json) this application is an instance of. */
  sharedPlatform?: string;
  /**
   * True when sharing this function is not enough to be a duplicate: a generic capability (websites, GIS,
   * messaging), a broad sector mandate (agriculture, transport), or a coarse code (a sector, an RAA category).
   */
  generic?: boolean;
  /** What the evidence other than a given code says, when a code was given (to spot wrong codes). */
  inferredFunction?: string;
  inferredConfidence?: number;
}

export const CLASSIFY_DEFAULTS = {
  /** Score the best function needs to classify an application. */
  minScore: 0.85,
  /** The best function must beat the runner-up by this share of its score. */
  tieMargin: 0.15,
  confidenceScale: 1.5,
  phraseKeyword: 2.0,
  keyword: 1.5,
  weakKeyword: 0.6,
  acronym: 3.0,
  ambiguousAcronym: 1.3,
  alternativeAcronym: 0.5,
  platformHost: 4.0,
  /** A function whose negative phrase occurs keeps this share of its score. */
  negativeFactor: 0.3,
  /** Field factors: a phrase in the description counts less than in the name, an acronym there even less. */
  descriptionKeywordFactor: 0.6,
  descriptionAcronymFactor: 0.35,
  urlFactor: 0.55,
  /** Lexicon names inside a longer name with unexplained words count this much. */
  partialNameFactor: 0.5,
  /** A description scoring this much for other functions and nothing for a lexicon name's function… */
  contradictingDescription: 1.2,
  /** …makes that name count this much (the name is reused for another system). */
  reusedNameFactor: 0.3,
  /** A name match that only names the owning unit counts this much beside other evidence. */
  qualifierFactor: 0.3,
  datasetWeight: 0.5,
  neighbourWeight: 0.25,
  neighbourCap: 0.5,
  /** Only neighbours classified at least this confidently lend evidence. */
  neighbourMinConfidence: 0.6,
  /** Caps per field and function, so a long description cannot outvote the name. */
  caps: { name: 6, 'function-text': 6, description: 2, url: 2.1, dataset: 1, 'replaced-by': 2.4 },
  /** A successor named in the status reason ("digantikan oleh …") counts this much of a name. */
  replacedByFactor: 0.8,
  givenCodeConfidence: 1,
  opaqueCodeConfidence: 0.9,
};

export type ClassifyDefaults = typeof CLASSIFY_DEFAULTS;

export interface ClassifyOptions extends Partial<Omit<ClassifyDefaults, 'caps'>> {
  /** Exchange neighbours of an application (defaults to the inventory's exchanges). */
  neighbours?: (applicationId: string) => Iterable<string>;
}

type Field = keyof ClassifyDefaults['caps'];

const FIELD_LABEL: Record<Field, string> = {
  'replaced-by': 'replaced by',
  name: 'name',
  description: 'description',
  'function-text': 'function column',
  url: 'URL host',
  dataset: 'dataset',
};

/** One piece of evidence, its text built only if the evidence is reported. */
interface PendingEvidence {
  code: string;
  kind: string;
  detail: () => string;
  weight: number;
}

/** Scores of one application per function, with the evidence behind each. */
class Tally {
  readonly scores = new Map<string, number>();
  readonly items: PendingEvidence[] = [];
  readonly negatives = new Map<string, string>();
  /**
   * Score granted per field and function (`f|…`), and the evidence already counted (`d|…`); needed only
   * while the application's own texts are scored, released by `seal()`.
   */
  private used: Map<string, number> | undefined = new Map();

  add(code: string, field: Field, amount: number, cap: number, kind: string, detail: () => string, dedupeKey: string): void {
    const used = this.used!;
    const seenKey = `d|${dedupeKey}`;
    if (used.has(seenKey)) return;
    used.set(seenKey, 1);
    const fieldKey = `f|${field}|${code}`;
    const granted = Math.min(amount, Math.max(0, cap - (used.get(fieldKey) ?? 0)));
    if (granted <= 0) return;
    used.set(fieldKey, (used.get(fieldKey) ?? 0) + granted);
    this.grant(code, granted, kind, detail);
  }

  /** Adds evidence that needs no deduplication or cap bookkeeping. */
  grant(code: string, amount: number, kind: string, detail: () => string): void {
    this.scores.set(code, (this.scores.get(code) ?? 0) + amount);
    this.items.push({ code, kind, detail, weight: amount });
  }

  seal(): void {
    this.used = undefined;
  }

  evidenceFor(code: string): EvidenceItem[] {
    const out: EvidenceItem[] = [];
    for (const item of this.items) if (item.code === code) out.push({ kind: item.kind, detail: item.detail(), weight: round(item.weight) });
    return out;
  }

  clone(): Tally {
    const t = new Tally();
    t.used = undefined;
    for (const [k, v] of this.scores) t.scores.set(k, v);
    t.items.push(...this.items);
    for (const [k, v] of this.negatives) t.negatives.set(k, v);
    return t;
  }
}

interface Decision {
  function?: string;
  confidence: number;
  evidence: EvidenceItem[];
}

interface Prepared {
  app: Application;
  tally: Tally;
  given?: GivenCode;
  platform?: SharedPlatformDef;
}

type GivenCode =
  | { kind: 'function'; code: string }
  | { kind: 'coarse'; code: string; sector: boolean }
  | { kind: 'opaque'; code: string }
  | { kind: 'text'; text: string };

export function classifyApplications(
  inventory: Inventory,
  reference: ReferenceData,
  options: ClassifyOptions = {},
): Map<string, Classification> {
  const o: ClassifyDefaults = { ...CLASSIFY_DEFAULTS, ...options, caps: CLASSIFY_DEFAULTS.caps };
  const compiled = compileReference(reference);
  const regionTokens = properNameTokens(
    inventory.agencies.flatMap((a) => [a.name, a.region]),
    compiled.vocabulary,
  );
  const datasetFunction = classifyDatasets(inventory, compiled, o);

  const agencyTokens = new Map<string, Set<string>>();
  for (const a of inventory.agencies) agencyTokens.set(a.id, new Set(tokenize(a.name)));
  const none = new Set<string>();
  const texts = new TextMatcher(compiled);
  const prepared: Prepared[] = inventory.applications.map((app) => prepare(app, compiled, texts, regionTokens, agencyTokens.get(app.agencyId) ?? none, datasetFunction, o));

  // Pass 1 without neighbours; pass 2 lends each application its confidently classified neighbours' functions.
  const first = new Map<string, Decision>();
  for (const p of prepared) first.set(p.app.id, decideFor(p, p.tally, compiled, o));
  const neighbours = options.neighbours ?? exchangeNeighbours(inventory);

  const out = new Map<string, Classification>();
  for (const p of prepared) {
    let decision = first.get(p.app.id)!;
    if ((p.given === undefined || p.given.kind === 'text' || p.given.kind === 'coarse') && neighboursCanMatter(p.tally, o)) {
      const tally = withNeighbours(p, first, neighbours, o);
      if (tally !== p.tally) decision = decideFor(p, tally, compiled, o);
    }
    out.set(p.app.id, toClassification(p, decision, compiled, o));
  }
  return out;
}

/** Tokens and phrase matches of a text. */
interface MatchedText {
  tokens: string[];
  matches: Array<TrieMatch<Term>>;
}

/**
 * Texts matched once per run: catalogues repeat names and descriptions (every unit listing SIMPEG), so
 * each distinct text is tokenised and matched once.
 */
class TextMatcher {
  private readonly names = new Map<string, MatchedText>();
  private readonly texts = new Map<string, MatchedText>();
  constructor(private readonly compiled: CompiledReference) {}

  /** A name, with the word behind a glued-on prefix ("SIABSEN", "ePresensi") matched too, at the same position. */
  name(name: string): MatchedText {
    let m = this.names.get(name);
    if (m === undefined) {
      const tokens = tokenize(name);
      const stripped = withoutNamePrefixes(tokens, this.compiled.vocabulary);
      m = { tokens, matches: maximalMatches([...this.compiled.trie.matchAll(tokens), ...(stripped ? this.compiled.trie.matchAll(stripped) : [])]) };
      this.names.set(name, m);
    }
    return m;
  }

  text(text: string | undefined): MatchedText {
    const key = text ?? '';
    let m = this.texts.get(key);
    if (m === undefined) {
      const tokens = tokenize(key);
      m = { tokens, matches: maximalMatches(this.compiled.trie.matchAll(tokens)) };
      this.texts.set(key, m);
    }
    return m;
  }
}

function prepare(
  app: Application,
  compiled: CompiledReference,
  texts: TextMatcher,
  regionTokens: Set<string>,
  ownTokens: ReadonlySet<string>,
  datasetFunction: Map<string, string>,
  o: ClassifyDefaults,
): Prepared {
  const tally = new Tally();
  const given = parseGivenCode(app.function, compiled);
  const url = parseUrl(app.url);
  const { tokens: nameTokens, matches: nameMatches } = texts.name(app.name);
  const qualifier = qualifierTest(nameTokens, nameMatches, ownTokens);

  // The description is scored first: when it points clearly elsewhere and says nothing for the function a
  // lexicon name in the title stands for, the name is being reused for another system (SIKAP for employee
  // performance is not LKPP's SIKaP), and counts for less.
  const description = texts.text(app.description);
  scoreMatches(tally, description.matches, 'description', o, { qualifier: abbreviationTest(description.tokens) });
  const described = new Map(tally.scores);
  const strongest = Math.max(0, ...described.values());
  const contradicted = (code: string) => strongest >= o.contradictingDescription && !described.has(code);
  const explained = (t: string) => regionTokens.has(t) || ownTokens.has(t) || UNIT_ABBREVIATIONS.has(t);
  scoreMatches(tally, nameMatches, 'name', o, { partial: hasUnexplainedTokens(nameTokens, nameMatches, explained), contradicted, qualifier });
  if (given?.kind === 'text') {
    const tokens = tokenize(given.text);
    const matches = maximalMatches(compiled.trie.matchAll(tokens));
    scoreMatches(tally, matches, 'function-text', o, { partial: hasUnexplainedTokens(tokens, matches, (t) => regionTokens.has(t)) });
  }

  const platform = detectPlatform(app, url, nameTokens, nameMatches, compiled, regionTokens);
  const hostPlatform = platformForHost(compiled, url);
  if (hostPlatform !== undefined && url !== undefined) {
    // One host can serve several modules of one owner (SIPD's planning and financial modules): the name
    // tells them apart.
    const module = platform !== undefined && platform.owner === hostPlatform.owner ? platform : hostPlatform;
    tally.add(module.function, 'url', o.platformHost, o.platformHost, 'url-host', () => `URL host ${url.host} is shared platform ${module.name} (${module.owner})`, `host|${url.host}`);
  } else if (url !== undefined) {
    const hostTokens = hostNameTokens(url);
    scoreMatches(tally, maximalMatches(compiled.trie.matchAll(hostTokens)), 'url', o, { host: url.host, qualifier: abbreviationTest(hostTokens) });
    const path = pathNameTokens(url);
    if (path.length > 0) scoreMatches(tally, maximalMatches(compiled.trie.matchAll(path)), 'url', o, { host: `${url.host}/${url.path[0]}`, qualifier: abbreviationTest(path) });
  }

  // "Digantikan oleh SIPD Penatausahaan": a system is replaced by one that does its job.
  const successor = replacedBy(app.statusReason);
  if (successor !== undefined) {
    scoreMatches(tally, maximalMatches(compiled.trie.matchAll(tokenize(successor))), 'replaced-by', o);
  }

  for (const datasetId of app.datasets) {
    const code = datasetFunction.get(datasetId);
    if (code === undefined) continue;
    tally.add(code, 'dataset', o.datasetWeight, o.caps.dataset, 'dataset', () => `uses dataset ${datasetId}, classified ${code}`, `dataset|${datasetId}`);
  }
  tally.seal();
  return { app, tally, given, platform };
}

interface MatchContext {
  /** The URL host the tokens came from. */
  host?: string;
  /** The name has words no match explains: a lexicon name inside it may be an ordinary word ("Lik Randu Sakti"). */
  partial?: boolean;
  /** The description points elsewhere and says nothing for this function. */
  contradicted?: (code: string) => boolean;
  /** The match only names who runs the application (its own unit, a unit abbreviation) beside other evidence. */
  qualifier?: (match: TrieMatch<Term>) => boolean;
}

/** A match made only of unit abbreviations (RSUD, Dinkes, Bappeda) names who runs the application. */
function abbreviationTest(tokens: string[]): (m: TrieMatch<Term>) => boolean {
  return (m) => {
    for (let i = m.start; i < m.end; i++) if (!UNIT_ABBREVIATIONS.has(tokens[i]!)) return false;
    return true;
  };
}

/**
 * A name match that only names who runs the application counts little: a unit abbreviation always
 * ("Antrian Online RSUD"), a stretch of two or more words of the owning unit's own name when other words of
 * the name match too ("e-Office Deputi … Akuntabilitas Aparatur dan Pengawasan" in that deputy).
 */
function qualifierTest(tokens: string[], matches: Array<TrieMatch<Term>>, ownTokens: ReadonlySet<string>): (m: TrieMatch<Term>) => boolean {
  const inOwnRun = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && ownTokens.has(tokens[j]!)) j++;
    if (j - i >= 2) inOwnRun.fill(1, i, j);
    i = j === i ? i + 1 : j;
  }
  const isQualifier = (m: TrieMatch<Term>) => {
    for (let i = m.start; i < m.end; i++) if (inOwnRun[i] === 0 && !UNIT_ABBREVIATIONS.has(tokens[i]!)) return false;
    return true;
  };
  const isAbbreviation = abbreviationTest(tokens);
  const others = matches.some((m) => !isQualifier(m) && m.payloads.some((t) => t.kind !== 'negative'));
  // A unit abbreviation never says what an application does ("SIPBJ RSUD" is not a hospital system).
  return (m) => isAbbreviation(m) || (others && isQualifier(m));
}

function scoreMatches(tally: Tally, matches: Array<TrieMatch<Term>>, field: Field, o: ClassifyDefaults, ctx: MatchContext = {}): void {
  const where = ctx.host !== undefined ? `${FIELD_LABEL[field]} ${ctx.host}` : FIELD_LABEL[field];
  for (const match of matches) {
    for (const term of match.payloads) {
      if (term.kind === 'negative') {
        if (term.function !== undefined && !tally.negatives.has(term.function)) tally.negatives.set(term.function, term.text);
        continue;
      }
      const nameLike = term.kind !== 'keyword' && term.kind !== 'weak';
      const qualifying = ctx.qualifier?.(match) === true;
      const factor = fieldFactor(field, term, o) * (nameLike && ctx.partial ? o.partialNameFactor : 1) * (qualifying ? o.qualifierFactor : 1);
      const kind = field === 'url' ? 'url-host' : field === 'dataset' ? 'dataset' : field === 'replaced-by' ? 'replaced-by' : evidenceKind(term);
      for (const [code, base, alternative] of termContributions(term, o)) {
        const reused = nameLike && ctx.contradicted?.(code) === true;
        const detail = () => `${where}: ${contributionLabel(term, alternative)}${reused ? ' (the description points to another function: the name is reused)' : ''}`;
        // Spellings of one system (SIPD RI, SIPD-RI, the SIPD platform name) count once.
        tally.add(code, field, base * factor * (reused ? o.reusedNameFactor : 1), o.caps[field], kind, detail, `${field}|${nameLike ? term.identity : term.key}|${code}`);
      }
    }
  }
}

/** True when some content word of the name lies outside every match (region and agency names excepted). */
function hasUnexplainedTokens(tokens: string[], matches: Array<TrieMatch<Term>>, explained: (token: string) => boolean): boolean {
  const covered = new Uint8Array(tokens.length);
  for (const m of matches) covered.fill(1, m.start, m.end);
  return tokens.some(
    (t, i) => covered[i] === 0 && t.length >= 2 && !STOPWORDS.has(t) && !BOILERPLATE.has(t) && !REGION_WORDS.has(t) && !explained(t) && !/^v?\d+(\.\d+)*$/.test(t),
  );
}

/** What one matched term adds: [function, base weight, whether it is an ambiguous name's alternative]. */
function termContributions(term: Term, o: ClassifyDefaults): Array<[string, number, boolean]> {
  switch (term.kind) {
    case 'keyword':
      return term.function ? [[term.function, term.tokens >= 2 ? o.phraseKeyword : o.keyword, false]] : [];
    case 'weak':
      return term.function ? [[term.function, o.weakKeyword, false]] : [];
    case 'acronym':
    case 'longform':
    case 'platform': {
      if (term.function === undefined) return [];
      const out: Array<[string, number, boolean]> = [[term.function, term.ambiguous ? o.ambiguousAcronym : o.acronym, false]];
      for (const alt of term.alternatives ?? []) out.push([alt, o.alternativeAcronym, true]);
      return out;
    }
    default:
      return [];
  }
}

function contributionLabel(term: Term, alternative: boolean): string {
  const quoted = `"${term.text}"`;
  if (term.kind === 'keyword') return `keyword ${quoted}`;
  if (term.kind === 'weak') return `weak keyword ${quoted}`;
  const what = term.kind === 'longform' ? `long form of ${term.acronym?.acronym ?? term.text}` : term.kind === 'platform' ? 'shared platform name' : 'acronym';
  if (alternative) return `${what} ${quoted} (ambiguous: also used for this function)`;
  return `${what} ${quoted}${term.ambiguous ? ' (ambiguous name)' : ''}`;
}

function fieldFactor(field: Field, term: Term, o: ClassifyDefaults): number {
  if (field === 'description') return term.kind === 'keyword' || term.kind === 'weak' ? o.descriptionKeywordFactor : o.descriptionAcronymFactor;
  if (field === 'replaced-by') return o.replacedByFactor;
  if (field === 'url') return o.urlFactor;
  if (field === 'dataset') return o.datasetWeight;
  return 1;
}

function evidenceKind(term: Term): string {
  return term.kind === 'keyword' || term.kind === 'weak' ? 'keyword' : 'acronym';
}

/**
 * An application IS a shared platform when its host is the platform's, or when its name is the platform's
 * name (plus only the owner's name and boilerplate) and nothing says it is a local build: not marked
 * local, no region in the name, no regional or private host.
 */
function detectPlatform(
  app: Application,
  url: UrlInfo | undefined,
  nameTokens: string[],
  nameMatches: Array<TrieMatch<Term>>,
  compiled: CompiledReference,
  regionTokens: Set<string>,
): SharedPlatformDef | undefined {
  const byHost = platformForHost(compiled, url);
  const byName = platformByName(nameTokens, nameMatches, compiled);
  if (byHost !== undefined) return byName !== undefined && byName.owner === byHost.owner ? byName : byHost;
  if (app.origin === 'local' || (url !== undefined && isRegionalHost(url, regionTokens))) return undefined;
  return byName;
}

/** The platform whose name the application's name is, beside only its owner's name and boilerplate. */
function platformByName(nameTokens: string[], nameMatches: Array<TrieMatch<Term>>, compiled: CompiledReference): SharedPlatformDef | undefined {
  for (const match of nameMatches) {
    for (const term of match.payloads) {
      if (term.platform === undefined) continue;
      const extra = compiled.platformExtraTokens.get(term.platform);
      const outside = [...nameTokens.slice(0, match.start), ...nameTokens.slice(match.end)];
      const onlyNoise = outside.every((t) => extra?.has(t) || BOILERPLATE.has(t) || STOPWORDS.has(t) || /^v?\d+(\.\d+)*$/.test(t));
      if (onlyNoise) return compiled.reference.platformById.get(term.platform);
    }
  }
  return undefined;
}

function parseGivenCode(raw: string | undefined, compiled: CompiledReference): GivenCode | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const upper = value.toUpperCase();
  const known = compiled.functions.get(upper);
  if (known !== undefined) {
    return known.kind === 'function' ? { kind: 'function', code: known.code } : { kind: 'coarse', code: known.code, sector: known.kind === 'sector' };
  }
  const byName = compiled.reference.functions.find((f) => f.name.id.toLowerCase() === value.toLowerCase() || f.name.en.toLowerCase() === value.toLowerCase());
  if (byName !== undefined) {
    return byName.kind === 'function' ? { kind: 'function', code: byName.code } : { kind: 'coarse', code: byName.code, sector: byName.kind === 'sector' };
  }
  // A code has no spaces and carries a digit or a separator between letters (KEU-01, RAB.09.05.06); a plain
  // word or sentence ("Keuangan", "Aplikasi pengelolaan surat") is a description of the function.
  if (!/\s/.test(value) && /[0-9]|[A-Za-z0-9][._\-/:][A-Za-z0-9]/.test(value)) return { kind: 'opaque', code: upper };
  return { kind: 'text', text: value };
}

function decideFor(p: Prepared, tally: Tally, compiled: CompiledReference, o: ClassifyDefaults): Decision {
  const restrictTo = p.given?.kind === 'coarse' && p.given.sector ? p.given.code : undefined;
  return decide(tally, o, restrictTo ? (code) => compiled.functions.get(code)?.parent === restrictTo : undefined);
}

function decide(tally: Tally, o: ClassifyDefaults, allowed?: (code: string) => boolean): Decision {
  const ranked: Array<[string, number]> = [];
  for (const [code, raw] of tally.scores) {
    if (allowed && !allowed(code)) continue;
    ranked.push([code, tally.negatives.has(code) ? raw * o.negativeFactor : raw]);
  }
  ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [bestCode, best] = ranked[0] ?? ['', 0];
  const second = ranked[1]?.[1] ?? 0;
  const evidence = (code: string): EvidenceItem[] => {
    const items = tally.evidenceFor(code);
    const neg = tally.negatives.get(code);
    if (neg !== undefined) items.push({ kind: 'negative-keyword', detail: `"${neg}" argues against ${code} (score × ${o.negativeFactor})` });
    return items;
  };
  if (ranked.length === 0 || best < o.minScore) {
    return { confidence: 0, evidence: ranked.length === 0 ? [] : [...evidence(bestCode), { kind: 'unclassified', detail: `best candidate ${bestCode} scores ${round(best)} < ${o.minScore}` }] };
  }
  if (best - second < o.tieMargin * best) {
    const rival = ranked[1]![0];
    return {
      confidence: 0,
      evidence: [...evidence(bestCode), ...evidence(rival), { kind: 'unclassified', detail: `ambiguous: ${bestCode} (${round(best)}) and ${rival} (${round(second)}) score alike` }],
    };
  }
  const confidence = (1 - Math.exp(-best / o.confidenceScale)) * (0.5 + (0.5 * (best - second)) / best);
  const items = evidence(bestCode);
  if (second > 0) items.push({ kind: 'runner-up', detail: `${ranked[1]![0]} scores ${round(second)} against ${round(best)}` });
  return { function: bestCode, confidence: round(confidence), evidence: items };
}

function toClassification(p: Prepared, decision: Decision, compiled: CompiledReference, o: ClassifyDefaults): Classification {
  const given = p.given;
  let result: Classification;
  if (given?.kind === 'function' || given?.kind === 'opaque') {
    const code = given.kind === 'opaque' ? `opaque:${given.code}` : given.code;
    const evidence: EvidenceItem[] = [
      {
        kind: 'given-code',
        detail: given.kind === 'opaque' ? `inventory gives code ${given.code}, not in the taxonomy: kept as an opaque group` : `inventory gives code ${given.code}`,
        weight: 1,
      },
    ];
    if (decision.function !== undefined && decision.function !== given.code) {
      evidence.push({ kind: 'code-conflict', detail: `the other evidence points to ${decision.function} (confidence ${decision.confidence})` });
    }
    result = {
      function: code,
      functionName: given.kind === 'opaque' ? given.code : compiled.functions.get(given.code)?.name.en,
      confidence: given.kind === 'opaque' ? o.opaqueCodeConfidence : o.givenCodeConfidence,
      evidence,
      inferredFunction: decision.function,
      inferredConfidence: decision.function !== undefined ? decision.confidence : undefined,
    };
  } else if (given?.kind === 'coarse') {
    const item: EvidenceItem = { kind: 'given-code', detail: `inventory gives ${given.sector ? 'sector' : 'application category'} ${given.code}, narrowed by the other evidence`, weight: 1 };
    if (decision.function !== undefined) {
      result = { function: decision.function, confidence: decision.confidence, evidence: [item, ...decision.evidence] };
    } else {
      result = { function: given.code, confidence: o.opaqueCodeConfidence, evidence: [item, ...decision.evidence] };
    }
    result.functionName = compiled.functions.get(result.function!)?.name.en;
  } else {
    result = { ...decision, functionName: decision.function ? compiled.functions.get(decision.function)?.name.en : undefined };
  }
  const platformFunctions = p.platform !== undefined ? [p.platform.function, ...(p.platform.alsoCovers ?? [])] : [];
  // A platform recognised by name only must do the platform's job; a host match always stands.
  const byNameOnly = p.platform !== undefined && platformForHost(compiled, parseUrl(p.app.url)) === undefined;
  if (p.platform !== undefined && (!byNameOnly || (result.function !== undefined && platformFunctions.includes(result.function)))) {
    result.sharedPlatform = p.platform.id;
    result.evidence.push({
      kind: 'shared-platform',
      detail: `instance of ${p.platform.name} (${p.platform.owner}; ${p.platform.designated ? 'designated Aplikasi Umum' : p.platform.designation}${p.platform.confirmed ? '' : ', unconfirmed'})`,
    });
  }
  const fn = result.function !== undefined ? compiled.functions.get(result.function) : undefined;
  if (fn?.generic || fn?.broad || fn?.kind === 'sector' || fn?.kind === 'application-category') result.generic = true;
  return result;
}

/** Neighbours add at most `neighbourCap` per function: they matter only near the bar or in a close race. */
function neighboursCanMatter(tally: Tally, o: ClassifyDefaults): boolean {
  let best = 0;
  let second = 0;
  for (const v of tally.scores.values()) {
    if (v > best) [best, second] = [v, best];
    else if (v > second) second = v;
  }
  return best < o.minScore + o.neighbourCap || best - second < 2 * o.neighbourCap || best - second < o.tieMargin * (best + o.neighbourCap);
}

function withNeighbours(p: Prepared, first: Map<string, Decision>, neighbours: (id: string) => Iterable<string>, o: ClassifyDefaults): Tally {
  const counts = new Map<string, number>();
  for (const id of neighbours(p.app.id)) {
    const d = first.get(id);
    if (id === p.app.id || d?.function === undefined || d.confidence < o.neighbourMinConfidence) continue;
    counts.set(d.function, (counts.get(d.function) ?? 0) + 1);
  }
  if (counts.size === 0) return p.tally;
  const tally = p.tally.clone();
  for (const [code, n] of counts) {
    tally.grant(code, Math.min(o.neighbourWeight * n, o.neighbourCap), 'neighbour', () => `${n} exchange neighbour(s) classified ${code}`);
  }
  return tally;
}

function exchangeNeighbours(inventory: Inventory): (id: string) => string[] {
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const x of inventory.exchanges) {
    if (x.sourceId === x.targetId) continue;
    link(x.sourceId, x.targetId);
    link(x.targetId, x.sourceId);
  }
  return (id) => adjacency.get(id) ?? [];
}

/** A dataset's function, from the keywords and names in its own name. */
function classifyDatasets(inventory: Inventory, compiled: CompiledReference, o: ClassifyDefaults): Map<string, string> {
  const out = new Map<string, string>();
  for (const dataset of inventory.datasets) {
    const tally = new Tally();
    scoreMatches(tally, maximalMatches(compiled.trie.matchAll(tokenize(dataset.name))), 'name', o);
    const d = decide(tally, o);
    if (d.function !== undefined) out.set(dataset.id, d.function);
  }
  return out;
}

const REPLACED_BY = /\b(?:digantikan|diganti|beralih|migrasi|replaced)\s+(?:oleh|ke|dengan|by|to)\s+(.+)$/i;

function replacedBy(reason: string | undefined): string | undefined {
  return reason === undefined ? undefined : REPLACED_BY.exec(reason)?.[1];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
