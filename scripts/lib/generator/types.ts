/**
 * Public types of the inventory generator: options, the generated inventory (contract rows from
 * src/types.ts) and its ground truth. The truth semantics are documented in truth.ts and
 * data/sample/README.md.
 */
import type { Agency, Application, Dataset, Exchange } from '../../../src/types.js';

export type ScaleName = 'sample' | 'national';

export interface CustomScale {
  /** Regional governments (provinces, regencies, cities), taken province by province from Jawa Timur on. */
  governments: number;
  /** Central agencies (default: the 13 of the sample up to 50 governments, all beyond). */
  centralAgencies?: number;
  /** Offices per regional government, inclusive, before 2–3 kecamatan (regency) or 1–2 kecamatan and 1–2 kelurahan (city) (default [7, 12]). */
  unitsPerGovernment?: readonly [number, number];
  /** Target exchanges per application (default 3.5). */
  exchangesPerApplication?: number;
}

export type Scale = ScaleName | CustomScale;

/** `eval` makes harder inventories: no function codes, more name variants, more missing text, more traps. */
export type Variant = 'standard' | 'eval';

export interface GenerateOptions {
  seed: number;
  scale: Scale;
  variant?: Variant;
}

export type TrapKind =
  | 'pengaduan-vs-pengadaan'
  | 'ekinerja-vs-esakip'
  | 'simda-keuangan-vs-simda-bmd'
  | 'simpeg-vs-simpatda'
  | 'payroll-vs-personnel'
  | 'same-name-different-function';

export interface TruthCluster {
  id: string;
  /** Truth function key (catalogue/functions.ts, or `mission.<slug>`). */
  function: string;
  label: string;
  /** The government (root agency id) the cluster lives in. */
  scope: string;
  /** The designated/national platform whose instances are members, when any. */
  platform?: string;
  applications: string[];
  /** Truth system ids of the members (see `systems`). */
  systems: string[];
}

export interface TruthTrap {
  kind: TrapKind;
  /** Applications that look alike but must not end up in one cluster. */
  applications: string[];
  note: string;
}

export interface TruthSystem {
  id: string;
  name: string;
  function: string;
  /** national = a platform of a central agency; regional = a province system listed by regencies. */
  origin: 'national' | 'regional' | 'local';
  /** Agency that owns (built, runs) the system; absent for a platform whose owner is not in the inventory. */
  owner?: string;
  platform?: string;
  /** Every catalogue row that is a record of this system. */
  applications: string[];
}

export interface Truth {
  seed: number;
  scale: string;
  variant: Variant;
  semantics: string;
  /** Function key → Indonesian label. */
  functions: Record<string, string>;
  clusters: TruthCluster[];
  /** GDS-style "collision" view: every application of a function with ≥2 systems anywhere. */
  nationalClusters: TruthCluster[];
  traps: TruthTrap[];
  systems: TruthSystem[];
}

export interface GeneratedInventory {
  seed: number;
  scale: string;
  variant: Variant;
  agencies: Agency[];
  applications: Application[];
  exchanges: Exchange[];
  datasets: Dataset[];
  truth: Truth;
}
