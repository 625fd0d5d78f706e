/**
 * Small hand-made inventories for the graph and silo tests. Every expected number in the tests is worked
 * out by hand from the pictures below.
 */
import type { Agency, Application, Exchange, Inventory, Mechanism } from '../../src/types.js';

export function agency(id: string, level: Agency['level'], parentId?: string, name = `Agency ${id}`): Agency {
  return parentId === undefined ? { id, name, level, properties: {} } : { id, name, level, parentId, properties: {} };
}

export function app(id: string, agencyId: string, extra: Partial<Application> = {}): Application {
  return { id, agencyId, name: `App ${id}`, datasets: [], properties: {}, ...extra };
}

export function exchange(id: string, sourceId: string, targetId: string, mechanism?: Mechanism, data?: string): Exchange {
  const x: Exchange = { id, sourceId, targetId, properties: {} };
  if (mechanism !== undefined) x.mechanism = mechanism;
  if (data !== undefined) x.data = data;
  return x;
}

export function inventory(parts: Partial<Pick<Inventory, 'agencies' | 'applications' | 'exchanges' | 'datasets'>>): Inventory {
  return {
    source: { path: 'test', format: 'json' },
    agencies: parts.agencies ?? [],
    applications: parts.applications ?? [],
    exchanges: parts.exchanges ?? [],
    datasets: parts.datasets ?? [],
    warnings: [],
  };
}

/**
 * Regency G (no applications of its own) with OPD units U1 and U2; central agencies C and D.
 *
 *   U1: a1 ─api(x1)─ a2 ─manual(x2)─ a3 ─api(x3)─ a1     (a triangle)
 *        a3 ─file(x4)─▶ b1                                  (U1 → U2, inside regency G)
 *   U2: b1 ─api(x5)─▶ b2,  b1 ─api(x6)─▶ b3               (a star around b1)
 *        b1 ─service_bus(x7)─▶ c1                           (U2 → C, crosses the government border)
 *   C:  c1, c2 (c2 exchanges nothing)
 *   D:  d1 ─api(x8)─▶ d2                                   (D talks only to itself)
 *
 * Application order: a1 a2 a3 b1 b2 b3 c1 c2 d1 d2 (indexes 0..9).
 */
export function regencyInventory(): Inventory {
  return inventory({
    agencies: [
      agency('G', 'regency', undefined, 'Kabupaten G'),
      agency('U1', 'unit', 'G', 'Dinas Kesehatan'),
      agency('U2', 'unit', 'G', 'Bappeda'),
      agency('C', 'central', undefined, 'Kementerian C'),
      agency('D', 'central', undefined, 'Badan D'),
    ],
    applications: [
      app('a1', 'U1', { annualCost: 100, function: 'RAB.01', category: 'common' }),
      app('a2', 'U1', { annualCost: 50, function: 'RAB.01' }),
      app('a3', 'U1', { function: 'RAB.02' }),
      app('b1', 'U2', { annualCost: 10, origin: 'national' }),
      app('b2', 'U2'),
      app('b3', 'U2'),
      app('c1', 'C', { annualCost: 1000 }),
      app('c2', 'C', { status: 'retired' }),
      app('d1', 'D'),
      app('d2', 'D'),
    ],
    exchanges: [
      exchange('x1', 'a1', 'a2', 'api'),
      exchange('x2', 'a2', 'a3', 'manual', 'patient list'),
      exchange('x3', 'a3', 'a1', 'api'),
      exchange('x4', 'a3', 'b1', 'file'),
      exchange('x5', 'b1', 'b2', 'api'),
      exchange('x6', 'b1', 'b3', 'api'),
      exchange('x7', 'b1', 'c1', 'service_bus'),
      exchange('x8', 'd1', 'd2', 'api'),
    ],
  });
}

/** Applications `n0..n<nodes-1>` of one agency joined by the given pairs (for structure tests). */
export function pairsInventory(nodes: number, pairs: Array<[number, number]>): Inventory {
  return inventory({
    agencies: [agency('A', 'central')],
    applications: Array.from({ length: nodes }, (_, i) => app(`n${i}`, 'A')),
    exchanges: pairs.map(([s, t], k) => exchange(`e${k}`, `n${s}`, `n${t}`, 'api')),
  });
}
