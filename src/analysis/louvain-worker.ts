/**
 * Worker-thread entry of louvainInWorker (louvain-thread.ts): receives one CSR adjacency, runs
 * louvainCommunities on it and posts the partition back, its typed array transferred, not copied. One job
 * per worker; the thread ends when it has answered.
 */
import { parentPort } from 'node:worker_threads';
import { louvainCommunities } from './communities.js';
import type { LouvainJob, LouvainReply } from './louvain-thread.js';

parentPort!.once('message', (job: LouvainJob) => {
  let reply: LouvainReply;
  try {
    reply = { ok: true, partition: louvainCommunities(job, job.seed, job.resolution) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply, reply.ok ? [reply.partition.communityOf.buffer as ArrayBuffer] : []);
});
