/**
 * Duplicate systems: groups of distinct systems that do the same job inside one government (a regional
 * government with all its units, or a central agency with its units), which that government could
 * consolidate onto one keeper — and, as an option, the same view across the whole inventory.
 *
 * Method. Practice defines a duplicate as several systems mapped to one business capability (US GAO's
 * grouping of ~2,900 IT investments by business function; SAP LeanIX / Ardoq capability maps; the UK GDS
 * local-government rationalisation engine's "collision" = one taxonomy id twice). siloscope adds the
 * entity-resolution steps those tools leave to people (Christen, "Data Matching", 2012):
 *   1. rows → systems (dup-systems.ts): instances of one shared platform, one national system or one
 *      deployment are ADOPTION of one system, never duplicates of each other;
 *   2. nodes: each system's rows inside one partition — a government by default (`partition:
 *      'government'`), the whole inventory with `partition: 'national'`; functions every unit is expected
 *      to run for itself (`perUnit`: its own website) are partitioned per unit;
 *   3. blocking, sub-quadratic: name-token, name-prefix, lexicon-identity and dataset blocks inside a
 *      partition, capped at `maxBlockSize`, plus a sorted-neighbourhood pass over name keys for names too
 *      common to block on; a function's nodes are never paired all-to-all but linked to one hub — its
 *      shared platform when one is present, else its best keeper;
 *   4. pair scoring: weighted name similarity (lexicon identity, IDF-weighted token Jaccard with acronym
 *      expansion, trigram Dice), description TF-IDF cosine, shared deployment, shared datasets, and a bonus
 *      for the same function; confidently different functions veto the pair (pengaduan ≠ pengadaan);
 *   5. clustering: Kruskal-style union of edges from strongest to weakest, where each group carries the
 *      set of functions compatible with all its members and two groups only join when those sets meet —
 *      one bad edge cannot chain two functions together.
 * How much the function alone says depends on it (data/reference/README.md): a specific capability links
 * every node; a generic one (GIS, messaging) only names that are nothing but the capability; a broad sector
 * mandate, a function every unit runs for itself (its website), or the mission of the agency that runs a
 * national system for it (Kemendagri's population registry) nothing — there, names, addresses or datasets
 * must match too. A dashboard over a function's data never links through the function. An opaque code is
 * read through the function the other evidence infers; two codes never veto records that evidence puts in
 * one function. A name alone cannot carry a pair when the name is known to be reused, or when the two
 * records lean to different functions however weakly; a function that rests only on a reused name does not
 * count twice.
 * A cluster needs at least one system the government built itself: a function served only by shared
 * platforms or national systems is adoption. A cluster lists every row of its member systems; when a shared
 * platform or national system is a member it is the keeper (its row nearest to the local duplicates),
 * otherwise the keeper follows dup-keeper.ts.
 */
import type { DuplicateCluster, EvidenceItem, Inventory } from '../types.js';
import { compileReference } from '../reference/compile.js';
import type { ReferenceData } from '../reference/index.js';
import type { Classification } from './classify.js';
import { buildFeatures, type AppFeatures, type FeatureSet } from './dup-features.js';
import { chooseKeeper, compareKeepers, recordFacts, type KeeperFacts } from './dup-keeper.js';
import { groupSystems, nameKeyOf, type SystemGroup, type SystemKind } from './dup-systems.js';
import { cosineSorted, diceSorted, intersectCount, tokenize, weightedJaccardSorted } from './text.js';

export const DUPLICATE_DEFAULTS = {
  /** Where duplicates are looked for: inside each government, or across the whole inventory. */
  partition: 'government' as 'government' | 'national',
  /**
   * Candidate pairs: `blocked` (the method above), or `all-pairs`, the naive baseline that scores every
   * pair of applications — even across partitions, whose edges it then drops — to measure what blocking
   * saves and whether it loses anything (scripts/lib/eval/baseline.ts).
   */
  candidates: 'blocked' as 'blocked' | 'all-pairs',
  /** Pair score an edge needs to link two systems. */
  threshold: 0.55,
  /** A classification counts as the application's function from this confidence on. */
  minFunctionConfidence: 0.5,
  /** Blocks larger than this are not paired out (the sorted-neighbourhood pass covers identical names). */
  maxBlockSize: 50,
  /** Name words longer than this also block on their first `prefixLength` letters (typos, suffixes). */
  prefixLength: 5,
  /** Sorted-neighbourhood window over name keys. */
  sortedWindow: 3,
  weights: { name: 0.6, description: 0.2, host: 0.25, dataset: 0.15, sameFunction: 0.3, sameGenericFunction: 0.1, descriptionMismatch: 0.1 },
  /** Without the same function, a pair needs this name similarity (or a shared address or datasets). */
  nameOnlyMinSimilarity: 0.8,
  /** Hub edge score = base + span × min(function confidences). */
  hub: { base: 0.5, span: 0.5, genericBase: 0.45, genericSpan: 0.4 },
  /** Matching pairs listed per cluster; the rest are summarised. */
  maxEvidence: 25,
  /**
   * Rows of one government with the same name and no conflicting address are one system: units list the
   * systems they use, so two units listing "SIMPEG" mostly mean the regency's one SIMPEG.
   */
  sameNameIsSameSystem: true,
};

export type DuplicateDefaults = typeof DUPLICATE_DEFAULTS;

export interface DuplicateOptions extends Partial<DuplicateDefaults> {
  /** The inventory graph; its compact index gives exchange degrees (else they come from the exchanges). */
  graph?: { index: { indexOf: Map<string, number>; starts: Int32Array } };
}

export interface DuplicateStats {
  /** Distinct application pairs the blocking proposed. */
  candidates: number;
  /** Pairs scored (candidates of two different systems in one partition; every pair in `all-pairs` mode). */
  scored: number;
  /** Pairs vetoed because their functions differ. */
  vetoed: number;
  /** Applications listed in some cluster. */
  clustered: number;
  systems: number;
  /** Nodes: systems split by partition. */
  nodes: number;
  hubEdges: number;
  acceptedEdges: number;
}

export interface DuplicateSystem {
  /** `sys-<id of its first row>`. */
  id: string;
  kind: SystemKind;
  applications: string[];
  platform?: string;
}

export interface DuplicateResult {
  clusters: DuplicateCluster[];
  /** Scored pair count. */
  pairs: number;
  stats: DuplicateStats;
  /** Systems of several rows, and every system a cluster names: which rows are one system, and why. */
  systems: DuplicateSystem[];
}

interface PairScore {
  score: number;
  name: number;
  description?: number;
  host: boolean;
  datasets: number;
  sameFunction?: string;
  canonical: boolean;
}

interface Edge {
  a: number;
  b: number;
  score: number;
  kind: 'same-function' | 'pair';
  /** Rows behind the edge: the matched pair, or the two nodes' representatives for a hub edge. */
  i: number;
  j: number;
  fn?: string;
  pair?: PairScore;
}

interface GraphNode {
  system: number;
  /** Partition key: government, government and unit for per-unit functions, '' in the national view. */
  part: string;
  /** Feature indices of the system's rows in this partition. */
  rows: number[];
  /** Function the node stands for in hub linking. */
  fn?: string;
  /** Nodes of one hub key and partition link to one hub: the function, for an opaque code with its inferred function. */
  hubKey?: string;
  /** Functions compatible with the node; null = any (unclassified). */
  labels: string[] | null;
  confidence: number;
  /** How the node links to its function's hub: fully, as a pure generic name, or not at all. */
  hub: 'specific' | 'generic' | 'none';
  adopted: boolean;
  facts: KeeperFacts;
}

type Corroboration = 'none' | 'generic' | 'broad';

export function detectDuplicates(
  inventory: Inventory,
  classification: Map<string, Classification>,
  reference: ReferenceData,
  options: DuplicateOptions = {},
): DuplicateResult {
  const o: DuplicateDefaults = { ...DUPLICATE_DEFAULTS, ...options };
  const compiled = compileReference(reference);
  const fs = buildFeatures(inventory, classification, compiled, { minFunctionConfidence: o.minFunctionConfidence, prefixLength: o.prefixLength });
  const F = fs.features;
  const { systemOf, systems } = groupSystems(F, { sameNameIsSameSystem: o.sameNameIsSameSystem });
  const degree = exchangeDegrees(inventory, options.graph);
  const rowFacts = F.map((f) => recordFacts(f.app, degree.get(f.app.id) ?? 0, f.platform ? reference.platformById.get(f.platform) : undefined));

  const rules = functionRules(inventory, fs.governments, reference);
  const { nodes, nodeOfRow } = buildNodes(F, systems, systemOf, rowFacts, reference, rules, o);
  const stats: DuplicateStats = {
    candidates: 0,
    scored: 0,
    vetoed: 0,
    clustered: 0,
    systems: systems.length,
    nodes: nodes.length,
    hubEdges: 0,
    acceptedEdges: 0,
  };
  const edges: Edge[] = hubEdges(nodes, o);
  stats.hubEdges = edges.length;

  const best = new Map<string, Edge>();
  const generic = (code: string, government: number) => rules.corroboration(code, government) !== 'none';
  const naive = o.candidates === 'all-pairs';
  const visit = (i: number, j: number): void => {
    const a = nodeOfRow[i]!;
    const b = nodeOfRow[j]!;
    const relevant = a !== b && nodes[a]!.part === nodes[b]!.part;
    if (!relevant && !naive) return;
    stats.scored++;
    const pair = scorePair(F[i]!, F[j]!, fs, o, generic);
    if (!relevant) return;
    if (pair === undefined) {
      stats.vetoed++;
      return;
    }
    if (pair.score < o.threshold) return;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const previous = best.get(key);
    if (previous === undefined || previous.score < pair.score) best.set(key, { a, b, score: pair.score, kind: 'pair', i, j, pair });
  };
  stats.candidates = naive ? allPairs(F.length, visit) : candidatePairs(fs, o, visit);
  for (const e of best.values()) edges.push(e);

  const { rootOf, accepted, labelsOf } = uniteGuarded(nodes, edges);
  stats.acceptedEdges = accepted.length;

  const { clusters, listed } = buildClusters(inventory, F, systems, nodes, rootOf, accepted, labelsOf, rowFacts, reference, o);
  stats.clustered = new Set(clusters.flatMap((c) => c.applications)).size;

  const resultSystems = systems
    .filter((s) => s.members.length > 1 || listed.has(s.index))
    .map((s): DuplicateSystem => ({ id: systemId(s, F), kind: s.kind, applications: s.members.map((i) => F[i]!.app.id), platform: s.platform }));
  return { clusters, pairs: stats.scored, stats, systems: resultSystems };
}

function systemId(system: SystemGroup, F: AppFeatures[]): string {
  return `sys-${F[system.members[0]!]!.app.id}`;
}

// ───────────────────────────── Nodes and hub edges ─────────────────────────────

/**
 * How much a shared function says on its own: `none` needed beyond it for a specific capability (personnel
 * management, e-procurement); `generic` for capabilities many unrelated systems have (GIS, messaging), where
 * only names that are nothing but the capability link through the function; `broad` for sector mandates
 * (agriculture, transport) and coarse or unknown-granularity codes, where nothing links through the
 * function alone. Inside the agency that runs a shared platform, the platform's function is that agency's
 * own mandate, served by many of its systems (Kemendagri's SIAK, IKD and population-data access; BKN's
 * SIASN and its recruitment system): there it is broad too. An opaque code is read through the function
 * the other evidence infers, when there is one; alone it is the inventory's own grouping and taken as is.
 */
interface FunctionRules {
  corroboration(code: string, government: number, inferred?: string): Corroboration;
  /** Every unit runs its own (its website): partitioned per unit. */
  perUnit(code: string | undefined, inferred?: string): boolean;
}

function functionRules(inventory: Inventory, governments: string[], reference: ReferenceData): FunctionRules {
  const mandates = ownMandates(inventory, governments, reference);
  const effective = (code: string, inferred: string | undefined) => (code.startsWith('opaque:') ? inferred : code);
  return {
    corroboration(code, government, inferred) {
      const fn = effective(code, inferred);
      if (fn === undefined) return 'none';
      const def = reference.functionByCode.get(fn);
      // A function every unit runs for itself says nothing inside one unit either: a unit's site beside the
      // government portal it hosts, or beside its PPID site, are two sites, not one twice.
      if (def === undefined || def.kind !== 'function' || def.broad === true || def.perUnit === true || mandates[government]?.has(fn) === true) return 'broad';
      return def.generic === true ? 'generic' : 'none';
    },
    perUnit(code, inferred) {
      const fn = code === undefined ? undefined : effective(code, inferred);
      return fn !== undefined && reference.functionByCode.get(fn)?.perUnit === true;
    },
  };
}

/** Words an agency's official name may carry or drop ("Kementerian Dalam Negeri Republik Indonesia"). */
const NAME_FILLER: ReadonlySet<string> = new Set(['republik', 'indonesia', 'ri', 'dan', 'pemerintah']);

function agencyNameKey(name: string): string {
  return tokenize(name)
    .filter((t) => !NAME_FILLER.has(t))
    .join(' ');
}

/**
 * Per government index: the functions of the national (or provincial) systems it runs itself, by the
 * platforms' owner names. Designated and mandated common applications (SRIKANDI, SIPD, SIASN) serve
 * administrative functions every agency has, their owner included: an owner's own copy of one is still a
 * duplicate.
 */
function ownMandates(inventory: Inventory, governments: string[], reference: ReferenceData): Array<Set<string> | undefined> {
  const byOwner = new Map<string, Set<string>>();
  for (const p of reference.platforms) {
    if (p.designation !== 'national' && p.designation !== 'provincial') continue;
    for (const owner of p.ownerNames ?? []) {
      const key = agencyNameKey(owner);
      const set = byOwner.get(key) ?? new Set<string>();
      for (const code of [p.function, ...(p.alsoCovers ?? [])]) set.add(code);
      byOwner.set(key, set);
    }
  }
  const nameOf = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  return governments.map((id) => {
    const name = nameOf.get(id);
    return name === undefined ? undefined : byOwner.get(agencyNameKey(name));
  });
}

function hubRule(kind: Corroboration, pure: boolean, view = false): GraphNode['hub'] {
  // A dashboard over a function's data reports on it; it does not do the job, so the function alone never
  // links it.
  if (view) return 'none';
  if (kind === 'none') return 'specific';
  return kind === 'generic' && pure ? 'generic' : 'none';
}

/** One node per system and partition, plus one per further function a shared platform covers (SIPD: planning). */
function buildNodes(
  F: AppFeatures[],
  systems: SystemGroup[],
  systemOf: Int32Array,
  rowFacts: KeeperFacts[],
  reference: ReferenceData,
  rules: FunctionRules,
  o: DuplicateDefaults,
): { nodes: GraphNode[]; nodeOfRow: Int32Array } {
  const nodes: GraphNode[] = [];
  const nodeOfRow = new Int32Array(F.length);
  // A system's rows in one government are one node (numbers as keys); functions run per unit split it by unit.
  const byGovernment = new Map<number, number>();
  const byUnit = new Map<string, number>();
  let scopes = 1;
  for (const f of F) if (f.government >= scopes) scopes = f.government + 1;
  const perUnitOf = systems.map((system) => o.partition !== 'national' && rules.perUnit(system.fn, system.altFns[0]));
  F.forEach((f, i) => {
    const system = systems[systemOf[i]!]!;
    const perUnit = perUnitOf[system.index]!;
    const numeric = system.index * scopes + (o.partition === 'national' ? 0 : f.government);
    const unitKey = perUnit ? `${numeric}|${f.app.agencyId}` : '';
    let k = perUnit ? byUnit.get(unitKey) : byGovernment.get(numeric);
    if (k === undefined) {
      k = nodes.length;
      if (perUnit) byUnit.set(unitKey, k);
      else byGovernment.set(numeric, k);
      const inferred = system.altFns[0];
      nodes.push({
        system: system.index,
        part: o.partition === 'national' ? '' : perUnit ? `${f.government}|${f.app.agencyId}` : `${f.government}`,
        rows: [],
        fn: system.fn,
        // An opaque code with an inferred function joins that function's hub; alone it is its own group.
        hubKey: system.fn !== undefined && system.fn.startsWith('opaque:') ? (inferred ?? system.fn) : system.fn,
        labels: system.fn !== undefined ? [system.fn, ...system.altFns] : null,
        confidence: system.fnConfidence,
        hub: system.fn === undefined ? 'none' : hubRule(rules.corroboration(system.fn, f.government, inferred), system.pure, system.view),
        adopted: system.adopted,
        facts: rowFacts[i]!,
      });
    }
    nodes[k]!.rows.push(i);
    nodeOfRow[i] = k;
  });
  for (const node of nodes) node.facts = aggregateFacts(node.rows, F, rowFacts);

  const primary = nodes.length;
  for (let k = 0; k < primary; k++) {
    const node = nodes[k]!;
    const platformId = systems[node.system]!.platform;
    const platform = platformId !== undefined ? reference.platformById.get(platformId) : undefined;
    for (const code of platform?.alsoCovers ?? []) {
      if (code === node.fn) continue;
      nodes.push({ ...node, fn: code, hubKey: code, labels: [code], confidence: 1, hub: hubRule(rules.corroboration(code, F[node.rows[0]!]!.government), true) });
    }
  }
  return { nodes, nodeOfRow };
}

/**
 * Links every node of a function in one partition to the function's hub instead of pairing them all: a
 * shared platform when one serves the function, else the best keeper.
 */
function hubEdges(nodes: GraphNode[], o: DuplicateDefaults): Edge[] {
  const groups = new Map<string, number[]>();
  nodes.forEach((node, k) => {
    if (node.hubKey === undefined || node.hub === 'none') return;
    const key = `${node.hubKey}\u0000${node.part}`;
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  });
  const edges: Edge[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    let hub = members[0]!;
    for (const k of members) if (compareKeepers(nodes[k]!.facts, nodes[hub]!.facts) < 0) hub = k;
    const h = nodes[hub]!;
    for (const k of members) {
      if (k === hub) continue;
      const node = nodes[k]!;
      const c = Math.min(node.confidence, h.confidence);
      const score = node.hub === 'generic' ? o.hub.genericBase + o.hub.genericSpan * c : o.hub.base + o.hub.span * c;
      edges.push({ a: hub, b: k, score, kind: 'same-function', i: h.rows[0]!, j: node.rows[0]!, fn: node.fn });
    }
  }
  return edges;
}

// ───────────────────────────── Blocking ─────────────────────────────

/** The naive baseline: every pair. */
function allPairs(n: number, visit: (i: number, j: number) => void): number {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) visit(i, j);
  return (n * (n - 1)) / 2;
}

/** Calls `visit(i, j)` (i < j) once for every candidate pair; returns how many there were. */
function candidatePairs(fs: FeatureSet, o: DuplicateDefaults, visit: (i: number, j: number) => void): number {
  const F = fs.features;
  const n = F.length;
  // In the government view pairs never cross governments, so blocks are per government. Block keys are
  // numbers: a word (name word, name prefix, lexicon identity) or a dataset, combined with the scope.
  const national = o.partition === 'national';
  const scopes = national ? 1 : fs.governments.length;
  const canonicalIds = F.map((f) => (f.canonical !== undefined ? fs.blockWords.id(f.canonical) : -1));
  const datasetBase = fs.blockWords.size;
  const blocks = new Map<number, number[]>();
  const keys = new Set<number>();
  for (let i = 0; i < n; i++) {
    const f = F[i]!;
    keys.clear();
    for (const w of f.blockWords) keys.add(w);
    if (canonicalIds[i]! >= 0) keys.add(canonicalIds[i]!);
    for (const d of f.datasetIds) keys.add(datasetBase + d);
    const base = national ? 0 : f.government;
    for (const word of keys) {
      const key = word * scopes + base;
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  }
  const blocksOf: number[][][] = Array.from({ length: n }, () => []);
  for (const list of blocks.values()) {
    if (list.length < 2 || list.length > o.maxBlockSize) continue;
    for (const i of list) blocksOf[i]!.push(list);
  }

  // Sorted neighbourhood: identical or near-identical name keys end up next to each other.
  const extra: number[][] = Array.from({ length: n }, () => []);
  const keyed: number[] = [];
  for (let i = 0; i < n; i++) if (F[i]!.nameKey !== undefined) keyed.push(i);
  const scopeOf = (i: number) => (national ? 0 : F[i]!.government);
  keyed.sort((a, b) => {
    const d = scopeOf(a) - scopeOf(b);
    if (d !== 0) return d;
    const ka = F[a]!.nameKey!;
    const kb = F[b]!.nameKey!;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  for (let k = 0; k < keyed.length; k++) {
    for (let w = 1; w <= o.sortedWindow && k + w < keyed.length; w++) {
      const a = keyed[k]!;
      const b = keyed[k + w]!;
      extra[Math.min(a, b)]!.push(Math.max(a, b));
    }
  }

  const stamp = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const list of blocksOf[i]!) {
      for (const j of list) {
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        count++;
        visit(i, j);
      }
    }
    for (const j of extra[i]!) {
      if (j <= i || stamp[j] === i) continue;
      stamp[j] = i;
      count++;
      visit(i, j);
    }
  }
  return count;
}

// ───────────────────────────── Pair scoring ─────────────────────────────

/** The pair's score, or undefined when confidently different functions veto it. */
function scorePair(a: AppFeatures, b: AppFeatures, fs: FeatureSet, o: DuplicateDefaults, generic: (code: string, government: number) => boolean): PairScore | undefined {
  // Two given codes that differ do not veto a pair the other evidence puts in one function: codes are wrong
  // often enough (two units coding one SIMPEG differently).
  const altAgree = a.altFn !== undefined && a.altFn === b.altFn;
  if (a.fn !== undefined && b.fn !== undefined && a.fn !== b.fn && a.fn !== b.altFn && a.altFn !== b.fn && !altAgree) return undefined;
  const w = o.weights;
  const canonical = a.canonical !== undefined && a.canonical === b.canonical;
  const name = canonical ? 1 : Math.max(weightedJaccardSorted(a.nameIds, b.nameIds, fs.nameIdf), 0.9 * diceSorted(a.trigramIds, b.trigramIds));
  const description = a.descIds.length > 0 && b.descIds.length > 0 ? cosineSorted(a.descIds, a.descWeights, b.descIds, b.descWeights) : undefined;
  const host = a.system !== undefined && a.system === b.system;
  const shared = a.datasetIds.length > 0 && b.datasetIds.length > 0 ? intersectCount(a.datasetIds, b.datasetIds) : 0;
  const datasets = shared === 0 ? 0 : shared / (a.datasetIds.length + b.datasetIds.length - shared);
  // A function that rests only on a name known to be reused (an unconfident SIKAP) is the name speaking twice.
  const echoes = (f: AppFeatures) => f.ambiguousName && f.fn === undefined;
  // Records coded differently by the inventory share the function the other evidence infers for both.
  const common = a.weakFn !== undefined && a.weakFn === b.weakFn ? a.weakFn : altAgree ? a.altFn : undefined;
  const same = common !== undefined && !echoes(a) && !echoes(b) ? common : undefined;

  let score = w.name * name + w.description * (description ?? 0) + (host ? w.host : 0) + w.dataset * datasets;
  if (same !== undefined) {
    const confidence = Math.min(1, Math.min(a.fnConfidence, b.fnConfidence) / o.minFunctionConfidence);
    score += (generic(same, a.government) ? w.sameGenericFunction : w.sameFunction) * confidence;
  } else {
    if (description !== undefined && description < 0.05) score -= w.descriptionMismatch;
    // Without a shared function, a name must carry the match — and a name known to be reused cannot, nor
    // one whose records lean to different functions, however weakly (a Bappeda's own "SIPD" at data.… beside
    // Kemendagri's SIPD).
    const leanApart = a.weakFn !== undefined && b.weakFn !== undefined && a.weakFn !== b.weakFn && a.weakFn !== b.altFn && a.altFn !== b.weakFn;
    const nameCarries = name >= o.nameOnlyMinSimilarity && !a.ambiguousName && !b.ambiguousName && !leanApart;
    if (!nameCarries && !host && datasets < 0.5) score = Math.min(score, o.threshold - 0.01);
  }
  return { score: Math.min(1, score), name, description, host, datasets, sameFunction: same, canonical };
}

// ───────────────────────────── Guarded union ─────────────────────────────

function meet(a: string[] | null, b: string[] | null): string[] | null | false {
  if (a === null) return b;
  if (b === null) return a;
  const common = a.filter((x) => b.includes(x));
  return common.length === 0 ? false : common;
}

/** Kruskal over edges, strongest first; two groups join only when their function sets meet. */
function uniteGuarded(nodes: GraphNode[], edges: Edge[]): { rootOf: (k: number) => number; accepted: Edge[]; labelsOf: (root: number) => string[] | null } {
  const parent = Int32Array.from({ length: nodes.length }, (_, k) => k);
  const labels: Array<string[] | null> = nodes.map((n) => n.labels);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const accepted: Edge[] = [];
  const order = [...edges].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const e of order) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) {
      accepted.push(e);
      continue;
    }
    const m = meet(labels[ra]!, labels[rb]!);
    if (m === false) continue;
    parent[rb] = ra;
    labels[ra] = m;
    accepted.push(e);
  }
  return { rootOf: find, accepted, labelsOf: (root) => labels[root]! };
}

// ───────────────────────────── Clusters ─────────────────────────────

const UNCLASSIFIED = 'unclassified';

const SYSTEM_WHY: Record<SystemKind, string> = {
  platform: 'shared platform (its instances are adoption, not duplicates)',
  national: 'national system',
  'shared-host': 'deployment (same address)',
  'same-name': 'system (same name in one government)',
  single: 'system',
};

function buildClusters(
  inventory: Inventory,
  F: AppFeatures[],
  systems: SystemGroup[],
  nodes: GraphNode[],
  rootOf: (k: number) => number,
  accepted: Edge[],
  labelsOf: (root: number) => string[] | null,
  rowFacts: KeeperFacts[],
  reference: ReferenceData,
  o: DuplicateDefaults,
): { clusters: DuplicateCluster[]; listed: Set<number> } {
  const listed = new Set<number>();
  const agencyName = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  const describeRow = (i: number) => `${F[i]!.app.name} (${agencyName.get(F[i]!.app.agencyId) ?? F[i]!.app.agencyId})`;

  // Components of two or more nodes only: most nodes stand alone.
  const roots = Int32Array.from(nodes, (_, k) => rootOf(k));
  const sizes = new Int32Array(nodes.length);
  for (const r of roots) sizes[r]!++;
  const components = new Map<number, number[]>();
  roots.forEach((r, k) => {
    if (sizes[r]! < 2) return;
    const list = components.get(r);
    if (list) list.push(k);
    else components.set(r, [k]);
  });
  const edgesByRoot = new Map<number, Edge[]>();
  for (const e of accepted) {
    const r = rootOf(e.a);
    const list = edgesByRoot.get(r);
    if (list) list.push(e);
    else edgesByRoot.set(r, [e]);
  }

  const clusters: DuplicateCluster[] = [];
  for (const [root, members] of components) {
    if (members.length < 2) continue;
    const adopted = members.filter((k) => nodes[k]!.adopted);
    const local = members.filter((k) => !nodes[k]!.adopted);
    if (local.length === 0 || local.length + (adopted.length > 0 ? 1 : 0) < 2) continue;

    const fn = clusterFunction(labelsOf(root), members.map((k) => nodes[k]!));
    const fnName = fn === UNCLASSIFIED ? 'Unclassified (matched by name, address or datasets)' : fn.startsWith('opaque:') ? fn.slice(7) : reference.functionByCode.get(fn)?.name.en;

    // Adopted systems outrank local ones on the keeper criteria, so the keeper is adopted whenever one is a
    // member, and its reason names what sets it apart from the best other candidate.
    const localReps = new Map(local.map((k) => [k, representative(nodes[k]!.rows, F, rowFacts)]));
    const near: Nearness = {
      agencies: new Set([...localReps.values()].map((i) => F[i]!.app.agencyId)),
      governments: new Set([...localReps.values()].map((i) => F[i]!.government)),
    };
    const candidates = [...adopted, ...local];
    const reps = candidates.map((k) => localReps.get(k) ?? representative(nodes[k]!.rows, F, rowFacts, near));
    const facts = candidates.map((k, c) => ({ ...nodes[k]!.facts, id: F[reps[c]!]!.app.id, name: F[reps[c]!]!.app.name }));
    const { keeper: chosen, reason } = chooseKeeper(facts);
    const keeperNode = candidates[facts.indexOf(chosen)]!;
    const keeperRow = reps[facts.indexOf(chosen)]!;

    const ordered = [keeperNode, ...adopted.filter((k) => k !== keeperNode), ...local.filter((k) => k !== keeperNode)];
    const rows: number[] = [keeperRow];
    const seen = new Set<number>(rows);
    for (const k of ordered) {
      listed.add(nodes[k]!.system);
      for (const i of nodes[k]!.rows) {
        if (seen.has(i)) continue;
        seen.add(i);
        rows.push(i);
      }
    }
    const applications = rows.map((i) => F[i]!.app.id);
    const governments = new Set(rows.map((i) => F[i]!.government));
    const platform = systems[nodes[keeperNode]!.system]!.platform;
    const componentEdges = edgesByRoot.get(root) ?? [];

    const evidence: EvidenceItem[] = [
      {
        kind: 'function',
        detail: fn === UNCLASSIFIED ? `${members.length} systems matched by name, address or datasets, none classified` : `${members.length} systems serve ${fn} ${fnName ?? ''}`.trim(),
      },
    ];
    const platformDef = platform !== undefined ? reference.platformById.get(platform) : undefined;
    if (platformDef !== undefined) {
      evidence.push({
        kind: 'shared-platform',
        detail: `${platformDef.name} (${platformDef.owner}) is ${platformDef.designated ? 'a designated Aplikasi Umum' : `a ${platformDef.designation} shared platform`}${platformDef.confirmed ? '' : ' (unconfirmed)'}: ${platformDef.basis}`,
      });
    }
    for (const k of ordered) {
      const node = nodes[k]!;
      if (node.rows.length > 1) {
        evidence.push({ kind: 'system', detail: `${node.rows.length} rows are one ${SYSTEM_WHY[systems[node.system]!.kind]}: ${node.rows.slice(0, 5).map(describeRow).join('; ')}${node.rows.length > 5 ? '; …' : ''}` });
      }
    }
    const pairEvidence = componentEdges.filter((e) => e.a !== e.b).sort((x, y) => y.score - x.score);
    for (const e of pairEvidence.slice(0, o.maxEvidence)) evidence.push(edgeEvidence(e, describeRow, reference));
    if (pairEvidence.length > o.maxEvidence) evidence.push({ kind: 'summary', detail: `${pairEvidence.length - o.maxEvidence} more matching pairs` });

    const bestIncident = new Map<number, number>();
    for (const e of componentEdges) {
      bestIncident.set(e.a, Math.max(bestIncident.get(e.a) ?? 0, e.score));
      bestIncident.set(e.b, Math.max(bestIncident.get(e.b) ?? 0, e.score));
    }
    let confidenceSum = 0;
    for (const k of local) confidenceSum += Math.min(1, bestIncident.get(k) ?? 0);

    clusters.push({
      id: `dup-${fn}-${applications[0]}`,
      function: fn,
      functionName: fnName,
      label: clusterLabel(fnName ?? fn, ordered.map((k) => F[k === keeperNode ? keeperRow : (localReps.get(k) ?? nodes[k]!.rows[0]!)]!.app.name)),
      applications,
      systems: [...new Set(ordered.map((k) => systemId(systems[nodes[k]!.system]!, F)))],
      agencies: [...new Set(rows.map((i) => F[i]!.app.agencyId))],
      keeper: applications[0]!,
      keeperReason: reason,
      scope: governments.size > 1 ? 'cross-agency' : 'within-agency',
      sharedPlatform: platform,
      totalAnnualCost: 0,
      redundantAnnualCost: 0,
      estimatedAnnualSavings: { low: 0, expected: 0, high: 0 },
      confidence: Math.round((confidenceSum / local.length) * 1000) / 1000,
      evidence,
    });
  }
  clusters.sort((a, b) => b.applications.length - a.applications.length || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0) || (a.keeper < b.keeper ? -1 : 1));
  return { clusters, listed };
}

function clusterFunction(labels: string[] | null, members: GraphNode[]): string {
  if (labels === null) return UNCLASSIFIED;
  if (labels.length === 1) return labels[0]!;
  const votes = new Map<string, number>();
  for (const node of members) if (node.fn !== undefined && labels.includes(node.fn)) votes.set(node.fn, (votes.get(node.fn) ?? 0) + 1);
  return [...labels].sort((a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0) || (a < b ? -1 : 1))[0]!;
}

/** Where the local duplicates of a cluster are, to pick the adopted system's nearest row. */
interface Nearness {
  agencies: Set<string>;
  governments: Set<number>;
}

/**
 * The row that stands for a node: among the rows carrying the system's usual name, for an adopted system
 * the one in the same agency as a local duplicate, else in the same government, else the best by the
 * keeper criteria.
 */
function representative(rows: number[], F: AppFeatures[], facts: KeeperFacts[], near?: Nearness): number {
  const typical = typicalRows(rows, F);
  if (near !== undefined) {
    const sameAgency = typical.filter((i) => near.agencies.has(F[i]!.app.agencyId));
    if (sameAgency.length > 0) return bestOf(sameAgency, facts);
    const sameGovernment = typical.filter((i) => near.governments.has(F[i]!.government));
    if (sameGovernment.length > 0) return bestOf(sameGovernment, facts);
  }
  return bestOf(typical, facts);
}

/**
 * The rows that carry the system's usual name: a catalogue row listing five applications in one cell
 * shares a deployment with the real row but should not stand for it.
 */
function typicalRows(rows: number[], F: AppFeatures[]): number[] {
  if (rows.length === 1) return rows;
  const counts = new Map<string, number>();
  for (const i of rows) {
    const key = nameKeyOf(F[i]!) ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = Math.max(...counts.values());
  const typical = rows.filter((i) => counts.get(nameKeyOf(F[i]!) ?? '') === top);
  const shortest = Math.min(...typical.map((i) => F[i]!.core.length));
  return typical.filter((i) => F[i]!.core.length === shortest);
}

function bestOf(rows: number[], facts: KeeperFacts[]): number {
  let best = rows[0]!;
  for (const i of rows) if (compareKeepers(facts[i]!, facts[best]!) < 0) best = i;
  return best;
}

function clusterLabel(fnName: string, names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return `${fnName}: ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}

function edgeEvidence(e: Edge, describeRow: (i: number) => string, reference: ReferenceData): EvidenceItem {
  const pair = `${describeRow(e.i)} ~ ${describeRow(e.j)}`;
  const weight = Math.round(e.score * 1000) / 1000;
  if (e.kind === 'same-function') {
    const name = reference.functionByCode.get(e.fn ?? '')?.name.en;
    return { kind: 'same-function', detail: `${pair}: both serve ${e.fn}${name ? ` ${name}` : ''}`, weight };
  }
  const p = e.pair!;
  const parts: string[] = [];
  if (p.sameFunction !== undefined) parts.push(`same function ${p.sameFunction}`);
  parts.push(p.canonical ? 'same system name in the lexicon' : `name similarity ${p.name.toFixed(2)}`);
  if (p.description !== undefined) parts.push(`description similarity ${p.description.toFixed(2)}`);
  if (p.host) parts.push('same address');
  if (p.datasets > 0) parts.push(`shared datasets ${p.datasets.toFixed(2)}`);
  const kind = p.host ? 'shared-host' : p.datasets >= 0.5 ? 'shared-dataset' : p.sameFunction !== undefined && p.name < 0.5 ? 'same-function' : 'name-similarity';
  return { kind, detail: `${pair}: ${parts.join(', ')}`, weight };
}

// ───────────────────────────── Facts ─────────────────────────────

function aggregateFacts(rows: number[], F: AppFeatures[], rowFacts: KeeperFacts[]): KeeperFacts {
  if (rows.length === 1) return rowFacts[rows[0]!]!;
  const members = rows.map((i) => rowFacts[i]!);
  const best = members.reduce((b, f) => (compareKeepers(f, b) < 0 ? f : b), members[0]!);
  const statuses = members.map((f) => f.status);
  const known = members.filter((f) => f.cost !== undefined);
  return {
    id: best.id,
    name: best.name,
    platform: members.find((f) => f.platform !== undefined)?.platform,
    national: members.some((f) => f.national),
    status: statuses.includes('active') ? 'active' : statuses.includes('development') ? 'development' : statuses.includes(undefined) ? undefined : 'retired',
    records: members.length,
    agencies: new Set(rows.map((i) => F[i]!.app.agencyId)).size,
    users: members.reduce((s, f) => s + f.users, 0),
    degree: members.reduce((s, f) => s + f.degree, 0),
    year: members.reduce<number | undefined>((y, f) => (f.year !== undefined && (y === undefined || f.year > y) ? f.year : y), undefined),
    cost: known.length === 0 ? undefined : known.reduce((s, f) => s + f.cost!, 0),
  };
}

function exchangeDegrees(inventory: Inventory, graph: DuplicateOptions['graph']): Map<string, number> {
  const out = new Map<string, number>();
  if (graph !== undefined) {
    for (const [id, k] of graph.index.indexOf) out.set(id, graph.index.starts[k + 1]! - graph.index.starts[k]!);
    return out;
  }
  for (const x of inventory.exchanges) {
    if (x.sourceId === x.targetId) continue;
    out.set(x.sourceId, (out.get(x.sourceId) ?? 0) + 1);
    out.set(x.targetId, (out.get(x.targetId) ?? 0) + 1);
  }
  return out;
}
