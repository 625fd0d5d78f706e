/**
 * Writes a generated inventory as the contract's CSV folder (agencies, applications, exchanges, datasets:
 * UTF-8, comma-separated, header row, RFC 4180 quoting by csv-stringify) plus `truth.json`, which loaders
 * ignore. Each file is stringified once from its rows: the national scale writes in well under a second.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { GeneratedInventory } from './types.js';

type Cell = string | number | undefined;

export const COLUMNS = {
  agencies: ['id', 'name', 'level', 'region', 'parent_id'],
  applications: ['id', 'agency_id', 'name', 'description', 'function', 'category', 'origin', 'status', 'status_reason', 'annual_cost', 'users', 'url', 'platform', 'year', 'datasets'],
  exchanges: ['id', 'source_id', 'target_id', 'data', 'mechanism'],
  datasets: ['id', 'name', 'steward_agency_id'],
} as const;

/** Several dataset ids in one cell, as spreadsheets keep lists. */
export const LIST_SEPARATOR = ';';

function csv(columns: readonly string[], rows: Cell[][]): string {
  return stringify([[...columns], ...rows]);
}

export function inventoryCsv(gen: GeneratedInventory): Record<keyof typeof COLUMNS, string> {
  return {
    agencies: csv(
      COLUMNS.agencies,
      gen.agencies.map((a) => [a.id, a.name, a.level, a.region, a.parentId]),
    ),
    applications: csv(
      COLUMNS.applications,
      gen.applications.map((a) => [a.id, a.agencyId, a.name, a.description, a.function, a.category, a.origin, a.status, a.statusReason, a.annualCost, a.users, a.url, a.platform, a.year, a.datasets.join(LIST_SEPARATOR)]),
    ),
    exchanges: csv(
      COLUMNS.exchanges,
      gen.exchanges.map((x) => [x.id, x.sourceId, x.targetId, x.data, x.mechanism]),
    ),
    datasets: csv(
      COLUMNS.datasets,
      gen.datasets.map((d) => [d.id, d.name, d.stewardAgencyId]),
    ),
  };
}

export async function writeInventory(gen: GeneratedInventory, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files = inventoryCsv(gen);
  await Promise.all([
    ...Object.entries(files).map(([name, text]) => writeFile(join(dir, `${name}.csv`), text, 'utf8')),
    writeFile(join(dir, 'truth.json'), truthJson(gen), 'utf8'),
  ]);
}

/** One top-level key per line block and one cluster, trap or system per line: readable and diffable. */
export function truthJson(gen: GeneratedInventory): string {
  const parts = Object.entries(gen.truth).map(([key, value]) => {
    if (Array.isArray(value)) {
      const items = value.map((item) => `  ${JSON.stringify(item)}`).join(',\n');
      return value.length === 0 ? ` ${JSON.stringify(key)}: []` : ` ${JSON.stringify(key)}: [\n${items}\n ]`;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
      return ` ${JSON.stringify(key)}: {\n${entries}\n }`;
    }
    return ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
