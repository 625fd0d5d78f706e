/**
 * Hand-made inventories for the reference, classification and duplicate tests: agencies and applications
 * with only the fields a test is about.
 */
import type { Agency, Application, Exchange, Inventory, InventoryFormat } from '../../src/types.js';

export type AppSpec = Partial<Omit<Application, 'id' | 'agencyId' | 'name'>> & { id: string; agencyId: string; name: string };

export function app(spec: AppSpec): Application {
  return { datasets: [], properties: {}, ...spec };
}

export function agency(id: string, name: string, parentId?: string, level: Agency['level'] = parentId ? 'unit' : 'regency'): Agency {
  return { id, name, level, parentId, properties: {} };
}

export function inventory(
  agencies: Agency[],
  applications: AppSpec[],
  extra: { exchanges?: Array<[string, string]>; datasets?: Array<[string, string]>; format?: InventoryFormat } = {},
): Inventory {
  return {
    source: { path: 'test', format: extra.format ?? 'csv-folder' },
    agencies,
    applications: applications.map(app),
    exchanges: (extra.exchanges ?? []).map(([sourceId, targetId], i): Exchange => ({ id: `x${i + 1}`, sourceId, targetId, properties: {} })),
    datasets: (extra.datasets ?? []).map(([id, name]) => ({ id, name, properties: {} })),
    warnings: [],
  };
}

/** Two regencies with a few units each: enough structure for within- and cross-agency cases. */
export function twoRegencies(): Agency[] {
  return [
    agency('madiun', 'Pemerintah Kabupaten Madiun'),
    agency('madiun-bkd', 'Badan Kepegawaian Daerah Kabupaten Madiun', 'madiun'),
    agency('madiun-dik', 'Dinas Pendidikan Kabupaten Madiun', 'madiun'),
    agency('madiun-dinkes', 'Dinas Kesehatan Kabupaten Madiun', 'madiun'),
    agency('malang', 'Pemerintah Kota Malang', undefined, 'city'),
    agency('malang-bkd', 'Badan Kepegawaian Daerah Kota Malang', 'malang'),
    agency('malang-dinsos', 'Dinas Sosial Kota Malang', 'malang'),
  ];
}
