/**
 * Central agencies (kementerian/lembaga) with some of their sector units and mission applications.
 * Names and applications are real where they are public knowledge (CEISA, Coretax, SISRUTE, EMIS, AHU
 * Online …); nomenclature follows the 2024 cabinet (Komdigi, Kemendikdasmen, Kementerian PU). The
 * agencies marked `sample` make up the committed sample; the national scale uses them all.
 */

export interface MissionApp {
  short: string;
  long?: string;
  description: string;
  /** Index into the agency's `units`; absent = held by the agency itself. */
  unit?: number;
  /** Median annual cost, IDR (default: the central mission median). */
  cost?: number;
  /** A catalogue function the app performs (default: its own mission function). */
  fn?: string;
}

export interface CentralAgencySpec {
  key: string;
  name: string;
  acronym: string;
  domain: string;
  sample: boolean;
  /** Ministries have a Sekretariat Jenderal, agencies a Sekretariat Utama. */
  ministry: boolean;
  units: readonly string[];
  apps: readonly MissionApp[];
}

export const CENTRAL_AGENCIES: readonly CentralAgencySpec[] = [
  {
    key: 'kemendagri', name: 'Kementerian Dalam Negeri', acronym: 'Kemendagri', domain: 'kemendagri.go.id', sample: true, ministry: true,
    units: ['Direktorat Jenderal Kependudukan dan Pencatatan Sipil', 'Direktorat Jenderal Bina Keuangan Daerah', 'Direktorat Jenderal Bina Pemerintahan Desa', 'Direktorat Jenderal Otonomi Daerah'],
    apps: [
      { short: 'Hak Akses Data Kependudukan', description: 'Layanan verifikasi NIK dan pemanfaatan data kependudukan bagi lembaga pengguna.', unit: 0 },
      { short: 'IKD', long: 'Identitas Kependudukan Digital', description: 'KTP digital pada aplikasi seluler.', unit: 0 },
      { short: 'e-Perda', long: 'Fasilitasi Produk Hukum Daerah', description: 'Fasilitasi dan registrasi rancangan peraturan daerah.', unit: 3 },
      { short: 'SILPPD', long: 'Sistem Informasi Laporan Penyelenggaraan Pemerintahan Daerah', description: 'Penyampaian LPPD oleh pemerintah daerah.', unit: 3 },
      { short: 'EPDESKEL', long: 'Evaluasi Perkembangan Desa dan Kelurahan', description: 'Evaluasi perkembangan desa dan kelurahan.', unit: 2 },
    ],
  },
  {
    key: 'kemenkeu', name: 'Kementerian Keuangan', acronym: 'Kemenkeu', domain: 'kemenkeu.go.id', sample: true, ministry: true,
    units: ['Direktorat Jenderal Pajak', 'Direktorat Jenderal Bea dan Cukai', 'Direktorat Jenderal Perbendaharaan', 'Direktorat Jenderal Kekayaan Negara', 'Direktorat Jenderal Perimbangan Keuangan'],
    apps: [
      { short: 'Coretax DJP', long: 'Sistem Inti Administrasi Perpajakan', description: 'Administrasi perpajakan terintegrasi: pendaftaran, pelaporan, pembayaran dan pemeriksaan.', unit: 0, cost: 400e9 },
      { short: 'e-Billing Pajak', description: 'Pembuatan kode billing untuk pembayaran pajak.', unit: 0 },
      { short: 'CEISA', long: 'Customs-Excise Information System and Automation', description: 'Layanan kepabeanan dan cukai terintegrasi.', unit: 1, cost: 120e9 },
      { short: 'SPAN', long: 'Sistem Perbendaharaan dan Anggaran Negara', description: 'Pelaksanaan anggaran, pencairan dana dan akuntansi pemerintah pusat.', unit: 2, cost: 90e9 },
      { short: 'Lelang Indonesia', description: 'Lelang barang milik negara dan eksekusi secara daring.', unit: 3 },
    ],
  },
  {
    key: 'kemenkes', name: 'Kementerian Kesehatan', acronym: 'Kemenkes', domain: 'kemkes.go.id', sample: true, ministry: true,
    units: ['Direktorat Jenderal Kesehatan Lanjutan', 'Direktorat Jenderal Penanggulangan Penyakit', 'Direktorat Jenderal Kesehatan Primer dan Komunitas'],
    apps: [
      { short: 'SIRS Online', long: 'Sistem Informasi Rumah Sakit', description: 'Pelaporan data rumah sakit secara daring.', unit: 0 },
      { short: 'SISRUTE', long: 'Sistem Informasi Rujukan Terintegrasi', description: 'Rujukan pasien antar fasilitas kesehatan.', unit: 0 },
      { short: 'ASPAK', long: 'Aplikasi Sarana, Prasarana dan Alat Kesehatan', description: 'Inventarisasi sarana, prasarana dan alat kesehatan fasyankes.', unit: 0 },
      { short: 'SITB', long: 'Sistem Informasi Tuberkulosis', description: 'Pencatatan dan pelaporan kasus tuberkulosis.', unit: 1 },
      { short: 'SMILE', long: 'Sistem Monitoring Imunisasi dan Logistik secara Elektronik', description: 'Monitoring stok vaksin dan logistik imunisasi.', unit: 2 },
      { short: 'ASIK', long: 'Aplikasi Sehat IndonesiaKu', description: 'Pencatatan imunisasi dan skrining kesehatan oleh tenaga kesehatan.', unit: 2 },
    ],
  },
  {
    key: 'kemenpanrb', name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi', acronym: 'KemenPANRB', domain: 'menpan.go.id', sample: true, ministry: true,
    units: ['Deputi Bidang Pelayanan Publik', 'Deputi Bidang Reformasi Birokrasi, Akuntabilitas Aparatur dan Pengawasan'],
    apps: [
      { short: 'SIPPN', long: 'Sistem Informasi Pelayanan Publik Nasional', description: 'Informasi standar pelayanan publik seluruh instansi.', unit: 0 },
      { short: 'Sistem Evaluasi SPBE', description: 'Penilaian mandiri dan evaluasi eksternal SPBE instansi pusat dan daerah.', unit: 1 },
      { short: 'e-Formasi', description: 'Usulan kebutuhan formasi ASN instansi.' },
      { short: 'SIHARKA', long: 'Sistem Informasi Hasil Reformasi Birokrasi', description: 'Evaluasi reformasi birokrasi instansi pemerintah.', unit: 1 },
    ],
  },
  {
    key: 'bkn', name: 'Badan Kepegawaian Negara', acronym: 'BKN', domain: 'bkn.go.id', sample: true, ministry: false,
    units: ['Deputi Bidang Sistem Informasi Kepegawaian'],
    apps: [
      { short: 'SSCASN', long: 'Sistem Seleksi Calon ASN', description: 'Pendaftaran seleksi CPNS dan PPPK.', unit: 0 },
      { short: 'CAT BKN', long: 'Computer Assisted Test', description: 'Ujian seleksi ASN berbasis komputer.' },
    ],
  },
  {
    key: 'anri', name: 'Arsip Nasional Republik Indonesia', acronym: 'ANRI', domain: 'anri.go.id', sample: true, ministry: false,
    units: ['Deputi Bidang Pembinaan Kearsipan'],
    apps: [{ short: 'SiKN Arsip Statis', long: 'Sistem Informasi Arsip Statis', description: 'Akses dan layanan arsip statis bagi publik.' }],
  },
  {
    key: 'lkpp', name: 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah', acronym: 'LKPP', domain: 'lkpp.go.id', sample: true, ministry: false,
    units: ['Deputi Bidang Transformasi Pengadaan Digital'],
    apps: [{ short: 'SIMPeL', long: 'Sistem Informasi Manajemen Pelatihan', description: 'Pelatihan dan sertifikasi kompetensi pengadaan.' }],
  },
  {
    key: 'bappenas', name: 'Kementerian Perencanaan Pembangunan Nasional/Bappenas', acronym: 'Bappenas', domain: 'bappenas.go.id', sample: true, ministry: true,
    units: ['Deputi Bidang Pemantauan, Evaluasi dan Pengendalian Pembangunan', 'Sekretariat Satu Data Indonesia'],
    apps: [
      { short: 'e-Monev Bappenas', description: 'Pemantauan pelaksanaan rencana pembangunan (PP 39/2006).', unit: 0, fn: 'monitoring-evaluation' },
      { short: 'Portal Satu Data Indonesia', description: 'Portal data terbuka nasional data.go.id.', unit: 1, fn: 'open-data' },
    ],
  },
  {
    key: 'bps', name: 'Badan Pusat Statistik', acronym: 'BPS', domain: 'bps.go.id', sample: true, ministry: false,
    units: ['Deputi Bidang Metodologi dan Informasi Statistik'],
    apps: [
      { short: 'Romantik Online', long: 'Rekomendasi Kegiatan Statistik', description: 'Pengajuan rekomendasi kegiatan statistik sektoral.', unit: 0 },
      { short: 'SIRUSA', long: 'Sistem Informasi Rujukan Statistik', description: 'Rujukan konsep, definisi dan klasifikasi statistik.', unit: 0 },
      { short: 'DTSEN', long: 'Data Tunggal Sosial Ekonomi Nasional', description: 'Pengelolaan data tunggal sosial ekonomi nasional.', cost: 60e9 },
    ],
  },
  {
    key: 'komdigi', name: 'Kementerian Komunikasi dan Digital', acronym: 'Komdigi', domain: 'komdigi.go.id', sample: true, ministry: true,
    units: ['Direktorat Jenderal Teknologi Pemerintah Digital', 'Direktorat Jenderal Pengawasan Ruang Digital'],
    apps: [
      { short: 'SPLP', long: 'Sistem Penghubung Layanan Pemerintah', description: 'Layanan interoperabilitas dan manajemen API antarinstansi.', unit: 0, cost: 30e9 },
      { short: 'PSE Lingkup Privat', long: 'Pendaftaran Penyelenggara Sistem Elektronik', description: 'Pendaftaran PSE lingkup privat.', unit: 1 },
      { short: 'AduanKonten', description: 'Pelaporan konten negatif di ruang digital.', unit: 1 },
    ],
  },
  {
    key: 'kemenag', name: 'Kementerian Agama', acronym: 'Kemenag', domain: 'kemenag.go.id', sample: true, ministry: true,
    units: ['Direktorat Jenderal Pendidikan Islam', 'Direktorat Jenderal Bimbingan Masyarakat Islam', 'Direktorat Jenderal Penyelenggaraan Haji dan Umrah'],
    apps: [
      { short: 'EMIS', long: 'Education Management Information System', description: 'Pendataan madrasah, pesantren dan pendidikan keagamaan.', unit: 0 },
      { short: 'SIMKAH', long: 'Sistem Informasi Manajemen Nikah', description: 'Pencatatan nikah di KUA.', unit: 1 },
      { short: 'SISKOHAT', long: 'Sistem Informasi dan Komputerisasi Haji Terpadu', description: 'Pendaftaran dan pelayanan jemaah haji.', unit: 2 },
    ],
  },
  {
    key: 'kemensos', name: 'Kementerian Sosial', acronym: 'Kemensos', domain: 'kemensos.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Perlindungan dan Jaminan Sosial', 'Pusat Data dan Informasi Kesejahteraan Sosial'],
    apps: [
      { short: 'Cek Bansos', description: 'Pengecekan status penerima bantuan sosial oleh masyarakat.', unit: 1 },
      { short: 'SIMPKH', long: 'Sistem Informasi Manajemen Program Keluarga Harapan', description: 'Pengelolaan peserta dan penyaluran PKH.', unit: 0 },
    ],
  },
  {
    key: 'kemendikdasmen', name: 'Kementerian Pendidikan Dasar dan Menengah', acronym: 'Kemendikdasmen', domain: 'kemendikdasmen.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Guru, Tenaga Kependidikan dan Pendidikan Guru', 'Badan Standar, Kurikulum dan Asesmen Pendidikan'],
    apps: [
      { short: 'Rapor Pendidikan', description: 'Hasil asesmen dan evaluasi sistem pendidikan.', unit: 1 },
      { short: 'Info GTK', description: 'Informasi data dan tunjangan guru dan tenaga kependidikan.', unit: 0 },
      { short: 'SIMPKB', long: 'Sistem Informasi Manajemen Pengembangan Keprofesian Berkelanjutan', description: 'Pengembangan keprofesian guru.', unit: 0 },
    ],
  },
  // ── national scale only ──
  {
    key: 'bkpm', name: 'Kementerian Investasi dan Hilirisasi/BKPM', acronym: 'BKPM', domain: 'bkpm.go.id', sample: false, ministry: true,
    units: ['Deputi Bidang Pelayanan Penanaman Modal'],
    apps: [{ short: 'LKPM Online', long: 'Laporan Kegiatan Penanaman Modal', description: 'Pelaporan realisasi penanaman modal.', unit: 0 }],
  },
  {
    key: 'bpkp', name: 'Badan Pengawasan Keuangan dan Pembangunan', acronym: 'BPKP', domain: 'bpkp.go.id', sample: false, ministry: false,
    units: ['Deputi Bidang Pengawasan Penyelenggaraan Keuangan Daerah'],
    apps: [{ short: 'SIMHP', long: 'Sistem Informasi Manajemen Hasil Pengawasan', description: 'Pengelolaan hasil pengawasan intern pemerintah.' }],
  },
  {
    key: 'kemenpu', name: 'Kementerian Pekerjaan Umum', acronym: 'Kementerian PU', domain: 'pu.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Bina Konstruksi', 'Direktorat Jenderal Bina Marga'],
    apps: [
      { short: 'SIPJAKI', long: 'Sistem Informasi Pembina Jasa Konstruksi', description: 'Data badan usaha dan tenaga kerja konstruksi.', unit: 0 },
      { short: 'IRMS', long: 'Integrated Road Management System', description: 'Pengelolaan data kondisi jalan nasional.', unit: 1 },
    ],
  },
  {
    key: 'kemendag', name: 'Kementerian Perdagangan', acronym: 'Kemendag', domain: 'kemendag.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Perdagangan Luar Negeri'],
    apps: [{ short: 'INATRADE', description: 'Perizinan ekspor dan impor.', unit: 0 }],
  },
  {
    key: 'perpusnas', name: 'Perpustakaan Nasional Republik Indonesia', acronym: 'Perpusnas', domain: 'perpusnas.go.id', sample: false, ministry: false,
    units: [],
    apps: [{ short: 'iPusnas', description: 'Perpustakaan digital peminjaman buku elektronik.' }, { short: 'Indonesia OneSearch', description: 'Pencarian koleksi perpustakaan seluruh Indonesia.' }],
  },
  {
    key: 'bkkbn', name: 'Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN', acronym: 'BKKBN', domain: 'bkkbn.go.id', sample: false, ministry: true,
    units: [],
    apps: [{ short: 'Elsimil', long: 'Elektronik Siap Nikah dan Hamil', description: 'Skrining kesehatan calon pengantin.' }],
  },
  { key: 'kemenpppa', name: 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak', acronym: 'KemenPPPA', domain: 'kemenpppa.go.id', sample: false, ministry: true, units: [], apps: [] },
  {
    key: 'bnpb', name: 'Badan Nasional Penanggulangan Bencana', acronym: 'BNPB', domain: 'bnpb.go.id', sample: false, ministry: false,
    units: [], apps: [{ short: 'DIBI', long: 'Data dan Informasi Bencana Indonesia', description: 'Database kejadian bencana nasional.' }],
  },
  {
    key: 'kemnaker', name: 'Kementerian Ketenagakerjaan', acronym: 'Kemnaker', domain: 'kemnaker.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Pembinaan Pengawasan Ketenagakerjaan'],
    apps: [{ short: 'WLKP Online', long: 'Wajib Lapor Ketenagakerjaan di Perusahaan', description: 'Pelaporan ketenagakerjaan oleh perusahaan.', unit: 0 }],
  },
  {
    key: 'kementan', name: 'Kementerian Pertanian', acronym: 'Kementan', domain: 'pertanian.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Prasarana dan Sarana Pertanian'],
    apps: [{ short: 'Kartu Tani', description: 'Penebusan pupuk bersubsidi dengan kartu tani.', unit: 0 }],
  },
  { key: 'klh', name: 'Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup', acronym: 'KLH', domain: 'kemenlh.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'SIMPEL', long: 'Sistem Informasi Pelaporan Elektronik Perizinan Bidang Lingkungan Hidup', description: 'Pelaporan pemantauan lingkungan oleh pelaku usaha.' }] },
  {
    key: 'kpk', name: 'Komisi Pemberantasan Korupsi', acronym: 'KPK', domain: 'kpk.go.id', sample: false, ministry: false,
    units: [], apps: [{ short: 'JAGA', description: 'Platform pencegahan korupsi dan keterbukaan informasi layanan publik.' }, { short: 'GOL', long: 'Gratifikasi Online', description: 'Pelaporan gratifikasi secara daring.' }],
  },
  { key: 'bssn', name: 'Badan Siber dan Sandi Negara', acronym: 'BSSN', domain: 'bssn.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'Aduan Siber', description: 'Pelaporan insiden siber.' }] },
  { key: 'kemendesa', name: 'Kementerian Desa dan Pembangunan Daerah Tertinggal', acronym: 'Kemendesa', domain: 'kemendesa.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'SDGs Desa', description: 'Pendataan SDGs desa berbasis warga.' }] },
  {
    key: 'kemenkum', name: 'Kementerian Hukum', acronym: 'Kemenkum', domain: 'kemenkum.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Administrasi Hukum Umum', 'Badan Pembinaan Hukum Nasional'],
    apps: [{ short: 'AHU Online', description: 'Layanan administrasi hukum umum: badan hukum, fidusia, wasiat.', unit: 0 }],
  },
  {
    key: 'atrbpn', name: 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional', acronym: 'ATR/BPN', domain: 'atrbpn.go.id', sample: false, ministry: true,
    units: ['Direktorat Jenderal Tata Ruang'],
    apps: [{ short: 'Sentuh Tanahku', description: 'Informasi layanan pertanahan bagi masyarakat.' }, { short: 'KKP', long: 'Komputerisasi Kegiatan Pertanahan', description: 'Pelayanan pendaftaran tanah di kantor pertanahan.' }, { short: 'GISTARU', description: 'Informasi rencana tata ruang.', unit: 0 }],
  },
  { key: 'kemenhub', name: 'Kementerian Perhubungan', acronym: 'Kemenhub', domain: 'dephub.go.id', sample: false, ministry: true, units: ['Direktorat Jenderal Perhubungan Darat'], apps: [{ short: 'SPIONAM', long: 'Sistem Perizinan Online Angkutan Multimoda', description: 'Perizinan angkutan darat.', unit: 0 }, { short: 'BLUe', long: 'Bukti Lulus Uji Elektronik', description: 'Sertifikat uji berkala kendaraan bermotor elektronik.', unit: 0 }] },
  { key: 'esdm', name: 'Kementerian Energi dan Sumber Daya Mineral', acronym: 'ESDM', domain: 'esdm.go.id', sample: false, ministry: true, units: ['Direktorat Jenderal Mineral dan Batubara'], apps: [{ short: 'MODI', long: 'Minerba One Data Indonesia', description: 'Data perizinan dan produksi minerba.', unit: 0 }, { short: 'MOMS', long: 'Minerba Online Monitoring System', description: 'Pemantauan produksi dan penjualan minerba.', unit: 0 }] },
  { key: 'kemenlu', name: 'Kementerian Luar Negeri', acronym: 'Kemenlu', domain: 'kemlu.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'Peduli WNI', description: 'Lapor diri dan pelindungan WNI di luar negeri.' }] },
  { key: 'kemenperin', name: 'Kementerian Perindustrian', acronym: 'Kemenperin', domain: 'kemenperin.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'SIINas', long: 'Sistem Informasi Industri Nasional', description: 'Pelaporan data industri.' }] },
  { key: 'bmkg', name: 'Badan Meteorologi, Klimatologi dan Geofisika', acronym: 'BMKG', domain: 'bmkg.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'InaTEWS', long: 'Indonesia Tsunami Early Warning System', description: 'Peringatan dini tsunami.' }, { short: 'Info BMKG', description: 'Informasi cuaca, iklim dan gempa bumi.' }] },
  { key: 'bpom', name: 'Badan Pengawas Obat dan Makanan', acronym: 'BPOM', domain: 'pom.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'e-Registration', description: 'Registrasi produk obat dan makanan.' }, { short: 'Cek BPOM', description: 'Pengecekan izin edar produk.' }] },
  { key: 'brin', name: 'Badan Riset dan Inovasi Nasional', acronym: 'BRIN', domain: 'brin.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'ELSA', long: 'E-Layanan Sains', description: 'Layanan fasilitas riset.' }] },
  { key: 'big', name: 'Badan Informasi Geospasial', acronym: 'BIG', domain: 'big.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'Ina-Geoportal', description: 'Simpul jaringan informasi geospasial nasional.' }] },
  { key: 'kemenpar', name: 'Kementerian Pariwisata', acronym: 'Kemenpar', domain: 'kemenpar.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'Indonesia Travel', description: 'Promosi pariwisata nasional.' }] },
  { key: 'kemenpora', name: 'Kementerian Pemuda dan Olahraga', acronym: 'Kemenpora', domain: 'kemenpora.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'Sistem Informasi Kepemudaan', description: 'Pendataan organisasi kepemudaan.' }] },
  { key: 'setneg', name: 'Kementerian Sekretariat Negara', acronym: 'Kemensetneg', domain: 'setneg.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'Sistem Informasi Tanda Kehormatan', description: 'Usulan tanda kehormatan RI.' }] },
  { key: 'lan', name: 'Lembaga Administrasi Negara', acronym: 'LAN', domain: 'lan.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'ASN Unggul', description: 'Pembelajaran terintegrasi bagi ASN.' }] },
  { key: 'kkp', name: 'Kementerian Kelautan dan Perikanan', acronym: 'KKP', domain: 'kkp.go.id', sample: false, ministry: true, units: ['Direktorat Jenderal Perikanan Tangkap'], apps: [{ short: 'e-Logbook', description: 'Pencatatan hasil tangkapan ikan.', unit: 0 }] },
  { key: 'kemenhut', name: 'Kementerian Kehutanan', acronym: 'Kemenhut', domain: 'kehutanan.go.id', sample: false, ministry: true, units: [], apps: [{ short: 'SiPongi', description: 'Pemantauan kebakaran hutan dan lahan.' }] },
  { key: 'kejaksaan', name: 'Kejaksaan Republik Indonesia', acronym: 'Kejaksaan', domain: 'kejaksaan.go.id', sample: false, ministry: false, units: [], apps: [{ short: 'Sistem Informasi Tilang', description: 'Informasi perkara dan denda tilang.' }] },
];

export const CENTRAL_BY_KEY: ReadonlyMap<string, CentralAgencySpec> = new Map(CENTRAL_AGENCIES.map((c) => [c.key, c]));
