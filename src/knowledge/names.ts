// Knowledge of the names stage(s), read from data/ and compiled once (see index.ts).
import type { DataFiles } from './files.ts';


export interface NameKnowledge {
  readonly placeholder?: never;
}

export function loadNameKnowledge(files: DataFiles): NameKnowledge {
  void files;
  
  return Object.freeze({});
}
