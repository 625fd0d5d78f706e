/**
 * Silo metrics per organisational partition: per agency, and per parent government (a regency or city with
 * all its OPD units rolled up; an agency without a parent is its own government). One pass over the
 * exchanges and one over the applications, whatever the partition.
 *
 * For a part P (an agency or a government), over the exchanges between two distinct applications:
 *   exchangesInternal     both ends in P
 *   exchangesCrossAgency  exactly one end in P (for a government: the exchange crosses the government border)
 *   crossAgencyShare      cross / (internal + cross), 0 when P exchanges nothing
 *   isolatedApplications  applications of P with no exchange at all
 *   internalOnlyApplications  applications of P that exchange, but only with applications of P
 *   manualExchanges       exchanges touching P whose mechanism is manual or file
 *   sharedPlatformApplications  applications that are a shared platform (Aplikasi Umum) or a national system
 *   annualCost            sum of the known annual costs (missing costs are not guessed here)
 *
 * Silo score, in [0,1], higher = more siloed (weights in SILO_SCORE_WEIGHTS, normalised to sum 1):
 *   siloScore = 0.3·insularity + 0.3·closed + 0.2·isolation + 0.2·manual
 *     insularity = 1 − crossAgencyShare                          (1 when P exchanges nothing)
 *     closed     = (isolated + internalOnly) / applications       (applications that reach no one outside P)
 *     isolation  = isolated / applications                        (weighs "no exchange at all" above "inside only")
 *     manual     = manualExchanges / (internal + cross)           (1 when P exchanges nothing: nothing is automated)
 * An agency whose applications all stand alone scores 1; one whose every application exchanges across its
 * border by API scores 0. A part with no applications (e.g. a regency whose applications all sit in its
 * units) has nothing to be siloed and scores 0; its government row carries the rolled-up picture.
 */
import type { Agency, AgencyMetrics } from '../types.js';
import { MECHANISMS } from '../types.js';
import type { AppIndex } from '../graph/types.js';

export const SILO_SCORE_WEIGHTS = { insularity: 0.3, closed: 0.3, isolation: 0.2, manual: 0.2 };
export type SiloScoreWeights = typeof SILO_SCORE_WEIGHTS;

const MANUAL = MECHANISMS.indexOf('manual');
const FILE = MECHANISMS.indexOf('file');

/** Whether an exchange edge is manual or file-based (where an API or the service bus would serve). */
export function isManualEdge(index: AppIndex, edge: number): boolean {
  const code = index.mechanism[edge]!;
  return code === MANUAL || code === FILE;
}

/** Raw per-part counts; typed arrays indexed by part (agency index). */
export interface PartitionCounts {
  applications: Int32Array;
  annualCost: Float64Array;
  exchangesInternal: Int32Array;
  exchangesCrossAgency: Int32Array;
  isolated: Int32Array;
  internalOnly: Int32Array;
  manual: Int32Array;
  shared: Int32Array;
  /** Per application: exchanges with applications outside its part. */
  outside: Int32Array;
}

/**
 * Counts for the partition `partOf` (application → part index in [0, parts)). `shared[i]` marks shared
 * platform applications; `cost[i]` is the known annual cost or NaN.
 */
export function countByPartition(
  index: AppIndex,
  partOf: Int32Array,
  parts: number,
  shared: Uint8Array,
  cost: Float64Array,
): PartitionCounts {
  const n = index.ids.length;
  const c: PartitionCounts = {
    applications: new Int32Array(parts),
    annualCost: new Float64Array(parts),
    exchangesInternal: new Int32Array(parts),
    exchangesCrossAgency: new Int32Array(parts),
    isolated: new Int32Array(parts),
    internalOnly: new Int32Array(parts),
    manual: new Int32Array(parts),
    shared: new Int32Array(parts),
    outside: new Int32Array(n),
  };
  const { src, dst } = index;
  for (let e = 0; e < src.length; e++) {
    const s = src[e]!;
    const t = dst[e]!;
    const a = partOf[s]!;
    const b = partOf[t]!;
    const manual = isManualEdge(index, e);
    if (a === b) {
      c.exchangesInternal[a]++;
      if (manual) c.manual[a]++;
    } else {
      c.exchangesCrossAgency[a]++;
      c.exchangesCrossAgency[b]++;
      c.outside[s]++;
      c.outside[t]++;
      if (manual) {
        c.manual[a]++;
        c.manual[b]++;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const p = partOf[i]!;
    c.applications[p]++;
    if (!Number.isNaN(cost[i]!)) c.annualCost[p] += cost[i]!;
    if (shared[i]) c.shared[p]++;
    const degree = index.starts[i + 1]! - index.starts[i]!;
    if (degree === 0) c.isolated[p]++;
    else if (c.outside[i] === 0) c.internalOnly[p]++;
  }
  return c;
}

export interface SiloScoreParts {
  insularity: number;
  closed: number;
  isolation: number;
  manual: number;
}

export function siloScoreParts(c: PartitionCounts, p: number): SiloScoreParts | undefined {
  const apps = c.applications[p]!;
  if (apps === 0) return undefined;
  const exchanges = c.exchangesInternal[p]! + c.exchangesCrossAgency[p]!;
  return {
    insularity: exchanges === 0 ? 1 : 1 - c.exchangesCrossAgency[p]! / exchanges,
    closed: (c.isolated[p]! + c.internalOnly[p]!) / apps,
    isolation: c.isolated[p]! / apps,
    manual: exchanges === 0 ? 1 : c.manual[p]! / exchanges,
  };
}

export function siloScore(parts: SiloScoreParts | undefined, weights: SiloScoreWeights = SILO_SCORE_WEIGHTS): number {
  if (parts === undefined) return 0;
  const total = weights.insularity + weights.closed + weights.isolation + weights.manual;
  const score =
    (weights.insularity * parts.insularity + weights.closed * parts.closed + weights.isolation * parts.isolation + weights.manual * parts.manual) /
    total;
  return Math.min(1, Math.max(0, score));
}

/**
 * AgencyMetrics rows for the given agencies (each one's own part), in the order given. `community[p]` is
 * the part's dominant community (0 = none). Government rows carry no parentId.
 */
export function toAgencyMetrics(
  agencies: readonly Agency[],
  index: AppIndex,
  counts: PartitionCounts,
  community: Int32Array,
  weights: SiloScoreWeights,
  asGovernment: boolean,
): AgencyMetrics[] {
  return agencies.map((agency) => {
    const p = index.agencies.indexOf.get(agency.id)!;
    const internal = counts.exchangesInternal[p]!;
    const cross = counts.exchangesCrossAgency[p]!;
    const row: AgencyMetrics = {
      id: agency.id,
      name: agency.name,
      level: agency.level,
      applications: counts.applications[p]!,
      annualCost: counts.annualCost[p]!,
      exchangesInternal: internal,
      exchangesCrossAgency: cross,
      crossAgencyShare: internal + cross === 0 ? 0 : cross / (internal + cross),
      isolatedApplications: counts.isolated[p]!,
      internalOnlyApplications: counts.internalOnly[p]!,
      manualExchanges: counts.manual[p]!,
      sharedPlatformApplications: counts.shared[p]!,
      siloScore: siloScore(siloScoreParts(counts, p), weights),
    };
    if (agency.region !== undefined) row.region = agency.region;
    if (!asGovernment && agency.parentId !== undefined) row.parentId = agency.parentId;
    if (community[p]! > 0) row.community = community[p]!;
    return row;
  });
}
