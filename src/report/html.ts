/**
 * Writes a ReportDocument as one self-contained, printable HTML page: inline CSS (with an A4 print
 * stylesheet), inline SVG charts, a linked table of contents, no script and nothing fetched from elsewhere.
 * Every string is escaped: inventory names are untrusted, and `<img src=x onerror=…>` must print as text.
 * Figures carry their raw value in data-value (and the analysis field in data-source), so each number on the
 * page can be checked against analysis.json by a script as well as by eye.
 */
import type { Block, Cell, KeyFigure, ReportDocument, Rich, Section } from './document.js';
import { plain } from './document.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const STYLE = `
:root { --ink: #1d2430; --muted: #5b6675; --line: #d9dee5; --accent: #0b5cab; --soft: #f4f6f9; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink);
  line-height: 1.5; max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem; font-size: 15px; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); font-size: .9rem; margin: .15rem 0; }
.muted { color: var(--muted); }
a { color: var(--accent); }
nav.toc { background: var(--soft); padding: 1rem 1.5rem; border-radius: 6px; margin: 1.5rem 0; }
nav.toc h2 { border: 0; margin: 0 0 .3rem; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.4rem; }
nav.toc ol ol { font-size: .9rem; list-style: disc; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; background: var(--soft);
  padding: 0 .2em; border-radius: 3px; }
pre { background: var(--soft); padding: .75rem; white-space: pre-wrap; word-break: break-word; }
pre code { background: none; padding: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem; margin: .5rem 0 1rem; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .8rem; }
.figure .label { font-size: .85rem; color: var(--muted); }
.figure .value { font-size: 1.35rem; font-weight: 700; line-height: 1.3; }
.figure .exact, .figure .detail { font-size: .8rem; margin-top: .2rem; }
.figure .source { font-size: .72rem; color: var(--muted); margin-top: .3rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.fields dt { font-weight: 600; color: var(--muted); }
dl.fields dd { margin: 0; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { background: none; border: 1px solid var(--line); break-after: page; }
  h2 { break-before: page; break-after: avoid; }
  nav.toc h2, #headline h2 { break-before: auto; }
  h3 { break-after: avoid; }
  tr, .figure, dl.fields, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .figures { grid-template-columns: repeat(3, 1fr); }
  code, pre, th, .figure { background: none; }
}
`;

function rich(content: Rich): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      let html = escapeHtml(part.text);
      if (part.code) html = `<code>${html}</code>`;
      if (part.strong) html = `<strong>${html}</strong>`;
      if (part.muted) html = `<span class="muted">${html}</span>`;
      return html;
    })
    .join('');
}

function dataValue(value: number | undefined): string {
  return value === undefined ? '' : ` data-value="${escapeHtml(String(value))}"`;
}

function tableHtml(head: string[], rows: Cell[][], numeric: number[] = []): string {
  const num = new Set(numeric);
  const cls = (i: number): string => (num.has(i) ? ' class="num"' : '');
  const thead = `<thead><tr>${head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const tbody = rows.map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}${dataValue(c.value)}>${rich(c.content)}</td>`).join('')}</tr>`).join('\n');
  return `<table>${thead}<tbody>\n${tbody}\n</tbody></table>`;
}

function figureHtml(figure: KeyFigure): string {
  const raw =
    typeof figure.raw === 'number'
      ? dataValue(figure.raw)
      : ` data-low="${figure.raw.low}" data-expected="${figure.raw.expected}" data-high="${figure.raw.high}"`;
  return [
    `<div class="figure" data-figure="${escapeHtml(figure.key)}"${raw} data-source="${escapeHtml(figure.source)}">`,
    `<div class="label">${escapeHtml(figure.label)}</div>`,
    `<div class="value">${escapeHtml(figure.value)}</div>`,
    figure.exact ? `<div class="exact">${escapeHtml(figure.exact)}</div>` : '',
    figure.detail ? `<div class="detail">${escapeHtml(figure.detail)}</div>` : '',
    `<div class="source"><code>${escapeHtml(figure.source)}</code></div>`,
    '</div>',
  ].join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${rich(block.content)}</p>`;
    case 'subheading':
      return `<h3${block.anchor ? ` id="${escapeHtml(block.anchor)}"` : ''}>${rich(block.content)}</h3>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${rich(item)}</li>`).join('\n')}\n</ul>`;
    case 'fields':
      return `<dl class="fields">\n${block.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${rich(f.content)}</dd>`).join('\n')}\n</dl>`;
    case 'figures':
      return `<div class="figures">\n${block.items.map(figureHtml).join('\n')}\n</div>`;
    case 'chart':
      // The SVG was sanitised when the document was built (svg.ts); it is the one unescaped markup here.
      return `<figure class="chart" data-chart="${escapeHtml(block.name)}">\n${block.svg}\n<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'table':
      return tableHtml(block.head, block.rows, block.numeric);
  }
}

function tocHtml(doc: ReportDocument): string {
  const items = doc.sections.map((section) => {
    const subs = section.blocks.filter((b): b is Extract<Block, { type: 'subheading' }> => b.type === 'subheading' && b.anchor !== undefined);
    const nested = subs.length > 0 ? `<ol>${subs.map((s) => `<li><a href="#${escapeHtml(s.anchor!)}">${escapeHtml(plain(s.content))}</a></li>`).join('')}</ol>` : '';
    return `<li><a href="#${escapeHtml(section.anchor)}">${escapeHtml(section.title)}</a>${nested}</li>`;
  });
  return `<nav class="toc"><h2>${escapeHtml(doc.contentsTitle)}</h2><ol>\n${items.join('\n')}\n</ol></nav>`;
}

function sectionHtml(section: Section): string {
  return `<section id="${escapeHtml(section.anchor)}">\n<h2>${escapeHtml(section.title)}</h2>\n${section.blocks.map(blockHtml).join('\n')}\n</section>`;
}

export function renderHtml(doc: ReportDocument): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.meta.map((line) => `<p class="meta">${escapeHtml(line)}</p>`),
    `<p>${escapeHtml(doc.intro)}</p>`,
    '</header>',
    tocHtml(doc),
    '<main>',
    ...doc.sections.map(sectionHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
