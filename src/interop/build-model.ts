/**
 * An Inventory (and, when given, its Analysis) → an ArchiModel, the inverse of map-model.ts
 * (docs/interop.md, "Export"):
 *
 * - agencies → BusinessActors (level, region and kept columns as properties; a parent government
 *   composes its units); applications → ApplicationComponents (fields as properties, description as
 *   documentation) owned through an Association "owns" from their agency — the one relationship
 *   ArchiMate 3.1 allows from a BusinessActor to an ApplicationComponent besides flow/serving/triggering;
 *   exchanges → Flow (or the relationship type an ArchiMate import kept), named by their data, with the
 *   mechanism as a property; datasets → DataObjects, accessed by the applications that use them (Write for
 *   the steward's own applications, Read for the others), the steward linked by an Association "steward".
 * - From the analysis: each duplicate cluster → a Grouping aggregating its members (function, keeper,
 *   total and redundant cost, savings, confidence); each recommendation → a WorkPackage associated with
 *   the applications it changes; silo scores, communities, classified functions and TIME labels as
 *   "siloscope: …" properties. Every relationship written is valid in Archi's relationship table, so the
 *   model also passes Archi's CSV import check.
 * - Organization folders mirror Archi's (Business, Application/<agency>, Other/Duplicate clusters,
 *   Implementation & Migration/Recommendations, Relations, Views), and views come from views.ts.
 *
 * Ids: see ids.ts — every inventory id is encoded reversibly, so importing the result gives back the
 * inventory this was built from.
 */
import type { Agency, Analysis, Application, Dataset, Exchange, Inventory } from '../types.js';
import { derivedId, encodeId } from './ids.js';
import { EXCHANGE_RELATIONSHIP_TYPES, type ArchiModel, type ModelElement, type ModelFolder, type ModelProperty, type ModelRelationship } from './model.js';
import { FIELD_KEYS, FINDING_KIND_KEY, FINDING_KINDS, OWNS, RESULT_KEYS, STEWARD } from './vocabulary.js';
import { layoutViews } from './views.js';

export interface BuildModelOptions {
  analysis?: Analysis;
  /** Write one view per agency and one per duplicate cluster (exchange format only). Default true. */
  views?: boolean;
  /** The model's name; default from the inventory's source. */
  name?: string;
}

const BUILD_DEFAULTS = { views: true };

/** Identifiers of everything written, so views and folders can refer to them. */
export interface ModelIndex {
  agency: Map<string, string>;
  application: Map<string, string>;
  dataset: Map<string, string>;
  owner: Map<string, string>;
  exchange: Map<string, string>;
  access: Map<string, string>;
  cluster: Map<string, string>;
}

function props(entries: Array<[string, string | number | boolean | undefined]>): ModelProperty[] {
  const list: ModelProperty[] = [];
  for (const [key, value] of entries) if (value !== undefined && value !== '') list.push({ key, value: String(value) });
  return list;
}

function kept(properties: Record<string, string>): Array<[string, string]> {
  return Object.entries(properties);
}

/** Up to 4 decimals: enough for scores and shares, no float dust in the model. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function buildModel(inventory: Inventory, options: BuildModelOptions = {}): ArchiModel {
  const { analysis } = options;
  const views = options.views ?? BUILD_DEFAULTS.views;
  const index: ModelIndex = { agency: new Map(), application: new Map(), dataset: new Map(), owner: new Map(), exchange: new Map(), access: new Map(), cluster: new Map() };
  const elements: ModelElement[] = [];
  const relationships: ModelRelationship[] = [];

  const agencyMetrics = new Map(analysis?.agencies.map((a) => [a.id, a]) ?? []);
  const appResults = new Map(analysis?.applications.map((a) => [a.id, a]) ?? []);
  const clusters = analysis?.duplicateClusters ?? [];
  const keeperOf = new Map(clusters.map((c) => [c.keeper, c.id]));
  const appName = new Map(inventory.applications.map((a) => [a.id, a.name]));

  for (const agency of inventory.agencies) {
    const id = encodeId('ag', agency.id);
    index.agency.set(agency.id, id);
    elements.push({ id, type: 'BusinessActor', name: agency.name, properties: agencyProperties(agency, agencyMetrics.get(agency.id)) });
  }
  for (const app of inventory.applications) {
    const id = encodeId('app', app.id);
    index.application.set(app.id, id);
    const result = appResults.get(app.id);
    const siloScore = agencyMetrics.get(app.agencyId)?.siloScore;
    elements.push({ id, type: 'ApplicationComponent', name: app.name, ...(app.description ? { documentation: app.description } : {}), properties: applicationProperties(app, result, siloScore, keeperOf.has(app.id)) });
  }
  for (const dataset of inventory.datasets) {
    const id = encodeId('ds', dataset.id);
    index.dataset.set(dataset.id, id);
    elements.push({ id, type: 'DataObject', name: dataset.name, properties: props(kept(dataset.properties)) });
  }

  for (const agency of inventory.agencies) {
    if (agency.parentId === undefined || !index.agency.has(agency.parentId)) continue;
    relationships.push({ id: derivedId('parent', agency.id), type: 'Composition', name: '', properties: [], source: index.agency.get(agency.parentId)!, target: index.agency.get(agency.id)! });
  }
  for (const app of inventory.applications) {
    const actor = index.agency.get(app.agencyId);
    if (actor === undefined) continue;
    const id = derivedId('owns', app.id);
    index.owner.set(app.id, id);
    relationships.push({ id, type: 'Association', name: OWNS, isDirected: true, properties: [], source: actor, target: index.application.get(app.id)! });
  }
  for (const exchange of inventory.exchanges) relationships.push(exchangeRelationship(exchange, index));
  const datasetById = new Map(inventory.datasets.map((d) => [d.id, d]));
  for (const app of inventory.applications) {
    for (const datasetId of app.datasets) {
      const dataset = datasetById.get(datasetId);
      if (!dataset) continue;
      const id = derivedId('access', app.id, datasetId);
      index.access.set(`${app.id}\u0000${datasetId}`, id);
      const writes = dataset.stewardAgencyId !== undefined && dataset.stewardAgencyId === app.agencyId;
      relationships.push({ id, type: 'Access', name: '', accessType: writes ? 'Write' : 'Read', properties: [], source: index.application.get(app.id)!, target: index.dataset.get(datasetId)! });
    }
  }
  for (const dataset of inventory.datasets) {
    const steward = dataset.stewardAgencyId === undefined ? undefined : index.agency.get(dataset.stewardAgencyId);
    if (steward === undefined) continue;
    relationships.push({ id: derivedId('steward', dataset.id), type: 'Association', name: STEWARD, isDirected: true, properties: [], source: steward, target: index.dataset.get(dataset.id)! });
  }

  const findings = analysis ? addFindings(analysis, index, appName, elements, relationships) : { clusterIds: [], recommendationIds: [] };
  const model: ArchiModel = {
    id: 'id-model',
    name: options.name ?? `siloscope: ${inventory.source.path}`,
    documentation: 'Written by siloscope from an application inventory: agencies, applications, exchanges and datasets' + (analysis ? ', with the duplicate clusters, recommendations, silo scores and communities of its analysis.' : '.'),
    properties: analysis
      ? props([
          [RESULT_KEYS.siloIndex, round(analysis.summary.siloIndex)],
          [RESULT_KEYS.generatedAt, analysis.meta.generatedAt],
          [RESULT_KEYS.source, analysis.meta.source.path],
        ])
      : [],
    elements,
    relationships,
    organizations: [],
    views: [],
  };
  if (views) model.views = layoutViews(inventory, analysis, index);
  model.organizations = folders(inventory, index, findings, relationships, model);
  return model;
}

function agencyProperties(agency: Agency, metrics: Analysis['agencies'][number] | undefined): ModelProperty[] {
  return props([
    [FIELD_KEYS.level, agency.level],
    [FIELD_KEYS.region, agency.region],
    ...kept(agency.properties),
    [RESULT_KEYS.siloScore, metrics ? round(metrics.siloScore) : undefined],
    [RESULT_KEYS.community, metrics?.community],
    [RESULT_KEYS.crossAgencyShare, metrics ? round(metrics.crossAgencyShare) : undefined],
    [RESULT_KEYS.applications, metrics?.applications],
  ]);
}

function applicationProperties(app: Application, result: Analysis['applications'][number] | undefined, siloScore: number | undefined, keeper: boolean): ModelProperty[] {
  return props([
    [FIELD_KEYS.function, app.function],
    [FIELD_KEYS.category, app.category],
    [FIELD_KEYS.origin, app.origin],
    [FIELD_KEYS.status, app.status],
    [FIELD_KEYS.statusReason, app.statusReason],
    [FIELD_KEYS.annualCost, app.annualCost],
    [FIELD_KEYS.users, app.users],
    [FIELD_KEYS.url, app.url],
    [FIELD_KEYS.platform, app.platform],
    [FIELD_KEYS.year, app.year],
    ...kept(app.properties),
    [RESULT_KEYS.function, result?.function],
    [RESULT_KEYS.functionConfidence, result ? round(result.functionConfidence) : undefined],
    [RESULT_KEYS.community, result?.community],
    [RESULT_KEYS.cluster, result?.clusterId],
    [RESULT_KEYS.keeper, result?.clusterId !== undefined ? keeper : undefined],
    [RESULT_KEYS.annualCostUsed, result?.annualCost],
    [RESULT_KEYS.costEstimated, result?.costEstimated],
    [RESULT_KEYS.time, result?.time?.label],
    [RESULT_KEYS.sharedPlatform, result?.sharedPlatform],
    [RESULT_KEYS.siloScore, siloScore !== undefined ? round(siloScore) : undefined],
  ]);
}

function exchangeRelationship(exchange: Exchange, index: ModelIndex): ModelRelationship {
  const { archimate_relationship: kind, ...rest } = exchange.properties;
  const type = kind !== undefined && EXCHANGE_RELATIONSHIP_TYPES.has(kind) ? kind : 'Flow';
  const keptKind = kind !== undefined && type === 'Flow' ? [['archimate_relationship', kind] as [string, string]] : [];
  const id = encodeId('x', exchange.id);
  index.exchange.set(exchange.id, id);
  return {
    id,
    type,
    name: exchange.data ?? '',
    properties: props([[FIELD_KEYS.mechanism, exchange.mechanism], ...kept(rest), ...keptKind]),
    source: index.application.get(exchange.sourceId)!,
    target: index.application.get(exchange.targetId)!,
  };
}

function addFindings(
  analysis: Analysis,
  index: ModelIndex,
  appName: Map<string, string>,
  elements: ModelElement[],
  relationships: ModelRelationship[],
): { clusterIds: string[]; recommendationIds: string[] } {
  const clusterIds: string[] = [];
  for (const cluster of analysis.duplicateClusters) {
    const id = derivedId('cluster', cluster.id);
    index.cluster.set(cluster.id, id);
    clusterIds.push(id);
    elements.push({
      id,
      type: 'Grouping',
      name: `Duplicate: ${cluster.label}`,
      documentation: [`Duplicate cluster ${cluster.id}: ${cluster.applications.length} applications doing ${cluster.functionName ?? cluster.function}.`, `Keeper: ${appName.get(cluster.keeper) ?? cluster.keeper} (${cluster.keeperReason}).`, 'Evidence:', ...cluster.evidence.map((e) => `- ${e.kind}: ${e.detail}`)].join('\n'),
      properties: props([
        [FINDING_KIND_KEY, FINDING_KINDS.cluster],
        [RESULT_KEYS.function, cluster.function],
        [RESULT_KEYS.functionName, cluster.functionName],
        [RESULT_KEYS.keeper, appName.get(cluster.keeper) ?? cluster.keeper],
        [RESULT_KEYS.keeperId, cluster.keeper],
        [RESULT_KEYS.keeperReason, cluster.keeperReason],
        [RESULT_KEYS.totalCost, cluster.totalAnnualCost],
        [RESULT_KEYS.redundantCost, cluster.redundantAnnualCost],
        [RESULT_KEYS.savingsLow, cluster.estimatedAnnualSavings.low],
        [RESULT_KEYS.savingsExpected, cluster.estimatedAnnualSavings.expected],
        [RESULT_KEYS.savingsHigh, cluster.estimatedAnnualSavings.high],
        [RESULT_KEYS.confidence, round(cluster.confidence)],
        [RESULT_KEYS.scope, cluster.scope],
      ]),
    });
    for (const member of cluster.applications) {
      const target = index.application.get(member);
      if (target !== undefined) relationships.push({ id: derivedId('member', cluster.id, member), type: 'Aggregation', name: '', properties: [], source: id, target });
    }
  }
  const recommendationIds: string[] = [];
  for (const rec of analysis.recommendations) {
    const id = derivedId('rec', rec.id);
    recommendationIds.push(id);
    elements.push({
      id,
      type: 'WorkPackage',
      name: rec.title,
      documentation: rec.rationale.join('\n'),
      properties: props([
        [FINDING_KIND_KEY, FINDING_KINDS.recommendation],
        [RESULT_KEYS.recommendationKind, rec.kind],
        [RESULT_KEYS.priority, rec.priority],
        [RESULT_KEYS.wave, rec.wave],
        [RESULT_KEYS.effort, rec.effort],
        [RESULT_KEYS.target, rec.target],
        [RESULT_KEYS.cluster, rec.clusterId],
        [RESULT_KEYS.savingsLow, rec.estimatedAnnualSavings.low],
        [RESULT_KEYS.savingsExpected, rec.estimatedAnnualSavings.expected],
        [RESULT_KEYS.savingsHigh, rec.estimatedAnnualSavings.high],
      ]),
    });
    for (const app of rec.applications) {
      const target = index.application.get(app);
      if (target !== undefined) relationships.push({ id: derivedId('changes', rec.id, app), type: 'Association', name: 'changes', isDirected: true, properties: [], source: id, target });
    }
  }
  return { clusterIds, recommendationIds };
}

function folders(
  inventory: Inventory,
  index: ModelIndex,
  findings: { clusterIds: string[]; recommendationIds: string[] },
  relationships: ModelRelationship[],
  model: ArchiModel,
): ModelFolder[] {
  const folder = (label: string, items: string[], sub: ModelFolder[] = []): ModelFolder => ({ label, items, folders: sub });
  const byAgency = new Map<string, string[]>();
  for (const app of inventory.applications) (byAgency.get(app.agencyId) ?? byAgency.set(app.agencyId, []).get(app.agencyId)!).push(index.application.get(app.id)!);
  const agencyName = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  const applicationFolders = [...byAgency].map(([agencyId, items]) => folder(agencyName.get(agencyId) ?? agencyId, items));
  const datasets = inventory.datasets.map((d: Dataset) => index.dataset.get(d.id)!);
  const list: ModelFolder[] = [
    folder('Business', inventory.agencies.map((a) => index.agency.get(a.id)!)),
    folder('Application', [], datasets.length > 0 ? [...applicationFolders, folder('Data', datasets)] : applicationFolders),
  ];
  if (findings.recommendationIds.length > 0) list.push(folder('Implementation & Migration', [], [folder('Recommendations', findings.recommendationIds)]));
  if (findings.clusterIds.length > 0) list.push(folder('Other', [], [folder('Duplicate clusters', findings.clusterIds)]));
  if (relationships.length > 0) list.push(folder('Relations', relationships.map((r) => r.id)));
  if (model.views.length > 0) list.push(folder('Views', model.views.map((v) => v.id)));
  return list.filter((f) => f.items.length > 0 || f.folders.length > 0);
}
