import { describe, it, expect } from 'vitest';
import { analyzeSpend, estimateCosts, formatNumber, formatRupiah, planClusters } from '../../src/analysis/spend.js';
import { DEFAULT_ASSUMPTIONS, resolveAssumptions } from '../../src/analysis/assumptions.js';
import { InputError } from '../../src/errors.js';
import type { Agency, Application, DuplicateCluster, Inventory } from '../../src/types.js';
import { agency, app, cluster } from './builders.js';

const M = 1_000_000;

function inventory(agencies: Agency[], applications: Application[]): Inventory {
  return { source: { path: 'test', format: 'json' }, agencies, applications, exchanges: [], datasets: [], warnings: [] };
}

const functionsOf = (inv: Inventory) => new Map(inv.applications.map((a) => [a.id, a.function]));

describe('estimateCosts', () => {
  // Known non-zero costs: F = [100, 200, 700] M; G = [1000, 50] M (2 < 3, too few); K = [300] M.
  // Regency level (R1, R2): a1 100, a2 200, a3 700, b1 1000, e1 300 → sorted 100 200 300 700 1000 → 300 M.
  // Inventory: those five + d1 50 (unit) → 50 100 200 300 700 1000 → (200 + 300) / 2 = 250 M.
  // z1's given 0 and retired r2's 5 M are kept but left out of the medians (with them F would be 150 M).
  const inv = inventory(
    [agency('C', 'central'), agency('R1', 'regency'), agency('R2', 'regency'), agency('U1', 'unit')],
    [
      app('a1', 'R1', { function: 'F', annualCost: 100 * M }),
      app('a2', 'R2', { function: 'F', annualCost: 200 * M }),
      app('a3', 'R2', { function: 'F', annualCost: 700 * M }),
      app('a4', 'R1', { function: 'F' }),
      app('b1', 'R1', { function: 'G', annualCost: 1000 * M }),
      app('b2', 'R1', { function: 'G' }),
      app('d1', 'U1', { function: 'G', annualCost: 50 * M }),
      app('e1', 'R2', { function: 'K', annualCost: 300 * M }),
      app('c1', 'C', { function: 'H' }),
      app('n1', 'R1', { function: 'F', origin: 'national' }),
      app('n2', 'C', { function: 'H', origin: 'national' }),
      app('s1', 'U1', { function: 'F' }),
      app('r1', 'R1', { function: 'F', status: 'retired' }),
      app('r2', 'R1', { function: 'F', status: 'retired', annualCost: 5 * M }),
      app('z1', 'U1', { annualCost: 0 }),
    ],
  );
  const costs = estimateCosts(inv, functionsOf(inv), DEFAULT_ASSUMPTIONS, new Map([['s1', 'SRIKANDI']]));

  it('keeps given costs, zero included, as not estimated', () => {
    expect(costs.get('a1')).toEqual({ annualCost: 100 * M, estimated: false, basis: 'given' });
    expect(costs.get('z1')).toEqual({ annualCost: 0, estimated: false, basis: 'given' });
    expect(costs.get('r2')).toEqual({ annualCost: 5 * M, estimated: false, basis: 'given' });
  });

  it('estimates from the function median, then the level median, then the inventory median', () => {
    expect(costs.get('a4')).toMatchObject({ annualCost: 200 * M, estimated: true });
    expect(costs.get('a4')!.basis).toContain('function F');
    expect(costs.get('b2')).toMatchObject({ annualCost: 300 * M, estimated: true });
    expect(costs.get('b2')!.basis).toContain('regency');
    expect(costs.get('c1')).toMatchObject({ annualCost: 250 * M, estimated: true });
    expect(costs.get('c1')!.basis).toContain('inventory');
  });

  it('prices a national platform instance at ~0 for a local agency but not for a central one', () => {
    expect(costs.get('n1')).toMatchObject({ annualCost: 0, estimated: true });
    expect(costs.get('s1')).toMatchObject({ annualCost: 0, estimated: true });
    expect(costs.get('s1')!.basis).toContain('SRIKANDI');
    // Central: may be the platform owner, so the ordinary estimate (inventory median) applies.
    expect(costs.get('n2')).toMatchObject({ annualCost: 250 * M, estimated: true });
  });

  it('assumes no running cost for a retired application without a cost, flagged', () => {
    expect(costs.get('r1')).toMatchObject({ annualCost: 0, estimated: true });
    expect(costs.get('r1')!.basis).toContain('retired');
  });

  it('uses a smaller sample when minKnownCostsForMedian allows it', () => {
    const loose = estimateCosts(inv, functionsOf(inv), resolveAssumptions({ minKnownCostsForMedian: 2 }));
    // G = [1000, 50] → (50 + 1000) / 2 = 525 M.
    expect(loose.get('b2')).toMatchObject({ annualCost: 525 * M, estimated: true });
  });

  it('falls back to the documented default when the inventory has too few costs', () => {
    const sparse = inventory([agency('R1', 'regency')], [app('a', 'R1', { annualCost: 10 * M }), app('b', 'R1')]);
    expect(estimateCosts(sparse, new Map(), DEFAULT_ASSUMPTIONS).get('b')).toMatchObject({ annualCost: 100 * M, estimated: true });
    expect(estimateCosts(sparse, new Map(), resolveAssumptions({ fallbackAnnualCost: 42 })).get('b')!.annualCost).toBe(42);
  });

  it('rounds a given cost to whole rupiah once', () => {
    const inv2 = inventory([agency('R1', 'regency')], [app('a', 'R1', { annualCost: 1234.5 }), app('b', 'R1', { annualCost: 99.4 })]);
    const c = estimateCosts(inv2, new Map(), DEFAULT_ASSUMPTIONS);
    expect(c.get('a')!.annualCost).toBe(1235);
    expect(c.get('b')!.annualCost).toBe(99);
  });

  it('gives a repeated id the given cost of its last record that has one', () => {
    // x: 10 M, then no cost → 10 M given; y: no cost, then 20 M → 20 M given. One entry per id.
    const repeated = inventory(
      [agency('R1', 'regency')],
      [app('x', 'R1', { annualCost: 10 * M }), app('y', 'R1'), app('x', 'R1'), app('y', 'R1', { annualCost: 20 * M })],
    );
    const c = estimateCosts(repeated, new Map(), DEFAULT_ASSUMPTIONS);
    expect(c.size).toBe(2);
    expect(c.get('x')).toEqual({ annualCost: 10 * M, estimated: false, basis: 'given' });
    expect(c.get('y')).toEqual({ annualCost: 20 * M, estimated: false, basis: 'given' });
  });
});

describe('analyzeSpend', () => {
  // k 500 M, m1 300 M, m2 200 M: total 1000 M; keeper k stays, redundant = 500 M.
  // Savings = redundant × (1 − migration ÷ 3 − absorption):
  //   low      1 − 1.5/3 − 0.2 = 0.3       → 150,000,000
  //   expected 1 − 1/3  − 0.1  = 0.5666…   → 283,333,333
  //   high     1 − 0.5/3 − 0   = 0.8333…   → 416,666,667
  // Shared-platform cluster: p1 (keeper, SRIKANDI at U1, no cost → 0), p2 (SRIKANDI at U2, given 10 M),
  // l1 120 M, l2 80 M: total 210 M; p1 and p2 stay (one platform), redundant = 200 M.
  //   low 60,000,000; expected 113,333,333; high 166,666,667.
  const inv = inventory(
    [agency('R', 'regency'), agency('U1', 'unit'), agency('U2', 'unit')],
    [
      app('k', 'R', { annualCost: 500 * M }),
      app('m1', 'U1', { annualCost: 300 * M }),
      app('m2', 'U2', { annualCost: 200 * M }),
      app('p1', 'U1'),
      app('p2', 'U2', { annualCost: 10 * M }),
      app('l1', 'U1', { annualCost: 120 * M }),
      app('l2', 'U2', { annualCost: 80 * M }),
      app('o', 'R'),
    ],
  );
  const shared = new Map([
    ['p1', 'SRIKANDI'],
    ['p2', 'SRIKANDI'],
  ]);
  const clusters = [cluster('dup-1', ['k', 'm1', 'm2'], 'k'), cluster('dup-2', ['p1', 'p2', 'l1', 'l2'], 'p1', { sharedPlatform: 'SRIKANDI' })];
  const result = analyzeSpend(inv, clusters, functionsOf(inv), {}, shared);

  it("excludes the keeper's cost from the redundant cost", () => {
    const [c1] = result.clusters;
    expect(c1!.totalAnnualCost).toBe(1000 * M);
    expect(c1!.redundantAnnualCost).toBe(500 * M);
    expect(c1!.estimatedAnnualSavings).toEqual({ low: 150_000_000, expected: 283_333_333, high: 416_666_667 });
    // With the cheapest member as keeper, the other 800 M are redundant.
    const other = analyzeSpend(inv, [cluster('dup-1', ['k', 'm1', 'm2'], 'm2')], functionsOf(inv));
    expect(other.clusters[0]!.redundantAnnualCost).toBe(800 * M);
  });

  it('keeps every instance of the adopted shared platform', () => {
    const c2 = result.clusters[1]!;
    expect(c2.totalAnnualCost).toBe(210 * M);
    expect(c2.redundantAnnualCost).toBe(200 * M);
    expect(c2.estimatedAnnualSavings).toEqual({ low: 60_000_000, expected: 113_333_333, high: 166_666_667 });
  });

  it('adds up the totals exactly from the clusters, and the inventory total from every application', () => {
    // o has no cost and no usable median (3 known at regency level? only k) → inventory median:
    // known non-zero 500, 300, 200, 10, 120, 80 → sorted 10 80 120 200 300 500 → (120 + 200)/2 = 160 M.
    expect(result.costs.get('o')).toMatchObject({ annualCost: 160 * M, estimated: true });
    expect(result.totals.totalAnnualCost).toBe((500 + 300 + 200 + 0 + 10 + 120 + 80 + 160) * M);
    expect(result.totals.estimatedCostApplications).toBe(2); // p1 and o
    expect(result.totals.duplicateAnnualCost).toBe(1210 * M);
    expect(result.totals.redundantAnnualCost).toBe(700 * M);
    expect(result.totals.estimatedAnnualSavings).toEqual({
      low: 150_000_000 + 60_000_000,
      expected: 283_333_333 + 113_333_333,
      high: 416_666_667 + 166_666_667,
    });
  });

  it('leaves the input clusters untouched and appends cost evidence', () => {
    expect(clusters[0]!.totalAnnualCost).toBe(0);
    expect(result.clusters[0]!.evidence.filter((e) => e.kind === 'cost').length).toBeGreaterThanOrEqual(3);
    expect(result.clusters[0]!.evidence.some((e) => e.detail.includes('redundant Rp 500,000,000'))).toBe(true);
  });

  it('keeps exact integer totals, ordered non-negative savings, on awkward amounts', () => {
    // Odd amounts: every per-cluster figure rounds differently; the totals must still be the exact sums.
    const costs = [333_333_333, 1, 7, 999_999_999, 12_345_678.9, 2, 3, 123_456_789.49];
    const apps = costs.map((c, i) => app(`x${i}`, 'R', { annualCost: c }));
    const inv2 = inventory([agency('R', 'regency')], apps);
    const cl = [cluster('a', ['x0', 'x1'], 'x1'), cluster('b', ['x2', 'x3', 'x4'], 'x2'), cluster('c', ['x5', 'x6', 'x7'], 'x7')];
    const r = analyzeSpend(inv2, cl, new Map());
    const sum = (f: (c: DuplicateCluster) => number) => r.clusters.reduce((s, c) => s + f(c), 0);
    expect(r.totals.redundantAnnualCost).toBe(sum((c) => c.redundantAnnualCost));
    expect(r.totals.estimatedAnnualSavings.low).toBe(sum((c) => c.estimatedAnnualSavings.low));
    expect(r.totals.estimatedAnnualSavings.expected).toBe(sum((c) => c.estimatedAnnualSavings.expected));
    expect(r.totals.estimatedAnnualSavings.high).toBe(sum((c) => c.estimatedAnnualSavings.high));
    // x4 rounds once to 12,345,679: redundant(b) = 999,999,999 + 12,345,679.
    expect(r.clusters[1]!.redundantAnnualCost).toBe(1_012_345_678);
    for (const c of r.clusters) {
      expect(Number.isInteger(c.totalAnnualCost) && Number.isInteger(c.redundantAnnualCost)).toBe(true);
      const s = c.estimatedAnnualSavings;
      expect(0 <= s.low && s.low <= s.expected && s.expected <= s.high).toBe(true);
      expect(Number.isInteger(s.low) && Number.isInteger(s.expected) && Number.isInteger(s.high)).toBe(true);
    }
  });

  it('never reports negative savings when migration costs exceed the horizon', () => {
    // Migration 6× a year's cost over 3 years costs 2 years a year: the low case is clamped at 0.
    const r = analyzeSpend(inv, [clusters[0]!], functionsOf(inv), { migrationCostFactor: { low: 0.5, expected: 1, high: 6 } });
    expect(r.clusters[0]!.estimatedAnnualSavings).toEqual({ low: 0, expected: 283_333_333, high: 416_666_667 });
  });

  it('counts an application found in two clusters as redundant once', () => {
    const r = analyzeSpend(inv, [cluster('a', ['k', 'm1'], 'k'), cluster('b', ['m2', 'm1'], 'm2')], functionsOf(inv));
    expect(r.clusters.map((c) => c.redundantAnnualCost)).toEqual([300 * M, 0]);
    expect(r.totals.redundantAnnualCost).toBe(300 * M);
    expect(planClusters([cluster('a', ['k', 'm1'], 'k'), cluster('b', ['m2', 'm1'], 'm2')], new Map())[1]!.skipped).toEqual([
      { id: 'm1', reason: 'already moves in an earlier cluster' },
    ]);
  });

  it('rejects a cluster whose keeper is not a member, and invalid assumptions', () => {
    expect(() => analyzeSpend(inv, [cluster('bad', ['m1', 'm2'], 'k')], new Map())).toThrow(/keeper k/);
    expect(() => analyzeSpend(inv, [], new Map(), { migrationCostFactor: { low: 2, expected: 1, high: 1.5 } })).toThrow(InputError);
  });
});

describe('formatNumber', () => {
  it('rounds and groups thousands as toLocaleString("en-US") does', () => {
    const values = [0, -0.4, 0.5, 7, 999, 1000, -1234.5, 123456, 1234567, 9007199254740993, 1e20, 1e21, -2.5e22, NaN, Infinity];
    // Groups with leading zeros, and the largest safe integer (the arithmetic grouping's limit).
    values.push(1001, 1010, 1100, 1000001, -1000010, 4825073250000, 9007199254740991);
    for (const v of values) expect(formatNumber(v)).toBe(Math.round(v).toLocaleString('en-US'));
    expect(formatNumber(1234567.4)).toBe('1,234,567');
    expect(formatRupiah(-1500000)).toBe('Rp -1,500,000');
  });
});
