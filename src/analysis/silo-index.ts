/**
 * The national silo index, in [0,1]: 0 = fully integrated, 1 = every application an island.
 *
 *   siloIndex = (0.3·isolation + 0.3·insularity + 0.2·organisationalAlignment + 0.2·manualExchange) / Σ weights
 *     isolation               = applications with no exchange / applications
 *     insularity              = 1 − exchanges crossing an agency border / exchanges
 *     organisationalAlignment = NMI(Louvain exchange communities, agencies) over applications that exchange
 *     manualExchange          = manual or file exchanges / exchanges
 * Exchanges are those between two distinct known applications. When applications exist but none exchange,
 * insularity, alignment and manualExchange are 1 (nothing crosses a border, nothing is automated); an
 * empty inventory scores 0 throughout. Weights may be overridden; they are normalised to sum 1.
 * An inventory that lists no exchange at all (a flat catalogue of applications) is marked `measured: false`
 * with a note: its value of 1 would read "everything is an island" where the truth is "no exchange was
 * recorded"; `value` is still computed by the formula so target-state comparisons stay consistent.
 *
 * The parts follow the SPBE evaluation's integration concerns (PermenPANRB 5/2018 indicators for
 * application integration and shared applications; Perpres 95/2018's call to end "silo-silo" systems):
 * applications that share nothing, sharing that stays inside the agency, sharing that follows the
 * organisation chart rather than the work, and sharing by hand.
 */
import type { Inventory, SiloIndex } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { buildAppIndex } from '../graph/app-index.js';
import { COMMUNITY_DEFAULTS, communityAlignment, louvainCommunities } from './communities.js';
import { louvainInWorker, type LOUVAIN_THREAD_DEFAULTS } from './louvain-thread.js';
import { isManualEdge, SILO_SCORE_WEIGHTS, type SiloScoreWeights } from './silo-metrics.js';

export type SiloIndexWeights = SiloIndex['weights'];
export type SiloIndexParts = SiloIndex['parts'];

export const SILO_INDEX_WEIGHTS: SiloIndexWeights = { isolation: 0.3, insularity: 0.3, organisationalAlignment: 0.2, manualExchange: 0.2 };

/** Parts from the index and the community/agency NMI (undefined when no application exchanges). */
export function siloIndexParts(index: AppIndex, alignment: number | undefined): SiloIndexParts {
  const n = index.ids.length;
  const m = index.src.length;
  if (n === 0) return { isolation: 0, insularity: 0, organisationalAlignment: 0, manualExchange: 0 };
  let isolated = 0;
  for (let i = 0; i < n; i++) if (index.starts[i + 1] === index.starts[i]) isolated++;
  let cross = 0;
  let manual = 0;
  for (let e = 0; e < m; e++) {
    if (index.agencyOf[index.src[e]!] !== index.agencyOf[index.dst[e]!]) cross++;
    if (isManualEdge(index, e)) manual++;
  }
  return {
    isolation: isolated / n,
    insularity: m === 0 ? 1 : 1 - cross / m,
    organisationalAlignment: alignment ?? 1,
    manualExchange: m === 0 ? 1 : manual / m,
  };
}

export const SILO_INDEX_NOT_MEASURED =
  'the inventory lists no data exchanges: isolation, insularity, organisational alignment and manual exchange could not be measured, so the value (every application counted as an island) says nothing about integration';

/**
 * Whether the exchange-based parts are measured: an inventory that lists not one exchange (counted before
 * any is dropped as naming an unknown application or itself) did not record exchanges at all.
 */
export function siloIndexMeasurement(exchangesListed: number): Pick<SiloIndex, 'measured' | 'note'> {
  return exchangesListed === 0 ? { measured: false, note: SILO_INDEX_NOT_MEASURED } : { measured: true };
}

export function composeSiloIndex(
  parts: SiloIndexParts,
  weights: SiloIndexWeights = SILO_INDEX_WEIGHTS,
  agencyWeights: SiloScoreWeights = SILO_SCORE_WEIGHTS,
  measurement: Pick<SiloIndex, 'measured' | 'note'> = {},
): SiloIndex {
  for (const [scope, set] of [['index', weights], ['agency', agencyWeights]] as const) {
    for (const [name, w] of Object.entries(set)) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`${scope} silo weight "${name}" must be a finite number ≥ 0, got ${w}`);
    }
  }
  const total = weights.isolation + weights.insularity + weights.organisationalAlignment + weights.manualExchange;
  if (total === 0) throw new RangeError('silo index weights are all 0');
  if (agencyWeights.insularity + agencyWeights.closed + agencyWeights.isolation + agencyWeights.manual === 0) {
    throw new RangeError('agency silo score weights are all 0');
  }
  const sum =
    weights.isolation * parts.isolation +
    weights.insularity * parts.insularity +
    weights.organisationalAlignment * parts.organisationalAlignment +
    weights.manualExchange * parts.manualExchange;
  const w = normalise(weights);
  const a = normalise(agencyWeights);
  const formula =
    `siloIndex = ${f(w.isolation)}·isolation + ${f(w.insularity)}·insularity + ${f(w.organisationalAlignment)}·organisationalAlignment + ` +
    `${f(w.manualExchange)}·manualExchange, where isolation = applications with no exchange / applications; ` +
    'insularity = 1 − cross-agency exchanges / exchanges; organisationalAlignment = normalised mutual information ' +
    'between Louvain exchange communities and agencies; manualExchange = manual or file exchanges / exchanges ' +
    '(with no exchange at all, the last three are 1). Per agency and per government: ' +
    `siloScore = ${f(a.insularity)}·(1 − crossAgencyShare) + ${f(a.closed)}·(isolated + internal-only applications) / applications + ` +
    `${f(a.isolation)}·isolated / applications + ${f(a.manual)}·manual or file exchanges / exchanges ` +
    '(an agency that exchanges nothing has crossAgencyShare 0 and manual share 1; one with no applications scores 0).';
  return { value: Math.min(1, Math.max(0, sum / total)), parts, weights, formula, ...measurement };
}

export interface SiloIndexOptions {
  seed?: number;
  resolution?: number;
  weights?: Partial<SiloIndexWeights>;
  agencyWeights?: Partial<SiloScoreWeights>;
}

/**
 * The silo index alone, for any inventory (e.g. the target state after recommendations are applied):
 * builds only the application index and the communities the alignment part needs.
 */
export function siloIndexOf(inventory: Inventory, options: SiloIndexOptions = {}): SiloIndex {
  const index = buildAppIndex(inventory);
  const { communityOf } = louvainCommunities(index, options.seed ?? COMMUNITY_DEFAULTS.seed, options.resolution ?? COMMUNITY_DEFAULTS.resolution);
  return siloIndexFrom(inventory, index, communityOf, options);
}

/**
 * `siloIndexOf` with the communities computed on the second core (louvain-thread.ts): the same value. The
 * index is built before this returns, so the caller's next work overlaps with Louvain.
 */
export async function siloIndexInWorker(
  inventory: Inventory,
  options: SiloIndexOptions = {},
  thread: Partial<typeof LOUVAIN_THREAD_DEFAULTS> = {},
): Promise<SiloIndex> {
  const index = buildAppIndex(inventory);
  const seed = options.seed ?? COMMUNITY_DEFAULTS.seed;
  const { communityOf } = await louvainInWorker(index, seed, options.resolution ?? COMMUNITY_DEFAULTS.resolution, thread);
  return siloIndexFrom(inventory, index, communityOf, options);
}

function siloIndexFrom(inventory: Inventory, index: AppIndex, communityOf: Int32Array, options: SiloIndexOptions): SiloIndex {
  const alignment = communityAlignment(communityOf, index.agencyOf);
  return composeSiloIndex(
    siloIndexParts(index, alignment),
    { ...SILO_INDEX_WEIGHTS, ...options.weights },
    { ...SILO_SCORE_WEIGHTS, ...options.agencyWeights },
    siloIndexMeasurement(inventory.exchanges.length),
  );
}

function normalise<T extends Record<string, number>>(weights: T): T {
  const total = Object.values(weights).reduce((s, w) => s + w, 0);
  return Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, total === 0 ? 0 : w / total])) as T;
}

const f = (x: number): string => String(Math.round(x * 1000) / 1000);
