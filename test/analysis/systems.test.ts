/**
 * Records → systems on small hand-made inventories. Classifications are given by hand (the rules read
 * them, they do not make them), and the reference data is a small one built here, so every expected
 * system follows from the rule under test.
 */
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/analysis/classify.js';
import { detectDuplicates } from '../../src/analysis/duplicates.js';
import {
  addressKey,
  costView,
  expandClusters,
  expandRecommendations,
  preferAdoptedKeepers,
  reconcileSystems,
  systemCostBases,
  systemTimeLabels,
  systemView,
  withSystemsUsed,
  type SystemsResult,
} from '../../src/analysis/systems.js';
import { parseUrl } from '../../src/analysis/text.js';
import { agency } from '../fixtures/analysis/builders.js';
import { buildReference } from '../../src/reference/index.js';
import type { Agency, AgencyMetrics, Application, DuplicateCluster, Inventory, InventoryFormat, Recommendation } from '../../src/types.js';

const fn = (code: string, parent: string, id: string, keywords: string[], extra: Record<string, unknown> = {}) => ({
  code,
  kind: 'function',
  official: false,
  parent,
  name: { id, en: id },
  keywords,
  ...extra,
});
const platform = (id: string, name: string, owner: string, code: string, variants: string[], hosts: string[], designation = 'national', family?: string) => ({
  id,
  name,
  owner,
  function: code,
  variants,
  hosts,
  designation,
  designated: designation === 'aplikasi-umum',
  confirmed: true,
  basis: 'test',
  ...(family !== undefined ? { family } : {}),
});

const REFERENCE = buildReference(
  'test',
  {
    version: 't',
    functions: [
      { code: 'RAB.09', kind: 'sector', official: true, name: { id: 'Pemerintahan', en: 'Government' }, keywords: [] },
      { code: 'RAB.02', kind: 'sector', official: true, name: { id: 'Ekonomi', en: 'Economy' }, keywords: [] },
      fn('RAB.09.S01', 'RAB.09', 'Perencanaan', ['perencanaan pembangunan']),
      fn('RAB.09.S02', 'RAB.09', 'Keuangan', ['penatausahaan keuangan']),
      fn('RAB.09.S05', 'RAB.09', 'Kepegawaian', ['kepegawaian']),
      fn('RAB.09.S07', 'RAB.09', 'Kinerja pegawai', ['kinerja pegawai']),
      fn('RAB.09.S11', 'RAB.09', 'Persuratan', ['persuratan']),
      fn('RAB.09.S19', 'RAB.09', 'Kependudukan', ['kependudukan']),
      fn('RAB.09.S21', 'RAB.09', 'Website', ['website'], { generic: true }),
      fn('RAB.02.S05', 'RAB.02', 'Pemantauan harga', ['harga bahan pokok']),
    ],
  },
  { version: 't', acronyms: [{ acronym: 'SIMPEG', longForm: 'Sistem Informasi Manajemen Kepegawaian', function: 'RAB.09.S05' }] },
  {
    version: 't',
    platforms: [
      platform('srikandi', 'SRIKANDI', 'ANRI', 'RAB.09.S11', ['SRIKANDI'], ['srikandi.arsip.go.id'], 'aplikasi-umum'),
      platform('siasn', 'SIASN / MyASN', 'BKN', 'RAB.09.S05', ['SIASN', 'MyASN', 'My ASN'], ['siasn.bkn.go.id', 'myasn.bkn.go.id'], 'aplikasi-umum'),
      platform('siak', 'SIAK Terpusat', 'Kemendagri', 'RAB.09.S19', ['SIAK'], []),
      // SIPD and its financial-administration module: one platform family.
      platform('sipd', 'SIPD', 'Kemendagri', 'RAB.09.S01', ['SIPD'], ['sipd.kemendagri.go.id']),
      platform('sipd-tu', 'SIPD Penatausahaan', 'Kemendagri', 'RAB.09.S02', ['SIPD Penatausahaan'], ['sipd-tu.kemendagri.go.id'], 'national', 'sipd'),
      platform('sp2kp', 'SP2KP', 'Kemendag', 'RAB.02.S05', ['SP2KP'], ['sp2kp.kemendag.go.id']),
      platform('siskaperbapo', 'SISKAPERBAPO', 'Pemprov Jatim', 'RAB.02.S05', ['SISKAPERBAPO'], ['siskaperbapo.jatimprov.go.id'], 'provincial'),
    ],
  },
);

const GOV: Agency = { id: 'bogor', name: 'Kabupaten Bogor', level: 'regency', properties: {} };
const unit = (id: string, name: string): Agency => ({ id, name, level: 'unit', parentId: 'bogor', properties: {} });
const UNITS = [
  GOV,
  unit('kec-a', 'Kecamatan Alpha'),
  unit('kec-b', 'Kecamatan Beta'),
  unit('kec-c', 'Kecamatan Gamma'),
  unit('dlh', 'Dinas Lingkungan Hidup'),
  unit('dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'),
];

type Spec = Partial<Application> & { id: string; agencyId: string; name: string };
function inventoryOf(apps: Spec[], format: InventoryFormat = 'flat-csv', agencies: Agency[] = UNITS): Inventory {
  return {
    source: { path: 'test', format },
    agencies,
    applications: apps.map((a) => ({ datasets: [], properties: {}, ...a })),
    exchanges: [],
    datasets: [],
    warnings: [],
  };
}

/** Hand classifications: id → [function, confidence, shared platform?, generic?]. */
function classified(entries: Record<string, [string | undefined, number, string?, boolean?]>): Map<string, Classification> {
  const out = new Map<string, Classification>();
  for (const [id, [code, confidence, sharedPlatform, generic]] of Object.entries(entries)) {
    out.set(id, {
      ...(code !== undefined ? { function: code } : {}),
      confidence,
      evidence: [],
      ...(sharedPlatform !== undefined ? { sharedPlatform } : {}),
      ...(generic ? { generic } : {}),
    });
  }
  return out;
}

function systemsOf(result: SystemsResult): string[][] {
  return result.systems.map((s) => s.records);
}

describe('the address rule', () => {
  it('ignores scheme, www. and trailing paths on a host that is one application', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'Simpeg', url: 'https://simpeg.bogorkab.go.id/login' },
      { id: 'b', agencyId: 'kec-b', name: 'E.Pegawai', url: 'http://www.simpeg.bogorkab.go.id/epegawai/' },
      { id: 'c', agencyId: 'kec-c', name: 'SIMPEG Super App', url: 'simpeg.bogorkab.go.id' },
    ]);
    const result = reconcileSystems(inv, classified({ a: ['RAB.09.S05', 0.95], b: ['RAB.09.S05', 0.9], c: ['RAB.09.S05', 0.96] }), REFERENCE);
    expect(result.systems).toEqual([
      expect.objectContaining({ records: ['a', 'b', 'c'], usedBy: ['kec-a', 'kec-b', 'kec-c'], origin: 'regional', address: 'simpeg.bogorkab.go.id', name: 'Simpeg' }),
    ]);
    expect(result.systems[0]!.evidence).toEqual([{ kind: 'same-address', detail: expect.stringContaining('3 records are one application address (simpeg.bogorkab.go.id)') }]);
  });

  it('keeps the first path segment on shared hosts: IPs, aplikasi.…, a unit\'s own host', () => {
    const key = (url: string, unitLabel = false) => addressKey(parseUrl(url), () => unitLabel);
    expect(key('https://aplikasi.dpmptsp.bogorkab.go.id/Apps/WBS/')).toBe('aplikasi.dpmptsp.bogorkab.go.id/wbs');
    expect(key('http://103.132.230.74:8080/guacamole/#/client/x')).toBe('103.132.230.74/guacamole');
    expect(key('https://dpmptsp.bogorkab.go.id/siandal/', true)).toBe('dpmptsp.bogorkab.go.id/siandal');
    expect(key('https://sipd.kemendagri.go.id/landing')).toBe('sipd.kemendagri.go.id');
    expect(key('https://bit.ly/LaporanKoperasi')).toBe('bit.ly/laporankoperasi');
    expect(key('https://sites.google.com')).toBeUndefined();

    const inv = inventoryOf([
      { id: 'a', agencyId: 'dpmptsp', name: 'Si Andal', url: 'https://dpmptsp.bogorkab.go.id/siandal/' },
      { id: 'b', agencyId: 'dpmptsp', name: 'Lik Randu', url: 'https://dpmptsp.bogorkab.go.id/isi/utama.php?pilih=tj' },
      { id: 'c', agencyId: 'dpmptsp', name: 'Gratifikasi', url: 'https://aplikasi.dpmptsp.bogorkab.go.id/Apps/Gratifikasi/' },
      { id: 'd', agencyId: 'dpmptsp', name: 'WBS', url: 'https://aplikasi.dpmptsp.bogorkab.go.id/Apps/WBS/' },
    ]);
    expect(systemsOf(reconcileSystems(inv, new Map(), REFERENCE))).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('takes a private address to be the same machine only inside one unit', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'Si-PeDe', url: 'http://192.168.1.38/spj' },
      { id: 'b', agencyId: 'kec-b', name: 'SIMRS', url: 'http://192.168.1.38/spj' },
      { id: 'c', agencyId: 'kec-a', name: 'SPJ Online', url: '192.168.1.38/spj/login' },
    ]);
    const result = reconcileSystems(inv, new Map(), REFERENCE);
    expect(systemsOf(result)).toEqual([['a', 'c'], ['b']]);
    // A private address is no address to show for a system.
    expect(result.systems[0]!.address).toBeUndefined();
  });

  it('never joins a confidently classified record to an address it shares nothing else with; it loses the copied address', () => {
    const inv = inventoryOf([
      { id: 's1', agencyId: 'kec-a', name: 'Sukma e', url: 'https://sukma.jatimprov.go.id/' },
      { id: 'ikd', agencyId: 'kec-b', name: 'IKD', url: 'https://sukma.jatimprov.go.id/', origin: 'local' },
      { id: 's2', agencyId: 'kec-b', name: 'SUMAK E', url: 'https://sukma.jatimprov.go.id/' },
      { id: 's3', agencyId: 'kec-c', name: 'E Sukma', url: 'https://sukma.jatimprov.go.id/' },
      { id: 'ikd2', agencyId: 'kec-c', name: 'IKD', origin: 'national' },
    ]);
    const result = reconcileSystems(inv, classified({ ikd: ['RAB.09.S19', 0.96], ikd2: ['RAB.09.S19', 0.96] }), REFERENCE);
    expect(systemsOf(result)).toEqual([['s1', 's2', 's3'], ['ikd', 'ikd2']]);
    // Without the copied provincial address the two IKD records are judged by their labels: a tie goes national.
    expect(result.systems[1]).toMatchObject({ origin: 'national' });
    expect(result.systems[1]!.address).toBeUndefined();
    expect(result.systems[0]).toMatchObject({ origin: 'regional', address: 'sukma.jatimprov.go.id' });
  });

  it('joins records whose names agree even when their confident functions differ', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'Kertas Kerja Kinerja Pembangunan Daerah', url: 'https://kab.kertaskerja.cc/login' },
      { id: 'b', agencyId: 'kec-b', name: 'Kinerja Pembangunan Daerah', url: 'https://kab.kertaskerja.cc/login' },
    ]);
    expect(systemsOf(reconcileSystems(inv, classified({ a: ['RAB.09.S07', 0.7], b: ['RAB.09.S05', 0.74] }), REFERENCE))).toEqual([['a', 'b']]);
  });
});

describe('the platform rule', () => {
  it('makes instances of one shared platform one national system, by host or by its exact name', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'Srikandi', url: 'https://srikandi.arsip.go.id/beranda', origin: 'national' },
      { id: 'b', agencyId: 'kec-b', name: 'SRIKANDI' },
      { id: 'c', agencyId: 'kec-c', name: 'SRIKANDI', url: 'https://srikandi.bogorkab.go.id' },
      { id: 'd', agencyId: 'dlh', name: 'SIAK Kemendagri', url: 'http://10.35.19.42:3000', origin: 'national' },
      { id: 'e', agencyId: 'kec-a', name: 'MyASN', origin: 'local' },
    ]);
    const result = reconcileSystems(inv, classified({ a: ['RAB.09.S11', 1, 'srikandi'] }), REFERENCE);
    expect(result.systems.map((s) => [s.id, s.records, s.origin, s.owner, s.sharedPlatform])).toEqual([
      ['sys-srikandi', ['a', 'b'], 'national', 'ANRI', 'srikandi'],
      // Unmarked on the regency's own host: a regional build named like the platform.
      ['sys-c', ['c'], 'local', undefined, undefined],
      // The owner's name beside the platform's is still the platform; a private address is how units reach it.
      ['sys-siak', ['d'], 'national', 'Kemendagri', 'siak'],
      // Marked local: the unit says it built its own.
      ['sys-e', ['e'], 'local', undefined, undefined],
    ]);
  });

  it('keeps two platforms two systems even at one address, and a provincial platform regional', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'SIAK', url: 'https://layanan.kemendagri.go.id' },
      { id: 'b', agencyId: 'kec-b', name: 'SRIKANDI', url: 'https://layanan.kemendagri.go.id' },
      { id: 'c', agencyId: 'kec-c', name: 'SISKAPERBAPO', url: 'https://siskaperbapo.jatimprov.go.id' },
    ]);
    const result = reconcileSystems(inv, classified({ a: ['RAB.09.S19', 1, 'siak'], b: ['RAB.09.S11', 1, 'srikandi'], c: ['RAB.02.S05', 1, 'siskaperbapo'] }), REFERENCE);
    expect(result.systems.map((s) => [s.id, s.records, s.origin])).toEqual([
      ['sys-siak', ['a'], 'national'],
      ['sys-srikandi', ['b'], 'national'],
      ['sys-siskaperbapo', ['c'], 'regional'],
    ]);
  });

  describe('the modules of one platform family', () => {
    // Two planning records and a financial-administration one on SIPD's host; a record without a platform at
    // that host whose function is the financial module's; the regency's own finance system beside them.
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'SIPD', url: 'https://sipd.kemendagri.go.id' },
      { id: 'b', agencyId: 'kec-b', name: 'SIPD RI', url: 'https://sipd.kemendagri.go.id/landing' },
      { id: 'c', agencyId: 'dlh', name: 'SIPD', url: 'https://sipd.kemendagri.go.id' },
      { id: 'd', agencyId: 'kec-c', name: 'Aplikasi Keuangan', url: 'https://sipd.kemendagri.go.id' },
      { id: 'x', agencyId: 'dlh', name: 'SIMDA Keuangan', url: 'https://simda.bogorkab.go.id' },
    ]);
    const classification = classified({
      a: ['RAB.09.S01', 0.9, 'sipd'],
      b: ['RAB.09.S01', 0.95, 'sipd'],
      c: ['RAB.09.S02', 0.9, 'sipd-tu'],
      d: ['RAB.09.S02', 0.8],
      x: ['RAB.09.S02', 0.9],
    });
    const result = reconcileSystems(inv, classification, REFERENCE);

    it("are one system, the main platform's, used by every unit that reports any module", () => {
      expect(systemsOf(result)).toEqual([['a', 'b', 'c', 'd'], ['x']]);
      const sipd = result.systems[0]!;
      expect(sipd).toMatchObject({ id: 'sys-sipd', name: 'SIPD', origin: 'national', owner: 'Kemendagri', sharedPlatform: 'sipd', usedBy: ['kec-a', 'kec-b', 'dlh', 'kec-c'] });
      // d has no platform: it is the module whose function it serves.
      expect(sipd.modules).toEqual([
        { platform: 'sipd', name: 'SIPD', function: 'RAB.09.S01', records: ['a', 'b'] },
        { platform: 'sipd-tu', name: 'SIPD Penatausahaan', function: 'RAB.09.S02', records: ['c', 'd'] },
      ]);
      expect(sipd.evidence!.map((e) => e.kind)).toEqual(['shared-platform', 'same-address', 'modules']);
      expect(result.systems[1]!.modules).toBeUndefined();
      expect(withSystemsUsed([agency({ id: 'dlh', name: 'dlh' })], inv, result, false)[0]!.systemsUsed).toBe(2);
    });

    it('are seen by the duplicate detector module by module, each as an instance of its module', () => {
      // Per module, its most confident record stands for the module's records in the government.
      expect([...result.viewMembers.entries()]).toEqual([
        ['b', ['b', 'a']],
        ['c', ['c', 'd']],
        ['x', ['x']],
      ]);
      const view = systemView(inv, result, classification);
      expect(view.inventory.applications.map((a) => [a.id, a.origin])).toEqual([
        ['b', 'national'],
        ['c', 'national'],
        ['x', undefined],
      ]);
      expect(view.classification.get('b')).toMatchObject({ function: 'RAB.09.S01', confidence: 0.95, sharedPlatform: 'sipd' });
      expect(view.classification.get('c')).toMatchObject({ function: 'RAB.09.S02', confidence: 0.9, sharedPlatform: 'sipd-tu' });
    });

    it("list a cluster with the financial module by that module's records only", () => {
      const cluster = {
        id: 'dup-1',
        function: 'RAB.09.S02',
        applications: ['c', 'x'],
        agencies: ['dlh'],
        keeper: 'c',
        keeperReason: 'shared platform',
        sharedPlatform: 'sipd-tu',
        evidence: [],
      } as unknown as DuplicateCluster;
      const [expanded] = expandClusters([cluster], result);
      expect(expanded).toMatchObject({ applications: ['c', 'd', 'x'], systems: ['sys-sipd', 'sys-x'], agencies: ['dlh', 'kec-c'] });
      expect(expanded!.evidence).toEqual([{ kind: 'systems', detail: "3 records of 2 systems (SIPD Penatausahaan 2 records in 2 units; SIMDA Keuangan 1 record in 1 unit); each system's cost is counted once" }]);
      const rec = { id: 'rec-1', kind: 'adopt-common', applications: ['c', 'x'], agencies: ['dlh'], target: 'c' } as unknown as Recommendation;
      // The target's module does not move; nothing of the planning module is listed.
      expect(expandRecommendations([rec], result)[0]).toMatchObject({ applications: ['c', 'x'], agencies: ['dlh'] });
    });
  });
});

describe('the name rules', () => {
  it('joins national records of one name', () => {
    const inv = inventoryOf(
      [
        { id: 'a', agencyId: 'kec-a', name: 'BEnroller', origin: 'national' },
        { id: 'b', agencyId: 'kec-b', name: 'Benroller', origin: 'national' },
        { id: 'c', agencyId: 'kec-c', name: 'Benroller', origin: 'local' },
      ],
      'csv-folder',
    );
    const result = reconcileSystems(inv, new Map(), REFERENCE);
    expect(systemsOf(result)).toEqual([['a', 'b'], ['c']]);
    expect(result.systems[0]).toMatchObject({ origin: 'national', evidence: [{ kind: 'national-name', detail: expect.stringContaining('2 records are one national system by name') }] });
  });

  it('in a flat catalogue, joins a same-name record without a host to the one system of that name that has one', () => {
    const apps: Spec[] = [
      { id: 'a', agencyId: 'kec-a', name: 'SIMPEG', url: 'https://simpeg.bogorkab.go.id' },
      { id: 'b', agencyId: 'kec-b', name: 'Simpeg', properties: { 'Alamat Domain / Link': 'BKPSDM Kab. Bogor' } },
      { id: 'c', agencyId: 'kec-a', name: 'E Presensi', url: 'https://absen.bogorkab.go.id/' },
      { id: 'd', agencyId: 'kec-c', name: 'e-Presensi', url: 'http://103.132.230.13' },
      { id: 'e', agencyId: 'kec-a', name: 'Website Kecamatan Alpha' },
      { id: 'f', agencyId: 'kec-b', name: 'Website Kecamatan Beta' },
    ];
    const c = classified({ a: ['RAB.09.S05', 0.95], b: ['RAB.09.S05', 0.93], e: ['RAB.09.S21', 0.8, undefined, true], f: ['RAB.09.S21', 0.8, undefined, true] });
    const flat = reconcileSystems(inventoryOf(apps), c, REFERENCE);
    expect(systemsOf(flat)).toEqual([['a', 'b'], ['c', 'd'], ['e'], ['f']]);
    expect(flat.systems[1]!.evidence).toEqual([{ kind: 'same-name', detail: expect.stringContaining('the same name in one government, no other address') }]);
    // In a CSV folder a row is an application an agency HAS: one name is not one system there.
    expect(systemsOf(reconcileSystems(inventoryOf(apps, 'csv-folder'), c, REFERENCE))).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f']]);
  });

  it('does not join by name when two systems of that name have hosts, or across governments', () => {
    const agencies = [...UNITS, { id: 'kota', name: 'Kota Bogor', level: 'city' as const, properties: {} }, { id: 'kota-a', name: 'Kecamatan Delta', level: 'unit' as const, parentId: 'kota', properties: {} }];
    const inv = inventoryOf(
      [
        { id: 'a', agencyId: 'kec-a', name: 'Epdeskel', url: 'https://epdeskel.bogorkab.go.id' },
        { id: 'b', agencyId: 'kec-b', name: 'Epdeskel', url: 'https://epdeskel.bogor.go.id' },
        { id: 'c', agencyId: 'kec-c', name: 'Epdeskel' },
        { id: 'd', agencyId: 'kota-a', name: 'SIMPEG' },
        { id: 'e', agencyId: 'kec-a', name: 'SIMPEG' },
      ],
      'flat-csv',
      agencies,
    );
    expect(systemsOf(reconcileSystems(inv, new Map(), REFERENCE))).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
  });
});

describe('what a system is', () => {
  it('names its owner from a developer column or a host label naming a unit', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'SIPEPELING', url: 'https://sipepeling.dlh.bogorkab.go.id/' },
      { id: 'b', agencyId: 'kec-b', name: 'Si Hello', url: 'https://hello.bogorkab.go.id', properties: { developer: 'DPMPTSP' } },
      { id: 'c', agencyId: 'kec-c', name: 'Portal', url: 'https://portal-x.bogorkab.go.id' },
    ]);
    expect(reconcileSystems(inv, new Map(), REFERENCE).systems.map((s) => s.owner)).toEqual(['dlh', 'dpmptsp', undefined]);
  });

  it('takes its function from its records\' summed confidence unless more records are unclassified, and its best record as representative', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'e-P3', url: 'http://ep3-bogorkab.prototipe.net/login' },
      { id: 'b', agencyId: 'kec-b', name: 'EP3', url: 'http://ep3-bogorkab.prototipe.net' },
      { id: 'c', agencyId: 'kec-c', name: 'Ep3', url: 'http://ep3-bogorkab.prototipe.net/login' },
      { id: 'd', agencyId: 'dlh', name: 'Ep3', url: 'http://ep3-bogorkab.prototipe.net/login' },
    ]);
    // S07: 0.67 + 0.47 = 1.14 beats S06: 0.36 + 0.36 and the one unclassified record.
    const result = reconcileSystems(inv, classified({ b: ['RAB.09.S07', 0.67], c: ['RAB.09.S07', 0.47], d: ['RAB.09.S05', 0.36], a: [undefined, 0] }), REFERENCE);
    expect(systemsOf(result)).toEqual([['a', 'b', 'c', 'd']]);
    expect(result.functionOf.get('sys-a')).toBe('RAB.09.S07');
    expect(result.representativeOf.get('sys-a')).toBe('b');
  });
});

describe('the system-level view and back', () => {
  const inv = inventoryOf([
    { id: 'r1', agencyId: 'kec-a', name: 'Simpeg', url: 'https://simpeg.bogorkab.go.id', annualCost: 10_000_000, users: 5, status: 'retired' },
    { id: 'r2', agencyId: 'kec-b', name: 'Simpeg', url: 'https://simpeg.bogorkab.go.id', annualCost: 20_000_000, status: 'active', datasets: ['ds-asn'] },
    { id: 'r3', agencyId: 'kec-c', name: 'Simpeg', url: 'https://simpeg.bogorkab.go.id', users: 7 },
    { id: 'n1', agencyId: 'kec-a', name: 'MyASN', url: 'https://myasn.bkn.go.id', origin: 'national' },
    { id: 'n2', agencyId: 'kec-b', name: 'SIASN', url: 'https://siasn.bkn.go.id', origin: 'local' },
    { id: 'x', agencyId: 'dlh', name: 'Sistem Antrean', url: 'https://antrean.bogorkab.go.id', annualCost: 5_000_000 },
  ]);
  inv.exchanges = [
    { id: 'e1', sourceId: 'r2', targetId: 'r3', properties: {} },
    { id: 'e2', sourceId: 'r3', targetId: 'x', properties: {} },
  ];
  const classification = classified({ r1: ['RAB.09.S05', 0.9], r2: ['RAB.09.S05', 0.97], r3: ['RAB.09.S05', 0.8], n1: ['RAB.09.S05', 1, 'siasn'], n2: ['RAB.09.S05', 1, 'siasn'] });
  const result = reconcileSystems(inv, classification, REFERENCE);

  it('shows one record per system, the representative carrying the system\'s totals', () => {
    expect(systemsOf(result)).toEqual([['r1', 'r2', 'r3'], ['n1', 'n2'], ['x']]);
    const view = systemView(inv, result, classification);
    expect(view.inventory.applications.map((a) => [a.id, a.status, a.users, a.annualCost, a.origin, a.datasets])).toEqual([
      ['r2', 'active', 12, 30_000_000, 'local', ['ds-asn']],
      ['n1', undefined, undefined, undefined, 'national', []],
      ['x', undefined, undefined, 5_000_000, undefined, []],
    ]);
    // The single-record system is its record, untouched.
    expect(view.inventory.applications[2]).toBe(inv.applications[5]);
    expect(view.inventory.exchanges).toEqual([{ id: 'e2', sourceId: 'r2', targetId: 'x', properties: {} }]);
    expect(view.classification.get('r2')).toMatchObject({ function: 'RAB.09.S05', confidence: 0.97 });
    expect(view.classification.get('n1')).toMatchObject({ sharedPlatform: 'siasn' });
  });

  it('counts a regional system\'s cost once, on its representative, and leaves national records their own', () => {
    const costed = costView(inv, result);
    expect(costed.applications.map((a) => [a.id, a.annualCost, a.origin])).toEqual([
      ['r1', 0, undefined],
      ['r2', 30_000_000, undefined],
      ['r3', 0, undefined],
      ['n1', undefined, 'national'],
      ['n2', undefined, 'national'],
      ['x', 5_000_000, undefined],
    ]);
    const given = new Map(costed.applications.map((a) => [a.id, { annualCost: a.annualCost ?? 0, estimated: a.annualCost === undefined, basis: 'given' }]));
    const bases = systemCostBases(given, result);
    expect(bases.get('r1')).toEqual({ annualCost: 0, estimated: false, basis: 'counted once for system sys-r1, on record r2' });
    expect(bases.get('r2')!.basis).toBe('given; the whole cost of system sys-r1 (3 records)');
    expect(bases.get('n2')).toEqual(given.get('n2'));
  });

  it('lists clusters and recommendations by record, and the moved system\'s records move with it', () => {
    const cluster: DuplicateCluster = {
      id: 'dup-1',
      function: 'RAB.09.S05',
      label: 'personnel',
      applications: ['n1', 'r2'],
      agencies: ['kec-a', 'kec-b'],
      keeper: 'n1',
      keeperReason: 'designated platform',
      scope: 'within-agency',
      sharedPlatform: 'siasn',
      totalAnnualCost: 30_000_000,
      redundantAnnualCost: 30_000_000,
      estimatedAnnualSavings: { low: 1, expected: 2, high: 3 },
      confidence: 0.9,
      evidence: [],
    };
    const [expanded] = expandClusters([cluster], result);
    expect(expanded).toMatchObject({ applications: ['n1', 'n2', 'r2', 'r1', 'r3'], systems: ['sys-siasn', 'sys-r1'], agencies: ['kec-a', 'kec-b', 'kec-c'], keeper: 'n1', redundantAnnualCost: 30_000_000 });
    expect(expanded!.evidence).toEqual([{ kind: 'systems', detail: "5 records of 2 systems (SIASN / MyASN 2 records in 2 units; Simpeg 3 records in 3 units); each system's cost is counted once" }]);

    const rec: Recommendation = {
      id: 'rec-1',
      kind: 'adopt-common',
      title: 'Adopt siasn',
      applications: ['n1', 'r2'],
      agencies: ['kec-a', 'kec-b'],
      target: 'n1',
      estimatedAnnualSavings: { low: 1, expected: 2, high: 3 },
      effort: 'low',
      priority: 1,
      wave: 1,
      rationale: [],
    };
    expect(expandRecommendations([rec], result)[0]).toMatchObject({ applications: ['n1', 'r2', 'r1', 'r3'], agencies: ['kec-a', 'kec-b', 'kec-c'] });

    const time = new Map([
      ['r2', { label: 'migrate' }],
      ['r1', { label: 'eliminate' }],
      ['r3', { label: 'tolerate' }],
      ['x', { label: 'tolerate' }],
    ]);
    const labels = systemTimeLabels(time, result, (id) => id === 'r2');
    expect([...labels.entries()]).toEqual([
      ['r2', { label: 'migrate' }],
      ['r1', { label: 'migrate' }],
      ['r3', { label: 'migrate' }],
      ['x', { label: 'tolerate' }],
    ]);
  });

  it('counts the distinct systems each agency and government uses', () => {
    const metric = (id: string): AgencyMetrics => agency({ id, name: id });
    expect(withSystemsUsed([metric('kec-a'), metric('dlh'), metric('kec-c')], inv, result, false).map((m) => m.systemsUsed)).toEqual([2, 1, 1]);
    expect(withSystemsUsed([metric('bogor')], inv, result, true)[0]!.systemsUsed).toBe(3);
  });
});

describe('keepers by adoption', () => {
  it('moves the keeper to the member system more units already use, unless a platform is adopted', () => {
    const inv = inventoryOf([
      { id: 'a', agencyId: 'kec-a', name: 'SIDA', url: 'https://sida.bogorkab.go.id' },
      { id: 'b', agencyId: 'kec-a', name: 'Satu Data', url: 'https://data.bogorkab.go.id' },
      { id: 'c', agencyId: 'kec-b', name: 'Satu Data', url: 'https://data.bogorkab.go.id/login' },
    ]);
    const result = reconcileSystems(inv, new Map(), REFERENCE);
    const cluster = { id: 'dup-1', keeper: 'a', keeperReason: 'oldest', applications: ['a', 'b'], evidence: [] } as unknown as DuplicateCluster;
    const [moved] = preferAdoptedKeepers([cluster], result);
    expect(moved).toMatchObject({ keeper: 'b', applications: ['b', 'a'], keeperReason: expect.stringContaining('Satu Data is already used by 2 units') });
    expect(preferAdoptedKeepers([{ ...cluster, sharedPlatform: 'x' }], result)[0]!.keeper).toBe('a');
  });
});

describe('an inventory with one record per system', () => {
  it('gives the duplicate detector exactly the inventory and clusters it had before', () => {
    const inv = inventoryOf(
      [
        { id: 'p1', agencyId: 'kec-a', name: 'SIMPEG Alpha', description: 'kepegawaian', url: 'https://simpeg-a.bogorkab.go.id' },
        { id: 'p2', agencyId: 'kec-b', name: 'SIMPEG Beta', description: 'kepegawaian', url: 'https://simpeg-b.bogorkab.go.id' },
        { id: 'p3', agencyId: 'kec-c', name: 'MyASN', url: 'https://myasn.bkn.go.id', origin: 'national' },
        { id: 'h1', agencyId: 'dlh', name: 'Pantau Harga', description: 'harga bahan pokok', url: 'https://harga.bogorkab.go.id' },
        { id: 'h2', agencyId: 'kec-a', name: 'SP2KP', url: 'https://sp2kp.kemendag.go.id', origin: 'national' },
      ],
      'csv-folder',
    );
    const classification = classified({
      p1: ['RAB.09.S05', 0.9],
      p2: ['RAB.09.S05', 0.9],
      p3: ['RAB.09.S05', 1, 'siasn'],
      h1: ['RAB.02.S05', 0.8],
      h2: ['RAB.02.S05', 1, 'sp2kp'],
    });
    const result = reconcileSystems(inv, classification, REFERENCE);
    expect(result.stats).toEqual({ records: 5, systems: 5, multiRecordSystems: 0, recordsInMultiRecordSystems: 0 });
    const view = systemView(inv, result, classification);
    expect(view.inventory.applications).toEqual(inv.applications);
    view.inventory.applications.forEach((app, i) => expect(app).toBe(inv.applications[i]));
    const before = detectDuplicates(inv, classification, REFERENCE);
    const after = detectDuplicates(view.inventory, view.classification, REFERENCE, { sameNameIsSameSystem: false });
    expect(before.clusters.length).toBeGreaterThan(0);
    expect(after.clusters).toEqual(before.clusters);
    expect(preferAdoptedKeepers(after.clusters, result)).toEqual(before.clusters);
    const expanded = expandClusters(after.clusters, result);
    const withoutSystems = (clusters: DuplicateCluster[]) => clusters.map(({ systems: _systems, ...rest }) => rest);
    expect(withoutSystems(expanded)).toEqual(withoutSystems(before.clusters));
    expect(expanded.map((c) => c.systems)).toEqual(before.clusters.map((c) => c.applications.map((id) => result.systemOf.get(id))));
    expect(costView(inv, result)).toEqual(inv);
  });
});
