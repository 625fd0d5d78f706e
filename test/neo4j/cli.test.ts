/**
 * `siloscope neo4j push | status | clear` end to end against the test server: an inventory file is loaded,
 * analysed and pushed; the password given through the environment appears nowhere in the output; an
 * unreachable server is a plain message, not a stack. Namespace "test-cli".
 */
import fs from 'node:fs';
import { freePort } from '../../scripts/lib/neo4j-server.js';
import os from 'node:os';
import path from 'node:path';
import yargs from 'yargs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { neo4jCommand } from '../../src/cli/neo4j.js';
import { InputError } from '../../src/errors.js';
import { loadInventoryFromNeo4j } from '../../src/neo4j/pull.js';
import { resolveConnection } from '../../src/neo4j/connection.js';
import globalSetup from '../setup/neo4j.global.js';
import { countsOf, sampleInventory, testDriver, testUri } from './fixture.js';

const NS = 'test-cli';
const PASSWORD = 'cli-secret-never-shown';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI's contract in miniature (src/cli/app.ts): an InputError prints its issues and exits 2. */
async function run(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let code = 0;
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await yargs(argv)
      .command(neo4jCommand((c) => (code = c)))
      .strict()
      .fail((msg, error) => {
        throw error ?? new InputError({ level: 'error', file: 'command line', message: msg });
      })
      .parseAsync();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr += `${error.message}\n`;
    code = 2;
  } finally {
    process.env = saved;
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

describe('siloscope neo4j', () => {
  let teardown: (() => Promise<void>) | undefined;
  let dir: string;
  let inventoryFile: string;

  beforeAll(async () => {
    if (!process.env.NEO4J_TEST_URI) teardown = await globalSetup();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siloscope-neo4j-cli-'));
    inventoryFile = path.join(dir, 'inventory.json');
    const { source: _source, warnings: _warnings, ...tables } = sampleInventory();
    fs.writeFileSync(inventoryFile, JSON.stringify(tables));
    await run(['neo4j', 'clear', NS, '--uri', testUri()]);
  });

  afterAll(async () => {
    await run(['neo4j', 'clear', NS, '--uri', testUri()]);
    fs.rmSync(dir, { recursive: true, force: true });
    await teardown?.();
  });

  it('pushes an inventory file with its analysis, reports what it wrote, and never prints the password', async () => {
    const result = await run(['neo4j', 'push', inventoryFile, '--namespace', NS, '--user', 'neo4j', '--batch-size', '3'], {
      NEO4J_URI: testUri(),
      NEO4J_PASSWORD: PASSWORD,
    });
    expect(result.stderr).not.toMatch(/Error|at .*\.ts:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Pushed to ${testUri()} (database "neo4j", namespace "${NS}" as neo4j):`);
    expect(result.stdout).toContain('(Agency 7, Dataset 2, Application 8, DuplicateCluster');
    expect(result.stdout).toContain('EXCHANGES 4');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);

    const inventory = await loadInventoryFromNeo4j(resolveConnection({ uri: testUri(), namespace: NS }, {}));
    expect(inventory.source).toEqual({ path: `${testUri()}?database=neo4j&namespace=${NS}`, format: 'neo4j' });
    expect(inventory.applications.map((a) => a.id)).toEqual(sampleInventory().applications.map((a) => a.id));
    const driver = testDriver();
    // The analysis went in with the inventory: every agency has a silo score, the status says so.
    const { records } = await driver.executeQuery(
      `MATCH (s:SiloscopeNamespace {namespace: $ns}) MATCH (a:Agency {namespace: $ns})
       RETURN s.analysis AS analysis, count(a.siloScore) AS scored, count(a) AS agencies`,
      { ns: NS },
    );
    await driver.close();
    expect(records[0]!.toObject()).toMatchObject({ analysis: true });
    expect(records[0]!.get('scored').toNumber()).toBe(7);
    expect(records[0]!.get('agencies').toNumber()).toBe(7);
  });

  it('lists the namespace in status, and clear removes all of it', async () => {
    const status = await run(['neo4j', 'status', '--uri', testUri()]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^${NS}\\s+pushed \\S+; from ${inventoryFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, with analysis$`, 'm'));

    const cleared = await run(['neo4j', 'clear', NS, '--uri', testUri()]);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/^Deleted \d+ nodes/);
    const driver = testDriver();
    expect(await countsOf(driver, NS)).toEqual({ nodes: 0, relationships: 0 });
    await driver.close();
  });

  it('--no-analysis pushes the inventory alone', async () => {
    const result = await run(['neo4j', 'push', inventoryFile, '--namespace', NS, '--uri', testUri(), '--no-analysis', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DuplicateCluster 0, Recommendation 0');
    // --quiet silences progress; the load's own warning (a dataset id the file does not list) still shows.
    expect(result.stderr).not.toMatch(/load|push {3}/);
    expect(result.stderr).toContain('dataset "ds-not-listed" is not in inventory.json#/datasets');
  });

  it('an unreachable server is a message naming the target and the fix (exit 2), with the password redacted', async () => {
    const port = await freePort();
    const result = await run(['neo4j', 'push', inventoryFile, '--no-analysis', '--quiet', '--uri', `bolt://neo4j:${PASSWORD}@127.0.0.1:${port}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`bolt://127.0.0.1:${port} (database "neo4j", namespace "default" as neo4j)`);
    expect(result.stderr).toMatch(/connecting failed:[\s\S]*Fix: start the server/);
    expect(result.stderr).not.toContain(PASSWORD);
  });
});

