import type { Analysis } from '../types.js';

const idr = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The short human summary `analyze` prints on stdout. Every figure is read from the Analysis. */
export function humanSummary(analysis: Analysis, outDir: string, written: string[]): string {
  const s = analysis.summary;
  const lines = [
    `siloscope ${analysis.meta.version} — ${analysis.meta.source.path}`,
    `  ${s.agencies} agencies, ${s.applications} applications, ${s.exchanges} exchanges, ${s.datasets} datasets`,
    // A catalogue without exchanges has every application isolated by definition: say so instead of a score.
    analysis.siloIndex.measured === false
      ? '  silo index not measured: the inventory lists no data exchanges'
      : `  silo index ${s.siloIndex.toFixed(3)} (0 integrated … 1 all islands); ${s.isolatedApplications} ${s.isolatedApplications === 1 ? 'application exchanges' : 'applications exchange'} nothing`,
    `  ${s.duplicateClusters} duplicate clusters covering ${s.duplicateApplications} applications`,
    `  annual spend IDR ${idr.format(s.totalAnnualCost)}, redundant IDR ${idr.format(s.redundantAnnualCost)}` +
      (s.estimatedCostApplications > 0 ? ` (${s.estimatedCostApplications} costs estimated)` : ''),
    `  estimated savings per year IDR ${idr.format(s.estimatedAnnualSavings.low)} – ${idr.format(s.estimatedAnnualSavings.high)} (expected ${idr.format(s.estimatedAnnualSavings.expected)})`,
    `  ${analysis.recommendations.length} recommendations in ${new Set(analysis.recommendations.map((r) => r.wave)).size} waves`,
  ];
  if (s.warnings > 0) lines.push(`  ${s.warnings} input warnings (rows or values skipped; listed in analysis.json)`);
  lines.push(`Wrote ${written.length} files to ${outDir}/ (analysis.json, report.html, report.md, CSV, visualizations/)`);
  return lines.join('\n') + '\n';
}
