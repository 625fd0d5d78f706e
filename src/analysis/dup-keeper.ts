/**
 * Which system of a duplicate cluster to keep, by documented criteria in this order (the first that
 * separates two candidates decides, and is given as the reason):
 *   1. a designated shared platform (Aplikasi Umum) — the policy answer, KepMenPANRB 679/2020 style;
 *   2. another shared platform (mandated, national or provincial), then any national system;
 *   3. an active system over one in development, one with no status, or a retired one;
 *   4. the system used by more records (units), then by more agencies;
 *   5. more users;  6. more exchanges (the better-integrated one is cheaper to keep);
 *   7. the newer build year;  8. the lower known annual cost;  9. the smaller application id.
 */
import type { Application, ApplicationStatus } from '../types.js';
import type { SharedPlatformDef } from '../reference/index.js';

export interface KeeperFacts {
  /** Id of the application standing for the candidate. */
  id: string;
  name: string;
  platform?: SharedPlatformDef;
  national: boolean;
  status?: ApplicationStatus;
  records: number;
  agencies: number;
  users: number;
  degree: number;
  year?: number;
  cost?: number;
}

const STATUS_RANK: Record<string, number> = { active: 3, development: 2, none: 1, retired: 0 };

interface Criterion {
  value: (f: KeeperFacts) => number;
  reason: (keeper: KeeperFacts, other: KeeperFacts) => string;
}

const CRITERIA: Criterion[] = [
  {
    value: (f) => (f.platform?.designated ? 1 : 0),
    reason: (k) => `${k.platform!.name} is a designated shared platform (Aplikasi Umum) run by ${k.platform!.owner}`,
  },
  {
    value: (f) => (f.platform !== undefined ? 1 : 0),
    reason: (k) => `${k.platform!.name} is a ${k.platform!.designation} shared platform run by ${k.platform!.owner}${k.platform!.confirmed ? '' : ' (status unconfirmed)'}`,
  },
  { value: (f) => (f.national ? 1 : 0), reason: (k) => `${k.name} is a national system the others can adopt` },
  {
    value: (f) => STATUS_RANK[f.status ?? 'none']!,
    reason: (k, o) => `${k.name} is ${k.status ?? 'of unknown status'}, ${o.name} is ${o.status ?? 'of unknown status'}`,
  },
  { value: (f) => f.records, reason: (k, o) => `${k.name} is used by ${k.records} records against ${o.records}` },
  { value: (f) => f.agencies, reason: (k, o) => `${k.name} is used by ${k.agencies} agencies against ${o.agencies}` },
  { value: (f) => f.users, reason: (k, o) => `${k.name} has the most users (${k.users} against ${o.users})` },
  { value: (f) => f.degree, reason: (k, o) => `${k.name} is the most integrated (${k.degree} exchanges against ${o.degree})` },
  { value: (f) => f.year ?? 0, reason: (k, o) => `${k.name} is the newest (${k.year} against ${o.year ?? 'unknown'})` },
  { value: (f) => (f.cost === undefined ? -Infinity : -f.cost), reason: (k) => `${k.name} is the cheapest to run` },
];

/** Negative when `a` is the better keeper. */
export function compareKeepers(a: KeeperFacts, b: KeeperFacts): number {
  for (const c of CRITERIA) {
    const d = c.value(b) - c.value(a);
    if (d !== 0) return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The best candidate and why it beats the runner-up. */
export function chooseKeeper(candidates: KeeperFacts[]): { keeper: KeeperFacts; reason: string } {
  const sorted = [...candidates].sort(compareKeepers);
  const keeper = sorted[0]!;
  const other = sorted[1];
  if (other === undefined) return { keeper, reason: `${keeper.name} is the only candidate` };
  for (const c of CRITERIA) if (c.value(keeper) !== c.value(other)) return { keeper, reason: c.reason(keeper, other) };
  return { keeper, reason: `all criteria tie; ${keeper.name} comes first by id` };
}

/** Facts of one application record (a system's facts aggregate these). */
export function recordFacts(app: Application, degree: number, platform: SharedPlatformDef | undefined): KeeperFacts {
  return {
    id: app.id,
    name: app.name,
    platform,
    national: app.origin === 'national' || platform !== undefined,
    status: app.status,
    records: 1,
    agencies: 1,
    users: app.users ?? 0,
    degree,
    year: app.year,
    cost: app.annualCost,
  };
}
