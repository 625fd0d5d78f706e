/**
 * Writes a ReportDocument as GitHub-flavoured Markdown with the same sections, figures and tables as the
 * HTML report. Inventory strings are escaped so they stay text: markup characters are backslash-escaped and
 * `<`, `>`, `&` become entities, because Markdown renderers pass raw HTML through. Anchors are explicit
 * (`<a id>`), so the table of contents does not depend on a renderer's heading-slug rules.
 */
import type { Block, Cell, KeyFigure, ReportDocument, Rich, Section, Span } from './document.js';
import { plain } from './document.js';

const MARKUP = /[\\`*_[\]#|~]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Any character one of the replacements below changes: most texts have none and are returned as they are. */
const NEEDS_ESCAPE = /[\r\n\\`*_[\]#|~&<>]/;

export function escapeMarkdown(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(MARKUP, (ch) => `\\${ch}`)
    .replace(/[&<>]/g, (ch) => ENTITIES[ch]!);
}

/** A line starting with "-", "+", "=", "1." would turn a paragraph into a list or a heading underline. */
function guardLineStart(markdown: string): string {
  return markdown.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function codeSpan(text: string, inTable: boolean): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Emphasis markers must touch text: `* (a3)*` is not emphasis in CommonMark, ` *(a3)*` is. */
function emphasise(md: string, marker: string): string {
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(md)!;
  return core ? `${lead}${marker}${core}${marker}${trail}` : md;
}

function span(part: Span, inTable: boolean): string {
  let md = part.code ? codeSpan(part.text, inTable) : escapeMarkdown(part.text);
  if (part.strong) md = emphasise(md, '**');
  if (part.muted && !part.code) md = emphasise(md, '*');
  return md;
}

function rich(content: Rich, inTable = false): string {
  return content.map((part) => (typeof part === 'string' ? escapeMarkdown(part) : span(part, inTable))).join('');
}

function tableMd(head: string[], rows: Cell[][], numeric: number[] = []): string {
  const num = new Set(numeric);
  const line = (cells: string[]): string => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [
    line(head.map(escapeMarkdown)),
    line(head.map((_, i) => (num.has(i) ? '---:' : '---'))),
    ...rows.map((row) => line(row.map((c) => rich(c.content, true)))),
  ].join('\n');
}

/** A key figure as a table row; `<br>` (GFM tables allow inline HTML) puts the exact figure and detail under the value. */
function figureRow(figure: KeyFigure): string {
  const value = [`**${escapeMarkdown(figure.value)}**`];
  if (figure.exact) value.push(escapeMarkdown(figure.exact));
  if (figure.detail) value.push(escapeMarkdown(figure.detail));
  return `| ${escapeMarkdown(figure.label)} | ${value.join('<br>')} | ${codeSpan(figure.source, true)} |`;
}

function blockMd(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return guardLineStart(rich(block.content));
    case 'subheading':
      return `${block.anchor ? `<a id="${block.anchor}"></a>\n\n` : ''}### ${rich(block.content)}`;
    case 'list':
      return block.items.map((item) => `- ${guardLineStart(rich(item))}`).join('\n');
    case 'fields':
      return block.items.map((f) => `- **${escapeMarkdown(f.label)}:** ${rich(f.content)}`).join('\n');
    case 'figures':
      return [`| ${block.head.map(escapeMarkdown).join(' | ')} |`, '| --- | --- | --- |', ...block.items.map(figureRow)].join('\n');
    case 'chart': {
      // Markdown has no inline SVG; a data URI keeps the report self-contained (pandoc and most viewers show it).
      const uri = `data:image/svg+xml;base64,${Buffer.from(block.svg, 'utf8').toString('base64')}`;
      return `![${escapeMarkdown(block.caption)}](${uri})\n\n*${escapeMarkdown(block.caption)}*`;
    }
    case 'code': {
      const longest = Math.max(2, ...[...block.text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}\n${block.text}\n${fence}`;
    }
    case 'table':
      return tableMd(block.head, block.rows, block.numeric);
  }
}

function tocMd(doc: ReportDocument): string {
  const lines = [`## ${escapeMarkdown(doc.contentsTitle)}`, ''];
  doc.sections.forEach((section, i) => {
    lines.push(`${i + 1}. [${escapeMarkdown(section.title)}](#${section.anchor})`);
    for (const block of section.blocks) {
      if (block.type === 'subheading' && block.anchor) lines.push(`   - [${escapeMarkdown(plain(block.content))}](#${block.anchor})`);
    }
  });
  return lines.join('\n');
}

function sectionMd(section: Section): string {
  return [`<a id="${section.anchor}"></a>`, '', `## ${escapeMarkdown(section.title)}`, '', ...section.blocks.flatMap((b) => [blockMd(b), ''])].join('\n');
}

export function renderMarkdown(doc: ReportDocument): string {
  return [
    `# ${escapeMarkdown(doc.title)}`,
    '',
    doc.meta.map(escapeMarkdown).join('  \n'),
    '',
    guardLineStart(escapeMarkdown(doc.intro)),
    '',
    tocMd(doc),
    '',
    ...doc.sections.map(sectionMd),
  ].join('\n');
}
