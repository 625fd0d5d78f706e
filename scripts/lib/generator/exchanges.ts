/**
 * Exchanges between rows. Known flows fire first (flows.ts: personnel → payroll, planning → finance, NIK
 * verification, health records into SATUSEHAT …), then local copies of a platform's job sync with the
 * platform, then regencies report up to their province, and the rest of each government's quota is filled
 * with ad-hoc links inside the government, preferring links inside one unit — which is what keeps
 * governments, and units within them, siloed. Rows marked isolated never exchange.
 */
import type { Mechanism } from '../../../src/types.js';
import { FLOW_RULES, GENERIC_MECHANISMS, SYNC_MECHANISMS, UPWARD_RULES, type FlowRule } from './catalogue/flows.js';
import { FUNCTION_BY_KEY } from './catalogue/functions.js';
import { PLATFORMS } from './catalogue/platforms.js';
import type { Ctx, Gov, Rec, Sys } from './model.js';

/** Platforms no one lists but everyone reports to (JDIHN, SIKD). */
const MASTER_ONLY = new Set(PLATFORMS.filter((p) => Object.keys(p.adoption).length === 0).map((p) => p.fn));
const PAIR_STRIDE = 1 << 21;
const PREFER_MASTER = 0.8;
const SAME_UNIT = 0.55;

interface GovIndex {
  /** Systems with rows in the government, by function. */
  byFn: Map<string, Sys[]>;
  /** The row that stands for a system inside the government (its own row, else the primary listing). */
  anchor: Map<Sys, Rec>;
}

function indexGov(gov: Gov): GovIndex {
  const byFn = new Map<string, Sys[]>();
  const anchor = new Map<Sys, Rec>();
  for (const rec of gov.records) {
    const current = anchor.get(rec.sys);
    if (!current) {
      anchor.set(rec.sys, rec);
      const list = byFn.get(rec.sys.fn);
      if (list) list.push(rec.sys);
      else byFn.set(rec.sys.fn, [rec.sys]);
    } else if (rec.role !== 'listing' && current.role === 'listing') {
      anchor.set(rec.sys, rec);
    }
  }
  return { byFn, anchor };
}

function isLocal(sys: Sys, gov: Gov): boolean {
  return sys.kind !== 'platform' && sys.owner?.gov === gov;
}

function platformFor(fn: string, gov: Gov): string | undefined {
  const platforms = FUNCTION_BY_KEY.get(fn)?.platforms;
  return gov.level === 'central' ? platforms?.central : platforms?.regional;
}

export function buildExchanges(ctx: Ctx): void {
  const seen = new Set<number>();
  const indexes = new Map<Gov, GovIndex>();
  let sourceCount = 0;

  const add = (gov: Gov, source: Rec | undefined, target: Rec | undefined, data: string, mechanisms: Partial<Record<Mechanism, number>>): void => {
    if (!source || !target || source === target) return;
    if ((source.isolated && source.role !== 'master') || (target.isolated && target.role !== 'master')) return;
    const key = source.n * PAIR_STRIDE + target.n;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.links.push({ source, target, data, mechanism: gov.rng.weightedKey(mechanisms) });
    sourceCount++;
  };

  const master = (platformId: string | undefined): Rec | undefined => (platformId === undefined ? undefined : ctx.masters.get(platformId));

  /** Where a flow into `fn` lands: the government's own system, else the platform it uses. */
  const targetFor = (gov: Gov, index: GovIndex, fn: string): Rec | undefined => {
    const systems = index.byFn.get(fn) ?? [];
    const locals = systems.filter((s) => isLocal(s, gov));
    if (locals.length > 0) return index.anchor.get(locals.find((s) => s.kind === 'government') ?? gov.rng.pick(locals));
    const others = systems.filter((s) => !isLocal(s, gov));
    if (others.length > 0) {
      const sys = others[0]!;
      const m = sys.platform ? ctx.masters.get(sys.platform.id) : undefined;
      return m && gov.rng.chance(PREFER_MASTER) ? m : index.anchor.get(sys);
    }
    if (MASTER_ONLY.has(fn)) return master(PLATFORMS.find((p) => p.fn === fn)?.id);
    return undefined;
  };

  const fire = (gov: Gov, index: GovIndex, rule: FlowRule): void => {
    for (const sys of index.byFn.get(rule.from) ?? []) {
      if (!gov.rng.chance(rule.p)) continue;
      const local = isLocal(sys, gov);
      const target = targetFor(gov, index, rule.to);
      if (!target) continue;
      // National-to-national flows are the platforms' business, not this government's.
      if (!local && target.sys.kind === 'platform') continue;
      const source = local ? index.anchor.get(sys) : sys.platform && gov.rng.chance(0.7) ? (ctx.masters.get(sys.platform.id) ?? index.anchor.get(sys)) : index.anchor.get(sys);
      add(gov, source, target, rule.data, rule.mechanisms);
    }
  };

  const sync = (gov: Gov, index: GovIndex): void => {
    for (const [fn, systems] of index.byFn) {
      const locals = systems.filter((s) => isLocal(s, gov) && s.kind !== 'website');
      if (locals.length === 0) continue;
      const label = `Sinkronisasi ${FUNCTION_BY_KEY.get(fn)?.data ?? 'Data'}`;
      const listed = systems.filter((s) => s.kind === 'platform');
      const designated = platformFor(fn, gov);
      const platformMaster = master(listed[0]?.platform?.id ?? designated);
      for (const sys of locals) {
        const p = listed.length > 0 ? 0.6 : 0.35;
        if (platformMaster && gov.rng.chance(p)) add(gov, index.anchor.get(sys), platformMaster, label, SYNC_MECHANISMS);
        else if (listed.length > 0 && gov.rng.chance(0.2)) add(gov, index.anchor.get(sys), index.anchor.get(listed[0]!), label, SYNC_MECHANISMS);
      }
      for (let i = 0; i < locals.length && i < 3; i++) {
        for (let j = i + 1; j < locals.length && j < 4; j++) {
          if (gov.rng.chance(0.25)) add(gov, index.anchor.get(locals[j]!), index.anchor.get(locals[i]!), label, SYNC_MECHANISMS);
        }
      }
    }
  };

  const upward = (gov: Gov, index: GovIndex): void => {
    const province = gov.provinceGovId === undefined ? undefined : ctx.govById.get(gov.provinceGovId);
    const provinceIndex = province ? indexes.get(province) : undefined;
    if (!province || !provinceIndex) return;
    for (const rule of UPWARD_RULES) {
      const targets = (provinceIndex.byFn.get(rule.to) ?? []).filter((s) => isLocal(s, province));
      if (targets.length === 0) continue;
      for (const sys of index.byFn.get(rule.from) ?? []) {
        if (isLocal(sys, gov) && gov.rng.chance(rule.p)) add(gov, index.anchor.get(sys), provinceIndex.anchor.get(targets[0]!), rule.data, rule.mechanisms);
      }
    }
  };

  const fill = (gov: Gov): void => {
    const rng = gov.rng;
    const candidates = gov.records.filter((r) => !r.isolated && r.sys.kind !== 'website' && (r.role !== 'listing' || rng.chance(0.5)));
    if (candidates.length < 2) return;
    const byUnit = new Map<string, Rec[]>();
    for (const rec of candidates) {
      const list = byUnit.get(rec.unit.id);
      if (list) list.push(rec);
      else byUnit.set(rec.unit.id, [rec]);
    }
    const quota = Math.round(gov.records.length * ctx.plan.exchangesPerApplication);
    for (let attempts = 0; sourceCount < quota && attempts < quota * 8; attempts++) {
      const source = rng.pick(candidates);
      const sameUnit = byUnit.get(source.unit.id)!;
      const target = sameUnit.length > 1 && rng.chance(SAME_UNIT) ? rng.pick(sameUnit) : rng.pick(candidates);
      const data = FUNCTION_BY_KEY.get(source.sys.fn)?.data ?? `Data ${source.sys.short}`;
      add(gov, source, target, data, GENERIC_MECHANISMS);
    }
  };

  for (const gov of ctx.govs) {
    const index = indexGov(gov);
    indexes.set(gov, index);
    sourceCount = 0;
    for (const rule of FLOW_RULES) fire(gov, index, rule);
    sync(gov, index);
    upward(gov, index);
    fill(gov);
  }
}

