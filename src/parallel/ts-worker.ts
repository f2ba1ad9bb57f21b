// Worker threads that run this project's TypeScript: the tsx loader is registered inside the thread
// before the entry module loads (a worker does not inherit the parent's loader hooks).
import { Worker } from 'node:worker_threads';

/** Starts a worker thread on a TypeScript entry module, with `workerData` for it. */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}
