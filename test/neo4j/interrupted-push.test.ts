/**
 * A push cut off by the server dying (SIGKILL, no clean shutdown) and repeated after a restart on the same
 * store converges to the graph one clean push gives. Runs a second Neo4j of its own (its own port, state
 * directory and kept data directory: `startNeo4j({ dataDir })`), so the shared test server is untouched
 * except for one namespace used as the clean reference.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNeo4j, stopNeo4j } from '../../scripts/lib/neo4j-server.js';
import { readInventory } from '../../src/neo4j/pull.js';
import { clearNamespace, namespaceStatus, pushInventory } from '../../src/neo4j/push.js';
import globalSetup from '../setup/neo4j.global.js';
import { editedInventory, sampleAnalysis, sampleInventory, snapshot, testDriver, testStore } from './fixture.js';

const NS = 'test-interrupted';
const CLEAN_NS = 'test-interrupted-clean';

describe('a push interrupted by the server dying', () => {
  let teardown: (() => Promise<void>) | undefined;
  let stateDir: string;
  let dataDir: string;

  beforeAll(async () => {
    if (!process.env.NEO4J_TEST_URI) teardown = await globalSetup();
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siloscope-interrupt-state-'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siloscope-interrupt-data-'));
  });

  afterAll(async () => {
    await stopNeo4j({ stateDir });
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    const main = testDriver();
    await clearNamespace(testStore(main, CLEAN_NS));
    await main.close();
    await teardown?.();
  });

  it('converges, once repeated after a restart, to the graph of one clean push', { timeout: 300_000 }, async () => {
    const main = testDriver();
    await clearNamespace(testStore(main, CLEAN_NS));
    await pushInventory(testStore(main, CLEAN_NS), sampleInventory(), sampleAnalysis());
    const clean = await snapshot(main, CLEAN_NS);
    await main.close();
    expect(clean.nodes.length).toBe(23);
    expect(clean.relationships.length).toBe(36);

    const opts = { stateDir, dataDir, port: await freePort(), heap: '512m', pageCache: '64m' };
    const first = await startNeo4j(opts);
    expect(first.started).toBe(true);

    // Before: the edited inventory, fully pushed. Then the sample with its analysis — a push that must both
    // add (clusters, recommendations, simpeg-yogya) and remove (sipd-sleman, x5) — is killed halfway.
    let driver = testDriver(first.uri);
    const store = testStore(driver, NS);
    await pushInventory(store, editedInventory());
    let killedAt = 0;
    const interrupted = pushInventory(store, sampleInventory(), sampleAnalysis(), {
      batchSize: 1,
      onProgress: async (p) => {
        if (killedAt === 0 && p.rowsWritten >= 30) {
          killedAt = p.rowsWritten;
          process.kill(first.pid, 'SIGKILL');
          await waitForExit(first.pid);
        }
      },
    });
    await expect(interrupted).rejects.toThrow();
    expect(killedAt).toBeGreaterThan(0);
    await driver.close();

    const second = await startNeo4j(opts);
    expect(second.started).toBe(true);
    expect(second.dataDir).toBe(first.dataDir);
    driver = testDriver(second.uri);
    const restarted = testStore(driver, NS);
    // The store survived the crash with the half-done push on record, and refuses to be read as an inventory.
    expect((await namespaceStatus(restarted))?.status).toBe('pushing');
    await expect(readInventory(restarted)).rejects.toThrow(/did not finish/);
    expect(await snapshot(driver, NS)).not.toEqual(clean);

    await pushInventory(restarted, sampleInventory(), sampleAnalysis());
    const recovered = await snapshot(driver, NS);
    expect(await readInventory(restarted, 'neo4j-test')).toEqual({ ...sampleInventory(), source: { path: 'neo4j-test', format: 'neo4j' } });
    await driver.close();
    expect(recovered).toEqual(clean);
  });
});

async function waitForExit(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

