/**
 * Recommendations, their priority and waves, and a TIME label per application.
 *
 * Kinds (SPBE: Perpres 95/2018 on Aplikasi Umum, Perpres 39/2019 Satu Data Indonesia, the SPLP service bus;
 * the Federal CIO Council Application Rationalization Playbook for the decisions):
 *   adopt-common  a duplicate cluster whose keeper is a shared platform: local copies move to the platform.
 *   consolidate   a duplicate cluster without one: members move onto the keeper.
 *   integrate     manual or file exchanges move onto SPLP, one recommendation per government (a regency, city
 *                 or province with its units, or a central agency): the exchanges between its own agencies and
 *                 those with other governments it leads (see `manualExchangeRecommendations`); and siloed
 *                 applications (isolated or internal-only) that keep a dataset whose steward agency has a
 *                 master application get connected to that master, one recommendation per master.
 *   share-data    a dataset kept by several applications with no master application (no steward, or a
 *                 steward that keeps none): designate one master source and its walidata.
 *   retire        applications marked retired, or with 0 users and no exchange, grouped per agency.
 *
 * Effort points = perApplication × applications touched + perExtraAgency × (agencies − 1) + perExchange ×
 * exchanges to rewire or build, bucketed low / medium / high. Priority ranks by
 *   score = expected annual savings × confidence ÷ effort weight
 * (ties: lower effort, more applications, id); 1 = highest. Integration and master data carry no budget
 * savings claim, so they rank after the savings-bearing work; the waves, not the priority, say when they
 * can start.
 *
 * Waves: recommendation A precedes B when B builds on what A changes — the target A consolidates onto or
 * designates as master source: B touches A's target, touches an application A moves away, or touches an
 * application that exchanges with A's target (an integration only connects to its target, so nothing waits
 * for it). The weight of A → B counts those links, so a target many others exchange with (high fan-in)
 * goes first. Cycles are broken by dropping, inside each strongly connected component (Tarjan 1972), its
 * lowest-weight edges, until none is left: the weaker dependency is the one deferred; equal mutual
 * dependencies end up in the same wave. Waves are the longest-path levels of what remains (wave 1 = no
 * predecessor).
 *
 * TIME (Gartner's Tolerate / Invest / Migrate / Eliminate, as used by LeanIX and ServiceNow APM): keepers
 * and shared platform instances → invest; members moving onto a keeper → migrate (eliminate when they are
 * retired or unused); retired or unused applications → eliminate; everything else → tolerate.
 */
import type { Agency, Application, DuplicateCluster, Inventory, Recommendation, RecommendationKind, SavingsRange } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { buildAppIndex } from '../graph/app-index.js';
import { resolveAssumptions, type AssumptionOverrides, type Assumptions } from './assumptions.js';
import { isManualEdge } from './silo-metrics.js';
import { estimateCosts, formatNumber, formatRupiah, planClusters, retirementSavings, type ApplicationCost } from './spend.js';

export type TimeLabel = 'tolerate' | 'invest' | 'migrate' | 'eliminate';

export interface TimeAssignment {
  label: TimeLabel;
  reason: string;
}

export interface RecommendFacts {
  /** Applications with no exchange at all (from the silo analysis). */
  isolatedApps: Set<string>;
  /** Applications that exchange only within their own agency (from the silo analysis). */
  internalOnlyApps: Set<string>;
  /** Application id → shared platform id, for instances of designated shared platforms. */
  sharedPlatformOf?: Map<string, string>;
  /** Costs from `analyzeSpend` (pass them); when absent they are re-estimated from `functionOf`, else the given codes. */
  costs?: Map<string, ApplicationCost>;
  functionOf?: Map<string, string | undefined>;
  /** The application index of this inventory (`buildGraph(inventory).index`); built when absent. */
  index?: AppIndex;
}

/** One ordering constraint between two recommendations; `kept: false` when dropped to break a cycle. */
export interface Dependency {
  before: string;
  after: string;
  weight: number;
  kept: boolean;
}

export interface RecommendResult {
  /** Sorted by priority (1 first). */
  recommendations: Recommendation[];
  /** TIME label of every application of the inventory. */
  time: Map<string, TimeAssignment>;
  dependencies: Dependency[];
}

/** Consumers described one by one in a master-source integration's rationale (all are in `applications`). */
const CONSUMERS_SHOWN = 10;
/** Kinds that change their target (it absorbs applications, or becomes the master source): others wait for them. */
const CHANGES_TARGET = new Set<RecommendationKind>(['consolidate', 'adopt-common', 'share-data']);
const LEVEL_RANK: Record<string, number> = { central: 0, province: 1, regency: 2, city: 2, unit: 3 };

interface Draft {
  rec: Recommendation;
  confidence: number;
  effortPoints: number;
  /** Applications this recommendation takes away (moved onto the target, or retired). */
  removes: string[];
}

interface Context {
  inventory: Inventory;
  a: Assumptions;
  appById: Map<string, Application>;
  agencyById: Map<string, Agency>;
  /** Exchanges as edges between application positions (exchanges between two distinct known applications). */
  index: AppIndex;
  costs: Map<string, ApplicationCost>;
  sharedPlatformOf: Map<string, string>;
}

export function recommend(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  facts: RecommendFacts,
  assumptions: AssumptionOverrides = {},
): RecommendResult {
  const a = resolveAssumptions(assumptions);
  const sharedPlatformOf = facts.sharedPlatformOf ?? new Map<string, string>();
  const ctx: Context = {
    inventory,
    a,
    appById: new Map(inventory.applications.map((app) => [app.id, app])),
    agencyById: new Map(inventory.agencies.map((ag) => [ag.id, ag])),
    index: facts.index ?? buildAppIndex(inventory),
    costs: facts.costs ?? estimateCosts(inventory, facts.functionOf ?? new Map(inventory.applications.map((app) => [app.id, app.function])), a, sharedPlatformOf),
    sharedPlatformOf,
  };

  const plans = planClusters(clusters, sharedPlatformOf);
  const drafts: Draft[] = [];
  const successor = new Map<string, string>();
  const movesIn = new Map<string, { clusterId: string; keeper: string }>();
  const keeperOf = new Map<string, DuplicateCluster>();
  for (const plan of plans) {
    keeperOf.set(plan.cluster.keeper, plan.cluster);
    if (plan.moving.length === 0) continue;
    drafts.push(clusterRecommendation(ctx, plan.cluster, plan.moving, plan.platform));
    for (const id of plan.moving) {
      successor.set(id, plan.cluster.keeper);
      movesIn.set(id, { clusterId: plan.cluster.id, keeper: plan.cluster.keeper });
    }
  }

  const retiring = retireCandidates(ctx, successor, keeperOf);
  drafts.push(...retireRecommendations(ctx, retiring));
  // By inventory position: the exchange loops ask twice per exchange.
  const goneAt = new Uint8Array(inventory.applications.length);
  inventory.applications.forEach((app, i) => (goneAt[i] = retiring.has(app.id) || app.status === 'retired' ? 1 : 0));
  const gone = (id: string) => {
    const k = ctx.index.indexOf.get(id);
    return k !== undefined && goneAt[k] === 1;
  };
  drafts.push(...manualExchangeRecommendations(ctx, goneAt, movesIn));
  const masters = masterSources(ctx, successor, gone);
  drafts.push(...consumerRecommendations(ctx, facts, masters, successor, gone));
  drafts.push(...shareDataRecommendations(ctx, masters));

  rankByPriority(drafts, a);
  const dependencies = assignWaves(ctx, drafts);
  const recommendations = drafts.map((d) => d.rec).sort((x, y) => x.priority - y.priority);
  const time = timeLabels(ctx, plans.map((p) => p.cluster), movesIn, retiring, recommendations);
  return { recommendations, time, dependencies };
}

// ───────────────────────────── builders ─────────────────────────────

function clusterRecommendation(ctx: Context, cluster: DuplicateCluster, moving: string[], platform: string | undefined): Draft {
  const kind: RecommendationKind = platform !== undefined ? 'adopt-common' : 'consolidate';
  const applications = [cluster.keeper, ...moving];
  const agencies = agenciesOf(ctx, applications);
  const rewire = countExchanges(ctx, moving);
  const effortPoints = effortPointsOf(ctx.a, moving.length, agencies.length, rewire);
  const what = cluster.functionName ?? cluster.label;
  const keeper = nameOf(ctx, cluster.keeper);
  const title =
    kind === 'adopt-common'
      ? `Adopt ${platform} for ${what}: move ${moving.length} local application${plural(moving.length)} onto it`
      : `Consolidate ${moving.length + 1} applications for ${what} onto ${keeper}`;
  const movingCost = moving.reduce((sum, id) => sum + (ctx.costs.get(id)?.annualCost ?? 0), 0);
  const estimated = moving.filter((id) => ctx.costs.get(id)?.estimated).length;
  const keeperApp = ctx.appById.get(cluster.keeper);
  const rationale = [
    `duplicate cluster ${cluster.id} (${cluster.scope}, confidence ${round2(cluster.confidence)}): ${cluster.applications.length} applications of ${cluster.agencies.length} agenc${cluster.agencies.length === 1 ? 'y' : 'ies'} for function ${cluster.function}${cluster.functionName ? ` (${cluster.functionName})` : ''}`,
    `target ${cluster.keeper} "${keeper}"${platform ? `, instance of shared platform ${platform}` : ''}: ${cluster.keeperReason}`,
    `moves ${moving.join(', ')}: ${formatRupiah(movingCost)} a year (${estimated} of ${moving.length} costs estimated)`,
    `cluster cost ${formatRupiah(cluster.totalAnnualCost)} a year, redundant ${formatRupiah(cluster.redundantAnnualCost)}; net savings ${formatRange(cluster.estimatedAnnualSavings)}`,
    effortLine(ctx.a, moving.length, agencies.length, rewire, effortPoints),
  ];
  if (keeperApp?.status === 'retired') rationale.push(`check the keeper choice: ${cluster.keeper} is marked retired in the inventory`);
  for (const ev of cluster.evidence.slice(0, 3)) {
    if (ev.kind !== 'cost') rationale.push(`evidence (${ev.kind}): ${ev.detail}`);
  }
  return {
    rec: {
      id: `rec-${kind === 'adopt-common' ? 'adopt' : 'consolidate'}-${cluster.id}`,
      kind,
      title,
      applications,
      agencies,
      clusterId: cluster.id,
      target: cluster.keeper,
      estimatedAnnualSavings: { ...cluster.estimatedAnnualSavings },
      effort: effortClass(ctx.a, effortPoints),
      priority: 0,
      wave: 0,
      rationale,
    },
    confidence: cluster.confidence,
    effortPoints,
    removes: moving,
  };
}

/** Retired or unused applications that no cluster recommendation already moves or keeps. */
function retireCandidates(ctx: Context, successor: Map<string, string>, keeperOf: Map<string, DuplicateCluster>): Map<string, 'status' | 'unused'> {
  const out = new Map<string, 'status' | 'unused'>();
  for (const app of ctx.inventory.applications) {
    if (successor.has(app.id) || keeperOf.has(app.id)) continue;
    if (app.status === 'retired') out.set(app.id, 'status');
    else if (app.users === 0 && degree(ctx, app.id) === 0) out.set(app.id, 'unused');
  }
  return out;
}

function retireRecommendations(ctx: Context, retiring: Map<string, 'status' | 'unused'>): Draft[] {
  const byAgency = groupBy([...retiring.keys()], (id) => ctx.appById.get(id)!.agencyId);
  const drafts: Draft[] = [];
  for (const [agencyId, ids] of byAgency) {
    const cost = ids.reduce((sum, id) => sum + (ctx.costs.get(id)?.annualCost ?? 0), 0);
    const savings = retirementSavings(cost, ctx.a);
    const exchanges = countExchanges(ctx, ids);
    const effortPoints = effortPointsOf(ctx.a, ids.length, 1, exchanges);
    const byStatus = ids.filter((id) => retiring.get(id) === 'status');
    const unused = ids.filter((id) => retiring.get(id) === 'unused');
    const confidence = unused.length > 0 ? ctx.a.confidence.retireUnused : ctx.a.confidence.retireStatus;
    const rationale: string[] = [];
    if (byStatus.length > 0) rationale.push(`marked retired in the inventory: ${byStatus.map((id) => describeApp(ctx, id)).join(', ')}`);
    if (unused.length > 0) rationale.push(`0 users and no exchange: ${unused.map((id) => describeApp(ctx, id)).join(', ')}`);
    rationale.push(
      `still costs ${formatRupiah(cost)} a year (${ids.filter((id) => ctx.costs.get(id)?.estimated).length} of ${ids.length} costs estimated); net savings ${formatRange(savings)} after decommissioning cost ${ctx.a.decommissionCostFactor.low}–${ctx.a.decommissionCostFactor.high}× one year spread over ${ctx.a.amortisationYears} years`,
      `confidence ${round2(confidence)} (${unused.length > 0 ? 'unused inferred from 0 users and no exchange' : 'status given by the inventory'})`,
      effortLine(ctx.a, ids.length, 1, exchanges, effortPoints),
    );
    drafts.push({
      rec: {
        id: `rec-retire-${agencyId}`,
        kind: 'retire',
        title: `Retire ${ids.length} inactive or unused application${plural(ids.length)} of ${agencyName(ctx, agencyId)}`,
        applications: ids,
        agencies: [agencyId],
        estimatedAnnualSavings: savings,
        effort: effortClass(ctx.a, effortPoints),
        priority: 0,
        wave: 0,
        rationale,
      },
      confidence,
      effortPoints,
      removes: ids,
    });
  }
  return drafts;
}

/**
 * Manual and file exchanges to rebuild on the SPLP service bus, one recommendation per government: the
 * exchanges between its own agencies, and those with another government that it leads. Of two governments
 * the higher-level one leads (central, then province, then regency or city): it would publish the service
 * on SPLP that the other calls; between equals the sending side leads. So every exchange is in exactly one
 * recommendation, and a government's SPLP onboarding is one piece of work rather than one per agency pair.
 */
function manualExchangeRecommendations(
  ctx: Context,
  goneAt: Uint8Array,
  movesIn: Map<string, { clusterId: string; keeper: string }>,
): Draft[] {
  const { index } = ctx;
  const rank = governmentRanks(ctx);
  const groups = new Map<number, number[]>();
  for (let e = 0; e < index.src.length; e++) {
    if (!isManualEdge(index, e)) continue;
    const s = index.src[e]!;
    const t = index.dst[e]!;
    if (goneAt[s] === 1 || goneAt[t] === 1) continue;
    const gs = index.governmentOf[s]!;
    const gt = index.governmentOf[t]!;
    const lead = rank[gt]! < rank[gs]! ? gt : gs;
    const list = groups.get(lead);
    if (list === undefined) groups.set(lead, [e]);
    else list.push(e);
  }
  const drafts: Draft[] = [];
  for (const [government, edges] of groups) {
    const governmentId = index.agencies.ids[government]!;
    const name = agencyName(ctx, governmentId);
    const touched = new Set<number>();
    const mechanisms = new Map<string, number>();
    const partners = new Map<number, number>();
    for (const e of edges) {
      const s = index.src[e]!;
      const t = index.dst[e]!;
      touched.add(s).add(t);
      const mechanism = ctx.inventory.exchanges[index.exchangeAt[e]!]!.mechanism ?? '';
      mechanisms.set(mechanism, (mechanisms.get(mechanism) ?? 0) + 1);
      const other = index.governmentOf[s] === government ? index.governmentOf[t]! : index.governmentOf[s]!;
      if (other !== government) partners.set(other, (partners.get(other) ?? 0) + 1);
    }
    const applications = [...touched].sort((x, y) => x - y).map((i) => index.ids[i]!);
    const agencies = agenciesOf(ctx, applications);
    const n = edges.length;
    const effortPoints = effortPointsOf(ctx.a, applications.length, agencies.length, n);
    const cross = [...partners.values()].reduce((sum, k) => sum + k, 0);
    const partnerList = [...partners]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .map(([g, k]) => `${agencyName(ctx, index.agencies.ids[g]!)} (${k})`);
    const moving = applications.filter((id) => movesIn.has(id));
    const rationale = [
      `${[...mechanisms].map(([m, k]) => `${k} ${m}`).join(', ')} exchange${plural(n)}: ${n - cross} between agencies of ${name}` +
        (cross > 0 ? `, ${cross} with ${partners.size} other government${plural(partners.size)}: ${listIds(partnerList, 10)}` : ''),
      `exchanges (all ${n} under "exchanges"): ${listSome(edges, (e) => describeExchange(ctx, e), 10)}`,
    ];
    if (cross > 0) {
      rationale.push(
        'an exchange between two governments is listed under the higher-level one (central, then province, then regency or city), which would publish the service on SPLP; between equals, under the sending government',
      );
    }
    rationale.push('no budget savings claimed: the gain is staff time, fewer transcription errors and data that is current');
    if (moving.length > 0) {
      const moves = moving.map((id) => `${id} → ${movesIn.get(id)!.keeper} (cluster ${movesIn.get(id)!.clusterId})`);
      rationale.push(`${moving.length} of these application${plural(moving.length)} move onto a keeper first; build their exchanges from the keeper: ${listIds(moves, 10)}`);
    }
    rationale.push(effortLine(ctx.a, applications.length, agencies.length, n, effortPoints));
    drafts.push({
      rec: {
        id: `rec-integrate-exchanges-${governmentId}`,
        kind: 'integrate',
        title: `Move ${n} manual/file exchange${plural(n)} of ${name} onto the service bus (SPLP)`,
        applications,
        agencies,
        exchanges: edges.map((e) => index.exchangeIds[e]!),
        estimatedAnnualSavings: zero(),
        effort: effortClass(ctx.a, effortPoints),
        priority: 0,
        wave: 0,
        rationale,
      },
      confidence: ctx.a.confidence.integrateManual,
      effortPoints,
      removes: [],
    });
  }
  return drafts;
}

/** Level rank of each agency (by agency index, lower = higher level); 9 for an undeclared one. */
function governmentRanks(ctx: Context): Int32Array {
  const { ids } = ctx.index.agencies;
  const rank = new Int32Array(ids.length);
  for (let a = 0; a < ids.length; a++) {
    const level = ctx.agencyById.get(ids[a]!)?.level;
    rank[a] = level === undefined ? 9 : LEVEL_RANK[level]!;
  }
  return rank;
}

function describeExchange(ctx: Context, edge: number): string {
  const x = ctx.inventory.exchanges[ctx.index.exchangeAt[edge]!]!;
  return `${x.id} (${x.sourceId}→${x.targetId}${x.data ? `: ${x.data}` : ''})`;
}

interface MasterSource {
  datasetId: string;
  name: string;
  steward?: string;
  /** The steward's application that keeps the dataset, when there is one. */
  master?: string;
  /** Applications keeping the dataset after consolidation (moved ones replaced by their keeper). */
  holders: string[];
  /** Holders that move onto a keeper, as "moved → keeper". */
  merged: string[];
}

/** For every dataset kept by some application: who keeps it and which application masters it. */
function masterSources(ctx: Context, successor: Map<string, string>, gone: (id: string) => boolean): Map<string, MasterSource> {
  const datasetById = new Map(ctx.inventory.datasets.map((d) => [d.id, d]));
  const holdersOf = new Map<string, Set<string>>();
  const mergedOf = new Map<string, string[]>();
  for (const app of ctx.inventory.applications) {
    if (gone(app.id)) continue;
    const keeper = successor.get(app.id);
    for (const d of app.datasets) {
      let set = holdersOf.get(d);
      if (set === undefined) holdersOf.set(d, (set = new Set()));
      set.add(keeper ?? app.id);
      if (keeper !== undefined) {
        const list = mergedOf.get(d);
        if (list === undefined) mergedOf.set(d, [`${app.id} → ${keeper}`]);
        else list.push(`${app.id} → ${keeper}`);
      }
    }
  }
  const out = new Map<string, MasterSource>();
  for (const [datasetId, set] of holdersOf) {
    const dataset = datasetById.get(datasetId);
    const holders = sortByInventory(ctx, [...set]);
    const steward = dataset?.stewardAgencyId;
    const stewardHolders = steward === undefined ? [] : holders.filter((id) => ctx.appById.get(id)?.agencyId === steward);
    out.set(datasetId, {
      datasetId,
      name: dataset?.name ?? datasetId,
      steward,
      master: stewardHolders.length > 0 ? bestSource(ctx, stewardHolders) : undefined,
      holders,
      merged: mergedOf.get(datasetId) ?? [],
    });
  }
  return out;
}

/**
 * Siloed applications keeping a dataset another application masters: connect them to the master, one
 * recommendation per master source (its steward publishes the data on SPLP once; every consumer calls it).
 */
function consumerRecommendations(
  ctx: Context,
  facts: RecommendFacts,
  masters: Map<string, MasterSource>,
  successor: Map<string, string>,
  gone: (id: string) => boolean,
): Draft[] {
  const groups = new Map<string, Map<string, string[]>>();
  for (const app of ctx.inventory.applications) {
    const siloed = facts.isolatedApps.has(app.id) || facts.internalOnlyApps.has(app.id);
    if (!siloed || app.datasets.length === 0 || successor.has(app.id) || gone(app.id)) continue;
    const linked = new Set(neighbours(ctx, app.id));
    for (const datasetId of app.datasets) {
      const master = masters.get(datasetId)?.master;
      if (master === undefined || master === app.id || linked.has(master)) continue;
      let consumers = groups.get(master);
      if (consumers === undefined) groups.set(master, (consumers = new Map()));
      const list = consumers.get(app.id);
      if (list === undefined) consumers.set(app.id, [datasetId]);
      else list.push(datasetId);
    }
  }
  const drafts: Draft[] = [];
  for (const [master, consumers] of groups) {
    const ids = [...consumers.keys()];
    const applications = [master, ...ids];
    const agencies = agenciesOf(ctx, applications);
    const consumerAgencies = agenciesOf(ctx, ids);
    const effortPoints = effortPointsOf(ctx.a, ids.length, agencies.length, ids.length);
    const line = (id: string) => {
      const datasets = consumers.get(id)!.map((d) => `${d} "${masters.get(d)!.name}"`).join(', ');
      const why = facts.isolatedApps.has(id) ? 'exchanges with nothing' : 'exchanges only inside its agency';
      return `${describeApp(ctx, id)} ${why} yet keeps ${datasets}`;
    };
    const lines = ids.slice(0, CONSUMERS_SHOWN).map(line);
    if (ids.length > CONSUMERS_SHOWN) lines.push(`and ${ids.length - CONSUMERS_SHOWN} more siloed applications keeping its data (all under "applications")`);
    const stewards = unique(ids.flatMap((id) => consumers.get(id)!.map((d) => masters.get(d)!.steward ?? '')));
    const whose = consumerAgencies.length === 1 ? `of ${agencyName(ctx, consumerAgencies[0]!)}` : `of ${consumerAgencies.length} agencies`;
    drafts.push({
      rec: {
        id: `rec-integrate-master-${master}`,
        kind: 'integrate',
        title: `Connect ${ids.length} siloed application${plural(ids.length)} ${whose} to master source ${nameOf(ctx, master)} over SPLP`,
        applications,
        agencies,
        target: master,
        estimatedAnnualSavings: zero(),
        effort: effortClass(ctx.a, effortPoints),
        priority: 0,
        wave: 0,
        rationale: [
          ...lines,
          `master source ${describeApp(ctx, master)} is kept by the steward agency (walidata) ${stewards.map((s) => agencyName(ctx, s)).join(', ')}`,
          'no budget savings claimed: the gain is one authoritative copy of the data',
          effortLine(ctx.a, ids.length, agencies.length, ids.length, effortPoints),
        ],
      },
      confidence: ctx.a.confidence.integrateConsumer,
      effortPoints,
      removes: [],
    });
  }
  return drafts;
}

/** Datasets kept by several applications and mastered by none: designate a master source. */
function shareDataRecommendations(ctx: Context, masters: Map<string, MasterSource>): Draft[] {
  const drafts: Draft[] = [];
  for (const source of masters.values()) {
    if (source.master !== undefined || source.holders.length < ctx.a.shareDataMinHolders) continue;
    const master = bestSource(ctx, source.holders);
    const others = source.holders.filter((id) => id !== master);
    const applications = [master, ...others];
    const agencies = agenciesOf(ctx, applications);
    const effortPoints = effortPointsOf(ctx.a, applications.length, agencies.length, others.length);
    const why =
      source.steward === undefined
        ? 'no steward agency (walidata) is designated for it'
        : `its steward agency ${agencyName(ctx, source.steward)} keeps it in no application`;
    const rationale = [
      `dataset ${source.datasetId} "${source.name}" is kept by ${source.holders.length} applications of ${agencies.length} agenc${agencies.length === 1 ? 'y' : 'ies'}: ${source.holders.map((id) => describeApp(ctx, id)).join(', ')}`,
      `${why}`,
      `proposed master ${describeApp(ctx, master)}: ${masterReason(ctx, master)}`,
      'no budget savings claimed: the gain is one authoritative copy of the data',
      effortLine(ctx.a, applications.length, agencies.length, others.length, effortPoints),
    ];
    if (source.merged.length > 0) rationale.push(`counted after consolidation: ${source.merged.join(', ')}`);
    drafts.push({
      rec: {
        id: `rec-share-${source.datasetId}`,
        kind: 'share-data',
        title: `Designate a master source for "${source.name}", kept by ${source.holders.length} applications`,
        applications,
        agencies,
        target: master,
        estimatedAnnualSavings: zero(),
        effort: effortClass(ctx.a, effortPoints),
        priority: 0,
        wave: 0,
        rationale,
      },
      confidence: ctx.a.confidence.shareData,
      effortPoints,
      removes: [],
    });
  }
  return drafts;
}

/** The application best placed to serve others: most exchanges, then the highest government level, then first listed. */
function bestSource(ctx: Context, candidates: string[]): string {
  let best = candidates[0]!;
  for (const id of candidates.slice(1)) {
    const d = degree(ctx, id) - degree(ctx, best);
    const l = levelRank(ctx, id) - levelRank(ctx, best);
    if (d > 0 || (d === 0 && l < 0) || (d === 0 && l === 0 && position(ctx, id) < position(ctx, best))) best = id;
  }
  return best;
}

function masterReason(ctx: Context, id: string): string {
  const app = ctx.appById.get(id)!;
  const level = ctx.agencyById.get(app.agencyId)?.level ?? 'unknown';
  return `${degree(ctx, id)} exchange${plural(degree(ctx, id))}, ${level}-level agency (most exchanges, then highest level, then first listed)`;
}

// ───────────────────────────── priority and waves ─────────────────────────────

function rankByPriority(drafts: Draft[], a: Assumptions): void {
  const score = (d: Draft) => (d.rec.estimatedAnnualSavings.expected * d.confidence) / a.effort.weights[d.rec.effort];
  const scores = new Map(drafts.map((d) => [d, score(d)]));
  const ranked = [...drafts].sort(
    (x, y) =>
      scores.get(y)! - scores.get(x)! ||
      a.effort.weights[x.rec.effort] - a.effort.weights[y.rec.effort] ||
      y.rec.applications.length - x.rec.applications.length ||
      (x.rec.id < y.rec.id ? -1 : x.rec.id > y.rec.id ? 1 : 0),
  );
  ranked.forEach((d, i) => {
    d.rec.priority = i + 1;
    d.rec.rationale.push(
      `priority ${i + 1} of ${ranked.length}: score ${formatNumber(scores.get(d)!)} = expected savings ${formatRupiah(d.rec.estimatedAnnualSavings.expected)} × confidence ${round2(d.confidence)} ÷ effort weight ${a.effort.weights[d.rec.effort]} (${d.rec.effort})`,
    );
  });
}

/**
 * Builds the dependency graph between recommendations, breaks its cycles and assigns waves (see the module
 * header). Linear in recommendations + exchanges touching targets, plus one SCC pass per cycle-breaking round.
 */
function assignWaves(ctx: Context, drafts: Draft[]): Dependency[] {
  const n = drafts.length;
  const containing = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    for (const id of d.rec.applications) {
      const list = containing.get(id);
      if (list === undefined) containing.set(id, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });

  const weights: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const link = (from: number, to: number) => {
    if (from !== to) weights[from]!.set(to, (weights[from]!.get(to) ?? 0) + 1);
  };
  drafts.forEach((d, i) => {
    const target = d.rec.target;
    if (!CHANGES_TARGET.has(d.rec.kind) || target === undefined || !ctx.appById.has(target)) return;
    const own = new Set(d.rec.applications);
    for (const j of containing.get(target) ?? []) link(i, j);
    for (const moved of d.removes) for (const j of containing.get(moved) ?? []) link(i, j);
    for (const other of neighbours(ctx, target)) {
      if (own.has(other)) continue;
      for (const j of containing.get(other) ?? []) link(i, j);
    }
  });

  const dropped = breakCycles(weights);
  const wave = longestPathLevels(weights);
  const dependencies: Dependency[] = [];
  drafts.forEach((d, i) => {
    d.rec.wave = wave[i]!;
    for (const [j, w] of weights[i]!) dependencies.push({ before: d.rec.id, after: drafts[j]!.rec.id, weight: w, kept: true });
  });
  for (const { from, to, weight } of dropped) dependencies.push({ before: drafts[from]!.rec.id, after: drafts[to]!.rec.id, weight, kept: false });

  const predecessors: Array<Array<{ id: string; weight: number }>> = Array.from({ length: n }, () => []);
  weights.forEach((out, i) => {
    for (const [j, w] of out) predecessors[j]!.push({ id: drafts[i]!.rec.id, weight: w });
  });
  drafts.forEach((d, i) => {
    const before = predecessors[i]!.sort((x, y) => y.weight - x.weight);
    d.rec.rationale.push(
      before.length === 0
        ? `wave ${d.rec.wave}: depends on no other recommendation`
        : `wave ${d.rec.wave}: after ${listIds(before.map((p) => `${p.id} (${p.weight} link${plural(p.weight)} to its target or moved applications)`), 5)}`,
    );
  });
  for (const { from, to, weight } of dropped) {
    drafts[to]!.rec.rationale.push(
      `dependency on ${drafts[from]!.rec.id} (${weight} link${plural(weight)}) deferred to break a cycle: the lowest-weight dependencies in a cycle are dropped`,
    );
  }
  return dependencies.sort((x, y) => (x.before < y.before ? -1 : x.before > y.before ? 1 : x.after < y.after ? -1 : x.after > y.after ? 1 : 0));
}

/** Removes, inside each strongly connected component, its lowest-weight edges until the graph is acyclic. */
function breakCycles(weights: Array<Map<number, number>>): Array<{ from: number; to: number; weight: number }> {
  const dropped: Array<{ from: number; to: number; weight: number }> = [];
  for (;;) {
    const component = tarjan(weights);
    const size = new Int32Array(weights.length);
    for (const c of component) size[c]!++;
    let changed = false;
    const minimum = new Map<number, number>();
    weights.forEach((out, i) => {
      if (size[component[i]!]! < 2) return;
      for (const [j, w] of out) {
        if (component[j] !== component[i]) continue;
        const c = component[i]!;
        minimum.set(c, Math.min(minimum.get(c) ?? Infinity, w));
      }
    });
    weights.forEach((out, i) => {
      const c = component[i]!;
      const min = minimum.get(c);
      if (min === undefined) return;
      for (const [j, w] of [...out]) {
        if (component[j] === c && w === min) {
          out.delete(j);
          dropped.push({ from: i, to: j, weight: w });
          changed = true;
        }
      }
    });
    if (!changed) return dropped;
  }
}

/** Tarjan's strongly connected components, iterative (no recursion depth limit); returns a component id per node. */
function tarjan(weights: Array<Map<number, number>>): Int32Array {
  const n = weights.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const adjacency = weights.map((out) => [...out.keys()]);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const frames: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame.node;
      const out = adjacency[v]!;
      if (frame.next < out.length) {
        const w = out[frame.next++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ node: w, next: 0 });
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]!.node;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** Wave of each node of an acyclic graph: 1 + the longest chain of predecessors (Kahn's order). */
function longestPathLevels(weights: Array<Map<number, number>>): Int32Array {
  const n = weights.length;
  const indegree = new Int32Array(n);
  for (const out of weights) for (const j of out.keys()) indegree[j]!++;
  const level = new Int32Array(n).fill(1);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    for (const j of weights[i]!.keys()) {
      level[j] = Math.max(level[j]!, level[i]! + 1);
      if (--indegree[j]! === 0) queue.push(j);
    }
  }
  return level;
}

// ───────────────────────────── TIME ─────────────────────────────

function timeLabels(
  ctx: Context,
  clusters: DuplicateCluster[],
  movesIn: Map<string, { clusterId: string; keeper: string }>,
  retiring: Map<string, 'status' | 'unused'>,
  recommendations: Recommendation[],
): Map<string, TimeAssignment> {
  const keeperOf = new Map<string, DuplicateCluster>();
  for (const c of clusters) if (!keeperOf.has(c.keeper)) keeperOf.set(c.keeper, c);
  const integratedBy = new Map<string, string>();
  for (const r of recommendations) {
    if (r.kind !== 'integrate' && r.kind !== 'share-data') continue;
    for (const id of r.applications) if (!integratedBy.has(id)) integratedBy.set(id, r.id);
  }
  const time = new Map<string, TimeAssignment>();
  for (const app of ctx.inventory.applications) {
    const keeps = keeperOf.get(app.id);
    const platform = ctx.sharedPlatformOf.get(app.id);
    const moves = movesIn.get(app.id);
    const unused = app.users === 0 && degree(ctx, app.id) === 0;
    let t: TimeAssignment;
    if (keeps !== undefined) {
      t = { label: 'invest', reason: `keeper of duplicate cluster ${keeps.id}: ${keeps.keeperReason}` };
      if (app.status === 'retired') t.reason += ' (marked retired in the inventory: check the keeper choice)';
    } else if (moves !== undefined) {
      t =
        app.status === 'retired' || unused
          ? { label: 'eliminate', reason: `duplicate of ${moves.keeper} in cluster ${moves.clusterId} and ${app.status === 'retired' ? 'marked retired' : 'unused (0 users, no exchange)'}: shut down, no migration` }
          : { label: 'migrate', reason: `duplicate of ${moves.keeper} in cluster ${moves.clusterId}: move its users and data onto it` };
    } else if (platform !== undefined && app.status !== 'retired') {
      t = { label: 'invest', reason: `instance of shared platform ${platform}` };
    } else if (retiring.has(app.id)) {
      t = { label: 'eliminate', reason: retiring.get(app.id) === 'status' ? 'marked retired in the inventory' : 'unused: 0 users and no exchange' };
    } else {
      const rec = integratedBy.get(app.id);
      t = { label: 'tolerate', reason: `no duplicate found and in use${rec ? `; its integration is covered by ${rec}` : ''}` };
    }
    time.set(app.id, t);
  }
  return time;
}

// ───────────────────────────── helpers ─────────────────────────────

/** Inventory position of an application (its first one, should an id repeat); Infinity when unknown. */
function position(ctx: Context, id: string): number {
  return ctx.index.indexOf.get(id) ?? Infinity;
}

/** Distinct exchanges touching any of `ids`. */
function countExchanges(ctx: Context, ids: string[]): number {
  const { starts, edgeIds, indexOf } = ctx.index;
  const seen = new Set<number>();
  for (const id of ids) {
    const k = indexOf.get(id);
    if (k !== undefined) for (let e = starts[k]!; e < starts[k + 1]!; e++) seen.add(edgeIds[e]!);
  }
  return seen.size;
}

function degree(ctx: Context, id: string): number {
  const k = ctx.index.indexOf.get(id);
  return k === undefined ? 0 : ctx.index.starts[k + 1]! - ctx.index.starts[k]!;
}

/** Applications `id` exchanges with (once per exchange). */
function neighbours(ctx: Context, id: string): string[] {
  const { starts, neighbours: adjacent, ids, indexOf } = ctx.index;
  const k = indexOf.get(id);
  const out: string[] = [];
  if (k !== undefined) for (let e = starts[k]!; e < starts[k + 1]!; e++) out.push(ids[adjacent[e]!]!);
  return out;
}

function levelRank(ctx: Context, id: string): number {
  const agencyId = ctx.appById.get(id)?.agencyId;
  const level = agencyId === undefined ? undefined : ctx.agencyById.get(agencyId)?.level;
  return level === undefined ? 9 : LEVEL_RANK[level]!;
}

function effortPointsOf(a: Assumptions, applications: number, agencies: number, exchanges: number): number {
  return a.effort.perApplication * applications + a.effort.perExtraAgency * Math.max(0, agencies - 1) + a.effort.perExchange * exchanges;
}

function effortClass(a: Assumptions, points: number): Recommendation['effort'] {
  return points <= a.effort.lowMax ? 'low' : points <= a.effort.mediumMax ? 'medium' : 'high';
}

function effortLine(a: Assumptions, applications: number, agencies: number, exchanges: number, points: number): string {
  return `effort ${effortClass(a, points)}: ${applications} application${plural(applications)}, ${agencies} agenc${agencies === 1 ? 'y' : 'ies'}, ${exchanges} exchange${plural(exchanges)} to rewire or build (${round2(points)} point${plural(points)})`;
}

function agenciesOf(ctx: Context, ids: string[]): string[] {
  return unique(ids.map((id) => ctx.appById.get(id)?.agencyId).filter((x): x is string => x !== undefined)).sort();
}

function agencyName(ctx: Context, id: string): string {
  return ctx.agencyById.get(id)?.name ?? id;
}

function nameOf(ctx: Context, id: string): string {
  return ctx.appById.get(id)?.name ?? id;
}

function describeApp(ctx: Context, id: string): string {
  return `${id} "${nameOf(ctx, id)}"`;
}

function sortByInventory(ctx: Context, ids: string[]): string[] {
  return ids.sort((x, y) => position(ctx, x) - position(ctx, y));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function listIds(items: string[], max = 20): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Like listIds, describing only the items shown. */
function listSome<T>(items: T[], describe: (item: T) => string, max = 20): string {
  const shown = items.slice(0, max).map(describe).join(', ');
  return items.length <= max ? shown : `${shown} and ${items.length - max} more`;
}

function formatRange(r: SavingsRange): string {
  return `${formatRupiah(r.low)}–${formatRupiah(r.high)} a year (expected ${formatRupiah(r.expected)})`;
}

const zero = (): SavingsRange => ({ low: 0, expected: 0, high: 0 });
const plural = (n: number) => (n === 1 ? '' : 's');
const round2 = (v: number) => Math.round(v * 100) / 100;
