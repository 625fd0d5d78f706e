/**
 * Look-alikes planted on purpose: pairs of applications in one government whose names share an acronym
 * family or a word but whose jobs differ, so a matcher that clusters by string similarity alone fails.
 * pengaduan (complaints) vs pengadaan (procurement); e-Kinerja (employee performance) vs e-SAKIP
 * (institutional accountability); SIMDA Keuangan (finance) vs SIMDA BMD (assets); SIMPEG (personnel) vs
 * SIMPATDA (local tax); SIMGAJI (payroll) vs SIMPEG (personnel); and one name used for two unrelated
 * systems (SIMAS assets vs SIMAS mosques, SIKAP employee performance vs SIKaP vendor performance, SIPD
 * regional development data vs SIPD regional government platform, SIGA gender data vs SIGA family data).
 */
import type { LocalName } from './catalogue/functions.js';
import type { Role } from './catalogue/units.js';
import type { Gov } from './model.js';
import type { TrapKind } from './types.js';

export const TRAP_KINDS: readonly TrapKind[] = [
  'pengaduan-vs-pengadaan',
  'ekinerja-vs-esakip',
  'simda-keuangan-vs-simda-bmd',
  'simpeg-vs-simpatda',
  'payroll-vs-personnel',
  'same-name-different-function',
];

export interface ForcedLocal {
  name: LocalName;
  /** Owner roles overriding the function's usual owners. */
  owners?: readonly Role[];
}

export interface ForcedListing {
  platform: string;
  name: string;
  roles: readonly Role[];
}

/** What a government must contain for its traps, and which pairs to report afterwards. */
export interface TrapSetup {
  locals: Map<string, ForcedLocal>;
  listings: Map<string, ForcedListing>;
  missions: Map<string, LocalName>;
  /** Each trap: kind, note and the two sides (function key of a local system, or `platform:<id>`, or `mission:<key>`). */
  pairs: Array<{ kind: TrapKind; note: string; sides: [string, string] }>;
}

interface SameName {
  label: string;
  feasible: (gov: Gov) => boolean;
  apply: (setup: TrapSetup) => [string, string];
}

const has = (gov: Gov, role: Role) => gov.units.some((u) => u.roles.has(role));

const SAME_NAMES: readonly SameName[] = [
  {
    label: 'SIMAS: asset management (BPKAD) vs Kemenag mosque information system',
    feasible: (gov) => gov.level === 'regency' || gov.level === 'city',
    apply: (setup) => {
      setup.locals.set('assets', { name: { short: 'SIMAS', long: 'Sistem Informasi Manajemen Aset' } });
      setup.listings.set('simas-kemenag', { platform: 'simas-kemenag', name: 'SIMAS', roles: ['religion', 'general', 'it'] });
      return ['assets', 'platform:simas-kemenag'];
    },
  },
  {
    label: 'SIKAP: employee performance (local) vs LKPP vendor performance (SIKaP)',
    feasible: () => true,
    apply: (setup) => {
      setup.locals.set('performance', { name: { short: 'SIKAP', long: 'Sistem Informasi Kinerja Aparatur Pegawai' } });
      setup.listings.set('sikap', { platform: 'sikap', name: 'SIKAP', roles: ['procurement', 'general', 'finance'] });
      return ['performance', 'platform:sikap'];
    },
  },
  {
    label: 'SIPD: regional development data (Bappeda) vs SIPD regional government platform (Kemendagri)',
    feasible: (gov) => gov.level !== 'central',
    apply: (setup) => {
      setup.locals.set('open-data', { name: { short: 'SIPD', long: 'Sistem Informasi Pembangunan Daerah' }, owners: ['planning'] });
      setup.listings.set('sipd-planning', { platform: 'sipd-planning', name: 'SIPD', roles: ['planning'] });
      return ['open-data', 'platform:sipd-planning'];
    },
  },
  {
    label: 'SIGA: gender and child data (DP3A) vs BKKBN family information system (New SIGA)',
    feasible: (gov) => gov.level !== 'central' && has(gov, 'family'),
    apply: (setup) => {
      setup.missions.set('gender-child-data', { short: 'SIGA', long: 'Sistem Informasi Gender dan Anak' });
      setup.listings.set('newsiga', { platform: 'newsiga', name: 'SIGA', roles: ['family'] });
      return ['mission:gender-child-data', 'platform:newsiga'];
    },
  },
];

/** Which traps this government can carry at all. */
export function feasible(kind: TrapKind, gov: Gov): boolean {
  if (gov.level === 'central') return kind === 'pengaduan-vs-pengadaan' || kind === 'ekinerja-vs-esakip' || kind === 'payroll-vs-personnel';
  if (kind === 'simpeg-vs-simpatda') return gov.level !== 'province';
  return true;
}

export function planTraps(gov: Gov, kinds: readonly TrapKind[]): TrapSetup {
  const setup: TrapSetup = { locals: new Map(), listings: new Map(), missions: new Map(), pairs: [] };
  const rng = gov.rng;
  // Same-name traps go last so they only take functions the other traps left alone.
  const ordered = [...new Set(kinds)].sort((a, b) => TRAP_KINDS.indexOf(a) - TRAP_KINDS.indexOf(b));
  for (const kind of ordered) {
    switch (kind) {
      case 'pengaduan-vs-pengadaan': {
        const style = rng.pick([
          ['e-Pengaduan', 'e-Pengadaan'],
          ['SIPENGADUAN', 'SIPENGADAAN'],
          ['Pengaduan Online', 'Pengadaan Online'],
        ] as const);
        setup.locals.set('complaints', { name: { short: style[0], long: 'Sistem Informasi Pengaduan Masyarakat' } });
        setup.locals.set('procurement', { name: { short: style[1], long: 'Sistem Informasi Pengadaan Barang/Jasa' } });
        setup.pairs.push({ kind, note: 'pengaduan = public complaints, pengadaan = procurement', sides: ['complaints', 'procurement'] });
        break;
      }
      case 'ekinerja-vs-esakip':
        setup.locals.set('performance', { name: { short: 'e-Kinerja', long: 'Sistem Informasi Kinerja Pegawai' } });
        setup.locals.set('accountability', { name: { short: 'e-SAKIP', long: 'Sistem Akuntabilitas Kinerja Instansi Pemerintah' } });
        setup.pairs.push({ kind, note: 'e-Kinerja = employee performance (SKP), e-SAKIP = institutional performance accountability', sides: ['performance', 'accountability'] });
        break;
      case 'simda-keuangan-vs-simda-bmd':
        setup.locals.set('finance', { name: { short: 'SIMDA Keuangan', long: 'Sistem Informasi Manajemen Daerah bidang Keuangan' } });
        setup.locals.set('assets', { name: { short: 'SIMDA BMD', long: 'Sistem Informasi Manajemen Daerah Barang Milik Daerah' } });
        setup.pairs.push({ kind, note: 'SIMDA Keuangan = financial administration, SIMDA BMD = asset register: one product family, two jobs', sides: ['finance', 'assets'] });
        break;
      case 'simpeg-vs-simpatda':
        setup.locals.set('personnel', { name: { short: 'SIMPEG', long: 'Sistem Informasi Manajemen Kepegawaian' } });
        setup.locals.set('local-tax', { name: { short: 'SIMPATDA', long: 'Sistem Informasi Manajemen Pendapatan Daerah' } });
        setup.pairs.push({ kind, note: 'SIMPEG = personnel records, SIMPATDA = local tax revenue', sides: ['personnel', 'local-tax'] });
        break;
      case 'payroll-vs-personnel':
        setup.locals.set('payroll', { name: { short: 'SIMGAJI', long: 'Sistem Informasi Manajemen Gaji' } });
        setup.locals.set('personnel', setup.locals.get('personnel') ?? { name: { short: 'SIMPEG', long: 'Sistem Informasi Manajemen Kepegawaian' } });
        setup.pairs.push({ kind, note: 'SIMGAJI = payroll, SIMPEG = personnel records', sides: ['payroll', 'personnel'] });
        break;
      case 'same-name-different-function': {
        const options = SAME_NAMES.filter((s) => s.feasible(gov) && !conflicts(s, setup));
        if (options.length === 0) break;
        const chosen = rng.pick(options);
        const sides = chosen.apply(setup);
        setup.pairs.push({ kind, note: chosen.label, sides });
        break;
      }
    }
  }
  return setup;
}

/** A same-name trap must not rename a system another trap already named (SIKAP vs the e-Kinerja trap). */
function conflicts(option: SameName, setup: TrapSetup): boolean {
  const probe: TrapSetup = { locals: new Map(), listings: new Map(), missions: new Map(), pairs: [] };
  option.apply(probe);
  for (const key of probe.locals.keys()) if (setup.locals.has(key)) return true;
  return false;
}
