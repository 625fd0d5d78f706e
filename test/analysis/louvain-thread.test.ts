import { describe, expect, it } from 'vitest';
import { buildAppIndex } from '../../src/graph/app-index.js';
import { louvainCommunities } from '../../src/analysis/communities.js';
import { louvainInWorker } from '../../src/analysis/louvain-thread.js';
import { siloIndexInWorker, siloIndexOf } from '../../src/analysis/silo-index.js';
import { regencyInventory } from '../graph/fixture.js';

describe('louvainInWorker', () => {
  it('gives on a worker thread the partition the main thread computes', async () => {
    const index = buildAppIndex(regencyInventory());
    // minAdjacency 0: run on the worker even for this small graph.
    const where: string[] = [];
    const threaded = await louvainInWorker(index, 1, 1, { minAdjacency: 0, onDone: (w, reason) => where.push(reason ? `${w}: ${reason}` : w) });
    expect(where).toEqual(['worker']);
    // a1 a2 a3 b1 b2 b3 c1 c2 d1 d2 → star+c1 (4) is 1, triangle (3) is 2, pair (2) is 3; c2 has none.
    expect([...threaded.communityOf]).toEqual([2, 2, 2, 1, 1, 1, 1, 0, 3, 3]);
    expect(threaded.count).toBe(3);
    const inline = louvainCommunities(index, 1, 1);
    expect(threaded.modularity).toBe(inline.modularity);
    expect([...threaded.communityOf]).toEqual([...inline.communityOf]);
  });

  it('partitions small graphs inline, with the same answer', async () => {
    const index = buildAppIndex(regencyInventory());
    const where: string[] = [];
    const result = await louvainInWorker(index, 7, 1, { onDone: (w, reason) => where.push(`${w}: ${reason}`) });
    expect(where).toEqual(['inline: small graph']);
    expect([...result.communityOf]).toEqual([...louvainCommunities(index, 7, 1).communityOf]);
  });

  it('siloIndexInWorker gives the silo index siloIndexOf computes, its communities from the worker', async () => {
    const where: string[] = [];
    const threaded = await siloIndexInWorker(regencyInventory(), { seed: 3 }, { minAdjacency: 0, onDone: (w) => where.push(w) });
    expect(where).toEqual(['worker']);
    expect(threaded).toEqual(siloIndexOf(regencyInventory(), { seed: 3 }));
  });
});
