/**
 * Writing the output files on the second core. A national analysis writes some 90 MB of text (analysis.json
 * and the CSVs); building that text is the main thread's work, but encoding it to UTF-8 and the write calls
 * are another ~0.2 s that need none of the analysis. A writer thread takes the text piece by piece (a
 * string crosses to a worker as a copy of its characters, far cheaper than encoding it) and writes while
 * the main thread builds the next file. `write` returns once the text is handed over; its promise settles
 * when the file is complete. Small outputs are written inline: a thread costs more to start than they take.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../threads.js';
import { pieces, writeTextFile } from './file.js';

export interface TextFileWriter {
  /** Whether the files are written on a worker thread (false: on the calling thread). */
  readonly thread: boolean;
  /** Writes the concatenation of `parts` to `path` (UTF-8); settles when the file is written and closed. */
  write(path: string, parts: Iterable<string>): Promise<void>;
  /** Waits for every file written so far and releases the writer. */
  close(): Promise<void>;
}

export type WriterMessage =
  | { kind: 'open'; file: number; path: string }
  | { kind: 'text'; file: number; parts: string[] }
  | { kind: 'end'; file: number };

export type WriterReply =
  | { file: number; ok: true }
  | { file: number; ok: false; message: string; code?: string; syscall?: string; path?: string };

/** Waits for every file to finish, written or failed (one failure does not cut the others short); throws the first failure. */
async function settleAll(files: Array<Promise<void>>): Promise<void> {
  const failed = (await Promise.allSettled(files)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Writes on the calling thread (writeTextFile), each file in pieces as the event loop allows. */
export function inlineWriter(): TextFileWriter {
  const pending: Array<Promise<void>> = [];
  return {
    thread: false,
    write(path, parts) {
      const done = writeTextFile(path, parts);
      // Handled here so a failure waits for the caller's await instead of counting as unhandled.
      done.catch(() => undefined);
      pending.push(done);
      return done;
    },
    close: () => settleAll(pending),
  };
}

/**
 * A writer backed by a worker thread; inline when the thread cannot start. A thread that dies fails the
 * files it had not finished (their promises reject), never silently.
 */
export function threadWriter(): TextFileWriter {
  let worker: Worker;
  try {
    worker = startModuleWorker(import.meta.url, 'writer-worker');
  } catch {
    return inlineWriter();
  }
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const all: Array<Promise<void>> = [];
  let next = 0;
  let dead: Error | undefined;
  // The thread keeps the process alive only while files are in flight: a run that fails before close()
  // must still end.
  worker.unref();
  const failAll = (error: Error): void => {
    dead ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker.unref();
  };
  worker.on('message', (reply: WriterReply) => {
    const entry = waiting.get(reply.file);
    if (!entry) return;
    waiting.delete(reply.file);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) entry.resolve();
    else entry.reject(Object.assign(new Error(reply.message), { code: reply.code, syscall: reply.syscall, path: reply.path }));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the file writer thread exited (${code}) before finishing`)));

  return {
    thread: true,
    write(path, parts) {
      if (dead) return Promise.reject(dead);
      const file = next++;
      const done = new Promise<void>((resolve, reject) => waiting.set(file, { resolve, reject }));
      done.catch(() => undefined);
      all.push(done);
      worker.ref();
      const post = (message: WriterMessage): void => worker.postMessage(message);
      post({ kind: 'open', file, path });
      for (const piece of pieces(parts)) post({ kind: 'text', file, parts: piece });
      post({ kind: 'end', file });
      return done;
    },
    async close() {
      try {
        await settleAll(all);
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
}
