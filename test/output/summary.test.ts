import { describe, expect, it } from 'vitest';
import { humanSummary } from '../../src/output/summary.js';
import { baseAnalysis } from '../fixtures/analysis/builders.js';
import type { Analysis } from '../../src/types.js';

function analysisWith(isolated: number, measured: boolean | undefined): Analysis {
  const base = baseAnalysis();
  return {
    ...base,
    summary: { ...base.summary, siloIndex: 1, isolatedApplications: isolated },
    siloIndex: { ...base.siloIndex, value: 1, ...(measured === undefined ? {} : { measured }) },
  };
}

const siloLine = (a: Analysis) => humanSummary(a, '/tmp/out', []).split('\n').find((l) => l.includes('silo index'))!;

describe('humanSummary', () => {
  it('prints the silo index with the isolated applications, singular or plural', () => {
    expect(siloLine(analysisWith(1, true))).toBe('  silo index 1.000 (0 integrated … 1 all islands); 1 application exchanges nothing');
    expect(siloLine(analysisWith(3, true))).toBe('  silo index 1.000 (0 integrated … 1 all islands); 3 applications exchange nothing');
    // Analyses written before `measured` existed read as measured.
    expect(siloLine(analysisWith(0, undefined))).toBe('  silo index 1.000 (0 integrated … 1 all islands); 0 applications exchange nothing');
  });

  it('says the silo index is not measured when the inventory lists no exchange', () => {
    expect(siloLine(analysisWith(5, false))).toBe('  silo index not measured: the inventory lists no data exchanges');
  });

  it('names the visualizations folder only when views were written', () => {
    const wrote = (written: string[]) => humanSummary(baseAnalysis(), '/tmp/out', written).split('\n').find((l) => l.startsWith('Wrote'))!;
    const files = ['/tmp/out/analysis.json', '/tmp/out/report.html', '/tmp/out/report.md', '/tmp/out/duplicates.csv'];
    expect(wrote(files)).toBe('Wrote 4 files to /tmp/out/ (analysis.json, report.html, report.md, CSV)');
    expect(wrote([...files, '/tmp/out/visualizations/silo-map.svg'])).toBe('Wrote 5 files to /tmp/out/ (analysis.json, report.html, report.md, CSV, visualizations/)');
  });
});
