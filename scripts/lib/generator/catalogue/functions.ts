/**
 * The jobs applications do in Indonesian government, as the truth of the generated inventories knows them.
 * A function key is what a human architect would write on a capability map; two distinct systems with
 * the same key inside one government are duplicates (see truth.ts for the exact rule).
 *
 * The `raa` field is the coarse Arsitektur SPBE application reference (Perpres 132/2022): RAA.01.01 shared
 * public-service, RAA.01.02 shared government-administration, RAA.02.01 specific mission, RAA.02.02
 * specific function. Names, hosts and descriptions mimic real regional catalogues (Kabupaten Madiun's is in
 * /work/shared/data/madiun); costs are synthetic medians in IDR per year.
 */
import type { Category } from '../../../../src/types.js';
import type { GovernmentLevel, Role } from './units.js';

export type Audience = 'staff' | 'unit' | 'public' | 'operators';
export type PlatformKind = 'web' | 'mobile' | 'desktop' | 'web, mobile';

export interface LocalName {
  short: string;
  long?: string;
}

export interface LocalSpec {
  names: readonly LocalName[];
  hosts: readonly string[];
  /** The first role present in a government owns the government-wide system. */
  owners: readonly Role[];
  /** Chance that a regional government builds its own government-wide system. */
  p: number;
  /** Same for central agencies (default: none). */
  pCentral?: number;
  /** Restrict to these levels (default: every level). */
  levels?: readonly GovernmentLevel[];
  /** Other units that list the government-wide system in their own catalogue rows. */
  listedBy?: { roles: readonly Role[] | 'any'; p: number };
  /** Units that build their own system for the same job (each unit decides independently). */
  unitCopies?: Partial<Record<Role, number>>;
  /** Any unit may build its own copy with this chance. */
  anyUnitCopy?: number;
}

export interface FunctionSpec {
  key: string;
  label: string;
  raa: 'RAA.01.01' | 'RAA.01.02' | 'RAA.02.01' | 'RAA.02.02';
  category: Category;
  /** False when several systems with this key are not duplicates (each unit's own website). */
  clusterable: boolean;
  /** Designated shared platform for regional governments and for central agencies (platform ids). */
  platforms?: { regional?: string; central?: string };
  local?: LocalSpec;
  /** Median annual cost of a government-wide local system, IDR. */
  cost: number;
  audience: Audience;
  platformKinds?: Partial<Record<PlatformKind, number>>;
  /** What flows out of it, for exchange labels. */
  data: string;
  /** Government-scoped dataset the function keeps (steward: the owning unit). */
  dataset?: string;
  descriptions: readonly string[];
}

const ADMIN = 'RAA.01.02' as const;
const PUBLIC = 'RAA.01.01' as const;
const MISSION = 'RAA.02.01' as const;
const SPECIFIC = 'RAA.02.02' as const;

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    key: 'correspondence', label: 'Persuratan dan naskah dinas elektronik', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'srikandi', central: 'srikandi' },
    local: {
      names: [{ short: 'TNDE', long: 'Tata Naskah Dinas Elektronik' }, { short: 'e-Office', long: 'Sistem Perkantoran Elektronik' }, { short: 'e-Surat', long: 'Sistem Informasi Persuratan Elektronik' }, { short: 'e-Disposisi', long: 'Sistem Disposisi Surat Elektronik' }, { short: 'SIPAS', long: 'Sistem Informasi Pengelolaan Arsip dan Surat' }],
      hosts: ['tnde', 'eoffice', 'esurat', 'surat'], owners: ['general', 'archive', 'it'], p: 0.35, pCentral: 0.45,
      listedBy: { roles: 'any', p: 0.08 }, unitCopies: { hospital: 0.15, health: 0.08, education: 0.08 },
    },
    cost: 250e6, audience: 'staff', data: 'Naskah Dinas', dataset: 'Arsip Dinamis',
    descriptions: ['Aplikasi tata naskah dinas elektronik untuk pengelolaan surat masuk, surat keluar dan disposisi.', 'Pengelolaan surat menyurat dan disposisi pimpinan secara elektronik di lingkungan {R}.', 'Aplikasi persuratan internal dan pengarsipan surat dinas.', 'Surat masuk/keluar, agenda surat dan disposisi berjenjang.'],
  },
  {
    key: 'personnel', label: 'Manajemen kepegawaian', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'siasn', central: 'siasn' },
    local: {
      names: [{ short: 'SIMPEG', long: 'Sistem Informasi Manajemen Kepegawaian' }, { short: 'SIMPEG', long: 'Sistem Informasi Manajemen Kepegawaian' }, { short: 'SIMASN', long: 'Sistem Informasi Manajemen Aparatur Sipil Negara' }, { short: 'SIKEP', long: 'Sistem Informasi Kepegawaian' }, { short: 'SIMPEG Super App' }],
      hosts: ['simpeg', 'kepegawaian', 'simasn'], owners: ['hr'], p: 0.65, pCentral: 0.5,
      listedBy: { roles: 'any', p: 0.08 }, unitCopies: { hospital: 0.18, education: 0.08, health: 0.05 },
    },
    cost: 400e6, audience: 'staff', data: 'Data Pegawai', dataset: 'Data Kepegawaian',
    descriptions: ['Sistem informasi manajemen kepegawaian: data induk pegawai, riwayat jabatan, pangkat dan pendidikan.', 'Aplikasi tentang berbagai proses pengelolaan data kepegawaian ASN {R}.', 'Pengelolaan data ASN, usulan kenaikan pangkat, pensiun dan mutasi.', 'Database pegawai dan layanan administrasi kepegawaian.'],
  },
  {
    key: 'payroll', label: 'Penggajian dan tambahan penghasilan pegawai', raa: ADMIN, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'SIMGAJI', long: 'Sistem Informasi Manajemen Gaji' }, { short: 'Gaji Online' }, { short: 'e-Gaji', long: 'Aplikasi Penggajian Pegawai' }, { short: 'e-TPP', long: 'Tambahan Penghasilan Pegawai Elektronik' }, { short: 'SIM Gaji', long: 'Sistem Informasi Gaji Pegawai' }],
      hosts: ['gaji', 'egaji', 'tpp'], owners: ['finance', 'hr'], p: 0.55, pCentral: 0.25,
      listedBy: { roles: ['hr'], p: 0.4 }, unitCopies: { hospital: 0.15 },
    },
    cost: 150e6, audience: 'operators', data: 'Daftar Gaji', dataset: 'Data Gaji Pegawai',
    descriptions: ['Perhitungan gaji pegawai, potongan dan daftar gaji bulanan.', 'Aplikasi perhitungan tambahan penghasilan pegawai (TPP) berdasarkan presensi dan kinerja.', 'Pengelolaan daftar gaji dan tunjangan ASN.', 'Aplikasi yang diinstal untuk pembuatan daftar gaji.'],
  },
  {
    key: 'performance', label: 'Kinerja pegawai (SKP)', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'ekinerja-bkn', central: 'ekinerja-bkn' },
    local: {
      names: [{ short: 'e-Kinerja', long: 'Sistem Informasi Kinerja Pegawai' }, { short: 'e-Kinerja', long: 'Elektronik Kinerja' }, { short: 'SKP Online', long: 'Sasaran Kinerja Pegawai Online' }, { short: 'e-Performance' }, { short: 'e-P3', long: 'Penilaian Prestasi dan Perilaku Pegawai' }],
      hosts: ['ekinerja', 'kinerja', 'skp'], owners: ['hr'], p: 0.45, pCentral: 0.3,
      listedBy: { roles: 'any', p: 0.08 }, unitCopies: { hospital: 0.1 },
    },
    cost: 250e6, audience: 'staff', data: 'Capaian Kinerja Pegawai', dataset: 'Data Kinerja Pegawai',
    descriptions: ['Penyusunan SKP, laporan aktivitas harian dan penilaian kinerja pegawai.', 'Aplikasi pencatatan kinerja harian ASN sebagai dasar perhitungan TPP.', 'Penilaian prestasi kerja pegawai dan rencana hasil kerja.', 'SKP, PK dan laporan kinerja bulanan pegawai.'],
  },
  {
    key: 'attendance', label: 'Presensi pegawai', raa: ADMIN, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'e-Presensi', long: 'Presensi Elektronik Pegawai' }, { short: 'e-Absensi' }, { short: 'Presensi Online' }, { short: 'SiAbsen', long: 'Sistem Informasi Absensi Pegawai' }, { short: 'Absensi Online' }],
      hosts: ['absen', 'presensi', 'eabsensi'], owners: ['hr', 'it'], p: 0.7, pCentral: 0.45,
      listedBy: { roles: 'any', p: 0.08 }, unitCopies: { hospital: 0.3, education: 0.2, subdistrict: 0.04 },
    },
    cost: 120e6, audience: 'staff', platformKinds: { 'web, mobile': 0.5, mobile: 0.4, web: 0.1 }, data: 'Rekap Presensi', dataset: 'Data Presensi Pegawai',
    descriptions: ['Presensi pegawai berbasis lokasi (GPS) dan swafoto.', 'Aplikasi absensi online pegawai {R}.', 'Rekap kehadiran pegawai untuk perhitungan TPP.', 'Presensi menggunakan mesin sidik jari terhubung server.'],
  },
  {
    key: 'accountability', label: 'Akuntabilitas kinerja instansi (SAKIP)', raa: ADMIN, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'e-SAKIP', long: 'Sistem Akuntabilitas Kinerja Instansi Pemerintah Elektronik' }, { short: 'e-SAKIP', long: 'Sistem Akuntabilitas Kinerja Instansi Pemerintah' }, { short: 'SAKIP Online' }, { short: 'Reviu SAKIP' }, { short: 'e-Evaluasi SAKIP' }],
      hosts: ['esakip', 'sakip', 'esaka'], owners: ['organisation', 'planning', 'audit'], p: 0.55, pCentral: 0.35,
      listedBy: { roles: ['planning', 'audit'], p: 0.3 }, unitCopies: { audit: 0.12, planning: 0.08 },
    },
    cost: 120e6, audience: 'operators', data: 'Laporan Kinerja Instansi (LKjIP)', dataset: 'Data Kinerja Instansi',
    descriptions: ['Penyusunan perjanjian kinerja, pengukuran kinerja dan LKjIP perangkat daerah.', 'Aplikasi akuntabilitas kinerja instansi pemerintah: renstra, IKU, PK dan LKjIP.', 'Reviu dan evaluasi SAKIP perangkat daerah.', 'Cascading kinerja dan pohon kinerja instansi.'],
  },
  {
    key: 'planning', label: 'Perencanaan pembangunan dan anggaran', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'sipd-planning', central: 'krisna' },
    local: {
      names: [{ short: 'e-Planning', long: 'Sistem Perencanaan Pembangunan Elektronik' }, { short: 'SIMRENDA', long: 'Sistem Informasi Manajemen Perencanaan Daerah' }, { short: 'e-Musrenbang' }, { short: 'SIPPD', long: 'Sistem Informasi Perencanaan Pembangunan Daerah' }, { short: 'e-Perencanaan' }],
      hosts: ['eplanning', 'perencanaan', 'musrenbang'], owners: ['planning'], p: 0.5, pCentral: 0.3,
      listedBy: { roles: 'any', p: 0.04 },
    },
    cost: 350e6, audience: 'operators', data: 'Dokumen Perencanaan (RKPD/Renja)', dataset: 'Data Perencanaan Pembangunan',
    descriptions: ['Penyusunan RPJMD, RKPD dan Renja perangkat daerah.', 'Aplikasi perencanaan pembangunan dan usulan musrenbang.', 'Perencanaan program dan kegiatan beserta pagu indikatif.', 'Usulan kegiatan dari kecamatan dan desa melalui musrenbang.'],
  },
  {
    key: 'finance', label: 'Penatausahaan keuangan', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'sipd-finance', central: 'sakti' },
    local: {
      names: [{ short: 'SIMDA Keuangan', long: 'Sistem Informasi Manajemen Daerah bidang Keuangan' }, { short: 'SIPKD', long: 'Sistem Informasi Pengelolaan Keuangan Daerah' }, { short: 'FMIS', long: 'Financial Management Information System' }, { short: 'e-Budgeting' }, { short: 'SIMAKDA', long: 'Sistem Informasi Manajemen Keuangan Daerah' }],
      hosts: ['keuangan', 'sipkd', 'simda', 'ebudgeting'], owners: ['finance'], p: 0.55, pCentral: 0.25,
      listedBy: { roles: 'any', p: 0.05 }, unitCopies: { hospital: 0.2 },
    },
    cost: 500e6, audience: 'operators', platformKinds: { web: 0.6, desktop: 0.4 }, data: 'Realisasi Anggaran', dataset: 'Data Keuangan Daerah',
    descriptions: ['Penatausahaan keuangan daerah: SPP, SPM, SP2D dan pertanggungjawaban.', 'Aplikasi pengelolaan keuangan daerah dan akuntansi.', 'Penganggaran, penatausahaan dan pelaporan keuangan.', 'Aplikasi keuangan berbasis desktop yang dipasang di BPKAD.'],
  },
  {
    key: 'assets', label: 'Pengelolaan barang milik daerah/negara', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { central: 'siman' },
    local: {
      names: [{ short: 'SIMDA BMD', long: 'Sistem Informasi Manajemen Daerah Barang Milik Daerah' }, { short: 'SIMBADA', long: 'Sistem Informasi Manajemen Barang Daerah' }, { short: 'e-Aset', long: 'Sistem Informasi Aset Daerah' }, { short: 'SIMATA', long: 'Sistem Informasi Manajemen Aset Terpadu' }, { short: 'SIMASET', long: 'Sistem Informasi Manajemen Aset' }],
      hosts: ['aset', 'simbada', 'simata'], owners: ['assets', 'finance'], p: 0.7, pCentral: 0.2,
      listedBy: { roles: 'any', p: 0.04 }, unitCopies: { hospital: 0.1, education: 0.06 },
    },
    cost: 200e6, audience: 'operators', platformKinds: { web: 0.6, desktop: 0.4 }, data: 'Data Aset', dataset: 'Data Barang Milik Daerah',
    descriptions: ['Inventarisasi dan penatausahaan barang milik daerah.', 'Pengelolaan aset tetap, mutasi dan penghapusan barang.', 'Kartu inventaris barang dan laporan aset per perangkat daerah.', 'Manajemen data aset pemerintah daerah yang terintegrasi dengan laporan keuangan.'],
  },
  {
    key: 'treasury-reporting', label: 'Monitoring perbendaharaan negara (OM-SPAN)', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'omspan', central: 'omspan' },
    cost: 0, audience: 'operators', data: 'Realisasi Dana Transfer', descriptions: [],
  },
  {
    key: 'local-tax', label: 'Pajak daerah', raa: MISSION, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'SIMPATDA', long: 'Sistem Informasi Manajemen Pendapatan Daerah' }, { short: 'SIMPAD', long: 'Sistem Informasi Manajemen Pajak Daerah' }, { short: 'e-Pajak Daerah' }, { short: 'e-SPTPD', long: 'Surat Pemberitahuan Pajak Daerah Elektronik' }, { short: 'Pajak Online' }],
      hosts: ['simpatda', 'pajak', 'epajak', 'sptpd'], owners: ['revenue', 'finance'], p: 0.8, levels: ['regency', 'city'],
      listedBy: { roles: ['finance'], p: 0.2 },
    },
    cost: 450e6, audience: 'public', data: 'Penerimaan Pajak Daerah', dataset: 'Data Wajib Pajak Daerah',
    descriptions: ['Pendataan, penetapan dan pembayaran pajak hotel, restoran, hiburan, reklame dan parkir.', 'Aplikasi pengelolaan pajak daerah self assessment.', 'Pelaporan SPTPD dan pembayaran pajak daerah secara online oleh wajib pajak.', 'Manajemen pendapatan asli daerah dari sektor pajak.'],
  },
  {
    key: 'bphtb', label: 'BPHTB (bea perolehan hak atas tanah dan bangunan)', raa: MISSION, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'e-BPHTB', long: 'BPHTB Elektronik' }, { short: 'BPHTB Online' }, { short: 'SIM BPHTB', long: 'Sistem Informasi Manajemen BPHTB' }],
      hosts: ['bphtb', 'ebphtb'], owners: ['revenue', 'finance'], p: 0.6, levels: ['regency', 'city'],
    },
    cost: 150e6, audience: 'public', data: 'Penerimaan BPHTB', dataset: 'Data Transaksi BPHTB',
    descriptions: ['Pelaporan dan validasi BPHTB oleh PPAT secara online.', 'Aplikasi pengelolaan bea perolehan hak atas tanah dan bangunan.', 'Verifikasi BPHTB terintegrasi dengan data PBB dan BPN.'],
  },
  {
    key: 'property-tax', label: 'PBB-P2 (pajak bumi dan bangunan perdesaan dan perkotaan)', raa: MISSION, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'SISMIOP', long: 'Sistem Manajemen Informasi Objek Pajak' }, { short: 'SIM PBB', long: 'Sistem Informasi Manajemen PBB-P2' }, { short: 'e-PBB' }, { short: 'PBB-P2 Online' }],
      hosts: ['pbb', 'sismiop', 'epbb'], owners: ['revenue', 'finance'], p: 0.6, levels: ['regency', 'city'],
      listedBy: { roles: ['subdistrict'], p: 0.15 },
    },
    cost: 300e6, audience: 'public', platformKinds: { web: 0.5, desktop: 0.5 }, data: 'Data Objek Pajak (NOP)', dataset: 'Data Objek Pajak PBB',
    descriptions: ['Pendataan objek dan subjek pajak, penetapan SPPT PBB-P2.', 'Aplikasi pengelolaan PBB perdesaan dan perkotaan.', 'Cetak SPPT dan informasi tagihan PBB.'],
  },
  {
    key: 'procurement', label: 'Pengadaan barang/jasa secara elektronik', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'spse', central: 'spse' },
    local: {
      names: [{ short: 'e-Procurement', long: 'Sistem Pengadaan Elektronik' }, { short: 'SIPBJ', long: 'Sistem Informasi Pengadaan Barang/Jasa' }, { short: 'SIMBAJA', long: 'Sistem Informasi Manajemen Barang dan Jasa' }, { short: 'e-Pengadaan' }],
      hosts: ['eproc', 'pbj', 'pengadaan'], owners: ['procurement', 'general', 'finance'], p: 0.15, pCentral: 0.15,
      unitCopies: { hospital: 0.06 },
    },
    cost: 200e6, audience: 'public', data: 'Data Paket Pengadaan', dataset: 'Data Pengadaan Barang/Jasa',
    descriptions: ['Pengadaan barang/jasa pemerintah secara elektronik: tender, seleksi dan pengadaan langsung.', 'Aplikasi pengelolaan paket pengadaan dan kontrak.', 'Layanan pengadaan secara elektronik bagi penyedia dan pokja pemilihan.'],
  },
  {
    key: 'procurement-planning', label: 'Rencana umum pengadaan', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'sirup', central: 'sirup' },
    local: {
      names: [{ short: 'e-RUP', long: 'Rencana Umum Pengadaan Elektronik' }],
      hosts: ['rup'], owners: ['procurement'], p: 0.04,
    },
    cost: 60e6, audience: 'operators', data: 'Rencana Umum Pengadaan', dataset: 'Data Rencana Pengadaan',
    descriptions: ['Pengumuman rencana umum pengadaan perangkat daerah.'],
  },
  {
    key: 'e-catalogue', label: 'Katalog elektronik pengadaan', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'ekatalog', central: 'ekatalog' },
    cost: 0, audience: 'operators', data: 'Pesanan e-Katalog', descriptions: [],
  },
  {
    key: 'vendor-performance', label: 'Kinerja penyedia barang/jasa', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'sikap', central: 'sikap' },
    cost: 0, audience: 'operators', data: 'Penilaian Kinerja Penyedia', descriptions: [],
  },
  {
    key: 'complaints', label: 'Pengaduan masyarakat', raa: PUBLIC, category: 'common', clusterable: true,
    platforms: { regional: 'lapor', central: 'lapor' },
    local: {
      names: [{ short: 'e-Pengaduan', long: 'Sistem Informasi Pengaduan Masyarakat' }, { short: 'Pengaduan Online' }, { short: 'e-Lapor' }, { short: 'Lapor {HEAD}' }, { short: 'Halo {NAME}' }, { short: 'SIAP Aduan', long: 'Sistem Informasi Aspirasi dan Pengaduan' }],
      hosts: ['pengaduan', 'lapor', 'aduan', 'halo'], owners: ['pr', 'it'], p: 0.45, pCentral: 0.35,
      listedBy: { roles: 'any', p: 0.04 }, unitCopies: { hospital: 0.1, environment: 0.12, publicworks: 0.06, education: 0.05 },
    },
    cost: 120e6, audience: 'public', platformKinds: { web: 0.5, 'web, mobile': 0.4, mobile: 0.1 }, data: 'Data Pengaduan', dataset: 'Data Pengaduan Masyarakat',
    descriptions: ['Layanan pengaduan masyarakat secara online dan tindak lanjutnya oleh perangkat daerah.', 'Aplikasi untuk memfasilitasi pengaduan masyarakat terkait pelayanan publik.', 'Penyampaian aspirasi dan keluhan warga melalui web dan WhatsApp.', 'Kanal aduan warga {R} yang diteruskan ke OPD terkait.'],
  },
  {
    key: 'whistleblowing', label: 'Whistleblowing system (pelaporan pelanggaran)', raa: ADMIN, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'WBS', long: 'Whistle Blowing System' }, { short: 'e-WBS' }, { short: 'Whistleblowing System' }],
      hosts: ['wbs'], owners: ['audit'], p: 0.3, pCentral: 0.6,
      unitCopies: { licensing: 0.1, hospital: 0.06 },
    },
    cost: 40e6, audience: 'public', data: 'Laporan Pelanggaran', descriptions: ['Pelaporan dugaan pelanggaran dan penyalahgunaan wewenang oleh pegawai.', 'Sarana pelaporan pelanggaran integritas secara rahasia.'],
  },
  {
    key: 'legal-documents', label: 'Dokumentasi dan informasi hukum (JDIH)', raa: PUBLIC, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'JDIH', long: 'Jaringan Dokumentasi dan Informasi Hukum' }, { short: 'JDIH', long: 'Jaringan Dokumentasi dan Informasi Hukum' }, { short: 'e-Perda', long: 'Sistem Informasi Produk Hukum Daerah' }, { short: 'SIPPH', long: 'Sistem Informasi Produk Hukum' }],
      hosts: ['jdih', 'hukum'], owners: ['legal', 'general', 'it'], p: 0.9, pCentral: 0.9,
      unitCopies: { legislature: 0.3 },
    },
    cost: 60e6, audience: 'public', data: 'Metadata Produk Hukum', dataset: 'Produk Hukum Daerah',
    descriptions: ['Publikasi peraturan daerah, peraturan kepala daerah dan keputusan.', 'Jaringan dokumentasi dan informasi hukum, anggota JDIHN.', 'Database produk hukum dan naskah akademik.'],
  },
  {
    key: 'legal-network', label: 'Jaringan dokumentasi hukum nasional (JDIHN)', raa: PUBLIC, category: 'common', clusterable: true,
    platforms: {}, cost: 0, audience: 'public', data: 'Metadata Produk Hukum', descriptions: [],
  },
  {
    key: 'public-information', label: 'Layanan informasi publik (PPID)', raa: PUBLIC, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'PPID', long: 'Pejabat Pengelola Informasi dan Dokumentasi' }, { short: 'e-PPID' }, { short: 'Portal PPID' }, { short: 'SIPPID', long: 'Sistem Informasi PPID' }],
      hosts: ['ppid', 'eppid'], owners: ['pr', 'it'], p: 0.8, pCentral: 0.8,
      anyUnitCopy: 0.06,
    },
    cost: 40e6, audience: 'public', data: 'Daftar Informasi Publik', dataset: 'Daftar Informasi Publik',
    descriptions: ['Layanan permohonan informasi publik dan daftar informasi publik.', 'Portal PPID untuk keterbukaan informasi publik.', 'Permohonan informasi dan keberatan secara online.'],
  },
  {
    key: 'website', label: 'Situs web instansi/unit', raa: PUBLIC, category: 'specific', clusterable: false,
    cost: 25e6, audience: 'public', data: 'Berita dan Informasi', descriptions: ['Website resmi {U}.', 'Website sekitar kegiatan di {U}.', 'Portal informasi dan berita {U}.', 'Profil, berita dan layanan {U}.'],
  },
  {
    key: 'open-data', label: 'Satu Data / portal data sektoral', raa: PUBLIC, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'Satu Data {NAME}' }, { short: 'Portal Satu Data {R}' }, { short: 'Open Data {NAME}' }, { short: 'SIDA', long: 'Sistem Informasi Daerah' }, { short: 'e-Database', long: 'Database Pembangunan Daerah' }],
      hosts: ['data', 'satudata', 'opendata'], owners: ['data', 'it', 'planning'], p: 0.7, pCentral: 0.45,
      unitCopies: { planning: 0.3, health: 0.04, education: 0.04 },
    },
    cost: 150e6, audience: 'public', data: 'Data Statistik Sektoral', dataset: 'Data Statistik Sektoral',
    descriptions: ['Media penyelenggaraan Satu Data: perencanaan, pengumpulan, pemeriksaan dan penyebarluasan data.', 'Aplikasi yang memuat data statistik sektoral {R}.', 'Portal data terbuka pemerintah daerah.', 'Sistem informasi data pembangunan daerah.'],
  },
  {
    key: 'monitoring-evaluation', label: 'Monitoring dan evaluasi pembangunan', raa: ADMIN, category: 'common', clusterable: true,
    local: {
      names: [{ short: 'e-Monev', long: 'Monitoring dan Evaluasi Elektronik' }, { short: 'SIMONEV', long: 'Sistem Informasi Monitoring dan Evaluasi' }, { short: 'Sistem Pengendalian dan Evaluasi {NAME}' }, { short: 'SIDALEV', long: 'Sistem Informasi Pengendalian dan Evaluasi' }],
      hosts: ['emonev', 'monev', 'simonev'], owners: ['planning', 'finance'], p: 0.45, pCentral: 0.35,
      unitCopies: { publicworks: 0.1, finance: 0.06 },
    },
    cost: 120e6, audience: 'operators', data: 'Capaian Program dan Kegiatan', dataset: 'Data Capaian Pembangunan',
    descriptions: ['Aplikasi yang memuat informasi target dan realisasi kinerja anggaran pembangunan daerah.', 'Monitoring realisasi fisik dan keuangan kegiatan perangkat daerah.', 'Pengendalian dan evaluasi pelaksanaan RKPD sesuai Permendagri 86/2017.'],
  },
  {
    key: 'job-analysis', label: 'Analisis jabatan dan beban kerja', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'simona' },
    local: {
      names: [{ short: 'e-Anjab', long: 'Analisis Jabatan Elektronik' }, { short: 'ANJAB-ABK Online' }, { short: 'SIANJAB', long: 'Sistem Informasi Analisis Jabatan' }],
      hosts: ['anjab', 'eanjab'], owners: ['organisation', 'hr'], p: 0.25,
    },
    cost: 60e6, audience: 'operators', data: 'Peta Jabatan', dataset: 'Data Jabatan',
    descriptions: ['Penyusunan analisis jabatan dan analisis beban kerja perangkat daerah.', 'Aplikasi anjab dan ABK untuk kebutuhan formasi pegawai.'],
  },
  {
    key: 'queue', label: 'Antrian layanan', raa: PUBLIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'Antrian Online {UNIT}' }, { short: 'e-Antrian' }, { short: 'Si Antri', long: 'Sistem Antrian Online' }, { short: 'Antrean Online' }, { short: 'Si Hello', long: 'Sistem Antrian Layanan' }],
      hosts: ['antrian', 'eantrian'], owners: ['population', 'licensing', 'hospital'], p: 0,
      unitCopies: { population: 0.6, licensing: 0.55, hospital: 0.7, health: 0.2, revenue: 0.25, transport: 0.2, labour: 0.15 },
    },
    cost: 60e6, audience: 'public', platformKinds: { web: 0.5, 'web, mobile': 0.3, mobile: 0.2 }, data: 'Data Antrian',
    descriptions: ['Pengambilan nomor antrian layanan secara online.', 'Aplikasi antrian online untuk layanan tatap muka {U}.', 'Reservasi jadwal dan nomor antrian pelayanan.'],
  },
  {
    key: 'sms-gateway', label: 'SMS gateway / notifikasi', raa: SPECIFIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'SMS Gateway {UNIT}' }, { short: 'SMS Center {UNIT}' }, { short: 'SMS Blast' }, { short: 'Notifikasi WhatsApp {UNIT}' }],
      hosts: ['sms', 'smsgateway'], owners: ['it'], p: 0,
      unitCopies: { it: 0.45, hospital: 0.35, population: 0.25, revenue: 0.15, licensing: 0.2, pr: 0.12 },
    },
    cost: 30e6, audience: 'unit', data: 'Pesan Notifikasi',
    descriptions: ['Pengiriman SMS notifikasi kepada masyarakat.', 'SMS gateway untuk pemberitahuan layanan.', 'Broadcast pesan dan notifikasi otomatis.'],
  },
  {
    key: 'gis', label: 'Sistem informasi geografis / WebGIS', raa: SPECIFIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'WebGIS {UNIT}' }, { short: 'Geoportal {NAME}' }, { short: 'SIG {UNIT}', long: 'Sistem Informasi Geografis' }, { short: 'SIMTARU', long: 'Sistem Informasi Tata Ruang' }, { short: 'Peta Digital {NAME}' }],
      hosts: ['gis', 'webgis', 'geoportal', 'peta'], owners: ['it'], p: 0,
      unitCopies: { publicworks: 0.5, planning: 0.35, it: 0.3, environment: 0.25, agriculture: 0.2, housing: 0.25, disaster: 0.3, tourism: 0.08 },
    },
    cost: 120e6, audience: 'public', data: 'Data Spasial', dataset: 'Data Geospasial',
    descriptions: ['Peta interaktif data spasial {U}.', 'Sistem informasi geografis untuk penyajian data berbasis peta.', 'Portal peta tematik dan rencana tata ruang.'],
  },
  {
    key: 'tourism', label: 'Informasi dan promosi pariwisata', raa: PUBLIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'Visit {NAME}' }, { short: 'Portal Wisata {NAME}' }, { short: 'e-Tourism' }, { short: 'Jelajah {NAME}' }, { short: 'Sistem Informasi Pariwisata' }],
      hosts: ['visit', 'wisata', 'pariwisata'], owners: ['tourism'], p: 0,
      unitCopies: { tourism: 0.75, subdistrict: 0.12, it: 0.15 },
    },
    cost: 80e6, audience: 'public', platformKinds: { web: 0.6, 'web, mobile': 0.3, mobile: 0.1 }, data: 'Data Destinasi Wisata', dataset: 'Data Pariwisata',
    descriptions: ['Informasi destinasi wisata, event dan akomodasi.', 'Promosi pariwisata {R}.', 'Portal informasi wisata, kuliner dan budaya.'],
  },
  {
    key: 'subdistrict-services', label: 'Pelayanan administrasi terpadu kecamatan (PATEN)', raa: PUBLIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'e-PATEN', long: 'Pelayanan Administrasi Terpadu Kecamatan' }, { short: 'Layanan Online {UNIT}' }, { short: 'PATEN Online' }, { short: 'e-Kecamatan' }],
      hosts: ['paten', 'layanan'], owners: ['subdistrict'], p: 0,
      unitCopies: { subdistrict: 0.4, ward: 0.25 },
    },
    cost: 50e6, audience: 'public', data: 'Permohonan Layanan', descriptions: ['Pelayanan administrasi terpadu kecamatan secara online.', 'Permohonan surat keterangan dan rekomendasi secara daring.', 'Layanan administrasi warga di tingkat kecamatan.'],
  },
  {
    key: 'ward-information', label: 'Sistem informasi kelurahan', raa: SPECIFIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'SIMAKEL', long: 'Sistem Informasi Manajemen Kelurahan' }, { short: 'e-Kelurahan' }, { short: 'SiKelurahan' }],
      hosts: ['kelurahan', 'simakel'], owners: ['it'], p: 0.5, levels: ['city'],
      listedBy: { roles: ['ward', 'subdistrict'], p: 0.85 },
    },
    cost: 100e6, audience: 'operators', data: 'Data Layanan Kelurahan', dataset: 'Data Kelurahan',
    descriptions: ['Administrasi surat pengantar dan data warga kelurahan.', 'Platform layanan kelurahan yang dipakai seluruh kelurahan.'],
  },
  {
    key: 'hospital-information', label: 'Sistem informasi manajemen rumah sakit (SIMRS)', raa: MISSION, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'SIMRS', long: 'Sistem Informasi Manajemen Rumah Sakit' }, { short: 'SIMRS Khanza' }, { short: 'SIMRS GOS' }, { short: 'SIM RS {UNIT}' }, { short: 'Hospital Information System' }],
      hosts: ['simrs', 'sim'], owners: ['hospital'], p: 0,
      unitCopies: { hospital: 0.95 },
    },
    cost: 1.2e9, audience: 'staff', platformKinds: { web: 0.7, desktop: 0.3 }, data: 'Data Pelayanan Pasien', dataset: 'Rekam Medis Rumah Sakit',
    descriptions: ['Pendaftaran pasien, rekam medis elektronik, billing, farmasi dan klaim BPJS.', 'Sistem informasi manajemen rumah sakit terintegrasi.', 'SIMRS untuk rawat jalan, rawat inap, IGD dan penunjang.'],
  },
  {
    key: 'primary-care', label: 'Sistem informasi puskesmas', raa: MISSION, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'SIMPUS', long: 'Sistem Informasi Manajemen Puskesmas' }, { short: 'ePuskesmas' }, { short: 'SIKDA Generik', long: 'Sistem Informasi Kesehatan Daerah Generik' }, { short: 'SIMPUS {NAME}' }],
      hosts: ['simpus', 'epuskesmas'], owners: ['health'], p: 0.85, levels: ['regency', 'city'],
      unitCopies: { health: 0.25 },
    },
    cost: 400e6, audience: 'staff', data: 'Data Kunjungan Puskesmas', dataset: 'Data Pelayanan Kesehatan Dasar',
    descriptions: ['Pencatatan pelayanan pasien di puskesmas dan jaringannya.', 'Rekam medis elektronik dan pelaporan puskesmas.', 'Sistem informasi puskesmas terintegrasi dengan P-Care BPJS.'],
  },
  {
    key: 'health-data-platform', label: 'Integrasi data kesehatan (SATUSEHAT)', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'satusehat' }, cost: 0, audience: 'operators', data: 'Data Kesehatan', descriptions: [],
  },
  {
    key: 'nutrition-reporting', label: 'Pencatatan gizi berbasis masyarakat', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'eppgbm' }, cost: 0, audience: 'operators', data: 'Data Status Gizi', descriptions: [],
  },
  {
    key: 'education-data', label: 'Data pokok pendidikan', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'dapodik' },
    local: {
      names: [{ short: 'SIMDIK', long: 'Sistem Informasi Manajemen Pendidikan' }, { short: 'e-Pendidikan' }, { short: 'Database Pendidikan {NAME}' }],
      hosts: ['simdik', 'datapendidikan'], owners: ['education'], p: 0.2,
    },
    cost: 150e6, audience: 'operators', data: 'Data Sekolah, Siswa dan Guru', dataset: 'Data Pendidikan',
    descriptions: ['Database sekolah, peserta didik dan pendidik.', 'Pendataan satuan pendidikan di {R}.'],
  },
  {
    key: 'school-admissions', label: 'Penerimaan murid baru (PPDB/SPMB)', raa: PUBLIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'PPDB {NAME}', long: 'Penerimaan Peserta Didik Baru' }, { short: 'SPMB {NAME}', long: 'Sistem Penerimaan Murid Baru' }, { short: 'PPDB Online' }],
      hosts: ['ppdb', 'spmb'], owners: ['education'], p: 0.85,
    },
    cost: 250e6, audience: 'public', data: 'Data Pendaftar', dataset: 'Data Penerimaan Murid Baru',
    descriptions: ['Pendaftaran dan seleksi penerimaan peserta didik baru jenjang SD dan SMP.', 'Penerimaan murid baru secara online jalur zonasi, afirmasi dan prestasi.'],
  },
  {
    key: 'school-finance', label: 'Rencana kegiatan dan anggaran sekolah', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'arkas' }, cost: 0, audience: 'operators', data: 'RKAS', descriptions: [],
  },
  {
    key: 'population', label: 'Administrasi kependudukan', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'siak' },
    local: {
      names: [{ short: 'SIMDUK', long: 'Sistem Informasi Manajemen Kependudukan' }, { short: 'Database Kependudukan {NAME}' }, { short: 'SIAK Lokal' }],
      hosts: ['simduk', 'kependudukan'], owners: ['population'], p: 0.12, levels: ['regency', 'city'],
    },
    cost: 200e6, audience: 'operators', platformKinds: { desktop: 0.6, web: 0.4 }, data: 'Data Penduduk (NIK)', dataset: 'Data Kependudukan',
    descriptions: ['Database kependudukan daerah hasil sinkronisasi data penduduk.', 'Pengelolaan data penduduk dan kartu keluarga.'],
  },
  {
    key: 'civil-registration-services', label: 'Layanan adminduk online', raa: PUBLIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'Layanan Adminduk Online' }, { short: 'SIPADU', long: 'Sistem Pelayanan Adminduk Terpadu' }, { short: 'Dukcapil Online {NAME}' }],
      hosts: ['adminduk', 'layanan-dukcapil'], owners: ['population'], p: 0.4, levels: ['regency', 'city'],
      listedBy: { roles: ['subdistrict', 'ward'], p: 0.25 },
    },
    cost: 150e6, audience: 'public', platformKinds: { web: 0.5, 'web, mobile': 0.5 }, data: 'Permohonan Dokumen Kependudukan',
    descriptions: ['Permohonan KK, akta kelahiran, akta kematian dan pindah datang secara online.', 'Layanan dokumen kependudukan dari rumah.'],
  },
  {
    key: 'business-licensing', label: 'Perizinan berusaha berbasis risiko', raa: PUBLIC, category: 'common', clusterable: true,
    platforms: { regional: 'oss' }, cost: 0, audience: 'public', data: 'Data Perizinan Berusaha', descriptions: [],
  },
  {
    key: 'permit-services', label: 'Pelayanan perizinan non-berusaha', raa: PUBLIC, category: 'common', clusterable: true,
    platforms: { regional: 'sicantik' },
    local: {
      names: [{ short: 'e-Perizinan', long: 'Sistem Pelayanan Perizinan Elektronik' }, { short: 'SIMPATIK', long: 'Sistem Informasi Pelayanan Perizinan Terpadu' }, { short: 'Perizinan Online {NAME}' }, { short: 'SIPP', long: 'Sistem Informasi Pelayanan Perizinan' }],
      hosts: ['perizinan', 'izin', 'simpatik'], owners: ['licensing'], p: 0.4,
    },
    cost: 200e6, audience: 'public', data: 'Data Izin', dataset: 'Data Perizinan',
    descriptions: ['Pengajuan dan penerbitan izin non-berusaha secara online.', 'Pelayanan perizinan terpadu satu pintu.', 'Tracking permohonan izin dan tanda tangan elektronik.'],
  },
  {
    key: 'building-permits', label: 'Persetujuan bangunan gedung (PBG)', raa: PUBLIC, category: 'specific', clusterable: true,
    platforms: { regional: 'simbg' },
    local: {
      names: [{ short: 'e-IMB', long: 'Izin Mendirikan Bangunan Elektronik' }, { short: 'SIPBG', long: 'Sistem Informasi Persetujuan Bangunan Gedung' }],
      hosts: ['imb', 'pbg'], owners: ['publicworks', 'licensing'], p: 0.1,
    },
    cost: 100e6, audience: 'public', data: 'Data Bangunan Gedung', descriptions: ['Permohonan izin/persetujuan bangunan gedung.'],
  },
  {
    key: 'social-welfare', label: 'Data kesejahteraan sosial', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'siksng' },
    local: {
      names: [{ short: 'e-Bansos', long: 'Sistem Informasi Bantuan Sosial' }, { short: 'SIDAKSOS', long: 'Sistem Informasi Data Kesejahteraan Sosial' }, { short: 'SIMPADU Sosial' }],
      hosts: ['bansos', 'sidaksos'], owners: ['social'], p: 0.25,
    },
    cost: 100e6, audience: 'operators', data: 'Data Penerima Bantuan Sosial', dataset: 'Data Kesejahteraan Sosial',
    descriptions: ['Pendataan penerima bantuan sosial daerah.', 'Verifikasi dan validasi data keluarga miskin.', 'Usulan penerima bansos dari desa dan kelurahan.'],
  },
  {
    key: 'village-finance', label: 'Keuangan desa', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'siskeudes' },
    local: { names: [{ short: 'e-Keuangan Desa' }], hosts: ['keudes'], owners: ['village'], p: 0.05, levels: ['regency'] },
    cost: 80e6, audience: 'operators', data: 'Laporan Realisasi APBDes', dataset: 'Data Keuangan Desa',
    descriptions: ['Monitoring APBDes dan realisasi dana desa.'],
  },
  {
    key: 'village-information', label: 'Sistem informasi desa', raa: SPECIFIC, category: 'specific', clusterable: true,
    local: {
      names: [{ short: 'OpenSID' }, { short: 'SID', long: 'Sistem Informasi Desa' }, { short: 'SIDesa {NAME}' }, { short: 'Simade', long: 'Sistem Manajemen Aparatur Desa' }],
      hosts: ['sid', 'desa', 'opensid'], owners: ['village'], p: 0.45, levels: ['regency'],
      listedBy: { roles: ['subdistrict'], p: 0.3 }, unitCopies: { subdistrict: 0.05 },
    },
    cost: 150e6, audience: 'operators', data: 'Data Desa', dataset: 'Data Desa',
    descriptions: ['Sistem informasi desa untuk administrasi dan layanan warga desa.', 'Profil desa, data penduduk desa dan layanan surat desa.'],
  },
  {
    key: 'village-profile', label: 'Profil desa dan kelurahan', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'prodeskel' }, cost: 0, audience: 'operators', data: 'Data Profil Desa', descriptions: [],
  },
  {
    key: 'village-index', label: 'Indeks Desa Membangun', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'idm' }, cost: 0, audience: 'operators', data: 'Data Indeks Desa', descriptions: [],
  },
  {
    key: 'commodity-prices', label: 'Pemantauan harga bahan pokok', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'sp2kp' },
    local: {
      names: [{ short: 'SIHARGA', long: 'Sistem Informasi Harga Bahan Pokok' }, { short: 'Info Harga Pasar {NAME}' }],
      hosts: ['harga', 'siharga'], owners: ['trade'], p: 0.2, levels: ['regency', 'city'],
    },
    cost: 80e6, audience: 'public', data: 'Harga Bahan Pokok', dataset: 'Data Harga Bahan Pokok',
    descriptions: ['Informasi harga bahan pokok di pasar tradisional.', 'Pemantauan ketersediaan dan harga kebutuhan pokok.'],
  },
  {
    key: 'market-retribution', label: 'Retribusi pasar', raa: MISSION, category: 'specific', clusterable: true,
    local: { names: [{ short: 'SIMPASAR', long: 'Sistem Informasi Manajemen Pasar' }, { short: 'e-Retribusi Pasar' }], hosts: ['pasar', 'simpasar'], owners: ['trade'], p: 0.3, levels: ['regency', 'city'] },
    cost: 60e6, audience: 'operators', data: 'Penerimaan Retribusi', descriptions: ['Pengelolaan retribusi dan data pedagang pasar.'],
  },
  {
    key: 'msme', label: 'Data koperasi dan UMKM', raa: MISSION, category: 'specific', clusterable: true,
    local: { names: [{ short: 'e-UMKM' }, { short: 'SIMIUM', long: 'Sistem Informasi Usaha Mikro' }, { short: 'Sistem Informasi Koperasi dan UMKM' }], hosts: ['umkm'], owners: ['trade'], p: 0.3 },
    cost: 70e6, audience: 'operators', data: 'Data Pelaku UMKM', dataset: 'Data UMKM',
    descriptions: ['Pendataan pelaku usaha mikro dan koperasi.', 'Pengelolaan data usaha mikro dan pembinaan koperasi.'],
  },
  {
    key: 'library-automation', label: 'Otomasi perpustakaan', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'inlislite' },
    local: { names: [{ short: 'SLiMS', long: 'Senayan Library Management System' }, { short: 'e-Library {NAME}' }], hosts: ['perpustakaan', 'opac', 'slims'], owners: ['library'], p: 0.3 },
    cost: 50e6, audience: 'public', data: 'Katalog Koleksi', descriptions: ['Katalogisasi koleksi, sirkulasi dan keanggotaan perpustakaan.', 'OPAC dan layanan sirkulasi perpustakaan daerah.'],
  },
  {
    key: 'archive-network', label: 'Jaringan informasi kearsipan nasional', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'sikn' }, cost: 0, audience: 'operators', data: 'Daftar Arsip Statis', descriptions: [],
  },
  {
    key: 'family-data', label: 'Pendataan keluarga dan KB', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'newsiga' }, cost: 0, audience: 'operators', data: 'Data Keluarga', descriptions: [],
  },
  {
    key: 'violence-reporting', label: 'Pencatatan kekerasan terhadap perempuan dan anak', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'simfoni' }, cost: 0, audience: 'operators', data: 'Data Kasus Kekerasan', descriptions: [],
  },
  {
    key: 'disaster-risk', label: 'Kajian risiko bencana', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'inarisk' }, cost: 0, audience: 'public', data: 'Data Risiko Bencana', descriptions: [],
  },
  {
    key: 'disaster-information', label: 'Informasi dan pelaporan kejadian bencana', raa: MISSION, category: 'specific', clusterable: true,
    local: { names: [{ short: 'e-Bencana' }, { short: 'SIBADAR', long: 'Sistem Informasi Bencana Daerah' }, { short: 'Sistem Informasi Kebencanaan {NAME}' }], hosts: ['bencana', 'sibadar'], owners: ['disaster'], p: 0.35 },
    cost: 90e6, audience: 'public', data: 'Laporan Kejadian Bencana', descriptions: ['Pelaporan kejadian bencana dan kaji cepat.', 'Informasi kebencanaan dan peringatan dini.'],
  },
  {
    key: 'vehicle-testing', label: 'Pengujian kendaraan bermotor', raa: MISSION, category: 'specific', clusterable: true,
    local: { names: [{ short: 'SIMPKB', long: 'Sistem Informasi Manajemen Pengujian Kendaraan Bermotor' }, { short: 'e-Uji KIR' }], hosts: ['pengujian', 'simpkb'], owners: ['transport'], p: 0.4, levels: ['regency', 'city'] },
    cost: 150e6, audience: 'public', data: 'Data Uji Kendaraan', descriptions: ['Pendaftaran dan hasil uji berkala kendaraan bermotor.'],
  },
  {
    key: 'parking', label: 'Parkir dan retribusi parkir', raa: MISSION, category: 'specific', clusterable: true,
    local: { names: [{ short: 'e-Parkir' }, { short: 'Parkir Online {NAME}' }], hosts: ['parkir'], owners: ['transport'], p: 0.25, levels: ['regency', 'city'] },
    cost: 100e6, audience: 'public', data: 'Penerimaan Retribusi Parkir', descriptions: ['Pembayaran retribusi parkir non-tunai.'],
  },
  {
    key: 'job-matching', label: 'Bursa kerja', raa: PUBLIC, category: 'specific', clusterable: true,
    platforms: { regional: 'karirhub' },
    local: { names: [{ short: 'Bursa Kerja Online {NAME}' }, { short: 'e-Job Fair' }, { short: 'SIPENAKER', long: 'Sistem Informasi Penempatan Tenaga Kerja' }], hosts: ['bkol', 'loker'], owners: ['labour'], p: 0.35 },
    cost: 80e6, audience: 'public', data: 'Data Pencari Kerja', dataset: 'Data Ketenagakerjaan',
    descriptions: ['Informasi lowongan kerja dan pendaftaran pencari kerja (AK/1).', 'Bursa kerja online dan pelayanan kartu kuning.'],
  },
  {
    key: 'farmer-data', label: 'Data petani dan penyuluhan', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'simluhtan' },
    local: { names: [{ short: 'SIPETANI', long: 'Sistem Informasi Petani' }, { short: 'Database Petani {NAME}' }], hosts: ['sipetani', 'petani'], owners: ['agriculture'], p: 0.2 },
    cost: 80e6, audience: 'operators', data: 'Data Kelompok Tani', dataset: 'Data Petani',
    descriptions: ['Pendataan kelompok tani, luas lahan dan komoditas.'],
  },
  {
    key: 'fertilizer-allocation', label: 'Alokasi pupuk bersubsidi', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'erdkk' }, cost: 0, audience: 'operators', data: 'RDKK', descriptions: [],
  },
  {
    key: 'environmental-approval', label: 'Persetujuan lingkungan', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'amdalnet' }, cost: 0, audience: 'public', data: 'Dokumen Lingkungan', descriptions: [],
  },
  {
    key: 'waste-data', label: 'Data pengelolaan sampah', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'sipsn' }, cost: 0, audience: 'operators', data: 'Data Timbulan Sampah', descriptions: [],
  },
  {
    key: 'asset-declaration', label: 'Laporan harta kekayaan penyelenggara negara', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'elhkpn', central: 'elhkpn' }, cost: 0, audience: 'staff', data: 'LHKPN', descriptions: [],
  },
  {
    key: 'e-signature', label: 'Tanda tangan elektronik', raa: ADMIN, category: 'common', clusterable: true,
    platforms: { regional: 'bsre', central: 'bsre' },
    local: { names: [{ short: 'e-Sign {NAME}' }, { short: 'TTE {NAME}', long: 'Tanda Tangan Elektronik' }], hosts: ['esign', 'tte'], owners: ['it'], p: 0.08 },
    cost: 150e6, audience: 'staff', data: 'Dokumen Bertanda Tangan Elektronik', descriptions: ['Layanan tanda tangan elektronik dokumen dinas.'],
  },
  {
    key: 'legislature', label: 'Administrasi DPRD', raa: SPECIFIC, category: 'specific', clusterable: true,
    local: { names: [{ short: 'e-DPRD' }, { short: 'SIMDPRD', long: 'Sistem Informasi Manajemen DPRD' }, { short: 'e-Reses' }], hosts: ['edprd', 'dprd'], owners: ['legislature'], p: 0.4 },
    cost: 80e6, audience: 'unit', data: 'Agenda dan Risalah Sidang', descriptions: ['Agenda persidangan, risalah dan pokok-pokok pikiran DPRD.', 'Pelaporan reses dan aspirasi anggota DPRD.'],
  },
  {
    key: 'training', label: 'Pengembangan kompetensi pegawai', raa: ADMIN, category: 'common', clusterable: true,
    local: { names: [{ short: 'SIMDIKLAT', long: 'Sistem Informasi Manajemen Pendidikan dan Pelatihan' }, { short: 'e-Learning ASN' }, { short: 'SIPKA', long: 'Sistem Informasi Pengembangan Kompetensi ASN' }], hosts: ['diklat', 'elearning'], owners: ['hr'], p: 0.2, pCentral: 0.4 },
    cost: 80e6, audience: 'staff', data: 'Riwayat Diklat', descriptions: ['Pendaftaran diklat dan pencatatan jam pelajaran pengembangan kompetensi.', 'Pembelajaran daring bagi ASN.'],
  },
  {
    key: 'audit-management', label: 'Manajemen pengawasan internal', raa: ADMIN, category: 'common', clusterable: true,
    local: { names: [{ short: 'SIMWAS', long: 'Sistem Informasi Manajemen Pengawasan' }, { short: 'e-Audit' }, { short: 'SIPTL', long: 'Sistem Informasi Pemantauan Tindak Lanjut' }], hosts: ['simwas', 'eaudit'], owners: ['audit'], p: 0.3, pCentral: 0.5 },
    cost: 100e6, audience: 'unit', data: 'Temuan dan Tindak Lanjut Audit', descriptions: ['Perencanaan pengawasan, kertas kerja audit dan pemantauan tindak lanjut.', 'Pemantauan tindak lanjut hasil pemeriksaan.'],
  },
  {
    key: 'official-travel', label: 'Perjalanan dinas', raa: ADMIN, category: 'common', clusterable: true,
    local: { names: [{ short: 'e-SPPD', long: 'Surat Perintah Perjalanan Dinas Elektronik' }, { short: 'Si-PeDe', long: 'Sistem Informasi Pertanggungjawaban Perjalanan Dinas' }, { short: 'SIPERDIN', long: 'Sistem Informasi Perjalanan Dinas' }], hosts: ['sppd', 'perdin'], owners: ['finance', 'general'], p: 0.2, pCentral: 0.3, anyUnitCopy: 0.03 },
    cost: 50e6, audience: 'staff', data: 'SPPD dan Pertanggungjawaban', descriptions: ['Pembuatan SPT/SPPD dan pertanggungjawaban perjalanan dinas.'],
  },
  {
    key: 'command-center', label: 'Command center dan dasbor kota cerdas', raa: SPECIFIC, category: 'specific', clusterable: true,
    local: { names: [{ short: 'Command Center {NAME}' }, { short: 'Dashboard Smart City' }, { short: 'Smart {NAME}' }], hosts: ['commandcenter', 'smartcity'], owners: ['it'], p: 0.2 },
    cost: 1.5e9, audience: 'unit', data: 'Indikator Kinerja Daerah', descriptions: ['Dasbor eksekutif yang menampilkan data layanan dan CCTV kota.', 'Pusat kendali kota cerdas.'],
  },
  {
    key: 'mosque-information', label: 'Sistem informasi masjid', raa: MISSION, category: 'specific', clusterable: true,
    platforms: { regional: 'simas-kemenag' }, cost: 0, audience: 'public', data: 'Data Masjid dan Musala', descriptions: [],
  },
  {
    key: 'regional-finance-reporting', label: 'Pelaporan keuangan daerah ke pusat (SIKD)', raa: ADMIN, category: 'common', clusterable: true,
    platforms: {}, cost: 0, audience: 'operators', data: 'Laporan Keuangan Daerah', descriptions: [],
  },
];

export const FUNCTION_BY_KEY: ReadonlyMap<string, FunctionSpec> = new Map(FUNCTIONS.map((f) => [f.key, f]));
