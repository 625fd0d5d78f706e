/**
 * Louvain on the second core. Community detection reads nothing but the exchange adjacency (two typed
 * arrays, copied to the worker in milliseconds), while the pipeline's next stages (function classification,
 * systems) never read the communities; so the partition is computed on a worker thread while the main
 * thread classifies, and the silo analysis picks it up when it needs it. The worker runs the very same
 * louvainCommunities with the same seed, so the partition is the one the main thread would compute.
 *
 * Small inventories are partitioned inline: starting a thread and loading graphology there costs more than
 * Louvain on a few thousand exchanges. A worker that cannot start or fails falls back to inline too, so the
 * promise never rejects on the worker's account.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../threads.js';
import { louvainCommunities, type ExchangeAdjacency, type LouvainPartition } from './communities.js';

export const LOUVAIN_THREAD_DEFAULTS = {
  /** Below this many adjacency entries (two per exchange) Louvain runs inline. */
  minAdjacency: 20_000,
  /** Told where the partition was computed, and why not on the worker when it was not. */
  onDone: (_where: 'worker' | 'inline', _reason?: string): void => {},
};

export interface LouvainJob extends ExchangeAdjacency {
  seed: number;
  resolution: number;
}

export type LouvainReply = { ok: true; partition: LouvainPartition } | { ok: false; error: string };

export function louvainInWorker(
  index: ExchangeAdjacency,
  seed: number,
  resolution: number,
  options: Partial<typeof LOUVAIN_THREAD_DEFAULTS> = {},
): Promise<LouvainPartition> {
  const { minAdjacency, onDone } = { ...LOUVAIN_THREAD_DEFAULTS, ...options };
  const inline = (reason: string): LouvainPartition => {
    onDone('inline', reason);
    return louvainCommunities(index, seed, resolution);
  };
  if (index.neighbours.length < minAdjacency) return Promise.resolve(inline('small graph'));

  let worker: Worker;
  try {
    worker = startModuleWorker(import.meta.url, 'louvain-worker');
  } catch (error) {
    return Promise.resolve(inline(`worker did not start: ${String(error)}`));
  }
  return new Promise<LouvainPartition>((resolve) => {
    let settled = false;
    const settle = (partition: () => LouvainPartition): void => {
      if (settled) return;
      settled = true;
      resolve(partition());
    };
    worker.once('message', (reply: LouvainReply) =>
      settle(() => {
        if (!reply.ok) return inline(`worker failed: ${reply.error}`);
        onDone('worker');
        return reply.partition;
      }),
    );
    worker.once('error', (error) => settle(() => inline(`worker failed: ${String(error)}`)));
    worker.once('exit', (code) => settle(() => inline(`worker exited (${code}) without an answer`)));
    const job: LouvainJob = { starts: index.starts, neighbours: index.neighbours, seed, resolution };
    worker.postMessage(job);
  });
}
