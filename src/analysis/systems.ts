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
 *      local, or unmarked on a regional government's host); two platforms are never one system;
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
 * platform once beside each government's own systems, a regional system once. Records alone in their
 * system pass through every later stage unchanged, so an inventory with one record per system analyses
 * exactly as before.
 */
import type { AgencyMetrics, Application, ApplicationStatus, DuplicateCluster, EvidenceItem, Inventory, Recommendation, System } from '../types.js';
import { compileReference } from '../reference/compile.js';
import type { ReferenceData } from '../reference/index.js';
import { UNIT_ABBREVIATIONS, unitKey } from '../catalogue/agencies.js';
import type { Classification } from './classify.js';
import { coreName, governmentsOf } from './dup-features.js';
import {
  BOILERPLATE,
  REGION_WORDS,
  STOPWORDS,
  UNIT_ABBREVIATIONS as UNIT_WORDS,
  isRegionalHost,
  maximalMatches,
  parseUrl,
  properNameTokens,
  tokenize,
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
  /**
   * Record id → the record that stands for it in the system-level view: one per system and government,
   * so a national platform is seen beside each government's own systems (its units' records of it).
   */
  viewOf: Map<string, string>;
  /** View record → the records it stands for (itself first), inventory order after it. */
  viewMembers: Map<string, string[]>;
  /** Record id → its agency. */
  agencyOf: Map<string, string>;
  /** System id → its function, when its records agree on one (see the module header). */
  functionOf: Map<string, string | undefined>;
  /** View record → the function its records agree on, else its system's (a government's own codes count). */
  viewFunction: Map<string, string | undefined>;
  stats: { records: number; systems: number; multiRecordSystems: number; recordsInMultiRecordSystems: number };
}

/** Why a record joined its system: the rule, and the key it joined on. */
type JoinKind = 'shared-platform' | 'same-address' | 'national-name' | 'same-name';

interface RecordInfo {
  app: Application;
  /** The record's address, unless another system at the same address took it (a copied address). */
  url?: UrlInfo;
  /** Address key (rule 2), scoped to the agency for private addresses. */
  addressKey?: string;
  /** The address as the system shows it (the key, unscoped). */
  address?: string;
  platform?: string;
  nameKey?: string;
  /** Core name words and the compact name, for "do these names agree". */
  words: Set<string>;
  compact: string;
  /** The name is (or contains) a word of its own address: "sukma" at sukma.jatimprov.go.id. */
  namesItsAddress: boolean;
  /** The address is a regional government's (or an IP): `isRegionalHost` of `url`, taken once. */
  regional: boolean;
  government: string;
  fn?: string;
  confidence: number;
  /** A generic capability (website, GIS, messaging): one name says nothing about being one system. */
  generic: boolean;
}

/** Union-find over records, remembering each group's members and its confident function. */
class Groups {
  private readonly parent: Int32Array;
  private readonly fn: Array<string | undefined>;
  private readonly platform: Array<string | undefined>;
  private readonly members: number[][];
  readonly joins: Array<{ a: number; b: number; kind: JoinKind; key: string }> = [];

  constructor(
    private readonly records: RecordInfo[],
    minConfidence: number,
  ) {
    this.parent = Int32Array.from({ length: records.length }, (_, i) => i);
    this.fn = records.map((r) => (r.confidence >= minConfidence ? r.fn : undefined));
    this.platform = records.map((r) => r.platform);
    this.members = records.map((_, i) => [i]);
  }

  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }

  membersOf(x: number): readonly number[] {
    return this.members[this.find(x)]!;
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
    // Two shared platforms are two systems, whatever address or name they share (SIPD's two modules).
    const pi = this.platform[ri];
    const pg = this.platform[rg];
    if (pi !== undefined && pg !== undefined && pi !== pg) return false;
    if (groupNamesAgree(this.records, this.members[ri]!, this.members[rg]!)) return true;
    return this.fn[ri] === this.fn[rg];
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
    this.members[ra]!.push(...this.members[rb]!);
    this.members[rb] = [];
    this.joins.push({ a, b, kind, key });
    return true;
  }
}

/** Members compared per group before names are called different: enough for any real catalogue's group. */
const NAME_CHECK_LIMIT = 16;

function namesAgree(x: RecordInfo, y: RecordInfo): boolean {
  if (x.nameKey !== undefined && x.nameKey === y.nameKey) return true;
  for (const w of x.words) if (y.words.has(w)) return true;
  const [short, long] = x.compact.length <= y.compact.length ? [x.compact, y.compact] : [y.compact, x.compact];
  return short.length >= 3 && long.includes(short);
}

function groupNamesAgree(records: RecordInfo[], a: readonly number[], b: readonly number[]): boolean {
  const left = a.slice(0, NAME_CHECK_LIMIT);
  const right = b.slice(0, NAME_CHECK_LIMIT);
  if (left.some((i) => records[i]!.namesItsAddress) && right.some((j) => records[j]!.namesItsAddress) && records[left[0]!]!.addressKey === records[right[0]!]!.addressKey) {
    return true;
  }
  return left.some((i) => right.some((j) => namesAgree(records[i]!, records[j]!)));
}

export function reconcileSystems(
  inventory: Inventory,
  classification: Map<string, Classification>,
  reference: ReferenceData,
  options: SystemOptions = {},
): SystemsResult {
  const o = { ...SYSTEM_DEFAULTS, ...options };
  const compiled = compileReference(reference);
  const regionTokens = properNameTokens(inventory.agencies.flatMap((a) => [a.name, a.region]), compiled.vocabulary);
  const governmentOf = governmentsOf(inventory);
  const owners = new OwnerIndex(inventory, o.developerProperties);
  const describe = recordDescriber(compiled, regionTokens, governmentOf, owners);
  const records: RecordInfo[] = inventory.applications.map((app) => describe(app, classification.get(app.id)));
  const groups = new Groups(records, o.minFunctionConfidence);

  joinByKey(groups, records, (r) => (r.platform !== undefined ? `plt|${r.platform}` : undefined), 'shared-platform', true);
  joinByKey(groups, records, (r) => r.addressKey, 'same-address');
  dropCopiedAddresses(groups, records);
  joinByKey(groups, records, (r) => (r.platform === undefined && r.app.origin === 'national' && r.nameKey !== undefined ? `nat|${r.nameKey}` : undefined), 'national-name');
  if (o.sameNameIsSameSystem ?? inventory.source.format.startsWith('flat')) joinSameName(groups, records);

  return describeSystems(inventory, records, groups, reference, owners);
}

/** What a record's name says, whoever reports it. */
interface NameFacts {
  nameKey?: string;
  words: Set<string>;
  compact: string;
  /** The shared platform the name is, unless the record turns out to be a local build (computed on first need). */
  platform?: string | null;
}

/** What a record's address says, whoever reports it. */
interface UrlFacts {
  url?: UrlInfo;
  key?: string;
  privateAddress: boolean;
  /** isRegionalHost (true for an IP). */
  regional: boolean;
  /** Words of the address that can name an application (not a unit's word): matched against the name. */
  ownWords: string[];
}

/**
 * Describes records, each distinct name and address once: a national inventory repeats a few thousand
 * names and addresses across tens of thousands of records, and the name and address facts depend on
 * nothing else (the shared sets and UrlInfo objects are never mutated; a copied address is dropped by
 * deleting the record's reference to it).
 */
function recordDescriber(
  compiled: ReturnType<typeof compileReference>,
  regionTokens: ReadonlySet<string>,
  governmentOf: (agencyId: string) => string,
  owners: OwnerIndex,
): (app: Application, c: Classification | undefined) => RecordInfo {
  const names = new Map<string, NameFacts>();
  const urls = new Map<string, UrlFacts>();
  const isUnit = (label: string) => owners.isUnit(label);
  const nameFacts = (name: string): NameFacts => {
    let facts = names.get(name);
    if (facts === undefined) {
      const { core, canonical } = coreName(name, compiled, regionTokens);
      facts = {
        nameKey: canonical ?? (core.length > 0 ? core.join(' ') : undefined),
        words: new Set(core.filter((w) => w.length >= 3)),
        compact: compactName(name),
      };
      names.set(name, facts);
    }
    return facts;
  };
  const urlFacts = (raw: string | undefined): UrlFacts => {
    const cacheKey = raw ?? '';
    let facts = urls.get(cacheKey);
    if (facts === undefined) {
      const url = parseUrl(raw);
      facts = {
        url,
        key: addressKey(url, isUnit),
        privateAddress: url !== undefined && url.isIp && isPrivateIp(url.host),
        regional: url !== undefined && isRegionalHost(url, regionTokens),
        // A unit's word in the address ("rsud", "diskominfo") names who runs the host, not the application.
        ownWords: url !== undefined ? addressWords(url).filter((w) => !UNIT_WORDS.has(w) && !owners.isUnit(w)) : [],
      };
      urls.set(cacheKey, facts);
    }
    return facts;
  };
  return (app, c) => {
    const name = nameFacts(app.name);
    const { url, key, privateAddress, regional, ownWords } = urlFacts(app.url);
    const regionalHost = url !== undefined && !url.isIp && regional;
    const compact = name.compact;
    // A platform's name counts unless the record says it is a local build: marked local (regions build their
    // own "e-Kinerja"), or unmarked on a regional government's host. A private address does not say so: it is
    // how units reach national systems over VPN.
    const builtHere = app.origin === 'local' || (app.origin === undefined && regionalHost);
    let platform = c?.sharedPlatform;
    if (platform === undefined && !builtHere) {
      if (name.platform === undefined) name.platform = platformByName(app.name, compiled, regionTokens) ?? null;
      platform = name.platform ?? undefined;
    }
    return {
      app,
      url,
      addressKey: key === undefined ? undefined : privateAddress ? `${app.agencyId}|${key}` : key,
      address: key,
      platform,
      nameKey: name.nameKey,
      words: name.words,
      compact,
      namesItsAddress: ownWords.some((w) => compact.includes(w)),
      regional,
      government: governmentOf(app.agencyId),
      fn: c?.function,
      confidence: c?.confidence ?? 0,
      generic: c?.generic ?? false,
    };
  };
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
  const labels = host.split('.');
  const apex = labels.length <= 2 || (labels.length === 3 && SECOND_LEVEL.has(labels[1]!));
  const shared = url.isIp || apex || SHARED_FIRST_LABELS.has(labels[0]!) || isUnitLabel(labels[0]!);
  return shared && path.length > 0 ? `${host}/${path[0]}` : host;
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
function joinByKey(groups: Groups, records: RecordInfo[], keyOf: (r: RecordInfo) => string | undefined, kind: JoinKind, force = false): void {
  const anchors = new Map<string, number[]>();
  records.forEach((r, i) => {
    const key = keyOf(r);
    if (key === undefined) return;
    const list = anchors.get(key);
    if (list === undefined) {
      anchors.set(key, [i]);
      return;
    }
    if (!list.some((anchor) => groups.union(anchor, i, kind, key, force))) list.push(i);
  });
}

/**
 * Where one address ended up in several groups, the largest keeps it; the others' records lose it (it
 * was copied from the other system's row), so it neither anchors rule 4 nor decides their origin.
 */
function dropCopiedAddresses(groups: Groups, records: RecordInfo[]): void {
  const byKey = new Map<string, Set<number>>();
  records.forEach((r, i) => {
    if (r.addressKey === undefined) return;
    const roots = byKey.get(r.addressKey) ?? new Set<number>();
    roots.add(groups.find(i));
    byKey.set(r.addressKey, roots);
  });
  for (const [key, roots] of byKey) {
    if (roots.size < 2) continue;
    const ranked = [...roots].sort((x, y) => groups.membersOf(y).length - groups.membersOf(x).length || x - y);
    for (const root of ranked.slice(1)) {
      for (const i of groups.membersOf(root)) {
        const r = records[i]!;
        if (r.addressKey === key) {
          delete r.url;
          delete r.addressKey;
          delete r.address;
          r.namesItsAddress = false;
        }
      }
    }
  }
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
  const hostRoots = new Set<number>();
  const platformRoots = new Set<number>();
  records.forEach((r, i) => {
    if (r.url !== undefined && !r.url.isIp) hostRoots.add(groups.find(i));
    if (r.platform !== undefined) platformRoots.add(groups.find(i));
  });
  const byName = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.nameKey === undefined || r.generic) return;
    const key = `${r.government}|${r.nameKey}`;
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  for (const [key, members] of byName) {
    if (members.length < 2) continue;
    const candidates = members.filter((i) => !platformRoots.has(groups.find(i)));
    const hosted = [...new Set(candidates.map((i) => groups.find(i)).filter((root) => hostRoots.has(root)))];
    if (hosted.length > 1) continue;
    const loose = candidates.filter((i) => !hostRoots.has(groups.find(i)));
    const anchor = hosted[0] ?? loose[0];
    if (anchor === undefined) continue;
    for (const i of loose) groups.union(anchor, i, 'same-name', key.slice(key.indexOf('|') + 1));
  }
}

// ───────────────────────────── describing systems ─────────────────────────────

interface Draft {
  members: number[];
  joins: Array<{ kind: JoinKind; key: string; a: number; b: number }>;
}

function describeSystems(
  inventory: Inventory,
  records: RecordInfo[],
  groups: Groups,
  reference: ReferenceData,
  owners: OwnerIndex,
): SystemsResult {
  const drafts = new Map<number, Draft>();
  records.forEach((_, i) => {
    const root = groups.find(i);
    let d = drafts.get(root);
    if (d === undefined) {
      d = { members: [], joins: [] };
      drafts.set(root, d);
    }
    d.members.push(i);
  });
  for (const join of groups.joins) drafts.get(groups.find(join.a))!.joins.push(join);

  const agencyName = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  const usedIds = new Set<string>();
  const systems: System[] = [];
  const systemOf = new Map<string, string>();
  const representativeOf = new Map<string, string>();
  const viewOf = new Map<string, string>();
  const viewMembers = new Map<string, string[]>();
  const viewFunction = new Map<string, string | undefined>();
  const functionOf = new Map<string, string | undefined>();
  const agencyOf = new Map<string, string>();
  for (const r of records) agencyOf.set(r.app.id, r.app.agencyId);
  let multi = 0;
  let inMulti = 0;
  for (const draft of drafts.values()) {
    const members = draft.members.map((i) => records[i]!);
    const platformId = members.find((r) => r.platform !== undefined)?.platform;
    const platform = platformId !== undefined ? reference.platformById.get(platformId) : undefined;
    const usedBy = members.length === 1 ? [members[0]!.app.agencyId] : [...new Set(members.map((r) => r.app.agencyId))];
    const origin = originOf(members, platform?.designation, usedBy.length);
    const fn = systemFunction(members);
    const owner = origin === 'national' ? platform?.owner : owners.ownerOf(members);
    const rep = representative(members, fn, owner);
    const id = uniqueId(systemIdOf(platformId, members, rep), usedIds);
    const address = commonAddress(members);
    const system: System = {
      id,
      name: platform?.name ?? commonName(members),
      records: members.map((r) => r.app.id),
      usedBy,
      origin,
      ...(address !== undefined ? { address } : {}),
      ...(owner !== undefined ? { owner } : {}),
      ...(platformId !== undefined ? { sharedPlatform: platformId } : {}),
    };
    const evidence = draft.joins.length > 0 ? joinEvidence(draft, records, agencyName) : [];
    if (evidence.length > 0) system.evidence = evidence;
    systems.push(system);
    representativeOf.set(id, rep.app.id);
    functionOf.set(id, fn);
    for (const r of members) systemOf.set(r.app.id, id);
    for (const part of byGovernment(members)) {
      const partFn = systemFunction(part) ?? fn;
      const view = part.includes(rep) && rep.fn === partFn ? rep : representative(part, partFn, owner);
      viewMembers.set(view.app.id, part.length === 1 ? [view.app.id] : [view.app.id, ...part.filter((r) => r !== view).map((r) => r.app.id)]);
      viewFunction.set(view.app.id, partFn);
      for (const r of part) viewOf.set(r.app.id, view.app.id);
    }
    if (members.length > 1) {
      multi++;
      inMulti += members.length;
    }
  }
  return {
    systems,
    systemOf,
    representativeOf,
    viewOf,
    viewMembers,
    agencyOf,
    functionOf,
    viewFunction,
    stats: { records: records.length, systems: systems.length, multiRecordSystems: multi, recordsInMultiRecordSystems: inMulti },
  };
}

/** A system's records split by top-level government, in order of first appearance. */
function byGovernment(members: RecordInfo[]): RecordInfo[][] {
  if (members.length === 1) return [members];
  const parts = new Map<string, RecordInfo[]>();
  for (const r of members) {
    const part = parts.get(r.government);
    if (part) part.push(r);
    else parts.set(r.government, [r]);
  }
  return [...parts.values()];
}

function originOf(members: RecordInfo[], designation: string | undefined, units: number): System['origin'] {
  if (designation !== undefined) return designation === 'provincial' ? 'regional' : 'national';
  const hosted = members.filter((r) => r.url !== undefined);
  const regional = hosted.flatMap((r) => (r.regional ? [r.url!] : []));
  if (hosted.some((r) => !r.url!.isIp && r.url!.host.endsWith('.go.id') && !r.regional)) return 'national';
  // A tie in the catalogue's own labels goes to national: units list a national system as their own more
  // often than the reverse.
  const national = members.filter((r) => r.app.origin === 'national').length;
  const local = members.filter((r) => r.app.origin === 'local').length;
  if (regional.length === 0 && national > 0 && national >= local) return 'national';
  if (units >= 2 || regional.some((u) => u.host.split('.').some((label) => /prov$/.test(label)))) return 'regional';
  return 'local';
}

/** The function the records' confidences add up to most, unless more records are unclassified than that sum. */
function systemFunction(members: RecordInfo[]): string | undefined {
  if (members.length === 1) return members[0]!.fn;
  const votes = new Map<string, number>();
  let unclassified = 0;
  for (const r of members) {
    if (r.fn === undefined) unclassified++;
    else votes.set(r.fn, (votes.get(r.fn) ?? 0) + r.confidence);
  }
  let best: string | undefined;
  let bestVote = 0;
  for (const [fn, vote] of votes) {
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
 * the most common name.
 */
function representative(members: RecordInfo[], fn: string | undefined, owner: string | undefined): RecordInfo {
  if (members.length === 1) return members[0]!;
  const ofFunction = fn !== undefined ? members.filter((r) => r.fn === fn) : [];
  const pool = ofFunction.length > 0 ? ofFunction : members;
  const own = owner !== undefined ? pool.find((r) => r.app.agencyId === owner) : undefined;
  if (own !== undefined) return own;
  const counts = new Map<string, number>();
  for (const r of members) counts.set(r.compact, (counts.get(r.compact) ?? 0) + 1);
  let best = pool[0]!;
  for (const r of pool) {
    const better = r.confidence > best.confidence || (r.confidence === best.confidence && (counts.get(r.compact) ?? 0) > (counts.get(best.compact) ?? 0));
    if (better) best = r;
  }
  return best;
}

function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The name most records use (compared compacted), written as first seen. */
function commonName(members: RecordInfo[]): string {
  if (members.length === 1) return members[0]!.app.name;
  const counts = new Map<string, { name: string; n: number }>();
  for (const r of members) {
    const key = r.compact || r.app.name;
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
  for (const r of members) if (r.address !== undefined && r.address === r.addressKey) counts.set(r.address, (counts.get(r.address) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [key, count] of counts) {
    if (count > n) {
      best = key;
      n = count;
    }
  }
  return best;
}

function systemIdOf(platform: string | undefined, members: RecordInfo[], rep: RecordInfo): string {
  if (platform !== undefined) return `sys-${platform}`;
  return members.length === 1 ? `sys-${rep.app.id}` : `sys-${members[0]!.app.id}`;
}

function uniqueId(id: string, used: Set<string>): string {
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

/** One evidence item per rule that joined records, naming the key and how many records it joined. */
function joinEvidence(draft: Draft, records: RecordInfo[], agencyName: Map<string, string>): EvidenceItem[] {
  const byRule = new Map<string, { kind: JoinKind; key: string; records: Set<number> }>();
  for (const j of draft.joins) {
    const ruleKey = `${j.kind}|${j.key}`;
    let entry = byRule.get(ruleKey);
    if (entry === undefined) {
      entry = { kind: j.kind, key: j.key, records: new Set() };
      byRule.set(ruleKey, entry);
    }
    entry.records.add(j.a).add(j.b);
  }
  return [...byRule.values()].map(({ kind, key, records: joined }) => {
    const shown = [...joined].slice(0, 4).map((i) => `${records[i]!.app.name} (${agencyName.get(records[i]!.app.agencyId) ?? records[i]!.app.agencyId})`);
    const more = joined.size > shown.length ? ` and ${joined.size - shown.length} more` : '';
    return { kind, detail: `${joined.size} records are ${JOIN_WHY[kind]} (${key.replace(/^(plt|nat)\|/, '').replace(/^.*\|/, '')}): ${shown.join(', ')}${more}` };
  });
}

/**
 * Which unit builds a system: a developer property naming a unit of the inventory, or a host label that
 * is a unit's abbreviation or a distinctive word of its name (dlh, kesbangpol, dpmptsp, perhubungan).
 */
class OwnerIndex {
  private readonly byKey = new Map<string, string | null>();
  /** `lookup` per text asked: host labels and developer names repeat across thousands of records. */
  private readonly looked = new Map<string, string | null>();

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
    const wordUse = new Map<string, number>();
    const words = new Map<string, string[]>();
    // A unit named after its region ("Kecamatan Madiun") must not own every host that names the region.
    const keyOf = new Map<string, string>();
    const unitKeyOf = (name: string): string => {
      let key = keyOf.get(name);
      if (key === undefined) keyOf.set(name, (key = unitKey(name)));
      return key;
    };
    const governmentWords = new Set(inventory.agencies.filter((a) => a.level !== 'unit').flatMap((a) => unitKeyOf(a.name).split(' ')));
    for (const agency of inventory.agencies) {
      if (agency.level !== 'unit') continue;
      const key = unitKeyOf(agency.name);
      const distinctive = key.split(' ').filter((w) => w.length >= 5 && !governmentWords.has(w));
      words.set(agency.id, distinctive);
      for (const w of distinctive) wordUse.set(w, (wordUse.get(w) ?? 0) + 1);
    }
    for (const agency of inventory.agencies) {
      const key = unitKeyOf(agency.name);
      const names = [agency.id.slice(agency.id.lastIndexOf('/') + 1).replace(/-/g, ''), key.replace(/ /g, ''), agency.name.toLowerCase().replace(/[^a-z0-9]/g, '')];
      const explicit = /\(([A-Za-z]{2,12})\)\s*$/.exec(agency.name)?.[1]?.toLowerCase();
      if (explicit !== undefined) names.push(explicit);
      names.push(...(reverse.get(key) ?? []));
      if (agency.level === 'unit') {
        const initials = key.split(' ').filter((w) => w !== 'dan' && w.length > 0).map((w) => w[0]).join('');
        if (initials.length >= 3) names.push(initials);
        for (const w of words.get(agency.id) ?? []) if (wordUse.get(w) === 1) names.push(w);
      }
      for (const name of names) this.add(name, agency.id);
    }
  }

  private add(key: string, agencyId: string): void {
    if (key === '') return;
    const existing = this.byKey.get(key);
    this.byKey.set(key, existing === undefined || existing === agencyId ? agencyId : null);
  }

  /** True when `label` (a host's first label) is a unit's abbreviation or name: the unit's own host. */
  isUnit(label: string): boolean {
    return this.lookup(label) !== undefined;
  }

  private lookup(text: string): string | undefined {
    let found = this.looked.get(text);
    if (found === undefined) {
      found = this.byKey.get(compactName(text)) ?? null;
      this.looked.set(text, found);
    }
    return found ?? undefined;
  }

  ownerOf(members: RecordInfo[]): string | undefined {
    for (const r of members) {
      for (const property of this.developerProperties) {
        const text = r.app.properties[property];
        const owner = text !== undefined ? (this.lookup(text) ?? this.lookup(unitKey(text))) : undefined;
        if (owner !== undefined) return owner;
      }
    }
    const found = new Set<string>();
    for (const r of members) {
      if (r.url === undefined || r.url.isIp) continue;
      for (const label of r.url.host.split('.').slice(0, -2)) {
        const owner = this.lookup(label);
        if (owner !== undefined) found.add(owner);
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
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
 * used by eight units of one government once. A group of several records is its view record with the
 * group's status (the most alive), users and given costs summed, datasets joined, origin national or local
 * as the system's, and the function its records agree on (else the system's); exchanges are moved onto
 * view records. Single-record systems are their record, untouched.
 */
export function systemView(inventory: Inventory, result: SystemsResult, classification: Map<string, Classification>): SystemView {
  const byId = new Map(inventory.applications.map((a) => [a.id, a]));
  const systemById = new Map(result.systems.map((s) => [s.id, s]));
  const applications: Application[] = [];
  const viewClassification = new Map<string, Classification>();
  const best = bestClassification(classification);
  // A national platform has a view record in every government using it: its best record of a function is
  // looked for once per system and function, not once per view record.
  const bestOfSystem = new Map<string, Classification | undefined>();
  for (const app of inventory.applications) {
    const members = result.viewMembers.get(app.id);
    if (members === undefined) continue;
    const system = systemById.get(result.systemOf.get(app.id)!)!;
    const c = classification.get(app.id);
    if (system.records.length === 1) {
      applications.push(app);
      if (c !== undefined) viewClassification.set(app.id, c);
      continue;
    }
    const group = members.map((id) => byId.get(id)!);
    applications.push(aggregate(app, group, system));
    const fn = result.viewFunction.get(app.id);
    let found = best(members, fn);
    if (found === undefined) {
      const key = `${system.id}\u0000${fn}`;
      if (!bestOfSystem.has(key)) bestOfSystem.set(key, best(system.records, fn));
      found = bestOfSystem.get(key);
    }
    viewClassification.set(app.id, systemClassification(system, found));
  }
  // Most exchanges join records that are their own view records: those are kept as they are, not copied.
  const exchanges: Inventory['exchanges'] = [];
  for (const x of inventory.exchanges) {
    const sourceId = result.viewOf.get(x.sourceId) ?? x.sourceId;
    const targetId = result.viewOf.get(x.targetId) ?? x.targetId;
    if (sourceId === targetId && x.sourceId !== x.targetId) continue;
    exchanges.push(sourceId === x.sourceId && targetId === x.targetId ? x : { ...x, sourceId, targetId });
  }
  return { inventory: { ...inventory, applications, exchanges }, classification: viewClassification };
}

function aggregate(view: Application, group: Application[], system: System): Application {
  const out: Application = { ...view, datasets: [...new Set(group.flatMap((m) => m.datasets))], properties: { ...view.properties } };
  const statuses = group.flatMap((m) => (m.status !== undefined ? [m.status] : []));
  if (statuses.length > 0) out.status = statuses.reduce((a, b) => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a));
  const users = group.flatMap((m) => (m.users !== undefined ? [m.users] : []));
  if (users.length > 0) out.users = users.reduce((a, b) => a + b, 0);
  const costs = group.flatMap((m) => (m.annualCost !== undefined ? [m.annualCost] : []));
  if (costs.length > 0) out.annualCost = costs.reduce((a, b) => a + b, 0);
  else delete out.annualCost;
  out.origin = system.origin === 'national' ? 'national' : 'local';
  return out;
}

/** The most confident classification of function `fn` among the records (the first of equals), if any. */
function bestClassification(classification: Map<string, Classification>) {
  return (records: readonly string[], fn: string | undefined): Classification | undefined => {
    if (fn === undefined) return undefined;
    let best: Classification | undefined;
    for (const id of records) {
      const c = classification.get(id);
      if (c !== undefined && c.function === fn && (best === undefined || c.confidence > best.confidence)) best = c;
    }
    return best;
  };
}

/** The system's function, with the confidence and evidence of the group's (else the system's) best record of it (`found`). */
function systemClassification(system: System, found: Classification | undefined): Classification {
  const base: Classification = found !== undefined ? { ...found } : { confidence: 0, evidence: [] };
  if (system.sharedPlatform !== undefined) base.sharedPlatform = system.sharedPlatform;
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
  const systemById = new Map(result.systems.map((s) => [s.id, s]));
  const costOfSystem = new Map<string, number>();
  for (const app of inventory.applications) {
    const s = systemById.get(result.systemOf.get(app.id)!)!;
    if (s.records.length > 1 && s.origin !== 'national' && app.annualCost !== undefined) costOfSystem.set(s.id, (costOfSystem.get(s.id) ?? 0) + app.annualCost);
  }
  const applications = inventory.applications.map((app) => {
    const s = systemById.get(result.systemOf.get(app.id)!)!;
    if (s.records.length === 1) return app;
    if (s.origin === 'national') return app.origin === 'national' ? app : { ...app, origin: 'national' as const };
    const copy: Application = { ...app };
    if (result.representativeOf.get(s.id) === app.id) {
      const total = costOfSystem.get(s.id);
      if (total !== undefined) copy.annualCost = total;
      else delete copy.annualCost;
    } else copy.annualCost = 0;
    return copy;
  });
  return { ...inventory, applications };
}

/** The basis a cost line shows for records whose system's cost sits on its representative. */
export function systemCostBases<T extends { annualCost: number; estimated: boolean; basis: string }>(costs: Map<string, T>, result: SystemsResult): Map<string, T> {
  const out = new Map(costs);
  for (const s of result.systems) {
    if (s.records.length === 1 || s.origin === 'national') continue;
    const rep = result.representativeOf.get(s.id)!;
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
  const systemById = new Map(result.systems.map((s) => [s.id, s]));
  const units = (id: string) => new Set((result.viewMembers.get(id) ?? [id]).map((r) => result.agencyOf.get(r) ?? r)).size;
  const nameOf = (id: string) => systemById.get(result.systemOf.get(id) ?? '')?.name ?? id;
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
  const systemById = new Map(result.systems.map((s) => [s.id, s]));
  return clusters.map((cluster) => {
    const applications: string[] = [];
    const agencies: string[] = [];
    const parts: string[] = [];
    for (const id of cluster.applications) {
      const records = result.viewMembers.get(id) ?? [id];
      for (const r of records) if (!applications.includes(r)) applications.push(r);
      const units = [...new Set(records.map((r) => result.agencyOf.get(r) ?? r))];
      for (const a of units) if (!agencies.includes(a)) agencies.push(a);
      const name = systemById.get(result.systemOf.get(id) ?? '')?.name ?? id;
      parts.push(`${name} ${records.length} record${records.length === 1 ? '' : 's'} in ${units.length} unit${units.length === 1 ? '' : 's'}`);
    }
    for (const a of cluster.agencies) if (!agencies.includes(a)) agencies.push(a);
    const systems = [...new Set(cluster.applications.map((id) => result.systemOf.get(id) ?? id))];
    const evidence = [...cluster.evidence];
    if (applications.length > cluster.applications.length) {
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
    const applications: string[] = [];
    for (const id of rec.applications) {
      const moving = id !== rec.target && result.systemOf.get(id) !== targetSystem;
      for (const r of moving ? (result.viewMembers.get(id) ?? [id]) : [id]) if (!applications.includes(r)) applications.push(r);
    }
    if (applications.length === rec.applications.length) return rec;
    const agencies = [...new Set([...rec.agencies, ...applications.flatMap((id) => (result.agencyOf.has(id) ? [result.agencyOf.get(id)!] : []))])];
    return { ...rec, applications, agencies };
  });
}

/**
 * TIME labels for records that are not their view record: a system moves or stays as a whole in a
 * government, so the records its view record stands for take the view record's label.
 */
export function systemTimeLabels<T>(time: Map<string, T>, result: SystemsResult, inCluster: (id: string) => boolean): Map<string, T> {
  const out = new Map(time);
  for (const [view, members] of result.viewMembers) {
    if (members.length === 1) continue;
    const label = time.get(view);
    if (label === undefined || !inCluster(view)) continue;
    for (const id of members) if (id !== view) out.set(id, label);
  }
  return out;
}

/** Agency and government metrics with the number of distinct systems each uses. */
export function withSystemsUsed(metrics: AgencyMetrics[], inventory: Inventory, result: SystemsResult, rollUp: boolean): AgencyMetrics[] {
  const governmentOf = governmentsOf(inventory);
  const used = new Map<string, Set<string>>();
  for (const app of inventory.applications) {
    const key = rollUp ? governmentOf(app.agencyId) : app.agencyId;
    let set = used.get(key);
    if (set === undefined) {
      set = new Set();
      used.set(key, set);
    }
    set.add(result.systemOf.get(app.id)!);
  }
  return metrics.map((m) => ({ ...m, systemsUsed: used.get(m.id)?.size ?? 0 }));
}
