/**
 * The report as a small, format-neutral document: sections of paragraphs, lists, tables, key figures and
 * charts. The content is built once (sections.ts) and written by two renderers (html.ts, markdown.ts), so
 * the HTML and the Markdown report always carry the same sections and the same figures.
 * Text is always data: renderers escape every string; formatting comes only from the structure.
 */
import type { SavingsRange } from '../types.js';

export interface Span {
  text: string;
  /** Field names, ids, formulas. */
  code?: boolean;
  strong?: boolean;
  /** Secondary detail, e.g. an id after a name. */
  muted?: boolean;
}

export type Inline = string | Span;
export type Rich = Inline[];

export interface Cell {
  content: Rich;
  /** The unformatted figure behind the cell, kept in HTML as data-value so numbers can be traced. */
  value?: number;
}

export interface Table {
  type: 'table';
  head: string[];
  rows: Cell[][];
  /** Columns holding numbers (right-aligned). */
  numeric?: number[];
}

export interface KeyFigure {
  /** The Summary field name, e.g. `redundantAnnualCost`. */
  key: string;
  label: string;
  value: string;
  /** The exact figure when `value` is rounded, e.g. "Rp 1.250.000.000". */
  exact?: string;
  detail?: string;
  raw: number | SavingsRange;
  /** The analysis field the figure is read from. */
  source: string;
}

export type Block =
  | { type: 'paragraph'; content: Rich }
  | { type: 'subheading'; content: Rich; anchor?: string }
  | { type: 'list'; items: Rich[] }
  | { type: 'fields'; items: Array<{ label: string; content: Rich }> }
  | { type: 'figures'; head: [figure: string, value: string, source: string]; items: KeyFigure[] }
  | { type: 'chart'; name: string; caption: string; svg: string }
  | { type: 'code'; text: string }
  | Table;

export interface Section {
  anchor: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  lang: string;
  title: string;
  meta: string[];
  intro: string;
  contentsTitle: string;
  sections: Section[];
}

export const code = (text: string): Span => ({ text, code: true });
export const strong = (text: string): Span => ({ text, strong: true });
export const muted = (text: string): Span => ({ text, muted: true });
export const cell = (content: Inline | Rich, value?: number): Cell => ({
  content: Array.isArray(content) ? content : [content],
  ...(value !== undefined ? { value } : {}),
});

/** Plain text of rich content, for captions, alt texts and tests. */
export function plain(content: Rich): string {
  return content.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}
