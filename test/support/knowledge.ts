// The knowledge every stage test runs on: loaded once per test file (each vitest file has its own
// module graph), exactly as the CLI loads it once per process.
import { loadKnowledge, unlimitedContext, type StageContext } from '../../src/knowledge/index.ts';

export const knowledge = loadKnowledge();

/** A stage context without a time limit, for calling one stage directly. */
export function stageContext(subject = 'test'): StageContext {
  return unlimitedContext(knowledge, subject);
}
