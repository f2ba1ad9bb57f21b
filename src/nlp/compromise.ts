// The one module that imports compromise. compromise keeps one lexicon per process (a plugin's words
// are added to it for every caller), so it is configured in one place, the knowledge loader
// (src/knowledge/nlp.ts, `knowledge.nlp`), which builds on the functions here; stages ask that.
import nlp from 'compromise';

export type View = ReturnType<typeof nlp>;
/** A match pattern compiled once (`nlp.parseMatch`), for `view.match`. */
export type CompiledMatch = ReturnType<typeof nlp.parseMatch>;

/** compromise's lexicon: lower-case word or phrase → its tag or tags. */
export type CompromiseLexicon = Readonly<Record<string, string | readonly string[]>>;

/**
 * The bare parse (`nlp(text)`: tokenise and tag, no matching), for the benchmark's reference figure
 * (issue #7). Returns the number of terms so callers cannot let the parse be optimised away.
 */
export function parseOnly(text: string): number {
  return nlp(text).termList().length;
}

/** Tokenises and tags `text` with compromise as configured (its lexicon and any words added to it). */
export function compromiseParse(text: string): View {
  return nlp(text);
}

/** compromise's lexicon as it stands: its built-in words, plus any words added with `addCompromiseWords`. */
export function compromiseLexicon(): CompromiseLexicon {
  const model = nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } };
  return model.one?.lexicon ?? {};
}

/** Adds words to compromise's lexicon as a plugin (`nlp.plugin({ words })`): lower-case word or phrase → tag. */
export function addCompromiseWords(words: Readonly<Record<string, string>>): void {
  nlp.plugin({ words: { ...words } });
}

/** Compiles a compromise match pattern once, so a rule applied to many sentences does not re-parse it. */
export function compileMatch(pattern: string): CompiledMatch {
  return nlp.parseMatch(pattern);
}
