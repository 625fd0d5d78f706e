/**
 * Work units (OPD for regional governments, biro/pusat/ditjen for central agencies) and the roles they play.
 * A function's owner is named by role, not by unit, so the same catalogue drives a regency (whose personnel
 * office is the BKPSDM), a province (BKD) and a ministry (Biro SDM).
 *
 * Unit names follow the nomenclature of PP 18/2016 on perangkat daerah and the common ministry structure;
 * regional governments merge and rename offices freely, so several kinds carry alternative names.
 */

export type Role =
  | 'hr' | 'finance' | 'assets' | 'revenue' | 'planning' | 'it' | 'data' | 'pr' | 'audit' | 'licensing'
  | 'population' | 'health' | 'hospital' | 'education' | 'social' | 'transport' | 'environment'
  | 'publicworks' | 'housing' | 'labour' | 'tourism' | 'trade' | 'agriculture' | 'village' | 'family'
  | 'library' | 'archive' | 'order' | 'politics' | 'disaster' | 'legal' | 'organisation' | 'general'
  | 'procurement' | 'religion' | 'legislature' | 'subdistrict' | 'ward' | 'mission';

export type GovernmentLevel = 'central' | 'province' | 'regency' | 'city';

export interface UnitKind {
  key: string;
  /** Name variants; `{R}` is replaced by the government's region name ("Kabupaten Madiun"). */
  names: readonly string[];
  /** Short form used in application names ("SIMPEG RSUD", "Antrian Online Dispendukcapil"). */
  abbr: string;
  /** Host label for the unit's own sites (dinkes.malangkota.go.id). */
  host: string;
  roles: readonly Role[];
  levels: readonly GovernmentLevel[];
  /** Always present in a government of a matching level. */
  core: boolean;
  /** Chance of being present when not core. */
  weight: number;
}

export const REGIONAL_UNITS: readonly UnitKind[] = [
  { key: 'bkpsdm', abbr: 'BKPSDM', names: ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia {R}', 'Badan Kepegawaian Daerah {R}'], host: 'bkpsdm', roles: ['hr'], levels: ['regency', 'city'], core: true, weight: 1 },
  { key: 'bkd', abbr: 'BKD', names: ['Badan Kepegawaian Daerah {R}'], host: 'bkd', roles: ['hr'], levels: ['province'], core: true, weight: 1 },
  { key: 'bpkad', abbr: 'BPKAD', names: ['Badan Pengelolaan Keuangan dan Aset Daerah {R}', 'Badan Keuangan dan Aset Daerah {R}'], host: 'bpkad', roles: ['finance', 'assets'], levels: ['province', 'regency', 'city'], core: true, weight: 1 },
  { key: 'bapenda', abbr: 'Bapenda', names: ['Badan Pendapatan Daerah {R}'], host: 'bapenda', roles: ['revenue'], levels: ['province', 'regency', 'city'], core: false, weight: 0.9 },
  { key: 'bappeda', abbr: 'Bappeda', names: ['Badan Perencanaan Pembangunan Daerah {R}', 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah {R}'], host: 'bappeda', roles: ['planning'], levels: ['province', 'regency', 'city'], core: true, weight: 1 },
  { key: 'diskominfo', abbr: 'Diskominfo', names: ['Dinas Komunikasi dan Informatika {R}', 'Dinas Komunikasi, Informatika dan Statistik {R}'], host: 'diskominfo', roles: ['it', 'data', 'pr'], levels: ['province', 'regency', 'city'], core: true, weight: 1 },
  { key: 'inspektorat', abbr: 'Inspektorat', names: ['Inspektorat {R}'], host: 'inspektorat', roles: ['audit'], levels: ['province', 'regency', 'city'], core: false, weight: 0.9 },
  { key: 'dinkes', abbr: 'Dinkes', names: ['Dinas Kesehatan {R}'], host: 'dinkes', roles: ['health'], levels: ['province', 'regency', 'city'], core: true, weight: 1 },
  { key: 'disdik', abbr: 'Disdik', names: ['Dinas Pendidikan {R}', 'Dinas Pendidikan dan Kebudayaan {R}'], host: 'disdik', roles: ['education'], levels: ['province', 'regency', 'city'], core: true, weight: 1 },
  { key: 'rsud', abbr: 'RSUD', names: ['{H}'], host: 'rsud', roles: ['hospital'], levels: ['province', 'regency', 'city'], core: false, weight: 0.95 },
  { key: 'dukcapil', abbr: 'Dispendukcapil', names: ['Dinas Kependudukan dan Pencatatan Sipil {R}'], host: 'dispendukcapil', roles: ['population'], levels: ['regency', 'city'], core: false, weight: 0.97 },
  { key: 'dpmptsp', abbr: 'DPMPTSP', names: ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu {R}'], host: 'dpmptsp', roles: ['licensing'], levels: ['province', 'regency', 'city'], core: false, weight: 0.93 },
  { key: 'setda-hukum', abbr: 'Bagian Hukum', names: ['Bagian Hukum Sekretariat Daerah {R}'], host: 'jdih', roles: ['legal'], levels: ['province', 'regency', 'city'], core: false, weight: 0.55 },
  { key: 'setda-organisasi', abbr: 'Bagian Organisasi', names: ['Bagian Organisasi Sekretariat Daerah {R}', 'Biro Organisasi Sekretariat Daerah {R}'], host: 'organisasi', roles: ['organisation'], levels: ['province', 'regency', 'city'], core: false, weight: 0.5 },
  { key: 'setda-umum', abbr: 'Bagian Umum', names: ['Bagian Umum Sekretariat Daerah {R}', 'Biro Umum Sekretariat Daerah {R}'], host: 'setda', roles: ['general', 'archive'], levels: ['province', 'regency', 'city'], core: false, weight: 0.45 },
  { key: 'setda-pbj', abbr: 'UKPBJ', names: ['Bagian Pengadaan Barang/Jasa Sekretariat Daerah {R}', 'Biro Pengadaan Barang/Jasa Sekretariat Daerah {R}'], host: 'lpse', roles: ['procurement'], levels: ['province', 'regency', 'city'], core: false, weight: 0.55 },
  { key: 'setda-prokopim', abbr: 'Prokopim', names: ['Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah {R}'], host: 'prokopim', roles: ['pr'], levels: ['regency', 'city'], core: false, weight: 0.3 },
  { key: 'setda-kesra', abbr: 'Bagian Kesra', names: ['Bagian Kesejahteraan Rakyat Sekretariat Daerah {R}'], host: 'kesra', roles: ['religion'], levels: ['regency', 'city'], core: false, weight: 0.3 },
  { key: 'setwan', abbr: 'DPRD', names: ['Sekretariat DPRD {R}'], host: 'dprd', roles: ['legislature'], levels: ['province', 'regency', 'city'], core: false, weight: 0.45 },
  { key: 'dinsos', abbr: 'Dinsos', names: ['Dinas Sosial {R}'], host: 'dinsos', roles: ['social'], levels: ['province', 'regency', 'city'], core: false, weight: 0.65 },
  { key: 'dishub', abbr: 'Dishub', names: ['Dinas Perhubungan {R}'], host: 'dishub', roles: ['transport'], levels: ['province', 'regency', 'city'], core: false, weight: 0.5 },
  { key: 'dlh', abbr: 'DLH', names: ['Dinas Lingkungan Hidup {R}'], host: 'dlh', roles: ['environment'], levels: ['province', 'regency', 'city'], core: false, weight: 0.5 },
  { key: 'dpupr', abbr: 'DPUPR', names: ['Dinas Pekerjaan Umum dan Penataan Ruang {R}', 'Dinas Pekerjaan Umum, Bina Marga dan Penataan Ruang {R}'], host: 'dpupr', roles: ['publicworks'], levels: ['province', 'regency', 'city'], core: false, weight: 0.55 },
  { key: 'perkim', abbr: 'Disperkim', names: ['Dinas Perumahan dan Kawasan Permukiman {R}'], host: 'perkim', roles: ['housing'], levels: ['province', 'regency', 'city'], core: false, weight: 0.35 },
  { key: 'disnaker', abbr: 'Disnaker', names: ['Dinas Tenaga Kerja {R}', 'Dinas Tenaga Kerja dan Transmigrasi {R}'], host: 'disnaker', roles: ['labour'], levels: ['province', 'regency', 'city'], core: false, weight: 0.4 },
  { key: 'dispar', abbr: 'Disparbud', names: ['Dinas Kebudayaan dan Pariwisata {R}', 'Dinas Pariwisata, Pemuda dan Olahraga {R}'], host: 'disparbud', roles: ['tourism'], levels: ['province', 'regency', 'city'], core: false, weight: 0.5 },
  { key: 'disperindag', abbr: 'Disperindag', names: ['Dinas Perdagangan dan Perindustrian {R}', 'Dinas Perdagangan, Koperasi dan Usaha Mikro {R}'], host: 'disperindag', roles: ['trade'], levels: ['province', 'regency', 'city'], core: false, weight: 0.5 },
  { key: 'dispertan', abbr: 'Dispertan', names: ['Dinas Pertanian dan Ketahanan Pangan {R}', 'Dinas Pertanian {R}'], host: 'dispertan', roles: ['agriculture'], levels: ['province', 'regency', 'city'], core: false, weight: 0.4 },
  { key: 'dpmd', abbr: 'DPMD', names: ['Dinas Pemberdayaan Masyarakat dan Desa {R}'], host: 'dpmd', roles: ['village'], levels: ['regency'], core: false, weight: 0.75 },
  { key: 'dp3a', abbr: 'DP3AKB', names: ['Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana {R}', 'Dinas Pengendalian Penduduk dan Keluarga Berencana {R}'], host: 'dp3appkb', roles: ['family'], levels: ['province', 'regency', 'city'], core: false, weight: 0.4 },
  { key: 'dispusip', abbr: 'Dispusip', names: ['Dinas Perpustakaan dan Kearsipan {R}'], host: 'dispusip', roles: ['library', 'archive'], levels: ['province', 'regency', 'city'], core: false, weight: 0.4 },
  { key: 'satpolpp', abbr: 'Satpol PP', names: ['Satuan Polisi Pamong Praja {R}'], host: 'satpolpp', roles: ['order'], levels: ['province', 'regency', 'city'], core: false, weight: 0.25 },
  { key: 'kesbangpol', abbr: 'Bakesbangpol', names: ['Badan Kesatuan Bangsa dan Politik {R}'], host: 'kesbangpol', roles: ['politics'], levels: ['province', 'regency', 'city'], core: false, weight: 0.35 },
  { key: 'bpbd', abbr: 'BPBD', names: ['Badan Penanggulangan Bencana Daerah {R}'], host: 'bpbd', roles: ['disaster'], levels: ['province', 'regency', 'city'], core: false, weight: 0.4 },
];

/** Units of a central agency; `{A}` is the agency's name, `{a}` its acronym. */
export const CENTRAL_UNITS: readonly UnitKind[] = [
  { key: 'setjen', abbr: 'Setjen', names: ['Sekretariat Jenderal {A}', 'Sekretariat Utama {A}'], host: 'setjen', roles: ['general', 'organisation', 'legal', 'planning'], levels: ['central'], core: true, weight: 1 },
  { key: 'biro-sdm', abbr: 'Biro SDM', names: ['Biro Sumber Daya Manusia {A}', 'Biro Kepegawaian {A}', 'Biro Organisasi dan Sumber Daya Manusia {A}'], host: 'sdm', roles: ['hr', 'organisation'], levels: ['central'], core: false, weight: 0.6 },
  { key: 'biro-keuangan', abbr: 'Biro Keuangan', names: ['Biro Perencanaan dan Keuangan {A}', 'Biro Keuangan dan Barang Milik Negara {A}'], host: 'keuangan', roles: ['finance', 'assets', 'planning'], levels: ['central'], core: false, weight: 0.55 },
  { key: 'biro-umum', abbr: 'Biro Umum', names: ['Biro Umum dan Pengadaan {A}', 'Biro Umum {A}'], host: 'umum', roles: ['general', 'procurement', 'archive'], levels: ['central'], core: false, weight: 0.4 },
  { key: 'biro-humas', abbr: 'Humas', names: ['Biro Komunikasi dan Informasi Publik {A}', 'Biro Hubungan Masyarakat {A}'], host: 'humas', roles: ['pr'], levels: ['central'], core: false, weight: 0.4 },
  { key: 'pusdatin', abbr: 'Pusdatin', names: ['Pusat Data dan Teknologi Informasi {A}', 'Pusat Data dan Informasi {A}'], host: 'pusdatin', roles: ['it', 'data'], levels: ['central'], core: false, weight: 0.6 },
  { key: 'itjen', abbr: 'Itjen', names: ['Inspektorat Jenderal {A}', 'Inspektorat Utama {A}'], host: 'itjen', roles: ['audit'], levels: ['central'], core: false, weight: 0.5 },
];

/** Kecamatan and kelurahan are units too: Madiun's catalogue has kecamatan listing 30 applications. */
export const KECAMATAN: UnitKind = { key: 'kecamatan', abbr: 'Kec. {K}', names: ['Kecamatan {K}'], host: '{k}', roles: ['subdistrict'], levels: ['regency', 'city'], core: false, weight: 1 };
export const KELURAHAN: UnitKind = { key: 'kelurahan', abbr: 'Kel. {K}', names: ['Kelurahan {K}'], host: 'kel-{k}', roles: ['ward'], levels: ['city'], core: false, weight: 1 };
