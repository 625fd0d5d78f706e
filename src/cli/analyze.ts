import type { CommandModule } from 'yargs';
import type { Inventory } from '../types.js';
import { loadInventory } from '../inventory/index.js';
import { analyzeInventoryStaged } from '../analyze.js';
import { outputError, writeOutputs } from '../output/write.js';
import { Progress } from '../progress.js';
import { InputError, formatIssue } from '../errors.js';
import { humanSummary } from '../output/summary.js';
import { connectionFromArgs, neo4jConnectionOptions, type ConnectionArgs } from './neo4j.js';

interface AnalyzeArgs extends ConnectionArgs {
  source: 'files' | 'neo4j';
  inventory?: string;
  out: string;
  strict: boolean;
  government?: string;
  quiet: boolean;
  lang: 'en' | 'id';
  seed: number;
  png: boolean;
  views: boolean;
  pretty?: boolean;
}

export function analyzeCommand(setExit: (code: number) => void): CommandModule<object, AnalyzeArgs> {
  return {
    command: 'analyze [inventory]',
    describe: 'Analyse an inventory: silos, duplicates, spend, recommendations; writes analysis.json, reports, CSV and views',
    builder: (y) =>
      neo4jConnectionOptions(y)
        .positional('inventory', {
          type: 'string',
          describe: 'A folder of CSV files, a .json file, an .xlsx workbook, a flat catalogue .csv/.xlsx or an ArchiMate .xml (see README)',
        })
        .option('source', {
          choices: ['files', 'neo4j'] as const,
          default: 'files' as const,
          describe: 'Read the inventory from files, or back from a Neo4j store filled by `siloscope neo4j push`',
        })
        .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'Output folder' })
        .option('government', {
          type: 'string',
          describe: 'Flat catalogues: the parent government of the units, e.g. "Kabupaten Madiun" (inferred from addresses and text when absent)',
        })
        .option('strict', { type: 'boolean', default: false, describe: 'Treat row-level warnings as errors (exit 2)' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' })
        .option('lang', { choices: ['en', 'id'] as const, default: 'en' as const, describe: 'Report language: English or Bahasa Indonesia' })
        .option('seed', { type: 'number', default: 42, describe: 'Seed for community detection (same seed, same result)' })
        .option('png', { type: 'boolean', default: true, describe: 'Render PNG images of the views (--no-png to skip)' })
        .option('pretty', { type: 'boolean', describe: 'Indent analysis.json (default: indented up to 2,000 applications, compact above)' })
        .option('views', { type: 'boolean', default: true, describe: 'Write the D3 views (--no-views to skip)' })
        .example('$0 analyze data/sample', 'analyse the bundled sample into out/')
        .example('$0 analyze inventory.xlsx --out audit --lang id', 'an XLSX workbook, report in Bahasa Indonesia')
        .example('$0 analyze catalogue/ --strict', 'refuse the inventory if any row has a problem')
        .example('$0 analyze aplikasi.csv --government "Kabupaten Madiun"', 'a flat survey sheet of the units of one regency')
        .example('$0 analyze model.xml', 'an ArchiMate Open Exchange model')
        .example('$0 analyze --source neo4j --uri bolt://127.0.0.1:7687 --out X', 'read the inventory back from Neo4j'),
    handler: async (args) => {
      const progress = new Progress({ quiet: args.quiet });
      const inventory = await progress.stageAsync('load', () => readInventory(args));
      printWarnings(inventory.warnings.map(formatIssue));
      // Staged: the CSV exports are written while the target state's silo index is computed on the second core.
      const staged = await analyzeInventoryStaged(inventory, {
        seed: args.seed,
        progress,
        recordedOptions: { strict: args.strict, lang: args.lang, source: args.source },
      });
      const written = await progress
        .stageAsync('write outputs', () =>
          writeOutputs(staged, inventory, args.out, { lang: args.lang, png: args.png, views: args.views, pretty: args.pretty }),
        )
        .catch((error: unknown) => {
          throw outputError(error, args.out) ?? error;
        });
      process.stdout.write(humanSummary(staged.analysis, args.out, written));
      setExit(0);
    },
  };
}

async function readInventory(args: AnalyzeArgs): Promise<Inventory> {
  if (args.source === 'neo4j') {
    const { loadInventoryFromNeo4j } = await import('../neo4j/index.js');
    return loadInventoryFromNeo4j(connectionFromArgs(args));
  }
  if (!args.inventory) {
    throw new InputError({
      level: 'error',
      file: 'command line',
      message: 'no inventory given.',
      fix: 'name a folder of CSV files, a .json or an .xlsx file, e.g. `siloscope analyze data/sample`, or use --source neo4j.',
    });
  }
  return loadInventory(args.inventory, { strict: args.strict, government: args.government });
}

/** Every warning goes to analysis.json; the terminal gets the first ones and a count, so a bad export
 * with 20,000 broken rows does not bury the summary. */
const MAX_PRINTED_WARNINGS = 100;
function printWarnings(lines: string[]): void {
  for (const line of lines.slice(0, MAX_PRINTED_WARNINGS)) process.stderr.write(`${line}\n`);
  if (lines.length > MAX_PRINTED_WARNINGS) {
    process.stderr.write(`… and ${lines.length - MAX_PRINTED_WARNINGS} more warnings: all are listed in analysis.json under "warnings".\n`);
  }
}
