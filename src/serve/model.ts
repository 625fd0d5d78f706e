/**
 * The explorer's server-side model: the Analysis and the Inventory joined once into integer-indexed
 * tables and lookup maps, so the graph payload, search and item lookups never scan the documents again.
 * Applications follow the analysis order; agencies are the analysis's agency metrics, plus a placeholder
 * for any agency an application names but the analysis lacks (so no application is dropped silently).
 */
import type {
  AgencyMetrics,
  Analysis,
  Application,
  ApplicationResult,
  DuplicateCluster,
  Exchange,
  Inventory,
  Recommendation,
  SiloFinding,
} from '../types.js';
import type { ReferenceData } from '../reference/index.js';

export interface ExplorerModel {
  analysis: Analysis;
  inventory: Inventory;
  reference?: ReferenceData;
  agencies: AgencyMetrics[];
  applications: ApplicationResult[];
  /** Inventory record of each application (same index), when the inventory has it. */
  records: Array<Application | undefined>;
  agencyIndex: Map<string, number>;
  applicationIndex: Map<string, number>;
  /** Agency index of each application. */
  agencyOfApp: Int32Array;
  /** Application indexes per agency. */
  appsOfAgency: number[][];
  /** Exchanges whose both ends are known applications, with their end indexes. */
  exchanges: Exchange[];
  exchangeSource: Int32Array;
  exchangeTarget: Int32Array;
  /** Exchange indexes per application, outgoing and incoming (CSR: offsets into `*List`). */
  outStart: Int32Array;
  outList: Int32Array;
  inStart: Int32Array;
  inList: Int32Array;
  clusterIndex: Map<string, number>;
  recommendationIndex: Map<string, number>;
  recommendationsByApp: Map<string, Recommendation[]>;
  recommendationsByAgency: Map<string, Recommendation[]>;
  recommendationsByCluster: Map<string, Recommendation[]>;
  silosBySubject: Map<string, SiloFinding[]>;
  silosByAgency: Map<string, SiloFinding[]>;
  clustersByAgency: Map<string, DuplicateCluster[]>;
  /** English names of function codes (reference taxonomy first, cluster names for the rest). */
  functionName: Map<string, string>;
  agencyName(id: string): string;
  applicationName(index: number): string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** CSR adjacency from (owner per item): starts[i]..starts[i+1] index `list` for owner i. */
function csr(owners: Int32Array, count: number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const o of owners) start[o + 1]++;
  for (let i = 0; i < count; i++) start[i + 1] += start[i];
  const fill = start.slice(0, count);
  const list = new Int32Array(owners.length);
  owners.forEach((o, item) => {
    list[fill[o]++] = item;
  });
  return { start, list };
}

export function buildExplorerModel(analysis: Analysis, inventory: Inventory, reference?: ReferenceData): ExplorerModel {
  const inventoryAgency = new Map(inventory.agencies.map((a) => [a.id, a]));
  const agencies: AgencyMetrics[] = analysis.agencies.map((a) => {
    const source = inventoryAgency.get(a.id);
    return { ...a, region: a.region ?? source?.region, parentId: a.parentId ?? source?.parentId };
  });
  const agencyIndex = new Map<string, number>();
  agencies.forEach((a, i) => agencyIndex.set(a.id, i));

  const records = new Map(inventory.applications.map((a) => [a.id, a]));
  const applications = analysis.applications;
  const applicationIndex = new Map<string, number>();
  applications.forEach((a, i) => applicationIndex.set(a.id, i));

  const agencyOfApp = new Int32Array(applications.length);
  applications.forEach((app, i) => {
    let at = agencyIndex.get(app.agencyId);
    if (at === undefined) {
      const source = inventoryAgency.get(app.agencyId);
      at = agencies.length;
      agencies.push(placeholderAgency(app.agencyId, source?.name, source?.level));
      agencyIndex.set(app.agencyId, at);
    }
    agencyOfApp[i] = at;
  });
  const appsOfAgency: number[][] = agencies.map(() => []);
  agencyOfApp.forEach((a, i) => appsOfAgency[a].push(i));
  for (let a = analysis.agencies.length; a < agencies.length; a++) {
    agencies[a].applications = appsOfAgency[a].length;
    agencies[a].annualCost = appsOfAgency[a].reduce((sum, i) => sum + applications[i].annualCost, 0);
  }

  const exchanges: Exchange[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  for (const x of inventory.exchanges) {
    const s = applicationIndex.get(x.sourceId);
    const t = applicationIndex.get(x.targetId);
    if (s === undefined || t === undefined) continue;
    exchanges.push(x);
    sources.push(s);
    targets.push(t);
  }
  const exchangeSource = Int32Array.from(sources);
  const exchangeTarget = Int32Array.from(targets);
  const out = csr(exchangeSource, applications.length);
  const incoming = csr(exchangeTarget, applications.length);

  const recommendationsByApp = new Map<string, Recommendation[]>();
  const recommendationsByAgency = new Map<string, Recommendation[]>();
  const recommendationsByCluster = new Map<string, Recommendation[]>();
  const recommendationIndex = new Map<string, number>();
  analysis.recommendations.forEach((r, i) => {
    recommendationIndex.set(r.id, i);
    for (const id of r.applications) push(recommendationsByApp, id, r);
    for (const id of r.agencies) push(recommendationsByAgency, id, r);
    if (r.clusterId) push(recommendationsByCluster, r.clusterId, r);
  });

  const silosBySubject = new Map<string, SiloFinding[]>();
  const silosByAgency = new Map<string, SiloFinding[]>();
  for (const s of analysis.silos) {
    push(silosBySubject, s.subject, s);
    if (s.agencyId && s.agencyId !== s.subject) push(silosByAgency, s.agencyId, s);
  }

  const clusterIndex = new Map<string, number>();
  const clustersByAgency = new Map<string, DuplicateCluster[]>();
  analysis.duplicateClusters.forEach((c, i) => {
    clusterIndex.set(c.id, i);
    for (const a of c.agencies) push(clustersByAgency, a, c);
  });

  const functionName = new Map<string, string>();
  for (const c of analysis.duplicateClusters) if (c.functionName) functionName.set(c.function, c.functionName);
  if (reference) for (const f of reference.functions) functionName.set(f.code, f.name.en);

  const governmentNames = new Map(analysis.governments.map((g) => [g.id, g.name]));
  const appRecords = applications.map((a) => records.get(a.id));

  return {
    analysis,
    inventory,
    reference,
    agencies,
    applications,
    records: appRecords,
    agencyIndex,
    applicationIndex,
    agencyOfApp,
    appsOfAgency,
    exchanges,
    exchangeSource,
    exchangeTarget,
    outStart: out.start,
    outList: out.list,
    inStart: incoming.start,
    inList: incoming.list,
    clusterIndex,
    recommendationIndex,
    recommendationsByApp,
    recommendationsByAgency,
    recommendationsByCluster,
    silosBySubject,
    silosByAgency,
    clustersByAgency,
    functionName,
    agencyName: (id) => {
      const at = agencyIndex.get(id);
      return at !== undefined ? agencies[at].name : governmentNames.get(id) ?? inventoryAgency.get(id)?.name ?? id;
    },
    applicationName: (index) => applications[index].name ?? appRecords[index]?.name ?? applications[index].id,
  };
}

function placeholderAgency(id: string, name: string | undefined, level: AgencyMetrics['level'] | undefined): AgencyMetrics {
  return {
    id,
    name: name ?? id,
    level: level ?? 'unit',
    applications: 0,
    annualCost: 0,
    exchangesInternal: 0,
    exchangesCrossAgency: 0,
    crossAgencyShare: 0,
    isolatedApplications: 0,
    internalOnlyApplications: 0,
    manualExchanges: 0,
    sharedPlatformApplications: 0,
    siloScore: 0,
  };
}
