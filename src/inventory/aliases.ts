/**
 * Every name the inventory loaders accept, in one place: table (file, sheet, JSON key) names, column
 * headers per table, and the words that map onto each enumerated value. The tables follow the columns and
 * words real SPBE application catalogues use (regional "katalog aplikasi" exports, Satu Data metadata),
 * and docs/input.md documents them one to one. Headers and values are compared after normalisation
 * (`normaliseHeader`, `normaliseValueKey` in values.ts), so every entry here is written in that form:
 * headers in snake_case, values in lower case with single spaces.
 */
import type { AgencyLevel, ApplicationStatus, Category, Mechanism, Origin } from '../types.js';

export type TableName = 'agencies' | 'applications' | 'exchanges' | 'datasets';

/** Names a table may have: the CSV file name (without `.csv`), the XLSX sheet name, the JSON key. */
export const TABLE_ALIASES: Record<TableName, readonly string[]> = {
  agencies: ['agencies', 'agency', 'instansi', 'daftar_instansi'],
  applications: ['applications', 'application', 'aplikasi', 'daftar_aplikasi', 'katalog_aplikasi'],
  exchanges: ['exchanges', 'exchange', 'pertukaran', 'pertukaran_data', 'integrasi', 'interoperabilitas'],
  datasets: ['datasets', 'dataset', 'data_set', 'daftar_data'],
};

/** A column of a table: the field it fills, whether a row without it is skipped, and its header aliases. */
export interface ColumnSpec<F extends string = string> {
  field: F;
  /** The contract's column name, used in messages. */
  column: string;
  required: boolean;
  /**
   * Normalised headers accepted for this column. When a file has two of them, the one listed FIRST wins
   * (so a code column such as `kode_raa` beats a free-text `fungsi`); the other is kept as a property.
   */
  aliases: readonly string[];
}

export type AgencyField = 'id' | 'name' | 'level' | 'region' | 'parentId';
export type ApplicationField =
  | 'id'
  | 'agencyId'
  | 'name'
  | 'description'
  | 'function'
  | 'category'
  | 'origin'
  | 'status'
  | 'statusReason'
  | 'annualCost'
  | 'users'
  | 'url'
  | 'platform'
  | 'year'
  | 'datasets';
export type ExchangeField = 'id' | 'sourceId' | 'targetId' | 'data' | 'mechanism';
export type DatasetField = 'id' | 'name' | 'stewardAgencyId';

export const AGENCY_COLUMNS: readonly ColumnSpec<AgencyField>[] = [
  { field: 'id', column: 'id', required: true, aliases: ['id', 'agency_id', 'id_instansi', 'kode_instansi', 'kode'] },
  { field: 'name', column: 'name', required: true, aliases: ['name', 'agency_name', 'nama_instansi', 'nama', 'instansi', 'nama_opd', 'opd', 'perangkat_daerah'] },
  { field: 'level', column: 'level', required: true, aliases: ['level', 'tingkat', 'tingkatan', 'jenis_instansi', 'tipe_instansi', 'type'] },
  { field: 'region', column: 'region', required: false, aliases: ['region', 'wilayah', 'daerah', 'provinsi', 'kabupaten_kota', 'lokasi'] },
  { field: 'parentId', column: 'parent_id', required: false, aliases: ['parent_id', 'parent', 'induk', 'id_induk', 'instansi_induk', 'pemerintah_daerah', 'pemda'] },
];

export const APPLICATION_COLUMNS: readonly ColumnSpec<ApplicationField>[] = [
  { field: 'id', column: 'id', required: true, aliases: ['id', 'application_id', 'id_aplikasi', 'kode_aplikasi', 'app_id'] },
  {
    field: 'agencyId',
    column: 'agency_id',
    required: true,
    aliases: [
      'agency_id', 'agency', 'id_instansi', 'instansi', 'kode_instansi', 'opd', 'id_opd', 'perangkat_daerah', 'unit_kerja',
      'instansi_pemilik', 'opd_pemilik', 'pemilik', 'owner', 'nama_instansi', 'nama_opd', 'nama_perangkat_daerah',
    ],
  },
  { field: 'name', column: 'name', required: true, aliases: ['name', 'application_name', 'nama_aplikasi', 'nama', 'aplikasi'] },
  {
    field: 'description',
    column: 'description',
    required: false,
    aliases: ['description', 'deskripsi', 'keterangan', 'fungsi_aplikasi', 'uraian', 'deskripsi_aplikasi', 'manfaat'],
  },
  {
    field: 'function',
    column: 'function',
    required: false,
    aliases: ['function', 'function_code', 'kode_fungsi', 'kode_raa', 'kode_rab', 'raa', 'rab', 'fungsi'],
  },
  { field: 'category', column: 'category', required: false, aliases: ['category', 'kategori', 'kategori_aplikasi', 'jenis', 'jenis_aplikasi'] },
  { field: 'origin', column: 'origin', required: false, aliases: ['origin', 'asal', 'asal_aplikasi', 'sumber', 'sumber_aplikasi'] },
  { field: 'status', column: 'status', required: false, aliases: ['status', 'status_aplikasi', 'status_aktif', 'kondisi'] },
  {
    field: 'statusReason',
    column: 'status_reason',
    required: false,
    aliases: ['status_reason', 'penyebab_tidak_aktif', 'alasan_tidak_aktif', 'keterangan_status', 'alasan'],
  },
  {
    field: 'annualCost',
    column: 'annual_cost',
    required: false,
    aliases: ['annual_cost', 'cost', 'biaya_tahunan', 'biaya', 'anggaran', 'biaya_rp', 'anggaran_rp', 'biaya_tahunan_rp', 'biaya_pemeliharaan', 'pagu'],
  },
  { field: 'users', column: 'users', required: false, aliases: ['users', 'user_count', 'jumlah_pengguna', 'pengguna', 'jml_pengguna'] },
  { field: 'url', column: 'url', required: false, aliases: ['url', 'alamat', 'alamat_url', 'url_aplikasi', 'alamat_aplikasi', 'link', 'tautan', 'domain', 'website', 'situs'] },
  { field: 'platform', column: 'platform', required: false, aliases: ['platform', 'jenis_platform', 'basis'] },
  { field: 'year', column: 'year', required: false, aliases: ['year', 'tahun', 'tahun_pembuatan', 'tahun_dibangun', 'tahun_pengembangan'] },
  { field: 'datasets', column: 'datasets', required: false, aliases: ['datasets', 'dataset', 'dataset_ids', 'data_set', 'id_data', 'kode_data'] },
];

export const EXCHANGE_COLUMNS: readonly ColumnSpec<ExchangeField>[] = [
  { field: 'id', column: 'id', required: false, aliases: ['id', 'exchange_id', 'id_pertukaran', 'kode'] },
  {
    field: 'sourceId',
    column: 'source_id',
    required: true,
    aliases: ['source_id', 'source', 'sumber', 'asal_id', 'asal', 'aplikasi_sumber', 'aplikasi_asal', 'dari', 'from'],
  },
  { field: 'targetId', column: 'target_id', required: true, aliases: ['target_id', 'target', 'tujuan', 'tujuan_id', 'aplikasi_tujuan', 'ke', 'to'] },
  { field: 'data', column: 'data', required: false, aliases: ['data', 'data_dipertukarkan', 'data_yang_dipertukarkan', 'jenis_data', 'payload'] },
  { field: 'mechanism', column: 'mechanism', required: false, aliases: ['mechanism', 'mekanisme', 'metode', 'cara', 'media', 'protokol'] },
];

export const DATASET_COLUMNS: readonly ColumnSpec<DatasetField>[] = [
  { field: 'id', column: 'id', required: true, aliases: ['id', 'dataset_id', 'id_data', 'kode_data', 'id_dataset'] },
  { field: 'name', column: 'name', required: true, aliases: ['name', 'nama', 'nama_data', 'nama_dataset', 'judul'] },
  {
    field: 'stewardAgencyId',
    column: 'steward_agency_id',
    required: false,
    aliases: ['steward_agency_id', 'steward', 'walidata', 'id_walidata', 'produsen_data', 'instansi'],
  },
];

// ───────────────────────────── values ─────────────────────────────

export const LEVEL_VALUES: Record<AgencyLevel, readonly string[]> = {
  central: [
    'central', 'national', 'nasional', 'pusat', 'kementerian', 'lembaga', 'kementerian lembaga', 'k l', 'kl',
    'instansi pusat', 'ministry', 'lpnk',
  ],
  province: ['province', 'provinsi', 'prov', 'pemprov', 'pemerintah provinsi', 'pemda provinsi'],
  regency: ['regency', 'kabupaten', 'kab', 'pemkab', 'pemerintah kabupaten', 'pemda kabupaten'],
  city: ['city', 'kota', 'pemkot', 'pemerintah kota', 'pemda kota', 'kotamadya', 'municipality'],
  unit: [
    'unit', 'opd', 'skpd', 'perangkat daerah', 'dinas', 'badan', 'kantor', 'bagian', 'biro', 'sekretariat',
    'inspektorat', 'kecamatan', 'kelurahan', 'uptd', 'upt', 'satker', 'satuan kerja', 'unit kerja',
    'direktorat', 'rsud', 'puskesmas',
  ],
};

/**
 * Leading words of an agency NAME that give its level away. "Badan" is deliberately missing: a regional
 * Badan (Bappeda) is a unit, a national one (Badan Pusat Statistik) is central.
 */
export const LEVEL_NAME_PREFIXES: Record<AgencyLevel, readonly string[]> = {
  central: ['kementerian', 'kementrian', 'lembaga', 'ministry'],
  province: ['pemerintah provinsi', 'pemprov', 'provinsi'],
  regency: ['pemerintah kabupaten', 'pemkab', 'kabupaten', 'kab'],
  city: ['pemerintah kota', 'pemkot', 'kota'],
  unit: [
    'dinas', 'kecamatan', 'kelurahan', 'sekretariat daerah', 'sekretariat dprd', 'inspektorat', 'bagian', 'uptd',
    'puskesmas', 'rsud', 'satuan polisi pamong praja', 'satpol pp',
  ],
};

export const CATEGORY_VALUES: Record<Category, readonly string[]> = {
  common: ['common', 'umum', 'aplikasi umum', 'shared', 'bersama', 'raa 01'],
  specific: ['specific', 'khusus', 'aplikasi khusus', 'spesifik', 'raa 02'],
};

export const ORIGIN_VALUES: Record<Origin, readonly string[]> = {
  local: [
    'local', 'lokal', 'aplikasi lokal', 'daerah', 'pemda', 'mandiri', 'internal', 'sendiri', 'dibangun sendiri',
    'pengembangan sendiri', 'in house', 'inhouse',
  ],
  national: [
    'national', 'nasional', 'pusat', 'aplikasi pusat', 'aplikasi nasional', 'central', 'kementerian', 'k l',
    'pemerintah pusat',
  ],
};

export const STATUS_VALUES: Record<ApplicationStatus, readonly string[]> = {
  active: [
    'active', 'aktif', 'berjalan', 'operasional', 'beroperasi', 'digunakan', 'dipakai', 'live', 'production',
    'produksi', 'online',
  ],
  development: [
    'development', 'dev', 'pengembangan', 'dalam pengembangan', 'tahap pengembangan', 'pembangunan',
    'dalam pembangunan', 'uji coba', 'ujicoba', 'pilot', 'trial', 'testing', 'rencana', 'direncanakan', 'planned',
  ],
  retired: [
    'retired', 'tidak aktif', 'nonaktif', 'non aktif', 'inactive', 'mati', 'dihentikan', 'tidak digunakan',
    'tidak dipakai', 'tidak berjalan', 'decommissioned', 'pensiun', 'offline',
  ],
};

export const MECHANISM_VALUES: Record<Mechanism, readonly string[]> = {
  api: ['api', 'rest', 'restful', 'rest api', 'soap', 'web service', 'webservice', 'ws', 'json', 'graphql', 'http', 'https', 'grpc'],
  service_bus: [
    'service bus', 'service_bus', 'esb', 'enterprise service bus', 'splp', 'bus', 'x road', 'xroad',
    'api gateway', 'gateway', 'middleware', 'sistem penghubung layanan pemerintah',
  ],
  file: [
    'file', 'berkas', 'excel', 'xls', 'xlsx', 'csv', 'email', 'e mail', 'surel', 'ftp', 'sftp', 'upload',
    'unggah', 'download', 'unduh', 'flashdisk', 'usb', 'pdf', 'file transfer', 'shared folder',
  ],
  database: [
    'database', 'db', 'basis data', 'basisdata', 'db link', 'dblink', 'database link', 'replikasi', 'replication',
    'direct database', 'sql', 'view', 'etl',
  ],
  manual: [
    'manual', 'kertas', 'paper', 'surat', 'hardcopy', 'hard copy', 'fax', 'faks', 'telepon', 'phone',
    'input ulang', 'entri ulang', 'ketik ulang', 'offline manual',
  ],
};

/** Cell texts that mean "no value" in real catalogues; an optional value is absent, a required one missing. */
export const PLACEHOLDERS: readonly string[] = [
  '-', '--', '---', '–', '—', '.', '?', 'n/a', 'na', '#n/a', 'null', 'none', 'nil', 'tidak ada', 'belum ada',
  'tidak diketahui', 'unknown',
];

/** Scale words after an amount ("1,5 juta", "Rp 2 M"). "M" is Indonesian miliar (10^9), never million. */
export const AMOUNT_MULTIPLIERS: Readonly<Record<string, number>> = {
  ribu: 1e3,
  rb: 1e3,
  k: 1e3,
  juta: 1e6,
  jt: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  m: 1e9,
  triliun: 1e12,
  t: 1e12,
};
