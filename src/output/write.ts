import { mkdir } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { join } from 'node:path';
import type { Analysis, Inventory } from '../types.js';
import { completeAnalysis, type StagedAnalysis } from '../analyze.js';
import { renderReports } from '../report/index.js';
import { writeCsvExports } from '../report/csv.js';
import { jsonParts } from './file.js';
import { inlineWriter, threadWriter } from './writer-thread.js';

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
  /** Encode and write on a second thread: by default above WRITER_THREAD_MIN_APPLICATIONS applications. */
  thread?: boolean;
}

/** A regional catalogue, with room: its analysis.json is a few megabytes at most. */
export const PRETTY_MAX_APPLICATIONS = 2000;

/** Above this many applications the files are encoded and written on a second thread (writer-thread.ts). */
export const WRITER_THREAD_MIN_APPLICATIONS = 5000;

/**
 * Writes everything `analyze` produces from one Analysis: analysis.json (the contract), the policy report
 * in HTML and Markdown with the views' SVGs inlined, the CSV exports and the view files. Returns the paths.
 * The large files are written in pieces (file.ts), on a writer thread for large inventories: the main
 * thread builds the next file while the previous one is encoded and written. Given a staged analysis, the
 * CSV exports (which do not read the target state) are built while its target state is still measured.
 */
export async function writeOutputs(
  input: Analysis | StagedAnalysis,
  inventory: Inventory,
  outDir: string,
  options: WriteOptions,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const early = 'meta' in input ? input : input.analysis;
  const writer = (options.thread ?? early.applications.length > WRITER_THREAD_MIN_APPLICATIONS) ? threadWriter() : inlineWriter();
  try {
    const csvs = await writeCsvExports(early, inventory, outDir, {}, writer);
    const analysis = 'meta' in input ? input : await completeAnalysis(input);
    const written: string[] = [];
    const analysisPath = join(outDir, 'analysis.json');
    const pretty = options.pretty ?? analysis.applications.length <= PRETTY_MAX_APPLICATIONS;
    void writer.write(analysisPath, pretty ? [JSON.stringify(analysis, null, 1)] : jsonParts(analysis));
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
      void writer.write(path, [reports[format]]);
      written.push(path);
    }
    written.push(...csvs);
    return written;
  } finally {
    // Every file handed to the writer is complete (or its error thrown) before the run reports success.
    await writer.close();
  }
}

/** Plain words for the file-system errors a wrong --out runs into. */
const OUTPUT_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file of that name is in the way of the folder',
  ENOTDIR: 'a file of that name is in the way of the folder',
  EISDIR: 'a folder of that name is in the way of the file',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
};

/**
 * A failure to write the outputs, as the user's problem to fix (exit 2, no stack trace) when it is one of
 * the file-system errors a wrong or full output folder gives; undefined for anything else.
 */
export function outputError(error: unknown, outDir: string): InputError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !(code in OUTPUT_ERRORS)) return undefined;
  const path = (error as NodeJS.ErrnoException).path ?? outDir;
  return new InputError({
    level: 'error',
    file: path,
    message: `cannot write the output (${code}: ${OUTPUT_ERRORS[code]}).`,
    fix: `choose an --out folder you can write to (now ${outDir}); it is created when missing.`,
  });
}
