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
import type { NodeRow, RelationshipRow } from './transform.js';

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
 * Creates the constraints that are missing, all in one schema transaction (one commit and one wait for
 * the indexes instead of six); once they exist, one read. Two pushes starting at once may race to create
 * the same one: the loser's "already exists" is the outcome it wanted, so it checks again one by one.
 */
export async function ensureSchema(store: Neo4jStore): Promise<void> {
  const existing = await store.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, { database: store.database, routing: 'READ' });
  const names = new Set(existing.records[0]?.get('names') as string[] | undefined);
  const missing = CONSTRAINTS.filter(({ name }) => !names.has(name));
  if (missing.length === 0) return;
  const session = store.driver.session({ database: store.database });
  try {
    try {
      await session.executeWrite(async (tx) => {
        for (const { statement } of missing) await tx.run(statement);
      });
    } catch (error) {
      if (!alreadyExists(error)) throw error;
      for (const { statement } of missing) {
        try {
          await session.executeWrite((tx) => tx.run(statement));
        } catch (again) {
          if (!alreadyExists(again)) throw again;
        }
      }
    }
    // A load planned while an index is still POPULATING falls back to label scans for every row.
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

function alreadyExists(error: unknown): boolean {
  return /EquivalentSchemaRuleAlreadyExists|ConstraintAlreadyExists|IndexAlreadyExists/.test(errorCode(error) ?? '');
}

/**
 * Rows travel as lists, not maps: a node row is `[id, ...its label's NODE_PROPERTIES]`, a relationship row
 * `[from, to, key?, ...its type's properties]`, an absent value null and trailing nulls dropped (a list
 * index past the end reads as null). Reading `row[3]` is an array access where `row.props.name` is two
 * hash lookups on the server, and the driver packs no key strings: a node load costs the server about
 * 15% less CPU and the client about a third less. These builders and the statements below are the one place that knows the positions.
 */
export function nodeRecord(label: NodeLabel, row: NodeRow): unknown[] {
  return trimmed([row.id, ...NODE_PROPERTIES[label].map((key) => (row.props as Record<string, unknown>)[key])]);
}

/** `from` and `to` default to the row's inventory ids; the push passes the element ids of the two ends. */
export function relationshipRecord(type: RelationshipType, row: RelationshipRow, from: string = row.from, to: string = row.to): unknown[] {
  const kind: RelationshipKind = RELATIONSHIPS[type];
  const props = row.props as Record<string, unknown>;
  return trimmed([from, to, ...(kind.key ? [row.key] : []), ...kind.properties.map((key) => props[key])]);
}

function trimmed(values: unknown[]): unknown[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === undefined) end--;
  values.length = end;
  for (let i = 0; i < end; i++) if (values[i] === undefined) values[i] = null;
  return values;
}

/** `row[i]` for each owned property of a node row or of a relationship row, in record order. */
function nodeColumns(label: NodeLabel): Array<[string, string]> {
  return NODE_PROPERTIES[label].map((key, i) => [key, `row[${i + 1}]`]);
}

function relationshipColumns(kind: RelationshipKind): Array<[string, string]> {
  const first = kind.key ? 3 : 2;
  return kind.properties.map((key, i) => [key, `row[${first + i}]`]);
}

function assignments(variable: string, columns: Array<[string, string]>): string {
  return [...columns.map(([key, value]) => `${variable}.${key} = ${value}`), `${variable}.lastPush = $push`].join(',\n    ');
}

/** Properties written inside a CREATE pattern: a null one (absent from the row) is not set. */
function inline(columns: Array<[string, string]>): string[] {
  return columns.map(([key, value]) => `${key}: ${value}`);
}

/**
 * How a load statement gets its rows: `$rows`, a batch, unwound (the push); or `$row`, one row per statement
 * (only the benchmark's naive baseline writes that way).
 */
export type RowSource = 'batch' | 'single';

function rowsFrom(source: RowSource): string {
  return source === 'batch' ? 'UNWIND $rows AS row' : 'WITH $row AS row';
}

/**
 * What a node load returns: each row's id with the element id of its node, which the relationship loads
 * of the same push use to find their ends (see `EndLookup`).
 */
const NODE_IDS = 'RETURN collect([row[0], elementId(n)]) AS ids';

/** Every owned property is assigned, a missing one as null: a value removed from the inventory disappears. */
export function mergeNodes(label: NodeLabel, source: RowSource = 'batch'): string {
  return `${rowsFrom(source)}
MERGE (n:${label} {namespace: $namespace, id: row[0]})
SET ${assignments('n', nodeColumns(label))}
${NODE_IDS}`;
}

/**
 * The first push into a namespace that holds no node: nothing can match, so a plain CREATE does what the
 * MERGE would, without the existence check per row. The properties sit in the CREATE pattern itself: an
 * absent one is null and not set, so the node gets exactly what the MERGE's assignments would give it. (A
 * `SET n += map` would too, but the planner cannot see which keys a map writes and puts an Eager barrier,
 * every row of the batch buffered, before and after it.) Idempotence is kept by the caller: the next push
 * sees a non-empty namespace and merges, and a retried batch is written with the MERGE statement (its
 * first attempt may have committed).
 */
export function createNodes(label: NodeLabel): string {
  return `UNWIND $rows AS row
CREATE (n:${label} {${['namespace: $namespace', 'id: row[0]', ...inline(nodeColumns(label)), 'lastPush: $push'].join(', ')}})
${NODE_IDS}`;
}

/**
 * How a relationship load finds its two end nodes. `key`: `row[0]` and `row[1]` are inventory ids, looked
 * up through the (namespace, id) constraint's index — an index seek per end. `elementId`: they are the
 * element ids the node loads of the same push returned — a direct record lookup, about a quarter less
 * server work per relationship. The push uses element ids, valid because the nodes it just wrote stay
 * until it ends (pushes to one namespace never run concurrently); the naive baseline uses keys.
 */
export type EndLookup = 'key' | 'elementId';

function matchEnds(kind: RelationshipKind, ends: EndLookup): string {
  return ends === 'key'
    ? `MATCH (a:${kind.from} {namespace: $namespace, id: row[0]})
MATCH (b:${kind.to} {namespace: $namespace, id: row[1]})`
    : `MATCH (a:${kind.from}) WHERE elementId(a) = row[0]
MATCH (b:${kind.to}) WHERE elementId(b) = row[1]`;
}

/** Both ends must exist: the caller compares `written` with the batch size and fails the batch if short. */
export function mergeRelationships(type: RelationshipType, source: RowSource = 'batch', ends: EndLookup = 'key'): string {
  const kind: RelationshipKind = RELATIONSHIPS[type];
  const key = kind.key ? ` {${kind.key}: row[2]}` : '';
  return `${rowsFrom(source)}
${matchEnds(kind, ends)}
MERGE (a)-[r:${type}${key}]->(b)
SET ${assignments('r', relationshipColumns(kind))}
RETURN count(r) AS written`;
}

/** As `createNodes`, for relationships (no Eager either); as `mergeRelationships`, a short batch is failed by the caller. */
export function createRelationships(type: RelationshipType, ends: EndLookup = 'key'): string {
  const kind: RelationshipKind = RELATIONSHIPS[type];
  const properties = [...(kind.key ? [`${kind.key}: row[2]`] : []), ...inline(relationshipColumns(kind)), 'lastPush: $push'];
  return `UNWIND $rows AS row
${matchEnds(kind, ends)}
CREATE (a)-[r:${type} {${properties.join(', ')}}]->(b)
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
