/**
 * Generate a seeded inventory with ground truth.
 *
 *   tsx scripts/generate.ts --scale sample --seed 42 --out data/sample
 *   tsx scripts/generate.ts --scale national --seed 7 --out data/national
 *   tsx scripts/generate.ts --scale 40 --seed 3 --variant eval --out /tmp/eval-3
 *
 * --scale sample | national | <N regional governments>; --variant standard | eval.
 */
import { parseArgs } from 'node:util';
import { generateInventory, writeInventory, type Scale, type Variant } from './lib/generator/index.js';

const USAGE = 'usage: tsx scripts/generate.ts --scale sample|national|<N> [--seed 42] [--variant standard|eval] --out DIR';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseScale(text: string): Scale {
  if (text === 'sample' || text === 'national') return text;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--scale must be sample, national or a positive integer, got "${text}"`);
  return { governments: n };
}

function parseCli() {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string', default: 'sample' },
        seed: { type: 'string', default: '42' },
        variant: { type: 'string', default: 'standard' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const { values } = parseCli();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.out === undefined) fail('--out is required');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);
  if (values.variant !== 'standard' && values.variant !== 'eval') fail(`--variant must be standard or eval, got "${values.variant}"`);
  const variant: Variant = values.variant;

  const started = performance.now();
  const gen = generateInventory({ seed, scale: parseScale(values.scale), variant });
  const generated = performance.now();
  await writeInventory(gen, values.out);
  const written = performance.now();
  const t = gen.truth;
  process.stdout.write(
    `${gen.scale} (seed ${seed}, ${variant}) → ${values.out}\n` +
      `  ${gen.agencies.length} agencies, ${gen.applications.length} applications, ${gen.exchanges.length} exchanges, ${gen.datasets.length} datasets\n` +
      `  truth: ${t.clusters.length} clusters (${t.clusters.reduce((n, c) => n + c.applications.length, 0)} applications), ${t.traps.length} traps, ${t.systems.length} systems\n` +
      `  generate ${Math.round(generated - started)} ms, write ${Math.round(written - generated)} ms\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
