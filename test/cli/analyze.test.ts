/**
 * `siloscope analyze` end to end, as a user runs it: a child process through the real entry point
 * (src/cli/main.ts under tsx), its exit code, stdout, stderr and the files it writes. Checks the
 * contracts every other output relies on: exit 0 with warnings for row-level problems, exit 2 with a
 * message naming the file for file-level ones (and for row-level ones under --strict), never a stack
 * trace, and an analysis.json whose figures add up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function siloscope(...args: string[]): Run {
  const result = spawnSync(process.execPath, [TSX, MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'siloscope-cli-'));
}

/** A user's mistake is a message, never a stack trace. */
function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toContain('internal error');
}

function inventory(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const AGENCIES = 'id,name,level,parent_id\nkab,Kabupaten Contoh,regency,\nbkpsdm,BKPSDM Kabupaten Contoh,unit,kab\nbkn,Badan Kepegawaian Negara,central,\n';

describe('siloscope --help', () => {
  it('lists the commands with their purpose', () => {
    const run = siloscope('--help');
    expect(run.code).toBe(0);
    for (const command of ['analyze', 'export', 'serve', 'neo4j']) expect(run.stdout).toContain(command);
  });

  it('gives analyze real help with examples and options', () => {
    const run = siloscope('analyze', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--strict');
    expect(run.stdout).toContain('--lang');
  });

  it('answers an unknown command with exit 2 and a pointer to --help', () => {
    const run = siloscope('analyse-everything');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--help');
    expectNoStack(run);
  });
});

describe('siloscope analyze on the bundled sample', () => {
  let out: string;
  let run: Run;
  let analysis: Analysis;

  beforeAll(() => {
    out = tempDir();
    run = siloscope('analyze', 'data/sample', '--out', out, '--no-png');
    analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
  });

  it('exits 0 and prints a short human summary', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${analysis.summary.applications} applications`);
    expect(run.stdout).toContain(`${analysis.summary.duplicateClusters} duplicate clusters`);
  });

  it('writes the analysis, both reports, the CSV exports and the views', () => {
    for (const file of ['analysis.json', 'report.html', 'report.md', 'duplicates.csv', 'recommendations.csv', 'applications.csv', 'agencies.csv']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(existsSync(join(out, 'visualizations', 'agency-network.svg'))).toBe(true);
    expect(existsSync(join(out, 'visualizations', 'agency-network.html'))).toBe(true);
  });

  it('fills every key of the analysis contract', () => {
    for (const key of ['meta', 'summary', 'siloIndex', 'agencies', 'governments', 'silos', 'communities', 'structure', 'applications', 'systems', 'duplicateClusters', 'recommendations', 'targetState', 'warnings']) {
      expect(analysis, key).toHaveProperty(key);
    }
    expect(analysis.summary.applications).toBe(505);
    expect(analysis.summary.agencies).toBe(131);
    expect(analysis.summary.exchanges).toBe(1340);
    expect(analysis.summary.duplicateClusters).toBe(analysis.duplicateClusters.length);
    expect(analysis.duplicateClusters.length).toBeGreaterThan(0);
    expect(analysis.recommendations.length).toBeGreaterThan(0);
  });

  it('adds up: redundant spend is the sum over clusters, savings are too, each range is ordered', () => {
    const sum = (f: (c: Analysis['duplicateClusters'][number]) => number) => analysis.duplicateClusters.reduce((s, c) => s + f(c), 0);
    expect(analysis.summary.redundantAnnualCost).toBe(sum((c) => c.redundantAnnualCost));
    const savings = analysis.summary.estimatedAnnualSavings;
    expect(savings.low).toBeLessThanOrEqual(savings.expected);
    expect(savings.expected).toBeLessThanOrEqual(savings.high);
    for (const item of [...analysis.duplicateClusters, ...analysis.recommendations]) {
      const r = item.estimatedAnnualSavings;
      expect(r.low).toBeGreaterThanOrEqual(0);
      expect(r.low).toBeLessThanOrEqual(r.expected);
      expect(r.expected).toBeLessThanOrEqual(r.high);
    }
  });

  it('keeps every keeper inside its cluster and gives every cluster and recommendation its evidence', () => {
    for (const cluster of analysis.duplicateClusters) {
      expect(cluster.applications).toContain(cluster.keeper);
      expect(cluster.evidence.length).toBeGreaterThan(0);
      expect(cluster.confidence).toBeGreaterThan(0);
    }
    for (const rec of analysis.recommendations) expect(rec.rationale.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const runs = [tempDir(), tempDir()].map((dir) => {
      expect(siloscope('analyze', 'data/sample', '--out', dir, '--no-views', '--quiet').code).toBe(0);
      return JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')) as Record<string, unknown>;
    });
    // Compared part by part, so a difference names the part rather than printing 1 MB of JSON.
    const differing = Object.keys(runs[0]!).filter((key) => key !== 'meta' && JSON.stringify(runs[0]![key]) !== JSON.stringify(runs[1]![key]));
    expect(differing).toEqual([]);
  });

  it('writes the report in Bahasa Indonesia with --lang id', () => {
    const dir = tempDir();
    expect(siloscope('analyze', 'data/sample', '--out', dir, '--no-views', '--quiet', '--lang', 'id').code).toBe(0);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/Rekomendasi/);
    expect(report).toMatch(/Indeks silo/i);
  });
});

describe('siloscope analyze: file-level problems exit 2 with a message naming the file', () => {
  it('a path that does not exist', () => {
    const run = siloscope('analyze', '/no/such/inventory');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/no/such/inventory');
    expectNoStack(run);
  });

  it('a folder without applications.csv', () => {
    const run = siloscope('analyze', inventory({ 'agencies.csv': AGENCIES }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('applications.csv');
    expectNoStack(run);
  });

  it('a missing required column, naming the column and its aliases', () => {
    const run = siloscope('analyze', inventory({ 'agencies.csv': AGENCIES, 'applications.csv': 'id,agency_id\na1,bkpsdm\n' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('applications.csv');
    expect(run.stderr).toContain('"name"');
    expect(run.stderr).toContain('nama_aplikasi');
    expectNoStack(run);
  });

  it('malformed JSON, with its position', () => {
    const dir = tempDir();
    const file = join(dir, 'inventory.json');
    writeFileSync(file, '{"agencies": [ {"id": "a", }');
    const run = siloscope('analyze', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('inventory.json');
    expectNoStack(run);
  });

  it('binary junk named .csv', () => {
    const dir = inventory({ 'agencies.csv': AGENCIES });
    writeFileSync(join(dir, 'applications.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]));
    const run = siloscope('analyze', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('applications.csv');
    expectNoStack(run);
  });

  it('an --out that is a file, or lies under one, naming the path', () => {
    const blocker = join(tempDir(), 'taken');
    writeFileSync(blocker, 'not a folder');
    for (const out of [blocker, join(blocker, 'out')]) {
      const run = siloscope('analyze', 'test/fixtures/inventory/basic', '--out', out, '--no-views', '--quiet');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(out);
      expect(run.stderr).toMatch(/cannot write the output \((EEXIST|ENOTDIR): a file of that name is in the way/);
      expect(run.stderr).toContain('Fix: choose an --out folder');
      expectNoStack(run);
    }
  });

  it('an output file blocked by a folder of its name: the other files are still written', () => {
    const out = tempDir();
    mkdirSync(join(out, 'analysis.json'));
    const run = siloscope('analyze', 'test/fixtures/inventory/basic', '--out', out, '--no-views', '--quiet');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(out, 'analysis.json'));
    expect(run.stderr).toContain('EISDIR');
    expectNoStack(run);
    for (const name of ['report.html', 'report.md', 'duplicates.csv', 'applications.csv']) expect(existsSync(join(out, name))).toBe(true);
  });

  it('an inventory without any valid application', () => {
    const run = siloscope('analyze', inventory({ 'agencies.csv': AGENCIES, 'applications.csv': 'id,agency_id,name\na1,nowhere,SIMPEG\n' }));
    expect(run.code).toBe(2);
    expectNoStack(run);
  });
});

describe('siloscope analyze: row-level problems warn, keep the rest, and fail only under --strict', () => {
  const rows = {
    'agencies.csv': AGENCIES,
    'applications.csv': [
      'id,agency_id,name,annual_cost,status',
      'a1,bkpsdm,SIMPEG Kabupaten Contoh,150000000,active',
      'a2,nowhere,Aplikasi Yatim,1000,active',
      'a3,bkpsdm,e-Kinerja Kabupaten Contoh,-5,active',
      'a4,bkn,SIASN,,aktif',
      'a1,bkpsdm,Duplikat Id,1,active',
      'a5,bkpsdm,Absensi Online,20000000,hilang',
    ].join('\n'),
    'exchanges.csv': 'source_id,target_id,mechanism\na1,a4,api\na1,zz,api\n',
  };

  it('exits 0, prints a warning per problem naming file, row and column, and lists them in analysis.json', () => {
    const out = tempDir();
    const run = siloscope('analyze', inventory(rows), '--out', out, '--no-views', '--quiet');
    expect(run.code).toBe(0);
    expectNoStack(run);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
    // a2 (unknown agency) and the second a1 (duplicate id) are skipped; a3 loses its negative cost,
    // a5 its unknown status; the exchange to zz is skipped.
    expect(analysis.summary.applications).toBe(4);
    expect(analysis.summary.exchanges).toBe(1);
    expect(run.stderr).toMatch(/applications\.csv, row 3/);
    expect(run.stderr).toMatch(/applications\.csv, row 4, column "annual_cost"/);
    expect(run.stderr).toMatch(/applications\.csv, row 6/);
    expect(run.stderr).toMatch(/applications\.csv, row 7, column "status"/);
    expect(run.stderr).toMatch(/exchanges\.csv, row 3/);
    expect(analysis.warnings.length).toBe(5);
    expect(analysis.summary.warnings).toBe(5);
  });

  it('exits 2 under --strict and lists every problem', () => {
    const run = siloscope('analyze', inventory(rows), '--out', tempDir(), '--strict', '--no-views', '--quiet');
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr.match(/^error: /gm)?.length).toBe(5);
  });
});

describe('siloscope analyze: other inventory shapes', () => {
  it('reads nested agencies and rolls units up into their government', () => {
    const dir = inventory({
      'agencies.csv': AGENCIES,
      'applications.csv': 'id,agency_id,name\na1,bkpsdm,SIMPEG\na2,kab,Website Pemkab\na3,bkn,SIASN\n',
      'exchanges.csv': 'source_id,target_id,mechanism\na1,a2,api\na1,a3,service_bus\n',
    });
    const out = tempDir();
    expect(siloscope('analyze', dir, '--out', out, '--no-views', '--quiet').code).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
    const government = analysis.governments.find((g) => g.id === 'kab')!;
    // Kabupaten Contoh with its unit: a1–a2 stays inside the government, a1–a3 crosses to BKN.
    expect(government.applications).toBe(2);
    expect(government.exchangesInternal).toBe(1);
    expect(government.exchangesCrossAgency).toBe(1);
  });

  it('accepts an inventory in a nested output folder that does not exist yet', () => {
    const out = join(tempDir(), 'deep', 'er');
    mkdirSync(join(out, '..'), { recursive: true });
    expect(siloscope('analyze', 'test/fixtures/inventory/basic', '--out', out, '--no-views', '--quiet').code).toBe(0);
    expect(existsSync(join(out, 'analysis.json'))).toBe(true);
  });
});
