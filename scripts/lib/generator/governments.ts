/**
 * Governments and their work units. A regional government gets its core offices (personnel, finance,
 * planning, IT, health, education), a weighted draw of other offices, a few kecamatan and, in cities,
 * kelurahan; a central agency gets its secretariat, some staff bureaus and its sector directorates.
 */
import type { CentralAgencySpec } from './catalogue/central.js';
import { LOCAL_DETAIL, PLACE_NAMES, PLACE_SUFFIXES, PROVINCE_SHORT } from './catalogue/geography.js';
import { CENTRAL_UNITS, KECAMATAN, KELURAHAN, REGIONAL_UNITS, type Role, type UnitKind } from './catalogue/units.js';
import type { CodeScheme, Ctx, Gov, Unit } from './model.js';
import { slug, type RegionalSpec } from './plan.js';
import type { Rng } from './random.js';

const CODE_PREFIXES = ['APL', 'SIS', 'KD', 'A', 'APP'] as const;

function codeScheme(ctx: Ctx, rng: Rng): CodeScheme {
  if (!rng.chance(ctx.mess.codedGovernments)) return { kind: 'none' };
  return rng.chance(0.5) ? { kind: 'raa', fill: 0.85 } : { kind: 'local', fill: 0.75, prefix: rng.pick(CODE_PREFIXES), table: new Map() };
}

/** Initials of the significant words: "Direktorat Jenderal Bea dan Cukai" → "djbc". */
function initials(name: string): string {
  return name
    .split(/[\s,/]+/)
    .filter((w) => w.length > 0 && !['dan', 'dari', 'di', 'ke', 'untuk'].includes(w.toLowerCase()))
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

function makeUnit(gov: Gov, id: string, kind: string, name: string, abbr: string, host: string, roles: readonly Role[], diligence: number): Unit {
  return { id, kind, name, abbr, host, roles: new Set(roles), gov, diligence, isRoot: false };
}

function diligence(rng: Rng, base: number, sigma: number): number {
  return Math.min(2.5, Math.max(0.25, rng.logNormal(base, sigma)));
}

function emptyGov(ctx: Ctx, id: string, fields: Omit<Gov, 'id' | 'root' | 'units' | 'rng' | 'code' | 'records'>): Gov {
  const rng = ctx.rng.fork(`gov:${id}`);
  // Government and root unit point at each other; the root is attached right below.
  const gov: Gov = { id, ...fields, rng, code: { kind: 'none' }, records: [], units: [], root: undefined as unknown as Unit };
  gov.code = codeScheme(ctx, rng);
  gov.root = { id, kind: 'root', name: fields.agencyName, abbr: fields.bare, host: 'www', roles: new Set(), gov, diligence: 1, isRoot: true };
  return gov;
}

export function makeCentralGov(ctx: Ctx, spec: CentralAgencySpec): Gov {
  const gov = emptyGov(ctx, spec.key, {
    level: 'central',
    agencyName: spec.name,
    bare: spec.acronym,
    region: spec.name,
    shorts: [spec.acronym],
    head: 'Menteri',
    domain: spec.domain,
    slug: spec.key,
    central: spec,
    staff: 20000,
  });
  const rng = gov.rng;
  const fill = (template: string) => template.replace('{A}', spec.name);
  const used = new Set<string>();
  const addKind = (kind: UnitKind, nameIndex: number) => {
    const unit = makeUnit(gov, `${spec.key}.${kind.key}`, kind.key, fill(kind.names[Math.min(nameIndex, kind.names.length - 1)]!), kind.abbr, kind.host, kind.roles, diligence(rng, 0.7, 0.4));
    gov.units.push(unit);
    used.add(unit.id);
  };
  const setjen = CENTRAL_UNITS.find((k) => k.core)!;
  addKind(setjen, spec.ministry ? 0 : 1);
  const wanted = rng.int(ctx.plan.centralUnitRange[0], ctx.plan.centralUnitRange[1]);
  const extras = rng.shuffle(CENTRAL_UNITS.filter((k) => !k.core));
  for (const kind of extras) {
    if (gov.units.length - 1 >= wanted) break;
    if (rng.chance(kind.weight)) addKind(kind, rng.int(0, kind.names.length - 1));
  }
  spec.units.slice(0, ctx.plan.centralSectorUnits).forEach((name, i) => {
    let id = `${spec.key}.${initials(name)}`;
    if (used.has(id)) id = `${id}${i + 1}`;
    used.add(id);
    const host = initials(name);
    gov.units.push(makeUnit(gov, id, `sector-${i}`, `${name} ${spec.name}`, name.replace(/^Direktorat Jenderal /, 'Ditjen ').replace(/^Deputi Bidang /, 'Deputi '), host, ['mission'], diligence(rng, 0.6, 0.4)));
  });
  return gov;
}

function placeNames(rng: Rng, count: number, known: readonly string[] | undefined, taken: Set<string>): string[] {
  const out: string[] = [];
  const pool = known && known.length > 0 ? rng.shuffle([...known]) : [];
  for (const name of pool) {
    if (out.length >= count) break;
    if (!taken.has(name)) {
      taken.add(name);
      out.push(name);
    }
  }
  for (let guard = 0; out.length < count && guard < 200; guard++) {
    const name = `${rng.pick(PLACE_NAMES)}${rng.pick(PLACE_SUFFIXES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      out.push(name);
    }
  }
  return out;
}

export function makeRegionalGov(ctx: Ctx, spec: RegionalSpec): Gov {
  const detail = LOCAL_DETAIL[spec.id];
  const provShort = PROVINCE_SHORT[spec.province.key] ?? spec.province.name;
  const level = spec.level;
  const region = level === 'province' ? `Provinsi ${spec.name}` : level === 'regency' ? `Kabupaten ${spec.name}` : `Kota ${spec.name}`;
  const shorts =
    level === 'province'
      ? [provShort, `Prov. ${provShort}`, `Provinsi ${spec.name}`]
      : level === 'regency'
        ? [`Kab. ${spec.name}`, `Kabupaten ${spec.name}`, spec.name, `Kab ${spec.name}`]
        : [`Kota ${spec.name}`, spec.name];
  const provinceGovId = level === 'province' ? undefined : `prov-${spec.province.key}`;
  const gov = emptyGov(ctx, spec.id, {
    level,
    agencyName: `Pemerintah ${region}`,
    bare: level === 'province' ? provShort : spec.name,
    region,
    provinceName: spec.province.name,
    provinceKey: spec.province.key,
    shorts,
    head: detail?.head ?? (level === 'province' ? 'Gubernur' : level === 'regency' ? 'Bupati' : 'Wali Kota'),
    domain: spec.domain,
    slug: spec.domain.split('.')[0]!,
    staff: level === 'province' ? 15000 : level === 'city' ? 5000 : 7000,
    ...(provinceGovId !== undefined && ctx.govById.has(provinceGovId) ? { provinceGovId } : {}),
  });
  const rng = gov.rng;
  const fill = (template: string, extra = '') => template.replace('{R}', region).replace('{H}', extra).replace(/\s+/g, ' ').trim();
  const kinds = REGIONAL_UNITS.filter((k) => k.levels.includes(level));
  const target = rng.int(ctx.plan.unitRange[0], ctx.plan.unitRange[1]);
  const chosen: UnitKind[] = kinds.filter((k) => k.core);
  // Common offices (Dukcapil, DPMPTSP, RSUD, Bapenda) come first in a small catalogue, a Satpol PP last;
  // the jitter keeps neighbouring weights mixing.
  const extras = kinds
    .filter((k) => !k.core)
    .map((kind) => ({ kind, key: kind.weight + 0.4 * rng.next() }))
    .sort((a, b) => b.key - a.key);
  for (const { kind } of extras) {
    if (chosen.length >= target) break;
    chosen.push(kind);
  }
  const order = new Map(REGIONAL_UNITS.map((k, i) => [k.key, i]));
  chosen.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  for (const kind of chosen) {
    if (kind.key === 'rsud') {
      const hospitals = detail?.hospitals ?? [`RSUD ${spec.name}`, `RSUD ${rng.pick(PLACE_NAMES)}`];
      const count = hospitals.length > 1 && rng.chance(level === 'province' ? 0.6 : 0.3) ? 2 : 1;
      hospitals.slice(0, count).forEach((hospital, i) => {
        const host = `rsud${i === 0 ? '' : i + 1}`;
        gov.units.push(makeUnit(gov, `${spec.id}.${host}`, kind.key, hospital, hospital, host, kind.roles, diligence(rng, 0.8, 0.5)));
      });
      continue;
    }
    const name = fill(rng.pick(kind.names));
    gov.units.push(makeUnit(gov, `${spec.id}.${kind.key}`, kind.key, name, kind.abbr, kind.host, kind.roles, diligence(rng, 1, 0.5)));
  }
  if (level !== 'province') {
    const taken = new Set<string>();
    const kecCount = level === 'regency' ? rng.int(2, 3) : rng.int(1, 2);
    for (const place of placeNames(rng, kecCount, detail?.kecamatan, taken)) {
      const s = slug(place);
      gov.units.push(makeUnit(gov, `${spec.id}.kec-${s}`, KECAMATAN.key, `Kecamatan ${place}`, `Kec. ${place}`, s.replace(/-/g, ''), KECAMATAN.roles, diligence(rng, 0.8, 0.6)));
    }
    if (level === 'city') {
      const kelCount = rng.int(1, 2);
      for (const place of placeNames(rng, kelCount, detail?.kelurahan, taken)) {
        const s = slug(place);
        gov.units.push(makeUnit(gov, `${spec.id}.kel-${s}`, KELURAHAN.key, `Kelurahan ${place}`, `Kel. ${place}`, `kel${s.replace(/-/g, '')}`, KELURAHAN.roles, diligence(rng, 0.8, 0.6)));
      }
    }
  }
  return gov;
}

/** The unit that plays the first of `roles` present; central agencies fall back to the agency itself. */
export function findUnit(gov: Gov, roles: readonly Role[]): Unit | undefined {
  for (const role of roles) {
    const unit = gov.units.find((u) => u.roles.has(role));
    if (unit) return unit;
  }
  return gov.level === 'central' ? gov.units[0] : undefined;
}
