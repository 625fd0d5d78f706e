/**
 * `siloscope export <format> <input> -o <file>`: an inventory or an analysis output folder → an ArchiMate
 * exchange file, an Archi CSV export, GraphML, GEXF or node-link JSON (docs/interop.md).
 *
 * `<input>` is either an inventory (anything `analyze` reads, ArchiMate and Archi CSV included), which is
 * analysed first unless `--no-analysis`, or an `analyze` output folder: then its analysis.json is used as
 * it is and the inventory is re-loaded from the path the analysis records (`--inventory` overrides it).
 */
import { existsSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { InputError, formatIssue } from '../errors.js';
import { loadInventory, registerLoader } from '../inventory/index.js';
import { EXPORT_FORMATS, MAP_DEFAULTS, exportTo, findArchiCsvFiles, loadArchiCsv, loadArchimate, registerInteropLoaders, type ExportFormat, type InteropLoadOptions } from '../interop/index.js';
import { Progress } from '../progress.js';
import type { Analysis, InputIssue, Inventory } from '../types.js';

interface ExportArgs {
  format: ExportFormat;
  input?: string;
  output: string;
  inventory?: string;
  analysis: boolean;
  views: boolean;
  strict: boolean;
  quiet: boolean;
  seed: number;
  ownerProperty?: string[];
}

const MAX_PRINTED_WARNINGS = 100;

export function exportCommand(setExit: (code: number) => void): CommandModule<object, ExportArgs> {
  return {
    command: 'export <format> <input>',
    describe: 'Write an inventory and its analysis as ArchiMate (exchange XML or Archi CSV), GraphML, GEXF or node-link JSON',
    builder: (y) =>
      y
        .positional('format', { choices: EXPORT_FORMATS, demandOption: true, describe: 'archimate | archi-csv | graphml | gexf | json' })
        .positional('input', { type: 'string', describe: 'An inventory (folder, .json, .xlsx, ArchiMate .xml, Archi CSV) or an `analyze` output folder' })
        .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'File to write (a folder for archi-csv)' })
        .option('inventory', { type: 'string', describe: 'With an output folder as input: the inventory to pair with its analysis.json (default: the path the analysis records)' })
        .option('analysis', { type: 'boolean', default: true, describe: 'Include the findings (clusters, recommendations, silo scores, communities); --no-analysis writes the inventory only' })
        .option('views', { type: 'boolean', default: true, describe: 'archimate: one view per agency and per duplicate cluster (--no-views to skip)' })
        .option('owner-property', { type: 'string', array: true, describe: 'Extra ArchiMate property names that name an application\'s owning agency (input models)' })
        .option('strict', { type: 'boolean', default: false, describe: 'Treat row-level warnings in the inventory as errors (exit 2)' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' })
        .option('seed', { type: 'number', default: 42, describe: 'Seed for community detection when the input is analysed' })
        .example('$0 export archimate out -o model.xml', 'the analysis in out/ as an ArchiMate exchange file for Archi')
        .example('$0 export archi-csv data/sample -o archi/', 'an inventory as Archi CSV (File → Import → CSV Data Into Selected Model)')
        .example('$0 export gexf out -o apps.gexf', 'the application graph for Gephi')
        .example('$0 export json model.xml -o graph.json --no-analysis', 'an ArchiMate model as a node-link graph'),
    handler: async (args) => {
      const progress = new Progress({ quiet: args.quiet });
      if (!args.input) {
        throw new InputError({ level: 'error', file: 'command line', message: 'no input given.', fix: 'name an inventory or an `analyze` output folder, e.g. `siloscope export archimate out -o model.xml`' });
      }
      const loadOptions: InteropLoadOptions = { strict: args.strict, ...(args.ownerProperty?.length ? { ownerProperties: [...args.ownerProperty, ...MAP_DEFAULTS.ownerProperties] } : {}) };
      const { inventory, analysis } = await progress.stageAsync('load', () => resolveInput(args.input!, args, loadOptions, progress));
      printLines(inventory.warnings.map(formatIssue));
      const written = await progress.stageAsync(`write ${args.format}`, () => exportTo(args.format, { inventory, ...(analysis ? { analysis } : {}) }, args.output, { views: args.views }));
      process.stdout.write(`${written.map((path) => `wrote ${path}`).join('\n')}\n`);
      setExit(0);
    },
  };
}

async function resolveInput(input: string, args: ExportArgs, options: InteropLoadOptions, progress: Progress): Promise<{ inventory: Inventory; analysis?: Analysis }> {
  const info = await statOrFail(input);
  if (info.isDirectory() && existsSync(join(input, 'analysis.json'))) {
    const analysis = await readAnalysis(join(input, 'analysis.json'));
    const inventory = await load(inventoryPathFor(analysis, input, args.inventory), options);
    if (!args.analysis) return { inventory };
    warnOnMismatch(analysis, inventory);
    return { inventory, analysis };
  }
  const inventory = await load(input, options);
  if (!args.analysis) return { inventory };
  // Loaded on demand: an export of an existing analysis, or of the inventory alone, never needs the pipeline.
  const { analyzeInventory } = await import('../analyze.js');
  return { inventory, analysis: await analyzeInventory(inventory, { seed: args.seed, progress, recordedOptions: { strict: args.strict } }) };
}

async function statOrFail(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch {
    throw new InputError({ level: 'error', file: path, message: 'the path does not exist.', fix: 'check the path: pass an inventory or an `analyze` output folder' });
  }
}

/** ArchiMate and Archi CSV inputs are loaded here so `--owner-property` applies; the rest go through the inventory registry. */
async function load(path: string, options: InteropLoadOptions): Promise<Inventory> {
  const info = await statOrFail(path);
  let inventory: Inventory;
  if (info.isFile() && extname(path).toLowerCase() === '.xml') inventory = await loadArchimate(path, options);
  else if ((info.isDirectory() || info.isFile()) && (await archiCsv(path))) inventory = await loadArchiCsv(path, options);
  else {
    registerInteropLoaders(registerLoader);
    return loadInventory(path, { strict: options.strict ?? false });
  }
  if (options.strict && inventory.warnings.length > 0) throw new InputError(inventory.warnings.map((w): InputIssue => ({ ...w, level: 'error' })));
  return inventory;
}

async function archiCsv(path: string): Promise<boolean> {
  return (await findArchiCsvFiles(path)) !== undefined;
}

async function readAnalysis(path: string): Promise<Analysis> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError({ level: 'error', file: path, message: `the file is not valid JSON (${(error as Error).message}).`, fix: 'run `siloscope analyze` again to rewrite it' });
  }
  const analysis = parsed as Partial<Analysis>;
  if (typeof analysis !== 'object' || analysis === null || !analysis.meta?.source?.path || !Array.isArray(analysis.applications) || !Array.isArray(analysis.duplicateClusters)) {
    throw new InputError({ level: 'error', file: path, message: 'this is not a siloscope analysis (meta.source, applications or duplicateClusters is missing).', fix: 'pass the folder `siloscope analyze` wrote, or the inventory itself' });
  }
  return analysis as Analysis;
}

/** The inventory an analysis was made from: `--inventory`, else its recorded path (as given, or beside the output folder). */
function inventoryPathFor(analysis: Analysis, outDir: string, override: string | undefined): string {
  if (override !== undefined) return override;
  const recorded = analysis.meta.source.path;
  const candidates = [resolve(recorded), resolve(dirname(resolve(outDir)), recorded)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found !== undefined) return found;
  throw new InputError({
    level: 'error',
    file: join(outDir, 'analysis.json'),
    message: `the inventory this analysis was made from (${recorded}) is not found from here.`,
    fix: 'pass it with --inventory <path>, or run the export from the folder `analyze` was run in',
  });
}

/** An analysis.json and an inventory that drifted apart still export, but the user is told. */
function warnOnMismatch(analysis: Analysis, inventory: Inventory): void {
  const known = new Set(inventory.applications.map((a) => a.id));
  const missing = analysis.applications.filter((a) => !known.has(a.id)).length;
  const added = inventory.applications.length - (analysis.applications.length - missing);
  if (missing === 0 && added === 0) return;
  process.stderr.write(
    `warning: the inventory has changed since the analysis (${missing} analysed application(s) are gone, ${added} are new); findings are written for the applications both know. Run \`siloscope analyze\` again for an up-to-date export.\n`,
  );
}

function printLines(lines: string[]): void {
  for (const line of lines.slice(0, MAX_PRINTED_WARNINGS)) process.stderr.write(`${line}\n`);
  if (lines.length > MAX_PRINTED_WARNINGS) process.stderr.write(`… and ${lines.length - MAX_PRINTED_WARNINGS} more warnings.\n`);
}
