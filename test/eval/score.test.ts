import { describe, expect, it } from 'vitest';
import { meanScore, scoreClusters } from '../../scripts/lib/eval/score.js';

// Eight applications; truth {a,b,c} {d,e}; prediction {a,b} {c,d} {f,g}. Worked out by hand:
//   item  predicted  true    precision  recall
//   a     {a,b}      {a,b,c}  2/2        2/3
//   b     {a,b}      {a,b,c}  2/2        2/3
//   c     {c,d}      {a,b,c}  1/2        1/3
//   d     {c,d}      {d,e}    1/2        1/2
//   e     {e}        {d,e}    1/1        1/2
//   f     {f,g}      {f}      1/2        1/1
//   g     {f,g}      {g}      1/2        1/1
//   h     {h}        {h}      1/1        1/1
// B-cubed P = 6/8, R = (17/3)/8; over the seven involved items (all but h) P = 5/7, R = (14/3)/7.
// Pairs: predicted ab, cd, fg; true ab, ac, bc, de; correct ab → P 1/3, R 1/4.
const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const truth = [['a', 'b', 'c'], ['d', 'e']];
const predicted = [['a', 'b'], ['c', 'd'], ['f', 'g']];

describe('scoreClusters', () => {
  it('computes B-cubed over every item, singletons included, and over the involved items', () => {
    const s = scoreClusters({ items, predicted, truth });
    expect(s.items).toBe(8);
    expect(s.bcubed.precision).toBeCloseTo(6 / 8, 10);
    expect(s.bcubed.recall).toBeCloseTo(17 / 24, 10);
    const f1 = (2 * (6 / 8) * (17 / 24)) / (6 / 8 + 17 / 24);
    expect(s.bcubed.f1).toBeCloseTo(f1, 10);
    expect(s.involved.items).toBe(7);
    expect(s.involved.precision).toBeCloseTo(5 / 7, 10);
    expect(s.involved.recall).toBeCloseTo(2 / 3, 10);
  });

  it('computes pairwise precision and recall from the pairs that share a cluster', () => {
    const s = scoreClusters({ items, predicted, truth });
    expect(s.pairwise).toMatchObject({ predictedPairs: 3, truePairs: 4, correctPairs: 1 });
    expect(s.pairwise.precision).toBeCloseTo(1 / 3, 10);
    expect(s.pairwise.recall).toBeCloseTo(1 / 4, 10);
    expect(s.predictedClusters).toBe(3);
    expect(s.trueClusters).toBe(2);
  });

  it('counts a trap broken only when two of its applications share a predicted cluster', () => {
    const s = scoreClusters({ items, predicted, truth, traps: [['c', 'd'], ['a', 'e'], ['f', 'h']] });
    expect(s.traps).toBe(3);
    expect(s.trapsBroken).toBe(1);
  });

  it('scores a perfect prediction 1 everywhere, and nothing predicted as full precision, partial recall', () => {
    const perfect = scoreClusters({ items, predicted: truth, truth });
    expect(perfect.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(perfect.pairwise.f1).toBe(1);
    const none = scoreClusters({ items, predicted: [], truth });
    expect(none.bcubed.precision).toBe(1);
    // a, b, c recall 1/3 each; d, e 1/2 each; f, g, h 1.
    expect(none.bcubed.recall).toBeCloseTo((3 * (1 / 3) + 2 * (1 / 2) + 3) / 8, 10);
    expect(none.pairwise).toMatchObject({ precision: 1, recall: 0, predictedPairs: 0 });
  });

  it('ignores ids that are not items and reports an item listed by two predicted clusters', () => {
    const s = scoreClusters({ items, predicted: [['a', 'b', 'zz'], ['b', 'c']], truth: [['a', 'b']] });
    expect(s.overlaps).toBe(1);
    // b stays in the first cluster, so the second is {c} alone: clusters {a,b} and {c}.
    expect(s.bcubed.precision).toBe(1);
    expect(s.pairwise).toMatchObject({ predictedPairs: 1, correctPairs: 1 });
  });
});

describe('meanScore', () => {
  it('averages the figures per inventory and adds up the counts', () => {
    const a = scoreClusters({ items, predicted, truth, traps: [['c', 'd']] });
    const b = scoreClusters({ items, predicted: truth, truth, traps: [['c', 'd']] });
    const m = meanScore([a, b]);
    expect(m.bcubed.precision).toBeCloseTo((6 / 8 + 1) / 2, 10);
    expect(m.items).toBe(16);
    expect(m.trapsBroken).toBe(1);
    expect(m.traps).toBe(2);
  });
});
