import type { Analysis } from '../types.js';

const idr = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "1 agency", "2 agencies": a count with its noun in the right number. */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The short human summary `analyze` prints on stdout. Every figure is read from the Analysis. */
export function humanSummary(analysis: Analysis, outDir: string, written: string[]): string {
  const s = analysis.summary;
  const lines = [
    `siloscope ${analysis.meta.version} — ${analysis.meta.source.path}`,
    `  ${count(s.agencies, 'agency', 'agencies')}, ${count(s.applications, 'application')}, ${count(s.exchanges, 'exchange')}, ${count(s.datasets, 'dataset')}`,
    // A catalogue without exchanges has every application isolated by definition: say so instead of a score.
    analysis.siloIndex.measured === false
      ? '  silo index not measured: the inventory lists no data exchanges'
      : `  silo index ${s.siloIndex.toFixed(3)} (0 integrated … 1 all islands); ${s.isolatedApplications} ${s.isolatedApplications === 1 ? 'application exchanges' : 'applications exchange'} nothing`,
    `  ${count(s.duplicateClusters, 'duplicate cluster')} covering ${count(s.duplicateApplications, 'application')}`,
    `  annual spend IDR ${idr.format(s.totalAnnualCost)}, redundant IDR ${idr.format(s.redundantAnnualCost)}` +
      (s.estimatedCostApplications > 0 ? ` (${s.estimatedCostApplications} costs estimated)` : ''),
    `  estimated savings per year IDR ${idr.format(s.estimatedAnnualSavings.low)} – ${idr.format(s.estimatedAnnualSavings.high)} (expected ${idr.format(s.estimatedAnnualSavings.expected)})`,
    `  ${count(analysis.recommendations.length, 'recommendation')} in ${count(new Set(analysis.recommendations.map((r) => r.wave)).size, 'wave')}`,
  ];
  if (s.warnings > 0) lines.push(`  ${count(s.warnings, 'input warning')} (rows or values skipped; listed in analysis.json)`);
  const views = written.some((path) => /[\\/]visualizations[\\/]/.test(path));
  lines.push(`Wrote ${count(written.length, 'file')} to ${outDir}/ (analysis.json, report.html, report.md, CSV${views ? ', visualizations/' : ''})`);
  return lines.join('\n') + '\n';
}
