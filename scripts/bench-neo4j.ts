/**
 * Benchmark of the Neo4j push (`npm run bench:neo4j`): pushes the national-scale inventory
 * (`generateInventory({ seed: 42, scale: 'national' })`, or the CSV folder / inventory file given as
 * argument) into an empty namespace and prints rows per second; pushes it again (every row matched,
 * nothing removed: the idempotent update path); then writes a sample the naive way — one auto-committed
 * statement per row — and the same sample batched, for the ratio.
 *
 *   npx tsx scripts/bench-neo4j.ts [inventory] [--batch-size N] [--concurrency N] [--naive-applications N] [--keep] [--fresh-server]
 *
 * What is counted: rows = the nodes and relationships the push wrote (its own count, checked against the
 * inventory); time = the whole `pushInventory` call — transform, constraints (created by the push when the
 * server has none, as on a fresh one), status node, every batch, cleanup and the final status. The bench
 * checks that the first push really found its namespace empty and that the second removed nothing.
 *
 * The server: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE when set; otherwise the project's
 * local test server, started for the run (512 MB page cache) unless it is already up, and stopped after
 * if this run started it. `--fresh-server` starts a private one instead (own port and state directory,
 * stopped and deleted after): a just-started JVM and an empty store, whatever the shared server has
 * already run — and other test runs, which start and stop the shared server, cannot pull it away. Data goes under the namespaces "bench" and "bench-naive*", cleared before and
 * (without --keep) after. Targets: ≥ 20,000 rows/s and ≥ 20× the naive way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Session } from 'neo4j-driver';
import { loadInventory } from '../src/inventory/index.js';
import { connect, describeTarget, resolveConnection, type Neo4jConnection, type Neo4jStore } from '../src/neo4j/connection.js';
import { DEFAULTS as PUSH_DEFAULTS, clearNamespace, pushInventory, type PushResult } from '../src/neo4j/push.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, mergeNodes, mergeRelationships, nodeRecord, relationshipRecord } from '../src/neo4j/schema.js';
import { rowCount, toGraphRows } from '../src/neo4j/transform.js';
import type { Inventory } from '../src/types.js';
import { generateInventory } from './lib/generator/index.js';
import { freePort, neo4jStatus, startNeo4j, stopNeo4j } from './lib/neo4j-server.js';

const TARGET_ROWS_PER_SECOND = 20_000;
const TARGET_RATIO = 20;

interface BenchArgs {
  inventory?: string;
  batchSize: number;
  concurrency: number;
  naiveApplications: number;
  keep: boolean;
  freshServer: boolean;
}

function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { batchSize: PUSH_DEFAULTS.batchSize, concurrency: PUSH_DEFAULTS.concurrency, naiveApplications: 1_000, keep: false, freshServer: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const number = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number ≥ 1`);
      return value;
    };
    if (flag === '--batch-size') args.batchSize = number();
    else if (flag === '--concurrency') args.concurrency = number();
    else if (flag === '--naive-applications') args.naiveApplications = number();
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--fresh-server') args.freshServer = true;
    else if (!flag.startsWith('--') && args.inventory === undefined) args.inventory = flag;
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

async function getInventory(path: string | undefined): Promise<Inventory> {
  if (path) return loadInventory(path, {});
  const generated = generateInventory({ seed: 42, scale: 'national' });
  return {
    source: { path: 'generateInventory({ seed: 42, scale: "national" })', format: 'json' },
    agencies: generated.agencies,
    applications: generated.applications,
    exchanges: generated.exchanges,
    datasets: generated.datasets,
    warnings: [],
  };
}

/** The first `n` applications with their agencies and the exchanges among them: a small, self-contained inventory. */
function sampleOf(inventory: Inventory, n: number): Inventory {
  const applications = inventory.applications.slice(0, n);
  const appIds = new Set(applications.map((a) => a.id));
  const agencyIds = new Set(applications.map((a) => a.agencyId));
  return {
    source: { path: `first ${n} applications of ${inventory.source.path}`, format: inventory.source.format },
    agencies: inventory.agencies.filter((a) => agencyIds.has(a.id)),
    applications,
    exchanges: inventory.exchanges.filter((x) => appIds.has(x.sourceId) && appIds.has(x.targetId)),
    datasets: [],
    warnings: [],
  };
}

/** The naive way: every row its own statement in its own auto-commit transaction, the same MERGE as the push. */
async function naiveWrite(store: Neo4jStore, inventory: Inventory): Promise<{ rows: number; ms: number }> {
  const rows = toGraphRows(inventory);
  const session: Session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.WRITE });
  const params = { namespace: store.namespace, push: 'naive' };
  const started = performance.now();
  let written = 0;
  try {
    for (const label of NODE_LABELS) {
      const statement = mergeNodes(label, 'single');
      for (const row of rows.nodes[label]) {
        await session.run(statement, { ...params, row: nodeRecord(label, row) });
        written++;
      }
    }
    for (const type of RELATIONSHIP_TYPES) {
      const statement = mergeRelationships(type, 'single');
      for (const row of rows.relationships[type]) {
        await session.run(statement, { ...params, row: relationshipRecord(type, row) });
        written++;
      }
    }
  } finally {
    await session.close();
  }
  return { rows: written, ms: performance.now() - started };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * CPU seconds used so far by this process and, when it is the local test server, by Neo4j (Linux /proc).
 * Rows per CPU-second does not depend on what else the machine is running, unlike rows per second.
 */
function cpuSeconds(serverPid: number | undefined): number | undefined {
  if (serverPid === undefined) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const server = (Number(fields[11]) + Number(fields[12])) / 100;
    const usage = process.cpuUsage();
    return server + (usage.user + usage.system) / 1e6;
  } catch {
    return undefined;
  }
}

/** The heap and JIT flags the local server runs with (Linux /proc), so a figure says what it was measured on. */
function jvmFlags(pid: number): string {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const flags = args.filter((a) => /^-Xm[sx]|^-XX:(TieredStopAtLevel|\+Use\w+GC)/.test(a));
    return flags.length > 0 ? flags.join(' ') : 'defaults';
  } catch {
    return 'unknown';
  }
}

async function timedPush(what: string, serverPid: number | undefined, run: () => Promise<PushResult>): Promise<PushResult> {
  const cpuBefore = cpuSeconds(serverPid);
  const result = await run();
  const cpuAfter = cpuSeconds(serverPid);
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? `  ${fmt(result.rowsWritten / (cpuAfter - cpuBefore)).padStart(8)} rows/CPU-s` : '';
  const retries = result.retries > 0 ? `  (${result.retries} batches retried)` : '';
  console.log(`${what.padEnd(34)} ${fmt(result.rowsWritten).padStart(9)} rows  ${(result.ms / 1000).toFixed(2).padStart(7)} s  ${fmt(result.rowsPerSecond).padStart(8)} rows/s${cpu}${retries}`);
  return result;
}

/**
 * A private local server (`--fresh-server`), the configured one when NEO4J_URI is set, otherwise the
 * shared local test server (started if needed).
 */
async function server(fresh: boolean): Promise<{ conn: Neo4jConnection; pid?: number; stop: () => Promise<void> }> {
  const log = (line: string): void => console.error(`[neo4j] ${line}`);
  if (fresh) {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siloscope-bench-neo4j-'));
    const stop = async (): Promise<void> => {
      await stopNeo4j({ stateDir });
      fs.rmSync(stateDir, { recursive: true, force: true });
    };
    try {
      const started = await startNeo4j({ stateDir, port: await freePort(), pageCache: '512m', log });
      return { conn: resolveConnection({ uri: started.uri, namespace: 'bench' }, {}), pid: started.pid, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  }
  if (process.env.NEO4J_URI) {
    const conn = resolveConnection({ namespace: 'bench' });
    const local = neo4jStatus();
    return { conn, ...(local?.uri === conn.uri ? { pid: local.pid } : {}), stop: async () => {} };
  }
  const started = await startNeo4j({ pageCache: '512m', log });
  return {
    conn: resolveConnection({ uri: started.uri, namespace: 'bench' }, {}),
    pid: started.pid,
    stop: async () => {
      if (started.started) await stopNeo4j();
    },
  };
}


async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { conn, pid, stop } = await server(args.freshServer);
  const store = await connect(conn);
  const naiveStore: Neo4jStore = { ...store, namespace: 'bench-naive' };
  const sampleStore: Neo4jStore = { ...store, namespace: 'bench-naive-batched' };
  try {
    const loadStarted = performance.now();
    const inventory = await getInventory(args.inventory);
    const rows = rowCount(toGraphRows(inventory));
    console.log(`siloscope Neo4j push benchmark — ${describeTarget(conn)}`);
    console.log(
      `inventory: ${inventory.source.path}: ${fmt(inventory.agencies.length)} agencies, ${fmt(inventory.applications.length)} applications, ` +
        `${fmt(inventory.exchanges.length)} exchanges, ${fmt(inventory.datasets.length)} datasets = ${fmt(rows)} rows (nodes + relationships), ` +
        `ready in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
    );
    console.log(`batches of ${fmt(args.batchSize)} rows, ${args.concurrency} in flight${pid !== undefined ? `; server JVM ${jvmFlags(pid)}` : ''}\n`);

    for (const s of [store, naiveStore, sampleStore]) await clearNamespace(s);
    const options = { batchSize: args.batchSize, concurrency: args.concurrency };
    const fresh = await timedPush('push into an empty namespace', pid, () => pushInventory(store, inventory, undefined, options));
    if (!fresh.created) throw new Error('the first push found nodes in its namespace: not a push into an empty one');
    if (fresh.rowsWritten !== rows) throw new Error(`the first push wrote ${fresh.rowsWritten} rows of ${rows}`);
    const again = await timedPush('push again (update in place)', pid, () => pushInventory(store, inventory, undefined, options));
    if (again.removed.nodes + again.removed.relationships !== 0) throw new Error(`the second push removed ${JSON.stringify(again.removed)}: not idempotent`);

    const sample = sampleOf(inventory, args.naiveApplications);
    const naive = await naiveWrite(naiveStore, sample);
    const naiveRate = (naive.rows * 1000) / naive.ms;
    console.log(`${'naive: one statement per row'.padEnd(34)} ${fmt(naive.rows).padStart(9)} rows  ${(naive.ms / 1000).toFixed(2).padStart(7)} s  ${fmt(naiveRate).padStart(8)} rows/s   (${sample.source.path})`);
    const batchedSample = await timedPush('same sample, batched push', pid, () => pushInventory(sampleStore, sample, undefined, options));

    const ratio = fresh.rowsPerSecond / naiveRate;
    const sameDataRatio = batchedSample.rowsPerSecond / naiveRate;
    console.log('');
    console.log(`rows/s of the national push: ${fmt(fresh.rowsPerSecond)} (target ≥ ${fmt(TARGET_ROWS_PER_SECOND)}: ${fresh.rowsPerSecond >= TARGET_ROWS_PER_SECOND ? 'met' : 'NOT met'})`);
    console.log(`batched ÷ naive: ${ratio.toFixed(1)}× (target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}); on the same sample: ${sameDataRatio.toFixed(1)}×`);
    console.log(`load average after the run: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs (other work slows rows/s, not rows/CPU-s)`);
  } finally {
    if (!args.keep) for (const s of [store, naiveStore, sampleStore]) await clearNamespace(s);
    await store.close();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench-neo4j: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
