/**
 * Agencies from the unit names a flat catalogue writes, and their parent government.
 *
 * Unit names are matched after normalisation: case, spacing and punctuation ignored; "&" read as "dan";
 * an abbreviation in parentheses dropped ("Badan Perencanaan Pembangunan Daerah (BAPPEDA)"); the
 * government's own name dropped from the end ("Dinas Kesehatan Kabupaten Madiun"); common OPD
 * abbreviations written out ("BAPPEDA", "Diskominfo", "Dinas Kominfo"), so the forms one unit is written
 * in become one agency. The abbreviation table is siloscope's, from regional-government usage; regions
 * vary, and docs/catalogues.md lists it.
 *
 * The government is the one given (`--government`), else a government column, else inferred from the
 * sheet: regional hosts name their government (simpeg.madiunkab.go.id → Kabupaten Madiun) and so do
 * descriptions ("… Pemerintah Kabupaten Madiun"). A province is only inferred when no regency or city is.
 */
import type { Agency, AgencyLevel } from '../types.js';
import { inferLevelFromName, normaliseValueKey } from '../inventory/index.js';

/** Abbreviation (normalised) → the unit name it stands for (normalised). */
export const UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  setda: 'sekretariat daerah',
  sekda: 'sekretariat daerah',
  setwan: 'sekretariat dprd',
  'sekretariat dewan': 'sekretariat dprd',
  'sekretariat dewan perwakilan rakyat daerah': 'sekretariat dprd',
  bappeda: 'badan perencanaan pembangunan daerah',
  bapelitbangda: 'badan perencanaan penelitian dan pengembangan daerah',
  bappelitbangda: 'badan perencanaan penelitian dan pengembangan daerah',
  bpkad: 'badan pengelolaan keuangan dan aset daerah',
  bpkd: 'badan pengelolaan keuangan daerah',
  bapenda: 'badan pendapatan daerah',
  bpprd: 'badan pengelolaan pajak dan retribusi daerah',
  bkd: 'badan kepegawaian daerah',
  bkpsdm: 'badan kepegawaian dan pengembangan sumber daya manusia',
  bkpp: 'badan kepegawaian pendidikan dan pelatihan',
  bpbd: 'badan penanggulangan bencana daerah',
  kesbangpol: 'badan kesatuan bangsa dan politik',
  bakesbangpol: 'badan kesatuan bangsa dan politik',
  inspektorat: 'inspektorat daerah',
  dinkes: 'dinas kesehatan',
  disdik: 'dinas pendidikan',
  dindik: 'dinas pendidikan',
  disdikbud: 'dinas pendidikan dan kebudayaan',
  dispendukcapil: 'dinas kependudukan dan pencatatan sipil',
  disdukcapil: 'dinas kependudukan dan pencatatan sipil',
  dukcapil: 'dinas kependudukan dan pencatatan sipil',
  dinsos: 'dinas sosial',
  dishub: 'dinas perhubungan',
  diskominfo: 'dinas komunikasi dan informatika',
  'dinas kominfo': 'dinas komunikasi dan informatika',
  kominfo: 'dinas komunikasi dan informatika',
  dlh: 'dinas lingkungan hidup',
  dpupr: 'dinas pekerjaan umum dan penataan ruang',
  'dinas pupr': 'dinas pekerjaan umum dan penataan ruang',
  disperkim: 'dinas perumahan dan kawasan permukiman',
  dpmptsp: 'dinas penanaman modal dan pelayanan terpadu satu pintu',
  dpmpt: 'dinas penanaman modal dan pelayanan terpadu satu pintu',
  dpmd: 'dinas pemberdayaan masyarakat dan desa',
  dispermades: 'dinas pemberdayaan masyarakat dan desa',
  disnaker: 'dinas tenaga kerja',
  disparpora: 'dinas pariwisata pemuda dan olahraga',
  disbudpar: 'dinas kebudayaan dan pariwisata',
  dispertan: 'dinas pertanian',
  disperindag: 'dinas perindustrian dan perdagangan',
  disdag: 'dinas perdagangan',
  disperpusip: 'dinas perpustakaan dan kearsipan',
  dispusip: 'dinas perpustakaan dan kearsipan',
  dp3a: 'dinas pemberdayaan perempuan dan perlindungan anak',
  satpolpp: 'satuan polisi pamong praja',
  'satpol pp': 'satuan polisi pamong praja',
  damkar: 'dinas pemadam kebakaran',
  rsud: 'rumah sakit umum daerah',
};

/** Spellings of one word that catalogues mix. */
const SPELLING: Readonly<Record<string, string>> = { pemukiman: 'permukiman', kab: 'kabupaten', kec: 'kecamatan', kel: 'kelurahan' };

export interface Government {
  id: string;
  name: string;
  level: AgencyLevel;
  /** Why this government: "given", or what it was inferred from. */
  basis: string;
}

/** Lower-case ASCII slug: "Kecamatan Wungu" → "kecamatan-wungu". */
export function slug(text: string): string {
  return normaliseValueKey(text).replace(/ /g, '-') || 'unnamed';
}

/** The key two spellings of one unit share; `governmentKeys` are the government's name forms to drop from the end. */
export function unitKey(name: string, governmentKeys: readonly string[] = []): string {
  const withoutAbbreviation = name.replace(/\s*\(([^()]*)\)\s*$/, (whole, inner: string) => (/\s/.test(inner.trim()) ? whole : ' '));
  let key = normaliseValueKey(withoutAbbreviation.replace(/&/g, ' dan '))
    .split(' ')
    .map((w) => SPELLING[w] ?? w)
    .join(' ');
  for (const g of governmentKeys) {
    if (key.length > g.length && key.endsWith(` ${g}`)) {
      key = key.slice(0, -g.length - 1);
      break;
    }
  }
  return UNIT_ABBREVIATIONS[key] ?? key;
}

/** The name forms of a government to strip from its units' names ("kabupaten madiun", "pemerintah kabupaten madiun"). */
export function governmentKeys(government: Government | undefined): string[] {
  if (government === undefined) return [];
  const key = unitKey(government.name);
  const bare = key.replace(/^pemerintah /, '');
  return [...new Set([`pemerintah ${bare}`, bare])];
}

/** Government named on the command line or in a cell: its level from its leading words. */
export function governmentFromName(name: string, basis: string): Government | undefined {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const level = inferLevelFromName(trimmed);
  if (level === undefined || level === 'unit') return undefined;
  return { id: slug(trimmed.replace(/^pemerintah\s+/i, '')), name: trimmed, level, basis };
}

// ───────────────────────────── inference ─────────────────────────────

type Tier = 'local' | 'province';

interface Candidate {
  /** Compact name: "madiun". */
  compact: string;
  level: AgencyLevel;
  tier: Tier;
  rows: Set<number>;
  hosts: Set<string>;
  /** Spellings found in text, with counts ("Madiun"). */
  spellings: Map<string, number>;
}

const HOST_SUFFIX: Array<[RegExp, AgencyLevel]> = [
  [/^([a-z]{3,})kab$/, 'regency'],
  [/^([a-z]{3,})kota$/, 'city'],
  [/^([a-z]{3,})prov$/, 'province'],
  [/^(?:kab|pemkab)([a-z]{3,})$/, 'regency'],
  [/^(?:kota|pemkot)([a-z]{3,})$/, 'city'],
  [/^(?:prov|pemprov)([a-z]{3,})$/, 'province'],
];
const LEVEL_WORD: Record<string, AgencyLevel> = { kabupaten: 'regency', kab: 'regency', kota: 'city', provinsi: 'province', prov: 'province' };
const LEVEL_NAME: Record<AgencyLevel, string> = { regency: 'Kabupaten', city: 'Kota', province: 'Provinsi', central: '', unit: '' };
const MENTION = /\b(kabupaten|kab|kota|provinsi|prov)\.?\s+([a-z][a-z]+(?:\s+[a-z][a-z]+){0,3})/gi;
/** Province abbreviations in hosts (jatimprov.go.id) and their names. */
const PROVINCES: Readonly<Record<string, string>> = {
  jatim: 'Jawa Timur', jateng: 'Jawa Tengah', jabar: 'Jawa Barat', jogja: 'DI Yogyakarta', jogjaprov: 'DI Yogyakarta', diy: 'DI Yogyakarta',
  banten: 'Banten', bali: 'Bali', ntb: 'Nusa Tenggara Barat', ntt: 'Nusa Tenggara Timur', sumut: 'Sumatera Utara', sumbar: 'Sumatera Barat',
  sumsel: 'Sumatera Selatan', kalbar: 'Kalimantan Barat', kalteng: 'Kalimantan Tengah', kalsel: 'Kalimantan Selatan', kaltim: 'Kalimantan Timur',
  kaltara: 'Kalimantan Utara', sulut: 'Sulawesi Utara', sulteng: 'Sulawesi Tengah', sulsel: 'Sulawesi Selatan', sultra: 'Sulawesi Tenggara',
  sulbar: 'Sulawesi Barat', riau: 'Riau', kepriprov: 'Kepulauan Riau', jambi: 'Jambi', bengkulu: 'Bengkulu', lampung: 'Lampung',
  babel: 'Kepulauan Bangka Belitung', aceh: 'Aceh', gorontalo: 'Gorontalo', maluku: 'Maluku', malut: 'Maluku Utara', papua: 'Papua',
};

/** What one row offers the inference: its address and its free text (unit, name, description). */
export interface RowText {
  row: number;
  address?: string;
  text: string;
}

/** A winner needs this many rows behind it, and this many times the runner-up's. */
const MIN_ROWS = 2;
const MIN_LEAD = 2;

function hostLabels(address: string): string[] {
  const host = /^(?:[a-z]+:\/\/|\/\/)?([^/:?#\s|]+)/i.exec(address.trim())?.[1]?.toLowerCase() ?? '';
  return host.split('.').flatMap((label) => label.split('-'));
}

/**
 * The government a sheet's rows point at, or undefined when they do not agree clearly enough (see the
 * module header). Hosts and text mentions of one government count once per row.
 */
export function inferGovernment(rows: readonly RowText[]): Government | undefined {
  const candidates = new Map<string, Candidate>();
  const candidate = (compact: string, level: AgencyLevel): Candidate => {
    const key = `${level}|${compact}`;
    let c = candidates.get(key);
    if (c === undefined) {
      c = { compact, level, tier: level === 'province' ? 'province' : 'local', rows: new Set(), hosts: new Set(), spellings: new Map() };
      candidates.set(key, c);
    }
    return c;
  };
  for (const r of rows) {
    for (const label of r.address ? hostLabels(r.address) : []) {
      for (const [pattern, level] of HOST_SUFFIX) {
        const m = pattern.exec(label);
        if (m === null) continue;
        const c = candidate(m[1]!, level);
        c.rows.add(r.row);
        c.hosts.add(label);
        break;
      }
    }
    MENTION.lastIndex = 0;
    for (let m = MENTION.exec(r.text); m !== null; m = MENTION.exec(r.text)) {
      const level = LEVEL_WORD[m[1]!.toLowerCase()]!;
      const words = m[2]!.split(/\s+/);
      // The longest run of words whose compact form is a known candidate, else the first word alone.
      let matched = false;
      for (let k = words.length; k >= 1 && !matched; k--) {
        const compact = words.slice(0, k).join('').toLowerCase();
        if (candidates.has(`${level}|${compact}`)) {
          const c = candidate(compact, level);
          c.rows.add(r.row);
          const spelling = words.slice(0, k).join(' ');
          c.spellings.set(spelling, (c.spellings.get(spelling) ?? 0) + 1);
          matched = true;
        }
      }
      if (!matched) {
        const c = candidate(words[0]!.toLowerCase(), level);
        c.rows.add(r.row);
        c.spellings.set(words[0]!, (c.spellings.get(words[0]!) ?? 0) + 1);
      }
    }
  }
  for (const tier of ['local', 'province'] as const) {
    const ranked = [...candidates.values()].filter((c) => c.tier === tier).sort((a, b) => b.rows.size - a.rows.size || (a.compact < b.compact ? -1 : 1));
    const [first, second] = ranked;
    if (first === undefined) continue;
    if (first.rows.size < MIN_ROWS || (second !== undefined && first.rows.size < MIN_LEAD * second.rows.size)) return undefined;
    return describeCandidate(first);
  }
  return undefined;
}

function titleCase(text: string): string {
  return text.replace(/\S+/g, (w) => (w.length <= 3 && w === w.toUpperCase() ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
}

function describeCandidate(c: Candidate): Government {
  let spelling = [...c.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (spelling === undefined) spelling = c.level === 'province' ? (PROVINCES[c.compact] ?? c.compact) : c.compact;
  const name = `${LEVEL_NAME[c.level]} ${titleCase(spelling)}`;
  const parts: string[] = [];
  if (c.hosts.size > 0) parts.push(`addresses on ${[...c.hosts].sort().slice(0, 3).map((h) => `${h}.go.id`).join(', ')}`);
  if (c.spellings.size > 0) parts.push(`"${name}" in the text`);
  return { id: slug(name), name, level: c.level, basis: `inferred from ${c.rows.size} rows (${parts.join('; ')})` };
}

/** The agency of a government. */
export function governmentAgency(government: Government): Agency {
  return { id: government.id, name: government.name, level: government.level, properties: { government_basis: government.basis } };
}
