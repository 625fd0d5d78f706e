import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { toCsv, writeCsvExports } from '../../src/report/csv.js';
import { HOSTILE_AGENCY, HOSTILE_APP, reportAnalysis, reportInventory } from '../fixtures/report/analysis.js';

type Row = Record<string, string>;

let dir: string;
let written: string[];
const read = async (name: string): Promise<{ raw: Buffer; header: string[]; rows: Row[] }> => {
  const raw = await readFile(join(dir, name));
  const records = parse(raw, { bom: true }) as string[][];
  const [header, ...cells] = records;
  return { raw, header: header!, rows: cells.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'siloscope-csv-'));
  written = await writeCsvExports(reportAnalysis(), reportInventory(), join(dir, 'nested'));
  dir = join(dir, 'nested');
});

afterAll(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('CSV exports', () => {
  it('writes four files, creating the folder, and returns their paths', () => {
    expect(written.map((p) => basename(p))).toEqual(['duplicates.csv', 'recommendations.csv', 'applications.csv', 'agencies.csv']);
    for (const path of written) expect(path.startsWith(dir)).toBe(true);
  });

  it('starts every file with a UTF-8 byte-order mark', async () => {
    for (const name of ['duplicates.csv', 'recommendations.csv', 'applications.csv', 'agencies.csv']) {
      const { raw } = await read(name);
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it('duplicates.csv: one row per cluster member with the cluster figures and joined evidence', async () => {
    const { header, rows } = await read('duplicates.csv');
    expect(header).toEqual([
      'cluster_id',
      'function',
      'function_name',
      'label',
      'scope',
      'shared_platform',
      'application_id',
      'application_name',
      'agency_id',
      'agency_name',
      'system_id',
      'is_keeper',
      'annual_cost',
      'cost_estimated',
      'cluster_redundant_annual_cost',
      'savings_low',
      'savings_expected',
      'savings_high',
      'confidence',
      'evidence',
    ]);
    // dup-2 has 2 members, dup-1 has 3.
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => `${r.cluster_id}/${r.application_id}`)).toEqual(['dup-2/a5', 'dup-2/a6', 'dup-1/a1', 'dup-1/a2', 'dup-1/a3']);
    const a3 = rows.find((r) => r.application_id === 'a3')!;
    expect(a3).toMatchObject({
      function: 'RAA.01.02.04',
      function_name: 'Kepegawaian',
      scope: 'within-agency',
      application_name: HOSTILE_APP,
      agency_id: 'bkpsdm',
      agency_name: HOSTILE_AGENCY,
      is_keeper: 'true',
      annual_cost: '450000000',
      cost_estimated: 'false',
      cluster_redundant_annual_cost: '550000000',
      savings_low: '330000000',
      savings_expected: '440000000',
      savings_high: '550000000',
      confidence: '0.9',
    });
    expect(rows.find((r) => r.application_id === 'a2')).toMatchObject({ is_keeper: 'false', cost_estimated: 'true', annual_cost: '250000000' });
    expect(rows.find((r) => r.application_id === 'a6')).toMatchObject({
      shared_platform: 'SP4N-LAPOR!',
      is_keeper: 'true',
      evidence: 'keyword: pengaduan | given-code: RAA.01.01.02',
    });
  });

  it('recommendations.csv: one row per recommendation with ; joined ids and | joined rationale', async () => {
    const { header, rows } = await read('recommendations.csv');
    expect(header).toEqual([
      'id',
      'kind',
      'title',
      'wave',
      'priority',
      'effort',
      'target',
      'cluster_id',
      'applications',
      'agencies',
      'savings_low',
      'savings_expected',
      'savings_high',
      'rationale',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      id: 'rec-1',
      kind: 'consolidate',
      title: 'Consolidate three personnel systems',
      wave: '1',
      priority: '1',
      effort: 'medium',
      target: 'a3',
      cluster_id: 'dup-1',
      applications: 'a1;a2;a3',
      agencies: 'diskominfo;dinkes;bkpsdm',
      savings_low: '330000000',
      savings_expected: '440000000',
      savings_high: '550000000',
      rationale: 'Three personnel systems in one city government. | The keeper has the most users.',
    });
    expect(rows[2]).toMatchObject({ id: 'rec-3', cluster_id: '', wave: '2', savings_expected: '0' });
  });

  it('applications.csv: one row per application with names, function, cluster, TIME and cost', async () => {
    const { header, rows } = await read('applications.csv');
    expect(header).toEqual([
      'id',
      'name',
      'agency_id',
      'agency_name',
      'status',
      'function',
      'function_confidence',
      'community',
      'cluster_id',
      'system_id',
      'shared_platform',
      'time_label',
      'time_reason',
      'annual_cost',
      'cost_estimated',
    ]);
    expect(rows.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(rows[1]).toEqual({
      id: 'a2',
      name: 'SIMPEG Dinkes',
      agency_id: 'dinkes',
      agency_name: 'Dinas Kesehatan',
      status: 'active',
      function: 'RAA.01.02.04',
      function_confidence: '0.8',
      community: '',
      cluster_id: 'dup-1',
      system_id: '',
      shared_platform: '',
      time_label: 'eliminate',
      time_reason: 'duplicate of a3',
      annual_cost: '250000000',
      cost_estimated: 'true',
    });
    expect(rows[0]).toMatchObject({ community: '0', time_label: '' });
  });

  it('agencies.csv: one row per agency with its metrics', async () => {
    const { header, rows } = await read('agencies.csv');
    expect(header).toHaveLength(17);
    expect(header.slice(0, 7)).toEqual(['id', 'name', 'level', 'region', 'parent_id', 'applications', 'annual_cost']);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.id === 'bkpsdm')).toMatchObject({
      name: HOSTILE_AGENCY,
      level: 'unit',
      parent_id: 'kota-madiun',
      applications: '1',
      annual_cost: '450000000',
      isolated_applications: '1',
      cross_agency_share: '0.5',
      silo_score: '0.9',
      systems_used: '',
    });
  });
});

describe('CSV safety and options', () => {
  it('defuses names that a spreadsheet would run as formulas', async () => {
    const out = await mkdtemp(join(tmpdir(), 'siloscope-csv-'));
    try {
      const inventory = reportInventory();
      inventory.applications = inventory.applications.map((app) => (app.id === 'a8' ? { ...app, name: '=HYPERLINK("http://x","y")' } : app));
      await writeCsvExports(reportAnalysis(), inventory, out);
      const rows = parse(await readFile(join(out, 'applications.csv')), { bom: true, columns: true }) as Row[];
      expect(rows.find((r) => r.id === 'a8')!.name).toBe('\'=HYPERLINK("http://x","y")');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('writes ";"-delimited files without a BOM on request', async () => {
    const out = await mkdtemp(join(tmpdir(), 'siloscope-csv-'));
    try {
      await writeCsvExports(reportAnalysis(), reportInventory(), out, { delimiter: ';', bom: false });
      const text = await readFile(join(out, 'agencies.csv'), 'utf8');
      expect(text.charCodeAt(0)).toBe('i'.charCodeAt(0));
      expect(text.split('\n')[0]!.split(';')).toHaveLength(17);
      const rows = parse(text, { delimiter: ';', columns: true }) as Row[];
      expect(rows).toHaveLength(6);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('toCsv writes what csv-stringify writes', () => {
  const columns = ['text', 'number', 'flag'];
  const rows = [
    { text: 'plain', number: 12, flag: true },
    { text: 'with, comma', number: -3.5, flag: false },
    { text: 'a "quoted" word', number: 0, flag: undefined },
    { text: 'two\nlines', number: undefined, flag: true },
    { text: 'carriage\rreturn', number: 1e21, flag: false },
    { text: '=SUM(A1)', number: -1, flag: true },
    { text: '-minus', number: 7, flag: true },
    { text: '+plus;semi', number: 7, flag: true },
    { text: '@at', number: 7, flag: true },
    { text: '\ttab', number: 7, flag: true },
    { text: '\uFF1Dwide', number: 7, flag: true },
    { text: '', number: 7, flag: true },
    { text: undefined, number: undefined, flag: undefined },
    { text: 'Rp 1.500.000 · Kota Madiun → SPLP', number: 1500000, flag: false },
  ];
  const reference = (delimiter: string, bom: boolean) =>
    stringify(rows, { header: true, columns, bom, delimiter, escape_formulas: true, cast: { boolean: (value) => (value ? 'true' : 'false') } });

  it('for every kind of cell, with either delimiter and with or without a BOM', () => {
    for (const delimiter of [',', ';', '::']) {
      for (const bom of [true, false]) expect(toCsv(columns, rows, { delimiter, bom })).toBe(reference(delimiter, bom));
    }
    expect(toCsv(columns, [], { delimiter: ',', bom: true })).toBe(stringify([], { header: true, columns, bom: true }));
  });

  it('with delimiters that are special inside a regular expression', () => {
    const tricky = [...rows, { text: 'a]b^c-d\\e|f', number: 2, flag: true }];
    for (const delimiter of [']', '^', '-', '\\', '|', '.']) {
      const expected = stringify(tricky, { header: true, columns, bom: false, delimiter, escape_formulas: true, cast: { boolean: (value) => (value ? 'true' : 'false') } });
      expect(toCsv(columns, tricky, { delimiter, bom: false })).toBe(expected);
    }
  });

  it('across many records (written in batches), record for record', () => {
    const many = Array.from({ length: 1300 }, (_, i) => rows[i % rows.length]!);
    expect(toCsv(columns, many, { delimiter: ',', bom: true })).toBe(
      stringify(many, { header: true, columns, bom: true, delimiter: ',', escape_formulas: true, cast: { boolean: (value) => (value ? 'true' : 'false') } }),
    );
  });
});
