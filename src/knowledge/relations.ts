// Knowledge of the relations stage(s), read from data/ and compiled once (see index.ts).
import type { DataFiles } from './files.ts';
import type { NameKnowledge } from './names.ts';

export interface RelationKnowledge {
  readonly placeholder?: never;
}

export function loadRelationKnowledge(files: DataFiles, names: NameKnowledge): RelationKnowledge {
  void files;
  void names;
  return Object.freeze({});
}
