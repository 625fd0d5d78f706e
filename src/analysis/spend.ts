/**
 * Wasted spend: the yearly cost of every application (given, or estimated and flagged), and per duplicate
 * cluster the total, the redundant part and the net savings of consolidating it.
 *
 * Method (Federal CIO Council Application Rationalization Playbook, step "cost"; SAP LeanIX / ServiceNow
 * APM cost-per-application; GAO/OMB PortfolioStat savings reported net of transition cost):
 *   cost(a)      = the given annual cost, rounded to whole rupiah once; when missing, an estimate in this
 *                  order: a national platform instance at a non-central agency → `nationalInstanceLocalCost`;
 *                  a retired application → `retiredMissingCost`; else the median known cost of the
 *                  application's function, else of its agency level, else of the inventory (each needing
 *                  `minKnownCostsForMedian` known non-zero costs), else `fallbackAnnualCost`.
 *   retained(C)  = the keeper, plus other instances of the shared platform the cluster adopts;
 *   total(C)     = Σ cost over members;  redundant(C) = Σ cost over members not retained;
 *   savings_s(C) = max(0, round(redundant × (1 − migration_s ÷ years − absorption_s))) for each scenario s,
 *                  where the low scenario takes the high cost assumptions and vice versa.
 * All amounts are integer rupiah, so the summary totals are exact sums of the cluster figures.
 * Assumptions and their reasons: src/analysis/assumptions.ts and docs/method.md.
 */
import type { DuplicateCluster, EvidenceItem, Inventory, SavingsRange } from '../types.js';
import { resolveAssumptions, type AssumptionOverrides, type Assumptions } from './assumptions.js';

export interface ApplicationCost {
  /** Whole rupiah per year. */
  annualCost: number;
  /** True when the inventory gave no usable cost and this is an estimate. */
  estimated: boolean;
  /** Where the figure comes from, e.g. "given" or "median of 5 known costs for function RAB.02.01". */
  basis: string;
}

export interface SpendTotals {
  /** Σ cost over every application of the inventory. */
  totalAnnualCost: number;
  /** Σ total over duplicate clusters. */
  duplicateAnnualCost: number;
  /** Σ redundant over duplicate clusters (exact). */
  redundantAnnualCost: number;
  /** Σ savings over duplicate clusters, per scenario (exact). */
  estimatedAnnualSavings: SavingsRange;
  /** Applications whose cost is an estimate. */
  estimatedCostApplications: number;
}

export interface SpendResult {
  costs: Map<string, ApplicationCost>;
  /** The input clusters, copied, with totalAnnualCost, redundantAnnualCost, estimatedAnnualSavings and cost evidence. */
  clusters: DuplicateCluster[];
  totals: SpendTotals;
}

export function analyzeSpend(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  functionOf: Map<string, string | undefined>,
  assumptions: AssumptionOverrides = {},
  sharedPlatformOf: Map<string, string> = new Map(),
): SpendResult {
  const a = resolveAssumptions(assumptions);
  const costs = estimateCosts(inventory, functionOf, a, sharedPlatformOf);

  let totalAnnualCost = 0;
  let estimatedCostApplications = 0;
  for (const c of costs.values()) {
    totalAnnualCost += c.annualCost;
    if (c.estimated) estimatedCostApplications++;
  }

  let duplicateAnnualCost = 0;
  let redundantAnnualCost = 0;
  const savings: SavingsRange = { low: 0, expected: 0, high: 0 };
  const priced = planClusters(clusters, sharedPlatformOf).map((plan) => {
    const result = priceCluster(plan, costs, a);
    duplicateAnnualCost += result.totalAnnualCost;
    redundantAnnualCost += result.redundantAnnualCost;
    savings.low += result.estimatedAnnualSavings.low;
    savings.expected += result.estimatedAnnualSavings.expected;
    savings.high += result.estimatedAnnualSavings.high;
    return result;
  });

  return {
    costs,
    clusters: priced,
    totals: { totalAnnualCost, duplicateAnnualCost, redundantAnnualCost, estimatedAnnualSavings: savings, estimatedCostApplications },
  };
}

/** What consolidating one cluster does: who stays, who moves onto the keeper, who is left alone and why. */
export interface ClusterPlan {
  cluster: DuplicateCluster;
  /** The shared platform adopted, when any. */
  platform?: string;
  /** The keeper, plus the other instances of the adopted shared platform. */
  retained: Set<string>;
  /** Members that move onto the keeper (and whose cost is redundant), in cluster order. */
  moving: string[];
  /** Members neither retained nor moving: already moving in an earlier cluster, or the keeper of another cluster. */
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * The consolidation plan of every cluster, in cluster order. Clusters from the duplicates stage are
 * disjoint; should they overlap, an application moves (and counts as redundant) once, in the first cluster
 * that moves it, and the keeper of one cluster never moves in another, so no application moves twice and
 * no keeper disappears. Instances of the adopted shared platform stay: several agencies using SRIKANDI are
 * one system, not duplicates of each other.
 */
export function planClusters(clusters: DuplicateCluster[], sharedPlatformOf: Map<string, string>): ClusterPlan[] {
  const keepers = new Set(clusters.map((c) => c.keeper));
  const moved = new Set<string>();
  return clusters.map((cluster) => {
    if (!cluster.applications.includes(cluster.keeper)) {
      throw new Error(`duplicate cluster ${cluster.id}: keeper ${cluster.keeper} is not one of its applications`);
    }
    const platform = cluster.sharedPlatform ?? sharedPlatformOf.get(cluster.keeper);
    const retained = new Set<string>([cluster.keeper]);
    if (platform !== undefined) {
      for (const id of cluster.applications) if (sharedPlatformOf.get(id) === platform) retained.add(id);
    }
    const moving: string[] = [];
    const skipped: Array<{ id: string; reason: string }> = [];
    for (const id of cluster.applications) {
      if (retained.has(id)) continue;
      if (moved.has(id)) skipped.push({ id, reason: 'already moves in an earlier cluster' });
      else if (keepers.has(id)) skipped.push({ id, reason: 'keeper of another cluster' });
      else {
        moving.push(id);
        moved.add(id);
      }
    }
    return { cluster, platform, retained, moving, skipped };
  });
}

/** Net yearly savings of no longer paying `cost` a year, after a one-off cost of `factor × cost` amortised. */
export function netSavings(cost: number, oneOff: SavingsRange, ongoing: SavingsRange, years: number): SavingsRange {
  // The low savings scenario is the one with the high cost assumptions.
  const net = (oneOffFactor: number, ongoingShare: number) => Math.max(0, Math.round(cost * (1 - oneOffFactor / years - ongoingShare)));
  return {
    low: net(oneOff.high, ongoing.high),
    expected: net(oneOff.expected, ongoing.expected),
    high: net(oneOff.low, ongoing.low),
  };
}

/** Savings of migrating `redundant` rupiah a year of systems onto a keeper. */
export function consolidationSavings(redundant: number, a: Assumptions): SavingsRange {
  return netSavings(redundant, a.migrationCostFactor, a.keeperAbsorptionShare, a.amortisationYears);
}

/** Savings of shutting down `cost` rupiah a year of unused systems (no keeper absorbs anything). */
export function retirementSavings(cost: number, a: Assumptions): SavingsRange {
  const none = { low: 0, expected: 0, high: 0 };
  return netSavings(cost, a.decommissionCostFactor, none, a.amortisationYears);
}

function priceCluster(plan: ClusterPlan, costs: Map<string, ApplicationCost>, a: Assumptions): DuplicateCluster {
  const { cluster, retained, moving, skipped } = plan;
  let total = 0;
  let retainedCost = 0;
  let estimated = 0;
  for (const id of cluster.applications) {
    const cost = costOf(costs, id);
    total += cost.annualCost;
    if (cost.estimated) estimated++;
    if (retained.has(id)) retainedCost += cost.annualCost;
  }
  let redundant = 0;
  for (const id of moving) redundant += costOf(costs, id).annualCost;
  const savings = consolidationSavings(redundant, a);
  const keeperCost = costOf(costs, cluster.keeper);

  const evidence: EvidenceItem[] = [
    {
      kind: 'cost',
      detail: `total ${formatRupiah(total)} a year over ${cluster.applications.length} applications (${estimated} estimated)`,
    },
    {
      kind: 'cost',
      detail:
        `retained ${formatRupiah(retainedCost)}: keeper ${cluster.keeper} ${formatRupiah(keeperCost.annualCost)} (${keeperCost.basis})` +
        (retained.size > 1 ? ` and ${retained.size - 1} other instance(s) of shared platform ${plan.platform}` : ''),
    },
    {
      kind: 'cost',
      detail:
        `redundant ${formatRupiah(redundant)} a year over ${moving.length} application${moving.length === 1 ? '' : 's'}; net savings ` +
        `${formatRupiah(savings.low)}–${formatRupiah(savings.high)} (expected ${formatRupiah(savings.expected)}) after migration ` +
        `cost ${a.migrationCostFactor.low}–${a.migrationCostFactor.high}× one year spread over ${a.amortisationYears} years and ` +
        `keeper absorption ${a.keeperAbsorptionShare.low}–${a.keeperAbsorptionShare.high} of the absorbed cost`,
    },
  ];
  if (skipped.length > 0) {
    evidence.push({ kind: 'cost', detail: `not counted as redundant here: ${skipped.map((s) => `${s.id} (${s.reason})`).join(', ')}` });
  }

  return {
    ...cluster,
    totalAnnualCost: total,
    redundantAnnualCost: redundant,
    estimatedAnnualSavings: savings,
    evidence: [...cluster.evidence, ...evidence],
  };
}

function costOf(costs: Map<string, ApplicationCost>, id: string): ApplicationCost {
  const cost = costs.get(id);
  if (cost === undefined) throw new Error(`application ${id} is in a duplicate cluster but not in the inventory`);
  return cost;
}

/**
 * The annual cost of every application of the inventory, given or estimated (see the header for the order
 * of estimates). Known costs feed the medians only when positive and of an application not retired: a 0 in
 * a budget column usually means "not budgeted here" (a national system, a free tool), and what a retired
 * system still costs is not the price of a running one.
 */
export function estimateCosts(
  inventory: Inventory,
  functionOf: Map<string, string | undefined>,
  a: Assumptions,
  sharedPlatformOf: Map<string, string> = new Map(),
): Map<string, ApplicationCost> {
  const levelOf = new Map(inventory.agencies.map((ag) => [ag.id, ag.level]));
  const byFunction = new Map<string, number[]>();
  const byLevel = new Map<string, number[]>();
  const all: number[] = [];
  const given = new Map<string, number>();

  for (const app of inventory.applications) {
    const cost = app.annualCost;
    if (cost === undefined || !Number.isFinite(cost) || cost < 0) continue;
    const rounded = Math.round(cost);
    given.set(app.id, rounded);
    if (rounded === 0 || app.status === 'retired') continue;
    all.push(rounded);
    const fn = functionOf.get(app.id);
    if (fn !== undefined) push(byFunction, fn, rounded);
    const level = levelOf.get(app.agencyId);
    if (level !== undefined) push(byLevel, level, rounded);
  }

  const min = a.minKnownCostsForMedian;
  const medianCache = new Map<number[], number>();
  const medianOf = (values: number[] | undefined): number | undefined => {
    if (values === undefined || values.length < min) return undefined;
    let m = medianCache.get(values);
    if (m === undefined) {
      m = median(values);
      medianCache.set(values, m);
    }
    return m;
  };

  const costs = new Map<string, ApplicationCost>();
  for (const app of inventory.applications) {
    const known = given.get(app.id);
    if (known !== undefined) {
      costs.set(app.id, { annualCost: known, estimated: false, basis: 'given' });
      continue;
    }
    const level = levelOf.get(app.agencyId);
    const platform = sharedPlatformOf.get(app.id);
    if ((platform !== undefined || app.origin === 'national') && level !== undefined && level !== 'central') {
      costs.set(app.id, {
        annualCost: Math.round(a.nationalInstanceLocalCost),
        estimated: true,
        basis: `instance of national platform${platform ? ` ${platform}` : ''} at a ${level} agency: run by the platform owner`,
      });
      continue;
    }
    if (app.status === 'retired') {
      costs.set(app.id, { annualCost: Math.round(a.retiredMissingCost), estimated: true, basis: 'retired, no cost given: no running cost assumed' });
      continue;
    }
    const fn = functionOf.get(app.id);
    const fnValues = fn !== undefined ? byFunction.get(fn) : undefined;
    const levelValues = level !== undefined ? byLevel.get(level) : undefined;
    const fnMedian = medianOf(fnValues);
    const levelMedian = medianOf(levelValues);
    const allMedian = medianOf(all);
    let estimate: ApplicationCost;
    if (fnMedian !== undefined) {
      estimate = { annualCost: fnMedian, estimated: true, basis: `median of ${fnValues!.length} known costs for function ${fn}` };
    } else if (levelMedian !== undefined) {
      estimate = { annualCost: levelMedian, estimated: true, basis: `median of ${levelValues!.length} known costs at ${level} agencies` };
    } else if (allMedian !== undefined) {
      estimate = { annualCost: allMedian, estimated: true, basis: `median of ${all.length} known costs in the inventory` };
    } else {
      estimate = {
        annualCost: Math.round(a.fallbackAnnualCost),
        estimated: true,
        basis: `default ${formatRupiah(a.fallbackAnnualCost)} (fewer than ${min} known costs in the inventory)`,
      };
    }
    costs.set(app.id, estimate);
  }
  return costs;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Median rounded to whole rupiah (an even count averages the two middle values). */
function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** For what the digit grouping below does not cover (exponent notation from 1e21 on, NaN, infinities). */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A number rounded to an integer with thousands separators ("1,234,567"), as `toLocaleString('en-US')`
 * writes it; by hand, because Intl formatting costs microseconds a call and reports make tens of thousands.
 */
export function formatNumber(value: number): string {
  const n = Math.round(value);
  if (!(Math.abs(n) < 1e21) || Object.is(n, -0)) return GROUPED.format(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

export function formatRupiah(value: number): string {
  return `Rp ${formatNumber(value)}`;
}
