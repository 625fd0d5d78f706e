/**
 * The silo analysis on the second core, from a second reading of the inventory.
 *
 * Why: the main thread is busy from the first byte read to the last byte written, while the second core
 * idles through loading and through systems, duplicates and spend. The silo analysis (Louvain communities,
 * per-agency metrics, findings) needs of the rest of the pipeline only which applications are instances of
 * a shared platform, and its findings are the largest part of analysis.json after the applications. Handing
 * it the main thread's inventory would cost as much as the analysis (a structured copy of 100,000 exchanges
 * is made on the sending thread); reading the file again costs the main thread nothing. So a worker started
 * before the main thread loads reads the same path with the same loaders and options, partitions the
 * exchange graph, waits for the shared-platform instances (known after classification), analyses the silos
 * and stringifies the findings; the main thread picks the result up when the recommendations need it and
 * writes the findings' ready-made text into analysis.json (json-text.ts). The findings stay text on the main
 * thread until something reads them (a copy of 30,000 objects costs the receiving thread as much as parsing
 * them): the recommendations read the ids the result lists, the report the counts in the summary.
 *
 * The worker's reading must be the main thread's: both run the same deterministic loaders on the same
 * bytes, and the answer carries a fingerprint of what the worker read (sizes and a hash of every id and
 * exchange end) that the main thread checks against its own inventory. Whenever the two differ, the worker
 * fails, or the input is small (starting a thread costs more than the analysis of a few thousand
 * applications), the silos are analysed inline with the same function: the result is the same either way.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Application, DuplicateCluster, Inventory, Recommendation, SiloFinding, TargetState } from '../types.js';
import type { AssumptionOverrides } from './assumptions.js';
import type { TargetStateFacts } from './target-state.js';
import type { SiloGraph } from '../graph/types.js';
import type { LoadOptions } from '../inventory/index.js';
import { lazyJsonArray } from '../json-text.js';
import { startModuleWorker } from '../threads.js';
import { analyzeSilos, DEFAULTS as SILO_DEFAULTS, type SiloResult } from './silos.js';

export const SILO_THREAD_DEFAULTS = {
  /**
   * Inputs smaller than this many bytes on disk (a folder: its CSV files together) are analysed inline;
   * about 5,000 applications with their exchanges in CSV.
   */
  minBytes: 2_000_000,
  /** Told where the silos (then the target state) were computed, and why not on the worker when they were not. */
  onDone: (_where: 'worker' | 'inline', _reason?: string, _job: 'silos' | 'target state' = 'silos'): void => {},
};

/** What the worker is asked to do: read `path` as `loadInventory(path, load)` does and partition with `seed`. */
export interface SiloJob {
  kind: 'job';
  path: string;
  load: LoadOptions;
  seed: number;
  resolution: number;
}

/** The ids of the applications that are instances of a shared platform (the main thread's classification). */
export interface SiloShared {
  kind: 'shared';
  ids: string[];
}

export type SiloReply =
  /** The result without its findings (`silos` empty), which come as their JSON text. */
  | { ok: true; fingerprint: string; result: SiloResult; silosJson: string }
  | { ok: false; error: string };

/** Then the target state, on the worker's reading: `simulateTargetState` with these arguments. */
export interface TargetJob {
  kind: 'target';
  clusters: DuplicateCluster[];
  recommendations: Recommendation[];
  facts: TargetStateFacts;
  assumptions: AssumptionOverrides;
}

export type TargetReply = { ok: true; targetState: TargetState } | { ok: false; error: string };

type Failure = { ok: false; error: string };

/** A silo analysis under way on a worker thread, for the inventory at one path; then, on request, the target state. */
export class SiloThread {
  /** Answers not yet asked for, and askers not yet answered (each message has one answer, in order). */
  private readonly received: Array<SiloReply | TargetReply> = [];
  private readonly waiting: Array<(reply: SiloReply | TargetReply | Failure) => void> = [];
  private dead: string | undefined;
  private asked = false;
  /** Whether the worker's reading proved to be the analysis's inventory (its silos were used). */
  private matched = false;

  constructor(
    private readonly worker: Worker,
    /** The seed the worker partitions with: the analysis must use the same one to use this thread. */
    readonly seed: number,
    private readonly onDone: (where: 'worker' | 'inline', reason?: string, job?: 'silos' | 'target state') => void,
  ) {
    worker.on('message', (reply: SiloReply | TargetReply) => {
      const next = this.waiting.shift();
      if (next) next(reply);
      else this.received.push(reply);
      if (this.waiting.length === 0) worker.unref();
    });
    const fail = (reason: string): void => {
      this.dead ??= reason;
      for (const next of this.waiting.splice(0)) next({ ok: false, error: reason });
    };
    worker.on('error', (error) => fail(String(error)));
    worker.on('exit', (code) => fail(`the worker exited (${code}) without an answer`));
    // The thread keeps the process alive only while an answer is awaited: a run whose loading fails must end.
    worker.unref();
  }

  /** Posts `message` and waits for the worker's next answer (an answer that came first, e.g. a failure, is taken). */
  private ask(message: SiloShared | TargetJob): Promise<SiloReply | TargetReply | Failure> {
    const early = this.received.shift();
    if (early !== undefined) return Promise.resolve(early);
    if (this.dead !== undefined) return Promise.resolve({ ok: false, error: this.dead });
    return new Promise((resolve) => {
      try {
        this.worker.postMessage(message);
      } catch (error) {
        resolve({ ok: false, error: `the request could not be sent: ${String(error)}` });
        return;
      }
      this.waiting.push(resolve);
      this.worker.ref();
    });
  }

  /**
   * `analyzeSilos(inventory, graph, { seed, sharedApplication })` — computed by the worker when its reading
   * of the inventory matches `inventory`, inline otherwise. Asks once.
   */
  async analyze(inventory: Inventory, graph: SiloGraph, sharedApplication: (app: Application) => string | undefined): Promise<SiloResult> {
    const inline = (reason: string): SiloResult => {
      this.onDone('inline', reason);
      this.close();
      return analyzeSilos(inventory, graph, { seed: this.seed, sharedApplication });
    };
    if (this.asked) return inline('the thread was already used');
    this.asked = true;
    const ids: string[] = [];
    for (const app of inventory.applications) if (sharedApplication(app) !== undefined) ids.push(app.id);
    const reply = (await this.ask({ kind: 'shared', ids })) as SiloReply | Failure;
    if (!reply.ok) return inline(`the worker failed: ${reply.error}`);
    if (reply.fingerprint !== inventoryFingerprint(inventory)) return inline('the worker read a different inventory');
    this.matched = true;
    this.onDone('worker');
    // Parsed only if something reads them: the command line writes their text and counts them by the summary.
    return { ...reply.result, silos: lazyJsonArray<SiloFinding>(reply.silosJson) };
  }

  /**
   * `simulateTargetState(inventory, clusters, recommendations, siloIndexOf, facts, assumptions)` on the
   * worker's reading of the inventory, the target's silo index computed there too (siloIndexOf, this seed:
   * the value siloIndexInWorker gives) — when the worker answered the silos for this inventory; undefined
   * otherwise, and `fallback()` when the worker fails on the way.
   */
  targetState(
    clusters: DuplicateCluster[],
    recommendations: Recommendation[],
    facts: TargetStateFacts,
    assumptions: AssumptionOverrides,
    fallback: () => Promise<TargetState>,
  ): Promise<TargetState> | undefined {
    if (!this.matched) return undefined;
    this.matched = false;
    return this.ask({ kind: 'target', clusters, recommendations, facts, assumptions }).then((reply) => {
      this.close();
      if (reply.ok && 'targetState' in reply) {
        this.onDone('worker', undefined, 'target state');
        return reply.targetState;
      }
      this.onDone('inline', `the worker failed: ${reply.ok ? 'no target state' : reply.error}`, 'target state');
      return fallback();
    });
  }

  /** Stops the worker (idempotent); an answer not yet asked for is dropped. */
  close(): void {
    this.dead ??= 'the thread was closed';
    this.worker.unref();
    void this.worker.terminate();
  }
}

/**
 * Starts the silo analysis of the inventory at `path` on a worker thread, to be read as
 * `loadInventory(path, load)` with the command line's loaders (inventory/standard.ts); undefined when the
 * input is small or no thread can start (the caller then analyses inline). Call before loading, so that
 * both readings overlap.
 */
export function startSiloThread(
  path: string,
  load: LoadOptions,
  seed: number,
  options: Partial<typeof SILO_THREAD_DEFAULTS> = {},
): SiloThread | undefined {
  const { minBytes, onDone } = { ...SILO_THREAD_DEFAULTS, ...options };
  if (inputBytes(path) < minBytes) return undefined;
  let worker: Worker;
  try {
    worker = startModuleWorker(import.meta.url, 'silo-worker');
  } catch {
    return undefined;
  }
  const job: SiloJob = { kind: 'job', path, load, seed, resolution: SILO_DEFAULTS.resolution };
  worker.postMessage(job);
  return new SiloThread(worker, seed, onDone);
}

/** Bytes on disk of a file, or of the CSV files directly inside a folder; 0 when unreadable (the loader will say why). */
function inputBytes(path: string): number {
  try {
    const info = statSync(path);
    if (!info.isDirectory()) return info.size;
    let bytes = 0;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.csv')) bytes += statSync(join(path, entry.name)).size;
    }
    return bytes;
  } catch {
    return 0;
  }
}

/**
 * What identifies a reading of an inventory, cheaply: its sizes and an FNV-1a hash over every agency
 * (id, parent), application (id, agency), exchange (id, ends, mechanism) and warning (row, column) — all
 * the silo analysis reads to place things.
 */
export function inventoryFingerprint(inventory: Inventory): string {
  let h = 0x811c9dc5;
  const add = (text: string | number | undefined): void => {
    const s = text === undefined ? '\u0000' : String(text);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  for (const a of inventory.agencies) {
    add(a.id);
    add(a.parentId);
  }
  for (const a of inventory.applications) {
    add(a.id);
    add(a.agencyId);
  }
  for (const x of inventory.exchanges) {
    add(x.id);
    add(x.sourceId);
    add(x.targetId);
    add(x.mechanism);
  }
  for (const w of inventory.warnings) {
    add(w.row);
    add(w.column);
  }
  const { agencies, applications, exchanges, datasets, warnings } = inventory;
  return `${agencies.length}/${applications.length}/${exchanges.length}/${datasets.length}/${warnings.length}/${(h >>> 0).toString(16)}`;
}
