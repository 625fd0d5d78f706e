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
import type { AgencyLevel, DuplicateCluster, EvidenceItem, Inventory, SavingsRange } from '../types.js';
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
  /**
   * The consolidation plan of each of `clusters` (`planClusters(clusters, sharedPlatformOf)`, made once
   * here): pass it to `recommend` with these clusters rather than plan them again.
   */
  plans: ClusterPlan[];
}

export function analyzeSpend(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  functionOf: Map<string, string | undefined>,
  assumptions: AssumptionOverrides = {},
  sharedPlatformOf: Map<string, string> = new Map(),
): SpendResult {
  const a = resolveAssumptions(assumptions);
  const { costs, totalAnnualCost, estimatedCostApplications } = costsWithTotals(inventory, functionOf, a, sharedPlatformOf);

  let duplicateAnnualCost = 0;
  let redundantAnnualCost = 0;
  const savings: SavingsRange = { low: 0, expected: 0, high: 0 };
  const plans = planClusters(clusters, sharedPlatformOf);
  const assumptionsNote = migrationAssumptions(a);
  const priced = new Array<DuplicateCluster>(plans.length);
  const pricedPlans = new Array<ClusterPlan>(plans.length);
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    const result = priceCluster(plan, costs, a, assumptionsNote);
    duplicateAnnualCost += result.totalAnnualCost;
    redundantAnnualCost += result.redundantAnnualCost;
    savings.low += result.estimatedAnnualSavings.low;
    savings.expected += result.estimatedAnnualSavings.expected;
    savings.high += result.estimatedAnnualSavings.high;
    priced[k] = result;
    // The priced copy has the same keeper, members and platform: the plan stands for it as it is.
    pricedPlans[k] = { ...plan, cluster: result };
  }

  return {
    costs,
    clusters: priced,
    totals: { totalAnnualCost, duplicateAnnualCost, redundantAnnualCost, estimatedAnnualSavings: savings, estimatedCostApplications },
    plans: pricedPlans,
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
    const members = cluster.applications;
    if (!members.includes(cluster.keeper)) {
      throw new Error(`duplicate cluster ${cluster.id}: keeper ${cluster.keeper} is not one of its applications`);
    }
    const platform = cluster.sharedPlatform ?? sharedPlatformOf.get(cluster.keeper);
    const retained = new Set<string>([cluster.keeper]);
    if (platform !== undefined) {
      for (let k = 0; k < members.length; k++) if (sharedPlatformOf.get(members[k]!) === platform) retained.add(members[k]!);
    }
    const moving: string[] = [];
    const skipped: Array<{ id: string; reason: string }> = [];
    for (let k = 0; k < members.length; k++) {
      const id = members[k]!;
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

/** The end of every cluster's savings line: the same assumptions for all, written once per run. */
function migrationAssumptions(a: Assumptions): string {
  return (
    `cost ${a.migrationCostFactor.low}–${a.migrationCostFactor.high}× one year spread over ${a.amortisationYears} years and ` +
    `keeper absorption ${a.keeperAbsorptionShare.low}–${a.keeperAbsorptionShare.high} of the absorbed cost`
  );
}

function priceCluster(plan: ClusterPlan, costs: Map<string, ApplicationCost>, a: Assumptions, assumptionsNote: string): DuplicateCluster {
  const { cluster, retained, moving, skipped } = plan;
  let total = 0;
  let retainedCost = 0;
  let estimated = 0;
  let redundant = 0;
  let keeperCost: ApplicationCost | undefined;
  // One lookup per member: `moving` is a subsequence of the members (each at its first occurrence), and
  // the keeper is a member.
  let next = 0;
  for (let k = 0; k < cluster.applications.length; k++) {
    const id = cluster.applications[k]!;
    const cost = costOf(costs, id);
    total += cost.annualCost;
    if (cost.estimated) estimated++;
    if (retained.has(id)) retainedCost += cost.annualCost;
    if (next < moving.length && moving[next] === id) {
      redundant += cost.annualCost;
      next++;
    }
    if (keeperCost === undefined && id === cluster.keeper) keeperCost = cost;
  }
  keeperCost ??= costOf(costs, cluster.keeper);
  const savings = consolidationSavings(redundant, a);

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
        assumptionsNote,
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
  return costsWithTotals(inventory, functionOf, a, sharedPlatformOf).costs;
}

/** `estimateCosts`, with Σ cost and the number of estimates counted as the costs are made. */
function costsWithTotals(
  inventory: Inventory,
  functionOf: Map<string, string | undefined>,
  a: Assumptions,
  sharedPlatformOf: Map<string, string>,
): { costs: Map<string, ApplicationCost>; totalAnnualCost: number; estimatedCostApplications: number } {
  const apps = inventory.applications;
  const levelOf = new Map<string, AgencyLevel>();
  for (const ag of inventory.agencies) levelOf.set(ag.id, ag.level);
  // Applications come grouped by agency: remember the last agency's level rather than look it up again.
  let lastAgency: string | undefined;
  let lastLevel: AgencyLevel | undefined;
  const levelOfApp = (agencyId: string): AgencyLevel | undefined => {
    if (agencyId !== lastAgency) {
      lastAgency = agencyId;
      lastLevel = levelOf.get(agencyId);
    }
    return lastLevel;
  };

  // `functionOf` is normally built from this inventory, in its order: walked beside the applications it
  // gives each function code without a lookup (an entry out of step falls back to one).
  const functionIds: string[] = [];
  const functionCodes: Array<string | undefined> = [];
  if (functionOf.size === apps.length) {
    functionOf.forEach((fn, id) => {
      functionIds.push(id);
      functionCodes.push(fn);
    });
  }
  const functionAt = (i: number): string | undefined => (functionIds[i] === apps[i]!.id ? functionCodes[i] : functionOf.get(apps[i]!.id));

  const byFunction = new Map<string, number[]>();
  const byLevel = new Map<string, number[]>();
  const all: number[] = [];
  /** The given cost of each application, rounded once; NaN when none is usable. */
  const given = new Float64Array(apps.length).fill(NaN);
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const cost = app.annualCost;
    if (cost === undefined || !Number.isFinite(cost) || cost < 0) continue;
    const rounded = Math.round(cost);
    given[i] = rounded;
    if (rounded === 0 || app.status === 'retired') continue;
    all.push(rounded);
    const fn = functionAt(i);
    if (fn !== undefined) push(byFunction, fn, rounded);
    const level = levelOfApp(app.agencyId);
    if (level !== undefined) push(byLevel, level, rounded);
  }

  // An estimate depends only on the function and the agency level: each distinct one is worked out once
  // (median and basis text), and applications get their own object with the shared figures.
  const min = a.minKnownCostsForMedian;
  let allEstimate: Estimate | undefined;
  const inventoryEstimate = (): Estimate =>
    (allEstimate ??=
      all.length >= min
        ? { annualCost: median(all), basis: `median of ${all.length} known costs in the inventory` }
        : { annualCost: Math.round(a.fallbackAnnualCost), basis: `default ${formatRupiah(a.fallbackAnnualCost)} (fewer than ${min} known costs in the inventory)` });
  const byFunctionEstimate = new Map<string | undefined, Estimate | null>();
  const byLevelEstimate = new Map<string | undefined, Estimate>();
  const estimateFor = (fn: string | undefined, level: AgencyLevel | undefined): Estimate => {
    let estimate = byFunctionEstimate.get(fn);
    if (estimate === undefined) {
      const values = fn !== undefined ? byFunction.get(fn) : undefined;
      estimate = values !== undefined && values.length >= min ? { annualCost: median(values), basis: `median of ${values.length} known costs for function ${fn}` } : null;
      byFunctionEstimate.set(fn, estimate);
    }
    if (estimate !== null) return estimate;
    let atLevel = byLevelEstimate.get(level);
    if (atLevel === undefined) {
      const values = level !== undefined ? byLevel.get(level) : undefined;
      atLevel = values !== undefined && values.length >= min ? { annualCost: median(values), basis: `median of ${values.length} known costs at ${level} agencies` } : inventoryEstimate();
      byLevelEstimate.set(level, atLevel);
    }
    return atLevel;
  };
  const nationalInstanceCost = Math.round(a.nationalInstanceLocalCost);
  const nationalBasis = new Map<string | undefined, Map<string, string>>();
  const nationalBasisFor = (platform: string | undefined, level: string): string => {
    let byLevelBasis = nationalBasis.get(platform);
    if (byLevelBasis === undefined) nationalBasis.set(platform, (byLevelBasis = new Map()));
    let basis = byLevelBasis.get(level);
    if (basis === undefined) {
      basis = `instance of national platform${platform ? ` ${platform}` : ''} at a ${level} agency: run by the platform owner`;
      byLevelBasis.set(level, basis);
    }
    return basis;
  };
  const retiredCost = Math.round(a.retiredMissingCost);

  const costFor = (i: number, known: number): ApplicationCost => {
    const app = apps[i]!;
    if (!Number.isNaN(known)) return { annualCost: known, estimated: false, basis: 'given' };
    const level = levelOfApp(app.agencyId);
    const platform = sharedPlatformOf.get(app.id);
    if ((platform !== undefined || app.origin === 'national') && level !== undefined && level !== 'central') {
      return { annualCost: nationalInstanceCost, estimated: true, basis: nationalBasisFor(platform, level) };
    }
    if (app.status === 'retired') return { annualCost: retiredCost, estimated: true, basis: 'retired, no cost given: no running cost assumed' };
    const estimate = estimateFor(functionAt(i), level);
    return { annualCost: estimate.annualCost, estimated: true, basis: estimate.basis };
  };

  const costs = new Map<string, ApplicationCost>();
  let totalAnnualCost = 0;
  let estimatedCostApplications = 0;
  for (let i = 0; i < apps.length; i++) {
    const cost = costFor(i, given[i]!);
    costs.set(apps[i]!.id, cost);
    totalAnnualCost += cost.annualCost;
    if (cost.estimated) estimatedCostApplications++;
  }
  if (costs.size !== apps.length) {
    // An id repeats (never after loading): its records all take the given cost of the last one with one,
    // and it counts once.
    const givenById = new Map<string, number>();
    for (let i = 0; i < apps.length; i++) if (!Number.isNaN(given[i])) givenById.set(apps[i]!.id, given[i]!);
    costs.clear();
    for (let i = 0; i < apps.length; i++) costs.set(apps[i]!.id, costFor(i, givenById.get(apps[i]!.id) ?? NaN));
    totalAnnualCost = 0;
    estimatedCostApplications = 0;
    for (const cost of costs.values()) {
      totalAnnualCost += cost.annualCost;
      if (cost.estimated) estimatedCostApplications++;
    }
  }
  return { costs, totalAnnualCost, estimatedCostApplications };
}

interface Estimate {
  annualCost: number;
  basis: string;
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

/**
 * For what the digit grouping below does not cover (exponent notation from 1e21 on, NaN, infinities, −0);
 * made on first use, since building an Intl formatter costs tens of milliseconds.
 */
let grouped: Intl.NumberFormat | undefined;

/**
 * A number rounded to an integer with thousands separators ("1,234,567"), as `toLocaleString('en-US')`
 * writes it; by hand, because Intl formatting costs microseconds a call and reports make tens of thousands.
 * Safe integers are grouped by arithmetic (no digit string to slice); beyond 2⁵³ the digits String() gives.
 */
export function formatNumber(value: number): string {
  const n = Math.round(value);
  let abs = Math.abs(n);
  if (!(abs < 1e21) || Object.is(n, -0)) return (grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(n);
  if (abs < 1000) return String(n);
  if (abs > Number.MAX_SAFE_INTEGER) {
    const digits = String(abs);
    let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
    for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
    return n < 0 ? `-${out}` : out;
  }
  let out = '';
  while (abs >= 1000) {
    const group = abs % 1000;
    abs = (abs - group) / 1000;
    out = (group >= 100 ? ',' : group >= 10 ? ',0' : ',00') + group + out;
  }
  out = abs + out;
  return n < 0 ? `-${out}` : out;
}

export function formatRupiah(value: number): string {
  return `Rp ${formatNumber(value)}`;
}
