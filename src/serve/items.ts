/**
 * The explorer's side panel (GET /api/item/<kind>/<id>): for one application, agency, duplicate cluster,
 * recommendation, function or community, the facts, the evidence the engine recorded for it, the
 * recommendations that touch it, its silo findings, and links to related items. Everything here is read
 * from the Analysis (and names from the Inventory); nothing is recomputed. Lists are capped so that a
 * ministry with 500 applications still answers with a small document, and say how many they left out.
 */
import type { DuplicateCluster, Recommendation, SiloFinding } from '../types.js';
import { formatCount, formatIndex, formatPercent, formatRupiah } from '../../visualizations/shared/format.js';
import type { ExplorerModel } from './model.js';
import type { ClusterBrief, ExchangeBrief, Fact, ItemDetail, RecommendationBrief, Ref, SiloBrief } from './protocol.js';

export const ITEM_DEFAULTS = {
  maxExchanges: 60,
  maxRelated: 80,
  maxRecommendations: 25,
  maxSilos: 25,
};

export type ItemKind = ItemDetail['kind'];
export const ITEM_KINDS: readonly ItemKind[] = ['application', 'agency', 'function', 'cluster', 'recommendation', 'community'];

export function isItemKind(kind: string): kind is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(kind);
}

type Options = typeof ITEM_DEFAULTS;

function fact(label: string, value: string | undefined): Fact[] {
  return value === undefined || value === '' ? [] : [{ label, value }];
}

function appRef(model: ExplorerModel, index: number): Ref {
  return { kind: 'application', id: model.applications[index].id, label: model.applicationName(index), detail: model.agencies[model.agencyOfApp[index]].name };
}

function appRefById(model: ExplorerModel, id: string): Ref {
  const at = model.applicationIndex.get(id);
  return at !== undefined ? appRef(model, at) : { kind: 'application', id, label: id };
}

function agencyRef(model: ExplorerModel, id: string): Ref {
  return { kind: 'agency', id, label: model.agencyName(id) };
}

function recommendationBrief(r: Recommendation): RecommendationBrief {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    wave: r.wave,
    priority: r.priority,
    effort: r.effort,
    estimatedAnnualSavings: r.estimatedAnnualSavings,
    rationale: r.rationale,
  };
}

function recommendations(list: Recommendation[] | undefined, o: Options): RecommendationBrief[] {
  return [...(list ?? [])].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)).slice(0, o.maxRecommendations).map(recommendationBrief);
}

function silos(list: SiloFinding[] | undefined, o: Options): SiloBrief[] {
  return (list ?? []).slice(0, o.maxSilos).map((s) => ({ kind: s.kind, message: s.message, evidence: s.evidence }));
}

function clusterBrief(model: ExplorerModel, c: DuplicateCluster): ClusterBrief {
  return {
    id: c.id,
    label: c.label,
    function: c.function,
    functionName: c.functionName ?? model.functionName.get(c.function),
    scope: c.scope,
    keeper: appRefById(model, c.keeper),
    keeperReason: c.keeperReason,
    members: c.applications.map((id) => appRefById(model, id)),
    totalAnnualCost: c.totalAnnualCost,
    redundantAnnualCost: c.redundantAnnualCost,
    estimatedAnnualSavings: c.estimatedAnnualSavings,
    confidence: c.confidence,
    evidence: c.evidence,
  };
}

function exchangesOf(model: ExplorerModel, app: number, o: Options): NonNullable<ItemDetail['exchanges']> {
  const brief = (x: number, other: number): ExchangeBrief => {
    const e = model.exchanges[x];
    return { id: e.id, other: appRef(model, other), ...(e.data ? { data: e.data } : {}), ...(e.mechanism ? { mechanism: e.mechanism } : {}) };
  };
  const outgoing: ExchangeBrief[] = [];
  for (let k = model.outStart[app]; k < model.outStart[app + 1] && outgoing.length < o.maxExchanges; k++) {
    const x = model.outList[k];
    outgoing.push(brief(x, model.exchangeTarget[x]));
  }
  const incoming: ExchangeBrief[] = [];
  for (let k = model.inStart[app]; k < model.inStart[app + 1] && incoming.length < o.maxExchanges; k++) {
    const x = model.inList[k];
    incoming.push(brief(x, model.exchangeSource[x]));
  }
  return { outgoing, incoming, outgoingTotal: model.outStart[app + 1] - model.outStart[app], incomingTotal: model.inStart[app + 1] - model.inStart[app] };
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function applicationDetail(model: ExplorerModel, index: number, o: Options): ItemDetail {
  const app = model.applications[index];
  const record = model.records[index];
  const agency = model.agencies[model.agencyOfApp[index]];
  const fnName = app.function ? model.functionName.get(app.function) : undefined;
  const cluster = app.clusterId !== undefined ? model.analysis.duplicateClusters[model.clusterIndex.get(app.clusterId) ?? -1] : undefined;
  const evidence: ItemDetail['evidence'] = app.functionEvidence.map((e) => ({ source: 'classification', ...e }));
  if (cluster) for (const e of cluster.evidence) evidence.push({ source: `duplicate cluster ${cluster.id}`, ...e });
  const appSilos = model.silosBySubject.get(app.id);
  for (const s of appSilos ?? []) for (const line of s.evidence) evidence.push({ source: `silo: ${s.kind}`, kind: s.kind, detail: line });
  const facts: Fact[] = [
    ...fact('Agency', agency.name),
    ...fact('Function', app.function ? `${app.function}${fnName ? ` ${fnName}` : ''} (confidence ${formatIndex(app.functionConfidence)})` : 'unclassified'),
    ...fact('Annual cost', `${formatRupiah(app.annualCost)}${app.costEstimated ? ' (estimated: missing in the inventory)' : ''}`),
    ...fact('Status', record?.status),
    ...fact('Status reason', record?.statusReason),
    ...fact('Category', record?.category),
    ...fact('Origin', record?.origin),
    ...fact('Shared platform', app.sharedPlatform),
    ...fact('Community', app.community !== undefined ? String(app.community) : undefined),
    ...fact('TIME', app.time ? `${app.time.label}: ${app.time.reason}` : undefined),
    ...fact('Users', record?.users !== undefined ? formatCount(record.users) : undefined),
    ...fact('Platform', record?.platform),
    ...fact('Year', record?.year !== undefined ? String(record.year) : undefined),
    ...fact('Address', record?.url),
    ...fact('Description', record?.description),
    ...fact('Datasets', record && record.datasets.length > 0 ? record.datasets.join(', ') : undefined),
  ];
  const url = safeUrl(record?.url);
  return {
    kind: 'application',
    id: app.id,
    title: model.applicationName(index),
    subtitle: agency.name,
    facts,
    evidence,
    ...(cluster ? { cluster: clusterBrief(model, cluster) } : {}),
    recommendations: recommendations(model.recommendationsByApp.get(app.id), o),
    silos: silos(appSilos, o),
    exchanges: exchangesOf(model, index, o),
    related: [{ heading: 'Agency', items: [agencyRef(model, agency.id)], total: 1 }],
    ...(url ? { url } : {}),
  };
}

function agencyDetail(model: ExplorerModel, index: number, o: Options): ItemDetail {
  const agency = model.agencies[index];
  const apps = [...model.appsOfAgency[index]].sort((p, q) => model.applications[q].annualCost - model.applications[p].annualCost || p - q);
  const parent = agency.parentId !== undefined ? model.agencyIndex.get(agency.parentId) : undefined;
  const units = model.agencies.flatMap((a, i) => (a.parentId === agency.id ? [i] : []));
  const agencySilos = [...(model.silosBySubject.get(agency.id) ?? []), ...(model.silosByAgency.get(agency.id) ?? [])];
  const clusters = model.clustersByAgency.get(agency.id) ?? [];
  const facts: Fact[] = [
    ...fact('Level', agency.level),
    ...fact('Region', agency.region),
    ...fact('Parent', parent !== undefined ? model.agencies[parent].name : undefined),
    ...fact('Applications', formatCount(apps.length)),
    ...fact('Annual cost', formatRupiah(agency.annualCost)),
    ...fact('Silo score', formatIndex(agency.siloScore)),
    ...fact('Exchanges', `${formatCount(agency.exchangesInternal)} internal, ${formatCount(agency.exchangesCrossAgency)} with other agencies (${formatPercent(agency.crossAgencyShare)} cross-agency)`),
    ...fact('Isolated applications', formatCount(agency.isolatedApplications)),
    ...fact('Internal-only applications', formatCount(agency.internalOnlyApplications)),
    ...fact('Manual or file exchanges', formatCount(agency.manualExchanges)),
    ...fact('On shared platforms', formatCount(agency.sharedPlatformApplications)),
    ...fact('Community', agency.community !== undefined ? String(agency.community) : undefined),
  ];
  const evidence: ItemDetail['evidence'] = agencySilos.flatMap((s) => s.evidence.map((line) => ({ source: `silo: ${s.kind}`, kind: s.kind, detail: line })));
  return {
    kind: 'agency',
    id: agency.id,
    title: agency.name,
    subtitle: [agency.level, agency.region].filter(Boolean).join(' · '),
    facts,
    evidence,
    recommendations: recommendations(model.recommendationsByAgency.get(agency.id), o),
    silos: silos(agencySilos, o),
    related: [
      { heading: 'Applications', items: apps.slice(0, o.maxRelated).map((i) => appRef(model, i)), total: apps.length },
      { heading: 'Work units', items: units.slice(0, o.maxRelated).map((i) => agencyRef(model, model.agencies[i].id)), total: units.length },
      {
        heading: 'Duplicate clusters',
        items: clusters.slice(0, o.maxRelated).map((c) => ({ kind: 'cluster' as const, id: c.id, label: c.label, detail: formatRupiah(c.redundantAnnualCost) })),
        total: clusters.length,
      },
      ...(parent !== undefined ? [{ heading: 'Parent', items: [agencyRef(model, model.agencies[parent].id)], total: 1 }] : []),
    ].filter((r) => r.total > 0),
  };
}

function clusterDetail(model: ExplorerModel, c: DuplicateCluster, o: Options): ItemDetail {
  const brief = clusterBrief(model, c);
  return {
    kind: 'cluster',
    id: c.id,
    title: c.label,
    subtitle: `${c.function}${brief.functionName ? ` ${brief.functionName}` : ''} · ${c.scope}`,
    facts: [
      ...fact('Applications', formatCount(c.applications.length)),
      ...fact('Agencies', formatCount(c.agencies.length)),
      ...fact('Keeper', `${brief.keeper.label}: ${c.keeperReason}`),
      ...fact('Total annual cost', formatRupiah(c.totalAnnualCost)),
      ...fact('Redundant annual cost', formatRupiah(c.redundantAnnualCost)),
      ...fact('Estimated savings', `${formatRupiah(c.estimatedAnnualSavings.low)} – ${formatRupiah(c.estimatedAnnualSavings.high)} (expected ${formatRupiah(c.estimatedAnnualSavings.expected)})`),
      ...fact('Confidence', formatIndex(c.confidence)),
      ...fact('Shared platform', c.sharedPlatform),
    ],
    evidence: c.evidence.map((e) => ({ source: 'duplicate cluster', ...e })),
    cluster: brief,
    recommendations: recommendations(model.recommendationsByCluster.get(c.id), o),
    silos: [],
    related: [
      { heading: 'Members', items: brief.members.slice(0, o.maxRelated), total: brief.members.length },
      { heading: 'Agencies', items: c.agencies.slice(0, o.maxRelated).map((id) => agencyRef(model, id)), total: c.agencies.length },
    ],
  };
}

function recommendationDetail(model: ExplorerModel, r: Recommendation, o: Options): ItemDetail {
  const cluster = r.clusterId !== undefined ? model.analysis.duplicateClusters[model.clusterIndex.get(r.clusterId) ?? -1] : undefined;
  return {
    kind: 'recommendation',
    id: r.id,
    title: r.title,
    subtitle: `${r.kind} · wave ${r.wave} · priority ${r.priority}`,
    facts: [
      ...fact('Kind', r.kind),
      ...fact('Wave', String(r.wave)),
      ...fact('Priority', String(r.priority)),
      ...fact('Effort', r.effort),
      ...fact('Estimated savings', `${formatRupiah(r.estimatedAnnualSavings.low)} – ${formatRupiah(r.estimatedAnnualSavings.high)} (expected ${formatRupiah(r.estimatedAnnualSavings.expected)})`),
      ...fact('Target', r.target),
      ...fact('Exchanges changed', r.exchanges && r.exchanges.length > 0 ? formatCount(r.exchanges.length) : undefined),
    ],
    evidence: [
      ...r.rationale.map((line) => ({ source: 'rationale', kind: 'rationale', detail: line })),
      ...(cluster?.evidence ?? []).map((e) => ({ source: `duplicate cluster ${cluster?.id}`, ...e })),
    ],
    ...(cluster ? { cluster: clusterBrief(model, cluster) } : {}),
    recommendations: [],
    silos: [],
    related: [
      { heading: 'Applications', items: r.applications.slice(0, o.maxRelated).map((id) => appRefById(model, id)), total: r.applications.length },
      { heading: 'Agencies', items: r.agencies.slice(0, o.maxRelated).map((id) => agencyRef(model, id)), total: r.agencies.length },
    ].filter((x) => x.total > 0),
  };
}

function functionDetail(model: ExplorerModel, code: string, o: Options): ItemDetail | undefined {
  const apps: number[] = [];
  model.applications.forEach((a, i) => {
    if (a.function === code) apps.push(i);
  });
  const clusters = model.analysis.duplicateClusters.filter((c) => c.function === code);
  if (apps.length === 0 && clusters.length === 0) return undefined;
  apps.sort((p, q) => model.applications[q].annualCost - model.applications[p].annualCost || p - q);
  const def = model.reference?.functionByCode.get(code);
  const cost = apps.reduce((s, i) => s + model.applications[i].annualCost, 0);
  return {
    kind: 'function',
    id: code,
    title: `${code}${model.functionName.get(code) ? ` ${model.functionName.get(code)}` : ''}`,
    subtitle: def ? `${def.name.id}${def.official ? ' · official SPBE code' : ' · siloscope code'}` : 'code outside the reference taxonomy',
    facts: [
      ...fact('Applications', formatCount(apps.length)),
      ...fact('Agencies', formatCount(new Set(apps.map((i) => model.agencyOfApp[i])).size)),
      ...fact('Annual cost', formatRupiah(cost)),
      ...fact('Duplicate clusters', formatCount(clusters.length)),
    ],
    evidence: [],
    recommendations: [],
    silos: [],
    related: [
      { heading: 'Applications', items: apps.slice(0, o.maxRelated).map((i) => appRef(model, i)), total: apps.length },
      { heading: 'Duplicate clusters', items: clusters.slice(0, o.maxRelated).map((c) => ({ kind: 'cluster' as const, id: c.id, label: c.label })), total: clusters.length },
    ].filter((x) => x.total > 0),
  };
}

function communityDetail(model: ExplorerModel, id: string, o: Options): ItemDetail | undefined {
  const community = model.analysis.communities.find((c) => String(c.id) === id);
  if (!community) return undefined;
  const apps: number[] = [];
  model.applications.forEach((a, i) => {
    if (a.community === community.id) apps.push(i);
  });
  const agencies = [...new Set(apps.map((i) => model.agencyOfApp[i]))];
  return {
    kind: 'community',
    id,
    title: `Community ${community.id}`,
    subtitle: `${formatCount(community.applications)} applications in ${formatCount(community.agencies)} agencies`,
    facts: [
      ...fact('Dominant agency', `${model.agencyName(community.dominantAgencyId)} (${formatPercent(community.dominantAgencyShare)} of the applications)`),
      ...fact(
        'Dominant government',
        community.dominantGovernmentId !== undefined
          ? `${model.agencyName(community.dominantGovernmentId)}${community.dominantGovernmentShare !== undefined ? ` (${formatPercent(community.dominantGovernmentShare)})` : ''}`
          : undefined,
      ),
      ...fact('Top functions', community.topFunctions.map((f) => `${f}${model.functionName.get(f) ? ` ${model.functionName.get(f)}` : ''}`).join('; ')),
    ],
    evidence: [],
    recommendations: [],
    silos: silos(model.silosBySubject.get(id), o),
    related: [
      { heading: 'Agencies', items: agencies.slice(0, o.maxRelated).map((a) => agencyRef(model, model.agencies[a].id)), total: agencies.length },
      { heading: 'Applications', items: apps.slice(0, o.maxRelated).map((i) => appRef(model, i)), total: apps.length },
    ],
  };
}

/** The side-panel document for one item, or undefined when no such item exists. */
export function itemDetail(model: ExplorerModel, kind: ItemKind, id: string, options: Partial<Options> = {}): ItemDetail | undefined {
  const o = { ...ITEM_DEFAULTS, ...options };
  switch (kind) {
    case 'application': {
      const at = model.applicationIndex.get(id);
      return at === undefined ? undefined : applicationDetail(model, at, o);
    }
    case 'agency': {
      const at = model.agencyIndex.get(id);
      return at === undefined ? undefined : agencyDetail(model, at, o);
    }
    case 'cluster': {
      const at = model.clusterIndex.get(id);
      return at === undefined ? undefined : clusterDetail(model, model.analysis.duplicateClusters[at], o);
    }
    case 'recommendation': {
      const at = model.recommendationIndex.get(id);
      return at === undefined ? undefined : recommendationDetail(model, model.analysis.recommendations[at], o);
    }
    case 'function':
      return functionDetail(model, id, o);
    case 'community':
      return communityDetail(model, id, o);
  }
}
