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
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const fnOfSet: Array<string | undefined> = features.map((f) => f.fn);
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
  // Most keys hold one record: the anchor maps are made when a second record arrives.
  const byKey = new Map<string, { first: number; byName?: Map<string, number>; byFn?: Map<string, number> }>();
  const join = (key: string, i: number) => {
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
  features.forEach((f, i) => {
    if (f.platform !== undefined) join(`platform|${f.platform}`, i);
    if (f.system !== undefined) join(`system|${f.system}`, i);
    const nameKey = nameKeyOf(f);
    if (f.app.origin === 'national' && f.platform === undefined && nameKey !== undefined) join(`national|${nameKey}`, i);
  });

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

  const rootIndex = new Map<number, number>();
  const systems: SystemGroup[] = [];
  const systemOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let s = rootIndex.get(root);
    if (s === undefined) {
      s = systems.length;
      rootIndex.set(root, s);
      systems.push({ index: s, kind: 'single', members: [], adopted: false, fnConfidence: 0, altFns: [], generic: false, pure: false, view: false });
    }
    systems[s]!.members.push(i);
    systemOf[i] = s;
  }
  for (const system of systems) describe(system, features);
  return { systemOf, systems };
}

/** What identifies a name across records: its lexicon identity, else its core words. */
export function nameKeyOf(f: AppFeatures): string | undefined {
  return f.nameKey;
}

function describe(system: SystemGroup, features: AppFeatures[]): void {
  if (system.members.length === 1) return describeSingle(system, features[system.members[0]!]!);
  const members = system.members.map((i) => features[i]!);
  const platform = members.find((f) => f.platform !== undefined)?.platform;
  const votes = new Map<string, number>();
  for (const f of members) if (f.fn !== undefined) votes.set(f.fn, (votes.get(f.fn) ?? 0) + f.fnConfidence);
  let fn: string | undefined;
  let best = 0;
  for (const [code, v] of votes) {
    if (v > best || (v === best && fn !== undefined && code < fn)) {
      fn = code;
      best = v;
    }
  }
  const withFn = members.filter((f) => f.fn === fn && fn !== undefined);
  system.platform = platform;
  system.fn = fn;
  system.fnConfidence = withFn.reduce((m, f) => Math.max(m, f.fnConfidence), 0);
  system.altFns = [...new Set(members.flatMap((f) => (f.altFn !== undefined && f.altFn !== fn ? [f.altFn] : [])))];
  system.generic = withFn.some((f) => f.generic);
  system.pure = withFn.some((f) => f.pure);
  system.view = members.every((f) => f.view);
  // A system is national when most of its records say so (one mislabelled row does not make it national).
  const national = members.filter((f) => f.app.origin === 'national').length * 2 > members.length;
  system.adopted = platform !== undefined || national;
  system.kind =
    platform !== undefined
      ? 'platform'
      : national
        ? 'national'
        : members.length === 1
          ? 'single'
          : members.some((f) => f.system !== undefined && f.system === members[0]!.system)
            ? 'shared-host'
            : 'same-name';
}

/** `describe` for a system of one record (most of them), without the vote. */
function describeSingle(system: SystemGroup, f: AppFeatures): void {
  const fn = f.fn;
  const national = f.app.origin === 'national';
  system.platform = f.platform;
  system.fn = fn;
  system.fnConfidence = fn !== undefined ? f.fnConfidence : 0;
  system.altFns = f.altFn !== undefined && f.altFn !== fn ? [f.altFn] : [];
  system.generic = fn !== undefined && f.generic;
  system.pure = fn !== undefined && f.pure;
  system.view = f.view;
  system.adopted = f.platform !== undefined || national;
  system.kind = f.platform !== undefined ? 'platform' : national ? 'national' : 'single';
}
