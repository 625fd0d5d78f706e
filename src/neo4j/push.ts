/**
 * `pushInventory`: writes an Inventory (and optionally its Analysis) into the Neo4j store, following
 * Cartography's sync discipline — get → transform → load → cleanup:
 *
 *   1. transform (src/neo4j/transform.ts): validated rows, integers as Neo4j Integers;
 *   2. schema: the (namespace, id) uniqueness constraints every MERGE is keyed by;
 *   3. load: batched `UNWIND $rows … MERGE` (CREATE when the namespace holds no node yet: nothing to
 *      match, and a retried batch falls back to MERGE), one explicit write transaction per batch, a few
 *      batches in flight. Nodes first; each node batch returns the element ids of its nodes, and the
 *      relationship batches, started once both end labels are loaded, find their ends by those ids. The
 *      driver's `executeWrite` retries a batch that failed transiently (deadlock, lost connection) as a
 *      whole, and a batch whose rows did not all match is rolled back, so a relationship set is never
 *      half written;
 *   4. cleanup: everything in the namespace whose `lastPush` stamp is not this push's is deleted —
 *      applications that left the inventory, their edges, stale clusters and recommendations. A push into
 *      an empty namespace has nothing to clean up and skips it.
 *
 * A push is idempotent (same inventory, same graph) and an interrupted one converges: the next push
 * re-stamps everything it writes and removes the rest. While a push runs, or after one failed, the
 * namespace's (:SiloscopeNamespace) node says `status: 'pushing'`, and a read-back refuses it.
 * Pushes to one namespace must not run concurrently (each would remove what the other wrote).
 */
import { randomBytes } from 'node:crypto';
import neo4j, { type Integer, type Session } from 'neo4j-driver';
import type { Analysis, Inventory } from '../types.js';
import { VERSION } from '../version.js';
import type { Neo4jStore } from './connection.js';
import {
  META_LABEL,
  NODE_LABELS,
  RELATIONSHIPS,
  RELATIONSHIP_TYPES,
  deleteNamespaceNodes,
  deleteStaleNodes,
  deleteStaleRelationships,
  createNodes,
  createRelationships,
  ensureSchema,
  mergeNodes,
  mergeRelationships,
  namespaceHasNodes,
  nodeRecord,
  relationshipRecord,
  type NodeLabel,
  type RelationshipType,
} from './schema.js';
import { PUSH_DEFAULTS as DEFAULTS } from './defaults.js';
import { checkPushable, rowCount, toGraphRows, type GraphRows, type NodeRow, type RelationshipRow } from './transform.js';

export { DEFAULTS };

export interface PushProgress {
  /** A node label, a relationship type, or "cleanup". */
  step: string;
  /** Rows of this step written so far, and the step's total. */
  done: number;
  total: number;
  /** Rows of the whole push written so far, and the push's total (nodes + relationships). */
  rowsWritten: number;
  rowsTotal: number;
}

export interface PushOptions {
  batchSize?: number;
  cleanupBatchSize?: number;
  concurrency?: number;
  /** Called after every committed batch and cleanup round; the push waits for a returned promise. */
  onProgress?: (progress: PushProgress) => void | Promise<void>;
  /** The stamp written on everything this push touches; a fresh unique one by default. */
  pushId?: string;
}

export interface PushResult {
  pushId: string;
  database: string;
  namespace: string;
  /** True when the namespace held no node before: the push created everything and had nothing to clean up. */
  created: boolean;
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelationshipType, number>;
  /** Nodes + relationships written (merged): the rows of the rows-per-second figure. */
  rowsWritten: number;
  /** Batch attempts the driver ran again after a transient failure (deadlock, lost connection). */
  retries: number;
  /** What cleanup deleted because this push no longer had it. */
  removed: { nodes: number; relationships: number };
  ms: number;
  rowsPerSecond: number;
}

/** A batch whose rows did not all find their end nodes: thrown inside the transaction, which rolls it back. */
export class IncompleteBatchError extends Error {
  constructor(step: string, expected: number, written: number) {
    super(`${step}: ${expected - written} of ${expected} rows in a batch found no matching node(s); the batch was rolled back.`);
    this.name = 'IncompleteBatchError';
  }
}

/**
 * `YYYYMMDD-HHMMSSmmm-NNNNNNNN` (UTC, then 8 random digits). Only digits and dashes: Neo4j stores such a
 * string inline in the property record, where an ISO timestamp with letters, colons and a dot (33
 * characters) needs a record of the string store on every node and relationship a push writes.
 */
export function newPushId(now: Date = new Date()): string {
  const iso = now.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}`;
  return `${digits}-${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
}

export async function pushInventory(store: Neo4jStore, inventory: Inventory, analysis?: Analysis, options: PushOptions = {}): Promise<PushResult> {
  const started = performance.now();
  checkPushable(inventory, analysis);
  const rows = toGraphRows(inventory, analysis);
  const push = options.pushId ?? newPushId();
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const cleanupBatchSize = options.cleanupBatchSize ?? DEFAULTS.cleanupBatchSize;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
  const report = options.onProgress ?? (() => {});
  const rowsTotal = rowCount(rows);
  const params = { namespace: store.namespace, push };

  await ensureSchema(store);
  const sessions = Array.from({ length: concurrency }, () => store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.WRITE }));
  const session = sessions[0]!;
  try {
    await session.executeWrite((tx) =>
      tx.run(
        `MERGE (s:${META_LABEL} {namespace: $namespace})
         SET s.status = 'pushing', s.currentPush = $push, s.pushStartedAt = $at`,
        { ...params, at: new Date().toISOString() },
      ),
    );
    // Read after the status node says 'pushing': a push interrupted after its first batch leaves nodes
    // behind, so the next one sees them and merges.
    const empty = !(await session.executeRead(async (tx) => (await tx.run(namespaceHasNodes(), params)).records[0]?.get('found') === true));
    const load = await loadRows(sessions, params, rows, { batchSize, empty, rowsTotal, report });
    // Into an empty namespace everything there is this push's: nothing can be stale.
    const removed = empty
      ? { nodes: 0, relationships: 0 }
      : await cleanup(session, params, cleanupBatchSize, (deleted) => report({ step: 'cleanup', done: deleted, total: deleted, rowsWritten: load.rowsWritten, rowsTotal }));
    await markComplete(session, params, inventory, analysis, { nodes: load.nodes, relationships: load.relationships });
    const ms = performance.now() - started;
    return {
      pushId: push,
      database: store.database,
      namespace: store.namespace,
      created: empty,
      nodes: load.nodes,
      relationships: load.relationships,
      rowsWritten: load.rowsWritten,
      retries: load.retries,
      removed,
      ms,
      rowsPerSecond: ms > 0 ? (load.rowsWritten * 1000) / ms : 0,
    };
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

/**
 * `first` for a batch's first attempt; `retry` (a MERGE) when the driver runs it again, because a failed
 * commit may have been applied all the same (connection lost after the commit was sent), and a second
 * CREATE would then duplicate nodes or relationships.
 */
interface BatchStatements {
  first: string;
  retry: string;
}

/** One batch of one step, and what it waits for: a relationship batch runs once both end labels are loaded. */
interface Job {
  step: NodeLabel | RelationshipType;
  statements: BatchStatements;
  rows: Array<NodeRow | RelationshipRow>;
  after: readonly NodeLabel[];
}

interface LoadResult {
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelationshipType, number>;
  rowsWritten: number;
  retries: number;
}

/**
 * Writes every row, `sessions.length` batches in flight. Node batches of all labels go first and may run
 * side by side (they share no record); each returns the element ids of its nodes. A relationship batch
 * starts as soon as every node of its two end labels is committed, and finds its ends by those element
 * ids, with no index lookup. Jobs start in load order whenever they are ready, so with one session the
 * push runs strictly step after step. After a failure no new batch starts; batches already committed
 * stay (each is whole), the rest is left to the next push.
 */
async function loadRows(
  sessions: Session[],
  params: Record<string, unknown>,
  rows: GraphRows,
  opts: { batchSize: number; empty: boolean; rowsTotal: number; report: (progress: PushProgress) => void | Promise<void> },
): Promise<LoadResult> {
  const { batchSize, empty } = opts;
  const jobs: Job[] = [];
  const remaining = new Map<string, number>();
  const batches = <R extends NodeRow | RelationshipRow>(step: Job['step'], statements: BatchStatements, list: R[], after: readonly NodeLabel[]): void => {
    remaining.set(step, Math.ceil(list.length / batchSize));
    for (let at = 0; at < list.length; at += batchSize) jobs.push({ step, statements, rows: list.slice(at, at + batchSize), after });
  };
  for (const label of NODE_LABELS) {
    batches(label, { first: empty ? createNodes(label) : mergeNodes(label), retry: mergeNodes(label) }, rows.nodes[label], []);
  }
  for (const type of RELATIONSHIP_TYPES) {
    const { from, to } = RELATIONSHIPS[type];
    const statements = { first: empty ? createRelationships(type, 'elementId') : mergeRelationships(type, 'batch', 'elementId'), retry: mergeRelationships(type, 'batch', 'elementId') };
    batches(type, statements, rows.relationships[type], [from, to]);
  }

  const elementIds = Object.fromEntries(NODE_LABELS.map((label) => [label, new Map<string, string>()])) as Record<NodeLabel, Map<string, string>>;
  const done = new Map<string, number>();
  const result: LoadResult = {
    nodes: Object.fromEntries(NODE_LABELS.map((l) => [l, 0])) as Record<NodeLabel, number>,
    relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, 0])) as Record<RelationshipType, number>,
    rowsWritten: 0,
    retries: 0,
  };
  const isLoaded = (label: NodeLabel): boolean => remaining.get(label) === 0;
  const totals = new Map<string, number>([...NODE_LABELS.map((l) => [l, rows.nodes[l].length] as const), ...RELATIONSHIP_TYPES.map((t) => [t, rows.relationships[t].length] as const)]);

  let failed = false;
  // Resolved whenever a batch finishes, to wake workers that found no job ready.
  let wake: () => void = () => {};
  let finished = new Promise<void>((resolve) => (wake = resolve));
  const signal = (): void => {
    const resolve = wake;
    finished = new Promise<void>((r) => (wake = r));
    resolve();
  };

  const worker = async (session: Session): Promise<void> => {
    while (!failed && jobs.length > 0) {
      const index = jobs.findIndex((job) => job.after.every(isLoaded));
      if (index < 0) {
        await finished;
        continue;
      }
      const [job] = jobs.splice(index, 1) as [Job];
      try {
        const written = await runJob(session, job, params, elementIds, result);
        result.rowsWritten += written;
        done.set(job.step, (done.get(job.step) ?? 0) + written);
        remaining.set(job.step, remaining.get(job.step)! - 1);
        if (job.step in RELATIONSHIPS) result.relationships[job.step as RelationshipType] += written;
        else result.nodes[job.step as NodeLabel] += written;
        await opts.report({ step: job.step, done: done.get(job.step)!, total: totals.get(job.step)!, rowsWritten: result.rowsWritten, rowsTotal: opts.rowsTotal });
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        signal();
      }
    }
  };
  const settled = await Promise.allSettled(sessions.map(worker));
  const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return result;
}

/** One batch in one write transaction; the driver runs it again (with the retry statement) on a transient failure. */
async function runJob(session: Session, job: Job, params: Record<string, unknown>, elementIds: Record<NodeLabel, Map<string, string>>, result: LoadResult): Promise<number> {
  const isNodes = !(job.step in RELATIONSHIPS);
  let records: unknown[][];
  if (isNodes) {
    records = (job.rows as NodeRow[]).map((row) => nodeRecord(job.step as NodeLabel, row));
  } else {
    const type = job.step as RelationshipType;
    const { from, to } = RELATIONSHIPS[type];
    records = (job.rows as RelationshipRow[]).map((row) => relationshipRecord(type, row, elementIdOf(elementIds[from], from, row.from), elementIdOf(elementIds[to], to, row.to)));
  }
  let attempt = 0;
  return session.executeWrite(async (tx) => {
    if (attempt++ > 0) result.retries++;
    const answer = await tx.run(attempt === 1 ? job.statements.first : job.statements.retry, { ...params, rows: records });
    if (isNodes) {
      const ids = (answer.records[0]?.get('ids') ?? []) as Array<[string, string]>;
      if (ids.length !== records.length) throw new IncompleteBatchError(job.step, records.length, ids.length);
      // Set inside the transaction function: a retry's answer (the same nodes, merged) overwrites the first's.
      const map = elementIds[job.step as NodeLabel];
      for (const [id, elementId] of ids) map.set(id, elementId);
      return ids.length;
    }
    const written = toNumber(answer.records[0]?.get('written'));
    if (written !== records.length) throw new IncompleteBatchError(job.step, records.length, written);
    return written;
  });
}

function elementIdOf(map: Map<string, string>, label: NodeLabel, id: string): string {
  const elementId = map.get(id);
  // checkPushable guarantees every end is a node of this push, which its node load has returned.
  if (elementId === undefined) throw new Error(`internal error: no element id for (:${label} {id: "${id}"})`);
  return elementId;
}

/** The namespace's status node: complete, with what a read-back needs (the load warnings) and provenance. */
async function markComplete(
  session: Session,
  params: Record<string, unknown>,
  inventory: Inventory,
  analysis: Analysis | undefined,
  counts: { nodes: Record<NodeLabel, number>; relationships: Record<RelationshipType, number> },
): Promise<void> {
  await session.executeWrite((tx) =>
    tx.run(
      `MATCH (s:${META_LABEL} {namespace: $namespace})
       SET s.status = 'complete', s.lastPush = $push, s.currentPush = null, s.pushedAt = $at,
           s.tool = 'siloscope', s.version = $version,
           s.sourcePath = $sourcePath, s.sourceFormat = $sourceFormat, s.warnings = $warnings,
           s.analysis = $hasAnalysis, s.analysisGeneratedAt = $analysisGeneratedAt, s.counts = $counts`,
      {
        ...params,
        at: new Date().toISOString(),
        version: VERSION,
        sourcePath: inventory.source.path,
        sourceFormat: inventory.source.format,
        warnings: JSON.stringify(inventory.warnings),
        hasAnalysis: analysis !== undefined,
        analysisGeneratedAt: analysis?.meta.generatedAt ?? null,
        counts: JSON.stringify(counts),
      },
    ),
  );
}

/** Relationships first, so the node cleanup's DETACH only meets edges of nodes that are themselves stale. */
async function cleanup(
  session: Session,
  params: Record<string, unknown>,
  limit: number,
  onRound: (deleted: number) => void | Promise<void>,
): Promise<{ nodes: number; relationships: number }> {
  let deleted = 0;
  const drain = async (statement: string): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await session.executeWrite(async (tx) => toNumber((await tx.run(statement, { ...params, limit: neo4j.int(limit) })).records[0]?.get('deleted')));
      total += n;
      deleted += n;
      if (n > 0) await onRound(deleted);
      if (n < limit) return total;
    }
  };
  let relationships = 0;
  for (const type of [...RELATIONSHIP_TYPES].reverse()) relationships += await drain(deleteStaleRelationships(type));
  let nodes = 0;
  for (const label of [...NODE_LABELS].reverse()) nodes += await drain(deleteStaleNodes(label));
  return { nodes, relationships };
}

/** Deletes everything stored under the store's namespace, its status node included. */
export async function clearNamespace(store: Neo4jStore, options: { batchSize?: number } = {}): Promise<{ nodes: number }> {
  const limit = options.batchSize ?? DEFAULTS.cleanupBatchSize;
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.WRITE });
  let nodes = 0;
  try {
    for (const label of [...NODE_LABELS, META_LABEL]) {
      for (;;) {
        const n = await session.executeWrite(async (tx) =>
          toNumber((await tx.run(deleteNamespaceNodes(label), { namespace: store.namespace, limit: neo4j.int(limit) })).records[0]?.get('deleted')),
        );
        nodes += n;
        if (n < limit) break;
      }
    }
  } finally {
    await session.close();
  }
  return { nodes };
}

export interface NamespaceStatus {
  namespace: string;
  status: 'pushing' | 'complete';
  lastPush?: string;
  currentPush?: string;
  pushedAt?: string;
  pushStartedAt?: string;
  sourcePath?: string;
  sourceFormat?: string;
  version?: string;
  analysis: boolean;
}

const STATUS_FIELDS = `s {.namespace, .status, .lastPush, .currentPush, .pushedAt, .pushStartedAt, .sourcePath, .sourceFormat, .version, .analysis} AS s`;

/** Every namespace in the database and how its last push went. */
export async function listNamespaces(store: Pick<Neo4jStore, 'driver' | 'database'>): Promise<NamespaceStatus[]> {
  const result = await store.driver.executeQuery(`MATCH (s:${META_LABEL}) RETURN ${STATUS_FIELDS} ORDER BY s.namespace`, {}, { database: store.database, routing: 'READ' });
  return result.records.map((r) => toStatus(r.get('s') as Record<string, unknown>));
}

export async function namespaceStatus(store: Neo4jStore): Promise<NamespaceStatus | undefined> {
  const result = await store.driver.executeQuery(
    `MATCH (s:${META_LABEL} {namespace: $namespace}) RETURN ${STATUS_FIELDS}`,
    { namespace: store.namespace },
    { database: store.database, routing: 'READ' },
  );
  const record = result.records[0];
  return record ? toStatus(record.get('s') as Record<string, unknown>) : undefined;
}

function toStatus(s: Record<string, unknown>): NamespaceStatus {
  const out: NamespaceStatus = { namespace: String(s.namespace), status: s.status === 'complete' ? 'complete' : 'pushing', analysis: s.analysis === true };
  for (const key of ['lastPush', 'currentPush', 'pushedAt', 'pushStartedAt', 'sourcePath', 'sourceFormat', 'version'] as const) {
    if (typeof s[key] === 'string') out[key] = s[key];
  }
  return out;
}

export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  return typeof value === 'number' ? value : 0;
}
