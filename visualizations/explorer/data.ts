/**
 * The graph payload turned into what the explorer loops over: typed-array columns, an undirected CSR
 * adjacency of applications (for ego networks), per-application mechanism bit masks (for the mechanism
 * filter) and per-agency application lists. Built once after loading; the agency-level adjacency is
 * built on first use.
 */
import type { GraphPayload } from '../../src/serve/protocol.js';

export interface Adjacency {
  /** Neighbours of node i are `list[start[i] .. start[i+1])`; `via` holds the exchange (or pair weight) index. */
  start: Int32Array;
  list: Int32Array;
  via: Int32Array;
}

export interface ExplorerData {
  payload: GraphPayload;
  nAgencies: number;
  nApps: number;
  nExchanges: number;
  appAgency: Int32Array;
  appFunction: Int32Array;
  appSector: Int32Array;
  appStatus: Int32Array;
  appCategory: Int32Array;
  appOrigin: Int32Array;
  appCommunity: Int32Array;
  appCluster: Int32Array;
  appCost: Float64Array;
  appX: Float64Array;
  appY: Float64Array;
  /** Bit m set when the application has an exchange with mechanism m; 0 = no exchange at all. */
  appMechanisms: Uint16Array;
  agencyLevel: Int32Array;
  agencyRegion: Int32Array;
  agencyParent: Int32Array;
  /** Index into payload.governments. */
  agencyGovernment: Int32Array;
  agencySilo: Float64Array;
  agencyCommunity: Int32Array;
  agencyCost: Float64Array;
  agencyX: Float64Array;
  agencyY: Float64Array;
  agencyR: Float64Array;
  /** Sector most of the agency's applications fall in (-1 when none is classified). */
  agencySector: Int32Array;
  appsOfAgency: Int32Array[];
  xSource: Int32Array;
  xTarget: Int32Array;
  xMechanism: Int32Array;
  appAdjacency: Adjacency;
  appIndex: Map<string, number>;
  agencyIndex: Map<string, number>;
  clusterIndex: Map<string, number>;
  agencyAdjacency(): Adjacency;
}

function undirected(n: number, a: Int32Array, b: Int32Array): Adjacency {
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    degree[a[k] + 1]++;
    degree[b[k] + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const start = degree;
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  const via = new Int32Array(start[n]);
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    list[fill[a[k]]] = b[k];
    via[fill[a[k]]++] = k;
    list[fill[b[k]]] = a[k];
    via[fill[b[k]]++] = k;
  }
  return { start, list, via };
}

export function decodeGraph(payload: GraphPayload): ExplorerData {
  const A = payload.agencies;
  const P = payload.applications;
  const X = payload.exchanges;
  const nAgencies = A.id.length;
  const nApps = P.id.length;
  const appFunction = Int32Array.from(P.function);
  const appSector = appFunction.map((f) => (f >= 0 ? payload.dict.functions[f].sector : -1));
  const appAgency = Int32Array.from(P.agency);
  const xSource = Int32Array.from(X.source);
  const xTarget = Int32Array.from(X.target);
  const xMechanism = Int32Array.from(X.mechanism);

  const appMechanisms = new Uint16Array(nApps);
  for (let k = 0; k < xSource.length; k++) {
    const bit = 1 << xMechanism[k];
    appMechanisms[xSource[k]] |= bit;
    appMechanisms[xTarget[k]] |= bit;
  }

  const counts = new Int32Array(nAgencies);
  for (const a of appAgency) counts[a]++;
  const appsOfAgency = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(nAgencies);
  appAgency.forEach((a, i) => {
    appsOfAgency[a][fill[a]++] = i;
  });

  const nSectors = payload.dict.sectors.length;
  const agencySector = new Int32Array(nAgencies).fill(-1);
  const tally = new Int32Array(Math.max(1, nSectors));
  appsOfAgency.forEach((apps, a) => {
    tally.fill(0);
    for (const i of apps) if (appSector[i] >= 0) tally[appSector[i]]++;
    let best = -1;
    for (let s = 0; s < nSectors; s++) if (tally[s] > 0 && (best < 0 || tally[s] > tally[best])) best = s;
    agencySector[a] = best;
  });

  let agencyAdj: Adjacency | undefined;
  const data: ExplorerData = {
    payload,
    nAgencies,
    nApps,
    nExchanges: xSource.length,
    appAgency,
    appFunction,
    appSector,
    appStatus: Int32Array.from(P.status),
    appCategory: Int32Array.from(P.category),
    appOrigin: Int32Array.from(P.origin),
    appCommunity: Int32Array.from(P.community),
    appCluster: Int32Array.from(P.cluster),
    appCost: Float64Array.from(P.annualCost),
    appX: Float64Array.from(P.x),
    appY: Float64Array.from(P.y),
    appMechanisms,
    agencyLevel: Int32Array.from(A.level),
    agencyRegion: Int32Array.from(A.region),
    agencyParent: Int32Array.from(A.parent),
    agencyGovernment: Int32Array.from(A.government),
    agencySilo: Float64Array.from(A.siloScore),
    agencyCommunity: Int32Array.from(A.community),
    agencyCost: Float64Array.from(A.annualCost),
    agencyX: Float64Array.from(A.x),
    agencyY: Float64Array.from(A.y),
    agencyR: Float64Array.from(A.r),
    agencySector,
    appsOfAgency,
    xSource,
    xTarget,
    xMechanism,
    appAdjacency: undirected(nApps, xSource, xTarget),
    appIndex: new Map(P.id.map((id, i) => [id, i])),
    agencyIndex: new Map(A.id.map((id, i) => [id, i])),
    clusterIndex: new Map(payload.clusters.id.map((id, i) => [id, i])),
    agencyAdjacency: () => {
      agencyAdj ??= undirected(nAgencies, xSource.map((s) => appAgency[s]), xTarget.map((t) => appAgency[t]));
      return agencyAdj;
    },
  };
  return data;
}
