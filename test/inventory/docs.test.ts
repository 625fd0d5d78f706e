import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aliases from '../../src/inventory/aliases.js';

/** docs/input.md promises to list every alias; these checks keep it honest when aliases.ts changes. */
const docs = readFileSync(new URL('../../docs/input.md', import.meta.url), 'utf8');

const columnTables = {
  agencies: aliases.AGENCY_COLUMNS,
  applications: aliases.APPLICATION_COLUMNS,
  exchanges: aliases.EXCHANGE_COLUMNS,
  datasets: aliases.DATASET_COLUMNS,
};
const valueTables = {
  level: aliases.LEVEL_VALUES,
  category: aliases.CATEGORY_VALUES,
  origin: aliases.ORIGIN_VALUES,
  status: aliases.STATUS_VALUES,
  mechanism: aliases.MECHANISM_VALUES,
};

describe('docs/input.md', () => {
  it.each(Object.entries(columnTables))('lists every %s column with all its aliases', (_, specs) => {
    for (const spec of specs) {
      const others = spec.aliases.filter((a) => a !== spec.column).map((a) => `\`${a}\``).join(', ');
      expect(docs).toContain(`| \`${spec.column}\` | ${spec.required ? 'yes' : 'no'} | ${others} |`);
    }
  });

  it.each(Object.entries(valueTables))('lists every %s value with all its words', (_, table) => {
    for (const [value, words] of Object.entries(table as Record<string, readonly string[]>)) {
      expect(docs).toContain(`| \`${value}\` | ${words.filter((w) => w !== value).join(', ')} |`);
    }
  });

  it('lists the level name prefixes, table names and placeholders', () => {
    for (const [value, words] of Object.entries(aliases.LEVEL_NAME_PREFIXES)) expect(docs).toContain(`| \`${value}\` | ${words.join(', ')} |`);
    for (const [table, names] of Object.entries(aliases.TABLE_ALIASES)) {
      expect(docs).toContain(`| \`${table}\` | ${names.filter((n) => n !== table).map((n) => `\`${n}\``).join(', ')} |`);
    }
    for (const placeholder of aliases.PLACEHOLDERS) expect(docs).toContain(`\`${placeholder}\``);
    for (const word of Object.keys(aliases.AMOUNT_MULTIPLIERS)) expect(docs.toLowerCase()).toContain(`\`${word}\``);
  });
});
