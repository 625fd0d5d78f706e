/**
 * Names as a reader wants them on a chart. Agency names in Indonesian inventories start with long
 * prefixes ("Pemerintah Kabupaten …") that, cut to a label's width, leave only the prefix: forty column
 * labels all reading "Pemerintah Kabupaten Pe…". Labels use the abbreviations budget documents use
 * (Kab., Kota, Prov.); tooltips keep the full name. Function codes (RAB.09.S05) mean nothing to a policy
 * maker, so functions are named from the reference taxonomy the caller passes in.
 */
import type { Analysis } from '../../src/types.js';
import { estimateTextWidth, truncateText } from './text.js';
import type { ViewOptions } from './types.js';

const GOVERNMENT_PREFIXES: Array<[RegExp, string]> = [
  [/^Pemerintah\s+(?:Daerah\s+)?Kabupaten\s+/i, 'Kab. '],
  [/^Pemerintah\s+(?:Daerah\s+)?Kota\s+/i, 'Kota '],
  [/^Pemerintah\s+(?:Daerah\s+)?Provinsi\s+/i, 'Prov. '],
  [/^Kabupaten\s+/i, 'Kab. '],
  [/^Provinsi\s+/i, 'Prov. '],
];

/** "Pemerintah Kabupaten Sidoarjo" → "Kab. Sidoarjo", "Pemerintah Kota Malang" → "Kota Malang"; others unchanged. */
export function shortAgencyName(name: string): string {
  for (const [pattern, short] of GOVERNMENT_PREFIXES) {
    if (pattern.test(name)) return name.replace(pattern, short);
  }
  return name;
}

/**
 * Cuts `base` to fit `maxWidth` while keeping `suffix` whole, so a roll-up label keeps its count
 * ("Kab. Bengkulu Ut…: 60 units" rather than "Pemerintah Kabupaten Bengkul…").
 */
export function truncateKeepingSuffix(base: string, suffix: string, maxWidth: number, fontSize: number, bold = false): string {
  if (!suffix) return truncateText(base, maxWidth, fontSize, bold);
  const full = base + suffix;
  if (estimateTextWidth(full, fontSize, bold) <= maxWidth) return full;
  const room = maxWidth - estimateTextWidth(suffix, fontSize, bold);
  const cut = truncateText(base, room, fontSize, bold);
  return cut ? cut + suffix : truncateText(full, maxWidth, fontSize, bold);
}

/**
 * Function code → name: the names the engine put on duplicate clusters win, so a view says what the
 * report and the cluster labels say even when the taxonomy was edited since the run; the caller's names
 * (the reference taxonomy, passed by the renderer) fill in every other function.
 */
export function functionNames(analysis: Analysis, options: Pick<ViewOptions, 'functionNames'> = {}): Map<string, string> {
  const names = new Map<string, string>();
  for (const [code, name] of Object.entries(options.functionNames ?? {})) if (name) names.set(code, name);
  for (const c of analysis.duplicateClusters) if (c.functionName && c.functionName !== c.function) names.set(c.function, c.functionName);
  return names;
}

/** The code a reader can look up: the engine marks codes it does not know as `opaque:<code>`. */
export function displayCode(code: string): string {
  return code.startsWith('opaque:') ? code.slice('opaque:'.length) : code;
}

/** A function's name when known, else its code as the inventory gave it. */
export function functionName(code: string, names: Map<string, string>): string {
  const name = names.get(code);
  return name && name !== displayCode(code) ? name : displayCode(code);
}

/** A unit's label cut to `maxWidth`: government prefixes abbreviated, a roll-up's count always kept. */
export function unitLabel(unit: { name: string; suffix?: string }, maxWidth: number, fontSize: number, bold = false): string {
  const suffix = unit.suffix && unit.name.endsWith(unit.suffix) ? unit.suffix : '';
  const base = suffix ? unit.name.slice(0, unit.name.length - suffix.length) : unit.name;
  return truncateKeepingSuffix(shortAgencyName(base), suffix, maxWidth, fontSize, bold);
}
