/**
 * The target state: what the inventory looks like once every recommendation is carried out, and its
 * metrics beside today's.
 *
 * The recommendations are applied to a copy of the inventory (the input is never changed):
 *   consolidate / adopt-common  the moved applications disappear; their exchanges are rewired to the target,
 *                               their datasets join the target's; self-loops are dropped, and exchanges that
 *                               now repeat one another (same source, target and data) merge into one that
 *                               keeps the most automated mechanism;
 *   retire                      the applications disappear with their exchanges (nothing replaces them);
 *   integrate (exchanges)       the listed manual/file exchanges run over the service bus (SPLP);
 *   integrate (target), share-data  each application gets a service-bus exchange from the master source,
 *                               unless the two already exchange.
 * Metrics: applications; annual cost = before − cost of removed applications + the keeper's absorption
 * (expected share of each migrated application's cost; one-off migration cost is transitional, not steady
 * state); duplicate clusters = clusters with more than one remaining system (instances of one shared
 * platform are one system); silo index through the caller's `siloIndexOf` (the same method as before);
 * automated exchange share = api, service_bus or database exchanges ÷ all exchanges.
 */
import type {
  Application,
  DuplicateCluster,
  Exchange,
  Inventory,
  Mechanism,
  Recommendation,
  StateMetrics,
  TargetState,
} from '../types.js';
import { describeAssumptions, resolveAssumptions, type AssumptionOverrides } from './assumptions.js';
import { estimateCosts } from './spend.js';

/** Facts about today's state; any metric given is used as "before" as is, the rest is computed. */
export interface TargetStateFacts extends Partial<StateMetrics> {
  /** Costs from `analyzeSpend` (pass them: otherwise they are re-estimated from the given function codes). */
  costs?: Map<string, { annualCost: number }>;
  sharedPlatformOf?: Map<string, string>;
  functionOf?: Map<string, string | undefined>;
}

export interface AppliedRecommendations {
  inventory: Inventory;
  /** Applications gone, and the application that replaces each (absent for retired ones). */
  removed: Map<string, { by: string; successor?: string }>;
  convertedExchanges: number;
  addedExchanges: number;
  droppedExchanges: number;
}

const AUTOMATED = new Set<Mechanism | undefined>(['api', 'service_bus', 'database']);
/** Most automated first: which mechanism survives when two exchanges merge. */
const MECHANISM_RANK: Record<Mechanism, number> = { service_bus: 5, api: 4, database: 3, file: 2, manual: 1 };

export function simulateTargetState(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  recommendations: Recommendation[],
  siloIndexOf: (inventory: Inventory) => number,
  facts: TargetStateFacts = {},
  assumptions: AssumptionOverrides = {},
): TargetState {
  const a = resolveAssumptions(assumptions);
  const sharedPlatformOf = facts.sharedPlatformOf ?? new Map<string, string>();
  const functionOf = facts.functionOf ?? new Map(inventory.applications.map((app) => [app.id, app.function]));
  const costs = facts.costs ?? estimateCosts(inventory, functionOf, a, sharedPlatformOf);
  const costOf = (id: string) => costs.get(id)?.annualCost ?? 0;

  const applied = applyRecommendations(inventory, recommendations);
  const target = applied.inventory;

  let totalBefore = 0;
  for (const app of inventory.applications) totalBefore += costOf(app.id);
  const annualCostBefore = facts.annualCost ?? totalBefore;
  let removedCost = 0;
  let absorption = 0;
  let migrated = 0;
  let retired = 0;
  for (const [id, { successor }] of applied.removed) {
    removedCost += costOf(id);
    if (successor !== undefined) {
      absorption += Math.round(costOf(id) * a.keeperAbsorptionShare.expected);
      migrated++;
    } else retired++;
  }

  const before: StateMetrics = {
    applications: facts.applications ?? inventory.applications.length,
    annualCost: annualCostBefore,
    duplicateClusters: facts.duplicateClusters ?? clusters.length,
    siloIndex: facts.siloIndex ?? siloIndexOf(inventory),
    automatedExchangeShare: facts.automatedExchangeShare ?? automatedShare(inventory),
  };
  const after: StateMetrics = {
    applications: target.applications.length,
    annualCost: annualCostBefore - removedCost + absorption,
    duplicateClusters: remainingDuplicates(clusters, new Set(target.applications.map((app) => app.id)), sharedPlatformOf),
    siloIndex: siloIndexOf(target),
    automatedExchangeShare: automatedShare(target),
  };

  const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
  return {
    before,
    after,
    assumptions: [
      `All ${recommendations.length} recommendations are carried out.`,
      `${migrated} application(s) moved by consolidate and adopt-common recommendations are removed; their exchanges are rewired to the keeper; self-loops and repeated exchanges (same source, target and data) are dropped (${applied.droppedExchanges} exchange(s)), keeping the most automated mechanism.`,
      `${retired} application(s) of retire recommendations are removed with their exchanges.`,
      `${applied.convertedExchanges} manual or file exchange(s) covered by integrate recommendations run over the service bus (SPLP); ${applied.addedExchanges} new service-bus exchange(s) connect siloed applications and dataset holders to their master source.`,
      `Annual cost after = cost before − cost of removed applications + keeper absorption (${pct(a.keeperAbsorptionShare.expected)} of each migrated application's cost); one-off migration and decommissioning costs are transitional and left out of the steady state.`,
      'Duplicate clusters after = clusters with more than one remaining system; instances of one shared platform count as one system.',
      'The silo index after is recomputed on the target inventory by the same method as before.',
      'Automated exchange share = exchanges over api, service_bus or database ÷ all exchanges.',
      ...describeAssumptions(a),
    ],
  };
}

/**
 * The inventory after the recommendations (see the module header). The input is not changed; applications
 * and exchanges the recommendations leave as they are are the input's own objects, shared, not copied.
 */
export function applyRecommendations(inventory: Inventory, recommendations: Recommendation[]): AppliedRecommendations {
  const known = new Set(inventory.applications.map((app) => app.id));
  const successor = new Map<string, string>();
  const removed = new Map<string, { by: string; successor?: string }>();
  const converted = new Set<string>();
  const connections: Array<{ from: string; to: string; by: string }> = [];

  for (const rec of recommendations) {
    switch (rec.kind) {
      case 'consolidate':
      case 'adopt-common':
        if (rec.target === undefined || !known.has(rec.target)) break;
        for (const id of rec.applications) {
          if (id === rec.target || !known.has(id) || removed.has(id)) continue;
          successor.set(id, rec.target);
          removed.set(id, { by: rec.id, successor: rec.target });
        }
        break;
      case 'retire':
        for (const id of rec.applications) if (known.has(id) && !removed.has(id)) removed.set(id, { by: rec.id });
        break;
      case 'integrate':
      case 'share-data':
        for (const id of rec.exchanges ?? []) converted.add(id);
        if (rec.target !== undefined) {
          for (const id of rec.applications) if (id !== rec.target) connections.push({ from: rec.target, to: id, by: rec.id });
        }
        break;
    }
  }

  // A target that itself moved (overlapping recommendations) passes its absorbed applications on.
  const resolve = (id: string): string => {
    if (!successor.has(id)) return id;
    let current = id;
    const seen = new Set<string>();
    while (successor.has(current) && !seen.has(current)) {
      seen.add(current);
      current = successor.get(current)!;
    }
    return current;
  };
  const gone = (id: string) => removed.has(id) && !successor.has(id);

  // Copy on write: only keepers that take datasets over and exchanges that change are new objects; the
  // rest are shared with the input, which is never written to.
  const applications: Application[] = [];
  const positionOf = new Map<string, number>();
  for (const app of inventory.applications) {
    if (removed.has(app.id)) continue;
    positionOf.set(app.id, applications.length);
    applications.push(app);
  }
  const copied = new Set<number>();
  for (const app of inventory.applications) {
    if (!successor.has(app.id) || app.datasets.length === 0) continue;
    const k = positionOf.get(resolve(app.id));
    if (k === undefined) continue;
    for (const d of app.datasets) {
      if (applications[k]!.datasets.includes(d)) continue;
      if (!copied.has(k)) {
        applications[k] = { ...applications[k]!, datasets: [...applications[k]!.datasets] };
        copied.add(k);
      }
      applications[k]!.datasets.push(d);
    }
  }

  // Applications as numbers (ids an exchange names but the inventory lacks get numbers too), so that
  // pairs are numeric keys: stride² stays far below 2⁵³ at any real size.
  const numberOf = new Map<string, number>();
  const num = (id: string): number => {
    let k = numberOf.get(id);
    if (k === undefined) numberOf.set(id, (k = numberOf.size));
    return k;
  };
  for (const app of inventory.applications) num(app.id);
  const stride = inventory.applications.length + 2 * inventory.exchanges.length + connections.length + 1;
  const exchanges: Exchange[] = [];
  /** Ordered pair → the last exchange kept for it; `samePair[k]` → the one kept before k for that pair, or −1. */
  const lastOfPair = new Map<number, number>();
  const samePair: number[] = [];
  const linked = new Set<number>();
  const link = (s: number, t: number) => linked.add(s < t ? s * stride + t : t * stride + s);
  let convertedExchanges = 0;
  let droppedExchanges = 0;
  for (const x of inventory.exchanges) {
    if (gone(x.sourceId) || gone(x.targetId)) {
      droppedExchanges++;
      continue;
    }
    const sourceId = resolve(x.sourceId);
    const targetId = resolve(x.targetId);
    if (sourceId === targetId) {
      droppedExchanges++;
      continue;
    }
    let mechanism = x.mechanism;
    if (converted.has(x.id) && mechanism !== 'service_bus') {
      mechanism = 'service_bus';
      convertedExchanges++;
    }
    const s = num(sourceId);
    const t = num(targetId);
    const pair = s * stride + t;
    const data = x.data ?? '';
    let k = lastOfPair.get(pair) ?? -1;
    while (k !== -1 && (exchanges[k]!.data ?? '') !== data) k = samePair[k]!;
    if (k !== -1) {
      const kept = exchanges[k]!;
      if (rank(mechanism) > rank(kept.mechanism)) exchanges[k] = { ...kept, mechanism };
      droppedExchanges++;
      continue;
    }
    samePair.push(lastOfPair.get(pair) ?? -1);
    lastOfPair.set(pair, exchanges.length);
    link(s, t);
    const same = sourceId === x.sourceId && targetId === x.targetId && mechanism === x.mechanism;
    exchanges.push(same ? x : { ...x, sourceId, targetId, mechanism });
  }

  let addedExchanges = 0;
  for (const { from, to, by } of connections) {
    if (gone(from) || gone(to)) continue;
    const source = resolve(from);
    const target = resolve(to);
    if (source === target || !positionOf.has(source) || !positionOf.has(target)) continue;
    const s = num(source);
    const t = num(target);
    if (linked.has(s < t ? s * stride + t : t * stride + s)) continue;
    link(s, t);
    exchanges.push({ id: `${by}:${target}`, sourceId: source, targetId: target, mechanism: 'service_bus', properties: { recommendation: by } });
    addedExchanges++;
  }

  return {
    inventory: { ...inventory, applications, exchanges, agencies: [...inventory.agencies], datasets: [...inventory.datasets], warnings: [...inventory.warnings] },
    removed,
    convertedExchanges,
    addedExchanges,
    droppedExchanges,
  };
}

function remainingDuplicates(clusters: DuplicateCluster[], remaining: Set<string>, sharedPlatformOf: Map<string, string>): number {
  let count = 0;
  for (const cluster of clusters) {
    const systems = new Set<string>();
    for (const id of cluster.applications) {
      if (!remaining.has(id)) continue;
      const platform = sharedPlatformOf.get(id);
      systems.add(platform !== undefined ? `platform:${platform}` : `app:${id}`);
    }
    if (systems.size > 1) count++;
  }
  return count;
}

function automatedShare(inventory: Inventory): number {
  if (inventory.exchanges.length === 0) return 0;
  let automated = 0;
  for (const x of inventory.exchanges) if (AUTOMATED.has(x.mechanism)) automated++;
  return automated / inventory.exchanges.length;
}

const rank = (m: Mechanism | undefined) => (m === undefined ? 0 : MECHANISM_RANK[m]);
