/**
 * What a policy maker reads off the views: whole-number axes for counts, function names rather than
 * codes, nouns in the right number, abbreviated government names that keep a roll-up's count, and a
 * plain statement when an inventory records no exchanges instead of an empty frame.
 */
import { describe, expect, it } from 'vitest';
import {
  renderAgencyNetwork,
  renderCapabilityMap,
  renderExchangeMatrix,
  renderRecommendationWaves,
  renderTargetState,
  renderWastedSpend,
} from '../../visualizations/index.js';
import { lineLegendValues } from '../../visualizations/agency-network.js';
import { communityPalette } from '../../visualizations/exchange-matrix.js';
import { plural } from '../../visualizations/shared/format.js';
import { displayCode, functionName, functionNames, shortAgencyName, truncateKeepingSuffix, unitLabel } from '../../visualizations/shared/names.js';
import { estimateTextWidth } from '../../visualizations/shared/text.js';
import { COLORS, contrastRatio, textOn } from '../../visualizations/shared/theme.js';
import { TARGET_METRICS, assumptionLines, metricAxis } from '../../visualizations/target-state.js';
import type { Analysis, StateMetrics } from '../../src/types.js';
import { agency, application, baseAnalysis, cluster, recommendation } from '../fixtures/analysis/builders.js';
import { smallAnalysis, smallInventory } from '../fixtures/analysis/small.js';
import { count, renderInto, texts } from './helpers.js';

const state = (p: Partial<StateMetrics>): StateMetrics => ({ applications: 10, annualCost: 1e9, duplicateClusters: 0, siloIndex: 0.5, automatedExchangeShare: 0.5, ...p });

describe('plural', () => {
  it('puts the noun in the number of the count', () => {
    expect(plural(1, 'exchange')).toBe('1 exchange');
    expect(plural(0, 'exchange')).toBe('0 exchanges');
    expect(plural(2, 'agency', 'agencies')).toBe('2 agencies');
    expect(plural(1, 'agency', 'agencies')).toBe('1 agency');
    expect(plural(1340, 'exchange')).toBe('1.340 exchanges');
  });
});

describe('target state axes', () => {
  const metric = (key: string) => TARGET_METRICS.find((m) => m.key === key)!;

  it('ticks counts in whole numbers only', () => {
    // 1 → 0 clusters: the axis runs to 2 (never below 2) and its d3 ticks 0; 0,5; 1; 1,5; 2 keep the integers.
    const { svg } = renderInto(renderTargetState, baseAnalysis({ targetState: { before: state({ duplicateClusters: 1 }), after: state({}), assumptions: [] } }));
    expect(texts(svg, 'g.metric[data-metric="duplicateClusters"] text.tick')).toEqual(['0', '1', '2']);
    // 0 → 0: the same whole-number axis, not "0, 1, 1, 2".
    const zero = renderInto(renderTargetState, baseAnalysis({ targetState: { before: state({}), after: state({}), assumptions: [] } })).svg;
    expect(texts(zero, 'g.metric[data-metric="duplicateClusters"] text.tick')).toEqual(['0', '1', '2']);
  });

  it('plans the count axis to a whole number above the larger value', () => {
    // 14 clusters: ceil(14 × 1,15) = 17.
    expect(metricAxis(metric('duplicateClusters'), 14, 0).max).toBe(17);
    expect(metricAxis(metric('applications'), 0, 0).max).toBe(2);
    expect(metricAxis(metric('siloIndex'), 0.4, 0.3).max).toBe(1);
  });

  it('keeps each bar value clear of the change figure above the chart', () => {
    // Silo index 1 → 1 fills the axis: the value sits above the bar and below the change text.
    const { svg } = renderInto(renderTargetState, baseAnalysis({ targetState: { before: state({ siloIndex: 1 }), after: state({ siloIndex: 1 }), assumptions: [] } }));
    const panel = 'g.metric[data-metric="siloIndex"]';
    const changeY = Number(svg.querySelector(`${panel} text.metric-change`)!.getAttribute('y'));
    const valueY = Math.min(...Array.from(svg.querySelectorAll(`${panel} text.bar-value`)).map((t) => Number(t.getAttribute('y'))));
    // The value text is 10 units tall: its top must sit below the change text's baseline.
    expect(valueY - 10).toBeGreaterThan(changeY);
  });

  it('says when no recommendation changes anything', () => {
    const { svg } = renderInto(renderTargetState, baseAnalysis({ targetState: { before: state({}), after: state({}), assumptions: [] } }));
    expect(svg.querySelector('text.view-subtitle')!.textContent).toContain('no recommendation changes any metric');
  });
});

describe('target state assumptions', () => {
  it('shows whole assumptions and points to the ones that do not fit', () => {
    const long = 'word '.repeat(60).trim();
    // 500 units wide: each 300-character assumption wraps to 4 lines, so two fit in the 9 lines allowed
    // (one kept for the pointer), and the third goes to the pointer.
    const lines = assumptionLines([long, long, long], 500);
    expect(lines[0]).toBe('Assumptions behind the target state:');
    expect(lines.at(-1)).toBe('+ 1 more assumption: see the report, or targetState.assumptions in analysis.json.');
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(2);
    expect(lines.some((l) => l.endsWith('…'))).toBe(false);
    expect(assumptionLines([], 500)).toEqual([]);
  });
});

describe('function names', () => {
  const analysis = baseAnalysis({
    agencies: [agency({ id: 'a', name: 'Dinas A', applications: 3 }), agency({ id: 'b', name: 'Dinas B', applications: 1 })],
    applications: [
      application({ id: 'x1', agencyId: 'a', function: 'RAB.09.S05' }),
      application({ id: 'x2', agencyId: 'a', function: 'RAB.09.S05' }),
      application({ id: 'x3', agencyId: 'b', function: 'RAB.09.S05' }),
      application({ id: 'x4', agencyId: 'a', function: 'opaque:APP.06' }),
    ],
  });

  it('names rows from the names passed in, with the code beside them', () => {
    const { svg } = renderInto(renderCapabilityMap, analysis, { functionNames: { 'RAB.09.S05': 'Personnel management' } });
    // RAB.09.S05 is in 2 agencies, APP.06 in 1: that order. APP.06 has no name, so its code is its label.
    expect(texts(svg, 'text.row-label')).toEqual(['Personnel management', 'APP.06']);
    expect(texts(svg, 'text.row-code')).toEqual(['RAB.09.S05']);
    expect(svg.textContent).not.toContain('opaque:');
  });

  it('shows bare codes only when no name is known', () => {
    const { svg } = renderInto(renderCapabilityMap, analysis);
    expect(texts(svg, 'text.row-label')).toEqual(['RAB.09.S05', 'APP.06']);
    expect(count(svg, 'text.row-code')).toBe(0);
  });

  it('prefers the analysis’s own cluster names, so views agree with the report', () => {
    const named: Analysis = { ...analysis, duplicateClusters: [cluster({ id: 'c', function: 'RAB.09.S05', functionName: 'Personnel (civil-servant) management', label: 'c', applications: ['x1', 'x2'] })] };
    const names = functionNames(named, { functionNames: { 'RAB.09.S05': 'Personnel management', 'RAB.09.S01': 'Development planning' } });
    expect(names.get('RAB.09.S05')).toBe('Personnel (civil-servant) management');
    expect(names.get('RAB.09.S01')).toBe('Development planning');
    expect(functionName('opaque:APP.06', names)).toBe('APP.06');
    expect(displayCode('opaque:APP.06')).toBe('APP.06');
  });

  it('names the wasted-spend groups from the names passed in', () => {
    const spend: Analysis = {
      ...analysis,
      duplicateClusters: [cluster({ id: 'c', function: 'RAB.09.S01', label: 'Planning systems', applications: ['x1', 'x2'], redundantAnnualCost: 5e8 })],
    };
    const { svg } = renderInto(renderWastedSpend, spend, { functionNames: { 'RAB.09.S01': 'Development planning' } });
    expect(texts(svg, 'text.group-label')).toEqual(['Development planning · Rp 500 juta']);
  });

  it('explains only the highlights the map shows, and draws one swatch for a single value', () => {
    // Dinas A holds two RAB.09.S05 applications, but no function reaches 3 agencies.
    const { svg } = renderInto(renderCapabilityMap, analysis);
    expect(svg.querySelector('g.legend')!.textContent).toContain('more than one in one agency');
    expect(svg.querySelector('g.legend')!.textContent).not.toContain('function built in');
    // Without x2 every cell holds 1: no highlight at all, and a one-step ramp.
    const plain = renderInto(renderCapabilityMap, { ...analysis, applications: analysis.applications.filter((a) => a.id !== 'x2') }).svg;
    expect(plain.querySelector('g.legend')!.textContent).not.toContain('Highlights');
    expect(count(plain, 'rect.legend-step')).toBe(1);
    expect(texts(plain, 'text.legend-tick')).toEqual(['1']);
  });
});

describe('government names in labels', () => {
  it('abbreviates the government prefixes budget documents abbreviate', () => {
    expect(shortAgencyName('Pemerintah Kabupaten Sidoarjo')).toBe('Kab. Sidoarjo');
    expect(shortAgencyName('Pemerintah Kota Malang')).toBe('Kota Malang');
    expect(shortAgencyName('Pemerintah Provinsi Jawa Timur')).toBe('Prov. Jawa Timur');
    expect(shortAgencyName('Pemerintah Daerah Kabupaten Madiun')).toBe('Kab. Madiun');
    expect(shortAgencyName('Dinas Kesehatan Kabupaten Madiun')).toBe('Dinas Kesehatan Kabupaten Madiun');
    expect(shortAgencyName('Kementerian Keuangan')).toBe('Kementerian Keuangan');
  });

  it('keeps a roll-up’s count when the name must be cut', () => {
    const unit = { name: 'Pemerintah Kabupaten Kotawaringin Barat: 11 units', suffix: ': 11 units' };
    expect(unitLabel(unit, 500, 10)).toBe('Kab. Kotawaringin Barat: 11 units');
    const cut = unitLabel(unit, 120, 10);
    expect(cut.endsWith('…: 11 units')).toBe(true);
    expect(estimateTextWidth(cut, 10)).toBeLessThanOrEqual(120);
    expect(truncateKeepingSuffix('Other governments', ' (551)', 1000, 10)).toBe('Other governments (551)');
  });

  it('labels capability-map columns with the short names and keeps the full name in a tooltip', () => {
    const analysis = baseAnalysis({
      agencies: [agency({ id: 'g', name: 'Pemerintah Kabupaten Sumba Barat Daya', level: 'regency', applications: 1 })],
      applications: [application({ id: 'x', agencyId: 'g', function: 'F' })],
    });
    const { svg } = renderInto(renderCapabilityMap, analysis);
    expect(texts(svg, 'text.column-label')).toEqual(['Kab. Sumba Barat Daya']);
    expect(svg.querySelector('g.column title')!.textContent).toBe('Pemerintah Kabupaten Sumba Barat Daya');
  });
});

describe('no exchanges at all', () => {
  // A flat catalogue: agencies and applications, not one exchange.
  const analysis = smallAnalysis();
  const inventory = { ...smallInventory(analysis), exchanges: [] };

  it('the network says so instead of scattering unconnected agencies', () => {
    const { svg } = renderInto(renderAgencyNetwork, analysis, { inventory });
    expect(svg.querySelector('g.empty-state')!.textContent).toContain('This inventory records no data exchanges');
    expect(count(svg, 'g.node')).toBe(0);
    expect(svg.querySelector('text.view-subtitle')!.textContent).toBe('5 agencies · 0 applications · no exchanges recorded');
    // The canvas shrinks to the message rather than leave a tall blank frame.
    expect(Number(svg.getAttribute('height'))).toBeLessThan(300);
  });

  it('the network says so from the analysis alone, too', () => {
    const { svg } = renderInto(renderAgencyNetwork, analysis);
    expect(svg.querySelector('g.empty-state')!.textContent).toContain('records no data exchanges');
  });

  it('the matrix says so instead of drawing an empty frame', () => {
    const { svg } = renderInto(renderExchangeMatrix, analysis, { inventory });
    expect(svg.querySelector('g.empty-state')!.textContent).toContain('This inventory records no data exchanges');
    expect(svg.querySelector('text.view-subtitle')!.textContent).not.toMatch(/0 exchanges among 0/);
    expect(count(svg, 'rect.matrix-frame')).toBe(0);
    expect(Number(svg.getAttribute('height'))).toBeLessThan(300);
  });

  it('the matrix tells apart exchanges that join no known application', () => {
    const stray = { ...inventory, exchanges: [{ id: 'x1', sourceId: 'nowhere', targetId: 'p1', properties: {} }] };
    const { svg } = renderInto(renderExchangeMatrix, analysis, { inventory: stray });
    expect(svg.querySelector('g.empty-state')!.textContent).toContain('None of the inventory’s 1 exchange joins two applications');
  });

  it('the network says when every exchange stays inside one agency', () => {
    // p1 → p2 are both Dinas Kesehatan's: an exchange, but no line between agencies.
    const inside = { ...inventory, exchanges: [{ id: 'x1', sourceId: 'p1', targetId: 'p2', properties: {} }] };
    const { svg } = renderInto(renderAgencyNetwork, analysis, { inventory: inside });
    expect(count(svg, 'line.link')).toBe(0);
    expect(texts(svg, 'text.legend-note')).toEqual(expect.arrayContaining(['No exchanges between agencies:', 'all 1 exchange stay inside one.']));
  });
});

describe('network legend', () => {
  it('shows line widths for one exchange, a round middle and the most', () => {
    expect(lineLegendValues(28)).toEqual([1, 5, 28]);
    expect(lineLegendValues(2)).toEqual([1, 2]);
    expect(lineLegendValues(1)).toEqual([1]);
    // The small fixture's strongest pair (Dinas Kesehatan–Dinas Pendidikan) has 2 exchanges.
    const analysis = smallAnalysis();
    const { svg } = renderInto(renderAgencyNetwork, analysis, { inventory: smallInventory(analysis) });
    expect(texts(svg, 'g.legend-lines g.legend-item text')).toEqual(['1 exchange', '2 exchanges']);
  });
});

describe('network roll-ups', () => {
  it('draws links to the "other" roll-up faint, so they do not hide the named agencies', () => {
    // One agency kept (dinkes), one roll-up (disdik + hostile under kota), the rest (kemendagri, kota) "other".
    const analysis = smallAnalysis();
    const { svg } = renderInto((c, a, o) => renderAgencyNetwork(c, a, { ...o, topAgencies: 1, maxGroups: 1 }), analysis, { inventory: smallInventory(analysis) });
    const other = Array.from(svg.querySelectorAll('line.link-other'));
    // kemendagri–dinkes and hostile–kemendagri touch "other"; dinkes–disdik and disdik–hostile do not.
    expect(other).toHaveLength(2);
    expect(other.every((l) => l.getAttribute('stroke-opacity') === '0.22')).toBe(true);
    expect(count(svg, 'line.link')).toBe(3);
    // Every node is labelled, the roll-up with its count.
    expect(texts(svg, 'text.node-label').sort()).toEqual(['Dinas Kesehatan', 'Kota Contoh: 2 units', 'Other agencies (2)']);
  });
});

describe('exchange matrix communities', () => {
  it('gives neighbouring communities different colours even when their ids share a last digit', () => {
    const colour = communityPalette([2, 22, 22, 7, undefined]);
    expect(colour(2)).not.toBe(colour(22));
    expect(colour(22)).not.toBe(colour(7));
    expect(colour(undefined)).toBe(colour(99));
  });
});

describe('wasted spend plurals', () => {
  it('writes one agency and one cluster in the singular', () => {
    const analysis = baseAnalysis({
      duplicateClusters: [cluster({ id: 'c', function: 'F', label: 'Two systems', applications: ['a', 'b'], agencies: ['x'], redundantAnnualCost: 3e8 })],
    });
    const { svg } = renderInto(renderWastedSpend, analysis, { width: 960, height: 620 });
    expect(texts(svg, 'text.leaf-label')).toContain('2 apps · 1 agency');
    expect(svg.querySelector('text.view-subtitle')!.textContent).toContain('in 1 cluster across 1 function');
  });
});

describe('recommendation waves', () => {
  const waves = (n: number) =>
    baseAnalysis({
      recommendations: Array.from({ length: n }, (_, i) =>
        recommendation({ id: `r${i}`, kind: 'integrate', title: `Connect system ${i}`, wave: i + 1, priority: i + 1 }),
      ),
    });

  it('counts every wave, names the merged column by its range and says when a wave saves nothing', () => {
    const { svg } = renderInto(renderRecommendationWaves, waves(7));
    expect(svg.querySelector('text.view-subtitle')!.textContent).toBe('7 recommendations in 7 waves · no direct savings expected');
    expect(texts(svg, 'text.wave-label')).toEqual(['Wave 1', 'Wave 2', 'Wave 3', 'Wave 4', 'Waves 5–7']);
    expect(texts(svg, 'text.wave-savings')).toEqual(Array(5).fill('no direct savings'));
    expect(count(svg, 'rect.savings-bar')).toBe(0);
  });

  it('writes one wave in the singular and lays a wide wave’s cards side by side', () => {
    const one = baseAnalysis({
      recommendations: Array.from({ length: 6 }, (_, i) => recommendation({ id: `r${i}`, kind: 'retire', title: `Retire ${i}`, wave: 1, priority: i + 1, estimatedAnnualSavings: { low: 1e6, expected: 2e6, high: 3e6 } })),
    });
    const { svg } = renderInto(renderRecommendationWaves, one, { width: 960, height: 660 });
    expect(svg.querySelector('text.view-subtitle')!.textContent).toContain('6 recommendations in 1 wave ·');
    // One column 928 wide: (920 + 6) ÷ (240 + 6) → 3 cards a row, so the six take two rows.
    const rows = new Set(Array.from(svg.querySelectorAll('g.card')).map((c) => /,([\d.]+)\)/.exec(c.getAttribute('transform')!)![1]));
    expect(rows.size).toBe(2);
  });

  it('says how much of the total comes from retiring unused systems', () => {
    const mixed = baseAnalysis({
      recommendations: [
        recommendation({ id: 'a', kind: 'consolidate', title: 'A', wave: 1, estimatedAnnualSavings: { low: 1e8, expected: 2e8, high: 3e8 } }),
        recommendation({ id: 'b', kind: 'retire', title: 'B', wave: 1, estimatedAnnualSavings: { low: 1e8, expected: 1e8, high: 1e8 } }),
      ],
    });
    const { svg } = renderInto(renderRecommendationWaves, mixed);
    expect(svg.querySelector('text.view-subtitle')!.textContent).toBe(
      '2 recommendations in 1 wave · Rp 300 juta a year expected savings (Rp 100 juta of it from retiring unused systems)',
    );
  });
});


describe('label colour on a filled mark', () => {
  it('picks whichever of dark and white text contrasts more with the fill', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(textOn('#ffffff')).toBe(COLORS.text);
    expect(textOn('rgb(8, 48, 107)')).toBe(COLORS.background);
    // A mid orange (#ed6513, confidence 0,6 in the wasted-spend scale) reads better with dark text:
    // white would give about 3:1, below the 4,5:1 WCAG asks of small text.
    expect(textOn('#ed6513')).toBe(COLORS.text);
    expect(contrastRatio('#ed6513', COLORS.background)).toBeLessThan(4.5);
  });
});
