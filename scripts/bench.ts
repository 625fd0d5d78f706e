/**
 * `npm run bench`: the national-scale benchmark of `siloscope analyze`.
 *
 * Generates the national inventory (≈600 governments, ≈25,000 applications, ≈100,000 exchanges) and a
 * quarter of it, writes both as CSV folders, then runs the real CLI on each in a fresh Node process under
 * GNU time, and prints wall time, per-stage times (from analysis.json meta.timingsMs) and peak RSS. The
 * growth exponent is log(t_full / t_quarter) / log(n_full / n_quarter). Targets (issue 2): the whole
 * national run ≤ 5 s, ≤ 1 GB RSS, exponent ≤ 1.15.
 *
 * Options: --runs N (default 3, the median is reported), --views (also render the views and PNGs,
 * off by default because the 5 s budget is for the analysis), --keep (keep the generated folders),
 * --no-build (use dist/ as it is), --no-baseline (skip the all-pairs duplicate baseline).
 *
 * Then the duplicate detection against a naive all-pairs baseline on a sample of the same national data
 * (issue 3): pairs scored, CPU time, the speed ratio and both B-cubed quality figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInventory, writeInventory } from './lib/generator/index.js';
import { fromRoot } from '../src/paths.js';
import { formatBaseline, runBaseline } from './lib/eval/baseline.js';

interface Run {
  wallMs: number;
  maxRssMb: number;
  stages: Record<string, number>;
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const withViews = args.includes('--views');
const keep = args.includes('--keep');
const cli = fromRoot('dist', 'src', 'cli', 'main.js');

function ensureBuilt(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: fromRoot() });
}

async function prepare(label: string, scale: 'national' | { governments: number }): Promise<{ dir: string; applications: number; exchanges: number }> {
  const started = performance.now();
  const gen = generateInventory({ seed: 42, scale });
  const dir = mkdtempSync(join(tmpdir(), `siloscope-bench-${label}-`));
  await writeInventory(gen, dir);
  console.log(
    `${label.padEnd(8)} ${gen.agencies.length} agencies, ${gen.applications.length} applications, ${gen.exchanges.length} exchanges ` +
      `(generated and written in ${(performance.now() - started).toFixed(0)} ms) → ${dir}`,
  );
  return { dir, applications: gen.applications.length, exchanges: gen.exchanges.length };
}

function runOnce(dir: string): Run {
  const out = mkdtempSync(join(tmpdir(), 'siloscope-bench-out-'));
  const cliArgs = [cli, 'analyze', dir, '--out', out, '--quiet', ...(withViews ? [] : ['--no-views'])];
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...cliArgs], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`analyze failed (${result.status}):\n${result.stderr}`);
  const maxRssKb = Number(result.stderr.trim().split('\n').pop());
  const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as { meta: { timingsMs: Record<string, number> } };
  rmSync(out, { recursive: true, force: true });
  return { wallMs, maxRssMb: maxRssKb / 1024, stages: analysis.meta.timingsMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, dir: string): Run {
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) all.push(runOnce(dir));
  const wall = median(all.map((r) => r.wallMs));
  const best = all.find((r) => r.wallMs === wall)!;
  console.log(`\n${label}: wall ${wall.toFixed(0)} ms (median of ${runs}: ${all.map((r) => r.wallMs.toFixed(0)).join(', ')}), peak RSS ${best.maxRssMb.toFixed(0)} MB`);
  for (const [stage, ms] of Object.entries(best.stages)) console.log(`  ${stage.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms`);
  return best;
}

if (!args.includes('--no-build')) ensureBuilt();
console.log(`siloscope benchmark — node ${process.version}, ${runs} runs each${withViews ? ', with views' : ', analysis only (--views to add the views)'}\n`);
const quarter = await prepare('quarter', { governments: 146 });
const full = await prepare('national', 'national');
const q = measure('quarter', quarter.dir);
const f = measure('national', full.dir);
const sizeQ = quarter.applications + quarter.exchanges;
const sizeF = full.applications + full.exchanges;
const exponent = Math.log(f.wallMs / q.wallMs) / Math.log(sizeF / sizeQ);
console.log(`\nscaling: ${sizeQ} → ${sizeF} applications+exchanges (×${(sizeF / sizeQ).toFixed(2)}), time ×${(f.wallMs / q.wallMs).toFixed(2)}, exponent ${exponent.toFixed(2)} (target ≤ 1.15)`);
console.log(`national: ${(f.wallMs / 1000).toFixed(2)} s (target ≤ 5 s), ${f.maxRssMb.toFixed(0)} MB (target ≤ 1024 MB)`);
if (!keep) for (const dir of [quarter.dir, full.dir]) rmSync(dir, { recursive: true, force: true });
if (!args.includes('--no-baseline')) {
  console.log('\nduplicate detection: blocked vs naive all-pairs on a sample of the national inventory');
  console.log(formatBaseline(runBaseline({ seed: 42 })));
}
