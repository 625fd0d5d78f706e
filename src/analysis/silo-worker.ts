/**
 * Worker-thread side of the silo thread (silo-thread.ts): reads the inventory at the job's path with the
 * command line's loaders, partitions its exchange graph (Louvain, the job's seed) while the main thread
 * classifies, then waits for the shared-platform instances, analyses the silos, stringifies the findings
 * and answers once. The thread ends when it has answered.
 */
import { parentPort } from 'node:worker_threads';
import { loadInventory } from '../inventory/index.js';
import { registerStandardLoaders } from '../inventory/standard.js';
import { buildGraph } from '../graph/build.js';
import { louvainCommunities } from './communities.js';
import { analyzeSilos } from './silos.js';
import { inventoryFingerprint, type SiloJob, type SiloReply, type SiloShared } from './silo-thread.js';

registerStandardLoaders();

let sharedIds: (ids: string[]) => void;
const shared = new Promise<string[]>((resolve) => (sharedIds = resolve));

parentPort!.on('message', (message: SiloJob | SiloShared) => {
  if (message.kind === 'shared') sharedIds(message.ids);
  else void run(message);
});

async function run(job: SiloJob): Promise<void> {
  let reply: SiloReply;
  try {
    const inventory = await loadInventory(job.path, job.load);
    const graph = buildGraph(inventory);
    const partition = louvainCommunities(graph.index, job.seed, job.resolution);
    const ids = new Set(await shared);
    const result = analyzeSilos(inventory, graph, {
      seed: job.seed,
      resolution: job.resolution,
      partition,
      sharedApplication: (app) => (ids.has(app.id) ? app.id : undefined),
    });
    // The findings travel as their text (silo-thread.ts): stringified here, parsed there only if read.
    reply = { ok: true, fingerprint: inventoryFingerprint(inventory), result: { ...result, silos: [] }, silosJson: JSON.stringify(result.silos) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
  parentPort!.close();
}
