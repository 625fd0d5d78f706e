/**
 * Fills one government with systems and rows, in the order a real portfolio grows: national platforms it
 * must use (listed by the units that touch them), the province's own systems its units use, its
 * government-wide local systems (often duplicating a platform's job), units' own copies of shared jobs,
 * each unit's mission applications and websites. Traps are forced in before anything is drawn.
 */
import { CENTRAL_BY_KEY } from './catalogue/central.js';
import { FUNCTIONS, type FunctionSpec, type LocalName, type PlatformKind } from './catalogue/functions.js';
import { PROVINCE_PRICE_SYSTEM, PROVINCE_SHORT } from './catalogue/geography.js';
import { NOT_PROVINCE_MISSIONS, PROVINCE_ONLY_MISSIONS, REGIONAL_MISSIONS } from './catalogue/missions.js';
import { PLATFORMS, type PlatformSpec } from './catalogue/platforms.js';
import { findUnit } from './governments.js';
import type { Ctx, Gov, Rec, Sys, Unit } from './model.js';
import { fillTemplate, officialName, suitable, variantName } from './names.js';
import type { Rng } from './random.js';
import { addRecord, newSystem, scopeFor } from './records.js';
import type { ForcedListing, ForcedLocal, TrapSetup } from './traps.js';

const DEFAULT_KINDS: Partial<Record<PlatformKind, number>> = { web: 0.8, 'web, mobile': 0.1, mobile: 0.05, desktop: 0.05 };
const CENTRAL_MISSION_COST = 2e9;
/** The per-unit mission chances in missions.ts are for a fully staffed office; scaled to catalogue averages. */
const MISSION_SCALE = 0.3;
const REGIONAL_PROVINCE_SYSTEM_CHANCE = 0.6;
const PROVINCE_SYSTEM_LISTING_CHANCE = 0.45;

const nameText = (n: LocalName): string => `${n.short} ${n.long ?? ''}`;

function localYear(rng: Rng): number {
  return Math.min(2024, 2008 + Math.floor(17 * Math.sqrt(rng.next())));
}

function localUrl(rng: Rng, host: string, domain: string): string {
  const r = rng.next();
  if (r < 0.08) return '';
  if (r < 0.15) return `http://103.${rng.int(10, 250)}.${rng.int(1, 254)}.${rng.int(1, 254)}/${host}`;
  return `${rng.chance(0.8) ? 'https' : 'http'}://${host}.${domain}${rng.pick(['', '', '/', '/login', '/index.php'])}`;
}

function copyUrl(rng: Rng, host: string, unit: Unit): string {
  const domain = unit.gov.domain;
  const r = rng.next();
  if (r < 0.15) return '';
  if (r < 0.35) return `http://192.168.${rng.int(0, 20)}.${rng.int(2, 250)}/${host}`;
  if (r < 0.55) return `https://${host}${unit.host}.${domain}`;
  return `https://${unit.host}.${domain}/${host}`;
}

function platformKind(rng: Rng, fn: FunctionSpec | undefined): string {
  return rng.weightedKey(fn?.platformKinds ?? DEFAULT_KINDS);
}

/** The one Sys of a national platform, created on first listing; its owner is set when the owner is built. */
function platformSys(ctx: Ctx, spec: PlatformSpec): Sys {
  let sys = ctx.platformSystems.get(spec.id);
  if (!sys) {
    const masterUrl = spec.urls.find((u) => u.startsWith('http') && !u.includes('{')) ?? '';
    sys = newSystem(ctx, {
      fn: spec.fn,
      kind: 'platform',
      name: spec.name,
      short: spec.name,
      ...(spec.long !== undefined ? { long: spec.long } : {}),
      url: masterUrl,
      platform: spec,
      year: spec.since,
      platformKind: spec.platform,
      cost: spec.cost,
      audience: 'public',
      descriptions: spec.descriptions,
    });
    ctx.platformSystems.set(spec.id, sys);
  }
  return sys;
}

function listingChance(unit: Unit, listedBy: PlatformSpec['listedBy']): number {
  let p = listedBy.any ?? 0;
  for (const role of unit.roles) p = Math.max(p, listedBy.others?.[role] ?? 0);
  return Math.min(0.95, p * unit.diligence);
}

function adoptPlatform(ctx: Ctx, gov: Gov, spec: PlatformSpec, forced: ForcedListing | undefined): Rec | undefined {
  const rng = gov.rng;
  const primary = forced ? (findUnit(gov, forced.roles) ?? gov.units[0]) : findUnit(gov, spec.listedBy.primary);
  if (!primary) return undefined;
  const sys = platformSys(ctx, spec);
  const name = () => fillTemplate(rng.pick(spec.variants), scopeFor(gov, primary));
  const first = addRecord(ctx, sys, primary, 'listing', forced?.name ?? name());
  for (const unit of gov.units) {
    if (unit !== primary && rng.chance(listingChance(unit, spec.listedBy))) addRecord(ctx, sys, unit, 'listing', name());
  }
  return first;
}

function buildMasters(ctx: Ctx, gov: Gov): void {
  for (const spec of PLATFORMS) {
    if (spec.owner !== gov.id) continue;
    const sys = platformSys(ctx, spec);
    sys.owner = gov.root;
    ctx.masters.set(spec.id, addRecord(ctx, sys, gov.root, 'master', spec.long !== undefined && gov.rng.chance(0.3) ? `${spec.name} (${spec.long})` : spec.name));
  }
}

function buildGovernmentWide(ctx: Ctx, gov: Gov, fn: FunctionSpec, forced: ForcedLocal | undefined): Sys | undefined {
  const local = fn.local;
  if (!local) return undefined;
  const rng = gov.rng;
  const owner = findUnit(gov, forced?.owners ?? local.owners) ?? (forced ? gov.units[0] : undefined);
  if (!owner) return undefined;
  const chosen: LocalName = forced?.name ?? rng.pick(suitable(gov.level, local.names, nameText));
  const scope = scopeFor(gov, owner);
  const { name, short, long } = officialName(rng, chosen, scope, forced !== undefined);
  const hostLabel = rng.pick(local.hosts);
  const sys = newSystem(ctx, {
    fn: fn.key,
    kind: 'government',
    name,
    short,
    ...(long !== undefined ? { long } : {}),
    host: `${hostLabel}.${gov.domain}`,
    url: localUrl(rng, hostLabel, gov.domain),
    owner,
    year: localYear(rng),
    platformKind: platformKind(rng, fn),
    cost: fn.cost,
    audience: fn.audience,
    descriptions: suitable(gov.level, fn.descriptions, (d) => d),
  });
  addRecord(ctx, sys, owner, 'owner', name);
  const listedBy = local.listedBy;
  if (listedBy) {
    for (const unit of gov.units) {
      if (unit === owner) continue;
      const matches = listedBy.roles === 'any' || listedBy.roles.some((r) => unit.roles.has(r));
      if (!matches || !rng.chance(Math.min(0.95, listedBy.p * unit.diligence))) continue;
      const shown = rng.chance(ctx.mess.variantName) ? variantName(rng, name, short, long, sys.host, scope) : name;
      addRecord(ctx, sys, unit, 'listing', shown);
    }
  }
  return sys;
}

function copyChance(ctx: Ctx, gov: Gov, fn: FunctionSpec, unit: Unit): number {
  const local = fn.local;
  if (!local) return 0;
  let p = local.anyUnitCopy ?? 0;
  for (const role of unit.roles) p = Math.max(p, local.unitCopies?.[role] ?? 0);
  // Directorates of a ministry run their own admin systems beside the ministry's.
  if (gov.level === 'central' && unit.roles.has('mission') && (local.pCentral ?? 0) > 0) p = Math.max(p, 0.06);
  return Math.min(0.97, p * ctx.mess.localCopyBoost * depth(ctx, gov));
}

function buildCopy(ctx: Ctx, gov: Gov, fn: FunctionSpec, unit: Unit, governmentWide: Sys | undefined): void {
  const local = fn.local!;
  const rng = gov.rng;
  const names = suitable(gov.level, local.names, nameText);
  const others = names.filter((n) => governmentWide === undefined || fillTemplate(n.short, scopeFor(gov, unit)) !== governmentWide.short);
  const chosen = others.length > 0 && rng.chance(0.6) ? rng.pick(others) : rng.pick(names);
  const scope = scopeFor(gov, unit);
  const short = fillTemplate(chosen.short, scope);
  const long = chosen.long === undefined ? undefined : fillTemplate(chosen.long, scope);
  const scoped = /\{(UNIT|NAME|R)\}/.test(chosen.short);
  const options: Array<[string, number]> = scoped ? [[short, 0.75]] : [[`${short} ${unit.abbr}`, 0.45], [short, 0.3]];
  if (long !== undefined) options.push([`${short} (${long})`, 0.15], [`${long} ${unit.abbr}`, 0.1]);
  const name = rng.weighted(
    options.map((o) => o[0]),
    options.map((o) => o[1]),
  );
  const host = rng.pick(local.hosts);
  const sys = newSystem(ctx, {
    fn: fn.key,
    kind: 'copy',
    name,
    short,
    ...(long !== undefined ? { long } : {}),
    url: copyUrl(rng, host, unit),
    owner: unit,
    year: localYear(rng),
    platformKind: platformKind(rng, fn),
    cost: fn.cost * 0.45,
    audience: fn.audience,
    descriptions: suitable(gov.level, fn.descriptions, (d) => d),
  });
  addRecord(ctx, sys, unit, 'owner', name);
}

function buildMission(ctx: Ctx, gov: Gov, unit: Unit, fn: string, local: LocalName, description: string, host: string, cost: number, audience: Sys['audience'], keepShort = false): Rec {
  const rng = gov.rng;
  const { name, short, long } = officialName(rng, local, scopeFor(gov, unit), keepShort);
  const sys = newSystem(ctx, {
    fn,
    kind: 'mission',
    name,
    short,
    ...(long !== undefined ? { long } : {}),
    host: `${host}.${gov.domain}`,
    url: rng.chance(0.7) ? localUrl(rng, host, gov.domain) : copyUrl(rng, host, unit),
    owner: unit,
    year: localYear(rng),
    platformKind: platformKind(rng, undefined),
    cost,
    audience,
    descriptions: [description],
  });
  return addRecord(ctx, sys, unit, 'owner', name);
}

function buildWebsite(ctx: Ctx, gov: Gov, unit: Unit): void {
  const rng = gov.rng;
  const host = unit.isRoot ? `www.${gov.domain}` : `${unit.host}.${gov.domain}`;
  const name = unit.isRoot
    ? rng.pick([`Website ${unit.name}`, `Portal Resmi ${unit.name}`, host])
    : rng.weighted([`Website ${unit.name}`, `Web ${unit.abbr}`, `Website ${unit.abbr}`, host, `Portal ${unit.abbr}`], [0.35, 0.2, 0.2, 0.15, 0.1]);
  const sys = newSystem(ctx, {
    fn: 'website',
    kind: 'website',
    name,
    short: name,
    host,
    url: `https://${host}${rng.pick(['', '/', '/halamanadmin'])}`,
    owner: unit,
    year: localYear(rng),
    platformKind: 'web',
    cost: 25e6,
    audience: 'public',
    descriptions: ['Website resmi {U}.', 'Website sekitar kegiatan di {U}.', 'Portal informasi dan berita {U}.', 'Profil, berita dan layanan {U}.'],
  });
  addRecord(ctx, sys, unit, 'owner', name);
}

function buildProvinceSystems(ctx: Ctx, gov: Gov): void {
  const rng = gov.rng;
  if (gov.level === 'province') {
    const unit = findUnit(gov, ['trade']);
    if (!unit || !rng.chance(REGIONAL_PROVINCE_SYSTEM_CHANCE)) return;
    const short = PROVINCE_SHORT[gov.provinceKey ?? ''] ?? gov.bare;
    const spec = PROVINCE_PRICE_SYSTEM[gov.provinceKey ?? ''] ?? { short: `SIHARGA ${short}`, long: 'Sistem Informasi Harga Bahan Pokok', host: 'siharga' };
    const sys = newSystem(ctx, {
      fn: 'commodity-prices',
      kind: 'province',
      name: spec.short,
      short: spec.short,
      long: spec.long,
      host: `${spec.host}.${gov.domain}`,
      url: `https://${spec.host}.${gov.domain}`,
      owner: unit,
      year: localYear(rng),
      platformKind: 'web',
      cost: 150e6,
      audience: 'public',
      descriptions: ['Informasi ketersediaan dan perkembangan harga bahan pokok di pasar kabupaten/kota se-provinsi.', 'Pemantauan harga kebutuhan pokok tingkat provinsi.'],
    });
    addRecord(ctx, sys, unit, 'owner', spec.short);
    ctx.provinceSystems.set(gov.id, [sys]);
    return;
  }
  if (gov.provinceGovId === undefined) return;
  for (const sys of ctx.provinceSystems.get(gov.provinceGovId) ?? []) {
    const unit = findUnit(gov, ['trade']);
    if (!unit || !rng.chance(PROVINCE_SYSTEM_LISTING_CHANCE)) continue;
    const provShort = PROVINCE_SHORT[gov.provinceKey ?? ''] ?? '';
    addRecord(ctx, sys, unit, 'listing', rng.pick([sys.short, `${sys.short} ${provShort}`, sys.long ?? sys.short]));
  }
}

function depth(ctx: Ctx, gov: Gov): number {
  return gov.level === 'central' ? ctx.plan.centralDepth : 1;
}

function adoptionChance(ctx: Ctx, spec: PlatformSpec, gov: Gov): number {
  return (spec.adoption[gov.level] ?? 0) * depth(ctx, gov);
}

/** Everything one government lists; returns the rows each trap side resolved to. */
export function buildGovernment(ctx: Ctx, gov: Gov, setup: TrapSetup): Map<string, Rec> {
  const rng = gov.rng;
  const anchors = new Map<string, Rec>();
  if (gov.central) buildMasters(ctx, gov);

  for (const spec of PLATFORMS) {
    if (spec.owner === gov.id) continue;
    const forced = setup.listings.get(spec.id);
    if (!forced && !rng.chance(adoptionChance(ctx, spec, gov))) continue;
    const rec = adoptPlatform(ctx, gov, spec, forced);
    if (rec && forced) anchors.set(`platform:${spec.id}`, rec);
  }

  buildProvinceSystems(ctx, gov);

  const governmentWide = new Map<string, Sys>();
  for (const fn of FUNCTIONS) {
    const local = fn.local;
    if (!local) continue;
    if (local.levels && !local.levels.includes(gov.level)) continue;
    const forced = setup.locals.get(fn.key);
    const p = gov.level === 'central' ? (local.pCentral ?? 0) * depth(ctx, gov) : local.p;
    if (!forced && !rng.chance(Math.min(0.97, p * ctx.mess.localCopyBoost))) continue;
    const sys = buildGovernmentWide(ctx, gov, fn, forced);
    if (!sys) continue;
    governmentWide.set(fn.key, sys);
    if (forced) anchors.set(fn.key, sys.records[0]!);
  }

  for (const unit of gov.units) {
    for (const fn of FUNCTIONS) {
      if (!fn.local || (fn.local.levels && !fn.local.levels.includes(gov.level))) continue;
      if (rng.chance(copyChance(ctx, gov, fn, unit))) buildCopy(ctx, gov, fn, unit, governmentWide.get(fn.key));
    }
  }

  if (gov.central) {
    const spec = CENTRAL_BY_KEY.get(gov.id)!;
    spec.apps.forEach((app, i) => {
      if (i > 0 && !rng.chance(depth(ctx, gov))) return;
      const unit = app.unit === undefined ? gov.root : (gov.units.find((u) => u.kind === `sector-${app.unit}`) ?? gov.root);
      const slugged = app.short.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      buildMission(ctx, gov, unit, app.fn ?? `mission.${gov.id}.${slugged}`, { short: app.short, ...(app.long !== undefined ? { long: app.long } : {}) }, app.description, app.short.toLowerCase().replace(/[^a-z0-9]+/g, ''), app.cost ?? CENTRAL_MISSION_COST, 'public');
    });
  } else {
    for (const unit of gov.units) {
      for (const mission of REGIONAL_MISSIONS[unit.kind] ?? []) {
        if (gov.level === 'province' ? NOT_PROVINCE_MISSIONS.has(mission.key) : PROVINCE_ONLY_MISSIONS.has(mission.key)) continue;
        const forced = setup.missions.get(mission.key);
        if (!forced && !rng.chance(mission.p * MISSION_SCALE)) continue;
        const rec = buildMission(ctx, gov, unit, `mission.${mission.key}`, forced ?? mission, mission.description, mission.host, mission.cost, mission.audience, forced !== undefined);
        if (forced && !anchors.has(`mission:${mission.key}`)) anchors.set(`mission:${mission.key}`, rec);
      }
    }
  }

  for (const unit of gov.level === 'central' ? [gov.root, ...gov.units] : gov.units) {
    const p = unit.isRoot ? 0.9 : unit.kind === 'kecamatan' ? 0.35 : unit.kind === 'kelurahan' ? 0.25 : 0.2;
    if (rng.chance(unit.isRoot ? p : p * depth(ctx, gov))) buildWebsite(ctx, gov, unit);
  }
  return anchors;
}
