import { describe, expect, it } from 'vitest';
import { classifyApplications, type Classification } from '../../src/analysis/classify.js';
import { loadReference } from '../../src/reference/index.js';
import type { Agency } from '../../src/types.js';
import { agency, inventory, type AppSpec } from '../reference/builders.js';

const reference = loadReference();

const PLANNING = 'RAB.09.S01';
const FINANCE = 'RAB.09.S02';
const OPEN_DATA = 'RAB.09.S20';
const QUEUE = 'RAB.09.S22';
const RECRUITMENT = 'RAB.09.S45';
const PERSONNEL = 'RAB.09.S05';

/** A regency with a planning agency, a finance agency, a civil-registry office and a sub-district. */
function regency(): Agency[] {
  return [
    agency('kab', 'Pemerintah Kabupaten Ngawi'),
    agency('bappeda', 'Badan Perencanaan Pembangunan Daerah Kabupaten Ngawi', 'kab'),
    agency('bpkad', 'Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Ngawi', 'kab'),
    agency('dukcapil', 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi', 'kab'),
    agency('kec', 'Kecamatan Paron', 'kab'),
  ];
}

function classify(apps: AppSpec[], datasets: Array<[string, string]> = []): Map<string, Classification> {
  return classifyApplications(inventory(regency(), apps, { datasets }), reference);
}

describe('classifyApplications: a platform family named by its family name', () => {
  it("reads a bare SIPD as the module its unit's name points to", () => {
    const c = classify([
      { id: 'plan', agencyId: 'bappeda', name: 'SIPD RI' },
      { id: 'fin', agencyId: 'bpkad', name: 'SIPD RI' },
      { id: 'kec', agencyId: 'kec', name: 'SIPD' },
    ]);
    expect(c.get('plan')).toMatchObject({ function: PLANNING, sharedPlatform: 'sipd' });
    expect(c.get('fin')).toMatchObject({ function: FINANCE, sharedPlatform: 'sipd-penatausahaan' });
    expect(c.get('fin')!.evidence.some((e) => e.detail.includes('read as its module SIPD Penatausahaan'))).toBe(true);
    // Nothing points away from the main platform: the planning module, as the reference data says.
    expect(c.get('kec')).toMatchObject({ function: PLANNING, sharedPlatform: 'sipd' });
  });

  it('lets the description choose the module, but not the family name spelled out in it', () => {
    const c = classify([
      { id: 'desc', agencyId: 'kec', name: 'SIPD', description: 'Penatausahaan keuangan daerah: SPP, SPM, SP2D.' },
      {
        id: 'named',
        agencyId: 'bpkad',
        name: 'SIPD',
        description: 'Sistem Informasi Pemerintahan Daerah (SIPD) untuk menyusun rencana pembangunan daerah.',
      },
    ]);
    expect(c.get('desc')).toMatchObject({ function: FINANCE, sharedPlatform: 'sipd-penatausahaan' });
    // The description's keyword (rencana pembangunan) outweighs the unit's (pengelolaan keuangan); the
    // description's own "SIPD" supports no module.
    expect(c.get('named')).toMatchObject({ function: PLANNING, sharedPlatform: 'sipd' });
  });

  it('keeps the module a name says, whatever the unit, also on the shared host', () => {
    const c = classify([
      { id: 'a', agencyId: 'bpkad', name: 'SIPD Perencanaan' },
      { id: 'b', agencyId: 'bappeda', name: 'SIPD Penatausahaan (SIPD Penatausahaan Keuangan Daerah)', url: 'https://sipd.kemendagri.go.id' },
    ]);
    expect(c.get('a')).toMatchObject({ function: PLANNING, sharedPlatform: 'sipd' });
    expect(c.get('b')).toMatchObject({ function: FINANCE, sharedPlatform: 'sipd-penatausahaan' });
  });
});

describe('classifyApplications: evidence other than the name', () => {
  it('counts a platform name on a local build little when its address and datasets point elsewhere', () => {
    const c = classify(
      [
        { id: 'local', agencyId: 'bappeda', name: 'SIPD', url: 'https://data.ngawikab.go.id', origin: 'local', datasets: ['ds-stat'] },
        { id: 'plain', agencyId: 'bappeda', name: 'SIPD', url: 'https://sipd.kemendagri.go.id', origin: 'national' },
      ],
      [['ds-stat', 'Data Statistik Sektoral Kabupaten Ngawi']],
    );
    // The name counts 3 × 0.3 = 0.9 against 0.33 (host word "data") + 0.5 (dataset) for open data: too
    // close to call, and no longer the platform's planning.
    expect(c.get('local')!.function).toBeUndefined();
    expect(c.get('local')!.sharedPlatform).toBeUndefined();
    expect(c.get('local')!.evidence.some((e) => e.detail.includes('the name is reused'))).toBe(true);
    expect(c.get('plain')).toMatchObject({ function: PLANNING, sharedPlatform: 'sipd' });
  });

  it('does not count a description that only repeats the name', () => {
    const c = classify([{ id: 'a', agencyId: 'bappeda', name: 'SIPD Ngawi', description: 'SIPD Ngawi', url: 'https://opendata.ngawikab.go.id', origin: 'local' }]);
    // Without the repeated name the address (open data) outweighs the reused acronym.
    expect(c.get('a')!.function).toBe(OPEN_DATA);
    expect(c.get('a')!.evidence.some((e) => e.detail.startsWith('description'))).toBe(false);
  });

  it("reads the owning unit's own name inside a description as who runs the application", () => {
    const c = classify([
      { id: 'a', agencyId: 'dukcapil', name: 'Si Hello', description: 'Aplikasi antrian online untuk layanan tatap muka Dinas Kependudukan dan Pencatatan Sipil.' },
    ]);
    expect(c.get('a')!.function).toBe(QUEUE);
  });

  it('tells civil-servant recruitment from personnel records', () => {
    const c = classify([
      { id: 'sscasn', agencyId: 'kab', name: 'SSCASN', description: 'Pendaftaran seleksi CPNS dan PPPK.' },
      { id: 'simasn', agencyId: 'kab', name: 'SIMASN' },
    ]);
    expect(c.get('sscasn')).toMatchObject({ function: RECRUITMENT, sharedPlatform: 'sscasn' });
    expect(c.get('simasn')!.function).toBe(PERSONNEL);
  });
});
