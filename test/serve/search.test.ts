import { describe, expect, it } from 'vitest';
import { buildExplorerModel } from '../../src/serve/model.js';
import { buildSearchIndex, fold, searchExplorer } from '../../src/serve/search.js';
import { loadReference } from '../../src/reference/index.js';
import { serveFixture } from './fixture.js';

const { analysis, inventory } = serveFixture();
const index = buildSearchIndex(buildExplorerModel(analysis, inventory, loadReference()));
const ids = (q: string, limit?: number) => searchExplorer(index, q, limit ? { limit } : {}).hits.map((h) => `${h.kind}:${h.id}`);

describe('fold', () => {
  it('drops case, diacritics and punctuation', () => {
    expect(fold('Pengaduan Masyarakat – Kab. Bógor!')).toBe('pengaduan masyarakat kab bogor');
    expect(fold('e-Kinerja')).toBe('e kinerja');
  });
});

describe('explorer search', () => {
  it('ranks an exact name first, then what the acronym stands for', () => {
    // SIMPEG: p1 by name (100); the personnel function through the lexicon (70); r1 has the word (60 − 2);
    // p3 is named by the long form "Sistem Informasi Manajemen Kepegawaian" (prefix 80 × 0.7).
    expect(ids('simpeg')).toEqual(['application:p1', 'function:RAB.09.S05', 'recommendation:r1', 'application:p3']);
    const viaLongForm = searchExplorer(index, 'SIMPEG').hits.find((h) => h.id === 'p3');
    expect(viaLongForm?.via).toBe('acronym SIMPEG = Sistem Informasi Manajemen Kepegawaian');
  });

  it('meets spelling variants of a name: "ekinerja" is e-Kinerja', () => {
    expect(ids('ekinerja').slice(0, 2)).toEqual(['application:p2', 'function:RAB.09.S07']);
  });

  it('requires every word, and finds agencies with their context', () => {
    expect(ids('kabupaten contoh')).toEqual(['agency:u1', 'agency:u2', 'agency:gov']);
    expect(searchExplorer(index, 'kabupaten contoh').hits[0].detail).toBe('unit · Jawa Tengah · 3 applications');
    expect(ids('simpeg arsip')).toEqual([]);
  });

  it('finds functions by code and clusters by label', () => {
    expect(ids('RAB.09.S07')).toEqual(['function:RAB.09.S07']);
    expect(ids('personnel records')).toContain('cluster:c1');
  });

  it('cuts at the limit and reports the total', () => {
    const response = searchExplorer(index, 'simpeg', { limit: 1 });
    expect(response.hits).toHaveLength(1);
    expect(response.total).toBe(4);
    expect(searchExplorer(index, '  ').hits).toEqual([]);
  });
});
