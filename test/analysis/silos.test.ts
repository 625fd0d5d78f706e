import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { analyzeSilos } from '../../src/analysis/silos.js';
import { siloIndexOf } from '../../src/analysis/silo-index.js';
import { findManualExchanges, namesOf } from '../../src/analysis/silo-findings.js';
import type { AgencyMetrics, SiloFinding } from '../../src/types.js';
import { agency, app, exchange, inventory, regencyInventory } from '../graph/fixture.js';

const byId = (rows: AgencyMetrics[]) => new Map(rows.map((r) => [r.id, r]));
const subjects = (findings: SiloFinding[], kind: SiloFinding['kind']) => findings.filter((f) => f.kind === kind).map((f) => f.subject);

describe('analyzeSilos on the regency inventory (see test/graph/fixture.ts for the picture)', () => {
  const inv = regencyInventory();
  const result = analyzeSilos(inv, buildGraph(inv));
  const agencies = byId(result.agencies);
  const governments = byId(result.governments);

  it('counts exchanges inside and across each agency', () => {
    // U1: x1 x2 x3 inside, x4 out → share 1/4. U2: x5 x6 inside, x4 x7 across → 1/2. C: x7 only → 1. D: x8 inside → 0.
    expect(agencies.get('U1')).toMatchObject({ applications: 3, exchangesInternal: 3, exchangesCrossAgency: 1, crossAgencyShare: 0.25 });
    expect(agencies.get('U2')).toMatchObject({ applications: 3, exchangesInternal: 2, exchangesCrossAgency: 2, crossAgencyShare: 0.5 });
    expect(agencies.get('C')).toMatchObject({ applications: 2, exchangesInternal: 0, exchangesCrossAgency: 1, crossAgencyShare: 1 });
    expect(agencies.get('D')).toMatchObject({ applications: 2, exchangesInternal: 1, exchangesCrossAgency: 0, crossAgencyShare: 0 });
    expect(agencies.get('G')).toMatchObject({ applications: 0, exchangesInternal: 0, exchangesCrossAgency: 0, siloScore: 0 });
  });

  it('counts isolated, internal-only and manual per agency, with shared platforms and known costs', () => {
    // U1: a1 a2 talk only inside U1; manual x2 + file x4. U2: b2 b3 inside only; file x4. C: c2 isolated. D: d1 d2 inside only.
    expect(agencies.get('U1')).toMatchObject({ isolatedApplications: 0, internalOnlyApplications: 2, manualExchanges: 2 });
    expect(agencies.get('U2')).toMatchObject({ isolatedApplications: 0, internalOnlyApplications: 2, manualExchanges: 1 });
    expect(agencies.get('C')).toMatchObject({ isolatedApplications: 1, internalOnlyApplications: 0, manualExchanges: 0 });
    expect(agencies.get('D')).toMatchObject({ isolatedApplications: 0, internalOnlyApplications: 2, manualExchanges: 0 });
    // a1 is category common (default shared-platform rule), b1 is a national system; a3's cost is unknown, not zero.
    expect(agencies.get('U1')).toMatchObject({ sharedPlatformApplications: 1, annualCost: 150 });
    expect(agencies.get('U2')).toMatchObject({ sharedPlatformApplications: 1, annualCost: 10 });
    expect(agencies.get('C')).toMatchObject({ sharedPlatformApplications: 0, annualCost: 1000 });
  });

  it('scores each agency with the documented formula', () => {
    // siloScore = 0.3·(1 − cross share) + 0.3·(isolated + internal-only)/apps + 0.2·isolated/apps + 0.2·manual/exchanges
    // U1: 0.3·0.75 + 0.3·2/3 + 0 + 0.2·2/4 = 0.525
    // U2: 0.3·0.5 + 0.3·2/3 + 0 + 0.2·1/4 = 0.4
    // C:  0.3·0 + 0.3·1/2 + 0.2·1/2 + 0 = 0.25
    // D:  0.3·1 + 0.3·2/2 + 0 + 0 = 0.6
    expect(agencies.get('U1')!.siloScore).toBeCloseTo(0.525, 10);
    expect(agencies.get('U2')!.siloScore).toBeCloseTo(0.4, 10);
    expect(agencies.get('C')!.siloScore).toBeCloseTo(0.25, 10);
    expect(agencies.get('D')!.siloScore).toBeCloseTo(0.6, 10);
  });

  it('rolls units up into their parent government', () => {
    // G = U1 + U2: x1..x6 inside, x7 across → share 1/7; a1 a2 a3 b2 b3 never leave G; manual x2, file x4.
    // siloScore = 0.3·6/7 + 0.3·5/6 + 0 + 0.2·2/7 = 0.5642857…
    const g = governments.get('G')!;
    expect(g).toMatchObject({
      applications: 6,
      exchangesInternal: 6,
      exchangesCrossAgency: 1,
      isolatedApplications: 0,
      internalOnlyApplications: 5,
      manualExchanges: 2,
      sharedPlatformApplications: 2,
      annualCost: 160,
    });
    expect(g.crossAgencyShare).toBeCloseTo(1 / 7, 10);
    expect(g.siloScore).toBeCloseTo(0.3 * (6 / 7) + 0.3 * (5 / 6) + 0.2 * (2 / 7), 10);
    expect(g.parentId).toBeUndefined();
    // Units are not governments; agencies without a parent are their own.
    expect([...governments.keys()]).toEqual(['G', 'C', 'D']);
    expect(governments.get('C')!.siloScore).toBeCloseTo(0.25, 10);
  });

  it('reports each silo as a finding with evidence', () => {
    expect(subjects(result.silos, 'isolated-application')).toEqual(['c2']);
    expect(subjects(result.silos, 'internal-only-application')).toEqual(['a1', 'a2', 'b2', 'b3', 'd1', 'd2']);
    // One manual-exchange finding per agency pair: x2 inside U1, x4 between U1 and U2.
    expect(subjects(result.silos, 'manual-exchange')).toEqual(['U1', 'U1--U2']);
    // D exchanges only inside itself; G reaches C through x7, so no government finding.
    expect(subjects(result.silos, 'isolated-agency')).toEqual(['D']);
    // Community 2 = {a1 a2 a3}, all U1; community 3 = {d1 d2} is all D but too small to count.
    expect(subjects(result.silos, 'organisational-community')).toEqual(['2']);

    const c2 = result.silos.find((f) => f.subject === 'c2')!;
    expect(c2.agencyId).toBe('C');
    expect(c2.evidence).toContain('status: retired');
    const x4 = result.silos.find((f) => f.kind === 'manual-exchange' && f.subject === 'U1--U2')!;
    expect(x4).toMatchObject({ agencyId: 'U1', exchanges: ['x4'] });
    expect(x4.message).toBe('Exchange x4 between Dinas Kesehatan and Bappeda moves data by file transfer, not over an API or the SPLP service bus');
    expect(x4.evidence).toEqual(['mechanism: file', 'direction: 1 U1 → U2', 'applications: a3 → b1']);
    const x2 = result.silos.find((f) => f.kind === 'manual-exchange' && f.subject === 'U1')!;
    expect(x2).toMatchObject({ agencyId: 'U1', exchanges: ['x2'] });
    expect(x2.evidence).toEqual(['mechanism: manual', 'applications: a2 → a3', 'data: patient list']);
    const a1 = result.silos.find((f) => f.subject === 'a1')!;
    expect(a1.evidence).toEqual(['2 exchanges, all with applications of the same agency', 'partners: App a2 (a2), App a3 (a3)']);
  });

  it('counts the findings by kind and the agencies they name, and lists the isolated and internal-only applications', () => {
    // Kinds in order of first finding; internal-only: a1 a2 in U1, b2 b3 in U2, d1 d2 in D; both manual
    // findings (U1, U1--U2) name U1.
    expect(result.findingCounts).toEqual({
      'isolated-agency': { findings: 1, agencies: 1 },
      'organisational-community': { findings: 1, agencies: 1 },
      'isolated-application': { findings: 1, agencies: 1 },
      'internal-only-application': { findings: 6, agencies: 3 },
      'manual-exchange': { findings: 2, agencies: 1 },
    });
    expect(Object.keys(result.findingCounts)).toEqual(['isolated-agency', 'organisational-community', 'isolated-application', 'internal-only-application', 'manual-exchange']);
    expect(result.isolatedApplications).toEqual(['c2']);
    expect(result.internalOnlyApplications).toEqual(['a1', 'a2', 'b2', 'b3', 'd1', 'd2']);
  });

  it('composes the national silo index from its parts', () => {
    // isolation = 1/10 (c2); insularity = 1 − 2/8 (x4, x7 cross); manual = 2/8 (x2, x4);
    // alignment = NMI(communities {b1 b2 b3 c1} {a1 a2 a3} {d1 d2}, agencies) = 0.894618… (see silos-communities.test.ts)
    const { parts, value, weights } = result.siloIndex;
    expect(parts.isolation).toBeCloseTo(0.1, 10);
    expect(parts.insularity).toBeCloseTo(0.75, 10);
    expect(parts.manualExchange).toBeCloseTo(0.25, 10);
    expect(parts.organisationalAlignment).toBeCloseTo(0.8946186330761928, 10);
    expect(weights).toEqual({ isolation: 0.3, insularity: 0.3, organisationalAlignment: 0.2, manualExchange: 0.2 });
    expect(value).toBeCloseTo(0.03 + 0.225 + 0.2 * 0.8946186330761928 + 0.05, 10);
    expect(result.siloIndex.formula).toContain('0.3·isolation + 0.3·insularity + 0.2·organisationalAlignment + 0.2·manualExchange');
  });

  it('lets the caller name shared platforms and reweigh the scores', () => {
    const custom = analyzeSilos(inv, buildGraph(inv), {
      sharedApplication: (a) => (a.id === 'b2' || a.id === 'c1' ? 'SRIKANDI' : undefined),
      weights: { agency: { insularity: 1, closed: 0, isolation: 0, manual: 0 }, index: { isolation: 1, insularity: 0, organisationalAlignment: 0, manualExchange: 0 } },
    });
    const rows = byId(custom.agencies);
    // b1 stays shared (national origin), b2 now too; a1 no longer (the custom rule replaces the category default)
    expect(rows.get('U2')!.sharedPlatformApplications).toBe(2);
    expect(rows.get('U1')!.sharedPlatformApplications).toBe(0);
    expect(rows.get('C')!.sharedPlatformApplications).toBe(1);
    // only insularity counts now: U1 = 1 − 0.25
    expect(rows.get('U1')!.siloScore).toBeCloseTo(0.75, 10);
    expect(custom.siloIndex.value).toBeCloseTo(0.1, 10);
  });

  it('siloIndexOf gives the same index alone, and follows a changed inventory', () => {
    expect(siloIndexOf(inv)).toEqual(result.siloIndex);
    // Automating x2 and x4 removes the manual part: 0.2 · 2/8 = 0.05 less.
    const automated = regencyInventory();
    for (const x of automated.exchanges) if (x.mechanism === 'manual' || x.mechanism === 'file') x.mechanism = 'api';
    const after = siloIndexOf(automated);
    expect(after.parts.manualExchange).toBe(0);
    expect(after.value).toBeCloseTo(result.siloIndex.value - 0.05, 10);
  });
});

describe('manual-exchange findings', () => {
  /**
   * Agencies A (a1, a2, a3) and B (b1): m1 a1→b1 manual "Data X", m2 b1→a2 file "Data Y", m3 a1→b1 file
   * "Data X", and x9 a3→b1 by API, which is not a finding.
   */
  const inv = inventory({
    agencies: [agency('B', 'central'), agency('A', 'central')],
    applications: [app('a1', 'A'), app('a2', 'A'), app('a3', 'A'), app('b1', 'B')],
    exchanges: [
      exchange('m1', 'a1', 'b1', 'manual', 'Data X'),
      exchange('m2', 'b1', 'a2', 'file', 'Data Y'),
      exchange('x9', 'a3', 'b1', 'api'),
      exchange('m3', 'a1', 'b1', 'file', 'Data X'),
    ],
  });
  const graph = buildGraph(inv);

  it('gathers the exchanges of one agency pair, both ways, into one finding with every exchange id', () => {
    const findings = analyzeSilos(inv, graph).silos.filter((f) => f.kind === 'manual-exchange');
    expect(findings).toEqual([
      {
        kind: 'manual-exchange',
        subject: 'A--B',
        // A sends two of the three.
        agencyId: 'A',
        message: '3 exchanges between Agency A and Agency B move data by file or by hand, not over an API or the SPLP service bus',
        evidence: ['mechanisms: 1 manual, 2 file', 'direction: 2 A → B, 1 B → A', 'applications: a1 → b1 (2), b1 → a2', 'data: Data X; Data Y'],
        exchanges: ['m1', 'm2', 'm3'],
      },
    ]);
  });

  it('shows the first few application pairs and data and counts the rest', () => {
    const [finding] = findManualExchanges(inv, graph.index, namesOf(inv), 1);
    expect(finding!.evidence.slice(2)).toEqual(['applications: a1 → b1 (2) and 1 more', 'data: Data X and 1 more']);
    expect(finding!.exchanges).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('analyzeSilos edge cases', () => {
  it('a government whose units only talk among themselves is an isolated agency and an organisational community', () => {
    // City K with units K1 (p, q) and K2 (r, s), all four exchanging with each other (a K4): nothing leaves K.
    const inv = inventory({
      agencies: [agency('K', 'city', undefined, 'Kota K'), agency('K1', 'unit', 'K'), agency('K2', 'unit', 'K')],
      applications: [app('p', 'K1'), app('q', 'K1'), app('r', 'K2'), app('s', 'K2')],
      exchanges: [exchange('e1', 'p', 'q', 'api'), exchange('e2', 'q', 'r', 'api'), exchange('e3', 'r', 's', 'api'), exchange('e4', 's', 'p', 'api'), exchange('e5', 'p', 'r', 'api'), exchange('e6', 'q', 's', 'api')],
    });
    const result = analyzeSilos(inv, buildGraph(inv));
    // K1 and K2 each reach the other unit: not isolated as agencies; K as a government is.
    const isolated = result.silos.filter((f) => f.kind === 'isolated-agency');
    expect(isolated.map((f) => f.subject)).toEqual(['K']);
    expect(isolated[0]!.message).toContain('with its 2 units');
    // One community of 4: half K1, half K2 (tie → K1), all of K.
    expect(result.communities).toEqual([
      expect.objectContaining({ id: 1, applications: 4, agencies: 2, dominantAgencyId: 'K1', dominantAgencyShare: 0.5, dominantGovernmentId: 'K', dominantGovernmentShare: 1 }),
    ]);
    const organisational = result.silos.filter((f) => f.kind === 'organisational-community');
    expect(organisational).toHaveLength(1);
    expect(organisational[0]).toMatchObject({ subject: '1', agencyId: 'K' });
    expect(organisational[0]!.message).toContain('integration stops at the government border');
    // A single community against two agencies: H(community) = 0, so I = 0 and NMI = 0; against one government NMI = 1.
    expect(result.alignment).toEqual({ agency: 0, government: 1 });
  });

  it('an inventory where nothing exchanges is fully siloed; an empty one scores 0', () => {
    const lonely = inventory({ agencies: [agency('A', 'central')], applications: [app('p', 'A'), app('q', 'A')] });
    const result = analyzeSilos(lonely, buildGraph(lonely));
    expect(result.siloIndex.parts).toEqual({ isolation: 1, insularity: 1, organisationalAlignment: 1, manualExchange: 1 });
    expect(result.siloIndex.value).toBeCloseTo(1, 10);
    expect(result.agencies[0]!.siloScore).toBeCloseTo(1, 10);
    expect(result.communities).toEqual([]);
    expect(result.applicationCommunity.size).toBe(0);
    expect(result.alignment).toEqual({ agency: undefined, government: undefined });
    expect(result.structure).toMatchObject({ components: 0, largestComponent: 0, bridges: [], articulationPoints: [] });
    // No exchange listed at all: the value stays the formula's, but it is marked as not measured.
    expect(result.siloIndex.measured).toBe(false);
    expect(result.siloIndex.note).toMatch(/no data exchanges/);
    expect(siloIndexOf(lonely)).toMatchObject({ measured: false, value: result.siloIndex.value });

    const empty = inventory({});
    const none = analyzeSilos(empty, buildGraph(empty));
    expect(none.siloIndex.value).toBe(0);
    expect(none.agencies).toEqual([]);
    expect(none.silos).toEqual([]);
  });

  it('an inventory that lists exchanges is measured, even when none of them can be used', () => {
    expect(analyzeSilos(regencyInventory(), buildGraph(regencyInventory())).siloIndex).toMatchObject({ measured: true });
    expect(siloIndexOf(regencyInventory()).note).toBeUndefined();
    // The one exchange names an application the inventory lacks: it is dropped, but exchanges were recorded.
    const dangling = inventory({ agencies: [agency('A', 'central')], applications: [app('p', 'A'), app('q', 'A')], exchanges: [exchange('x1', 'p', 'ghost')] });
    const result = analyzeSilos(dangling, buildGraph(dangling));
    expect(result.siloIndex).toMatchObject({ measured: true, value: 1 });
    expect(result.siloIndex.note).toBeUndefined();
  });

    it('rejects weights that cannot form a score', () => {
    const inv = regencyInventory();
    const g = buildGraph(inv);
    expect(() => analyzeSilos(inv, g, { weights: { index: { isolation: -1 } } })).toThrow(/must be a finite number/);
    expect(() => analyzeSilos(inv, g, { weights: { agency: { insularity: 0, closed: 0, isolation: 0, manual: 0 } } })).toThrow(/all 0/);
  });
});
