// What the pipeline gives back for one input, on this thread or from the worker pool: the input's
// document graphs, or the KgError that stopped it. A module of its own so that the pipeline
// (src/pipeline.ts) and the pool it loads lazily (src/parallel/extract-pool.ts) share the type
// without importing each other.
import type { KgError } from './errors.ts';
import type { Graph } from './model/graph.ts';

/** An input's document graphs (what the writers need), or one of its failures. */
export type GraphResult = { ok: true; path: string; graphs: Graph[] } | { ok: false; path: string; error: KgError };
