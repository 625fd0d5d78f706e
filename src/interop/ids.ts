/**
 * Identifiers siloscope writes into ArchiMate models, and how it reads its own back.
 *
 * Exchange-format identifiers must be xsd:ID (an NCName: a letter or `_` first, no spaces or colons) and
 * unique across the whole document; Archi's CSV importer accepts only `[A-Za-z0-9._-]`. Inventory ids are
 * free text ("DISKOMINFO/01", "app 7") and an agency may share its id with an application, so each id is
 * written as `id-<kind>-<escaped>`: the kind keeps the kinds apart, and every character outside
 * `[A-Za-z0-9-]` (the underscore and the dot included) is written `_<hex code point>_`. The encoding is reversible,
 * which is what lets `import(export(inventory))` give the inventory back with its own ids.
 */

export type IdKind = 'ag' | 'app' | 'ds' | 'x';

const KEPT = /[A-Za-z0-9-]/;
const ESCAPE = /_([0-9a-f]{1,6})_/g;
const ENCODED = /^id-(ag|app|ds|x)-((?:[A-Za-z0-9-]|_[0-9a-f]{1,6}_)+)$/;

/** Any text → characters valid in both an NCName tail and an Archi CSV id. */
export function escapeIdPart(text: string): string {
  let out = '';
  for (const char of text) out += KEPT.test(char) ? char : `_${char.codePointAt(0)!.toString(16)}_`;
  return out;
}

export function encodeId(kind: IdKind, id: string): string {
  return `id-${kind}-${escapeIdPart(id)}`;
}

/** The inventory id behind an identifier siloscope wrote for `kind`, or `undefined` when it is not one. */
export function decodeId(kind: IdKind, identifier: string): string | undefined {
  const match = ENCODED.exec(identifier);
  if (!match || match[1] !== kind) return undefined;
  return match[2]!.replace(ESCAPE, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** An identifier for a derived concept (a relationship, a view) from parts that are each unique in their kind. */
export function derivedId(prefix: string, ...parts: string[]): string {
  // A dot never occurs inside an escaped part, so the parts stay apart and the result stays unique.
  return `id-${prefix}-${parts.map(escapeIdPart).join('.')}`;
}
