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
import { MECHANISMS, type Agency, type Application, type Dataset, type DuplicateCluster, type Inventory, type Recommendation, type RecommendationKind, type SavingsRange } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { buildAppIndex } from '../graph/app-index.js';
import { resolveAssumptions, type AssumptionOverrides, type Assumptions } from './assumptions.js';
import { isManualEdge } from './silo-metrics.js';
import { estimateCosts, formatNumber, formatRupiah, planClusters, retirementSavings, type ApplicationCost, type ClusterPlan } from './spend.js';

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
  /** The plans of the clusters given (`analyzeSpend(…).plans` with its `clusters`); made when absent or of other clusters. */
  plans?: ClusterPlan[];
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
  /**
   * Positions of `rec.applications` (−1 for an id the index lacks), looked up once; `removes` are
   * `at[removesFrom ..]` (plain arrays: thousands of small typed arrays cost more to allocate).
   */
  at: number[];
  removesFrom: number;
}

/**
 * What every builder reads. The hot loops work on application positions (`index.ids`) rather than ids:
 * per-position facts are typed arrays built once, so the national run does one Map lookup per id at most.
 */
interface Context {
  inventory: Inventory;
  a: Assumptions;
  agencyById: Map<string, Agency>;
  /** Exchanges as edges between application positions (exchanges between two distinct known applications). */
  index: AppIndex;
  costs: Map<string, ApplicationCost>;
  sharedPlatformOf: Map<string, string>;
  /** The application at each position: the last record of its id, should one repeat (as a Map by id would). */
  appAt: Application[];
  /** Agency index (`index.agencies.ids`) of `appAt`. */
  agencyAt: Int32Array;
  /** Position of the application at each inventory position: the first one of its id (itself unless ids repeat). */
  canon: Int32Array;
  /** Level rank (LEVEL_RANK; 9 when undeclared) of each agency index, and of each position's agency. */
  agencyRank: Int8Array;
  levelAt: Int8Array;
  /** Marks over exchange edges and over positions, stamped per use, so that "distinct" needs no Set per call. */
  edgeMark: Int32Array;
  edgeStamp: number;
  appMark: Int32Array;
  appStamp: number;
  agencyMark: Int32Array;
  agencyStamp: number;
  /**
   * Where each agency index comes in the sorted agency ids (`Array.prototype.sort` order), and the agency
   * index at each place: a list of agencies is sorted as numbers and named after (the ids are distinct).
   */
  agencyPlace: Int32Array;
  agencyAtPlace: Int32Array;
}

/** What the cluster plans decide, by position. */
interface Moves {
  /** Moved application id → its keeper and cluster. */
  movesIn: Map<string, { clusterId: string; keeper: string }>;
  /** 1 when the application at a position moves onto a keeper. */
  movingAt: Uint8Array;
  /** The first cluster plan keeping the application at a position, −1 when none. */
  keeperAt: Int32Array;
}

/** Retired or unused applications to retire (by id, in inventory order), and the same by position: 1 status, 2 unused. */
interface Retiring {
  reasons: Map<string, 'status' | 'unused'>;
  at: Uint8Array;
}

export function recommend(
  inventory: Inventory,
  clusters: DuplicateCluster[],
  facts: RecommendFacts,
  assumptions: AssumptionOverrides = {},
): RecommendResult {
  const a = resolveAssumptions(assumptions);
  const sharedPlatformOf = facts.sharedPlatformOf ?? new Map<string, string>();
  const index = facts.index ?? buildAppIndex(inventory);
  const costs = facts.costs ?? estimateCosts(inventory, facts.functionOf ?? functionCodes(inventory), a, sharedPlatformOf);
  const ctx = buildContext(inventory, a, index, costs, sharedPlatformOf);

  const plans = plansOf(clusters, facts.plans) ?? planClusters(clusters, sharedPlatformOf);
  const n = index.ids.length;
  const drafts: Draft[] = [];
  const moves: Moves = { movesIn: new Map(), movingAt: new Uint8Array(n), keeperAt: new Int32Array(n).fill(-1) };
  for (let c = 0; c < plans.length; c++) {
    const plan = plans[c]!;
    const keeper = index.indexOf.get(plan.cluster.keeper);
    if (keeper !== undefined && moves.keeperAt[keeper] === -1) moves.keeperAt[keeper] = c;
    if (plan.moving.length === 0) continue;
    const draft = clusterRecommendation(ctx, plan.cluster, plan.moving, plan.platform);
    drafts.push(draft);
    const move = { clusterId: plan.cluster.id, keeper: plan.cluster.keeper };
    for (let k = 0; k < plan.moving.length; k++) {
      moves.movesIn.set(plan.moving[k]!, move);
      const p = draft.at[draft.removesFrom + k]!;
      if (p !== -1) moves.movingAt[p] = 1;
    }
  }

  const retiring = retireCandidates(ctx, moves);
  for (const draft of retireRecommendations(ctx, retiring)) drafts.push(draft);
  // By position: the exchange loops ask twice per exchange.
  const goneAt = new Uint8Array(n);
  const apps = inventory.applications;
  for (let i = 0; i < apps.length; i++) goneAt[i] = apps[i]!.status === 'retired' || retiring.at[ctx.canon[i]!] !== 0 ? 1 : 0;
  for (const draft of manualExchangeRecommendations(ctx, goneAt, moves)) drafts.push(draft);
  const masters = masterSources(ctx, moves, goneAt);
  for (const draft of consumerRecommendations(ctx, facts, masters, moves, goneAt)) drafts.push(draft);
  for (const draft of shareDataRecommendations(ctx, masters, moves)) drafts.push(draft);

  rankByPriority(drafts, a);
  const dependencies = assignWaves(ctx, drafts);
  // Priorities are 1..n, each once: placing by priority is the sort.
  const byPriority = new Array<Draft>(drafts.length);
  for (const d of drafts) byPriority[d.rec.priority - 1] = d;
  const recommendations = byPriority.map((d) => d.rec);
  const time = timeLabels(ctx, plans, moves, retiring, byPriority);
  return { recommendations, time, dependencies };
}

function buildContext(
  inventory: Inventory,
  a: Assumptions,
  index: AppIndex,
  costs: Map<string, ApplicationCost>,
  sharedPlatformOf: Map<string, string>,
): Context {
  const apps = inventory.applications;
  const agencyById = new Map<string, Agency>();
  for (const ag of inventory.agencies) agencyById.set(ag.id, ag);
  const n = index.ids.length;
  // Ids are unique after loading, so positions are inventory positions; should one repeat, the id's first
  // position stands for it (as in the index) with the id's last record (as a Map by id would give).
  const repeats = index.indexOf.size !== n;
  const canon = new Int32Array(n);
  for (let i = 0; i < n; i++) canon[i] = repeats ? index.indexOf.get(index.ids[i]!)! : i;
  let appAt = apps;
  let agencyAt = index.agencyOf;
  if (repeats) {
    appAt = apps.slice();
    for (let i = 0; i < n; i++) appAt[canon[i]!] = apps[i]!;
    agencyAt = new Int32Array(n);
    for (let p = 0; p < n; p++) agencyAt[p] = index.agencies.indexOf.get(appAt[p]!.agencyId)!;
  }
  const agencyRank = agencyRanks(index, agencyById);
  const levelAt = new Int8Array(n);
  for (let p = 0; p < n; p++) levelAt[p] = agencyRank[agencyAt[p]!]!;
  // The builtin sort without a comparator, and the index's own map back from id to agency.
  const sortedAgencyIds = index.agencies.ids.slice().sort();
  const agencyAtPlace = new Int32Array(sortedAgencyIds.length);
  for (let r = 0; r < sortedAgencyIds.length; r++) agencyAtPlace[r] = index.agencies.indexOf.get(sortedAgencyIds[r]!)!;
  const agencyPlace = new Int32Array(sortedAgencyIds.length);
  for (let r = 0; r < agencyAtPlace.length; r++) agencyPlace[agencyAtPlace[r]!] = r;
  return {
    inventory,
    a,
    agencyById,
    index,
    costs,
    sharedPlatformOf,
    appAt,
    agencyAt,
    canon,
    agencyRank,
    levelAt,
    edgeMark: new Int32Array(index.src.length),
    edgeStamp: 0,
    appMark: new Int32Array(n),
    appStamp: 0,
    agencyMark: new Int32Array(index.agencies.ids.length),
    agencyStamp: 0,
    agencyPlace,
    agencyAtPlace,
  };
}

/** `plans` when they are the plans of exactly these clusters (the same objects, in order). */
function plansOf(clusters: DuplicateCluster[], plans: ClusterPlan[] | undefined): ClusterPlan[] | undefined {
  if (plans === undefined || plans.length !== clusters.length) return undefined;
  for (let k = 0; k < plans.length; k++) if (plans[k]!.cluster !== clusters[k]) return undefined;
  return plans;
}

function functionCodes(inventory: Inventory): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const app of inventory.applications) out.set(app.id, app.function);
  return out;
}

// ───────────────────────────── builders ─────────────────────────────

function clusterRecommendation(ctx: Context, cluster: DuplicateCluster, moving: string[], platform: string | undefined): Draft {
  const kind: RecommendationKind = platform !== undefined ? 'adopt-common' : 'consolidate';
  const applications = [cluster.keeper, ...moving];
  const at = positionsOf(ctx, applications);
  const agencies = agenciesOf(ctx, at);
  const rewire = countExchanges(ctx, at, 1);
  const effortPoints = effortPointsOf(ctx.a, moving.length, agencies.length, rewire);
  const what = cluster.functionName ?? cluster.label;
  const keeperApp = at[0] === -1 ? undefined : ctx.appAt[at[0]!]!;
  const keeper = keeperApp?.name ?? cluster.keeper;
  const title =
    kind === 'adopt-common'
      ? `Adopt ${platform} for ${what}: move ${moving.length} local application${plural(moving.length)} onto it`
      : `Consolidate ${moving.length + 1} applications for ${what} onto ${keeper}`;
  let movingCost = 0;
  let estimated = 0;
  for (let k = 0; k < moving.length; k++) {
    const cost = ctx.costs.get(moving[k]!);
    movingCost += cost?.annualCost ?? 0;
    if (cost?.estimated) estimated++;
  }
  const rationale = [
    `duplicate cluster ${cluster.id} (${cluster.scope}, confidence ${round2(cluster.confidence)}): ${cluster.applications.length} applications of ${cluster.agencies.length} agenc${cluster.agencies.length === 1 ? 'y' : 'ies'} for function ${cluster.function}${cluster.functionName ? ` (${cluster.functionName})` : ''}`,
    `target ${cluster.keeper} "${keeper}"${platform ? `, instance of shared platform ${platform}` : ''}: ${cluster.keeperReason}`,
    `moves ${moving.join(', ')}: ${formatRupiah(movingCost)} a year (${estimated} of ${moving.length} costs estimated)`,
    `cluster cost ${formatRupiah(cluster.totalAnnualCost)} a year, redundant ${formatRupiah(cluster.redundantAnnualCost)}; net savings ${formatRange(cluster.estimatedAnnualSavings)}`,
    effortLine(ctx.a, moving.length, agencies.length, rewire, effortPoints),
  ];
  if (keeperApp?.status === 'retired') rationale.push(`check the keeper choice: ${cluster.keeper} is marked retired in the inventory`);
  for (let k = 0; k < cluster.evidence.length && k < 3; k++) {
    const ev = cluster.evidence[k]!;
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
    at,
    removesFrom: 1,
  };
}

/** Retired or unused applications that no cluster recommendation already moves or keeps. */
function retireCandidates(ctx: Context, moves: Moves): Retiring {
  const reasons = new Map<string, 'status' | 'unused'>();
  const at = new Uint8Array(ctx.index.ids.length);
  const apps = ctx.inventory.applications;
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const p = ctx.canon[i]!;
    const reason = app.status === 'retired' ? 'status' : app.users === 0 && degreeAt(ctx, p) === 0 ? 'unused' : undefined;
    if (reason === undefined || moves.movingAt[p] === 1 || moves.keeperAt[p] !== -1) continue;
    reasons.set(app.id, reason);
    at[p] = reason === 'status' ? 1 : 2;
  }
  return { reasons, at };
}

function retireRecommendations(ctx: Context, retiring: Retiring): Draft[] {
  const byAgency = new Map<string, string[]>();
  retiring.reasons.forEach((_, id) => {
    const agencyId = appOf(ctx, id)!.agencyId;
    const list = byAgency.get(agencyId);
    if (list === undefined) byAgency.set(agencyId, [id]);
    else list.push(id);
  });
  const drafts: Draft[] = [];
  // The same assumptions close every retirement's cost line: written once.
  const decommissioning = `decommissioning cost ${ctx.a.decommissionCostFactor.low}–${ctx.a.decommissionCostFactor.high}× one year spread over ${ctx.a.amortisationYears} years`;
  byAgency.forEach((ids, agencyId) => {
    let cost = 0;
    let estimated = 0;
    const byStatus: string[] = [];
    const unused: string[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const c = ctx.costs.get(id);
      cost += c?.annualCost ?? 0;
      if (c?.estimated) estimated++;
      if (retiring.reasons.get(id) === 'status') byStatus.push(id);
      else unused.push(id);
    }
    const at = positionsOf(ctx, ids);
    const savings = retirementSavings(cost, ctx.a);
    const exchanges = countExchanges(ctx, at);
    const effortPoints = effortPointsOf(ctx.a, ids.length, 1, exchanges);
    const confidence = unused.length > 0 ? ctx.a.confidence.retireUnused : ctx.a.confidence.retireStatus;
    const rationale: string[] = [];
    if (byStatus.length > 0) rationale.push(`marked retired in the inventory: ${byStatus.map((id) => describeApp(ctx, id)).join(', ')}`);
    if (unused.length > 0) rationale.push(`0 users and no exchange: ${unused.map((id) => describeApp(ctx, id)).join(', ')}`);
    rationale.push(
      `still costs ${formatRupiah(cost)} a year (${estimated} of ${ids.length} costs estimated); net savings ${formatRange(savings)} after ${decommissioning}`,
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
      at,
      removesFrom: 0,
    });
  });
  return drafts;
}

/**
 * Manual and file exchanges to rebuild on the SPLP service bus, one recommendation per government: the
 * exchanges between its own agencies, and those with another government that it leads. Of two governments
 * the higher-level one leads (central, then province, then regency or city): it would publish the service
 * on SPLP that the other calls; between equals the sending side leads. So every exchange is in exactly one
 * recommendation, and a government's SPLP onboarding is one piece of work rather than one per agency pair.
 */
function manualExchangeRecommendations(ctx: Context, goneAt: Uint8Array, moves: Moves): Draft[] {
  const { index } = ctx;
  const rank = ctx.agencyRank;
  // Edges per leading government (by agency index), governments in order of their first edge.
  const edgesOf = new Array<number[] | undefined>(index.agencies.ids.length).fill(undefined);
  const leads: number[] = [];
  for (let e = 0; e < index.src.length; e++) {
    if (!isManualEdge(index, e)) continue;
    const s = index.src[e]!;
    const t = index.dst[e]!;
    if (goneAt[s] === 1 || goneAt[t] === 1) continue;
    const gs = index.governmentOf[s]!;
    const gt = index.governmentOf[t]!;
    const lead = rank[gt]! < rank[gs]! ? gt : gs;
    const list = edgesOf[lead];
    if (list === undefined) {
      edgesOf[lead] = [e];
      leads.push(lead);
    } else list.push(e);
  }
  // Counts by mechanism code and by partner government, reset after each government.
  const mechanismCount = new Int32Array(MECHANISMS.length);
  const partnerCount = new Int32Array(index.agencies.ids.length);
  const describeMove = (id: string) => {
    const move = moves.movesIn.get(id)!;
    return `${id} → ${move.keeper} (cluster ${move.clusterId})`;
  };
  const describeEdge = (e: number) => describeExchange(ctx, e);
  const describePartner = ([g, k]: [number, number]) => `${agencyName(ctx, index.agencies.ids[g]!)} (${k})`;
  const drafts: Draft[] = [];
  for (const government of leads) {
    const edges = edgesOf[government]!;
    const governmentId = index.agencies.ids[government]!;
    const name = agencyName(ctx, governmentId);
    const stamp = ++ctx.appStamp;
    const touched: number[] = [];
    /** Mechanism codes in order of first use; partner governments (any order: they are sorted below). */
    const mechanisms: number[] = [];
    const partners: number[] = [];
    let cross = 0;
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k]!;
      const s = index.src[e]!;
      const t = index.dst[e]!;
      if (ctx.appMark[s] !== stamp) {
        ctx.appMark[s] = stamp;
        touched.push(s);
      }
      if (ctx.appMark[t] !== stamp) {
        ctx.appMark[t] = stamp;
        touched.push(t);
      }
      // A manual edge's code is that of 'manual' or 'file': its name is MECHANISMS[code].
      const code = index.mechanism[e]!;
      if (mechanismCount[code]!++ === 0) mechanisms.push(code);
      const other = index.governmentOf[s] === government ? index.governmentOf[t]! : index.governmentOf[s]!;
      if (other !== government) {
        if (partnerCount[other]!++ === 0) partners.push(other);
        cross++;
      }
    }
    const at = touched.sort((x, y) => x - y);
    const applications = new Array<string>(at.length);
    const moving: string[] = [];
    for (let k = 0; k < at.length; k++) {
      const id = index.ids[at[k]!]!;
      applications[k] = id;
      if (moves.movingAt[at[k]!] === 1) moving.push(id);
    }
    const agencies = agenciesOf(ctx, at);
    const n = edges.length;
    const effortPoints = effortPointsOf(ctx.a, applications.length, agencies.length, n);
    // Partners by exchanges, then agency order; only the ten listed are named.
    const partnerList = partners.map((g): [number, number] => [g, partnerCount[g]!]).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const mechanismList = mechanisms.map((code) => `${mechanismCount[code]} ${MECHANISMS[code]}`).join(', ');
    for (const g of partners) partnerCount[g] = 0;
    for (const code of mechanisms) mechanismCount[code] = 0;
    const rationale = [
      `${mechanismList} exchange${plural(n)}: ${n - cross} between agencies of ${name}` +
        (cross > 0 ? `, ${cross} with ${partners.length} other government${plural(partners.length)}: ${listSome(partnerList, describePartner, 10)}` : ''),
      `exchanges (all ${n} under "exchanges"): ${listSome(edges, describeEdge, 10)}`,
    ];
    if (cross > 0) {
      rationale.push(
        'an exchange between two governments is listed under the higher-level one (central, then province, then regency or city), which would publish the service on SPLP; between equals, under the sending government',
      );
    }
    rationale.push('no budget savings claimed: the gain is staff time, fewer transcription errors and data that is current');
    if (moving.length > 0) {
      rationale.push(
        `${moving.length} of these application${plural(moving.length)} move onto a keeper first; build their exchanges from the keeper: ${listSome(moving, describeMove, 10)}`,
      );
    }
    rationale.push(effortLine(ctx.a, applications.length, agencies.length, n, effortPoints));
    const exchanges = new Array<string>(n);
    for (let k = 0; k < n; k++) exchanges[k] = index.exchangeIds[edges[k]!]!;
    drafts.push({
      rec: {
        id: `rec-integrate-exchanges-${governmentId}`,
        kind: 'integrate',
        title: `Move ${n} manual/file exchange${plural(n)} of ${name} onto the service bus (SPLP)`,
        applications,
        agencies,
        exchanges,
        estimatedAnnualSavings: zero(),
        effort: effortClass(ctx.a, effortPoints),
        priority: 0,
        wave: 0,
        rationale,
      },
      confidence: ctx.a.confidence.integrateManual,
      effortPoints,
      removes: [],
      at,
      removesFrom: at.length,
    });
  }
  return drafts;
}

/** Level rank of each agency (by agency index, lower = higher level); 9 for an undeclared one. */
function agencyRanks(index: AppIndex, agencyById: Map<string, Agency>): Int8Array {
  const { ids } = index.agencies;
  const rank = new Int8Array(ids.length);
  for (let a = 0; a < ids.length; a++) {
    const level = agencyById.get(ids[a]!)?.level;
    rank[a] = level === undefined ? 9 : LEVEL_RANK[level]!;
  }
  return rank;
}

function describeExchange(ctx: Context, edge: number): string {
  const x = ctx.inventory.exchanges[ctx.index.exchangeAt[edge]!]!;
  return `${x.id} (${x.sourceId}→${x.targetId}${x.data ? `: ${x.data}` : ''})`;
}

/**
 * Applications are held as keys: a position, or for an id the index lacks (a keeper outside the inventory;
 * never after loading) `n + k` in order of appearance, so that such ids sort last.
 */
interface HolderKeys {
  n: number;
  extra: Map<string, number>;
  extraIds: string[];
}

interface MasterSource {
  datasetId: string;
  name: string;
  steward?: string;
  /** The steward's application that keeps the dataset, when there is one, and its key (−1 when none). */
  master?: string;
  masterKey: number;
  /** Keys of the applications keeping the dataset after consolidation (moved ones replaced by their keeper), in inventory order. */
  holders: number[];
  /** Inventory positions of the holders that move onto a keeper. */
  merged: number[];
}

interface MasterSources {
  sources: Map<string, MasterSource>;
  keys: HolderKeys;
}

function holderKey(ctx: Context, keys: HolderKeys, id: string): number {
  const p = ctx.index.indexOf.get(id);
  if (p !== undefined) return p;
  let k = keys.extra.get(id);
  if (k === undefined) {
    k = keys.n + keys.extraIds.length;
    keys.extra.set(id, k);
    keys.extraIds.push(id);
  }
  return k;
}

function idOfKey(ctx: Context, keys: HolderKeys, key: number): string {
  return key < keys.n ? ctx.index.ids[key]! : keys.extraIds[key - keys.n]!;
}

/** For every dataset kept by some application: who keeps it and which application masters it. */
function masterSources(ctx: Context, moves: Moves, goneAt: Uint8Array): MasterSources {
  const apps = ctx.inventory.applications;
  const n = ctx.index.ids.length;
  const keys: HolderKeys = { n, extra: new Map(), extraIds: [] };
  // One record per dataset, in order of first appearance, filled in below.
  const sources = new Map<string, MasterSource>();
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const p = ctx.canon[i]!;
    if (app.datasets.length === 0 || goneAt[p] === 1) continue;
    const moved = moves.movingAt[p] === 1;
    const holder = moved ? holderKey(ctx, keys, moves.movesIn.get(app.id)!.keeper) : p;
    for (let k = 0; k < app.datasets.length; k++) {
      const d = app.datasets[k]!;
      let source = sources.get(d);
      if (source === undefined) {
        source = { datasetId: d, name: d, steward: undefined, master: undefined, masterKey: -1, holders: [], merged: [] };
        sources.set(d, source);
      }
      source.holders.push(holder);
      if (moved) source.merged.push(i);
    }
  }
  const datasetById = new Map<string, Dataset>();
  for (let k = 0; k < ctx.inventory.datasets.length; k++) datasetById.set(ctx.inventory.datasets[k]!.id, ctx.inventory.datasets[k]!);
  sources.forEach((source) => {
    const dataset = datasetById.get(source.datasetId);
    const holders = inInventoryOrder(source.holders, n);
    const steward = dataset?.stewardAgencyId;
    // The steward as an agency index (an agency no application belongs to keeps nothing).
    const stewardAt = steward === undefined ? undefined : ctx.index.agencies.indexOf.get(steward);
    if (stewardAt !== undefined) {
      const stewardHolders: number[] = [];
      for (let h = 0; h < holders.length; h++) {
        const k = holders[h]!;
        if (k < n && ctx.agencyAt[k] === stewardAt) stewardHolders.push(k);
      }
      if (stewardHolders.length > 0) source.masterKey = bestSource(ctx, stewardHolders);
    }
    source.name = dataset?.name ?? source.datasetId;
    source.steward = steward;
    source.master = source.masterKey === -1 ? undefined : idOfKey(ctx, keys, source.masterKey);
    source.holders = holders;
  });
  return { sources, keys };
}

/** Holder keys sorted by position and made distinct; keys of ids outside the index keep their order, last. */
function inInventoryOrder(list: number[], n: number): number[] {
  if (list.length === 1) return list;
  const order = (x: number, y: number) => (x < n || y < n ? x - y : 0);
  if (list.length > 16) {
    // Long lists (national datasets) are positions only, in practice: a native numeric sort.
    if (list.every((k) => k < n)) {
      const sorted = Int32Array.from(list).sort();
      const out: number[] = [];
      for (let h = 0; h < sorted.length; h++) if (h === 0 || sorted[h] !== sorted[h - 1]) out.push(sorted[h]!);
      return out;
    }
  }
  sortSmall(list, order);
  const out: number[] = [];
  for (let h = 0; h < list.length; h++) {
    const k = list[h]!;
    if (k < n) {
      if (out.length === 0 || out[out.length - 1] !== k) out.push(k);
    } else if (!out.includes(k)) out.push(k);
  }
  return out;
}

/**
 * Siloed applications keeping a dataset another application masters: connect them to the master, one
 * recommendation per master source (its steward publishes the data on SPLP once; every consumer calls it).
 */
function consumerRecommendations(ctx: Context, facts: RecommendFacts, masters: MasterSources, moves: Moves, goneAt: Uint8Array): Draft[] {
  const { starts, neighbours, indexOf } = ctx.index;
  const { sources } = masters;
  const siloedAt = new Uint8Array(ctx.index.ids.length);
  const markSiloed = (id: string) => {
    const p = indexOf.get(id);
    if (p !== undefined) siloedAt[p] = 1;
  };
  facts.isolatedApps.forEach(markSiloed);
  facts.internalOnlyApps.forEach(markSiloed);
  const groups = new Map<string, Map<string, string[]>>();
  const apps = ctx.inventory.applications;
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const p = ctx.canon[i]!;
    if (siloedAt[p] === 0 || app.datasets.length === 0 || moves.movingAt[p] === 1 || goneAt[p] === 1) continue;
    // Its exchange partners, marked once (siloed applications have few).
    const stamp = ++ctx.appStamp;
    for (let e = starts[p]!; e < starts[p + 1]!; e++) ctx.appMark[neighbours[e]!] = stamp;
    for (let k = 0; k < app.datasets.length; k++) {
      const datasetId = app.datasets[k]!;
      const source = sources.get(datasetId);
      if (source === undefined || source.master === undefined || source.master === app.id || ctx.appMark[source.masterKey] === stamp) continue;
      let consumers = groups.get(source.master);
      if (consumers === undefined) groups.set(source.master, (consumers = new Map()));
      const list = consumers.get(app.id);
      if (list === undefined) consumers.set(app.id, [datasetId]);
      else list.push(datasetId);
    }
  }
  const drafts: Draft[] = [];
  for (const [master, consumers] of groups) {
    const ids = [...consumers.keys()];
    const applications = [master, ...ids];
    const at = positionsOf(ctx, applications);
    const agencies = agenciesOf(ctx, at);
    const consumerAgencies = agenciesOf(ctx, at, 1);
    const effortPoints = effortPointsOf(ctx.a, ids.length, agencies.length, ids.length);
    const lines: string[] = [];
    for (let k = 0; k < ids.length && k < CONSUMERS_SHOWN; k++) {
      const id = ids[k]!;
      const datasets = consumers.get(id)!.map((d) => `${d} "${sources.get(d)!.name}"`).join(', ');
      const why = facts.isolatedApps.has(id) ? 'exchanges with nothing' : 'exchanges only inside its agency';
      lines.push(`${describeApp(ctx, id)} ${why} yet keeps ${datasets}`);
    }
    if (ids.length > CONSUMERS_SHOWN) lines.push(`and ${ids.length - CONSUMERS_SHOWN} more siloed applications keeping its data (all under "applications")`);
    const stewards = new Set<string>();
    for (const list of consumers.values()) for (const d of list) stewards.add(sources.get(d)!.steward ?? '');
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
          `master source ${describeApp(ctx, master)} is kept by the steward agency (walidata) ${[...stewards].map((s) => agencyName(ctx, s)).join(', ')}`,
          'no budget savings claimed: the gain is one authoritative copy of the data',
          effortLine(ctx.a, ids.length, agencies.length, ids.length, effortPoints),
        ],
      },
      confidence: ctx.a.confidence.integrateConsumer,
      effortPoints,
      removes: [],
      at,
      removesFrom: at.length,
    });
  }
  return drafts;
}

/** Datasets kept by several applications and mastered by none: designate a master source. */
function shareDataRecommendations(ctx: Context, masters: MasterSources, moves: Moves): Draft[] {
  const drafts: Draft[] = [];
  const n = ctx.index.ids.length;
  masters.sources.forEach((source) => {
    if (source.master !== undefined || source.holders.length < ctx.a.shareDataMinHolders) return;
    const masterKey = bestSource(ctx, source.holders);
    const master = idOfKey(ctx, masters.keys, masterKey);
    const holders = source.holders.map((k) => idOfKey(ctx, masters.keys, k));
    const at = new Array<number>(holders.length);
    at[0] = masterKey < n ? masterKey : -1;
    const applications = [master];
    for (let k = 0; k < holders.length; k++) {
      if (holders[k] === master) continue;
      at[applications.length] = source.holders[k]! < n ? source.holders[k]! : -1;
      applications.push(holders[k]!);
    }
    const others = applications.length - 1;
    const agencies = agenciesOf(ctx, at);
    const effortPoints = effortPointsOf(ctx.a, applications.length, agencies.length, others);
    const why =
      source.steward === undefined
        ? 'no steward agency (walidata) is designated for it'
        : `its steward agency ${agencyName(ctx, source.steward)} keeps it in no application`;
    const rationale = [
      `dataset ${source.datasetId} "${source.name}" is kept by ${holders.length} applications of ${agencies.length} agenc${agencies.length === 1 ? 'y' : 'ies'}: ${holders.map((id) => describeApp(ctx, id)).join(', ')}`,
      `${why}`,
      `proposed master ${describeApp(ctx, master)}: ${masterReason(ctx, masterKey, master)}`,
      'no budget savings claimed: the gain is one authoritative copy of the data',
      effortLine(ctx.a, applications.length, agencies.length, others, effortPoints),
    ];
    if (source.merged.length > 0) {
      const apps = ctx.inventory.applications;
      rationale.push(`counted after consolidation: ${source.merged.map((i) => `${apps[i]!.id} → ${moves.movesIn.get(apps[i]!.id)!.keeper}`).join(', ')}`);
    }
    drafts.push({
      rec: {
        id: `rec-share-${source.datasetId}`,
        kind: 'share-data',
        title: `Designate a master source for "${source.name}", kept by ${holders.length} applications`,
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
      at,
      removesFrom: at.length,
    });
  });
  return drafts;
}

/**
 * The holder best placed to serve others: most exchanges, then the highest government level, then first
 * listed. Keys outside the index have no exchange, level rank 9 and come after every position.
 */
function bestSource(ctx: Context, candidates: number[]): number {
  const n = ctx.index.ids.length;
  let best = candidates[0]!;
  for (let c = 1; c < candidates.length; c++) {
    const k = candidates[c]!;
    const d = (k < n ? degreeAt(ctx, k) : 0) - (best < n ? degreeAt(ctx, best) : 0);
    const l = (k < n ? ctx.levelAt[k]! : 9) - (best < n ? ctx.levelAt[best]! : 9);
    if (d > 0 || (d === 0 && l < 0) || (d === 0 && l === 0 && k < n && (best >= n || k < best))) best = k;
  }
  return best;
}

function masterReason(ctx: Context, key: number, id: string): string {
  const known = key < ctx.index.ids.length;
  const app = known ? ctx.appAt[key]! : appOf(ctx, id)!;
  const level = ctx.agencyById.get(app.agencyId)?.level ?? 'unknown';
  const degree = known ? degreeAt(ctx, key) : 0;
  return `${degree} exchange${plural(degree)}, ${level}-level agency (most exchanges, then highest level, then first listed)`;
}

// ───────────────────────────── priority and waves ─────────────────────────────

function rankByPriority(drafts: Draft[], a: Assumptions): void {
  const n = drafts.length;
  // Sort keys computed once: the comparator only reads arrays.
  const score = new Float64Array(n);
  const weight = new Float64Array(n);
  const size = new Int32Array(n);
  const ids = new Array<string>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const rec = drafts[i]!.rec;
    weight[i] = a.effort.weights[rec.effort];
    score[i] = (rec.estimatedAnnualSavings.expected * drafts[i]!.confidence) / weight[i]!;
    size[i] = rec.applications.length;
    ids[i] = rec.id;
    order[i] = i;
  }
  order.sort(
    (x, y) =>
      score[y]! - score[x]! ||
      weight[x]! - weight[y]! ||
      size[y]! - size[x]! ||
      (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0),
  );
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const d = drafts[i]!;
    d.rec.priority = r + 1;
    d.rec.rationale.push(
      `priority ${r + 1} of ${n}: score ${formatNumber(score[i]!)} = expected savings ${formatRupiah(d.rec.estimatedAnnualSavings.expected)} × confidence ${round2(d.confidence)} ÷ effort weight ${a.effort.weights[d.rec.effort]} (${d.rec.effort})`,
    );
  }
}

/**
 * The dependency graph between recommendations as edge arrays grouped by `from` (ascending): the edges out
 * of i are `outStart[i] .. outStart[i+1]`; `alive` is cleared for the edges dropped to break cycles.
 */
interface DependencyGraph {
  n: number;
  outStart: Int32Array;
  from: Int32Array;
  to: Int32Array;
  weight: Int32Array;
  alive: Uint8Array;
}

/**
 * Builds the dependency graph between recommendations, breaks its cycles and assigns waves (see the module
 * header). Linear in recommendations + exchanges touching targets, plus one SCC pass per cycle-breaking round.
 */
function assignWaves(ctx: Context, drafts: Draft[]): Dependency[] {
  const graph = dependencyGraph(ctx, drafts);
  const { n, outStart, from, to, weight, alive } = graph;
  const dropped = breakCycles(graph);
  const wave = longestPathLevels(graph);
  for (let i = 0; i < n; i++) drafts[i]!.rec.wave = wave[i]!;

  // Listed by (before id, after id): drafts in id order (ids are distinct), the edges out of each in the id
  // order of their ends.
  const ids = new Array<string>(n);
  const draftOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    ids[i] = drafts[i]!.rec.id;
    draftOf.set(ids[i]!, i);
  }
  const sortedIds = ids.slice().sort();
  const idRank = new Int32Array(n);
  for (let r = 0; r < n; r++) idRank[draftOf.get(sortedIds[r]!)!] = r;
  const dependencies = new Array<Dependency>(from.length);
  let listed = 0;
  const byEnd = (x: number, y: number) => idRank[to[x]!]! - idRank[to[y]!]!;
  for (let r = 0; r < n; r++) {
    const i = draftOf.get(sortedIds[r]!)!;
    const out: number[] = [];
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) out.push(e);
    sortSmall(out, byEnd);
    for (let k = 0; k < out.length; k++) {
      const e = out[k]!;
      dependencies[listed++] = { before: ids[i]!, after: ids[to[e]!]!, weight: weight[e]!, kept: alive[e] === 1 };
    }
  }

  // Predecessors of each recommendation: kept edges into it, in `from` order, then heaviest first (stable).
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) if (alive[e] === 1) inStart[to[e]! + 1]++;
  for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i]!;
  const fill = inStart.slice(0, n);
  const incoming = new Int32Array(inStart[n]!);
  for (let e = 0; e < from.length; e++) if (alive[e] === 1) incoming[fill[to[e]!]!++] = e;
  const describe = (e: number) => `${ids[from[e]!]} (${weight[e]} link${plural(weight[e]!)} to its target or moved applications)`;
  const heaviestFirst = (x: number, y: number) => weight[y]! - weight[x]!;
  const independent: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = drafts[i]!;
    const count = inStart[i + 1]! - inStart[i]!;
    if (count === 0) {
      d.rec.rationale.push((independent[d.rec.wave] ??= `wave ${d.rec.wave}: depends on no other recommendation`));
      continue;
    }
    // Heaviest first, ties in `from` order (stable).
    const before: number[] = [];
    for (let c = inStart[i]!; c < inStart[i + 1]!; c++) before.push(incoming[c]!);
    sortSmall(before, heaviestFirst);
    d.rec.rationale.push(`wave ${d.rec.wave}: after ${listSome(before, describe, 5)}`);
  }
  for (const e of dropped) {
    const w = weight[e]!;
    drafts[to[e]!]!.rec.rationale.push(
      `dependency on ${ids[from[e]!]} (${w} link${plural(w)}) deferred to break a cycle: the lowest-weight dependencies in a cycle are dropped`,
    );
  }
  return dependencies;
}

/**
 * Edge i → j, weighted by the links from what i changes to what j touches (see the module header): j
 * contains i's target, an application i moves away, or an application (not in i) exchanging with i's target.
 */
function dependencyGraph(ctx: Context, drafts: Draft[]): DependencyGraph {
  const n = drafts.length;
  const { indexOf, starts, neighbours } = ctx.index;
  const apps = ctx.index.ids.length;

  // Which drafts contain each application, in draft order: CSR over positions; ids the index lacks (never
  // after loading) in `containingOther`.
  const count = new Int32Array(apps + 1);
  const lastDraft = new Int32Array(apps).fill(-1);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const { at } = drafts[i]!;
    for (let k = 0; k < at.length; k++) {
      const p = at[k]!;
      if (p !== -1 && lastDraft[p] !== i) {
        lastDraft[p] = i;
        count[p + 1]++;
        pairs++;
      }
    }
  }
  for (let p = 0; p < apps; p++) count[p + 1] += count[p]!;
  const containStart = count;
  const fill = containStart.slice(0, apps);
  const containing = new Int32Array(pairs);
  const containingOther = new Map<string, number[]>();
  lastDraft.fill(-1);
  for (let i = 0; i < n; i++) {
    const { at, rec } = drafts[i]!;
    for (let k = 0; k < at.length; k++) {
      const p = at[k]!;
      if (p === -1) {
        const list = containingOther.get(rec.applications[k]!);
        if (list === undefined) containingOther.set(rec.applications[k]!, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      } else if (lastDraft[p] !== i) {
        lastDraft[p] = i;
        containing[fill[p]!++] = i;
      }
    }
  }

  const links = new Int32Array(n);
  const touched: number[] = [];
  const own = new Int32Array(apps).fill(-1);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const outStart = new Int32Array(n + 1);
  let i = 0;
  const linkAt = (p: number) => {
    for (let c = containStart[p]!; c < containStart[p + 1]!; c++) {
      const j = containing[c]!;
      if (j !== i && links[j]++ === 0) touched.push(j);
    }
  };
  for (; i < n; i++) {
    const d = drafts[i]!;
    const target = d.rec.target;
    // A target is its recommendation's first application (positions looked up once, in `at`).
    const tp =
      target === undefined || !CHANGES_TARGET.has(d.rec.kind)
        ? undefined
        : d.rec.applications[0] === target
          ? d.at[0] === -1
            ? undefined
            : d.at[0]
          : indexOf.get(target);
    if (tp !== undefined) {
      for (let k = 0; k < d.at.length; k++) if (d.at[k] !== -1) own[d.at[k]!] = i;
      linkAt(tp);
      for (let k = 0; k < d.removes.length; k++) {
        const p = d.at[d.removesFrom + k]!;
        if (p !== -1) linkAt(p);
        else for (const j of containingOther.get(d.removes[k]!) ?? []) if (j !== i && links[j]++ === 0) touched.push(j);
      }
      for (let e = starts[tp]!; e < starts[tp + 1]!; e++) {
        const q = neighbours[e]!;
        if (own[q] !== i) linkAt(q);
      }
      for (let k = 0; k < touched.length; k++) {
        const j = touched[k]!;
        from.push(i);
        to.push(j);
        weight.push(links[j]!);
        links[j] = 0;
      }
      touched.length = 0;
    }
    outStart[i + 1] = from.length;
  }
  return { n, outStart, from: Int32Array.from(from), to: Int32Array.from(to), weight: Int32Array.from(weight), alive: new Uint8Array(from.length).fill(1) };
}

/**
 * Removes, inside each strongly connected component, its lowest-weight edges until the graph is acyclic.
 * Returns the dropped edges in the order dropped (round, then `from`).
 */
function breakCycles(graph: DependencyGraph): number[] {
  const { n, outStart, to, weight, alive } = graph;
  const dropped: number[] = [];
  // Only nodes of a component with several nodes can be on a cycle in a later round (rounds only drop
  // edges): each round after the first looks at those alone, in ascending order as before.
  let active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  const isActive = new Uint8Array(n).fill(1);
  for (;;) {
    const { component, components } = tarjan(graph, active, isActive);
    // Edges inside a component (there are no self-edges) are the ones on a cycle.
    const minimum = new Int32Array(components).fill(0x7fffffff);
    const size = new Int32Array(components);
    for (let a = 0; a < active.length; a++) {
      const i = active[a]!;
      const c = component[i]!;
      size[c]++;
      for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
        if (alive[e] === 1 && component[to[e]!] === c && weight[e]! < minimum[c]!) minimum[c] = weight[e]!;
      }
    }
    let changed = false;
    for (let a = 0; a < active.length; a++) {
      const i = active[a]!;
      const c = component[i]!;
      for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
        if (alive[e] === 1 && component[to[e]!] === c && weight[e] === minimum[c]) {
          alive[e] = 0;
          dropped.push(e);
          changed = true;
        }
      }
    }
    if (!changed) return dropped;
    let next = 0;
    for (let a = 0; a < active.length; a++) {
      const i = active[a]!;
      if (size[component[i]!]! > 1) active[next++] = i;
      else isActive[i] = 0;
    }
    active = active.subarray(0, next);
  }
}

/**
 * Tarjan's strongly connected components over the live edges between the `active` nodes (`isActive`),
 * iterative (no recursion depth limit). Inactive nodes keep component −1.
 */
function tarjan(graph: DependencyGraph, active: Int32Array, isActive: Uint8Array): { component: Int32Array; components: number } {
  const { n, outStart, to, alive } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const frameNode = new Int32Array(n);
  const frameEdge = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let components = 0;
  for (let a = 0; a < active.length; a++) {
    const root = active[a]!;
    if (index[root] !== -1) continue;
    let fp = 0;
    frameNode[fp] = root;
    frameEdge[fp++] = outStart[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (fp > 0) {
      const v = frameNode[fp - 1]!;
      let e = frameEdge[fp - 1]!;
      while (e < outStart[v + 1]! && (alive[e] === 0 || isActive[to[e]!] === 0)) e++;
      if (e < outStart[v + 1]!) {
        frameEdge[fp - 1] = e + 1;
        const w = to[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          frameNode[fp] = w;
          frameEdge[fp++] = outStart[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      fp--;
      if (fp > 0) {
        const parent = frameNode[fp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return { component, components };
}

/** Wave of each node of the acyclic live graph: 1 + the longest chain of predecessors (Kahn's order). */
function longestPathLevels(graph: DependencyGraph): Int32Array {
  const { n, outStart, to, alive } = graph;
  const indegree = new Int32Array(n);
  for (let e = 0; e < to.length; e++) if (alive[e] === 1) indegree[to[e]!]++;
  const level = new Int32Array(n).fill(1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!;
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      if (alive[e] === 0) continue;
      const j = to[e]!;
      if (level[i]! + 1 > level[j]!) level[j] = level[i]! + 1;
      if (--indegree[j]! === 0) queue[tail++] = j;
    }
  }
  return level;
}

// ───────────────────────────── TIME ─────────────────────────────

const TOLERATE = 'no duplicate found and in use';

function timeLabels(ctx: Context, plans: ClusterPlan[], moves: Moves, retiring: Retiring, byPriority: Draft[]): Map<string, TimeAssignment> {
  // The first integration (by priority) covering each position.
  const integratedBy = new Int32Array(ctx.index.ids.length).fill(-1);
  for (let r = 0; r < byPriority.length; r++) {
    const { rec, at } = byPriority[r]!;
    if (rec.kind !== 'integrate' && rec.kind !== 'share-data') continue;
    for (let k = 0; k < at.length; k++) if (at[k] !== -1 && integratedBy[at[k]!] === -1) integratedBy[at[k]!] = r;
  }
  // Shared platform instances by position: one lookup per instance rather than one per application.
  const platformAt = new Array<string | undefined>(ctx.index.ids.length).fill(undefined);
  ctx.sharedPlatformOf.forEach((platform, id) => {
    const p = ctx.index.indexOf.get(id);
    if (p !== undefined) platformAt[p] = platform;
  });
  // Assignments shared by many applications are made once (per platform, per integration, per reason) and
  // shared, as the records of one system share their view record's (systemTimeLabels): 26,000 small
  // objects fewer to allocate and keep.
  const platformAssignment = new Map<string, TimeAssignment>();
  const integrationAssignment = new Array<TimeAssignment | undefined>(byPriority.length);
  const tolerated: TimeAssignment = { label: 'tolerate', reason: TOLERATE };
  const retiredAssignment: TimeAssignment = { label: 'eliminate', reason: 'marked retired in the inventory' };
  const unusedAssignment: TimeAssignment = { label: 'eliminate', reason: 'unused: 0 users and no exchange' };
  const time = new Map<string, TimeAssignment>();
  const apps = ctx.inventory.applications;
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const p = ctx.canon[i]!;
    let t: TimeAssignment;
    if (moves.keeperAt[p] !== -1) {
      const keeps = plans[moves.keeperAt[p]!]!.cluster;
      t = { label: 'invest', reason: `keeper of duplicate cluster ${keeps.id}: ${keeps.keeperReason}` };
      if (app.status === 'retired') t.reason += ' (marked retired in the inventory: check the keeper choice)';
    } else if (moves.movingAt[p] === 1) {
      const move = moves.movesIn.get(app.id)!;
      const unused = app.users === 0 && degreeAt(ctx, p) === 0;
      t =
        app.status === 'retired' || unused
          ? { label: 'eliminate', reason: `duplicate of ${move.keeper} in cluster ${move.clusterId} and ${app.status === 'retired' ? 'marked retired' : 'unused (0 users, no exchange)'}: shut down, no migration` }
          : { label: 'migrate', reason: `duplicate of ${move.keeper} in cluster ${move.clusterId}: move its users and data onto it` };
    } else {
      const platform = app.status !== 'retired' ? platformAt[p] : undefined;
      if (platform !== undefined) {
        let shared = platformAssignment.get(platform);
        if (shared === undefined) platformAssignment.set(platform, (shared = { label: 'invest', reason: `instance of shared platform ${platform}` }));
        t = shared;
      } else if (retiring.at[p] !== 0) {
        t = retiring.at[p] === 1 ? retiredAssignment : unusedAssignment;
      } else {
        const r = integratedBy[p]!;
        t = r === -1 ? tolerated : (integrationAssignment[r] ??= { label: 'tolerate', reason: `${TOLERATE}; its integration is covered by ${byPriority[r]!.rec.id}` });
      }
    }
    time.set(app.id, t);
  }
  return time;
}

// ───────────────────────────── helpers ─────────────────────────────


/** The application of an id (the last record of it, should it repeat). */
function appOf(ctx: Context, id: string): Application | undefined {
  const p = ctx.index.indexOf.get(id);
  return p === undefined ? undefined : ctx.appAt[p];
}

/** Positions of `ids`, −1 for an id the index lacks. */
function positionsOf(ctx: Context, ids: string[]): number[] {
  const at = new Array<number>(ids.length);
  for (let k = 0; k < ids.length; k++) at[k] = ctx.index.indexOf.get(ids[k]!) ?? -1;
  return at;
}

/** Distinct exchanges touching the applications at `positions[from ..]`. */
function countExchanges(ctx: Context, positions: number[], from = 0): number {
  const { starts, edgeIds } = ctx.index;
  const mark = ctx.edgeMark;
  const stamp = ++ctx.edgeStamp;
  let count = 0;
  for (let i = from; i < positions.length; i++) {
    const k = positions[i]!;
    if (k === -1) continue;
    for (let e = starts[k]!; e < starts[k + 1]!; e++) {
      const x = edgeIds[e]!;
      if (mark[x] !== stamp) {
        mark[x] = stamp;
        count++;
      }
    }
  }
  return count;
}

function degreeAt(ctx: Context, position: number): number {
  return ctx.index.starts[position + 1]! - ctx.index.starts[position]!;
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

/** The distinct agencies of the applications at `positions[from ..]` (−1 skipped), sorted. */
function agenciesOf(ctx: Context, positions: number[], from = 0): string[] {
  const stamp = ++ctx.agencyStamp;
  // Places in the sorted agency ids, sorted as numbers: the ids in string order without comparing strings.
  const places: number[] = [];
  for (let k = from; k < positions.length; k++) {
    const p = positions[k]!;
    if (p === -1) continue;
    const a = ctx.agencyAt[p]!;
    if (ctx.agencyMark[a] === stamp) continue;
    ctx.agencyMark[a] = stamp;
    places.push(ctx.agencyPlace[a]!);
  }
  const sorted: ArrayLike<number> = places.length > 16 ? Int32Array.from(places).sort() : sortSmall(places, (x, y) => x - y);
  const out = new Array<string>(sorted.length);
  for (let k = 0; k < sorted.length; k++) out[k] = ctx.index.agencies.ids[ctx.agencyAtPlace[sorted[k]!]!]!;
  return out;
}

/**
 * A stable sort in place: insertion sort for the short lists most sorts here see (no work array, no
 * comparator dispatch through the builtin), Array.prototype.sort (stable, O(n log n)) for long ones.
 */
function sortSmall<T>(items: T[], order: (x: T, y: T) => number): T[] {
  if (items.length > 16) return items.sort(order);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && order(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

function agencyName(ctx: Context, id: string): string {
  return ctx.agencyById.get(id)?.name ?? id;
}

function nameOf(ctx: Context, id: string): string {
  return appOf(ctx, id)?.name ?? id;
}

function describeApp(ctx: Context, id: string): string {
  return `${id} "${nameOf(ctx, id)}"`;
}

/** Up to `max` items described and joined, then how many more there are ("a, b and 3 more"). */
function listSome<T>(items: T[], describe: (item: T) => string, max = 20): string {
  let shown = '';
  for (let k = 0; k < items.length && k < max; k++) shown += k === 0 ? describe(items[k]!) : `, ${describe(items[k]!)}`;
  return items.length <= max ? shown : `${shown} and ${items.length - max} more`;
}

function formatRange(r: SavingsRange): string {
  return `${formatRupiah(r.low)}–${formatRupiah(r.high)} a year (expected ${formatRupiah(r.expected)})`;
}

const zero = (): SavingsRange => ({ low: 0, expected: 0, high: 0 });
const plural = (n: number) => (n === 1 ? '' : 's');
const round2 = (v: number) => Math.round(v * 100) / 100;
