/**
 * The explorer's browser files: visualizations/explorer/index.html and explorer.css copied as they are,
 * and visualizations/explorer/main.ts bundled with esbuild (d3 included, so the page needs no network)
 * into explorer.js. `npm run build` writes them to dist/visualizations/explorer/; running from a source
 * checkout (tsx, vitest) they are built into a temporary folder on first use instead, so the sources
 * being run are the ones served.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../paths.js';

export const EXPLORER_DIST = fromRoot('dist', 'visualizations', 'explorer');
const SOURCE_DIR = fromRoot('visualizations', 'explorer');
const COPIED = ['index.html', 'explorer.css'] as const;
export const EXPLORER_FILES = [...COPIED, 'explorer.js'] as const;

export interface BuiltAssets {
  dir: string;
  /** Bytes per written file. */
  files: Record<string, number>;
}

export async function buildExplorerAssets(outDir: string = EXPLORER_DIST, options: { minify?: boolean } = {}): Promise<BuiltAssets> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(`The explorer files in ${EXPLORER_DIST} are missing and esbuild is not installed to build them; run "npm run build" in a checkout with dev dependencies.`);
  }
  await mkdir(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(SOURCE_DIR, 'main.ts')],
    outfile: join(outDir, 'explorer.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
  });
  for (const file of COPIED) await copyFile(join(SOURCE_DIR, file), join(outDir, file));
  const files: Record<string, number> = {};
  for (const [path, info] of Object.entries(result.metafile.outputs)) files[path.split('/').pop() ?? path] = info.bytes;
  return { dir: outDir, files };
}

let built: Promise<string> | undefined;

/** The folder to serve the explorer from, building it first when running from source or when missing. */
export function explorerAssetsDir(): Promise<string> {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource && EXPLORER_FILES.every((f) => existsSync(join(EXPLORER_DIST, f)))) return Promise.resolve(EXPLORER_DIST);
  built ??= mkdtemp(join(tmpdir(), 'siloscope-explorer-')).then(async (dir) => (await buildExplorerAssets(dir, { minify: false })).dir);
  return built;
}
