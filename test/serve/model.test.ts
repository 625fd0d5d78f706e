import { describe, expect, it } from 'vitest';
import { buildExplorerModel } from '../../src/serve/model.js';
import { layoutExplorer, LAYOUT_DEFAULTS } from '../../src/serve/layout.js';
import { graphPayload, sectorOf } from '../../src/serve/payload.js';
import { loadReference } from '../../src/reference/index.js';
import { serveFixture } from './fixture.js';

const reference = loadReference();

function setup() {
  const { analysis, inventory } = serveFixture();
  const model = buildExplorerModel(analysis, inventory, reference);
  const layout = layoutExplorer(model);
  return { model, layout, payload: graphPayload(model, layout) };
}

describe('explorer model', () => {
  it('keeps every application, adding a placeholder for an agency the analysis lacks', () => {
    const { model } = setup();
    expect(model.agencies.map((a) => a.id)).toEqual(['gov', 'u1', 'u2', 'min', 'ghost']);
    const ghost = model.agencies[4];
    expect([ghost.name, ghost.level, ghost.applications, ghost.annualCost]).toEqual(['Ghost Agency', 'unit', 1, 50]);
    expect(Array.from(model.agencyOfApp)).toEqual([1, 1, 1, 2, 3, 3, 4]);
  });

  it('drops exchanges with an unknown end and indexes the rest both ways', () => {
    const { model } = setup();
    expect(model.exchanges.map((x) => x.id)).toEqual(['x1', 'x2', 'x3', 'x4']);
    const p1 = model.applicationIndex.get('p1')!;
    const out = Array.from(model.outList.slice(model.outStart[p1], model.outStart[p1 + 1])).map((x) => model.exchanges[x].id);
    const incoming = Array.from(model.inList.slice(model.inStart[p1], model.inStart[p1 + 1])).map((x) => model.exchanges[x].id);
    expect(out).toEqual(['x1', 'x2']);
    expect(incoming).toEqual(['x3']);
  });
});

describe('graph payload', () => {
  it('encodes categorical columns as dictionary indexes, -1 for absent', () => {
    const { payload } = setup();
    const P = payload.applications;
    expect(P.id).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(payload.dict.functions.map((f) => f.code)).toEqual(['RAB.09.S05', 'RAB.09.S07', 'OPAQUE-7']);
    expect(P.function).toEqual([0, 1, 0, 2, 0, -1, -1]);
    expect(payload.dict.sectors).toEqual([
      { code: 'RAB.09', name: 'General government' },
      { code: 'opaque', name: 'Codes outside the reference taxonomy' },
    ]);
    expect(payload.dict.functions.map((f) => f.sector)).toEqual([0, 0, 1]);
    expect(payload.dict.statuses).toEqual(['active', 'development', 'retired']);
    expect(P.status).toEqual([0, 0, 1, -1, 0, 2, -1]);
    expect(P.cluster).toEqual([0, -1, 0, -1, -1, -1, -1]);
    expect(P.costEstimated).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(P.agency).toEqual([1, 1, 1, 2, 3, 3, 4]);
  });

  it('sends exchanges as index pairs with mechanism codes', () => {
    const { payload } = setup();
    expect(payload.dict.mechanisms).toEqual(['api', 'service_bus', 'file', 'database', 'manual', 'unspecified']);
    expect(payload.exchanges).toEqual({ source: [0, 0, 2, 3], target: [4, 1, 0, 4], mechanism: [0, 3, 4, 2] });
  });

  it('lists the most siloed agencies with applications first, and the governments agencies are packed in', () => {
    const { payload } = setup();
    expect(payload.overview.siloedAgencies).toEqual([2, 1, 3, 4]);
    expect(payload.overview.recommendations.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(payload.agencies.government).toEqual([0, 0, 0, 1, 2]);
    expect(payload.governments.agency).toEqual([0, 3, 4]);
    expect(payload.governments.members).toEqual([3, 1, 1]);
  });

  it('names sectors from function codes', () => {
    expect(sectorOf('RAB.09.S05')).toBe('RAB.09');
    expect(sectorOf('RAA.01.02')).toBe('RAA.01');
    expect(sectorOf('OPAQUE-7')).toBe('opaque');
  });
});

describe('explorer layout', () => {
  it('places every application inside its agency disc and every agency inside its government circle', () => {
    const { model, layout } = setup();
    model.applications.forEach((_app, i) => {
      const a = model.agencyOfApp[i];
      expect(Math.hypot(layout.appX[i] - layout.agencyX[a], layout.appY[i] - layout.agencyY[a])).toBeLessThanOrEqual(layout.agencyR[a]);
    });
    model.agencies.forEach((_agency, a) => {
      const g = layout.governments[layout.governmentOf[a]];
      const reach = Math.hypot(layout.agencyX[a] - g.x, layout.agencyY[a] - g.y) + layout.agencyR[a];
      expect(reach).toBeLessThanOrEqual(g.r + 0.2);
    });
  });

  it('keeps agency discs apart', () => {
    const { layout } = setup();
    const n = layout.agencyX.length;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const d = Math.hypot(layout.agencyX[a] - layout.agencyX[b], layout.agencyY[a] - layout.agencyY[b]);
        // Collision is a force, not a constraint: allow a sliver of overlap, never a real one.
        expect(d).toBeGreaterThan((layout.agencyR[a] + layout.agencyR[b]) * 0.95);
      }
    }
  });

  it('sizes discs for the applications they hold and for cost on one scale', () => {
    const { model, layout } = setup();
    const step = layout.step;
    const spacing = LAYOUT_DEFAULTS.spacing;
    const byCount = (apps: number) => Math.max(LAYOUT_DEFAULTS.minRadius, step * Math.sqrt(apps) + spacing * 0.6);
    // min holds the largest cost (5,000) and so gets the largest count radius seen (u1, 3 applications).
    expect(layout.agencyR[3]).toBeCloseTo(byCount(3), 6);
    // u2: one application, cost 100 of 5,000: the count radius is larger than the cost radius.
    expect(layout.agencyR[2]).toBeCloseTo(Math.max(byCount(1), byCount(3) * Math.sqrt(100 / 5000)), 6);
    expect(model.agencies[3].annualCost).toBe(5000);
  });

  it('is deterministic', () => {
    const a = setup().layout;
    const b = setup().layout;
    expect(Array.from(a.agencyX)).toEqual(Array.from(b.agencyX));
    expect(Array.from(a.appY)).toEqual(Array.from(b.appY));
  });
});
