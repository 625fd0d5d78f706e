/**
 * Starting siloscope's worker threads. A worker module sits beside the module that starts it: compiled,
 * both are .js and the worker starts directly; run from the TypeScript sources (tests, tsx), the worker is
 * a .ts file, loaded after registering tsx in the new thread (Node 20 does not apply an `--import` loader
 * given in a worker's execArgv).
 */
import { Worker } from 'node:worker_threads';

/** Starts the worker module `name` (without extension) that sits beside the module whose URL is `from`. */
export function startModuleWorker(from: string, name: string): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, from).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, {
    eval: true,
  });
}
