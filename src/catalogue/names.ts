/**
 * Name cells that list several applications. A unit asked "which applications do you use?" sometimes
 * answers in one cell: "Aplikasi Pusat : SIPD-RI, e-Billing Pajak; Aplikasi Daerah : SIMPEG, e-Presensi",
 * and may repeat that cell on several rows, one per address it lists. Such a cell is split into one name
 * per application, each with the kind its group label gives; the repeated rows are then matched to the
 * names they stand for by their addresses (`alignRows`), keeping the order of both lists.
 */
import { parseKind, type Kind } from './kind.js';

export interface ListedName {
  name: string;
  /** 1-based position in the cell. */
  position: number;
  /** Kind given by the group label the name is listed under ("Aplikasi Pusat :"). */
  kind?: Kind;
}

/** Items longer than this many words are descriptions, not names: such a cell is not split on commas. */
const MAX_NAME_WORDS = 6;
/** Two comma-separated items are only split when both are this short (a name, not a phrase with a comma). */
const SHORT_NAME_WORDS = 3;

/** Split on `separators` outside parentheses. */
function splitOutside(text: string, separators: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && separators.includes(c)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "Aplikasi Pusat : a, b" → the label's kind and the rest; undefined when the segment has no kind label. */
function groupLabel(segment: string): { kind: Kind; rest: string } | undefined {
  const colon = segment.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = parseKind(segment.slice(0, colon));
  if (kind === undefined || kind === null || (kind.origin === undefined && kind.category === undefined)) return undefined;
  return { kind, rest: segment.slice(colon + 1) };
}

/**
 * The applications a name cell lists, or undefined when it names one. Strong separators (`;`, line breaks)
 * and group labels always split; commas split when the cell has a group label, three or more items, or
 * two short ones — "Pendaftaran, Verifikasi dan Penerbitan Izin" stays one name.
 */
export function splitNameCell(text: string): ListedName[] | undefined {
  const segments = splitOutside(text, ';\n');
  const groups = segments.map((segment) => {
    const label = groupLabel(segment);
    return { kind: label?.kind, items: splitOutside(label ? label.rest : segment, ',') };
  });
  const labelled = groups.some((g) => g.kind !== undefined);
  const commaItems = groups.reduce((n, g) => n + g.items.length, 0);
  const commaSplit =
    labelled ||
    groups.every((g) => g.items.length === 1) ||
    (commaItems >= 3 && groups.every((g) => g.items.every((item) => wordCount(item) <= MAX_NAME_WORDS))) ||
    groups.every((g) => g.items.every((item) => wordCount(item) <= SHORT_NAME_WORDS));
  const names: ListedName[] = [];
  for (const g of groups) {
    const items = commaSplit ? g.items : [g.items.join(', ')];
    for (const name of items) names.push({ name, position: names.length + 1, ...(g.kind ? { kind: g.kind } : {}) });
  }
  return names.length >= 2 ? names : undefined;
}

// ───────────────────────────── rows ↔ names ─────────────────────────────

/** Words of an address that can name an application: host labels and path segments, without the generic ones. */
const ADDRESS_NOISE = new Set(['www', 'http', 'https', 'go', 'id', 'co', 'com', 'net', 'org', 'or', 'ac', 'web', 'my', 'login', 'index', 'php', 'html', 'auth', 'app', 'apps']);

function addressWords(address: string | undefined): string[] {
  if (address === undefined) return [];
  const body = address.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[?#].*$/, '');
  return body.split(/[./:\-_]+/).filter((w) => w.length >= 2 && !ADDRESS_NOISE.has(w) && !/^\d+$/.test(w));
}

function nameWords(name: string): { words: string[]; compact: string } {
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 2);
  return { words, compact: name.toLowerCase().replace(/[^a-z0-9]/g, '') };
}

/**
 * How well an address fits a name, in [0, 1]: 1 when a word of the address is the name (compacted) or
 * one contains the other ("sipd" in "SIPD-RI", "ep3" for "e-P3"), ½ when they share a word of 4+ letters.
 */
export function addressFit(name: string, address: string | undefined): number {
  const words = addressWords(address);
  if (words.length === 0) return 0;
  const n = nameWords(name);
  let best = 0;
  for (const w of words) {
    const compactWord = w.replace(/[^a-z0-9]/g, '');
    if (compactWord === n.compact) return 1;
    if (n.compact.length >= 3 && compactWord.length >= 3 && (compactWord.includes(n.compact) || n.compact.includes(compactWord))) best = Math.max(best, 1);
    else if (n.words.some((x) => x.length >= 4 && x === w)) best = Math.max(best, 0.5);
  }
  return best;
}

/**
 * Assign each of `rows` (their addresses, in row order) one of `names` (cell order), both orders kept:
 * the monotone assignment with the highest total fit (dynamic programming, O(rows × names)). Ties go to
 * the earlier name. Returns the name index per row, or undefined when there are more rows than names.
 */
export function alignRows(names: readonly string[], addresses: ReadonlyArray<string | undefined>): number[] | undefined {
  const m = addresses.length;
  const n = names.length;
  if (m > n) return undefined;
  const fit = addresses.map((address) => names.map((name) => addressFit(name, address)));
  // best[i][j]: best total for the first i rows using the first j names; -Infinity when impossible.
  const best: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY));
  best[0]!.fill(0);
  for (let i = 1; i <= m; i++) {
    for (let j = i; j <= n; j++) {
      const skip = best[i]![j - 1]!;
      const take = best[i - 1]![j - 1]! + fit[i - 1]![j - 1]!;
      best[i]![j] = Math.max(skip, take);
    }
  }
  const out = new Array<number>(m);
  let j = n;
  for (let i = m; i >= 1; i--) {
    // Walk back preferring "skip" on ties so earlier rows keep the earlier names.
    while (j > i && best[i]![j - 1]! >= best[i]![j]!) j--;
    out[i - 1] = j - 1;
    j--;
  }
  return out;
}
