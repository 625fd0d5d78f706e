/**
 * The generator's working model. A government (a central agency, a province, a regency or a city) owns
 * work units; a system is one piece of software (a national platform, a government-wide local system,
 * one unit's own copy, a mission application); a record is one catalogue row — one unit listing one
 * system. Truth is read off this model: records of one system are the same application, distinct
 * systems with the same job in one government are duplicates.
 */
import type { ApplicationStatus, Category, Dataset, Mechanism, Origin } from '../../../src/types.js';
import type { CentralAgencySpec } from './catalogue/central.js';
import type { Audience } from './catalogue/functions.js';
import type { PlatformSpec } from './catalogue/platforms.js';
import type { GovernmentLevel, Role } from './catalogue/units.js';
import type { Messiness, Plan } from './plan.js';
import type { Rng } from './random.js';
import type { TrapKind, Variant } from './types.js';

export type CodeScheme =
  | { kind: 'none' }
  | { kind: 'raa'; fill: number }
  | { kind: 'local'; fill: number; prefix: string; table: Map<string, string> };

export interface Gov {
  id: string;
  level: GovernmentLevel;
  /** Agency name: "Pemerintah Kabupaten Madiun", "Kementerian Kesehatan". */
  agencyName: string;
  /** Bare name for templates: "Madiun", "Jawa Timur", "Kemenkes". */
  bare: string;
  /** "Kabupaten Madiun", "Provinsi Jawa Timur", "Kementerian Kesehatan". */
  region: string;
  /** Province name for the agencies' region column (regional governments only). */
  provinceName?: string;
  provinceKey?: string;
  shorts: readonly string[];
  head: string;
  domain: string;
  slug: string;
  central?: CentralAgencySpec;
  /** Province government id for regencies and cities, when the province is in the plan. */
  provinceGovId?: string;
  root: Unit;
  units: Unit[];
  rng: Rng;
  code: CodeScheme;
  /** Staff head-count scale for user numbers. */
  staff: number;
  records: Rec[];
}

export interface Unit {
  id: string;
  kind: string;
  name: string;
  abbr: string;
  host: string;
  roles: ReadonlySet<Role>;
  gov: Gov;
  /** How thoroughly the unit lists the national systems it uses (Madiun's Kecamatan Wungu lists 33 rows). */
  diligence: number;
  isRoot: boolean;
}

export type SysKind = 'platform' | 'government' | 'copy' | 'mission' | 'website' | 'province';

export interface Sys {
  id: string;
  fn: string;
  kind: SysKind;
  name: string;
  short: string;
  long?: string;
  host?: string;
  url: string;
  platform?: PlatformSpec;
  /** Owning unit; absent for a platform whose owner agency is not in the plan. */
  owner?: Unit;
  year: number;
  platformKind: string;
  cost: number;
  audience: Audience;
  descriptions: readonly string[];
  records: Rec[];
}

export type RecRole = 'master' | 'owner' | 'listing';

export interface Rec {
  /** Creation order, for pair keys. */
  n: number;
  id: string;
  sys: Sys;
  unit: Unit;
  role: RecRole;
  name: string;
  description?: string;
  code?: string;
  category?: Category;
  origin?: Origin;
  status?: ApplicationStatus;
  statusReason?: string;
  cost?: number;
  users?: number;
  url?: string;
  platform?: string;
  year?: number;
  datasets: string[];
  isolated: boolean;
}

export interface Link {
  source: Rec;
  target: Rec;
  data: string;
  mechanism: Mechanism;
}

export interface PlantedTrap {
  kind: TrapKind;
  records: Rec[];
  note: string;
}

export interface Ctx {
  seed: number;
  variant: Variant;
  plan: Plan;
  mess: Messiness;
  rng: Rng;
  govs: Gov[];
  govById: Map<string, Gov>;
  records: Rec[];
  systems: Sys[];
  platformSystems: Map<string, Sys>;
  masters: Map<string, Rec>;
  provinceSystems: Map<string, Sys[]>;
  datasets: Map<string, Dataset>;
  links: Link[];
  traps: PlantedTrap[];
}
