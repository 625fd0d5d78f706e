/**
 * Evaluation of duplicate detection on generated inventories with ground truth (scripts/lib/generator,
 * truth semantics in its truth.ts): the real pipeline (`analyzeInventory`) runs on the inventory, and its
 * duplicate clusters are scored against the truth clusters with score.ts. `explainErrors` lists what went
 * wrong, cluster by cluster, for the developer looking for the cause of a false positive.
 */
import { analyzeInventory } from '../../../src/analyze.js';
import type { ReferenceData } from '../../../src/reference/index.js';
import type { Analysis } from '../../../src/types.js';
import { generateInventory, toInventory, type GeneratedInventory, type Scale, type Variant } from '../generator/index.js';
import { scoreClusters, type ClusterScore } from './score.js';

export interface EvalCase {
  seed: number;
  scale: Scale;
  variant: Variant;
}

export interface EvalResult {
  case: EvalCase;
  label: string;
  applications: number;
  score: ClusterScore;
  /** CPU milliseconds of the whole analysis, and per stage wall milliseconds as the pipeline timed them. */
  analyzeCpuMs: number;
  stageMs: Record<string, number>;
  analysis: Analysis;
  generated: GeneratedInventory;
}

export function caseLabel(c: EvalCase): string {
  const scale = typeof c.scale === 'string' ? c.scale : `${c.scale.governments} gov`;
  return `${c.variant} ${scale} seed ${c.seed}`;
}

export function scoreAnalysis(generated: GeneratedInventory, analysis: Analysis): ClusterScore {
  return scoreClusters({
    items: generated.applications.map((a) => a.id),
    predicted: analysis.duplicateClusters.map((c) => c.applications),
    truth: generated.truth.clusters.map((c) => c.applications),
    traps: generated.truth.traps.map((t) => t.applications),
  });
}

export async function evaluateCase(c: EvalCase, reference?: ReferenceData): Promise<EvalResult> {
  const generated = generateInventory({ seed: c.seed, scale: c.scale, variant: c.variant });
  // CPU time of the process, so it includes the Louvain worker thread.
  const start = process.cpuUsage();
  const value = await analyzeInventory(toInventory(generated), { reference });
  const used = process.cpuUsage(start);
  const run = { value, ms: (used.user + used.system) / 1000 };
  return {
    case: c,
    label: caseLabel(c),
    applications: generated.applications.length,
    score: scoreAnalysis(generated, run.value),
    analyzeCpuMs: run.ms,
    stageMs: run.value.meta.timingsMs,
    analysis: run.value,
    generated,
  };
}

/** One wrong predicted cluster or one missed true cluster, described by truth systems and names. */
export interface ErrorReport {
  /** `same-system`: a cluster made only of rows of one true system (one system listed twice, taken for two). */
  kind: 'false-merge' | 'same-system' | 'missed';
  clusterId: string;
  function: string;
  lines: string[];
}

/**
 * False merges: predicted clusters whose members belong to more than one true cluster (a singleton counts
 * as its own); missed: true clusters whose systems the prediction splits or leaves out.
 */
export function explainErrors(generated: GeneratedInventory, analysis: Analysis): ErrorReport[] {
  const app = new Map(generated.applications.map((a) => [a.id, a]));
  const agency = new Map(generated.agencies.map((a) => [a.id, a.name]));
  const systemOf = new Map<string, { id: string; name: string; function: string; origin: string }>();
  for (const s of generated.truth.systems) for (const id of s.applications) systemOf.set(id, s);
  const trueOf = new Map<string, string>();
  for (const c of generated.truth.clusters) for (const id of c.applications) trueOf.set(id, c.id);
  const predOf = new Map<string, string>();
  for (const c of analysis.duplicateClusters) for (const id of c.applications) predOf.set(id, c.id);
  const fnOf = new Map(analysis.applications.map((a) => [a.id, a.function]));
  const describe = (id: string) => {
    const a = app.get(id)!;
    const s = systemOf.get(id);
    return `${id} "${a.name}" @${agency.get(a.agencyId) ?? a.agencyId} — truth ${s?.id}:${s?.function} (${s?.origin}) pred fn ${fnOf.get(id) ?? '-'} | ${(a.description ?? '').slice(0, 70)}`;
  };

  const out: ErrorReport[] = [];
  for (const c of analysis.duplicateClusters) {
    const groups = new Map<string, string[]>();
    for (const id of c.applications) {
      const key = trueOf.get(id) ?? `single:${systemOf.get(id)?.id ?? id}`;
      const list = groups.get(key);
      if (list) list.push(id);
      else groups.set(key, [id]);
    }
    const allSingletonsOfOne = groups.size === 1 && [...groups.keys()][0]!.startsWith('single:');
    if (groups.size === 1 && !allSingletonsOfOne) continue;
    const lines: string[] = [];
    for (const [key, ids] of groups) {
      lines.push(`  [${key}] ${ids.length} row(s)`);
      for (const id of ids.slice(0, 4)) lines.push(`    ${describe(id)}`);
    }
    lines.push(`  evidence: ${c.evidence.filter((e) => e.kind !== 'system' && e.kind !== 'systems').slice(0, 6).map((e) => e.detail).join(' || ')}`);
    out.push({ kind: allSingletonsOfOne ? 'same-system' : 'false-merge', clusterId: c.id, function: c.function, lines });
  }
  for (const t of generated.truth.clusters) {
    const groups = new Map<string, string[]>();
    for (const id of t.applications) {
      const key = predOf.get(id) ?? `none:${systemOf.get(id)?.id ?? id}`;
      const list = groups.get(key);
      if (list) list.push(id);
      else groups.set(key, [id]);
    }
    if (groups.size === 1 && ![...groups.keys()][0]!.startsWith('none:')) continue;
    const lines: string[] = [];
    for (const [key, ids] of groups) {
      lines.push(`  [${key}] ${ids.length} row(s)`);
      for (const id of ids.slice(0, 3)) lines.push(`    ${describe(id)}`);
    }
    out.push({ kind: 'missed', clusterId: t.id, function: t.function, lines });
  }
  return out;
}
