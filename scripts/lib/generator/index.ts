/**
 * Seeded generator of Indonesian government application inventories with ground truth — the sample in
 * data/sample, the national-scale benchmark input and the harder `eval` inventories the duplicate
 * detection is scored on. A pure function of (seed, scale, variant): mulberry32 streams per government,
 * no Math.random, no clock.
 *
 *   const gen = generateInventory({ seed: 42, scale: 'sample' });
 *   await writeInventory(gen, 'data/sample');
 *
 * Rows follow the input contract (src/types.ts, design.md); truth semantics are in truth.ts.
 */
import type { Agency, Application, Exchange, Inventory } from '../../../src/types.js';
import { FUNCTION_BY_KEY } from './catalogue/functions.js';
import { buildGovernment } from './build.js';
import { buildExchanges } from './exchanges.js';
import { findUnit, makeCentralGov, makeRegionalGov } from './governments.js';
import type { Ctx, Gov, Rec } from './model.js';
import { MESSINESS, resolvePlan } from './plan.js';
import { Rng } from './random.js';
import { planTraps, feasible, TRAP_KINDS } from './traps.js';
import { buildTruth } from './truth.js';
import type { GenerateOptions, GeneratedInventory, TrapKind } from './types.js';

export type { GenerateOptions, GeneratedInventory, Scale, CustomScale, Variant, Truth, TruthCluster, TruthTrap, TruthSystem, TrapKind } from './types.js';
export { writeInventory } from './write.js';
export { TRUTH_SEMANTICS } from './truth.js';

/** Extra chance per trap kind in eval inventories. */
const EVAL_TRAP_BONUS = 0.25;

function trapKindsFor(ctx: Ctx, gov: Gov): TrapKind[] {
  const forced = ctx.plan.forcedTraps.get(gov.id) ?? [];
  const chance = ctx.plan.trapChance + (ctx.variant === 'eval' ? EVAL_TRAP_BONUS : 0);
  const kinds = [...forced];
  for (const kind of TRAP_KINDS) {
    if (!kinds.includes(kind) && gov.level !== 'central' && gov.rng.chance(chance)) kinds.push(kind);
  }
  return kinds.filter((k) => feasible(k, gov));
}

function datasetFor(ctx: Ctx, rec: Rec): string[] {
  const sys = rec.sys;
  const fn = FUNCTION_BY_KEY.get(sys.fn);
  const rng = rec.unit.gov.rng;
  const ids: string[] = [];
  const govDataset = (gov: Gov): string | undefined => {
    if (fn?.dataset === undefined) return undefined;
    const id = `ds-${gov.id}-${fn.key}`;
    if (!ctx.datasets.has(id)) {
      const steward = findUnit(gov, fn.local?.owners ?? []) ?? gov.root;
      ctx.datasets.set(id, { id, name: `${fn.dataset} ${gov.region}`, stewardAgencyId: steward.id, properties: {} });
    }
    return id;
  };
  if (sys.platform) {
    const spec = sys.platform;
    if (spec.dataset !== undefined) {
      const id = `ds-nasional-${spec.id}`;
      if (!ctx.datasets.has(id)) {
        const owner = ctx.govById.get(spec.owner);
        ctx.datasets.set(id, { id, name: spec.dataset, ...(owner ? { stewardAgencyId: owner.id } : {}), properties: {} });
      }
      ids.push(id);
    }
    if (rec.role === 'listing' && rng.chance(0.35)) {
      const local = govDataset(rec.unit.gov);
      if (local) ids.push(local);
    }
  } else if (sys.kind !== 'mission' && sys.kind !== 'website' && sys.owner) {
    const local = govDataset(sys.owner.gov);
    if (local) ids.push(local);
  }
  return rng.chance(ctx.mess.missingDatasets) ? [] : ids;
}

/** Rows are listed unit by unit, as catalogues are, shuffled within a unit so ids leak no system identity. */
function assignIds(ctx: Ctx): void {
  const width = Math.max(5, String(ctx.records.length).length);
  let next = 1;
  for (const gov of ctx.govs) {
    const byUnit = new Map<string, Rec[]>();
    for (const rec of gov.records) {
      const list = byUnit.get(rec.unit.id);
      if (list) list.push(rec);
      else byUnit.set(rec.unit.id, [rec]);
    }
    for (const unit of [gov.root, ...gov.units]) {
      for (const rec of gov.rng.shuffle(byUnit.get(unit.id) ?? [])) rec.id = `app-${String(next++).padStart(width, '0')}`;
    }
  }
}

function agencyRows(ctx: Ctx): Agency[] {
  const rows: Agency[] = [];
  for (const gov of ctx.govs) {
    const region = gov.provinceName;
    rows.push({ id: gov.id, name: gov.agencyName, level: gov.level, ...(region !== undefined ? { region } : {}), properties: {} });
    for (const unit of gov.units) rows.push({ id: unit.id, name: unit.name, level: 'unit', ...(region !== undefined ? { region } : {}), parentId: gov.id, properties: {} });
  }
  return rows;
}

function applicationRows(ctx: Ctx): Application[] {
  const ordered = [...ctx.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ordered.map((r) => {
    const app: Application = { id: r.id, agencyId: r.unit.id, name: r.name, datasets: r.datasets, properties: {} };
    if (r.description !== undefined) app.description = r.description;
    if (r.code !== undefined) app.function = r.code;
    if (r.category !== undefined) app.category = r.category;
    if (r.origin !== undefined) app.origin = r.origin;
    if (r.status !== undefined) app.status = r.status;
    if (r.statusReason !== undefined) app.statusReason = r.statusReason;
    if (r.cost !== undefined) app.annualCost = r.cost;
    if (r.users !== undefined) app.users = r.users;
    if (r.url !== undefined) app.url = r.url;
    if (r.platform !== undefined) app.platform = r.platform;
    if (r.year !== undefined) app.year = r.year;
    return app;
  });
}

function exchangeRows(ctx: Ctx): Exchange[] {
  const width = Math.max(6, String(ctx.links.length).length);
  return ctx.links.map((l, i) => ({ id: `ex-${String(i + 1).padStart(width, '0')}`, sourceId: l.source.id, targetId: l.target.id, data: l.data, mechanism: l.mechanism, properties: {} }));
}

export function generateInventory(options: GenerateOptions): GeneratedInventory {
  if (!Number.isFinite(options.seed)) throw new Error(`seed must be a finite number, got ${options.seed}`);
  const variant = options.variant ?? 'standard';
  const plan = resolvePlan(options.scale);
  const ctx: Ctx = {
    seed: options.seed,
    variant,
    plan,
    mess: MESSINESS[variant],
    rng: new Rng(options.seed >>> 0).fork(`siloscope:${variant}`),
    govs: [],
    govById: new Map(),
    records: [],
    systems: [],
    platformSystems: new Map(),
    masters: new Map(),
    provinceSystems: new Map(),
    datasets: new Map(),
    links: [],
    traps: [],
  };
  const register = (gov: Gov) => {
    ctx.govs.push(gov);
    ctx.govById.set(gov.id, gov);
  };
  for (const spec of plan.central) register(makeCentralGov(ctx, spec));
  for (const spec of plan.regional) register(makeRegionalGov(ctx, spec));

  // Platform owners first, so every listing of a platform can see its master row.
  const order = [...ctx.govs].sort((a, b) => Number(b.central !== undefined) - Number(a.central !== undefined));
  for (const gov of order) {
    const setup = planTraps(gov, trapKindsFor(ctx, gov));
    const anchors = buildGovernment(ctx, gov, setup);
    for (const pair of setup.pairs) {
      const a = anchors.get(pair.sides[0]);
      const b = anchors.get(pair.sides[1]);
      if (a && b && a.sys !== b.sys) ctx.traps.push({ kind: pair.kind, records: [a, b], note: `"${a.name}" vs "${b.name}": ${pair.note}` });
    }
  }
  for (const rec of ctx.records) rec.datasets = datasetFor(ctx, rec);
  buildExchanges(ctx);
  assignIds(ctx);
  return {
    seed: options.seed,
    scale: plan.label,
    variant,
    agencies: agencyRows(ctx),
    applications: applicationRows(ctx),
    exchanges: exchangeRows(ctx),
    datasets: [...ctx.datasets.values()],
    truth: buildTruth(ctx, plan.label),
  };
}

/** The generated rows as the contract's Inventory, for benchmarks and tests that skip the files. */
export function toInventory(gen: GeneratedInventory, path = `generated:${gen.scale}:${gen.seed}`): Inventory {
  return {
    source: { path, format: 'csv-folder' },
    agencies: gen.agencies,
    applications: gen.applications,
    exchanges: gen.exchanges,
    datasets: gen.datasets,
    warnings: [],
  };
}
