/**
 * Transform step of a push: Inventory (+ Analysis) → the rows each batched load writes. Pure, no driver
 * calls, so what goes into the store can be checked without a server.
 *
 * Numbers: integer quantities (costs, users, year, counts, ordinals, community ids, waves) become Neo4j
 * Integers, because a plain JS number always travels as a float; a value with a fraction stays a float, so
 * nothing is rounded. Ratios and scores are floats. The `properties` maps and evidence lists are stored as
 * JSON strings (Neo4j properties cannot hold maps). Ids stay strings, as in the contract. An empty
 * `properties` map or `datasets` list is not stored at all (read back as empty): most rows have one, and a
 * national push then writes a few hundred thousand fewer property values.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import { InputError } from '../errors.js';
import type { Agency, Analysis, Application, Dataset, Exchange, InputIssue, Inventory } from '../types.js';
import { NODE_LABELS, RELATIONSHIPS, RELATIONSHIP_TYPES, type NodeLabel, type NodeProperty, type RelationshipType } from './schema.js';

export type NeoValue = string | number | boolean | Integer | string[];
/** Only the properties a push owns (schema.ts) can be set: the load statements assign exactly those. */
type PropsOf<K extends string> = Partial<Record<K, NeoValue>>;
export type NodeProps<L extends NodeLabel> = PropsOf<NodeProperty<L>>;
export type RelationshipProps<T extends RelationshipType> = PropsOf<(typeof RELATIONSHIPS)[T]['properties'][number]>;

export interface NodeRow<L extends NodeLabel = NodeLabel> {
  id: string;
  props: NodeProps<L>;
}

export interface RelationshipRow<T extends RelationshipType = RelationshipType> {
  from: string;
  to: string;
  /** The value of the relationship type's key property (EXCHANGES: the exchange id). */
  key?: string;
  props: RelationshipProps<T>;
}

export interface GraphRows {
  nodes: { [L in NodeLabel]: Array<NodeRow<L>> };
  relationships: { [T in RelationshipType]: Array<RelationshipRow<T>> };
}

/** An integer quantity as a Neo4j Integer; a fractional or out-of-range value stays a float, unrounded. */
export function whole(value: number): Integer | number {
  return Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

function put<K extends string>(props: PropsOf<K>, key: K, value: NeoValue | undefined): void {
  if (value !== undefined) props[key] = value;
}

function putWhole<K extends string>(props: PropsOf<K>, key: K, value: number | undefined): void {
  if (value !== undefined) props[key] = whole(value);
}

function putProperties<K extends string>(props: PropsOf<K | 'properties'>, properties: Record<string, string>): void {
  if (Object.keys(properties).length > 0) props.properties = JSON.stringify(properties);
}

export function agencyProps(agency: Agency, ordinal: number): NodeProps<'Agency'> {
  const props: NodeProps<'Agency'> = { name: agency.name, level: agency.level, ordinal: neo4j.int(ordinal) };
  putProperties(props, agency.properties);
  put(props, 'region', agency.region);
  put(props, 'parentId', agency.parentId);
  return props;
}

export function applicationProps(app: Application, ordinal: number): NodeProps<'Application'> {
  const props: NodeProps<'Application'> = { agencyId: app.agencyId, name: app.name, ordinal: neo4j.int(ordinal) };
  if (app.datasets.length > 0) props.datasets = app.datasets;
  putProperties(props, app.properties);
  put(props, 'description', app.description);
  put(props, 'function', app.function);
  put(props, 'category', app.category);
  put(props, 'origin', app.origin);
  put(props, 'status', app.status);
  put(props, 'statusReason', app.statusReason);
  putWhole(props, 'annualCost', app.annualCost);
  putWhole(props, 'users', app.users);
  put(props, 'url', app.url);
  put(props, 'platform', app.platform);
  putWhole(props, 'year', app.year);
  return props;
}

export function datasetProps(dataset: Dataset, ordinal: number): NodeProps<'Dataset'> {
  const props: NodeProps<'Dataset'> = { name: dataset.name, ordinal: neo4j.int(ordinal) };
  putProperties(props, dataset.properties);
  put(props, 'stewardAgencyId', dataset.stewardAgencyId);
  return props;
}

export function exchangeProps(exchange: Exchange, ordinal: number): RelationshipProps<'EXCHANGES'> {
  const props: RelationshipProps<'EXCHANGES'> = { ordinal: neo4j.int(ordinal) };
  putProperties(props, exchange.properties);
  put(props, 'data', exchange.data);
  put(props, 'mechanism', exchange.mechanism);
  return props;
}

/**
 * Refuses an inventory (or analysis) the store could not hold faithfully: repeated ids, and applications
 * or exchanges pointing at nothing. The file loaders never produce these; hand-built inventories might.
 * References that are optional in the contract (parent, steward, an application's dataset ids) may
 * dangle: they are kept as properties and get no relationship.
 */
export function checkPushable(inventory: Inventory, analysis?: Analysis): void {
  const issues: InputIssue[] = [];
  const where = (part: string): string => `${inventory.source.path} (${part})`;
  const ids = (part: string, items: Array<{ id: string }>): Set<string> => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) issues.push({ level: 'error', file: where(part), column: 'id', message: `id "${item.id}" appears more than once.`, fix: 'give each row its own id.' });
      seen.add(item.id);
    }
    return seen;
  };
  const agencyIds = ids('agencies', inventory.agencies);
  const appIds = ids('applications', inventory.applications);
  ids('datasets', inventory.datasets);
  ids('exchanges', inventory.exchanges);
  for (const app of inventory.applications) {
    if (!agencyIds.has(app.agencyId)) {
      issues.push({ level: 'error', file: where('applications'), column: 'agency_id', message: `application "${app.id}" belongs to unknown agency "${app.agencyId}".`, fix: 'add the agency or correct agency_id.' });
    }
  }
  for (const x of inventory.exchanges) {
    for (const end of [x.sourceId, x.targetId]) {
      if (!appIds.has(end)) {
        issues.push({ level: 'error', file: where('exchanges'), column: end === x.sourceId ? 'source_id' : 'target_id', message: `exchange "${x.id}" refers to unknown application "${end}".`, fix: 'add the application or correct the id.' });
      }
    }
  }
  if (analysis) {
    const clusterIds = new Set(analysis.duplicateClusters.map((c) => c.id));
    const unknownApps = new Set<string>();
    for (const a of analysis.applications) if (!appIds.has(a.id)) unknownApps.add(a.id);
    for (const c of analysis.duplicateClusters) for (const id of c.applications) if (!appIds.has(id)) unknownApps.add(id);
    for (const r of analysis.recommendations) {
      for (const id of r.applications) if (!appIds.has(id)) unknownApps.add(id);
      if (r.clusterId !== undefined && !clusterIds.has(r.clusterId)) {
        issues.push({ level: 'error', file: 'analysis', message: `recommendation "${r.id}" names unknown duplicate cluster "${r.clusterId}".`, fix: 'analyse this inventory again and push the result.' });
      }
    }
    if (unknownApps.size > 0) {
      const list = [...unknownApps].slice(0, 5).map((id) => `"${id}"`).join(', ');
      issues.push({
        level: 'error',
        file: 'analysis',
        message: `the analysis names ${unknownApps.size} application(s) the inventory does not have (${list}${unknownApps.size > 5 ? ', …' : ''}); it belongs to another inventory.`,
        fix: 'analyse this inventory again and push the result.',
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

function emptyRows(): GraphRows {
  const nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, []])) as unknown as GraphRows['nodes'];
  const relationships = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, []])) as unknown as GraphRows['relationships'];
  return { nodes, relationships };
}

/** The rows of one push. Call `checkPushable` first: this function trusts the references. */
export function toGraphRows(inventory: Inventory, analysis?: Analysis): GraphRows {
  const rows = emptyRows();
  const agencyIds = new Set(inventory.agencies.map((a) => a.id));
  const datasetIds = new Set(inventory.datasets.map((d) => d.id));

  inventory.agencies.forEach((agency, i) => {
    rows.nodes.Agency.push({ id: agency.id, props: agencyProps(agency, i) });
    if (agency.parentId !== undefined && agencyIds.has(agency.parentId)) {
      rows.relationships.PART_OF.push({ from: agency.id, to: agency.parentId, props: {} });
    }
  });
  inventory.datasets.forEach((dataset, i) => {
    rows.nodes.Dataset.push({ id: dataset.id, props: datasetProps(dataset, i) });
    if (dataset.stewardAgencyId !== undefined && agencyIds.has(dataset.stewardAgencyId)) {
      rows.relationships.STEWARDS.push({ from: dataset.stewardAgencyId, to: dataset.id, props: {} });
    }
  });
  inventory.applications.forEach((app, i) => {
    rows.nodes.Application.push({ id: app.id, props: applicationProps(app, i) });
    rows.relationships.OWNS.push({ from: app.agencyId, to: app.id, props: {} });
    for (const datasetId of new Set(app.datasets)) {
      if (datasetIds.has(datasetId)) rows.relationships.USES.push({ from: app.id, to: datasetId, props: {} });
    }
  });
  inventory.exchanges.forEach((x, i) => {
    rows.relationships.EXCHANGES.push({ from: x.sourceId, to: x.targetId, key: x.id, props: exchangeProps(x, i) });
  });
  if (analysis) addAnalysis(rows, analysis);
  return rows;
}

/**
 * Analysis results ride on the inventory's nodes (silo scores, communities, classification) and as nodes
 * of their own (duplicate clusters, recommendations). Where an analysis field shares a name with an
 * inventory field it is renamed: `classifiedFunction` (the inventory's given code stays `function`) and
 * `assessedAnnualCost` (the cost spend figures use, estimated when the inventory had none).
 */
function addAnalysis(rows: GraphRows, analysis: Analysis): void {
  const agencyRows = new Map(rows.nodes.Agency.map((r) => [r.id, r.props]));
  const appRows = new Map(rows.nodes.Application.map((r) => [r.id, r.props]));

  for (const m of analysis.agencies) {
    const props = agencyRows.get(m.id);
    if (!props) continue;
    putWhole(props, 'applications', m.applications);
    putWhole(props, 'annualCost', m.annualCost);
    putWhole(props, 'exchangesInternal', m.exchangesInternal);
    putWhole(props, 'exchangesCrossAgency', m.exchangesCrossAgency);
    props.crossAgencyShare = m.crossAgencyShare;
    putWhole(props, 'isolatedApplications', m.isolatedApplications);
    putWhole(props, 'internalOnlyApplications', m.internalOnlyApplications);
    putWhole(props, 'manualExchanges', m.manualExchanges);
    putWhole(props, 'sharedPlatformApplications', m.sharedPlatformApplications);
    props.siloScore = m.siloScore;
    putWhole(props, 'community', m.community);
    putWhole(props, 'systemsUsed', m.systemsUsed);
  }
  for (const a of analysis.applications) {
    const props = appRows.get(a.id);
    if (!props) continue;
    put(props, 'classifiedFunction', a.function);
    props.functionConfidence = a.functionConfidence;
    props.functionEvidence = JSON.stringify(a.functionEvidence);
    putWhole(props, 'community', a.community);
    put(props, 'clusterId', a.clusterId);
    put(props, 'systemId', a.systemId);
    putWhole(props, 'assessedAnnualCost', a.annualCost);
    props.costEstimated = a.costEstimated;
    put(props, 'sharedPlatform', a.sharedPlatform);
    put(props, 'time', a.time?.label);
    put(props, 'timeReason', a.time?.reason);
  }
  for (const finding of analysis.silos) {
    const target = finding.kind === 'isolated-agency' ? agencyRows.get(finding.subject) : appRows.get(finding.subject);
    if (target && (finding.kind === 'isolated-application' || finding.kind === 'internal-only-application' || finding.kind === 'isolated-agency')) {
      target.silo = finding.kind;
      target.siloReason = finding.message;
    }
  }

  analysis.duplicateClusters.forEach((c, i) => {
    const props: NodeProps<'DuplicateCluster'> = {
      function: c.function,
      label: c.label,
      size: neo4j.int(c.applications.length),
      agencies: c.agencies,
      keeper: c.keeper,
      keeperReason: c.keeperReason,
      scope: c.scope,
      totalAnnualCost: whole(c.totalAnnualCost),
      redundantAnnualCost: whole(c.redundantAnnualCost),
      savingsLow: whole(c.estimatedAnnualSavings.low),
      savingsExpected: whole(c.estimatedAnnualSavings.expected),
      savingsHigh: whole(c.estimatedAnnualSavings.high),
      confidence: c.confidence,
      evidence: JSON.stringify(c.evidence),
      ordinal: neo4j.int(i),
    };
    put(props, 'functionName', c.functionName);
    put(props, 'sharedPlatform', c.sharedPlatform);
    if (c.systems) props.systems = c.systems;
    rows.nodes.DuplicateCluster.push({ id: c.id, props });
    c.applications.forEach((appId, at) => {
      rows.relationships.MEMBER_OF.push({ from: appId, to: c.id, props: { keeper: appId === c.keeper, ordinal: neo4j.int(at) } });
    });
  });

  analysis.recommendations.forEach((r, i) => {
    const props: NodeProps<'Recommendation'> = {
      kind: r.kind,
      title: r.title,
      agencies: r.agencies,
      savingsLow: whole(r.estimatedAnnualSavings.low),
      savingsExpected: whole(r.estimatedAnnualSavings.expected),
      savingsHigh: whole(r.estimatedAnnualSavings.high),
      effort: r.effort,
      priority: whole(r.priority),
      wave: whole(r.wave),
      rationale: r.rationale,
      ordinal: neo4j.int(i),
    };
    put(props, 'clusterId', r.clusterId);
    put(props, 'target', r.target);
    if (r.exchanges) props.exchanges = r.exchanges;
    rows.nodes.Recommendation.push({ id: r.id, props });
    [...new Set(r.applications)].forEach((appId, at) => {
      rows.relationships.CONCERNS.push({ from: r.id, to: appId, props: { ordinal: neo4j.int(at) } });
    });
    if (r.clusterId !== undefined) rows.relationships.ADDRESSES.push({ from: r.id, to: r.clusterId, props: {} });
  });
}

/** Rows of one push, nodes and relationships together: the unit of the rows-per-second figure. */
export function rowCount(rows: GraphRows): number {
  let n = 0;
  for (const label of NODE_LABELS) n += rows.nodes[label].length;
  for (const type of RELATIONSHIP_TYPES) n += rows.relationships[type].length;
  return n;
}
