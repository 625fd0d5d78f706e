/**
 * JSON text made ahead. A value stringified elsewhere (the silo findings, on the thread that found them:
 * silo-thread.ts) need not be stringified again when analysis.json is written: its text is remembered
 * here, keyed by the value itself, and output/file.ts `jsonParts` writes the remembered text instead.
 * The value is frozen when remembered, since a change would leave the text stale.
 */
const texts = new WeakMap<object, string>();

/** Remembers that `JSON.stringify(value)` is `text`; freezes `value` (its top level) and returns it. */
export function rememberJson<T extends object>(value: T, text: string): T {
  Object.freeze(value);
  texts.set(value, text);
  return value;
}

/** `JSON.stringify(value)` when it was remembered, else undefined. */
export function rememberedJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? texts.get(value) : undefined;
}

/**
 * A read-only array known by its JSON text (remembered, as above), parsed on first use: reading its
 * length, an item, a method or iterating parses the text once and reads the parsed array; writing to it
 * throws in strict code. Until something reads it, it costs nothing but the text — the silo findings of a
 * national run (30,000 objects) are written into analysis.json without ever being parsed.
 */
export function lazyJsonArray<T>(text: string): T[] {
  let parsed: T[] | undefined;
  const items = (): T[] => (parsed ??= JSON.parse(text) as T[]);
  const refuse = (): boolean => false;
  // The target only makes the proxy an array (Array.isArray, JSON, equality); every read goes to `items`.
  const proxy = new Proxy([] as T[], {
    get: (_, key) => Reflect.get(items(), key),
    has: (_, key) => Reflect.has(items(), key),
    ownKeys: () => Reflect.ownKeys(items()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(items(), key);
      // Items are reported configurable: the empty target has none, and a proxy may not report a
      // non-configurable property its target lacks. `length` is the target's own (non-configurable) key.
      return descriptor && key !== 'length' ? { ...descriptor, configurable: true } : descriptor;
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
  texts.set(proxy, text);
  return proxy;
}
