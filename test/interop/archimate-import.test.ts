import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { loadArchimate, mapModelToInventory, parseArchimateXml } from '../../src/interop/index.js';
import type { Inventory } from '../../src/types.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/interop/${name}`, import.meta.url));
const ARCHISURANCE = fixture('archimate/archisurance.xml');
const SAMPLE1 = fixture('archimate/sample1.xml');
const MADIUN = fixture('madiun-ea.xml');

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no ${id} in ${list.map((i) => i.id).join(', ')}`);
  return found;
}

describe('ArchiMate import: Archisurance (Archi test model)', () => {
  let inventory: Inventory;
  it('reads the ten application components', async () => {
    inventory = await loadArchimate(ARCHISURANCE);
    expect(inventory.source).toEqual({ path: ARCHISURANCE, format: 'archimate' });
    expect(inventory.applications.map((a) => a.name)).toEqual([
      'Financial Application',
      'CRM System',
      'Policy Data Management',
      'Home & Away Policy Administration',
      'Customer Data Access',
      'Risk Assessment',
      'Claim Data Management',
      'Call center application',
      'Web portal',
      'Bank System',
    ]);
    expect(inventory.applications.map((a) => a.id)).toContain('id-1399');
  });

  it('gives the components, which no actor owns and sit in the generic "Applications" folder, to the actor named like the model', () => {
    // No property, no Assignment from a BusinessActor; the folder "Application/Applications" names no owner.
    expect(inventory.agencies.map((a) => [a.id, a.name, a.level])).toEqual([['id-275', 'Archisurance', 'unit']]);
    expect(new Set(inventory.applications.map((a) => a.agencyId))).toEqual(new Set(['id-275']));
    expect(inventory.warnings.find((w) => w.message.includes('name no owner'))?.message).toContain('10 application(s)');
  });

  it('turns the Serving relationships between components, direct or through a realised service, into exchanges', () => {
    const pairs = inventory.exchanges.map((x) => `${x.sourceId}>${x.targetId}:${x.properties.via ?? ''}`);
    expect(pairs.sort()).toEqual(
      [
        // Policy Data Management realises "Claim InfoServ", which serves Financial Application.
        'id-861>id-1399:Claim InfoServ',
        // CRM System realises "CIS", which serves Policy Data Management.
        'id-1393>id-861:CIS',
        'id-1793>id-1800:',
        'id-1393>id-1800:',
        'id-849>id-1800:',
        'id-1399>id-843:',
        'id-855>id-849:',
        'id-855>id-1793:',
        'id-1813>id-1399:',
      ].sort(),
    );
    expect(new Set(inventory.exchanges.map((x) => x.properties.archimate_relationship))).toEqual(new Set(['Serving']));
  });

  it('reads the data objects, linking writers and stewards from Access relationships', () => {
    expect(inventory.datasets.map((d) => d.name)).toEqual(['Insurance Request Data', 'Insurance Policy Data', 'Customer File Data', 'Damage Claim Data']);
    expect(byId(inventory.applications, 'id-867').datasets).toEqual(['id-839']);
    expect(byId(inventory.datasets, 'id-839').stewardAgencyId).toBe('id-275');
    // Only an ApplicationFunction no component is assigned to reads it: no steward.
    expect(byId(inventory.datasets, 'id-946').stewardAgencyId).toBeUndefined();
  });

  it('keeps properties and reports what it did not import, per element type', () => {
    expect(inventory.agencies[0]!.properties).toEqual({ Property1: 'Another Value of Property 1', Property2: 'Another Value of Property 2', Property3: 'Value of Property 3' });
    const unused = inventory.warnings.filter((w) => w.message.includes('not part of the inventory'));
    expect(unused.find((w) => w.message.startsWith('9 BusinessProcess'))).toBeDefined();
    expect(unused.find((w) => w.message.startsWith('16 BusinessActor'))).toBeDefined();
    const relationships = inventory.warnings.find((w) => w.message.includes('relationship(s) do not connect'));
    // 179 relationships: 9 became exchanges, 3 accesses, 2 realisations behind the via-services.
    expect(relationships?.message).toMatch(/^165 relationship/);
  });
});

describe('ArchiMate import: every mapping rule on a hand-made municipal model', () => {
  let inventory: Inventory;
  it('finds the owner from a property, an Assignment, a folder, or falls back to the model', async () => {
    inventory = await loadArchimate(MADIUN);
    const owner = (id: string): string => byId(inventory.applications, id).agencyId;
    expect(owner('id-simpus')).toBe('id-dinkes'); // property "instansi" = "Dinas Kesehatan", resolved by name
    expect(owner('id-simda')).toBe('id-bkd'); // Assignment from the BusinessActor
    expect(owner('id-ekinerja')).toBe('Bagian Organisasi'); // folder Application/Bagian Organisasi
    expect(owner('id-portal')).toBe('EA Madiun'); // nothing: the model's name
  });

  it('builds agencies with levels from properties or names, and parents from Composition', () => {
    expect(inventory.agencies).toEqual([
      { id: 'id-pemkot', name: 'Pemerintah Kota Madiun', level: 'city', properties: {} },
      { id: 'id-dinkes', name: 'Dinas Kesehatan', level: 'unit', parentId: 'id-pemkot', properties: {} },
      { id: 'id-bkd', name: 'Badan Keuangan Daerah', level: 'unit', parentId: 'id-pemkot', properties: {} },
      { id: 'Bagian Organisasi', name: 'Bagian Organisasi', level: 'unit', properties: {} },
      { id: 'EA Madiun', name: 'EA Madiun', level: 'unit', properties: {} },
    ]);
  });

  it('parses Archi\'s string properties into fields and keeps the rest', () => {
    expect(byId(inventory.applications, 'id-simpus')).toEqual({
      id: 'id-simpus',
      agencyId: 'id-dinkes',
      name: 'SIMPUS',
      description: 'Sistem informasi puskesmas',
      function: 'RAA.02.01',
      status: 'active',
      annualCost: 150_000_000,
      users: 1200,
      datasets: ['id-dpasien'],
      properties: { Catatan: 'pilot 2019' },
    });
    expect(byId(inventory.applications, 'id-simda')).toMatchObject({ annualCost: 2_500_000_000, year: 2016 });
    const ekinerja = byId(inventory.applications, 'id-ekinerja');
    expect(ekinerja.users).toBeUndefined();
    expect(ekinerja.properties).toEqual({ users: 'banyak' });
    const warning = inventory.warnings.find((w) => w.column === 'users')!;
    expect(warning.message).toContain('"banyak" is not a whole number of users');
    const line = Number(warning.file.split(':')[1]);
    expect(readFileSync(MADIUN, 'utf8').split('\n')[line - 1]).toContain('identifier="id-ekinerja"');
  });

  it('makes exchanges of Flow, Triggering and Serving, through services and interfaces, keeping the kind', () => {
    expect(inventory.exchanges).toEqual([
      { id: 'id-r5', sourceId: 'id-simpus', targetId: 'id-portal', properties: { archimate_relationship: 'Serving', via: 'Layanan Data Pasien' } },
      { id: 'id-r7', sourceId: 'id-simda', targetId: 'id-ekinerja', data: 'Data anggaran', mechanism: 'api', properties: { via: 'API Keuangan' } },
      { id: 'id-r8', sourceId: 'id-ekinerja', targetId: 'id-simda', properties: { archimate_relationship: 'Triggering' } },
    ]);
  });

  it('reads data objects: used by Access, stewarded by the sole writer or a walidata property', () => {
    expect(inventory.datasets).toEqual([
      { id: 'id-dpasien', name: 'Data Pasien', stewardAgencyId: 'id-dinkes', properties: {} },
      { id: 'id-dpeg', name: 'Data Pegawai', stewardAgencyId: 'id-bkd', properties: {} },
    ]);
    expect(byId(inventory.applications, 'id-portal').datasets).toEqual(['id-dpasien']);
  });

  it('reports the actor, the process and the relationship it could not use', () => {
    const messages = inventory.warnings.map((w) => w.message);
    expect(messages).toContain('1 BusinessActor element(s) are not part of the inventory and were not imported: "Warga".');
    expect(messages).toContain('1 BusinessProcess element(s) are not part of the inventory and were not imported: "Pelayanan Puskesmas".');
    expect(messages).toContain('1 relationship(s) do not connect inventory items and were not imported: 1 Serving.');
    expect(messages.some((m) => m.includes('"EA Madiun"; they are taken as "unit"'))).toBe(true);
    expect(inventory.warnings).toHaveLength(6);
  });

  it('takes owner property names from the options', async () => {
    const xml = readFileSync(MADIUN, 'utf8').replace('<name>instansi</name>', '<name>Pengelola</name>');
    const model = parseArchimateXml(Buffer.from(xml), 'madiun-ea.xml');
    const withDefaults = mapModelToInventory({ model, source: { path: 'madiun-ea.xml', format: 'archimate' } });
    expect(byId(withDefaults.applications, 'id-simpus').agencyId).toBe('EA Madiun');
    expect(byId(withDefaults.applications, 'id-simpus').properties.Pengelola).toBe('Dinas Kesehatan');
    const configured = mapModelToInventory({ model, source: { path: 'madiun-ea.xml', format: 'archimate' } }, { ownerProperties: ['pengelola'] });
    expect(byId(configured.applications, 'id-simpus').agencyId).toBe('id-dinkes');
    expect(byId(configured.applications, 'id-simpus').properties.Pengelola).toBeUndefined();
  });
});

describe('ArchiMate import: refusals', () => {
  it('refuses a model without application components, saying what it holds', async () => {
    const error = await loadArchimate(SAMPLE1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toContain('no ApplicationComponent');
    expect((error as InputError).message).toContain('1 BusinessRole, 1 BusinessProcess');
  });

  it('refuses ArchiMate 2.x and non-ArchiMate XML with a fix', () => {
    const v2 = '<?xml version="1.0"?><model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"><name>x</name></model>';
    expect(() => parseArchimateXml(Buffer.from(v2), 'old.xml')).toThrow(/ArchiMate 2\.x/);
    expect(() => parseArchimateXml(Buffer.from('<graphml/>'), 'g.xml')).toThrow(/root element is <graphml>/);
  });

  it('reads a model whose namespace is bound to a prefix', () => {
    const xml = `<?xml version="1.0"?>
<a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <a:name>Prefixed</a:name>
  <a:elements>
    <a:element identifier="c1" xsi:type="ApplicationComponent"><a:name>SIPD &amp; Co &#x41;</a:name></a:element>
  </a:elements>
</a:model>`;
    const model = parseArchimateXml(Buffer.from(xml), 'prefixed.xml');
    expect(model.elements).toEqual([{ id: 'c1', type: 'ApplicationComponent', name: 'SIPD & Co A', properties: [], where: { file: "prefixed.xml:5" } }]);
  });
});
