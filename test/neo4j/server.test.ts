/**
 * The local Neo4j test server (scripts/neo4j-server + scripts/lib/neo4j-server.ts) is a real Neo4j 5.26:
 * Bolt with auth disabled, schema constraints, lossless 64-bit integers — and its launcher's lifecycle
 * (start, idempotent start, stop that deletes the store) does what docs/neo4j.md says.
 *
 * Runs against NEO4J_TEST_URI, set by test/setup/neo4j.global.ts; run alone, the file starts the server
 * through that same setup and stops it afterwards.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver, type Integer } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, neo4jRunning, neo4jStatus, startNeo4j, stopNeo4j } from '../../scripts/lib/neo4j-server.js';
import globalSetup from '../setup/neo4j.global.js';

const LABEL = 'ServerTestAgency';
const CONSTRAINT = 'server_test_agency_code';

// 9007199254740993 = 2^53 + 1: the first integer a JS number cannot hold, so only a lossless path returns it.
const AGENCIES = [
  { code: 'KEMENKEU', name: 'Kementerian Keuangan', apps: neo4j.int(412), budget: neo4j.int('9007199254740993') },
  { code: 'BAPPENAS', name: 'Kementerian PPN/Bappenas', apps: neo4j.int(57), budget: neo4j.int(1) },
  { code: 'KOMINFO', name: 'Kementerian Komunikasi dan Digital', apps: neo4j.int(138), budget: neo4j.int(-250) },
];

const MERGE_AGENCIES = `
  UNWIND $rows AS row
  MERGE (a:${LABEL} {code: row.code})
  SET a.name = row.name, a.apps = row.apps, a.budget = row.budget`;

describe('local Neo4j test server', () => {
  let driver: Driver;
  let teardown: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (!process.env.NEO4J_TEST_URI) teardown = await globalSetup();
    // No auth token: the driver sends scheme "none", which the auth-disabled server accepts.
    driver = neo4j.driver(process.env.NEO4J_TEST_URI as string);
    await driver.verifyConnectivity();
    await driver.executeQuery(`MATCH (a:${LABEL}) DETACH DELETE a`);
    await driver.executeQuery(`DROP CONSTRAINT ${CONSTRAINT} IF EXISTS`);
  });

  afterAll(async () => {
    try {
      if (driver) {
        await driver.executeQuery(`MATCH (a:${LABEL}) DETACH DELETE a`);
        await driver.executeQuery(`DROP CONSTRAINT ${CONSTRAINT} IF EXISTS`);
      }
    } finally {
      await driver?.close();
      await teardown?.();
    }
  });

  it('is Neo4j 5.26.x and answers without credentials', async () => {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    expect(records).toHaveLength(1);
    expect(records[0].get('name')).toBe('Neo4j Kernel');
    expect(records[0].get('versions')[0]).toMatch(/^5\.26\.\d+$/);
    expect(records[0].get('edition')).toBe('community');

    const info = await driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\.26\.\d+$/);
  });

  it('creates a uniqueness constraint that MERGE relies on and CREATE cannot break', async () => {
    await driver.executeQuery(`CREATE CONSTRAINT ${CONSTRAINT} IF NOT EXISTS FOR (a:${LABEL}) REQUIRE a.code IS UNIQUE`);
    const { records } = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE name = $name RETURN type, labelsOrTypes, properties',
      { name: CONSTRAINT },
    );
    expect(records.map((r) => r.toObject())).toEqual([{ type: 'UNIQUENESS', labelsOrTypes: [LABEL], properties: ['code'] }]);

    await driver.executeQuery(MERGE_AGENCIES, { rows: AGENCIES });
    // Loading the same rows again is a no-op: MERGE finds each node by the constrained key.
    await driver.executeQuery(MERGE_AGENCIES, { rows: AGENCIES });
    const count = await driver.executeQuery(`MATCH (a:${LABEL}) RETURN count(a) AS n`);
    expect((count.records[0].get('n') as Integer).toNumber()).toBe(3);

    const duplicate = driver.executeQuery(`CREATE (:${LABEL} {code: 'KEMENKEU', name: 'duplicate'})`);
    await expect(duplicate).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
  });

  it('round-trips integer properties losslessly, including past 2^53', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (a:${LABEL}) RETURN a.code AS code, a.apps AS apps, a.budget AS budget ORDER BY code`,
    );
    const rows = records.map((r) => ({ code: r.get('code') as string, apps: r.get('apps') as Integer, budget: r.get('budget') as Integer }));
    expect(rows.map((r) => r.code)).toEqual(['BAPPENAS', 'KEMENKEU', 'KOMINFO']);
    for (const row of rows) {
      expect(neo4j.isInt(row.apps)).toBe(true);
      expect(neo4j.isInt(row.budget)).toBe(true);
    }
    expect(rows.map((r) => r.apps.toString())).toEqual(['57', '412', '138']);
    expect(rows.map((r) => r.budget.toString())).toEqual(['1', '9007199254740993', '-250']);

    // Arithmetic happens in the server's 64-bit integers: 57 + 412 + 138 = 607 and
    // 1 + 9007199254740993 - 250 = 9007199254740744, which a double would round to 9007199254740744 ± 1.
    const sums = await driver.executeQuery(`MATCH (a:${LABEL}) RETURN sum(a.apps) AS apps, sum(a.budget) AS budget`);
    expect((sums.records[0].get('apps') as Integer).toString()).toBe('607');
    expect((sums.records[0].get('budget') as Integer).toString()).toBe('9007199254740744');
  });
});

describe('launcher lifecycle (a second server on a free port, its own state directory)', () => {
  let stateDir: string;

  beforeAll(() => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siloscope-neo4j-state-'));
  });

  afterAll(async () => {
    await stopNeo4j({ stateDir });
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('starts once, reuses the running server, and stop deletes its store', async () => {
    const port = await freePort();
    const opts = { stateDir, port, heap: '512m', pageCache: '64m' };
    expect(neo4jRunning({ stateDir })).toBe(false);

    const first = await startNeo4j(opts);
    expect(first.started).toBe(true);
    expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(first.version).toMatch(/^5\.26\.\d+$/);
    expect(fs.existsSync(first.dataDir)).toBe(true);
    expect(fs.readFileSync(path.join(stateDir, 'neo4j.pid'), 'utf8').trim()).toBe(String(first.pid));
    expect(neo4jRunning({ stateDir })).toBe(true);

    const second = await startNeo4j(opts);
    expect(second.started).toBe(false);
    expect(second.pid).toBe(first.pid);
    expect(neo4jStatus({ stateDir })?.dataDir).toBe(first.dataDir);

    expect(await stopNeo4j({ stateDir })).toBe(true);
    expect(neo4jRunning({ stateDir })).toBe(false);
    expect(fs.existsSync(first.dataDir)).toBe(false);
    expect(fs.existsSync(path.join(stateDir, 'neo4j.pid'))).toBe(false);
    expect(processGone(first.pid)).toBe(true);
    // The log survives a stop and shows the clean shutdown the SIGTERM asked for.
    expect(fs.readFileSync(path.join(stateDir, 'neo4j.log'), 'utf8')).toContain('neo4j-server: stopped');
    expect(await stopNeo4j({ stateDir })).toBe(false);
  });

  it('reports a server that dies during start-up with its log, and leaves nothing behind', async () => {
    const before = new Set(fs.readdirSync(os.tmpdir()));
    const start = startNeo4j({ stateDir, port: await freePort(), pageCache: 'lots' });
    await expect(start).rejects.toThrow(/exited before Bolt answered[\s\S]*size must look like 256m or 1g, got 'lots'/);
    expect(neo4jRunning({ stateDir })).toBe(false);
    expect(fs.existsSync(path.join(stateDir, 'neo4j.json'))).toBe(false);
    const leftovers = fs.readdirSync(os.tmpdir()).filter((name) => !before.has(name) && name.startsWith('siloscope-neo4j-'));
    expect(leftovers).toEqual([]);
  });

  it('refuses a port that another process holds, naming the fix', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      await expect(startNeo4j({ stateDir, port })).rejects.toThrow(/already in use.*NEO4J_PORT/s);
      expect(neo4jRunning({ stateDir })).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

/** Exited: no such process, or a zombie its parent (this test process) has not reaped yet. */
function processGone(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

