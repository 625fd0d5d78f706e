/**
 * The explorer's view state — filters, colour and size encodings, expanded agencies, overview or ego
 * mode, the selected item — and the filter matching. One small store; views subscribe and redraw. The
 * state round-trips through the URL hash, so a view can be bookmarked or shared.
 */
import type { ItemKind } from './api.js';
import type { ExplorerData } from './data.js';

export type ColorBy = 'community' | 'function' | 'silo';
export type SizeBy = 'cost' | 'applications' | 'uniform';

export const FILTER_KEYS = ['level', 'region', 'function', 'status', 'category', 'origin', 'mechanism', 'cluster', 'community'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** '' = any value. Encodings: see `matches`. */
export type Filters = Record<FilterKey, string>;

export interface Focus {
  kind: 'application' | 'agency';
  index: number;
}

export interface ViewState {
  filters: Filters;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  expanded: ReadonlySet<number>;
  mode: 'overview' | 'ego';
  ego?: Focus;
  depth: 1 | 2 | 3;
  selected?: { kind: ItemKind; id: string };
}

export const emptyFilters = (): Filters => ({ level: '', region: '', function: '', status: '', category: '', origin: '', mechanism: '', cluster: '', community: '' });

export function initialState(): ViewState {
  return { filters: emptyFilters(), colorBy: 'community', sizeBy: 'cost', expanded: new Set(), mode: 'overview', depth: 2 };
}

export type Listener = (state: ViewState, previous: ViewState) => void;

export class Store {
  private current: ViewState;
  private readonly listeners: Listener[] = [];
  constructor(state: ViewState) {
    this.current = state;
  }
  get state(): ViewState {
    return this.current;
  }
  update(patch: Partial<ViewState>): void {
    const previous = this.current;
    this.current = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.current, previous);
  }
  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}

export interface Matches {
  /** 1 when the application passes every active filter. */
  app: Uint8Array;
  /** Matching applications per agency. */
  agencyMatches: Int32Array;
  /** 1 when the agency is drawn unfaded (it has a match, or it has no applications and passes the agency filters). */
  agency: Uint8Array;
  /** Per exchange, 0 when a mechanism filter rules it out; undefined when no such filter is set. */
  exchange?: Uint8Array;
  active: boolean;
  matchedApps: number;
}

function parseIndex(value: string, prefix = ''): number {
  return value.startsWith(prefix) ? Number(value.slice(prefix.length)) : NaN;
}

/**
 * Filter semantics. level/region: of the application's agency. function: `s:<sector>`, `f:<function>`
 * or `none` (unclassified). status/category/origin: a dictionary index or `none` (not given).
 * mechanism: the application has an exchange of that mechanism, or `none` (no exchange at all).
 * cluster: `in` (member of any duplicate cluster), `out`, or `c:<cluster>`. community: a community id.
 */
export function matches(data: ExplorerData, filters: Filters): Matches {
  const f = filters;
  const active = FILTER_KEYS.some((k) => f[k] !== '');
  const app = new Uint8Array(data.nApps);
  const agencyMatches = new Int32Array(data.nAgencies);
  const agency = new Uint8Array(data.nAgencies);

  const agencyOk = new Uint8Array(data.nAgencies);
  const level = f.level === '' ? -2 : Number(f.level);
  const region = f.region === '' ? -2 : Number(f.region);
  for (let a = 0; a < data.nAgencies; a++) {
    agencyOk[a] = (level === -2 || data.agencyLevel[a] === level) && (region === -2 || data.agencyRegion[a] === region) ? 1 : 0;
  }

  const fnSector = parseIndex(f.function, 's:');
  const fnCode = parseIndex(f.function, 'f:');
  const dictIndex = (value: string) => (value === '' ? -2 : value === 'none' ? -1 : Number(value));
  const status = dictIndex(f.status);
  const category = dictIndex(f.category);
  const origin = dictIndex(f.origin);
  const mechanismBit = f.mechanism === '' || f.mechanism === 'none' ? 0 : 1 << Number(f.mechanism);
  const cluster = parseIndex(f.cluster, 'c:');
  const community = f.community === '' ? NaN : Number(f.community);

  let matchedApps = 0;
  for (let i = 0; i < data.nApps; i++) {
    let ok = agencyOk[data.appAgency[i]] === 1;
    if (ok && f.function !== '') {
      if (f.function === 'none') ok = data.appFunction[i] < 0;
      else if (!Number.isNaN(fnSector)) ok = data.appSector[i] === fnSector;
      else ok = data.appFunction[i] === fnCode;
    }
    if (ok && status !== -2) ok = data.appStatus[i] === status;
    if (ok && category !== -2) ok = data.appCategory[i] === category;
    if (ok && origin !== -2) ok = data.appOrigin[i] === origin;
    if (ok && f.mechanism !== '') ok = f.mechanism === 'none' ? data.appMechanisms[i] === 0 : (data.appMechanisms[i] & mechanismBit) !== 0;
    if (ok && f.cluster !== '') ok = f.cluster === 'in' ? data.appCluster[i] >= 0 : f.cluster === 'out' ? data.appCluster[i] < 0 : data.appCluster[i] === cluster;
    if (ok && !Number.isNaN(community)) ok = data.appCommunity[i] === community;
    if (ok) {
      app[i] = 1;
      agencyMatches[data.appAgency[i]]++;
      matchedApps++;
    }
  }
  const appLevelActive = FILTER_KEYS.some((k) => k !== 'level' && k !== 'region' && f[k] !== '');
  for (let a = 0; a < data.nAgencies; a++) {
    agency[a] = agencyMatches[a] > 0 || (data.appsOfAgency[a].length === 0 && agencyOk[a] === 1 && !appLevelActive) ? 1 : 0;
  }

  let exchange: Uint8Array | undefined;
  if (mechanismBit !== 0) {
    const wanted = Number(f.mechanism);
    exchange = new Uint8Array(data.nExchanges);
    for (let k = 0; k < data.nExchanges; k++) exchange[k] = data.xMechanism[k] === wanted ? 1 : 0;
  }
  return { app, agencyMatches, agency, exchange, active, matchedApps };
}

/** State → URL hash (filters, encodings, mode); the selection and expansion are left out to keep it short. */
export function stateToHash(state: ViewState): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k] !== '') params.set(k, state.filters[k]);
  if (state.colorBy !== 'community') params.set('color', state.colorBy);
  if (state.sizeBy !== 'cost') params.set('size', state.sizeBy);
  if (state.depth !== 2) params.set('depth', String(state.depth));
  return params.toString();
}

export function stateFromHash(hash: string, base: ViewState): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const filters = { ...base.filters };
  for (const k of FILTER_KEYS) filters[k] = params.get(k) ?? '';
  const color = params.get('color');
  const size = params.get('size');
  const depth = Number(params.get('depth'));
  return {
    ...base,
    filters,
    colorBy: color === 'function' || color === 'silo' ? color : 'community',
    sizeBy: size === 'applications' || size === 'uniform' ? size : 'cost',
    depth: depth === 1 || depth === 3 ? depth : 2,
  };
}
