/**
 * The explorer: a local web server over one Analysis and its Inventory, and the browser app it serves
 * (visualizations/explorer/). `siloscope serve` (src/cli/serve.ts) is the command-line front.
 */
export { startExplorerServer, SERVER_DEFAULTS, CONTENT_SECURITY_POLICY, type ExplorerServer, type ExplorerServerOptions } from './server.js';
export { loadExplorerSource, type ExplorerSource, type SourceOptions } from './source.js';
export { buildExplorerModel, type ExplorerModel } from './model.js';
export { layoutExplorer, LAYOUT_DEFAULTS, type ExplorerLayout, type LayoutOptions } from './layout.js';
export { graphPayload, sectorOf } from './payload.js';
export { buildSearchIndex, searchExplorer, fold, type SearchIndex } from './search.js';
export { itemDetail, isItemKind, ITEM_KINDS, type ItemKind } from './items.js';
export { resolveStaticPath, type StaticResolution } from './static.js';
export { buildExplorerAssets, explorerAssetsDir, EXPLORER_DIST, EXPLORER_FILES } from './assets.js';
export type * from './protocol.js';
