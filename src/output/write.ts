import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis, Inventory } from '../types.js';
import { renderReport } from '../report/index.js';
import { writeCsvExports } from '../report/csv.js';
import { renderViewSvg, renderViews } from '../render/views.js';

export interface WriteOptions {
  lang: 'en' | 'id';
  png: boolean;
  views: boolean;
}

/**
 * Writes everything `analyze` produces from one Analysis: analysis.json (the contract), the policy report
 * in HTML and Markdown with the views' SVGs inlined, the CSV exports and the view files. Returns the paths.
 */
export async function writeOutputs(analysis: Analysis, inventory: Inventory, outDir: string, options: WriteOptions): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const analysisPath = join(outDir, 'analysis.json');
  await writeFile(analysisPath, JSON.stringify(analysis, null, 1));
  written.push(analysisPath);

  const charts: Record<string, string> = {};
  if (options.views) {
    const views = await renderViews(analysis, inventory, join(outDir, 'visualizations'), { png: options.png });
    for (const view of views) {
      charts[view.name] = renderViewSvg(view.name, analysis, inventory);
      written.push(...[view.svg, view.html, view.png].filter((p): p is string => Boolean(p)));
    }
  }
  for (const format of ['html', 'md'] as const) {
    const path = join(outDir, `report.${format}`);
    await writeFile(path, renderReport(analysis, { lang: options.lang, format, charts: format === 'html' ? charts : undefined }));
    written.push(path);
  }
  written.push(...(await writeCsvExports(analysis, inventory, outDir)));
  return written;
}
