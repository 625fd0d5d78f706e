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
import { CHARTS_ANCHOR, DEFAULTS, buildReportDocument, type ReportLimits } from './sections.js';
import type { ReportDocument } from './document.js';

export interface ReportOptions {
  lang: Lang;
  format: 'html' | 'md';
  /** View name → SVG markup, supplied by the caller; inlined in a Charts section. */
  charts?: Record<string, string>;
  /** How many clusters, agencies, warnings… to list; defaults in `DEFAULTS`. */
  limits?: Partial<ReportLimits>;
}

export function renderReport(analysis: Analysis, options: ReportOptions): string {
  const doc = reportDocument(analysis, options);
  return options.format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
}

/**
 * Both files `analyze` writes, from one build of the document (at national scale building it costs as much
 * as rendering it): report.html with the charts inlined, report.md without them, exactly as
 * `renderReport` writes each.
 */
export function renderReports(analysis: Analysis, options: Omit<ReportOptions, 'format'>): { html: string; md: string } {
  const doc = reportDocument(analysis, options);
  const chartless = options.charts ? { ...doc, sections: doc.sections.filter((section) => section.anchor !== CHARTS_ANCHOR) } : doc;
  return { html: renderHtml(doc), md: renderMarkdown(chartless) };
}

function reportDocument(analysis: Analysis, options: Omit<ReportOptions, 'format'>): ReportDocument {
  const t = dictionary(options.lang);
  const limits: ReportLimits = { ...DEFAULTS.limits, ...options.limits };
  return buildReportDocument(analysis, t, formatter(t), options.charts, limits);
}

export { DEFAULTS as REPORT_DEFAULTS } from './sections.js';
export { writeCsvExports, type CsvOptions } from './csv.js';
export type { Lang } from './i18n.js';
