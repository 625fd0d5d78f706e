/**
 * The columns of a flat application catalogue: one sheet, one row per application a unit (OPD) reports,
 * with the unit's NAME in a column instead of an id. Real catalogues name their columns freely ("Nama
 * Perangkat Daerah", "OPD", "Instansi"; "Alamat Domain / Link Aplikasi", "URL"; "Jenis Aplikasi"), so a
 * header is matched first against the exact aliases below, then by the words it contains; docs/catalogues.md
 * lists both. Headers are compared after `normaliseHeader` (snake_case, accents and punctuation dropped).
 */
import { normaliseHeader } from '../inventory/index.js';

export type FlatField =
  | 'unit'
  | 'government'
  | 'name'
  | 'description'
  | 'address'
  | 'kind'
  | 'category'
  | 'origin'
  | 'status'
  | 'statusReason'
  | 'platform'
  | 'year'
  | 'annualCost'
  | 'users'
  | 'function'
  | 'developer';

export interface FlatColumnSpec {
  field: FlatField;
  /** How messages name the column when the sheet lacks it. */
  column: string;
  required: boolean;
  /** Normalised headers that mean this column exactly. */
  aliases: readonly string[];
  /**
   * Word sets: a header containing every word of one set means this column ("alamat_domain_link" holds
   * "alamat"). Tried after every exact alias, in the order of FLAT_COLUMNS.
   */
  words: ReadonlyArray<readonly string[]>;
}

export const FLAT_COLUMNS: readonly FlatColumnSpec[] = [
  {
    field: 'statusReason',
    column: 'Penyebab Tidak Aktif',
    required: false,
    aliases: ['penyebab_aplikasi_tidak_aktif', 'penyebab_tidak_aktif', 'alasan_tidak_aktif', 'keterangan_tidak_aktif', 'status_reason', 'alasan'],
    words: [['penyebab'], ['alasan']],
  },
  {
    field: 'government',
    column: 'Pemerintah Daerah',
    required: false,
    aliases: ['pemerintah_daerah', 'pemda', 'nama_pemda', 'kabupaten_kota', 'kab_kota', 'instansi_induk', 'induk', 'government'],
    words: [['pemda'], ['induk']],
  },
  {
    field: 'developer',
    column: 'Pengembang',
    required: false,
    aliases: ['pengembang', 'opd_pengembang', 'unit_pengembang', 'instansi_pengembang', 'pemilik', 'opd_pemilik', 'instansi_pemilik', 'developer', 'owner'],
    words: [['pengembang'], ['pemilik']],
  },
  {
    field: 'unit',
    column: 'Nama Perangkat Daerah',
    required: true,
    aliases: [
      'nama_perangkat_daerah', 'perangkat_daerah', 'nama_opd', 'opd', 'nama_instansi', 'instansi', 'unit_kerja', 'nama_unit_kerja',
      'skpd', 'nama_skpd', 'satuan_kerja', 'satker', 'unit', 'agency', 'agency_name', 'unit_name',
    ],
    words: [['perangkat', 'daerah'], ['opd'], ['skpd'], ['instansi'], ['unit', 'kerja'], ['satuan', 'kerja']],
  },
  {
    field: 'name',
    column: 'Nama Aplikasi',
    required: true,
    aliases: ['nama_aplikasi', 'aplikasi', 'nama', 'application', 'application_name', 'name', 'nama_sistem', 'nama_sistem_informasi'],
    words: [['nama', 'aplikasi'], ['nama', 'sistem']],
  },
  {
    field: 'kind',
    column: 'Jenis Aplikasi',
    required: false,
    aliases: ['jenis_aplikasi', 'jenis', 'tipe_aplikasi', 'kind'],
    words: [['jenis']],
  },
  {
    field: 'category',
    column: 'Kategori',
    required: false,
    aliases: ['kategori', 'kategori_aplikasi', 'category'],
    words: [['kategori']],
  },
  {
    field: 'origin',
    column: 'Asal Aplikasi',
    required: false,
    aliases: ['asal', 'asal_aplikasi', 'sumber_aplikasi', 'origin'],
    words: [['asal']],
  },
  {
    field: 'status',
    column: 'Status Aplikasi',
    required: false,
    aliases: ['status_aplikasi', 'status', 'status_aktif', 'kondisi'],
    words: [['status']],
  },
  {
    field: 'address',
    column: 'Alamat Domain / Link',
    required: false,
    aliases: [
      'alamat_domain_link_aplikasi', 'alamat_domain', 'alamat', 'alamat_url', 'alamat_aplikasi', 'url', 'url_aplikasi', 'link',
      'link_aplikasi', 'domain', 'tautan', 'website', 'address',
    ],
    words: [['alamat'], ['domain'], ['link'], ['url'], ['tautan']],
  },
  {
    field: 'description',
    column: 'Deskripsi',
    required: false,
    aliases: ['deskripsi', 'deskripsi_aplikasi', 'deskripsi_singkat', 'deskripsi_singkat_aplikasi', 'keterangan', 'uraian', 'fungsi_aplikasi', 'manfaat', 'description'],
    words: [['deskripsi'], ['keterangan'], ['uraian']],
  },
  { field: 'platform', column: 'Platform', required: false, aliases: ['platform', 'jenis_platform', 'basis'], words: [['platform']] },
  { field: 'year', column: 'Tahun', required: false, aliases: ['tahun', 'tahun_pembuatan', 'tahun_dibangun', 'tahun_pengembangan', 'year'], words: [['tahun']] },
  {
    field: 'annualCost',
    column: 'Biaya',
    required: false,
    aliases: ['biaya', 'biaya_tahunan', 'anggaran', 'biaya_rp', 'anggaran_rp', 'biaya_pemeliharaan', 'pagu', 'annual_cost'],
    words: [['biaya'], ['anggaran']],
  },
  { field: 'users', column: 'Jumlah Pengguna', required: false, aliases: ['jumlah_pengguna', 'pengguna', 'jml_pengguna', 'users'], words: [['pengguna']] },
  { field: 'function', column: 'Kode RAA', required: false, aliases: ['kode_raa', 'kode_rab', 'kode_fungsi', 'raa', 'rab', 'function'], words: [['raa'], ['rab']] },
];

export interface FlatColumns {
  /** Column index per field, -1 when the sheet lacks it. */
  at: Record<FlatField, number>;
  /** The header as written, per field (the contract name when absent), for messages. */
  label: Record<FlatField, string>;
  /** Columns no field claims: kept as application properties under their header. */
  properties: Array<{ col: number; key: string }>;
}

const BY_ALIAS = new Map<string, FlatColumnSpec>();
for (const spec of FLAT_COLUMNS) for (const alias of spec.aliases) BY_ALIAS.set(alias, spec);

/**
 * Map a header onto flat-catalogue fields: exact aliases first (so "Status Aplikasi" is the status even
 * though "Penyebab Aplikasi Tidak Aktif" holds no "status" word), then word sets in FLAT_COLUMNS order. A
 * field is taken by the first column that claims it; later claimants are kept as properties.
 */
export function resolveFlatColumns(header: readonly string[]): FlatColumns {
  const at = {} as Record<FlatField, number>;
  const label = {} as Record<FlatField, string>;
  for (const spec of FLAT_COLUMNS) {
    at[spec.field] = -1;
    label[spec.field] = spec.column;
  }
  const keys = header.map((h) => normaliseHeader(h));
  const claimed = new Array<boolean>(header.length).fill(false);
  const claim = (col: number, field: FlatField): void => {
    at[field] = col;
    label[field] = header[col]!.trim();
    claimed[col] = true;
  };
  keys.forEach((key, col) => {
    const spec = BY_ALIAS.get(key);
    if (spec !== undefined && at[spec.field] === -1) claim(col, spec.field);
  });
  keys.forEach((key, col) => {
    if (claimed[col] || key === '') return;
    const words = new Set(key.split('_'));
    for (const spec of FLAT_COLUMNS) {
      if (at[spec.field] !== -1) continue;
      if (spec.words.some((set) => set.every((w) => words.has(w)))) {
        claim(col, spec.field);
        return;
      }
    }
  });
  const properties: Array<{ col: number; key: string }> = [];
  header.forEach((h, col) => {
    if (!claimed[col]) properties.push({ col, key: h.trim() || `column ${col + 1}` });
  });
  return { at, label, properties };
}

/** The required fields a header lacks (empty when it is a flat catalogue). */
export function missingFlatFields(columns: FlatColumns): FlatColumnSpec[] {
  return FLAT_COLUMNS.filter((spec) => spec.required && columns.at[spec.field] === -1);
}
