/**
 * "Jenis Aplikasi": the one column in which regional catalogues say both where an application comes from
 * and whether it is shared. "Aplikasi Pusat/Umum" is a national or shared application used by the unit
 * (origin national, category common); "Aplikasi Khusus/Daerah" one the regional government or unit built
 * (origin local, category specific); "Lainnya" (other) says neither. The same words label groups inside a
 * name cell ("Aplikasi Pusat : SIPD, …; Aplikasi Daerah : SIMPEG, …").
 */
import type { Category, Origin } from '../types.js';
import { normaliseValueKey } from '../inventory/index.js';

export interface Kind {
  origin?: Origin;
  category?: Category;
}

const ORIGIN_WORDS: Record<string, Origin> = {
  pusat: 'national',
  nasional: 'national',
  national: 'national',
  central: 'national',
  kementerian: 'national',
  daerah: 'local',
  lokal: 'local',
  local: 'local',
  pemda: 'local',
  sendiri: 'local',
  mandiri: 'local',
};

const CATEGORY_WORDS: Record<string, Category> = {
  umum: 'common',
  bersama: 'common',
  common: 'common',
  shared: 'common',
  khusus: 'specific',
  spesifik: 'specific',
  specific: 'specific',
};

/** Words that carry no kind: dropped before reading the rest. */
const FILLER = new Set(['aplikasi', 'application', 'app', 'sistem', 'jenis', 'dan', 'atau', 'and', 'or']);
/** A recognised answer that says neither origin nor category. */
const NEITHER = new Set(['lainnya', 'lain', 'lain lain', 'other', 'others', 'lainya']);

/**
 * The kind a text names: `undefined` for a blank cell, `null` when a word is not understood, `{}` for
 * "Lainnya". Conflicting words (pusat and daerah together) are not understood either.
 */
export function parseKind(text: string | undefined): Kind | undefined | null {
  if (text === undefined) return undefined;
  const key = normaliseValueKey(text);
  if (key === '') return undefined;
  const words = key.split(' ').filter((w) => !FILLER.has(w));
  if (words.length === 0) return null;
  if (NEITHER.has(words.join(' '))) return {};
  const kind: Kind = {};
  for (const word of words) {
    const origin = ORIGIN_WORDS[word];
    const category = CATEGORY_WORDS[word];
    if (origin === undefined && category === undefined) return null;
    if (origin !== undefined) {
      if (kind.origin !== undefined && kind.origin !== origin) return null;
      kind.origin = origin;
    }
    if (category !== undefined) {
      if (kind.category !== undefined && kind.category !== category) return null;
      kind.category = category;
    }
  }
  return kind;
}
