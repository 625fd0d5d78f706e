/**
 * The graph model of the Neo4j store, in one place: labels, relationship types, the uniqueness
 * constraints every load is keyed by, and the Cypher of the batched loads and cleanups (Cartography's
 * discipline: `UNWIND $rows … MERGE` keyed by a constraint; every node and relationship stamped with the
 * push that wrote it; cleanup removes what the current push did not touch).
 *
 *   (:Agency)-[:PART_OF]->(:Agency)               an OPD's parent government
 *   (:Agency)-[:OWNS]->(:Application)
 *   (:Agency)-[:STEWARDS]->(:Dataset)             the walidata of a dataset
 *   (:Application)-[:USES]->(:Dataset)
 *   (:Application)-[:EXCHANGES {id, data, mechanism}]->(:Application)
 *   (:Application)-[:MEMBER_OF {keeper}]->(:DuplicateCluster)
 *   (:Recommendation)-[:CONCERNS]->(:Application)
 *   (:Recommendation)-[:ADDRESSES]->(:DuplicateCluster)
 *   (:SiloscopeNamespace {namespace, status, lastPush, …})   one per namespace: how its last push went
 *
 * Every node has `namespace` and `id` (unique together), `ordinal` (its position in the inventory or the
 * analysis, so a read-back keeps the order) and `lastPush`. docs/cypher-cookbook.md lists every property.
 */
import type { Neo4jStore } from './connection.js';
import { errorCode } from './connection.js';

export const NODE_LABELS = ['Agency', 'Dataset', 'Application', 'DuplicateCluster', 'Recommendation'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const META_LABEL = 'SiloscopeNamespace';

/**
 * The properties a push owns, per label, besides `namespace`, `id` and `lastPush`. A push sets each of
 * them (absent = removed) and leaves any other property alone, so an analyst's own annotations on a node
 * survive the next push. Naming them also lets the planner see that a load never rewrites the keys it
 * merges on, which keeps an Eager barrier out of every load.
 */
export const NODE_PROPERTIES = {
  Agency: [
    'name', 'level', 'region', 'parentId', 'properties', 'ordinal',
    // analysis (AgencyMetrics and silo findings)
    'applications', 'annualCost', 'exchangesInternal', 'exchangesCrossAgency', 'crossAgencyShare', 'isolatedApplications',
    'internalOnlyApplications', 'manualExchanges', 'sharedPlatformApplications', 'siloScore', 'community', 'systemsUsed',
    'silo', 'siloReason',
  ],
  Dataset: ['name', 'stewardAgencyId', 'properties', 'ordinal'],
  Application: [
    'agencyId', 'name', 'description', 'function', 'category', 'origin', 'status', 'statusReason', 'annualCost', 'users',
    'url', 'platform', 'year', 'datasets', 'properties', 'ordinal',
    // analysis (ApplicationResult and silo findings)
    'classifiedFunction', 'functionConfidence', 'functionEvidence', 'community', 'clusterId', 'systemId',
    'assessedAnnualCost', 'costEstimated', 'sharedPlatform', 'time', 'timeReason', 'silo', 'siloReason',
  ],
  DuplicateCluster: [
    'function', 'functionName', 'label', 'size', 'agencies', 'systems', 'keeper', 'keeperReason', 'scope', 'sharedPlatform',
    'totalAnnualCost', 'redundantAnnualCost', 'savingsLow', 'savingsExpected', 'savingsHigh', 'confidence', 'evidence', 'ordinal',
  ],
  Recommendation: [
    'kind', 'title', 'clusterId', 'target', 'exchanges', 'agencies', 'savingsLow', 'savingsExpected', 'savingsHigh',
    'effort', 'priority', 'wave', 'rationale', 'ordinal',
  ],
} as const satisfies Record<NodeLabel, readonly string[]>;
export type NodeProperty<L extends NodeLabel> = (typeof NODE_PROPERTIES)[L][number];

export interface RelationshipKind {
  from: NodeLabel;
  to: NodeLabel;
  /** A property that tells apart several relationships of this type between the same two nodes. */
  key?: string;
  /** The properties a push owns (as for nodes), the key excepted. */
  properties: readonly string[];
}

/** In load order: a relationship is written after both its end nodes. */
export const RELATIONSHIPS = {
  PART_OF: { from: 'Agency', to: 'Agency', properties: [] },
  OWNS: { from: 'Agency', to: 'Application', properties: [] },
  STEWARDS: { from: 'Agency', to: 'Dataset', properties: [] },
  USES: { from: 'Application', to: 'Dataset', properties: [] },
  EXCHANGES: { from: 'Application', to: 'Application', key: 'id', properties: ['data', 'mechanism', 'properties', 'ordinal'] },
  MEMBER_OF: { from: 'Application', to: 'DuplicateCluster', properties: ['keeper', 'ordinal'] },
  CONCERNS: { from: 'Recommendation', to: 'Application', properties: ['ordinal'] },
  ADDRESSES: { from: 'Recommendation', to: 'DuplicateCluster', properties: [] },
} as const satisfies Record<string, RelationshipKind>;
export type RelationshipType = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

function constraintName(label: string): string {
  return `siloscope_${label.replace(/[A-Z]/g, (c, at: number) => (at > 0 ? '_' : '') + c.toLowerCase())}_key`;
}

/** Each constraint also creates the index every MERGE and MATCH of a load seeks through. */
export const CONSTRAINTS: Array<{ name: string; statement: string }> = [
  ...NODE_LABELS.map((label) => ({
    name: constraintName(label),
    statement: `CREATE CONSTRAINT ${constraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE (n.namespace, n.id) IS UNIQUE`,
  })),
  { name: 'siloscope_namespace_key', statement: `CREATE CONSTRAINT siloscope_namespace_key IF NOT EXISTS FOR (n:${META_LABEL}) REQUIRE n.namespace IS UNIQUE` },
];

/**
 * Creates the constraints that are missing; once they exist, one read. Two pushes starting at once may
 * race to create the same one; the loser's "already exists" is the outcome it wanted.
 */
export async function ensureSchema(store: Neo4jStore): Promise<void> {
  const existing = await store.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, { database: store.database, routing: 'READ' });
  const names = new Set(existing.records[0]?.get('names') as string[] | undefined);
  let created = false;
  for (const { name, statement } of CONSTRAINTS) {
    if (names.has(name)) continue;
    created = true;
    try {
      await store.driver.executeQuery(statement, {}, { database: store.database });
    } catch (error) {
      const code = errorCode(error) ?? '';
      if (!/EquivalentSchemaRuleAlreadyExists|ConstraintAlreadyExists|IndexAlreadyExists/.test(code)) throw error;
    }
  }
  // A load planned while an index is still POPULATING falls back to label scans for every row.
  if (created) await store.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: store.database });
}

function assignments(variable: string, keys: readonly string[]): string {
  return [...keys.map((key) => `${variable}.${key} = row.props.${key}`), `${variable}.lastPush = $push`].join(',\n    ');
}

/**
 * How a load statement gets its rows: `$rows`, a batch, unwound (the push); or `$row`, one row per statement
 * (only the benchmark's naive baseline writes that way).
 */
export type RowSource = 'batch' | 'single';

function rowsFrom(source: RowSource): string {
  return source === 'batch' ? 'UNWIND $rows AS row' : 'WITH $row AS row';
}

/** Every owned property is assigned, a missing one as null: a value removed from the inventory disappears. */
export function mergeNodes(label: NodeLabel, source: RowSource = 'batch'): string {
  return `${rowsFrom(source)}
MERGE (n:${label} {namespace: $namespace, id: row.id})
SET ${assignments('n', NODE_PROPERTIES[label])}
RETURN count(n) AS written`;
}

/** Both ends must exist: the caller compares `written` with the batch size and fails the batch if short. */
export function mergeRelationships(type: RelationshipType, source: RowSource = 'batch'): string {
  const kind: RelationshipKind = RELATIONSHIPS[type];
  const key = kind.key ? ` {${kind.key}: row.key}` : '';
  return `${rowsFrom(source)}
MATCH (a:${kind.from} {namespace: $namespace, id: row.from})
MATCH (b:${kind.to} {namespace: $namespace, id: row.to})
MERGE (a)-[r:${type}${key}]->(b)
SET ${assignments('r', kind.properties)}
RETURN count(r) AS written`;
}

/**
 * The first push into a namespace that holds no node: nothing can match, so a plain CREATE does what the
 * MERGE would, without the existence check (or, for a relationship, the scan of one end's edges) per row.
 * A row's props hold only the values present, so `+=` on a new node sets exactly what the MERGE's
 * assignments would. Idempotence is kept by the caller: the next push sees a non-empty namespace and merges,
 * and a retried batch is written with the MERGE statement (its first attempt may have committed).
 */
export function createNodes(label: NodeLabel): string {
  return `UNWIND $rows AS row
CREATE (n:${label} {namespace: $namespace, id: row.id})
SET n += row.props, n.lastPush = $push
RETURN count(n) AS written`;
}

/** As `mergeRelationships`, both ends must exist; the caller fails a batch that came out short. */
export function createRelationships(type: RelationshipType): string {
  const kind: RelationshipKind = RELATIONSHIPS[type];
  const key = kind.key ? `${kind.key}: row.key, ` : '';
  return `UNWIND $rows AS row
MATCH (a:${kind.from} {namespace: $namespace, id: row.from})
MATCH (b:${kind.to} {namespace: $namespace, id: row.to})
CREATE (a)-[r:${type} {${key}lastPush: $push}]->(b)
SET r += row.props
RETURN count(r) AS written`;
}

/** Whether the namespace holds any node of the model (its status node aside): one index seek per label. */
export function namespaceHasNodes(): string {
  return `RETURN ${NODE_LABELS.map((label) => `EXISTS { MATCH (:${label} {namespace: $namespace}) }`).join('\n    OR ')} AS found`;
}

export function deleteStaleRelationships(type: RelationshipType): string {
  const kind: RelationshipKind = RELATIONSHIPS[type];
  return `MATCH (:${kind.from} {namespace: $namespace})-[r:${type}]->(:${kind.to})
WHERE r.lastPush IS NULL OR r.lastPush <> $push
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`;
}

export function deleteStaleNodes(label: NodeLabel): string {
  return `MATCH (n:${label} {namespace: $namespace})
WHERE n.lastPush IS NULL OR n.lastPush <> $push
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`;
}

export function deleteNamespaceNodes(label: string): string {
  return `MATCH (n:${label} {namespace: $namespace})
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`;
}
