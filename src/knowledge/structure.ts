// Knowledge of the structure stage(s), read from data/ and compiled once (see index.ts).
import type { DataFiles } from './files.ts';
import type { NameKnowledge } from './names.ts';

export interface StructureKnowledge {
  readonly placeholder?: never;
}

export function loadStructureKnowledge(files: DataFiles, names: NameKnowledge): StructureKnowledge {
  void files;
  void names;
  return Object.freeze({});
}
