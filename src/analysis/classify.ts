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
 * Cost: every distinct name, description and address is tokenised and matched once per run, and what
 * depends on that text alone (its terms as scoring reads them, which matches may name the owning unit,
 * uncovered words, a platform or platform family it names, whether an address is regional) is worked out
 * once with it; so is what a description adds when none of its matches may be a stretch of a unit's own
 * words (nearly all: 2,500 distinct descriptions serve 22,000 applications), replayed per application. A
 * dataset is classified the first time an application uses it. Per application only the scoring is done,
 * into one scratch tally and ledger reused for every application (typed arrays scanned in order, numbered
 * keys, no per-application maps, closures or context objects); only the ~4 % of applications whose decision
 * waits for their neighbours keep a copy. A piece of evidence (a term in a field, in one address, a dataset,
 * a platform's host) is one object per run, shared by the applications it counts for; its text is built
 * only when a decision reports it, once per weight, as one frozen item shared by every classification that
 * reports it. An application with its own taxonomy or opaque code reports only that code, so no evidence
 * is gathered for its inferred function.
 *
 * confidence = (1 − e^(−best/confidenceScale)) × (½ + ½·(best − second)/best).
 */
import type { Application, Dataset, EvidenceItem, Inventory } from '../types.js';
import { compileReference, platformForHost, type CompiledReference, type Term } from '../reference/compile.js';
import type { FunctionDef, ReferenceData, SharedPlatformDef } from '../reference/index.js';
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
  properNameTokensOf,
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

const FIELDS: readonly Field[] = ['name', 'function-text', 'description', 'url', 'dataset', 'replaced-by'];
/** Each field's number (its place in FIELDS), as a plain object: read per match, so no hashing. */
const FIELD_INDEX: Readonly<Record<Field, number>> = { name: 0, 'function-text': 1, description: 2, url: 3, dataset: 4, 'replaced-by': 5 };
/** Room per field for function numbers in the ledger's numeric keys. */
const CODE_SPACE = 8192;
/** Room per score (in thousandths) in the runner-up items' keys: below it, a key is a small integer. */
const RUNNER_UP_SCALE = 1 << 15;

/** How a field scores, worked out once per run from the options. */
class FieldSpec {
  constructor(
    /** The field's number in FIELDS. */
    readonly index: number,
    readonly cap: number,
    /** Factor for keywords and for names (acronyms, long forms, platform names) found in this field. */
    readonly keywordFactor: number,
    readonly nameFactor: number,
    /** Evidence kind reported for a keyword and for a name found in this field. */
    readonly keywordKind: string,
    readonly nameKind: string,
  ) {}
}

function fieldSpecs(o: ClassifyDefaults): Record<Field, FieldSpec> {
  const spec = (field: Field, keywordFactor: number, nameFactor: number, kind?: string) =>
    new FieldSpec(FIELD_INDEX[field], o.caps[field], keywordFactor, nameFactor, kind ?? 'keyword', kind ?? 'acronym');
  return {
    name: spec('name', 1, 1),
    'function-text': spec('function-text', 1, 1),
    description: spec('description', o.descriptionKeywordFactor, o.descriptionAcronymFactor),
    url: spec('url', o.urlFactor, o.urlFactor, 'url-host'),
    dataset: spec('dataset', o.datasetWeight, o.datasetWeight, 'dataset'),
    'replaced-by': spec('replaced-by', o.replacedByFactor, o.replacedByFactor, 'replaced-by'),
  };
}

/** What one matched term adds to a function. */
class Contribution {
  /** How evidence from this contribution reads, made the first time it is reported. */
  label: string | undefined = undefined;
  /** Its evidence without a host or module, per slot `2 × field number + reused` (see `termEvidence`). */
  evidence: Array<PendingEvidence | undefined> | undefined = undefined;

  constructor(
    readonly term: Term,
    readonly code: string,
    readonly codeId: number,
    readonly base: number,
    /** An ambiguous name's alternative function. */
    readonly alternative: boolean,
  ) {}
}

/** Where a piece of evidence comes from, which decides how its text reads. */
type Source = 'term' | 'dataset' | 'platform-host' | 'neighbours';

/**
 * One piece of evidence that counted (its weight is kept beside it in the tally); its text is built only if
 * it is reported. The same evidence counts for many applications (a term in a field, a term in one address,
 * a dataset, a platform's host), so each is made once per run and shared, with the items it was reported
 * as, one per weight: the many applications that report it neither rebuild nor look up its text.
 */
class PendingEvidence {
  /**
   * The item this evidence was first reported as, and its weight (NaN: none yet), read without a list
   * (nearly every piece of evidence is reported at one weight); the items of other weights.
   */
  firstItem: EvidenceItem | undefined = undefined;
  firstWeight = NaN;
  reported: EvidenceItem[] | undefined = undefined;

  constructor(
    readonly codeId: number,
    readonly kind: string,
    readonly source: Source,
    /** The field's number in FIELDS. */
    readonly field: number,
    /** The matched term's contribution (source `term`). */
    readonly contribution: Contribution | undefined,
    /** The URL host (and path) a term came from, the dataset's id, or the platform's host. */
    readonly subject: string | undefined,
    /** The module a bare family name was read as. */
    readonly module: string | undefined,
    readonly reused: boolean,
    /** The shared platform a host serves (source `platform-host`). */
    readonly platform: SharedPlatformDef | undefined,
    /** How many neighbours lent the function (source `neighbours`). */
    readonly count: number,
  ) {}
}

/** The evidence of a term's contribution in a field outside any address, made once per run. */
function termEvidence(c: Contribution, kind: string, field: number, reused: boolean): PendingEvidence {
  // Every slot exists (undefined until used), so the list keeps one shape.
  const cache = (c.evidence ??= new Array<PendingEvidence | undefined>(2 * FIELDS.length).fill(undefined));
  return (cache[2 * field + (reused ? 1 : 0)] ??= new PendingEvidence(c.codeId, kind, 'term', field, c, undefined, undefined, reused, undefined, 0));
}

/** The evidence of a term's contribution in an address text, made once per text. */
function addressEvidence(text: MatchedText, c: Contribution, kind: string, field: number, reused: boolean): PendingEvidence {
  const cache = (text.evidence ??= []);
  for (const e of cache) if (e.contribution === c && e.reused === reused) return e;
  const made = new PendingEvidence(c.codeId, kind, 'term', field, c, text.subject, undefined, reused, undefined, 0);
  cache.push(made);
  return made;
}

/**
 * The item a piece of evidence is reported as at a weight, made the first time. It is made directly, not
 * through `Run.item`'s lookup by text: the piece of evidence already keeps it for every application that
 * reports it, and nearly every such text is new (an address's host), so looking it up would only hash it.
 */
function reportedItem(item: PendingEvidence, granted: number, run: Run): EvidenceItem {
  const weight = round(granted);
  if (item.firstWeight === weight) return item.firstItem!;
  const reported = item.reported;
  if (reported !== undefined) for (const known of reported) if (known.weight === weight) return known;
  const made: EvidenceItem = Object.freeze({ kind: item.kind, detail: detailOf(item, run), weight });
  if (item.firstItem === undefined) {
    item.firstItem = made;
    item.firstWeight = weight;
  } else if (reported === undefined) item.reported = [made];
  else reported.push(made);
  return made;
}

function detailOf(item: PendingEvidence, run: Run): string {
  const code = run.codeNames[item.codeId]!;
  switch (item.source) {
    case 'dataset':
      return `uses dataset ${item.subject}, classified ${code}`;
    case 'platform-host':
      return `URL host ${item.subject} is shared platform ${item.platform!.name} (${item.platform!.owner})`;
    case 'neighbours':
      return `${item.count} exchange neighbour(s) classified ${code}`;
    case 'term': {
      const c = item.contribution!;
      c.label ??= contributionLabel(c.term, c.alternative);
      const label = FIELD_LABEL[FIELDS[item.field]!];
      const where = item.subject !== undefined ? `${label} ${item.subject}` : label;
      const read = item.module !== undefined ? ` read as its module ${item.module} (the description, address or unit point to ${code})` : '';
      const reused = item.reused ? ' (the other evidence points to another function: the name is reused)' : '';
      return `${where}: ${c.label}${read}${reused}`;
    }
  }
}

/** `array` with room for at least `size` entries (doubled when full), its contents kept. */
function withRoom(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const grown = new Float64Array(Math.max(size, 2 * array.length));
  grown.set(array);
  return grown;
}

function withRoomInt(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const grown = new Int32Array(Math.max(size, 2 * array.length));
  grown.set(array);
  return grown;
}

/**
 * Bookkeeping while one application's own texts are scored: the evidence already counted (a term's
 * identity per field and function, numbered) and the score granted per field and function, against the
 * caps. One ledger serves every application of a run, cleared between them; an application offers a few
 * dozen keys at most, so flat typed arrays scanned in order beat hashing.
 */
class Ledger {
  private seen = new Float64Array(64);
  private seenCount = 0;
  private grantedKeys = new Int32Array(16);
  private grantedAmounts = new Float64Array(16);
  private grantedCount = 0;

  clear(): void {
    this.seenCount = 0;
    this.grantedCount = 0;
  }

  /** True the first time a piece of evidence is offered. */
  first(key: number): boolean {
    const seen = this.seen;
    for (let i = 0; i < this.seenCount; i++) if (seen[i] === key) return false;
    this.seen = withRoom(seen, this.seenCount + 1);
    this.seen[this.seenCount++] = key;
    return true;
  }

  /** What of `amount` the field's cap for the function still allows; records it as granted. */
  take(field: number, codeId: number, amount: number, cap: number): number {
    const key = field * CODE_SPACE + codeId;
    let slot = 0;
    while (slot < this.grantedCount && this.grantedKeys[slot] !== key) slot++;
    const used = slot < this.grantedCount ? this.grantedAmounts[slot]! : 0;
    const granted = Math.min(amount, Math.max(0, cap - used));
    if (granted > 0) {
      if (slot === this.grantedCount) {
        this.grantedKeys = withRoomInt(this.grantedKeys, slot + 1);
        this.grantedAmounts = withRoom(this.grantedAmounts, slot + 1);
        this.grantedKeys[slot] = key;
        this.grantedCount++;
      }
      this.grantedAmounts[slot] = used + granted;
    }
    return granted;
  }
}

/**
 * Scores of one application per function (in the order first scored), with the evidence behind each (and
 * its weight) and the negative phrases met. The run's scratch tally is reset per application; `copy` keeps
 * one for later. Numbers live in typed arrays, so their type never changes under the optimiser.
 */
class Tally {
  codes = new Int32Array(8);
  scores = new Float64Array(8);
  size = 0;
  items: PendingEvidence[] = [];
  weights = new Float64Array(8);
  itemCount = 0;
  negativeCodes = new Int32Array(4);
  negativeTexts: string[] = [];
  negativeCount = 0;
  /**
   * Scores as they stood before the name was scored (`markOther`), for telling a reused name; the highest
   * of them is kept at index 0 of `otherStrongest` (a typed array, like every fractional number here).
   */
  private otherScores = new Float64Array(8);
  private otherSize = 0;
  private readonly otherStrongest = new Float64Array(1);

  reset(): void {
    this.size = 0;
    this.itemCount = 0;
    this.negativeCount = 0;
    this.otherSize = 0;
    this.otherStrongest[0] = 0;
  }

  /** Adds `amount` to a function's score. */
  add(codeId: number, amount: number): void {
    const i = this.slotOf(codeId);
    if (i >= 0) {
      this.scores[i] = this.scores[i]! + amount;
      return;
    }
    this.codes = withRoomInt(this.codes, this.size + 1);
    this.scores = withRoom(this.scores, this.size + 1);
    this.codes[this.size] = codeId;
    this.scores[this.size++] = amount;
  }

  /** Adds evidence of `weight` for its function. */
  record(item: PendingEvidence, weight: number): void {
    this.add(item.codeId, weight);
    this.weights = withRoom(this.weights, this.itemCount + 1);
    this.items[this.itemCount] = item;
    this.weights[this.itemCount++] = weight;
  }

  /** Keeps the first negative phrase met for a function. */
  negate(codeId: number, text: string): void {
    for (let i = 0; i < this.negativeCount; i++) if (this.negativeCodes[i] === codeId) return;
    this.negativeCodes = withRoomInt(this.negativeCodes, this.negativeCount + 1);
    this.negativeCodes[this.negativeCount] = codeId;
    this.negativeTexts[this.negativeCount++] = text;
  }

  negative(codeId: number): string | undefined {
    for (let i = 0; i < this.negativeCount; i++) if (this.negativeCodes[i] === codeId) return this.negativeTexts[i];
    return undefined;
  }

  /** The highest score so far. */
  strongest(): number {
    let strongest = 0;
    for (let i = 0; i < this.size; i++) if (this.scores[i]! > strongest) strongest = this.scores[i]!;
    return strongest;
  }

  /** Remembers the scores as they are now: the evidence other than the name. */
  markOther(strongest: number): void {
    this.otherScores = withRoom(this.otherScores, this.size);
    for (let i = 0; i < this.size; i++) this.otherScores[i] = this.scores[i]!;
    this.otherSize = this.size;
    this.otherStrongest[0] = strongest;
  }

  /** The other evidence points elsewhere and gives this function (next to) nothing. */
  contradicts(codeId: number, share: number): boolean {
    let other = 0;
    for (let i = 0; i < this.otherSize; i++) {
      if (this.codes[i] === codeId) {
        other = this.otherScores[i]!;
        break;
      }
    }
    return other * share < this.otherStrongest[0]!;
  }

  /** The state of this tally in arrays of its own size, for deciding later. */
  copy(): Tally {
    const t = new Tally();
    t.codes = this.codes.slice(0, this.size);
    t.scores = this.scores.slice(0, this.size);
    t.size = this.size;
    t.items = this.items.slice(0, this.itemCount);
    t.weights = this.weights.slice(0, this.itemCount);
    t.itemCount = this.itemCount;
    t.negativeCodes = this.negativeCodes.slice(0, this.negativeCount);
    t.negativeTexts = this.negativeTexts.slice(0, this.negativeCount);
    t.negativeCount = this.negativeCount;
    return t;
  }

  private slotOf(codeId: number): number {
    for (let i = 0; i < this.size; i++) if (this.codes[i] === codeId) return i;
    return -1;
  }
}

/**
 * State shared by every application of one run: options, the compiled reference, numbers for function
 * codes (with what a classification reports of each), each term's contributions (computed once), the
 * scratch tally, ledger and ranking, the texts matched so far, and the evidence items made so far.
 */
class Run {
  readonly ledger = new Ledger();
  /** The tally every application is scored into. */
  readonly scratch = new Tally();
  /** Every word of every unit's name: a match with another word is no unit's own stretch (`qualifiersOf`). */
  readonly unitWords = new Set<string>();
  /** Ledger and tally a description is scored into once, and where its score is kept (`descriptionScore`). */
  readonly sideLedger = new Ledger();
  readonly side = new Tally();
  readonly arena = new ScoreArena();
  readonly ranking: Ranking = { codeId: -1, code: '', best: 0, rivalId: -1, rival: undefined, second: 0 };
  /** Per function number: its code, parent (a sector restricts the choice to its children), English name, genericity. */
  readonly codeNames: string[] = [];
  readonly parents: Array<string | undefined> = [];
  readonly functionNames: Array<string | undefined> = [];
  readonly generic: boolean[] = [];
  readonly fields: Record<Field, FieldSpec>;
  private readonly codeIds = new Map<string, number>();
  private readonly scoredTerms = new Map<Term, ScoredTerm>();
  private readonly payloadTerms = new Map<Term[], ScoredTerm[]>();
  private readonly given = new Map<string, GivenCode | null>();
  private functionsByName: Map<string, FunctionDef> | undefined = undefined;
  private readonly successors = new Map<string, string | null>();
  /** Reported evidence items by text (see `item`), and the items of given codes and platforms. */
  private readonly items = new Map<string, EvidenceItem[]>();
  readonly givenItems = new Map<GivenCode, EvidenceItem>();
  readonly platformItems = new Map<SharedPlatformDef, EvidenceItem>();
  /** Runner-up items by rival number, then `runnerUp`'s key of the two scores. */
  private readonly runnerUps: Array<Map<number, EvidenceItem> | undefined> = [];
  /** Code-conflict items by `codeConflict`'s key. */
  private readonly conflicts = new Map<number, EvidenceItem>();
  readonly texts: TextMatcher;

  constructor(
    readonly o: ClassifyDefaults,
    readonly compiled: CompiledReference,
    readonly regionTokens: ReadonlySet<string>,
  ) {
    this.texts = new TextMatcher(compiled, regionTokens);
    this.fields = fieldSpecs(o);
  }

  codeId(code: string): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.codeNames.length;
      this.codeIds.set(code, id);
      this.codeNames.push(code);
      const fn = this.compiled.functions.get(code);
      this.parents.push(fn?.parent);
      this.functionNames.push(fn?.name.en);
      this.generic.push(fn?.generic === true || fn?.broad === true || fn?.kind === 'sector' || fn?.kind === 'application-category');
    }
    return id;
  }

  /** What scoring reads of a match's terms, once per run per payload list (the trie shares one list per phrase). */
  scoredPayloads(payloads: Term[]): ScoredTerm[] {
    let scored = this.payloadTerms.get(payloads);
    if (scored === undefined) {
      scored = [];
      for (const t of payloads) scored.push(this.scoredTerm(t));
      this.payloadTerms.set(payloads, scored);
    }
    return scored;
  }

  /** What scoring reads of a term, made once per run. */
  scoredTerm(term: Term): ScoredTerm {
    let scored = this.scoredTerms.get(term);
    if (scored === undefined) {
      const contributions: Contribution[] = [];
      for (const [code, base, alternative] of termContributions(term, this.o)) contributions.push(new Contribution(term, code, this.codeId(code), base, alternative));
      const negative = term.kind === 'negative' && term.function !== undefined ? this.codeId(term.function) : -1;
      scored = new ScoredTerm(term, term.kind, term.kind !== 'keyword' && term.kind !== 'weak', term.identityId, negative, contributions);
      this.scoredTerms.set(term, scored);
    }
    return scored;
  }

  givenCode(raw: string | undefined): GivenCode | undefined {
    if (raw === undefined) return undefined;
    let given = this.given.get(raw);
    if (given === undefined) {
      given = parseGivenCode(raw, this.compiled, (this.functionsByName ??= functionsByLowerName(this.compiled))) ?? null;
      this.given.set(raw, given);
    }
    return given ?? undefined;
  }

  /** The successor a status reason names ("digantikan oleh SIPD Penatausahaan"). */
  successor(reason: string | undefined): string | undefined {
    if (reason === undefined) return undefined;
    let successor = this.successors.get(reason);
    if (successor === undefined) {
      successor = REPLACED_BY.exec(reason)?.[1] ?? null;
      this.successors.set(reason, successor);
    }
    return successor ?? undefined;
  }

  /**
   * The runner-up item ("X scores 1.2 against 3"), by the rival's number and the two rounded scores as one
   * small integer (scores in thousandths, each below RUNNER_UP_SCALE; larger ones, which the defaults never
   * reach, go by their text).
   */
  runnerUp(rivalId: number, second: number, best: number): EvidenceItem {
    const s = Math.round(second * 1000);
    const b = Math.round(best * 1000);
    if (s >= RUNNER_UP_SCALE || b >= RUNNER_UP_SCALE || s < 0 || b < 0) return this.item('runner-up', `${this.codeNames[rivalId]} scores ${second} against ${best}`);
    const byScores = (this.runnerUps[rivalId] ??= new Map());
    const key = s * RUNNER_UP_SCALE + b;
    let item = byScores.get(key);
    if (item === undefined) {
      item = this.item('runner-up', `${this.codeNames[rivalId]} scores ${second} against ${best}`);
      byScores.set(key, item);
    }
    return item;
  }

  /**
   * The item of a given code the other evidence contradicts ("points to X (confidence 0.8)"), by the
   * inferred function's number and the confidence in thousandths (a tenth of the given codes conflict).
   */
  codeConflict(codeId: number, confidence: number): EvidenceItem {
    const key = codeId * 1001 + Math.round(confidence * 1000);
    let item = this.conflicts.get(key);
    if (item === undefined) {
      item = this.item('code-conflict', `the other evidence points to ${this.codeNames[codeId]} (confidence ${confidence})`);
      this.conflicts.set(key, item);
    }
    return item;
  }

  /**
   * The evidence item `{ kind, detail, weight }` (no `weight` key when undefined), for items that are not a
   * piece of evidence's (`reportedItem`): applications report the same ones over and over, so each distinct
   * item is made once and shared by every classification that reports it; it is frozen, as a shared value
   * must be.
   */
  item(kind: string, detail: string, weight?: number): EvidenceItem {
    let list = this.items.get(detail);
    if (list === undefined) {
      list = [];
      this.items.set(detail, list);
    } else {
      for (const known of list) if (known.kind === kind && known.weight === weight) return known;
      detail = list[0]!.detail;
    }
    const item: EvidenceItem = Object.freeze(weight === undefined ? { kind, detail } : { kind, detail, weight });
    list.push(item);
    return item;
  }
}

/** What the evidence other than a given code concludes. */
class Decision {
  constructor(
    /** The function concluded, undefined when unclassified. */
    readonly code: string | undefined,
    /** The function's number, -1 when unclassified. */
    readonly codeId: number,
    readonly confidence: number,
    readonly evidence: EvidenceItem[],
  ) {}
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
  // Agencies share names and regions: each distinct one is tokenised once, for the region words and the units.
  const agencyTokens = new Map<string | undefined, string[]>();
  for (const a of inventory.agencies) {
    if (!agencyTokens.has(a.name)) agencyTokens.set(a.name, tokenize(a.name));
    if (!agencyTokens.has(a.region)) agencyTokens.set(a.region, tokenize(a.region));
  }
  const regionTokens = properNameTokensOf(agencyTokens.values(), compiled.vocabulary);
  const run = new Run(o, compiled, regionTokens);
  for (const a of inventory.agencies) for (const t of agencyTokens.get(a.name)!) run.unitWords.add(t);
  const datasetFunction = new DatasetFunctions(inventory.datasets, run);

  const units = new Map<string, Unit>();
  const unitTokens = new Map<string, ReadonlySet<string>>();
  for (const a of inventory.agencies) {
    let tokens = unitTokens.get(a.name);
    if (tokens === undefined) {
      tokens = new Set(agencyTokens.get(a.name));
      unitTokens.set(a.name, tokens);
    }
    units.set(a.id, new Unit(a.name, tokens));
  }
  const none = new Unit('', new Set());
  // Pass 1 without neighbours: applications whose evidence neighbours cannot change are decided at once from
  // the scratch tally; pass 2 lends the others their confidently classified neighbours' functions. `lent`
  // holds pass 1's functions confident enough to lend.
  const lent = new Map<string, string>();
  const out = new Map<string, Classification>();
  const waiting: Prepared[] = [];
  const ranking = run.ranking;
  // An agency's applications mostly come one after another: its unit is looked up once per run of them.
  let agencyId: string | undefined;
  let unit = none;
  for (const app of inventory.applications) {
    const id = app.id;
    if (app.agencyId !== agencyId) {
      agencyId = app.agencyId;
      unit = units.get(agencyId) ?? none;
    }
    const p = prepare(app, run, unit, datasetFunction);
    const ranked = rank(p.tally, run, sectorOf(p), ranking);
    const lends = ranked && accepted(ranking, o) && confidenceOf(ranking, o) >= o.neighbourMinConfidence ? ranking.code : undefined;
    const size = out.size;
    if ((p.given === undefined || p.given.kind === 'text' || p.given.kind === 'coarse') && neighboursCanMatter(p.tally, o)) {
      p.tally = p.tally.copy();
      waiting.push(p);
      out.set(id, PENDING);
    } else {
      out.set(id, toClassification(p, decide(p.tally, run, ranked ? ranking : undefined, !reportsOnlyGivenCode(p)), run));
    }
    // Only a repeated id (the result did not grow) can hold an earlier application's function: the last counts.
    if (lends !== undefined) lent.set(id, lends);
    else if (out.size === size) lent.delete(id);
  }
  const neighbours = options.neighbours ?? exchangeNeighbours(inventory);
  for (const p of waiting) {
    lendNeighbours(p, lent, neighbours, run);
    const ranked = rank(p.tally, run, sectorOf(p), ranking);
    out.set(p.app.id, toClassification(p, decide(p.tally, run, ranked ? ranking : undefined, true), run));
  }
  return out;
}

/** An application whose own taxonomy or opaque code is reported instead of what the evidence says. */
function reportsOnlyGivenCode(p: Prepared): boolean {
  return p.given?.kind === 'function' || p.given?.kind === 'opaque';
}

/** Holds an application's place in the result (inventory order) until pass 2 decides it. */
const PENDING: Classification = { confidence: 0, evidence: [] };

/**
 * Tokens and phrase matches of a text, and what is worked out from them alone, once per distinct text (the
 * fields after the matches are filled when first needed; all exist from the start, so every matched text
 * has one shape).
 */
class MatchedText {
  /** Per match: its payload terms as scoring reads them (`termsOf`), and how it may name who runs the application (`qualifiersOf`). */
  terms: ScoredTerm[][] | undefined = undefined;
  qualifiers: number[] | undefined = undefined;
  /** The URL host (or host and path) an address text was read from. */
  subject: string | undefined = undefined;
  /** What it adds as a description none of whose matches may be a stretch of a unit's own words (`descriptionScore`). */
  descriptionScore: ReplayedScore | undefined = undefined;
  /** The evidence its terms gave (address texts: see `addressEvidence`). */
  evidence: PendingEvidence[] | undefined = undefined;
  /** The text trimmed and lower-cased (names and descriptions). */
  folded: string | undefined = undefined;
  /** Content words no match covers (stopwords, boilerplate, region words and versions aside). */
  uncovered: string[] | undefined = undefined;
  /** Of those, the words that are no region or unit abbreviation (only the owning unit's words may excuse them). */
  unexplained: string[] | undefined = undefined;
  /** The platform family a name names by its family name alone (null: none). */
  family: FamilyName | null | undefined = undefined;
  /** The platform whose name this name is (null: none). */
  platform: SharedPlatformDef | null | undefined = undefined;
  /** The module of a host's platform the name names, for the last host asked about. */
  hostModule: { host: SharedPlatformDef; module: SharedPlatformDef | undefined } | undefined = undefined;

  /** How many matches there are (read instead of `matches.length`: an empty array has another shape). */
  readonly matchCount: number;

  constructor(
    readonly tokens: string[],
    readonly matches: Array<TrieMatch<Term>>,
  ) {
    this.matchCount = matches.length;
  }
}

/**
 * A term as scoring reads it. Terms come in several shapes (keywords, acronyms, platform names), so the
 * hot loop reads this one-shape copy of what it needs instead of the term itself.
 */
class ScoredTerm {
  constructor(
    readonly term: Term,
    readonly kind: Term['kind'],
    /** An acronym, long form or platform name (anything but a keyword or weak keyword): a name. */
    readonly nameLike: boolean,
    readonly identityId: number,
    /** The function a negative phrase argues against (its number), else -1. */
    readonly negates: number,
    readonly contributions: Contribution[],
  ) {}
}

/** What an address says, once per distinct URL text. */
class MatchedUrl {
  /** Run by a regional government or on a private address, when computed. */
  regional: boolean | undefined = undefined;
  /** The evidence of its host being a shared platform's, per platform served. */
  platformEvidence: PendingEvidence[] | undefined = undefined;

  constructor(
    readonly url: UrlInfo | undefined,
    readonly hostPlatform: SharedPlatformDef | undefined,
    /** The host labels that name a system, and the first path segment's words, matched. */
    readonly host: MatchedText,
    readonly path: MatchedText,
    /** `host/first path segment`, where path words are read. */
    readonly pathHost: string | undefined,
  ) {}
}

/**
 * Texts matched once per run: catalogues repeat names, descriptions and addresses (every unit listing
 * SIMPEG), so each distinct text is tokenised and matched once.
 */
class TextMatcher {
  private readonly names = new Map<string, MatchedText>();
  private readonly texts = new Map<string, MatchedText>();
  private readonly urls = new Map<string, MatchedUrl>();
  /** The empty text: no tokens, no matches. */
  readonly empty: MatchedText;

  constructor(
    private readonly compiled: CompiledReference,
    private readonly regionTokens: ReadonlySet<string>,
  ) {
    this.empty = this.text(undefined);
  }

  /** A name, with the word behind a glued-on prefix ("SIABSEN", "ePresensi") matched too, at the same position. */
  name(name: string): MatchedText {
    let m = this.names.get(name);
    if (m === undefined) {
      const tokens = tokenize(name);
      if (tokens.length === 0) {
        m = new MatchedText(tokens, []);
      } else {
        const stripped = withoutNamePrefixes(tokens, this.compiled.vocabulary);
        const all = this.compiled.trie.matchAll(tokens);
        if (stripped !== undefined) for (const match of this.compiled.trie.matchAll(stripped)) all.push(match);
        m = new MatchedText(tokens, maximalMatches(all));
      }
      this.names.set(name, m);
    }
    return m;
  }

  text(text: string | undefined): MatchedText {
    const key = text ?? '';
    let m = this.texts.get(key);
    if (m === undefined) {
      m = this.match(tokenize(key));
      this.texts.set(key, m);
    }
    return m;
  }

  /** The maximal matches of a text, nothing kept (dataset names: each is read once). */
  matchesOf(text: string): Array<TrieMatch<Term>> {
    const tokens = tokenize(text);
    return tokens.length > 0 ? maximalMatches(this.compiled.trie.matchAll(tokens)) : [];
  }

  url(raw: string | undefined): MatchedUrl {
    const key = raw ?? '';
    let m = this.urls.get(key);
    if (m === undefined) {
      const url = parseUrl(raw);
      const hostPlatform = platformForHost(this.compiled, url);
      // A shared platform's host says which platform; other hosts and paths are read for the words they carry.
      const read = url !== undefined && hostPlatform === undefined;
      const pathTokens = read ? pathNameTokens(url) : [];
      const pathHost = read && pathTokens.length > 0 ? `${url.host}/${url.path[0]}` : undefined;
      const host = read ? this.addressText(hostNameTokens(url), url.host) : this.empty;
      const path = pathHost !== undefined ? this.addressText(pathTokens, pathHost) : this.empty;
      m = new MatchedUrl(url, hostPlatform, host, path, pathHost);
      this.urls.set(key, m);
    }
    return m;
  }

  /** True for an address run by a regional government or on a private address. */
  regional(address: MatchedUrl): boolean {
    address.regional ??= address.url !== undefined && isRegionalHost(address.url, this.regionTokens);
    return address.regional;
  }

  /** The content words of a name no match explains and no region or unit abbreviation accounts for. */
  unexplained(text: MatchedText): string[] {
    if (text.unexplained === undefined) {
      const unexplained: string[] = [];
      for (const t of uncoveredWords(text)) if (!this.regionTokens.has(t) && !UNIT_ABBREVIATIONS.has(t)) unexplained.push(t);
      text.unexplained = unexplained;
    }
    return text.unexplained;
  }

  /** Whether a text has content words that are neither matched nor region words. */
  hasUnmatchedWords(text: MatchedText): boolean {
    return uncoveredWords(text).some((t) => !this.regionTokens.has(t));
  }

  /**
   * The words of an address matched, kept with the host (or host and path) they were read from. Most
   * addresses name no system: their texts are the shared empty one, so no object outlives the lookup.
   */
  private addressText(tokens: string[], subject: string): MatchedText {
    if (tokens.length === 0) return this.empty;
    const matches = maximalMatches(this.compiled.trie.matchAll(tokens));
    if (matches.length === 0) return this.empty;
    const text = new MatchedText(tokens, matches);
    text.subject = subject;
    return text;
  }

  private match(tokens: string[]): MatchedText {
    return new MatchedText(tokens, tokens.length > 0 ? maximalMatches(this.compiled.trie.matchAll(tokens)) : []);
  }
}

/** The text trimmed and lower-cased, kept on its matched text. */
function folded(matched: MatchedText, text: string): string {
  matched.folded ??= text.trim().toLowerCase();
  return matched.folded;
}

function prepare(app: Application, run: Run, unit: Unit, datasetFunction: DatasetFunctions): Prepared {
  const { o, compiled, texts, ledger } = run;
  const tally = run.scratch;
  tally.reset();
  ledger.clear();
  // Applications come in many shapes (optional fields): each field is read once.
  const { name: appName, description: appDescription, datasets, statusReason } = app;
  const given = run.givenCode(app.function);
  const address = texts.url(app.url);
  const { url, hostPlatform } = address;
  const ownTokens = unit.tokens;
  const name = texts.name(appName);

  // The evidence other than the name is scored first: when it points clearly elsewhere and says nothing for
  // the function a lexicon name in the title stands for, the name is being reused for another system (SIKAP
  // for employee performance is not LKPP's SIKaP; a Bappeda's own "SIPD" at opendata.… is not Kemendagri's),
  // and counts for less.
  // A description that only repeats the name ("SIPD Trenggalek") is no evidence of its own.
  let description = texts.empty;
  if (appDescription !== undefined && appDescription !== appName) {
    description = texts.text(appDescription);
    if (folded(description, appDescription) === folded(name, appName)) description = texts.empty;
  }
  // A description scores alike in every application whose unit's own words it does not repeat.
  if (description.matchCount > 0) {
    if (mayNameOwner(description, run)) scoreMatches(run, tally, description, run.fields.description, unit.description());
    else replay(tally, (description.descriptionScore ??= descriptionScore(run, description)), run);
  }
  if (url !== undefined && hostPlatform === undefined) {
    scoreMatches(run, tally, address.host, run.fields.url, ADDRESS);
    if (address.pathHost !== undefined) scoreMatches(run, tally, address.path, run.fields.url, ADDRESS);
  }
  for (let i = 0; i < datasets.length; i++) {
    const datasetId = datasets[i]!;
    const dataset = datasetFunction.get(datasetId);
    // A dataset listed twice counts once.
    if (dataset === undefined || datasets.indexOf(datasetId) < i) continue;
    const granted = ledger.take(FIELD_INDEX.dataset, dataset.codeId, o.datasetWeight, o.caps.dataset);
    if (granted > 0) tally.record(dataset.evidence, granted);
  }
  const strongest = tally.strongest();
  const contradicted = strongest >= o.contradictingEvidence;
  if (contradicted) tally.markOther(strongest);

  const module = familyModule(name, description, unit, run);
  let partial = false;
  for (const t of texts.unexplained(name)) {
    if (!ownTokens.has(t)) {
      partial = true;
      break;
    }
  }
  const nameContext = module === undefined ? unit.names(partial, contradicted) : new MatchContext(true, ownTokens, partial, contradicted, module);
  scoreMatches(run, tally, name, run.fields.name, nameContext);
  if (given?.kind === 'text') {
    const matched = texts.text(given.text);
    scoreMatches(run, tally, matched, run.fields['function-text'], texts.hasUnmatchedWords(matched) ? PARTIAL : PLAIN);
  }

  const detected = detectPlatform(app, address, name, run);
  const platform = module !== undefined && detected?.id === module.head.id ? module.module : detected;
  if (hostPlatform !== undefined && url !== undefined) {
    // One host can serve several modules of one owner (SIPD's planning and financial modules): the name
    // tells them apart. A host is offered once per application, so it needs no dedupe key.
    const served = platform !== undefined && platform.owner === hostPlatform.owner ? platform : hostPlatform;
    const evidence = platformEvidence(address, served, run);
    const granted = ledger.take(FIELD_INDEX.url, evidence.codeId, o.platformHost, o.platformHost);
    if (granted > 0) tally.record(evidence, granted);
  }

  // "Digantikan oleh SIPD Penatausahaan": a system is replaced by one that does its job.
  const successor = run.successor(statusReason);
  if (successor !== undefined) scoreMatches(run, tally, texts.text(successor), run.fields['replaced-by'], PLAIN);
  return { app, tally, given, platform, hostPlatform };
}

/** The evidence of an address's host being a shared platform's (the one it serves the application as), once per address. */
function platformEvidence(address: MatchedUrl, served: SharedPlatformDef, run: Run): PendingEvidence {
  const cache = (address.platformEvidence ??= []);
  for (const e of cache) if (e.platform === served) return e;
  const made = new PendingEvidence(run.codeId(served.function), 'url-host', 'platform-host', FIELD_INDEX.url, undefined, address.url!.host, undefined, false, served, 0);
  cache.push(made);
  return made;
}

const VERSION_LIKE = /^v?\d+(\.\d+)*$/;

/** Content words of a text that no match covers: computed once per distinct text. */
function uncoveredWords(text: MatchedText): string[] {
  if (text.uncovered === undefined) {
    const { tokens, matches } = text;
    const uncovered: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.length < 2 || STOPWORDS.has(t) || BOILERPLATE.has(t) || REGION_WORDS.has(t) || isVersionLike(t)) continue;
      let covered = false;
      for (const m of matches) {
        if (m.start <= i && i < m.end) {
          covered = true;
          break;
        }
      }
      if (!covered) uncovered.push(t);
    }
    text.uncovered = uncovered;
  }
  return text.uncovered;
}

/** "v2", "2023", "1.0.3": only a token starting with a digit or "v" can be one. */
function isVersionLike(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c === 118 /* v */ || (c >= 48 && c <= 57)) && VERSION_LIKE.test(t);
}

/** The owning unit of an application: its name, and that name's words. */
class Unit {
  private descriptionContext: MatchContext | undefined = undefined;
  private readonly nameContexts: Array<MatchContext | undefined> = [];
  /** Its name matched (for reading a bare platform-family name as a module), when first needed. */
  matchedName: MatchedText | undefined = undefined;

  constructor(
    readonly name: string,
    readonly tokens: ReadonlySet<string>,
  ) {}

  /** How its applications' descriptions are scored. */
  description(): MatchContext {
    return (this.descriptionContext ??= new MatchContext(true, this.tokens, false, false, undefined));
  }

  /** How its applications' names are scored (a family read as a module aside). */
  names(partial: boolean, contradicted: boolean): MatchContext {
    return (this.nameContexts[(partial ? 1 : 0) + (contradicted ? 2 : 0)] ??= new MatchContext(true, this.tokens, partial, contradicted, undefined));
  }
}

/** A name that names a platform family by its family name only ("SIPD", "SIPD RI"). */
interface FamilyName {
  head: SharedPlatformDef;
  /** The name's terms that name only the family. */
  terms: Set<Term>;
}

/** A platform family named only by its family name ("SIPD", "SIPD RI"), read as one of its modules. */
interface ModuleChoice extends FamilyName {
  module: SharedPlatformDef;
}

/**
 * Which module a bare family name stands for: the module whose function the keywords of the description and
 * of the owning unit's name support most — a BPKAD's "SIPD RI" is SIPD's financial management, a Bappeda's
 * its planning. Names (SIPD spelled out in the description) support no module. Undefined when nothing
 * points away from the main platform.
 */
function familyModule(name: MatchedText, description: MatchedText, unit: Unit, run: Run): ModuleChoice | undefined {
  const { compiled, o } = run;
  if (name.family === undefined) name.family = familyName(name.matches, compiled) ?? null;
  const family = name.family;
  if (family === null) return undefined;
  const { head, terms } = family;
  const support = new Map<string, number>();
  addSupport(support, description.matches, o);
  addSupport(support, (unit.matchedName ??= run.texts.text(unit.name)).matches, o);
  let module = head;
  for (const member of compiled.families.get(head.id)!) {
    if ((support.get(member.function) ?? 0) > (support.get(module.function) ?? 0)) module = member;
  }
  return module === head ? undefined : { head, module, terms };
}

/** Adds what the keywords among `matches` say for their functions to `support`. */
function addSupport(support: Map<string, number>, matches: Array<TrieMatch<Term>>, o: ClassifyDefaults): void {
  for (const match of matches) {
    for (const term of match.payloads) {
      if ((term.kind !== 'keyword' && term.kind !== 'weak') || term.function === undefined) continue;
      support.set(term.function, (support.get(term.function) ?? 0) + (term.kind === 'weak' ? o.weakKeyword : o.keyword));
    }
  }
}

/** The family a name names by its family name only; undefined when it names none, or a module too. */
function familyName(nameMatches: Array<TrieMatch<Term>>, compiled: CompiledReference): FamilyName | undefined {
  let head: SharedPlatformDef | undefined;
  // Made only for a name that names a family (most names name none).
  let terms: Set<Term> | undefined;
  for (const match of nameMatches) {
    for (const term of match.payloads) {
      if (term.platform === undefined || term.kind === 'keyword' || term.kind === 'weak') continue;
      const members = compiled.families.get(term.platform);
      if (members === undefined) continue;
      if (members[0]!.id !== term.platform) return undefined;
      const words = compiled.familyWords.get(term.platform)!;
      // A name that also names a module ("SIPD Perencanaan (Sistem Informasi Pemerintahan Daerah)") says which.
      for (const t of term.words) if (!words.has(t)) return undefined;
      head = members[0];
      (terms ??= new Set()).add(term);
    }
  }
  return head === undefined ? undefined : { head, terms: terms! };
}

/** How one text is scored. */
class MatchContext {
  constructor(
    /** Whether a match that only names who runs the application counts little (see `scoreMatches`). */
    readonly qualify: boolean,
    /** The owning unit's words: a match inside a stretch of them names who runs it, beside other matches. */
    readonly own: ReadonlySet<string> | undefined,
    /** The name has words no match explains: a lexicon name inside it may be an ordinary word ("Lik Randu Sakti"). */
    readonly partial: boolean,
    /**
     * The other evidence reached `contradictingEvidence` (the tally's `markOther`): a name whose function it
     * gives (next to) nothing is reused for another system.
     */
    readonly contradicted: boolean,
    /** A bare platform-family name read as one of its modules. */
    readonly module: ModuleChoice | undefined,
  ) {}
}

/** Texts scored as they are (function columns with or without unexplained words, successors). */
const PLAIN = new MatchContext(false, undefined, false, false, undefined);
const PARTIAL = new MatchContext(false, undefined, true, false, undefined);
/** Addresses: only unit abbreviations qualify there. */
const ADDRESS = new MatchContext(true, undefined, false, false, undefined);

/** Every token of the match is a unit abbreviation or lies in a stretch of two or more of the unit's own words. */
function isOwnStretch(tokens: string[], m: TrieMatch<Term>, own: ReadonlySet<string>): boolean {
  for (let i = m.start; i < m.end; i++) {
    const t = tokens[i]!;
    const inStretch = own.has(t) && ((i > 0 && own.has(tokens[i - 1]!)) || (i + 1 < tokens.length && own.has(tokens[i + 1]!)));
    if (!inStretch && !UNIT_ABBREVIATIONS.has(t)) return false;
  }
  return true;
}

/** Some match other than a stretch of the unit's own words says something (is not only a negative phrase). */
function hasOtherMatches(matches: Array<TrieMatch<Term>>, terms: ScoredTerm[][], qualifiers: number[], tokens: string[], own: ReadonlySet<string>): boolean {
  for (let i = 0; i < matches.length; i++) {
    const kind = qualifiers[i];
    if (kind === ABBREVIATION || (kind === MAYBE_OWN && isOwnStretch(tokens, matches[i]!, own))) continue;
    for (const t of terms[i]!) if (t.kind !== 'negative') return true;
  }
  return false;
}

/** Per match of a text, its payload terms as scoring reads them: once per distinct text. */
function termsOf(text: MatchedText, run: Run): ScoredTerm[][] {
  if (text.terms === undefined) {
    const terms: ScoredTerm[][] = [];
    for (const m of text.matches) terms.push(run.scoredPayloads(m.payloads));
    text.terms = terms;
  }
  return text.terms;
}

/** `qualifiersOf`'s kinds of match: a match made only of unit abbreviations (RSUD, Dinkes, Bappeda) names who runs the application. */
const NOT_OWN = 0;
const ABBREVIATION = 1;
const MAYBE_OWN = 2;

/**
 * Per match of a text, once per distinct text: made only of unit abbreviations (ABBREVIATION), made only of
 * words of some unit's name and abbreviations so that it may be a stretch of the owning unit's own words
 * (MAYBE_OWN, asked per application), or neither (NOT_OWN: no unit's stretch, nothing to ask).
 */
function qualifiersOf(text: MatchedText, run: Run): number[] {
  if (text.qualifiers === undefined) {
    const { tokens } = text;
    const kinds: number[] = [];
    for (const m of text.matches) {
      let kind = ABBREVIATION;
      for (let i = m.start; i < m.end && kind !== NOT_OWN; i++) {
        const t = tokens[i]!;
        if (UNIT_ABBREVIATIONS.has(t)) continue;
        kind = run.unitWords.has(t) ? MAYBE_OWN : NOT_OWN;
      }
      kinds.push(kind);
    }
    text.qualifiers = kinds;
  }
  return text.qualifiers;
}

/**
 * Scores a text's matches into the tally. When `qualify`, a match that only names who runs the application
 * counts little: a unit abbreviation always ("Antrian Online RSUD"; "SIPBJ RSUD" is not a hospital
 * system), a stretch of two or more words of the owning unit's own name when other words of the text match
 * too ("e-Office Deputi … Akuntabilitas Aparatur dan Pengawasan" in that deputy; "antrian … Dinas
 * Kependudukan dan Pencatatan Sipil" in that office).
 */
function scoreMatches(run: Run, tally: Tally, text: MatchedText, spec: FieldSpec, ctx: MatchContext, ledger = run.ledger): void {
  if (text.matchCount === 0) return;
  const matches = text.matches;
  const { o } = run;
  const termLists = termsOf(text, run);
  const qualifiers = ctx.qualify ? qualifiersOf(text, run) : undefined;
  const fieldIndex = spec.index;
  const cap = spec.cap;
  const { own, module } = ctx;
  const tokens = text.tokens;
  const address = text.subject !== undefined;
  let others: boolean | undefined;
  for (let mi = 0; mi < matches.length; mi++) {
    let qualifying = false;
    if (qualifiers !== undefined) {
      const kind = qualifiers[mi];
      if (kind === ABBREVIATION) qualifying = true;
      else if (kind === MAYBE_OWN && own !== undefined && isOwnStretch(tokens, matches[mi]!, own)) {
        others ??= hasOtherMatches(matches, termLists, qualifiers, tokens, own);
        qualifying = others;
      }
    }
    for (const scored of termLists[mi]!) {
      if (scored.kind === 'negative') {
        if (scored.negates >= 0) tally.negate(scored.negates, scored.term.text);
        continue;
      }
      const { term, nameLike } = scored;
      const factor = (nameLike ? spec.nameFactor : spec.keywordFactor) * (nameLike && ctx.partial ? o.partialNameFactor : 1) * (qualifying ? o.qualifierFactor : 1);
      const kind = nameLike ? spec.nameKind : spec.keywordKind;
      const read = module !== undefined && module.terms.has(term) ? module : undefined;
      for (const c of scored.contributions) {
        const remapped = read !== undefined && c.code === read.head.function;
        const codeId = remapped ? run.codeId(read.module.function) : c.codeId;
        const reused = nameLike && ctx.contradicted && tally.contradicts(codeId, o.contradictedShare);
        // Spellings of one system (SIPD RI, SIPD-RI, the SIPD platform name) count once.
        if (!ledger.first((scored.identityId * FIELDS.length + fieldIndex) * CODE_SPACE + codeId)) continue;
        const granted = ledger.take(fieldIndex, codeId, c.base * factor * (reused ? o.reusedNameFactor : 1), cap);
        if (granted <= 0) continue;
        const evidence = remapped
          ? new PendingEvidence(codeId, kind, 'term', fieldIndex, c, text.subject, read.module.name, reused, undefined, 0)
          : address
            ? addressEvidence(text, c, kind, fieldIndex, reused)
            : termEvidence(c, kind, fieldIndex, reused);
        tally.record(evidence, granted);
      }
    }
  }
}

/**
 * What a description adds to a tally holding nothing yet for the description field: the evidence and its
 * weights in order, and the negative phrases met, kept end to end in the run's `ScoreArena` (one small
 * object per description, not four arrays). Replayed into an application's tally (`replay`), it gives what
 * `scoreMatches` gives there: the field's caps and dedupe keys are its own, and with no match that may be a
 * stretch of a unit's own words (`mayNameOwner`) nothing else about the application changes the result.
 */
class ReplayedScore {
  constructor(
    readonly start: number,
    readonly count: number,
    readonly negativeStart: number,
    readonly negativeCount: number,
  ) {}
}

/** The contents of every `ReplayedScore` of a run. */
class ScoreArena {
  readonly items: PendingEvidence[] = [];
  readonly weights: number[] = [];
  readonly negativeCodes: number[] = [];
  readonly negativeTexts: string[] = [];
}

function descriptionScore(run: Run, description: MatchedText): ReplayedScore {
  const { side, sideLedger, arena } = run;
  side.reset();
  sideLedger.clear();
  scoreMatches(run, side, description, run.fields.description, ADDRESS, sideLedger);
  const start = arena.items.length;
  const negativeStart = arena.negativeTexts.length;
  for (let i = 0; i < side.itemCount; i++) {
    arena.items.push(side.items[i]!);
    arena.weights.push(side.weights[i]!);
  }
  for (let i = 0; i < side.negativeCount; i++) {
    arena.negativeCodes.push(side.negativeCodes[i]!);
    arena.negativeTexts.push(side.negativeTexts[i]!);
  }
  return new ReplayedScore(start, side.itemCount, negativeStart, side.negativeCount);
}

function replay(tally: Tally, score: ReplayedScore, run: Run): void {
  const { arena } = run;
  const end = score.start + score.count;
  for (let i = score.start; i < end; i++) tally.record(arena.items[i]!, arena.weights[i]!);
  const negativeEnd = score.negativeStart + score.negativeCount;
  for (let i = score.negativeStart; i < negativeEnd; i++) tally.negate(arena.negativeCodes[i]!, arena.negativeTexts[i]!);
}

/** Some match of the text may be a stretch of a unit's own words (`qualifiersOf`). */
function mayNameOwner(text: MatchedText, run: Run): boolean {
  for (const kind of qualifiersOf(text, run)) if (kind === MAYBE_OWN) return true;
  return false;
}

/**
 * Scores a dataset's name: as `scoreMatches` scores a name with nothing else known (no owning unit, no
 * other evidence, no family), keeping only the scores. Apart from `scoreMatches`, so that the many datasets
 * scored first do not shape how the optimiser compiles the applications' scoring.
 */
function scoreName(run: Run, ledger: Ledger, tally: Tally, matches: Array<TrieMatch<Term>>): void {
  const spec = run.fields.name;
  for (const match of matches) {
    for (const scored of run.scoredPayloads(match.payloads)) {
      if (scored.kind === 'negative') {
        if (scored.negates >= 0) tally.negate(scored.negates, scored.term.text);
        continue;
      }
      const factor = scored.nameLike ? spec.nameFactor : spec.keywordFactor;
      for (const c of scored.contributions) {
        if (!ledger.first((scored.identityId * FIELDS.length + spec.index) * CODE_SPACE + c.codeId)) continue;
        const granted = ledger.take(spec.index, c.codeId, c.base * factor, spec.cap);
        if (granted > 0) tally.add(c.codeId, granted);
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

/**
 * An application IS a shared platform when its host is the platform's, or when its name is the platform's
 * name (plus only the owner's name and boilerplate) and nothing says it is a local build: not marked
 * local, no region in the name, no regional or private host.
 */
function detectPlatform(app: Application, address: MatchedUrl, name: MatchedText, run: Run): SharedPlatformDef | undefined {
  const { compiled } = run;
  const byHost = address.hostPlatform;
  if (byHost !== undefined) {
    if (name.hostModule?.host !== byHost) name.hostModule = { host: byHost, module: moduleNamed(name.matches, byHost, compiled) };
    return name.hostModule.module ?? byHost;
  }
  if (name.platform === undefined) name.platform = platformByName(name.tokens, name.matches, compiled) ?? null;
  // Only a name that is a platform's needs the address checked (whether it is regional).
  if (name.platform === null || app.origin === 'local' || (address.url !== undefined && run.texts.regional(address))) return undefined;
  return name.platform;
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
      let onlyNoise = true;
      for (let i = 0; i < nameTokens.length && onlyNoise; i++) {
        if (i >= match.start && i < match.end) continue;
        const t = nameTokens[i]!;
        onlyNoise = extra?.has(t) || BOILERPLATE.has(t) || STOPWORDS.has(t) || VERSION_LIKE.test(t);
      }
      if (onlyNoise) return compiled.reference.platformById.get(term.platform);
    }
  }
  return undefined;
}

function parseGivenCode(raw: string | undefined, compiled: CompiledReference, byLowerName: ReadonlyMap<string, FunctionDef>): GivenCode | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const upper = value.toUpperCase();
  const known = compiled.functions.get(upper);
  if (known !== undefined) {
    return known.kind === 'function' ? { kind: 'function', code: known.code } : { kind: 'coarse', code: known.code, sector: known.kind === 'sector' };
  }
  const byName = byLowerName.get(value.toLowerCase());
  if (byName !== undefined) {
    return byName.kind === 'function' ? { kind: 'function', code: byName.code } : { kind: 'coarse', code: byName.code, sector: byName.kind === 'sector' };
  }
  // A code has no spaces and carries a digit or a separator between letters (KEU-01, RAB.09.05.06); a plain
  // word or sentence ("Keuangan", "Aplikasi pengelolaan surat") is a description of the function.
  if (!/\s/.test(value) && /[0-9]|[A-Za-z0-9][._\-/:][A-Za-z0-9]/.test(value)) return { kind: 'opaque', code: upper };
  return { kind: 'text', text: value };
}

/**
 * Functions by their Indonesian and English names, lower-cased: the first function (in taxonomy order) with
 * that name in either language, as a search of the list in order finds it.
 */
function functionsByLowerName(compiled: CompiledReference): Map<string, FunctionDef> {
  const out = new Map<string, FunctionDef>();
  for (const f of compiled.reference.functions) {
    for (const name of [f.name.id.toLowerCase(), f.name.en.toLowerCase()]) if (!out.has(name)) out.set(name, f);
  }
  return out;
}

/** A given sector code restricts the choice to that sector's functions: the sector, else undefined. */
function sectorOf(p: Prepared): string | undefined {
  return p.given?.kind === 'coarse' && p.given.sector && p.given.code ? p.given.code : undefined;
}

/** confidence = (1 − e^(−best/confidenceScale)) × (½ + ½·(best − second)/best), rounded. */
function confidenceOf(r: Ranking, o: ClassifyDefaults): number {
  return round((1 - Math.exp(-r.best / o.confidenceScale)) * (0.5 + (0.5 * (r.best - r.second)) / r.best));
}

/** The best function and the runner-up (ties to the smaller code), negative phrases applied. */
interface Ranking {
  codeId: number;
  code: string;
  best: number;
  rivalId: number;
  rival: string | undefined;
  second: number;
}

/**
 * Ranks the tally's functions (only the sector's children when `restrictTo` is a sector) into `out`, the
 * run's one ranking; false when there is no candidate. The order is total (score, then code), so the
 * result does not depend on the order the functions were scored in.
 */
function rank(tally: Tally, run: Run, restrictTo: string | undefined, out: Ranking): boolean {
  const { o, codeNames, parents } = run;
  let codeId = -1;
  let code = '';
  let best = 0;
  let rivalId = -1;
  let rival = '';
  let second = 0;
  for (let i = 0; i < tally.size; i++) {
    const id = tally.codes[i]!;
    if (restrictTo !== undefined && parents[id] !== restrictTo) continue;
    const raw = tally.scores[i]!;
    const v = tally.negative(id) !== undefined ? raw * o.negativeFactor : raw;
    const c = codeNames[id]!;
    if (codeId < 0 || v > best || (v === best && c < code)) {
      if (codeId >= 0) {
        rivalId = codeId;
        rival = code;
        second = best;
      }
      codeId = id;
      code = c;
      best = v;
    } else if (rivalId < 0 || v > second || (v === second && c < rival)) {
      rivalId = id;
      rival = c;
      second = v;
    }
  }
  out.codeId = codeId;
  out.code = code;
  out.best = best;
  out.rivalId = rivalId;
  out.rival = rivalId < 0 ? undefined : rival;
  out.second = second;
  return codeId >= 0;
}

/** The best function reaches the bar and clearly beats the runner-up. */
function accepted(r: Ranking, o: ClassifyDefaults): boolean {
  return r.best >= o.minScore && r.best - r.second >= o.tieMargin * r.best;
}

/** The reported evidence for one function: what scored for it, then the negative phrase that cut it. */
function evidenceFor(tally: Tally, codeId: number, run: Run, out: EvidenceItem[]): EvidenceItem[] {
  for (let i = 0; i < tally.itemCount; i++) {
    const item = tally.items[i]!;
    if (item.codeId === codeId) out.push(reportedItem(item, tally.weights[i]!, run));
  }
  const neg = tally.negative(codeId);
  if (neg !== undefined) out.push(run.item('negative-keyword', `"${neg}" argues against ${run.codeNames[codeId]} (score × ${run.o.negativeFactor})`));
  return out;
}

/** What a decision that reports no evidence carries as its (never read) evidence. */
const NO_EVIDENCE: EvidenceItem[] = [];

/**
 * The decision from a tally and its ranking (undefined: nothing scored). An application with its own
 * taxonomy or opaque code reports only that code (`toClassification`): its decision needs no evidence, so
 * none is gathered for it (a third of the national inventory).
 */
function decide(tally: Tally, run: Run, ranking: Ranking | undefined, withEvidence: boolean): Decision {
  const { o } = run;
  if (ranking === undefined) return new Decision(undefined, -1, 0, withEvidence ? [] : NO_EVIDENCE);
  const { code, best, second } = ranking;
  if (!withEvidence) return accepted(ranking, o) ? new Decision(code, ranking.codeId, confidenceOf(ranking, o), NO_EVIDENCE) : new Decision(undefined, -1, 0, NO_EVIDENCE);
  if (best < o.minScore) {
    const evidence = evidenceFor(tally, ranking.codeId, run, []);
    evidence.push(run.item('unclassified', `best candidate ${code} scores ${round(best)} < ${o.minScore}`));
    return new Decision(undefined, -1, 0, evidence);
  }
  if (best - second < o.tieMargin * best) {
    const evidence = evidenceFor(tally, ranking.rivalId, run, evidenceFor(tally, ranking.codeId, run, []));
    evidence.push(run.item('unclassified', `ambiguous: ${code} (${round(best)}) and ${ranking.rival} (${round(second)}) score alike`));
    return new Decision(undefined, -1, 0, evidence);
  }
  const items = evidenceFor(tally, ranking.codeId, run, []);
  if (second > 0) items.push(run.runnerUp(ranking.rivalId, round(second), round(best)));
  return new Decision(code, ranking.codeId, confidenceOf(ranking, o), items);
}

function toClassification(p: Prepared, decision: Decision, run: Run): Classification {
  const { o } = run;
  const given = p.given;
  let result: Classification;
  // What the result reports: its function (and that function's number, -1 for an opaque code, which is in
  // no taxonomy) and its evidence list, kept here rather than read back from the result's varying shapes.
  let fn = decision.code;
  let codeId = decision.codeId;
  let evidence = decision.evidence;
  if (given?.kind === 'function' || given?.kind === 'opaque') {
    evidence = [givenItem(given, run)];
    if (decision.code !== undefined && decision.code !== given.code) {
      evidence.push(run.codeConflict(decision.codeId, decision.confidence));
    }
    codeId = given.kind === 'opaque' ? -1 : run.codeId(given.code);
    fn = given.kind === 'opaque' ? `opaque:${given.code}` : given.code;
    result = {
      function: fn,
      functionName: given.kind === 'opaque' ? given.code : run.functionNames[codeId],
      confidence: given.kind === 'opaque' ? o.opaqueCodeConfidence : o.givenCodeConfidence,
      evidence,
      inferredFunction: decision.code,
      inferredConfidence: decision.code !== undefined ? decision.confidence : undefined,
    };
  } else if (given?.kind === 'coarse') {
    evidence = [givenItem(given, run)];
    for (const e of decision.evidence) evidence.push(e);
    if (fn !== undefined) {
      result = { function: fn, confidence: decision.confidence, evidence };
    } else {
      fn = given.code;
      codeId = run.codeId(fn);
      result = { function: fn, confidence: o.opaqueCodeConfidence, evidence };
    }
    result.functionName = run.functionNames[codeId];
  } else if (fn !== undefined) {
    result = { function: fn, confidence: decision.confidence, evidence, functionName: run.functionNames[codeId] };
  } else {
    result = { confidence: decision.confidence, evidence, functionName: undefined };
  }
  const platform = p.platform;
  // A platform recognised by name only must do the platform's job; a host match always stands.
  const byNameOnly = platform !== undefined && p.hostPlatform === undefined;
  if (platform !== undefined && (!byNameOnly || (fn !== undefined && serves(platform, fn)))) {
    result.sharedPlatform = platform.id;
    let item = run.platformItems.get(platform);
    if (item === undefined) {
      item = run.item('shared-platform', `instance of ${platform.name} (${platform.owner}; ${platform.designated ? 'designated Aplikasi Umum' : platform.designation}${platform.confirmed ? '' : ', unconfirmed'})`);
      run.platformItems.set(platform, item);
    }
    evidence.push(item);
  }
  if (codeId >= 0 && run.generic[codeId]) result.generic = true;
  return result;
}

/** The evidence item of an inventory's own code. */
function givenItem(given: Exclude<GivenCode, { kind: 'text' }>, run: Run): EvidenceItem {
  let item = run.givenItems.get(given);
  if (item === undefined) {
    const detail =
      given.kind === 'opaque'
        ? `inventory gives code ${given.code}, not in the taxonomy: kept as an opaque group`
        : given.kind === 'coarse'
          ? `inventory gives ${given.sector ? 'sector' : 'application category'} ${given.code}, narrowed by the other evidence`
          : `inventory gives code ${given.code}`;
    item = run.item('given-code', detail, 1);
    run.givenItems.set(given, item);
  }
  return item;
}

/** The platform's function or one it also covers. */
function serves(platform: SharedPlatformDef, code: string): boolean {
  return platform.function === code || (platform.alsoCovers?.includes(code) ?? false);
}

/** Neighbours add at most `neighbourCap` per function: they matter only near the bar or in a close race. */
function neighboursCanMatter(tally: Tally, o: ClassifyDefaults): boolean {
  let best = 0;
  let second = 0;
  for (let i = 0; i < tally.size; i++) {
    const v = tally.scores[i]!;
    if (v > best) {
      second = best;
      best = v;
    } else if (v > second) second = v;
  }
  return best < o.minScore + o.neighbourCap || best - second < 2 * o.neighbourCap || best - second < o.tieMargin * (best + o.neighbourCap);
}

/** Adds to a waiting application's own tally the functions its confidently classified neighbours lend. */
function lendNeighbours(p: Prepared, lent: Map<string, string>, neighbours: (id: string) => Iterable<string>, run: Run): void {
  const { o } = run;
  const counts = new Map<string, number>();
  for (const id of neighbours(p.app.id)) {
    if (id === p.app.id) continue;
    const code = lent.get(id);
    if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  for (const [code, n] of counts) {
    const codeId = run.codeId(code);
    const amount = Math.min(o.neighbourWeight * n, o.neighbourCap);
    p.tally.record(new PendingEvidence(codeId, 'neighbour', 'neighbours', FIELD_INDEX.name, undefined, undefined, undefined, false, undefined, n), amount);
  }
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

/** A dataset's function, and the evidence of an application using it. */
interface DatasetClass {
  codeId: number;
  evidence: PendingEvidence;
}

/**
 * Each dataset's function, from the keywords and names in its own name, worked out the first time an
 * application uses the dataset (nationally a quarter of the datasets are used by none, and what they would
 * say reaches no result). Of several datasets with one id the last one that classifies counts, as a pass over
 * all of them in order leaves it. Scores in a ledger and tally of its own: it runs while an application is
 * being scored.
 */
class DatasetFunctions {
  private readonly byId = new Map<string, Dataset | Dataset[]>();
  private readonly known = new Map<string, DatasetClass | null>();
  private readonly ledger = new Ledger();
  private readonly tally = new Tally();
  private readonly ranking: Ranking = { codeId: -1, code: '', best: 0, rivalId: -1, rival: undefined, second: 0 };

  constructor(
    datasets: readonly Dataset[],
    private readonly run: Run,
  ) {
    for (const d of datasets) {
      const seen = this.byId.get(d.id);
      if (seen === undefined) this.byId.set(d.id, d);
      else if (Array.isArray(seen)) seen.push(d);
      else this.byId.set(d.id, [seen, d]);
    }
  }

  get(id: string): DatasetClass | undefined {
    let known = this.known.get(id);
    if (known === undefined) {
      known = this.classify(id) ?? null;
      this.known.set(id, known);
    }
    return known ?? undefined;
  }

  private classify(id: string): DatasetClass | undefined {
    const entry = this.byId.get(id);
    if (entry === undefined) return undefined;
    const candidates = Array.isArray(entry) ? entry : [entry];
    for (let i = candidates.length - 1; i >= 0; i--) {
      const dataset = candidates[i]!;
      this.ledger.clear();
      this.tally.reset();
      scoreName(this.run, this.ledger, this.tally, this.run.texts.matchesOf(dataset.name));
      if (rank(this.tally, this.run, undefined, this.ranking) && accepted(this.ranking, this.run.o)) {
        const codeId = this.ranking.codeId;
        return { codeId, evidence: new PendingEvidence(codeId, 'dataset', 'dataset', FIELD_INDEX.dataset, undefined, dataset.id, undefined, false, undefined, 0) };
      }
    }
    return undefined;
  }
}

const REPLACED_BY = /\b(?:digantikan|diganti|beralih|migrasi|replaced)\s+(?:oleh|ke|dengan|by|to)\s+(.+)$/i;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
