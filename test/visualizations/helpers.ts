import { parseHTML } from 'linkedom';
import type { ViewOptions, ViewRenderer } from '../../visualizations/index.js';
import { serializeSvg } from '../../visualizations/index.js';
import type { Analysis } from '../../src/types.js';

/** Renders a view into a fresh linkedom document; returns the <svg>, its XML text and the document. */
export function renderInto(render: ViewRenderer, analysis: Analysis, options: ViewOptions = {}) {
  const dom = parseHTML('<!doctype html><html><body><div id="view"></div></body></html>');
  const container = dom.document.getElementById('view')!;
  const svg = render(container, analysis, { ...options, document: dom.document as unknown as Document });
  return { svg, xml: serializeSvg(svg), container, dom };
}

export function count(root: Element, selector: string): number {
  return root.querySelectorAll(selector).length;
}

export function texts(root: Element, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector)).map((e) => e.textContent ?? '');
}
