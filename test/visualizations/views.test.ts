import { describe, expect, it } from 'vitest';
import {
  VIEWS,
  VIEW_NAMES,
  renderAgencyNetwork,
  renderCapabilityMap,
  renderExchangeMatrix,
  renderRecommendationWaves,
  renderTargetState,
  renderWastedSpend,
} from '../../visualizations/index.js';
import type { Analysis } from '../../src/types.js';
import { agency, application, baseAnalysis, cluster } from '../fixtures/analysis/builders.js';
import { nationalFixture } from '../fixtures/analysis/national.js';
import { HOSTILE, HOSTILE_APP, smallAnalysis, smallInventory } from '../fixtures/analysis/small.js';
import { count, renderInto, texts } from './helpers.js';

const analysis = smallAnalysis();
const inventory = smallInventory(analysis);
const ESCAPED_HOSTILE = '&lt;img src=x onerror=alert(1)&gt;';

describe.each(VIEW_NAMES)('%s, common to every view', (name) => {
  const { svg, xml, container } = renderInto(VIEWS[name].render, analysis, { inventory });

  it('draws one <svg> with an accessible title and a visible heading', () => {
    expect(container.children).toHaveLength(1);
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.querySelector('title')!.textContent!.length).toBeGreaterThan(10);
    expect(svg.querySelector('text.view-title')!.textContent).toBe(svg.querySelector('title')!.textContent!.split('. ')[0]);
  });

  it('has a legend', () => {
    expect(count(svg, 'g.legend')).toBe(1);
    expect(svg.querySelector('g.legend')!.textContent!.length).toBeGreaterThan(5);
  });

  it('keeps hostile inventory strings as text', () => {
    expect(xml).not.toMatch(/<img|<script/i);
    expect(count(svg, 'img')).toBe(0);
    expect(count(svg, 'script')).toBe(0);
  });

  it('renders the same twice (deterministic layout)', () => {
    expect(renderInto(VIEWS[name].render, analysis, { inventory }).xml).toBe(xml);
  });
});

describe('agency network', () => {
  it('draws one node per agency and one link per exchanging pair', () => {
    const { svg, xml } = renderInto(renderAgencyNetwork, analysis, { inventory });
    expect(count(svg, 'g.node')).toBe(5);
    // dinkes–disdik, disdik–hostile, hostile–kemendagri, kemendagri–dinkes (see the fixture).
    expect(count(svg, 'line.link')).toBe(4);
    const dashed = Array.from(svg.querySelectorAll('line.link')).filter((l) => l.getAttribute('stroke-dasharray'));
    expect(dashed).toHaveLength(1);
    expect(dashed[0].querySelector('title')!.textContent).toContain('1 exchange (1 manual or file)');
    expect(xml).toContain(ESCAPED_HOSTILE);
    expect(texts(svg, 'g.legend text')).toContain('Silo score');
  });

  it('sizes nodes by applications and colours them by silo score', () => {
    const { svg } = renderInto(renderAgencyNetwork, analysis, { inventory });
    const node = (id: string) => svg.querySelector(`g.node[data-id="${id}"] circle`)!;
    expect(Number(node('dinkes').getAttribute('r'))).toBeGreaterThan(Number(node('disdik').getAttribute('r')));
    expect(node('dinkes').getAttribute('fill')).not.toBe(node('kemendagri').getAttribute('fill'));
  });

  it('draws nodes only, and says why, without the inventory', () => {
    // The analysis counts the fixture's 6 exchanges; only the inventory says between whom.
    const { svg } = renderInto(renderAgencyNetwork, { ...analysis, summary: { ...analysis.summary, exchanges: 6 } });
    expect(count(svg, 'g.node')).toBe(5);
    expect(count(svg, 'line.link')).toBe(0);
    expect(texts(svg, 'text.legend-note').join(' ')).toContain('Exchanges need the inventory');
  });

  it('marks estimated costs in the drill-down', () => {
    const { svg, dom } = renderInto(renderAgencyNetwork, analysis, { inventory });
    svg.querySelector('g.node[data-id="hostile"]')!.dispatchEvent(new dom.Event('click'));
    // h1 (60 juta) before h2 (10 juta, estimated).
    expect(texts(svg, 'g.drill-row text').filter((t) => t.startsWith('Rp'))).toEqual(['Rp 60 jt', 'Rp 10 jt*']);
    expect(svg.querySelector('g.drill-panel')!.textContent).toContain('* cost estimated');
  });

  it('lists an agency’s applications, costliest first, when its node is clicked', () => {
    const { svg, dom } = renderInto(renderAgencyNetwork, analysis, { inventory });
    svg.querySelector('g.node[data-id="dinkes"]')!.dispatchEvent(new dom.Event('click'));
    const panel = svg.querySelector('g.drill-panel')!;
    expect(panel).not.toBeNull();
    expect(Array.from(panel.querySelectorAll('g.drill-row')).map((r) => r.querySelector('text')!.textContent)).toEqual([
      'SIMPEG Dinkes',
      'e-Pegawai',
      'Antrian Puskesmas',
    ]);
    svg.querySelector('g.node[data-id="hostile"]')!.dispatchEvent(new dom.Event('click'));
    expect(count(svg, 'g.drill-panel')).toBe(1);
    expect(texts(svg, 'g.drill-row text')).toContain(HOSTILE_APP);
    expect(count(svg, 'script')).toBe(0);
    expect(Array.from(svg.querySelectorAll('g.node.selected')).map((n) => n.getAttribute('data-id'))).toEqual(['hostile']);
    svg.querySelector('g.drill-close')!.dispatchEvent(new dom.Event('click'));
    expect(count(svg, 'g.drill-panel')).toBe(0);
    expect(count(svg, 'g.node.selected')).toBe(0);
  });

  it('says so when there are no agencies', () => {
    const { svg } = renderInto(renderAgencyNetwork, baseAnalysis());
    expect(svg.querySelector('g.empty-state')!.textContent).toContain('No agencies');
  });
});

describe('capability map', () => {
  const { svg, xml } = renderInto(renderCapabilityMap, analysis);

  it('draws a cell per function and agency that has applications of it', () => {
    // KEP × dinkes (2), disdik, hostile; ANT × dinkes, disdik; PLN × kemendagri.
    expect(count(svg, 'g.cell')).toBe(6);
    // Names from the clusters; PLN has none, so its code stands in and is not repeated beside it.
    expect(texts(svg, 'text.row-label')).toEqual(['Kepegawaian', 'Antrian', 'PLN']);
    expect(texts(svg, 'text.row-code')).toEqual(['KEP', 'ANT']);
    const columns = texts(svg, 'text.column-label');
    expect(columns).toHaveLength(4);
    expect(columns[0]).toBe('Dinas Kesehatan');
    // The hostile name is long enough to be cut at the label width; the cell tooltips carry it whole.
    expect(columns[2]).toMatch(/^<img src=x onerror=.*…$/);
    expect(xml).toContain(ESCAPED_HOSTILE);
  });

  it('highlights duplicates inside one agency and functions built in many agencies', () => {
    const multiple = svg.querySelectorAll('g.cell-multiple');
    expect(multiple).toHaveLength(1);
    expect(multiple[0].querySelector('title')!.textContent).toBe('Kepegawaian (KEP) · Dinas Kesehatan: 2 applications');
    expect(texts(svg, 'text.row-label.many')).toEqual(['Kepegawaian']);
    expect(svg.querySelector('g.view-subtitle, text.view-subtitle')!.textContent).toContain('1 unclassified not shown');
  });

  it('says so when no application is classified', () => {
    const bare = baseAnalysis({ agencies: [agency({ id: 'a', name: 'A', applications: 1 })], applications: [application({ id: 'x', agencyId: 'a' })] });
    const { svg: empty } = renderInto(renderCapabilityMap, bare);
    expect(empty.querySelector('g.empty-state')!.textContent).toContain('No classified applications');
    expect(count(empty, 'g.cell')).toBe(0);
  });
});

describe('exchange matrix', () => {
  const { svg, xml } = renderInto(renderExchangeMatrix, analysis, { inventory });

  it('draws a cell per directed agency pair, ordered by community', () => {
    expect(count(svg, 'rect.cell')).toBe(6);
    expect(count(svg, 'rect.cell-internal')).toBe(1);
    expect(texts(svg, 'text.row-label')).toEqual(['Dinas Kesehatan', 'Dinas Pendidikan', HOSTILE, 'Kementerian Dalam Negeri']);
    expect(count(svg, 'rect.community-block')).toBe(2);
    expect(xml).toContain(ESCAPED_HOSTILE);
    const titles = Array.from(svg.querySelectorAll('rect.cell title')).map((t) => t.textContent);
    expect(titles).toContain(`Dinas Pendidikan → ${HOSTILE}: 1 exchange (1 manual or file)`);
  });

  it('explains that exchange pairs need the inventory', () => {
    const { svg: bare } = renderInto(renderExchangeMatrix, analysis);
    expect(bare.querySelector('g.empty-state')!.textContent).toContain('need the inventory');
  });

  it('says so when the inventory has no exchanges', () => {
    const { svg: none } = renderInto(renderExchangeMatrix, analysis, { inventory: { ...inventory, exchanges: [] } });
    expect(none.querySelector('g.empty-state')!.textContent).toContain('This inventory records no data exchanges');
    expect(count(none, 'rect.matrix-frame')).toBe(0);
  });
});

describe('wasted spend', () => {
  const { svg } = renderInto(renderWastedSpend, analysis);

  it('draws one rectangle per cluster, area by redundant cost, labelled in rupiah', () => {
    const rects = Array.from(svg.querySelectorAll('rect.cluster'));
    expect(rects).toHaveLength(2);
    const area = (r: Element) => Number(r.getAttribute('width')) * Number(r.getAttribute('height'));
    // 190 juta against 20 juta: the ratio survives rounding and padding within a few percent.
    expect(area(rects[0]) / area(rects[1])).toBeGreaterThan(7);
    expect(texts(svg, 'text.leaf-label')).toEqual(expect.arrayContaining(['Personnel systems (SIMPEG)', 'Rp 190 juta']));
    // The function's name leads the header; the code is in the group's tooltip.
    expect(texts(svg, 'text.group-label')).toEqual(['Kepegawaian · Rp 190 juta', 'Antrian']);
    expect(svg.querySelector('g.function-group title')!.textContent).toBe('Kepegawaian (KEP): Rp 190 juta a year redundant');
    expect(svg.querySelector('text.view-subtitle')!.textContent).toContain('Rp 210 juta a year in 2 clusters');
  });

  it('says so when there are no clusters, or none with redundant cost', () => {
    const none = renderInto(renderWastedSpend, { ...analysis, duplicateClusters: [] }).svg;
    expect(none.querySelector('g.empty-state')!.textContent).toContain('No duplicate clusters found');
    expect(count(none, 'rect.cluster')).toBe(0);
    const free: Analysis = { ...analysis, duplicateClusters: [cluster({ id: 'z', function: 'KEP', label: 'free', applications: ['p1', 'p2'] })] };
    expect(renderInto(renderWastedSpend, free).svg.querySelector('g.empty-state')!.textContent).toContain('no redundant spend');
  });
});

describe('recommendation waves', () => {
  const { svg, xml } = renderInto(renderRecommendationWaves, analysis);

  it('draws a column per wave and a card per recommendation with savings', () => {
    expect(texts(svg, 'text.wave-label')).toEqual(['Wave 1', 'Wave 2']);
    expect(count(svg, 'g.card')).toBe(3);
    expect(texts(svg, 'text.wave-savings')).toEqual(['Rp 150 juta / year', 'Rp 15 juta / year']);
    expect(svg.querySelector('g.card[data-id="r3"]')!.textContent).toContain('no direct saving');
    expect(xml).toContain(ESCAPED_HOSTILE);
  });

  it('says so when there are no recommendations', () => {
    const { svg: none } = renderInto(renderRecommendationWaves, { ...analysis, recommendations: [] });
    expect(none.querySelector('g.empty-state')!.textContent).toContain('No recommendations');
  });
});

describe('target state', () => {
  const { svg } = renderInto(renderTargetState, analysis);

  it('draws a before/after pair per metric with the change written out', () => {
    expect(count(svg, 'g.metric')).toBe(5);
    expect(count(svg, 'rect.bar')).toBe(10);
    // 8 → 5 apps: −37,5% → "−38%"; 850 → 685 juta: −19,4%; 2 → 0 clusters; 0,42 → 0,30; 50% → 83%.
    expect(texts(svg, 'text.metric-change')).toEqual(['−38%', '−19%', '−100%', '−0,12', '+33 pts']);
    expect(texts(svg, 'text.assumptions')).toEqual([
      'Assumptions behind the target state:',
      '• Keepers absorb the users of retired duplicates.',
      '• Manual exchanges move to SPLP APIs.',
    ]);
  });

  it('gives each metric its own scale', () => {
    const bar = (metric: string, which: string) => svg.querySelector(`g.metric[data-metric="${metric}"] rect.bar-${which}`)!;
    // Applications (8 of a 10 axis) and spend (850 juta of 1 miliar) are both tall; the silo index sits on [0,1].
    const height = (e: Element) => Number(e.getAttribute('height'));
    expect(height(bar('applications', 'today'))).toBeGreaterThan(height(bar('applications', 'target')));
    expect(height(bar('automatedExchangeShare', 'target'))).toBeGreaterThan(height(bar('automatedExchangeShare', 'today')));
    expect(height(bar('siloIndex', 'today')) / height(bar('automatedExchangeShare', 'today'))).toBeCloseTo(0.42 / 0.5, 1);
  });

  it('says so when the analysis has no target state', () => {
    const { svg: none } = renderInto(renderTargetState, { ...analysis, targetState: undefined });
    expect(none.querySelector('g.empty-state')!.textContent).toContain('No target state');
    expect(count(none, 'rect.bar')).toBe(0);
  });
});

describe('national scale', () => {
  const { analysis: national, inventory: nationalInventory } = nationalFixture();

  it('aggregates instead of drawing a mark per agency or application', () => {
    const network = renderInto(renderAgencyNetwork, national, { inventory: nationalInventory }).svg;
    expect(count(network, 'g.node')).toBeLessThanOrEqual(71);
    expect(count(network, 'line.link')).toBeLessThanOrEqual(400);
    expect(count(network, 'g.node-other')).toBe(1);

    const map = renderInto(renderCapabilityMap, national).svg;
    expect(count(map, 'text.column-label')).toBe(40);
    expect(count(map, 'text.row-label')).toBe(30);
    expect(count(map, 'g.cell')).toBeLessThanOrEqual(40 * 30);

    const matrix = renderInto(renderExchangeMatrix, national, { inventory: nationalInventory }).svg;
    expect(count(matrix, 'text.row-label')).toBe(40);
    expect(count(matrix, 'rect.cell')).toBeLessThanOrEqual(40 * 40);

    const spend = renderInto(renderWastedSpend, national).svg;
    expect(count(spend, 'rect.cluster')).toBeLessThanOrEqual(150);
    expect(count(spend, 'rect.cluster') + count(spend, 'rect.cluster-rest')).toBeLessThan(300);

    const waves = renderInto(renderRecommendationWaves, national).svg;
    expect(count(waves, 'g.card')).toBeLessThan(60);
    expect(texts(waves, 'text.more')[0]).toMatch(/^\+ \d+ more/);
  });
});
