import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonParts, PIECE_CHARS, writeTextFile } from '../../src/output/file.js';
import { reportAnalysis } from '../fixtures/report/analysis.js';

describe('jsonParts', () => {
  it('gives, joined, exactly what JSON.stringify gives for an analysis, whatever the slice size', () => {
    const analysis = reportAnalysis();
    for (const size of [1, 2, 3, 256]) {
      for (const perPart of [1, 2, 3, 64]) expect([...jsonParts(analysis, size, perPart)].join('')).toBe(JSON.stringify(analysis));
    }
  });

  it('leaves out and nulls what JSON.stringify leaves out and nulls', () => {
    const value = {
      kept: 1,
      gone: undefined,
      fn: () => 1,
      list: [1, undefined, 'two → 2', [], { a: undefined, b: [null] }],
      empty: [],
      nested: { deep: [1, 2] },
      text: 'Kota "Madiun"\n',
    };
    for (const size of [1, 2, 256]) {
      for (const perPart of [1, 2, 64]) expect([...jsonParts(value, size, perPart)].join('')).toBe(JSON.stringify(value));
    }
    expect([...jsonParts({})].join('')).toBe('{}');
    expect([...jsonParts({ gone: undefined, only: [] })].join('')).toBe('{"only":[]}');
  });

  it('keeps each part to one field, or one slice of the items of a long top-level array', () => {
    const parts = [...jsonParts({ items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], short: [1, 2], n: 2 }, 2, 2)];
    expect(parts).toEqual(['{', '"items":', '[', '{"id":"a"},{"id":"b"}', ',', '{"id":"c"}', ']', ',"short":', '[1,2]', ',"n":', '2', '}']);
  });
});

describe('writeTextFile', () => {
  it('writes the parts in order, across several pieces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'siloscope-file-'));
    try {
      const parts = ['α', 'b'.repeat(PIECE_CHARS), 'c'.repeat(PIECE_CHARS + 3), 'ω'];
      const path = join(dir, 'out.txt');
      await writeTextFile(path, parts);
      expect(await readFile(path, 'utf8')).toBe(parts.join(''));
      await writeTextFile(path, []);
      expect(await readFile(path, 'utf8')).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
