/**
 * The Neo4j store against the real test server: push then read back gives the same Inventory; a second
 * push of the same inventory changes nothing; an edited inventory updates in place and loses what it
 * dropped; integers stay integers; a batch that cannot be written whole is rolled back whole.
 *
 * Everything here lives under namespaces of its own ("test-store", "test-store-clean") and runs in
 * sequence, so no other test file's data is touched and no two tests here share data concurrently.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyzeInventory } from '../../src/analyze.js';
import { InputError } from '../../src/errors.js';
import { loadInventory } from '../../src/inventory/index.js';
import { readInventory } from '../../src/neo4j/pull.js';
import type { Analysis } from '../../src/types.js';
import { IncompleteBatchError, clearNamespace, namespaceStatus, pushInventory } from '../../src/neo4j/push.js';
import { NODE_LABELS, RELATIONSHIPS, RELATIONSHIP_TYPES, createNodes, createRelationships, mergeNodes, mergeRelationships, nodeRecord, relationshipRecord } from '../../src/neo4j/schema.js';
import { toGraphRows } from '../../src/neo4j/transform.js';
import globalSetup from '../setup/neo4j.global.js';
import { countsOf, editedInventory, sampleAnalysis, sampleInventory, snapshot, testDriver, testStore } from './fixture.js';

const NS = 'test-store';
const CLEAN_NS = 'test-store-clean';

describe('Neo4j store: push and read back', () => {
  let driver: Driver;
  let teardown: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (!process.env.NEO4J_TEST_URI) teardown = await globalSetup();
    driver = testDriver();
  });

  beforeEach(async () => {
    await clearNamespace(testStore(driver, NS));
    await clearNamespace(testStore(driver, CLEAN_NS));
  });

  afterAll(async () => {
    await clearNamespace(testStore(driver, NS));
    await clearNamespace(testStore(driver, CLEAN_NS));
    await driver.close();
    await teardown?.();
  });

  it('reads back exactly the inventory it pushed: every field, the order, the load warnings', async () => {
    const store = testStore(driver, NS);
    const inventory = sampleInventory();
    const result = await pushInventory(store, inventory, sampleAnalysis(), { batchSize: 3 });

    expect(result.nodes).toEqual({ Agency: 7, Dataset: 2, Application: 8, DuplicateCluster: 2, Recommendation: 4 });
    // PART_OF 3 units; OWNS 8; STEWARDS 2; USES: simpus-sleman, simpeg-sleman (ds-pegawai only: ds-not-listed
    // is not a dataset), simpus-yogya, satusehat = 4; MEMBER_OF 3 + 2; CONCERNS 3 + 2 + 2 + 1; ADDRESSES 2.
    expect(result.relationships).toEqual({ PART_OF: 3, OWNS: 8, STEWARDS: 2, USES: 4, EXCHANGES: 4, MEMBER_OF: 5, CONCERNS: 8, ADDRESSES: 2 });
    expect(result.rowsWritten).toBe(23 + 36);

    const back = await readInventory(store, 'neo4j-test');
    expect(back).toEqual({ ...inventory, source: { path: 'neo4j-test', format: 'neo4j' } });
    // toEqual ignores absent-vs-undefined; the JSON a report would see must match too, in order.
    expect(JSON.stringify(back.applications.map((a) => a.id))).toBe(JSON.stringify(inventory.applications.map((a) => a.id)));
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify({ ...inventory, source: back.source })));
  });

  it('keys every label by a (namespace, id) uniqueness constraint that the server enforces', async () => {
    const store = testStore(driver, NS);
    await pushInventory(store, sampleInventory());
    const { records } = await driver.executeQuery(
      `SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE name STARTS WITH 'siloscope_'
       RETURN name, type, labelsOrTypes[0] AS label, properties ORDER BY name`,
    );
    expect(records.map((r) => `${r.get('label')}(${(r.get('properties') as string[]).join(', ')}) ${r.get('type')}`)).toEqual([
      'Agency(namespace, id) UNIQUENESS',
      'Application(namespace, id) UNIQUENESS',
      'Dataset(namespace, id) UNIQUENESS',
      'DuplicateCluster(namespace, id) UNIQUENESS',
      'SiloscopeNamespace(namespace) UNIQUENESS',
      'Recommendation(namespace, id) UNIQUENESS',
    ]);
    await expect(driver.executeQuery(`CREATE (:Application {namespace: $ns, id: 'lapor'})`, { ns: NS })).rejects.toThrow(/already exists/);
  });

  it('data/sample through the real pipeline: the analysis of the read-back equals the analysis of the files', async () => {
    const store = testStore(driver, NS);
    const inventory = await loadInventory('data/sample', {});
    const fromFiles = await analyzeInventory(inventory);
    const result = await pushInventory(store, inventory, fromFiles);
    expect(result.nodes.Application).toBe(inventory.applications.length);
    expect(result.relationships.EXCHANGES).toBe(inventory.exchanges.length);
    expect(result.nodes.DuplicateCluster).toBe(fromFiles.duplicateClusters.length);

    const back = await readInventory(store, 'neo4j-test');
    expect(back).toEqual({ ...inventory, source: { path: 'neo4j-test', format: 'neo4j' } });
    const fromStore = await analyzeInventory(back);
    // Only the run's own facts differ: when it ran, how long it took, where the inventory came from.
    const comparable = (a: Analysis): unknown => ({ ...a, meta: { ...a.meta, generatedAt: undefined, timingsMs: undefined, source: undefined } });
    expect(fromStore.meta.source).toEqual({ path: 'neo4j-test', format: 'neo4j' });
    expect(JSON.stringify(comparable(fromStore))).toBe(JSON.stringify(comparable(fromFiles)));
  });

  it('stores integer quantities as integers and keeps fractions and scores as floats', async () => {
    const store = testStore(driver, NS);
    await pushInventory(store, sampleInventory(), sampleAnalysis());
    const { records } = await driver.executeQuery(
      `MATCH (simpus:Application {namespace: $ns, id: 'simpus-sleman'}), (simpeg:Application {namespace: $ns, id: 'simpeg-sleman'}),
             (sehat:Application {namespace: $ns, id: 'satusehat'}), (unit:Agency {namespace: $ns, id: 'dinkes-sleman'}),
             (c:DuplicateCluster {namespace: $ns, id: 'c-puskesmas'}), (r:Recommendation {namespace: $ns, id: 'r-eoffice'})
       RETURN valueType(simpus.annualCost) AS cost, valueType(simpus.users) AS users, valueType(simpus.year) AS year,
              valueType(simpeg.annualCost) AS fractionalCost, valueType(sehat.annualCost) AS bigCost, sehat.annualCost AS bigCostValue,
              valueType(simpus.community) AS community, valueType(unit.siloScore) AS siloScore,
              valueType(c.totalAnnualCost) AS clusterCost, valueType(r.wave) AS wave, valueType(r.savingsExpected) AS savings,
              valueType(simpus.id) AS id, valueType(simpus.datasets) AS datasets`,
      { ns: NS },
    );
    const row = records[0]!.toObject();
    expect(row).toMatchObject({
      cost: 'INTEGER NOT NULL',
      users: 'INTEGER NOT NULL',
      year: 'INTEGER NOT NULL',
      fractionalCost: 'FLOAT NOT NULL',
      bigCost: 'INTEGER NOT NULL',
      community: 'INTEGER NOT NULL',
      siloScore: 'FLOAT NOT NULL',
      clusterCost: 'INTEGER NOT NULL',
      wave: 'INTEGER NOT NULL',
      savings: 'INTEGER NOT NULL',
      id: 'STRING NOT NULL',
      datasets: 'LIST<STRING NOT NULL> NOT NULL',
    });
    expect(row.bigCostValue.toString()).toBe('9007199254740');
  });

  it('writes the analysis onto the graph: keeper, communities, silo findings, recommendations', async () => {
    const store = testStore(driver, NS);
    await pushInventory(store, sampleInventory(), sampleAnalysis());
    const members = await driver.executeQuery(
      `MATCH (a:Application)-[m:MEMBER_OF]->(c:DuplicateCluster {namespace: $ns, id: 'c-puskesmas'})
       RETURN a.id AS app, m.keeper AS keeper, c.keeper AS clusterKeeper ORDER BY m.ordinal`,
      { ns: NS },
    );
    expect(members.records.map((r) => [r.get('app'), r.get('keeper')])).toEqual([
      ['simpus-sleman', false],
      ['simpus-yogya', true],
      ['sikda-sleman', false],
    ]);
    expect(members.records[0]!.get('clusterKeeper')).toBe('simpus-yogya');
    const apps = await driver.executeQuery(
      `MATCH (a:Application {namespace: $ns}) RETURN a.id AS id, a.community AS community, a.silo AS silo, a.classifiedFunction AS fn ORDER BY a.ordinal`,
      { ns: NS },
    );
    const byId = Object.fromEntries(apps.records.map((r) => [r.get('id'), { community: r.get('community')?.toNumber() ?? null, silo: r.get('silo'), fn: r.get('fn') }]));
    expect(byId['simpus-yogya']).toEqual({ community: 2, silo: null, fn: 'RAB.03.01' });
    expect(byId['sikda-sleman']).toEqual({ community: null, silo: 'isolated-application', fn: 'RAB.03.01' });
    const concerns = await driver.executeQuery(
      `MATCH (r:Recommendation {namespace: $ns, id: 'r-lapor'})-[c:CONCERNS]->(a:Application) RETURN a.id AS app ORDER BY c.ordinal`,
      { ns: NS },
    );
    expect(concerns.records.map((r) => r.get('app'))).toEqual(['lapor', 'simpus-yogya']);
  });

  it('pushing the same inventory twice leaves the same nodes, relationships and properties', async () => {
    const store = testStore(driver, NS);
    const first = await pushInventory(store, sampleInventory(), sampleAnalysis());
    const before = await snapshot(driver, NS);
    const countsBefore = await countsOf(driver, NS);
    const second = await pushInventory(store, sampleInventory(), sampleAnalysis(), { batchSize: 2 });
    expect(second.pushId).not.toBe(first.pushId);
    expect(second.removed).toEqual({ nodes: 0, relationships: 0 });
    expect(await countsOf(driver, NS)).toEqual(countsBefore);
    expect(await snapshot(driver, NS)).toEqual(before);
    // 23 nodes + the namespace's status node; 36 relationships.
    expect(countsBefore).toEqual({ nodes: 24, relationships: 36 });
  });

  it('a first push creates; re-running a created batch the way a retry does (MERGE) duplicates nothing', async () => {
    const store = testStore(driver, NS);
    const result = await pushInventory(store, sampleInventory(), sampleAnalysis());
    expect(result.created).toBe(true);
    expect(result.removed).toEqual({ nodes: 0, relationships: 0 });
    const before = await snapshot(driver, NS);
    expect(await countsOf(driver, NS)).toEqual({ nodes: 24, relationships: 36 });
    // What executeWrite runs again when a CREATE batch's commit reached the server but its answer was lost:
    // the same rows, the same push stamp, the MERGE statements, relationships keyed by their ends' element ids.
    const rows = toGraphRows(sampleInventory(), sampleAnalysis());
    const session = driver.session({ database: 'neo4j' });
    try {
      const elementIds = new Map<string, string>();
      for (const label of NODE_LABELS) {
        const answer = await session.run(mergeNodes(label), { namespace: NS, push: result.pushId, rows: rows.nodes[label].map((r) => nodeRecord(label, r)) });
        for (const [id, elementId] of answer.records[0]!.get('ids') as Array<[string, string]>) elementIds.set(`${label}:${id}`, elementId);
      }
      for (const type of RELATIONSHIP_TYPES) {
        const { from, to } = RELATIONSHIPS[type];
        const records = rows.relationships[type].map((r) => relationshipRecord(type, r, elementIds.get(`${from}:${r.from}`), elementIds.get(`${to}:${r.to}`)));
        const answer = await session.run(mergeRelationships(type, 'batch', 'elementId'), { namespace: NS, push: result.pushId, rows: records });
        expect(answer.records[0]!.get('written').toNumber()).toBe(records.length);
      }
    } finally {
      await session.close();
    }
    expect(await countsOf(driver, NS)).toEqual({ nodes: 24, relationships: 36 });
    expect(await snapshot(driver, NS)).toEqual(before);
  });

  it('a push over a namespace that holds nodes merges and cleans up; into an empty one it creates', async () => {
    const store = testStore(driver, NS);
    const first = await pushInventory(store, editedInventory());
    const second = await pushInventory(store, sampleInventory(), sampleAnalysis());
    expect([first.created, second.created]).toEqual([true, false]);
    // Not in the sample, so removed: sipd-sleman with its OWNS edge, x5, and x2 as the edited inventory had it
    // (simpus-yogya → lapor; the sample's x2 ends at satusehat, a relationship of its own).
    expect(second.removed).toEqual({ nodes: 1, relationships: 3 });
    await pushInventory(testStore(driver, CLEAN_NS), sampleInventory(), sampleAnalysis());
    expect(await snapshot(driver, NS)).toEqual(await snapshot(driver, CLEAN_NS));
  });

  it('plans every load without an Eager barrier and finds relationship ends by element id', async () => {
    const statements = [
      ...NODE_LABELS.flatMap((label) => [createNodes(label), mergeNodes(label)]),
      ...RELATIONSHIP_TYPES.flatMap((type) => [createRelationships(type, 'elementId'), mergeRelationships(type, 'batch', 'elementId')]),
    ];
    for (const statement of statements) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${statement}`, { namespace: NS, push: 'p', rows: [] });
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }): void => {
        operators.push(plan.operatorType.replace(/@.*$/, ''));
        for (const child of plan.children) walk(child as typeof plan);
      };
      walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
      expect(operators, statement).not.toContain('Eager');
      if (statement.includes('elementId(a)')) expect(operators.filter((o) => o === 'NodeByElementIdSeek'), statement).toHaveLength(2);
    }
  });

  it('an edited inventory updates in place, removes deleted applications with their edges, and matches a clean push', async () => {
    const store = testStore(driver, NS);
    await pushInventory(store, sampleInventory(), sampleAnalysis());
    const edited = editedInventory();
    const result = await pushInventory(store, edited);
    // Gone: simpeg-yogya, ds-pegawai, the 2 clusters and 4 recommendations = 8 nodes.
    expect(result.removed.nodes).toBe(8);

    expect(await readInventory(store, 'neo4j-test')).toEqual({ ...edited, source: { path: 'neo4j-test', format: 'neo4j' } });
    const gone = await driver.executeQuery(
      `OPTIONAL MATCH (a:Application {namespace: $ns, id: 'simpeg-yogya'})
       OPTIONAL MATCH (:Agency {namespace: $ns, id: 'dinkes-yogya'})-[owns:OWNS]->()
       OPTIONAL MATCH (:Application {namespace: $ns})-[x3:EXCHANGES {id: 'x3'}]->()
       OPTIONAL MATCH (:Application {namespace: $ns})-[x2:EXCHANGES {id: 'x2'}]->(x2target)
       OPTIONAL MATCH (simpus:Application {namespace: $ns, id: 'simpus-sleman'})
       RETURN count(DISTINCT a) AS simpegYogya, count(DISTINCT owns) AS dinkesYogyaOwns, count(DISTINCT x3) AS x3,
              collect(DISTINCT x2target.id) AS x2targets, simpus.description AS description, simpus.name AS name`,
      { ns: NS },
    );
    const row = gone.records[0]!;
    expect(row.get('simpegYogya').toNumber()).toBe(0);
    expect(row.get('dinkesYogyaOwns').toNumber()).toBe(1);
    expect(row.get('x3').toNumber()).toBe(0);
    expect(row.get('x2targets')).toEqual(['lapor']);
    expect(row.get('description')).toBeNull();
    expect(row.get('name')).toBe('SIMPUS Sleman v3');

    await pushInventory(testStore(driver, CLEAN_NS), edited);
    expect(await snapshot(driver, NS)).toEqual(await snapshot(driver, CLEAN_NS));
  });

  it("leaves properties a push does not own alone, so an analyst's annotations survive the next push", async () => {
    const store = testStore(driver, NS);
    await pushInventory(store, sampleInventory(), sampleAnalysis());
    await driver.executeQuery(`MATCH (a:Application {namespace: $ns, id: 'lapor'}) SET a.reviewedBy = 'Bappeda', a.name = 'renamed by hand'`, { ns: NS });
    await pushInventory(store, sampleInventory());
    const { records } = await driver.executeQuery(
      `MATCH (a:Application {namespace: $ns, id: 'lapor'}) RETURN a.reviewedBy AS note, a.name AS name, a.community AS community`,
      { ns: NS },
    );
    // The annotation stays; the owned name is the inventory's again; the analysis community left with the analysis.
    expect(records[0]!.toObject()).toEqual({ note: 'Bappeda', name: 'SP4N-LAPOR!', community: null });
  });

  it('rolls back a relationship batch that cannot be written whole, and the next push repairs the store', async () => {
    const store = testStore(driver, NS);
    let sabotaged = false;
    // Exchanges in batches of 2: [x1, x2], [x3, x4]. Deleting x4's source (lapor) between the node loads and
    // the exchange load leaves the second batch one row short: x3, whose ends both exist, must not appear.
    const push = pushInventory(store, sampleInventory(), undefined, {
      batchSize: 2,
      // One batch at a time, so the exchanges start only after the sabotage (with more in flight they may
      // start as soon as the applications are loaded).
      concurrency: 1,
      onProgress: async (p) => {
        if (p.step === 'USES' && p.done === p.total && !sabotaged) {
          sabotaged = true;
          await driver.executeQuery(`MATCH (a:Application {namespace: $ns, id: 'lapor'}) DETACH DELETE a`, { ns: NS });
        }
      },
    });
    await expect(push).rejects.toThrow(IncompleteBatchError);
    const exchanges = await driver.executeQuery(
      `MATCH (:Application {namespace: $ns})-[x:EXCHANGES]->() RETURN x.id AS id ORDER BY id`,
      { ns: NS },
    );
    expect(exchanges.records.map((r) => r.get('id'))).toEqual(['x1', 'x2']);
    expect((await namespaceStatus(store))?.status).toBe('pushing');
    await expect(readInventory(store)).rejects.toThrow(/did not finish/);

    await pushInventory(store, sampleInventory());
    expect(await readInventory(store, 'neo4j-test')).toEqual({ ...sampleInventory(), source: { path: 'neo4j-test', format: 'neo4j' } });
  });

  it('refuses, before writing anything, an inventory whose references point at nothing', async () => {
    const store = testStore(driver, NS);
    const bad = sampleInventory();
    bad.exchanges.push({ id: 'x9', sourceId: 'lapor', targetId: 'ghost', properties: {} });
    bad.applications.push({ ...bad.applications[0]!, agencyId: 'nowhere' });
    const push = pushInventory(store, bad);
    await expect(push).rejects.toThrow(InputError);
    await expect(push).rejects.toThrow(/id "simpus-sleman" appears more than once[\s\S]*unknown agency "nowhere"[\s\S]*unknown application "ghost"/);
    expect(await countsOf(driver, NS)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses to read a namespace nothing was pushed to, naming the fix', async () => {
    await expect(readInventory(testStore(driver, 'test-store-never-pushed'))).rejects.toThrow(/nothing has been pushed under namespace "test-store-never-pushed"/);
  });

  it('reads a hand-edited store like a file loader: bad values dropped and nodes skipped with warnings', async () => {
    const store = testStore(driver, NS);
    await pushInventory(store, sampleInventory());
    await driver.executeQuery(
      `MATCH (a:Application {namespace: $ns, id: 'lapor'}) SET a.category = 'umum-ish', a.users = 'many'
       WITH a MATCH (g:Application {namespace: $ns, id: 'eoffice-yogya'}) SET g.agencyId = 'gone'`,
      { ns: NS },
    );
    const back = await readInventory(store, 'neo4j-test');
    const lapor = back.applications.find((a) => a.id === 'lapor')!;
    expect(lapor.category).toBeUndefined();
    expect(lapor.users).toBeUndefined();
    expect(back.applications.map((a) => a.id)).not.toContain('eoffice-yogya');
    expect(back.warnings.slice(1).map((w) => `${w.file} ${w.column}`)).toEqual([
      'neo4j-test (:Application "lapor") category',
      'neo4j-test (:Application "lapor") users',
      'neo4j-test (:Application "eoffice-yogya") agencyId',
    ]);
  });
});
