import { describe, expect, it } from 'vitest';
import { classifyApplications } from '../../src/analysis/classify.js';
import { detectDuplicates, type DuplicateResult } from '../../src/analysis/duplicates.js';
import { loadReference } from '../../src/reference/index.js';
import type { Agency, Inventory } from '../../src/types.js';
import { agency, inventory, type AppSpec } from '../reference/builders.js';

const reference = loadReference();

function run(inv: Inventory, candidates: 'blocked' | 'all-pairs' = 'blocked'): DuplicateResult {
  return detectDuplicates(inv, classifyApplications(inv, reference), reference, { candidates });
}

const members = (result: DuplicateResult) => result.clusters.map((c) => [...c.applications].sort());

function ministry(id: string, name: string): Agency[] {
  return [agency(id, name, undefined, 'central'), agency(`${id}-a`, `Direktorat Jenderal A ${name}`, id), agency(`${id}-b`, `Sekretariat Jenderal ${name}`, id)];
}

function regency(): Agency[] {
  return [
    agency('kab', 'Pemerintah Kabupaten Ngawi'),
    agency('dinkes', 'Dinas Kesehatan Kabupaten Ngawi', 'kab'),
    agency('kominfo', 'Dinas Komunikasi dan Informatika Kabupaten Ngawi', 'kab'),
    agency('bkd', 'Badan Kepegawaian Daerah Kabupaten Ngawi', 'kab'),
    agency('bappeda', 'Badan Perencanaan Pembangunan Daerah Kabupaten Ngawi', 'kab'),
    agency('kec1', 'Kecamatan Paron', 'kab'),
    agency('kec2', 'Kecamatan Geneng', 'kab'),
  ];
}

const population = (owner: string): AppSpec[] => [
  { id: `${owner}-siak`, agencyId: owner, name: 'SIAK', description: 'Sistem informasi administrasi kependudukan terpusat.' },
  { id: `${owner}-ikd`, agencyId: `${owner}-a`, name: 'IKD', description: 'KTP digital pada aplikasi seluler.' },
  { id: `${owner}-akses`, agencyId: `${owner}-a`, name: 'Hak Akses Data Kependudukan', description: 'Verifikasi NIK dan pemanfaatan data kependudukan bagi lembaga.' },
];

describe("detectDuplicates: a national system's owner", () => {
  it("does not call the owner's own systems in its mandate duplicates, though another ministry's would be", () => {
    const owner = run(inventory(ministry('kemendagri', 'Kementerian Dalam Negeri'), population('kemendagri')));
    expect(owner.clusters).toEqual([]);
    const other = run(inventory(ministry('kemensos', 'Kementerian Sosial'), population('kemensos')));
    expect(members(other)).toEqual([['kemensos-akses', 'kemensos-ikd', 'kemensos-siak']]);
  });

  it('still finds an owner copying its own common application (an administrative function)', () => {
    const result = run(
      inventory(ministry('anri', 'Arsip Nasional Republik Indonesia'), [
        { id: 'srikandi', agencyId: 'anri', name: 'SRIKANDI', url: 'https://srikandi.arsip.go.id' },
        { id: 'disposisi', agencyId: 'anri-b', name: 'e-Disposisi', description: 'Aplikasi tata naskah dinas elektronik untuk pengelolaan surat masuk.' },
      ]),
    );
    expect(members(result)).toEqual([['disposisi', 'srikandi']]);
  });
});

describe('detectDuplicates: weak grounds are not enough', () => {
  it('does not call a dashboard over a function a duplicate of the system doing it', () => {
    const inv = inventory(regency(), [
      { id: 'ppgbm', agencyId: 'dinkes', name: 'e-PPGBM', origin: 'national' },
      { id: 'dash', agencyId: 'dinkes', name: 'Dashboard Stunting Ngawi', description: 'Dasbor intervensi penurunan stunting.' },
    ]);
    expect(run(inv).clusters).toEqual([]);
    const copy = inventory(regency(), [
      { id: 'ppgbm', agencyId: 'dinkes', name: 'e-PPGBM', origin: 'national' },
      { id: 'gizi', agencyId: 'dinkes', name: 'e-Gizi Ngawi', description: 'Pencatatan gizi balita dan posyandu.' },
    ]);
    expect(members(run(copy))).toEqual([['gizi', 'ppgbm']]);
  });

  it("does not call two sites in one unit duplicates: the government's portal beside the unit's own", () => {
    const result = run(
      inventory(regency(), [
        { id: 'portal', agencyId: 'kominfo', name: 'Portal Resmi Kabupaten Ngawi', description: 'Website resmi pemerintah daerah.' },
        { id: 'site', agencyId: 'kominfo', name: 'Website Dinas Komunikasi dan Informatika' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it("reads an opaque code through the function the other evidence infers: a code never beats a unit's own site", () => {
    const result = run(
      inventory(regency(), [
        { id: 'web1', agencyId: 'kec1', name: 'Website Kecamatan Paron', function: 'SIS.21' },
        { id: 'web2', agencyId: 'kec2', name: 'Website Kecamatan Geneng', function: 'SIS.21' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it('does not let two differently coded records of one job veto each other', () => {
    const result = run(
      inventory(regency(), [
        { id: 'a', agencyId: 'bkd', name: 'SIMPEG', function: 'APL.12', url: 'https://simpeg.ngawikab.go.id' },
        { id: 'b', agencyId: 'dinkes', name: 'Sistem Informasi Kepegawaian Dinkes', function: 'APL.13', url: 'https://pegawai-dinkes.ngawikab.go.id' },
      ]),
    );
    expect(members(result)).toEqual([['a', 'b']]);
  });

  it('does not take a reused name and the function it alone suggests for two proofs', () => {
    const result = run(
      inventory(regency(), [
        { id: 'platform', agencyId: 'kab', name: 'SIKaP', url: 'https://sikap.lkpp.go.id', description: 'Penilaian kualifikasi dan kinerja penyedia barang/jasa.' },
        { id: 'local', agencyId: 'bkd', name: 'SIKAP', origin: 'local' },
      ]),
    );
    expect(result.clusters).toEqual([]);
  });

  it("keeps a local namesake of a national system apart when its own evidence leans elsewhere", () => {
    const result = run(
      inventory(regency(), [
        { id: 'sipd', agencyId: 'bappeda', name: 'SIPD', url: 'https://sipd.kemendagri.go.id' },
        { id: 'data', agencyId: 'bappeda', name: 'SIPD', url: 'https://opendata.ngawikab.go.id', origin: 'local' },
        { id: 'plan', agencyId: 'bappeda', name: 'e-Musrenbang Ngawi', description: 'Usulan kegiatan musrenbang desa dan kecamatan.' },
      ]),
    );
    expect(members(result)).toEqual([['plan', 'sipd']]);
  });
});

describe('detectDuplicates: the naive all-pairs baseline', () => {
  it('scores every pair and finds what blocking finds', () => {
    const inv = inventory(regency(), [
      { id: 'a', agencyId: 'bkd', name: 'SIMPEG', url: 'https://simpeg.ngawikab.go.id' },
      { id: 'b', agencyId: 'dinkes', name: 'Sistem Informasi Data Pegawai', url: 'https://pegawai.ngawikab.go.id' },
      { id: 'c', agencyId: 'kominfo', name: 'SMS Gateway Diskominfo' },
      { id: 'd', agencyId: 'kec1', name: 'PATEN Online Kec. Paron' },
      { id: 'e', agencyId: 'dinkes', name: 'SIMPUS' },
      { id: 'f', agencyId: 'bappeda', name: 'e-Musrenbang' },
      { id: 'g', agencyId: 'kominfo', name: 'Geoportal Ngawi' },
      { id: 'h', agencyId: 'kec2', name: 'Website Kecamatan Geneng' },
    ]);
    const blocked = run(inv);
    const naive = run(inv, 'all-pairs');
    expect(naive.clusters).toEqual(blocked.clusters);
    expect(members(naive)).toEqual([['a', 'b']]);
    expect(naive.stats.scored).toBe((8 * 7) / 2);
    expect(naive.stats.candidates).toBe((8 * 7) / 2);
    expect(blocked.stats.scored).toBeLessThan(naive.stats.scored);
  });
});
