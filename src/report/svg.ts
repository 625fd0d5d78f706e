/**
 * Prepares a caller's SVG chart for inlining into the report. Two reasons it cannot be pasted as is:
 * the report must stay self-contained and inert (no scripts, no event handlers, nothing fetched from the
 * network), and several charts share one HTML document, where their ids ("arrow", "glow") would collide
 * and one chart's markers would paint another's. Ids are therefore prefixed per chart and every reference
 * to them (url(#…), href="#…", aria-*, <style>) rewritten in one pass over an index built once.
 */
import { linkedomModule } from '../render/dom.js';

const DROPPED_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'audio', 'video']);
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href', 'src']);
const ID_LIST_ATTRIBUTES = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns']);
const URL_REF = /url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g;
const EXTERNAL_URL = /url\(\s*(?!['"]?\s*(?:#|data:))[^)]*\)/gi;
const CSS_ID = /#([A-Za-z_][\w-]*)/g;

interface SvgElement {
  localName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<SvgElement>;
  toString(): string;
}

/** Returns a cleaned `<svg>…</svg>` string, or undefined when the input holds no SVG element. */
export function sanitizeSvg(svg: string, idPrefix: string): string | undefined {
  const { DOMParser } = linkedomModule();
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as { documentElement: SvgElement | null };
  const root = document.documentElement;
  if (!root || root.localName.toLowerCase() !== 'svg') return undefined;

  const elements = [root, ...root.querySelectorAll('*')];
  const renamed = new Map<string, string>();
  const kept: SvgElement[] = [];
  for (const element of elements) {
    if (DROPPED_ELEMENTS.has(element.localName.toLowerCase())) {
      element.remove();
      continue;
    }
    kept.push(element);
    const id = element.getAttribute('id');
    if (id) renamed.set(id, `${idPrefix}${id}`);
  }
  const rename = (id: string): string => renamed.get(id) ?? id;
  const rewriteCss = (css: string): string =>
    css
      .replace(/@import[^;]*;?/gi, '')
      .replace(URL_REF, (_m, quote: string, id: string) => `url(${quote}#${rename(id)}${quote})`)
      .replace(EXTERNAL_URL, 'none')
      .replace(CSS_ID, (_m, id: string) => `#${rename(id)}`);

  for (const element of kept) {
    if (element.localName.toLowerCase() === 'style' && element.textContent) {
      element.textContent = rewriteCss(element.textContent);
    }
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) element.removeAttribute(name);
      else if (lower === 'id') element.setAttribute(name, rename(value));
      else if (LINK_ATTRIBUTES.has(lower)) {
        if (value.startsWith('#')) element.setAttribute(name, `#${rename(value.slice(1))}`);
        else if (!value.startsWith('data:image/')) element.removeAttribute(name);
      } else if (ID_LIST_ATTRIBUTES.has(lower)) {
        element.setAttribute(name, value.split(/\s+/).map(rename).join(' '));
      } else if (lower === 'style') {
        element.setAttribute(name, rewriteCss(value));
      } else if (value.includes('url(')) {
        element.setAttribute(name, value.replace(URL_REF, (_m, quote: string, id: string) => `url(${quote}#${rename(id)}${quote})`).replace(EXTERNAL_URL, 'none'));
      }
    }
  }
  return root.toString();
}
