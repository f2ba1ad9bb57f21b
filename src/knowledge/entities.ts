// Knowledge of the entities stage(s), read from data/ and compiled once (see index.ts).
import type { DataFiles } from './files.ts';
import type { NameKnowledge } from './names.ts';

export interface EntityKnowledge {
  readonly placeholder?: never;
}

export function loadEntityKnowledge(files: DataFiles, names: NameKnowledge): EntityKnowledge {
  void files;
  void names;
  return Object.freeze({});
}
