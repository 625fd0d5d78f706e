/**
 * Text normalisation and similarity for Indonesian application names and descriptions: folding (case,
 * diacritics, punctuation, camelCase), spelling synonyms (ijin → izin), boilerplate and region words,
 * version suffixes, URL hosts and "system keys", a token trie for exact phrase matching, and the
 * set similarities the duplicate detector scores with (IDF-weighted Jaccard, Dice over character
 * trigrams, sparse cosine).
 *
 * Phrase matching is on whole normalised tokens, never on substrings: "pengaduan" (complaints) and
 * "pengadaan" (procurement) are different tokens. The trie matches a phrase across token boundaries in its
 * compact form too, so "e-Kinerja", "e Kinerja" and "eKinerja" all match the lexicon entry "ekinerja".
 */

/** Spelling variants folded onto one form everywhere (keywords and application text alike). */
const SPELLING: Record<string, string> = {
  ijin: 'izin',
  perijinan: 'perizinan',
  perizinannya: 'perizinan',
  propinsi: 'provinsi',
  antrean: 'antrian',
  akte: 'akta',
  sistim: 'sistem',
  aplikasinya: 'aplikasi',
  managemen: 'manajemen',
  menejemen: 'manajemen',
  kec: 'kecamatan',
  kel: 'kelurahan',
  kab: 'kabupaten',
  prov: 'provinsi',
  database: 'data',
  pbj: 'pengadaan',
};

/** Synonyms applied only when comparing names (not when classifying): they make variants identical. */
const NAME_SYNONYMS: Record<string, string> = {
  web: 'website',
  situs: 'website',
  website: 'website',
  absen: 'absensi',
  presensi: 'absensi',
  kehadiran: 'absensi',
  review: 'reviu',
};

export const STOPWORDS: ReadonlySet<string> = new Set([
  'dan', 'di', 'ke', 'dari', 'yang', 'yg', 'untuk', 'utk', 'dengan', 'dgn', 'pada', 'dalam', 'atau', 'ini', 'itu', 'adalah',
  'sebagai', 'oleh', 'serta', 'secara', 'para', 'bagi', 'tentang', 'agar', 'akan', 'dapat', 'telah', 'sudah', 'juga', 'se',
  'merupakan', 'digunakan', 'berisi', 'memuat', 'terkait', 'mulai', 'hingga', 'sampai', 'setiap', 'masing', 'tiap', 'antar',
  'melalui', 'sesuai', 'tersebut', 'kami', 'kita', 'nya', 'kepada', 'terhadap', 'lain', 'lainnya', 'seperti', 'dll', 'dsb',
  'the', 'of', 'and', 'for', 'to', 'in', 'a', 'an', 'on', 'by', 'with', 'is', 'are', 'as', 'at', 'or', 'its',
  'tidak', 'ada', 'belum', 'sumber',
]);

/** Words every system name carries: they say nothing about which system it is. */
export const BOILERPLATE: ReadonlySet<string> = new Set([
  'aplikasi', 'app', 'apps', 'application', 'applications', 'sistem', 'system', 'systems', 'informasi', 'information',
  'si', 'sim', 'manajemen', 'management', 'pengelolaan', 'online', 'daring', 'digital', 'elektronik', 'electronic',
  'terpadu', 'terintegrasi', 'integrated', 'berbasis', 'mobile', 'android', 'ios', 'desktop', 'super', 'versi', 'version',
  'new', 'baru', 'layanan', 'pelayanan', 'service', 'services', 'smart', 'e', 'm', 'i', 'my', 'go', 'id', 'www', 'http', 'https',
  'com', 'net', 'org', 'replikasi', 'platform', 'modul', 'module',
]);

/**
 * Region and organisation words: stripped from names before comparing them, so "e-Kinerja Kab. Madiun" and
 * "eKinerja Kota Malang" compare as "kinerja" and "kinerja".
 */
export const REGION_WORDS: ReadonlySet<string> = new Set([
  'kabupaten', 'kab', 'kota', 'kotamadya', 'provinsi', 'prov', 'pemkab', 'pemkot', 'pemprov', 'pemda', 'pemerintah',
  'daerah', 'kecamatan', 'kec', 'dinas', 'badan', 'bagian', 'kantor', 'sekretariat', 'setda', 'setwan', 'uptd', 'upt',
  'bidang', 'seksi', 'subbag', 'biro', 'ri', 'republik', 'indonesia', 'nasional', 'pusat', 'jatim', 'jateng', 'jabar',
  'diy', 'dki', 'ntb', 'ntt', 'sulsel', 'sumut', 'sumbar', 'kaltim', 'kalsel', 'kalbar', 'kalteng', 'sulut', 'sulteng',
  'kemendagri', 'kementerian', 'lembaga', 'instansi', 'opd', 'skpd', 'perangkat',
]);

/**
 * Abbreviations of Indonesian government units (OPD): in an application's name they say who runs it, not
 * what it does ("SMS Gateway Diskominfo", "Antrian Online RSUD").
 */
export const UNIT_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'bappeda', 'bapenda', 'bpkad', 'bpkpd', 'bppkad', 'bpprd', 'bkpsdm', 'bkpp', 'bkd', 'bpsdm', 'diskominfo', 'kominfo', 'dinkes',
  'disdik', 'dispendik', 'disdikbud', 'dukcapil', 'disdukcapil', 'dispendukcapil', 'dpmptsp', 'dinsos', 'dishub', 'dlh', 'dpupr',
  'pupr', 'dpu', 'bpbd', 'kesbangpol', 'bakesbangpol', 'satpol', 'setda', 'setwan', 'sekwan', 'disperindag', 'diskoperindag',
  'disnaker', 'disnakertrans', 'dispora', 'disparbud', 'disbudpar', 'dpmd', 'dpmdes', 'dp3a', 'dp3akb', 'dppkb', 'dp2kb', 'distan',
  'dkpp', 'dkp', 'dpkp', 'disperkim', 'dispertan', 'rsud', 'puskesmas', 'inspektorat', 'itjen', 'setjen', 'pusdatin', 'biro',
  'dprd', 'kecamatan', 'kelurahan', 'opd', 'uptd', 'bkpsdmd', 'dinas', 'badan',
]);

const VERSION_TOKEN = /^(v\d+|\d+(\.\d+)*|20\d\d|19\d\d|ver\d*)$/;

/*
 * The tables above as Maps for lookups in hot loops: a Map hashes a fresh token string once (property lookup
 * on an object literal internalises it first), and a token such as "constructor" finds nothing instead of a
 * method inherited from Object.prototype.
 */
const SPELLING_OF: ReadonlyMap<string, string> = new Map(Object.entries(SPELLING));
const NAME_SYNONYM_OF: ReadonlyMap<string, string> = new Map(Object.entries(NAME_SYNONYMS));

/** Lower case, no diacritics, "&" as "dan"; camelCase split where a lower-case letter meets a capitalised word. */
export function foldText(text: string): string {
  return text
    .replace(/([a-z])([A-Z][a-zA-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ');
}

/** Normalised tokens: folded, split on anything that is not a letter or digit, spelling variants unified. */
export function tokenize(text: string | undefined): string[] {
  if (!text) return [];
  const ascii = tokenizeAscii(text);
  if (ascii !== undefined) return ascii;
  const out: string[] = [];
  for (const raw of foldText(text).split(/[^a-z0-9]+/)) {
    if (raw === '') continue;
    out.push(SPELLING_OF.get(raw) ?? raw);
  }
  return out;
}

const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * `tokenize` in one pass for plain ASCII text (nearly every name, description and address), undefined for
 * anything else. Same result as the folding path: camelCase splits where `foldText`'s pattern matches
 * (left to right, three characters a match), "&" is the word "dan". Tokens are cut from the text lower-cased
 * once (ASCII lower-casing keeps every position), without a closure per call.
 */
function tokenizeAscii(text: string): string[] | undefined {
  const n = text.length;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) > 127) return undefined;
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c) || isUpper(c) || isDigit(c)) {
      if (isLower(c) && i + 2 < n && isUpper(text.charCodeAt(i + 1)) && (isLower(text.charCodeAt(i + 2)) || isUpper(text.charCodeAt(i + 2)))) {
        // "eKinerja": the lower-case letter ends a word, the next two characters are matched already.
        out.push(spelled(lower.slice(start < 0 ? i : start, i + 1)));
        start = i + 1;
        i += 2;
        continue;
      }
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      out.push(spelled(lower.slice(start, i)));
      start = -1;
    }
    if (c === 38) out.push('dan');
  }
  if (start >= 0) out.push(spelled(lower.slice(start, n)));
  return out;
}

function spelled(token: string): string {
  return SPELLING_OF.get(token) ?? token;
}

export function compact(tokens: readonly string[]): string {
  return tokens.join('');
}

/** A name's tokens as names are compared: synonyms unified, stopwords and boilerplate and version tokens gone. */
export function nameTokens(tokens: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const out: string[] = [];
  // A known word that camelCase or spacing split in two is rejoined ("Web GIS" → "webgis", "Whats App" →
  // "whatsapp"), on the way rather than in a list of its own.
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined && (t.length <= 3 || next.length <= 3)) {
      const joined = t + next;
      if (vocabulary.has(joined)) {
        t = joined;
        i++;
      }
    }
    t = stripNamePrefix(t, vocabulary);
    const syn = NAME_SYNONYM_OF.get(t);
    if (syn !== undefined) t = syn;
    if (t === '' || t.length < 2 || STOPWORDS.has(t) || BOILERPLATE.has(t) || VERSION_TOKEN.test(t)) continue;
    out.push(t);
  }
  return out;
}


/** Prefixes Indonesian system names glue onto a word: e-, m- (mobile), SI- and SIM- (sistem informasi …). */
const NAME_PREFIXES = ['sim', 'si', 'e', 'm'];

/**
 * "ekinerja" → "kinerja", "siabsen" → "absen", "sipengaduan" → "pengaduan": the word behind a glued-on
 * prefix, when the rest is a known word of four letters or more and the whole is not itself a known name.
 */
export function stripNamePrefix(token: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(token)) return token;
  for (const prefix of NAME_PREFIXES) {
    if (!token.startsWith(prefix)) continue;
    const rest = token.slice(prefix.length);
    const word = SPELLING_OF.get(rest) ?? rest;
    if (rest.length >= 3 && word.length >= 4 && vocabulary.has(word)) return word;
    if (rest.length >= 4 && vocabulary.has(rest)) return rest;
  }
  return token;
}

/** The tokens with every glued-on prefix stripped, or undefined when no token has one. */
export function withoutNamePrefixes(tokens: readonly string[], vocabulary: ReadonlySet<string>): string[] | undefined {
  // Made at the first stripped token (most names have none), by push rather than `map` or `slice`, so it is
  // the same kind of array as every other token list.
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const s = stripNamePrefix(t, vocabulary);
    if (out === undefined && s !== t) {
      out = [];
      for (let k = 0; k < i; k++) out.push(tokens[k]!);
    }
    out?.push(s);
  }
  return out;
}

/** Tokens worth comparing in a description. */
export function contentTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t.length >= 3 && !STOPWORDS.has(t) && !BOILERPLATE.has(t) && !/^\d+$/.test(t));
}

// ───────────────────────────── Phrase trie ─────────────────────────────

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  payloads?: T[];
  /** Where each whole token seen so far leads from this node (null: nowhere). */
  byToken?: Map<string, TrieNode<T> | null>;
}

/** Tokens remembered per trie node, so a long-lived trie cannot grow without bound. */
const STEP_CACHE_LIMIT = 100_000;

export interface TrieMatch<T> {
  /** Token span [start, end). */
  start: number;
  end: number;
  payloads: T[];
}

/**
 * Phrases stored by their compact character form (tokens joined), matched on whole-token boundaries: a match
 * must start at a token's first character and end at a token's last one.
 */
export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  size = 0;

  add(phraseTokens: readonly string[], payload: T): void {
    const key = compact(phraseTokens);
    if (key === '') return;
    let node = this.root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    (node.payloads ??= []).push(payload);
    this.size++;
  }

  /** Every match in `tokens`; overlapping matches are all returned (see `maximalMatches`). */
  matchAll(tokens: readonly string[]): Array<TrieMatch<T>> {
    const out: Array<TrieMatch<T>> = [];
    for (let start = 0; start < tokens.length; start++) {
      let node: TrieNode<T> | undefined = this.root;
      for (let i = start; i < tokens.length && node !== undefined; i++) {
        node = this.step(node, tokens[i]!);
        if (node?.payloads !== undefined) out.push({ start, end: i + 1, payloads: node.payloads });
      }
    }
    return out;
  }

  /**
   * The node a whole token leads to from `node`, remembered per node: texts repeat the same few thousand
   * words, so most steps are one map lookup instead of a walk letter by letter.
   */
  private step(node: TrieNode<T>, token: string): TrieNode<T> | undefined {
    const cache = (node.byToken ??= new Map());
    const known = cache.get(token);
    if (known !== undefined) return known ?? undefined;
    let next: TrieNode<T> | undefined = node;
    for (let c = 0; c < token.length && next !== undefined; c++) next = next.next.get(token[c]!);
    if (cache.size < STEP_CACHE_LIMIT) cache.set(token, next ?? null);
    return next;
  }
}

/** Drops matches strictly inside a longer one: "kinerja pegawai" wins over "pegawai", "simda bmd" over "simda". */
export function maximalMatches<T>(matches: Array<TrieMatch<T>>): Array<TrieMatch<T>> {
  return matches.filter(
    (m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

// ───────────────────────────── URLs ─────────────────────────────

export interface UrlInfo {
  host: string;
  /** Path segments, lower case, generic ones (login, index.php, …) removed. */
  path: string[];
  isIp: boolean;
}

const URL_PATTERN = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?((?:\/[^\s|"'<>]*)?)/gi;
const KNOWN_TLDS = new Set([
  'id', 'com', 'net', 'org', 'info', 'site', 'online', 'xyz', 'cc', 'io', 'app', 'dev', 'co', 'biz', 'gov', 'edu', 'me',
  'tech', 'cloud', 'web', 'store', 'link', 'ly', 'ee', 'gle', 'be', 'ai', 'asia', 'space', 'website', 'pro',
]);
const GENERIC_PATH = new Set([
  'login', 'logout', 'index', 'auth', 'landing', 'beranda', 'home', 'admin', 'halamanadmin', 'dashboard', 'public', 'apps',
  'app', 'aplikasi', 'id', 'en', 'site', 'main', 'page', 'pages', 'signin', 'register', 'prog', 'isi', 'utama', 'web',
  'account', 'portal', 'loginctr', 'user', 'client', 'auth-login', 'read',
]);
/** Hosts that carry many unrelated things: without a path they identify nothing. */
const GENERIC_HOSTS = new Set([
  'google.com', 'sites.google.com', 'play.google.com', 'docs.google.com', 'drive.google.com', 'forms.gle', 'youtube.com',
  'youtu.be', 'github.com', 'bit.ly', 's.id', 'linktr.ee', 'tinyurl.com', 'wa.me', 'facebook.com', 'instagram.com',
  'twitter.com', 'x.com', 't.me', 'apps.apple.com', 'localhost',
]);
const GENERIC_HOST_SUFFIXES = ['.blogspot.com', '.wordpress.com', '.github.io'];
const SECOND_LEVEL = new Set(['go', 'co', 'ac', 'or', 'web', 'my', 'sch', 'desa', 'net', 'biz', 'ponpes', 'mil', 'com']);

const IP_HOST = /^\d{1,3}(\.\d{1,3}){3}$/;
const PAGE_SUFFIX = /\.(php|html?|aspx?|jsp)$/;

export function parseUrl(raw: string | undefined): UrlInfo | undefined {
  if (!raw) return undefined;
  const plain = plainUrl(raw);
  if (plain !== undefined) return plain;
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(raw); m !== null; m = URL_PATTERN.exec(raw)) {
    let host = m[1]!.toLowerCase();
    const isIp = IP_HOST.test(host);
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (!isIp && !KNOWN_TLDS.has(tld) && tld.length !== 2) continue;
    if (host.startsWith('www.')) host = host.slice(4);
    return { host, path: pathSegments(m[2] ?? ''), isIp };
  }
  return undefined;
}

const isAlnum = (c: number) => isLower(c) || isDigit(c);

/**
 * `parseUrl` for the common plain address, without running URL_PATTERN: "http://" or "https://", a host of
 * lower-case labels (letters, digits, inner hyphens) ending in a known or two-letter TLD of letters, then
 * nothing or a path of printable characters the pattern's path takes whole. URL_PATTERN's first match on
 * such an address is exactly that host and path, so both give the same; undefined for anything else.
 */
function plainUrl(raw: string): UrlInfo | undefined {
  const hostStart = raw.startsWith('https://') ? 8 : raw.startsWith('http://') ? 7 : -1;
  if (hostStart < 0) return undefined;
  const n = raw.length;
  let i = hostStart;
  let labelStart = i;
  let dots = 0;
  let lettersOnly = true;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46 /* . */) {
      if (i === labelStart || !isAlnum(raw.charCodeAt(labelStart)) || !isAlnum(raw.charCodeAt(i - 1))) return undefined;
      dots++;
      labelStart = i + 1;
      lettersOnly = true;
    } else if (isLower(c)) {
      continue;
    } else if (isDigit(c) || c === 45 /* - */) {
      lettersOnly = false;
    } else break;
  }
  const hostEnd = i;
  if (dots === 0 || !lettersOnly || hostEnd - labelStart < 2) return undefined;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    // The pattern's path stops at whitespace, |, quotes and angle brackets: only a path it takes whole is plain.
    if (c <= 32 || c >= 127 || c === 124 || c === 34 || c === 39 || c === 60 || c === 62) return undefined;
  }
  if (hostEnd < n && raw.charCodeAt(hostEnd) !== 47 /* / */) return undefined;
  const tld = raw.slice(labelStart, hostEnd);
  if (!KNOWN_TLDS.has(tld) && tld.length !== 2) return undefined;
  let host = raw.slice(hostStart, hostEnd);
  if (host.startsWith('www.')) host = host.slice(4);
  return { host, path: pathSegments(raw.slice(hostEnd)), isIp: false };
}

/** The meaningful path segments: query and fragment cut, decoded, lower case, page suffixes and generic ones gone. */
function pathSegments(rawPath: string): string[] {
  const path: string[] = [];
  if (rawPath === '') return path;
  let end = rawPath.length;
  for (let i = 0; i < end; i++) {
    const c = rawPath.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */) end = i;
  }
  for (const raw of rawPath.slice(0, end).split('/')) {
    if (raw === '') continue;
    // Without a "%" there is nothing to decode (decodeURIComponent would return the text unchanged).
    let segment = (raw.includes('%') ? safeDecode(raw) : raw).toLowerCase();
    if (segment.includes('.')) segment = segment.replace(PAGE_SUFFIX, '');
    if (segment !== '' && !GENERIC_PATH.has(segment)) path.push(segment);
  }
  return path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Whether the host made of `labels` from index `from` on is an apex domain (x.go.id, example.com). */
function isApexFrom(labels: readonly string[], from: number): boolean {
  const n = labels.length - from;
  if (n <= 2) return true;
  return n === 3 && SECOND_LEVEL.has(labels[from + 1]!);
}

/**
 * The deployed system a URL points to: its host, or host plus first path segment when an application lives
 * under a path (rsud.x.go.id/tnde beside the hospital's website at rsud.x.go.id) — unless the path repeats
 * the host's name (simpeg.x.go.id/simpeg); undefined when the address alone identifies nothing (Google Sites
 * or bit.ly without a path, a bare IP address that may serve anything).
 */
export function systemKey(url: UrlInfo | undefined): string | undefined {
  if (url === undefined) return undefined;
  const { host, path } = url;
  const first = path[0];
  if (url.isIp || GENERIC_HOSTS.has(host) || hasGenericHostSuffix(host)) return first ? `${host}/${first}` : undefined;
  if (first !== undefined && !isFirstLabel(host, first)) return `${host}/${first}`;
  return host;
}

function hasGenericHostSuffix(host: string): boolean {
  for (let k = 0; k < GENERIC_HOST_SUFFIXES.length; k++) if (host.endsWith(GENERIC_HOST_SUFFIXES[k]!)) return true;
  return false;
}

/** `text` is the host's first label (`host.split('.')[0]`), compared without splitting the host. */
function isFirstLabel(host: string, text: string): boolean {
  const dot = host.indexOf('.');
  return (dot < 0 ? host.length : dot) === text.length && host.startsWith(text);
}

/** True for hosts run by a regional government or on a private address: an application there is local. */
const REGIONAL_PREFIXES = ['kab', 'kota', 'prov', 'pemkab', 'pemkot', 'pemprov'];
const REGIONAL_SUFFIXES = ['kab', 'kota', 'prov'];

/** A label glued to a regional word: kabmadiun, pemkotmalang, madiunkab, batukota (a letter on the other side). */
function isRegionalLabel(label: string): boolean {
  for (const p of REGIONAL_PREFIXES) if (label.length > p.length && label.startsWith(p) && isLower(label.charCodeAt(p.length))) return true;
  for (const s of REGIONAL_SUFFIXES) if (label.length > s.length && label.endsWith(s) && isLower(label.charCodeAt(label.length - s.length - 1))) return true;
  return false;
}

export function isRegionalHost(url: UrlInfo, regionTokens: ReadonlySet<string>): boolean {
  if (url.isIp || url.host === 'localhost') return true;
  // Label by label, as `host.split('.')` gives them, without making the list: most hosts answer early.
  const host = url.host;
  for (let start = 0; ; ) {
    const dot = host.indexOf('.', start);
    const end = dot < 0 ? host.length : dot;
    const label = host.slice(start, end);
    if (isRegionalLabel(label) || regionTokens.has(label)) return true;
    if (dot < 0) return false;
    start = dot + 1;
  }
}

/** Words of the first meaningful path segment ("/paten", "/sipkd", "/Apps/DataAntrian"), for the lexicon. */
export function pathNameTokens(url: UrlInfo): string[] {
  const first = url.path[0];
  return first === undefined ? [] : tokenize(first.replace(/[-_.]/g, ' '));
}

/** Host labels that name the system ("simpeg" in simpeg.madiunkab.go.id), for matching against the lexicon. */
export function hostNameTokens(url: UrlInfo): string[] {
  if (url.isIp) return [];
  const labels = url.host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) {
    const label = labels[i]!;
    if (SECOND_LEVEL.has(label) || KNOWN_TLDS.has(label)) break;
    if (i > 0 && isApexFrom(labels, i)) break;
    if (!label.includes('-')) {
      if (label.length >= 2) out.push(label);
      continue;
    }
    for (const t of label.split('-')) if (t.length >= 2) out.push(t);
  }
  return out;
}

// ───────────────────────────── Similarity ─────────────────────────────

/** Character trigrams of a string padded with one space each side ("sipd" → " si", "sip", "ipd", "pd "). */
export function trigrams(text: string): string[] {
  const s = ` ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return [...out];
}

/** Dice coefficient of two sorted id arrays. */
export function diceSorted(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * intersectCount(a, b)) / (a.length + b.length);
}

export function intersectCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Jaccard of two sorted id arrays, each id weighted (e.g. by IDF). */
export function weightedJaccardSorted(a: Int32Array, b: Int32Array, weight: Float64Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  let union = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Number.MAX_SAFE_INTEGER;
    const y = j < b.length ? b[j]! : Number.MAX_SAFE_INTEGER;
    if (x === y) {
      inter += weight[x]!;
      union += weight[x]!;
      i++;
      j++;
    } else if (x < y) {
      union += weight[x]!;
      i++;
    } else {
      union += weight[y]!;
      j++;
    }
  }
  return union === 0 ? 0 : inter / union;
}

/** Cosine of two sparse vectors given as sorted ids with parallel weights, each already L2-normalised. */
export function cosineSorted(ai: Int32Array, aw: Float64Array, bi: Int32Array, bw: Float64Array): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      dot += aw[i]! * bw[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/**
 * Distinct strings in order of first appearance. A short list is searched, a long one gets a set: most
 * lists made per cluster or recommendation hold a few items, and a set per list costs more to make than
 * the search.
 */
export class DistinctList {
  readonly items: string[] = [];
  private seen: Set<string> | undefined;

  add(value: string): void {
    if (this.seen !== undefined) {
      if (this.seen.has(value)) return;
      this.seen.add(value);
    } else {
      if (this.items.includes(value)) return;
      if (this.items.length === 16) this.seen = new Set([...this.items, value]);
    }
    this.items.push(value);
  }
}

/** Interns strings as dense integer ids, so sets become sorted Int32Arrays. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of a value already interned, without interning it. */
  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

export function sortedIds(values: Iterable<string>, interner: Interner): Int32Array {
  const set = new Set<number>();
  for (const v of values) set.add(interner.id(v));
  return Int32Array.from(set).sort();
}

/**
 * Proper-name tokens of agency names and regions ("madiun", "mejayan", "bpkad"): words that are neither
 * known reference vocabulary nor boilerplate. Stripped from application names before comparing them.
 */
export function properNameTokens(names: Iterable<string | undefined>, vocabulary: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) addProperNameTokens(out, tokenize(name), vocabulary);
  return out;
}

/** `properNameTokens` of names already tokenised (one token list per name, in the same order). */
export function properNameTokensOf(tokenLists: Iterable<readonly string[]>, vocabulary: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const tokens of tokenLists) addProperNameTokens(out, tokens, vocabulary);
  return out;
}

const DIGITS = /^\d+$/;

function addProperNameTokens(out: Set<string>, tokens: readonly string[], vocabulary: ReadonlySet<string>): void {
  for (const t of tokens) {
    if (t.length < 3 || DIGITS.test(t) || vocabulary.has(t) || STOPWORDS.has(t) || BOILERPLATE.has(t)) continue;
    out.add(t);
  }
}

// ───────────────────────────── Text facts shared within one run ─────────────────────────────

/**
 * What one analysis run has already read from its inventory's text, for a later stage of the same run:
 * records reconciliation (systems.ts) parses every address, tokenises the agencies' names and regions for
 * their region words, resolves governments and numbers the distinct names and addresses; the duplicate
 * detector, run next on the system-level view of that inventory, needs the same. The facts are registered
 * under the view inventory `systemView` makes afresh for each run (`shareRunText`), so they live and die
 * with that run: nothing carries over to another run or another inventory. The view is read, never altered.
 */
export interface RunText {
  /** The agencies whose names and regions `regionTokens` holds. */
  agencies: readonly object[];
  /** The vocabulary `regionTokens` was read with: the facts apply to a stage using the same reference. */
  vocabulary: ReadonlySet<string>;
  /** `properNameTokens` of the agencies' names and regions (never mutated). */
  regionTokens: ReadonlySet<string>;
  /** `tokenize` of an agency's name or region, as read for `regionTokens` (never mutated); undefined for another text. */
  tokensOf(text: string): readonly string[] | undefined;
  /** Agency id → its name (made on first call, never mutated). */
  agencyNames(): ReadonlyMap<string, string>;
  /** The top-level government of an agency (`governmentsOf` in dup-features.ts). */
  governmentOf(agencyId: string): string;
  /** `parseUrl(raw)` for an address already parsed (null: parsed, not an address); undefined when not parsed. */
  parsedUrl(raw: string): UrlInfo | null | undefined;
  /**
   * By position of the records of the inventory the facts are registered for: each record's name as a number
   * (one per distinct name), and its address as a number (0: none, or not an address; else one per distinct
   * address, `addressUrl`). Lets a stage keep what it works out per name or address in arrays.
   */
  names: Int32Array;
  addresses: Int32Array;
  /** How many name numbers there are (numbers are 0 … nameCount - 1) and address numbers (1 … addressCount). */
  nameCount: number;
  addressCount: number;
  /** The parsed address of an address number (≥ 1). */
  addressUrl(number: number): UrlInfo;
}

const runTexts = new WeakMap<object, RunText>();

/** Registers the text facts of the run that made `inventory` (a view inventory, new for each run). */
export function shareRunText(inventory: object, text: RunText): void {
  runTexts.set(inventory, text);
}

/** The text facts registered for `inventory`, when they were read from its agencies with `vocabulary`. */
export function runTextOf(inventory: { agencies: readonly object[] }, vocabulary: ReadonlySet<string>): RunText | undefined {
  const text = runTexts.get(inventory);
  return text !== undefined && text.vocabulary === vocabulary && text.agencies === inventory.agencies ? text : undefined;
}
