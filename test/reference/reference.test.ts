import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { buildReference, loadReference } from '../../src/reference/index.js';

const reference = loadReference();

describe('loadReference', () => {
  it('loads the bundled taxonomy, lexicon and shared platforms from the package', () => {
    expect(reference.dir.endsWith(join('data', 'reference'))).toBe(true);
    const functions = reference.functions.filter((f) => f.kind === 'function');
    expect(functions.length).toBeGreaterThanOrEqual(40);
    expect(functions.length).toBeLessThanOrEqual(100);
    expect(reference.acronyms.length).toBeGreaterThan(80);
    expect(reference.platforms.length).toBeGreaterThan(20);
  });

  it("marks only the Perpres 132/2022 sectors and RAA categories official, and every S-code as siloscope's", () => {
    for (const f of reference.functions) {
      if (/\.S\d{2}$/.test(f.code)) expect(f.official, f.code).toBe(false);
      else expect(f.official, f.code).toBe(true);
    }
    expect(reference.functionByCode.get('RAB.09')?.name.id).toBe('Pemerintahan Umum');
    expect(reference.functionByCode.get('RAA.01')?.name.id).toBe('Aplikasi Umum');
  });

  it('covers the look-alike families with distinct functions', () => {
    const fnOf = (acronym: string) => reference.acronyms.find((a) => a.acronym === acronym)?.function;
    expect(fnOf('SIMPEG')).not.toBe(fnOf('SIMPATDA'));
    expect(fnOf('SIMDA Keuangan')).not.toBe(fnOf('SIMDA BMD'));
    expect(fnOf('e-Kinerja')).not.toBe(fnOf('e-SAKIP'));
    expect(fnOf('SIMPEG')).not.toBe(fnOf('SIMGAJI'));
    expect(reference.acronyms.find((a) => a.acronym === 'SIMAS')).toMatchObject({ ambiguous: true, function: undefined });
  });

  it('designates only the documented Aplikasi Umum and marks mandated systems unconfirmed', () => {
    const designated = reference.platforms.filter((p) => p.designated).map((p) => p.id).sort();
    expect(designated).toEqual(['siasn', 'sp4n-lapor', 'spse', 'srikandi']);
    expect(reference.platformById.get('sipd')).toMatchObject({ designation: 'mandated', confirmed: false });
    expect(reference.platformById.get('ekinerja-bkn')).toMatchObject({ designation: 'mandated', confirmed: false });
    expect(reference.platformById.get('srikandi')?.hosts).toContain('srikandi.arsip.go.id');
    expect(reference.platformById.get('siasn')?.hosts).toContain('asn.bkn.go.id');
  });

  it('rejects reference data whose entries point at unknown codes, naming file, entry and field', () => {
    const taxonomy = { version: 't', functions: [{ code: 'RAB.09.S01', kind: 'function', official: false, name: { id: 'A', en: 'A' }, keywords: ['a'] }] };
    const acronyms = { acronyms: [{ acronym: 'X', function: 'RAB.09.S99' }] };
    const platforms = { platforms: [] };
    let error: unknown;
    try {
      buildReference('/ref', taxonomy, acronyms, platforms);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const issue = (error as InputError).issues[0]!;
    expect(issue.file).toBe(join('/ref', 'acronyms.json'));
    expect(issue.column).toBe('function');
    expect(issue.message).toContain('acronym X');
    expect(issue.message).toContain('RAB.09.S99');
  });

  it('links platform modules to their family and names the agencies that own platforms', () => {
    expect(reference.platformById.get('sipd-penatausahaan')?.family).toBe('sipd');
    expect(reference.platformById.get('sipd')?.family).toBeUndefined();
    for (const p of reference.platforms) expect(p.ownerNames?.length ?? 0, p.id).toBeGreaterThan(0);
    expect(reference.platformById.get('siak')?.ownerNames).toEqual(['Kementerian Dalam Negeri']);
  });

  it('rejects a family that is not a main platform, naming the entry and field', () => {
    const taxonomy = { functions: [{ code: 'RAB.09.S01', kind: 'function', official: false, name: { id: 'A', en: 'A' }, keywords: ['a'] }] };
    const platform = (id: string, family?: string) => ({
      id, name: id, owner: 'X', function: 'RAB.09.S01', variants: [id], hosts: [], designation: 'national', designated: false, confirmed: false, basis: 'b',
      ...(family !== undefined ? { family } : {}),
    });
    const load = (platforms: unknown[]) => () => buildReference('/ref', taxonomy, { acronyms: [] }, { platforms });
    expect(load([platform('a'), platform('b', 'a')])).not.toThrow();
    expect(load([platform('a'), platform('b', 'zz')])).toThrow(/platform b: zz is not a platform without a family/);
    expect(load([platform('a'), platform('b', 'a'), platform('c', 'b')])).toThrow(/platform c: b is not a platform without a family/);
  });

  it('rejects a made-up code that does not carry the siloscope S-segment', () => {
    const taxonomy = { functions: [{ code: 'RAB.09.05', kind: 'function', official: false, name: { id: 'A', en: 'A' }, keywords: ['a'] }] };
    expect(() => buildReference('/ref', taxonomy, { acronyms: [] }, { platforms: [] })).toThrow(/RAB\.xx\.Snn/);
  });

  it('reports a missing or malformed file as an input error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siloscope-ref-'));
    expect(() => loadReference(dir)).toThrow(/taxonomy\.json.*not found/);
    writeFileSync(join(dir, 'taxonomy.json'), '{ not json');
    expect(() => loadReference(dir)).toThrow(/not valid JSON/);
  });
});
