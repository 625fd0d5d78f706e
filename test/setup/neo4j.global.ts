/**
 * vitest globalSetup: gives the test run a Neo4j 5.26 server and tells the tests where it is through
 * NEO4J_TEST_URI. Starts the project's local server (scripts/lib/neo4j-server.ts) unless one is already
 * running, and stops it afterwards only if this run started it, so a server started by hand
 * (`npx tsx scripts/neo4j.ts start`) survives the run and the next run starts in under a second.
 *
 * A NEO4J_TEST_URI set before the run points the tests at that server instead and nothing is started:
 * its auth must be disabled, and the tests write (and clean up) labelled test nodes there.
 */
import { startNeo4j, stopNeo4j } from '../../scripts/lib/neo4j-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.NEO4J_TEST_URI) return async () => {};
  const server = await startNeo4j({ log: (line) => console.log(`[neo4j] ${line}`) });
  // Workers are forked after globalSetup returns and inherit this environment.
  process.env.NEO4J_TEST_URI = server.uri;
  return async () => {
    if (server.started) await stopNeo4j();
  };
}
