import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInventory, readCsvRecords, registerLoader } from '../../src/inventory/index.js';
import type { Inventory } from '../../src/types.js';
import { folderWith, inputError } from './helpers.js';

const unregister: Array<() => void> = [];
afterEach(() => unregister.splice(0).forEach((remove) => remove()));

/** A tiny real loader for a one-table format: `name;agency` lines, ids by line number. */
async function loadPairs(path: string): Promise<Inventory> {
  const records = await readCsvRecords(path);
  const warnings: Inventory['warnings'] = [];
  const applications = records.rows.flatMap((r) => {
    const [name, agency] = r.cells.map((c) => c.trim());
    if (!name || !agency) {
      warnings.push({ level: 'warning', file: records.file, row: r.row, message: 'incomplete row; skipped.', fix: 'fill both cells' });
      return [];
    }
    return [{ id: `r${r.row}`, agencyId: agency, name, datasets: [], properties: {} }];
  });
  const agencies = [...new Set(applications.map((a) => a.agencyId))].map((id) => ({ id, name: id, level: 'unit' as const, properties: {} }));
  return { source: { path, format: 'flat-csv' }, agencies, applications, exchanges: [], datasets: [], warnings };
}

describe('registerLoader', () => {
  it('consults registered loaders before the built-in formats and applies strict mode to them', async () => {
    const dir = await folderWith({ 'catalogue.csv': 'nama;opd\nSIMPEG;BKD\nSIMPUS;\n' });
    unregister.push(registerLoader((path, stat) => stat.isFile() && extname(path) === '.csv', loadPairs, 'a flat catalogue .csv'));
    const inventory = await loadInventory(join(dir, 'catalogue.csv'));
    expect(inventory.applications).toEqual([{ id: 'r2', agencyId: 'BKD', name: 'SIMPEG', datasets: [], properties: {} }]);
    expect(inventory.warnings).toEqual([expect.objectContaining({ file: 'catalogue.csv', row: 3 })]);
    const strict = await inputError(loadInventory(join(dir, 'catalogue.csv'), { strict: true }));
    expect(strict.issues).toEqual([expect.objectContaining({ level: 'error', file: 'catalogue.csv', row: 3 })]);
  });

  it('lists registered formats in the unsupported-input message and can be removed again', async () => {
    const dir = await folderWith({ 'model.xml': '<model/>' });
    const remove = registerLoader((path) => path.endsWith('.archimate'), async () => {
      throw new Error('not reached');
    }, 'an ArchiMate exchange .xml');
    unregister.push(remove);
    expect((await inputError(loadInventory(join(dir, 'model.xml')))).message).toContain('an ArchiMate exchange .xml');
    remove();
    expect((await inputError(loadInventory(join(dir, 'model.xml')))).message).not.toContain('ArchiMate');
    expect(await readFile(join(dir, 'model.xml'), 'utf8')).toBe('<model/>');
  });

  it('refuses an empty inventory from a registered loader', async () => {
    const dir = await folderWith({ 'empty.csv': 'nama;opd\n' });
    unregister.push(registerLoader((path) => path.endsWith('empty.csv'), loadPairs));
    const error = await inputError(loadInventory(join(dir, 'empty.csv')));
    expect(error.issues[0]).toMatchObject({ level: 'error', file: join(dir, 'empty.csv'), message: 'the inventory has no valid application.' });
  });
});
