// The one module that imports compromise. Everything else asks this module for a configured
// instance, so plugins, lexicon words and compiled match nets are set up once per process.
import nlp from 'compromise';

export type Nlp = typeof nlp;
export type View = ReturnType<typeof nlp>;

export function getNlp(): Nlp {
  return nlp;
}

/**
 * The bare parse (`nlp(text)`: tokenise and tag, no matching), for the benchmark's reference figure
 * (issue #7). Returns the number of terms so callers cannot let the parse be optimised away.
 */
export function parseOnly(text: string): number {
  return nlp(text).termList().length;
}
