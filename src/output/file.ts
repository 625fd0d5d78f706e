/**
 * Writing large text files in pieces. A national analysis is some 60 MB of JSON and 30 MB of CSV: built
 * whole, each file is one string (twice its length in bytes once any character is beyond Latin-1, e.g. an
 * arrow in a rationale) plus a UTF-8 copy of it, and those allocations alone trigger full garbage
 * collections of a heap already holding the analysis. Written in pieces of about PIECE_CHARS characters,
 * no more than one piece and its bytes are held at a time.
 */
import { open } from 'node:fs/promises';

/**
 * Characters gathered before each write (or message to the writer thread). Handing a national analysis to
 * the writer thread in pieces of 64 K characters cost the main thread about half what pieces of 1 M did:
 * each message is copied into a buffer of its size, and small buffers are reused while cache-warm instead
 * of fresh megabytes being mapped and touched.
 */
export const PIECE_CHARS = 1 << 16;

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

/** Top-level arrays up to this length are stringified in one call; longer ones ITEMS_PER_PART items at a time. */
export const WHOLE_ARRAY_MAX = 256;

/**
 * Items of a long top-level array stringified together: at most some 60,000 characters at national scale
 * (a recommendation is up to 2,000). More measured no faster, and a string of more than 128 kB is
 * allocated straight into the old generation.
 */
export const ITEMS_PER_PART = 32;

/**
 * `JSON.stringify(value)` as parts: each field of the top-level object on its own and the items of a long
 * top-level array `itemsPerPart` at a time, so the text equals the one-call result character for character
 * while no part holds more than a few dozen items. `value` is a plain object (no `toJSON` of its own).
 * A slice of items is stringified as an array and its brackets cut off. A call per slice rather than per
 * item cost ≈ 25 % less main-thread time to write analysis.json at national scale (stringifying it and
 * handing the parts to the writer thread), much of it because an item's text with its comma prepended was
 * a concatenation the message had to flatten first.
 */
export function* jsonParts(value: object, wholeArrayMax = WHOLE_ARRAY_MAX, itemsPerPart = ITEMS_PER_PART): Generator<string> {
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
    for (let i = 0; i < field.length; i += itemsPerPart) {
      // In an array, what JSON.stringify cannot write (undefined, a function, a symbol) is null, in a
      // slice as in the whole.
      const text = JSON.stringify(field.slice(i, i + itemsPerPart));
      if (i > 0) yield ',';
      yield text.slice(1, -1);
    }
    yield ']';
  }
  yield '}';
}
