/**
 * One catalogue row per (unit, system): name, description, code, category, origin, status, cost, users,
 * URL, platform, year and datasets, each with the gaps and drift real catalogues have — costs missing for
 * about a third of rows, descriptions missing or "-", user units' rows carrying no cost at all.
 */
import type { ApplicationStatus } from '../../../src/types.js';
import { FUNCTION_BY_KEY, FUNCTIONS } from './catalogue/functions.js';
import { PLATFORM_BY_ID } from './catalogue/platforms.js';
import type { Ctx, Gov, Rec, RecRole, Sys, Unit } from './model.js';
import { addNoise, fillTemplate, suitable, type NameScope } from './names.js';
import type { Rng } from './random.js';

/** Inventories are dated; "now" is fixed so a seed always gives the same rows. */
export const REFERENCE_YEAR = 2025;

const RETIRED_REASONS = [
  'Tidak ada anggaran pemeliharaan',
  'Server rusak dan belum diperbaiki',
  'Kontrak dengan pengembang berakhir',
  'Tidak digunakan lagi',
  'Sedang dalam proses migrasi',
  'Aplikasi tidak sesuai regulasi terbaru',
] as const;

/** Chance a row of each kind reports no exchange at all, before scaling by density. */
const ISOLATION: Readonly<Record<RecRole | 'website' | 'mission' | 'copy', number>> = {
  master: 0,
  owner: 0.1,
  copy: 0.25,
  mission: 0.25,
  website: 0.7,
  listing: 0.45,
};

export function scopeFor(gov: Gov, unit: Unit): NameScope {
  return { name: gov.bare, region: gov.region, shorts: gov.shorts, head: gov.head, unit: unit.abbr };
}

export function roundIdr(value: number): number {
  if (value >= 1e9) return Math.round(value / 1e7) * 1e7;
  if (value >= 1e7) return Math.round(value / 5e5) * 5e5;
  return Math.max(1e5, Math.round(value / 1e5) * 1e5);
}

function codeFor(gov: Gov, fn: string): string | undefined {
  const scheme = gov.code;
  if (scheme.kind === 'none' || !gov.rng.chance(scheme.fill)) return undefined;
  const wrong = gov.rng.chance(0.08);
  if (scheme.kind === 'raa') {
    if (wrong) return gov.rng.pick(['RAA.01.01', 'RAA.01.02', 'RAA.02.01', 'RAA.02.02']);
    return FUNCTION_BY_KEY.get(fn)?.raa ?? 'RAA.02.01';
  }
  const key = wrong ? gov.rng.pick(FUNCTIONS).key : fn;
  let code = scheme.table.get(key);
  if (code === undefined) {
    code = `${scheme.prefix}.${String(scheme.table.size + 1).padStart(2, '0')}`;
    scheme.table.set(key, code);
  }
  return code;
}

function description(ctx: Ctx, rng: Rng, sys: Sys, unit: Unit, name: string): string | undefined {
  if (rng.chance(ctx.mess.missingDescription) || sys.descriptions.length === 0) {
    const r = rng.next();
    if (r < 0.55) return undefined;
    if (r < 0.8) return '-';
    if (r < 0.88) return 'tidak ada';
    return name;
  }
  const options = suitable(unit.gov.level, sys.descriptions, (d) => d);
  return fillTemplate(rng.pick(options).replace(/\{U\}/g, unit.name), scopeFor(unit.gov, unit));
}

function status(rng: Rng, role: RecRole, sys: Sys, level: Gov['level']): { status: ApplicationStatus; reason?: string } {
  if (role === 'master') return { status: 'active' };
  const r = rng.next();
  if (role === 'listing') return r < 0.03 ? { status: 'retired', reason: rng.pick(RETIRED_REASONS) } : { status: r < 0.05 ? 'development' : 'active' };
  if (r < 0.06) return { status: 'development' };
  if (r < 0.17) {
    const platforms = FUNCTION_BY_KEY.get(sys.fn)?.platforms;
    const replacement = sys.platform === undefined ? PLATFORM_BY_ID.get((level === 'central' ? platforms?.central : platforms?.regional) ?? '') : undefined;
    return { status: 'retired', reason: replacement !== undefined && rng.chance(0.45) ? `Digantikan oleh ${replacement.name}` : rng.pick(RETIRED_REASONS) };
  }
  return { status: 'active' };
}

function users(rng: Rng, sys: Sys, role: RecRole, gov: Gov): number | undefined {
  if (role === 'master') return Math.round(rng.logNormal(sys.platform?.users ?? 1000, 0.2));
  if (rng.chance(0.25)) return undefined;
  let median: number;
  if (role === 'listing') median = 12;
  else if (sys.kind === 'copy') median = sys.audience === 'public' ? 5000 : sys.audience === 'staff' ? 250 : 15;
  else median = sys.audience === 'staff' ? gov.staff : sys.audience === 'public' ? 25000 : sys.audience === 'operators' ? 60 : 30;
  return Math.max(1, Math.round(rng.logNormal(median, sys.audience === 'public' ? 1.1 : 0.6)));
}

function cost(rng: Rng, sys: Sys, role: RecRole, gov: Gov): number | undefined {
  if (role === 'master') return roundIdr(rng.logNormal(sys.cost, 0.25));
  if (role === 'listing') return rng.chance(0.6) ? undefined : roundIdr(rng.logNormal(15e6, 0.6));
  if (rng.chance(0.14)) return undefined;
  const shared = sys.kind === 'government' || sys.kind === 'copy';
  const scale = !shared ? 1 : gov.level === 'central' ? 4 : gov.level === 'province' ? 1.6 : 1;
  return roundIdr(rng.logNormal(sys.cost * scale, 0.7));
}

function year(rng: Rng, sys: Sys, role: RecRole, state: ApplicationStatus): number | undefined {
  if (role === 'master') return sys.year;
  if (state === 'development') return REFERENCE_YEAR;
  if (rng.chance(0.12)) return undefined;
  if (role === 'listing') return Math.min(REFERENCE_YEAR, Math.max(sys.year, 2016 + rng.int(0, 9)));
  return sys.year;
}

function url(ctx: Ctx, rng: Rng, sys: Sys, role: RecRole, unit: Unit): string | undefined {
  if (role === 'owner' || role === 'master') return sys.url === '' ? undefined : sys.url;
  if (rng.chance(ctx.mess.oddUrl)) return rng.pick(['VPN', 'Aplikasi yang diinstal', sys.owner ? `${sys.owner.abbr} ${sys.owner.gov.shorts[0]}` : 'Desktop', 'Privat']);
  if (sys.platform) {
    const gov = unit.gov;
    const template = rng.pick(sys.platform.urls);
    const ip = `10.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
    const value = template.replace('{domain}', gov.domain).replace('{slug}', gov.slug).replace('{ip}', ip);
    return value === '' ? undefined : value;
  }
  const r = rng.next();
  if (r < 0.6) return sys.url === '' ? undefined : sys.url;
  if (r < 0.75 && sys.url !== '') return sys.url.replace(/\/?$/, '/login');
  return undefined;
}

export function newSystem(ctx: Ctx, fields: Omit<Sys, 'id' | 'records'>): Sys {
  const sys: Sys = { id: `S${String(ctx.systems.length + 1).padStart(5, '0')}`, records: [], ...fields };
  ctx.systems.push(sys);
  return sys;
}

export function addRecord(ctx: Ctx, sys: Sys, unit: Unit, role: RecRole, name: string): Rec {
  const gov = unit.gov;
  const rng = gov.rng;
  const mess = ctx.mess;
  const shown = role !== 'master' && rng.chance(mess.nameNoise) ? addNoise(rng, name) : name;
  const state = status(rng, role, sys, gov.level);
  const fnSpec = FUNCTION_BY_KEY.get(sys.fn);
  const category = sys.platform || sys.kind === 'province' ? 'common' : (fnSpec?.category ?? 'specific');
  const isoKind = role === 'listing' || role === 'master' ? role : sys.kind === 'website' ? 'website' : sys.kind === 'mission' ? 'mission' : sys.kind === 'copy' ? 'copy' : 'owner';
  const densityScale = Math.min(1, 2.7 / ctx.plan.exchangesPerApplication);
  const rec: Rec = {
    n: ctx.records.length,
    id: '',
    sys,
    unit,
    role,
    name: shown,
    description: description(ctx, rng, sys, unit, shown),
    code: codeFor(gov, sys.fn),
    category: rng.chance(mess.missingCategory) ? undefined : category,
    origin: rng.chance(mess.missingOrigin) ? undefined : role === 'listing' && (sys.kind === 'platform' || sys.kind === 'province') ? 'national' : 'local',
    status: state.status,
    statusReason: state.reason,
    cost: cost(rng, sys, role, gov),
    users: users(rng, sys, role, gov),
    url: url(ctx, rng, sys, role, unit),
    platform: role === 'listing' && rng.chance(0.15) ? undefined : sys.platformKind,
    year: year(rng, sys, role, state.status),
    datasets: [],
    isolated: rng.chance(ISOLATION[isoKind] * densityScale),
  };
  ctx.records.push(rec);
  sys.records.push(rec);
  gov.records.push(rec);
  return rec;
}
