/**
 * Indonesia's 38 provinces with their regencies (kabupaten) and cities (kota), as constituted after the
 * 2022 Papua split; DKI Jakarta's administrative cities are not autonomous governments and are left out.
 * Names follow Kemendagri usage without the "Kabupaten"/"Kota" prefix. Web domains follow the common
 * pattern (<name>kab.go.id, <name>kota.go.id, <abbr>prov.go.id) with the well-known exceptions overridden.
 *
 * The sample governments carry real kecamatan, kelurahan and hospital names; elsewhere those are composed
 * from a pool of common place-name elements.
 */

export interface ProvinceSpec {
  /** Short id used in agency ids: `prov-<key>`. */
  key: string;
  name: string;
  /** Web domain of the provincial government. */
  domain: string;
  regencies: readonly string[];
  cities: readonly string[];
}

export const PROVINCES: readonly ProvinceSpec[] = [
  {
    key: 'jatim', name: 'Jawa Timur', domain: 'jatimprov.go.id',
    regencies: ['Bangkalan', 'Banyuwangi', 'Blitar', 'Bojonegoro', 'Bondowoso', 'Gresik', 'Jember', 'Jombang', 'Kediri', 'Lamongan', 'Lumajang', 'Madiun', 'Magetan', 'Malang', 'Mojokerto', 'Nganjuk', 'Ngawi', 'Pacitan', 'Pamekasan', 'Pasuruan', 'Ponorogo', 'Probolinggo', 'Sampang', 'Sidoarjo', 'Situbondo', 'Sumenep', 'Trenggalek', 'Tuban', 'Tulungagung'],
    cities: ['Batu', 'Blitar', 'Kediri', 'Madiun', 'Malang', 'Mojokerto', 'Pasuruan', 'Probolinggo', 'Surabaya'],
  },
  {
    key: 'aceh', name: 'Aceh', domain: 'acehprov.go.id',
    regencies: ['Aceh Barat', 'Aceh Barat Daya', 'Aceh Besar', 'Aceh Jaya', 'Aceh Selatan', 'Aceh Singkil', 'Aceh Tamiang', 'Aceh Tengah', 'Aceh Tenggara', 'Aceh Timur', 'Aceh Utara', 'Bener Meriah', 'Bireuen', 'Gayo Lues', 'Nagan Raya', 'Pidie', 'Pidie Jaya', 'Simeulue'],
    cities: ['Banda Aceh', 'Langsa', 'Lhokseumawe', 'Sabang', 'Subulussalam'],
  },
  {
    key: 'sumut', name: 'Sumatera Utara', domain: 'sumutprov.go.id',
    regencies: ['Asahan', 'Batu Bara', 'Dairi', 'Deli Serdang', 'Humbang Hasundutan', 'Karo', 'Labuhanbatu', 'Labuhanbatu Selatan', 'Labuhanbatu Utara', 'Langkat', 'Mandailing Natal', 'Nias', 'Nias Barat', 'Nias Selatan', 'Nias Utara', 'Padang Lawas', 'Padang Lawas Utara', 'Pakpak Bharat', 'Samosir', 'Serdang Bedagai', 'Simalungun', 'Tapanuli Selatan', 'Tapanuli Tengah', 'Tapanuli Utara', 'Toba'],
    cities: ['Binjai', 'Gunungsitoli', 'Medan', 'Padangsidimpuan', 'Pematangsiantar', 'Sibolga', 'Tanjungbalai', 'Tebing Tinggi'],
  },
  {
    key: 'sumbar', name: 'Sumatera Barat', domain: 'sumbarprov.go.id',
    regencies: ['Agam', 'Dharmasraya', 'Kepulauan Mentawai', 'Lima Puluh Kota', 'Padang Pariaman', 'Pasaman', 'Pasaman Barat', 'Pesisir Selatan', 'Sijunjung', 'Solok', 'Solok Selatan', 'Tanah Datar'],
    cities: ['Bukittinggi', 'Padang', 'Padang Panjang', 'Pariaman', 'Payakumbuh', 'Sawahlunto', 'Solok'],
  },
  {
    key: 'riau', name: 'Riau', domain: 'riau.go.id',
    regencies: ['Bengkalis', 'Indragiri Hilir', 'Indragiri Hulu', 'Kampar', 'Kepulauan Meranti', 'Kuantan Singingi', 'Pelalawan', 'Rokan Hilir', 'Rokan Hulu', 'Siak'],
    cities: ['Dumai', 'Pekanbaru'],
  },
  {
    key: 'jambi', name: 'Jambi', domain: 'jambiprov.go.id',
    regencies: ['Batanghari', 'Bungo', 'Kerinci', 'Merangin', 'Muaro Jambi', 'Sarolangun', 'Tanjung Jabung Barat', 'Tanjung Jabung Timur', 'Tebo'],
    cities: ['Jambi', 'Sungai Penuh'],
  },
  {
    key: 'sumsel', name: 'Sumatera Selatan', domain: 'sumselprov.go.id',
    regencies: ['Banyuasin', 'Empat Lawang', 'Lahat', 'Muara Enim', 'Musi Banyuasin', 'Musi Rawas', 'Musi Rawas Utara', 'Ogan Ilir', 'Ogan Komering Ilir', 'Ogan Komering Ulu', 'Ogan Komering Ulu Selatan', 'Ogan Komering Ulu Timur', 'Penukal Abab Lematang Ilir'],
    cities: ['Lubuklinggau', 'Pagar Alam', 'Palembang', 'Prabumulih'],
  },
  {
    key: 'bengkulu', name: 'Bengkulu', domain: 'bengkuluprov.go.id',
    regencies: ['Bengkulu Selatan', 'Bengkulu Tengah', 'Bengkulu Utara', 'Kaur', 'Kepahiang', 'Lebong', 'Mukomuko', 'Rejang Lebong', 'Seluma'],
    cities: ['Bengkulu'],
  },
  {
    key: 'lampung', name: 'Lampung', domain: 'lampungprov.go.id',
    regencies: ['Lampung Barat', 'Lampung Selatan', 'Lampung Tengah', 'Lampung Timur', 'Lampung Utara', 'Mesuji', 'Pesawaran', 'Pesisir Barat', 'Pringsewu', 'Tanggamus', 'Tulang Bawang', 'Tulang Bawang Barat', 'Way Kanan'],
    cities: ['Bandar Lampung', 'Metro'],
  },
  {
    key: 'babel', name: 'Kepulauan Bangka Belitung', domain: 'babelprov.go.id',
    regencies: ['Bangka', 'Bangka Barat', 'Bangka Selatan', 'Bangka Tengah', 'Belitung', 'Belitung Timur'],
    cities: ['Pangkalpinang'],
  },
  {
    key: 'kepri', name: 'Kepulauan Riau', domain: 'kepriprov.go.id',
    regencies: ['Bintan', 'Karimun', 'Kepulauan Anambas', 'Lingga', 'Natuna'],
    cities: ['Batam', 'Tanjungpinang'],
  },
  { key: 'dki', name: 'DKI Jakarta', domain: 'jakarta.go.id', regencies: [], cities: [] },
  {
    key: 'jabar', name: 'Jawa Barat', domain: 'jabarprov.go.id',
    regencies: ['Bandung', 'Bandung Barat', 'Bekasi', 'Bogor', 'Ciamis', 'Cianjur', 'Cirebon', 'Garut', 'Indramayu', 'Karawang', 'Kuningan', 'Majalengka', 'Pangandaran', 'Purwakarta', 'Subang', 'Sukabumi', 'Sumedang', 'Tasikmalaya'],
    cities: ['Bandung', 'Banjar', 'Bekasi', 'Bogor', 'Cimahi', 'Cirebon', 'Depok', 'Sukabumi', 'Tasikmalaya'],
  },
  {
    key: 'jateng', name: 'Jawa Tengah', domain: 'jatengprov.go.id',
    regencies: ['Banjarnegara', 'Banyumas', 'Batang', 'Blora', 'Boyolali', 'Brebes', 'Cilacap', 'Demak', 'Grobogan', 'Jepara', 'Karanganyar', 'Kebumen', 'Kendal', 'Klaten', 'Kudus', 'Magelang', 'Pati', 'Pekalongan', 'Pemalang', 'Purbalingga', 'Purworejo', 'Rembang', 'Semarang', 'Sragen', 'Sukoharjo', 'Tegal', 'Temanggung', 'Wonogiri', 'Wonosobo'],
    cities: ['Magelang', 'Pekalongan', 'Salatiga', 'Semarang', 'Surakarta', 'Tegal'],
  },
  {
    key: 'diy', name: 'DI Yogyakarta', domain: 'jogjaprov.go.id',
    regencies: ['Bantul', 'Gunungkidul', 'Kulon Progo', 'Sleman'],
    cities: ['Yogyakarta'],
  },
  {
    key: 'banten', name: 'Banten', domain: 'bantenprov.go.id',
    regencies: ['Lebak', 'Pandeglang', 'Serang', 'Tangerang'],
    cities: ['Cilegon', 'Serang', 'Tangerang', 'Tangerang Selatan'],
  },
  {
    key: 'bali', name: 'Bali', domain: 'baliprov.go.id',
    regencies: ['Badung', 'Bangli', 'Buleleng', 'Gianyar', 'Jembrana', 'Karangasem', 'Klungkung', 'Tabanan'],
    cities: ['Denpasar'],
  },
  {
    key: 'ntb', name: 'Nusa Tenggara Barat', domain: 'ntbprov.go.id',
    regencies: ['Bima', 'Dompu', 'Lombok Barat', 'Lombok Tengah', 'Lombok Timur', 'Lombok Utara', 'Sumbawa', 'Sumbawa Barat'],
    cities: ['Bima', 'Mataram'],
  },
  {
    key: 'ntt', name: 'Nusa Tenggara Timur', domain: 'nttprov.go.id',
    regencies: ['Alor', 'Belu', 'Ende', 'Flores Timur', 'Kupang', 'Lembata', 'Malaka', 'Manggarai', 'Manggarai Barat', 'Manggarai Timur', 'Nagekeo', 'Ngada', 'Rote Ndao', 'Sabu Raijua', 'Sikka', 'Sumba Barat', 'Sumba Barat Daya', 'Sumba Tengah', 'Sumba Timur', 'Timor Tengah Selatan', 'Timor Tengah Utara'],
    cities: ['Kupang'],
  },
  {
    key: 'kalbar', name: 'Kalimantan Barat', domain: 'kalbarprov.go.id',
    regencies: ['Bengkayang', 'Kapuas Hulu', 'Kayong Utara', 'Ketapang', 'Kubu Raya', 'Landak', 'Melawi', 'Mempawah', 'Sambas', 'Sanggau', 'Sekadau', 'Sintang'],
    cities: ['Pontianak', 'Singkawang'],
  },
  {
    key: 'kalteng', name: 'Kalimantan Tengah', domain: 'kaltengprov.go.id',
    regencies: ['Barito Selatan', 'Barito Timur', 'Barito Utara', 'Gunung Mas', 'Kapuas', 'Katingan', 'Kotawaringin Barat', 'Kotawaringin Timur', 'Lamandau', 'Murung Raya', 'Pulang Pisau', 'Sukamara', 'Seruyan'],
    cities: ['Palangka Raya'],
  },
  {
    key: 'kalsel', name: 'Kalimantan Selatan', domain: 'kalselprov.go.id',
    regencies: ['Balangan', 'Banjar', 'Barito Kuala', 'Hulu Sungai Selatan', 'Hulu Sungai Tengah', 'Hulu Sungai Utara', 'Kotabaru', 'Tabalong', 'Tanah Bumbu', 'Tanah Laut', 'Tapin'],
    cities: ['Banjarbaru', 'Banjarmasin'],
  },
  {
    key: 'kaltim', name: 'Kalimantan Timur', domain: 'kaltimprov.go.id',
    regencies: ['Berau', 'Kutai Barat', 'Kutai Kartanegara', 'Kutai Timur', 'Mahakam Ulu', 'Paser', 'Penajam Paser Utara'],
    cities: ['Balikpapan', 'Bontang', 'Samarinda'],
  },
  {
    key: 'kaltara', name: 'Kalimantan Utara', domain: 'kaltaraprov.go.id',
    regencies: ['Bulungan', 'Malinau', 'Nunukan', 'Tana Tidung'],
    cities: ['Tarakan'],
  },
  {
    key: 'sulut', name: 'Sulawesi Utara', domain: 'sulutprov.go.id',
    regencies: ['Bolaang Mongondow', 'Bolaang Mongondow Selatan', 'Bolaang Mongondow Timur', 'Bolaang Mongondow Utara', 'Kepulauan Sangihe', 'Kepulauan Siau Tagulandang Biaro', 'Kepulauan Talaud', 'Minahasa', 'Minahasa Selatan', 'Minahasa Tenggara', 'Minahasa Utara'],
    cities: ['Bitung', 'Kotamobagu', 'Manado', 'Tomohon'],
  },
  {
    key: 'gorontalo', name: 'Gorontalo', domain: 'gorontaloprov.go.id',
    regencies: ['Boalemo', 'Bone Bolango', 'Gorontalo', 'Gorontalo Utara', 'Pohuwato'],
    cities: ['Gorontalo'],
  },
  {
    key: 'sulteng', name: 'Sulawesi Tengah', domain: 'sultengprov.go.id',
    regencies: ['Banggai', 'Banggai Kepulauan', 'Banggai Laut', 'Buol', 'Donggala', 'Morowali', 'Morowali Utara', 'Parigi Moutong', 'Poso', 'Sigi', 'Tojo Una-Una', 'Tolitoli'],
    cities: ['Palu'],
  },
  {
    key: 'sulbar', name: 'Sulawesi Barat', domain: 'sulbarprov.go.id',
    regencies: ['Majene', 'Mamasa', 'Mamuju', 'Mamuju Tengah', 'Pasangkayu', 'Polewali Mandar'],
    cities: [],
  },
  {
    key: 'sulsel', name: 'Sulawesi Selatan', domain: 'sulselprov.go.id',
    regencies: ['Bantaeng', 'Barru', 'Bone', 'Bulukumba', 'Enrekang', 'Gowa', 'Jeneponto', 'Kepulauan Selayar', 'Luwu', 'Luwu Timur', 'Luwu Utara', 'Maros', 'Pangkajene dan Kepulauan', 'Pinrang', 'Sidenreng Rappang', 'Sinjai', 'Soppeng', 'Takalar', 'Tana Toraja', 'Toraja Utara', 'Wajo'],
    cities: ['Makassar', 'Palopo', 'Parepare'],
  },
  {
    key: 'sultra', name: 'Sulawesi Tenggara', domain: 'sultraprov.go.id',
    regencies: ['Bombana', 'Buton', 'Buton Selatan', 'Buton Tengah', 'Buton Utara', 'Kolaka', 'Kolaka Timur', 'Kolaka Utara', 'Konawe', 'Konawe Kepulauan', 'Konawe Selatan', 'Konawe Utara', 'Muna', 'Muna Barat', 'Wakatobi'],
    cities: ['Baubau', 'Kendari'],
  },
  {
    key: 'maluku', name: 'Maluku', domain: 'malukuprov.go.id',
    regencies: ['Buru', 'Buru Selatan', 'Kepulauan Aru', 'Kepulauan Tanimbar', 'Maluku Barat Daya', 'Maluku Tengah', 'Maluku Tenggara', 'Seram Bagian Barat', 'Seram Bagian Timur'],
    cities: ['Ambon', 'Tual'],
  },
  {
    key: 'malut', name: 'Maluku Utara', domain: 'malutprov.go.id',
    regencies: ['Halmahera Barat', 'Halmahera Selatan', 'Halmahera Tengah', 'Halmahera Timur', 'Halmahera Utara', 'Kepulauan Sula', 'Pulau Morotai', 'Pulau Taliabu'],
    cities: ['Ternate', 'Tidore Kepulauan'],
  },
  {
    key: 'papua', name: 'Papua', domain: 'papua.go.id',
    regencies: ['Biak Numfor', 'Jayapura', 'Keerom', 'Kepulauan Yapen', 'Mamberamo Raya', 'Sarmi', 'Supiori', 'Waropen'],
    cities: ['Jayapura'],
  },
  {
    key: 'papbar', name: 'Papua Barat', domain: 'papuabaratprov.go.id',
    regencies: ['Fakfak', 'Kaimana', 'Manokwari', 'Manokwari Selatan', 'Pegunungan Arfak', 'Teluk Bintuni', 'Teluk Wondama'],
    cities: [],
  },
  {
    key: 'pbd', name: 'Papua Barat Daya', domain: 'papuabaratdayaprov.go.id',
    regencies: ['Maybrat', 'Raja Ampat', 'Sorong', 'Sorong Selatan', 'Tambrauw'],
    cities: ['Sorong'],
  },
  {
    key: 'papsel', name: 'Papua Selatan', domain: 'papuaselatanprov.go.id',
    regencies: ['Asmat', 'Boven Digoel', 'Mappi', 'Merauke'],
    cities: [],
  },
  {
    key: 'papteng', name: 'Papua Tengah', domain: 'papuatengahprov.go.id',
    regencies: ['Deiyai', 'Dogiyai', 'Intan Jaya', 'Mimika', 'Nabire', 'Paniai', 'Puncak', 'Puncak Jaya'],
    cities: [],
  },
  {
    key: 'pappeg', name: 'Papua Pegunungan', domain: 'papuapegununganprov.go.id',
    regencies: ['Jayawijaya', 'Lanny Jaya', 'Mamberamo Tengah', 'Nduga', 'Pegunungan Bintang', 'Tolikara', 'Yahukimo', 'Yalimo'],
    cities: [],
  },
];

/** Regional governments whose domain does not follow the <name>kab/<name>kota pattern. */
export const DOMAIN_OVERRIDES: Readonly<Record<string, string>> = {
  'kota-surabaya': 'surabaya.go.id',
  'kota-bandung': 'bandung.go.id',
  'kota-medan': 'pemkomedan.go.id',
  'kota-makassar': 'makassarkota.go.id',
  'kota-yogyakarta': 'jogjakota.go.id',
  'kota-surakarta': 'surakarta.go.id',
  'kota-depok': 'depok.go.id',
  'kota-denpasar': 'denpasarkota.go.id',
  'kota-batam': 'batam.go.id',
};

/** Real detail for the governments in the committed sample. */
export interface LocalDetail {
  kecamatan: readonly string[];
  kelurahan?: readonly string[];
  hospitals: readonly string[];
  /** How the government's head is addressed in app names ("Lapor Bupati"). */
  head: 'Bupati' | 'Wali Kota' | 'Gubernur';
}

export const LOCAL_DETAIL: Readonly<Record<string, LocalDetail>> = {
  'prov-jatim': { kecamatan: [], hospitals: ['RSUD Dr. Soetomo', 'RSUD Dr. Saiful Anwar', 'RSUD Haji Provinsi Jawa Timur'], head: 'Gubernur' },
  'kota-surabaya': {
    kecamatan: ['Genteng', 'Tegalsari', 'Gubeng', 'Wonokromo', 'Rungkut', 'Sukolilo', 'Tandes', 'Kenjeran'],
    kelurahan: ['Ketabang', 'Embong Kaliasin', 'Airlangga', 'Darmo', 'Kalirungkut', 'Keputih'],
    hospitals: ['RSUD Dr. Mohamad Soewandhie', 'RSUD Bhakti Dharma Husada'],
    head: 'Wali Kota',
  },
  'kota-malang': {
    kecamatan: ['Klojen', 'Blimbing', 'Lowokwaru', 'Sukun', 'Kedungkandang'],
    kelurahan: ['Oro-Oro Dowo', 'Kauman', 'Sumbersari', 'Dinoyo', 'Tlogomas', 'Purwantoro'],
    hospitals: ['RSUD Kota Malang'],
    head: 'Wali Kota',
  },
  'kab-sidoarjo': {
    kecamatan: ['Sidoarjo', 'Waru', 'Taman', 'Candi', 'Buduran', 'Gedangan', 'Porong', 'Krian'],
    hospitals: ['RSUD R.T. Notopuro Sidoarjo', 'RSUD Sidoarjo Barat'],
    head: 'Bupati',
  },
  'kab-madiun': {
    kecamatan: ['Wungu', 'Jiwan', 'Saradan', 'Pilangkenceng', 'Kebonsari', 'Mejayan', 'Dagangan', 'Dolopo', 'Geger', 'Sawahan'],
    hospitals: ['RSUD Caruban', 'RSUD Dolopo'],
    head: 'Bupati',
  },
  'kab-banyuwangi': {
    kecamatan: ['Banyuwangi', 'Genteng', 'Rogojampi', 'Muncar', 'Glagah', 'Kalipuro', 'Giri', 'Srono'],
    hospitals: ['RSUD Blambangan', 'RSUD Genteng'],
    head: 'Bupati',
  },
  'kota-kediri': {
    kecamatan: ['Kota', 'Mojoroto', 'Pesantren'],
    kelurahan: ['Bandar Lor', 'Mojoroto', 'Banjaran', 'Balowerti', 'Semampir'],
    hospitals: ['RSUD Gambiran'],
    head: 'Wali Kota',
  },
};

/** Place-name elements for kecamatan and kelurahan outside the sample. */
export const PLACE_NAMES: readonly string[] = [
  'Sukamaju', 'Sumberejo', 'Karanganyar', 'Sidomulyo', 'Tanjung', 'Sukajadi', 'Mekarsari', 'Purwodadi',
  'Sidorejo', 'Kedungrejo', 'Tegalrejo', 'Margomulyo', 'Sukorejo', 'Wonosari', 'Banjarsari', 'Pasar Baru',
  'Kampung Baru', 'Sungai Raya', 'Air Hitam', 'Batu Ampar', 'Bukit Tinggi', 'Talang Jaya', 'Muara Dua',
  'Bandar Baru', 'Tanah Merah', 'Kota Baru', 'Teluk Dalam', 'Padang Luas', 'Mulyorejo', 'Pringsewu',
];
export const PLACE_SUFFIXES: readonly string[] = ['', '', '', ' Utara', ' Selatan', ' Timur', ' Barat', ' Tengah', ' Kota'];

/** Colloquial short names of provinces, used in application names ("SIMPEG Jatim", "e-Samsat Jabar"). */
export const PROVINCE_SHORT: Readonly<Record<string, string>> = {
  jatim: 'Jatim', aceh: 'Aceh', sumut: 'Sumut', sumbar: 'Sumbar', riau: 'Riau', jambi: 'Jambi', sumsel: 'Sumsel',
  bengkulu: 'Bengkulu', lampung: 'Lampung', babel: 'Babel', kepri: 'Kepri', dki: 'DKI Jakarta', jabar: 'Jabar',
  jateng: 'Jateng', diy: 'DIY', banten: 'Banten', bali: 'Bali', ntb: 'NTB', ntt: 'NTT', kalbar: 'Kalbar',
  kalteng: 'Kalteng', kalsel: 'Kalsel', kaltim: 'Kaltim', kaltara: 'Kaltara', sulut: 'Sulut', gorontalo: 'Gorontalo',
  sulteng: 'Sulteng', sulbar: 'Sulbar', sulsel: 'Sulsel', sultra: 'Sultra', maluku: 'Maluku', malut: 'Malut',
  papua: 'Papua', papbar: 'Papua Barat', pbd: 'PBD', papsel: 'Papsel', papteng: 'Papteng', pappeg: 'Papua Pegunungan',
};

/** A province system that regency units list beside the national one (Jatim's market-price system). */
export const PROVINCE_PRICE_SYSTEM: Readonly<Record<string, { short: string; long: string; host: string }>> = {
  jatim: { short: 'SISKAPERBAPO', long: 'Sistem Informasi Ketersediaan dan Perkembangan Harga Bahan Pokok', host: 'siskaperbapo' },
};
