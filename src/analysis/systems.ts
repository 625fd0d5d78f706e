/**
 * Records → systems. An inventory lists an application once per unit that reports it, so one system can
 * be many records: SRIKANDI reported by ten units is one national platform adopted ten times, and the
 * regency's simpeg.madiunkab.go.id reported by eight units under six names is one regional system.
 * Counting records as systems reports waste that does not exist; this stage reconciles them first
 * (entity resolution by blocking keys and union-find, Christen, "Data Matching", 2012) and everything
 * after it — duplicates, spend, recommendations — works on systems.
 *
 * Records are one system when
 *   1. they are instances of one shared platform of the reference data (by host or by name), or name one
 *      beside only its owner's, region and unit words, unless the record says it is a local build (marked
 *      local, or unmarked on a regional government's host); two platforms are never one system, unless
 *      they are modules of one platform family (SIPD and SIPD Penatausahaan on one host): a family is one
 *      system, the main platform's, used by every unit that reports any module of it (`System.modules`);
 *   2. they point at one application address: host and path, scheme, "www." and trailing paths such as
 *      /login ignored, the first path segment kept only on shared hosts (an IP, an apex domain,
 *      aplikasi.…, a unit's own host) — `addressKey`; a private IP (192.168.x, 10.x) is only the same
 *      address inside one unit; where two systems end up at one address, the smaller one's records are
 *      taken to have copied it and lose it;
 *   3. they are national (by the catalogue) and carry the same name;
 *   4. in a flat catalogue (a row = a unit USES it), they carry the same name inside one government and
 *      their addresses do not contradict: a record without an address, with a bare IP or a copied one,
 *      joins the one same-name system that has a host; generic names (websites) never join by name.
 * Rules 2–4 join records whose names agree (a shared core word, one compact name inside the other), or
 * whose functions vouch for each other (both confidently the same, or neither confidently classified): a
 * confidently classified record never joins on an address alone. Names compare by the duplicate
 * detector's core name (dup-features.ts).
 *
 * A system's origin: national (a national platform, a central-government host, or records the catalogue
 * marks national with nothing regional about them), regional (a provincial platform or host, or a system
 * several units of a government use), local (one unit's own). Its owner: the platform's owner for a
 * national platform, else the unit that builds it where the inventory tells — a developer column, or a
 * host label naming the unit (sipepeling.dlh.madiunkab.go.id → Dinas Lingkungan Hidup). Its function is
 * the one its records' confidences add up to most, unless more records are unclassified than that sum.
 *
 * The duplicate detector then sees one record per system and government (`systemView`): a national
 * platform once beside each government's own systems, a regional system once; a family's system once per
 * module, so each module's function is compared on its own (a regional finance system beside SIPD's
 * financial-administration module, a regional planning system beside its planning module), and a cluster
 * listed back by record holds that module's records only. Records alone in their
 * system pass through every later stage unchanged, so an inventory with one record per system analyses
 * exactly as before.
 *
 * The stage runs once per analysis over tens of thousands of records, mostly in code not yet optimised:
 * each distinct name and address is described once, and what only some records need (a core name, the
 * words of an address, whether a host is a region's) on first need; a record alone in its system takes
 * a short path; groups count with scratch arrays indexed by small numbers rather than per-group maps; hot
 * loops index their arrays.
 */
import type { AgencyMetrics, Application, ApplicationStatus, DuplicateCluster, EvidenceItem, Inventory, Recommendation, System } from '../types.js';
import { compileReference } from '../reference/compile.js';
import type { ReferenceData, SharedPlatformDef } from '../reference/index.js';
import { UNIT_ABBREVIATIONS, unitKey } from '../catalogue/agencies.js';
import type { Classification } from './classify.js';
import { agencyNamesOf, coreName, governmentsOf } from './dup-features.js';
import {
  DistinctList,
  BOILERPLATE,
  REGION_WORDS,
  STOPWORDS,
  UNIT_ABBREVIATIONS as UNIT_WORDS,
  isRegionalHost,
  maximalMatches,
  parseUrl,
  properNameTokensOf,
  shareRunText,
  tokenize,
  type RunText,
  type UrlInfo,
} from './text.js';

export const SYSTEM_DEFAULTS = {
  /** From this classification confidence on, a record's function counts in rules 2–4. */
  minFunctionConfidence: 0.5,
  /** Rule 4 (same name in one government is one system); default: flat catalogues only. */
  sameNameIsSameSystem: undefined as boolean | undefined,
  /** Properties that name the unit that builds an application (a flat catalogue's developer column). */
  developerProperties: ['developer'] as readonly string[],
};

export type SystemOptions = Partial<typeof SYSTEM_DEFAULTS>;

export interface SystemsResult {
  /** Inventory order of each system's first record. */
  systems: System[];
  /** Record id → system id. */
  systemOf: Map<string, string>;
  /** System id → the record that stands for the whole system (and carries its cost). */
  representativeOf: Map<string, string>;
  /** The same by position: each system's representative record, in `systems` order. */
  representatives: readonly string[];
  /**
   * View record → the records it stands for (itself first), inventory order after it. A view record stands
   * for its system's records in one government (a family's system: one module's records in one government),
   * so a national platform is seen beside each government's own systems (its units' records of it); every
   * record is in exactly one list.
   */
  viewMembers: Map<string, string[]>;
  /** Record id → its agency. */
  agencyOf: Map<string, string>;
  /** System id → its function, when its records agree on one (see the module header). */
  functionOf: Map<string, string | undefined>;
  /** View record → the function its records agree on, else its system's (a government's own codes count). */
  viewFunction: Map<string, string | undefined>;
  /**
   * View record of a platform family's system → the module (a platform of the family) it stands for: the
   * view record is that module's records in one government, and is seen as an instance of that module.
   */
  viewModule: Map<string, string>;
  stats: { records: number; systems: number; multiRecordSystems: number; recordsInMultiRecordSystems: number };
  /**
   * The applications reconciled (the inventory's own array) and, in their order, each one's system as an
   * index into `systems`: the helpers below, given that inventory, find a record's system by position.
   */
  byPosition: {
    applications: readonly Application[];
    system: Int32Array;
    /** A view record's function (`viewFunction`) at its position; nothing meaningful at other positions. */
    viewFunction: ReadonlyArray<string | undefined>;
  };
  /** What reconciliation read from the inventory's text, handed on to the duplicate detector by `systemView`. */
  text?: RunText;
}

/** Why a record joined its system: the rule, and the key it joined on. */
type JoinKind = 'shared-platform' | 'same-address' | 'national-name' | 'same-name';

/** A successful union: the rule, its key (without the rule's prefix, see `joinEvidence`) and the two records. */
interface Join {
  a: number;
  b: number;
  kind: JoinKind;
  key: string;
}

interface RecordInfo {
  app: Application;
  /** The record's position in the inventory. */
  index: number;
  /** What the record's address says, unless another system at the same address took it (a copied address). */
  at: AddressFacts | undefined;
  /** Address key (rule 2), scoped to the agency for private addresses. */
  addressKey: string | undefined;
  platform: string | undefined;
  /** The platform's family (the id of its main platform), the platform itself when it has none: rule 1's key. */
  family: string | undefined;
  /** What the record's name says: one object per distinct name, shared by its records. */
  name: NameFacts;
  /** The name is (or contains) a word of its own address ("sukma" at sukma.jatimprov.go.id): taken on first need. */
  namesAddress: boolean | undefined;
  government: string;
  /** `government` as a small number (governments in order of first record), for scratch arrays. */
  governmentIndex: number;
  /** The record's agency as a small number (agencies in order of first record), for scratch arrays. */
  agencyIndex: number;
  fn: string | undefined;
  confidence: number;
  /** A generic capability (website, GIS, messaging): one name says nothing about being one system. */
  generic: boolean;
}

/** What the names of reconciled records are compared by: the reference data and the inventory's region words. */
interface NameContext {
  compiled: ReturnType<typeof compileReference>;
  regionTokens: ReadonlySet<string>;
  /** Compact name → a small number, given on first need (`NameFacts.compactId`). */
  compactIds: Map<string, number>;
}

/**
 * What a name says, whoever reports it. The core name (the duplicate detector's, the costliest fact) is
 * taken on first need: only records that rule 3 or 4 keys by name, or whose join is in question, need it —
 * a few thousand of a national inventory's names.
 */
class NameFacts {
  /** The shared platform the name is, unless the record turns out to be a local build (computed on first need). */
  platform: string | null | undefined = undefined;
  private compacted: string | undefined = undefined;
  private compactNumber: number | undefined = undefined;
  private core: { key: string | undefined; words: ReadonlySet<string> } | undefined = undefined;

  constructor(
    readonly name: string,
    private readonly context: NameContext,
    /** One number per distinct name, in order of first record (`RunText.names`). */
    readonly number: number,
  ) {}

  /** The name lower-cased, letters and digits only (systems of one record never need it). */
  get compact(): string {
    return (this.compacted ??= compactName(this.name));
  }

  /** `compact` as a small number (one per distinct compact name), for counting in scratch arrays. */
  get compactId(): number {
    if (this.compactNumber === undefined) {
      const ids = this.context.compactIds;
      let id = ids.get(this.compact);
      if (id === undefined) ids.set(this.compact, (id = ids.size));
      this.compactNumber = id;
    }
    return this.compactNumber;
  }

  /** The name's identity: its lexicon identity, else its core words. */
  get key(): string | undefined {
    return (this.core ??= this.describe()).key;
  }

  /** Core words of 3+ letters. */
  get words(): ReadonlySet<string> {
    return (this.core ??= this.describe()).words;
  }

  private describe(): { key: string | undefined; words: ReadonlySet<string> } {
    const { core, canonical } = coreName(this.name, this.context.compiled, this.context.regionTokens);
    const words = new Set<string>();
    for (const w of core) if (w.length >= 3) words.add(w);
    return { key: canonical ?? (core.length > 0 ? core.join(' ') : undefined), words };
  }
}

/** What addresses are judged by: the units of the inventory and its region words. */
interface AddressContext {
  units: OwnerIndex;
  regionTokens: ReadonlySet<string>;
}

/**
 * What an address says, whoever reports it (one object per distinct address). The facts only some
 * records ask for are taken on first need.
 */
class AddressFacts {
  private local: boolean | undefined = undefined;
  private words: string[] | undefined = undefined;
  private owners: string[] | undefined = undefined;
  private province: boolean | undefined = undefined;

  constructor(
    readonly url: UrlInfo,
    /** The address key, unscoped: the address as a system shows it. */
    readonly key: string | undefined,
    readonly privateAddress: boolean,
    private readonly context: AddressContext,
    /** One number per distinct address, from 1, in order of first record (`RunText.addresses`). */
    readonly number: number,
  ) {}

  /** isRegionalHost (true for an IP). */
  get regional(): boolean {
    return (this.local ??= isRegionalHost(this.url, this.context.regionTokens));
  }

  /** Words of the address that can name an application, taken on first need (`namesItsAddress`). */
  get ownWords(): readonly string[] {
    // A unit's word in the address ("rsud", "diskominfo") names who runs the host, not the application.
    return (this.words ??= addressWords(this.url).filter((w) => !UNIT_WORDS.has(w) && !this.context.units.isUnit(w)));
  }

  /** A province's host: a label ending in "prov" (jatimprov.go.id), i.e. "prov" before a dot or at the end. */
  get provincial(): boolean {
    return (this.province ??= this.url.host.includes('prov.') || this.url.host.endsWith('prov'));
  }

  /** The units its host labels name, each once, in label order (`OwnerIndex.ownerOf`). */
  get labelOwners(): readonly string[] {
    if (this.owners === undefined) {
      this.owners = [];
      if (!this.url.isIp) {
        const labels = this.url.host.split('.');
        for (let k = 0; k < labels.length - 2; k++) {
          const owner = this.context.units.ownerOfLabel(labels[k]!);
          if (owner !== undefined && !this.owners.includes(owner)) this.owners.push(owner);
        }
      }
    }
    return this.owners;
  }
}

/** Union-find over records, remembering each group's members and its confident function. */
class Groups {
  private readonly parent: Int32Array;
  private readonly fn: Array<string | undefined>;
  private readonly platform: Array<string | undefined>;
  /** Members of each root, made when its group first grows: a record alone is its own only member. */
  private readonly members: Array<number[] | undefined>;
  readonly joins: Join[] = [];

  constructor(
    private readonly records: RecordInfo[],
    minConfidence: number,
    /** Family (its main platform's id) → its modules' functions, for platform families only. */
    private readonly familyFunctions: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    const n = records.length;
    this.parent = new Int32Array(n);
    this.fn = new Array<string | undefined>(n);
    this.platform = new Array<string | undefined>(n);
    this.members = new Array<number[] | undefined>(n).fill(undefined);
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      this.parent[i] = i;
      this.fn[i] = r.confidence >= minConfidence ? r.fn : undefined;
      this.platform[i] = r.family;
    }
  }

  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }

  /** Number of records in x's group. */
  sizeOf(x: number): number {
    return this.members[this.find(x)]?.length ?? 1;
  }

  membersOf(x: number): readonly number[] {
    const root = this.find(x);
    return this.members[root] ?? [root];
  }

  /**
   * May record i's group join group g? Names that agree always may (one system under a longer and a
   * shorter name). Otherwise the functions must vouch: both groups confidently the same function, or
   * neither confidently classified — a confidently classified record never joins an unclassified group it
   * shares nothing but an address with (IKD copied onto SUKMA's address).
   */
  compatible(i: number, g: number): boolean {
    const ri = this.find(i);
    const rg = this.find(g);
    // Two shared platforms are two systems, whatever address or name they share, unless they are modules
    // of one family (SIPD and SIPD Penatausahaan): platforms are compared by their families.
    const pi = this.platform[ri];
    const pg = this.platform[rg];
    if (pi !== undefined && pg !== undefined && pi !== pg) return false;
    // The functions first: they cost nothing, the names may need tokenising.
    if (this.fn[ri] === this.fn[rg]) return true;
    // A family's system serves every module's function: a record of one of them may join it.
    if ((pi === undefined) !== (pg === undefined)) {
      const other = pi === undefined ? this.fn[ri] : this.fn[rg];
      if (other !== undefined && this.familyFunctions.get((pi ?? pg)!)?.has(other)) return true;
    }
    return groupNamesAgree(this.records, this.members[ri] ?? [ri], this.members[rg] ?? [rg]);
  }

  /** Joins the groups of a and b; `force` (shared platforms) skips the compatibility check. */
  union(a: number, b: number, kind: JoinKind, key: string, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    if (!force && !this.compatible(b, a)) return false;
    this.parent[rb] = ra;
    this.fn[ra] ??= this.fn[rb];
    this.platform[ra] ??= this.platform[rb];
    let into = this.members[ra];
    if (into === undefined) this.members[ra] = into = [ra];
    const from = this.members[rb];
    if (from === undefined) into.push(rb);
    else {
      for (let k = 0; k < from.length; k++) into.push(from[k]!);
      this.members[rb] = undefined;
    }
    this.joins.push({ a, b, kind, key });
    return true;
  }
}

/**
 * Members compared per group before names are called different (names agree when one compact name
 * contains the other, or their core names agree): enough for any real catalogue's group.
 */
const NAME_CHECK_LIMIT = 16;

/** One compact name (of 3+ letters) inside the other. */
function compactNamesAgree(x: NameFacts, y: NameFacts): boolean {
  const a = x.compact;
  const b = y.compact;
  return a.length <= b.length ? a.length >= 3 && b.includes(a) : b.length >= 3 && a.includes(b);
}

/** Core names agree: one core name (its lexicon identity or core words), or a shared core word. */
function coreNamesAgree(x: NameFacts, y: NameFacts): boolean {
  // One name: its words are its key's, so it agrees with itself exactly when it has a key.
  if (x === y) return x.key !== undefined;
  const key = x.key;
  if (key !== undefined && key === y.key) return true;
  const words = y.words;
  for (const w of x.words) if (words.has(w)) return true;
  return false;
}

function groupNamesAgree(records: RecordInfo[], a: readonly number[], b: readonly number[]): boolean {
  const na = Math.min(a.length, NAME_CHECK_LIMIT);
  const nb = Math.min(b.length, NAME_CHECK_LIMIT);
  // The tests in order of cost: compact names, then the words of the address, then core names.
  for (let i = 0; i < na; i++) {
    const x = records[a[i]!]!.name;
    for (let j = 0; j < nb; j++) if (compactNamesAgree(x, records[b[j]!]!.name)) return true;
  }
  if (records[a[0]!]!.addressKey === records[b[0]!]!.addressKey && someNamesAddress(records, a, na) && someNamesAddress(records, b, nb)) return true;
  for (let i = 0; i < na; i++) {
    const x = records[a[i]!]!.name;
    for (let j = 0; j < nb; j++) if (coreNamesAgree(x, records[b[j]!]!.name)) return true;
  }
  return false;
}

function someNamesAddress(records: RecordInfo[], list: readonly number[], n: number): boolean {
  for (let k = 0; k < n; k++) if (namesItsAddress(records[list[k]!]!)) return true;
  return false;
}

/** The record's name is (or contains) a word of its address; a copied address was dropped (and says no). */
function namesItsAddress(r: RecordInfo): boolean {
  if (r.namesAddress === undefined) {
    const words = r.at !== undefined ? r.at.ownWords : [];
    const compact = r.name.compact;
    r.namesAddress = words.some((w) => compact.includes(w));
  }
  return r.namesAddress;
}

export function reconcileSystems(
  inventory: Inventory,
  classification: Map<string, Classification>,
  reference: ReferenceData,
  options: SystemOptions = {},
): SystemsResult {
  const o = { ...SYSTEM_DEFAULTS, ...options };
  const compiled = compileReference(reference);
  // Regions repeat across thousands of units: each text once (the tokens are a set, in first-seen order).
  // The token lists are kept for the duplicate detector, which reads the agencies' names too (`RunText`).
  const agencyTokens = new Map<string | undefined, string[]>();
  const agencies = inventory.agencies;
  for (let a = 0; a < agencies.length; a++) {
    const { name, region } = agencies[a]!;
    // A text's tokens are a list (empty for none): undefined means not read yet.
    if (agencyTokens.get(name) === undefined) agencyTokens.set(name, tokenize(name));
    if (agencyTokens.get(region) === undefined) agencyTokens.set(region, tokenize(region));
  }
  const regionTokens = properNameTokensOf(agencyTokens.values(), compiled.vocabulary);
  const governmentOf = governmentsOf(inventory);
  // Agency names by id, for evidence here and in the duplicate detector (`RunText`): made once, when first asked.
  let agencyNameMap: Map<string, string> | undefined;
  const agencyNames = (): ReadonlyMap<string, string> => (agencyNameMap ??= agencyNamesOf(inventory));
  const owners = new OwnerIndex(inventory, o.developerProperties);
  const addressFacts = new Map<string, AddressFacts | null>();
  // Address number 0 is no address: the list starts with a placeholder never read.
  const addressList: AddressFacts[] = [undefined as unknown as AddressFacts];
  const numbers = { names: new Int32Array(inventory.applications.length), addresses: new Int32Array(inventory.applications.length), nameCount: 0, agencyOf: new Map<string, string>() };
  const records = describeRecords(inventory.applications, classification, { compiled, regionTokens, compactIds: new Map() }, governmentOf, owners, addressFacts, addressList, numbers);
  const groups = new Groups(records, o.minFunctionConfidence, familyFunctions(compiled.families));

  joinByKey(groups, records, (r) => r.family, 'shared-platform', true);
  const addresses = joinByKey(groups, records, (r) => r.addressKey, 'same-address');
  dropCopiedAddresses(groups, records, addresses);
  joinByKey(groups, records, (r) => (r.platform === undefined && r.app.origin === 'national' ? r.name.key : undefined), 'national-name');
  if (o.sameNameIsSameSystem ?? inventory.source.format.startsWith('flat')) joinSameName(groups, records);

  const result = describeSystems(inventory, records, groups, reference, compiled.families, owners, agencyNames, numbers.agencyOf);
  result.text = {
    agencies: inventory.agencies,
    vocabulary: compiled.vocabulary,
    regionTokens,
    tokensOf: (text) => agencyTokens.get(text),
    agencyNames,
    governmentOf,
    parsedUrl(raw) {
      const facts = addressFacts.get(raw);
      return facts === undefined ? undefined : facts === null ? null : facts.url;
    },
    names: numbers.names,
    addresses: numbers.addresses,
    nameCount: numbers.nameCount,
    addressCount: addressList.length - 1,
    addressUrl: (number) => addressList[number]!.url,
  };
  return result;
}

/** Each platform family's functions (its modules' own and the further ones they cover), by main platform id. */
function familyFunctions(families: ReadonlyMap<string, readonly SharedPlatformDef[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  families.forEach((members) => {
    const head = members[0]!.id;
    if (out.has(head)) return;
    const fns = new Set<string>();
    for (const p of members) for (const fn of [p.function, ...(p.alsoCovers ?? [])]) fns.add(fn);
    out.set(head, fns);
  });
  return out;
}

/**
 * Describes records, each distinct name and address once: a national inventory repeats a few thousand
 * names and addresses across tens of thousands of records, and the name and address facts depend on
 * nothing else (the shared facts are never mutated per record; a copied address is dropped by deleting
 * the record's reference to it).
 */
function describeRecords(
  applications: readonly Application[],
  classification: Map<string, Classification>,
  context: NameContext,
  governmentOf: (agencyId: string) => string,
  owners: OwnerIndex,
  /** Filled here: each distinct raw address's facts, null when it is no address. */
  addresses: Map<string, AddressFacts | null>,
  /**
   * Filled here: the facts of each address number (index 0 unused); each record's name and address numbers,
   * and its agency by id (`SystemsResult.agencyOf`, in record order).
   */
  addressList: AddressFacts[],
  numbers: { names: Int32Array; addresses: Int32Array; nameCount: number; agencyOf: Map<string, string> },
): RecordInfo[] {
  const { compiled, regionTokens } = context;
  const names = new Map<string, NameFacts>();
  const addressContext: AddressContext = { units: owners, regionTokens };
  const isUnit = (label: string) => owners.isUnit(label);
  const addressFacts = (raw: string | undefined): AddressFacts | undefined => {
    if (!raw) return undefined;
    let facts = addresses.get(raw);
    if (facts === undefined) {
      const url = parseUrl(raw);
      facts = url === undefined ? null : new AddressFacts(url, addressKey(url, isUnit), url.isIp && isPrivateIp(url.host), addressContext, addressList.length);
      if (facts !== null) addressList.push(facts);
      addresses.set(raw, facts);
    }
    return facts ?? undefined;
  };
  const records = new Array<RecordInfo>(applications.length);
  const classOf = inInventoryOrder(applications, classification);
  // Records come grouped by agency: its government is looked up when the agency changes.
  const governmentIndex = new Map<string, number>();
  const agencyIndex = new Map<string, number>();
  let agencyId: string | undefined;
  let government = '';
  let index = 0;
  let agency = 0;
  for (let i = 0; i < applications.length; i++) {
    const app = applications[i]!;
    if (app.agencyId !== agencyId) {
      agencyId = app.agencyId;
      const knownAgency = agencyIndex.get(agencyId);
      if (knownAgency !== undefined) agency = knownAgency;
      else agencyIndex.set(agencyId, (agency = agencyIndex.size));
      government = governmentOf(agencyId);
      const known = governmentIndex.get(government);
      if (known !== undefined) index = known;
      else governmentIndex.set(government, (index = governmentIndex.size));
    }
    const c = classOf[i];
    let name = names.get(app.name);
    if (name === undefined) names.set(app.name, (name = new NameFacts(app.name, context, names.size)));
    const at = addressFacts(app.url);
    numbers.names[i] = name.number;
    numbers.addresses[i] = at === undefined ? 0 : at.number;
    numbers.agencyOf.set(app.id, app.agencyId);
    // A platform's name counts unless the record says it is a local build: marked local (regions build their
    // own "e-Kinerja"), or unmarked on a regional government's host. A private address does not say so: it is
    // how units reach national systems over VPN.
    const builtHere = app.origin === 'local' || (app.origin === undefined && at !== undefined && !at.url.isIp && at.regional);
    let platform = c?.sharedPlatform;
    if (platform === undefined && !builtHere) {
      if (name.platform === undefined) name.platform = platformByName(app.name, compiled, regionTokens) ?? null;
      platform = name.platform ?? undefined;
    }
    const key = at?.key;
    records[i] = {
      app,
      index: i,
      at,
      addressKey: key === undefined ? undefined : at!.privateAddress ? `${app.agencyId}|${key}` : key,
      platform,
      family: platform === undefined ? undefined : (compiled.families.get(platform)?.[0]!.id ?? platform),
      name,
      namesAddress: undefined,
      government,
      governmentIndex: index,
      agencyIndex: agency,
      fn: c?.function,
      confidence: c?.confidence ?? 0,
      generic: c?.generic ?? false,
    };
  }
  numbers.nameCount = names.size;
  return records;
}

/**
 * Each application's classification. `classifyApplications` keeps its result in inventory order: walked
 * beside the applications, the entries are found without hashing; from the first application the walk does
 * not meet (a map in another order, or without it), they are looked up.
 */
function inInventoryOrder(applications: readonly Application[], classification: Map<string, Classification>): Array<Classification | undefined> {
  const n = applications.length;
  const out = new Array<Classification | undefined>(n);
  let met = 0;
  classification.forEach((c, id) => {
    if (met < n && applications[met]!.id === id) out[met++] = c;
  });
  for (let i = met; i < n; i++) out[i] = classification.get(applications[i]!.id);
  return out;
}

/**
 * Rule 1 by name: the whole name, or one part of "Long Form (ACRONYM)", is a shared platform's name in the
 * reference data, beside at most its owner's words, region and unit words and boilerplate ("SIAK
 * Dukcapil", "LPSE Kab. Sidoarjo", "Sistem Informasi dan Administrasi Kependudukan (SIAK)"); "WP-SIPD"
 * is not SIPD.
 */
function platformByName(name: string, compiled: ReturnType<typeof compileReference>, regionTokens: ReadonlySet<string>): string | undefined {
  const parts = [name, ...(/^(.*?)\s*\(([^()]+)\)\s*$/.exec(name)?.slice(1) ?? [])];
  for (const part of parts) {
    const tokens = tokenize(part);
    for (const match of maximalMatches(compiled.trie.matchAll(tokens))) {
      for (const term of match.payloads) {
        if (term.platform === undefined || (term.kind !== 'platform' && term.kind !== 'acronym')) continue;
        const extra = compiled.platformExtraTokens.get(term.platform);
        const outside = [...tokens.slice(0, match.start), ...tokens.slice(match.end)];
        const noise = (t: string) => extra?.has(t) || BOILERPLATE.has(t) || STOPWORDS.has(t) || REGION_WORDS.has(t) || UNIT_WORDS.has(t) || regionTokens.has(t) || /^v?\d+(\.\d+)*$/.test(t);
        if (outside.every(noise)) return term.platform;
      }
    }
  }
  return undefined;
}

function isPrivateIp(host: string): boolean {
  const [a, b] = host.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/** Hosts that carry unrelated things (a site builder, a link shortener, an app store): the whole path matters. */
const GENERIC_HOSTS = new Set([
  'google.com', 'sites.google.com', 'play.google.com', 'docs.google.com', 'drive.google.com', 'forms.gle', 'youtube.com', 'youtu.be',
  'github.com', 'bit.ly', 's.id', 'linktr.ee', 'tinyurl.com', 'wa.me', 'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 't.me',
  'apps.apple.com',
]);
const GENERIC_SUFFIXES = ['.blogspot.com', '.wordpress.com', '.github.io'];
/** First labels of hosts that serve several applications side by side (aplikasi.dpmptsp…/Apps/WBS). */
const SHARED_FIRST_LABELS = new Set(['aplikasi', 'apps', 'app', 'layanan', 'portal', 'web', 'e', 'si', 'sistem']);
const SECOND_LEVEL = new Set(['go', 'co', 'ac', 'or', 'web', 'my', 'sch', 'desa', 'net', 'biz', 'mil', 'com', 'org']);

/**
 * Rule 2's key: the host (without "www."), with the first path segment when the host is shared — an IP
 * address, an apex domain (madiunkab.go.id/…), a host whose first label is a shared one (aplikasi.…) or a
 * unit of the inventory (dpmptsp.madiunkab.go.id/siandal) — and the whole path on site builders, link
 * shorteners and app stores (undefined without one). Generic trailing segments (/login, /index.php) were
 * dropped by `parseUrl`.
 */
export function addressKey(url: UrlInfo | undefined, isUnitLabel: (label: string) => boolean = () => false): string | undefined {
  if (url === undefined) return undefined;
  const { host, path } = url;
  if (GENERIC_HOSTS.has(host) || GENERIC_SUFFIXES.some((s) => host.endsWith(s))) return path.length > 0 ? `${host}/${path.join('/')}` : undefined;
  // Without a path the host is the key, shared or not.
  if (path.length === 0) return host;
  const labels = host.split('.');
  const apex = labels.length <= 2 || (labels.length === 3 && SECOND_LEVEL.has(labels[1]!));
  const shared = url.isIp || apex || SHARED_FIRST_LABELS.has(labels[0]!) || isUnitLabel(labels[0]!);
  return shared ? `${host}/${path[0]}` : host;
}

/** Host labels and path segments of 3+ letters that can name an application (not "www", "go", "id"). */
function addressWords(url: UrlInfo): string[] {
  if (url.isIp) return url.path.filter((w) => w.length >= 3);
  const labels = url.host.split('.').slice(0, -1).flatMap((l) => l.split('-'));
  return [...labels, ...url.path].filter((w) => w.length >= 3 && !SECOND_LEVEL.has(w) && w !== 'www');
}

/**
 * Joins records sharing a key: each record joins the first group already holding the key that it is
 * compatible with (Groups.compatible), else starts one; so an unrelated record at a shared address does
 * not block the others.
 */
function joinByKey(groups: Groups, records: RecordInfo[], keyOf: (r: RecordInfo) => string | undefined, kind: JoinKind, force = false): Map<string, number | number[]> {
  // Most keys hold one record: a key's anchor list is made when a second record arrives.
  const anchors = new Map<string, number | number[]>();
  for (let i = 0; i < records.length; i++) {
    const key = keyOf(records[i]!);
    if (key === undefined) continue;
    const found = anchors.get(key);
    if (found === undefined) anchors.set(key, i);
    else if (typeof found === 'number') {
      if (!groups.union(found, i, kind, key, force)) anchors.set(key, [found, i]);
    } else if (!joinAny(groups, found, i, kind, key, force)) found.push(i);
  }
  return anchors;
}

/** Joins record i to the group of the first of `anchors` it may join; false when none. */
function joinAny(groups: Groups, anchors: readonly number[], i: number, kind: JoinKind, key: string, force: boolean): boolean {
  for (let k = 0; k < anchors.length; k++) if (groups.union(anchors[k]!, i, kind, key, force)) return true;
  return false;
}

/**
 * Where one address ended up in several groups, the largest keeps it; the others' records lose it (it
 * was copied from the other system's row), so it neither anchors rule 4 nor decides their origin.
 * `anchors` are rule 2's (`joinByKey`): every record at an address joined the group of one of the
 * address's anchors, so the anchors' groups are all the address's groups.
 */
function dropCopiedAddresses(groups: Groups, records: RecordInfo[], anchors: Map<string, number | number[]>): void {
  anchors.forEach((found, key) => {
    if (typeof found === 'number') return;
    const roots: number[] = [];
    for (const anchor of found) {
      const root = groups.find(anchor);
      if (!roots.includes(root)) roots.push(root);
    }
    if (roots.length < 2) return;
    const size = roots.map((root) => groups.sizeOf(root));
    const ranked = roots.map((_, k) => k).sort((x, y) => size[y]! - size[x]! || roots[x]! - roots[y]!);
    for (let k = 1; k < ranked.length; k++) {
      for (const i of groups.membersOf(roots[ranked[k]!]!)) {
        const r = records[i]!;
        if (r.addressKey === key) {
          r.at = undefined;
          r.addressKey = undefined;
          r.namesAddress = false;
        }
      }
    }
  });
}

/**
 * Rule 4: inside one government, records of one name without a host of their own (none, a bare IP, a
 * copied one) join the one same-name system that has a host; with none, they join each other. Shared
 * platforms are never anchors here (rule 1 decides who is an instance of one), and generic names
 * ("Website Kecamatan …" reduced to "website") never join by name.
 */
function joinSameName(groups: Groups, records: RecordInfo[]): void {
  // Group flags taken once: a union below only ever merges host-less, platform-less groups into an anchor
  // whose root (and flags) it keeps.
  const n = records.length;
  const hostRoot = new Uint8Array(n);
  const platformRoot = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.at !== undefined && !r.at.url.isIp) hostRoot[groups.find(i)] = 1;
    if (r.platform !== undefined) platformRoot[groups.find(i)] = 1;
  }
  const byName = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.generic) continue;
    const nameKey = r.name.key;
    if (nameKey === undefined) continue;
    const key = `${r.government}|${nameKey}`;
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  }
  for (const [key, members] of byName) {
    if (members.length < 2) continue;
    const hosted: number[] = [];
    const loose: number[] = [];
    for (const i of members) {
      const root = groups.find(i);
      if (platformRoot[root] === 1) continue;
      if (hostRoot[root] === 0) loose.push(i);
      else if (!hosted.includes(root)) hosted.push(root);
    }
    if (hosted.length > 1) continue;
    const anchor = hosted[0] ?? loose[0];
    if (anchor === undefined) continue;
    for (const i of loose) groups.union(anchor, i, 'same-name', key.slice(key.indexOf('|') + 1));
  }
}

// ───────────────────────────── describing systems ─────────────────────────────

function describeSystems(
  inventory: Inventory,
  records: RecordInfo[],
  groups: Groups,
  reference: ReferenceData,
  families: ReadonlyMap<string, readonly SharedPlatformDef[]>,
  owners: OwnerIndex,
  agencyNames: () => ReadonlyMap<string, string>,
  agencyOf: Map<string, string>,
): SystemsResult {
  // Groups in inventory order of their first record; a group of several gets its members (inventory
  // order) and joins, a record alone (its own root, never joined) gets nothing.
  const n = records.length;
  const roots: number[] = [];
  const seen = new Uint8Array(n);
  const membersOf = new Array<number[] | undefined>(n).fill(undefined);
  for (let i = 0; i < n; i++) {
    const root = groups.find(i);
    if (seen[root] === 0) {
      seen[root] = 1;
      roots.push(root);
    }
    if (groups.sizeOf(root) > 1) {
      const list = membersOf[root];
      if (list === undefined) membersOf[root] = [i];
      else list.push(i);
    }
  }
  const joinsOf = new Array<Join[] | undefined>(n).fill(undefined);
  const joins = groups.joins;
  for (let k = 0; k < joins.length; k++) {
    const join = joins[k]!;
    const root = groups.find(join.a);
    const list = joinsOf[root];
    if (list === undefined) joinsOf[root] = [join];
    else list.push(join);
  }
  const out = new SystemsBuilder(inventory, records, reference, families, owners, agencyNames, agencyOf);
  for (let k = 0; k < roots.length; k++) {
    const root = roots[k]!;
    const indices = membersOf[root];
    if (indices === undefined) out.alone(root);
    else out.group(indices, joinsOf[root] ?? []);
  }
  return out.result();
}

/** The systems and the maps of `SystemsResult`, system by system. */
class SystemsBuilder {
  private readonly usedIds = new Set<string>();
  private readonly systems: System[] = [];
  private readonly systemOf = new Map<string, string>();
  /** Each system's representative and function, in `systems` order: the maps by system id are made when asked. */
  private readonly representatives: string[] = [];
  private readonly functions: Array<string | undefined> = [];
  private readonly viewMembers = new Map<string, string[]>();
  /**
   * View records' functions by position, and the positions in the order the view records were made: the
   * map by id (`SystemsResult.viewFunction`) is made from them when asked; `systemView` reads by position.
   */
  private readonly viewFunctionAt: Array<string | undefined>;
  private readonly viewOrder: number[] = [];
  private readonly viewModule = new Map<string, string>();
  /** Each record's system, as an index into `systems`. */
  private readonly systemIndex: Int32Array;
  private multi = 0;
  private inMulti = 0;
  /** Scratch arrays (all -1 / 0 between uses) for the groups: a government's part, a compact name's count. */
  private readonly partOf: Int32Array;
  private readonly counts: Int32Array;
  /** Scratch for `joinEvidence`: the stamp of the last rule that counted each record. */
  private readonly seen: Int32Array;
  /** Scratch for `agenciesOf`: the stamp of the last call that met each agency (by agency index). */
  private readonly agencySeen: Int32Array;
  private stamp = 0;

  constructor(
    private readonly inventory: Inventory,
    private readonly records: RecordInfo[],
    private readonly reference: ReferenceData,
    private readonly families: ReadonlyMap<string, readonly SharedPlatformDef[]>,
    private readonly owners: OwnerIndex,
    private readonly agencyNames: () => ReadonlyMap<string, string>,
    /** Record id → its agency, filled while the records were described. */
    private readonly agencyOf: Map<string, string>,
  ) {
    this.systemIndex = new Int32Array(records.length);
    this.viewFunctionAt = new Array<string | undefined>(records.length).fill(undefined);
    // At most one government and one compact name per record.
    this.partOf = new Int32Array(records.length).fill(-1);
    this.counts = new Int32Array(records.length);
    this.seen = new Int32Array(records.length);
    this.agencySeen = new Int32Array(records.length);
  }

  /** A record alone (most of them): its own system, view record and representative. */
  alone(index: number): void {
    const r = this.records[index]!;
    const appId = r.app.id;
    // A module's record alone is still its family's system (the main platform's), of one module.
    const platformId = r.family;
    const platform = platformId !== undefined ? this.reference.platformById.get(platformId) : undefined;
    const origin = originOf1(r, platform?.designation);
    const owner = origin === 'national' ? platform?.owner : this.owners.ownerOf1(r);
    const id = uniqueId(platformId !== undefined ? `sys-${platformId}` : `sys-${appId}`, this.usedIds);
    // The system's one record is also its view's one member: one (never mutated) list serves both.
    const only = [appId];
    const system: System = { id, name: platform?.name ?? r.app.name, records: only, usedBy: [r.app.agencyId], origin };
    // A private address (scoped to its unit) is no address to show for a system.
    if (r.at?.key !== undefined && r.at.key === r.addressKey) system.address = r.at.key;
    if (owner !== undefined) system.owner = owner;
    if (platformId !== undefined) system.sharedPlatform = platformId;
    const family = platformId !== undefined ? this.families.get(platformId) : undefined;
    if (family !== undefined) {
      const module = moduleOf(r, family);
      system.modules = [{ platform: module.id, name: module.name, function: r.fn ?? module.function, records: only }];
      this.viewModule.set(appId, module.id);
    }
    this.systemIndex[index] = this.systems.length;
    this.systems.push(system);
    this.representatives.push(appId);
    this.functions.push(r.fn);
    this.systemOf.set(appId, id);
    this.viewMembers.set(appId, only);
    this.setViewFunction(index, r.fn);
  }

  /** A group of records (inventory order) and the joins that made it. */
  group(indices: readonly number[], joins: readonly Join[]): void {
    // Lists made at their final length (not grown element by element).
    const members = new Array<RecordInfo>(indices.length);
    let platformId: string | undefined;
    for (let k = 0; k < indices.length; k++) {
      const r = this.records[indices[k]!]!;
      members[k] = r;
      platformId ??= r.family;
    }
    const platform = platformId !== undefined ? this.reference.platformById.get(platformId) : undefined;
    const usedBy = agenciesOf(members, this.agencySeen, ++this.stamp);
    const origin = originOf(members, platform?.designation, usedBy.length);
    const fn = systemFunction(members);
    const owner = origin === 'national' ? platform?.owner : this.owners.ownerOf(members);
    const rep = representative(members, fn, owner, this.counts);
    const id = uniqueId(platformId !== undefined ? `sys-${platformId}` : `sys-${members[0]!.app.id}`, this.usedIds);
    const address = commonAddress(members);
    const records = new Array<string>(members.length);
    for (let k = 0; k < members.length; k++) records[k] = members[k]!.app.id;
    const system: System = { id, name: platform?.name ?? commonName(members), records, usedBy, origin };
    if (address !== undefined) system.address = address;
    if (owner !== undefined) system.owner = owner;
    if (platformId !== undefined) system.sharedPlatform = platformId;
    if (joins.length > 0) {
      const evidence = this.joinEvidence(joins);
      if (evidence.length > 0) system.evidence = evidence;
    }
    const index = this.systems.length;
    for (let k = 0; k < indices.length; k++) this.systemIndex[indices[k]!] = index;
    this.systems.push(system);
    this.representatives.push(rep.app.id);
    this.functions.push(fn);
    for (let k = 0; k < records.length; k++) this.systemOf.set(records[k]!, id);
    const family = platformId !== undefined ? this.families.get(platformId) : undefined;
    if (family === undefined) this.views(members, fn, rep, owner, undefined);
    else this.modules(system, members, family, owner);
    this.multi++;
    this.inMulti += members.length;
  }

  /**
   * A family's system is seen module by module: each module's records are viewed as a system of their own
   * would be (its function, its representative, one view record per government), as an instance of the
   * module, so the duplicate detector compares each module's function with the governments' own systems.
   * Modules are listed in the family's order (the main platform first).
   */
  private modules(system: System, members: RecordInfo[], family: readonly SharedPlatformDef[], owner: string | undefined): void {
    const parts = family.map(() => [] as RecordInfo[]);
    for (let k = 0; k < members.length; k++) parts[family.indexOf(moduleOf(members[k]!, family))]!.push(members[k]!);
    const modules: NonNullable<System['modules']> = [];
    const described: string[] = [];
    for (let m = 0; m < family.length; m++) {
      const part = parts[m]!;
      if (part.length === 0) continue;
      const module = family[m]!;
      const fn = systemFunction(part);
      this.views(part, fn, representative(part, fn, owner, this.counts), owner, module.id);
      const records = part.map((r) => r.app.id);
      const units = agenciesOf(part, this.agencySeen, ++this.stamp).length;
      modules.push({ platform: module.id, name: module.name, function: fn ?? module.function, records });
      described.push(`${module.name} (${fn ?? module.function}) ${records.length} record${records.length === 1 ? '' : 's'} in ${units} unit${units === 1 ? '' : 's'}`);
    }
    system.modules = modules;
    (system.evidence ??= []).push({
      kind: 'modules',
      detail: `${members.length} records are modules of one platform family (${system.name}), one system used by ${system.usedBy.length} units: ${described.join('; ')}`,
    });
  }

  /**
   * View records of a system (or of one module of a family's system): one per government, standing for the
   * records of that government; `rep` stands for them all when they are one government's.
   */
  private views(members: RecordInfo[], fn: string | undefined, rep: RecordInfo, owner: string | undefined, module: string | undefined): void {
    const parts = byGovernment(members, this.partOf);
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      // A system in one government is its one part: its function and representative are the part's.
      const partFn = parts.length === 1 ? fn : (systemFunction(part) ?? fn);
      const view = parts.length === 1 || (rep.fn === partFn && part.includes(rep)) ? rep : representative(part, partFn, owner, this.counts);
      const ids = new Array<string>(part.length);
      ids[0] = view.app.id;
      for (let k = 0, next = 1; k < part.length; k++) if (part[k] !== view) ids[next++] = part[k]!.app.id;
      this.viewMembers.set(view.app.id, ids);
      this.setViewFunction(view.index, partFn);
      if (module !== undefined) this.viewModule.set(view.app.id, module);
    }
  }

  private setViewFunction(index: number, fn: string | undefined): void {
    this.viewFunctionAt[index] = fn;
    this.viewOrder.push(index);
  }

  /** One evidence item per rule that joined records, naming the key and how many records it joined. */
  private joinEvidence(joins: readonly Join[]): EvidenceItem[] {
    const agencyName = this.agencyNames();
    return joinRules(joins).map(({ kind, key, joins: ruleJoins }) => {
      // The rule's records, each once (`seen` holds the rule's stamp), the first four named.
      const stamp = ++this.stamp;
      let joined = 0;
      const shown: string[] = [];
      for (let k = 0; k < ruleJoins.length; k++) {
        const j = ruleJoins[k]!;
        for (let side = 0; side < 2; side++) {
          const i = side === 0 ? j.a : j.b;
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          joined++;
          if (shown.length < 4) {
            const app = this.records[i]!.app;
            shown.push(`${app.name} (${agencyName.get(app.agencyId) ?? app.agencyId})`);
          }
        }
      }
      const more = joined > shown.length ? ` and ${joined - shown.length} more` : '';
      const shownKey = `${KEY_PREFIX[kind] ?? ''}${key}`.replace(/^(plt|nat)\|/, '').replace(/^.*\|/, '');
      return { kind, detail: `${joined} records are ${JOIN_WHY[kind]} (${shownKey}): ${shown.join(', ')}${more}` };
    });
  }

  result(): SystemsResult {
    const { systems, representatives, functions, records, viewFunctionAt, viewOrder } = this;
    let representativeOf: Map<string, string> | undefined;
    let functionOf: Map<string, string | undefined> | undefined;
    let viewFunction: Map<string, string | undefined> | undefined;
    return {
      systems: this.systems,
      systemOf: this.systemOf,
      // Maps by system id no stage of the pipeline reads (it reads `representatives`): made on first use.
      get representativeOf() {
        return (representativeOf ??= bySystemId(systems, representatives));
      },
      representatives,
      viewMembers: this.viewMembers,
      agencyOf: this.agencyOf,
      get functionOf() {
        return (functionOf ??= bySystemId(systems, functions));
      },
      get viewFunction() {
        if (viewFunction === undefined) {
          viewFunction = new Map();
          for (let k = 0; k < viewOrder.length; k++) viewFunction.set(records[viewOrder[k]!]!.app.id, viewFunctionAt[viewOrder[k]!]);
        }
        return viewFunction;
      },
      viewModule: this.viewModule,
      stats: { records: this.records.length, systems: this.systems.length, multiRecordSystems: this.multi, recordsInMultiRecordSystems: this.inMulti },
      byPosition: { applications: this.inventory.applications, system: this.systemIndex, viewFunction: viewFunctionAt },
    };
  }
}

/** System id → the system's value, in `systems` order. */
function bySystemId<T>(systems: readonly System[], values: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (let k = 0; k < systems.length; k++) out.set(systems[k]!.id, values[k]!);
  return out;
}

/**
 * The module of its family a record of a family's system is: its own platform, else (a record joined by
 * address or name) the module whose function is the record's, else the family's main platform.
 */
function moduleOf(r: RecordInfo, family: readonly SharedPlatformDef[]): SharedPlatformDef {
  if (r.platform !== undefined) {
    for (let m = 0; m < family.length; m++) if (family[m]!.id === r.platform) return family[m]!;
  }
  if (r.fn !== undefined) {
    for (let m = 0; m < family.length; m++) if (family[m]!.function === r.fn) return family[m]!;
    for (let m = 0; m < family.length; m++) if (family[m]!.alsoCovers?.includes(r.fn)) return family[m]!;
  }
  return family[0]!;
}

/** The distinct values of `valueOf` over the items, in order of first appearance. */
function distinct<T>(items: readonly T[], valueOf: (item: T) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const value = valueOf(item);
    if (!seen.has(value)) {
      seen.add(value);
      out.push(value);
    }
  }
  return out;
}

/** The agencies of the records, each once, in order of first appearance. */
function agenciesOf(members: readonly RecordInfo[], seen: Int32Array, stamp: number): string[] {
  // `seen`: scratch by agency index, holding `stamp` (new for each call) for the agencies met.
  const out: string[] = [];
  for (let k = 0; k < members.length; k++) {
    const r = members[k]!;
    if (seen[r.agencyIndex] !== stamp) {
      seen[r.agencyIndex] = stamp;
      out.push(r.app.agencyId);
    }
  }
  return out;
}

/** A system's records split by top-level government, in order of first appearance (`partOf`: scratch, all -1). */
function byGovernment(members: RecordInfo[], partOf: Int32Array): RecordInfo[][] {
  // Most systems of several records are one government's: the members are the one part.
  const first = members[0]!.governmentIndex;
  let one = true;
  for (let i = 1; i < members.length && one; i++) one = members[i]!.governmentIndex === first;
  if (one) return [members];
  const parts: RecordInfo[][] = [];
  for (let i = 0; i < members.length; i++) {
    const r = members[i]!;
    const k = partOf[r.governmentIndex]!;
    if (k === -1) {
      partOf[r.governmentIndex] = parts.length;
      parts.push([r]);
    } else parts[k]!.push(r);
  }
  for (let k = 0; k < parts.length; k++) partOf[parts[k]![0]!.governmentIndex] = -1;
  return parts;
}

function originOf(members: RecordInfo[], designation: string | undefined, units: number): System['origin'] {
  if (designation !== undefined) return designation === 'provincial' ? 'regional' : 'national';
  // Whether a host is a regional government's is asked only where the answer matters (it tokenises the host).
  for (let k = 0; k < members.length; k++) {
    const at = members[k]!.at;
    if (at !== undefined && !at.url.isIp && at.url.host.endsWith('.go.id') && !at.regional) return 'national';
  }
  // A tie in the catalogue's own labels goes to national: units list a national system as their own more
  // often than the reverse.
  let national = 0;
  let local = 0;
  for (let k = 0; k < members.length; k++) {
    const origin = members[k]!.app.origin;
    if (origin === 'national') national++;
    else if (origin === 'local') local++;
  }
  if (national > 0 && national >= local && !members.some((r) => r.at !== undefined && r.at.regional)) return 'national';
  if (units >= 2 || members.some((r) => r.at !== undefined && r.at.provincial && r.at.regional)) return 'regional';
  return 'local';
}

/** `originOf` of a record alone. */
function originOf1(r: RecordInfo, designation: string | undefined): System['origin'] {
  if (designation !== undefined) return designation === 'provincial' ? 'regional' : 'national';
  const at = r.at;
  if (at === undefined) return r.app.origin === 'national' ? 'national' : 'local';
  // Whether the host is a regional government's is asked only where the answer matters (it tokenises the host).
  if (!at.url.isIp && at.url.host.endsWith('.go.id') && !at.regional) return 'national';
  if (r.app.origin === 'national' && !at.regional) return 'national';
  return at.provincial && at.regional ? 'regional' : 'local';
}

/** The function the records' confidences add up to most, unless more records are unclassified than that sum. */
function systemFunction(members: RecordInfo[]): string | undefined {
  if (members.length === 1) return members[0]!.fn;
  // A system's records name a handful of functions, most often one: the first function's votes are kept
  // apart, the others' in two short lists made when a second function appears, in order of first vote.
  let firstFn: string | undefined;
  let firstVote = 0;
  let fns: string[] | undefined;
  let votes: number[] | undefined;
  let unclassified = 0;
  for (let i = 0; i < members.length; i++) {
    const r = members[i]!;
    if (r.fn === undefined) unclassified++;
    else if (firstFn === undefined) {
      firstFn = r.fn;
      firstVote = 0 + r.confidence;
    } else if (r.fn === firstFn) firstVote += r.confidence;
    else if (fns === undefined) {
      fns = [firstFn, r.fn];
      votes = [firstVote, 0 + r.confidence];
    } else {
      const k = fns.indexOf(r.fn);
      if (k === -1) {
        fns.push(r.fn);
        votes!.push(0 + r.confidence);
      } else votes![k] += r.confidence;
    }
  }
  // One function: it wins, as below, with a positive vote at least the unclassified count.
  if (fns === undefined) return firstFn !== undefined && firstVote > 0 && firstVote >= unclassified ? firstFn : undefined;
  // The first function's votes went on apart once the lists were made.
  votes![0] = firstVote;
  let best: string | undefined;
  let bestVote = 0;
  for (let k = 0; k < fns.length; k++) {
    const fn = fns[k]!;
    const vote = votes![k]!;
    if (vote > bestVote || (vote === bestVote && best !== undefined && fn < best)) {
      best = fn;
      bestVote = vote;
    }
  }
  return best !== undefined && bestVote >= unclassified ? best : undefined;
}

/**
 * The record that stands for a system (or for its records in one government): among the records of its
 * function (all, when none has it), the owner's, else the most confidently classified, else the one with
 * the most common name (`counts`: scratch, all 0).
 */
function representative(members: RecordInfo[], fn: string | undefined, owner: string | undefined, counts: Int32Array): RecordInfo {
  if (members.length === 1) return members[0]!;
  // The pool is the records of the function, unless that is none or all of them (then every record).
  let pool = members;
  if (fn !== undefined) {
    let ofFunction = 0;
    for (let k = 0; k < members.length; k++) if (members[k]!.fn === fn) ofFunction++;
    if (ofFunction > 0 && ofFunction < members.length) {
      pool = [];
      for (let k = 0; k < members.length; k++) if (members[k]!.fn === fn) pool.push(members[k]!);
    }
  }
  if (owner !== undefined) {
    for (let k = 0; k < pool.length; k++) if (pool[k]!.app.agencyId === owner) return pool[k]!;
  }
  for (let k = 0; k < members.length; k++) counts[members[k]!.name.compactId]++;
  let best = pool[0]!;
  let bestCount = counts[best.name.compactId]!;
  for (let k = 0; k < pool.length; k++) {
    const r = pool[k]!;
    const count = counts[r.name.compactId]!;
    if (r.confidence > best.confidence || (r.confidence === best.confidence && count > bestCount)) {
      best = r;
      bestCount = count;
    }
  }
  for (let k = 0; k < members.length; k++) counts[members[k]!.name.compactId] = 0;
  return best;
}

function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The name most records use (compared compacted), written as first seen. */
function commonName(members: RecordInfo[]): string {
  const counts = new Map<string, { name: string; n: number }>();
  for (let k = 0; k < members.length; k++) {
    const r = members[k]!;
    const key = r.name.compact || r.app.name;
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { name: r.app.name, n: 1 });
  }
  let best: { name: string; n: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.n > best.n) best = entry;
  return best!.name;
}

/** The address most records give, as host and (on shared hosts) path. */
function commonAddress(members: RecordInfo[]): string | undefined {
  const counts = new Map<string, number>();
  // A private address (scoped to its unit) is no address to show for a system.
  for (let k = 0; k < members.length; k++) {
    const r = members[k]!;
    const address = r.at?.key;
    if (address !== undefined && address === r.addressKey) counts.set(address, (counts.get(address) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  counts.forEach((count, key) => {
    if (count > n) {
      best = key;
      n = count;
    }
  });
  return best;
}

function uniqueId(id: string, used: Set<string>): string {
  // Ids are nearly always new: adding first and looking at the size hashes the id once.
  const size = used.size;
  if (used.add(id).size > size) return id;
  let candidate = id;
  for (let k = 2; used.has(candidate); k++) candidate = `${id}-${k}`;
  used.add(candidate);
  return candidate;
}

const JOIN_WHY: Record<JoinKind, string> = {
  'shared-platform': 'instances of one shared platform',
  'same-address': 'one application address',
  'national-name': 'one national system by name',
  'same-name': 'the same name in one government, no other address',
};

/** The prefix rules 1 and 3 keyed their joins by (`${prefix}|${key}`): shown without it. */
const KEY_PREFIX: Partial<Record<JoinKind, string>> = { 'shared-platform': 'plt|', 'national-name': 'nat|' };

/** The joins of one rule and key in a system, in join order. */
interface JoinRule {
  kind: JoinKind;
  key: string;
  joins: Join[];
}

/**
 * A system's joins by rule and key, in order of each one's first join: nearly always one or two (every
 * instance of a platform, every record at an address).
 */
function joinRules(joins: readonly Join[]): JoinRule[] {
  const first = joins[0]!;
  let one = true;
  for (let k = 1; k < joins.length && one; k++) one = joins[k]!.kind === first.kind && joins[k]!.key === first.key;
  if (one) return [{ kind: first.kind, key: first.key, joins: joins as Join[] }];
  const rules: JoinRule[] = [];
  const byKind = new Map<JoinKind, Map<string, JoinRule>>();
  for (let k = 0; k < joins.length; k++) {
    const j = joins[k]!;
    let byKey = byKind.get(j.kind);
    if (byKey === undefined) byKind.set(j.kind, (byKey = new Map()));
    let rule = byKey.get(j.key);
    if (rule === undefined) {
      byKey.set(j.key, (rule = { kind: j.kind, key: j.key, joins: [] }));
      rules.push(rule);
    }
    rule.joins.push(j);
  }
  return rules;
}

/** The keys an agency's name gives the owner index (`OwnerIndex`), whichever agency bears it. */
interface AgencyNameKeys {
  /** The unit key's words (`unitKey`). */
  words: string[];
  /** The unit key without spaces. */
  spaceless: string;
  compact: string;
  /** An abbreviation the name ends with: "Dinas Lingkungan Hidup (DLH)". */
  explicit: string | undefined;
  /** The catalogue's abbreviations of the unit key, without spaces. */
  abbreviations: readonly string[];
  /** Initials of the unit key's words but "dan" (counted for units). */
  initials: string;
}

/** Only lower-case letters and digits (and hyphens, when `hyphens`): a key `compactName` can produce. */
function isCompact(text: string, hyphens = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (hyphens && c === 45))) return false;
  }
  return true;
}

function agencyNameKeys(name: string, abbreviations: Map<string, string[]>): AgencyNameKeys {
  const key = unitKey(name);
  const words = key.split(' ');
  let initials = '';
  for (let k = 0; k < words.length; k++) if (words[k] !== 'dan' && words[k]!.length > 0) initials += words[k]![0];
  return {
    words,
    spaceless: words.join(''),
    compact: compactName(name),
    explicit: name.includes('(') ? /\(([A-Za-z]{2,12})\)\s*$/.exec(name)?.[1]?.toLowerCase() : undefined,
    abbreviations: abbreviations.get(key) ?? [],
    initials,
  };
}

/**
 * Which unit builds a system: a developer property naming a unit of the inventory, or a host label that
 * is a unit's abbreviation or a distinctive word of its name (dlh, kesbangpol, dpmptsp, perhubungan).
 */
class OwnerIndex {
  private readonly byKey = new Map<string, string | null>();
  /** `lookup` per text asked: host labels and developer names repeat across thousands of records. */
  private readonly looked = new Map<string, string | null>();
  /** A developer property's unit per text: its name, else its unit key, looked up. */
  private readonly developers = new Map<string, string | null>();

  constructor(
    inventory: Inventory,
    private readonly developerProperties: readonly string[],
  ) {
    const reverse = new Map<string, string[]>();
    for (const [abbr, full] of Object.entries(UNIT_ABBREVIATIONS)) {
      const list = reverse.get(full);
      if (list) list.push(abbr.replace(/ /g, ''));
      else reverse.set(full, [abbr.replace(/ /g, '')]);
    }
    // Unit names repeat across governments ("Dinas Kesehatan"): what the index takes from a name, once per name.
    const byName = new Map<string, AgencyNameKeys>();
    const agencies = inventory.agencies;
    const n = agencies.length;
    const keysOf = new Array<AgencyNameKeys>(n);
    // A unit named after its region ("Kecamatan Madiun") must not own every host that names the region.
    const governmentWords = new Set<string>();
    for (let i = 0; i < n; i++) {
      const name = agencies[i]!.name;
      let keys = byName.get(name);
      if (keys === undefined) byName.set(name, (keys = agencyNameKeys(name, reverse)));
      keysOf[i] = keys;
      if (agencies[i]!.level !== 'unit') for (let k = 0; k < keys.words.length; k++) governmentWords.add(keys.words[k]!);
    }
    const wordUse = new Map<string, number>();
    const distinctiveOf = new Array<string[]>(n);
    for (let i = 0; i < n; i++) {
      const distinctive: string[] = [];
      if (agencies[i]!.level === 'unit') {
        const words = keysOf[i]!.words;
        for (let k = 0; k < words.length; k++) {
          const w = words[k]!;
          if (w.length < 5 || governmentWords.has(w)) continue;
          distinctive.push(w);
          wordUse.set(w, (wordUse.get(w) ?? 0) + 1);
        }
      }
      distinctiveOf[i] = distinctive;
    }
    for (let i = 0; i < n; i++) {
      const agency = agencies[i]!;
      const id = agency.id;
      const keys = keysOf[i]!;
      const tail = id.slice(id.lastIndexOf('/') + 1);
      // Looked-up texts are compacted (letters and digits): an id with other characters never matches.
      if (isCompact(tail, true)) this.add(tail.replaceAll('-', ''), id);
      this.add(keys.spaceless, id);
      this.add(keys.compact, id);
      if (keys.explicit !== undefined) this.add(keys.explicit, id);
      for (let k = 0; k < keys.abbreviations.length; k++) this.add(keys.abbreviations[k]!, id);
      if (agency.level === 'unit') {
        if (keys.initials.length >= 3) this.add(keys.initials, id);
        const distinctive = distinctiveOf[i]!;
        for (let k = 0; k < distinctive.length; k++) if (wordUse.get(distinctive[k]!) === 1) this.add(distinctive[k]!, id);
      }
    }
  }

  /** A key naming one agency is its; a key naming several is no one's (null). */
  private add(key: string, agencyId: string): void {
    if (key === '') return;
    const existing = this.byKey.get(key);
    if (existing === undefined) this.byKey.set(key, agencyId);
    else if (existing !== agencyId && existing !== null) this.byKey.set(key, null);
  }

  /** True when `label` (a host's first label) is a unit's abbreviation or name: the unit's own host. */
  isUnit(label: string): boolean {
    return this.lookup(label) !== undefined;
  }

  /** The unit a host label names, if one. */
  ownerOfLabel(label: string): string | undefined {
    return this.lookup(label);
  }

  private lookup(text: string): string | undefined {
    // Host labels are nearly always letters and digits already: their compact form is themselves, looked up
    // directly (most are asked once, so remembering them would cost more than it saves).
    if (isCompact(text)) return this.byKey.get(text) ?? undefined;
    let found = this.looked.get(text);
    if (found === undefined) {
      found = this.byKey.get(compactName(text)) ?? null;
      this.looked.set(text, found);
    }
    return found ?? undefined;
  }

  private developerOf(r: RecordInfo): string | undefined {
    const properties = this.developerProperties;
    for (let k = 0; k < properties.length; k++) {
      const text = r.app.properties[properties[k]!];
      if (text === undefined) continue;
      let owner = this.developers.get(text);
      if (owner === undefined) this.developers.set(text, (owner = this.lookup(text) ?? this.lookup(unitKey(text)) ?? null));
      if (owner !== null) return owner;
    }
    return undefined;
  }

  ownerOf(members: RecordInfo[]): string | undefined {
    for (let k = 0; k < members.length; k++) {
      const owner = this.developerOf(members[k]!);
      if (owner !== undefined) return owner;
    }
    let found: string | undefined;
    for (let k = 0; k < members.length; k++) {
      const at = members[k]!.at;
      if (at === undefined) continue;
      const owners = at.labelOwners;
      for (let o = 0; o < owners.length; o++) {
        if (found === undefined) found = owners[o];
        else if (owners[o] !== found) return undefined;
      }
    }
    return found;
  }

  /** `ownerOf` a record alone. */
  ownerOf1(r: RecordInfo): string | undefined {
    const owner = this.developerOf(r);
    if (owner !== undefined || r.at === undefined) return owner;
    const owners = r.at.labelOwners;
    return owners.length === 1 ? owners[0] : undefined;
  }
}

// ───────────────────────────── the system-level view ─────────────────────────────

const STATUS_RANK: Record<ApplicationStatus, number> = { active: 3, development: 2, retired: 1 };

export interface SystemView {
  /** One record per system and government (a multi-record group's view record carries its totals). */
  inventory: Inventory;
  /** Classifications of the view's records: a view record carries its system's function. */
  classification: Map<string, Classification>;
}

/**
 * The inventory the duplicate detector sees: one record per system and government. A national platform
 * used in ten governments is seen once in each, beside that government's own systems; a regional system
 * used by eight units of one government once; a platform family's system once per module and government,
 * as an instance of that module (`viewModule`). A group of several records is its view record with the
 * group's status (the most alive), users and given costs summed, datasets joined, origin national or local
 * as the system's, and the function its records agree on (else the system's); exchanges are moved onto
 * view records (when first read: the duplicate detector takes degrees from the graph). Single-record systems
 * are their record, untouched. `result` is `inventory`'s reconciliation. What reconciliation read from the
 * inventory's text (region words, parsed addresses, name and address numbers: `RunText`) is registered for
 * the view inventory, so the duplicate detector does not read it again.
 */
export function systemView(inventory: Inventory, result: SystemsResult, classification: Map<string, Classification>): SystemView {
  const apps = inventory.applications;
  const systemOf = systemIndexes(inventory, result);
  // Most records are their own view record of a one-record system. Of the others, a record that is not a
  // view record (a key of `viewMembers`) is in one view record's list: that view record stands for it.
  const viewMembers = result.viewMembers;
  const systems = result.systems;
  const oneRecord = new Uint8Array(systems.length);
  for (let k = 0; k < systems.length; k++) if (systems[k]!.records.length === 1) oneRecord[k] = 1;
  const represented = new Map<string, Application>();
  const isRepresented = new Uint8Array(apps.length);
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    if (oneRecord[systemOf[i]!] === 0 && !viewMembers.has(app.id)) {
      represented.set(app.id, app);
      isRepresented[i] = 1;
    }
  }
  const classOf = inInventoryOrder(apps, classification);

  const applications: Application[] = [];
  const viewClassification = new Map<string, Classification>();
  // The inventory reconciled: what the result keeps by position applies (else it is looked up by id), and
  // each view record's name and address numbers are handed on (`RunText`).
  const aligned = inventory.applications === result.byPosition.applications;
  const text = aligned ? result.text : undefined;
  const viewNames = new Int32Array(text !== undefined ? apps.length : 0);
  const viewAddresses = new Int32Array(text !== undefined ? apps.length : 0);
  // A national platform has a view record in every government using it: its best record of a function is
  // looked for once per system and function, not once per view record.
  const bestOfSystem = new Map<string, Classification | undefined>();
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    // A record the reconciliation does not know has no view record.
    if (systemOf[i]! < 0) continue;
    // The next view record's slot: a record skipped below leaves it to the next one.
    if (text !== undefined) {
      viewNames[applications.length] = text.names[i]!;
      viewAddresses[applications.length] = text.addresses[i]!;
    }
    if (oneRecord[systemOf[i]!] === 1) {
      applications.push(app);
      const c = classOf[i];
      if (c !== undefined) viewClassification.set(app.id, c);
      continue;
    }
    if (isRepresented[i] === 1) continue;
    const system = systems[systemOf[i]!]!;
    const members = viewMembers.get(app.id)!;
    applications.push(aggregate(app, members, represented, system));
    const fn = aligned ? result.byPosition.viewFunction[i] : result.viewFunction.get(app.id);
    // A family's view record stands for one module: it is an instance of that module, and its best record
    // is looked for among that module's records.
    const module = result.viewModule.get(app.id);
    let found = bestClassification(classification, members, fn);
    if (found === undefined && fn !== undefined) {
      const key = `${system.id}\u0000${module ?? ''}\u0000${fn}`;
      if (bestOfSystem.has(key)) found = bestOfSystem.get(key);
      else bestOfSystem.set(key, (found = bestClassification(classification, moduleRecords(system, module), fn)));
    }
    viewClassification.set(app.id, systemClassification(module ?? system.sharedPlatform, found));
  }
  // The duplicate detector reads exchange degrees from the graph, not the view's exchanges: they are moved
  // onto view records when first read (then kept).
  let exchanges: Inventory['exchanges'] | undefined;
  const view: Inventory = {
    ...inventory,
    applications,
    get exchanges(): Inventory['exchanges'] {
      return (exchanges ??= viewExchanges(inventory.exchanges, standsForOf(viewMembers)));
    },
    set exchanges(value: Inventory['exchanges']) {
      exchanges = value;
    },
  };
  if (text !== undefined) {
    const n = applications.length;
    shareRunText(view, { ...text, names: viewNames.subarray(0, n), addresses: viewAddresses.subarray(0, n) });
  }
  return { inventory: view, classification: viewClassification };
}

/** A record that is not its own view record → its view record (a few thousand). */
function standsForOf(viewMembers: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const standsFor = new Map<string, string>();
  viewMembers.forEach((members, view) => {
    for (let k = 1; k < members.length; k++) standsFor.set(members[k]!, view);
  });
  return standsFor;
}

/** Exchanges moved onto view records (`standsFor`: a record that is not its own view record → its view record). */
function viewExchanges(all: Inventory['exchanges'], standsFor: ReadonlyMap<string, string>): Inventory['exchanges'] {
  // Most exchanges join records that are their own view records: those are kept as they are, not copied.
  const exchanges: Inventory['exchanges'] = new Array(all.length);
  let kept = 0;
  for (let k = 0; k < all.length; k++) {
    const x = all[k]!;
    const sourceId = standsFor.get(x.sourceId) ?? x.sourceId;
    const targetId = standsFor.get(x.targetId) ?? x.targetId;
    if (sourceId === targetId && x.sourceId !== x.targetId) continue;
    exchanges[kept++] = sourceId === x.sourceId && targetId === x.targetId ? x : { ...x, sourceId, targetId };
  }
  exchanges.length = kept;
  return exchanges;
}

/** What a view record is called: its system's name, or its module's for a family's system (SIPD Penatausahaan). */
function viewName(id: string, result: SystemsResult, systemById: Map<string, System>): string {
  const system = systemById.get(result.systemOf.get(id) ?? '');
  if (system === undefined) return id;
  const module = result.viewModule.get(id);
  return (module !== undefined ? system.modules?.find((m) => m.platform === module)?.name : undefined) ?? system.name;
}

function systemsById(result: SystemsResult): Map<string, System> {
  const out = new Map<string, System>();
  const systems = result.systems;
  for (let k = 0; k < systems.length; k++) out.set(systems[k]!.id, systems[k]!);
  return out;
}

/**
 * Each application's system (an index into `result.systems`, -1 for a record the result does not know), in
 * `inventory` order: by position for the inventory reconciled, else looked up by id.
 */
function systemIndexes(inventory: Inventory, result: SystemsResult): Int32Array {
  if (inventory.applications === result.byPosition.applications) return result.byPosition.system;
  const indexOf = new Map<string, number>();
  result.systems.forEach((s, k) => indexOf.set(s.id, k));
  return Int32Array.from(inventory.applications, (app) => indexOf.get(result.systemOf.get(app.id) ?? '') ?? -1);
}

/**
 * The view record of a group of records (`systemView`): their status, users, costs and datasets together.
 * `memberIds` is the view record's and then those of `represented` it stands for.
 */
function aggregate(view: Application, memberIds: readonly string[], represented: Map<string, Application>, system: System): Application {
  const datasets: string[] = [];
  // Groups list a few datasets: repeats are looked for in the list itself, in a set only once it is long.
  let seenDatasets: Set<string> | undefined;
  let status: ApplicationStatus | undefined;
  let users: number | undefined;
  let cost: number | undefined;
  for (let k = 0; k < memberIds.length; k++) {
    const id = memberIds[k]!;
    const m = id === view.id ? view : represented.get(id)!;
    for (let j = 0; j < m.datasets.length; j++) {
      const d = m.datasets[j]!;
      if (seenDatasets === undefined) {
        if (datasets.includes(d)) continue;
        datasets.push(d);
        if (datasets.length === 16) seenDatasets = new Set(datasets);
      } else if (!seenDatasets.has(d)) {
        seenDatasets.add(d);
        datasets.push(d);
      }
    }
    if (m.status !== undefined && (status === undefined || STATUS_RANK[m.status] > STATUS_RANK[status])) status = m.status;
    if (m.users !== undefined) users = (users ?? 0) + m.users;
    if (m.annualCost !== undefined) cost = (cost ?? 0) + m.annualCost;
  }
  const out: Application = { ...view, datasets, properties: { ...view.properties } };
  if (status !== undefined) out.status = status;
  if (users !== undefined) out.users = users;
  if (cost !== undefined) out.annualCost = cost;
  else delete out.annualCost;
  out.origin = system.origin === 'national' ? 'national' : 'local';
  return out;
}

/** The most confident classification of function `fn` among the records (the first of equals), if any. */
function bestClassification(classification: Map<string, Classification>, records: readonly string[], fn: string | undefined): Classification | undefined {
  if (fn === undefined) return undefined;
  let best: Classification | undefined;
  for (let k = 0; k < records.length; k++) {
    const c = classification.get(records[k]!);
    if (c !== undefined && c.function === fn && (best === undefined || c.confidence > best.confidence)) best = c;
  }
  return best;
}

/** The records of a family's system that are `module`; all the system's records for another system. */
function moduleRecords(system: System, module: string | undefined): readonly string[] {
  return (module !== undefined ? system.modules?.find((m) => m.platform === module)?.records : undefined) ?? system.records;
}

/**
 * The system's function, with the confidence and evidence of the group's (else the system's or module's)
 * best record of it (`found`), as an instance of `platform` (the system's, or the module's of a family).
 */
function systemClassification(platform: string | undefined, found: Classification | undefined): Classification {
  const base: Classification = found !== undefined ? { ...found } : { confidence: 0, evidence: [] };
  if (platform !== undefined) base.sharedPlatform = platform;
  else delete base.sharedPlatform;
  return base;
}

/**
 * The inventory the spend stage prices: a system's cost is counted once. Records of a multi-record system
 * that is not national pass their given costs to the representative (summed) and cost 0 themselves;
 * records of a national system are each the using unit's own cost and keep it, marked national so a
 * missing one is estimated as a national instance. Single-record systems are untouched.
 */
export function costView(inventory: Inventory, result: SystemsResult): Inventory {
  const systemOf = systemIndexes(inventory, result);
  // Given costs of a multi-record system that is not national, summed in inventory order (per system index).
  const total = new Float64Array(result.systems.length);
  const given = new Uint8Array(result.systems.length);
  inventory.applications.forEach((app, i) => {
    const k = systemOf[i]!;
    const s = result.systems[k]!;
    if (s.records.length > 1 && s.origin !== 'national' && app.annualCost !== undefined) {
      total[k] = (given[k] === 1 ? total[k]! : 0) + app.annualCost;
      given[k] = 1;
    }
  });
  const applications = inventory.applications.map((app, i) => {
    const k = systemOf[i]!;
    const s = result.systems[k]!;
    if (s.records.length === 1) return app;
    if (s.origin === 'national') return app.origin === 'national' ? app : { ...app, origin: 'national' as const };
    const copy: Application = { ...app };
    if (result.representatives[k] === app.id) {
      if (given[k] === 1) copy.annualCost = total[k]!;
      else delete copy.annualCost;
    } else copy.annualCost = 0;
    return copy;
  });
  return { ...inventory, applications };
}

/** The basis a cost line shows for records whose system's cost sits on its representative. */
export function systemCostBases<T extends { annualCost: number; estimated: boolean; basis: string }>(costs: Map<string, T>, result: SystemsResult): Map<string, T> {
  const out = new Map(costs);
  const systems = result.systems;
  for (let k = 0; k < systems.length; k++) {
    const s = systems[k]!;
    if (s.records.length === 1 || s.origin === 'national') continue;
    const rep = result.representatives[k]!;
    for (const id of s.records) {
      const cost = out.get(id);
      if (cost === undefined) continue;
      out.set(id, id === rep ? { ...cost, basis: `${cost.basis}; the whole cost of system ${s.id} (${s.records.length} records)` } : { ...cost, annualCost: 0, estimated: false, basis: `counted once for system ${s.id}, on record ${rep}` });
    }
  }
  return out;
}

// ───────────────────────────── back from systems to records ─────────────────────────────

/**
 * Keepers by adoption. The duplicate detector sees one record per system and government and cannot tell
 * that a system is used by many units; where a cluster adopts no shared platform and another member
 * system is used by more of the government's units than the keeper's, that system becomes the keeper:
 * consolidating onto what most units already use moves the fewest. Clusters whose systems are each used
 * by one unit are left as they are.
 */
export function preferAdoptedKeepers(clusters: DuplicateCluster[], result: SystemsResult): DuplicateCluster[] {
  const systemById = systemsById(result);
  // Units per view record, counted once: a keeper is compared with every member of its cluster.
  const unitCount = new Map<string, number>();
  const units = (id: string): number => {
    let n = unitCount.get(id);
    if (n === undefined) {
      const members = result.viewMembers.get(id);
      n = members === undefined ? 1 : distinct(members, (r) => result.agencyOf.get(r) ?? r).length;
      unitCount.set(id, n);
    }
    return n;
  };
  const nameOf = (id: string) => viewName(id, result, systemById);
  return clusters.map((cluster) => {
    if (cluster.sharedPlatform !== undefined) return cluster;
    let best = cluster.keeper;
    for (const id of cluster.applications) if (units(id) > units(best)) best = id;
    if (best === cluster.keeper) return cluster;
    const reason = `${nameOf(best)} is already used by ${units(best)} units, more than any other system of the cluster (${nameOf(cluster.keeper)}: ${units(cluster.keeper)}); consolidating onto it moves the fewest units`;
    return {
      ...cluster,
      keeper: best,
      keeperReason: reason,
      applications: [best, ...cluster.applications.filter((id) => id !== best)],
      evidence: [...cluster.evidence, { kind: 'keeper', detail: `keeper by adoption: ${reason} (the detector's choice, ${nameOf(cluster.keeper)}: ${cluster.keeperReason})` }],
    };
  });
}

/**
 * Clusters found on the system-level view, listed by record: `applications` holds, for every member, the
 * records its view record stands for — its system's records in that government (the keeper's first, the
 * keeper itself leading) —, `systems` the system ids and `agencies` every unit using them. The cluster's
 * costs stay as priced per system.
 */
export function expandClusters(clusters: DuplicateCluster[], result: SystemsResult): DuplicateCluster[] {
  const systemById = systemsById(result);
  const agencyOf = (r: string) => result.agencyOf.get(r) ?? r;
  return clusters.map((cluster) => {
    // A cluster of national platforms lists thousands of records, most list a handful (see `DistinctList`, text.ts).
    // Indexed loops: run once per analysis, mostly interpreted, where a for…of allocates per item.
    const members = cluster.applications;
    const listed = new DistinctList();
    const withAgency = new DistinctList();
    for (let m = 0; m < members.length; m++) {
      const records = result.viewMembers.get(members[m]!);
      if (records === undefined) {
        listed.add(members[m]!);
        withAgency.add(agencyOf(members[m]!));
        continue;
      }
      for (let k = 0; k < records.length; k++) {
        listed.add(records[k]!);
        withAgency.add(agencyOf(records[k]!));
      }
    }
    for (let k = 0; k < cluster.agencies.length; k++) withAgency.add(cluster.agencies[k]!);
    const applications = listed.items;
    const agencies = withAgency.items;
    const systemIds = new DistinctList();
    for (let m = 0; m < members.length; m++) systemIds.add(result.systemOf.get(members[m]!) ?? members[m]!);
    const systems = systemIds.items;
    const evidence = [...cluster.evidence];
    if (applications.length > cluster.applications.length) {
      // Each member described, only for the clusters that list more records than members.
      const parts: string[] = [];
      for (const id of cluster.applications) {
        const records = result.viewMembers.get(id) ?? [id];
        const units = records.length === 1 ? 1 : distinct(records, agencyOf).length;
        const name = viewName(id, result, systemById);
        parts.push(`${name} ${records.length} record${records.length === 1 ? '' : 's'} in ${units} unit${units === 1 ? '' : 's'}`);
      }
      evidence.push({ kind: 'systems', detail: `${applications.length} records of ${systems.length} systems (${parts.join('; ')}); each system's cost is counted once` });
    }
    return { ...cluster, applications, systems, agencies, evidence };
  });
}

/**
 * Recommendations made on the system-level view, listed by record: a consolidation moves every record its
 * moving view records stand for (every unit must switch); the target stays the keeper's record.
 */
export function expandRecommendations(recommendations: Recommendation[], result: SystemsResult): Recommendation[] {
  return recommendations.map((rec) => {
    if (rec.kind !== 'consolidate' && rec.kind !== 'adopt-common') return rec;
    const targetSystem = rec.target !== undefined ? result.systemOf.get(rec.target) : undefined;
    // Most recommendations move view records that stand for themselves only: those are returned as they are
    // (unless they repeat an id, which the listing below drops), without building the list to find out.
    let expands = false;
    for (let k = 0; k < rec.applications.length && !expands; k++) {
      const id = rec.applications[k]!;
      if (id === rec.target || result.systemOf.get(id) === targetSystem) continue;
      const members = result.viewMembers.get(id);
      expands = members !== undefined && (members.length !== 1 || members[0] !== id);
    }
    if (!expands && allDistinct(rec.applications)) return rec;
    const applications: string[] = [];
    const listed = new Set<string>();
    const list = (r: string) => {
      if (!listed.has(r)) {
        listed.add(r);
        applications.push(r);
      }
    };
    for (const id of rec.applications) {
      const moving = id !== rec.target && result.systemOf.get(id) !== targetSystem;
      const members = moving ? result.viewMembers.get(id) : undefined;
      if (members === undefined) list(id);
      else for (const r of members) list(r);
    }
    if (applications.length === rec.applications.length) return rec;
    const agencies = new Set(rec.agencies);
    for (const id of applications) {
      const a = result.agencyOf.get(id);
      if (a !== undefined) agencies.add(a);
    }
    return { ...rec, applications, agencies: [...agencies] };
  });
}

/** Whether no id repeats (a short list by comparison, a long one through a set). */
function allDistinct(ids: readonly string[]): boolean {
  if (ids.length > 16) return new Set(ids).size === ids.length;
  for (let i = 1; i < ids.length; i++) for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return false;
  return true;
}

/**
 * TIME labels for records that are not their view record: a system moves or stays as a whole in a
 * government, so the records its view record stands for take the view record's label. Written into a copy
 * of `time`, or into `into` when given (pass `time` itself to update it in place).
 */
export function systemTimeLabels<T>(time: Map<string, T>, result: SystemsResult, inCluster: (id: string) => boolean, into?: Map<string, T>): Map<string, T> {
  // Every label is read before any is written, so a caller that owns `time` and passes it as `into` (no
  // copy of 26,000 entries) gets what the copy would hold, in the same order.
  const ids: string[] = [];
  const labels: T[] = [];
  result.viewMembers.forEach((members, view) => {
    if (members.length === 1) return;
    const label = time.get(view);
    if (label === undefined || !inCluster(view)) return;
    for (const id of members) {
      if (id === view) continue;
      ids.push(id);
      labels.push(label);
    }
  });
  const out = into ?? new Map(time);
  for (let k = 0; k < ids.length; k++) out.set(ids[k]!, labels[k]!);
  return out;
}

/** Agency and government metrics with the number of distinct systems each uses. */
export function withSystemsUsed(metrics: AgencyMetrics[], inventory: Inventory, result: SystemsResult, rollUp: boolean): AgencyMetrics[] {
  // The government roll-up only when asked for (its parent map and memo are not free at 5,800 agencies).
  const governmentOf = rollUp ? governmentsOf(inventory) : undefined;
  const systemOf = systemIndexes(inventory, result);
  const used = new Map<string, Set<number>>();
  // Records come grouped by agency: the agency's set is looked up when the agency changes.
  let agencyId: string | undefined;
  let set = new Set<number>();
  inventory.applications.forEach((app, i) => {
    if (app.agencyId !== agencyId) {
      agencyId = app.agencyId;
      const key = governmentOf !== undefined ? governmentOf(agencyId) : agencyId;
      const existing = used.get(key);
      if (existing !== undefined) set = existing;
      else used.set(key, (set = new Set()));
    }
    set.add(systemOf[i]!);
  });
  return metrics.map((m) => ({ ...m, systemsUsed: used.get(m.id)?.size ?? 0 }));
}
