/**
 * How one system ends up under many names in real catalogues: acronym alone, acronym plus long form,
 * long form alone, a region suffix ("SIMPEG Kota Malang", "SIMPEG KAB MADIUN"), a version ("v2", "2.0"),
 * case and hyphen drift on e- names ("e-Kinerja", "eKinerja", "E-Kinerja"), the host name typed as a name
 * ("simpeg.madiunkab.go.id"), an "Aplikasi" prefix.
 */
import type { LocalName } from './catalogue/functions.js';
import type { Rng } from './random.js';

/** What name templates may refer to. */
export interface NameScope {
  /** Bare region name: "Madiun", "Jawa Timur", or the agency acronym for central agencies. */
  name: string;
  /** Region with its kind: "Kabupaten Madiun", "Provinsi Jawa Timur", "Kementerian Kesehatan". */
  region: string;
  /** Short region forms for suffixes: "Kab. Madiun", "Madiun", "Jatim", "Kemenkes". */
  shorts: readonly string[];
  head: string;
  unit: string;
}

export function fillTemplate(template: string, scope: NameScope): string {
  return template
    .replace(/\{NAME\}/g, scope.name)
    .replace(/\{R\}/g, scope.region)
    .replace(/\{RS\}/g, scope.shorts[0] ?? scope.name)
    .replace(/\{HEAD\}/g, scope.head)
    .replace(/\{UNIT\}/g, scope.unit)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The template already names a place or unit, so a region suffix would double it. */
function isScoped(template: string): boolean {
  return /\{(NAME|R|RS|HEAD|UNIT)\}/.test(template);
}

function titleCase(word: string): string {
  return word.length <= 1 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase();
}

/** Spellings of one acronym-ish name: "SIMPEG" → Simpeg, simpeg; "e-Kinerja" → eKinerja, E-Kinerja, E-KINERJA. */
export function spellings(short: string): string[] {
  const out = new Set<string>([short]);
  const e = /^e-(.+)$/i.exec(short);
  if (e) {
    const rest = e[1]!;
    out.add(`e${rest}`);
    out.add(`E-${rest}`);
    out.add(`E ${rest}`);
    out.add(`e-${rest.toLowerCase()}`);
    out.add(`E-${rest.toUpperCase()}`);
    out.add(`E${rest.toLowerCase()}`);
  } else if (/^[A-Z0-9-]{3,}$/.test(short)) {
    out.add(titleCase(short));
    out.add(short.toLowerCase());
  } else if (!short.includes(' ')) {
    out.add(short.toUpperCase());
  }
  return [...out];
}

/**
 * The name the owning unit gives its own system. `keepShort` keeps the acronym in the name (planted traps
 * must keep their look-alike word).
 */
export function officialName(rng: Rng, local: LocalName, scope: NameScope, keepShort = false): { name: string; short: string; long?: string } {
  const short = fillTemplate(local.short, scope);
  const long = local.long === undefined ? undefined : fillTemplate(local.long, scope);
  const scoped = isScoped(local.short);
  const suffix = rng.pick(scope.shorts);
  const options: Array<[string, number]> = [[short, 0.42]];
  if (!scoped) options.push([`${short} ${suffix}`, 0.22]);
  if (!scoped && !keepShort) options.push([`${short} v2`, 0.02], [`${short} 2.0`, 0.02]);
  if (long !== undefined) options.push([`${short} (${long})`, 0.17]);
  if (long !== undefined && !keepShort) options.push([long, 0.08], [`${long} ${scope.region}`, 0.03]);
  if (!scoped && /^[A-Z]{4,}$/.test(short)) options.push([`${short} ${suffix.toUpperCase()}`, 0.03]);
  const name = rng.weighted(
    options.map((o) => o[0]),
    options.map((o) => o[1]),
  );
  return long === undefined ? { name, short } : { name, short, long };
}

/** How another unit refers to a local system it uses. */
export function variantName(rng: Rng, official: string, short: string, long: string | undefined, host: string | undefined, scope: NameScope): string {
  const choices: string[] = [short, ...spellings(short), `${short} ${rng.pick(scope.shorts)}`, `Aplikasi ${short}`];
  if (long !== undefined) choices.push(long, `${short} (${long})`);
  if (host !== undefined) choices.push(host);
  if (!/online$/i.test(short)) choices.push(`${short} Online`);
  choices.push(official);
  return rng.pick(choices);
}

/** Typing drift of the eval variant: case, doubled or dropped spaces and hyphens, prefixes, trailing dots. */
export function addNoise(rng: Rng, name: string): string {
  switch (rng.int(0, 5)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase();
    case 2:
      return name.replace(/-/g, ' ');
    case 3:
      return name.replace(/ /g, '  ');
    case 4:
      return `Aplikasi ${name}`;
    default:
      return `${name}.`;
  }
}

/** Words that only make sense in a regional government's catalogue. */
const REGIONAL_WORDS = /daerah|desa|kecamatan|kelurahan|kabupaten|\{HEAD\}|musrenbang|puskesmas|tata ruang|SIMTARU/i;

/** Central agencies do not name systems "… Daerah"; fall back to everything when nothing else fits. */
export function suitable<T>(level: string, items: readonly T[], text: (item: T) => string): readonly T[] {
  if (level !== 'central') return items;
  const kept = items.filter((item) => !REGIONAL_WORDS.test(text(item)));
  return kept.length > 0 ? kept : items;
}
