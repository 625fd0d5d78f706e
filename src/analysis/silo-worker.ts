/**
 * Worker-thread side of the silo thread (silo-thread.ts): reads the inventory at the job's path with the
 * command line's loaders, partitions its exchange graph (Louvain, the job's seed) while the main thread
 * classifies, then waits for the shared-platform instances, analyses the silos, stringifies the findings
 * and answers. It then keeps only the inventory, for the target state the main thread asks for once the
 * recommendations are made (the target's silo index is a second Louvain run, here rather than on a thread
 * started for it), answers that too and ends. A failure is answered and ends the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { Inventory } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { loadInventory } from '../inventory/index.js';
import { registerStandardLoaders } from '../inventory/standard.js';
import { buildGraph } from '../graph/build.js';
import { louvainCommunities } from './communities.js';
import { analyzeSilos } from './silos.js';
import { siloIndexOf } from './silo-index.js';
import { simulateTargetState } from './target-state.js';
import { inventoryFingerprint, type SiloJob, type SiloReply, type SiloShared, type TargetJob, type TargetReply } from './silo-thread.js';

registerStandardLoaders();

/** Messages from the main thread, taken in order by `next`. */
const inbox: Array<SiloShared | TargetJob> = [];
let wake: (() => void) | undefined;
function next(): Promise<SiloShared | TargetJob> {
  const message = inbox.shift();
  if (message !== undefined) return Promise.resolve(message);
  return new Promise((resolve) => (wake = () => resolve(inbox.shift()!)));
}

parentPort!.on('message', (message: SiloJob | SiloShared | TargetJob) => {
  if (message.kind === 'job') {
    void run(message);
    return;
  }
  inbox.push(message);
  const w = wake;
  wake = undefined;
  w?.();
});

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function run(job: SiloJob): Promise<void> {
  const reading = await silos(job);
  if (reading !== undefined) await target(reading, job.seed);
  parentPort!.close();
}

/** The inventory read, and its application index (kept for the target state). */
interface Reading {
  inventory: Inventory;
  index: AppIndex;
}

/** Answers the silo analysis; the reading when it succeeded. */
async function silos(job: SiloJob): Promise<Reading | undefined> {
  let reply: SiloReply;
  let reading: Reading | undefined;
  try {
    const inventory = await loadInventory(job.path, job.load);
    const graph = buildGraph(inventory);
    const partition = louvainCommunities(graph.index, job.seed, job.resolution);
    const message = await next();
    if (message.kind !== 'shared') throw new Error(`expected the shared-platform instances, got "${message.kind}"`);
    const ids = new Set(message.ids);
    const result = analyzeSilos(inventory, graph, {
      seed: job.seed,
      resolution: job.resolution,
      partition,
      sharedApplication: (app) => (ids.has(app.id) ? app.id : undefined),
    });
    // The findings travel as their text (silo-thread.ts): stringified here, parsed there only if read.
    reply = { ok: true, fingerprint: inventoryFingerprint(inventory), result: { ...result, silos: [] }, silosJson: JSON.stringify(result.silos) };
    reading = { inventory, index: graph.index };
  } catch (error) {
    reply = { ok: false, error: errorText(error) };
    reading = undefined;
  }
  parentPort!.postMessage(reply);
  return reading;
}

/** Answers the target state, when asked for. */
async function target({ inventory, index }: Reading, seed: number): Promise<void> {
  const job = await next();
  if (job.kind !== 'target') return;
  let reply: TargetReply;
  try {
    const targetState = simulateTargetState(
      inventory,
      job.clusters,
      job.recommendations,
      (inv) => siloIndexOf(inv, { seed }).value,
      { ...job.facts, index },
      job.assumptions,
    );
    reply = { ok: true, targetState };
  } catch (error) {
    reply = { ok: false, error: errorText(error) };
  }
  parentPort!.postMessage(reply);
}
