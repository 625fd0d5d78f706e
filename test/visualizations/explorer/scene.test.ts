/**
 * The explorer's browser-side model without a browser: filter matching, the overview and ego scenes and
 * the selection export, on the hand-made fixture of the server tests (test/serve/fixture.ts):
 *
 *   agencies gov(0) u1(1) u2(2) min(3) ghost(4); p1 p2 p3 ∈ u1, p4 ∈ u2, p5 p6 ∈ min, p7 ∈ ghost
 *   x1 p1→p5 api · x2 p1→p2 database · x3 p3→p1 manual · x4 p4→p5 file
 */
import { describe, expect, it } from 'vitest';
import { buildExplorerModel } from '../../../src/serve/model.js';
import { layoutExplorer } from '../../../src/serve/layout.js';
import { graphPayload } from '../../../src/serve/payload.js';
import { loadReference } from '../../../src/reference/index.js';
import { decodeGraph } from '../../../visualizations/explorer/data.js';
import { egoScene, isFrame, overviewScene, type Scene } from '../../../visualizations/explorer/scene.js';
import { emptyFilters, initialState, matches, stateFromHash, stateToHash, type Filters, type ViewState } from '../../../visualizations/explorer/state.js';
import { csvCell, selectionCsv, selectionRows } from '../../../visualizations/explorer/export.js';
import { serveFixture } from '../../serve/fixture.js';

const { analysis, inventory } = serveFixture();
const model = buildExplorerModel(analysis, inventory, loadReference());
const data = decodeGraph(graphPayload(model, layoutExplorer(model)));
const APP_IDS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

function matched(filters: Partial<Filters>): string[] {
  const m = matches(data, { ...emptyFilters(), ...filters });
  return APP_IDS.filter((_id, i) => m.app[i] === 1);
}

function state(patch: Partial<ViewState> = {}): ViewState {
  return { ...initialState(), ...patch };
}

const linkPairs = (scene: Scene) =>
  scene.links.map((l) => {
    const id = (n: (typeof l)['a']) => (n.kind === 'application' ? APP_IDS[n.index] : data.payload.agencies.id[n.index]);
    return `${[id(l.a), id(l.b)].sort().join('-')}:${l.count}/${l.manual}${l.faded ? ' faded' : ''}`;
  }).sort();

describe('filter matching', () => {
  it('matches function by sector, by code and unclassified', () => {
    expect(matched({ function: 's:0' })).toEqual(['p1', 'p2', 'p3', 'p5']);
    expect(matched({ function: 'f:2' })).toEqual(['p4']);
    expect(matched({ function: 'none' })).toEqual(['p6', 'p7']);
  });

  it('matches status, clusters and the mechanism of an application’s exchanges', () => {
    expect(matched({ status: '2' })).toEqual(['p6']);
    expect(matched({ status: 'none' })).toEqual(['p4', 'p7']);
    expect(matched({ cluster: 'in' })).toEqual(['p1', 'p3']);
    expect(matched({ cluster: 'c:0', status: '1' })).toEqual(['p3']);
    expect(matched({ mechanism: '4' })).toEqual(['p1', 'p3']);
    expect(matched({ mechanism: 'none' })).toEqual(['p6', 'p7']);
    const m = matches(data, { ...emptyFilters(), mechanism: '4' });
    expect(Array.from(m.exchange!)).toEqual([0, 0, 1, 0]);
  });

  it('lets an agency without applications pass agency-level filters only', () => {
    const byLevel = matches(data, { ...emptyFilters(), level: '2' });
    expect([Array.from(byLevel.agency), byLevel.matchedApps]).toEqual([[1, 0, 0, 0, 0], 0]);
    const byStatus = matches(data, { ...emptyFilters(), status: '0' });
    expect(Array.from(byStatus.agency)).toEqual([0, 1, 0, 1, 0]);
    expect(Array.from(byStatus.agencyMatches)).toEqual([0, 2, 0, 1, 0]);
  });
});

describe('overview scene', () => {
  it('aggregates exchanges between collapsed agencies, dropping those inside one agency', () => {
    const scene = overviewScene(data, state(), matches(data, emptyFilters()));
    expect(scene.nodes.filter((n) => !isFrame(n)).map((n) => n.kind)).toEqual(['agency', 'agency', 'agency', 'agency', 'agency']);
    expect(linkPairs(scene)).toEqual(['min-u1:1/0', 'min-u2:1/1']);
  });

  it('shows an expanded agency’s applications, linked one by one', () => {
    const scene = overviewScene(data, state({ expanded: new Set([1]) }), matches(data, emptyFilters()));
    expect(scene.nodes.filter((n) => n.kind === 'application').map((n) => APP_IDS[n.index])).toEqual(['p1', 'p2', 'p3']);
    expect(scene.nodes.filter((n) => n.kind === 'group').map((n) => n.index)).toEqual([1]);
    expect(linkPairs(scene)).toEqual(['min-p1:1/0', 'min-u2:1/1', 'p1-p2:1/0', 'p1-p3:1/1']);
  });

  it('fades what the filters rule out, links included, and hides nothing', () => {
    const scene = overviewScene(data, state({ expanded: new Set([1]) }), matches(data, { ...emptyFilters(), mechanism: '4' }));
    const faded = scene.nodes.filter((n) => !isFrame(n) && n.faded).map((n) => (n.kind === 'application' ? APP_IDS[n.index] : data.payload.agencies.id[n.index]));
    expect(faded.sort()).toEqual(['gov', 'ghost', 'min', 'p2', 'u2'].sort());
    expect(linkPairs(scene)).toEqual(['min-p1:1/0 faded', 'min-u2:1/1 faded', 'p1-p2:1/0 faded', 'p1-p3:1/1']);
    expect(scene.nodes.filter((n) => !isFrame(n))).toHaveLength(7);
  });

  it('keeps a link lit when one of its ends passes the filters', () => {
    // status = development: only p3 passes; its exchange with p1 stays lit, the rest fade.
    const scene = overviewScene(data, state({ expanded: new Set([1]) }), matches(data, { ...emptyFilters(), status: '1' }));
    expect(linkPairs(scene)).toEqual(['min-p1:1/0 faded', 'min-u2:1/1 faded', 'p1-p2:1/0 faded', 'p1-p3:1/1']);
  });

  it('puts lit links first, so the link cap never drops them', () => {
    const scene = overviewScene(data, state({ expanded: new Set([1]) }), matches(data, { ...emptyFilters(), status: '1' }), { maxLinks: 1 });
    expect([linkPairs(scene), scene.droppedLinks]).toEqual([['p1-p3:1/1'], 3]);
  });
});

describe('ego scene', () => {
  it('reaches neighbours breadth-first up to the depth, with every link among them', () => {
    const depth1 = egoScene(data, state({ mode: 'ego', ego: { kind: 'application', index: 0 }, depth: 1 }), matches(data, emptyFilters()))!;
    expect(depth1.nodes.map((n) => `${APP_IDS[n.index]}@${n.depth}`).sort()).toEqual(['p1@0', 'p2@1', 'p3@1', 'p5@1']);
    expect(linkPairs(depth1)).toEqual(['p1-p2:1/0', 'p1-p3:1/1', 'p1-p5:1/0']);
    const depth2 = egoScene(data, state({ mode: 'ego', ego: { kind: 'application', index: 0 }, depth: 2 }), matches(data, emptyFilters()))!;
    expect(depth2.nodes.map((n) => `${APP_IDS[n.index]}@${n.depth}`).sort()).toEqual(['p1@0', 'p2@1', 'p3@1', 'p4@2', 'p5@1']);
    expect(depth2.links).toHaveLength(4);
    expect(depth2.renderer).toBe('svg');
  });

  it('works on agencies too, covering their applications', () => {
    const scene = egoScene(data, state({ mode: 'ego', ego: { kind: 'agency', index: 2 }, depth: 2 }), matches(data, emptyFilters()))!;
    expect(scene.nodes.map((n) => `${data.payload.agencies.id[n.index]}@${n.depth}`).sort()).toEqual(['min@1', 'u1@2', 'u2@0']);
    expect(scene.apps.map((i) => APP_IDS[i]).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });

  it('keeps rings apart and nodes on a ring at least a node gap apart', () => {
    const scene = egoScene(data, state({ mode: 'ego', ego: { kind: 'application', index: 3 }, depth: 3 }), matches(data, emptyFilters()))!;
    const ring = (d: number) => scene.nodes.filter((n) => n.depth === d);
    const r = (n: { x: number; y: number }) => Math.hypot(n.x, n.y);
    expect(r(ring(0)[0])).toBe(0);
    for (let d = 1; d <= 3; d++) {
      for (const n of ring(d)) expect(r(n)).toBeGreaterThanOrEqual(d * 130 - 1e-6);
      const nodes = ring(d);
      for (let a = 0; a < nodes.length; a++) for (let b = a + 1; b < nodes.length; b++) expect(Math.hypot(nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y)).toBeGreaterThan(20);
    }
  });
});

describe('selection export', () => {
  it('writes the applications that pass the filters, spreadsheet formulas defused', () => {
    const scene = overviewScene(data, state(), matches(data, emptyFilters()));
    const rows = selectionRows(data, scene, matches(data, { ...emptyFilters(), cluster: 'in' }));
    expect(rows.map((r) => [r.id, r.agency_id, r.function, r.cluster_id, r.annual_cost_idr, r.cost_estimated, r.exchanges])).toEqual([
      ['p1', 'u1', 'RAB.09.S05', 'c1', 400, false, 3],
      ['p3', 'u1', 'RAB.09.S05', 'c1', 300, true, 1],
    ]);
    const csv = selectionCsv(rows, false);
    expect(csv.startsWith('\ufeffid,name,agency_id')).toBe(true);
    expect(csv.split('\r\n')[2]).toBe('p3,Sistem Informasi Manajemen Kepegawaian Daerah,u1,BKPSDM Kabupaten Contoh,unit,Jawa Tengah,RAB.09.S05,Personnel (civil-servant) management,development,,,0,c1,Personnel records,300,true,0.6,1');
    expect([csvCell('=SUM(A1:A9)'), csvCell('+62 812'), csvCell('-1'), csvCell(-1), csvCell('a, "b"')]).toEqual(["'=SUM(A1:A9)", "'+62 812", "'-1", '-1', '"a, ""b"""']);
  });
});

describe('view state in the URL', () => {
  it('round-trips filters and encodings', () => {
    const s = state({ filters: { ...emptyFilters(), status: '2', function: 's:0' }, colorBy: 'silo', sizeBy: 'uniform', depth: 3 });
    const hash = stateToHash(s);
    expect(hash).toBe('function=s%3A0&status=2&color=silo&size=uniform&depth=3');
    const back = stateFromHash(`#${hash}`, initialState());
    expect([back.filters, back.colorBy, back.sizeBy, back.depth]).toEqual([s.filters, 'silo', 'uniform', 3]);
  });
});
