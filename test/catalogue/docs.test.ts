import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNIT_ABBREVIATIONS } from '../../src/catalogue/agencies.js';
import { FLAT_COLUMNS } from '../../src/catalogue/columns.js';

const DOC = readFileSync(new URL('../../docs/catalogues.md', import.meta.url), 'utf8');

/** The table row of docs/catalogues.md whose first cell starts with `first`. */
function row(first: string): string {
  const line = DOC.split('\n').find((l) => l.startsWith(`| ${first}`));
  expect(line, `a row "| ${first}" in docs/catalogues.md`).toBeDefined();
  return line!;
}

const FIELD_ROWS: Record<string, string> = {
  unit: 'unit **(required)**',
  name: 'name **(required)**',
  government: 'government',
  description: 'description',
  address: 'address',
  kind: 'kind',
  category: 'category',
  origin: 'origin',
  status: 'status |',
  statusReason: 'status reason',
  developer: 'developer',
  platform: 'platform',
  year: 'year',
  annualCost: 'annual cost',
  users: 'users',
  function: 'function',
};

describe('docs/catalogues.md', () => {
  it('lists every header alias and word set of the flat catalogue columns', () => {
    for (const spec of FLAT_COLUMNS) {
      const line = row(FIELD_ROWS[spec.field]!);
      for (const alias of spec.aliases) expect(line, `${spec.field}: ${alias}`).toContain(`\`${alias}\``);
      for (const words of spec.words) expect(line, `${spec.field}: ${words.join(' + ')}`).toContain(words.join(' + '));
    }
  });

  it('lists every unit abbreviation with the name it stands for', () => {
    for (const [abbreviation, name] of Object.entries(UNIT_ABBREVIATIONS)) {
      const line = DOC.split('\n').find((l) => l.endsWith(`| ${name} |`) && l.split('|')[1]!.split(',').map((a) => a.trim()).includes(abbreviation));
      expect(line, `${abbreviation} → ${name}`).toBeDefined();
    }
  });
});
