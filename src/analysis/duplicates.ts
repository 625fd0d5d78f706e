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
import { chooseKeeperIndex, compareKeepers, recordFacts, type KeeperFacts } from './dup-keeper.js';
import { groupSystems, nameKeyOf, type SystemGroup, type SystemKind } from './dup-systems.js';
import { cosineSorted, diceSorted, Interner, intersectCount, tokenize, weightedJaccardSorted } from './text.js';

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
  /**
   * Partition: the government's index, or a further id per government and unit for per-unit functions;
   * 0 for every node in the national view. A number, so the pair loop compares partitions without strings.
   */
  part: number;
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
  /** Keeper facts of the node's rows together, once asked (`Facts.node`). */
  facts?: KeeperFacts;
}

/**
 * Keeper facts of rows and of nodes, made when first asked: only nodes that meet a hub or a cluster are
 * ever compared.
 */
interface Facts {
  row(i: number): KeeperFacts;
  node(node: GraphNode): KeeperFacts;
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
  const degreeOf = exchangeDegrees(inventory, options.graph);
  const rowFacts: Array<KeeperFacts | undefined> = new Array(F.length);
  const facts: Facts = {
    row(i) {
      const f = F[i]!;
      return (rowFacts[i] ??= recordFacts(f.app, degreeOf(f.app.id), f.platform ? reference.platformById.get(f.platform) : undefined));
    },
    node(node) {
      return (node.facts ??= aggregateFacts(node.rows, F, facts));
    },
  };

  const rules = functionRules(fs.agencyNames, fs.governments, reference);
  const { nodes, nodeOfRow } = buildNodes(F, systems, systemOf, reference, rules, o);
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
  const edges: Edge[] = hubEdges(nodes, facts, o);
  stats.hubEdges = edges.length;

  // The strongest pair edge per node pair, keyed by the pair's number (lower node × node count + higher).
  const best = new Map<number, Edge>();
  const nodeCount = nodes.length;
  const partOf = partitions(nodes);
  const generic = (code: string, government: number) => rules.corroboration(code, government) !== 'none';
  const naive = o.candidates === 'all-pairs';
  const visit = (i: number, j: number): void => {
    const a = nodeOfRow[i]!;
    const b = nodeOfRow[j]!;
    const relevant = a !== b && partOf[a] === partOf[b];
    if (!relevant && !naive) return;
    stats.scored++;
    const pair = scorePair(F[i]!, F[j]!, fs, o, generic);
    if (!relevant) return;
    if (pair === undefined) {
      stats.vetoed++;
      return;
    }
    if (pair.score < o.threshold) return;
    const key = a < b ? a * nodeCount + b : b * nodeCount + a;
    const previous = best.get(key);
    if (previous === undefined || previous.score < pair.score) best.set(key, { a, b, score: pair.score, kind: 'pair', i, j, pair });
  };
  stats.candidates = naive ? allPairs(F.length, visit) : candidatePairs(fs, o, visit);
  best.forEach((e) => edges.push(e));

  const { rootOf, accepted, labelsOf } = uniteGuarded(nodes, edges);
  stats.acceptedEdges = accepted.length;

  const { clusters, listed } = buildClusters(fs.agencyNames, F, systems, nodes, rootOf, accepted, labelsOf, facts, reference, o);
  stats.clustered = clusteredCount(clusters);
  return { clusters, pairs: stats.scored, stats, systems: describedSystems(systems, listed, F) };
}

function partitions(nodes: GraphNode[]): Int32Array {
  const partOf = new Int32Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) partOf[k] = nodes[k]!.part;
  return partOf;
}

/** Applications listed in some cluster (a row can be in two: a platform node and the node of a function it also covers). */
function clusteredCount(clusters: DuplicateCluster[]): number {
  const clustered = new Set<string>();
  for (let c = 0; c < clusters.length; c++) {
    const applications = clusters[c]!.applications;
    for (let x = 0; x < applications.length; x++) clustered.add(applications[x]!);
  }
  return clustered.size;
}

/** Systems of several rows, and every system a cluster names. */
function describedSystems(systems: SystemGroup[], listed: Set<number>, F: AppFeatures[]): DuplicateSystem[] {
  const out: DuplicateSystem[] = [];
  for (let x = 0; x < systems.length; x++) {
    const s = systems[x]!;
    if (s.members.length === 1 && !listed.has(s.index)) continue;
    const applications: string[] = [];
    for (let y = 0; y < s.members.length; y++) applications.push(F[s.members[y]!]!.app.id);
    out.push({ id: systemId(s, F), kind: s.kind, applications, platform: s.platform });
  }
  return out;
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

function functionRules(agencyNames: ReadonlyMap<string, string>, governments: string[], reference: ReferenceData): FunctionRules {
  const mandates = ownMandates(agencyNames, governments, reference);
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
function ownMandates(agencyNames: ReadonlyMap<string, string>, governments: string[], reference: ReferenceData): Array<Set<string> | undefined> {
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
  const nameOf = agencyNames;
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
  reference: ReferenceData,
  rules: FunctionRules,
  o: DuplicateDefaults,
): { nodes: GraphNode[]; nodeOfRow: Int32Array } {
  const nodes: GraphNode[] = [];
  const nodeOfRow = new Int32Array(F.length);
  const national = o.partition === 'national';
  let scopes = 1;
  for (let i = 0; i < F.length; i++) if (F[i]!.government >= scopes) scopes = F[i]!.government + 1;
  // A system's rows in one government are one node; functions run per unit split it by unit. Most systems
  // lie in one government: their first node is found by system, only further ones by number (system ×
  // scopes + government) or by unit.
  const firstNode = new Int32Array(systems.length).fill(-1);
  const byGovernment = new Map<number, number>();
  const byUnit = new Map<string, number>();
  // Partitions: governments are 0 … scopes - 1, a government's unit (per-unit functions) gets the next free id.
  const unitParts = new Map<string, number>();
  // Per system, once known: whether its function is run per unit (1 / 0), and its labels, shared by its
  // nodes (never mutated: the union builds new label lists).
  const perUnitOf = new Int8Array(systems.length).fill(-1);
  const labelsOf: Array<string[] | null | undefined> = new Array(systems.length);
  for (let i = 0; i < F.length; i++) {
    const f = F[i]!;
    const s = systemOf[i]!;
    const system = systems[s]!;
    let perUnitFlag = perUnitOf[s]!;
    if (perUnitFlag < 0) perUnitFlag = perUnitOf[s] = !national && rules.perUnit(system.fn, system.altFns[0]) ? 1 : 0;
    const perUnit = perUnitFlag === 1;
    const scope = national ? 0 : f.government;
    let k: number | undefined;
    let unitKey = '';
    if (perUnit) {
      unitKey = `${s * scopes + scope}|${f.app.agencyId}`;
      k = byUnit.get(unitKey);
    } else {
      const first = firstNode[s]!;
      if (first >= 0) k = nodes[first]!.part === scope ? first : byGovernment.get(s * scopes + scope);
    }
    if (k === undefined) {
      k = nodes.length;
      let part = scope;
      if (perUnit) {
        byUnit.set(unitKey, k);
        const partKey = `${f.government}|${f.app.agencyId}`;
        const known = unitParts.get(partKey);
        if (known === undefined) {
          part = scopes + unitParts.size;
          unitParts.set(partKey, part);
        } else part = known;
      } else if (firstNode[s]! < 0) firstNode[s] = k;
      else byGovernment.set(s * scopes + scope, k);
      let labels = labelsOf[s];
      if (labels === undefined) labels = labelsOf[s] = system.fn !== undefined ? [system.fn, ...system.altFns] : null;
      const inferred = system.altFns[0];
      nodes.push({
        system: s,
        part,
        rows: [i],
        fn: system.fn,
        // An opaque code with an inferred function joins that function's hub; alone it is its own group.
        hubKey: system.fn !== undefined && system.fn.startsWith('opaque:') ? (inferred ?? system.fn) : system.fn,
        labels,
        confidence: system.fnConfidence,
        hub: system.fn === undefined ? 'none' : hubRule(rules.corroboration(system.fn, f.government, inferred), system.pure, system.view),
        adopted: system.adopted,
        facts: undefined,
      });
    } else nodes[k]!.rows.push(i);
    nodeOfRow[i] = k;
  }

  const primary = nodes.length;
  for (let k = 0; k < primary; k++) {
    const node = nodes[k]!;
    const platformId = systems[node.system]!.platform;
    const platform = platformId !== undefined ? reference.platformById.get(platformId) : undefined;
    if (platform?.alsoCovers === undefined) continue;
    for (const code of platform.alsoCovers) {
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
function hubEdges(nodes: GraphNode[], facts: Facts, o: DuplicateDefaults): Edge[] {
  // Groups by hub key, then partition, in the order they first appear.
  const index = new Map<string, Map<number, number[]>>();
  const groups: number[][] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (node.hubKey === undefined || node.hub === 'none') continue;
    let byPart = index.get(node.hubKey);
    if (byPart === undefined) {
      byPart = new Map();
      index.set(node.hubKey, byPart);
    }
    const list = byPart.get(node.part);
    if (list) list.push(k);
    else {
      const created = [k];
      byPart.set(node.part, created);
      groups.push(created);
    }
  }
  const edges: Edge[] = [];
  for (let g = 0; g < groups.length; g++) {
    const members = groups[g]!;
    if (members.length < 2) continue;
    let hub = members[0]!;
    for (let x = 1; x < members.length; x++) if (compareKeepers(facts.node(nodes[members[x]!]!), facts.node(nodes[hub]!)) < 0) hub = members[x]!;
    const h = nodes[hub]!;
    for (let x = 0; x < members.length; x++) {
      const k = members[x]!;
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

/** Lists of numbers in one flat array: list `k` is `items[start[k]]` … `items[start[k + 1] - 1]`. */
interface Lists {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Calls `visit(i, j)` (i < j) once for every candidate pair; returns how many there were. Rows are visited
 * in order, each row's blocks in the order the blocks first appeared, then its sorted-neighbourhood
 * partners: the first pair found for two nodes stands for them when scores tie, so the order is part of
 * the result. Blocks and neighbour lists are flat typed arrays, not an array per block and per row; each
 * pass is its own function, so each hot loop is optimised on its own.
 */
function candidatePairs(fs: FeatureSet, o: DuplicateDefaults, visit: (i: number, j: number) => void): number {
  const n = fs.features.length;
  const { blockOfEntry, entriesOfRow, blockSizes } = blockKeys(fs, o.partition === 'national');
  const members = blockMembers(entriesOfRow, blockOfEntry, blockSizes);
  const blocksOfRow = rowBlocks(n, members, blockSizes, o.maxBlockSize);
  const neighbours = sortedNeighbours(fs.features, fs.nameKeys, o.partition === 'national', o.sortedWindow);

  const stamp = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let x = blocksOfRow.start[i]!; x < blocksOfRow.start[i + 1]!; x++) {
      const b = blocksOfRow.items[x]!;
      for (let y = members.start[b]!; y < members.start[b + 1]!; y++) {
        const j = members.items[y]!;
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        count++;
        visit(i, j);
      }
    }
    for (let x = neighbours.start[i]!; x < neighbours.start[i + 1]!; x++) {
      const j = neighbours.items[x]!;
      if (j <= i || stamp[j] === i) continue;
      stamp[j] = i;
      count++;
      visit(i, j);
    }
  }
  return count;
}

/**
 * Each row's distinct blocking keys — its name words and prefixes, then its lexicon identity, then its
 * datasets — as block numbers, blocks numbered in the order they first appear. In the government view
 * pairs never cross governments, so a key is a word or dataset combined with the row's government.
 */
function blockKeys(fs: FeatureSet, national: boolean): { blockOfEntry: Int32Array; entriesOfRow: Int32Array; blockSizes: Int32Array } {
  const F = fs.features;
  const n = F.length;
  const scopes = national ? 1 : fs.governments.length;
  const canonicalIds = new Int32Array(n);
  let entries = 0;
  let datasetCount = 0;
  for (let i = 0; i < n; i++) {
    const f = F[i]!;
    canonicalIds[i] = f.canonical !== undefined ? fs.blockWords.id(f.canonical) : -1;
    entries += f.blockWords.length + 1 + f.datasetIds.length;
    // Dataset ids are sorted: the last is the largest.
    if (f.datasetIds.length > 0) datasetCount = Math.max(datasetCount, f.datasetIds[f.datasetIds.length - 1]! + 1);
  }
  // Dataset keys come after every word id, lexicon identities included.
  const datasetBase = fs.blockWords.size;
  const blockOfKey = new BlockNumbers(entries, (datasetBase + datasetCount) * scopes);
  const blockOfEntry = new Int32Array(entries);
  const entriesOfRow = new Int32Array(n + 1);
  // At most one block per entry.
  const blockSizes = new Int32Array(entries);
  let e = 0;
  const addKey = (key: number): void => {
    const b = blockOfKey.numberOf(key);
    blockSizes[b]!++;
    blockOfEntry[e++] = b;
  };
  for (let i = 0; i < n; i++) {
    const f = F[i]!;
    entriesOfRow[i] = e;
    const base = national ? 0 : f.government;
    // Words and datasets are sorted and unique, and the two id ranges are apart: only the lexicon
    // identity can repeat a word id.
    const words = f.blockWords;
    for (let x = 0; x < words.length; x++) addKey(words[x]! * scopes + base);
    const canonical = canonicalIds[i]!;
    if (canonical >= 0 && words.indexOf(canonical) < 0) addKey(canonical * scopes + base);
    const datasets = f.datasetIds;
    for (let x = 0; x < datasets.length; x++) addKey((datasetBase + datasets[x]!) * scopes + base);
  }
  entriesOfRow[n] = e;
  return { blockOfEntry: blockOfEntry.subarray(0, e), entriesOfRow, blockSizes: blockSizes.subarray(0, blockOfKey.size) };
}

/**
 * Block numbers by key, given in order of first appearance. A national inventory has some hundred thousand
 * keys: while they fit in 31 bits they go in an open-addressing table over two typed arrays (Fibonacci
 * hashing, linear probing, at most half full), which costs far less than a Map; larger keys go in a Map.
 */
class BlockNumbers {
  size = 0;
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  private readonly map: Map<number, number> | undefined;

  /** `capacity`: at most how many keys; `keyLimit`: every key is below it. */
  constructor(capacity: number, keyLimit: number) {
    let bits = 10;
    while (1 << bits < capacity * 2) bits++;
    const small = keyLimit <= 0x7fffffff && bits <= 30;
    this.map = small ? undefined : new Map();
    this.keys = new Int32Array(small ? 1 << bits : 0).fill(-1);
    this.values = new Int32Array(small ? 1 << bits : 0);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  /** The key's block number: a new one (the next) for a key not seen before. */
  numberOf(key: number): number {
    if (this.map !== undefined) {
      let b = this.map.get(key);
      if (b === undefined) this.map.set(key, (b = this.size++));
      return b;
    }
    const keys = this.keys;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & this.mask) {
      const k = keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === -1) {
        keys[slot] = key;
        this.values[slot] = this.size;
        return this.size++;
      }
    }
  }
}

/** The rows of each block, ascending. */
function blockMembers(entriesOfRow: Int32Array, blockOfEntry: Int32Array, blockSizes: Int32Array): Lists {
  const blockCount = blockSizes.length;
  const start = new Int32Array(blockCount + 1);
  for (let b = 0; b < blockCount; b++) start[b + 1] = start[b]! + blockSizes[b]!;
  const items = new Int32Array(blockOfEntry.length);
  const fill = start.slice(0, blockCount);
  const n = entriesOfRow.length - 1;
  for (let i = 0; i < n; i++) for (let x = entriesOfRow[i]!; x < entriesOfRow[i + 1]!; x++) items[fill[blockOfEntry[x]!]!++] = i;
  return { start, items };
}

/** Each row's usable blocks (2 … maxBlockSize rows), in block order. */
function rowBlocks(n: number, members: Lists, blockSizes: Int32Array, maxBlockSize: number): Lists {
  const blockCount = blockSizes.length;
  const start = new Int32Array(n + 1);
  for (let b = 0; b < blockCount; b++) {
    if (blockSizes[b]! < 2 || blockSizes[b]! > maxBlockSize) continue;
    for (let x = members.start[b]!; x < members.start[b + 1]!; x++) start[members.items[x]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const items = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let b = 0; b < blockCount; b++) {
    if (blockSizes[b]! < 2 || blockSizes[b]! > maxBlockSize) continue;
    for (let x = members.start[b]!; x < members.start[b + 1]!; x++) items[fill[members.items[x]!]!++] = b;
  }
  return { start, items };
}

/**
 * Sorted neighbourhood: rows ordered by scope and name key, so identical or near-identical name keys end
 * up next to each other; each row's later neighbours within `window`, in the order the window meets them.
 * Keys are ranked once (string order), so the sort compares numbers.
 */
function sortedNeighbours(F: AppFeatures[], nameKeys: Interner, national: boolean, window: number): Lists {
  const n = F.length;
  // Each row's key as a number (`nameKeyId`: rows of one key share it), then each number's rank in string order.
  const idOf = new Int32Array(n);
  let keyedCount = 0;
  for (let i = 0; i < n; i++) {
    idOf[i] = F[i]!.nameKeyId;
    if (idOf[i]! >= 0) keyedCount++;
  }
  const keys = nameKeys.values;
  const byString = keys.slice().sort();
  const rankOfId = new Int32Array(keys.length);
  for (let r = 0; r < byString.length; r++) rankOfId[nameKeys.lookup(byString[r]!)!] = r;

  // Rows by (scope, key rank, row): each packed into one exact number when the product fits, so the sort
  // needs no comparator.
  let scopes = 1;
  for (let i = 0; i < n; i++) if (!national && F[i]!.government >= scopes) scopes = F[i]!.government + 1;
  const ranks = keys.length;
  const keyed = new Int32Array(keyedCount);
  if (scopes * ranks * n <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(keyedCount);
    keyedCount = 0;
    for (let i = 0; i < n; i++) {
      if (idOf[i]! < 0) continue;
      packed[keyedCount++] = ((national ? 0 : F[i]!.government) * ranks + rankOfId[idOf[i]!]!) * n + i;
    }
    packed.sort();
    for (let k = 0; k < keyedCount; k++) keyed[k] = packed[k]! % n;
  } else {
    keyedCount = 0;
    for (let i = 0; i < n; i++) if (idOf[i]! >= 0) keyed[keyedCount++] = i;
    const scopeOf = (i: number) => (national ? 0 : F[i]!.government);
    keyed.sort((a, b) => scopeOf(a) - scopeOf(b) || rankOfId[idOf[a]!]! - rankOfId[idOf[b]!]! || a - b);
  }
  const start = new Int32Array(n + 1);
  for (let k = 0; k < keyed.length; k++) {
    for (let w = 1; w <= window && k + w < keyed.length; w++) start[Math.min(keyed[k]!, keyed[k + w]!) + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const items = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let k = 0; k < keyed.length; k++) {
    for (let w = 1; w <= window && k + w < keyed.length; w++) {
      const a = keyed[k]!;
      const b = keyed[k + w]!;
      items[fill[Math.min(a, b)]!++] = Math.max(a, b);
    }
  }
  return { start, items };
}

// ───────────────────────────── Pair scoring ─────────────────────────────

/** A function that rests only on a name known to be reused (an unconfident SIKAP) is the name speaking twice. */
function echoes(f: AppFeatures): boolean {
  return f.ambiguousName && f.fn === undefined;
}

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
  const parent = new Int32Array(nodes.length);
  const labels: Array<string[] | null> = [];
  for (let k = 0; k < nodes.length; k++) {
    parent[k] = k;
    labels.push(nodes[k]!.labels);
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const accepted: Edge[] = [];
  const order = [...edges].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (let x = 0; x < order.length; x++) {
    const e = order[x]!;
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
  agencyNames: ReadonlyMap<string, string>,
  F: AppFeatures[],
  systems: SystemGroup[],
  nodes: GraphNode[],
  rootOf: (k: number) => number,
  accepted: Edge[],
  labelsOf: (root: number) => string[] | null,
  facts: Facts,
  reference: ReferenceData,
  o: DuplicateDefaults,
): { clusters: DuplicateCluster[]; listed: Set<number> } {
  const listed = new Set<number>();
  const agencyName = agencyNames;
  // A row's description in evidence, made once: rows recur across a cluster's pairs.
  const described: Array<string | undefined> = new Array(F.length);
  const describeRow = (i: number) => (described[i] ??= `${F[i]!.app.name} (${agencyName.get(F[i]!.app.agencyId) ?? F[i]!.app.agencyId})`);

  // Components of two or more nodes only: most nodes stand alone.
  const N = nodes.length;
  const roots = new Int32Array(N);
  const sizes = new Int32Array(N);
  for (let k = 0; k < N; k++) sizes[(roots[k] = rootOf(k))]!++;
  const components = new Map<number, number[]>();
  for (let k = 0; k < N; k++) {
    const r = roots[k]!;
    if (sizes[r]! < 2) continue;
    const list = components.get(r);
    if (list) list.push(k);
    else components.set(r, [k]);
  }
  // Accepted edges come strongest first (uniteGuarded), so each component's list is already in evidence
  // order: by score, descending, ties as accepted.
  const edgesByRoot = new Map<number, Edge[]>();
  for (let x = 0; x < accepted.length; x++) {
    const e = accepted[x]!;
    const r = rootOf(e.a);
    const list = edgesByRoot.get(r);
    if (list) list.push(e);
    else edgesByRoot.set(r, [e]);
  }

  // Per-cluster marks, stamped with the cluster's number instead of a set per cluster: rows listed, agencies
  // and systems named, and each node's strongest edge.
  const rowStamp = new Int32Array(F.length).fill(-1);
  const agencyIndex = new Map<string, number>();
  const agencyStamp: number[] = [];
  const systemStamp = new Int32Array(systems.length).fill(-1);
  const nodeStamp = new Int32Array(N).fill(-1);
  const bestIncident = new Float64Array(N);
  const clusters: DuplicateCluster[] = [];
  let stamp = -1;
  components.forEach((members, root) => {
    if (members.length < 2) return;
    const adopted: number[] = [];
    const local: number[] = [];
    for (let x = 0; x < members.length; x++) (nodes[members[x]!]!.adopted ? adopted : local).push(members[x]!);
    if (local.length === 0 || local.length + (adopted.length > 0 ? 1 : 0) < 2) return;
    stamp++;

    const fn = clusterFunction(labelsOf(root), members, nodes);
    const fnName = fn === UNCLASSIFIED ? 'Unclassified (matched by name, address or datasets)' : fn.startsWith('opaque:') ? fn.slice(7) : reference.functionByCode.get(fn)?.name.en;

    const { candidates, reps, chosen, reason } = clusterKeeper(adopted, local, nodes, F, facts);
    const keeperNode = candidates[chosen]!;
    const keeperRow = reps[chosen]!;

    const ordered = [keeperNode];
    for (let x = 0; x < adopted.length; x++) if (adopted[x] !== keeperNode) ordered.push(adopted[x]!);
    for (let x = 0; x < local.length; x++) if (local[x] !== keeperNode) ordered.push(local[x]!);
    const rows: number[] = [keeperRow];
    rowStamp[keeperRow] = stamp;
    const systemIds: string[] = [];
    for (let x = 0; x < ordered.length; x++) {
      const node = nodes[ordered[x]!]!;
      listed.add(node.system);
      if (systemStamp[node.system] !== stamp) {
        systemStamp[node.system] = stamp;
        const id = systemId(systems[node.system]!, F);
        if (!systemIds.includes(id)) systemIds.push(id);
      }
      for (let y = 0; y < node.rows.length; y++) {
        const i = node.rows[y]!;
        if (rowStamp[i] === stamp) continue;
        rowStamp[i] = stamp;
        rows.push(i);
      }
    }
    const applications: string[] = [];
    const agencies: string[] = [];
    let crossGovernment = false;
    for (let x = 0; x < rows.length; x++) {
      const f = F[rows[x]!]!;
      applications.push(f.app.id);
      let a = agencyIndex.get(f.app.agencyId);
      if (a === undefined) {
        a = agencyStamp.length;
        agencyIndex.set(f.app.agencyId, a);
        agencyStamp.push(-1);
      }
      if (agencyStamp[a] !== stamp) {
        agencyStamp[a] = stamp;
        agencies.push(f.app.agencyId);
      }
      if (f.government !== F[rows[0]!]!.government) crossGovernment = true;
    }
    const platform = systems[nodes[keeperNode]!.system]!.platform;
    // Every accepted edge joins two different nodes, and the list is strongest first already.
    const pairEvidence = edgesByRoot.get(root) ?? [];

    const evidence = clusterEvidence(fn, fnName, members.length, platform, ordered, pairEvidence, nodes, systems, describeRow, reference, o.maxEvidence);

    // Confidence: each local node's strongest edge, capped at 1.
    for (let x = 0; x < pairEvidence.length; x++) {
      const e = pairEvidence[x]!;
      bestIncident[e.a] = nodeStamp[e.a] === stamp ? Math.max(bestIncident[e.a]!, e.score) : Math.max(0, e.score);
      nodeStamp[e.a] = stamp;
      bestIncident[e.b] = nodeStamp[e.b] === stamp ? Math.max(bestIncident[e.b]!, e.score) : Math.max(0, e.score);
      nodeStamp[e.b] = stamp;
    }
    let confidenceSum = 0;
    for (let x = 0; x < local.length; x++) confidenceSum += Math.min(1, nodeStamp[local[x]!] === stamp ? bestIncident[local[x]!]! : 0);

    // The label names the first three systems: the keeper by its row, local nodes by their
    // representatives, adopted ones by their first row.
    const labelNames: string[] = [];
    for (let x = 0; x < ordered.length && x < 3; x++) {
      const k = ordered[x]!;
      const c = candidates.indexOf(k);
      const row = k === keeperNode ? keeperRow : c >= adopted.length ? reps[c]! : nodes[k]!.rows[0]!;
      labelNames.push(F[row]!.app.name);
    }

    clusters.push({
      id: `dup-${fn}-${applications[0]}`,
      function: fn,
      functionName: fnName,
      label: clusterLabel(fnName ?? fn, labelNames, ordered.length),
      applications,
      systems: systemIds,
      agencies,
      keeper: applications[0]!,
      keeperReason: reason,
      scope: crossGovernment ? 'cross-agency' : 'within-agency',
      sharedPlatform: platform,
      totalAnnualCost: 0,
      redundantAnnualCost: 0,
      estimatedAnnualSavings: { low: 0, expected: 0, high: 0 },
      confidence: Math.round((confidenceSum / local.length) * 1000) / 1000,
      evidence,
    });
  });
  clusters.sort((a, b) => b.applications.length - a.applications.length || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0) || (a.keeper < b.keeper ? -1 : 1));
  return { clusters, listed };
}

/**
 * The keeper of a cluster. Adopted systems outrank local ones on the keeper criteria, so the keeper is
 * adopted whenever one is a member, and its reason names what sets it apart from the best other candidate.
 * Candidates: adopted nodes, then local ones; `reps` holds each one's representative row.
 */
function clusterKeeper(
  adopted: number[],
  local: number[],
  nodes: GraphNode[],
  F: AppFeatures[],
  facts: Facts,
): { candidates: number[]; reps: number[]; chosen: number; reason: string } {
  const candidates = adopted.concat(local);
  const reps: number[] = new Array(candidates.length);
  for (let c = adopted.length; c < candidates.length; c++) reps[c] = representative(nodes[candidates[c]!]!.rows, F, facts);
  if (adopted.length > 0) {
    const near: Nearness = { agencies: new Set(), governments: new Set() };
    for (let c = adopted.length; c < candidates.length; c++) {
      near.agencies.add(F[reps[c]!]!.app.agencyId);
      near.governments.add(F[reps[c]!]!.government);
    }
    for (let c = 0; c < adopted.length; c++) reps[c] = representative(nodes[candidates[c]!]!.rows, F, facts, near);
  }
  // The node's facts, named after its representative row (a copy only when that row is not the one the
  // facts already name).
  const candidateFacts: KeeperFacts[] = new Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const own = facts.node(nodes[candidates[c]!]!);
    const app = F[reps[c]!]!.app;
    candidateFacts[c] = own.id === app.id && own.name === app.name ? own : { ...own, id: app.id, name: app.name };
  }
  const { index: chosen, reason } = chooseKeeperIndex(candidateFacts);
  return { candidates, reps, chosen, reason };
}

/** What a cluster rests on: its function, its shared platform, the rows that are one system, and its strongest pairs. */
function clusterEvidence(
  fn: string,
  fnName: string | undefined,
  size: number,
  platform: string | undefined,
  ordered: number[],
  pairEvidence: Edge[],
  nodes: GraphNode[],
  systems: SystemGroup[],
  describeRow: (i: number) => string,
  reference: ReferenceData,
  maxEvidence: number,
): EvidenceItem[] {
  const evidence: EvidenceItem[] = [
    {
      kind: 'function',
      detail: fn === UNCLASSIFIED ? `${size} systems matched by name, address or datasets, none classified` : `${size} systems serve ${fn} ${fnName ?? ''}`.trim(),
    },
  ];
  const platformDef = platform !== undefined ? reference.platformById.get(platform) : undefined;
  if (platformDef !== undefined) {
    evidence.push({
      kind: 'shared-platform',
      detail: `${platformDef.name} (${platformDef.owner}) is ${platformDef.designated ? 'a designated Aplikasi Umum' : `a ${platformDef.designation} shared platform`}${platformDef.confirmed ? '' : ' (unconfirmed)'}: ${platformDef.basis}`,
    });
  }
  for (let x = 0; x < ordered.length; x++) {
    const node = nodes[ordered[x]!]!;
    if (node.rows.length > 1) {
      evidence.push({ kind: 'system', detail: `${node.rows.length} rows are one ${SYSTEM_WHY[systems[node.system]!.kind]}: ${node.rows.slice(0, 5).map(describeRow).join('; ')}${node.rows.length > 5 ? '; …' : ''}` });
    }
  }
  const shown = Math.min(pairEvidence.length, maxEvidence);
  for (let x = 0; x < shown; x++) evidence.push(edgeEvidence(pairEvidence[x]!, describeRow, reference));
  if (pairEvidence.length > maxEvidence) evidence.push({ kind: 'summary', detail: `${pairEvidence.length - maxEvidence} more matching pairs` });
  return evidence;
}

function clusterFunction(labels: string[] | null, members: number[], nodes: GraphNode[]): string {
  if (labels === null) return UNCLASSIFIED;
  if (labels.length === 1) return labels[0]!;
  const votes = new Map<string, number>();
  for (let x = 0; x < members.length; x++) {
    const fn = nodes[members[x]!]!.fn;
    if (fn !== undefined && labels.includes(fn)) votes.set(fn, (votes.get(fn) ?? 0) + 1);
  }
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
function representative(rows: number[], F: AppFeatures[], facts: Facts, near?: Nearness): number {
  if (rows.length === 1) return rows[0]!;
  const typical = typicalRows(rows, F);
  if (near !== undefined) {
    let best = -1;
    for (const i of typical) if (near.agencies.has(F[i]!.app.agencyId) && (best < 0 || compareKeepers(facts.row(i), facts.row(best)) < 0)) best = i;
    if (best >= 0) return best;
    for (const i of typical) if (near.governments.has(F[i]!.government) && (best < 0 || compareKeepers(facts.row(i), facts.row(best)) < 0)) best = i;
    if (best >= 0) return best;
  }
  return bestOf(typical, facts);
}

/**
 * The rows that carry the system's usual name: a catalogue row listing five applications in one cell
 * shares a deployment with the real row but should not stand for it. Among those, the shortest core names.
 */
function typicalRows(rows: number[], F: AppFeatures[]): number[] {
  if (rows.length === 1) return rows;
  const counts = new Map<string, number>();
  let top = 0;
  for (const i of rows) {
    const key = nameKeyOf(F[i]!) ?? '';
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > top) top = count;
  }
  let shortest = Infinity;
  for (const i of rows) if (counts.get(nameKeyOf(F[i]!) ?? '') === top && F[i]!.core.length < shortest) shortest = F[i]!.core.length;
  const typical: number[] = [];
  for (const i of rows) if (counts.get(nameKeyOf(F[i]!) ?? '') === top && F[i]!.core.length === shortest) typical.push(i);
  return typical;
}

function bestOf(rows: number[], facts: Facts): number {
  let best = rows[0]!;
  for (let x = 1; x < rows.length; x++) if (compareKeepers(facts.row(rows[x]!), facts.row(best)) < 0) best = rows[x]!;
  return best;
}

/** `names`: the first three systems' names; `total`: how many systems there are. */
function clusterLabel(fnName: string, names: string[], total: number): string {
  const shown = names.slice(0, 3).join(', ');
  return `${fnName}: ${shown}${total > 3 ? ` and ${total - 3} more` : ''}`;
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

function aggregateFacts(rows: number[], F: AppFeatures[], facts: Facts): KeeperFacts {
  if (rows.length === 1) return facts.row(rows[0]!);
  let best = facts.row(rows[0]!);
  let platform: KeeperFacts['platform'];
  let national = false;
  let active = false;
  let development = false;
  let unknown = false;
  let users = 0;
  let degree = 0;
  let year: number | undefined;
  let cost: number | undefined;
  const agencies = new Set<string>();
  for (let x = 0; x < rows.length; x++) {
    const i = rows[x]!;
    const f = facts.row(i);
    if (compareKeepers(f, best) < 0) best = f;
    if (platform === undefined) platform = f.platform;
    if (f.national) national = true;
    if (f.status === 'active') active = true;
    else if (f.status === 'development') development = true;
    else if (f.status === undefined) unknown = true;
    agencies.add(F[i]!.app.agencyId);
    users += f.users;
    degree += f.degree;
    if (f.year !== undefined && (year === undefined || f.year > year)) year = f.year;
    if (f.cost !== undefined) cost = (cost ?? 0) + f.cost;
  }
  return {
    id: best.id,
    name: best.name,
    platform,
    national,
    status: active ? 'active' : development ? 'development' : unknown ? undefined : 'retired',
    records: rows.length,
    agencies: agencies.size,
    users,
    degree,
    year,
    cost,
  };
}

/** Exchange degree by application id: from the graph's compact index when there is one, else counted. */
function exchangeDegrees(inventory: Inventory, graph: DuplicateOptions['graph']): (id: string) => number {
  if (graph !== undefined) {
    const { indexOf, starts } = graph.index;
    return (id) => {
      const k = indexOf.get(id);
      return k === undefined ? 0 : starts[k + 1]! - starts[k]!;
    };
  }
  const out = new Map<string, number>();
  for (let e = 0; e < inventory.exchanges.length; e++) {
    const x = inventory.exchanges[e]!;
    if (x.sourceId === x.targetId) continue;
    out.set(x.sourceId, (out.get(x.sourceId) ?? 0) + 1);
    out.set(x.targetId, (out.get(x.targetId) ?? 0) + 1);
  }
  return (id) => out.get(id) ?? 0;
}
