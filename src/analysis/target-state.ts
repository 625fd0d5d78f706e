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
import type { AppIndex } from '../graph/types.js';
import { describeAssumptions, resolveAssumptions, type AssumptionOverrides } from './assumptions.js';
import { estimateCosts } from './spend.js';
import { Interner } from './text.js';

/** Facts about today's state; any metric given is used as "before" as is, the rest is computed. */
export interface TargetStateFacts extends Partial<StateMetrics> {
  /** Costs from `analyzeSpend` (pass them: otherwise they are re-estimated from the given function codes). */
  costs?: Map<string, { annualCost: number }>;
  sharedPlatformOf?: Map<string, string>;
  functionOf?: Map<string, string | undefined>;
  /**
   * The application index of this inventory (`buildGraph(inventory).index`): the ends of its exchanges are
   * then read from it instead of being looked up by id. Ignored unless it indexes this inventory.
   */
  index?: AppIndex;
}

export interface AppliedRecommendations {
  inventory: Inventory;
  /** Applications gone, and the application that replaces each (absent for retired ones). */
  removed: Map<string, { by: string; successor?: string }>;
  convertedExchanges: number;
  addedExchanges: number;
  droppedExchanges: number;
}

/** Most automated first: which mechanism survives when two exchanges merge. */
const MECHANISM_RANK: Record<Mechanism, number> = { service_bus: 5, api: 4, database: 3, file: 2, manual: 1 };

/**
 * Applies the recommendations and measures both states. `siloIndexOf` may answer later (a promise: the
 * silo index computed on another thread); the result is then a promise too, and everything else is
 * worked out before this returns.
 */
export function simulateTargetState(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  recommendations: Recommendation[],
  siloIndexOf: (inventory: Inventory) => number,
  facts?: TargetStateFacts,
  assumptions?: AssumptionOverrides,
): TargetState;
export function simulateTargetState(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  recommendations: Recommendation[],
  siloIndexOf: (inventory: Inventory) => Promise<number>,
  facts?: TargetStateFacts,
  assumptions?: AssumptionOverrides,
): Promise<TargetState>;
export function simulateTargetState(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  recommendations: Recommendation[],
  siloIndexOf: (inventory: Inventory) => number | Promise<number>,
  facts: TargetStateFacts = {},
  assumptions: AssumptionOverrides = {},
): TargetState | Promise<TargetState> {
  const a = resolveAssumptions(assumptions);
  const sharedPlatformOf = facts.sharedPlatformOf ?? new Map<string, string>();
  const costs = facts.costs ?? estimateCosts(inventory, facts.functionOf ?? functionCodes(inventory), a, sharedPlatformOf);
  const costOf = (id: string) => costs.get(id)?.annualCost ?? 0;

  const applied = apply(inventory, recommendations, facts.index);
  const target = applied.inventory;

  let annualCostBefore = facts.annualCost;
  if (annualCostBefore === undefined) {
    annualCostBefore = 0;
    for (const app of inventory.applications) annualCostBefore += costOf(app.id);
  }
  let removedCost = 0;
  let absorption = 0;
  let migrated = 0;
  let retired = 0;
  applied.removed.forEach(({ successor }, id) => {
    const cost = costOf(id);
    removedCost += cost;
    if (successor !== undefined) {
      absorption += Math.round(cost * a.keeperAbsorptionShare.expected);
      migrated++;
    } else retired++;
  });

  const siloBefore = facts.siloIndex ?? siloIndexOf(inventory);
  const siloAfter = siloIndexOf(target);
  const before: StateMetrics = {
    applications: facts.applications ?? inventory.applications.length,
    annualCost: annualCostBefore,
    duplicateClusters: facts.duplicateClusters ?? clusters.length,
    siloIndex: 0,
    automatedExchangeShare: facts.automatedExchangeShare ?? automatedShare(inventory),
  };
  const after: StateMetrics = {
    applications: target.applications.length,
    annualCost: annualCostBefore - removedCost + absorption,
    duplicateClusters: remainingDuplicates(clusters, applied.remains, sharedPlatformOf),
    siloIndex: 0,
    automatedExchangeShare: automatedShare(target),
  };

  const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
  const state: TargetState = {
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
  if (typeof siloBefore === 'number' && typeof siloAfter === 'number') {
    before.siloIndex = siloBefore;
    after.siloIndex = siloAfter;
    return state;
  }
  return Promise.all([siloBefore, siloAfter]).then(([b, c]) => {
    before.siloIndex = b;
    after.siloIndex = c;
    return state;
  });
}

/**
 * The inventory after the recommendations (see the module header). The input is not changed; applications
 * and exchanges the recommendations leave as they are are the input's own objects, shared, not copied.
 */
export function applyRecommendations(inventory: Inventory, recommendations: Recommendation[]): AppliedRecommendations {
  const { remains: _, ...applied } = apply(inventory, recommendations);
  return applied;
}

/**
 * `applyRecommendations`, plus whether an id remains an application of the target.
 *
 * Applications are numbers throughout: the inventory's ids first (an id's first position), then ids only
 * exchanges name. Per number, typed arrays say whether it is removed, its successor and where its chain of
 * successors ends, so an exchange costs its two ends (read from the application index when given) and no
 * string work; repeated exchanges and existing pairs are found in exchanges grouped by number (`pairIndex`).
 */
function apply(inventory: Inventory, recommendations: Recommendation[], index?: AppIndex): AppliedRecommendations & { remains: (id: string) => boolean } {
  const apps = inventory.applications;
  const xs = inventory.exchanges;
  const usable = index !== undefined && indexes(index, inventory);
  // With the index of this inventory and distinct ids, an application's number is its position and the
  // index's map answers for it: no second map of 26,000 ids to build.
  const numberAt = new Int32Array(apps.length);
  let numbers: Numbers;
  if (usable && index.indexOf.size === apps.length) {
    numbers = new Numbers(index.indexOf, index.ids);
    for (let i = 0; i < apps.length; i++) numberAt[i] = i;
  } else {
    // Numbered on first sight.
    numbers = new Numbers(new Map(), []);
    for (let i = 0; i < apps.length; i++) numberAt[i] = numbers.id(apps[i]!.id);
  }
  const known = numbers.size;
  const sourceOf = new Int32Array(xs.length);
  const targetOf = new Int32Array(xs.length);
  // The index's edges give the ends of the exchanges between known applications as positions (an id's
  // first, whose number numberAt holds); only the others (self or unknown ends) are numbered by id, in
  // inventory order as before, so ids only exchanges name get the same numbers.
  const numbered = new Uint8Array(xs.length);
  if (usable) {
    const { src, dst, exchangeAt } = index;
    for (let e = 0; e < exchangeAt.length; e++) {
      const x = exchangeAt[e]!;
      sourceOf[x] = numberAt[src[e]!]!;
      targetOf[x] = numberAt[dst[e]!]!;
      numbered[x] = 1;
    }
  }
  for (let x = 0; x < xs.length; x++) {
    if (numbered[x] === 1) continue;
    sourceOf[x] = numbers.id(xs[x]!.sourceId);
    targetOf[x] = numbers.id(xs[x]!.targetId);
  }
  const idOf = numbers.values();
  const total = numbers.size;

  const successor = new Int32Array(total).fill(-1);
  const isRemoved = new Uint8Array(total);
  const removed = new Map<string, { by: string; successor?: string }>();
  const converted = new Set<string>();
  /** Service-bus connections to add: master source → application, with the recommendation asking for it. */
  const connectFrom: number[] = [];
  const connectTo: number[] = [];
  const connectBy: string[] = [];
  const knownNumber = (id: string) => {
    const k = numbers.lookup(id);
    return k !== undefined && k < known ? k : -1;
  };

  // Indexed loops throughout: this runs once per analysis, largely before the optimiser has looked at it,
  // and an interpreted for…of allocates an iterator result per item.
  for (let r = 0; r < recommendations.length; r++) {
    const rec = recommendations[r]!;
    const ids = rec.applications;
    switch (rec.kind) {
      case 'consolidate':
      case 'adopt-common': {
        const target = rec.target === undefined ? -1 : knownNumber(rec.target);
        if (target === -1) break;
        for (let a = 0; a < ids.length; a++) {
          const id = ids[a]!;
          const k = knownNumber(id);
          if (k === target || k === -1 || isRemoved[k] === 1) continue;
          successor[k] = target;
          isRemoved[k] = 1;
          removed.set(id, { by: rec.id, successor: rec.target });
        }
        break;
      }
      case 'retire':
        for (let a = 0; a < ids.length; a++) {
          const id = ids[a]!;
          const k = knownNumber(id);
          if (k === -1 || isRemoved[k] === 1) continue;
          isRemoved[k] = 1;
          removed.set(id, { by: rec.id });
        }
        break;
      case 'integrate':
      case 'share-data':
        if (rec.exchanges !== undefined) for (let x = 0; x < rec.exchanges.length; x++) converted.add(rec.exchanges[x]!);
        if (rec.target !== undefined) {
          // An end outside the inventory never remains an application: such connections are never added.
          const from = knownNumber(rec.target);
          if (from === -1) break;
          for (let a = 0; a < ids.length; a++) {
            const id = ids[a]!;
            const to = knownNumber(id);
            if (id === rec.target || to === -1) continue;
            connectFrom.push(from);
            connectTo.push(to);
            connectBy.push(rec.id);
          }
        }
        break;
    }
  }

  // A target that itself moved (overlapping recommendations) passes its absorbed applications on: where each
  // chain of successors ends (a cycle ends where it first comes back).
  const resolved = new Int32Array(total);
  const seenBy = new Int32Array(total).fill(-1);
  for (let k = 0; k < total; k++) {
    let current = k;
    while (successor[current] !== -1 && seenBy[current] !== k) {
      seenBy[current] = k;
      current = successor[current]!;
    }
    resolved[k] = current;
  }
  /** Gone: removed with no successor (retired); its exchanges go with it. */
  const gone = new Uint8Array(total);
  for (let k = 0; k < total; k++) gone[k] = isRemoved[k] === 1 && successor[k] === -1 ? 1 : 0;

  // Copy on write: only keepers that take datasets over and exchanges that change are new objects; the
  // rest are shared with the input, which is never written to.
  const applications: Application[] = [];
  const positionOf = new Int32Array(total).fill(-1);
  for (let i = 0; i < apps.length; i++) {
    if (isRemoved[numberAt[i]!] === 1) continue;
    positionOf[numberAt[i]!] = applications.length;
    applications.push(apps[i]!);
  }
  const keptDatasets = new Map<number, Set<string>>();
  const copied = new Uint8Array(applications.length);
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    if (successor[numberAt[i]!] === -1 || app.datasets.length === 0) continue;
    const k = positionOf[resolved[numberAt[i]!]!]!;
    if (k === -1) continue;
    let kept = keptDatasets.get(k);
    if (kept === undefined) keptDatasets.set(k, (kept = new Set(applications[k]!.datasets)));
    for (let d = 0; d < app.datasets.length; d++) {
      const dataset = app.datasets[d]!;
      if (kept.has(dataset)) continue;
      if (copied[k] === 0) {
        applications[k] = { ...applications[k]!, datasets: [...applications[k]!.datasets] };
        copied[k] = 1;
      }
      applications[k]!.datasets.push(dataset);
      kept.add(dataset);
    }
  }

  // Exchanges that remain: both ends still there, resolved to their successors, and not a self-loop.
  const resolvedSource = new Int32Array(xs.length).fill(-1);
  const resolvedTarget = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const s0 = sourceOf[i]!;
    const t0 = targetOf[i]!;
    if (gone[s0] === 1 || gone[t0] === 1) continue;
    const s = resolved[s0]!;
    const t = resolved[t0]!;
    if (s === t) continue;
    resolvedSource[i] = s;
    resolvedTarget[i] = t;
  }
  const pairs = pairIndex(resolvedSource, resolvedTarget, total);

  // Repeated exchanges (same resolved source, target and data) merge into the first of them. Found one
  // source at a time: its exchanges in inventory order, a mark per target stamped with the source, and per
  // target a chain of the first exchange of each data value. `firstOf[i]` is the exchange i merges into
  // (itself when it is the first): typed arrays, no map of 100,000 pairs.
  const firstOf = new Int32Array(xs.length).fill(-1);
  const stampOf = new Int32Array(total).fill(-1);
  const chainOf = new Int32Array(total);
  const nextInChain = new Int32Array(xs.length);
  for (let s = 0; s < total; s++) {
    for (let o = pairs.outStart[s]!; o < pairs.outStart[s + 1]!; o++) {
      const i = pairs.out[o]!;
      const t = resolvedTarget[i]!;
      if (stampOf[t] !== s) {
        stampOf[t] = s;
        chainOf[t] = i;
        nextInChain[i] = -1;
        firstOf[i] = i;
        continue;
      }
      const data = xs[i]!.data ?? '';
      let k = chainOf[t]!;
      while (k !== -1 && (xs[k]!.data ?? '') !== data) k = nextInChain[k]!;
      if (k !== -1) firstOf[i] = k;
      else {
        nextInChain[i] = chainOf[t]!;
        chainOf[t] = i;
        firstOf[i] = i;
      }
    }
  }

  // In inventory order: a first is kept, a repeat upgrades the mechanism of the one kept for it.
  const exchanges: Exchange[] = [];
  const keptAt = new Int32Array(xs.length);
  let convertedExchanges = 0;
  let droppedExchanges = 0;
  for (let i = 0; i < xs.length; i++) {
    const s = resolvedSource[i]!;
    if (s === -1) {
      droppedExchanges++;
      continue;
    }
    const x = xs[i]!;
    const t = resolvedTarget[i]!;
    let mechanism = x.mechanism;
    if (mechanism !== 'service_bus' && converted.has(x.id)) {
      mechanism = 'service_bus';
      convertedExchanges++;
    }
    const first = firstOf[i]!;
    if (first !== i) {
      const k = keptAt[first]!;
      const kept = exchanges[k]!;
      if (rank(mechanism) > rank(kept.mechanism)) exchanges[k] = { ...kept, mechanism };
      droppedExchanges++;
      continue;
    }
    keptAt[i] = exchanges.length;
    const same = s === sourceOf[i] && t === targetOf[i] && mechanism === x.mechanism;
    exchanges.push(same ? x : { ...x, sourceId: idOf[s]!, targetId: idOf[t]!, mechanism });
  }

  // A connection is added unless the two already exchange, either way: through a remaining exchange (the
  // pair index), or through a connection added before (whose pair is the same, either way, so only the
  // first connection of a pair can be added).
  let addedExchanges = 0;
  const connected = new Set<number>();
  for (let c = 0; c < connectFrom.length; c++) {
    const from = connectFrom[c]!;
    const to = connectTo[c]!;
    if (gone[from] === 1 || gone[to] === 1) continue;
    const s = resolved[from]!;
    const t = resolved[to]!;
    if (s === t || positionOf[s] === -1 || positionOf[t] === -1) continue;
    if (pairs.has(s, t) || pairs.has(t, s)) continue;
    const key = s < t ? s * total + t : t * total + s;
    if (connected.has(key)) continue;
    connected.add(key);
    const by = connectBy[c]!;
    const target = idOf[t]!;
    exchanges.push({ id: `${by}:${target}`, sourceId: idOf[s]!, targetId: target, mechanism: 'service_bus', properties: { recommendation: by } });
    addedExchanges++;
  }

  return {
    inventory: { ...inventory, applications, exchanges, agencies: [...inventory.agencies], datasets: [...inventory.datasets], warnings: [...inventory.warnings] },
    removed,
    convertedExchanges,
    addedExchanges,
    droppedExchanges,
    remains: (id: string) => {
      const k = numbers.lookup(id);
      return k !== undefined && positionOf[k] !== -1;
    },
  };
}

/**
 * The exchanges with a source (`source[i]` ≠ −1) grouped by source and by target, each group in inventory
 * order (counting sorts over typed arrays). `has(s, t)` scans the smaller of s's out-group and t's in-group:
 * a master source may have thousands of exchanges, the siloed applications it connects to a few.
 */
function pairIndex(source: Int32Array, target: Int32Array, nodes: number) {
  const outStart = new Int32Array(nodes + 1);
  const inStart = new Int32Array(nodes + 1);
  let m = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === -1) continue;
    outStart[source[i]! + 1]++;
    inStart[target[i]! + 1]++;
    m++;
  }
  for (let k = 0; k < nodes; k++) {
    outStart[k + 1] += outStart[k]!;
    inStart[k + 1] += inStart[k]!;
  }
  const out = new Int32Array(m);
  const into = new Int32Array(m);
  const outFill = outStart.slice(0, nodes);
  const inFill = inStart.slice(0, nodes);
  for (let i = 0; i < source.length; i++) {
    if (source[i] === -1) continue;
    out[outFill[source[i]!]!++] = i;
    into[inFill[target[i]!]!++] = i;
  }
  return {
    outStart,
    out,
    /** Whether some exchange goes from s to t. */
    has(s: number, t: number): boolean {
      if (outStart[s + 1]! - outStart[s]! <= inStart[t + 1]! - inStart[t]!) {
        for (let o = outStart[s]!; o < outStart[s + 1]!; o++) if (target[out[o]!] === t) return true;
      } else {
        for (let o = inStart[t]!; o < inStart[t + 1]!; o++) if (source[into[o]!] === s) return true;
      }
      return false;
    },
  };
}

/**
 * Application ids as numbers: those of a map given (ids → 0 .. n−1, an id's number being where `ids` holds
 * it), then ids met later, numbered on first sight.
 */
class Numbers {
  private readonly later = new Interner();

  constructor(
    private readonly known: ReadonlyMap<string, number>,
    private readonly knownIds: readonly string[],
  ) {}

  id(value: string): number {
    const k = this.known.get(value);
    return k !== undefined ? k : this.knownIds.length + this.later.id(value);
  }

  lookup(value: string): number | undefined {
    const k = this.known.get(value);
    if (k !== undefined) return k;
    const later = this.later.lookup(value);
    return later === undefined ? undefined : this.knownIds.length + later;
  }

  get size(): number {
    return this.knownIds.length + this.later.size;
  }

  /** The id of each number. */
  values(): string[] {
    return this.knownIds.concat(this.later.values);
  }
}

/** Whether `index` is the application index of `inventory`: the same applications, every exchange accounted for. */
function indexes(index: AppIndex, inventory: Inventory): boolean {
  const apps = inventory.applications;
  if (index.ids.length !== apps.length || index.exchangeAt.length + index.ignoredExchanges.length !== inventory.exchanges.length) return false;
  for (let i = 0; i < apps.length; i++) if (index.ids[i] !== apps[i]!.id) return false;
  return true;
}

/** Clusters with more than one remaining system (instances of one shared platform are one system). */
function remainingDuplicates(clusters: DuplicateCluster[], remains: (id: string) => boolean, sharedPlatformOf: Map<string, string>): number {
  let count = 0;
  for (let c = 0; c < clusters.length; c++) {
    const members = clusters[c]!.applications;
    // Two remaining members that are different systems settle it: no set of system keys needed.
    let first: string | undefined;
    let firstIsPlatform = false;
    for (let k = 0; k < members.length; k++) {
      const id = members[k]!;
      if (!remains(id)) continue;
      const platform = sharedPlatformOf.get(id);
      const key = platform ?? id;
      const isPlatform = platform !== undefined;
      if (first === undefined) {
        first = key;
        firstIsPlatform = isPlatform;
      } else if (key !== first || isPlatform !== firstIsPlatform) {
        count++;
        break;
      }
    }
  }
  return count;
}

function automatedShare(inventory: Inventory): number {
  if (inventory.exchanges.length === 0) return 0;
  let automated = 0;
  for (let i = 0; i < inventory.exchanges.length; i++) {
    const m = inventory.exchanges[i]!.mechanism;
    if (m === 'api' || m === 'service_bus' || m === 'database') automated++;
  }
  return automated / inventory.exchanges.length;
}

function functionCodes(inventory: Inventory): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const app of inventory.applications) out.set(app.id, app.function);
  return out;
}

const rank = (m: Mechanism | undefined) => (m === undefined ? 0 : MECHANISM_RANK[m]);
