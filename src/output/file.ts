/**
 * Writing large text files in pieces. A national analysis is some 60 MB of JSON and 30 MB of CSV: built
 * whole, each file is one string (twice its length in bytes once any character is beyond Latin-1, e.g. an
 * arrow in a rationale) plus a UTF-8 copy of it, and those allocations alone trigger full garbage
 * collections of a heap already holding the analysis. Written in pieces of about PIECE_CHARS characters,
 * no more than one piece and its bytes are held at a time.
 */
import { open } from 'node:fs/promises';

/** Characters gathered before each write. */
export const PIECE_CHARS = 1 << 20;

/** `parts` gathered into pieces of about PIECE_CHARS characters (the last may be shorter; none is empty). */
export function* pieces(parts: Iterable<string>): Generator<string[]> {
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= PIECE_CHARS) {
      yield pending;
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending;
}

/** Writes the concatenation of `parts` to `path` (UTF-8), one piece (`pieces`) at a time. */
export async function writeTextFile(path: string, parts: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const piece of pieces(parts)) await handle.write(piece.join(''));
  } finally {
    await handle.close();
  }
}

/** Top-level arrays up to this length are stringified in one call; longer ones item by item. */
export const WHOLE_ARRAY_MAX = 256;

/**
 * `JSON.stringify(value)` as parts: each field of the top-level object on its own and the items of a long
 * top-level array one by one, so the text equals the one-call result character for character while no part
 * holds more than one item. `value` is a plain object (no `toJSON` of its own). Item by item, because
 * stringifying slices of the array and cutting their brackets off copied every part once more (some 100 MB
 * at national scale); the writer gathers the small parts into pieces anyway.
 */
export function* jsonParts(value: object, wholeArrayMax = WHOLE_ARRAY_MAX): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    // JSON.stringify leaves these fields out of an object.
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(field) || field.length <= wholeArrayMax) {
      yield JSON.stringify(field);
      continue;
    }
    yield '[';
    for (let i = 0; i < field.length; i++) {
      // In an array, what JSON.stringify cannot write (undefined, a function, a symbol) is null.
      const text = (JSON.stringify(field[i]) as string | undefined) ?? 'null';
      yield i === 0 ? text : `,${text}`;
    }
    yield ']';
  }
  yield '}';
}
