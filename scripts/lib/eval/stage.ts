/**
 * The duplicate stage of the pipeline, exactly as src/analyze.ts orders it (classify → records reconciled
 * into systems → system-level view → duplicate detection → keepers by adoption → clusters listed by
 * record), with the candidate generation exposed: `blocked` (the pipeline's) or `all-pairs` (the naive
 * baseline). Timed in CPU time (process.cpuUsage), since the machine may be shared.
 *
 * The evaluation scores `analyzeInventory` itself; this stage exists for the naive baseline, and
 * `scripts/eval.ts` checks that its blocked run lists the same clusters as the pipeline, so the two cannot
 * drift apart unnoticed.
 */
import { buildGraph } from '../../../src/graph/build.js';
import { neighbourIds } from '../../../src/graph/app-index.js';
import { classifyApplications } from '../../../src/analysis/classify.js';
import { detectDuplicates, type DuplicateStats } from '../../../src/analysis/duplicates.js';
import { expandClusters, preferAdoptedKeepers, reconcileSystems, systemView } from '../../../src/analysis/systems.js';
import type { ReferenceData } from '../../../src/reference/index.js';
import type { DuplicateCluster, Inventory } from '../../../src/types.js';

export interface StageRun {
  clusters: DuplicateCluster[];
  /** Records the detector compared: one per system and government (the system-level view). */
  records: number;
  stats: DuplicateStats;
  /** CPU milliseconds of the duplicate detection alone (the step whose candidates differ). */
  detectCpuMs: number;
  /** CPU milliseconds of classification (the same for both candidate modes). */
  classifyCpuMs: number;
}

export function cpuMs<T>(fn: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

export function runDuplicateStage(inventory: Inventory, reference: ReferenceData, candidates: 'blocked' | 'all-pairs'): StageRun {
  const graph = buildGraph(inventory);
  const classify = cpuMs(() => classifyApplications(inventory, reference, { neighbours: (id) => neighbourIds(graph.index, id) }));
  const classification = classify.value;
  const systems = reconcileSystems(inventory, classification, reference);
  const view = systemView(inventory, systems, classification);
  const detect = cpuMs(() => detectDuplicates(view.inventory, view.classification, reference, { graph, sameNameIsSameSystem: false, candidates }));
  const clusters = expandClusters(preferAdoptedKeepers(detect.value.clusters, systems), systems);
  return { clusters, records: view.inventory.applications.length, stats: detect.value.stats, detectCpuMs: detect.ms, classifyCpuMs: classify.ms };
}
