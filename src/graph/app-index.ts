/**
 * The compact application index: applications, agencies and exchanges as integers, the exchange adjacency
 * as undirected CSR typed arrays (the layout graphology's Louvain index uses: `starts`, `neighbours`).
 * O(applications + agencies + exchanges), two passes over the exchanges, no per-edge allocation.
 */
import { MECHANISMS, type Inventory, type Mechanism } from '../types.js';
import type { AppIndex } from './types.js';

const MECHANISM_CODE: ReadonlyMap<Mechanism, number> = new Map(MECHANISMS.map((m, i) => [m, i]));

export function mechanismCode(mechanism: Mechanism | undefined): number {
  return mechanism === undefined ? -1 : (MECHANISM_CODE.get(mechanism) ?? -1);
}

export function buildAppIndex(inventory: Inventory): AppIndex {
  const agencies = indexAgencies(inventory);
  const n = inventory.applications.length;
  const ids = new Array<string>(n);
  const indexOf = new Map<string, number>();
  const agencyOf = new Int32Array(n);
  const governmentOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const app = inventory.applications[i]!;
    ids[i] = app.id;
    // Ids are unique after loading; should one repeat, exchanges attach to its first application.
    if (!indexOf.has(app.id)) indexOf.set(app.id, i);
    let a = agencies.indexOf.get(app.agencyId);
    if (a === undefined) a = agencies.addUndeclared(app.agencyId);
    agencyOf[i] = a;
  }
  const agencyTable = agencies.finish();
  for (let i = 0; i < n; i++) governmentOf[i] = agencyTable.governmentOf[agencyOf[i]!]!;

  const edges = indexExchanges(inventory, indexOf);
  return { ids, indexOf, agencyOf, governmentOf, agencies: agencyTable, ...edges, ...toCsr(n, edges.src, edges.dst) };
}

function indexAgencies(inventory: Inventory) {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const agency of inventory.agencies) {
    if (indexOf.has(agency.id)) continue;
    indexOf.set(agency.id, ids.length);
    ids.push(agency.id);
  }
  const declared = ids.length;
  return {
    indexOf,
    addUndeclared(id: string): number {
      indexOf.set(id, ids.length);
      ids.push(id);
      return ids.length - 1;
    },
    finish(): AppIndex['agencies'] {
      const parentOf = new Int32Array(ids.length).fill(-1);
      for (const agency of inventory.agencies) {
        if (agency.parentId === undefined) continue;
        const p = indexOf.get(agency.parentId);
        const a = indexOf.get(agency.id)!;
        if (p !== undefined && p !== a) parentOf[a] = p;
      }
      return { ids, indexOf, declared, parentOf, governmentOf: topAncestors(parentOf) };
    },
  };
}

/**
 * Follows parent links to the top-level ancestor, memoising each path. A parent cycle is bad input the
 * loader should have caught; here the whole path rolls up to the first agency met twice, so it terminates.
 */
function topAncestors(parentOf: Int32Array): Int32Array {
  const top = new Int32Array(parentOf.length).fill(-1);
  const onPath = new Uint8Array(parentOf.length);
  const path: number[] = [];
  for (let a = 0; a < parentOf.length; a++) {
    let cur = a;
    while (top[cur] === -1 && parentOf[cur] !== -1 && onPath[cur] === 0) {
      onPath[cur] = 1;
      path.push(cur);
      cur = parentOf[cur]!;
    }
    const root = top[cur] !== -1 ? top[cur]! : cur;
    top[cur] = root;
    for (const x of path) {
      top[x] = root;
      onPath[x] = 0;
    }
    path.length = 0;
  }
  return top;
}

function indexExchanges(inventory: Inventory, indexOf: Map<string, number>) {
  const all = inventory.exchanges;
  const src = new Int32Array(all.length);
  const dst = new Int32Array(all.length);
  const mechanism = new Int8Array(all.length);
  const exchangeAt = new Int32Array(all.length);
  const exchangeIds: string[] = [];
  const ignoredExchanges: AppIndex['ignoredExchanges'] = [];
  let m = 0;
  for (let x = 0; x < all.length; x++) {
    const exchange = all[x]!;
    const s = indexOf.get(exchange.sourceId);
    const t = indexOf.get(exchange.targetId);
    if (s === undefined || t === undefined) {
      ignoredExchanges.push({ id: exchange.id, reason: 'unknown-application' });
      continue;
    }
    if (s === t) {
      ignoredExchanges.push({ id: exchange.id, reason: 'self-exchange' });
      continue;
    }
    src[m] = s;
    dst[m] = t;
    mechanism[m] = mechanismCode(exchange.mechanism);
    exchangeAt[m] = x;
    exchangeIds.push(exchange.id);
    m++;
  }
  return { exchangeIds, src: src.slice(0, m), dst: dst.slice(0, m), mechanism: mechanism.slice(0, m), exchangeAt: exchangeAt.slice(0, m), ignoredExchanges };
}

/** Counting sort of both edge directions into CSR; neighbours of a node keep exchange order. */
function toCsr(n: number, src: Int32Array, dst: Int32Array) {
  const m = src.length;
  const starts = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    starts[src[e]! + 1]++;
    starts[dst[e]! + 1]++;
  }
  for (let i = 0; i < n; i++) starts[i + 1] += starts[i]!;
  const fill = starts.slice(0, n);
  const neighbours = new Int32Array(2 * m);
  const edgeIds = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const s = src[e]!;
    const t = dst[e]!;
    let k = fill[s]!++;
    neighbours[k] = t;
    edgeIds[k] = e;
    k = fill[t]!++;
    neighbours[k] = s;
    edgeIds[k] = e;
  }
  return { starts, neighbours, edgeIds };
}

/** Exchange neighbours of one application (ids; a neighbour joined twice appears twice). */
export function neighbourIds(index: AppIndex, applicationId: string): string[] {
  const k = index.indexOf.get(applicationId);
  if (k === undefined) return [];
  const out: string[] = [];
  for (let e = index.starts[k]!; e < index.starts[k + 1]!; e++) out.push(index.ids[index.neighbours[e]!]!);
  return out;
}
