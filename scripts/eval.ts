/**
 * `npm run eval`: how well siloscope finds duplicate systems, on generated inventories with ground truth.
 *
 * For every case (seed × variant at sample scale, plus one larger inventory) the generator
 * (scripts/lib/generator) makes an inventory and its truth; the real pipeline (`analyzeInventory`) analyses
 * it; its duplicate clusters are scored against the truth clusters (scripts/lib/eval/score.ts: every
 * application is an item, an item's cluster is its duplicate cluster or itself alone; B-cubed over all
 * items and over the items some predicted or true cluster lists; pairwise precision and recall; traps
 * broken = look-alike applications with different jobs put in one cluster). Then the naive all-pairs
 * baseline (scripts/lib/eval/baseline.ts) compares blocking with scoring every pair.
 *
 * The default seeds are the reporting seeds; development used other seeds (1–5, 7, 42), so the figures
 * below are measured on inventories the rules were not tuned on.
 *
 *   npm run eval
 *   npm run eval -- --seeds 11,12 --variants eval --large 0 --no-baseline --explain
 *   npm run eval -- --json /tmp/eval.json
 *
 * Options: --seeds a,b,c (sample-scale seeds), --variants eval,standard, --large N (regional governments of
 * the larger inventory, 0 to skip), --large-seed S, --no-baseline, --baseline-size N, --explain (list the
 * wrongly merged and the missed clusters), --json FILE.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadReference } from '../src/reference/index.js';
import { formatBaseline, runBaseline, type BaselineReport } from './lib/eval/baseline.js';
import { evaluateCase, explainErrors, type EvalCase, type EvalResult } from './lib/eval/evaluate.js';
import { meanScore, type ClusterScore } from './lib/eval/score.js';
import { runDuplicateStage } from './lib/eval/stage.js';
import { toInventory, type Variant } from './lib/generator/index.js';

const REPORT_SEEDS = [101, 202, 303];
const LARGE = { governments: 80, seed: 404 };

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: REPORT_SEEDS.join(',') },
    variants: { type: 'string', default: 'eval,standard' },
    large: { type: 'string', default: String(LARGE.governments) },
    'large-seed': { type: 'string', default: String(LARGE.seed) },
    'no-baseline': { type: 'boolean', default: false },
    'baseline-size': { type: 'string', default: '2000' },
    explain: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
  strict: true,
});

const seeds = values.seeds.split(',').map(Number);
const variants = values.variants.split(',') as Variant[];
const largeGovernments = Number(values.large);
const cases: EvalCase[] = [];
for (const variant of variants) for (const seed of seeds) cases.push({ seed, scale: 'sample', variant });
if (largeGovernments > 0) cases.push({ seed: Number(values['large-seed']), scale: { governments: largeGovernments }, variant: 'eval' });

const reference = loadReference();
const f = (x: number) => x.toFixed(3);
const header =
  'inventory                  apps | B-cubed P    R     F1  | involved  P    R     F1  | pairwise  P    R     F1  | clusters pred/true | traps broken | analyze CPU';
const line = (label: string, apps: number | string, s: ClusterScore, cpu: string) =>
  `${label.padEnd(24)} ${String(apps).padStart(6)} | ${f(s.bcubed.precision)} ${f(s.bcubed.recall)} ${f(s.bcubed.f1)} | ${String(s.involved.items).padStart(5)} ${f(s.involved.precision)} ${f(s.involved.recall)} ${f(s.involved.f1)} | ` +
  `${f(s.pairwise.precision)} ${f(s.pairwise.recall)} ${f(s.pairwise.f1)} | ${`${s.predictedClusters}/${s.trueClusters}`.padStart(18)} | ${`${s.trapsBroken}/${s.traps}`.padStart(12)} | ${cpu}`;

console.log('Duplicate detection, scored against the generator\'s ground truth (scripts/lib/eval/score.ts for the definitions)');
console.log(`reporting seeds ${seeds.join(', ')} (sample scale, ${variants.join(' and ')} variants)${largeGovernments > 0 ? ` and seed ${values['large-seed']} at ${largeGovernments} governments (eval variant)` : ''}\n`);
console.log(header);
const results: EvalResult[] = [];
for (const c of cases) {
  const r = await evaluateCase(c, reference);
  results.push(r);
  console.log(line(r.label, r.applications, r.score, `${r.analyzeCpuMs.toFixed(0)} ms`));
}
const mean = meanScore(results.map((r) => r.score));
console.log(line('MEAN (per inventory)', '', mean, ''));
console.log(
  '\nB-cubed counts every application (a correct singleton scores 1); "involved" counts only applications some predicted or true cluster lists;' +
    '\npairwise counts pairs of applications sharing a cluster; a trap is broken when two look-alike applications with different jobs share a cluster.',
);

// The baseline runs the duplicate stage outside analyzeInventory: check that it lists the same clusters.
const first = results[0];
if (first !== undefined) {
  const stage = runDuplicateStage(toInventory(first.generated), reference, 'blocked');
  const norm = (clusters: Array<{ applications: string[] }>) => clusters.map((c) => [...c.applications].sort().join(',')).sort().join('|');
  const same = norm(stage.clusters) === norm(first.analysis.duplicateClusters);
  console.log(`\nduplicate stage outside the pipeline lists the same clusters as analyzeInventory on ${first.label}: ${same ? 'yes' : 'NO — the baseline below does not measure the pipeline'}`);
}

let baseline: BaselineReport | undefined;
if (!values['no-baseline']) {
  baseline = runBaseline({ seed: 42, sampleSize: Number(values['baseline-size']), reference });
  console.log(`\n${formatBaseline(baseline)}`);
}

if (values.explain) {
  for (const r of results) {
    const errors = explainErrors(r.generated, r.analysis);
    if (errors.length === 0) continue;
    console.log(`\n── ${r.label}: ${errors.filter((e) => e.kind !== 'missed').length} wrong clusters, ${errors.filter((e) => e.kind === 'missed').length} true clusters split or missed`);
    for (const e of errors) console.log(`${e.kind} ${e.clusterId} ${e.function}\n${e.lines.join('\n')}`);
  }
}

if (values.json !== undefined) {
  const doc = {
    seeds,
    variants,
    cases: results.map((r) => ({ label: r.label, case: r.case, applications: r.applications, score: r.score, analyzeCpuMs: r.analyzeCpuMs, stageMs: r.stageMs })),
    mean,
    baseline,
  };
  writeFileSync(values.json, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`\nwrote ${values.json}`);
}
