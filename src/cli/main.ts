#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { main } from './app.js';

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`siloscope: internal error (please report it): ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
