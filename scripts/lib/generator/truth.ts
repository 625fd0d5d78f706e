/**
 * Ground truth of a generated inventory, read off the model (a system is one piece of software; a row is
 * one unit listing one system).
 *
 * Semantics, precisely:
 * - `systems`: every system with all its rows. Rows of one system are the SAME application, listed by
 *   several units (a national platform such as SRIKANDI listed by ten units, a regency's SIMPEG listed by
 *   the units that use it). Listing a shared platform is adoption, never duplication.
 * - `clusters`: duplicates as a government architect would see them. Inside one government (a regional
 *   government with all its units, or a central agency with its units), the rows of every distinct
 *   system doing the same job (same function key) form one cluster when there are at least two such
 *   systems. When a local system duplicates a national platform's job and the government also lists
 *   the platform, the platform's rows in that government are members too (the instance to keep).
 *   Platform rows alone — however many units list them — are not a cluster. A system with a unique job
 *   in its government is a singleton (in no cluster), also a local copy of a platform's job when the
 *   government does not list the platform. Status does not matter: a retired copy is still a
 *   duplicate. Functions marked not clusterable (each unit's own website) never form clusters.
 * - `nationalClusters`: the coarse GDS-style "collision" view over the whole inventory: for each
 *   clusterable function with at least two systems anywhere, all rows of those systems (across
 *   governments). An upper bound on what a consolidation programme could merge; not the primary truth.
 * - `traps`: rows that look alike (shared acronym family or a reused name) but do different jobs; they are
 *   never in the same cluster. Planted pairs sit in one government; `same-name-different-function`
 *   entries are also found across the inventory by exact normalised name.
 */
import { FUNCTION_BY_KEY } from './catalogue/functions.js';
import type { Ctx, Rec, Sys } from './model.js';
import type { Truth, TruthCluster, TruthSystem, TruthTrap } from './types.js';

export const TRUTH_SEMANTICS =
  'clusters: inside one government (root agency plus its units), all rows of >=2 distinct systems with the same function; ' +
  'platform rows in that government are members when a local system duplicates the platform; rows of one system are the same application (see systems), never duplicates; ' +
  'nationalClusters: same rule across the whole inventory (GDS collision view); traps: look-alike rows with different functions, never in one cluster.';

function clusterable(fn: string): boolean {
  return FUNCTION_BY_KEY.get(fn)?.clusterable ?? true;
}

/** Catalogue label, or for a mission application the system's own long or short name. */
function labeller(ctx: Ctx): (fn: string) => string {
  const missions = new Map<string, string>();
  for (const sys of ctx.systems) if (!FUNCTION_BY_KEY.has(sys.fn) && !missions.has(sys.fn)) missions.set(sys.fn, `Aplikasi khusus: ${sys.long ?? sys.short}`);
  return (fn) => FUNCTION_BY_KEY.get(fn)?.label ?? missions.get(fn) ?? fn;
}

function sortIds(ids: string[]): string[] {
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function clusterOf(label: (fn: string) => string, id: string, fn: string, scope: string, where: string, systems: Sys[], records: Rec[]): TruthCluster {
  const platform = systems.find((s) => s.kind === 'platform')?.platform?.name;
  return {
    id,
    function: fn,
    label: `${label(fn)} — ${where}`,
    scope,
    ...(platform !== undefined ? { platform } : {}),
    applications: sortIds(records.map((r) => r.id)),
    systems: systems.map((s) => s.id),
  };
}

function groupByFunction(records: readonly Rec[]): Map<string, Map<Sys, Rec[]>> {
  const byFn = new Map<string, Map<Sys, Rec[]>>();
  for (const rec of records) {
    if (!clusterable(rec.sys.fn)) continue;
    let bySys = byFn.get(rec.sys.fn);
    if (!bySys) byFn.set(rec.sys.fn, (bySys = new Map()));
    const list = bySys.get(rec.sys);
    if (list) list.push(rec);
    else bySys.set(rec.sys, [rec]);
  }
  return byFn;
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Same normalised name, different jobs, not modules of one platform family: found anywhere. */
function sameNameTraps(ctx: Ctx, label: (fn: string) => string, planted: ReadonlySet<string>): TruthTrap[] {
  const groups = new Map<string, Rec[]>();
  for (const rec of ctx.records) {
    const key = normaliseName(rec.name);
    if (key.length < 3) continue;
    const list = groups.get(key);
    if (list) list.push(rec);
    else groups.set(key, [rec]);
  }
  const traps: TruthTrap[] = [];
  for (const recs of groups.values()) {
    const byFn = new Map<string, Rec>();
    for (const rec of recs) if (!byFn.has(rec.sys.fn)) byFn.set(rec.sys.fn, rec);
    if (byFn.size < 2) continue;
    const families = new Set([...byFn.values()].map((r) => r.sys.platform?.family ?? r.sys.id));
    if (families.size < 2) continue;
    const members = [...byFn.values()].slice(0, 4);
    if (members.some((r) => planted.has(r.id))) continue;
    traps.push({
      kind: 'same-name-different-function',
      applications: members.map((r) => r.id),
      note: `"${members[0]!.name}" names ${byFn.size} different jobs: ${[...byFn.keys()].map(label).join('; ')}`,
    });
  }
  return traps;
}

export function buildTruth(ctx: Ctx, scaleLabel: string): Truth {
  const label = labeller(ctx);
  const clusters: TruthCluster[] = [];
  for (const gov of ctx.govs) {
    for (const [fn, bySys] of groupByFunction(gov.records)) {
      if (bySys.size < 2) continue;
      clusters.push(clusterOf(label, `T${String(clusters.length + 1).padStart(4, '0')}`, fn, gov.id, gov.region, [...bySys.keys()], [...bySys.values()].flat()));
    }
  }
  const nationalClusters: TruthCluster[] = [];
  for (const [fn, bySys] of groupByFunction(ctx.records)) {
    if (bySys.size < 2) continue;
    nationalClusters.push(clusterOf(label, `N${String(nationalClusters.length + 1).padStart(4, '0')}`, fn, 'all', 'seluruh inventaris', [...bySys.keys()], [...bySys.values()].flat()));
  }
  const plantedTraps: TruthTrap[] = ctx.traps.map((t) => ({ kind: t.kind, applications: t.records.map((r) => r.id), note: t.note }));
  const planted = new Set(plantedTraps.filter((t) => t.kind === 'same-name-different-function').flatMap((t) => t.applications));
  const systems: TruthSystem[] = ctx.systems
    .filter((s) => s.records.length > 0)
    .map((s) => ({
      id: s.id,
      name: s.name,
      function: s.fn,
      origin: s.kind === 'platform' ? 'national' : s.kind === 'province' ? 'regional' : 'local',
      ...(s.owner ? { owner: s.owner.id } : {}),
      ...(s.platform ? { platform: s.platform.name } : {}),
      applications: sortIds(s.records.map((r) => r.id)),
    }));
  const functions: Record<string, string> = {};
  for (const sys of ctx.systems) if (sys.records.length > 0 && functions[sys.fn] === undefined) functions[sys.fn] = label(sys.fn);
  return {
    seed: ctx.seed,
    scale: scaleLabel,
    variant: ctx.variant,
    semantics: TRUTH_SEMANTICS,
    functions,
    clusters,
    nationalClusters,
    traps: [...plantedTraps, ...sameNameTraps(ctx, label, planted)],
    systems,
  };
}
