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
