import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, loadArchimate, parseArchimateXml, writeArchimateXml, type ArchiModel } from '../../src/interop/index.js';
import type { ModelView, ViewNode } from '../../src/interop/model.js';
import type { Inventory } from '../../src/types.js';
import { ensureXmllint, localArchimateSchemas, xmllintValidate } from '../setup/interop-tools.js';
import { interopAnalysis, interopInventory } from '../fixtures/interop/inventory.js';

let dir: string;
let xmllint: string;
let schema: string;

beforeAll(async () => {
  xmllint = ensureXmllint();
  schema = localArchimateSchemas();
  dir = await mkdtemp(join(tmpdir(), 'siloscope-archimate-'));
}, 15 * 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeModel(name: string, model: ArchiModel): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, writeArchimateXml(model));
  return path;
}

/** The four entity lists: what "the same inventory" means for a round trip (source and warnings differ by nature). */
function entities(inventory: Inventory): Omit<Inventory, 'source' | 'warnings'> {
  const { agencies, applications, exchanges, datasets } = inventory;
  return { agencies, applications, exchanges, datasets };
}

describe('ArchiMate export', () => {
  it('validates against the ArchiMate 3.1 exchange schemas, with findings and views', async () => {
    const path = await writeModel('full.xml', buildModel(interopInventory(), { analysis: interopAnalysis() }));
    const verdict = xmllintValidate(xmllint, schema, path);
    expect(verdict.output).toContain('validates');
    expect(verdict.valid).toBe(true);
  });

  it('is checked by a validator that does reject a broken file (an identifier that is no xsd:ID)', async () => {
    const xml = writeArchimateXml(buildModel(interopInventory(), { views: false })).replace('identifier="id-app-bkd"', 'identifier="1-bkd"');
    const path = join(dir, 'broken.xml');
    await writeFile(path, xml);
    const verdict = xmllintValidate(xmllint, schema, path);
    expect(verdict.valid).toBe(false);
    expect(verdict.output).toContain("'1-bkd' is not a valid value of the atomic type 'xs:ID'");
  });

  it('validates without analysis and without views too', async () => {
    const path = await writeModel('plain.xml', buildModel(interopInventory(), { views: false }));
    expect(xmllintValidate(xmllint, schema, path).valid).toBe(true);
  });

  it('round-trips: importing the export gives the same inventory, without a warning', async () => {
    for (const [name, analysis] of [['rt-analysis.xml', interopAnalysis()], ['rt-plain.xml', undefined]] as const) {
      const path = await writeModel(name, buildModel(interopInventory(), analysis ? { analysis } : {}));
      const back = await loadArchimate(path);
      expect(entities(back)).toEqual(entities(interopInventory()));
      expect(back.warnings).toEqual([]);
      expect(back.source).toEqual({ path, format: 'archimate' });
    }
  });

  it('round-trips an imported ArchiMate model (export of the import imports the same)', async () => {
    const first = await loadArchimate(new URL('../fixtures/interop/madiun-ea.xml', import.meta.url).pathname);
    const path = await writeModel('madiun-again.xml', buildModel(first));
    expect(xmllintValidate(xmllint, schema, path).valid).toBe(true);
    expect(entities(await loadArchimate(path))).toEqual(entities(first));
  });

  it('uses identifiers that are valid xsd:ID and Archi CSV ids, keeping an agency and an application that share an id apart', () => {
    const model = buildModel(interopInventory(), { analysis: interopAnalysis() });
    const ids = [...model.elements, ...model.relationships].map((c) => c.id);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(model.elements.filter((e) => e.name === 'Badan Keuangan Daerah' || e.name === 'SIMDA Keuangan').map((e) => [e.type, e.id])).toEqual([
      ['BusinessActor', 'id-ag-bkd'],
      ['ApplicationComponent', 'id-app-bkd'],
    ]);
    expect(model.elements.find((e) => e.name === 'E-Office Kota')?.id).toBe('id-app-app_20_7');
  });
});

describe('ArchiMate export: findings', () => {
  const xml = writeArchimateXml(buildModel(interopInventory(), { analysis: interopAnalysis() }));
  const model = parseArchimateXml(Buffer.from(xml), 'export.xml');
  const element = (type: string, name: string): ArchiModel['elements'][number] => {
    const found = model.elements.find((e) => e.type === type && e.name === name);
    if (!found) throw new Error(`no ${type} ${name}`);
    return found;
  };
  const property = (concept: { properties: Array<{ key: string; value: string }> }, key: string): string | undefined => concept.properties.find((p) => p.key === key)?.value;
  const nameOf = (id: string): string => model.elements.find((e) => e.id === id)!.name;

  it('writes each duplicate cluster as a Grouping aggregating its members, with function, keeper and costs', () => {
    const grouping = element('Grouping', 'Duplicate: Rekam medis elektronik');
    expect(property(grouping, 'siloscope: kind')).toBe('duplicate cluster');
    expect(property(grouping, 'siloscope: function')).toBe('RAB.05.01');
    expect(property(grouping, 'siloscope: keeper')).toBe('SATUSEHAT');
    expect(property(grouping, 'siloscope: redundant annual cost')).toBe('100000000');
    expect(property(grouping, 'siloscope: confidence')).toBe('0.8765');
    expect(grouping.documentation).toContain('given-code: both list RAB.05.01');
    const members = model.relationships.filter((r) => r.type === 'Aggregation' && r.source === grouping.id).map((r) => nameOf(r.target));
    expect(members).toEqual(['SATUSEHAT', 'Aplikasi Kesehatan Lokal']);
  });

  it('writes each recommendation as a WorkPackage associated with the applications it changes', () => {
    const work = element('WorkPackage', 'Retire "Aplikasi Kesehatan Lokal" in favour of SATUSEHAT');
    expect(property(work, 'siloscope: recommendation')).toBe('consolidate');
    expect(property(work, 'siloscope: wave')).toBe('1');
    expect(property(work, 'siloscope: annual savings expected')).toBe('80000000');
    const changed = model.relationships.filter((r) => r.type === 'Association' && r.source === work.id).map((r) => nameOf(r.target));
    expect(changed).toEqual(['SATUSEHAT', 'Aplikasi Kesehatan Lokal']);
  });

  it('writes silo scores and communities as properties of actors and components', () => {
    expect(property(element('BusinessActor', 'Kementerian Kesehatan'), 'siloscope: silo score')).toBe('0.8');
    expect(property(element('BusinessActor', 'Badan Keuangan Daerah'), 'siloscope: community')).toBe('1');
    const local = element('ApplicationComponent', 'Aplikasi Kesehatan Lokal');
    expect(property(local, 'siloscope: community')).toBe('2');
    expect(property(local, 'siloscope: duplicate cluster')).toBe('dup-1');
    expect(property(local, 'siloscope: keeper')).toBe('false');
    expect(property(local, 'siloscope: TIME')).toBe('eliminate');
    expect(property(local, 'siloscope: silo score')).toBe('0.6667');
    expect(property(element('ApplicationComponent', 'SATUSEHAT'), 'siloscope: keeper')).toBe('true');
  });

  it('uses only relationships Archi\'s relationship table allows between the types involved', () => {
    const typeOf = new Map(model.elements.map((e) => [e.id, e.type]));
    const triples = new Set(model.relationships.map((r) => `${typeOf.get(r.source)} -${r.type}-> ${typeOf.get(r.target)}`));
    // From Archi's com.archimatetool.model/model/relationships.xml (ArchiMate 3.2).
    const allowed = new Set([
      'BusinessActor -Composition-> BusinessActor',
      'BusinessActor -Association-> ApplicationComponent',
      'BusinessActor -Association-> DataObject',
      'ApplicationComponent -Flow-> ApplicationComponent',
      'ApplicationComponent -Serving-> ApplicationComponent',
      'ApplicationComponent -Access-> DataObject',
      'Grouping -Aggregation-> ApplicationComponent',
      'WorkPackage -Association-> ApplicationComponent',
    ]);
    for (const triple of triples) expect(allowed).toContain(triple);
    expect(model.relationships.find((r) => r.type === 'Access' && nameOf(r.target) === 'Data Anggaran' && nameOf(r.source) === 'SIMDA Keuangan')?.accessType).toBe('Write');
    expect(model.relationships.find((r) => r.type === 'Access' && nameOf(r.target) === 'Data Anggaran' && nameOf(r.source) === 'E-Office Kota')?.accessType).toBe('Read');
  });
});

describe('ArchiMate export: views', () => {
  const model = buildModel(interopInventory(), { analysis: interopAnalysis() });
  const nameOf = (id: string | undefined): string => model.elements.find((e) => e.id === id)?.name ?? '?';

  function boxes(nodes: ViewNode[]): ViewNode[] {
    return nodes.flatMap((n) => [n, ...boxes(n.children)]);
  }

  function overlaps(a: ViewNode, b: ViewNode): boolean {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  it('has one view per agency with applications and one per duplicate cluster', () => {
    expect(model.views.map((v) => v.name)).toEqual([
      'Agency: Dinas Komunikasi & Informatika',
      'Agency: Badan Keuangan Daerah',
      'Agency: Kementerian Kesehatan',
      'Duplicate: Rekam medis elektronik',
    ]);
  });

  it('lays nodes out without overlaps, children inside their parent, connections between shown nodes', () => {
    for (const view of model.views) {
      const siblingsOk = (nodes: ViewNode[]): void => {
        for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) expect(overlaps(nodes[i]!, nodes[j]!), `${view.name}: ${nameOf(nodes[i]!.elementRef)} / ${nameOf(nodes[j]!.elementRef)}`).toBe(false);
        for (const n of nodes) {
          for (const c of n.children) expect(c.x >= n.x && c.y >= n.y && c.x + c.w <= n.x + n.w && c.y + c.h <= n.y + n.h).toBe(true);
          siblingsOk(n.children);
        }
      };
      siblingsOk(view.nodes);
      const ids = new Set(boxes(view.nodes).map((n) => n.id));
      for (const c of view.connections) expect(ids.has(c.source) && ids.has(c.target)).toBe(true);
    }
  });

  it('shows an agency\'s applications, the partners they exchange with and the data they use', () => {
    const view = model.views[0] as ModelView;
    const shown = boxes(view.nodes).map((n) => nameOf(n.elementRef));
    expect(shown).toEqual(['Dinas Komunikasi & Informatika', 'E-Office Kota', 'SRIKANDI', 'SIMDA Keuangan', 'Data Anggaran', 'Data Pasien']);
    // 2 ownership + 3 exchanges touching E-Office (x2, x3, x5) + 2 accesses.
    expect(view.connections).toHaveLength(7);
  });

  it('nests a cluster\'s members in its Grouping, the keeper filled gold', () => {
    const view = model.views[3] as ModelView;
    const group = view.nodes.find((n) => nameOf(n.elementRef).startsWith('Duplicate:'))!;
    expect(group.children.map((c) => [nameOf(c.elementRef), c.fill])).toEqual([
      ['SATUSEHAT', { r: 255, g: 215, b: 0 }],
      ['Aplikasi Kesehatan Lokal', { r: 181, g: 255, b: 255 }],
    ]);
  });
});
