import { describe, expect, it } from 'vitest';
import { classifyApplications, type Classification } from '../../src/analysis/classify.js';
import { loadReference } from '../../src/reference/index.js';
import { agency, inventory, twoRegencies, type AppSpec } from '../reference/builders.js';

const reference = loadReference();

const PERSONNEL = 'RAB.09.S05';
const PAYROLL = 'RAB.09.S06';
const EMPLOYEE_PERFORMANCE = 'RAB.09.S07';
const SAKIP = 'RAB.09.S09';
const FINANCE = 'RAB.09.S02';
const ASSETS = 'RAB.09.S03';
const PROCUREMENT = 'RAB.09.S04';
const CORRESPONDENCE = 'RAB.09.S11';
const COMPLAINTS = 'RAB.09.S14';
const REGIONAL_TAX = 'RAB.09.S16';

function classifyOne(spec: Omit<AppSpec, 'id' | 'agencyId'>): Classification {
  const inv = inventory(twoRegencies(), [{ id: 'a', agencyId: 'madiun-bkd', ...spec }]);
  return classifyApplications(inv, reference).get('a')!;
}

describe('classifyApplications: names and acronyms', () => {
  it('reads an acronym and its long form as the same function', () => {
    expect(classifyOne({ name: 'SIMPEG' }).function).toBe(PERSONNEL);
    expect(classifyOne({ name: 'Sistem Informasi Manajemen Kepegawaian' }).function).toBe(PERSONNEL);
    const c = classifyOne({ name: 'SIMPEG' });
    expect(c.confidence).toBeGreaterThan(0.8);
    expect(c.evidence.some((e) => e.kind === 'acronym' && e.detail.includes('SIMPEG'))).toBe(true);
  });

  it('keeps the look-alike families apart', () => {
    const cases: Array<[string, string]> = [
      ['SIMPEG', PERSONNEL],
      ['SIMPATDA', REGIONAL_TAX],
      ['SIMPAD', REGIONAL_TAX],
      ['SIMDA Keuangan', FINANCE],
      ['SIMDA BMD', ASSETS],
      ['e-Kinerja', EMPLOYEE_PERFORMANCE],
      ['e-SAKIP', SAKIP],
      ['Aplikasi Pengaduan Masyarakat', COMPLAINTS],
      ['Aplikasi Pengadaan Barang dan Jasa', PROCUREMENT],
      ['Aplikasi Gaji Pegawai', PAYROLL],
      ['Sistem Informasi Data Pegawai', PERSONNEL],
    ];
    for (const [name, fn] of cases) expect(classifyOne({ name }).function, name).toBe(fn);
  });

  it('matches whole tokens, so spelling variants of one word match and a different word does not', () => {
    for (const name of ['e-Kinerja', 'eKinerja', 'E Kinerja', 'E-KINERJA']) expect(classifyOne({ name }).function, name).toBe(EMPLOYEE_PERFORMANCE);
    // "pengaduan" inside nothing else: "Pengaduannya" is not a phrase of the taxonomy.
    expect(classifyOne({ name: 'Pengaduannya' }).function).toBeUndefined();
  });

  it("reads a unit's name inside an application's name as who runs it, not what it does", () => {
    const inv = inventory([agency('g', 'Pemerintah Kabupaten Blitar'), agency('rs', 'RSUD Ngudi Waluyo Kabupaten Blitar', 'g')], [
      { id: 'sms', agencyId: 'rs', name: 'SMS Center RSUD Blitar' },
      { id: 'q', agencyId: 'rs', name: 'Antrian Online RSUD' },
      { id: 'rs', agencyId: 'rs', name: 'SIMRS RSUD Blitar' },
    ]);
    const result = classifyApplications(inv, reference);
    expect(result.get('sms')!.function).toBe('RAB.09.S23');
    expect(result.get('q')!.function).toBe('RAB.09.S22');
    expect(result.get('rs')!.function).toBe('RAB.04.S01');
  });

  it('reads the word behind a glued-on SI-, SIM- or e- prefix', () => {
    expect(classifyOne({ name: 'SIABSEN' }).function).toBe('RAB.09.S08');
    expect(classifyOne({ name: 'SIPENGADUAN' }).function).toBe(COMPLAINTS);
    expect(classifyOne({ name: 'EPRESENSI' }).function).toBe('RAB.09.S08');
    expect(classifyOne({ name: 'SIMPEG' }).function).toBe(PERSONNEL);
  });

  it('lets a phrase win over the single words inside it, and negative phrases cut a function', () => {
    expect(classifyOne({ name: 'Laporan Kinerja Pegawai' }).function).toBe(EMPLOYEE_PERFORMANCE);
    expect(classifyOne({ name: 'Laporan Akuntabilitas Kinerja Instansi' }).function).toBe(SAKIP);
    const c = classifyOne({ name: 'Aplikasi Kinerja', description: 'laporan akuntabilitas kinerja instansi pemerintah' });
    expect(c.function).toBe(SAKIP);
  });

  it('lets the description decide for an ambiguous name', () => {
    expect(classifyOne({ name: 'e-Office' }).function).toBe(CORRESPONDENCE);
    const dukcapil = classifyOne({ name: 'e-Office', description: 'Aplikasi penghubung antar dukcapil untuk proses pindah datang penduduk' });
    expect(dukcapil.function).toBe('RAB.09.S19');
  });

  it('does not read an ordinary word inside a longer name as a system acronym', () => {
    // "Sakti" is also Kemenkeu's SAKTI; here it is part of an unrelated name with no other evidence.
    expect(classifyOne({ name: 'Lik Randu Sakti' }).function).toBeUndefined();
  });

  it('leaves an application with no evidence, or with two equally strong functions, unclassified', () => {
    const none = classifyOne({ name: 'Kolak Pisang' });
    expect(none.function).toBeUndefined();
    expect(none.confidence).toBe(0);
    const tie = classifyOne({ name: 'Sistem Kepegawaian dan Penggajian' });
    expect(tie.function).toBeUndefined();
    expect(tie.evidence.some((e) => e.kind === 'unclassified' && e.detail.includes('ambiguous'))).toBe(true);
  });
});

describe('classifyApplications: given codes', () => {
  it('lets a known code win over contrary evidence, and records the conflict', () => {
    const c = classifyOne({ name: 'SIMPEG', function: 'rab.09.s06' });
    expect(c.function).toBe(PAYROLL);
    expect(c.confidence).toBe(1);
    expect(c.evidence[0]).toMatchObject({ kind: 'given-code' });
    expect(c.inferredFunction).toBe(PERSONNEL);
    expect(c.evidence.some((e) => e.kind === 'code-conflict')).toBe(true);
  });

  it('keeps an unknown code as an opaque group', () => {
    const c = classifyOne({ name: 'Kolak Pisang', function: 'KEU-07' });
    expect(c.function).toBe('opaque:KEU-07');
    expect(c.functionName).toBe('KEU-07');
  });

  it('reads a function column written in words as evidence, not as a code', () => {
    const c = classifyOne({ name: 'Kolak Pisang', function: 'Pengelolaan surat masuk dan disposisi' });
    expect(c.function).toBe(CORRESPONDENCE);
    expect(c.evidence.some((e) => e.detail.startsWith('function column'))).toBe(true);
  });

  it('narrows a sector code with the other evidence, and falls back to the sector', () => {
    expect(classifyOne({ name: 'SIMPEG', function: 'RAB.09' }).function).toBe(PERSONNEL);
    // SIMRS is a health system: outside sector RAB.09, so the sector stands.
    const c = classifyOne({ name: 'SIMRS', function: 'RAB.09' });
    expect(c.function).toBe('RAB.09');
    expect(c.generic).toBe(true);
  });
});

describe('classifyApplications: shared platforms', () => {
  it('recognises a platform by its host whatever the name', () => {
    const c = classifyOne({ name: 'Aplikasi Persuratan Dinas', url: 'https://srikandi.arsip.go.id/login' });
    expect(c.sharedPlatform).toBe('srikandi');
    expect(c.function).toBe(CORRESPONDENCE);
    expect(c.evidence.some((e) => e.kind === 'url-host' && e.detail.includes('srikandi.arsip.go.id'))).toBe(true);
  });

  it('recognises every LPSE as an SPSE instance', () => {
    expect(classifyOne({ name: 'LPSE', url: 'https://lpse.madiunkab.go.id/eproc4' }).sharedPlatform).toBe('spse');
  });

  it('recognises a platform by its bare name, with the owner named or not', () => {
    expect(classifyOne({ name: 'SRIKANDI' }).sharedPlatform).toBe('srikandi');
    expect(classifyOne({ name: 'MyASN BKN' }).sharedPlatform).toBe('siasn');
    expect(classifyOne({ name: 'SIPD Kemendagri', origin: 'national' }).sharedPlatform).toBe('sipd');
  });

  it('does not take a local build with a platform name for the platform', () => {
    const regional = classifyOne({ name: 'e-Kinerja Kab. Madiun' });
    expect(regional.function).toBe(EMPLOYEE_PERFORMANCE);
    expect(regional.sharedPlatform).toBeUndefined();
    expect(classifyOne({ name: 'e-Kinerja', origin: 'local' }).sharedPlatform).toBeUndefined();
    expect(classifyOne({ name: 'SIPD', url: 'https://sipd.madiunkab.go.id' }).sharedPlatform).toBeUndefined();
    expect(classifyOne({ name: 'WP-SIPD' }).sharedPlatform).toBeUndefined();
  });
});

describe('classifyApplications: weak evidence', () => {
  const agencies = [agency('g', 'Pemerintah Kabupaten Sleman'), agency('u', 'Badan Kepegawaian Kabupaten Sleman', 'g')];

  it('lets exchange neighbours tip an almost-classified application, never classify one alone', () => {
    const inv = inventory(
      agencies,
      [
        { id: 'p1', agencyId: 'u', name: 'SIMPEG' },
        { id: 'p2', agencyId: 'u', name: 'Sistem Informasi Kepegawaian' },
        { id: 'x', agencyId: 'u', name: 'Kolak Pisang', description: 'data pegawai honorer' },
        { id: 'y', agencyId: 'u', name: 'Kolak Pisang Dua', description: 'pegawai' },
        { id: 'z', agencyId: 'u', name: 'Getuk Lindri' },
      ],
      { exchanges: [['x', 'p1'], ['y', 'p1'], ['y', 'p2'], ['z', 'p1'], ['z', 'p2']] },
    );
    const result = classifyApplications(inv, reference);
    // "pegawai" in a description scores 0.36; two personnel neighbours add 0.5: 0.86 ≥ 0.85.
    const y = result.get('y')!;
    expect(y.function).toBe(PERSONNEL);
    expect(y.evidence.some((e) => e.kind === 'neighbour')).toBe(true);
    // Neighbours alone stay below the bar.
    expect(result.get('z')!.function).toBeUndefined();
  });

  it('uses the datasets an application keeps', () => {
    const inv = inventory(agencies, [{ id: 'a', agencyId: 'u', name: 'Kolak Pisang', description: 'pegawai', datasets: ['d1'] }], {
      datasets: [['d1', 'Data Kepegawaian ASN']],
    });
    const c = classifyApplications(inv, reference).get('a')!;
    expect(c.function).toBe(PERSONNEL);
    expect(c.evidence.some((e) => e.kind === 'dataset' && e.detail.includes('d1'))).toBe(true);
  });

  it('reads the successor a status reason names, and an application path in the URL', () => {
    const replaced = classifyOne({ name: 'Kolak Pisang', status: 'retired', statusReason: 'Digantikan oleh SIPD Penatausahaan' });
    expect(replaced.function).toBe('RAB.09.S02');
    expect(replaced.evidence.some((e) => e.kind === 'replaced-by')).toBe(true);
    const path = classifyOne({ name: 'Layanan Online Kec. Teluk Dalam', description: 'Layanan administrasi warga di tingkat kecamatan.', url: 'https://telukdalam.bangkalankab.go.id/paten' });
    expect(path.function).toBe('RAB.09.S29');
  });

  it('lets a description that points elsewhere override a reused lexicon name', () => {
    const local = classifyOne({ name: 'SIKAP', description: 'SKP, perjanjian kinerja dan laporan kinerja harian pegawai' });
    expect(local.function).toBe(EMPLOYEE_PERFORMANCE);
    expect(local.sharedPlatform).toBeUndefined();
    expect(local.evidence.some((e) => e.kind === 'runner-up' && e.detail.includes('RAB.09.S34'))).toBe(true);
    expect(classifyOne({ name: 'SIKaP', url: 'https://sikap.lkpp.go.id' }).function).toBe('RAB.09.S34');
  });

  it('reads a system name from the URL host', () => {
    const c = classifyOne({ name: 'Super App', url: 'http://simpeg.madiunkab.go.id/epegawai/' });
    expect(c.function).toBe(PERSONNEL);
    expect(c.evidence.some((e) => e.kind === 'url-host')).toBe(true);
  });
  it('reads a repeated dataset id as its last dataset that classifies', () => {
    const datasetOf = (datasets: Array<[string, string]>) =>
      classifyApplications(inventory(agencies, [{ id: 'a', agencyId: 'u', name: 'Kolak Pisang', datasets: ['d1'] }], { datasets }), reference).get('a')!;
    // "Data Pajak Daerah" is regional tax, "Data Kepegawaian ASN" personnel, "Kolak Pisang" nothing; a dataset
    // alone (0.5) stays below the bar, so the evidence tells which one was read.
    const last = datasetOf([['d1', 'Data Kepegawaian ASN'], ['d1', 'Data Pajak Daerah']]);
    expect(last.evidence).toEqual([
      { kind: 'dataset', detail: `uses dataset d1, classified ${REGIONAL_TAX}`, weight: 0.5 },
      { kind: 'unclassified', detail: `best candidate ${REGIONAL_TAX} scores 0.5 < 0.85` },
    ]);
    const earlier = datasetOf([['d1', 'Data Pajak Daerah'], ['d1', 'Kolak Pisang']]);
    expect(earlier.evidence[0]).toEqual({ kind: 'dataset', detail: `uses dataset d1, classified ${REGIONAL_TAX}`, weight: 0.5 });
    expect(datasetOf([['d1', 'Kolak Pisang']]).evidence).toEqual([]);
  });

  it('shares one read-only evidence item between applications that report the same evidence', () => {
    const inv = inventory(agencies, [
      { id: 'a', agencyId: 'u', name: 'SIMPEG' },
      { id: 'b', agencyId: 'u', name: 'SIMPEG' },
    ]);
    const result = classifyApplications(inv, reference);
    const [a, b] = [result.get('a')!, result.get('b')!];
    expect(a.evidence).toEqual(b.evidence);
    expect(a.evidence).not.toBe(b.evidence);
    expect(a.evidence[0]).toBe(b.evidence[0]);
    expect(Object.isFrozen(a.evidence[0])).toBe(true);
  });
});
