/**
 * Search for the explorer (GET /api/search?q=): applications, agencies, functions, duplicate clusters and
 * recommendations by name, id or code, with acronyms expanded through the reference lexicon — "SIMPEG"
 * also finds "Sistem Informasi Manajemen Kepegawaian" and the personnel function, and "ekinerja" finds
 * "e-Kinerja". Text is folded once at build time (case, diacritics, punctuation); a query is a linear
 * scan with substring tests, a few milliseconds over 25,000 applications, so no inverted index is needed.
 *
 * Ranking: exact label, then label prefix, then a word of the label starting with the query, then any
 * substring; every query word must occur (AND). Near-ties go to the kind an analyst most often means
 * (application, agency, function, cluster, recommendation) and to larger items, then to the shorter label.
 */
import type { AcronymEntry } from '../reference/index.js';
import type { ExplorerModel } from './model.js';
import type { SearchHit, SearchKind, SearchResponse } from './protocol.js';
import { formatCount, formatRupiah } from '../../visualizations/shared/format.js';

export const SEARCH_DEFAULTS = {
  limit: 50,
  /** Most hits of one kind, so a common word cannot push every agency off the list. */
  perKind: { application: 40, agency: 15, function: 10, cluster: 10, recommendation: 8 } as Record<SearchKind, number>,
  /** Queries shorter than this (after folding) return nothing. */
  minLength: 1,
  maxQueryLength: 200,
};

interface Entry {
  kind: SearchKind;
  id: string;
  label: string;
  detail: string;
  /** Folded label, folded id and folded extra text, space-joined. */
  text: string;
  /** `text` without spaces, so "ekinerja" meets "e kinerja". */
  compact: string;
  foldedLabel: string;
  /** `foldedLabel` without spaces: "e-Kinerja" is an exact match for "ekinerja". */
  compactLabel: string;
  foldedId: string;
  weight: number;
}

export interface SearchIndex {
  entries: Entry[];
  /** Folded acronym or variant → lexicon entry. */
  acronyms: Map<string, AcronymEntry>;
}

const KIND_ORDER: Record<SearchKind, number> = { application: 0, agency: 1, function: 2, cluster: 3, recommendation: 4 };

/** Lower case, no diacritics, punctuation as spaces, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function entry(kind: SearchKind, id: string, label: string, detail: string, extra: string[], weight = 0): Entry {
  const foldedLabel = fold(label);
  const foldedId = fold(id);
  const text = [foldedLabel, foldedId, ...extra.map(fold)].filter(Boolean).join(' ');
  return { kind, id, label, detail, text, compact: text.replace(/ /g, ''), foldedLabel, compactLabel: foldedLabel.replace(/ /g, ''), foldedId, weight };
}

export function buildSearchIndex(model: ExplorerModel): SearchIndex {
  const entries: Entry[] = [];
  const functionCount = new Map<string, number>();
  model.applications.forEach((app, i) => {
    const agency = model.agencies[model.agencyOfApp[i]];
    const fn = app.function ? model.functionName.get(app.function) ?? app.function : 'unclassified';
    if (app.function) functionCount.set(app.function, (functionCount.get(app.function) ?? 0) + 1);
    const record = model.records[i];
    entries.push(entry('application', app.id, model.applicationName(i), `${agency.name} · ${fn}`, [record?.url ?? ''], Math.log10(1 + app.annualCost) / 100));
  });
  model.agencies.forEach((agency, i) => {
    const apps = model.appsOfAgency[i].length;
    const detail = [agency.level, agency.region, `${formatCount(apps)} application${apps === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
    entries.push(entry('agency', agency.id, agency.name, detail, [agency.region ?? ''], Math.log10(1 + apps) / 100));
  });
  const functionCodes = new Set<string>(functionCount.keys());
  for (const c of model.analysis.duplicateClusters) functionCodes.add(c.function);
  for (const code of functionCodes) {
    const def = model.reference?.functionByCode.get(code);
    const name = model.functionName.get(code);
    const apps = functionCount.get(code) ?? 0;
    entries.push(entry('function', code, name ? `${code} ${name}` : code, `${formatCount(apps)} application${apps === 1 ? '' : 's'}`, [def?.name.id ?? ''], Math.log10(1 + apps) / 100));
  }
  for (const c of model.analysis.duplicateClusters) {
    entries.push(
      entry('cluster', c.id, c.label, `${c.applications.length} applications · ${formatRupiah(c.redundantAnnualCost)} redundant a year`, [c.functionName ?? '', c.function]),
    );
  }
  for (const r of model.analysis.recommendations) {
    entries.push(entry('recommendation', r.id, r.title, `${r.kind} · wave ${r.wave} · saves ${formatRupiah(r.estimatedAnnualSavings.expected)} a year`, [r.kind]));
  }
  const acronyms = new Map<string, AcronymEntry>();
  for (const a of model.reference?.acronyms ?? []) {
    for (const name of [a.acronym, ...(a.variants ?? [])]) {
      const key = fold(name).replace(/ /g, '');
      if (key && !acronyms.has(key)) acronyms.set(key, a);
    }
  }
  return { entries, acronyms };
}

function scoreOf(e: Entry, q: string, tokens: string[], compactQ: string): number {
  const all = tokens.every((t) => e.text.includes(t));
  if (!all && !(compactQ.length >= 3 && e.compact.includes(compactQ))) return 0;
  let score: number;
  if (e.foldedLabel === q || e.foldedId === q || e.compactLabel === compactQ) score = 100;
  else if (e.foldedLabel.startsWith(q) || e.compactLabel.startsWith(compactQ)) score = 80;
  else if (e.foldedLabel.includes(` ${tokens[0]}`) || e.foldedLabel.startsWith(tokens[0])) score = 60;
  else if (e.foldedLabel.includes(q)) score = 45;
  else score = 35;
  return score - KIND_ORDER[e.kind] * 0.5 + e.weight;
}

export function searchExplorer(index: SearchIndex, query: string, options: Partial<typeof SEARCH_DEFAULTS> = {}): SearchResponse {
  const o = { ...SEARCH_DEFAULTS, ...options };
  const raw = query.slice(0, o.maxQueryLength);
  const q = fold(raw);
  if (q.length < o.minLength) return { query: raw, hits: [], total: 0 };
  const tokens = q.split(' ');
  const compactQ = q.replace(/ /g, '');
  const acronym = index.acronyms.get(compactQ);
  const longForm = acronym?.longForm ? fold(acronym.longForm) : undefined;
  const longTokens = longForm?.split(' ');
  const via = acronym ? `acronym ${acronym.acronym}${acronym.longForm ? ` = ${acronym.longForm}` : ''}` : undefined;

  // Scores in a typed array and hits as indexes: at national scale a common word matches tens of
  // thousands of entries, and only the few kept become objects.
  const entries = index.entries;
  const score = new Float64Array(entries.length);
  const viaAcronym = new Uint8Array(entries.length);
  const longCompact = longForm?.replace(/ /g, '');
  const matched: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    let s = scoreOf(e, q, tokens, compactQ);
    if (longForm && longTokens && longCompact) {
      const viaScore = scoreOf(e, longForm, longTokens, longCompact) * 0.7;
      if (viaScore > s) {
        s = viaScore;
        viaAcronym[i] = 1;
      }
    }
    if (acronym?.function && e.kind === 'function' && e.id === acronym.function) {
      s = Math.max(s, 70);
      viaAcronym[i] = 1;
    }
    if (s > 0) {
      score[i] = s;
      matched.push(i);
    }
  }
  // Ties: the shorter label, then inventory order (stable and cheap; no locale collation per comparison).
  matched.sort((a, b) => score[b] - score[a] || entries[a].label.length - entries[b].label.length || a - b);
  const perKind = new Map<SearchKind, number>();
  const kept: SearchHit[] = [];
  for (const i of matched) {
    const e = entries[i];
    const n = perKind.get(e.kind) ?? 0;
    if (n >= o.perKind[e.kind]) continue;
    perKind.set(e.kind, n + 1);
    kept.push({ kind: e.kind, id: e.id, label: e.label, detail: e.detail, ...(viaAcronym[i] && via ? { via } : {}), score: Math.round(score[i] * 1000) / 1000 });
    if (kept.length >= o.limit) break;
  }
  return { query: raw, hits: kept, total: matched.length };
}
