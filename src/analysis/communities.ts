/**
 * Exchange communities and how closely they follow organisational lines.
 *
 * Communities: Louvain modularity optimisation (Blondel et al. 2008, "Fast unfolding of communities in
 * large networks", via graphology-communities-louvain) on the undirected application exchange graph, where
 * the weight of a pair is the number of exchanges between the two applications (both directions summed).
 * Applications with no exchange get no community. The random walk is seeded (mulberry32), so one inventory
 * and one seed always give the same partition. Communities are numbered from 1 by size (largest first,
 * ties by the earliest application in the inventory).
 *
 * Alignment: normalised mutual information between the community label and the agency label (and the
 * parent-government label) over the applications that have a community,
 *   NMI(C, A) = 2·I(C; A) / (H(C) + H(A)),  I(C; A) = Σ p(c,a)·log(p(c,a) / (p(c)·p(a))),
 * (Strehl & Ghosh 2002, arithmetic normalisation as in scikit-learn). 1 = communities are exactly the
 * agencies; 0 = community membership says nothing about the agency. When both partitions are one single
 * block the partitions are identical and NMI = 1; when no application exchanges it is undefined and
 * reported as `undefined`.
 */
import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import type { Community, Inventory } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { mulberry32 } from '../graph/random.js';

/**
 * graphology-communities-louvain is CommonJS with an ESM-style `export default` in its typings: TypeScript
 * (NodeNext) types the default import as the module object, Node hands over `module.exports` itself, and
 * bundlers may do either. Accept both shapes.
 */
type Louvain = (typeof louvainModule)['default'];
const louvain: Louvain = (louvainModule as { default?: Louvain }).default ?? (louvainModule as unknown as Louvain);

export const COMMUNITY_DEFAULTS = {
  seed: 1,
  /** Louvain resolution: > 1 favours smaller communities. */
  resolution: 1,
  topFunctions: 3,
};

export type CommunityOptions = Partial<typeof COMMUNITY_DEFAULTS>;

/** The part of the application index Louvain reads: the undirected CSR adjacency of n applications. */
export type ExchangeAdjacency = Pick<AppIndex, 'starts' | 'neighbours'>;

/** A Louvain partition: community id (from 1, by size) of each application index, 0 for none. */
export interface LouvainPartition {
  communityOf: Int32Array;
  count: number;
  modularity: number | undefined;
}

export interface CommunityResult {
  communities: Community[];
  /** Community id of each application index, 0 when it has none (ids start at 1). */
  communityOf: Int32Array;
  applicationCommunity: Map<string, number>;
  /** NMI of communities vs agencies and vs parent governments; undefined when no application exchanges. */
  alignment: { agency: number | undefined; government: number | undefined };
  modularity: number | undefined;
}

/**
 * `partition`, when given, is `louvainCommunities(index, seed, resolution)` computed ahead (e.g. on another
 * thread by louvainInWorker) for this same index and options.
 */
export function analyzeCommunities(inventory: Inventory, index: AppIndex, options: CommunityOptions = {}, partition?: LouvainPartition): CommunityResult {
  const opts = { ...COMMUNITY_DEFAULTS, ...options };
  const { communityOf, count, modularity } = partition ?? louvainCommunities(index, opts.seed, opts.resolution);

  const members = groupBy(communityOf, count + 1);
  const agencies = index.agencies.ids.length;
  const byAgency = dominantLabels(members, index.agencyOf, agencies);
  const byGovernment = dominantLabels(members, index.governmentOf, agencies);
  const communities: Community[] = [];
  for (let c = 1; c <= count; c++) {
    const size = members.starts[c + 1]! - members.starts[c]!;
    const community: Community = {
      id: c,
      applications: size,
      agencies: byAgency.distinct[c]!,
      dominantAgencyId: index.agencies.ids[byAgency.label[c]!]!,
      dominantAgencyShare: byAgency.count[c]! / size,
      topFunctions: topFunctions(inventory, members, c, opts.topFunctions),
      dominantGovernmentId: index.agencies.ids[byGovernment.label[c]!]!,
      dominantGovernmentShare: byGovernment.count[c]! / size,
    };
    communities.push(community);
  }

  const applicationCommunity = new Map<string, number>();
  for (let i = 0; i < communityOf.length; i++) if (communityOf[i]! > 0) applicationCommunity.set(index.ids[i]!, communityOf[i]!);

  return {
    communities,
    communityOf,
    applicationCommunity,
    alignment: {
      agency: communityAlignment(communityOf, index.agencyOf),
      government: communityAlignment(communityOf, index.governmentOf),
    },
    modularity,
  };
}

/**
 * Louvain over the applications that exchange, on a graphology graph built in bulk from the CSR: each pair
 * once (from its lower index) with its exchanges counted in one typed-array pass, then renumbered by size
 * so ids do not depend on Louvain's internal order.
 */
export function louvainCommunities(index: ExchangeAdjacency, seed: number, resolution: number): LouvainPartition {
  const n = index.starts.length - 1;
  const { graph, weights } = louvainGraph(index);
  const communityOf = new Int32Array(n);
  if (graph.order === 0) return { communityOf, count: 0, modularity: undefined };

  // Weights stay in a typed array keyed by the edge's number: no attribute object per edge.
  const getEdgeWeight = (edge: string): number => weights[Number(edge)]!;
  const detailed = louvain.detailed(graph, { rng: mulberry32(seed), resolution, getEdgeWeight });
  const raw = new Int32Array(n).fill(-1);
  for (const key in detailed.communities) raw[Number(key)] = detailed.communities[key]!;
  const count = detailed.count;

  // Renumber: largest first, ties by first member (the scan below meets members in index order).
  const size = new Int32Array(count);
  const first = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = raw[i]!;
    if (c < 0) continue;
    size[c]++;
    if (first[c] === -1) first[c] = i;
  }
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(count);
  order.forEach((c, r) => (rank[c] = r + 1));
  for (let i = 0; i < n; i++) if (raw[i]! >= 0) communityOf[i] = rank[raw[i]!]!;
  return { communityOf, count, modularity: detailed.modularity };
}

/**
 * The undirected graph Louvain runs on: one node per application that exchanges (key: its index), one edge
 * per pair (key: its number, in order of the lower index then first meeting), the pair's exchanges, both
 * directions summed, in `weights`. Node keys are made once and reused for every edge, and no edge carries an
 * attribute object (Louvain reads the weight by edge number); what remains is graphology's own bookkeeping
 * per edge (its edge record and both adjacency entries), about 1 µs an edge.
 */
export function louvainGraph(index: ExchangeAdjacency): { graph: UndirectedGraph; weights: Float64Array } {
  const n = index.starts.length - 1;
  const { starts, neighbours } = index;
  const graph = new UndirectedGraph();
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) if (starts[i + 1]! > starts[i]!) graph.addNode((keys[i] = String(i)));

  // Pair weights: per lower endpoint, count its higher neighbours in a dense counter, then emit them.
  const weights = new Float64Array(neighbours.length >> 1);
  const count = new Float64Array(n);
  const touched = new Int32Array(n);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const j = neighbours[k]!;
      if (j <= i) continue;
      if (count[j] === 0) touched[t++] = j;
      count[j]! += 1;
    }
    const source = keys[i]!;
    for (let k = 0; k < t; k++) {
      const j = touched[k]!;
      graph.addUndirectedEdgeWithKey(String(edges), source, keys[j]!);
      weights[edges++] = count[j]!;
      count[j] = 0;
    }
  }
  return { graph, weights: weights.subarray(0, edges) };
}

/** Members grouped by label (counting sort): members of label g are `items[starts[g] .. starts[g+1])`. */
export function groupBy(labelOf: Int32Array, labels: number): { starts: Int32Array; items: Int32Array } {
  const starts = new Int32Array(labels + 1);
  for (let i = 0; i < labelOf.length; i++) if (labelOf[i]! >= 0) starts[labelOf[i]! + 1]++;
  for (let g = 0; g < labels; g++) starts[g + 1] += starts[g]!;
  const fill = starts.slice(0, labels);
  const items = new Int32Array(starts[labels]!);
  for (let i = 0; i < labelOf.length; i++) if (labelOf[i]! >= 0) items[fill[labelOf[i]!]!++] = i;
  return { starts, items };
}

/**
 * For each group, the most frequent `valueOf` among its members (ties: the lowest value; negative values
 * mean "none" and are skipped), its count, and how many distinct values occur. `label` is −1 when a group
 * has no valued member. O(members) with one shared counter.
 */
export function dominantLabels(
  groups: { starts: Int32Array; items: Int32Array },
  valueOf: Int32Array,
  values: number,
): { label: Int32Array; count: Int32Array; distinct: Int32Array } {
  const g = groups.starts.length - 1;
  const label = new Int32Array(g).fill(-1);
  const count = new Int32Array(g);
  const distinct = new Int32Array(g);
  const counter = new Int32Array(values);
  const touched: number[] = [];
  for (let c = 0; c < g; c++) {
    for (let k = groups.starts[c]!; k < groups.starts[c + 1]!; k++) {
      const v = valueOf[groups.items[k]!]!;
      if (v < 0) continue;
      if (counter[v] === 0) touched.push(v);
      counter[v]++;
    }
    let best = -1;
    for (const v of touched) {
      if (best === -1 || counter[v]! > counter[best]! || (counter[v] === counter[best] && v < best)) best = v;
    }
    label[c] = best;
    count[c] = best === -1 ? 0 : counter[best]!;
    distinct[c] = touched.length;
    for (const v of touched) counter[v] = 0;
    touched.length = 0;
  }
  return { label, count, distinct };
}

/** NMI between communities (0 = none, skipped) and another labelling of the same applications. */
export function communityAlignment(communityOf: Int32Array, labelOf: Int32Array): number | undefined {
  let m = 0;
  for (let i = 0; i < communityOf.length; i++) if (communityOf[i]! > 0) m++;
  if (m === 0) return undefined;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < communityOf.length; i++) {
    if (communityOf[i]! > 0) {
      a[k] = communityOf[i]!;
      b[k++] = labelOf[i]!;
    }
  }
  return normalizedMutualInformation(a, b);
}

/** NMI = 2·I(A;B) / (H(A) + H(B)) over paired labels; 1 when both labellings are a single block. */
export function normalizedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n !== b.length) throw new RangeError(`label arrays differ in length: ${n} vs ${b.length}`);
  if (n === 0) throw new RangeError('normalised mutual information of no items is undefined');
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  // Joint counts keyed by one number x·width + y when both labellings are small non-negative integers (as
  // community and agency indexes are): no key string per item. Either way the pairs are met, and so
  // summed, in the same order.
  const width = numericKeyWidth(a, b);
  const joint = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
    const key = width > 0 ? x * width + y : `${x}|${y}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const hA = entropy(countA.values(), n);
  const hB = entropy(countB.values(), n);
  if (hA + hB === 0) return 1;
  let mutual = 0;
  for (const [key, nxy] of joint) {
    let x: number;
    let y: number;
    if (typeof key === 'number') {
      x = Math.floor(key / width);
      y = key - x * width;
    } else {
      const bar = key.indexOf('|');
      x = Number(key.slice(0, bar));
      y = Number(key.slice(bar + 1));
    }
    const nx = countA.get(x)!;
    const ny = countB.get(y)!;
    mutual += (nxy / n) * Math.log((nxy * n) / (nx * ny));
  }
  return Math.min(1, Math.max(0, (2 * mutual) / (hA + hB)));
}

/** max(b) + 1 when every label is a non-negative integer and x·width + y stays an exact integer key; else 0. */
function numericKeyWidth(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let maxA = 0;
  let maxB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0) return 0;
    if (x > maxA) maxA = x;
    if (y > maxB) maxB = y;
  }
  const width = maxB + 1;
  return (maxA + 1) * width <= Number.MAX_SAFE_INTEGER ? width : 0;
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) h -= (c / n) * Math.log(c / n);
  return h;
}

function topFunctions(inventory: Inventory, members: { starts: Int32Array; items: Int32Array }, c: number, top: number): string[] {
  const counts = new Map<string, number>();
  for (let k = members.starts[c]!; k < members.starts[c + 1]!; k++) {
    const fn = inventory.applications[members.items[k]!]!.function;
    if (fn) counts.set(fn, (counts.get(fn) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, top)
    .map(([fn]) => fn);
}
