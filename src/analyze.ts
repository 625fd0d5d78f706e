/**
 * The analysis pipeline: Inventory → graph → classification → silos → systems → duplicates → spend →
 * recommendations → target state → one Analysis document. Each stage is a pure function in src/analysis/;
 * this module only orders them, times them and assembles their results into the Analysis contract.
 * Duplicates, spend and recommendations see one record per system (records reconciled into systems,
 * src/analysis/systems.ts) and are listed back by record. Both Louvain runs (today's communities, the
 * target state's silo index) go to a worker thread (louvain-thread.ts): the first while this thread
 * classifies, the second while the caller writes what does not need the target state (`StagedAnalysis`).
 */
import { buildGraph } from './graph/build.js';
import { analyzeSilos, DEFAULTS as SILO_DEFAULTS } from './analysis/silos.js';
import { louvainInWorker } from './analysis/louvain-thread.js';
import { siloIndexInWorker } from './analysis/silo-index.js';
import { neighbourIds } from './graph/app-index.js';
import { classifyApplications } from './analysis/classify.js';
import { detectDuplicates } from './analysis/duplicates.js';
import {
  costView,
  expandClusters,
  expandRecommendations,
  preferAdoptedKeepers,
  reconcileSystems,
  systemCostBases,
  systemTimeLabels,
  systemView,
  withSystemsUsed,
} from './analysis/systems.js';
import { analyzeSpend } from './analysis/spend.js';
import { recommend } from './analysis/recommend.js';
import { simulateTargetState } from './analysis/target-state.js';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from './analysis/assumptions.js';
import { loadReference, type ReferenceData } from './reference/index.js';
import { Progress } from './progress.js';
import type { Analysis, ApplicationResult, Inventory, Summary, TargetState } from './types.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions {
  /** Seed for Louvain and any other randomised step; the same seed gives the same analysis. */
  seed?: number;
  reference?: ReferenceData;
  assumptions?: Assumptions;
  progress?: Progress;
  /** Recorded in meta.options, e.g. the CLI flags that shaped the run. */
  recordedOptions?: Record<string, unknown>;
}

/**
 * An analysis whose target state is still being measured: the target's silo index (a Louvain run on the
 * target inventory) is computed on the second core while the caller goes on, e.g. writing the CSV exports,
 * which do not read the target state. Everything in `analysis` is final.
 */
export interface StagedAnalysis {
  analysis: Omit<Analysis, 'targetState'>;
  targetState: Promise<TargetState>;
}

export async function analyzeInventory(inventory: Inventory, options: AnalyzeOptions = {}): Promise<Analysis> {
  return completeAnalysis(await analyzeInventoryStaged(inventory, options));
}

/** The whole Analysis of a staged one, once its target state is in (fields in the contract's order). */
export async function completeAnalysis(staged: StagedAnalysis): Promise<Analysis> {
  const { warnings, ...rest } = staged.analysis;
  return { ...rest, targetState: await staged.targetState, warnings };
}

export async function analyzeInventoryStaged(inventory: Inventory, options: AnalyzeOptions = {}): Promise<StagedAnalysis> {
  const seed = options.seed ?? 42;
  const progress = options.progress ?? new Progress({ quiet: true });
  const reference = options.reference ?? progress.stage('reference data', () => loadReference());
  const assumptions = options.assumptions ?? DEFAULT_ASSUMPTIONS;

  const graph = progress.stage('graph', () => buildGraph(inventory));
  // Communities are computed on the second core while this thread classifies (louvain-thread.ts).
  const partition = louvainInWorker(graph.index, seed, SILO_DEFAULTS.resolution);
  const classification = progress.stage('classify', () =>
    classifyApplications(inventory, reference, { neighbours: (id) => neighbourIds(graph.index, id) }),
  );
  const sharedPlatformOf = new Map<string, string>();
  const functionOf = new Map<string, string | undefined>();
  // forEach rather than for…of over the entries: no [id, c] pair per application.
  classification.forEach((c, id) => {
    functionOf.set(id, c.function);
    if (c.sharedPlatform) sharedPlatformOf.set(id, c.sharedPlatform);
  });

  const communities = await progress.stageAsync('communities (wait)', () => partition);
  const silo = progress.stage('silos', () =>
    analyzeSilos(inventory, graph, { seed, sharedApplication: (app) => sharedPlatformOf.get(app.id), partition: communities }),
  );
  const systems = progress.stage('systems', () => reconcileSystems(inventory, classification, reference));
  const view = systemView(inventory, systems, classification);
  const duplicates = progress.stage('duplicates', () =>
    detectDuplicates(view.inventory, view.classification, reference, { graph, sameNameIsSameSystem: false }),
  );
  const clusters = preferAdoptedKeepers(duplicates.clusters, systems);
  const spend = progress.stage('spend', () => analyzeSpend(costView(inventory, systems), clusters, functionOf, assumptions, sharedPlatformOf));
  const costs = systemCostBases(spend.costs, systems);
  const isolatedApps = new Set(silo.isolatedApplications);
  const internalOnlyApps = new Set(silo.internalOnlyApplications);
  const recs = progress.stage('recommendations', () =>
    recommend(inventory, spend.clusters, { isolatedApps, internalOnlyApps, functionOf, sharedPlatformOf, costs, index: graph.index, plans: spend.plans }, assumptions),
  );
  const recommendations = expandRecommendations(recs.recommendations, systems);

  const automatedExchangeShare = shareAutomated(inventory);
  const targetState = progress.stage('target state', () =>
    simulateTargetState(inventory, spend.clusters, recommendations, async (inv) => (await siloIndexInWorker(inv, { seed })).value, {
      applications: inventory.applications.length,
      annualCost: spend.totals.totalAnnualCost,
      duplicateClusters: spend.clusters.length,
      siloIndex: silo.siloIndex.value,
      automatedExchangeShare,
      costs,
      sharedPlatformOf,
      index: graph.index,
    }, assumptions),
  );

  const duplicateClusters = expandClusters(spend.clusters, systems);
  const clusterOf = new Map<string, string>();
  for (let c = 0; c < duplicateClusters.length; c++) {
    const { id: clusterId, applications: members } = duplicateClusters[c]!;
    for (let k = 0; k < members.length; k++) clusterOf.set(members[k]!, clusterId);
  }
  // recs.time is this run's own and read only below: the records' labels are written into it, not a copy.
  const timeOf = systemTimeLabels(recs.time, systems, (id) => clusterOf.has(id), recs.time);

  // These maps by application id are built in inventory order: read in step (see `inStep`). Not
  // systems.systemOf, filled system by system.
  const classificationOf = inStep(classification);
  const costOf = inStep(costs);
  const labelOf = inStep(timeOf);
  const communityOf = inStep(silo.applicationCommunity);
  const platformOf = inStep(sharedPlatformOf);
  const applications: ApplicationResult[] = inventory.applications.map((app) => {
    const c = classificationOf(app.id);
    const cost = costOf(app.id);
    const time = labelOf(app.id);
    return {
      id: app.id,
      name: app.name,
      agencyId: app.agencyId,
      function: c?.function,
      functionConfidence: c?.confidence ?? 0,
      functionEvidence: c?.evidence ?? [],
      community: communityOf(app.id),
      clusterId: clusterOf.get(app.id),
      systemId: systems.systemOf.get(app.id),
      annualCost: cost?.annualCost ?? 0,
      costEstimated: cost?.estimated ?? false,
      sharedPlatform: platformOf(app.id),
      time,
    };
  });

  const summary: Summary = {
    agencies: inventory.agencies.length,
    applications: inventory.applications.length,
    exchanges: inventory.exchanges.length,
    datasets: inventory.datasets.length,
    siloIndex: silo.siloIndex.value,
    duplicateClusters: duplicateClusters.length,
    duplicateApplications: clusterOf.size,
    totalAnnualCost: spend.totals.totalAnnualCost,
    redundantAnnualCost: spend.totals.redundantAnnualCost,
    estimatedAnnualSavings: spend.totals.estimatedAnnualSavings,
    estimatedCostApplications: spend.totals.estimatedCostApplications,
    isolatedApplications: isolatedApps.size,
    automatedExchangeShare,
    warnings: inventory.warnings.length,
    siloFindings: silo.findingCounts,
  };

  const analysis: Omit<Analysis, 'targetState'> = {
    meta: {
      tool: 'siloscope',
      version: VERSION,
      generatedAt: new Date().toISOString(),
      source: inventory.source,
      options: { seed, ...options.recordedOptions },
      timingsMs: progress.timings,
    },
    summary,
    siloIndex: silo.siloIndex,
    agencies: withSystemsUsed(silo.agencies, inventory, systems, false),
    governments: withSystemsUsed(silo.governments, inventory, systems, true),
    silos: silo.silos,
    communities: silo.communities,
    structure: silo.structure,
    applications,
    systems: systems.systems,
    duplicateClusters,
    recommendations,
    warnings: inventory.warnings,
  };
  return { analysis, targetState };
}

/**
 * `map.get`, for ids asked in the order the map was filled (inventory order, here): the entry at the current
 * step answers when its key is the id, so a lookup costs a comparison of two strings that are usually the
 * same object, not a hash probe. Ids the map lacks, or holds elsewhere, are looked up as usual, so any
 * order gives the same answers.
 */
function inStep<V>(map: Map<string, V>): (id: string) => V | undefined {
  const keys = Array.from(map.keys());
  const values = Array.from(map.values());
  let step = 0;
  return (id) => (step < keys.length && keys[step] === id ? values[step++] : map.get(id));
}

function shareAutomated(inventory: Inventory): number {
  if (inventory.exchanges.length === 0) return 0;
  let automated = 0;
  const xs = inventory.exchanges;
  // Compared with the three names directly: a set lookup per exchange costs more at 100,000 exchanges.
  for (let i = 0; i < xs.length; i++) {
    const m = xs[i]!.mechanism;
    if (m === 'api' || m === 'service_bus' || m === 'database') automated++;
  }
  return automated / xs.length;
}
