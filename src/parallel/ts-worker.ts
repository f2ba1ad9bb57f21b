// Worker threads on this project's modules, from the TypeScript sources or from the compiled dist/:
// a TypeScript entry gets the tsx loader registered inside the thread before it loads (a worker does
// not inherit the parent's loader hooks); a compiled JavaScript entry starts as it is, without tsx.
import { Worker } from 'node:worker_threads';

/**
 * The module `name` beside the calling module `from` (its import.meta.url), in the caller's own
 * form: `name.ts` when the caller runs from the sources, `name.js` when it runs compiled from dist/.
 */
export function siblingModule(name: string, from: string): URL {
  return new URL(`./${name}${new URL(from).pathname.endsWith('.ts') ? '.ts' : '.js'}`, from);
}

/** Starts a worker thread on an entry module of this project (.ts or compiled .js), with `workerData` for it. */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}
