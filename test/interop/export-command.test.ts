import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { exportCommand } from '../../src/cli/export.js';
import { InputError } from '../../src/errors.js';
import { loadInventory } from '../../src/inventory/index.js';
import { loadArchimate, loadArchiCsv, parseArchimateXml } from '../../src/interop/index.js';
import type { Inventory } from '../../src/types.js';
import { ensureXmllint, localArchimateSchemas, xmllintValidate } from '../setup/interop-tools.js';
import { interopAnalysis } from '../fixtures/interop/inventory.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/interop/', import.meta.url));
const CSV_INVENTORY = join(FIXTURES, 'inventory-csv');

let dir: string;
let xmllint: string;
let schema: string;

beforeAll(async () => {
  xmllint = ensureXmllint();
  schema = localArchimateSchemas();
  dir = await mkdtemp(join(tmpdir(), 'siloscope-export-cmd-'));
}, 15 * 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `siloscope export …` through yargs as the CLI does; stdout is captured, InputErrors propagate. */
async function runExport(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let code = -1;
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const quietErr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await yargs(['export', ...argv, '--quiet'])
      .command(exportCommand((c) => (code = c)))
      .strict()
      .fail((msg, err) => {
        throw err ?? new Error(msg);
      })
      .parseAsync();
  } finally {
    write.mockRestore();
    quietErr.mockRestore();
  }
  return { code, stdout };
}

function entities(inventory: Inventory): Omit<Inventory, 'source' | 'warnings'> {
  const { agencies, applications, exchanges, datasets } = inventory;
  return { agencies, applications, exchanges, datasets };
}

describe('siloscope export', () => {
  it('archimate from a CSV inventory (--no-analysis): a valid file that imports as the same inventory', async () => {
    const out = join(dir, 'inventory.xml');
    const { code, stdout } = await runExport('archimate', CSV_INVENTORY, '-o', out, '--no-analysis');
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${out}\n`);
    expect(xmllintValidate(xmllint, schema, out).valid).toBe(true);
    expect(entities(await loadArchimate(out))).toEqual(entities(await loadInventory(CSV_INVENTORY)));
  });

  it('archi-csv into a folder that Archi reads back, and that imports as the same inventory', async () => {
    const out = join(dir, 'archi');
    const { stdout } = await runExport('archi-csv', CSV_INVENTORY, '-o', out, '--no-analysis');
    expect(stdout.trim().split('\n')).toEqual(['elements.csv', 'relations.csv', 'properties.csv'].map((f) => `wrote ${join(out, f)}`));
    expect(entities(await loadArchiCsv(out))).toEqual(entities(await loadInventory(CSV_INVENTORY)));
  });

  it('from an analyze output folder: uses its analysis.json and re-loads the inventory it records', async () => {
    const outDir = join(dir, 'out');
    await mkdir(outDir, { recursive: true });
    const analysis = interopAnalysis();
    analysis.meta.source = { path: join(FIXTURES, 'madiun-ea.xml'), format: 'archimate' };
    analysis.duplicateClusters[0]!.applications = ['id-simpus', 'id-portal'];
    analysis.duplicateClusters[0]!.keeper = 'id-simpus';
    analysis.recommendations = [];
    await writeFile(join(outDir, 'analysis.json'), JSON.stringify(analysis));
    const target = join(dir, 'findings.xml');
    expect((await runExport('archimate', outDir, '-o', target)).code).toBe(0);
    expect(xmllintValidate(xmllint, schema, target).valid).toBe(true);
    const model = parseArchimateXml(await readFile(target), 'findings.xml');
    const grouping = model.elements.find((e) => e.type === 'Grouping')!;
    expect(grouping.name).toBe('Duplicate: Rekam medis elektronik');
    const members = model.relationships.filter((r) => r.source === grouping.id).map((r) => model.elements.find((e) => e.id === r.target)!.name);
    expect(members).toEqual(['SIMPUS', 'Portal Layanan']);
  });

  it('from an output folder whose recorded inventory is gone: exit 2 naming --inventory, which then works', async () => {
    const outDir = join(dir, 'moved');
    await mkdir(outDir, { recursive: true });
    const analysis = interopAnalysis();
    analysis.meta.source = { path: 'no/such/inventory', format: 'csv-folder' };
    await writeFile(join(outDir, 'analysis.json'), JSON.stringify(analysis));
    const error = await runExport('json', outDir, '-o', join(dir, 'g.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toContain('--inventory');
    const target = join(dir, 'g2.json');
    await runExport('json', outDir, '-o', target, '--inventory', CSV_INVENTORY);
    const graph = JSON.parse(await readFile(target, 'utf8')) as { nodes: Array<{ id: string }>; links: unknown[] };
    expect(graph.nodes.map((n) => n.id)).toEqual(['app-simpus', 'app-eoffice', 'app-sehat', 'app-antrian']);
    expect(graph.links).toHaveLength(3);
  });

  it('graphml from an ArchiMate model, with extra owner property names', async () => {
    const xml = (await readFile(join(FIXTURES, 'madiun-ea.xml'), 'utf8')).replace('<name>instansi</name>', '<name>Pengelola</name>');
    const model = join(dir, 'pengelola.xml');
    await writeFile(model, xml);
    const target = join(dir, 'apps.graphml');
    await runExport('graphml', model, '-o', target, '--no-analysis', '--owner-property', 'pengelola');
    const graphml = await readFile(target, 'utf8');
    expect(graphml).toMatch(/<node id="id-simpus">\s*<data key="n0">SIMPUS<\/data>\s*<data key="n1">id-dinkes<\/data>/);
  });

  it('refuses hostile XML with exit code 2 before anything is written', async () => {
    const hostile = join(dir, 'xxe.xml');
    await writeFile(hostile, '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<model/>');
    const target = join(dir, 'never.gexf');
    const error = await runExport('gexf', hostile, '-o', target, '--no-analysis').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).issues[0]!.file).toBe('xxe.xml:2');
    await expect(readFile(target)).rejects.toThrow();
  });

  it('analyses an inventory before exporting when no analysis is at hand', async () => {
    const target = join(dir, 'analysed.gexf');
    expect((await runExport('gexf', CSV_INVENTORY, '-o', target)).code).toBe(0);
    const gexf = await readFile(target, 'utf8');
    expect(gexf).toContain('title="community"');
    expect(gexf).toContain('title="silo_score"');
  });
});
