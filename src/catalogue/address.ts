/**
 * The address column of a real catalogue holds more than addresses: a URL with or without scheme, an IP
 * address with a port, a "Sumber: …" note after a pipe (what the collector copied the answer from), words
 * saying how the application is reached instead ("VPN", "Desktop", "Aplikasi yang diinstal", "Link
 * khusus FTP"), a placeholder URL ("https://tidakada.invalid"), or any other text (the developer unit, the
 * application's name again). This module reads one cell into the address (if any), what kind of answer it
 * is, and the note to keep.
 */
import { isPlaceholder, normaliseValueKey } from '../inventory/index.js';

export type AddressKind = 'url' | 'ip' | 'access' | 'placeholder' | 'text';

export interface AddressCell {
  kind: AddressKind;
  /** The address as written (a URL, or an IP with its port and path), for `kind` url or ip. */
  url?: string;
  /** An IP address in a private range (or localhost): the same address in two units is two machines. */
  privateAddress?: boolean;
  /** `desktop` or `mobile` when the cell says so ("Desktop", "Aplikasi yang diinstal", a Play Store link). */
  platform?: 'desktop' | 'mobile';
  /** The cell was not only an address: the whole text, kept as a property. */
  note?: string;
}

/** Top-level domains accepted without question; any other two-letter one is a country code. */
const TLDS = new Set([
  'id', 'com', 'net', 'org', 'info', 'site', 'online', 'xyz', 'cc', 'io', 'app', 'dev', 'co', 'biz', 'gov', 'edu', 'me',
  'tech', 'cloud', 'web', 'store', 'link', 'ly', 'ee', 'gle', 'be', 'ai', 'asia', 'space', 'website', 'pro', 'mobi',
]);
/** Reserved names (RFC 2606) and words that make a URL a placeholder. */
const PLACEHOLDER_TLDS = new Set(['invalid', 'example', 'test', 'localhost']);
const PLACEHOLDER_LABELS = new Set(['tidakada', 'tidak-ada', 'none', 'null', 'kosong', 'belumada', 'belum-ada']);

const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3}|localhost`;
const ADDRESS = new RegExp(String.raw`(?:(?:https?|ftp):\/\/|\/\/)?(?:www\.)?(${HOST})(?::\d{1,5})?(?:[\/?#][^\s|"'<>]*)?`, 'gi');

/** Words that answer "how is it reached" without an address; normalised keys. */
const ACCESS_WORDS: Record<string, 'desktop' | 'mobile' | undefined> = {
  vpn: undefined,
  privat: undefined,
  private: undefined,
  intranet: undefined,
  'jaringan lokal': undefined,
  lan: undefined,
  lokal: undefined,
  local: undefined,
  offline: undefined,
  ftp: undefined,
  'link khusus ftp': undefined,
  'link khusus': undefined,
  desktop: 'desktop',
  'aplikasi desktop': 'desktop',
  'aplikasi yang diinstal': 'desktop',
  'aplikasi yang di instal': 'desktop',
  'aplikasi terinstal': 'desktop',
  diinstal: 'desktop',
  terinstal: 'desktop',
  instal: 'desktop',
  install: 'desktop',
  installed: 'desktop',
  android: 'mobile',
  apk: 'mobile',
  mobile: 'mobile',
  playstore: 'mobile',
  'play store': 'mobile',
};

const MOBILE_STORES = ['play.google.com', 'apps.apple.com'];

interface Found {
  url: string;
  host: string;
  /** Index of the match in the text. */
  at: number;
}

function isIp(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isPrivate(host: string): boolean {
  if (host === 'localhost') return true;
  const [a, b] = host.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

function plausibleHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (/^\d/.test(host.slice(host.lastIndexOf('.') + 1))) return isIp(host);
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return TLDS.has(tld) || PLACEHOLDER_TLDS.has(tld) || tld.length === 2;
}

/** The first plausible address in `text`, if any. */
function findAddress(text: string): Found | undefined {
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m !== null; m = ADDRESS.exec(text)) {
    const host = m[1]!.toLowerCase();
    // "E.Pegawai" or "BP.TAPERA" are names with a dot, not hosts; a match glued to a preceding word is not one either.
    const before = m.index > 0 ? text[m.index - 1]! : ' ';
    if (/[a-z0-9]/i.test(before) || !plausibleHost(host)) continue;
    return { url: m[0].replace(/[.,;:)]+$/, ''), host, at: m.index };
  }
  return undefined;
}

function isPlaceholderHost(host: string): boolean {
  const labels = host.split('.');
  return PLACEHOLDER_TLDS.has(labels[labels.length - 1]!) || labels.some((l) => PLACEHOLDER_LABELS.has(l));
}

/** Up to this many words before the address, a cell is still "an address with a label" ("server: 10.0.0.1"). */
const MAX_LEADING_WORDS = 3;

/**
 * Read one address cell (already trimmed, not blank). `strict` is what row repair uses to tell an address
 * column from a shifted description: an address must then open the cell (after at most a short label).
 */
export function parseAddressCell(text: string): AddressCell & { leadingWords: number } {
  const [main = '', ...notes] = text.split('|').map((part) => part.trim());
  const whole = text.trim();
  const keepNote = (cell: AddressCell): AddressCell => (whole !== cell.url ? { ...cell, note: whole } : cell);
  const candidates = [main, ...notes.map((n) => n.replace(/^sumber\s*:\s*/i, ''))];
  for (let k = 0; k < candidates.length; k++) {
    const part = candidates[k]!;
    const found = findAddress(part);
    if (found === undefined) continue;
    const leadingWords = part.slice(0, found.at).trim().split(/\s+/).filter(Boolean).length;
    if (isPlaceholderHost(found.host)) return { kind: 'placeholder', note: whole, leadingWords };
    const ip = isIp(found.host) || found.host === 'localhost';
    const cell: AddressCell = { kind: ip ? 'ip' : 'url', url: found.url };
    if (ip && isPrivate(found.host)) cell.privateAddress = true;
    if (MOBILE_STORES.some((s) => found.host === s)) cell.platform = 'mobile';
    // An address found only in a note counts as if it led the cell: the main part said nothing usable.
    return { ...keepNote(cell), leadingWords: k === 0 ? leadingWords : 0 };
  }
  if (isPlaceholder(main) || main === '') return { kind: 'placeholder', note: whole, leadingWords: 0 };
  const key = normaliseValueKey(main.replace(/\(.*?\)/g, ' '));
  if (key in ACCESS_WORDS) {
    const platform = ACCESS_WORDS[key];
    return { kind: 'access', note: whole, ...(platform ? { platform } : {}), leadingWords: 0 };
  }
  return { kind: 'text', note: whole, leadingWords: key.split(' ').length };
}

/** True when a cell reads as an address answer: an address near its start, an access word, or a placeholder. */
export function looksLikeAddress(text: string): boolean {
  const cell = parseAddressCell(text);
  if (cell.kind === 'text') return false;
  return cell.kind !== 'url' && cell.kind !== 'ip' ? true : cell.leadingWords <= MAX_LEADING_WORDS;
}
