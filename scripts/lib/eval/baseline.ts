/**
 * The naive all-pairs baseline (issue "Duplicate systems…", item 9): what blocking saves, and whether it
 * loses anything. A sample of whole governments (≈ `sampleSize` applications) is cut from a generated
 * inventory; its duplicate stage runs twice with the same pair scorer — once with the pipeline's blocking,
 * once scoring every pair of applications (even across governments, whose edges are then dropped) — and
 * both results are scored against the sample's truth. Speed is extrapolated to the full inventory: the
 * naive method there would score n(n−1)/2 pairs; its cost per pair is the slope between the sample and a
 * second sample twice its size (the pair scorer rejects most pairs in a few tens of nanoseconds, so the
 * difference between the two methods on one small sample is too small to measure a per-pair cost from),
 * set against the blocked detection measured on the full inventory itself.
 *
 * Times are CPU milliseconds (process.cpuUsage), since the machine may be shared; each is the least of
 * `repeats` runs (the two methods alternate), so neither pays alone for the first run's compilation and a
 * busy moment of the host does not decide the ratio.
 */
import { loadReference, type ReferenceData } from '../../../src/reference/index.js';
import type { Inventory } from '../../../src/types.js';
import { generateInventory, toInventory, type GeneratedInventory, type Scale } from '../generator/index.js';
import { Rng } from '../generator/random.js';
import { scoreClusters, type ClusterScore } from './score.js';
import { runDuplicateStage } from './stage.js';

export interface BaselineOptions {
  seed?: number;
  /** Inventory the sample is cut from (default: national scale). */
  scale?: Scale;
  /** Applications wanted in the sample (whole governments are taken until it is reached). */
  sampleSize?: number;
  /** Also time the blocked detection on the full inventory (default true). */
  full?: boolean;
  /** Runs per timing, the least CPU time kept (default 3; the full inventory gets at most 2). */
  repeats?: number;
  reference?: ReferenceData;
}

export interface MethodRun {
  score: ClusterScore;
  /** Records the detector compared. */
  records: number;
  /** Pairs the pair scorer evaluated. */
  scoredPairs: number;
  /** CPU milliseconds of the whole duplicate detection. */
  cpuMs: number;
}

export interface BaselineReport {
  seed: number;
  sample: { applications: number; governments: number };
  blocked: MethodRun;
  naive: MethodRun;
  /** Naive CPU time ÷ blocked CPU time on the sample. */
  sampleSpeedup: number;
  /** The naive method on a second sample of about twice the size, for its cost per pair. */
  larger: { applications: number; records: number; scoredPairs: number; cpuMs: number };
  /** CPU microseconds per scored pair of the naive method: the slope between the two samples. */
  usPerPair: number;
  full?: {
    applications: number;
    records: number;
    /** Blocked detection on the full inventory, measured. */
    blockedCpuMs: number;
    blockedScoredPairs: number;
    /** Pairs the naive method would score: n(n−1)/2. */
    naivePairs: number;
    /** The naive method's time on the sample + (naivePairs − its pairs on the sample) × usPerPair. */
    naiveCpuMsExtrapolated: number;
    speedup: number;
  };
}

const DEFAULTS = { seed: 42, scale: 'national' as Scale, sampleSize: 2000, full: true, repeats: 3 };

/** Whole governments, in a seeded order, until the sample has `size` applications; with their truth. */
export function sampleGovernments(gen: GeneratedInventory, size: number, seed: number): { inventory: Inventory; truth: string[][]; traps: string[][]; governments: number } {
  const parent = new Map(gen.agencies.map((a) => [a.id, a.parentId ?? a.id]));
  const root = (agencyId: string): string => {
    let current = agencyId;
    for (let i = 0; i < 10 && parent.get(current) !== current && parent.has(current); i++) current = parent.get(current)!;
    return current;
  };
  const appsOf = new Map<string, string[]>();
  for (const app of gen.applications) {
    const g = root(app.agencyId);
    const list = appsOf.get(g);
    if (list) list.push(app.id);
    else appsOf.set(g, [app.id]);
  }
  const order = new Rng(seed).fork('baseline-sample').shuffle([...appsOf.keys()].sort());
  const chosen = new Set<string>();
  let count = 0;
  for (const g of order) {
    if (count >= size) break;
    chosen.add(g);
    count += appsOf.get(g)!.length;
  }
  const keep = new Set([...chosen].flatMap((g) => appsOf.get(g)!));
  const applications = gen.applications.filter((a) => keep.has(a.id));
  const datasetIds = new Set(applications.flatMap((a) => a.datasets));
  const inventory: Inventory = {
    source: { path: `generated:${gen.scale}:${gen.seed}:sample`, format: 'csv-folder' },
    agencies: gen.agencies.filter((a) => chosen.has(root(a.id))),
    applications,
    exchanges: gen.exchanges.filter((x) => keep.has(x.sourceId) && keep.has(x.targetId)),
    datasets: gen.datasets.filter((d) => datasetIds.has(d.id)),
    warnings: [],
  };
  const within = (ids: string[]) => ids.filter((id) => keep.has(id));
  return {
    inventory,
    truth: gen.truth.clusters.map((c) => within(c.applications)).filter((c) => c.length > 1),
    traps: gen.truth.traps.map((t) => within(t.applications)).filter((t) => t.length > 1),
    governments: chosen.size,
  };
}

function methodRun(inventory: Inventory, reference: ReferenceData, candidates: 'blocked' | 'all-pairs', truth: string[][], traps: string[][]): MethodRun {
  const run = runDuplicateStage(inventory, reference, candidates);
  const score = scoreClusters({ items: inventory.applications.map((a) => a.id), predicted: run.clusters.map((c) => c.applications), truth, traps });
  return { score, records: run.records, scoredPairs: run.stats.scored, cpuMs: run.detectCpuMs };
}

export function runBaseline(options: BaselineOptions = {}): BaselineReport {
  const o = { ...DEFAULTS, ...options };
  const reference = options.reference ?? loadReference();
  const gen = generateInventory({ seed: o.seed, scale: o.scale });
  const sample = sampleGovernments(gen, o.sampleSize, o.seed);
  const larger = sampleGovernments(gen, 2 * o.sampleSize, o.seed);
  let blocked: MethodRun | undefined;
  let naive: MethodRun | undefined;
  let naiveLarger: MethodRun | undefined;
  for (let r = 0; r < Math.max(1, o.repeats); r++) {
    // The detection is deterministic: every run gives the same clusters; only its time varies.
    const b = methodRun(sample.inventory, reference, 'blocked', sample.truth, sample.traps);
    const a = methodRun(sample.inventory, reference, 'all-pairs', sample.truth, sample.traps);
    const l = methodRun(larger.inventory, reference, 'all-pairs', larger.truth, larger.traps);
    blocked = blocked === undefined || b.cpuMs < blocked.cpuMs ? b : blocked;
    naive = naive === undefined || a.cpuMs < naive.cpuMs ? a : naive;
    naiveLarger = naiveLarger === undefined || l.cpuMs < naiveLarger.cpuMs ? l : naiveLarger;
  }
  const report: BaselineReport = {
    seed: o.seed,
    sample: { applications: sample.inventory.applications.length, governments: sample.governments },
    blocked: blocked!,
    naive: naive!,
    sampleSpeedup: blocked!.cpuMs === 0 ? 0 : naive!.cpuMs / blocked!.cpuMs,
    larger: { applications: larger.inventory.applications.length, records: naiveLarger!.records, scoredPairs: naiveLarger!.scoredPairs, cpuMs: naiveLarger!.cpuMs },
    usPerPair: Math.max(0, ((naiveLarger!.cpuMs - naive!.cpuMs) * 1000) / Math.max(1, naiveLarger!.scoredPairs - naive!.scoredPairs)),
  };
  if (o.full) {
    const inventory = toInventory(gen);
    let run = runDuplicateStage(inventory, reference, 'blocked');
    for (let r = 1; r < Math.min(2, o.repeats); r++) {
      const again = runDuplicateStage(inventory, reference, 'blocked');
      if (again.detectCpuMs < run.detectCpuMs) run = again;
    }
    const n = run.records;
    const naivePairs = (n * (n - 1)) / 2;
    const naiveCpuMsExtrapolated = report.naive.cpuMs + ((naivePairs - report.naive.scoredPairs) * report.usPerPair) / 1000;
    report.full = {
      applications: inventory.applications.length,
      records: n,
      blockedCpuMs: run.detectCpuMs,
      blockedScoredPairs: run.stats.scored,
      naivePairs,
      naiveCpuMsExtrapolated,
      speedup: run.detectCpuMs === 0 ? 0 : naiveCpuMsExtrapolated / run.detectCpuMs,
    };
  }
  return report;
}

const fixed = (x: number) => x.toFixed(3);
const count = (x: number) => x.toLocaleString('en');

export function formatBaseline(r: BaselineReport): string {
  const row = (label: string, m: MethodRun) =>
    `  ${label.padEnd(9)} B-cubed P ${fixed(m.score.bcubed.precision)} R ${fixed(m.score.bcubed.recall)} F1 ${fixed(m.score.bcubed.f1)} | ` +
    `pairwise P ${fixed(m.score.pairwise.precision)} R ${fixed(m.score.pairwise.recall)} F1 ${fixed(m.score.pairwise.f1)} | traps broken ${m.score.trapsBroken}/${m.score.traps} | ` +
    `${count(m.scoredPairs)} pairs scored, ${m.cpuMs.toFixed(0)} ms CPU`;
  const lines = [
    `Naive all-pairs baseline: a sample of ${count(r.sample.applications)} applications in ${r.sample.governments} whole governments (seed ${r.seed}), ${count(r.blocked.records)} records compared`,
    row('blocked', r.blocked),
    row('all-pairs', r.naive),
    `  on the sample all-pairs takes ${r.sampleSpeedup.toFixed(1)}x the CPU time of blocking; all-pairs on ${count(r.larger.applications)} applications ` +
      `(${count(r.larger.records)} records, ${count(r.larger.scoredPairs)} pairs) ${r.larger.cpuMs.toFixed(0)} ms CPU: ${(r.usPerPair * 1000).toFixed(0)} ns per further pair`,
  ];
  if (r.full !== undefined) {
    lines.push(
      `  full inventory (${count(r.full.applications)} applications, ${count(r.full.records)} records compared): blocked ${r.full.blockedCpuMs.toFixed(0)} ms CPU for ${count(r.full.blockedScoredPairs)} pairs; ` +
        `all-pairs would score ${count(r.full.naivePairs)} pairs, about ${(r.full.naiveCpuMsExtrapolated / 1000).toFixed(1)} s CPU (extrapolated): blocking is ${r.full.speedup.toFixed(0)}x faster`,
    );
  }
  return lines.join('\n');
}
