/**
 * Text measurement without a layout engine. Server-side DOM shims cannot measure text
 * (no getBBox/getComputedTextLength), so widths are estimated from per-character advance widths of
 * DejaVu Sans (em units, rounded up so estimates err on the wide side and labels do not overflow).
 */

const NARROW = new Set([...'iIjl.,:;\'|!`()[]{} ']);
const SEMI_NARROW = new Set([...'frt-/\\"*']);
const WIDE = new Set([...'mwMW@%']);

function advance(char: string): number {
  if (NARROW.has(char)) return 0.32;
  if (SEMI_NARROW.has(char)) return 0.42;
  if (WIDE.has(char)) return 1.0;
  if (char >= 'A' && char <= 'Z') return 0.75;
  if (char >= '0' && char <= '9') return 0.64;
  if (char.charCodeAt(0) > 0x2e7f) return 1.0; // CJK and other full-width scripts
  return 0.62;
}

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += advance(char);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** Shortens `text` with an ellipsis so its estimated width fits `maxWidth`; "" when not even "…" fits. */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const ellipsisWidth = estimateTextWidth('…', fontSize, bold);
  if (ellipsisWidth > maxWidth) return '';
  let width = ellipsisWidth;
  let out = '';
  for (const char of text) {
    const w = advance(char) * fontSize * (bold ? 1.1 : 1);
    if (width + w > maxWidth) break;
    width += w;
    out += char;
  }
  return out.trimEnd() + '…';
}

/**
 * Greedy word wrap into at most `maxLines` lines of estimated width ≤ `maxWidth`; the last line is
 * truncated with an ellipsis when the text does not fit.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i];
    if (estimateTextWidth(candidate, fontSize, bold) <= maxWidth || !current) {
      current = candidate;
      continue;
    }
    // The current line is the last one allowed: everything left goes into it, cut with an ellipsis.
    if (lines.length === maxLines - 1) break;
    lines.push(truncateText(current, maxWidth, fontSize, bold));
    current = words[i];
  }
  const last = i < words.length ? `${current} ${words.slice(i).join(' ')}` : current;
  if (last) lines.push(truncateText(last, maxWidth, fontSize, bold));
  return lines.filter(Boolean);
}
