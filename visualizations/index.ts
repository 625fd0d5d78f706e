/**
 * The D3 views of siloscope. Each is `renderX(container, analysis, options)` drawing one <svg> into the
 * container, with layout computed numerically so the same code renders to files (under a DOM shim) and
 * in the browser (the explorer and the self-contained HTML views).
 */
import type { ViewName, ViewRenderer } from './shared/types.js';
import { renderAgencyNetwork } from './agency-network.js';
import { renderCapabilityMap } from './capability-map.js';
import { renderExchangeMatrix } from './exchange-matrix.js';
import { renderRecommendationWaves } from './recommendation-waves.js';
import { renderTargetState } from './target-state.js';
import { renderWastedSpend } from './wasted-spend.js';

export const VIEWS: Record<ViewName, { title: string; render: ViewRenderer }> = {
  'agency-network': { title: 'Agency network', render: renderAgencyNetwork },
  'capability-map': { title: 'Capability map', render: renderCapabilityMap },
  'exchange-matrix': { title: 'Exchange matrix', render: renderExchangeMatrix },
  'wasted-spend': { title: 'Wasted spend', render: renderWastedSpend },
  'recommendation-waves': { title: 'Recommendation waves', render: renderRecommendationWaves },
  'target-state': { title: 'Target state', render: renderTargetState },
};

export { VIEW_NAMES, isViewName, type ViewName, type ViewOptions, type ViewRenderer } from './shared/types.js';
export { renderAgencyNetwork, renderCapabilityMap, renderExchangeMatrix, renderRecommendationWaves, renderTargetState, renderWastedSpend };
export { serializeSvg } from './shared/dom.js';
export { formatRupiah, formatCount, formatPercent, formatIndex } from './shared/format.js';
