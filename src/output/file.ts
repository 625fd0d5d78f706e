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

/** Writes the concatenation of `parts` to `path` (UTF-8), gathering them into pieces of about PIECE_CHARS. */
export async function writeTextFile(path: string, parts: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let pending: string[] = [];
    let length = 0;
    for (const part of parts) {
      pending.push(part);
      length += part.length;
      if (length >= PIECE_CHARS) {
        await handle.write(pending.join(''));
        pending = [];
        length = 0;
      }
    }
    if (pending.length > 0) await handle.write(pending.join(''));
  } finally {
    await handle.close();
  }
}

/** Items of a top-level array stringified per part: large enough that the per-call cost of JSON.stringify vanishes. */
export const ITEMS_PER_PART = 256;

/**
 * `JSON.stringify(value)` as parts: each field of the top-level object on its own and arrays ITEMS_PER_PART
 * items at a time, so the text equals the one-call result character for character while no part holds
 * more than a slice of a top-level array. `value` is a plain object (no `toJSON` of its own).
 */
export function* jsonParts(value: object, itemsPerPart = ITEMS_PER_PART): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    // JSON.stringify leaves these fields out of an object.
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(field) || field.length <= itemsPerPart) {
      yield JSON.stringify(field);
      continue;
    }
    yield '[';
    for (let i = 0; i < field.length; i += itemsPerPart) {
      // A slice stringifies as "[…]" (undefined items as null, as in the whole array): drop its brackets.
      const text = JSON.stringify(field.slice(i, i + itemsPerPart));
      yield i === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`;
    }
    yield ']';
  }
  yield '}';
}
