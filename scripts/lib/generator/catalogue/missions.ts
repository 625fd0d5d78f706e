/**
 * Applications a regional work unit builds for its own mission — the long tail of a real catalogue
 * (Madiun's Kesbangpol lists e-Parpol, e-Ormas and an early-warning system). Each has its own function
 * key (`mission.<slug>`), so two of them are never duplicates of each other unless they are the same
 * template used twice in one government.
 */
import type { LocalName } from './functions.js';

export interface RegionalMission extends LocalName {
  key: string;
  description: string;
  host: string;
  /** Chance a unit of this kind has it. */
  p: number;
  audience: 'public' | 'unit' | 'operators';
  cost: number;
}

const m = (key: string, short: string, long: string | undefined, description: string, host: string, p: number, audience: RegionalMission['audience'] = 'operators', cost = 90e6): RegionalMission =>
  long === undefined ? { key, short, description, host, p, audience, cost } : { key, short, long, description, host, p, audience, cost };

/** By unit kind key (units.ts). */
export const REGIONAL_MISSIONS: Readonly<Record<string, readonly RegionalMission[]>> = {
  kesbangpol: [
    m('party-registry', 'e-Parpol', 'Database Partai Politik', 'Sistem aplikasi database partai politik dan bantuan keuangan parpol.', 'parpol', 0.5),
    m('ngo-registry', 'e-Ormas', 'Database Organisasi Kemasyarakatan', 'Basis data informasi organisasi dan lembaga masyarakat.', 'ormas', 0.5),
    m('research-permit', 'SIRIP', 'Sistem Rekomendasi Izin Penelitian', 'Pengurusan surat rekomendasi izin survei, penelitian dan magang.', 'sirip', 0.35, 'public'),
    m('conflict-warning', 'Early Warning System Konflik Sosial', undefined, 'Deteksi dini potensi konflik sosial di masyarakat.', 'ews', 0.2),
  ],
  dlh: [
    m('waste-bank', 'Bank Sampah Digital', undefined, 'Pencatatan tabungan dan setoran bank sampah.', 'banksampah', 0.3, 'public'),
    m('env-reporting', 'SIPPLH', 'Sistem Informasi Pelaporan Pengelolaan Lingkungan Hidup', 'Pelaporan dokumen lingkungan oleh pemrakarsa kegiatan setiap semester.', 'sipplh', 0.3),
    m('air-quality', 'Sistem Informasi Kualitas Udara', undefined, 'Pemantauan kualitas udara ambien.', 'udara', 0.15, 'public'),
  ],
  dishub: [
    m('traffic-control', 'ATCS', 'Area Traffic Control System', 'Pengendalian lalu lintas dan pemantauan CCTV persimpangan.', 'atcs', 0.35, 'unit', 800e6),
    m('public-transport', 'Sistem Informasi Angkutan Umum', undefined, 'Data trayek dan armada angkutan umum.', 'angkutan', 0.2),
  ],
  disperindag: [
    m('metrology', 'Sistem Informasi Metrologi Legal', undefined, 'Pendaftaran tera dan tera ulang alat ukur.', 'metrologi', 0.3, 'public'),
    m('industry-data', 'SIIDA', 'Sistem Informasi Industri Daerah', 'Pendataan industri kecil dan menengah.', 'siida', 0.2),
  ],
  perkim: [
    m('rtlh', 'SI-RTLH', 'Sistem Informasi Rumah Tidak Layak Huni', 'Pendataan dan usulan bantuan rumah tidak layak huni.', 'rtlh', 0.45),
    m('housing-control', 'SIPEDALRUM', 'Sistem Informasi Pengendalian Pembangunan Perumahan', 'Pengajuan dan verifikasi rencana tapak serta penyerahan PSU perumahan.', 'sipedalrum', 0.25, 'public'),
  ],
  dpupr: [
    m('road-data', 'SIJALI', 'Sistem Informasi Jalan dan Jembatan', 'Database kondisi jalan dan jembatan kabupaten/kota.', 'sijali', 0.4),
    m('irrigation', 'e-Irigasi', 'Sistem Informasi Irigasi', 'Pendataan jaringan dan daerah irigasi.', 'irigasi', 0.2),
  ],
  disnaker: [m('vocational-training', 'Sistem Informasi Pelatihan Kerja', undefined, 'Pendaftaran pelatihan di balai latihan kerja.', 'blk', 0.35, 'public')],
  dispar: [
    m('tourism-ticket', 'e-Tiket Wisata', undefined, 'Penjualan tiket masuk destinasi wisata milik daerah.', 'tiket', 0.3, 'public', 150e6),
    m('heritage', 'Sistem Informasi Cagar Budaya', undefined, 'Inventarisasi objek cagar budaya.', 'cagarbudaya', 0.2),
  ],
  dispertan: [m('grain-price', 'Sistem Informasi Harga Gabah', undefined, 'Informasi harga gabah di tingkat petani.', 'gabah', 0.2, 'public')],
  dpmd: [
    m('village-apparatus', 'SIMADES', 'Sistem Informasi Manajemen Aparatur Desa', 'Data perangkat desa dan BPD.', 'simades', 0.35),
    m('village-monitoring', 'Simonik Desa', 'Sistem Monitoring Kinerja Desa', 'Monitoring kinerja pemerintahan desa.', 'simonikdesa', 0.3),
  ],
  dp3a: [
    m('gender-child-data', 'SIGA', 'Sistem Informasi Gender dan Anak', 'Data terpilah gender dan anak.', 'siga', 0.3),
    m('child-friendly', 'Sistem Informasi Kabupaten/Kota Layak Anak', undefined, 'Evaluasi indikator kabupaten/kota layak anak.', 'kla', 0.2),
  ],
  dispusip: [m('digital-library', 'Perpustakaan Digital {NAME}', undefined, 'Peminjaman buku elektronik bagi masyarakat.', 'digilib', 0.35, 'public')],
  satpolpp: [
    m('bylaw-enforcement', 'SIPERDA', 'Sistem Informasi Penegakan Peraturan Daerah', 'Pencatatan penertiban dan penegakan perda.', 'siperda', 0.4),
    m('public-order', 'e-Trantibum', 'Ketenteraman dan Ketertiban Umum Elektronik', 'Laporan patroli dan gangguan ketertiban umum.', 'trantib', 0.25),
  ],
  bpbd: [m('flood-warning', 'Early Warning System Banjir', undefined, 'Sensor tinggi muka air dan peringatan dini banjir.', 'ewsbanjir', 0.25, 'public', 300e6)],
  dinsos: [m('social-rehab', 'Sistem Informasi Rehabilitasi Sosial', undefined, 'Layanan rehabilitasi sosial PMKS.', 'rehsos', 0.25)],
  dukcapil: [m('birth-certificate', 'Akta Online', undefined, 'Permohonan akta kelahiran melalui fasilitas kesehatan.', 'akta', 0.2, 'public')],
  dpmptsp: [
    m('investment-info', 'SIINVEST', 'Sistem Informasi Potensi Investasi', 'Peta potensi dan peluang investasi daerah.', 'investasi', 0.35, 'public'),
    m('service-survey', 'e-SKM', 'Survei Kepuasan Masyarakat Elektronik', 'Survei kepuasan masyarakat atas layanan perizinan.', 'skm', 0.3, 'public'),
  ],
  dinkes: [
    m('emergency-119', 'PSC 119', 'Public Safety Center 119', 'Layanan kegawatdaruratan dan ambulans.', 'psc119', 0.4, 'public', 250e6),
    m('health-resources', 'SI-SDMK', 'Sistem Informasi Sumber Daya Manusia Kesehatan', 'Data tenaga kesehatan di fasilitas kesehatan.', 'sdmk', 0.25),
    m('stunting-dashboard', 'Dashboard Stunting {NAME}', undefined, 'Dasbor intervensi penurunan stunting.', 'stunting', 0.25),
  ],
  rsud: [
    m('hospital-remuneration', 'Sistem Remunerasi {UNIT}', undefined, 'Perhitungan jasa pelayanan dan remunerasi pegawai BLUD.', 'remun', 0.2, 'unit'),
    m('hospital-bed', 'Informasi Ketersediaan Tempat Tidur {UNIT}', undefined, 'Informasi ketersediaan kamar rawat inap.', 'bed', 0.25, 'public'),
  ],
  disdik: [
    m('scholarship', 'Sistem Informasi Beasiswa {NAME}', undefined, 'Pendaftaran dan seleksi beasiswa daerah.', 'beasiswa', 0.3, 'public'),
    m('teacher-allowance', 'SITUNDA', 'Sistem Informasi Tunjangan Daerah Guru', 'Pengajuan tunjangan daerah bagi guru.', 'situnda', 0.2),
  ],
  bappeda: [m('research-innovation', 'e-Inovasi', 'Sistem Informasi Inovasi Daerah', 'Pendataan inovasi daerah untuk Indeks Inovasi Daerah.', 'inovasi', 0.35)],
  bpkad: [m('grants', 'e-Hibah', 'Sistem Informasi Hibah dan Bantuan Sosial', 'Usulan, verifikasi dan pencairan hibah.', 'hibah', 0.3, 'public')],
  bapenda: [m('vehicle-tax', 'Samsat Online {NAME}', undefined, 'Informasi dan pembayaran pajak kendaraan bermotor.', 'samsat', 0.9, 'public', 500e6)],
  diskominfo: [
    m('gov-portal', 'Portal Resmi {R}', undefined, 'Website resmi pemerintah daerah.', 'www', 0.85, 'public', 80e6),
    m('cctv', 'CCTV Online {NAME}', undefined, 'Pantauan CCTV titik strategis.', 'cctv', 0.3, 'public'),
    m('it-helpdesk', 'Helpdesk TIK', undefined, 'Layanan tiket gangguan jaringan dan aplikasi.', 'helpdesk', 0.25, 'unit'),
    m('super-app', '{NAME} Super App', undefined, 'Aplikasi seluler terpadu layanan publik daerah.', 'superapp', 0.2, 'public', 600e6),
  ],
  'setda-umum': [m('official-vehicles', 'Sistem Informasi Kendaraan Dinas', undefined, 'Pengelolaan kendaraan dinas dan BBM.', 'kendinas', 0.25, 'unit')],
  'setda-prokopim': [m('leader-agenda', 'Agenda Pimpinan Online', undefined, 'Agenda kegiatan kepala daerah.', 'agenda', 0.4, 'unit')],
  'setda-kesra': [m('religious-grants', 'Sistem Informasi Bantuan Tempat Ibadah', undefined, 'Usulan bantuan sarana tempat ibadah.', 'bantuanibadah', 0.3, 'public')],
  'setda-organisasi': [m('public-service-standards', 'SIPELAYAN', 'Sistem Informasi Standar Pelayanan', 'Standar pelayanan dan maklumat pelayanan perangkat daerah.', 'standarpelayanan', 0.25)],
  setwan: [m('sessions', 'Risalah Sidang Online', undefined, 'Publikasi risalah sidang paripurna.', 'risalah', 0.3, 'public')],
  kecamatan: [],
  kelurahan: [],
};

/** Province bapenda's vehicle tax belongs to provinces only; these kinds are filtered by level in build. */
export const PROVINCE_ONLY_MISSIONS: ReadonlySet<string> = new Set(['vehicle-tax']);
export const NOT_PROVINCE_MISSIONS: ReadonlySet<string> = new Set(['village-apparatus', 'village-monitoring', 'birth-certificate']);
