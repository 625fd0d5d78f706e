/**
 * Data flows between functions that regional and central catalogues report (interoperability columns,
 * "terintegrasi dengan …"): personnel data feeding payroll, attendance and performance feeding the TPP
 * allowance, the budget flowing from planning into finance, NIK verification against the population
 * registry, health records into SATUSEHAT. Each rule fires per source system with its probability.
 */
import type { Mechanism } from '../../../../src/types.js';

export interface FlowRule {
  from: string;
  to: string;
  data: string;
  p: number;
  mechanisms: Partial<Record<Mechanism, number>>;
}

const INTERNAL: Partial<Record<Mechanism, number>> = { api: 0.35, database: 0.25, file: 0.25, manual: 0.15 };
const REPORTING: Partial<Record<Mechanism, number>> = { file: 0.45, manual: 0.35, api: 0.2 };
const NATIONAL: Partial<Record<Mechanism, number>> = { api: 0.5, service_bus: 0.25, file: 0.15, manual: 0.1 };

export const FLOW_RULES: readonly FlowRule[] = [
  { from: 'personnel', to: 'payroll', data: 'Data Pegawai', p: 0.6, mechanisms: INTERNAL },
  { from: 'personnel', to: 'performance', data: 'Data Pegawai dan Jabatan', p: 0.6, mechanisms: INTERNAL },
  { from: 'personnel', to: 'attendance', data: 'Data Pegawai', p: 0.55, mechanisms: INTERNAL },
  { from: 'personnel', to: 'training', data: 'Data Pegawai', p: 0.4, mechanisms: INTERNAL },
  { from: 'personnel', to: 'job-analysis', data: 'Data Jabatan', p: 0.3, mechanisms: REPORTING },
  { from: 'attendance', to: 'payroll', data: 'Rekap Presensi untuk TPP', p: 0.5, mechanisms: INTERNAL },
  { from: 'attendance', to: 'performance', data: 'Rekap Presensi', p: 0.35, mechanisms: INTERNAL },
  { from: 'performance', to: 'payroll', data: 'Capaian Kinerja untuk TPP', p: 0.45, mechanisms: INTERNAL },
  { from: 'accountability', to: 'performance', data: 'Indikator Kinerja Instansi', p: 0.2, mechanisms: REPORTING },
  { from: 'planning', to: 'finance', data: 'Dokumen RKA/DPA', p: 0.6, mechanisms: INTERNAL },
  { from: 'planning', to: 'accountability', data: 'Indikator Kinerja dan Target', p: 0.45, mechanisms: REPORTING },
  { from: 'planning', to: 'monitoring-evaluation', data: 'Program dan Kegiatan', p: 0.5, mechanisms: INTERNAL },
  { from: 'planning', to: 'procurement-planning', data: 'Pagu Kegiatan', p: 0.35, mechanisms: REPORTING },
  { from: 'finance', to: 'monitoring-evaluation', data: 'Realisasi Anggaran', p: 0.5, mechanisms: INTERNAL },
  { from: 'finance', to: 'accountability', data: 'Realisasi Anggaran', p: 0.35, mechanisms: REPORTING },
  { from: 'finance', to: 'assets', data: 'Belanja Modal', p: 0.5, mechanisms: INTERNAL },
  { from: 'finance', to: 'regional-finance-reporting', data: 'Laporan APBD dan Realisasi', p: 0.4, mechanisms: NATIONAL },
  { from: 'finance', to: 'treasury-reporting', data: 'Realisasi Dana Transfer', p: 0.2, mechanisms: REPORTING },
  { from: 'payroll', to: 'finance', data: 'Daftar Gaji', p: 0.55, mechanisms: INTERNAL },
  { from: 'official-travel', to: 'finance', data: 'Pertanggungjawaban Perjalanan Dinas', p: 0.4, mechanisms: REPORTING },
  { from: 'local-tax', to: 'finance', data: 'Penerimaan Pajak Daerah', p: 0.5, mechanisms: INTERNAL },
  { from: 'bphtb', to: 'finance', data: 'Penerimaan BPHTB', p: 0.4, mechanisms: INTERNAL },
  { from: 'property-tax', to: 'bphtb', data: 'Data Objek Pajak (NOP)', p: 0.5, mechanisms: INTERNAL },
  { from: 'property-tax', to: 'finance', data: 'Penerimaan PBB-P2', p: 0.3, mechanisms: INTERNAL },
  { from: 'market-retribution', to: 'finance', data: 'Penerimaan Retribusi Pasar', p: 0.3, mechanisms: REPORTING },
  { from: 'parking', to: 'finance', data: 'Penerimaan Retribusi Parkir', p: 0.3, mechanisms: REPORTING },
  { from: 'village-finance', to: 'finance', data: 'Laporan Realisasi APBDes', p: 0.3, mechanisms: REPORTING },
  { from: 'population', to: 'bphtb', data: 'Verifikasi NIK', p: 0.3, mechanisms: NATIONAL },
  { from: 'population', to: 'social-welfare', data: 'Data Penduduk (NIK)', p: 0.45, mechanisms: NATIONAL },
  { from: 'population', to: 'civil-registration-services', data: 'Data Kependudukan', p: 0.5, mechanisms: INTERNAL },
  { from: 'population', to: 'school-admissions', data: 'Verifikasi NIK dan KK', p: 0.3, mechanisms: NATIONAL },
  { from: 'population', to: 'permit-services', data: 'Verifikasi NIK', p: 0.25, mechanisms: NATIONAL },
  { from: 'population', to: 'hospital-information', data: 'Verifikasi NIK Pasien', p: 0.3, mechanisms: NATIONAL },
  { from: 'population', to: 'ward-information', data: 'Data Penduduk', p: 0.3, mechanisms: INTERNAL },
  { from: 'procurement-planning', to: 'procurement', data: 'Rencana Umum Pengadaan', p: 0.5, mechanisms: NATIONAL },
  { from: 'procurement', to: 'finance', data: 'Kontrak Pengadaan', p: 0.35, mechanisms: REPORTING },
  { from: 'procurement', to: 'vendor-performance', data: 'Data Penyedia dan Kontrak', p: 0.3, mechanisms: NATIONAL },
  { from: 'complaints', to: 'public-information', data: 'Rekap Pengaduan', p: 0.25, mechanisms: REPORTING },
  { from: 'complaints', to: 'sms-gateway', data: 'Notifikasi Tindak Lanjut', p: 0.25, mechanisms: INTERNAL },
  { from: 'queue', to: 'sms-gateway', data: 'Notifikasi Antrian', p: 0.4, mechanisms: INTERNAL },
  { from: 'permit-services', to: 'sms-gateway', data: 'Notifikasi Status Izin', p: 0.25, mechanisms: INTERNAL },
  { from: 'business-licensing', to: 'permit-services', data: 'Data Perizinan Berusaha', p: 0.35, mechanisms: NATIONAL },
  { from: 'permit-services', to: 'e-signature', data: 'Dokumen Izin', p: 0.3, mechanisms: NATIONAL },
  { from: 'correspondence', to: 'e-signature', data: 'Naskah Dinas untuk TTE', p: 0.4, mechanisms: NATIONAL },
  { from: 'primary-care', to: 'health-data-platform', data: 'Data Kunjungan dan Rekam Medis', p: 0.5, mechanisms: NATIONAL },
  { from: 'hospital-information', to: 'health-data-platform', data: 'Rekam Medis Elektronik', p: 0.6, mechanisms: NATIONAL },
  { from: 'education-data', to: 'school-admissions', data: 'Data Sekolah dan Peserta Didik', p: 0.4, mechanisms: REPORTING },
  { from: 'village-information', to: 'village-profile', data: 'Data Profil Desa', p: 0.3, mechanisms: REPORTING },
  { from: 'legal-documents', to: 'legal-network', data: 'Metadata Produk Hukum', p: 0.5, mechanisms: NATIONAL },
  { from: 'commodity-prices', to: 'open-data', data: 'Harga Bahan Pokok', p: 0.3, mechanisms: REPORTING },
  { from: 'population', to: 'open-data', data: 'Agregat Kependudukan', p: 0.25, mechanisms: REPORTING },
  { from: 'social-welfare', to: 'open-data', data: 'Data Kesejahteraan Sosial', p: 0.2, mechanisms: REPORTING },
  { from: 'education-data', to: 'open-data', data: 'Data Pendidikan', p: 0.2, mechanisms: REPORTING },
  { from: 'primary-care', to: 'open-data', data: 'Data Kesehatan', p: 0.2, mechanisms: REPORTING },
  { from: 'finance', to: 'open-data', data: 'Data APBD', p: 0.2, mechanisms: REPORTING },
  { from: 'tourism', to: 'open-data', data: 'Data Kunjungan Wisata', p: 0.2, mechanisms: REPORTING },
  { from: 'msme', to: 'open-data', data: 'Data UMKM', p: 0.2, mechanisms: REPORTING },
  { from: 'open-data', to: 'command-center', data: 'Data Statistik Sektoral', p: 0.5, mechanisms: INTERNAL },
  { from: 'complaints', to: 'command-center', data: 'Rekap Pengaduan', p: 0.4, mechanisms: INTERNAL },
];

/** Regency/city → province flows (the province consolidates its regencies' plans and reports). */
export const UPWARD_RULES: readonly FlowRule[] = [
  { from: 'planning', to: 'planning', data: 'RKPD Kabupaten/Kota', p: 0.5, mechanisms: REPORTING },
  { from: 'monitoring-evaluation', to: 'monitoring-evaluation', data: 'Laporan Evaluasi RKPD', p: 0.45, mechanisms: REPORTING },
  { from: 'accountability', to: 'accountability', data: 'LKjIP Kabupaten/Kota', p: 0.3, mechanisms: REPORTING },
  { from: 'commodity-prices', to: 'commodity-prices', data: 'Harga Bahan Pokok', p: 0.5, mechanisms: REPORTING },
  { from: 'open-data', to: 'open-data', data: 'Data Statistik Sektoral', p: 0.45, mechanisms: REPORTING },
  { from: 'primary-care', to: 'open-data', data: 'Laporan Kesehatan Kabupaten/Kota', p: 0.2, mechanisms: REPORTING },
  { from: 'disaster-information', to: 'disaster-information', data: 'Laporan Kejadian Bencana', p: 0.4, mechanisms: REPORTING },
];

/** Local copies of a shared platform's job exchange with it (sync, reconciliation, double entry). */
export const SYNC_MECHANISMS: Partial<Record<Mechanism, number>> = { api: 0.3, service_bus: 0.15, file: 0.3, manual: 0.25 };
/** Unrelated applications in a catalogue still pass data around, mostly by hand. */
export const GENERIC_MECHANISMS: Partial<Record<Mechanism, number>> = { file: 0.3, manual: 0.25, database: 0.15, api: 0.25, service_bus: 0.05 };
