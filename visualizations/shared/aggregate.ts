/**
 * Grouping agencies into the units a view can draw. A national inventory has hundreds of governments and
 * thousands of work units; a readable chart has tens of marks per axis. So views rank agencies by a weight
 * (applications, spend, exchanges), keep the top ones, and roll the rest up by parent government and
 * finally into one "other" unit — totals are preserved, never dropped.
 */
import type { AgencyMetrics, Analysis, Inventory } from '../../src/types.js';
import { formatCount, plural } from './format.js';

export type UnitKind = 'agency' | 'government' | 'group' | 'other';

export interface Unit {
  /** An agency or government id, `group:<government id>` for rolled-up units, or `other`. */
  id: string;
  name: string;
  /** The end of `name` a shortened label must keep: the count of a roll-up (": 12 units", " (551)"). */
  suffix?: string;
  kind: UnitKind;
  /** Agency ids drawn as this unit. */
  members: string[];
  applications: number;
  annualCost: number;
  /** Application-weighted mean of the members' silo scores (the engine's own score for a whole government). */
  siloScore: number;
  /** Most common community among the members, weighted by applications. */
  community?: number;
  /** The ranking weight summed over members. */
  weight: number;
}

export interface UnitGrouping {
  units: Unit[];
  /** Agency id → index into `units`. */
  unitOfAgency: Map<string, number>;
  /** 'agency' when every unit is one agency, else 'government' (units are governments or roll-ups). */
  level: 'agency' | 'government';
}

export type AgencyWeight = (agency: AgencyMetrics) => number;

export const byApplications: AgencyWeight = (a) => a.applications;
export const bySpend: AgencyWeight = (a) => a.annualCost;

/**
 * Agency id → id of its parent government: the top of its parent chain (a kelurahan under a kecamatan
 * under a city ends at the city), itself when it has no parent.
 */
export function governmentOf(analysis: Analysis): Map<string, string> {
  const parent = new Map<string, string>();
  for (const agency of analysis.agencies) if (agency.parentId && agency.parentId !== agency.id) parent.set(agency.id, agency.parentId);
  const out = new Map<string, string>();
  for (const agency of analysis.agencies) {
    let top = agency.id;
    const seen = new Set<string>([top]);
    for (let up = parent.get(top); up !== undefined && !seen.has(up); up = parent.get(top)) {
      seen.add(up);
      top = up;
    }
    out.set(agency.id, top);
  }
  return out;
}

function nameOf(analysis: Analysis): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of analysis.governments) names.set(g.id, g.name);
  for (const a of analysis.agencies) names.set(a.id, a.name);
  return names;
}

function makeUnit(
  id: string,
  name: string,
  kind: UnitKind,
  members: AgencyMetrics[],
  weight: AgencyWeight,
  ownScore?: number,
  suffix?: string,
): Unit {
  let applications = 0;
  let annualCost = 0;
  let scoreSum = 0;
  let weightSum = 0;
  const communityWeight = new Map<number, number>();
  for (const m of members) {
    applications += m.applications;
    annualCost += m.annualCost;
    weightSum += weight(m);
    scoreSum += m.siloScore * Math.max(m.applications, 1);
    if (m.community !== undefined) communityWeight.set(m.community, (communityWeight.get(m.community) ?? 0) + Math.max(m.applications, 1));
  }
  const scoreWeight = members.reduce((s, m) => s + Math.max(m.applications, 1), 0);
  let community: number | undefined;
  let best = -1;
  for (const [c, w] of communityWeight) {
    if (w > best || (w === best && community !== undefined && c < community)) {
      best = w;
      community = c;
    }
  }
  return {
    id,
    name,
    ...(suffix ? { suffix } : {}),
    kind,
    members: members.map((m) => m.id),
    applications,
    annualCost,
    siloScore: ownScore ?? (scoreWeight > 0 ? scoreSum / scoreWeight : 0),
    community,
    weight: weightSum,
  };
}

function byWeightThenName(a: Unit, b: Unit): number {
  return b.weight - a.weight || b.applications - a.applications || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function finish(units: Unit[], level: UnitGrouping['level']): UnitGrouping {
  const unitOfAgency = new Map<string, number>();
  units.forEach((u, i) => u.members.forEach((m) => unitOfAgency.set(m, i)));
  return { units, unitOfAgency, level };
}

function otherUnit(analysis: Analysis, rest: Unit[], noun: string, weight: AgencyWeight): Unit {
  const byId = new Map(analysis.agencies.map((a) => [a.id, a]));
  const members = rest.flatMap((u) => u.members.map((id) => byId.get(id)).filter((a): a is AgencyMetrics => a !== undefined));
  const suffix = ` (${formatCount(rest.length)})`;
  return makeUnit('other', `Other ${noun}${suffix}`, 'other', members, weight, undefined, suffix);
}

/**
 * Every agency as its own unit when there are at most `maxUnits`; otherwise whole governments (a
 * regency with all its OPDs as one), the top `maxUnits − 1` by weight plus one "other" unit.
 */
export function agencyOrGovernmentUnits(analysis: Analysis, maxUnits: number, weight: AgencyWeight = byApplications): UnitGrouping {
  if (analysis.agencies.length <= maxUnits) {
    const units = analysis.agencies.map((a) => makeUnit(a.id, a.name, 'agency', [a], weight, a.siloScore)).sort(byWeightThenName);
    return finish(units, 'agency');
  }
  const govOf = governmentOf(analysis);
  const names = nameOf(analysis);
  const engineScore = new Map(analysis.governments.map((g) => [g.id, g.siloScore]));
  const members = new Map<string, AgencyMetrics[]>();
  for (const agency of analysis.agencies) {
    const gov = govOf.get(agency.id) ?? agency.id;
    const list = members.get(gov);
    if (list) list.push(agency);
    else members.set(gov, [agency]);
  }
  const units = [...members].map(([gov, list]) => makeUnit(gov, names.get(gov) ?? gov, 'government', list, weight, engineScore.get(gov))).sort(byWeightThenName);
  if (units.length <= maxUnits) return finish(units, 'government');
  const kept = units.slice(0, Math.max(1, maxUnits - 1));
  kept.push(otherUnit(analysis, units.slice(kept.length), 'governments', weight));
  return finish(kept, 'government');
}

/**
 * For the network: the top `topAgencies` agencies by weight stay as themselves (a ministry or a large
 * OPD is worth seeing alone); the rest are rolled up per parent government, the largest `maxGroups` of
 * those roll-ups kept and the remainder merged into one "other" unit.
 */
export function networkUnits(analysis: Analysis, topAgencies: number, maxGroups: number, weight: AgencyWeight = byApplications): UnitGrouping {
  const all = analysis.agencies.map((a) => makeUnit(a.id, a.name, 'agency', [a], weight, a.siloScore)).sort(byWeightThenName);
  if (all.length <= topAgencies + maxGroups) return finish(all, 'agency');
  const kept = all.slice(0, topAgencies);
  const byId = new Map(analysis.agencies.map((a) => [a.id, a]));
  const govOf = governmentOf(analysis);
  const names = nameOf(analysis);
  const restByGov = new Map<string, AgencyMetrics[]>();
  const loose: AgencyMetrics[] = [];
  for (const unit of all.slice(topAgencies)) {
    const agency = byId.get(unit.id)!;
    const gov = govOf.get(agency.id);
    if (!gov || gov === agency.id) {
      loose.push(agency);
      continue;
    }
    const list = restByGov.get(gov);
    if (list) list.push(agency);
    else restByGov.set(gov, [agency]);
  }
  const groups = [...restByGov]
    .map(([gov, list]) => {
      const suffix = `: ${plural(list.length, 'unit')}`;
      return makeUnit(`group:${gov}`, `${names.get(gov) ?? gov}${suffix}`, 'group', list, weight, undefined, suffix);
    })
    .sort(byWeightThenName);
  const keptGroups = groups.slice(0, maxGroups);
  const leftover = [...loose, ...groups.slice(maxGroups).flatMap((g) => g.members.map((id) => byId.get(id)!))];
  const units = [...kept, ...keptGroups];
  if (leftover.length > 0) {
    const suffix = ` (${formatCount(leftover.length)})`;
    units.push(makeUnit('other', `Other agencies${suffix}`, 'other', leftover, weight, undefined, suffix));
  }
  return finish(units, 'government');
}

/** Application id → agency id, from the analysis first and the inventory for anything it lacks. */
export function agencyOfApplication(analysis: Analysis, inventory?: Inventory): Map<string, string> {
  const out = new Map<string, string>();
  if (inventory) for (const app of inventory.applications) out.set(app.id, app.agencyId);
  for (const app of analysis.applications) out.set(app.id, app.agencyId);
  return out;
}

export interface UnitFlow {
  source: number;
  target: number;
  count: number;
  /** Exchanges among `count` that are manual or file-based. */
  manual: number;
}

/**
 * Exchanges between units, directed (source unit → target unit), including a unit's exchanges with
 * itself. Exchanges whose ends are unknown to the analysis are skipped.
 */
export function aggregateExchanges(
  inventory: Inventory,
  appAgency: Map<string, string>,
  unitOfAgency: Map<string, number>,
): UnitFlow[] {
  const flows = new Map<string, UnitFlow>();
  for (const exchange of inventory.exchanges) {
    const sa = appAgency.get(exchange.sourceId);
    const ta = appAgency.get(exchange.targetId);
    if (sa === undefined || ta === undefined) continue;
    const s = unitOfAgency.get(sa);
    const t = unitOfAgency.get(ta);
    if (s === undefined || t === undefined) continue;
    const key = `${s}>${t}`;
    let flow = flows.get(key);
    if (!flow) {
      flow = { source: s, target: t, count: 0, manual: 0 };
      flows.set(key, flow);
    }
    flow.count++;
    if (exchange.mechanism === 'manual' || exchange.mechanism === 'file') flow.manual++;
  }
  return [...flows.values()];
}
