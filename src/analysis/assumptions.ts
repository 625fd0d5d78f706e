/**
 * The assumptions behind every rupiah and every ranking siloscope reports: how missing costs are
 * estimated, what a migration costs, how effort and priority are scored. They are numbers a reviewer will
 * argue with, so each one is stated here with its reason, can be overridden (`resolveAssumptions`), and is
 * echoed in the report's method section (`describeAssumptions`, docs/method.md).
 *
 * Sources: the cost structure follows the Federal CIO Council Application Rationalization Playbook
 * (retire a system only when the one-off migration pays back within the planning horizon) and the
 * GAO/OMB PortfolioStat practice of reporting consolidation savings as net of transition costs. The
 * numeric defaults are siloscope's own, not published SPBE figures: they are marked as assumptions
 * wherever a figure derived from them is shown.
 */
import { InputError } from '../errors.js';
import type { SavingsRange } from '../types.js';

/** A low / expected / high triple of a cost-side quantity; low ≤ expected ≤ high. */
export type CostRange = SavingsRange;

export interface EffortModel {
  /** Points per application that has to move (or be retired, or have an exchange rebuilt). */
  perApplication: number;
  /** Points per agency beyond the first: each extra agency means its own agreement, budget line and team. */
  perExtraAgency: number;
  /** Points per exchange that has to be rewired or rebuilt. */
  perExchange: number;
  /** Effort is `low` up to this many points, `medium` up to `mediumMax`, `high` above. */
  lowMax: number;
  mediumMax: number;
  /** Divisor of the priority score per effort class. */
  weights: { low: number; medium: number; high: number };
}

export interface Assumptions {
  /** Years over which a one-off migration or decommissioning cost is spread in the annual savings figure. */
  amortisationYears: number;
  /** One-off cost to migrate users and data off a retired system, as a multiple of one year of its cost. */
  migrationCostFactor: CostRange;
  /** Extra yearly run cost the keeper takes on per absorbed system, as a share of that system's yearly cost. */
  keeperAbsorptionShare: CostRange;
  /** One-off cost to shut down an unused system (archive its records, release hosting), × one year of its cost. */
  decommissionCostFactor: CostRange;
  /** Yearly cost to a non-central agency of an instance of a national / shared platform whose cost is not given. */
  nationalInstanceLocalCost: number;
  /** Yearly cost assumed for a retired application whose cost is not given. */
  retiredMissingCost: number;
  /** Fewest known costs a group (function, agency level) needs before its median is used as an estimate. */
  minKnownCostsForMedian: number;
  /** Yearly cost assumed when the inventory gives no usable cost at all (IDR). */
  fallbackAnnualCost: number;
  effort: EffortModel;
  /** Confidence attached to recommendations that do not come from a duplicate cluster (which carries its own). */
  confidence: {
    retireStatus: number;
    retireUnused: number;
    integrateManual: number;
    integrateConsumer: number;
    shareData: number;
  };
  /** Fewest applications that must keep one dataset before a master source is recommended. */
  shareDataMinHolders: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  // Three years is the usual budget-planning horizon (RPJMD/Renstra cycles are five, APBD is annual; three
  // is the common compromise in rationalisation business cases) and the payback period a programme board
  // will accept for an IT consolidation.
  amortisationYears: 3,
  // Migrating a system (data conversion, retraining, parallel running, interface changes) typically costs
  // between half a year and one and a half years of its run cost; one year is the central case.
  migrationCostFactor: { low: 0.5, expected: 1, high: 1.5 },
  // The keeper serves more users and data after absorbing a system: more hosting, licences and support.
  // Shared platforms scale cheaply, hence 0 at best; 10 % expected, 20 % at worst.
  keeperAbsorptionShare: { low: 0, expected: 0.1, high: 0.2 },
  // Shutting down an unused system needs records archived (ANRI retention rules) and hosting released, but no
  // user migration: a tenth to a half of a year of its cost, a quarter expected.
  decommissionCostFactor: { low: 0.1, expected: 0.25, high: 0.5 },
  // A national platform (SIPD, SRIKANDI, SIASN, …) is built and run by its owner ministry; the local agency
  // that uses it pays about nothing for it. Central agencies are not given this rule: one of them may be the
  // owner.
  nationalInstanceLocalCost: 0,
  // A retired application with no cost given is assumed to cost nothing any more; any cost given for it is
  // kept (hosting or licences that were never stopped are exactly the waste to find).
  retiredMissingCost: 0,
  // A median of one or two values is an anecdote; three is the smallest sample with a middle value that is
  // not an average of extremes.
  minKnownCostsForMedian: 3,
  // Rp 100 million a year: an order-of-magnitude figure for maintaining and hosting one regional application
  // (unconfirmed; regional budget lines commonly run from tens to a few hundred million rupiah). Used only
  // when the inventory carries no cost at all, and every figure derived from it is flagged estimated.
  fallbackAnnualCost: 100_000_000,
  effort: {
    perApplication: 1,
    // Cross-agency work needs agreements and budget alignment in each agency: costlier than a technical step.
    perExtraAgency: 2,
    perExchange: 0.5,
    lowMax: 3,
    mediumMax: 8,
    weights: { low: 1, medium: 2, high: 4 },
  },
  confidence: {
    // The inventory itself says the application is inactive.
    retireStatus: 0.95,
    // Zero users is often a default left in a spreadsheet; no exchanges supports it but does not prove it.
    retireUnused: 0.7,
    // The exchange is declared manual or file-based: a fact of the inventory.
    integrateManual: 0.9,
    // Dataset lists in catalogues are incomplete; the application may already get the data another way.
    integrateConsumer: 0.7,
    shareData: 0.8,
  },
  shareDataMinHolders: 2,
};

export type AssumptionOverrides = {
  [K in keyof Assumptions]?: Assumptions[K] extends object
    ? { [L in keyof Assumptions[K]]?: Assumptions[K][L] extends object ? Partial<Assumptions[K][L]> : Assumptions[K][L] }
    : Assumptions[K];
};

/** The defaults with the caller's overrides applied (two levels deep), validated. */
export function resolveAssumptions(overrides: AssumptionOverrides = {}): Assumptions {
  const d = DEFAULT_ASSUMPTIONS;
  const o = overrides;
  const resolved: Assumptions = {
    amortisationYears: o.amortisationYears ?? d.amortisationYears,
    migrationCostFactor: { ...d.migrationCostFactor, ...o.migrationCostFactor },
    keeperAbsorptionShare: { ...d.keeperAbsorptionShare, ...o.keeperAbsorptionShare },
    decommissionCostFactor: { ...d.decommissionCostFactor, ...o.decommissionCostFactor },
    nationalInstanceLocalCost: o.nationalInstanceLocalCost ?? d.nationalInstanceLocalCost,
    retiredMissingCost: o.retiredMissingCost ?? d.retiredMissingCost,
    minKnownCostsForMedian: o.minKnownCostsForMedian ?? d.minKnownCostsForMedian,
    fallbackAnnualCost: o.fallbackAnnualCost ?? d.fallbackAnnualCost,
    effort: {
      ...d.effort,
      ...o.effort,
      weights: { ...d.effort.weights, ...o.effort?.weights },
    },
    confidence: { ...d.confidence, ...o.confidence },
    shareDataMinHolders: o.shareDataMinHolders ?? d.shareDataMinHolders,
  };
  validate(resolved);
  return resolved;
}

function validate(a: Assumptions): void {
  const problems: string[] = [];
  const nonNegative = (name: string, v: number) => {
    if (!Number.isFinite(v) || v < 0) problems.push(`${name} must be a finite number ≥ 0 (got ${v})`);
  };
  if (!Number.isFinite(a.amortisationYears) || a.amortisationYears <= 0) {
    problems.push(`amortisationYears must be > 0 (got ${a.amortisationYears})`);
  }
  for (const key of ['migrationCostFactor', 'keeperAbsorptionShare', 'decommissionCostFactor'] as const) {
    const r = a[key];
    for (const part of ['low', 'expected', 'high'] as const) nonNegative(`${key}.${part}`, r[part]);
    if (!(r.low <= r.expected && r.expected <= r.high)) {
      problems.push(`${key} must satisfy low ≤ expected ≤ high (got ${r.low}, ${r.expected}, ${r.high})`);
    }
  }
  nonNegative('nationalInstanceLocalCost', a.nationalInstanceLocalCost);
  nonNegative('retiredMissingCost', a.retiredMissingCost);
  nonNegative('fallbackAnnualCost', a.fallbackAnnualCost);
  if (!Number.isInteger(a.minKnownCostsForMedian) || a.minKnownCostsForMedian < 1) {
    problems.push(`minKnownCostsForMedian must be an integer ≥ 1 (got ${a.minKnownCostsForMedian})`);
  }
  if (!Number.isInteger(a.shareDataMinHolders) || a.shareDataMinHolders < 2) {
    problems.push(`shareDataMinHolders must be an integer ≥ 2 (got ${a.shareDataMinHolders})`);
  }
  const e = a.effort;
  for (const key of ['perApplication', 'perExtraAgency', 'perExchange', 'lowMax', 'mediumMax'] as const) nonNegative(`effort.${key}`, e[key]);
  if (e.lowMax > e.mediumMax) problems.push(`effort.lowMax must be ≤ effort.mediumMax (got ${e.lowMax} > ${e.mediumMax})`);
  for (const key of ['low', 'medium', 'high'] as const) {
    if (!Number.isFinite(e.weights[key]) || e.weights[key] <= 0) problems.push(`effort.weights.${key} must be > 0`);
  }
  for (const [key, v] of Object.entries(a.confidence)) {
    if (!Number.isFinite(v) || v < 0 || v > 1) problems.push(`confidence.${key} must be in [0, 1] (got ${v})`);
  }
  if (problems.length > 0) {
    throw new InputError(
      problems.map((message) => ({
        level: 'error' as const,
        file: 'assumptions',
        column: message.split(' ')[0],
        message,
        fix: 'correct the value or remove it to use the documented default (docs/method.md)',
      })),
    );
  }
}

const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
const rupiah = (v: number) => `Rp ${Math.round(v).toLocaleString('en-US')}`;

/** The assumptions as sentences, for the report's method section and the target state. */
export function describeAssumptions(a: Assumptions): string[] {
  const m = a.migrationCostFactor;
  const k = a.keeperAbsorptionShare;
  const d = a.decommissionCostFactor;
  return [
    `Missing costs are estimated from the median known cost of the application's function (at least ${a.minKnownCostsForMedian} known costs), else of its agency level, else of the whole inventory, else ${rupiah(a.fallbackAnnualCost)} a year; estimated costs are flagged, never counted as zero.`,
    `An instance of a national or shared platform at a non-central agency costs that agency ${rupiah(a.nationalInstanceLocalCost)} a year when no cost is given: the platform owner runs it.`,
    `A retired application with no cost given costs ${rupiah(a.retiredMissingCost)} a year; a cost given for it is kept.`,
    `Redundant cost of a duplicate cluster = total cost of its members − cost of the keeper (and of other instances of the shared platform it adopts).`,
    `Migrating off a system costs ${m.low}–${m.high}× one year of its cost (expected ${m.expected}×), spread over ${a.amortisationYears} years; the keeper's run cost grows by ${pct(k.low)}–${pct(k.high)} (expected ${pct(k.expected)}) of each absorbed system's cost.`,
    `Annual savings = redundant cost × (1 − migration factor ÷ ${a.amortisationYears} − absorption share): the low figure takes the high cost assumptions, the high figure the low ones; never below zero.`,
    `Retiring an unused system costs ${d.low}–${d.high}× one year of its cost (expected ${d.expected}×), spread over ${a.amortisationYears} years.`,
    `Effort points = ${a.effort.perApplication} per application + ${a.effort.perExtraAgency} per agency beyond the first + ${a.effort.perExchange} per exchange to rewire; low ≤ ${a.effort.lowMax} < medium ≤ ${a.effort.mediumMax} < high.`,
    `Priority ranks recommendations by expected savings × confidence ÷ effort weight (low ${a.effort.weights.low}, medium ${a.effort.weights.medium}, high ${a.effort.weights.high}); 1 = highest.`,
  ];
}
