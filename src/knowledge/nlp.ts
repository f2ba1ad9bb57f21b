// The configured compromise instance (see index.ts): set up once, here, with our words as a plugin.
import type { DataFiles } from './files.ts';

export interface NlpKnowledge {
  readonly placeholder?: never;
}

export function loadNlpKnowledge(files: DataFiles): NlpKnowledge {
  void files;
  return Object.freeze({});
}
