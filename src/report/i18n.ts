/**
 * Every word the reports print, one dictionary per language. The Indonesian follows the vocabulary of SPBE
 * documents (Perpres 95/2018, Perpres 132/2022, PermenPANRB 59/2020): instansi, Perangkat Daerah,
 * Aplikasi Umum, pertukaran data, interoperabilitas, berbagi pakai data. Sentences are written for each
 * language, not translated word by word, so templates are functions and may order their arguments freely.
 * Inventory text (names, messages, rationale written by the engine) is never translated, only escaped.
 */
import type { AgencyLevel, RecommendationKind, SiloKind, System } from '../types.js';

export type Lang = 'en' | 'id';

/** A count handed to a sentence: the number decides English plurals, the text is already formatted. */
export interface Count {
  n: number;
  text: string;
}

export type SectionKey = 'headline' | 'charts' | 'clusters' | 'silos' | 'recommendations' | 'target' | 'systems' | 'warnings' | 'method';

export type HeadlineKey =
  | 'applications'
  | 'agencies'
  | 'exchanges'
  | 'datasets'
  | 'siloIndex'
  | 'duplicateClusters'
  | 'duplicateApplications'
  | 'totalAnnualCost'
  | 'redundantAnnualCost'
  | 'estimatedAnnualSavings'
  | 'isolatedApplications'
  | 'automatedExchangeShare';

export type SiloPart = 'isolation' | 'insularity' | 'organisationalAlignment' | 'manualExchange';

export type StateKey = 'applications' | 'annualCost' | 'duplicateClusters' | 'siloIndex' | 'automatedExchangeShare';

/** Bands of the silo index, lowest first; the upper bounds live with the report DEFAULTS. */
export type SiloBand = 'integrated' | 'mostlyIntegrated' | 'partlySiloed' | 'siloed' | 'highlySiloed';

export interface Dictionary {
  lang: Lang;
  /** BCP 47 locale for Intl. */
  locale: string;
  currency: string;
  scale: { million: string; billion: string; trillion: string };
  savingsRange(low: string, high: string, expected: string): string;
  percentagePoints(value: string): string;

  title: string;
  generated(date: string, tool: string, version: string): string;
  source(path: string, format: string): string;
  intro: string;
  contents: string;
  section: Record<SectionKey, string>;

  headline: {
    columns: { figure: string; value: string; source: string };
    label: Record<HeadlineKey, string>;
    siloIndexExplained(band: string): string;
    /** The value when the inventory lists no exchanges: the exchange-based parts could not be measured. */
    siloIndexNotMeasured: string;
    siloIndexNotMeasuredExplained: string;
    estimatedCosts(count: Count): string;
    savingsOfRedundant(share: string): string;
  };
  siloBand: Record<SiloBand, string>;

  charts: { intro: string; caption(name: string): string };

  clusters: {
    intro(shown: Count, total: Count): string;
    none: string;
    function: string;
    scope: string;
    scopeValue: { 'cross-agency': string; 'within-agency': string };
    sharedPlatform: string;
    keeper: string;
    keeperReason: string;
    totalCost: string;
    redundantCost: string;
    savings: string;
    confidence: string;
    evidence: string;
    moreEvidence(count: Count): string;
    members: { application: string; agency: string; cost: string; role: string };
    role: { keeper: string; redundant: string };
    estimatedMark: string;
    evidenceKind: Record<string, string>;
  };

  silos: {
    isolatedSummary(isolated: Count, total: Count, share: string): string;
    agencies: string;
    governments: string;
    governmentsNote: string;
    columns: {
      agency: string;
      level: string;
      applications: string;
      isolated: string;
      internalOnly: string;
      crossAgencyShare: string;
      manualExchanges: string;
      siloScore: string;
    };
    none: string;
    findings: string;
    findingsColumns: { kind: string; count: string; agencies: string };
    kind: Record<SiloKind, string>;
  };
  level: Record<AgencyLevel, string>;

  recommendations: {
    intro(count: Count, waves: Count): string;
    none: string;
    wave(n: string): string;
    waveSummary(count: Count, expected: string): string;
    columns: { id: string; kind: string; title: string; target: string; savings: string; effort: string; priority: string };
    rationale: string;
    scope(applications: Count, agencies: Count): string;
    kind: Record<RecommendationKind, string>;
    effort: Record<'low' | 'medium' | 'high', string>;
  };

  target: {
    intro: string;
    none: string;
    columns: { measure: string; before: string; after: string; change: string };
    measure: Record<StateKey, string>;
    assumptions: string;
  };

  systems: {
    intro: string;
    records: string;
    distinct: string;
    nationalAdopted: string;
    duplicatingNational: string;
    nationalTable: string;
    nationalColumns: { system: string; owner: string; agencies: string; records: string };
    /** Before the modules of a platform family's system and their record counts. */
    modules: string;
    duplicatingTable: string;
    duplicatingColumns: { system: string; counterpart: string; cluster: string };
    noneDuplicating: string;
    origin: Record<System['origin'], string>;
    governmentsTable: string;
    governmentColumns: {
      government: string;
      records: string;
      systems: string;
      national: string;
      duplicating: string;
      placeholders: string;
      unparseable: string;
    };
    skippedTable: string;
    skippedIntro: string;
    outcomeColumn: string;
    outcome: { placeholder: string; unparseable: string };
    noneSkipped: string;
  };

  warnings: {
    none: string;
    count(count: Count): string;
    shown(shown: Count): string;
    columns: { file: string; row: string; column: string; message: string; fix: string };
  };

  method: {
    siloIndexTitle: string;
    siloIndexText: string;
    partsColumns: { part: string; value: string; weight: string };
    part: Record<SiloPart, string>;
    bandsText: string;
    bandRange(from: string, to: string | undefined): string;
    duplicatesTitle: string;
    duplicatesText: string;
    keeperTitle: string;
    keeperText: string;
    keeperReasonsNone: string;
    costTitle: string;
    costText(estimated: Count, total: Count): string;
    redundantText: string;
    savingsTitle: string;
    savingsText(low: string, expected: string, high: string): string;
    savingsNoRedundant: string;
    assumptionsTitle: string;
    assumptionsNone: string;
    optionsTitle: string;
    referenceTitle: string;
    unconfirmedPlatform(name: string): string;
    clusterList(ids: string): string;
  };

  listMore(count: Count): string;
  moreRows(shown: Count, rest: Count, where: string): string;
  none: string;
  yes: string;
  no: string;
}

/** "1 application", "2 applications". */
const plural = (count: Count, one: string, many: string): string => `${count.text} ${count.n === 1 ? one : many}`;

const en: Dictionary = {
  lang: 'en',
  locale: 'en-GB',
  currency: 'IDR',
  scale: { million: 'million', billion: 'billion', trillion: 'trillion' },
  savingsRange: (low, high, expected) => `${low} – ${high} (expected ${expected})`,
  percentagePoints: (value) => `${value} percentage points`,

  title: 'Application silos and duplicate systems: analysis report',
  generated: (date, tool, version) => `Generated ${date} by ${tool} ${version}.`,
  source: (path, format) => `Inventory: ${path} (${format}).`,
  intro:
    'This report reads the application inventory as a graph of agencies, applications and data exchanges. ' +
    'It measures how siloed the government is, finds applications that do the same job in several places, ' +
    'prices the redundant spend and proposes integration in waves. Every figure names the analysis field, ' +
    'duplicate cluster or recommendation it comes from, so it can be traced in analysis.json and the CSV exports.',
  contents: 'Contents',
  section: {
    headline: 'Headline figures',
    charts: 'Charts',
    clusters: 'Duplicate clusters with the most wasted spend',
    silos: 'Silo findings by agency',
    recommendations: 'Recommendations by wave',
    target: 'Target state',
    systems: 'Systems and inventory records',
    warnings: 'Input warnings',
    method: 'Method and assumptions',
  },

  headline: {
    columns: { figure: 'Figure', value: 'Value', source: 'Source' },
    label: {
      applications: 'Applications',
      agencies: 'Agencies',
      exchanges: 'Data exchanges',
      datasets: 'Datasets',
      siloIndex: 'Silo index',
      duplicateClusters: 'Duplicate clusters',
      duplicateApplications: 'Applications in duplicate clusters',
      totalAnnualCost: 'Total annual spend',
      redundantAnnualCost: 'Redundant annual spend',
      estimatedAnnualSavings: 'Estimated annual savings',
      isolatedApplications: 'Isolated applications',
      automatedExchangeShare: 'Automated data exchanges',
    },
    siloIndexNotMeasured: 'not measured',
    siloIndexNotMeasuredExplained:
      'The inventory lists no data exchanges, so how applications exchange data (isolation, insularity, organisational communities, manual exchange) could not be measured. Add the exchanges to measure it.',
    siloIndexExplained: (band) =>
      `Reading: ${band}, on a scale from 0 (every application exchanges data automatically across agency ` +
      'lines) to 1 (every unit is an island).',
    estimatedCosts: (count) =>
      `${plural(count, 'application has', 'applications have')} no cost in the inventory; estimated, not counted as zero.`,
    savingsOfRedundant: (share) => `Expected savings are ${share} of the redundant spend.`,
  },
  siloBand: {
    integrated: 'integrated',
    mostlyIntegrated: 'mostly integrated',
    partlySiloed: 'partly siloed',
    siloed: 'siloed',
    highlySiloed: 'highly siloed',
  },

  charts: {
    intro: 'Views drawn from the same analysis; the interactive versions are in the visualizations folder.',
    caption: (name) => `View: ${name}`,
  },

  clusters: {
    intro: (shown, total) =>
      `The ${plural(shown, 'cluster', 'clusters')} with the largest redundant spend, of ${total.text}. A cluster id (such as dup-1) is the key ` +
      'of the cluster in analysis.json and duplicates.csv.',
    none: 'No duplicate clusters were found.',
    function: 'Function',
    scope: 'Scope',
    scopeValue: { 'cross-agency': 'across agencies', 'within-agency': 'within one agency' },
    sharedPlatform: 'National shared platform',
    keeper: 'Keeper',
    keeperReason: 'Why this keeper',
    totalCost: 'Total annual cost',
    redundantCost: 'Redundant annual cost',
    savings: 'Estimated annual savings',
    confidence: 'Confidence',
    evidence: 'Evidence',
    moreEvidence: (count) => `and ${plural(count, 'more evidence item', 'more evidence items')} in analysis.json`,
    members: { application: 'Application', agency: 'Agency', cost: 'Annual cost', role: 'Role' },
    role: { keeper: 'keep', redundant: 'consolidate' },
    estimatedMark: 'estimated',
    evidenceKind: {
      'given-code': 'function code in the inventory',
      acronym: 'acronym',
      keyword: 'keyword',
      'url-host': 'web address',
      dataset: 'shared dataset',
      neighbour: 'exchange partners',
      'name-similarity': 'similar names',
      'shared-host': 'same host',
    },
  },

  silos: {
    isolatedSummary: (isolated, total, share) =>
      `${isolated.text} of ${plural(total, 'application', 'applications')} (${share}) ${isolated.n === 1 ? 'exchanges' : 'exchange'} no data with any other application.`,
    agencies: 'Most siloed agencies',
    governments: 'Most siloed governments',
    governmentsNote: 'A regional government with all its units (OPD) counted as one.',
    columns: {
      agency: 'Agency',
      level: 'Level',
      applications: 'Applications',
      isolated: 'Isolated',
      internalOnly: 'Internal only',
      crossAgencyShare: 'Cross-agency exchanges',
      manualExchanges: 'Manual exchanges',
      siloScore: 'Silo score',
    },
    none: 'The analysis holds no agency metrics.',
    findings: 'Findings by kind',
    findingsColumns: { kind: 'Finding', count: 'Count', agencies: 'Agencies' },
    kind: {
      'isolated-application': 'Application exchanging no data',
      'internal-only-application': 'Application exchanging only inside its agency',
      'manual-exchange': 'Exchange by file or by hand',
      'isolated-agency': 'Agency exchanging no data with others',
      'organisational-community': 'Application community following agency lines',
    },
  },
  level: {
    central: 'Ministry or central agency',
    province: 'Province',
    regency: 'Regency',
    city: 'City',
    unit: 'Regional unit (OPD)',
  },

  recommendations: {
    intro: (count, waves) =>
      `${plural(count, 'recommendation', 'recommendations')} in ${plural(waves, 'wave', 'waves')}, listed in the order of the analysis. Savings are annual, ` +
      'in rupiah, and name the recommendation and cluster they come from.',
    none: 'The analysis makes no recommendation.',
    wave: (n) => `Wave ${n}`,
    waveSummary: (count, expected) => `${plural(count, 'recommendation', 'recommendations')}; expected savings together ${expected} a year.`,
    columns: {
      id: 'ID',
      kind: 'Kind',
      title: 'Recommendation',
      target: 'Target',
      savings: 'Annual savings',
      effort: 'Effort',
      priority: 'Priority',
    },
    rationale: 'Rationale',
    scope: (applications, agencies) => `${plural(applications, 'application', 'applications')} in ${plural(agencies, 'agency', 'agencies')}`,
    kind: {
      consolidate: 'Consolidate',
      'adopt-common': 'Adopt the shared platform',
      integrate: 'Integrate',
      'share-data': 'Share data',
      retire: 'Retire',
    },
    effort: { low: 'low', medium: 'medium', high: 'high' },
  },

  target: {
    intro: 'What the portfolio looks like once every recommendation is carried out, simulated on the same inventory.',
    none: 'The analysis holds no target-state simulation.',
    columns: { measure: 'Measure', before: 'Today', after: 'Target', change: 'Change' },
    measure: {
      applications: 'Applications',
      annualCost: 'Annual spend',
      duplicateClusters: 'Duplicate clusters',
      siloIndex: 'Silo index',
      automatedExchangeShare: 'Automated data exchanges',
    },
    assumptions: 'The assumptions of the simulation are listed under Method and assumptions.',
  },

  systems: {
    intro:
      'The inventory lists one record per agency that reports an application, so one system can appear many ' +
      'times. Records were reconciled into the distinct systems below.',
    records: 'Records reported',
    distinct: 'Distinct systems',
    nationalAdopted: 'National platforms in use',
    duplicatingNational: 'Regional systems duplicating a national one',
    nationalTable: 'National platforms in use',
    nationalColumns: { system: 'System', owner: 'Owner', agencies: 'Agencies using it', records: 'Records' },
    modules: 'modules',
    duplicatingTable: 'Regional systems duplicating a national one, by government',
    duplicatingColumns: { system: 'Regional system', counterpart: 'National counterpart', cluster: 'Cluster' },
    noneDuplicating: 'No regional system duplicates a national one.',
    origin: { national: 'national', regional: 'regional', local: 'local' },
    governmentsTable: 'By government',
    governmentColumns: {
      government: 'Government',
      records: 'Records',
      systems: 'Distinct systems',
      national: 'National platforms adopted',
      duplicating: 'Regional systems duplicating a national one',
      placeholders: 'Placeholder rows',
      unparseable: 'Unparseable rows',
    },
    skippedTable: 'Rows that are placeholders or could not be read',
    skippedIntro:
      'These catalogue rows name no application ("tidak ada") or could not be read as written; they are not among the ' +
      'records above (a row read with values dropped is). Each is also listed under input warnings.',
    outcomeColumn: 'Kind of row',
    outcome: { placeholder: 'placeholder', unparseable: 'unparseable' },
    noneSkipped: 'Every catalogue row named an application and was read.',
  },

  warnings: {
    none: 'No input warnings: every row was read.',
    count: (count) =>
      `${plural(count, 'input warning', 'input warnings')}: the rows or values below were skipped; everything else was analysed.`,
    shown: (shown) => `The first ${shown.text} are listed; all of them are in analysis.json under "warnings".`,
    columns: { file: 'File', row: 'Row', column: 'Column', message: 'Problem', fix: 'Fix' },
  },

  method: {
    siloIndexTitle: 'Silo index',
    siloIndexText:
      'The national silo index (siloIndex.value) combines four parts, each between 0 and 1, higher meaning more ' +
      'siloed, with the weights below. The formula as recorded by the analysis:',
    partsColumns: { part: 'Part', value: 'Value', weight: 'Weight' },
    part: {
      isolation: 'Isolation: share of applications with no exchange at all',
      insularity: 'Insularity: share of exchanges that stay inside one agency',
      organisationalAlignment: 'Organisational alignment: how closely application communities follow agency lines',
      manualExchange: 'Manual exchange: share of exchanges by file or by hand',
    },
    bandsText:
      "The verbal reading of the index uses siloscope's own bands, a reading aid and not an official SPBE predicate:",
    bandRange: (from, to) => (to === undefined ? `${from} and above` : `${from} to below ${to}`),
    duplicatesTitle: 'Duplicate clusters',
    duplicatesText:
      'Applications form a duplicate cluster when they serve the same reference function: a code of the SPBE ' +
      'reference architecture (Perpres 132/2022) given in the inventory or inferred from acronyms, keywords, web ' +
      'addresses, shared datasets and exchange partners. Each cluster keeps the evidence it rests on ' +
      '(duplicateClusters[].evidence) and a confidence between 0 and 1.',
    keeperTitle: 'Keeper',
    keeperText:
      'In every cluster one application is kept and the others are consolidated into it (duplicateClusters[].keeper). ' +
      'The reasons the analysis recorded for its choices:',
    keeperReasonsNone: 'No keeper was chosen: there are no duplicate clusters.',
    costTitle: 'Cost',
    costText: (estimated, total) =>
      `Annual costs are taken from the inventory, in rupiah. ${estimated.text} of ${plural(total, 'application', 'applications')} had no cost ` +
      '(summary.estimatedCostApplications); their cost was estimated and is flagged cost_estimated in ' +
      'applications.csv. A missing cost is never counted as zero.',
    redundantText:
      "A cluster's redundant spend (duplicateClusters[].redundantAnnualCost) is the part of its cost that " +
      'consolidation into the keeper would make unnecessary; summed over all clusters it is summary.redundantAnnualCost.',
    savingsTitle: 'Savings',
    savingsText: (low, expected, high) =>
      `Savings are a range, not a promise: over all clusters the low, expected and high estimates are ${low}, ` +
      `${expected} and ${high} of the redundant spend (summary.estimatedAnnualSavings divided by summary.redundantAnnualCost).`,
    savingsNoRedundant: 'No redundant spend was found, so no savings are estimated.',
    assumptionsTitle: 'Assumptions recorded by the analysis',
    assumptionsNone: 'The analysis recorded no further assumptions.',
    optionsTitle: 'Options of this run',
    referenceTitle: 'Notes on reference data',
    unconfirmedPlatform: (name) =>
      `${name} is widely mandated for government agencies, but its formal designation as a shared common ` +
      'application (Aplikasi Umum) is unconfirmed.',
    clusterList: (ids) => `clusters ${ids}`,
  },

  listMore: (count) => `and ${count.text} more`,
  moreRows: (shown, rest, where) =>
    `The first ${shown.text} are shown; ${rest.n === 1 ? 'one more is' : `${rest.text} more are`} in ${where}.`,
  none: 'none',
  yes: 'yes',
  no: 'no',
};

const id: Dictionary = {
  lang: 'id',
  locale: 'id-ID',
  currency: 'Rp',
  scale: { million: 'juta', billion: 'miliar', trillion: 'triliun' },
  savingsRange: (low, high, expected) => `${low} – ${high} (perkiraan ${expected})`,
  percentagePoints: (value) => `${value} poin persentase`,

  title: 'Laporan Analisis Silo dan Duplikasi Aplikasi SPBE',
  generated: (date, tool, version) => `Disusun ${date} dengan ${tool} ${version}.`,
  source: (path, format) => `Sumber inventaris: ${path} (${format}).`,
  intro:
    'Laporan ini membaca inventaris aplikasi sebagai jaringan instansi, aplikasi, dan pertukaran data. ' +
    'Laporan mengukur seberapa tersilo penyelenggaraan pemerintahan, menemukan aplikasi yang menjalankan fungsi ' +
    'yang sama di beberapa tempat, menghitung pemborosan anggarannya, dan mengusulkan integrasi secara bertahap ' +
    'per gelombang. Setiap angka menyebutkan kolom analisis, klaster duplikat, atau rekomendasi sumbernya ' +
    'sehingga dapat ditelusuri di analysis.json dan berkas CSV.',
  contents: 'Daftar isi',
  section: {
    headline: 'Ringkasan angka utama',
    charts: 'Visualisasi',
    clusters: 'Aplikasi duplikat dengan pemborosan anggaran terbesar',
    silos: 'Temuan silo per instansi',
    recommendations: 'Rekomendasi integrasi per gelombang',
    target: 'Kondisi target',
    systems: 'Catatan inventaris dan sistem',
    warnings: 'Peringatan data masukan',
    method: 'Metode dan asumsi',
  },

  headline: {
    columns: { figure: 'Indikator', value: 'Nilai', source: 'Sumber' },
    label: {
      applications: 'Aplikasi',
      agencies: 'Instansi',
      exchanges: 'Pertukaran data',
      datasets: 'Set data',
      siloIndex: 'Indeks silo',
      duplicateClusters: 'Klaster aplikasi duplikat',
      duplicateApplications: 'Aplikasi duplikat',
      totalAnnualCost: 'Belanja aplikasi per tahun',
      redundantAnnualCost: 'Pemborosan anggaran per tahun',
      estimatedAnnualSavings: 'Potensi penghematan per tahun',
      isolatedApplications: 'Aplikasi tanpa pertukaran data',
      automatedExchangeShare: 'Pertukaran data otomatis',
    },
    siloIndexNotMeasured: 'tidak terukur',
    siloIndexNotMeasuredExplained:
      'Inventaris tidak mencantumkan pertukaran data, sehingga cara aplikasi saling bertukar data (keterisolasian, ketertutupan, komunitas yang mengikuti batas organisasi, pertukaran manual) tidak dapat diukur. Tambahkan data pertukaran untuk mengukurnya.',
    siloIndexExplained: (band) =>
      `Predikat: ${band}, pada skala 0 (seluruh aplikasi bertukar data lintas instansi secara otomatis) ` +
      'sampai 1 (setiap unit berjalan sendiri-sendiri).',
    estimatedCosts: (count) => `Sebanyak ${count.text} aplikasi tidak mencantumkan biaya di inventaris; biayanya diperkirakan, tidak dianggap nol.`,
    savingsOfRedundant: (share) => `Perkiraan penghematan setara ${share} dari pemborosan anggaran.`,
  },
  siloBand: {
    integrated: 'terintegrasi',
    mostlyIntegrated: 'sebagian besar terintegrasi',
    partlySiloed: 'sebagian tersilo',
    siloed: 'tersilo',
    highlySiloed: 'sangat tersilo',
  },

  charts: {
    intro: 'Visualisasi dari analisis yang sama; versi interaktifnya tersedia di folder visualizations.',
    caption: (name) => `Tampilan: ${name}`,
  },

  clusters: {
    intro: (shown, total) =>
      `${shown.text} klaster dengan pemborosan anggaran terbesar dari total ${total.text} klaster. Kode klaster (misalnya dup-1) ` +
      'menjadi kunci penelusuran di analysis.json dan duplicates.csv.',
    none: 'Tidak ditemukan aplikasi duplikat.',
    function: 'Fungsi',
    scope: 'Cakupan',
    scopeValue: { 'cross-agency': 'lintas instansi', 'within-agency': 'di dalam satu instansi' },
    sharedPlatform: 'Aplikasi Umum nasional',
    keeper: 'Aplikasi yang dipertahankan',
    keeperReason: 'Alasan dipertahankan',
    totalCost: 'Total biaya per tahun',
    redundantCost: 'Pemborosan anggaran per tahun',
    savings: 'Potensi penghematan per tahun',
    confidence: 'Tingkat keyakinan',
    evidence: 'Bukti',
    moreEvidence: (count) => `dan ${count.text} bukti lain di analysis.json`,
    members: { application: 'Aplikasi', agency: 'Instansi', cost: 'Biaya per tahun', role: 'Tindak lanjut' },
    role: { keeper: 'dipertahankan', redundant: 'dikonsolidasikan' },
    estimatedMark: 'perkiraan',
    evidenceKind: {
      'given-code': 'kode fungsi di inventaris',
      acronym: 'akronim',
      keyword: 'kata kunci',
      'url-host': 'alamat web',
      dataset: 'set data bersama',
      neighbour: 'mitra pertukaran data',
      'name-similarity': 'kemiripan nama',
      'shared-host': 'server yang sama',
    },
  },

  silos: {
    isolatedSummary: (isolated, total, share) =>
      `Sebanyak ${isolated.text} dari ${total.text} aplikasi (${share}) tidak bertukar data dengan aplikasi lain mana pun.`,
    agencies: 'Instansi paling tersilo',
    governments: 'Pemerintahan paling tersilo',
    governmentsNote: 'Pemerintah daerah dihitung bersama seluruh Perangkat Daerah di bawahnya.',
    columns: {
      agency: 'Instansi',
      level: 'Jenis instansi',
      applications: 'Aplikasi',
      isolated: 'Tanpa pertukaran data',
      internalOnly: 'Hanya internal',
      crossAgencyShare: 'Pertukaran lintas instansi',
      manualExchanges: 'Pertukaran manual',
      siloScore: 'Skor silo',
    },
    none: 'Analisis tidak memuat metrik instansi.',
    findings: 'Temuan menurut jenis',
    findingsColumns: { kind: 'Jenis temuan', count: 'Jumlah', agencies: 'Instansi' },
    kind: {
      'isolated-application': 'Aplikasi tanpa pertukaran data',
      'internal-only-application': 'Aplikasi yang hanya bertukar data di dalam instansinya',
      'manual-exchange': 'Pertukaran data melalui berkas atau secara manual',
      'isolated-agency': 'Instansi yang tidak bertukar data dengan instansi lain',
      'organisational-community': 'Kelompok aplikasi yang mengikuti batas organisasi',
    },
  },
  level: {
    central: 'Kementerian/Lembaga',
    province: 'Pemerintah Provinsi',
    regency: 'Pemerintah Kabupaten',
    city: 'Pemerintah Kota',
    unit: 'Perangkat Daerah',
  },

  recommendations: {
    intro: (count, waves) =>
      `${count.text} rekomendasi dalam ${waves.text} gelombang, sesuai urutan hasil analisis. Penghematan dihitung per tahun ` +
      'dalam rupiah dan menyebutkan rekomendasi serta klaster asalnya.',
    none: 'Analisis tidak menghasilkan rekomendasi.',
    wave: (n) => `Gelombang ${n}`,
    waveSummary: (count, expected) => `${count.text} rekomendasi; perkiraan penghematan seluruhnya ${expected} per tahun.`,
    columns: {
      id: 'Kode',
      kind: 'Jenis',
      title: 'Rekomendasi',
      target: 'Sasaran',
      savings: 'Penghematan per tahun',
      effort: 'Tingkat upaya',
      priority: 'Prioritas',
    },
    rationale: 'Dasar pertimbangan',
    scope: (applications, agencies) => `${applications.text} aplikasi di ${agencies.text} instansi`,
    kind: {
      consolidate: 'Konsolidasi aplikasi',
      'adopt-common': 'Beralih ke Aplikasi Umum',
      integrate: 'Integrasi (interoperabilitas)',
      'share-data': 'Berbagi pakai data',
      retire: 'Penghentian aplikasi',
    },
    effort: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
  },

  target: {
    intro: 'Gambaran portofolio aplikasi setelah seluruh rekomendasi dijalankan, disimulasikan pada inventaris yang sama.',
    none: 'Analisis tidak memuat simulasi kondisi target.',
    columns: { measure: 'Ukuran', before: 'Kondisi saat ini', after: 'Kondisi target', change: 'Perubahan' },
    measure: {
      applications: 'Jumlah aplikasi',
      annualCost: 'Belanja aplikasi per tahun',
      duplicateClusters: 'Klaster aplikasi duplikat',
      siloIndex: 'Indeks silo',
      automatedExchangeShare: 'Pertukaran data otomatis',
    },
    assumptions: 'Asumsi simulasi ini tercantum pada bagian Metode dan asumsi.',
  },

  systems: {
    intro:
      'Inventaris memuat satu catatan untuk setiap instansi yang melaporkan suatu aplikasi, sehingga satu sistem ' +
      'dapat tercatat berkali-kali. Catatan tersebut telah dipadankan menjadi sistem-sistem berikut.',
    records: 'Catatan aplikasi yang dilaporkan',
    distinct: 'Sistem yang berbeda',
    nationalAdopted: 'Platform nasional yang digunakan',
    duplicatingNational: 'Sistem daerah yang menduplikasi sistem nasional',
    nationalTable: 'Platform nasional yang digunakan',
    nationalColumns: { system: 'Sistem', owner: 'Pemilik', agencies: 'Instansi pengguna', records: 'Catatan' },
    modules: 'modul',
    duplicatingTable: 'Sistem daerah yang menduplikasi sistem nasional, per pemerintah daerah',
    duplicatingColumns: { system: 'Sistem daerah', counterpart: 'Padanan nasional', cluster: 'Klaster' },
    noneDuplicating: 'Tidak ada sistem daerah yang menduplikasi sistem nasional.',
    origin: { national: 'nasional', regional: 'daerah', local: 'lokal' },
    governmentsTable: 'Per pemerintah daerah',
    governmentColumns: {
      government: 'Pemerintah',
      records: 'Catatan',
      systems: 'Sistem yang berbeda',
      national: 'Platform nasional yang digunakan',
      duplicating: 'Sistem daerah yang menduplikasi sistem nasional',
      placeholders: 'Baris isian kosong',
      unparseable: 'Baris tidak terbaca',
    },
    skippedTable: 'Baris berisi isian kosong atau yang tidak terbaca',
    skippedIntro:
      'Baris katalog berikut tidak menyebut aplikasi ("tidak ada") atau tidak dapat dibaca sebagaimana tertulis; baris ' +
      'tersebut tidak termasuk dalam catatan di atas (kecuali baris yang terbaca dengan sebagian nilai dibuang). ' +
      'Semuanya juga tercantum pada peringatan data masukan.',
    outcomeColumn: 'Keadaan baris',
    outcome: { placeholder: 'isian kosong', unparseable: 'tidak terbaca' },
    noneSkipped: 'Setiap baris katalog menyebut aplikasi dan terbaca.',
  },

  warnings: {
    none: 'Tidak ada peringatan: seluruh baris data terbaca.',
    count: (count) => `Terdapat ${count.text} peringatan data masukan: baris atau nilai berikut dilewati, sedangkan data lainnya tetap dianalisis.`,
    shown: (shown) => `Ditampilkan ${shown.text} peringatan pertama; seluruhnya tercantum di analysis.json pada bagian "warnings".`,
    columns: { file: 'Berkas', row: 'Baris', column: 'Kolom', message: 'Masalah', fix: 'Perbaikan' },
  },

  method: {
    siloIndexTitle: 'Indeks silo',
    siloIndexText:
      'Indeks silo nasional (siloIndex.value) menggabungkan empat komponen yang masing-masing bernilai 0 sampai 1 ' +
      '(makin tinggi makin tersilo) dengan bobot berikut. Rumus sebagaimana dicatat oleh analisis:',
    partsColumns: { part: 'Komponen', value: 'Nilai', weight: 'Bobot' },
    part: {
      isolation: 'Isolasi: porsi aplikasi yang sama sekali tidak bertukar data',
      insularity: 'Ketertutupan: porsi pertukaran data yang hanya terjadi di dalam satu instansi',
      organisationalAlignment: 'Keselarasan organisasi: seberapa jauh kelompok aplikasi mengikuti batas instansi',
      manualExchange: 'Pertukaran manual: porsi pertukaran data melalui berkas atau secara manual',
    },
    bandsText:
      'Predikat indeks memakai rentang milik siloscope sebagai alat bantu baca, bukan predikat resmi evaluasi SPBE:',
    bandRange: (from, to) => (to === undefined ? `${from} ke atas` : `${from} sampai kurang dari ${to}`),
    duplicatesTitle: 'Klaster aplikasi duplikat',
    duplicatesText:
      'Aplikasi dikelompokkan ke dalam satu klaster duplikat bila menjalankan fungsi referensi yang sama, yaitu ' +
      'kode Arsitektur SPBE (Perpres 132/2022) yang tercantum di inventaris atau disimpulkan dari akronim, kata kunci, ' +
      'alamat web, set data bersama, dan mitra pertukaran data. Setiap klaster menyimpan bukti yang mendasarinya ' +
      '(duplicateClusters[].evidence) dan tingkat keyakinan antara 0 dan 1.',
    keeperTitle: 'Aplikasi yang dipertahankan',
    keeperText:
      'Di setiap klaster satu aplikasi dipertahankan dan aplikasi lainnya dikonsolidasikan ke dalamnya ' +
      '(duplicateClusters[].keeper). Alasan pemilihan yang dicatat oleh analisis:',
    keeperReasonsNone: 'Tidak ada aplikasi yang perlu dipilih untuk dipertahankan karena tidak ada klaster duplikat.',
    costTitle: 'Biaya',
    costText: (estimated, total) =>
      `Biaya tahunan diambil dari inventaris dalam rupiah. Sebanyak ${estimated.text} dari ${total.text} aplikasi tidak ` +
      'mencantumkan biaya (summary.estimatedCostApplications); biayanya diperkirakan dan ditandai cost_estimated ' +
      'di applications.csv. Biaya yang tidak tercantum tidak pernah dianggap nol.',
    redundantText:
      'Pemborosan anggaran sebuah klaster (duplicateClusters[].redundantAnnualCost) adalah bagian biayanya yang ' +
      'tidak lagi diperlukan setelah konsolidasi ke aplikasi yang dipertahankan; jumlahnya untuk seluruh klaster ' +
      'adalah summary.redundantAnnualCost.',
    savingsTitle: 'Penghematan',
    savingsText: (low, expected, high) =>
      `Penghematan disajikan sebagai rentang, bukan kepastian: untuk seluruh klaster, perkiraan terendah, tengah, ` +
      `dan tertinggi setara ${low}, ${expected}, dan ${high} dari pemborosan anggaran ` +
      '(summary.estimatedAnnualSavings dibagi summary.redundantAnnualCost).',
    savingsNoRedundant: 'Tidak ditemukan pemborosan anggaran sehingga tidak ada penghematan yang diperkirakan.',
    assumptionsTitle: 'Asumsi yang dicatat oleh analisis',
    assumptionsNone: 'Analisis tidak mencatat asumsi lain.',
    optionsTitle: 'Pengaturan analisis',
    referenceTitle: 'Catatan data rujukan',
    unconfirmedPlatform: (name) =>
      `${name} diwajibkan secara luas bagi instansi pemerintah, tetapi penetapannya secara resmi sebagai ` +
      'Aplikasi Umum belum terkonfirmasi.',
    clusterList: (ids) => `klaster ${ids}`,
  },

  listMore: (count) => `dan ${count.text} lainnya`,
  moreRows: (shown, rest, where) => `Ditampilkan ${shown.text} baris pertama; ${rest.text} baris lainnya tercantum di ${where}.`,
  none: 'tidak ada',
  yes: 'ya',
  no: 'tidak',
};

const DICTIONARIES: Record<Lang, Dictionary> = { en, id };

export function dictionary(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}
