import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toGexf, toGraphml, toNodeLink } from '../../src/interop/index.js';
import { ensureNetworkx } from '../setup/interop-tools.js';
import { interopAnalysis, interopInventory } from '../fixtures/interop/inventory.js';

/** Reads a file with networkx and prints every node and edge with its attributes, as JSON. */
const READER = `
import json, sys
import networkx as nx
kind, path = sys.argv[1], sys.argv[2]
if kind == 'graphml':
    g = nx.read_graphml(path)
elif kind == 'gexf':
    g = nx.read_gexf(path)
else:
    with open(path) as f:
        g = nx.node_link_graph(json.load(f), edges='links')
edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
print(json.dumps({
    'directed': g.is_directed(),
    'nodes': {str(n): d for n, d in g.nodes(data=True)},
    'edges': [[str(u), str(v), d] for u, v, k, d in edges],
}, sort_keys=True))
`;

interface ReadBack {
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: Array<[string, string, Record<string, unknown>]>;
}

let python: string;
let dir: string;

beforeAll(async () => {
  python = ensureNetworkx();
  dir = await mkdtemp(join(tmpdir(), 'siloscope-graph-'));
}, 15 * 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readWithNetworkx(kind: 'graphml' | 'gexf' | 'json', text: string): Promise<ReadBack> {
  const path = join(dir, `graph.${kind}`);
  await writeFile(path, text);
  const result = spawnSync(python, ['-c', READER, kind, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`networkx could not read the ${kind} export:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ReadBack;
}

const input = { inventory: interopInventory(), analysis: interopAnalysis() };

/** What every format must carry for the local health app, a duplicate in cluster dup-1 (values from the fixture). */
const LOCAL_HEALTH_APP = {
  agency: 'bkd',
  agency_name: 'Badan Keuangan Daerah',
  agency_level: 'unit',
  government: 'pemkot-madiun',
  function: 'RAB.05.01',
  cluster: 'dup-1',
  keeper: false,
  community: 2,
  silo_score: 0.6667,
  annual_cost: 100_000_000,
  cost_estimated: false,
  time: 'eliminate',
};

describe('graph exports read by networkx', () => {
  it('GraphML: every application a node, every exchange an edge, attributes typed', async () => {
    const g = await readWithNetworkx('graphml', toGraphml(input));
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['app 7', 'app_8', 'bkd', 'sehat-1', 'sehat-2']);
    expect(g.nodes['sehat-2']).toEqual({ label: 'Aplikasi Kesehatan Lokal', ...LOCAL_HEALTH_APP });
    expect(g.nodes['sehat-1']).toMatchObject({ keeper: true, cost_estimated: true, community: 2, silo_score: 0.8 });
    expect(g.nodes.bkd).toMatchObject({ label: 'SIMDA Keuangan', given_function: 'RAA.01.02.01', users: 120, year: 2016, category: 'specific', status: 'active', url: 'https://simda.madiunkota.go.id/?a=1&b=2' });
    expect(g.nodes.bkd!.cluster).toBeUndefined();
    expect(g.edges).toHaveLength(4);
    const edge = g.edges.find(([u, v]) => u === 'bkd' && v === 'app 7')!;
    expect(edge[2]).toMatchObject({ exchange: 'x2', mechanism: 'api', data: 'Realisasi anggaran', label: 'Realisasi anggaran', cross_agency: true });
    const serving = g.edges.find(([u]) => u === 'sehat-1')!;
    expect(serving[2]).toMatchObject({ relationship: 'Serving', cross_agency: true });
    expect(g.edges.find(([u, v]) => u === 'app 7' && v === 'app_8')![2]).toMatchObject({ mechanism: 'file', cross_agency: false });
  });

  it('GEXF: the same nodes, edges and attributes', async () => {
    const g = await readWithNetworkx('gexf', toGexf(input));
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['app 7', 'app_8', 'bkd', 'sehat-1', 'sehat-2']);
    expect(g.nodes['sehat-2']).toMatchObject({ label: 'Aplikasi Kesehatan Lokal', ...LOCAL_HEALTH_APP });
    expect(g.nodes['app_8']).toMatchObject({ shared_platform: 'SRIKANDI', origin: 'national' });
    const edge = g.edges.find(([u, v]) => u === 'app 7' && v === 'bkd')!;
    expect(edge[2]).toMatchObject({ exchange: 'x5', mechanism: 'manual', cross_agency: true });
    expect(g.edges).toHaveLength(4);
  });

  it('node-link JSON: loads into networkx with the documented "links" key', async () => {
    const g = await readWithNetworkx('json', JSON.stringify(toNodeLink(input)));
    expect(g.nodes['sehat-2']).toEqual({ label: 'Aplikasi Kesehatan Lokal', ...LOCAL_HEALTH_APP });
    expect(g.edges).toHaveLength(4);
    expect(g.edges.map(([u, v, d]) => `${u}>${v}:${String(d.id)}`).sort()).toEqual(['app 7>app_8:x3', 'app 7>bkd:x5', 'bkd>app 7:x2', 'sehat-1>sehat-2:id-r5']);
  });

  it('leaves analysis attributes out when exporting an inventory alone, and never writes a missing value', async () => {
    const g = await readWithNetworkx('graphml', toGraphml({ inventory: interopInventory() }));
    expect(g.nodes['sehat-2']).toEqual({ label: 'Aplikasi Kesehatan Lokal', agency: 'bkd', agency_name: 'Badan Keuangan Daerah', agency_level: 'unit', government: 'pemkot-madiun' });
    expect(g.nodes.bkd).toMatchObject({ function: 'RAA.01.02.01', annual_cost: 2_500_000_000 });
    const graph = toNodeLink({ inventory: interopInventory() });
    expect(Object.keys(graph.graph.nodeAttributes)).not.toContain('cluster');
  });
});

describe('node-link JSON shape', () => {
  it('is directed and multi, with attribute types listed in "graph"', () => {
    const graph = toNodeLink(input);
    expect(graph.directed).toBe(true);
    expect(graph.multigraph).toBe(true);
    expect(graph.graph.nodeAttributes).toMatchObject({ agency: 'string', community: 'long', silo_score: 'double', keeper: 'boolean' });
    expect(graph.links[0]).toEqual({ id: 'x2', key: 'x2', source: 'bkd', target: 'app 7', label: 'Realisasi anggaran', exchange: 'x2', mechanism: 'api', data: 'Realisasi anggaran', cross_agency: true });
  });
});
