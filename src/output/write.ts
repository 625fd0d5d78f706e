import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis, Inventory } from '../types.js';
import { renderReports } from '../report/index.js';
import { writeCsvExports } from '../report/csv.js';
import { jsonParts, writeTextFile } from './file.js';

export interface WriteOptions {
  lang: 'en' | 'id';
  png: boolean;
  views: boolean;
  /**
   * Indent analysis.json for reading: true always, false never; by default only for inventories of up to
   * PRETTY_MAX_APPLICATIONS applications (a national analysis is tens of megabytes, read by programs, and
   * indenting it adds a third to its size and to the time to write and parse it).
   */
  pretty?: boolean;
}

/** A regional catalogue, with room: its analysis.json is a few megabytes at most. */
export const PRETTY_MAX_APPLICATIONS = 2000;

/**
 * Writes everything `analyze` produces from one Analysis: analysis.json (the contract), the policy report
 * in HTML and Markdown with the views' SVGs inlined, the CSV exports and the view files. Returns the paths.
 * The large files are written in pieces (file.ts).
 */
export async function writeOutputs(analysis: Analysis, inventory: Inventory, outDir: string, options: WriteOptions): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const analysisPath = join(outDir, 'analysis.json');
  const pretty = options.pretty ?? analysis.applications.length <= PRETTY_MAX_APPLICATIONS;
  await writeTextFile(analysisPath, pretty ? [JSON.stringify(analysis, null, 1)] : jsonParts(analysis));
  written.push(analysisPath);

  const charts: Record<string, string> = {};
  if (options.views) {
    // Loaded only when drawn: d3, linkedom and resvg are the slowest modules to load.
    const { renderViews } = await import('../render/views.js');
    const views = await renderViews(analysis, inventory, join(outDir, 'visualizations'), { png: options.png });
    for (const view of views) {
      charts[view.name] = view.markup;
      written.push(...[view.svg, view.html, view.png].filter((p): p is string => Boolean(p)));
    }
  }
  const reports = renderReports(analysis, { lang: options.lang, charts });
  for (const format of ['html', 'md'] as const) {
    const path = join(outDir, `report.${format}`);
    await writeFile(path, reports[format]);
    written.push(path);
  }
  written.push(...(await writeCsvExports(analysis, inventory, outDir)));
  return written;
}
