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
 * Words that only say who runs the application (RSUD, a stretch of the owning unit's own name, in the name
 * or the description) count little, and a lexicon name counts little when the other evidence (description,
 * address, datasets) points clearly elsewhere (the name is reused: a Bappeda's own "SIPD" at opendata.…).
 * A description that only repeats the name is no evidence. A platform family named only by its family name
 * ("SIPD RI") is read as the module the description's and the owning unit's keywords point to (a BPKAD's
 * SIPD is its financial module). An application is classified only when its best function reaches
 * `minScore` and clearly beats the runner-up; otherwise it stays unclassified.
 *
 * Cost: every distinct name, description, address and dataset name is tokenised and matched once per run;
 * per application only the scoring is done, against numbered ledger keys, and evidence texts are built
 * only for the functions a decision reports.
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
  /**
   * Evidence other than the name (description, address, datasets) scoring this much for other functions
   * and nothing for a lexicon name's function…
   */
  contradictingEvidence: 0.8,
  /** …or less than 1/contradictedShare of what the strongest gets (a stray word), … */
  contradictedShare: 4,
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

/**
 * One piece of evidence, its text built only if the evidence is reported: from the matched term and where it
 * was found, or by `text` for evidence of other kinds.
 */
interface PendingEvidence {
  code: string;
  kind: string;
  weight: number;
  text: (() => string) | undefined;
  term: Term | undefined;
  field: Field;
  /** The URL host (and path) the term came from. */
  host: string | undefined;
  alternative: boolean;
  /** The module a bare family name was read as. */
  module: string | undefined;
  reused: boolean;
}

/** Evidence of a kind other than a matched term. */
function evidence(code: string, kind: string, weight: number, field: Field, text: () => string): PendingEvidence {
  return { code, kind, weight, text, term: undefined, field, host: undefined, alternative: false, module: undefined, reused: false };
}

function detailOf(item: PendingEvidence): string {
  if (item.text !== undefined || item.term === undefined) return item.text?.() ?? '';
  const where = item.host !== undefined ? `${FIELD_LABEL[item.field]} ${item.host}` : FIELD_LABEL[item.field];
  const read = item.module !== undefined ? ` read as its module ${item.module} (the description, address or unit point to ${item.code})` : '';
  const reused = item.reused ? ' (the other evidence points to another function: the name is reused)' : '';
  return `${where}: ${contributionLabel(item.term, item.alternative)}${read}${reused}`;
}

const FIELDS: readonly Field[] = ['name', 'function-text', 'description', 'url', 'dataset', 'replaced-by'];
const FIELD_INDEX = new Map<Field, number>(FIELDS.map((f, i) => [f, i]));
/** Room per field for function numbers in the ledger's numeric keys. */
const CODE_SPACE = 8192;

/**
 * Bookkeeping while one application's own texts are scored: the evidence already counted (a term's
 * identity per field and function, numbered) and the score granted per field and function, against the
 * caps. One ledger serves every application of a run, cleared between them.
 */
class Ledger {
  readonly seen = new Set<number>();
  readonly seenText = new Set<string>();
  readonly granted = new Map<number, number>();

  clear(): void {
    this.seen.clear();
    this.seenText.clear();
    this.granted.clear();
  }

  /** True the first time a piece of evidence is offered. */
  first(key: number | string): boolean {
    if (typeof key === 'number') {
      if (this.seen.has(key)) return false;
      this.seen.add(key);
    } else {
      if (this.seenText.has(key)) return false;
      this.seenText.add(key);
    }
    return true;
  }

  /** What of `amount` the field's cap for the function still allows; records it as granted. */
  take(field: Field, codeId: number, amount: number, cap: number): number {
    const key = FIELD_INDEX.get(field)! * CODE_SPACE + codeId;
    const used = this.granted.get(key) ?? 0;
    const granted = Math.min(amount, Math.max(0, cap - used));
    if (granted > 0) this.granted.set(key, used + granted);
    return granted;
  }
}

/** Scores of one application per function, with the evidence behind each. */
class Tally {
  readonly scores = new Map<string, number>();
  readonly items: PendingEvidence[] = [];
  readonly negatives = new Map<string, string>();

  /** Scores without evidence texts (datasets: only their function is kept). */
  constructor(private readonly quiet = false) {}

  /** Adds evidence once per dedupe key, within the field's cap for the function (`item.weight` is the amount asked). */
  add(ledger: Ledger, codeId: number, cap: number, item: PendingEvidence, dedupe: number | string): void {
    if (!ledger.first(dedupe)) return;
    const granted = ledger.take(item.field, codeId, item.weight, cap);
    if (granted <= 0) return;
    item.weight = granted;
    this.record(item);
  }

  /** Adds evidence that needs no deduplication or cap bookkeeping. */
  grant(code: string, amount: number, kind: string, text: () => string): void {
    this.record({ code, kind, weight: amount, text, term: undefined, field: 'name', host: undefined, alternative: false, module: undefined, reused: false });
  }

  private record(item: PendingEvidence): void {
    this.scores.set(item.code, (this.scores.get(item.code) ?? 0) + item.weight);
    if (!this.quiet) this.items.push(item);
  }

  evidenceFor(code: string): EvidenceItem[] {
    const out: EvidenceItem[] = [];
    for (const item of this.items) if (item.code === code) out.push({ kind: item.kind, detail: detailOf(item), weight: round(item.weight) });
    return out;
  }

  clone(): Tally {
    const t = new Tally(this.quiet);
    for (const [k, v] of this.scores) t.scores.set(k, v);
    t.items.push(...this.items);
    for (const [k, v] of this.negatives) t.negatives.set(k, v);
    return t;
  }
}

/** What one matched term adds to a function. */
interface Contribution {
  code: string;
  codeId: number;
  base: number;
  /** An ambiguous name's alternative function. */
  alternative: boolean;
}

/**
 * State shared by every application of one run: options, the compiled reference, numbers for function
 * codes, each term's contributions (computed once), the ledger, and the texts matched so far.
 */
class Run {
  readonly ledger = new Ledger();
  private readonly codeIds = new Map<string, number>();
  private readonly contributions = new Map<Term, Contribution[]>();
  private readonly given = new Map<string, GivenCode | undefined>();
  readonly texts: TextMatcher;

  constructor(
    readonly o: ClassifyDefaults,
    readonly compiled: CompiledReference,
  ) {
    this.texts = new TextMatcher(compiled);
  }

  codeId(code: string): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codeIds.size;
      this.codeIds.set(code, id);
    }
    return id;
  }

  contributionsOf(term: Term): Contribution[] {
    let list = this.contributions.get(term);
    if (list === undefined) {
      list = termContributions(term, this.o).map(([code, base, alternative]) => ({ code, codeId: this.codeId(code), base, alternative }));
      this.contributions.set(term, list);
    }
    return list;
  }

  givenCode(raw: string | undefined): GivenCode | undefined {
    const key = raw ?? '';
    if (!this.given.has(key)) this.given.set(key, parseGivenCode(raw, this.compiled));
    return this.given.get(key);
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
  /** The shared platform the application's URL host belongs to. */
  hostPlatform?: SharedPlatformDef;
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
  const run = new Run(o, compiled);
  const datasetFunction = classifyDatasets(inventory, run);

  const units = new Map<string, Unit>();
  for (const a of inventory.agencies) units.set(a.id, { name: a.name, tokens: new Set(tokenize(a.name)) });
  const none: Unit = { name: '', tokens: new Set() };
  // Pass 1 without neighbours: applications whose evidence neighbours cannot change are decided at once (their
  // working state dies young); pass 2 lends the others their confidently classified neighbours' functions.
  const first = new Map<string, Choice>();
  const out = new Map<string, Classification>();
  const waiting: Prepared[] = [];
  for (const app of inventory.applications) {
    const p = prepare(app, run, regionTokens, units.get(app.agencyId) ?? none, datasetFunction);
    first.set(app.id, choose(rankFor(p, p.tally, compiled, o), o));
    if ((p.given === undefined || p.given.kind === 'text' || p.given.kind === 'coarse') && neighboursCanMatter(p.tally, o)) {
      waiting.push(p);
      out.set(app.id, PENDING);
    } else {
      out.set(app.id, toClassification(p, decideFor(p, p.tally, compiled, o), compiled, o));
    }
  }
  const neighbours = options.neighbours ?? exchangeNeighbours(inventory);
  for (const p of waiting) out.set(p.app.id, toClassification(p, decideFor(p, withNeighbours(p, first, neighbours, o), compiled, o), compiled, o));
  return out;
}

/** Holds an application's place in the result (inventory order) until pass 2 decides it. */
const PENDING: Classification = { confidence: 0, evidence: [] };

/** Tokens and phrase matches of a text. */
interface MatchedText {
  tokens: string[];
  matches: Array<TrieMatch<Term>>;
  /** Content words no match covers (stopwords, boilerplate, region words and versions aside), when computed. */
  uncovered?: string[];
}

/** What an address says, once per distinct URL text. */
interface MatchedUrl {
  url?: UrlInfo;
  hostPlatform?: SharedPlatformDef;
  hostTokens: string[];
  hostMatches: Array<TrieMatch<Term>>;
  pathTokens: string[];
  pathMatches: Array<TrieMatch<Term>>;
}

/**
 * Texts matched once per run: catalogues repeat names, descriptions and addresses (every unit listing
 * SIMPEG), so each distinct text is tokenised and matched once.
 */
class TextMatcher {
  private readonly names = new Map<string, MatchedText>();
  private readonly texts = new Map<string, MatchedText>();
  private readonly urls = new Map<string, MatchedUrl>();
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

  url(raw: string | undefined): MatchedUrl {
    const key = raw ?? '';
    let m = this.urls.get(key);
    if (m === undefined) {
      const url = parseUrl(raw);
      const hostPlatform = platformForHost(this.compiled, url);
      // A shared platform's host says which platform; other hosts and paths are read for the words they carry.
      const hostTokens = url !== undefined && hostPlatform === undefined ? hostNameTokens(url) : [];
      const pathTokens = url !== undefined && hostPlatform === undefined ? pathNameTokens(url) : [];
      m = {
        url,
        hostPlatform,
        hostTokens,
        hostMatches: hostTokens.length > 0 ? maximalMatches(this.compiled.trie.matchAll(hostTokens)) : [],
        pathTokens,
        pathMatches: pathTokens.length > 0 ? maximalMatches(this.compiled.trie.matchAll(pathTokens)) : [],
      };
      this.urls.set(key, m);
    }
    return m;
  }
}

function prepare(app: Application, run: Run, regionTokens: Set<string>, unit: Unit, datasetFunction: Map<string, string>): Prepared {
  const { o, compiled, texts, ledger } = run;
  ledger.clear();
  const tally = new Tally();
  const given = run.givenCode(app.function);
  const address = texts.url(app.url);
  const { url, hostPlatform } = address;
  const ownTokens = unit.tokens;
  const name = texts.name(app.name);

  // The evidence other than the name is scored first: when it points clearly elsewhere and says nothing for
  // the function a lexicon name in the title stands for, the name is being reused for another system (SIKAP
  // for employee performance is not LKPP's SIKaP; a Bappeda's own "SIPD" at opendata.… is not Kemendagri's),
  // and counts for less.
  // A description that only repeats the name ("SIPD Trenggalek") is no evidence of its own.
  const description = texts.text(repeatsName(app) ? undefined : app.description);
  scoreMatches(run, tally, description.matches, 'description', { tokens: description.tokens, own: ownTokens });
  if (url !== undefined && hostPlatform === undefined) {
    scoreMatches(run, tally, address.hostMatches, 'url', { host: url.host, tokens: address.hostTokens });
    if (address.pathTokens.length > 0) scoreMatches(run, tally, address.pathMatches, 'url', { host: `${url.host}/${url.path[0]}`, tokens: address.pathTokens });
  }
  for (const datasetId of app.datasets) {
    const code = datasetFunction.get(datasetId);
    if (code === undefined) continue;
    const text = () => `uses dataset ${datasetId}, classified ${code}`;
    tally.add(ledger, run.codeId(code), o.caps.dataset, evidence(code, 'dataset', o.datasetWeight, 'dataset', text), `dataset|${datasetId}`);
  }
  let strongest = 0;
  for (const v of tally.scores.values()) if (v > strongest) strongest = v;
  const other = strongest >= o.contradictingEvidence ? new Map(tally.scores) : undefined;
  const contradicted = other === undefined ? undefined : (code: string) => (other.get(code) ?? 0) * o.contradictedShare < strongest;

  const module = familyModule(name.matches, () => [description.matches, texts.text(unit.name).matches], compiled, o);
  const partial = uncoveredWords(name).some((t) => !regionTokens.has(t) && !ownTokens.has(t) && !UNIT_ABBREVIATIONS.has(t));
  scoreMatches(run, tally, name.matches, 'name', { partial, contradicted, tokens: name.tokens, own: ownTokens, module });
  if (given?.kind === 'text') {
    const matched = texts.text(given.text);
    scoreMatches(run, tally, matched.matches, 'function-text', { partial: uncoveredWords(matched).some((t) => !regionTokens.has(t)) });
  }

  const detected = detectPlatform(app, url, name.tokens, name.matches, compiled, regionTokens);
  const platform = module !== undefined && detected?.id === module.head.id ? module.module : detected;
  if (hostPlatform !== undefined && url !== undefined) {
    // One host can serve several modules of one owner (SIPD's planning and financial modules): the name
    // tells them apart.
    const served = platform !== undefined && platform.owner === hostPlatform.owner ? platform : hostPlatform;
    const text = () => `URL host ${url.host} is shared platform ${served.name} (${served.owner})`;
    tally.add(ledger, run.codeId(served.function), o.platformHost, evidence(served.function, 'url-host', o.platformHost, 'url', text), `host|${url.host}`);
  }

  // "Digantikan oleh SIPD Penatausahaan": a system is replaced by one that does its job.
  const successor = replacedBy(app.statusReason);
  if (successor !== undefined) scoreMatches(run, tally, texts.text(successor).matches, 'replaced-by');
  return { app, tally, given, platform, hostPlatform };
}

/** Content words of a text that no match covers: computed once per distinct text. */
function uncoveredWords(text: MatchedText): string[] {
  if (text.uncovered === undefined) {
    const covered = new Uint8Array(text.tokens.length);
    for (const m of text.matches) covered.fill(1, m.start, m.end);
    text.uncovered = text.tokens.filter(
      (t, i) => covered[i] === 0 && t.length >= 2 && !STOPWORDS.has(t) && !BOILERPLATE.has(t) && !REGION_WORDS.has(t) && !/^v?\d+(\.\d+)*$/.test(t),
    );
  }
  return text.uncovered;
}

function repeatsName(app: Application): boolean {
  return app.description !== undefined && app.description.trim().toLowerCase() === app.name.trim().toLowerCase();
}

/** The owning unit of an application: its name, and that name's words. */
interface Unit {
  name: string;
  tokens: ReadonlySet<string>;
}

/** A platform family named only by its family name ("SIPD", "SIPD RI"), read as one of its modules. */
interface ModuleChoice {
  head: SharedPlatformDef;
  module: SharedPlatformDef;
  /** The name's terms that name only the family. */
  terms: Set<Term>;
}

/**
 * Which module a bare family name stands for: the module whose function the keywords of the description and
 * of the owning unit's name support most — a BPKAD's "SIPD RI" is SIPD's financial management, a Bappeda's
 * its planning. Names (SIPD spelled out in the description) support no module. Undefined when nothing
 * points away from the main platform.
 */
function familyModule(
  nameMatches: Array<TrieMatch<Term>>,
  evidence: () => Array<Array<TrieMatch<Term>>>,
  compiled: CompiledReference,
  o: ClassifyDefaults,
): ModuleChoice | undefined {
  let head: SharedPlatformDef | undefined;
  const terms = new Set<Term>();
  for (const match of nameMatches) {
    for (const term of match.payloads) {
      if (term.platform === undefined || term.kind === 'keyword' || term.kind === 'weak') continue;
      const members = compiled.families.get(term.platform);
      if (members === undefined) continue;
      if (members[0]!.id !== term.platform) return undefined;
      const words = compiled.familyWords.get(term.platform)!;
      // A name that also names a module ("SIPD Perencanaan (Sistem Informasi Pemerintahan Daerah)") says which.
      if (!term.words.every((t) => words.has(t))) return undefined;
      head = members[0];
      terms.add(term);
    }
  }
  if (head === undefined) return undefined;
  const support = new Map<string, number>();
  for (const matches of evidence()) {
    for (const match of matches) {
      for (const term of match.payloads) {
        if ((term.kind !== 'keyword' && term.kind !== 'weak') || term.function === undefined) continue;
        support.set(term.function, (support.get(term.function) ?? 0) + (term.kind === 'weak' ? o.weakKeyword : o.keyword));
      }
    }
  }
  let module = head;
  for (const member of compiled.families.get(head.id)!) {
    if ((support.get(member.function) ?? 0) > (support.get(module.function) ?? 0)) module = member;
  }
  return module === head ? undefined : { head, module, terms };
}

interface MatchContext {
  /** The URL host the tokens came from. */
  host?: string;
  /** The name has words no match explains: a lexicon name inside it may be an ordinary word ("Lik Randu Sakti"). */
  partial?: boolean;
  /** The other evidence points elsewhere and says (next to) nothing for this function. */
  contradicted?: (code: string) => boolean;
  /** The text's tokens: a match made only of unit abbreviations names who runs the application. */
  tokens?: string[];
  /** The owning unit's words: a match inside a stretch of them names who runs it, beside other matches. */
  own?: ReadonlySet<string>;
  /** A bare platform-family name read as one of its modules. */
  module?: ModuleChoice;
}

/** A match made only of unit abbreviations (RSUD, Dinkes, Bappeda) names who runs the application. */
function isAbbreviation(tokens: string[], m: TrieMatch<Term>): boolean {
  for (let i = m.start; i < m.end; i++) if (!UNIT_ABBREVIATIONS.has(tokens[i]!)) return false;
  return true;
}

/** Every token of the match is a unit abbreviation or lies in a stretch of two or more of the unit's own words. */
function isOwnStretch(tokens: string[], m: TrieMatch<Term>, own: ReadonlySet<string>): boolean {
  for (let i = m.start; i < m.end; i++) {
    const t = tokens[i]!;
    const inStretch = own.has(t) && ((i > 0 && own.has(tokens[i - 1]!)) || (i + 1 < tokens.length && own.has(tokens[i + 1]!)));
    if (!inStretch && !UNIT_ABBREVIATIONS.has(t)) return false;
  }
  return true;
}

/**
 * Whether a match only names who runs the application, and so counts little: a unit abbreviation always
 * ("Antrian Online RSUD"; "SIPBJ RSUD" is not a hospital system), a stretch of two or more words of the
 * owning unit's own name when other words of the text match too ("e-Office Deputi … Akuntabilitas Aparatur
 * dan Pengawasan" in that deputy; "antrian … Dinas Kependudukan dan Pencatatan Sipil" in that office).
 */
class Qualifiers {
  private others: boolean | undefined;
  constructor(
    private readonly matches: Array<TrieMatch<Term>>,
    private readonly ctx: MatchContext,
  ) {}

  test(m: TrieMatch<Term>): boolean {
    const { tokens, own } = this.ctx;
    if (tokens === undefined) return false;
    if (isAbbreviation(tokens, m)) return true;
    if (own === undefined || !isOwnStretch(tokens, m, own)) return false;
    this.others ??= this.matches.some((x) => !isOwnStretch(tokens, x, own) && x.payloads.some((t) => t.kind !== 'negative'));
    return this.others;
  }
}

function scoreMatches(run: Run, tally: Tally, matches: Array<TrieMatch<Term>>, field: Field, ctx: MatchContext = {}): void {
  if (matches.length === 0) return;
  const { o, ledger } = run;
  const fieldIndex = FIELD_INDEX.get(field)!;
  const qualifiers = new Qualifiers(matches, ctx);
  for (const match of matches) {
    const qualifying = qualifiers.test(match);
    for (const term of match.payloads) {
      if (term.kind === 'negative') {
        if (term.function !== undefined && !tally.negatives.has(term.function)) tally.negatives.set(term.function, term.text);
        continue;
      }
      const nameLike = term.kind !== 'keyword' && term.kind !== 'weak';
      const factor = fieldFactor(field, term, o) * (nameLike && ctx.partial ? o.partialNameFactor : 1) * (qualifying ? o.qualifierFactor : 1);
      const kind = field === 'url' ? 'url-host' : field === 'dataset' ? 'dataset' : field === 'replaced-by' ? 'replaced-by' : evidenceKind(term);
      const module = ctx.module !== undefined && ctx.module.terms.has(term) ? ctx.module : undefined;
      for (const c of run.contributionsOf(term)) {
        const remapped = module !== undefined && c.code === module.head.function;
        const code = remapped ? module.module.function : c.code;
        const codeId = remapped ? run.codeId(code) : c.codeId;
        const reused = nameLike && ctx.contradicted?.(code) === true;
        const item: PendingEvidence = {
          code,
          kind,
          weight: c.base * factor * (reused ? o.reusedNameFactor : 1),
          text: undefined,
          term,
          field,
          host: ctx.host,
          alternative: c.alternative,
          module: remapped ? module.module.name : undefined,
          reused,
        };
        // Spellings of one system (SIPD RI, SIPD-RI, the SIPD platform name) count once.
        tally.add(ledger, codeId, o.caps[field], item, (term.identityId * FIELDS.length + fieldIndex) * CODE_SPACE + codeId);
      }
    }
  }
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
  if (byHost !== undefined) return moduleNamed(nameMatches, byHost, compiled) ?? byHost;
  const byName = platformByName(nameTokens, nameMatches, compiled);
  if (app.origin === 'local' || (url !== undefined && isRegionalHost(url, regionTokens))) return undefined;
  return byName;
}

/**
 * On a host one owner serves several modules from (SIPD's planning and financial administration), the
 * module a name mentions anywhere ("SIPD Penatausahaan (SIPD Penatausahaan Keuangan Daerah)").
 */
function moduleNamed(nameMatches: Array<TrieMatch<Term>>, byHost: SharedPlatformDef, compiled: CompiledReference): SharedPlatformDef | undefined {
  let named: SharedPlatformDef | undefined;
  for (const match of nameMatches) {
    for (const term of match.payloads) {
      if (term.platform === undefined || term.platform === byHost.id) continue;
      const p = compiled.reference.platformById.get(term.platform);
      if (p === undefined || p.owner !== byHost.owner) continue;
      if (named !== undefined && named.id !== p.id) return undefined;
      named = p;
    }
  }
  return named;
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

/** A given sector code restricts the choice to that sector's functions. */
function allowedFor(p: Prepared, compiled: CompiledReference): ((code: string) => boolean) | undefined {
  const restrictTo = p.given?.kind === 'coarse' && p.given.sector ? p.given.code : undefined;
  return restrictTo ? (code) => compiled.functions.get(code)?.parent === restrictTo : undefined;
}

function decideFor(p: Prepared, tally: Tally, compiled: CompiledReference, o: ClassifyDefaults): Decision {
  return decide(tally, o, allowedFor(p, compiled));
}

function rankFor(p: Prepared, tally: Tally, compiled: CompiledReference, o: ClassifyDefaults): Ranking | undefined {
  return rank(tally, o, allowedFor(p, compiled));
}

/** What a decision concludes, without its evidence. */
interface Choice {
  function?: string;
  confidence: number;
}

function choose(r: Ranking | undefined, o: ClassifyDefaults): Choice {
  if (r === undefined || !accepted(r, o)) return { confidence: 0 };
  return { function: r.code, confidence: confidenceOf(r, o) };
}

/** confidence = (1 − e^(−best/confidenceScale)) × (½ + ½·(best − second)/best), rounded. */
function confidenceOf(r: Ranking, o: ClassifyDefaults): number {
  return round((1 - Math.exp(-r.best / o.confidenceScale)) * (0.5 + (0.5 * (r.best - r.second)) / r.best));
}

/** The best function and the runner-up (ties to the smaller code), negative phrases applied. */
interface Ranking {
  code: string;
  best: number;
  rival?: string;
  second: number;
}

function rank(tally: Tally, o: ClassifyDefaults, allowed?: (code: string) => boolean): Ranking | undefined {
  let code: string | undefined;
  let best = 0;
  let rival: string | undefined;
  let second = 0;
  for (const [c, raw] of tally.scores) {
    if (allowed && !allowed(c)) continue;
    const v = tally.negatives.has(c) ? raw * o.negativeFactor : raw;
    if (code === undefined || v > best || (v === best && c < code)) {
      if (code !== undefined) [rival, second] = [code, best];
      [code, best] = [c, v];
    } else if (rival === undefined || v > second || (v === second && c < rival)) {
      [rival, second] = [c, v];
    }
  }
  return code === undefined ? undefined : { code, best, rival, second };
}

/** The best function reaches the bar and clearly beats the runner-up. */
function accepted(r: Ranking, o: ClassifyDefaults): boolean {
  return r.best >= o.minScore && r.best - r.second >= o.tieMargin * r.best;
}

function decide(tally: Tally, o: ClassifyDefaults, allowed?: (code: string) => boolean): Decision {
  const ranking = rank(tally, o, allowed);
  const bestCode = ranking?.code ?? '';
  const best = ranking?.best ?? 0;
  const second = ranking?.second ?? 0;
  const evidence = (code: string): EvidenceItem[] => {
    const items = tally.evidenceFor(code);
    const neg = tally.negatives.get(code);
    if (neg !== undefined) items.push({ kind: 'negative-keyword', detail: `"${neg}" argues against ${code} (score × ${o.negativeFactor})` });
    return items;
  };
  if (ranking === undefined || best < o.minScore) {
    return { confidence: 0, evidence: ranking === undefined ? [] : [...evidence(bestCode), { kind: 'unclassified', detail: `best candidate ${bestCode} scores ${round(best)} < ${o.minScore}` }] };
  }
  if (best - second < o.tieMargin * best) {
    const rival = ranking.rival!;
    return {
      confidence: 0,
      evidence: [...evidence(bestCode), ...evidence(rival), { kind: 'unclassified', detail: `ambiguous: ${bestCode} (${round(best)}) and ${rival} (${round(second)}) score alike` }],
    };
  }
  const items = evidence(bestCode);
  if (second > 0) items.push({ kind: 'runner-up', detail: `${ranking.rival} scores ${round(second)} against ${round(best)}` });
  return { function: bestCode, confidence: confidenceOf(ranking, o), evidence: items };
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
  const byNameOnly = p.platform !== undefined && p.hostPlatform === undefined;
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

function withNeighbours(p: Prepared, first: Map<string, Choice>, neighbours: (id: string) => Iterable<string>, o: ClassifyDefaults): Tally {
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
function classifyDatasets(inventory: Inventory, run: Run): Map<string, string> {
  const out = new Map<string, string>();
  for (const dataset of inventory.datasets) {
    run.ledger.clear();
    const tally = new Tally(true);
    scoreMatches(run, tally, run.texts.text(dataset.name).matches, 'name');
    const best = rank(tally, run.o);
    if (best !== undefined && accepted(best, run.o)) out.set(dataset.id, best.code);
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
