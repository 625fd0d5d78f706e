/**
 * The Cypher cookbook (src/neo4j/cookbook.ts) answers its questions on the hand-made store of
 * test/neo4j/fixture.ts — expected rows worked out by hand there — and docs/cypher-cookbook.md quotes
 * every query exactly, so the doc cannot drift from the code. Namespace "test-cookbook".
 */
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOKBOOK, RECIPE_NAMES, runRecipe } from '../../src/neo4j/cookbook.js';
import type { Neo4jStore } from '../../src/neo4j/connection.js';
import { clearNamespace, pushInventory } from '../../src/neo4j/push.js';
import globalSetup from '../setup/neo4j.global.js';
import { sampleAnalysis, sampleInventory, testDriver, testStore } from './fixture.js';

const NS = 'test-cookbook';
const DOC = new URL('../../docs/cypher-cookbook.md', import.meta.url);

describe('docs/cypher-cookbook.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const blocks = [...doc.matchAll(/```cypher\n([\s\S]*?)\n```/g)].map((m) => m[1]);

  it('quotes every recipe verbatim under its title, and no Cypher that is not a recipe', () => {
    for (const name of RECIPE_NAMES) {
      const recipe = COOKBOOK[name];
      expect(blocks, `recipe ${name}`).toContain(recipe.cypher);
      expect(doc).toContain(`## ${recipe.title}`);
      for (const param of Object.keys(recipe.params)) expect(doc).toContain(`$${param}`);
    }
    const recipes = new Set<string>(RECIPE_NAMES.map((n) => COOKBOOK[n].cypher));
    expect(blocks.filter((b) => !recipes.has(b!))).toEqual([]);
  });
});

describe('Cypher cookbook on a pushed store', () => {
  let driver: Driver;
  let store: Neo4jStore;
  let teardown: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (!process.env.NEO4J_TEST_URI) teardown = await globalSetup();
    driver = testDriver();
    store = testStore(driver, NS);
    await clearNamespace(store);
    await pushInventory(store, sampleInventory(), sampleAnalysis());
  });

  afterAll(async () => {
    await clearNamespace(store);
    await driver.close();
    await teardown?.();
  });

  it('silo applications of a government include those of its units; of a unit, only its own', async () => {
    expect(await runRecipe(store, 'siloApplications', { agency: 'kab-sleman' })).toEqual([
      {
        application: 'sikda-sleman',
        name: 'SIKDA Generik',
        agency: 'dinkes-sleman',
        silo: 'isolated-application',
        reason: 'SIKDA Generik exchanges with no application.',
        annualCost: 90_000_000,
      },
    ]);
    expect((await runRecipe(store, 'siloApplications', { agency: 'kota-yogya' })).map((r) => r.application)).toEqual(['eoffice-yogya']);
    expect(await runRecipe(store, 'siloApplications', { agency: 'bkpsdm-sleman' })).toEqual([]);
  });

  it('all duplicates of a function: a prefix covers the codes under it, the keeper is marked', async () => {
    const rows = await runRecipe(store, 'duplicatesOfFunction', { function: 'RAB.03' });
    expect(rows.map((r) => [r.cluster, r.application, r.agency, r.keeper, r.annualCost])).toEqual([
      ['c-puskesmas', 'simpus-sleman', 'dinkes-sleman', false, 150_000_000],
      ['c-puskesmas', 'simpus-yogya', 'dinkes-yogya', true, 200_000_000],
      ['c-puskesmas', 'sikda-sleman', 'dinkes-sleman', false, 90_000_000],
    ]);
    expect(rows[0]).toMatchObject({ function: 'RAB.03.01', label: 'Puskesmas information systems', clusterSavingsExpected: 180_000_000 });
    expect((await runRecipe(store, 'duplicatesOfFunction', { function: 'RAA.01.02' })).map((r) => [r.application, r.keeper])).toEqual([
      ['simpeg-sleman', true],
      ['simpeg-yogya', false],
    ]);
    // "RAB.0" is not a code prefix of RAB.03.01 (codes split on dots), so it matches nothing.
    expect(await runRecipe(store, 'duplicatesOfFunction', { function: 'RAB.0' })).toEqual([]);
  });

  it('savings by wave add up each wave and the running total', async () => {
    expect(await runRecipe(store, 'savingsByWave')).toEqual([
      { wave: 1, recommendations: 2, kinds: ['consolidate', 'integrate'], low: 100_000_000, expected: 180_000_000, high: 240_000_000, cumulativeExpected: 180_000_000 },
      { wave: 2, recommendations: 2, kinds: ['consolidate', 'retire'], low: 15_000_000, expected: 27_500_000, high: 40_000_000, cumulativeExpected: 207_500_000 },
    ]);
  });

  it('the shortest integration path follows exchanges in either direction, and is absent for an isolated agency', async () => {
    expect(await runRecipe(store, 'integrationPath', { from: 'kemenpan', to: 'dinkes-sleman' })).toEqual([
      {
        exchanges: 3,
        applications: ['lapor', 'simpus-yogya', 'satusehat', 'simpus-sleman'],
        agencies: ['kemenpan', 'dinkes-yogya', 'kemenkes', 'dinkes-sleman'],
        exchangeIds: ['x4', 'x2', 'x1'],
        mechanisms: ['manual', 'api', 'api'],
      },
    ]);
    const [short] = await runRecipe(store, 'integrationPath', { from: 'bkpsdm-sleman', to: 'kemenkes' });
    expect(short).toMatchObject({ exchanges: 2, applications: ['simpeg-sleman', 'simpus-sleman', 'satusehat'], mechanisms: ['file', 'api'] });
    expect(await runRecipe(store, 'integrationPath', { from: 'kota-yogya', to: 'kemenkes' })).toEqual([]);
  });

  it('ranks agencies by silo score', async () => {
    const rows = await runRecipe(store, 'siloRanking', { limit: 3 });
    expect(rows.map((r) => [r.agency, r.siloScore, r.applications])).toEqual([
      ['kota-yogya', 1, 1],
      ['dinkes-sleman', 0.5, 2],
      ['dinkes-yogya', 0.4, 2],
    ]);
  });

  it('names a missing parameter instead of sending a query with a null', async () => {
    await expect(runRecipe(store, 'integrationPath', { from: 'kemenpan' })).rejects.toThrow(/needs the parameter \$to/);
  });
});
