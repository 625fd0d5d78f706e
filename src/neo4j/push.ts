/**
 * `pushInventory`: writes an Inventory (and optionally its Analysis) into the Neo4j store, following
 * Cartography's sync discipline — get → transform → load → cleanup:
 *
 *   1. transform (src/neo4j/transform.ts): validated rows, integers as Neo4j Integers;
 *   2. schema: the (namespace, id) uniqueness constraints every MERGE is keyed by;
 *   3. load: batched `UNWIND $rows … MERGE` (CREATE when the namespace holds no node yet: nothing to
 *      match, and a retried batch falls back to MERGE), one explicit write transaction per batch. The driver's
 *      `executeWrite` retries a batch that failed transiently (deadlock, lost connection) as a whole, and
 *      a batch whose rows did not all match is rolled back, so a relationship set is never half written;
 *   4. cleanup: everything in the namespace whose `lastPush` stamp is not this push's is deleted —
 *      applications that left the inventory, their edges, stale clusters and recommendations.
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
  type NodeLabel,
  type RelationshipType,
} from './schema.js';
import { checkPushable, rowCount, toGraphRows, type GraphRows, type NodeRow, type RelationshipRow } from './transform.js';

export const DEFAULTS = {
  /** Rows per write transaction: large enough to amortise the round trip, small enough for a 1 GB heap. */
  batchSize: 5_000,
  /** Deletions per transaction in cleanup. */
  cleanupBatchSize: 10_000,
  /**
   * Batches in flight at once. Two keep the server busy while the client encodes the next batch; more
   * only add lock contention on shared end nodes (an agency's OWNS edges), which the driver resolves by
   * retrying the deadlocked transaction.
   */
  concurrency: 2,
};

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
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelationshipType, number>;
  /** Nodes + relationships written (merged): the rows of the rows-per-second figure. */
  rowsWritten: number;
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

export function newPushId(): string {
  return `${new Date().toISOString()}-${randomBytes(4).toString('hex')}`;
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
    const loader = new BatchLoader(sessions, params, batchSize, rowsTotal, report);
    const nodes = {} as Record<NodeLabel, number>;
    for (const label of NODE_LABELS) {
      nodes[label] = await loader.load(label, { first: empty ? createNodes(label) : mergeNodes(label), retry: mergeNodes(label) }, rows.nodes[label]);
    }
    const relationships = {} as Record<RelationshipType, number>;
    for (const type of RELATIONSHIP_TYPES) {
      const statements = { first: empty ? createRelationships(type) : mergeRelationships(type), retry: mergeRelationships(type) };
      relationships[type] = await loader.load(type, statements, rows.relationships[type]);
    }
    const removed = await cleanup(session, params, cleanupBatchSize, (deleted) =>
      report({ step: 'cleanup', done: deleted, total: deleted, rowsWritten: loader.rowsWritten, rowsTotal }),
    );
    await markComplete(session, params, inventory, analysis, { nodes, relationships });
    const ms = performance.now() - started;
    return {
      pushId: push,
      database: store.database,
      namespace: store.namespace,
      nodes,
      relationships,
      rowsWritten: loader.rowsWritten,
      removed,
      ms,
      rowsPerSecond: ms > 0 ? (loader.rowsWritten * 1000) / ms : 0,
    };
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

/**
 * Writes one step's rows in batches, one session per batch in flight. Each worker takes the next batch
 * until none is left or one has failed; batches already committed stay (they are whole), the rest is
 * left to the next push.
 */
class BatchLoader {
  rowsWritten = 0;

  constructor(
    private readonly sessions: Session[],
    private readonly params: Record<string, unknown>,
    private readonly batchSize: number,
    private readonly rowsTotal: number,
    private readonly report: (progress: PushProgress) => void | Promise<void>,
  ) {}

  async load(step: string, statements: BatchStatements, rows: Array<NodeRow | RelationshipRow>): Promise<number> {
    let done = 0;
    let next = 0;
    let failed = false;
    const worker = async (session: Session): Promise<void> => {
      while (!failed && next < rows.length) {
        const batch = rows.slice(next, next + this.batchSize);
        next += this.batchSize;
        let written: number;
        try {
          written = await writeBatch(session, step, statements, batch, this.params);
        } catch (error) {
          failed = true;
          throw error;
        }
        // Added after the await: `done += await …` would read `done` before another worker's update.
        done += written;
        this.rowsWritten += written;
        await this.report({ step, done, total: rows.length, rowsWritten: this.rowsWritten, rowsTotal: this.rowsTotal });
      }
    };
    const results = await Promise.allSettled(this.sessions.map(worker));
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    return done;
  }
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

/**
 * `first` for a batch's first attempt; `retry` (a MERGE) when the driver runs it again, because a failed
 * commit may have been applied all the same (connection lost after the commit was sent), and a second
 * CREATE would then duplicate relationships.
 */
interface BatchStatements {
  first: string;
  retry: string;
}

async function writeBatch(session: Session, step: string, statements: BatchStatements, rows: Array<NodeRow | RelationshipRow>, params: Record<string, unknown>): Promise<number> {
  let attempt = 0;
  return session.executeWrite(async (tx) => {
    const result = await tx.run(attempt++ === 0 ? statements.first : statements.retry, { ...params, rows });
    const written = toNumber(result.records[0]?.get('written'));
    if (written !== rows.length) throw new IncompleteBatchError(step, rows.length, written);
    return written;
  });
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
