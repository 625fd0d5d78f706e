import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { buildAppIndex } from '../../src/graph/app-index.js';
import { MECHANISMS } from '../../src/types.js';
import { agency, app, exchange, inventory, regencyInventory } from './fixture.js';

describe('buildGraph: the graphology model', () => {
  it('has one node per agency, application and dataset, keyed by kind', () => {
    const inv = regencyInventory();
    inv.datasets.push({ id: 'ds1', name: 'Data Penduduk', properties: {} });
    inv.applications[0]!.datasets = ['ds1', 'ds1', 'missing'];
    const { graph } = buildGraph(inv);

    // 5 agencies + 10 applications + 1 dataset
    expect(graph.order).toBe(16);
    expect(graph.getNodeAttributes('agency:U1')).toMatchObject({ kind: 'agency', label: 'Dinas Kesehatan', level: 'unit', parentId: 'G' });
    expect(graph.getNodeAttributes('app:a1')).toMatchObject({ kind: 'application', label: 'App a1', agencyId: 'U1', annualCost: 100 });
    expect(graph.getNodeAttributes('dataset:ds1')).toMatchObject({ kind: 'dataset', label: 'Data Penduduk' });
  });

  it('types every edge: owns, parent, exchanges, uses', () => {
    const inv = regencyInventory();
    inv.datasets.push({ id: 'ds1', name: 'Data Penduduk', properties: {} });
    inv.applications[0]!.datasets = ['ds1', 'ds1', 'missing'];
    const { graph } = buildGraph(inv);
    const byType = new Map<string, number>();
    graph.forEachEdge((_, attributes) => byType.set(attributes.type, (byType.get(attributes.type) ?? 0) + 1));

    // 10 owns, 2 parent (U1→G, U2→G), 8 exchanges, 1 uses (the repeated ds1 once, the unknown dataset none)
    expect(Object.fromEntries(byType)).toEqual({ owns: 10, parent: 2, exchanges: 8, uses: 1 });
    expect(graph.source('owns:a1')).toBe('agency:U1');
    expect(graph.target('owns:a1')).toBe('app:a1');
    expect([graph.source('parent:U1'), graph.target('parent:U1')]).toEqual(['agency:U1', 'agency:G']);
    expect(graph.getEdgeAttributes('exchange:x2')).toEqual({ type: 'exchanges', exchangeId: 'x2', mechanism: 'manual', data: 'patient list' });
    expect([graph.source('exchange:x4'), graph.target('exchange:x4')]).toEqual(['app:a3', 'app:b1']);
    expect(graph.hasEdge('uses:a1:ds1')).toBe(true);
  });

  it('builds the graphology graph once, when first read, over the applications of the index', () => {
    const inv = regencyInventory();
    const built = buildGraph(inv);
    const graph = built.graph;
    expect(built.graph).toBe(graph);
    expect(graph.filterNodes((_, a) => a.kind === 'application').map((key) => key.slice('app:'.length))).toEqual(built.index.ids);
  });

  it('keeps a repeated exchange id as a second edge and gives an undeclared owner a node', () => {
    const inv = inventory({
      agencies: [agency('A', 'central')],
      applications: [app('p', 'A'), app('q', 'A'), app('r', 'GHOST')],
      exchanges: [exchange('x', 'p', 'q', 'api'), exchange('x', 'q', 'p', 'file'), exchange('y', 'p', 'nowhere')],
    });
    const { graph } = buildGraph(inv);
    expect(graph.outEdges('app:p', 'app:q')).toEqual(['exchange:x']);
    const [repeated] = graph.outEdges('app:q', 'app:p');
    expect(graph.getEdgeAttributes(repeated!)).toEqual({ type: 'exchanges', exchangeId: 'x', mechanism: 'file' });
    expect(graph.getNodeAttributes('agency:GHOST')).toMatchObject({ kind: 'agency', label: 'GHOST' });
    expect(graph.source('owns:r')).toBe('agency:GHOST');
  });
});

describe('buildAppIndex: the compact application index', () => {
  it('numbers applications and agencies, and rolls units up to their government', () => {
    const index = buildAppIndex(regencyInventory());
    expect(index.ids).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2', 'd1', 'd2']);
    expect(index.indexOf.get('b1')).toBe(3);
    expect(index.agencies.ids).toEqual(['G', 'U1', 'U2', 'C', 'D']);
    // a* in U1 (1), b* in U2 (2), c* in C (3), d* in D (4); U1 and U2 roll up to G (0)
    expect([...index.agencyOf]).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
    expect([...index.governmentOf]).toEqual([0, 0, 0, 0, 0, 0, 3, 3, 4, 4]);
    expect([...index.agencies.parentOf]).toEqual([-1, 0, 0, -1, -1]);
  });

  it('follows parent chains of any depth and survives a parent cycle', () => {
    const inv = inventory({
      agencies: [
        agency('kel', 'unit', 'kec'), // kelurahan → kecamatan → city
        agency('kec', 'unit', 'city'),
        agency('city', 'city'),
        agency('p', 'unit', 'q'), // a cycle the loader should have rejected
        agency('q', 'unit', 'p'),
        agency('orphan', 'unit', 'unknown-parent'),
      ],
    });
    const { agencies } = buildAppIndex(inv);
    const gov = (id: string) => agencies.ids[agencies.governmentOf[agencies.indexOf.get(id)!]!];
    expect([gov('kel'), gov('kec'), gov('city')]).toEqual(['city', 'city', 'city']);
    expect(gov('p')).toBe(gov('q'));
    expect(gov('orphan')).toBe('orphan');
  });

  it('stores exchanges as edges and an undirected CSR adjacency', () => {
    const index = buildAppIndex(regencyInventory());
    expect([...index.src]).toEqual([0, 1, 2, 2, 3, 3, 3, 8]);
    expect([...index.dst]).toEqual([1, 2, 0, 3, 4, 5, 6, 9]);
    expect([...index.mechanism].map((c) => MECHANISMS[c])).toEqual(['api', 'manual', 'api', 'file', 'api', 'api', 'service_bus', 'api']);
    const neighbours = (i: number) => [...index.neighbours.subarray(index.starts[i]!, index.starts[i + 1]!)];
    const edges = (i: number) => [...index.edgeIds.subarray(index.starts[i]!, index.starts[i + 1]!)];
    // a3 (2): x2 from a2, x3 to a1, x4 to b1 — in exchange order
    expect(neighbours(2)).toEqual([1, 0, 3]);
    expect(edges(2)).toEqual([1, 2, 3]);
    expect(neighbours(3)).toEqual([2, 4, 5, 6]);
    expect(neighbours(7)).toEqual([]); // c2 is isolated
    expect(index.starts[10]).toBe(16);
  });

  it('leaves out self-exchanges and exchanges with unknown applications, and says so', () => {
    const inv = inventory({
      agencies: [agency('A', 'central')],
      applications: [app('p', 'A'), app('q', 'A')],
      exchanges: [exchange('self', 'p', 'p'), exchange('ok', 'p', 'q'), exchange('lost', 'p', 'zz')],
    });
    const index = buildAppIndex(inv);
    expect(index.exchangeIds).toEqual(['ok']);
    expect([...index.exchangeAt]).toEqual([1]);
    expect([...index.mechanism]).toEqual([-1]);
    expect(index.ignoredExchanges).toEqual([
      { id: 'self', reason: 'self-exchange' },
      { id: 'lost', reason: 'unknown-application' },
    ]);
  });
});
