/**
 * Resolves a scale and variant into a concrete plan: which governments exist, how many units each has,
 * how dense the exchange graph is, and how messy the rows are. Every knob lives here, in two objects.
 */
import { CENTRAL_AGENCIES, type CentralAgencySpec } from './catalogue/central.js';
import { DOMAIN_OVERRIDES, PROVINCES, type ProvinceSpec } from './catalogue/geography.js';
import type { Scale, TrapKind, Variant } from './types.js';

export interface RegionalSpec {
  id: string;
  level: 'province' | 'regency' | 'city';
  /** Bare name: "Madiun", "Jawa Timur". */
  name: string;
  province: ProvinceSpec;
  domain: string;
}

export interface Plan {
  label: string;
  central: readonly CentralAgencySpec[];
  regional: readonly RegionalSpec[];
  /** Offices (dinas, badan, bagian, RSUD) per regional government; kecamatan and kelurahan come on top. */
  unitRange: readonly [number, number];
  /** Extra staff units (biro, pusdatin, itjen) per central agency, besides its sector units. */
  centralUnitRange: readonly [number, number];
  /** Sector units (directorates general, deputies) per central agency; their applications move to the agency when cut. */
  centralSectorUnits: number;
  /** Share of a central agency's catalogue drawn (a ministry lists hundreds of applications; a sample shows a slice). */
  centralDepth: number;
  exchangesPerApplication: number;
  /** Traps planted on purpose in named governments (the sample guarantees every kind). */
  forcedTraps: ReadonlyMap<string, readonly TrapKind[]>;
  /** Chance each other regional government gets each trap. */
  trapChance: number;
}

/** How messy the rows are, by variant. */
export interface Messiness {
  /** Share of governments whose catalogue carries function codes at all. */
  codedGovernments: number;
  missingDescription: number;
  /** Chance a user unit's row names a system by a variant rather than its official name. */
  variantName: number;
  /** Extra noise on names (case, spacing, "Aplikasi" prefix). */
  nameNoise: number;
  missingOrigin: number;
  missingCategory: number;
  missingDatasets: number;
  /** Multiplier on the chance of building local copies of a shared job. */
  localCopyBoost: number;
  /** Odd values in the URL column ("VPN", "Aplikasi yang diinstal", the owner unit's name). */
  oddUrl: number;
}

export const MESSINESS: Readonly<Record<Variant, Messiness>> = {
  standard: { codedGovernments: 0.4, missingDescription: 0.15, variantName: 0.4, nameNoise: 0.04, missingOrigin: 0.03, missingCategory: 0.05, missingDatasets: 0.3, localCopyBoost: 1, oddUrl: 0.02 },
  eval: { codedGovernments: 0, missingDescription: 0.5, variantName: 0.7, nameNoise: 0.2, missingOrigin: 0.25, missingCategory: 0.15, missingDatasets: 0.5, localCopyBoost: 1.25, oddUrl: 0.08 },
};

export const SAMPLE_REGIONAL: readonly string[] = ['prov-jatim', 'kota-surabaya', 'kota-malang', 'kab-sidoarjo', 'kab-madiun', 'kab-banyuwangi', 'kota-kediri'];

/** Every trap kind at least twice in the sample, in governments with the units to carry it. */
const SAMPLE_TRAPS: ReadonlyMap<string, readonly TrapKind[]> = new Map<string, readonly TrapKind[]>([
  ['prov-jatim', ['ekinerja-vs-esakip']],
  ['kota-surabaya', ['pengaduan-vs-pengadaan', 'same-name-different-function']],
  ['kota-malang', ['ekinerja-vs-esakip', 'simpeg-vs-simpatda']],
  ['kab-sidoarjo', ['pengaduan-vs-pengadaan', 'payroll-vs-personnel']],
  ['kab-madiun', ['simda-keuangan-vs-simda-bmd', 'same-name-different-function', 'ekinerja-vs-esakip']],
  ['kab-banyuwangi', ['same-name-different-function', 'simpeg-vs-simpatda']],
  ['kota-kediri', ['simda-keuangan-vs-simda-bmd', 'payroll-vs-personnel']],
]);

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** All regional governments in national order: each province followed by its regencies, then its cities. */
export function allRegional(): RegionalSpec[] {
  const out: RegionalSpec[] = [];
  const seen = new Set<string>();
  const unique = (id: string, province: ProvinceSpec): string => {
    const chosen = seen.has(id) ? `${id}-${province.key}` : id;
    seen.add(chosen);
    return chosen;
  };
  for (const province of PROVINCES) {
    out.push({ id: unique(`prov-${province.key}`, province), level: 'province', name: province.name, province, domain: province.domain });
    for (const name of province.regencies) {
      const id = unique(`kab-${slug(name)}`, province);
      out.push({ id, level: 'regency', name, province, domain: DOMAIN_OVERRIDES[id] ?? `${slug(name).replace(/-/g, '')}kab.go.id` });
    }
    for (const name of province.cities) {
      const id = unique(`kota-${slug(name)}`, province);
      out.push({ id, level: 'city', name, province, domain: DOMAIN_OVERRIDES[id] ?? `${slug(name).replace(/-/g, '')}kota.go.id` });
    }
  }
  return out;
}

export function resolvePlan(scale: Scale): Plan {
  const regional = allRegional();
  if (scale === 'sample') {
    const byId = new Map(regional.map((r) => [r.id, r]));
    return {
      label: 'sample',
      central: CENTRAL_AGENCIES.filter((c) => c.sample),
      regional: SAMPLE_REGIONAL.map((id) => byId.get(id)!),
      unitRange: [6, 10],
      centralUnitRange: [0, 1],
      centralSectorUnits: 1,
      centralDepth: 0.3,
      exchangesPerApplication: 2.7,
      forcedTraps: SAMPLE_TRAPS,
      trapChance: 0,
    };
  }
  if (scale === 'national') {
    return {
      label: 'national',
      central: CENTRAL_AGENCIES,
      regional,
      unitRange: [5, 8],
      centralUnitRange: [2, 5],
      centralSectorUnits: 10,
      centralDepth: 1,
      exchangesPerApplication: 4,
      forcedTraps: new Map(),
      trapChance: 0.12,
    };
  }
  const n = Math.max(1, Math.min(regional.length, Math.floor(scale.governments)));
  const centralCount = scale.centralAgencies ?? (n <= 50 ? CENTRAL_AGENCIES.filter((c) => c.sample).length : CENTRAL_AGENCIES.length);
  const central = [...CENTRAL_AGENCIES.filter((c) => c.sample), ...CENTRAL_AGENCIES.filter((c) => !c.sample)].slice(0, Math.max(0, centralCount));
  const [lo, hi] = scale.unitsPerGovernment ?? [7, 12];
  return {
    label: `${n} governments`,
    central,
    regional: regional.slice(0, n),
    unitRange: [Math.max(1, Math.min(lo, hi)), Math.max(lo, hi)],
    centralUnitRange: [1, 4],
    centralSectorUnits: 2,
    centralDepth: 0.7,
    exchangesPerApplication: scale.exchangesPerApplication ?? 3.5,
    forcedTraps: new Map(),
    trapChance: 0.15,
  };
}
