/**
 * The policy report: one Analysis in, `report.html` or `report.md` text out, in English or Bahasa
 * Indonesia. Content is built once (sections.ts) and written by a renderer per format, so both files carry
 * the same sections and figures. See README.md in this folder for the sections and the CSV exports.
 */
import type { Analysis } from '../types.js';
import { formatter } from './format.js';
import { renderHtml } from './html.js';
import { dictionary, type Lang } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import { DEFAULTS, buildReportDocument, type ReportLimits } from './sections.js';

export interface ReportOptions {
  lang: Lang;
  format: 'html' | 'md';
  /** View name → SVG markup, supplied by the caller; inlined in a Charts section. */
  charts?: Record<string, string>;
  /** How many clusters, agencies, warnings… to list; defaults in `DEFAULTS`. */
  limits?: Partial<ReportLimits>;
}

export function renderReport(analysis: Analysis, options: ReportOptions): string {
  const t = dictionary(options.lang);
  const limits: ReportLimits = { ...DEFAULTS.limits, ...options.limits };
  const doc = buildReportDocument(analysis, t, formatter(t), options.charts, limits);
  return options.format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
}

export { DEFAULTS as REPORT_DEFAULTS } from './sections.js';
export { writeCsvExports, type CsvOptions } from './csv.js';
export type { Lang } from './i18n.js';
