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

/**
 * The value of criterion `c` (0 … CRITERIA_COUNT - 1, in the order above); higher is the better keeper.
 * One switch rather than a closure per criterion: hub selection and keeper choice compare facts often.
 */
function criterion(f: KeeperFacts, c: number): number {
  switch (c) {
    case 0:
      return f.platform?.designated ? 1 : 0;
    case 1:
      return f.platform !== undefined ? 1 : 0;
    case 2:
      return f.national ? 1 : 0;
    case 3:
      return STATUS_RANK[f.status ?? 'none']!;
    case 4:
      return f.records;
    case 5:
      return f.agencies;
    case 6:
      return f.users;
    case 7:
      return f.degree;
    case 8:
      return f.year ?? 0;
    default:
      return f.cost === undefined ? -Infinity : -f.cost;
  }
}

/** Why the keeper beats the runner-up, by the criterion that separates them. */
const REASONS: Array<(keeper: KeeperFacts, other: KeeperFacts) => string> = [
  (k) => `${k.platform!.name} is a designated shared platform (Aplikasi Umum) run by ${k.platform!.owner}`,
  (k) => `${k.platform!.name} is a ${k.platform!.designation} shared platform run by ${k.platform!.owner}${k.platform!.confirmed ? '' : ' (status unconfirmed)'}`,
  (k) => `${k.name} is a national system the others can adopt`,
  (k, o) => `${k.name} is ${k.status ?? 'of unknown status'}, ${o.name} is ${o.status ?? 'of unknown status'}`,
  (k, o) => `${k.name} is used by ${k.records} records against ${o.records}`,
  (k, o) => `${k.name} is used by ${k.agencies} agencies against ${o.agencies}`,
  (k, o) => `${k.name} has the most users (${k.users} against ${o.users})`,
  (k, o) => `${k.name} is the most integrated (${k.degree} exchanges against ${o.degree})`,
  (k, o) => `${k.name} is the newest (${k.year} against ${o.year ?? 'unknown'})`,
  (k) => `${k.name} is the cheapest to run`,
];

const CRITERIA_COUNT = REASONS.length;

/** Negative when `a` is the better keeper. */
export function compareKeepers(a: KeeperFacts, b: KeeperFacts): number {
  for (let c = 0; c < CRITERIA_COUNT; c++) {
    const d = criterion(b, c) - criterion(a, c);
    if (d !== 0) return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The best candidate and why it beats the runner-up. */
export function chooseKeeper(candidates: KeeperFacts[]): { keeper: KeeperFacts; reason: string } {
  const { index, reason } = chooseKeeperIndex(candidates);
  return { keeper: candidates[index]!, reason };
}

/**
 * The best candidate's position and why it beats the runner-up. One pass keeps the best and the second
 * best, earlier candidates winning ties: what a stable sort by `compareKeepers` puts first and second,
 * without copying and sorting the list.
 */
export function chooseKeeperIndex(candidates: KeeperFacts[]): { index: number; reason: string } {
  let first = 0;
  let second = -1;
  for (let c = 1; c < candidates.length; c++) {
    if (compareKeepers(candidates[c]!, candidates[first]!) < 0) {
      second = first;
      first = c;
    } else if (second < 0 || compareKeepers(candidates[c]!, candidates[second]!) < 0) second = c;
  }
  const keeper = candidates[first]!;
  if (second < 0) return { index: first, reason: `${keeper.name} is the only candidate` };
  const other = candidates[second]!;
  for (let c = 0; c < CRITERIA_COUNT; c++) if (criterion(keeper, c) !== criterion(other, c)) return { index: first, reason: REASONS[c]!(keeper, other) };
  return { index: first, reason: `all criteria tie; ${keeper.name} comes first by id` };
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
