/**
 * Rows with more cells than the header. In a delimited export this happens when a value held the
 * delimiter without quotes ("… tujuan : a) Menghimpun data; b) Pengelolaan data"), which shifts every
 * later value one cell to the right. The repair tries, for each free-text column (description first, then
 * address, status reason, name), joining the extra cells back into it with the delimiter, and checks that
 * every structured cell then reads as what its column expects (a kind, a status, an address, a year, a
 * number; a joined address must still open with the address). Exactly one column passing repairs the row; none or several leave it unparseable: the unit and
 * the name are kept, the other values dropped. Trailing empty cells are tried away last (a row ending in
 * ";;" is not shifted).
 */
import { parseCategory, parseCost, parseCount, parseOrigin, parseStatus, parseYear } from '../inventory/index.js';
import { looksLikeAddress, parseAddressCell } from './address.js';
import type { FlatColumns, FlatField } from './columns.js';
import { parseKind } from './kind.js';

/** Columns that may hold the delimiter, most likely first. */
const FREE_TEXT: readonly FlatField[] = ['description', 'address', 'statusReason', 'name'];

export type WidthResult =
  | { outcome: 'fits'; cells: string[] }
  | { outcome: 'repaired'; cells: string[]; field: FlatField; extra: number }
  | { outcome: 'unparseable'; cells: string[]; candidates: FlatField[] };

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** A joined address must open with the address itself: the joined pieces follow it. */
function opensWithAddress(text: string): boolean {
  const cell = parseAddressCell(text);
  return (cell.kind === 'url' || cell.kind === 'ip') && cell.leadingWords === 0;
}

/** Every structured cell (the address included) reads as its column expects; blank cells always do. */
function plausible(cells: string[], columns: FlatColumns, joined?: FlatField): boolean {
  const at = (field: FlatField): string | undefined => {
    const col = columns.at[field];
    return col < 0 ? undefined : cells[col];
  };
  const ok = (field: FlatField, test: (text: string) => boolean): boolean => {
    const text = at(field);
    return blank(text) || test(text!.trim());
  };
  return (
    !blank(cells[columns.at.unit]) &&
    ok('kind', (t) => parseKind(t) !== null) &&
    ok('status', (t) => parseStatus(t) !== null) &&
    ok('category', (t) => parseCategory(t) !== null || parseKind(t) !== null) &&
    ok('origin', (t) => parseOrigin(t) !== null || parseKind(t) !== null) &&
    ok('address', joined === 'address' ? opensWithAddress : looksLikeAddress) &&
    ok('year', (t) => parseYear(t) !== null) &&
    ok('annualCost', (t) => parseCost(t) !== null) &&
    ok('users', (t) => parseCount(t) !== null)
  );
}

/** The cells with `extra` cells from `col` on joined back into one. */
function joinAt(cells: readonly string[], col: number, extra: number, delimiter: string): string[] {
  return [...cells.slice(0, col), cells.slice(col, col + extra + 1).join(delimiter), ...cells.slice(col + extra + 1)];
}

/** Fit a row to the header's width; see the module header. `cells` is not changed. */
export function fitRow(cells: readonly string[], width: number, columns: FlatColumns, delimiter: string): WidthResult {
  if (cells.length <= width) return { outcome: 'fits', cells: [...cells] };
  let row = [...cells];
  // Empty cells past the header are a trailing delimiter, unless the row only reads right when shifted back.
  if (row.slice(width).every((c) => blank(c)) && plausible(row.slice(0, width), columns)) return { outcome: 'fits', cells: row.slice(0, width) };
  const present = FREE_TEXT.filter((field) => columns.at[field] >= 0);
  let lastCandidates: FlatField[] = [];
  while (row.length > width) {
    const extra = row.length - width;
    const passing = present.filter((field) => plausible(joinAt(row, columns.at[field], extra, delimiter), columns, field));
    // A name rarely holds the delimiter; a description often does: when both fit, the description wins.
    const chosen = passing.length === 1 ? passing[0] : passing.length === 2 && passing.includes('description') && passing.includes('name') ? 'description' : undefined;
    if (chosen !== undefined) return { outcome: 'repaired', cells: joinAt(row, columns.at[chosen], extra, delimiter), field: chosen, extra };
    lastCandidates = passing;
    if (!blank(row[row.length - 1])) break;
    row = row.slice(0, -1);
  }
  const kept = new Array<string>(width).fill('');
  for (const field of ['unit', 'name', 'government'] as const) {
    const col = columns.at[field];
    if (col >= 0) kept[col] = cells[col] ?? '';
  }
  return { outcome: 'unparseable', cells: kept, candidates: lastCandidates };
}
