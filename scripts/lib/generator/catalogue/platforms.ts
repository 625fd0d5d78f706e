/**
 * National systems that agencies list in their catalogues as "Aplikasi Pusat/Umum" (origin national).
 * The designated shared platforms (Aplikasi Umum) named in the domain brief are SRIKANDI, SP4N-LAPOR!,
 * SPSE and SIASN; SIPD and e-Kinerja BKN are widely mandated. The rest are sector platforms a regional
 * office must use (Dapodik, SIKS-NG, SIAK, OSS …) — listing them is adoption, never duplication.
 *
 * The owning agency lists each platform once (the master record, origin local: it built it); every other
 * listing is a record of the same system. URL and name variants are those seen in real catalogues.
 */
import type { PlatformKind } from './functions.js';
import type { Role } from './units.js';

export interface PlatformSpec {
  id: string;
  name: string;
  long?: string;
  /** Central agency key of the owner (master record). */
  owner: string;
  fn: string;
  /** Designated Aplikasi Umum (or mandated shared platform) rather than a sector system. */
  designated: boolean;
  /** Modules of one umbrella platform share a family and are not same-name traps for each other. */
  family?: string;
  since: number;
  /** Names the platform appears under in other agencies' rows; the first is canonical. */
  variants: readonly string[];
  /** `{domain}` and `{slug}` are the listing government's domain and slug; `{ip}` a private address. */
  urls: readonly string[];
  /** Chance a government of the level adopts it. Province values default to the regional one. */
  adoption: { regency?: number; city?: number; province?: number; central?: number };
  /** Units that list it: the first present primary role always lists it; others with chance `p`. */
  listedBy: { primary: readonly Role[]; others?: Partial<Record<Role, number>>; any?: number };
  platform: PlatformKind;
  /** Annual cost of the master, IDR. */
  cost: number;
  users: number;
  dataset?: string;
  descriptions: readonly string[];
}

export const PLATFORMS: readonly PlatformSpec[] = [
  {
    id: 'srikandi', name: 'SRIKANDI', long: 'Sistem Informasi Kearsipan Dinamis Terintegrasi', owner: 'anri', fn: 'correspondence', designated: true, since: 2020,
    variants: ['SRIKANDI', 'Srikandi', 'SRIKANDI', 'Srikandi', 'srikandi', 'SRIKANDI ANRI', 'Srikandi (Sistem Informasi Kearsipan Dinamis Terintegrasi)', 'Aplikasi Srikandi', 'srikandi.arsip', 'SRIKANDI v3'],
    urls: ['https://srikandi.arsip.go.id', 'https://srikandi.arsip.go.id/', 'https://srikandi.arsip.go.id/beranda', 'https://srikandi.arsip.go.id/auth/login', 'https://srikandi.layanan.go.id'],
    adoption: { regency: 0.85, city: 0.85, province: 0.9, central: 0.85 }, listedBy: { primary: ['general', 'archive', 'it'], any: 0.14 },
    platform: 'web', cost: 18e9, users: 350000, dataset: 'Arsip Dinamis Nasional',
    descriptions: ['Aplikasi Umum Bidang Kearsipan Dinamis Terintegrasi.', 'Aplikasi pengelolaan surat.', 'Sistem Informasi Kearsipan Dinamis Terintegrasi untuk naskah dinas elektronik.', 'Tata naskah dinas dan kearsipan dinamis dari ANRI.', 'Surat masuk dan keluar, disposisi dan arsip.'],
  },
  {
    id: 'siasn', name: 'SIASN', long: 'Sistem Informasi Aparatur Sipil Negara', owner: 'bkn', fn: 'personnel', designated: true, since: 2022,
    variants: ['SIASN', 'SIASN', 'SIASN BKN', 'SIASN-Instansi', 'MyASN', 'My ASN', 'My SAPK', 'ASN Digital', 'SIASN (Sistem Informasi ASN)', 'MyASN BKN'],
    urls: ['https://siasn-instansi.bkn.go.id', 'https://siasn.bkn.go.id', 'https://myasn.bkn.go.id', 'https://asndigital.bkn.go.id', 'https://siasn-instansi.bkn.go.id/'],
    adoption: { regency: 0.95, city: 0.95, province: 0.95, central: 0.95 }, listedBy: { primary: ['hr'], any: 0.08 },
    platform: 'web', cost: 45e9, users: 4300000, dataset: 'Data ASN Nasional',
    descriptions: ['Platform digital manajemen ASN terpadu BKN.', 'Sistem informasi ASN untuk pemutakhiran data, kenaikan pangkat dan pensiun.', 'Aplikasi BKN untuk layanan kepegawaian ASN.', 'Data ASN nasional yang dikelola BKN.'],
  },
  {
    id: 'ekinerja-bkn', name: 'e-Kinerja BKN', long: 'Sistem Informasi Kinerja ASN', owner: 'bkn', fn: 'performance', designated: true, since: 2022,
    variants: ['e-Kinerja BKN', 'e-Kinerja BKN', 'E-Kinerja', 'eKinerja BKN', 'Kinerja BKN', 'e-Kinerja', 'SKP BKN', 'E-KINERJA BKN'],
    urls: ['https://kinerja.bkn.go.id', 'https://kinerja.bkn.go.id/login', 'https://kinerja.bkn.go.id/'],
    adoption: { regency: 0.6, city: 0.6, province: 0.65, central: 0.7 }, listedBy: { primary: ['hr'], any: 0.1 },
    platform: 'web', cost: 12e9, users: 2500000, dataset: 'Data Kinerja ASN Nasional',
    descriptions: ['Penyusunan SKP dan penilaian kinerja ASN sesuai PermenPANRB 6/2022.', 'Aplikasi kinerja dari BKN.', 'SKP dan evaluasi kinerja pegawai.'],
  },
  {
    id: 'sipd-planning', name: 'SIPD Perencanaan', long: 'Sistem Informasi Pemerintahan Daerah – Perencanaan', owner: 'kemendagri', fn: 'planning', designated: true, family: 'SIPD', since: 2019,
    variants: ['SIPD', 'SIPD', 'SIPD RI', 'SIPD-RI', 'SIPD Perencanaan', 'SIPD Kemendagri', 'Sistem Informasi Pemerintahan Daerah (SIPD)', 'SIPD-RI Perencanaan'],
    urls: ['https://sipd.kemendagri.go.id', 'https://sipd.kemendagri.go.id/', 'https://sipd-ri.kemendagri.go.id', 'https://sipd.kemendagri.go.id/landing'],
    adoption: { regency: 0.97, city: 0.97, province: 0.97 }, listedBy: { primary: ['planning'], any: 0.06 },
    platform: 'web', cost: 60e9, users: 250000, dataset: 'Data Perencanaan Pembangunan Daerah Nasional',
    descriptions: ['Aplikasi perencanaan dan penatausahaan daerah.', 'Sistem Informasi Pemerintahan Daerah untuk penyusunan RKPD dan Renja sesuai Permendagri 70/2019.', 'Perencanaan pembangunan daerah dari Kemendagri.', 'Input usulan dan Renja perangkat daerah.'],
  },
  {
    id: 'sipd-finance', name: 'SIPD Penatausahaan', long: 'SIPD Penatausahaan Keuangan Daerah', owner: 'kemendagri', fn: 'finance', designated: true, family: 'SIPD', since: 2021,
    variants: ['SIPD', 'SIPD-RI', 'SIPD RI', 'SIPD Penatausahaan', 'SIPD Keuangan', 'SIPD Kemendagri', 'SIPD-RI Penatausahaan'],
    urls: ['https://sipd-ri.kemendagri.go.id', 'https://sipd-ri.kemendagri.go.id/auth/login', 'https://sipd.kemendagri.go.id/penatausahaan'],
    adoption: { regency: 0.95, city: 0.95, province: 0.95 }, listedBy: { primary: ['finance'], any: 0.1 },
    platform: 'web', cost: 40e9, users: 250000, dataset: 'Data Keuangan Daerah Nasional',
    descriptions: ['Penatausahaan keuangan daerah: SPP, SPM, SP2D.', 'SIPD-RI modul penatausahaan dan akuntansi.', 'Aplikasi keuangan daerah dari Kemendagri.', 'Sistem Informasi Pemerintahan Daerah (SIPD) merupakan inovasi Kementerian Dalam Negeri untuk menyatukan informasi pembangunan dan keuangan daerah.'],
  },
  {
    id: 'krisna', name: 'KRISNA', long: 'Kolaborasi Perencanaan dan Informasi Kinerja Anggaran', owner: 'bappenas', fn: 'planning', designated: false, since: 2017,
    variants: ['KRISNA', 'KRISNA', 'Krisna', 'KRISNA Bappenas', 'KRISNA-RKP'],
    urls: ['https://krisna.systems', 'https://krisna.systems/'],
    adoption: { central: 0.9 }, listedBy: { primary: ['planning', 'finance'] },
    platform: 'web', cost: 15e9, users: 30000, dataset: 'Data Rencana Kerja Pemerintah',
    descriptions: ['Penyusunan RKP, Renja K/L dan RKA-K/L terintegrasi.', 'Aplikasi perencanaan dan penganggaran Bappenas–Kemenkeu.'],
  },
  {
    id: 'sakti', name: 'SAKTI', long: 'Sistem Aplikasi Keuangan Tingkat Instansi', owner: 'kemenkeu', fn: 'finance', designated: false, since: 2015,
    variants: ['SAKTI', 'SAKTI', 'Aplikasi SAKTI', 'SAKTI Kemenkeu', 'SAKTI Web'],
    urls: ['https://sakti.kemenkeu.go.id', 'https://sakti.kemenkeu.go.id/'],
    adoption: { central: 0.95 }, listedBy: { primary: ['finance'], any: 0.05 },
    platform: 'web', cost: 80e9, users: 150000, dataset: 'Data Keuangan Satuan Kerja',
    descriptions: ['Aplikasi pengelolaan keuangan tingkat satuan kerja: perencanaan, pelaksanaan dan pertanggungjawaban anggaran.', 'SAKTI modul komitmen, pembayaran, bendahara dan akuntansi.'],
  },
  {
    id: 'siman', name: 'SIMAN', long: 'Sistem Informasi Manajemen Aset Negara', owner: 'kemenkeu', fn: 'assets', designated: false, since: 2016,
    variants: ['SIMAN', 'SIMAN v2', 'SIMAN DJKN'],
    urls: ['https://siman.kemenkeu.go.id'],
    adoption: { central: 0.8 }, listedBy: { primary: ['assets', 'general'] },
    platform: 'web', cost: 10e9, users: 40000, dataset: 'Data Barang Milik Negara',
    descriptions: ['Pengelolaan barang milik negara: perencanaan, penggunaan, pemanfaatan dan penghapusan.'],
  },
  {
    id: 'omspan', name: 'OM-SPAN', long: 'Online Monitoring Sistem Perbendaharaan dan Anggaran Negara', owner: 'kemenkeu', fn: 'treasury-reporting', designated: false, since: 2014,
    variants: ['OM-SPAN', 'OMSPAN', 'Omspan', 'OM SPAN Kemenkeu'],
    urls: ['https://spanint.kemenkeu.go.id', 'https://spanint.kemenkeu.go.id/spanint/latest/app'],
    adoption: { regency: 0.3, city: 0.3, province: 0.4, central: 0.8 }, listedBy: { primary: ['finance'] },
    platform: 'web', cost: 6e9, users: 80000,
    descriptions: ['Monitoring realisasi dana transfer dan dana desa.', 'Pelaporan penyaluran DAK fisik dan dana desa.'],
  },
  {
    id: 'spse', name: 'SPSE', long: 'Sistem Pengadaan Secara Elektronik', owner: 'lkpp', fn: 'procurement', designated: true, since: 2008,
    variants: ['SPSE', 'LPSE', 'LPSE', 'LPSE {RS}', 'SPSE v4', 'SPSE 4.5', 'e-Proc LPSE', 'LPSE (Layanan Pengadaan Secara Elektronik)'],
    urls: ['https://lpse.{domain}/eproc4', 'https://spse.inaproc.id/{slug}', 'https://lpse.{domain}', 'https://lpse.lkpp.go.id'],
    adoption: { regency: 0.95, city: 0.95, province: 0.95, central: 0.9 }, listedBy: { primary: ['procurement', 'general', 'finance'], others: { publicworks: 0.15 }, any: 0.03 },
    platform: 'web', cost: 25e9, users: 1200000, dataset: 'Data Pengadaan Nasional',
    descriptions: ['Layanan pengadaan secara elektronik untuk tender dan seleksi.', 'Aplikasi e-procurement pengembangan LKPP yang dipasang di LPSE daerah.', 'Tender dan pengadaan langsung secara elektronik.'],
  },
  {
    id: 'sirup', name: 'SiRUP', long: 'Sistem Informasi Rencana Umum Pengadaan', owner: 'lkpp', fn: 'procurement-planning', designated: true, since: 2013,
    variants: ['SiRUP', 'SIRUP', 'Sirup LKPP', 'SiRUP LKPP', 'RUP LKPP', 'SiRUP'],
    urls: ['https://sirup.lkpp.go.id', 'https://sirup.lkpp.go.id/', 'https://sirup.lkpp.go.id/sirup/loginctr/index'],
    adoption: { regency: 0.9, city: 0.9, province: 0.9, central: 0.9 }, listedBy: { primary: ['procurement', 'general', 'finance'], any: 0.06 },
    platform: 'web', cost: 5e9, users: 300000, dataset: 'Data Rencana Umum Pengadaan Nasional',
    descriptions: ['Pengumuman rencana umum pengadaan barang/jasa.', 'Input RUP oleh PPK perangkat daerah.', 'Aplikasi yang berkaitan dengan rencana pengadaan.'],
  },
  {
    id: 'ekatalog', name: 'e-Katalog', long: 'Katalog Elektronik Pengadaan Barang/Jasa Pemerintah', owner: 'lkpp', fn: 'e-catalogue', designated: true, since: 2014,
    variants: ['e-Katalog', 'INAPROC', 'e-Katalog LKPP', 'Katalog Elektronik', 'Katalog INAPROC'],
    urls: ['https://e-katalog.lkpp.go.id', 'https://katalog.inaproc.id/', 'https://katalog.inaproc.id'],
    adoption: { regency: 0.5, city: 0.5, province: 0.6, central: 0.6 }, listedBy: { primary: ['procurement', 'general'], any: 0.03 },
    platform: 'web', cost: 20e9, users: 500000,
    descriptions: ['Aplikasi yang berkaitan dengan Katalog Elektronik Pemerintah dan digunakan untuk proses pengadaan.', 'Pembelian barang/jasa melalui katalog elektronik.'],
  },
  {
    id: 'sikap', name: 'SIKaP', long: 'Sistem Informasi Kinerja Penyedia', owner: 'lkpp', fn: 'vendor-performance', designated: false, since: 2016,
    variants: ['SIKaP', 'SIKaP LKPP', 'SIKAP'],
    urls: ['https://sikap.lkpp.go.id'],
    adoption: { regency: 0.25, city: 0.25, province: 0.3, central: 0.3 }, listedBy: { primary: ['procurement'] },
    platform: 'web', cost: 2e9, users: 100000,
    descriptions: ['Penilaian kualifikasi dan kinerja penyedia barang/jasa.', 'Informasi kinerja penyedia untuk pengadaan langsung.'],
  },
  {
    id: 'lapor', name: 'SP4N-LAPOR!', long: 'Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional – Layanan Aspirasi dan Pengaduan Online Rakyat', owner: 'kemenpanrb', fn: 'complaints', designated: true, since: 2016,
    variants: ['SP4N-LAPOR!', 'SP4N-LAPOR!', 'LAPOR!', 'Lapor', 'SP4N LAPOR', 'Lapor.go.id', 'LAPOR! (Layanan Aspirasi dan Pengaduan Online Rakyat)', 'SP4N'],
    urls: ['https://www.lapor.go.id', 'https://www.lapor.go.id/', 'https://lapor.go.id', 'https://prod.lapor.go.id'],
    adoption: { regency: 0.85, city: 0.85, province: 0.9, central: 0.85 }, listedBy: { primary: ['pr', 'it'], any: 0.05 },
    platform: 'web, mobile', cost: 8e9, users: 1500000, dataset: 'Data Pengaduan Pelayanan Publik Nasional',
    descriptions: ['Pengelolaan pengaduan pelayanan publik nasional terintegrasi.', 'Kanal aspirasi dan pengaduan masyarakat dari KemenPANRB.', 'Tindak lanjut pengaduan masyarakat yang disalurkan melalui LAPOR!.'],
  },
  {
    id: 'simona', name: 'SIMONA', long: 'Aplikasi Analisis Jabatan dan Analisis Beban Kerja Kemendagri', owner: 'kemendagri', fn: 'job-analysis', designated: false, since: 2021,
    variants: ['SIMONA', 'Simona', 'SIMONA Kemendagri', 'SIMONA ANJAB-ABK'],
    urls: ['https://simona.kemendagri.go.id', 'https://anjababk-simona.kemendagri.go.id/'],
    adoption: { regency: 0.35, city: 0.35, province: 0.4 }, listedBy: { primary: ['organisation', 'hr'], any: 0.03 },
    platform: 'web', cost: 3e9, users: 60000,
    descriptions: ['Penyusunan analisis jabatan dan beban kerja perangkat daerah.', 'Aplikasi anjab-ABK dari Kemendagri.'],
  },
  {
    id: 'siak', name: 'SIAK', long: 'Sistem Informasi Administrasi Kependudukan', owner: 'kemendagri', fn: 'population', designated: false, since: 2004,
    variants: ['SIAK', 'SIAK', 'SIAK Terpusat', 'Sistem Informasi dan Administrasi Kependudukan (SIAK)', 'SIAK Dukcapil', 'Aplikasi SIAK'],
    urls: ['', 'http://{ip}:3000', 'Aplikasi yang diinstal', ''],
    adoption: { regency: 0.97, city: 0.97 }, listedBy: { primary: ['population'], others: { subdistrict: 0.35, ward: 0.2 } },
    platform: 'desktop', cost: 120e9, users: 30000, dataset: 'Data Kependudukan Nasional',
    descriptions: ['Pembuatan KK, rekam KTP, pindah datang, akta kelahiran, akta kematian, KIA.', 'Sistem informasi administrasi kependudukan terpusat Ditjen Dukcapil.', 'Pelayanan dokumen kependudukan.'],
  },
  {
    id: 'prodeskel', name: 'Prodeskel', long: 'Profil Desa dan Kelurahan', owner: 'kemendagri', fn: 'village-profile', designated: false, since: 2018,
    variants: ['Prodeskel', 'PRODESKEL', 'Prodeskel Binapemdes'],
    urls: ['https://prodeskel.binapemdes.kemendagri.go.id'],
    adoption: { regency: 0.6, city: 0.4 }, listedBy: { primary: ['village', 'subdistrict', 'ward'], others: { subdistrict: 0.3 } },
    platform: 'web', cost: 2e9, users: 80000,
    descriptions: ['Pengisian profil desa dan kelurahan.', 'Data profil desa untuk Kemendagri.'],
  },
  {
    id: 'siskeudes', name: 'Siskeudes', long: 'Sistem Keuangan Desa', owner: 'bpkp', fn: 'village-finance', designated: false, since: 2015,
    variants: ['Siskeudes', 'SISKEUDES', 'Siskeudes Online', 'SISKUDES', 'Siskeudes v2.0'],
    urls: ['', 'http://{ip}:8080/guacamole', 'https://siskeudes.bpkp.go.id'],
    adoption: { regency: 0.9 }, listedBy: { primary: ['village', 'subdistrict'], others: { subdistrict: 0.4 } },
    platform: 'desktop', cost: 5e9, users: 75000,
    descriptions: ['Aplikasi pengelolaan keuangan desa dari BPKP.', 'Penatausahaan APBDes dan laporan realisasi dana desa.'],
  },
  {
    id: 'idm', name: 'IDM', long: 'Indeks Desa Membangun', owner: 'kemendesa', fn: 'village-index', designated: false, since: 2016,
    variants: ['IDM', 'IDM Kemendesa', 'Indeks Desa Membangun'],
    urls: ['https://idm.kemendesa.go.id/', 'https://idm.kemendesa.go.id'],
    adoption: { regency: 0.6 }, listedBy: { primary: ['village', 'subdistrict'], others: { subdistrict: 0.2 } },
    platform: 'web', cost: 2e9, users: 75000,
    descriptions: ['Pengisian indikator Indeks Desa Membangun.', 'Status perkembangan desa.'],
  },
  {
    id: 'satusehat', name: 'SATUSEHAT', long: 'Platform Integrasi Data Kesehatan SATUSEHAT', owner: 'kemenkes', fn: 'health-data-platform', designated: false, since: 2022,
    variants: ['SATUSEHAT', 'Satu Sehat', 'SATUSEHAT Platform', 'SATUSEHAT Kemenkes'],
    urls: ['https://satusehat.kemkes.go.id/platform', 'https://satusehat.kemkes.go.id'],
    adoption: { regency: 0.65, city: 0.65, province: 0.5 }, listedBy: { primary: ['health', 'hospital'], others: { hospital: 0.4 } },
    platform: 'web', cost: 150e9, users: 60000, dataset: 'Rekam Medis Elektronik Nasional',
    descriptions: ['Integrasi rekam medis elektronik fasilitas kesehatan ke Kemenkes.', 'Platform pertukaran data kesehatan nasional.'],
  },
  {
    id: 'eppgbm', name: 'e-PPGBM', long: 'Elektronik Pencatatan dan Pelaporan Gizi Berbasis Masyarakat', owner: 'kemenkes', fn: 'nutrition-reporting', designated: false, since: 2017,
    variants: ['e-PPGBM', 'ePPGBM', 'e-PPGBM Kemenkes'],
    urls: ['https://sigiziterpadu.kemkes.go.id/ppgbm'],
    adoption: { regency: 0.45, city: 0.45 }, listedBy: { primary: ['health'] },
    platform: 'web', cost: 3e9, users: 20000,
    descriptions: ['Pencatatan status gizi balita berbasis nama dan alamat.', 'Pelaporan stunting dan gizi buruk.'],
  },
  {
    id: 'dapodik', name: 'Dapodik', long: 'Data Pokok Pendidikan', owner: 'kemendikdasmen', fn: 'education-data', designated: false, since: 2011,
    variants: ['Dapodik', 'DAPODIK', 'Dapodikdasmen', 'Aplikasi Dapodik', 'Dapodik v2024'],
    urls: ['https://dapo.kemendikdasmen.go.id', 'https://dapo.kemdikbud.go.id', ''],
    adoption: { regency: 0.95, city: 0.95, province: 0.95 }, listedBy: { primary: ['education'] },
    platform: 'desktop', cost: 25e9, users: 400000, dataset: 'Data Pokok Pendidikan',
    descriptions: ['Pendataan satuan pendidikan, peserta didik, PTK dan sarpras.', 'Aplikasi pendataan sekolah dari Kemendikdasmen.'],
  },
  {
    id: 'arkas', name: 'ARKAS', long: 'Aplikasi Rencana Kegiatan dan Anggaran Sekolah', owner: 'kemendikdasmen', fn: 'school-finance', designated: false, since: 2020,
    variants: ['ARKAS', 'Arkas', 'ARKAS 4.0'],
    urls: ['', 'https://arkas.kemendikdasmen.go.id'],
    adoption: { regency: 0.3, city: 0.3, province: 0.3 }, listedBy: { primary: ['education'] },
    platform: 'desktop', cost: 4e9, users: 200000,
    descriptions: ['Penyusunan RKAS dan pelaporan dana BOS.'],
  },
  {
    id: 'siksng', name: 'SIKS-NG', long: 'Sistem Informasi Kesejahteraan Sosial – Next Generation', owner: 'kemensos', fn: 'social-welfare', designated: false, since: 2019,
    variants: ['SIKS-NG', 'SIKS-NG', 'SIKS NG', 'SIKS_NG', 'SIKS-NG v2.0', 'SIKS Kemensos'],
    urls: ['https://siks.kemensos.go.id', 'https://siks.kemensos.go.id/login', 'http://siks.kemensos.go.id'],
    adoption: { regency: 0.95, city: 0.95, province: 0.3 }, listedBy: { primary: ['social'], others: { subdistrict: 0.2, ward: 0.25 } },
    platform: 'web', cost: 10e9, users: 90000, dataset: 'Data Terpadu Kesejahteraan Sosial (DTKS)',
    descriptions: ['Aplikasi SIKS-NG versi 2.0 untuk perbaikan dan pengusulan baru Data Terpadu Kesejahteraan Sosial (DTKS).', 'Verifikasi dan validasi DTKS oleh operator kabupaten/kota.', 'Usulan dan pemutakhiran data penerima bansos.'],
  },
  {
    id: 'oss', name: 'OSS', long: 'Online Single Submission Berbasis Risiko', owner: 'bkpm', fn: 'business-licensing', designated: false, since: 2018,
    variants: ['OSS', 'OSS', 'OSS RBA', 'OSS-RBA', 'Online Single Submission (OSS)', 'OSS BKPM'],
    urls: ['https://oss.go.id/', 'https://oss.go.id'],
    adoption: { regency: 0.95, city: 0.95, province: 0.9 }, listedBy: { primary: ['licensing'], others: { trade: 0.3, subdistrict: 0.08 } },
    platform: 'web', cost: 50e9, users: 3000000, dataset: 'Data Perizinan Berusaha Nasional',
    descriptions: ['Perizinan berusaha terintegrasi secara elektronik berbasis risiko.', 'Penerbitan NIB dan izin usaha.'],
  },
  {
    id: 'sicantik', name: 'SiCantik Cloud', long: 'Sistem Informasi Cepat dan Cantik', owner: 'komdigi', fn: 'permit-services', designated: false, since: 2017,
    variants: ['SiCantik Cloud', 'SiCantik', 'SICANTIK', 'Sicantik Cloud Kominfo'],
    urls: ['https://sicantik.go.id', 'https://{slug}.sicantik.go.id'],
    adoption: { regency: 0.45, city: 0.45, province: 0.3 }, listedBy: { primary: ['licensing'] },
    platform: 'web', cost: 6e9, users: 200000,
    descriptions: ['Aplikasi perizinan non-berusaha berbasis cloud yang disediakan Kementerian Komunikasi dan Digital.', 'Pelayanan perizinan daerah.'],
  },
  {
    id: 'simbg', name: 'SIMBG', long: 'Sistem Informasi Manajemen Bangunan Gedung', owner: 'kemenpu', fn: 'building-permits', designated: false, since: 2021,
    variants: ['SIMBG', 'SIMBG PUPR', 'Aplikasi SIMBG (PBG)'],
    urls: ['https://simbg.pu.go.id'],
    adoption: { regency: 0.8, city: 0.8 }, listedBy: { primary: ['publicworks', 'licensing', 'housing'], others: { licensing: 0.4 } },
    platform: 'web', cost: 5e9, users: 100000,
    descriptions: ['Permohonan persetujuan bangunan gedung (PBG) dan SLF.'],
  },
  {
    id: 'sp2kp', name: 'SP2KP', long: 'Sistem Pemantauan Pasar Kebutuhan Pokok', owner: 'kemendag', fn: 'commodity-prices', designated: false, since: 2016,
    variants: ['SP2KP', 'SP2KP Kemendag'],
    urls: ['https://sp2kp.kemendag.go.id'],
    adoption: { regency: 0.5, city: 0.5, province: 0.6 }, listedBy: { primary: ['trade'] },
    platform: 'web', cost: 2e9, users: 5000,
    descriptions: ['Pemantauan harga kebutuhan pokok oleh enumerator pasar.'],
  },
  {
    id: 'inlislite', name: 'INLISLite', long: 'Integrated Library System Lite', owner: 'perpusnas', fn: 'library-automation', designated: false, since: 2011,
    variants: ['INLISLite', 'INLISLITE', 'Inlislite v3.2', 'INLIS Lite'],
    urls: ['https://inlislite.perpusnas.go.id/?read=modulprogram', '', 'http://{ip}/inlislite3'],
    adoption: { regency: 0.6, city: 0.6, province: 0.6 }, listedBy: { primary: ['library'] },
    platform: 'desktop', cost: 1e9, users: 20000,
    descriptions: ['Otomasi perpustakaan dari Perpustakaan Nasional.', 'Katalogisasi dan sirkulasi koleksi perpustakaan.'],
  },
  {
    id: 'sikn', name: 'SIKN/JIKN', long: 'Sistem Informasi Kearsipan Nasional / Jaringan Informasi Kearsipan Nasional', owner: 'anri', fn: 'archive-network', designated: false, since: 2015,
    variants: ['SIKN/JIKN', 'SIKN', 'JIKN', 'SIKN/JIKN (SISTEM INFORMASI KEARSIPAN NASIONAL)'],
    urls: ['https://sikn.go.id', 'https://www.anri.go.id/layanan-publik/sikn-dan-jikn'],
    adoption: { regency: 0.3, city: 0.3, province: 0.4 }, listedBy: { primary: ['archive'] },
    platform: 'web', cost: 2e9, users: 5000,
    descriptions: ['Penyampaian daftar arsip statis ke jaringan informasi kearsipan nasional.'],
  },
  {
    id: 'newsiga', name: 'New SIGA', long: 'Sistem Informasi Keluarga', owner: 'bkkbn', fn: 'family-data', designated: false, since: 2021,
    variants: ['New SIGA', 'SIGA', 'NewSIGA BKKBN'],
    urls: ['https://newsiga-siga.bkkbn.go.id'],
    adoption: { regency: 0.55, city: 0.55, province: 0.4 }, listedBy: { primary: ['family'] },
    platform: 'web', cost: 8e9, users: 50000, dataset: 'Data Keluarga Indonesia',
    descriptions: ['Pendataan keluarga dan pelayanan KB.', 'Sistem informasi keluarga BKKBN.'],
  },
  {
    id: 'simfoni', name: 'SIMFONI-PPA', long: 'Sistem Informasi Online Perlindungan Perempuan dan Anak', owner: 'kemenpppa', fn: 'violence-reporting', designated: false, since: 2016,
    variants: ['SIMFONI-PPA', 'Simfoni PPA', 'SIMFONI'],
    urls: ['https://kekerasan.kemenpppa.go.id/register/login', 'https://kekerasan.kemenpppa.go.id'],
    adoption: { regency: 0.6, city: 0.6, province: 0.6 }, listedBy: { primary: ['family', 'social'] },
    platform: 'web', cost: 2e9, users: 10000,
    descriptions: ['Pencatatan dan pelaporan kasus kekerasan terhadap perempuan dan anak.'],
  },
  {
    id: 'inarisk', name: 'InaRISK', long: 'Portal Kajian Risiko Bencana Indonesia', owner: 'bnpb', fn: 'disaster-risk', designated: false, since: 2016,
    variants: ['InaRISK', 'inaRISK BNPB', 'InaRISK Personal'],
    urls: ['https://inarisk.bnpb.go.id'],
    adoption: { regency: 0.45, city: 0.45, province: 0.5 }, listedBy: { primary: ['disaster'] },
    platform: 'web, mobile', cost: 3e9, users: 200000,
    descriptions: ['Informasi kajian risiko bencana per wilayah.'],
  },
  {
    id: 'karirhub', name: 'Karirhub', long: 'Karirhub SIAPkerja', owner: 'kemnaker', fn: 'job-matching', designated: false, since: 2021,
    variants: ['Karirhub', 'SIAPkerja', 'Karirhub Kemnaker'],
    urls: ['https://karirhub.kemnaker.go.id'],
    adoption: { regency: 0.45, city: 0.45, province: 0.5 }, listedBy: { primary: ['labour'] },
    platform: 'web', cost: 6e9, users: 1000000,
    descriptions: ['Layanan informasi lowongan kerja nasional.'],
  },
  {
    id: 'simluhtan', name: 'SIMLUHTAN', long: 'Sistem Informasi Manajemen Penyuluhan Pertanian', owner: 'kementan', fn: 'farmer-data', designated: false, since: 2014,
    variants: ['SIMLUHTAN', 'Simluhtan', 'SIMLUHTAN Kementan'],
    urls: ['https://simluhtan.pertanian.go.id'],
    adoption: { regency: 0.5, city: 0.3, province: 0.4 }, listedBy: { primary: ['agriculture'] },
    platform: 'web', cost: 3e9, users: 40000,
    descriptions: ['Pendataan penyuluh, kelompok tani dan kelembagaan petani.'],
  },
  {
    id: 'erdkk', name: 'e-RDKK', long: 'Elektronik Rencana Definitif Kebutuhan Kelompok', owner: 'kementan', fn: 'fertilizer-allocation', designated: false, since: 2019,
    variants: ['e-RDKK', 'E-RDKK', 'eRDKK'],
    urls: ['https://erdkk.pertanian.go.id'],
    adoption: { regency: 0.5, city: 0.25 }, listedBy: { primary: ['agriculture'] },
    platform: 'web', cost: 4e9, users: 40000,
    descriptions: ['Penyusunan kebutuhan pupuk bersubsidi kelompok tani.'],
  },
  {
    id: 'amdalnet', name: 'AMDALNET', long: 'Sistem Informasi Persetujuan Lingkungan', owner: 'klh', fn: 'environmental-approval', designated: false, since: 2021,
    variants: ['AMDALNET', 'Amdalnet', 'AMDALNET KLHK'],
    urls: ['https://amdalnet.menlhk.go.id'],
    adoption: { regency: 0.4, city: 0.4, province: 0.5 }, listedBy: { primary: ['environment'] },
    platform: 'web', cost: 3e9, users: 20000,
    descriptions: ['Penyusunan dan penilaian dokumen lingkungan hidup.'],
  },
  {
    id: 'sipsn', name: 'SIPSN', long: 'Sistem Informasi Pengelolaan Sampah Nasional', owner: 'klh', fn: 'waste-data', designated: false, since: 2018,
    variants: ['SIPSN', 'SIPSN KLHK'],
    urls: ['https://sipsn.menlhk.go.id'],
    adoption: { regency: 0.45, city: 0.45, province: 0.3 }, listedBy: { primary: ['environment'] },
    platform: 'web', cost: 1e9, users: 5000,
    descriptions: ['Pelaporan data timbulan dan pengelolaan sampah.'],
  },
  {
    id: 'elhkpn', name: 'e-LHKPN', long: 'Laporan Harta Kekayaan Penyelenggara Negara Elektronik', owner: 'kpk', fn: 'asset-declaration', designated: false, since: 2017,
    variants: ['e-LHKPN', 'LHKPN', 'eLHKPN KPK', 'LJKPN'],
    urls: ['https://elhkpn.kpk.go.id', 'https://elhkpn.kpk.go.id/portal/user/login', 'https://lhkpn.kpk.go.id/portal/user/login'],
    adoption: { regency: 0.4, city: 0.4, province: 0.5, central: 0.6 }, listedBy: { primary: ['audit'], any: 0.02 },
    platform: 'web', cost: 4e9, users: 400000,
    descriptions: ['Pelaporan harta kekayaan penyelenggara negara.'],
  },
  {
    id: 'bsre', name: 'TTE BSrE', long: 'Tanda Tangan Elektronik Balai Besar Sertifikasi Elektronik', owner: 'bssn', fn: 'e-signature', designated: false, since: 2018,
    variants: ['TTE BSrE', 'BSrE', 'eSign BSrE', 'Tanda Tangan Elektronik (TTE)', 'eSign'],
    urls: ['https://bsre.bssn.go.id', 'VPN'],
    adoption: { regency: 0.35, city: 0.35, province: 0.5, central: 0.6 }, listedBy: { primary: ['it'], any: 0.02 },
    platform: 'web', cost: 8e9, users: 300000,
    descriptions: ['Sertifikat dan layanan tanda tangan elektronik tersertifikasi.'],
  },
  {
    id: 'simas-kemenag', name: 'SIMAS', long: 'Sistem Informasi Masjid', owner: 'kemenag', fn: 'mosque-information', designated: false, since: 2014,
    variants: ['SIMAS', 'SIMAS Kemenag', 'Sistem Informasi Masjid (SIMAS)'],
    urls: ['https://simas.kemenag.go.id'],
    adoption: { regency: 0.2, city: 0.2 }, listedBy: { primary: ['religion'] },
    platform: 'web', cost: 1e9, users: 300000,
    descriptions: ['Pendataan masjid dan musala di seluruh Indonesia.', 'Sistem informasi masjid Kementerian Agama.'],
  },
  {
    id: 'jdihn', name: 'JDIHN', long: 'Jaringan Dokumentasi dan Informasi Hukum Nasional', owner: 'kemenkum', fn: 'legal-network', designated: false, since: 2012,
    variants: ['JDIHN'], urls: ['https://jdihn.go.id'], adoption: {}, listedBy: { primary: ['legal'] },
    platform: 'web', cost: 3e9, users: 500000,
    descriptions: ['Portal integrasi dokumen hukum dari anggota jaringan JDIH seluruh Indonesia.'],
  },
  {
    id: 'sikd', name: 'SIKD', long: 'Sistem Informasi Keuangan Daerah', owner: 'kemenkeu', fn: 'regional-finance-reporting', designated: false, since: 2005,
    variants: ['SIKD', 'SIKD DJPK'], urls: ['https://sikd.djpk.kemenkeu.go.id'], adoption: {}, listedBy: { primary: ['finance'] },
    platform: 'web', cost: 6e9, users: 3000,
    descriptions: ['Penyampaian informasi keuangan daerah (APBD dan realisasinya) ke Kementerian Keuangan.'],
  },
];

export const PLATFORM_BY_ID: ReadonlyMap<string, PlatformSpec> = new Map(PLATFORMS.map((p) => [p.id, p]));
