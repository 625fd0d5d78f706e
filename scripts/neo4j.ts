/**
 * The local Neo4j 5.26 test server, from a terminal:
 *
 *   npx tsx scripts/neo4j.ts start [--port N]   build the launcher if needed, start, wait for Bolt
 *   npx tsx scripts/neo4j.ts stop               stop and delete the server's data
 *   npx tsx scripts/neo4j.ts status             print pid, uri, version, memory; exit 3 when not running
 *
 * The port also comes from NEO4J_PORT (default 7687). How it works: docs/neo4j.md.
 */
import { neo4jStatus, processRssBytes, startNeo4j, stopNeo4j } from './lib/neo4j-server.js';

const USAGE = 'usage: tsx scripts/neo4j.ts start [--port N] | stop | status';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const port = parsePortFlag(rest);
      const server = await startNeo4j({ port, log: (line) => console.log(`neo4j: ${line}`) });
      console.log(
        server.started
          ? `Neo4j ${server.version} ready at ${server.uri} (pid ${server.pid}, Bolt answered ${(server.startupMs / 1000).toFixed(1)} s after launch)`
          : `Neo4j ${server.version} already running at ${server.uri} (pid ${server.pid})`,
      );
      return 0;
    }
    case 'stop': {
      const stopped = await stopNeo4j();
      console.log(stopped ? 'Neo4j stopped; its data directory was deleted' : 'Neo4j was not running');
      return 0;
    }
    case 'status': {
      const state = neo4jStatus();
      if (!state) {
        console.log('Neo4j is not running');
        return 3;
      }
      const rss = processRssBytes(state.pid);
      console.log(
        [
          state.version === 'starting'
            ? `Neo4j starting at ${state.uri} (Bolt not answering yet)`
            : `Neo4j ${state.version} running at ${state.uri}`,
          `  pid      ${state.pid}`,
          `  since    ${state.startedAt}`,
          `  rss      ${rss === undefined ? 'unknown' : `${Math.round(rss / 2 ** 20)} MiB`}`,
          `  data     ${state.dataDir}`,
          `  log      ${state.logFile}`,
        ].join('\n'),
      );
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

function parsePortFlag(args: string[]): number | undefined {
  if (args.length === 0) return undefined;
  const port = Number(args[1]);
  if (args[0] !== '--port' || args.length !== 2 || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${USAGE}\n(--port takes a number 1-65535)`);
  }
  return port;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`neo4j: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
