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

/**
 * The parse of `compromiseParse` without its last step, the chunker (noun, verb and adjective
 * chunks, which only `<Noun>`-style patterns read): tokenised and tagged exactly as `nlp(text)` tags
 * it, for match patterns of words and tags (the grammar frames). compromise's tokenizer runs its
 * first steps (contractions, aliases, machine forms) itself; the steps after the contractions are
 * run here in compromise's own order, and the chunker is left out: about a tenth of the parse.
 */
export function compromiseTag(text: string): View {
  const hooks = nlp.hooks();
  // The order this relies on (compromise 14: contractions first, chunks last); any other order gets the whole parse.
  if (hooks[0] !== 'contractions' || hooks[hooks.length - 1] !== 'chunks') return nlp(text);
  // Typed as compromise's tokenize-only build, the view is the full one at run time (one world, every plugin's methods).
  return nlp.tokenize(text).compute(hooks.slice(1, -1)) as View;
}

/** Whether a compiled match pattern reads compromise's chunks (`<Noun>`), which `compromiseTag` does not make. */
export function readsChunks(pattern: CompiledMatch): boolean {
  return JSON.stringify(pattern).includes('"chunk"');
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
