/**
 * Records → deployed systems. An inventory lists an application once per agency (or unit) that uses it,
 * so several records can be ONE system: every instance of a shared platform (SRIKANDI listed by ten
 * agencies), a national system listed under one name, every record pointing at one deployment (the same
 * host, or host and first path segment), and — unless told otherwise, since units list what they use —
 * records of one government with the same name (or the same lexicon identity: SIMPEG and its long form)
 * and no conflicting address. Records of one system are adoption, never duplicates of each other. Two
 * records never join when they are confidently classified into different functions (one host can carry
 * unrelated applications).
 */
import type { AppFeatures } from './dup-features.js';

export type SystemKind = 'platform' | 'national' | 'shared-host' | 'same-name' | 'single';

export interface SystemGroup {
  index: number;
  kind: SystemKind;
  /** Feature indices of the records, inventory order. */
  members: number[];
  platform?: string;
  /** True for shared platforms and national systems: adopted, not built by the inventory's governments. */
  adopted: boolean;
  fn?: string;
  fnConfidence: number;
  /** Further functions strong evidence supports (a given code the other evidence contradicts). */
  altFns: string[];
  generic: boolean;
  pure: boolean;
  /** Every record's name says it is a dashboard over its function's data (`AppFeatures.view`). */
  view: boolean;
}

export interface SystemOptions {
  /** Records of one government with the same name and no conflicting address are one system. */
  sameNameIsSameSystem: boolean;
}

export function groupSystems(features: AppFeatures[], options: SystemOptions): { systemOf: Int32Array; systems: SystemGroup[] } {
  const n = features.length;
  const parent = new Int32Array(n);
  const fnOfSet = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    fnOfSet[i] = features[i]!.fn;
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const fa = fnOfSet[ra];
    const fb = fnOfSet[rb];
    if (fa !== undefined && fb !== undefined && fa !== fb) return;
    parent[rb] = ra;
    fnOfSet[ra] = fa ?? fb;
  };

  // Under one key, records first join the record of the same name, then the one of the same function, so
  // an unrelated record under the same key cannot block the others; an unclassified record with a new name
  // joins the key's first record.
  // Most keys hold one record: the anchor maps are made when a second record arrives. One map per kind of
  // key (platform, address, national name): the kinds never share a key.
  type Anchors = Map<string, { first: number; byName?: Map<string, number>; byFn?: Map<string, number> }>;
  const byPlatform: Anchors = new Map();
  const bySystem: Anchors = new Map();
  const byNationalName: Anchors = new Map();
  const join = (byKey: Anchors, key: string, i: number) => {
    const fn = features[i]!.fn;
    const name = nameKeyOf(features[i]!);
    const anchors = byKey.get(key);
    if (anchors === undefined) {
      byKey.set(key, { first: i });
      return;
    }
    if (anchors.byName === undefined || anchors.byFn === undefined) {
      const first = features[anchors.first]!;
      const firstName = nameKeyOf(first);
      anchors.byName = new Map(firstName !== undefined ? [[firstName, anchors.first]] : []);
      anchors.byFn = new Map(first.fn !== undefined ? [[first.fn, anchors.first]] : []);
    }
    const sameName = name !== undefined ? anchors.byName.get(name) : undefined;
    const sameFn = fn !== undefined ? anchors.byFn.get(fn) : undefined;
    const anchor = sameName ?? sameFn ?? (fn === undefined ? anchors.first : undefined);
    if (anchor !== undefined) union(anchor, i);
    if (name !== undefined && sameName === undefined) anchors.byName.set(name, i);
    if (fn !== undefined && sameFn === undefined) anchors.byFn.set(fn, i);
  };
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    if (f.platform !== undefined) join(byPlatform, f.platform, i);
    if (f.system !== undefined) join(bySystem, f.system, i);
    const nameKey = nameKeyOf(f);
    if (f.app.origin === 'national' && f.platform === undefined && nameKey !== undefined) join(byNationalName, nameKey, i);
  }

  if (options.sameNameIsSameSystem) {
    // Records without an address join the record of the same name that has one; records at two different
    // addresses stay two systems.
    const anchors = new Map<string, number>();
    const pending = new Map<string, number[]>();
    features.forEach((f, i) => {
      const nameKey = nameKeyOf(f);
      if (nameKey === undefined) return;
      const key = `${f.government}|${nameKey}`;
      if (f.system !== undefined) {
        if (!anchors.has(key)) anchors.set(key, i);
      } else {
        const list = pending.get(key);
        if (list) list.push(i);
        else pending.set(key, [i]);
      }
    });
    for (const [key, list] of pending) {
      const anchor = anchors.get(key) ?? list[0]!;
      for (const i of list) union(anchor, i);
    }
  }

  // Systems in order of their first record.
  const rootIndex = new Int32Array(n).fill(-1);
  const systems: SystemGroup[] = [];
  const systemOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let s = rootIndex[root]!;
    if (s === -1) {
      s = systems.length;
      rootIndex[root] = s;
      systems.push({ index: s, kind: 'single', members: [i], adopted: false, fnConfidence: 0, altFns: NO_FUNCTIONS, generic: false, pure: false, view: false, platform: undefined, fn: undefined });
    } else systems[s]!.members.push(i);
    systemOf[i] = s;
  }
  for (const system of systems) describe(system, features);
  return { systemOf, systems };
}

/** A system's further functions when it has none (most systems): one shared empty list, frozen (read only). */
const NO_FUNCTIONS = Object.freeze([]) as unknown as string[];

/** What identifies a name across records: its lexicon identity, else its core words. */
export function nameKeyOf(f: AppFeatures): string | undefined {
  return f.nameKey;
}

function describe(system: SystemGroup, features: AppFeatures[]): void {
  const members = system.members;
  if (members.length === 1) return describeSingle(system, features[members[0]!]!);
  let platform: string | undefined;
  let national = 0;
  let view = true;
  const votes = new Map<string, number>();
  // Indexed loops: a national platform's system has a member per government using it.
  for (let m = 0; m < members.length; m++) {
    const f = features[members[m]!]!;
    platform ??= f.platform;
    if (f.fn !== undefined) votes.set(f.fn, (votes.get(f.fn) ?? 0) + f.fnConfidence);
    if (f.app.origin === 'national') national++;
    if (!f.view) view = false;
  }
  let fn: string | undefined;
  let best = 0;
  for (const [code, v] of votes) {
    if (v > best || (v === best && fn !== undefined && code < fn)) {
      fn = code;
      best = v;
    }
  }
  let fnConfidence = 0;
  let generic = false;
  let pure = false;
  const altFns: string[] = [];
  for (let m = 0; m < members.length; m++) {
    const f = features[members[m]!]!;
    if (fn !== undefined && f.fn === fn) {
      fnConfidence = Math.max(fnConfidence, f.fnConfidence);
      generic ||= f.generic;
      pure ||= f.pure;
    }
    if (f.altFn !== undefined && f.altFn !== fn && !altFns.includes(f.altFn)) altFns.push(f.altFn);
  }
  system.platform = platform;
  system.fn = fn;
  system.fnConfidence = fnConfidence;
  system.altFns = altFns;
  system.generic = generic;
  system.pure = pure;
  system.view = view;
  // A system is national when most of its records say so (one mislabelled row does not make it national).
  const isNational = national * 2 > members.length;
  system.adopted = platform !== undefined || isNational;
  // A member at the first member's address: the first itself, whenever it has one.
  system.kind = platform !== undefined ? 'platform' : isNational ? 'national' : features[members[0]!]!.system !== undefined ? 'shared-host' : 'same-name';
}

/** `describe` for a system of one record (most of them), without the vote. */
function describeSingle(system: SystemGroup, f: AppFeatures): void {
  const fn = f.fn;
  const national = f.app.origin === 'national';
  system.platform = f.platform;
  system.fn = fn;
  system.fnConfidence = fn !== undefined ? f.fnConfidence : 0;
  system.altFns = f.altFn !== undefined && f.altFn !== fn ? [f.altFn] : NO_FUNCTIONS;
  system.generic = fn !== undefined && f.generic;
  system.pure = fn !== undefined && f.pure;
  system.view = f.view;
  system.adopted = f.platform !== undefined || national;
  system.kind = f.platform !== undefined ? 'platform' : national ? 'national' : 'single';
}
