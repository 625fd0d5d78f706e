import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/index.js';
import { FIXTURES, folderWith, inputError, issueAt } from './helpers.js';

describe('JSON inventory', () => {
  it('accepts snake_case and camelCase fields, nested properties and list or text dataset references', async () => {
    const inventory = await loadInventory(join(FIXTURES, 'inventory.json'));
    expect(inventory.source.format).toBe('json');
    expect(inventory.agencies).toEqual([
      { id: 'prov-jatim', name: 'Pemerintah Provinsi Jawa Timur', level: 'province', region: 'Jawa Timur', properties: {} },
      { id: 'bkd-jatim', name: 'Badan Kepegawaian Daerah', level: 'unit', parentId: 'prov-jatim', properties: { kepala: 'Drs. X', eselon: '2' } },
      { id: 'diskominfo-jatim', name: 'Dinas Kominfo', level: 'unit', parentId: 'prov-jatim', properties: {} },
    ]);
    expect(inventory.applications).toEqual([
      {
        id: 'simpeg-jatim',
        agencyId: 'bkd-jatim',
        name: 'SIMPEG Jatim',
        category: 'common',
        status: 'active',
        annualCost: 250_000_000,
        users: 5000,
        year: 2014,
        datasets: ['ds-asn'],
        properties: { vendor: 'PT Contoh' },
      },
      { id: 'portal-jatim', agencyId: 'diskominfo-jatim', name: 'Portal Jatim', annualCost: 75_000_000, origin: 'local', datasets: ['ds-asn', 'ds-geo'], properties: {} },
    ]);
    // The first exchange has no id: it is numbered by its 1-based position in the array.
    expect(inventory.exchanges).toEqual([
      { id: 'x1', sourceId: 'simpeg-jatim', targetId: 'portal-jatim', data: 'Data ASN', mechanism: 'service_bus', properties: {} },
      { id: 'ex-2', sourceId: 'portal-jatim', targetId: 'simpeg-jatim', mechanism: 'file', properties: {} },
    ]);
    expect(inventory.datasets.map((d) => [d.id, d.stewardAgencyId])).toEqual([
      ['ds-asn', 'bkd-jatim'],
      ['ds-geo', undefined],
    ]);
  });

  it('locates row problems by JSON pointer', async () => {
    const { warnings } = await loadInventory(join(FIXTURES, 'inventory.json'));
    expect(warnings).toHaveLength(2);
    const notObject = issueAt(warnings, { file: 'inventory.json#/applications/2' });
    expect(notObject.message).toContain('is a string, not an object; skipped');
    const orphan = issueAt(warnings, { file: 'inventory.json#/applications/3' });
    expect(orphan).toMatchObject({ level: 'warning', column: 'agencyId' });
    expect(orphan.row).toBeUndefined();
    expect(orphan.message).toContain('agency "nowhere" is not in inventory.json#/agencies');
  });

  it('reports malformed JSON with line, column and position', async () => {
    const dir = await folderWith({ 'bad.json': '{\n  "agencies": [],\n  "applications": [ { "id": "a1" } \n  "exchanges": []\n}' });
    const error = await inputError(loadInventory(join(dir, 'bad.json')));
    expect(error.issues[0]).toMatchObject({ level: 'error', file: 'bad.json' });
    expect(error.message).toMatch(/malformed JSON at line 4, column 3 \(position \d+\)/);
    expect(error.issues[0]!.fix).toContain('commas');
  });

  it('refuses a document that is not an inventory', async () => {
    const dir = await folderWith({
      'array.json': '[{"id": "a1"}]',
      'no-apps.json': '{"agencies": [], "apps": []}',
      'not-array.json': '{"agencies": {}, "applications": []}',
      'binary.json': Buffer.from([0x7b, 0x00, 0x00, 0x7d]),
    });
    expect((await inputError(loadInventory(join(dir, 'array.json')))).message).toContain('the top level is an array, not an object');
    const noApps = await inputError(loadInventory(join(dir, 'no-apps.json')));
    expect(noApps.message).toContain('there is no "applications" array (top-level keys: agencies, apps)');
    expect(noApps.issues[0]!.fix).toContain('aplikasi');
    expect((await inputError(loadInventory(join(dir, 'not-array.json')))).message).toContain('"agencies" is object, not an array');
    expect((await inputError(loadInventory(join(dir, 'binary.json')))).message).toContain('this is not a text JSON file');
  });

  it('reports a required field no object has as a file-level error', async () => {
    const dir = await folderWith({
      'inv.json': JSON.stringify({ agencies: [{ id: 'k', name: 'Kab', level: 'regency' }], applications: [{ id: 'a1', name: 'Satu' }] }),
    });
    const error = await inputError(loadInventory(join(dir, 'inv.json')));
    expect(error.issues).toEqual([
      expect.objectContaining({ level: 'error', file: 'inv.json', column: 'agency_id', message: expect.stringContaining('required field "agency_id" is missing (found: id, name)') }),
    ]);
  });
});
