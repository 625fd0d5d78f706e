import { describe, expect, it } from 'vitest';
import { PLATFORM_BY_ID } from '../../scripts/lib/generator/catalogue/platforms.js';
import type { Role } from '../../scripts/lib/generator/catalogue/units.js';
import { generateInventory, type GeneratedInventory } from '../../scripts/lib/generator/index.js';
import type { Ctx, Gov, Rec, RecRole, Sys, SysKind, Unit } from '../../scripts/lib/generator/model.js';
import { MESSINESS, resolvePlan } from '../../scripts/lib/generator/plan.js';
import { Rng } from '../../scripts/lib/generator/random.js';
import { buildTruth } from '../../scripts/lib/generator/truth.js';

// ── a hand-built model whose truth is worked out below ──

function emptyCtx(): Ctx {
  return {
    seed: 1, variant: 'standard', plan: resolvePlan('sample'), mess: MESSINESS.standard, rng: new Rng(1),
    govs: [], govById: new Map(), records: [], systems: [], platformSystems: new Map(), masters: new Map(),
    provinceSystems: new Map(), datasets: new Map(), links: [], traps: [],
  };
}

function addGov(ctx: Ctx, id: string, region: string): Gov {
  const gov = {
    id, level: 'regency', agencyName: `Pemerintah ${region}`, bare: region, region, shorts: [region], head: 'Bupati',
    domain: `${id}.go.id`, slug: id, units: [], rng: new Rng(2), code: { kind: 'none' }, staff: 1000, records: [],
  } as Omit<Gov, 'root'> as Gov;
  gov.root = { id, kind: 'root', name: gov.agencyName, abbr: region, host: 'www', roles: new Set(), gov, diligence: 1, isRoot: true };
  ctx.govs.push(gov);
  ctx.govById.set(id, gov);
  return gov;
}

function addUnit(gov: Gov, key: string, roles: Role[] = []): Unit {
  const unit: Unit = { id: `${gov.id}.${key}`, kind: key, name: key, abbr: key, host: key, roles: new Set(roles), gov, diligence: 1, isRoot: false };
  gov.units.push(unit);
  return unit;
}

function addSys(ctx: Ctx, fn: string, kind: SysKind, name: string, owner?: Unit, platformId?: string): Sys {
  const platform = platformId === undefined ? undefined : PLATFORM_BY_ID.get(platformId)!;
  const sys: Sys = {
    id: `S${ctx.systems.length + 1}`, fn, kind, name, short: name, url: '', year: 2020, platformKind: 'web', cost: 1, audience: 'staff',
    descriptions: [], records: [], ...(owner ? { owner } : {}), ...(platform ? { platform } : {}),
  };
  ctx.systems.push(sys);
  return sys;
}

function addRow(ctx: Ctx, id: string, sys: Sys, unit: Unit, role: RecRole, name = sys.name): Rec {
  const rec: Rec = { n: ctx.records.length, id, sys, unit, role, name, datasets: [], isolated: false };
  ctx.records.push(rec);
  sys.records.push(rec);
  unit.gov.records.push(rec);
  return rec;
}

function handMade(): Ctx {
  const ctx = emptyCtx();
  const a = addGov(ctx, 'kab-a', 'Kabupaten A');
  const [bkpsdm, kominfo, dinkes, kec] = [addUnit(a, 'bkpsdm', ['hr']), addUnit(a, 'diskominfo', ['it']), addUnit(a, 'dinkes', ['health']), addUnit(a, 'kec-x', ['subdistrict'])];
  const b = addGov(ctx, 'kota-b', 'Kota B');
  const kominfoB = addUnit(b, 'diskominfo', ['it']);
  const c = addGov(ctx, 'kab-c', 'Kabupaten C');
  const bpkadC = addUnit(c, 'bpkad', ['finance', 'assets']);

  const srikandi = addSys(ctx, 'correspondence', 'platform', 'SRIKANDI', undefined, 'srikandi');
  addRow(ctx, 'a1', srikandi, kominfo, 'listing');
  addRow(ctx, 'a2', srikandi, dinkes, 'listing', 'Srikandi');
  addRow(ctx, 'a3', srikandi, kec, 'listing', 'srikandi.arsip');
  const eSurat = addSys(ctx, 'correspondence', 'government', 'e-Surat Kabupaten A', kominfo);
  addRow(ctx, 'a4', eSurat, kominfo, 'owner');
  addRow(ctx, 'a5', eSurat, dinkes, 'listing', 'e-Surat');
  addRow(ctx, 'a6', addSys(ctx, 'personnel', 'platform', 'SIASN', undefined, 'siasn'), bkpsdm, 'listing');
  addRow(ctx, 'a7', addSys(ctx, 'website', 'website', 'Web Diskominfo', kominfo), kominfo, 'owner');
  addRow(ctx, 'a8', addSys(ctx, 'website', 'website', 'Web Dinkes', dinkes), dinkes, 'owner');
  addRow(ctx, 'a9', addSys(ctx, 'queue', 'copy', 'Antrian Online Dinkes', dinkes), dinkes, 'owner');
  addRow(ctx, 'a10', addSys(ctx, 'queue', 'copy', 'e-Antrian Kec. X', kec), kec, 'owner');
  addRow(ctx, 'a11', addSys(ctx, 'mission.party-registry', 'mission', 'SIMAS', kominfo), kominfo, 'owner');
  addRow(ctx, 'a12', addSys(ctx, 'planning', 'platform', 'SIPD Perencanaan', undefined, 'sipd-planning'), kominfo, 'listing', 'SIPD');

  addRow(ctx, 'b1', srikandi, kominfoB, 'listing');
  addRow(ctx, 'b2', addSys(ctx, 'correspondence', 'government', 'e-Office', kominfoB), kominfoB, 'owner');
  addRow(ctx, 'b3', addSys(ctx, 'finance', 'platform', 'SIPD Penatausahaan', undefined, 'sipd-finance'), kominfoB, 'listing', 'SIPD');

  const c1 = addRow(ctx, 'c1', srikandi, bpkadC, 'listing');
  const c2 = addRow(ctx, 'c2', addSys(ctx, 'assets', 'government', 'Simas', bpkadC), bpkadC, 'owner');
  ctx.traps.push({ kind: 'pengaduan-vs-pengadaan', records: [c1, c2], note: 'planted by hand' });
  return ctx;
}

describe('buildTruth on a hand-built model', () => {
  const truth = buildTruth(handMade(), 'hand');

  it('clusters distinct systems with one job inside one government, platform rows included', () => {
    expect(truth.clusters.map((c) => [c.scope, c.function, c.platform ?? null, c.applications])).toEqual([
      ['kab-a', 'correspondence', 'SRIKANDI', ['a1', 'a2', 'a3', 'a4', 'a5']],
      ['kab-a', 'queue', null, ['a10', 'a9']],
      ['kota-b', 'correspondence', 'SRIKANDI', ['b1', 'b2']],
    ]);
  });

  it('never clusters rows of one platform alone, websites, or a unique job', () => {
    const clustered = new Set(truth.clusters.flatMap((c) => c.applications));
    for (const id of ['a6', 'a7', 'a8', 'a11', 'a12', 'b3', 'c1', 'c2']) expect(clustered.has(id), id).toBe(false);
  });

  it('groups every function with two or more systems across the inventory in the national view', () => {
    expect(truth.nationalClusters.map((c) => [c.function, c.applications])).toEqual([
      ['correspondence', ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'c1']],
      ['queue', ['a10', 'a9']],
    ]);
  });

  it('reports planted traps and same-name rows with different jobs, except modules of one platform family', () => {
    expect(truth.traps).toEqual([
      { kind: 'pengaduan-vs-pengadaan', applications: ['c1', 'c2'], note: 'planted by hand' },
      expect.objectContaining({ kind: 'same-name-different-function', applications: ['a11', 'c2'] }),
    ]);
  });

  it('lists each system with all its rows', () => {
    const srikandi = truth.systems.find((s) => s.platform === 'SRIKANDI')!;
    expect(srikandi.applications).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
    expect(srikandi.origin).toBe('national');
    expect(srikandi.owner).toBeUndefined();
    expect(truth.systems.find((s) => s.name === 'e-Surat Kabupaten A')).toMatchObject({ origin: 'local', owner: 'kab-a.diskominfo', applications: ['a4', 'a5'] });
  });
});

// ── properties of generated truth ──

function checkTruth(gen: GeneratedInventory): void {
  const agencies = new Map(gen.agencies.map((a) => [a.id, a]));
  const apps = new Map(gen.applications.map((a) => [a.id, a]));
  const governmentOf = (appId: string) => {
    const agency = agencies.get(apps.get(appId)!.agencyId)!;
    return agency.parentId ?? agency.id;
  };
  const systemOf = new Map<string, { id: string; function: string; origin: string }>();
  for (const s of gen.truth.systems) {
    for (const id of s.applications) {
      expect(systemOf.has(id), `${id} in two systems`).toBe(false);
      systemOf.set(id, s);
    }
  }
  expect([...systemOf.keys()].sort()).toEqual([...apps.keys()].sort());

  const clusterOf = new Map<string, string>();
  for (const c of gen.truth.clusters) {
    expect(c.applications.length).toBeGreaterThanOrEqual(2);
    const systems = new Set(c.applications.map((id) => systemOf.get(id)!.id));
    expect(systems.size).toBeGreaterThanOrEqual(2);
    expect([...systems].sort()).toEqual([...c.systems].sort());
    expect(c.applications.some((id) => systemOf.get(id)!.origin !== 'national'), `${c.id} has a local member`).toBe(true);
    for (const id of c.applications) {
      expect(apps.has(id)).toBe(true);
      expect(systemOf.get(id)!.function).toBe(c.function);
      expect(governmentOf(id)).toBe(c.scope);
      expect(clusterOf.has(id), `${id} in two clusters`).toBe(false);
      clusterOf.set(id, c.id);
    }
  }

  // Recomputed independently from the systems: every government × job with ≥2 systems is exactly one cluster.
  const expected = new Map<string, Set<string>>();
  for (const [id, s] of systemOf) {
    if (s.function === 'website') continue;
    const key = `${governmentOf(id)}|${s.function}`;
    if (!expected.has(key)) expected.set(key, new Set());
    expected.get(key)!.add(s.id);
  }
  const multi = [...expected].filter(([, systems]) => systems.size >= 2).map(([key]) => key).sort();
  expect(gen.truth.clusters.map((c) => `${c.scope}|${c.function}`).sort()).toEqual(multi);

  for (const trap of gen.truth.traps) {
    expect(trap.applications.length).toBeGreaterThanOrEqual(2);
    for (const id of trap.applications) expect(apps.has(id)).toBe(true);
    const functions = new Set(trap.applications.map((id) => systemOf.get(id)!.function));
    expect(functions.size, trap.note).toBe(trap.applications.length);
    const clusters = trap.applications.map((id) => clusterOf.get(id)).filter((c) => c !== undefined);
    expect(new Set(clusters).size, trap.note).toBe(clusters.length);
  }
}

describe('generated truth', () => {
  const sample = generateInventory({ seed: 42, scale: 'sample' });

  it('is consistent with the rows in the sample, an eval inventory and a custom scale', () => {
    checkTruth(sample);
    checkTruth(generateInventory({ seed: 5, scale: 'sample', variant: 'eval' }));
    checkTruth(generateInventory({ seed: 11, scale: { governments: 15, centralAgencies: 6 } }));
  });

  it('plants every trap kind in the sample, inside one government', () => {
    const agencies = new Map(sample.agencies.map((a) => [a.id, a]));
    const apps = new Map(sample.applications.map((a) => [a.id, a]));
    const kinds = new Set(sample.truth.traps.map((t) => t.kind));
    expect([...kinds].sort()).toEqual(['ekinerja-vs-esakip', 'payroll-vs-personnel', 'pengaduan-vs-pengadaan', 'same-name-different-function', 'simda-keuangan-vs-simda-bmd', 'simpeg-vs-simpatda']);
    for (const trap of sample.truth.traps) {
      const governments = new Set(trap.applications.map((id) => agencies.get(apps.get(id)!.agencyId)!.parentId));
      expect(governments.size, trap.note).toBe(1);
    }
    const names = (kind: string) => sample.truth.traps.filter((t) => t.kind === kind).map((t) => t.applications.map((id) => apps.get(id)!.name.toLowerCase()));
    for (const [complaint, procurement] of names('pengaduan-vs-pengadaan')) {
      expect(complaint).toContain('pengaduan');
      expect(procurement).toContain('pengadaan');
    }
    for (const pair of names('same-name-different-function')) expect(pair[0]!.split(' ')[0]).toBe(pair[1]!.split(' ')[0]);
  });

  it('has local copies beside the shared platform they duplicate', () => {
    const withPlatform = sample.truth.clusters.filter((c) => c.platform !== undefined);
    expect(withPlatform.map((c) => c.platform)).toEqual(expect.arrayContaining(['SRIKANDI', 'SP4N-LAPOR!', 'SIASN']));
    const systems = new Map(sample.truth.systems.map((s) => [s.id, s]));
    for (const cluster of withPlatform) {
      const origins = new Set(cluster.systems.map((id) => systems.get(id)!.origin));
      expect(origins.has('national'), cluster.label).toBe(true);
      expect(origins.has('local') || origins.has('regional'), cluster.label).toBe(true);
    }
  });

  it('makes eval inventories harder: more traps for the same seed', () => {
    const evalGen = generateInventory({ seed: 42, scale: 'sample', variant: 'eval' });
    expect(evalGen.truth.traps.length).toBeGreaterThan(sample.truth.traps.length);
  });
});
