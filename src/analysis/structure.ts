/**
 * Fragile points of the integration: bridges and articulation points of the undirected application
 * exchange graph, and its connected components.
 *
 * Tarjan (1972, "Depth-first search and linear graph algorithms"), run iteratively over the CSR index with
 * explicit stacks so a 25,000-application chain cannot overflow the call stack. O(applications + exchanges).
 * A DFS tree edge v→w is a bridge when low(w) > disc(v); v is an articulation point when some child w has
 * low(w) ≥ disc(v) (the root: when it has two or more children). Parallel exchanges between one pair are
 * separate edges, so a pair joined twice is never a bridge; only the tree edge itself is skipped.
 *
 * `separates` (how many applications a point or bridge cuts off): removing an articulation point v splits
 * its component (size S) into pieces — each child subtree w with low(w) ≥ disc(v), and the rest; v
 * separates S − 1 − (largest piece) applications, i.e. all those that lose the main body. A bridge
 * separates the smaller of its two sides. Components count only those with two or more applications.
 */
import type { GraphStructure } from '../types.js';
import type { AppIndex } from '../graph/types.js';

export const STRUCTURE_DEFAULTS = {
  /** How many bridges and articulation points to list (the counts cover all of them). */
  top: 50,
};

export type StructureOptions = Partial<typeof STRUCTURE_DEFAULTS>;

export function analyzeStructure(index: AppIndex, options: StructureOptions = {}): GraphStructure {
  const { top } = { ...STRUCTURE_DEFAULTS, ...options };
  const n = index.ids.length;
  const { starts, neighbours, edgeIds } = index;

  const disc = new Int32Array(n); // 0 = unvisited; visit times start at 1
  const low = new Int32Array(n);
  const size = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const cutSum = new Int32Array(n);
  const cutMax = new Int32Array(n);
  const cutChildren = new Int32Array(n);
  const visitOrder = new Int32Array(n);
  const stack = new Int32Array(n);

  const bridges: Array<{ edge: number; separates: number }> = [];
  const points: Array<{ app: number; separates: number }> = [];
  let components = 0;
  let largestComponent = 0;
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== 0 || starts[root + 1] === starts[root]) continue;
    const firstVisit = time;
    const firstBridge = bridges.length;
    let sp = 0;
    stack[sp++] = root;
    disc[root] = low[root] = ++time;
    visitOrder[time - 1] = root;
    size[root] = 1;
    cursor[root] = starts[root]!;

    while (sp > 0) {
      const v = stack[sp - 1]!;
      if (cursor[v]! < starts[v + 1]!) {
        const k = cursor[v]!++;
        const w = neighbours[k]!;
        if (edgeIds[k] === parentEdge[v]) continue;
        if (disc[w] === 0) {
          parent[w] = v;
          parentEdge[w] = edgeIds[k]!;
          disc[w] = low[w] = ++time;
          visitOrder[time - 1] = w;
          size[w] = 1;
          cursor[w] = starts[w]!;
          stack[sp++] = w;
        } else if (disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      sp--;
      const p = parent[v]!;
      if (p === -1) continue;
      size[p] += size[v]!;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      if (low[v]! >= disc[p]!) {
        cutSum[p] += size[v]!;
        if (size[v]! > cutMax[p]!) cutMax[p] = size[v]!;
        cutChildren[p]++;
      }
      if (low[v]! > disc[p]!) bridges.push({ edge: parentEdge[v]!, separates: size[v]! });
    }

    const componentSize = size[root]!;
    components++;
    if (componentSize > largestComponent) largestComponent = componentSize;
    for (let b = firstBridge; b < bridges.length; b++) {
      const below = bridges[b]!.separates;
      bridges[b]!.separates = Math.min(below, componentSize - below);
    }
    for (let t = firstVisit; t < time; t++) {
      const v = visitOrder[t]!;
      const isPoint = v === root ? cutChildren[v]! >= 2 : cutChildren[v]! >= 1;
      if (!isPoint) continue;
      const rest = componentSize - 1 - cutSum[v]!;
      points.push({ app: v, separates: componentSize - 1 - Math.max(rest, cutMax[v]!) });
    }
  }

  return {
    bridges: topBy(bridges, top, (b) => `${index.ids[index.src[b.edge]!]!}\u0000${index.ids[index.dst[b.edge]!]!}`).map((b) => ({
      sourceId: index.ids[index.src[b.edge]!]!,
      targetId: index.ids[index.dst[b.edge]!]!,
      exchangeId: index.exchangeIds[b.edge]!,
      separates: b.separates,
    })),
    articulationPoints: topBy(points, top, (p) => index.ids[p.app]!).map((p) => ({ applicationId: index.ids[p.app]!, separates: p.separates })),
    bridgeCount: bridges.length,
    articulationPointCount: points.length,
    components,
    largestComponent,
  };
}

/** The `top` items by `separates` (descending), ties by id (source, then target, for bridges). */
function topBy<T extends { separates: number }>(items: T[], top: number, idOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, id: idOf(item) }))
    .sort((a, b) => b.item.separates - a.item.separates || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, top)
    .map((x) => x.item);
}
