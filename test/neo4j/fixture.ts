/**
 * A small hand-made inventory (two local governments with their units, two ministries) and a hand-made
 * analysis of it, for the Neo4j store tests; plus the helpers every test file here shares: a driver on
 * NEO4J_TEST_URI and a snapshot of everything stored under a namespace.
 *
 * The right answers the cookbook tests expect, worked out by hand from these objects:
 * - silo applications: kab-sleman (with its units) → sikda-sleman; kota-yogya → eoffice-yogya;
 * - duplicates of RAB.03 → cluster c-puskesmas (simpus-sleman, simpus-yogya, sikda-sleman; keeper simpus-yogya);
 * - savings by wave: wave 1 = r-puskesmas + r-lapor: 100/180/240 M; wave 2 = r-simpeg + r-eoffice: 15/27.5/40 M;
 * - shortest integration path kemenpan → dinkes-sleman: lapor –x4– simpus-yogya –x2– satusehat –x1– simpus-sleman
 *   (3 exchanges); bkpsdm-sleman → kemenkes: simpeg-sleman –x3– simpus-sleman –x1– satusehat (2).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Analysis, Inventory } from '../../src/types.js';
import type { Neo4jStore } from '../../src/neo4j/connection.js';
import { agency, application, baseAnalysis, cluster, recommendation } from '../fixtures/analysis/builders.js';

export function sampleInventory(): Inventory {
  return {
    source: { path: 'test/neo4j/fixture', format: 'json' },
    agencies: [
      { id: 'kab-sleman', name: 'Pemerintah Kabupaten Sleman', level: 'regency', region: 'DI Yogyakarta', properties: { kode_wilayah: '34.04' } },
      { id: 'dinkes-sleman', name: 'Dinas Kesehatan Kabupaten Sleman', level: 'unit', region: 'DI Yogyakarta', parentId: 'kab-sleman', properties: {} },
      { id: 'bkpsdm-sleman', name: 'BKPSDM Kabupaten Sleman', level: 'unit', parentId: 'kab-sleman', properties: {} },
      { id: 'kota-yogya', name: 'Pemerintah Kota Yogyakarta', level: 'city', region: 'DI Yogyakarta', properties: {} },
      { id: 'dinkes-yogya', name: 'Dinas Kesehatan Kota Yogyakarta', level: 'unit', parentId: 'kota-yogya', properties: {} },
      { id: 'kemenkes', name: 'Kementerian Kesehatan', level: 'central', properties: {} },
      { id: 'kemenpan', name: 'Kementerian PANRB', level: 'central', properties: { singkatan: 'KemenPANRB' } },
    ],
    applications: [
      {
        id: 'simpus-sleman',
        agencyId: 'dinkes-sleman',
        name: 'SIMPUS (Sistem Informasi Puskesmas)',
        description: 'Pencatatan layanan puskesmas',
        function: 'RAB.03.01',
        category: 'specific',
        origin: 'local',
        status: 'active',
        annualCost: 150_000_000,
        users: 320,
        url: 'https://simpus.slemankab.go.id',
        platform: 'web',
        year: 2017,
        datasets: ['ds-pasien'],
        properties: { developer: 'Diskominfo', catatan: 'dipakai 25 puskesmas — "versi 2"' },
      },
      {
        id: 'simpeg-sleman',
        agencyId: 'bkpsdm-sleman',
        name: 'SIMPEG Sleman',
        function: 'RAA.01.02',
        category: 'common',
        annualCost: 1_500_000.5,
        users: 1200,
        year: 2015,
        datasets: ['ds-pegawai', 'ds-not-listed'],
        properties: {},
      },
      { id: 'simpus-yogya', agencyId: 'dinkes-yogya', name: 'SIMPUS Kota', function: 'RAB.03.01', annualCost: 200_000_000, datasets: ['ds-pasien'], properties: {} },
      { id: 'sikda-sleman', agencyId: 'dinkes-sleman', name: 'SIKDA Generik', function: 'RAB.03.01', status: 'development', annualCost: 90_000_000, datasets: [], properties: {} },
      {
        id: 'satusehat',
        agencyId: 'kemenkes',
        name: 'SatuSehat',
        origin: 'national',
        annualCost: 9_007_199_254_740,
        users: 250_000,
        year: 2022,
        datasets: ['ds-pasien'],
        properties: {},
      },
      { id: 'lapor', agencyId: 'kemenpan', name: 'SP4N-LAPOR!', category: 'common', origin: 'national', datasets: [], properties: {} },
      { id: 'eoffice-yogya', agencyId: 'kota-yogya', name: 'E-Office Kota', status: 'retired', statusReason: 'Diganti SRIKANDI', annualCost: 40_000_000, datasets: [], properties: {} },
      { id: 'simpeg-yogya', agencyId: 'dinkes-yogya', name: 'SIMPEG Kota', function: 'RAA.01.02', annualCost: 60_000_000, datasets: [], properties: {} },
    ],
    exchanges: [
      { id: 'x1', sourceId: 'simpus-sleman', targetId: 'satusehat', data: 'Rekam medis', mechanism: 'api', properties: {} },
      { id: 'x2', sourceId: 'simpus-yogya', targetId: 'satusehat', data: 'Rekam medis', mechanism: 'api', properties: {} },
      { id: 'x3', sourceId: 'simpeg-sleman', targetId: 'simpus-sleman', data: 'Data pegawai', mechanism: 'file', properties: {} },
      { id: 'x4', sourceId: 'lapor', targetId: 'simpus-yogya', data: 'Pengaduan', mechanism: 'manual', properties: { frekuensi: 'bulanan' } },
    ],
    datasets: [
      { id: 'ds-pasien', name: 'Data Pasien', stewardAgencyId: 'kemenkes', properties: {} },
      { id: 'ds-pegawai', name: 'Data Pegawai', stewardAgencyId: 'bkpsdm-sleman', properties: { walidata: 'BKPSDM' } },
    ],
    warnings: [{ level: 'warning', file: 'applications.csv', row: 9, column: 'agency_id', message: 'agency "nowhere" is unknown; row skipped.', fix: 'correct the id' }],
  };
}

/**
 * The sample after an analyst's edit: simpeg-yogya deleted (with its exchange-less self), simpus-sleman
 * renamed and its description dropped, exchange x3 gone, x1 now on the service bus, x2 re-pointed under
 * the same id, dataset ds-pegawai gone (simpeg-sleman still lists it), one new application with an exchange.
 */
export function editedInventory(): Inventory {
  const inv = sampleInventory();
  inv.applications = inv.applications.filter((a) => a.id !== 'simpeg-yogya');
  const simpus = inv.applications.find((a) => a.id === 'simpus-sleman')!;
  simpus.name = 'SIMPUS Sleman v3';
  delete simpus.description;
  inv.applications.push({ id: 'sipd-sleman', agencyId: 'kab-sleman', name: 'SIPD', origin: 'national', datasets: [], properties: {} });
  inv.exchanges = inv.exchanges.filter((x) => x.id !== 'x3');
  inv.exchanges.find((x) => x.id === 'x1')!.mechanism = 'service_bus';
  Object.assign(inv.exchanges.find((x) => x.id === 'x2')!, { sourceId: 'simpus-yogya', targetId: 'lapor' });
  inv.exchanges.push({ id: 'x5', sourceId: 'sipd-sleman', targetId: 'simpus-sleman', mechanism: 'api', properties: {} });
  inv.datasets = inv.datasets.filter((d) => d.id !== 'ds-pegawai');
  inv.warnings = [];
  return inv;
}

export function sampleAnalysis(): Analysis {
  return baseAnalysis({
    agencies: [
      agency({ id: 'kab-sleman', name: 'Pemerintah Kabupaten Sleman', level: 'regency', siloScore: 0 }),
      agency({ id: 'dinkes-sleman', name: 'Dinas Kesehatan Kabupaten Sleman', applications: 2, annualCost: 240_000_000, isolatedApplications: 1, siloScore: 0.5, community: 1 }),
      agency({ id: 'bkpsdm-sleman', name: 'BKPSDM Kabupaten Sleman', applications: 1, annualCost: 1_500_000.5, siloScore: 0.25, community: 1 }),
      agency({ id: 'kota-yogya', name: 'Pemerintah Kota Yogyakarta', level: 'city', applications: 1, annualCost: 40_000_000, isolatedApplications: 1, siloScore: 1 }),
      agency({ id: 'dinkes-yogya', name: 'Dinas Kesehatan Kota Yogyakarta', applications: 2, annualCost: 260_000_000, siloScore: 0.4, community: 2 }),
      agency({ id: 'kemenkes', name: 'Kementerian Kesehatan', level: 'central', applications: 1, siloScore: 0, community: 1 }),
      agency({ id: 'kemenpan', name: 'Kementerian PANRB', level: 'central', applications: 1, manualExchanges: 1, siloScore: 0.2, community: 2 }),
    ],
    applications: [
      application({ id: 'simpus-sleman', agencyId: 'dinkes-sleman', function: 'RAB.03.01', community: 1, clusterId: 'c-puskesmas', annualCost: 150_000_000 }),
      application({ id: 'simpeg-sleman', agencyId: 'bkpsdm-sleman', function: 'RAA.01.02', community: 1, clusterId: 'c-simpeg', annualCost: 1_500_000.5 }),
      application({ id: 'simpus-yogya', agencyId: 'dinkes-yogya', function: 'RAB.03.01', community: 2, clusterId: 'c-puskesmas', annualCost: 200_000_000 }),
      application({ id: 'sikda-sleman', agencyId: 'dinkes-sleman', function: 'RAB.03.01', clusterId: 'c-puskesmas', annualCost: 90_000_000, time: { label: 'eliminate', reason: 'duplicate of the keeper' } }),
      application({ id: 'satusehat', agencyId: 'kemenkes', community: 1, annualCost: 9_007_199_254_740 }),
      application({ id: 'lapor', agencyId: 'kemenpan', community: 2, annualCost: 120_000_000, costEstimated: true, sharedPlatform: 'SP4N-LAPOR!' }),
      application({ id: 'eoffice-yogya', agencyId: 'kota-yogya', annualCost: 40_000_000 }),
      application({ id: 'simpeg-yogya', agencyId: 'dinkes-yogya', function: 'RAA.01.02', community: 2, clusterId: 'c-simpeg', annualCost: 60_000_000 }),
    ],
    silos: [
      { kind: 'isolated-application', subject: 'sikda-sleman', agencyId: 'dinkes-sleman', message: 'SIKDA Generik exchanges with no application.', evidence: [] },
      { kind: 'isolated-application', subject: 'eoffice-yogya', agencyId: 'kota-yogya', message: 'E-Office Kota exchanges with no application.', evidence: [] },
      { kind: 'manual-exchange', subject: 'x4', agencyId: 'kemenpan', message: 'x4 is manual.', evidence: [] },
    ],
    duplicateClusters: [
      cluster({
        id: 'c-puskesmas',
        function: 'RAB.03.01',
        functionName: 'Pelayanan kesehatan dasar',
        label: 'Puskesmas information systems',
        applications: ['simpus-sleman', 'simpus-yogya', 'sikda-sleman'],
        agencies: ['dinkes-sleman', 'dinkes-yogya'],
        keeper: 'simpus-yogya',
        totalAnnualCost: 440_000_000,
        redundantAnnualCost: 240_000_000,
        estimatedAnnualSavings: { low: 100_000_000, expected: 180_000_000, high: 240_000_000 },
        evidence: [{ kind: 'given-code', detail: 'RAB.03.01 on all three', weight: 1 }],
      }),
      cluster({
        id: 'c-simpeg',
        function: 'RAA.01.02',
        label: 'Personnel systems',
        applications: ['simpeg-sleman', 'simpeg-yogya'],
        agencies: ['bkpsdm-sleman', 'dinkes-yogya'],
        keeper: 'simpeg-sleman',
        totalAnnualCost: 61_500_000.5,
        redundantAnnualCost: 1_500_000.5,
        estimatedAnnualSavings: { low: 10_000_000, expected: 20_000_000, high: 30_000_000 },
      }),
    ],
    recommendations: [
      recommendation({
        id: 'r-puskesmas',
        kind: 'consolidate',
        title: 'Consolidate the puskesmas systems onto SIMPUS Kota',
        clusterId: 'c-puskesmas',
        applications: ['simpus-sleman', 'simpus-yogya', 'sikda-sleman'],
        agencies: ['dinkes-sleman', 'dinkes-yogya'],
        estimatedAnnualSavings: { low: 100_000_000, expected: 180_000_000, high: 240_000_000 },
        priority: 1,
        wave: 1,
        rationale: ['three systems, one function'],
      }),
      recommendation({
        id: 'r-lapor',
        kind: 'integrate',
        title: 'Move the LAPOR! complaint hand-over onto SPLP',
        applications: ['lapor', 'simpus-yogya'],
        agencies: ['kemenpan', 'dinkes-yogya'],
        exchanges: ['x4'],
        target: 'SPLP',
        effort: 'low',
        priority: 2,
        wave: 1,
      }),
      recommendation({
        id: 'r-simpeg',
        kind: 'consolidate',
        title: 'Consolidate personnel systems',
        clusterId: 'c-simpeg',
        applications: ['simpeg-sleman', 'simpeg-yogya'],
        estimatedAnnualSavings: { low: 10_000_000, expected: 20_000_000, high: 30_000_000 },
        priority: 3,
        wave: 2,
      }),
      recommendation({
        id: 'r-eoffice',
        kind: 'retire',
        title: 'Retire E-Office Kota',
        applications: ['eoffice-yogya'],
        estimatedAnnualSavings: { low: 5_000_000, expected: 7_500_000, high: 10_000_000 },
        priority: 4,
        wave: 2,
      }),
    ],
  });
}

export function testUri(): string {
  const uri = process.env.NEO4J_TEST_URI;
  if (!uri) throw new Error('NEO4J_TEST_URI is not set: run through vitest (test/setup/neo4j.global.ts starts the server)');
  return uri;
}

/** A driver on the test server: auth off, so no token. Short retry time so a dead server fails fast. */
export function testDriver(uri = testUri()): Driver {
  return neo4j.driver(uri, undefined, { maxTransactionRetryTime: 5_000 });
}

export function testStore(driver: Driver, namespace: string): Neo4jStore {
  return { driver, database: 'neo4j', namespace };
}

export interface GraphSnapshot {
  nodes: string[];
  relationships: string[];
}

/**
 * Everything stored under a namespace, as sorted lines: labels and properties of each node, type, ends and
 * properties of each relationship. The push stamp and the namespace are left out (two pushes never share a
 * stamp), so two snapshots — of two namespaces, or two servers — are equal exactly when the graphs hold
 * the same data.
 */
export async function snapshot(driver: Driver, namespace: string): Promise<GraphSnapshot> {
  const nodes = await driver.executeQuery(
    `MATCH (n {namespace: $namespace}) WHERE NOT n:SiloscopeNamespace
     RETURN labels(n) AS labels, properties(n) AS props`,
    { namespace },
  );
  const relationships = await driver.executeQuery(
    `MATCH (a {namespace: $namespace})-[r]->(b {namespace: $namespace})
     RETURN type(r) AS type, labels(a)[0] + ':' + a.id AS from, labels(b)[0] + ':' + b.id AS to, properties(r) AS props`,
    { namespace },
  );
  const describe = (props: Record<string, unknown>): string =>
    JSON.stringify(
      Object.keys(props)
        .filter((k) => k !== 'lastPush' && k !== 'namespace')
        .sort()
        .map((k) => [k, valueText(props[k])]),
    );
  return {
    nodes: nodes.records.map((r) => `${(r.get('labels') as string[]).sort().join(':')} ${describe(r.get('props') as Record<string, unknown>)}`).sort(),
    relationships: relationships.records
      .map((r) => `${r.get('from')} -${r.get('type')}-> ${r.get('to')} ${describe(r.get('props') as Record<string, unknown>)}`)
      .sort(),
  };
}

/** Keeps the Neo4j type visible: an Integer prints as `int:…`, a float as `float:…`. */
function valueText(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (typeof value === 'number') return `float:${value}`;
  if (Array.isArray(value)) return value.map(valueText);
  return value;
}

export async function countsOf(driver: Driver, namespace: string): Promise<{ nodes: number; relationships: number }> {
  const result = await driver.executeQuery(
    `MATCH (n {namespace: $namespace})
     OPTIONAL MATCH (n)-[r]->()
     RETURN count(DISTINCT n) AS nodes, count(r) AS relationships`,
    { namespace },
  );
  const record = result.records[0]!;
  return { nodes: record.get('nodes').toNumber(), relationships: record.get('relationships').toNumber() };
}
