import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateInventory } from '../../scripts/lib/generator/index.js';
import { COLUMNS, inventoryCsv, LIST_SEPARATOR, truthJson, writeInventory } from '../../scripts/lib/generator/write.js';

const gen = generateInventory({ seed: 7, scale: { governments: 3, centralAgencies: 3 } });

describe('writeInventory', () => {
  it('writes the four contract CSVs and truth.json, and they read back to the same rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'siloscope-gen-'));
    try {
      await writeInventory(gen, dir);
      const read = async (name: keyof typeof COLUMNS) => {
        const text = await readFile(join(dir, `${name}.csv`), 'utf8');
        expect(text.split('\n')[0]).toBe(COLUMNS[name].join(','));
        return parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
      };
      const agencies = await read('agencies');
      expect(agencies.map((a) => [a.id, a.name, a.parent_id])).toEqual(gen.agencies.map((a) => [a.id, a.name, a.parentId ?? '']));
      const apps = await read('applications');
      expect(apps).toHaveLength(gen.applications.length);
      apps.forEach((row, i) => {
        const app = gen.applications[i]!;
        expect(row.name).toBe(app.name);
        expect(row.description).toBe(app.description ?? '');
        expect(row.annual_cost).toBe(app.annualCost === undefined ? '' : String(app.annualCost));
        expect(row.datasets === '' ? [] : row.datasets!.split(LIST_SEPARATOR)).toEqual(app.datasets);
      });
      expect((await read('exchanges')).map((x) => [x.source_id, x.target_id, x.mechanism])).toEqual(gen.exchanges.map((x) => [x.sourceId, x.targetId, x.mechanism]));
      expect(await read('datasets')).toHaveLength(gen.datasets.length);
      expect(JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'))).toEqual(gen.truth);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('quotes cells that hold commas and quotes', () => {
    const text = inventoryCsv(gen).agencies;
    const withComma = gen.agencies.find((a) => a.name.includes(','));
    expect(withComma).toBeDefined();
    expect(text).toContain(`"${withComma!.name}"`);
  });
});

describe('data/sample', () => {
  it('is exactly what `npm run generate -- --scale sample --seed 42 --out data/sample` writes', async () => {
    const sample = generateInventory({ seed: 42, scale: 'sample' });
    const files = inventoryCsv(sample);
    const dir = join(import.meta.dirname, '..', '..', 'data', 'sample');
    for (const name of Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>) {
      expect(await readFile(join(dir, `${name}.csv`), 'utf8'), `${name}.csv is stale: regenerate the sample`).toBe(files[name]);
    }
    expect(await readFile(join(dir, 'truth.json'), 'utf8')).toBe(truthJson(sample));
  });
});
