/**
 * What `siloscope serve` explores: either an output folder of `analyze` (its analysis.json, with the
 * inventory re-loaded from the path the analysis records, for names and exchanges), an analysis.json
 * file itself, or an inventory, analysed in memory first.
 */
import { existsSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { analyzeInventory } from '../analyze.js';
import { InputError } from '../errors.js';
import { loadInventory } from '../inventory/index.js';
import type { Progress } from '../progress.js';
import type { Analysis, Inventory } from '../types.js';

export interface ExplorerSource {
  analysis: Analysis;
  inventory: Inventory;
  /** 'analysis' when read from analysis.json, 'inventory' when analysed in memory. */
  mode: 'analysis' | 'inventory';
  /** The inventory path used. */
  inventoryPath: string;
}

export interface SourceOptions {
  /** Inventory to pair with an analysis.json, instead of the path the analysis records. */
  inventory?: string;
  seed?: number;
  strict?: boolean;
  progress?: Progress;
}

function looksLikeAnalysis(value: unknown): value is Analysis {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Analysis>;
  return typeof v.meta === 'object' && typeof v.summary === 'object' && Array.isArray(v.applications) && Array.isArray(v.agencies);
}

async function readAnalysis(file: string): Promise<Analysis> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError({ level: 'error', file, message: `not valid JSON: ${(error as Error).message}`, fix: 're-run `siloscope analyze` to write it again.' });
  }
  if (!looksLikeAnalysis(parsed)) {
    throw new InputError({ level: 'error', file, message: 'not a siloscope analysis (meta, summary, agencies and applications expected).', fix: 'pass the output folder of `siloscope analyze`, or an inventory.' });
  }
  return parsed;
}

/** The recorded inventory path, tried as given (relative to the working folder), then next to the output folder. */
function recordedInventory(analysis: Analysis, analysisFile: string): string | undefined {
  const recorded = analysis.meta.source?.path;
  if (!recorded || analysis.meta.source.format === 'neo4j') return undefined;
  const candidates = isAbsolute(recorded) ? [recorded] : [resolve(recorded), resolve(dirname(analysisFile), '..', recorded), resolve(dirname(analysisFile), recorded)];
  return candidates.find((p) => existsSync(p));
}

async function isAnalysisJson(path: string): Promise<boolean> {
  if (basename(path) === 'analysis.json') return true;
  if (!path.toLowerCase().endsWith('.json')) return false;
  // An inventory can be a .json file too; an analysis opens with its meta block, so its head tells.
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    return /"meta"\s*:\s*\{[^}]*"tool"\s*:\s*"siloscope"/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await file.close();
  }
}

export async function loadExplorerSource(path: string, options: SourceOptions = {}): Promise<ExplorerSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError({ level: 'error', file: path, message: 'the path does not exist.', fix: 'name an output folder of `siloscope analyze` (with analysis.json) or an inventory.' });
  }
  const analysisFile = info.isDirectory() && existsSync(join(path, 'analysis.json')) ? join(path, 'analysis.json') : info.isFile() && (await isAnalysisJson(path)) ? path : undefined;

  if (analysisFile) {
    const analysis = await readAnalysis(analysisFile);
    const inventoryPath = options.inventory ?? recordedInventory(analysis, analysisFile);
    if (!inventoryPath) {
      throw new InputError({
        level: 'error',
        file: analysisFile,
        message: `the inventory this analysis was made from (${analysis.meta.source?.path ?? 'unknown'}) cannot be found; the explorer needs it for names and exchanges.`,
        fix: 'pass it with --inventory <path>, or serve the inventory itself.',
      });
    }
    const inventory = await loadInventory(inventoryPath, { strict: options.strict });
    return { analysis, inventory, mode: 'analysis', inventoryPath };
  }

  const inventory = await loadInventory(path, { strict: options.strict });
  const analysis = await analyzeInventory(inventory, { seed: options.seed, progress: options.progress, recordedOptions: { strict: options.strict ?? false } });
  return { analysis, inventory, mode: 'inventory', inventoryPath: path };
}
