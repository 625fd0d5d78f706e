/**
 * Browser entry of the views bundle (global `siloscopeViews`). d3 is not bundled: the page loads d3's
 * UMD build first and the bundler maps every `d3` import to that global. A self-contained view page
 * calls `mountFromPage()`, which re-renders the view from the JSON embedded in the page — adding the
 * interactions the pre-rendered SVG cannot have — and again when the window is resized.
 */
import type { Analysis, Inventory } from '../src/types.js';
import { VIEWS } from './index.js';
import { isViewName } from './shared/types.js';

export * from './index.js';

export interface EmbeddedViewData {
  view: string;
  width: number;
  height: number;
  analysis: Analysis;
  inventory?: Inventory;
  /** Names of the functions the analysis uses (from the reference taxonomy). */
  functionNames?: Record<string, string>;
}

export function mountFromPage(doc: Document = document, dataId = 'siloscope-data', containerId = 'view'): void {
  const script = doc.getElementById(dataId);
  const container = doc.getElementById(containerId);
  if (!script || !container) throw new Error(`siloscope: the page lacks #${dataId} or #${containerId}`);
  const data = JSON.parse(script.textContent ?? '{}') as EmbeddedViewData;
  if (!isViewName(data.view)) throw new Error(`siloscope: unknown view "${data.view}"`);
  const view = VIEWS[data.view];
  let renderedWidth = 0;
  const render = () => {
    const available = container.clientWidth || data.width;
    const width = Math.max(640, Math.min(available, 1600));
    if (Math.abs(width - renderedWidth) < 24) return;
    renderedWidth = width;
    view.render(container, data.analysis, { width, height: data.height, inventory: data.inventory, functionNames: data.functionNames, document: doc });
  };
  render();
  const win = doc.defaultView;
  if (win) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    win.addEventListener('resize', () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(render, 150);
    });
  }
}
