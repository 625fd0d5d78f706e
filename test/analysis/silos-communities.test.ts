import { describe, expect, it } from 'vitest';
import { buildAppIndex } from '../../src/graph/app-index.js';
import { mulberry32 } from '../../src/graph/random.js';
import { analyzeCommunities, normalizedMutualInformation } from '../../src/analysis/communities.js';
import { agency, app, exchange, inventory, regencyInventory } from '../graph/fixture.js';
import type { Inventory } from '../../src/types.js';

describe('normalizedMutualInformation', () => {
  it('is 1 when the partitions are the same up to renaming', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1, 2], [7, 7, 3, 3, 9])).toBeCloseTo(1, 12);
  });

  it('is 0 when one partition says nothing about the other', () => {
    // each a-block holds one of each b label: p(a,b) = p(a)·p(b) everywhere
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
  });

  it('matches the hand computation on a mixed case', () => {
    // a = {0,0,0 | 1,1,1}, b = {0,0 | 1,1 | 2,2}: H(a) = ln 2, H(b) = ln 3,
    // cells (0,0)=2 (0,1)=1 (1,1)=1 (1,2)=2 → H(a,b) = (2/3)·ln 3 + (1/3)·ln 6,
    // I = H(a) + H(b) − H(a,b) = 0.462098…, NMI = 2I / (ln 2 + ln 3) = 0.515804…
    const hab = (2 / 3) * Math.log(3) + (1 / 3) * Math.log(6);
    const mutual = Math.log(2) + Math.log(3) - hab;
    const expected = (2 * mutual) / (Math.log(2) + Math.log(3));
    expect(expected).toBeCloseTo(0.5158037429793887, 12);
    expect(normalizedMutualInformation([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(expected, 12);
  });

  it('gives the same value for labels that are not small non-negative integers (read through text keys)', () => {
    // the mixed case above with a relabelled by −1.5 and +0.5, b by 1e300 multiples: same blocks, same NMI
    const expected = normalizedMutualInformation([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]);
    expect(normalizedMutualInformation([-1.5, -1.5, -1.5, 0.5, 0.5, 0.5], [0, 0, 1e300, 1e300, 2e300, 2e300])).toBeCloseTo(expected, 12);
    expect(normalizedMutualInformation([0, 0, 0, 1, 1, 1], [-3, -3, 5, 5, 7, 7])).toBeCloseTo(expected, 12);
  });

  it('treats two single-block partitions as identical', () => {
    expect(normalizedMutualInformation([4, 4, 4], [1, 1, 1])).toBe(1);
  });
});

describe('analyzeCommunities', () => {
  it('finds the triangle, the star and the pair, numbered by size', () => {
    const inv = regencyInventory();
    const index = buildAppIndex(inv);
    const result = analyzeCommunities(inv, index);
    // a1 a2 a3 b1 b2 b3 c1 c2 d1 d2 → star+c1 (4) is 1, triangle (3) is 2, pair (2) is 3; c2 has none.
    expect([...result.communityOf]).toEqual([2, 2, 2, 1, 1, 1, 1, 0, 3, 3]);
    expect(result.applicationCommunity.has('c2')).toBe(false);
    expect(result.applicationCommunity.get('b2')).toBe(1);
    expect(result.communities).toEqual([
      { id: 1, applications: 4, agencies: 2, dominantAgencyId: 'U2', dominantAgencyShare: 0.75, topFunctions: [], dominantGovernmentId: 'G', dominantGovernmentShare: 0.75 },
      { id: 2, applications: 3, agencies: 1, dominantAgencyId: 'U1', dominantAgencyShare: 1, topFunctions: ['RAB.01', 'RAB.02'], dominantGovernmentId: 'G', dominantGovernmentShare: 1 },
      { id: 3, applications: 2, agencies: 1, dominantAgencyId: 'D', dominantAgencyShare: 1, topFunctions: [], dominantGovernmentId: 'D', dominantGovernmentShare: 1 },
    ]);
    // Modularity of that partition (m = 8): 2·(3/8 − (7/16)²) + (1/8 − (2/16)²) = 0.4765625
    expect(result.modularity).toBeCloseTo(0.4765625, 10);
  });

  it('compares communities with agencies and with governments', () => {
    // Over the 9 applications with a community: community sizes 4,3,2; agencies U1 3, U2 3, C 1, D 2.
    // Agencies refine communities, so I = H(community) and NMI = 2·H(C) / (H(C) + H(A)).
    const h = (counts: number[]) => -counts.reduce((s, c) => s + (c / 9) * Math.log(c / 9), 0);
    const hc = h([4, 3, 2]);
    const agencyNmi = (2 * hc) / (hc + h([3, 3, 1, 2]));
    // Governments G 6, C 1, D 2; joint cells (2,G)=3 (1,G)=3 (1,C)=1 (3,D)=2.
    const hg = h([6, 1, 2]);
    const governmentNmi = (2 * (hc + hg - h([3, 3, 1, 2]))) / (hc + hg);
    const inv = regencyInventory();
    const result = analyzeCommunities(inv, buildAppIndex(inv));
    expect(result.alignment.agency).toBeCloseTo(agencyNmi, 10);
    expect(result.alignment.agency).toBeCloseTo(0.8946186330761928, 10);
    expect(result.alignment.government).toBeCloseTo(governmentNmi, 10);
    expect(result.alignment.government).toBeCloseTo(0.6271228058586318, 10);
  });

  it('gives NMI 1 when every community is exactly one agency', () => {
    // Two agencies, each a 4-clique of its own, joined by a single exchange.
    const clique = (prefix: string) => [0, 1, 2, 3].flatMap((i) => [0, 1, 2, 3].filter((j) => j > i).map((j) => [`${prefix}${i}`, `${prefix}${j}`] as const));
    const pairs = [...clique('p'), ...clique('q'), ['p0', 'q0'] as const];
    const inv = inventory({
      agencies: [agency('P', 'central'), agency('Q', 'central')],
      applications: [0, 1, 2, 3].flatMap((i) => [app(`p${i}`, 'P'), app(`q${i}`, 'Q')]),
      exchanges: pairs.map(([s, t], k) => exchange(`x${k}`, s, t, 'api')),
    });
    const result = analyzeCommunities(inv, buildAppIndex(inv));
    expect(result.communities.map((c) => [c.dominantAgencyId, c.dominantAgencyShare, c.applications])).toEqual([
      ['P', 1, 4],
      ['Q', 1, 4],
    ]);
    expect(result.alignment.agency).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed', () => {
    const inv = randomInventory(300, 900, 42);
    const index = buildAppIndex(inv);
    const first = analyzeCommunities(inv, index, { seed: 7 });
    const again = analyzeCommunities(inv, buildAppIndex(inv), { seed: 7 });
    expect([...again.communityOf]).toEqual([...first.communityOf]);
    expect(again.communities).toEqual(first.communities);
    expect(first.communities.length).toBeGreaterThan(1);
    // sizes never increase along the numbering
    const sizes = first.communities.map((c) => c.applications);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });
});

/** A random exchange graph (seeded): 10 agencies, exchanges biased to stay inside an agency. */
function randomInventory(apps: number, exchanges: number, seed: number): Inventory {
  const rnd = mulberry32(seed);
  const agencies = Array.from({ length: 10 }, (_, a) => agency(`A${a}`, 'central'));
  const applications = Array.from({ length: apps }, (_, i) => app(`s${i}`, `A${i % 10}`));
  const list = [];
  for (let k = 0; k < exchanges; k++) {
    const s = Math.floor(rnd() * apps);
    let t = rnd() < 0.7 ? (s + 10 * (1 + Math.floor(rnd() * 5))) % apps : Math.floor(rnd() * apps);
    if (t === s) t = (s + 1) % apps;
    list.push(exchange(`x${k}`, `s${s}`, `s${t}`, 'api'));
  }
  return inventory({ agencies, applications, exchanges: list });
}
