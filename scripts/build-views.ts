/**
 * Builds dist/visualizations/views.bundle.js: the view modules bundled for the browser (IIFE, global
 * `siloscopeViews`, d3 taken from the page's global), which src/render/views.ts inlines into each
 * self-contained view page. Run after `tsc` in `npm run build`/`prepare`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BUNDLE_PATH, buildViewsBundle } from '../src/render/views.js';

const code = await buildViewsBundle();
await mkdir(dirname(BUNDLE_PATH), { recursive: true });
await writeFile(BUNDLE_PATH, code, 'utf8');
console.log(`views bundle: ${BUNDLE_PATH} (${Math.round(code.length / 1024)} KiB)`);
