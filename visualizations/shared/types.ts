import type { Analysis, Inventory } from '../../src/types.js';

/** Options every view accepts. Sizes are in SVG user units (pixels at scale 1). */
export interface ViewOptions {
  width?: number;
  height?: number;
  /** Needed by views that draw exchanges or name applications (network, matrix, drill-down). */
  inventory?: Inventory;
  /** The document to create elements in; defaults to the container's ownerDocument (a DOM shim server-side). */
  document?: Document;
  /**
   * Function code → name (the reference taxonomy). The analysis names only the functions of duplicate
   * clusters; without this, other functions show as bare codes. The renderer passes the taxonomy in, so a
   * view stays a function of its inputs.
   */
  functionNames?: Record<string, string>;
}

export type ViewRenderer = (container: Element, analysis: Analysis, options?: ViewOptions) => SVGSVGElement;

export const VIEW_NAMES = [
  'agency-network',
  'capability-map',
  'exchange-matrix',
  'wasted-spend',
  'recommendation-waves',
  'target-state',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export function isViewName(name: string): name is ViewName {
  return (VIEW_NAMES as readonly string[]).includes(name);
}
