import { describe, expect, it } from 'vitest';
import { buildExplorerModel } from '../../src/serve/model.js';
import { itemDetail } from '../../src/serve/items.js';
import { loadReference } from '../../src/reference/index.js';
import { serveFixture } from './fixture.js';

const { analysis, inventory } = serveFixture();
const model = buildExplorerModel(analysis, inventory, loadReference());
const fact = (detail: ReturnType<typeof itemDetail>, label: string) => detail?.facts.find((f) => f.label === label)?.value;

describe('item details', () => {
  it('shows an application with its classification and cluster evidence, recommendations and exchanges', () => {
    const d = itemDetail(model, 'application', 'p1')!;
    expect([d.title, d.subtitle]).toEqual(['SIMPEG', 'BKPSDM Kabupaten Contoh']);
    expect(d.evidence).toEqual([
      { source: 'classification', kind: 'acronym', detail: 'SIMPEG is a personnel-records acronym', weight: 0.8 },
      { source: 'duplicate cluster c1', kind: 'name-similarity', detail: 'SIMPEG = Sistem Informasi Manajemen Kepegawaian', weight: 0.7 },
    ]);
    expect(d.cluster?.members.map((m) => m.id)).toEqual(['p1', 'p3']);
    expect(d.cluster?.keeper.label).toBe('SIMPEG');
    expect(d.recommendations.map((r) => r.id)).toEqual(['r1']);
    expect(d.exchanges?.outgoing.map((x) => [x.other.id, x.mechanism])).toEqual([
      ['p5', 'api'],
      ['p2', 'database'],
    ]);
    expect(d.exchanges?.incoming.map((x) => x.other.id)).toEqual(['p3']);
    expect([d.exchanges?.outgoingTotal, d.exchanges?.incomingTotal]).toEqual([2, 1]);
    expect(fact(d, 'Function')).toBe('RAB.09.S05 Personnel (civil-servant) management (confidence 0,90)');
    expect(d.url).toBe('https://simpeg.contoh.go.id/');
  });

  it('offers only http(s) addresses as links, showing anything else as text', () => {
    const d = itemDetail(model, 'application', 'p2')!;
    expect(d.url).toBeUndefined();
    expect(fact(d, 'Address')).toBe('javascript:alert(1)');
  });

  it('says when a cost was estimated and lists silo findings as evidence', () => {
    expect(fact(itemDetail(model, 'application', 'p3'), 'Annual cost')).toBe('Rp 300 (estimated: missing in the inventory)');
    const p6 = itemDetail(model, 'application', 'p6')!;
    expect(p6.silos.map((s) => s.kind)).toEqual(['isolated-application']);
    expect(p6.evidence).toContainEqual({ source: 'silo: isolated-application', kind: 'isolated-application', detail: '0 exchanges in the inventory' });
    expect(p6.recommendations.map((r) => r.id)).toEqual(['r2']);
  });

  it('shows an agency with its applications by cost, its parent and its silo findings', () => {
    const d = itemDetail(model, 'agency', 'u1')!;
    const related = Object.fromEntries(d.related.map((r) => [r.heading, r.items.map((i) => i.id)]));
    expect(related).toEqual({ Applications: ['p1', 'p3', 'p2'], 'Duplicate clusters': ['c1'], Parent: ['gov'] });
    expect(d.silos.map((s) => s.kind)).toEqual(['manual-exchange']);
    expect(d.recommendations.map((r) => r.id)).toEqual(['r1']);
    const gov = itemDetail(model, 'agency', 'gov')!;
    expect(gov.related.find((r) => r.heading === 'Work units')?.items.map((i) => i.id)).toEqual(['u1', 'u2']);
  });

  it('shows clusters, recommendations, functions and communities', () => {
    const cluster = itemDetail(model, 'cluster', 'c1')!;
    expect(cluster.recommendations.map((r) => r.id)).toEqual(['r1']);
    expect(fact(cluster, 'Redundant annual cost')).toBe('Rp 300');
    const rec = itemDetail(model, 'recommendation', 'r1')!;
    expect(rec.evidence.map((e) => e.kind)).toEqual(['rationale', 'name-similarity']);
    const fn = itemDetail(model, 'function', 'RAB.09.S05')!;
    expect(fn.related[0].items.map((i) => i.id)).toEqual(['p5', 'p1', 'p3']);
    expect(fact(fn, 'Agencies')).toBe('2');
    const community = itemDetail(model, 'community', '1')!;
    expect(community.related.find((r) => r.heading === 'Applications')?.items.map((i) => i.id)).toEqual(['p4']);
  });

  it('answers undefined for an unknown item', () => {
    expect(itemDetail(model, 'application', 'nope')).toBeUndefined();
    expect(itemDetail(model, 'function', 'RAB.01.S01')).toBeUndefined();
    expect(itemDetail(model, 'community', '9')).toBeUndefined();
  });
});
