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

let lexicon: Record<string, string | string[]> | undefined;

/**
 * The tags compromise's built-in lexicon gives a word (lower case), or undefined when it does not
 * know the word. A table lookup, no parse: cheap enough for every candidate of a rule. Words it
 * knows are English ("party", "house", "long") or well-known names ("Wendy", "Bristol").
 */
export function lexiconTags(word: string): readonly string[] | undefined {
  if (!lexicon) {
    const model = nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } };
    lexicon = model.one?.lexicon ?? {};
  }
  const key = word.toLowerCase();
  if (!Object.hasOwn(lexicon, key)) return undefined;
  const tags = lexicon[key];
  if (tags === undefined) return undefined;
  return typeof tags === 'string' ? [tags] : tags;
}

/** Whether compromise knows `word` as an ordinary English word (not only as a name of a person or place). */
export function isKnownEnglishWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags !== undefined && !tags.every((t) => /Name$|^(?:City|Country|Region|Place|Organization|Person)$/.test(t));
}

/** Whether compromise's lexicon knows `word` as a given name ("Jane", "Charles"). */
export function isKnownFirstName(word: string): boolean {
  return lexiconTags(word)?.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName') ?? false;
}
