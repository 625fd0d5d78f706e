import { describe, it, expect } from 'vitest';
import { recommend, type RecommendFacts } from '../../src/analysis/recommend.js';
import { analyzeSpend } from '../../src/analysis/spend.js';
import type { Agency, Application, Dataset, DuplicateCluster, Exchange, Inventory } from '../../src/types.js';
import { agency, app, x, cluster } from './builders.js';

const M = 1_000_000;

function dataset(id: string, stewardAgencyId?: string): Dataset {
  return { id, name: `Dataset ${id}`, stewardAgencyId, properties: {} };
}

function inventory(agencies: Agency[], applications: Application[], exchanges: Exchange[], datasets: Dataset[] = []): Inventory {
  return { source: { path: 'test', format: 'json' }, agencies, applications, exchanges, datasets, warnings: [] };
}

/**
 * One regency K with units U1, U2; a province P; a central agency C.
 *   cluster X (no platform): keeper x1; x2, x3 move; x4 (retired) moves too.
 *   cluster Y (SRIKANDI): keeper y1, y2 is another SRIKANDI instance and stays, local y3 moves.
 *   cluster Z (SIPD): z1, z2 are both instances: nothing to move, no recommendation.
 *   r1 retired (40 M), r2 0 users and no exchange (20 M), r3 0 users but one exchange: only r1, r2 retire.
 *   m1 (U1) ⇄ m2 (P) by manual e1 and file e2; e4 manual from retired r1 is left out.
 *   D1 stewarded by C and kept by c1 (its master). s1 (isolated) and s2 (internal-only) keep D1: connect
 *   them to c1. s3 keeps D1 but exchanges across agencies: not siloed. s5 keeps D1 and already exchanges
 *   with c1. D2 (no steward) kept by q1 and q2: designate a master (q1, one exchange vs none).
 *   D3 kept by x1 and x2: x2 moves onto x1, one holder remains, no share-data. D4 has a single holder.
 */
function fixture() {
  const inv = inventory(
    [agency('K', 'regency'), agency('U1', 'unit', 'K'), agency('U2', 'unit', 'K'), agency('P', 'province'), agency('C', 'central')],
    [
      app('x1', 'U1', { annualCost: 300 * M, datasets: ['D3'] }),
      app('x2', 'U2', { annualCost: 200 * M, datasets: ['D3'] }),
      app('x3', 'P', { annualCost: 100 * M }),
      app('x4', 'U1', { status: 'retired' }),
      app('y1', 'U1'),
      app('y2', 'U2'),
      app('y3', 'U2', { annualCost: 150 * M }),
      app('z1', 'U1'),
      app('z2', 'U2'),
      app('r1', 'U1', { status: 'retired', annualCost: 40 * M }),
      app('r2', 'U2', { users: 0, annualCost: 20 * M }),
      app('r3', 'U2', { users: 0, annualCost: 20 * M }),
      app('m1', 'U1', { annualCost: 10 * M }),
      app('m2', 'P', { annualCost: 10 * M }),
      app('c1', 'C', { annualCost: 10 * M, datasets: ['D1'] }),
      app('s1', 'U1', { annualCost: 10 * M, datasets: ['D1'] }),
      app('s2', 'U2', { annualCost: 10 * M, datasets: ['D1'] }),
      app('s3', 'P', { annualCost: 10 * M, datasets: ['D1'] }),
      app('s5', 'C', { annualCost: 10 * M, datasets: ['D1'] }),
      app('q1', 'U1', { annualCost: 10 * M, datasets: ['D2'] }),
      app('q2', 'P', { annualCost: 10 * M, datasets: ['D2'] }),
      app('u1', 'U1', { annualCost: 10 * M }),
      app('d4', 'U1', { annualCost: 10 * M, datasets: ['D4'] }),
    ],
    [
      x('e1', 'm1', 'm2', 'manual'),
      x('e2', 'm2', 'm1', 'file'),
      x('e3', 'm1', 'x1', 'api'),
      x('e4', 'r1', 'm1', 'manual'),
      x('e5', 's2', 'r3', 'api'),
      x('e6', 's3', 'm2', 'api'),
      x('e7', 'q1', 'm2', 'api'),
      x('e8', 's5', 'c1', 'api'),
    ],
    [dataset('D1', 'C'), dataset('D2'), dataset('D3'), dataset('D4')],
  );
  const sharedPlatformOf = new Map([
    ['y1', 'SRIKANDI'],
    ['y2', 'SRIKANDI'],
    ['z1', 'SIPD'],
    ['z2', 'SIPD'],
  ]);
  const clusters = [
    cluster('X', ['x1', 'x2', 'x3', 'x4'], 'x1'),
    cluster('Y', ['y1', 'y2', 'y3'], 'y1', { sharedPlatform: 'SRIKANDI', confidence: 0.8 }),
    cluster('Z', ['z1', 'z2'], 'z1', { sharedPlatform: 'SIPD' }),
  ];
  const spend = analyzeSpend(inv, clusters, new Map(), {}, sharedPlatformOf);
  const withExchange = new Set(inv.exchanges.flatMap((e) => [e.sourceId, e.targetId]));
  const facts: RecommendFacts = {
    isolatedApps: new Set(inv.applications.map((a) => a.id).filter((id) => !withExchange.has(id))),
    // s2–r3 inside U2, s5–c1 inside C.
    internalOnlyApps: new Set(['s2', 'r3', 's5', 'c1']),
    sharedPlatformOf,
    costs: spend.costs,
  };
  return { inv, spend, facts, result: recommend(inv, spend.clusters, facts) };
}

describe('recommend: rules', () => {
  const { result } = fixture();
  const byId = new Map(result.recommendations.map((r) => [r.id, r]));

  it('produces exactly the recommendations the rules call for', () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        'rec-adopt-Y',
        'rec-consolidate-X',
        'rec-integrate-exchanges-P',
        'rec-integrate-master-c1',
        'rec-retire-U1',
        'rec-retire-U2',
        'rec-share-D2',
      ].sort(),
    );
  });

  it('consolidates a cluster without a shared platform onto its keeper, retired member included', () => {
    const r = byId.get('rec-consolidate-X')!;
    expect(r).toMatchObject({ kind: 'consolidate', clusterId: 'X', target: 'x1', applications: ['x1', 'x2', 'x3', 'x4'], agencies: ['P', 'U1', 'U2'] });
    // Redundant 200 + 100 + 0 (x4 retired, no cost) = 300 M → 90 / 170 / 250 M.
    expect(r.estimatedAnnualSavings).toEqual({ low: 90 * M, expected: 170 * M, high: 250 * M });
    // 3 moved + 2 × 2 extra agencies + 0 exchanges = 7 points → medium.
    expect(r.effort).toBe('medium');
    expect(r.rationale.some((line) => line.includes('duplicate cluster X'))).toBe(true);
  });

  it('adopts the shared platform, leaving its other instances alone', () => {
    const r = byId.get('rec-adopt-Y')!;
    expect(r).toMatchObject({ kind: 'adopt-common', target: 'y1', applications: ['y1', 'y3'], agencies: ['U1', 'U2'], effort: 'low' });
    expect(r.estimatedAnnualSavings).toEqual({ low: 45 * M, expected: 85 * M, high: 125 * M });
    expect(r.title).toContain('SRIKANDI');
  });

  it('makes no cluster recommendation when every member is an instance of the platform', () => {
    expect(result.recommendations.some((r) => r.clusterId === 'Z')).toBe(false);
  });

  it('retires retired and unused applications, not used ones with 0 users or cluster members', () => {
    expect(byId.get('rec-retire-U1')!.applications).toEqual(['r1']);
    expect(byId.get('rec-retire-U2')!.applications).toEqual(['r2']);
    // 40 M less decommissioning 0.1 / 0.25 / 0.5 of a year over 3 years.
    expect(byId.get('rec-retire-U1')!.estimatedAnnualSavings).toEqual({ low: 33_333_333, expected: 36_666_667, high: 38_666_667 });
    const retired = result.recommendations.filter((r) => r.kind === 'retire').flatMap((r) => r.applications);
    expect(retired).not.toContain('r3');
    expect(retired).not.toContain('x4');
    expect(retired).not.toContain('u1');
  });

  it('moves manual and file exchanges onto the service bus, skipping those of retired applications', () => {
    // m1 (U1, of regency K) ⇄ m2 (province P): the province, the higher level, leads.
    const r = byId.get('rec-integrate-exchanges-P')!;
    expect(r).toMatchObject({ kind: 'integrate', applications: ['m1', 'm2'], agencies: ['P', 'U1'], exchanges: ['e1', 'e2'] });
    expect(r.target).toBeUndefined();
    expect(r.estimatedAnnualSavings).toEqual({ low: 0, expected: 0, high: 0 });
    const integrated = result.recommendations.flatMap((rec) => rec.exchanges ?? []);
    expect(integrated).not.toContain('e4');
    expect(integrated).not.toContain('e3');
  });

  it('connects siloed applications to the master of a dataset they keep, and no others, one recommendation per master', () => {
    expect(byId.get('rec-integrate-master-c1')).toMatchObject({ kind: 'integrate', target: 'c1', applications: ['c1', 's1', 's2'], agencies: ['C', 'U1', 'U2'] });
    expect(byId.get('rec-integrate-master-c1')!.title).toBe('Connect 2 siloed applications of 2 agencies to master source App c1 over SPLP');
    const connected = result.recommendations.filter((r) => r.target === 'c1').flatMap((r) => r.applications);
    expect(connected).not.toContain('s3');
    expect(connected).not.toContain('s5');
  });

  it('designates a master source where several applications keep an unmastered dataset', () => {
    const r = byId.get('rec-share-D2')!;
    expect(r).toMatchObject({ kind: 'share-data', target: 'q1', applications: ['q1', 'q2'] });
    expect(r.rationale.some((line) => line.includes('no steward agency'))).toBe(true);
    // D3's two holders collapse into x1 once x2 moves; D1 has a master; D4 has one holder.
    expect(byId.has('rec-share-D3') || byId.has('rec-share-D1') || byId.has('rec-share-D4')).toBe(false);
  });

  it('ranks by expected savings × confidence ÷ effort weight', () => {
    // X: 170 M × 0.9 ÷ 2 = 76.5 M; Y: 85 M × 0.8 ÷ 1 = 68 M; retire U1: 36.7 M × 0.95 = 34.8 M;
    // retire U2: 18.3 M × 0.7 = 12.8 M; the rest score 0, all medium effort (master c1: 2 + 2 × 2 + 1 = 7
    // points; exchanges P: 2 + 2 + 1 = 5; share D2: 2 + 2 + 0.5 = 4.5): the master's 3 applications first,
    // then by id.
    expect(result.recommendations.map((r) => [r.id, r.priority])).toEqual([
      ['rec-consolidate-X', 1],
      ['rec-adopt-Y', 2],
      ['rec-retire-U1', 3],
      ['rec-retire-U2', 4],
      ['rec-integrate-master-c1', 5],
      ['rec-integrate-exchanges-P', 6],
      ['rec-share-D2', 7],
    ]);
  });

  it('orders waves by what each recommendation builds on', () => {
    // m1 exchanges with x1 (X's keeper) and m2 with q1 (D2's proposed master): the exchange integration waits
    // for both. The master integration connects to c1 but does not change it: nothing waits for it.
    const waves = Object.fromEntries(result.recommendations.map((r) => [r.id, r.wave]));
    expect(waves).toEqual({
      'rec-consolidate-X': 1,
      'rec-adopt-Y': 1,
      'rec-retire-U1': 1,
      'rec-retire-U2': 1,
      'rec-integrate-exchanges-P': 2,
      'rec-integrate-master-c1': 1,
      'rec-share-D2': 1,
    });
    expect(result.dependencies).toEqual([
      { before: 'rec-consolidate-X', after: 'rec-integrate-exchanges-P', weight: 1, kept: true },
      { before: 'rec-share-D2', after: 'rec-integrate-exchanges-P', weight: 1, kept: true },
    ]);
  });
});

describe('recommend: manual and file exchanges, one recommendation per government', () => {
  /**
   * Regency K (units U1, U2), city T (unit V1), province P, central agency C.
   *   x1 k1→k2 manual, inside K                       → K
   *   x2 k1→t1 file, K and T are peers: the sender K  → K
   *   x3 t1→k2 manual, the sender T                    → T
   *   x4 k2→p1 file, the province leads                → P
   *   x5 c1→t1 manual, the central agency leads        → C
   *   x6 p1→c1 api: automated already, in no recommendation
   */
  const inv = inventory(
    [agency('K', 'regency'), agency('U1', 'unit', 'K'), agency('U2', 'unit', 'K'), agency('T', 'city'), agency('V1', 'unit', 'T'), agency('P', 'province'), agency('C', 'central')],
    [app('k1', 'U1'), app('k2', 'U2'), app('t1', 'V1'), app('p1', 'P'), app('c1', 'C')],
    [x('x1', 'k1', 'k2', 'manual'), x('x2', 'k1', 't1', 'file'), x('x3', 't1', 'k2', 'manual'), x('x4', 'k2', 'p1', 'file'), x('x5', 'c1', 't1', 'manual'), x('x6', 'p1', 'c1', 'api')],
  );
  const { recommendations } = recommend(inv, [], { isolatedApps: new Set(), internalOnlyApps: new Set() });
  const byId = new Map(recommendations.map((r) => [r.id, r]));

  it('lists each exchange under the government that leads it, and every manual or file exchange once', () => {
    expect([...byId.keys()].sort()).toEqual(['rec-integrate-exchanges-C', 'rec-integrate-exchanges-K', 'rec-integrate-exchanges-P', 'rec-integrate-exchanges-T']);
    expect(byId.get('rec-integrate-exchanges-K')).toMatchObject({ applications: ['k1', 'k2', 't1'], agencies: ['U1', 'U2', 'V1'], exchanges: ['x1', 'x2'] });
    expect(byId.get('rec-integrate-exchanges-T')).toMatchObject({ applications: ['k2', 't1'], agencies: ['U2', 'V1'], exchanges: ['x3'] });
    expect(byId.get('rec-integrate-exchanges-P')).toMatchObject({ applications: ['k2', 'p1'], agencies: ['P', 'U2'], exchanges: ['x4'] });
    expect(byId.get('rec-integrate-exchanges-C')).toMatchObject({ applications: ['t1', 'c1'], agencies: ['C', 'V1'], exchanges: ['x5'] });
    expect(recommendations.flatMap((r) => r.exchanges ?? []).sort()).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
  });

  it('says what the exchanges are and where they lead, without repeating one line per exchange', () => {
    const k = byId.get('rec-integrate-exchanges-K')!;
    expect(k.title).toBe('Move 2 manual/file exchanges of Agency K onto the service bus (SPLP)');
    expect(k.rationale[0]).toBe('1 manual, 1 file exchanges: 1 between agencies of Agency K, 1 with 1 other government: Agency T (1)');
    expect(k.rationale[1]).toBe('exchanges (all 2 under "exchanges"): x1 (k1→k2), x2 (k1→t1)');
    expect(k.rationale.some((line) => line.startsWith('an exchange between two governments is listed under the higher-level one'))).toBe(true);
    // 3 applications + 2 × 2 extra agencies + 2 × 0.5 exchanges = 8 points: medium.
    expect(k.effort).toBe('medium');
  });
});

describe('recommend: TIME labels', () => {
  const { result, inv } = fixture();
  const label = (id: string) => result.time.get(id)!.label;

  it('labels every application', () => {
    expect(result.time.size).toBe(inv.applications.length);
  });

  it('invests in keepers and shared platform instances', () => {
    for (const id of ['x1', 'y1', 'y2', 'z1', 'z2']) expect(label(id)).toBe('invest');
    expect(result.time.get('x1')!.reason).toContain('keeper of duplicate cluster X');
    expect(result.time.get('y2')!.reason).toContain('SRIKANDI');
  });

  it('migrates duplicates, eliminating the retired one', () => {
    for (const id of ['x2', 'x3', 'y3']) expect(label(id)).toBe('migrate');
    expect(result.time.get('x2')!.reason).toContain('x1');
    expect(label('x4')).toBe('eliminate');
  });

  it('eliminates retired and unused applications and tolerates the rest', () => {
    expect(label('r1')).toBe('eliminate');
    expect(label('r2')).toBe('eliminate');
    for (const id of ['r3', 'm1', 'm2', 'c1', 's1', 's3', 'q2', 'u1', 'd4']) expect(label(id)).toBe('tolerate');
    expect(result.time.get('m1')!.reason).toContain('rec-integrate-exchanges-P');
  });
});

describe('recommend: waves and cycles', () => {
  const agencies = [agency('A', 'regency'), agency('B', 'regency'), agency('W', 'regency')];
  const apps = ['ka', 'kb', 'kc', 'w'].map((id) => app(id, 'A')).concat(['ma', 'mb', 'mc'].map((id) => app(id, 'B')));
  const facts: RecommendFacts = { isolatedApps: new Set(), internalOnlyApps: new Set() };
  const waves = (exchanges: Exchange[], clusters: DuplicateCluster[]) => {
    const r = recommend(inventory(agencies, apps, exchanges), clusters, facts);
    return { waves: Object.fromEntries(r.recommendations.map((rec) => [rec.id, rec.wave])), r };
  };
  const CA = cluster('CA', ['ka', 'ma'], 'ka');
  const CB = cluster('CB', ['kb', 'mb'], 'kb');
  const CC = cluster('CC', ['kc', 'mc'], 'kc');

  it('puts a recommendation after the one whose keeper its applications exchange with', () => {
    // mb (moves in CB) exchanges with ka (CA's keeper): CA → CB, weight 1. kb ⇄ w by hand: the integration
    // contains kb (CB's keeper) and w exchanges with it: CB → integration, weight 2.
    const { waves: w, r } = waves([x('t1', 'mb', 'ka', 'api'), x('t2', 'kb', 'w', 'manual')], [CA, CB]);
    expect(w).toEqual({ 'rec-consolidate-CA': 1, 'rec-consolidate-CB': 2, 'rec-integrate-exchanges-A': 3 });
    expect(r.dependencies).toEqual([
      { before: 'rec-consolidate-CA', after: 'rec-consolidate-CB', weight: 1, kept: true },
      { before: 'rec-consolidate-CB', after: 'rec-integrate-exchanges-A', weight: 2, kept: true },
    ]);
  });

  it('breaks a two-way dependency by deferring the weaker direction', () => {
    // ka–kb links both ways (1 each); ka–mb adds one to CA → CB: CA → CB = 2, CB → CA = 1, dropped.
    const { waves: w, r } = waves([x('t1', 'ka', 'kb', 'api'), x('t2', 'ka', 'mb', 'api')], [CA, CB]);
    expect(w).toEqual({ 'rec-consolidate-CA': 1, 'rec-consolidate-CB': 2 });
    expect(r.dependencies).toContainEqual({ before: 'rec-consolidate-CB', after: 'rec-consolidate-CA', weight: 1, kept: false });
    expect(r.recommendations.find((rec) => rec.id === 'rec-consolidate-CA')!.rationale.some((l) => l.includes('deferred to break a cycle'))).toBe(true);
  });

  it('puts equally mutual dependencies in one wave', () => {
    const { waves: w, r } = waves([x('t1', 'ka', 'kb', 'api')], [CA, CB]);
    expect(w).toEqual({ 'rec-consolidate-CA': 1, 'rec-consolidate-CB': 1 });
    expect(r.dependencies.every((d) => !d.kept)).toBe(true);
  });

  it('breaks a three-cycle at its lightest edge', () => {
    // ka–mb twice: CA → CB = 2; kb–mc twice: CB → CC = 2; kc–ma once: CC → CA = 1 (dropped).
    const exchanges = [
      x('t1', 'ka', 'mb', 'api'),
      x('t2', 'mb', 'ka', 'api'),
      x('t3', 'kb', 'mc', 'api'),
      x('t4', 'mc', 'kb', 'api'),
      x('t5', 'kc', 'ma', 'api'),
    ];
    const { waves: w } = waves(exchanges, [CA, CB, CC]);
    expect(w).toEqual({ 'rec-consolidate-CA': 1, 'rec-consolidate-CB': 2, 'rec-consolidate-CC': 3 });
  });
});
