/**
 * Builds the explorer's browser files into dist/visualizations/explorer/ (index.html, explorer.css and
 * the esbuild bundle explorer.js, d3 included), which `siloscope serve` serves when running compiled.
 * Run after `tsc` in `npm run build` / `prepare`.
 */
import { EXPLORER_DIST, buildExplorerAssets } from '../src/serve/assets.js';

const built = await buildExplorerAssets(EXPLORER_DIST);
const sizes = Object.entries(built.files).map(([file, bytes]) => `${file} ${Math.round(bytes / 1024)} KiB`);
console.log(`explorer: ${built.dir} (${sizes.join(', ')}; index.html, explorer.css copied)`);
