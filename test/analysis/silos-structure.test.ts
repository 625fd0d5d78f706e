import { describe, expect, it } from 'vitest';
import { buildAppIndex } from '../../src/graph/app-index.js';
import { analyzeStructure } from '../../src/analysis/structure.js';
import { pairsInventory, regencyInventory } from '../graph/fixture.js';

const structureOf = (nodes: number, pairs: Array<[number, number]>, top?: number) =>
  analyzeStructure(buildAppIndex(pairsInventory(nodes, pairs)), top === undefined ? {} : { top });

describe('analyzeStructure', () => {
  it('two triangles joined by one exchange: one bridge, two articulation points', () => {
    // n0–n1–n2–n0 and n3–n4–n5–n3, joined by n2–n3 (e6).
    // Removing n2 leaves {n0,n1} (2) and {n3,n4,n5} (3): it cuts 5 − 3 = 2 off the main body; n3 likewise.
    const s = structureOf(6, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3], [2, 3]]);
    expect(s.bridges).toEqual([{ sourceId: 'n2', targetId: 'n3', exchangeId: 'e6', separates: 3 }]);
    expect(s.articulationPoints).toEqual([
      { applicationId: 'n2', separates: 2 },
      { applicationId: 'n3', separates: 2 },
    ]);
    expect(s).toMatchObject({ bridgeCount: 1, articulationPointCount: 2, components: 1, largestComponent: 6 });
  });

  it('a pair joined twice is not a bridge', () => {
    // n0 = n1 (two exchanges) – n2: only n1–n2 is a bridge; n1 is the articulation point.
    const s = structureOf(3, [[0, 1], [1, 0], [1, 2]]);
    expect(s.bridges.map((b) => [b.sourceId, b.targetId])).toEqual([['n1', 'n2']]);
    expect(s.articulationPoints).toEqual([{ applicationId: 'n1', separates: 1 }]);
  });

  it('the regency inventory: the star centre separates most', () => {
    // Component {a1 a2 a3 b1 b2 b3 c1} (7) and {d1 d2}; c2 is alone and not a component.
    // Bridges: a3–b1 cuts the triangle (3) from the star (4) → 3; b1–b2, b1–b3, b1–c1, d1–d2 cut 1 each.
    // b1 removed leaves {a1 a2 a3} (3), b2, b3, c1 → 6 − 3 = 3 cut off; a3 removed leaves {a1 a2} and the star (4) → 2.
    const s = analyzeStructure(buildAppIndex(regencyInventory()));
    expect(s.bridges.map((b) => [b.sourceId, b.targetId, b.separates])).toEqual([
      ['a3', 'b1', 3],
      ['b1', 'b2', 1],
      ['b1', 'b3', 1],
      ['b1', 'c1', 1],
      ['d1', 'd2', 1],
    ]);
    expect(s.articulationPoints).toEqual([
      { applicationId: 'b1', separates: 3 },
      { applicationId: 'a3', separates: 2 },
    ]);
    expect(s).toMatchObject({ components: 2, largestComponent: 7 });
  });

  it('a root with two subtrees is an articulation point; the top list is capped, the counts are not', () => {
    // Path n0–n1–n2–n3–n4 (DFS starts at the end n0); star n5 with leaves n6 n7 n8 (DFS starts at the centre).
    const s = structureOf(9, [[0, 1], [1, 2], [2, 3], [3, 4], [5, 6], [5, 7], [5, 8]], 2);
    // n2 splits the path 2 | 2 → cuts 2; n1, n3 cut 1; the star centre n5 cuts 3 − 1 = 2.
    expect(s.articulationPoints).toEqual([
      { applicationId: 'n2', separates: 2 },
      { applicationId: 'n5', separates: 2 },
    ]);
    expect(s.articulationPointCount).toBe(4);
    expect(s.bridges).toHaveLength(2);
    expect(s.bridgeCount).toBe(7);
    expect(s).toMatchObject({ components: 2, largestComponent: 5 });
  });

  it('walks a 30,000-application chain without recursion', () => {
    const n = 30_000;
    const s = structureOf(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]), 1);
    // Removing node k splits the chain into k and n − 1 − k; the middle node cuts off the most: 14,999.
    expect(s.articulationPoints).toEqual([{ applicationId: 'n14999', separates: 14_999 }]);
    expect(s.bridges).toEqual([{ sourceId: 'n14999', targetId: 'n15000', exchangeId: 'e14999', separates: 15_000 }]);
    expect(s).toMatchObject({ bridgeCount: n - 1, articulationPointCount: n - 2, components: 1, largestComponent: n });
  });
});
