/**
 * `siloscope neo4j …`: the Neo4j store from the command line.
 *
 *   neo4j push <inventory>   load, analyse and push an inventory (docs/cypher-cookbook.md: the graph model)
 *   neo4j status             the namespaces in the database and how their last push went
 *   neo4j clear <namespace>  delete everything stored under one namespace
 *
 * Connection flags (--uri --user --password --database --namespace) fall back to NEO4J_URI, NEO4J_USER,
 * NEO4J_PASSWORD, NEO4J_DATABASE. The password is never printed; `analyze --source neo4j` reuses
 * `neo4jConnectionOptions` and `connectionFromArgs` from here.
 */
import type { Argv, CommandModule } from 'yargs';
import { analyzeInventory } from '../analyze.js';
import { InputError, formatIssue } from '../errors.js';
import { loadInventory } from '../inventory/index.js';
import { describeTarget, resolveConnection, storeError, withStore, type Neo4jConnection, type Neo4jStore } from '../neo4j/connection.js';
import { PUSH_DEFAULTS } from '../neo4j/defaults.js';
import type { PushProgress, PushResult } from '../neo4j/push.js';
import { Progress } from '../progress.js';

export interface ConnectionArgs {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  namespace?: string;
}

/** Adds the connection flags to a command (push here; `analyze --source neo4j` too). */
export function neo4jConnectionOptions<T>(y: Argv<T>): Argv<T & ConnectionArgs> {
  return y
    .option('uri', { type: 'string', describe: 'Neo4j Bolt URI [env NEO4J_URI, default bolt://127.0.0.1:7687]' })
    .option('user', { type: 'string', describe: 'Neo4j user [env NEO4J_USER; none = auth disabled]' })
    .option('password', { type: 'string', describe: 'Neo4j password [env NEO4J_PASSWORD, preferred: a flag shows in the process list]' })
    .option('database', { type: 'string', describe: 'Neo4j database [env NEO4J_DATABASE, default neo4j]' })
    .option('namespace', { type: 'string', describe: 'Which inventory in the database: several can live side by side [default "default"]' })
    .group(['uri', 'user', 'password', 'database', 'namespace'], 'Neo4j connection:') as Argv<T & ConnectionArgs>;
}

export function connectionFromArgs(args: ConnectionArgs, env: NodeJS.ProcessEnv = process.env): Neo4jConnection {
  return resolveConnection(args, env);
}

interface PushArgs extends ConnectionArgs {
  inventory?: string;
  strict: boolean;
  analysis: boolean;
  seed: number;
  'batch-size': number;
  quiet: boolean;
}

interface ClearArgs extends ConnectionArgs {
  target?: string;
}

export function neo4jCommand(setExit: (code: number) => void): CommandModule<object, object> {
  return {
    command: 'neo4j <command>',
    describe: 'Push an inventory and its analysis into Neo4j for shared exploration (docs/cypher-cookbook.md)',
    builder: (y) =>
      y
        .command(pushCommand(setExit))
        .command(statusCommand(setExit))
        .command(clearCommand(setExit))
        .demandCommand(1, 'Name a neo4j command: push, status or clear.'),
    handler: () => {},
  };
}

function pushCommand(setExit: (code: number) => void): CommandModule<object, PushArgs> {
  return {
    command: 'push <inventory>',
    describe: 'Load and analyse an inventory, then write both into Neo4j (idempotent: re-running updates in place)',
    builder: (y) =>
      neo4jConnectionOptions(
        y
          .positional('inventory', { type: 'string', describe: 'A folder of CSV files, a .json file or an .xlsx workbook' })
          .option('strict', { type: 'boolean', default: false, describe: 'Treat row-level warnings as errors (exit 2)' })
          .option('analysis', { type: 'boolean', default: true, describe: 'Push the analysis too (--no-analysis: the inventory only)' })
          .option('seed', { type: 'number', default: 42, describe: 'Seed for community detection' })
          .option('batch-size', { type: 'number', default: PUSH_DEFAULTS.batchSize, describe: 'Rows per write transaction' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' }),
      )
        .example('$0 neo4j push data/sample', 'into the local server (npm run neo4j:start), namespace "default"')
        .example('NEO4J_PASSWORD=… $0 neo4j push katalog.xlsx --uri neo4j+s://db.example.go.id --user siloscope --namespace kota-bandung', 'a real server'),
    handler: async (args) => {
      if (!args.inventory) throw new InputError({ level: 'error', file: 'command line', message: 'no inventory given.', fix: 'e.g. `siloscope neo4j push data/sample`.' });
      const batchSize = args['batch-size'];
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new InputError({ level: 'error', file: 'command line', column: 'batch-size', message: `--batch-size must be a whole number ≥ 1, got ${batchSize}.`, fix: `leave it out (default ${PUSH_DEFAULTS.batchSize}).` });
      }
      const conn = connectionFromArgs(args);
      const progress = new Progress({ quiet: args.quiet });
      const inventoryPath = args.inventory;
      const inventory = await progress.stageAsync('load', () => loadInventory(inventoryPath, { strict: args.strict }));
      for (const issue of inventory.warnings.slice(0, 20)) process.stderr.write(`${formatIssue(issue)}\n`);
      if (inventory.warnings.length > 20) process.stderr.write(`… and ${inventory.warnings.length - 20} more warnings (stored with the push).\n`);
      const analysis = args.analysis
        ? await analyzeInventory(inventory, { seed: args.seed, progress, recordedOptions: { strict: args.strict, source: 'neo4j push' } })
        : undefined;
      progress.note(`pushing to ${describeTarget(conn)}`);
      const onProgress = throttledProgress(progress);
      const result = await progress.stageAsync('push', () =>
        storeCall(conn, 'pushing', async (store) => (await import('../neo4j/push.js')).pushInventory(store, inventory, analysis, { batchSize, onProgress })),
      );
      process.stdout.write(pushSummary(result, conn));
      setExit(0);
    },
  };
}

function statusCommand(setExit: (code: number) => void): CommandModule<object, ConnectionArgs> {
  return {
    command: 'status',
    describe: 'List the namespaces in the database and how their last push went',
    builder: (y) => neo4jConnectionOptions(y),
    handler: async (args) => {
      const conn = connectionFromArgs(args);
      const namespaces = await storeCall(conn, 'reading the status', async (store) => (await import('../neo4j/push.js')).listNamespaces(store));
      if (namespaces.length === 0) process.stdout.write(`No inventory has been pushed to ${describeTarget(conn)}.\n`);
      for (const ns of namespaces) {
        const state = ns.status === 'complete' ? `pushed ${ns.pushedAt ?? '?'}` : `INTERRUPTED push started ${ns.pushStartedAt ?? '?'}: push again`;
        process.stdout.write(`${ns.namespace.padEnd(24)} ${state}; from ${ns.sourcePath ?? '?'}${ns.analysis ? ', with analysis' : ''}\n`);
      }
      setExit(0);
    },
  };
}

function clearCommand(setExit: (code: number) => void): CommandModule<object, ClearArgs> {
  return {
    command: 'clear <target>',
    describe: 'Delete everything stored under one namespace (named explicitly, so nothing is cleared by default)',
    builder: (y) => neo4jConnectionOptions(y.positional('target', { type: 'string', describe: 'The namespace to delete' })) as Argv<ClearArgs>,
    handler: async (args) => {
      const conn = connectionFromArgs({ ...args, namespace: args.target });
      const { nodes } = await storeCall(conn, 'clearing', async (store) => (await import('../neo4j/push.js')).clearNamespace(store));
      process.stdout.write(`Deleted ${nodes.toLocaleString('en-US')} nodes (and their relationships) of ${describeTarget(conn)}.\n`);
      setExit(0);
    },
  };
}

/** Runs `work` on the store; a driver or server failure becomes a plain message (exit 2), never a stack. */
async function storeCall<T>(conn: Neo4jConnection, what: string, work: (store: Neo4jStore) => Promise<T>): Promise<T> {
  try {
    return await withStore(conn, work);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof Error && (error.name === 'Neo4jError' || 'code' in error)) throw storeError(error, conn, what);
    throw error;
  }
}

/** At most one progress line a second, plus the end of each step, so a national push stays readable. */
function throttledProgress(progress: Progress): (p: PushProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    const stepDone = p.done === p.total && p.step !== 'cleanup';
    if (now - last < 1000 && !stepDone) return;
    last = now;
    const share = p.rowsTotal > 0 ? Math.round((p.rowsWritten / p.rowsTotal) * 100) : 100;
    progress.note(
      p.step === 'cleanup'
        ? `  push   cleanup: ${fmt(p.done)} stale nodes and relationships removed`
        : `  push   ${p.step.padEnd(16)} ${fmt(p.done)}/${fmt(p.total)}   (all rows ${fmt(p.rowsWritten)}/${fmt(p.rowsTotal)}, ${share} %)`,
    );
  };
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export function pushSummary(result: PushResult, conn: Neo4jConnection): string {
  const nodes = Object.values(result.nodes).reduce((a, b) => a + b, 0);
  const relationships = Object.values(result.relationships).reduce((a, b) => a + b, 0);
  const lines = [
    `Pushed to ${describeTarget(conn)}:`,
    `  ${fmt(nodes)} nodes (${Object.entries(result.nodes).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')})`,
    `  ${fmt(relationships)} relationships (${Object.entries(result.relationships).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')})`,
    `  ${fmt(result.rowsWritten)} rows in ${(result.ms / 1000).toFixed(1)} s = ${fmt(Math.round(result.rowsPerSecond))} rows/s`,
    `  removed what the inventory no longer has: ${fmt(result.removed.nodes)} nodes, ${fmt(result.removed.relationships)} relationships`,
    `  push id ${result.pushId} (stamped on every node and relationship as lastPush)`,
  ];
  return `${lines.join('\n')}\n`;
}
