/**
 * The graph payload the explorer loads first (GET /api/graph): every agency and application with the
 * attributes the browser filters, colours and sizes by, every exchange as an index pair with a mechanism
 * code, the layout, and the small lists the overview opens with. Columnar (see protocol.ts), built once
 * per server run. Evidence, rationale and long text stay on the server and come per item (/api/item).
 */
import { MECHANISMS, type AgencyLevel } from '../types.js';
import type { ExplorerLayout } from './layout.js';
import type { ExplorerModel } from './model.js';
import type { FunctionEntry, GraphPayload, SectorEntry } from './protocol.js';

export const PAYLOAD_DEFAULTS = {
  /** Entries in each overview list. */
  overviewSize: 12,
};

/** Interns strings into a dictionary, returning their index (-1 for absent). */
class Dictionary<T extends string> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();
  constructor(initial: readonly T[] = []) {
    for (const v of initial) this.of(v);
  }
  of(value: T | undefined): number {
    if (value === undefined || value === '') return -1;
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(value, at);
    }
    return at;
  }
}

/** `RAB.09.S05` → `RAB.09`; `RAA.01.02` → `RAA.01`; anything else (opaque codes) → `opaque`. */
export function sectorOf(code: string): string {
  const m = /^(RA[A-Z])\.(\d{2})/.exec(code);
  return m ? `${m[1]}.${m[2]}` : 'opaque';
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function graphPayload(model: ExplorerModel, layout: ExplorerLayout, options: Partial<typeof PAYLOAD_DEFAULTS> = {}): GraphPayload {
  const o = { ...PAYLOAD_DEFAULTS, ...options };
  const { analysis } = model;
  const levels = new Dictionary<AgencyLevel>(['central', 'province', 'regency', 'city', 'unit']);
  const regions = new Dictionary<string>();
  const statuses = new Dictionary<string>(['active', 'development', 'retired']);
  const categories = new Dictionary<string>(['common', 'specific']);
  const origins = new Dictionary<string>(['local', 'national']);
  const mechanisms = new Dictionary<(typeof MECHANISMS)[number] | 'unspecified'>([...MECHANISMS, 'unspecified']);

  const sectors = new Map<string, number>();
  const sectorList: SectorEntry[] = [];
  const functions: FunctionEntry[] = [];
  const functionIndex = new Map<string, number>();
  const functionOf = (code: string | undefined): number => {
    if (!code) return -1;
    let at = functionIndex.get(code);
    if (at !== undefined) return at;
    const sectorCode = sectorOf(code);
    let sector = sectors.get(sectorCode);
    if (sector === undefined) {
      sector = sectorList.length;
      sectors.set(sectorCode, sector);
      sectorList.push({ code: sectorCode, name: sectorCode === 'opaque' ? 'Codes outside the reference taxonomy' : model.functionName.get(sectorCode) ?? sectorCode });
    }
    at = functions.length;
    functionIndex.set(code, at);
    const name = model.functionName.get(code);
    functions.push(name !== undefined ? { code, name, sector } : { code, sector });
    return at;
  };

  const agencies = model.agencies;
  const agencyColumns: GraphPayload['agencies'] = {
    id: agencies.map((a) => a.id),
    name: agencies.map((a) => a.name),
    level: agencies.map((a) => levels.of(a.level)),
    region: agencies.map((a) => regions.of(a.region)),
    parent: agencies.map((a) => (a.parentId !== undefined ? model.agencyIndex.get(a.parentId) ?? -1 : -1)),
    government: Array.from(layout.governmentOf),
    siloScore: agencies.map((a) => round(a.siloScore, 4)),
    community: agencies.map((a) => a.community ?? -1),
    applications: model.appsOfAgency.map((apps) => apps.length),
    annualCost: agencies.map((a) => Math.round(a.annualCost)),
    crossAgencyShare: agencies.map((a) => round(a.crossAgencyShare, 4)),
    x: Array.from(layout.agencyX),
    y: Array.from(layout.agencyY),
    r: Array.from(layout.agencyR, (r) => round(r, 1)),
  };

  const apps = model.applications;
  const applicationColumns: GraphPayload['applications'] = {
    id: apps.map((a) => a.id),
    name: apps.map((_a, i) => model.applicationName(i)),
    agency: Array.from(model.agencyOfApp),
    function: apps.map((a) => functionOf(a.function)),
    status: apps.map((_a, i) => statuses.of(model.records[i]?.status)),
    category: apps.map((_a, i) => categories.of(model.records[i]?.category)),
    origin: apps.map((_a, i) => origins.of(model.records[i]?.origin)),
    community: apps.map((a) => a.community ?? -1),
    cluster: apps.map((a) => (a.clusterId !== undefined ? model.clusterIndex.get(a.clusterId) ?? -1 : -1)),
    annualCost: apps.map((a) => Math.round(a.annualCost)),
    costEstimated: apps.map((a) => (a.costEstimated ? 1 : 0)),
    x: Array.from(layout.appX),
    y: Array.from(layout.appY),
  };

  const governments: GraphPayload['governments'] = {
    agency: layout.governments.map((g) => g.agency),
    members: layout.governments.map((g) => g.members),
    x: layout.governments.map((g) => g.x),
    y: layout.governments.map((g) => g.y),
    r: layout.governments.map((g) => g.r),
  };
  const exchanges: GraphPayload['exchanges'] = {
    source: Array.from(model.exchangeSource),
    target: Array.from(model.exchangeTarget),
    mechanism: model.exchanges.map((x) => mechanisms.of(x.mechanism ?? 'unspecified')),
  };

  const clusters = analysis.duplicateClusters;
  const clusterColumns: GraphPayload['clusters'] = {
    id: clusters.map((c) => c.id),
    label: clusters.map((c) => c.label),
    function: clusters.map((c) => functionOf(c.function)),
    size: clusters.map((c) => c.applications.length),
    redundantAnnualCost: clusters.map((c) => Math.round(c.redundantAnnualCost)),
    confidence: clusters.map((c) => round(c.confidence, 3)),
    keeper: clusters.map((c) => model.applicationIndex.get(c.keeper) ?? -1),
  };

  const siloedAgencies = agencies
    .map((_a, i) => i)
    .filter((i) => model.appsOfAgency[i].length > 0)
    .sort((p, q) => agencies[q].siloScore - agencies[p].siloScore || model.appsOfAgency[q].length - model.appsOfAgency[p].length || p - q)
    .slice(0, o.overviewSize);
  const costlyClusters = clusters
    .map((_c, i) => i)
    .sort((p, q) => clusters[q].redundantAnnualCost - clusters[p].redundantAnnualCost || p - q)
    .slice(0, o.overviewSize);
  const recommendations = [...analysis.recommendations]
    .sort((p, q) => p.priority - q.priority || q.estimatedAnnualSavings.expected - p.estimatedAnnualSavings.expected)
    .slice(0, o.overviewSize)
    .map((r) => ({ id: r.id, title: r.title, kind: r.kind, wave: r.wave, priority: r.priority, expected: Math.round(r.estimatedAnnualSavings.expected) }));
  const communities = [...analysis.communities]
    .sort((p, q) => q.applications - p.applications || p.id - q.id)
    .slice(0, o.overviewSize)
    .map((c) => ({ id: c.id, applications: c.applications, agencies: c.agencies, dominantAgency: model.agencyIndex.get(c.dominantAgencyId) ?? -1 }));

  return {
    meta: { tool: analysis.meta.tool, version: analysis.meta.version, generatedAt: analysis.meta.generatedAt, source: analysis.meta.source },
    summary: analysis.summary,
    siloIndex: { value: analysis.siloIndex.value, parts: analysis.siloIndex.parts, formula: analysis.siloIndex.formula },
    dict: {
      levels: levels.values,
      regions: regions.values,
      sectors: sectorList,
      functions,
      statuses: statuses.values,
      categories: categories.values,
      origins: origins.values,
      mechanisms: mechanisms.values,
    },
    agencies: agencyColumns,
    applications: applicationColumns,
    governments,
    exchanges,
    clusters: clusterColumns,
    overview: { siloedAgencies, costlyClusters, recommendations, communities },
    layout: { ...layout.bounds, spacing: layout.spacing, step: layout.step, minRadius: layout.minRadius },
  };
}
