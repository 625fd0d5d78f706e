import type { CommandModule } from 'yargs';
import { InputError, formatIssue } from '../errors.js';
import { Progress } from '../progress.js';
import { SERVER_DEFAULTS } from '../serve/defaults.js';

interface ServeArgs {
  source?: string;
  port: number;
  host: string;
  inventory?: string;
  seed: number;
  strict: boolean;
  quiet: boolean;
}

/**
 * `siloscope serve`: the interactive explorer on a local web server, until Ctrl-C. `onListening` lets a
 * caller (a test) learn the address; `untilStopped` decides when to shut down (default: SIGINT/SIGTERM).
 */
export function serveCommand(
  setExit: (code: number) => void,
  hooks: { onListening?: (url: string) => void; untilStopped?: () => Promise<void> } = {},
): CommandModule<object, ServeArgs> {
  return {
    command: 'serve <source>',
    describe: 'Explore an analysis in the browser: search, filter, ego networks, evidence, exports (local web server)',
    builder: (y) =>
      y
        .positional('source', {
          type: 'string',
          describe: 'An output folder of `analyze` (with analysis.json), an analysis.json, or an inventory (analysed in memory first)',
        })
        .option('port', { alias: 'p', type: 'number', default: SERVER_DEFAULTS.port, describe: 'Port to listen on (0 = any free port)' })
        .option('host', { type: 'string', default: SERVER_DEFAULTS.host, describe: 'Address to bind; keep the loopback default unless you mean to share it' })
        .option('inventory', { alias: 'i', type: 'string', describe: 'Inventory to pair with an analysis.json (default: the path the analysis records)' })
        .option('seed', { type: 'number', default: 42, describe: 'Seed for community detection when analysing an inventory' })
        .option('strict', { type: 'boolean', default: false, describe: 'Treat row-level warnings as errors (exit 2)' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' })
        .example('$0 serve out', 'explore the results of `siloscope analyze … --out out`')
        .example('$0 serve data/sample --port 0', 'analyse the sample in memory and serve it on a free port'),
    handler: async (args) => {
      const progress = new Progress({ quiet: args.quiet });
      if (!args.source) {
        throw new InputError({ level: 'error', file: 'command line', message: 'nothing to serve.', fix: 'name an output folder of `siloscope analyze` or an inventory.' });
      }
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
        throw new InputError({ level: 'error', file: 'command line', column: '--port', message: `"${args.port}" is not a port number.`, fix: 'give a whole number from 0 to 65535.' });
      }
      // Loaded here, not at start-up: the explorer pulls in d3 and the whole analysis pipeline.
      const [{ loadExplorerSource }, { startExplorerServer }] = await Promise.all([import('../serve/source.js'), import('../serve/server.js')]);
      const source = await progress.stageAsync('load', () =>
        loadExplorerSource(args.source!, { inventory: args.inventory, seed: args.seed, strict: args.strict, progress }),
      );
      for (const warning of source.inventory.warnings.slice(0, 20)) process.stderr.write(`${formatIssue(warning)}\n`);
      let server;
      try {
        server = await progress.stageAsync('prepare explorer', () =>
          startExplorerServer({ analysis: source.analysis, inventory: source.inventory, host: args.host, port: args.port }),
        );
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
          throw new InputError({
            level: 'error',
            file: 'command line',
            column: code === 'EADDRNOTAVAIL' ? '--host' : '--port',
            message: `cannot listen on ${args.host}:${args.port} (${code}).`,
            fix: code === 'EADDRNOTAVAIL' ? 'use an address of this machine, e.g. 127.0.0.1.' : 'choose another port with --port, or --port 0 for any free one.',
          });
        }
        throw error;
      }
      const { summary } = source.analysis;
      process.stdout.write(
        `siloscope explorer: ${server.url}\n  ${summary.applications} applications, ${summary.agencies} agencies, ${summary.exchanges} exchanges` +
          ` (${source.mode === 'analysis' ? 'from analysis.json' : 'analysed in memory'}; inventory ${source.inventoryPath})\n  Ctrl-C to stop.\n`,
      );
      if (!['127.0.0.1', 'localhost', '::1'].includes(args.host)) {
        process.stderr.write(`warning: listening on ${args.host}: anyone who can reach this address can read the inventory.\n`);
      }
      hooks.onListening?.(server.url);
      await (hooks.untilStopped ?? untilSignal)();
      await server.close();
      setExit(0);
    },
  };
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
