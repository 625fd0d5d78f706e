/**
 * siloscope command line. Each subcommand lives in its own module; this file wires them into yargs and
 * owns the one rule every command shares: a user's mistake (InputError) prints plain messages and exits 2,
 * anything else is a bug and shows its stack.
 */
import yargs from 'yargs';
import { InputError } from '../errors.js';
import { analyzeCommand } from './analyze.js';
import { exportCommand } from './export.js';
import { serveCommand } from './serve.js';
import { neo4jCommand } from './neo4j.js';
import { registerLoader } from '../inventory/index.js';
import { registerInteropLoaders } from '../interop/index.js';
import { registerCatalogueLoaders } from '../catalogue/index.js';

export async function main(argv: string[]): Promise<number> {
  registerInteropLoaders(registerLoader);
  registerCatalogueLoaders(registerLoader);
  let exitCode = 0;
  const cli = yargs(argv)
    .scriptName('siloscope')
    .usage('$0 <command> [options]\n\nFind silos and duplicate systems in a government application inventory,\nprice the waste and recommend integration.')
    .command(analyzeCommand((code) => (exitCode = code)))
    .command(exportCommand((code) => (exitCode = code)))
    .command(serveCommand((code) => (exitCode = code)))
    .command(neo4jCommand((code) => (exitCode = code)))
    .demandCommand(1, 'Name a command, e.g. `siloscope analyze data/sample`.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Docs: README.md (quick start, input and output contracts). Exit codes: 0 ok, 2 bad input, 1 internal error.')
    .fail((msg, err) => {
      if (err) throw err;
      throw new InputError({ level: 'error', file: 'command line', message: msg, fix: 'run `siloscope --help`.' });
    });
  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof InputError) {
      for (const issue of error.issues) process.stderr.write(`${formatLine(issue)}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}

function formatLine(issue: InputError['issues'][number]): string {
  return new InputError(issue).message;
}
