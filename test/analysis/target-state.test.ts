import { describe, it, expect } from 'vitest';
import { applyRecommendations, simulateTargetState } from '../../src/analysis/target-state.js';
import { analyzeSpend } from '../../src/analysis/spend.js';
import { recommend } from '../../src/analysis/recommend.js';
import type { Dataset, DuplicateCluster, Inventory, Recommendation } from '../../src/types.js';
import { app, x, cluster } from './builders.js';

const M = 1_000_000;

function rec(id: string, kind: Recommendation['kind'], applications: string[], extra: Partial<Recommendation> = {}): Recommendation {
  return {
    id,
    kind,
    title: id,
    applications,
    agencies: [],
    estimatedAnnualSavings: { low: 0, expected: 0, high: 0 },
    effort: 'low',
    priority: 1,
    wave: 1,
    rationale: [],
    ...extra,
  };
}

/** The silo-index callback under test: the share of applications that exchange with nothing. */
function isolatedShare(inv: Inventory): number {
  if (inv.applications.length === 0) return 0;
  const linked = new Set(inv.exchanges.flatMap((e) => [e.sourceId, e.targetId]));
  return inv.applications.filter((a) => !linked.has(a.id)).length / inv.applications.length;
}

/**
 * Agencies A and B. k (A, 100 M) keeps Dk; m (B, 60 M) keeps Dm and moves onto k; r (A, retired, 10 M);
 * s (B, 20 M) isolated, keeps D1 whose master is c (A, 30 M); o (B, 40 M).
 * Exchanges: x1 m→o manual, x2 o→k api, x3 m→k file, x4 r→o api, x5 k→o api, x6 c→o manual.
 */
function fixture(): { inv: Inventory; clusters: DuplicateCluster[] } {
  const datasets: Dataset[] = [{ id: 'D1', name: 'Data 1', stewardAgencyId: 'A', properties: {} }];
  const inv: Inventory = {
    source: { path: 'test', format: 'json' },
    agencies: [
      { id: 'A', name: 'A', level: 'regency', properties: {} },
      { id: 'B', name: 'B', level: 'regency', properties: {} },
    ],
    applications: [
      app('k', 'A', { annualCost: 100 * M, datasets: ['Dk'] }),
      app('m', 'B', { annualCost: 60 * M, datasets: ['Dm'] }),
      app('r', 'A', { annualCost: 10 * M, status: 'retired' }),
      app('s', 'B', { annualCost: 20 * M, datasets: ['D1'] }),
      app('c', 'A', { annualCost: 30 * M, datasets: ['D1'] }),
      app('o', 'B', { annualCost: 40 * M }),
    ],
    exchanges: [
      x('x1', 'm', 'o', 'manual'),
      x('x2', 'o', 'k', 'api'),
      x('x3', 'm', 'k', 'file'),
      x('x4', 'r', 'o', 'api'),
      x('x5', 'k', 'o', 'api'),
      x('x6', 'c', 'o', 'manual'),
    ],
    datasets,
    warnings: [],
  };
  return { inv, clusters: [cluster('cl1', ['k', 'm'], 'k'), cluster('cl2', ['c', 'o'], 'c')] };
}

const handMade = [
  rec('rec-consolidate', 'consolidate', ['k', 'm'], { target: 'k', clusterId: 'cl1' }),
  rec('rec-retire', 'retire', ['r']),
  rec('rec-bus', 'integrate', ['m', 'o'], { exchanges: ['x1'] }),
  rec('rec-master', 'integrate', ['c', 's'], { target: 'c' }),
];

describe('applyRecommendations', () => {
  it('removes, rewires, merges and converts on a copy', () => {
    const { inv } = fixture();
    const snapshot = JSON.stringify(inv);
    const applied = applyRecommendations(inv, handMade);
    expect(JSON.stringify(inv)).toBe(snapshot);

    expect(applied.inventory.applications.map((a) => a.id)).toEqual(['k', 's', 'c', 'o']);
    expect([...applied.removed]).toEqual([
      ['m', { by: 'rec-consolidate', successor: 'k' }],
      ['r', { by: 'rec-retire' }],
    ]);
    // x1 m→o becomes k→o over the bus; x3 m→k becomes a self-loop; x4 goes with r; x5 k→o repeats x1 and
    // merges into it (service_bus outranks api); x6 stays manual; c→s is new.
    expect(applied.inventory.exchanges.map((e) => [e.id, e.sourceId, e.targetId, e.mechanism])).toEqual([
      ['x1', 'k', 'o', 'service_bus'],
      ['x2', 'o', 'k', 'api'],
      ['x6', 'c', 'o', 'manual'],
      ['rec-master:s', 'c', 's', 'service_bus'],
    ]);
    expect(applied).toMatchObject({ convertedExchanges: 1, addedExchanges: 1, droppedExchanges: 3 });
    expect(applied.inventory.applications.find((a) => a.id === 'k')!.datasets).toEqual(['Dk', 'Dm']);
  });

  it('keeps the most automated mechanism when exchanges merge', () => {
    const { inv } = fixture();
    // Without the bus recommendation, x1 (manual) comes first and x5 (api) merges into it: api wins.
    const applied = applyRecommendations(inv, [handMade[0]!]);
    expect(applied.inventory.exchanges.find((e) => e.id === 'x1')).toMatchObject({ sourceId: 'k', targetId: 'o', mechanism: 'api' });
  });
});

describe('simulateTargetState', () => {
  it('reports before and after metrics worked out by hand', () => {
    const { inv, clusters } = fixture();
    const costs = new Map(inv.applications.map((a) => [a.id, { annualCost: a.annualCost! }]));
    const state = simulateTargetState(inv, clusters, handMade, isolatedShare, { costs });
    // Before: 6 applications, 260 M, 2 clusters, s isolated (1/6), automated x2, x4, x5 of 6 = 0.5.
    expect(state.before).toEqual({ applications: 6, annualCost: 260 * M, duplicateClusters: 2, siloIndex: 1 / 6, automatedExchangeShare: 0.5 });
    // After: k, s, c, o; 260 − 60 (m) − 10 (r) + 10 % × 60 (k absorbs m) = 196 M; cl1 keeps only k, cl2 keeps
    // c and o: 1 cluster; nobody isolated; automated x1, x2, c→s of 4 = 0.75.
    expect(state.after).toEqual({ applications: 4, annualCost: 196 * M, duplicateClusters: 1, siloIndex: 0, automatedExchangeShare: 0.75 });
    expect(state.assumptions.some((line) => line.includes('rewired to the keeper'))).toBe(true);
    expect(state.assumptions.some((line) => line.includes('10 %'))).toBe(true);
  });

  it('gives the same state when the silo index answers later (computed on another thread)', async () => {
    const { inv, clusters } = fixture();
    const costs = new Map(inv.applications.map((a) => [a.id, { annualCost: a.annualCost! }]));
    const later = simulateTargetState(inv, clusters, handMade, (i) => new Promise<number>((done) => setTimeout(() => done(isolatedShare(i)), 5)), { costs });
    expect(later).toBeInstanceOf(Promise);
    const now = simulateTargetState(inv, clusters, handMade, isolatedShare, { costs });
    const state = await later;
    expect(state).toEqual(now);
    // The metrics keep the contract's field order whichever way the index arrived.
    expect(Object.keys(state.after)).toEqual(['applications', 'annualCost', 'duplicateClusters', 'siloIndex', 'automatedExchangeShare']);
    expect(JSON.stringify(state)).toBe(JSON.stringify(now));
  });

  it('takes given before-facts as they are and prices the after-state from them', () => {
    const { inv, clusters } = fixture();
    const costs = new Map(inv.applications.map((a) => [a.id, { annualCost: a.annualCost! }]));
    const state = simulateTargetState(inv, clusters, handMade, isolatedShare, { costs, siloIndex: 0.9, annualCost: 1000 * M });
    expect(state.before.siloIndex).toBe(0.9);
    expect(state.after.annualCost).toBe((1000 - 60 - 10 + 6) * M);
  });

  it('counts instances of one shared platform as one system after adoption', () => {
    const inv: Inventory = {
      ...fixture().inv,
      applications: [app('p1', 'A'), app('p2', 'B'), app('l1', 'B', { annualCost: 50 * M })],
      exchanges: [],
    };
    const shared = new Map([
      ['p1', 'SRIKANDI'],
      ['p2', 'SRIKANDI'],
    ]);
    const clusters = [cluster('cl', ['p1', 'p2', 'l1'], 'p1', { sharedPlatform: 'SRIKANDI' })];
    const recs = [rec('rec-adopt', 'adopt-common', ['p1', 'l1'], { target: 'p1', clusterId: 'cl' })];
    const state = simulateTargetState(inv, clusters, recs, isolatedShare, { sharedPlatformOf: shared });
    expect(state.before.duplicateClusters).toBe(1);
    expect(state.after.duplicateClusters).toBe(0);
    expect(state.after.applications).toBe(2);
  });

  it('agrees with the spend and recommendation stages on a full run', () => {
    const { inv } = fixture();
    const clusters = [cluster('cl1', ['k', 'm'], 'k')];
    const spend = analyzeSpend(inv, clusters, new Map());
    const { recommendations } = recommend(inv, spend.clusters, { isolatedApps: new Set(['s']), internalOnlyApps: new Set(), costs: spend.costs });
    expect(recommendations.map((r) => r.id).sort()).toEqual([
      'rec-consolidate-cl1',
      // x6 c→o (A sends to its peer B) under A; x1 inside B and x3 m→k (B sends) under B.
      'rec-integrate-exchanges-A',
      'rec-integrate-exchanges-B',
      'rec-integrate-master-c',
      'rec-retire-A',
    ]);
    const state = simulateTargetState(inv, spend.clusters, recommendations, isolatedShare, {
      costs: spend.costs,
      annualCost: spend.totals.totalAnnualCost,
    });
    // All manual and file exchanges are on the bus, x3 is a self-loop, x4 went with r, x5 merged into x1,
    // and c→s is new: x1, x2, x6 and c→s, all automated.
    expect(state.after).toEqual({ applications: 4, annualCost: 196 * M, duplicateClusters: 0, siloIndex: 0, automatedExchangeShare: 1 });
  });
});
