/**
 * A small hand-made Analysis and Inventory for the explorer server tests:
 *
 *   gov (regency) ─┬─ u1 (unit): p1 SIMPEG, p2 e-Kinerja, p3 Sistem Informasi Manajemen Kepegawaian Daerah
 *                  └─ u2 (unit): p4 Lapor Kab
 *   min (central):              p5 SIASN (shared platform), p6 Arsip (retired)
 *   orphan application p7 names agency "ghost", which the analysis does not list.
 *
 *   exchanges: p1→p5 api, p1→p2 database, p3→p1 manual, p4→p5 file, p9→p1 (unknown source: skipped)
 *   cluster c1 = {p1, p3} (keeper p1), recommendation r1 consolidates c1, r2 retires p6.
 */
import type { Analysis, Inventory } from '../../src/types.js';
import { agency, application, baseAnalysis, cluster, recommendation } from '../fixtures/analysis/builders.js';

export function serveFixture(): { analysis: Analysis; inventory: Inventory } {
  const agencies = [
    agency({ id: 'gov', name: 'Pemerintah Kabupaten Contoh', level: 'regency', region: 'Jawa Tengah', applications: 0, siloScore: 0.2, community: 0 }),
    agency({ id: 'u1', name: 'BKPSDM Kabupaten Contoh', level: 'unit', parentId: 'gov', region: 'Jawa Tengah', applications: 3, annualCost: 900, siloScore: 0.6, community: 0 }),
    agency({ id: 'u2', name: 'Dinas Kominfo Kabupaten Contoh', level: 'unit', parentId: 'gov', region: 'Jawa Tengah', applications: 1, annualCost: 100, siloScore: 0.9, community: 1 }),
    agency({ id: 'min', name: 'Badan Kepegawaian Negara', level: 'central', applications: 2, annualCost: 5000, siloScore: 0.1, community: 0 }),
  ];
  const applications = [
    application({
      id: 'p1', agencyId: 'u1', name: 'SIMPEG', function: 'RAB.09.S05', functionConfidence: 0.9, annualCost: 400, community: 0, clusterId: 'c1',
      functionEvidence: [{ kind: 'acronym', detail: 'SIMPEG is a personnel-records acronym', weight: 0.8 }],
    }),
    application({ id: 'p2', agencyId: 'u1', name: 'e-Kinerja', function: 'RAB.09.S07', annualCost: 200, community: 0 }),
    application({
      id: 'p3', agencyId: 'u1', name: 'Sistem Informasi Manajemen Kepegawaian Daerah', function: 'RAB.09.S05', annualCost: 300, costEstimated: true, community: 0, clusterId: 'c1',
    }),
    application({ id: 'p4', agencyId: 'u2', name: 'Lapor Kab', function: 'OPAQUE-7', annualCost: 100, community: 1 }),
    application({ id: 'p5', agencyId: 'min', name: 'SIASN', function: 'RAB.09.S05', annualCost: 4000, community: 0, sharedPlatform: 'siasn' }),
    application({ id: 'p6', agencyId: 'min', name: 'Arsip', annualCost: 1000 }),
    application({ id: 'p7', agencyId: 'ghost', name: 'Orphan', annualCost: 50 }),
  ];
  const analysis = baseAnalysis({
    agencies,
    governments: [agencies[0], agencies[3]],
    applications,
    communities: [
      { id: 0, applications: 4, agencies: 2, dominantAgencyId: 'u1', dominantAgencyShare: 0.75, topFunctions: ['RAB.09.S05'] },
      { id: 1, applications: 1, agencies: 1, dominantAgencyId: 'u2', dominantAgencyShare: 1, topFunctions: [] },
    ],
    silos: [
      { kind: 'isolated-application', subject: 'p6', agencyId: 'min', message: 'Arsip exchanges nothing', evidence: ['0 exchanges in the inventory'] },
      { kind: 'manual-exchange', subject: 'x3', agencyId: 'u1', message: 'p3 → p1 is manual', evidence: ['mechanism manual'] },
    ],
    duplicateClusters: [
      cluster({
        id: 'c1', function: 'RAB.09.S05', functionName: 'Personnel (civil-servant) management', label: 'Personnel records', applications: ['p1', 'p3'],
        agencies: ['u1'], keeper: 'p1', scope: 'within-agency', totalAnnualCost: 700, redundantAnnualCost: 300,
        evidence: [{ kind: 'name-similarity', detail: 'SIMPEG = Sistem Informasi Manajemen Kepegawaian', weight: 0.7 }],
      }),
    ],
    recommendations: [
      recommendation({ id: 'r1', kind: 'consolidate', title: 'Consolidate personnel records on SIMPEG', wave: 1, priority: 1, applications: ['p1', 'p3'], agencies: ['u1'], clusterId: 'c1', rationale: ['two systems keep the same records'], estimatedAnnualSavings: { low: 100, expected: 200, high: 300 } }),
      recommendation({ id: 'r2', kind: 'retire', title: 'Retire Arsip', wave: 2, priority: 2, applications: ['p6'], agencies: ['min'], rationale: ['retired and isolated'] }),
    ],
  });
  analysis.summary = { ...analysis.summary, agencies: 4, applications: 7, exchanges: 4 };
  const inventory: Inventory = {
    source: { path: 'fixture', format: 'json' },
    agencies: [
      { id: 'gov', name: 'Pemerintah Kabupaten Contoh', level: 'regency', region: 'Jawa Tengah', properties: {} },
      { id: 'u1', name: 'BKPSDM Kabupaten Contoh', level: 'unit', parentId: 'gov', properties: {} },
      { id: 'u2', name: 'Dinas Kominfo Kabupaten Contoh', level: 'unit', parentId: 'gov', properties: {} },
      { id: 'min', name: 'Badan Kepegawaian Negara', level: 'central', properties: {} },
      { id: 'ghost', name: 'Ghost Agency', level: 'unit', properties: {} },
    ],
    applications: [
      { id: 'p1', agencyId: 'u1', name: 'SIMPEG', status: 'active', category: 'specific', origin: 'local', url: 'simpeg.contoh.go.id', datasets: [], properties: {} },
      { id: 'p2', agencyId: 'u1', name: 'e-Kinerja', status: 'active', url: 'javascript:alert(1)', datasets: [], properties: {} },
      { id: 'p3', agencyId: 'u1', name: 'Sistem Informasi Manajemen Kepegawaian Daerah', status: 'development', datasets: [], properties: {} },
      { id: 'p4', agencyId: 'u2', name: 'Lapor Kab', datasets: [], properties: {} },
      { id: 'p5', agencyId: 'min', name: 'SIASN', category: 'common', origin: 'national', status: 'active', datasets: [], properties: {} },
      { id: 'p6', agencyId: 'min', name: 'Arsip', status: 'retired', datasets: [], properties: {} },
      { id: 'p7', agencyId: 'ghost', name: 'Orphan', datasets: [], properties: {} },
    ],
    exchanges: [
      { id: 'x1', sourceId: 'p1', targetId: 'p5', mechanism: 'api', data: 'Data pegawai', properties: {} },
      { id: 'x2', sourceId: 'p1', targetId: 'p2', mechanism: 'database', properties: {} },
      { id: 'x3', sourceId: 'p3', targetId: 'p1', mechanism: 'manual', properties: {} },
      { id: 'x4', sourceId: 'p4', targetId: 'p5', mechanism: 'file', properties: {} },
      { id: 'x5', sourceId: 'p9', targetId: 'p1', properties: {} },
    ],
    datasets: [],
    warnings: [],
  };
  return { analysis, inventory };
}
