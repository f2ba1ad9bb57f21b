// The configured compromise instance (see index.ts): set up once, here, with our words as a plugin,
// and the word look-ups the rules make in its lexicon.
//
// Our words: the industry's well-known companies (data/lexicons/companies-industry.txt) are tagged
// #Organization, so later grammar rules can match `#Organization+` on "Acme" or "Sanko Pharma"
// as they do on the names compromise knows ("Pfizer"). Only names compromise does not know yet are
// added, and only names of letters, digits and spaces ("Bristol-Myers Squibb" and "J.P. Morgan" are
// tokenised into several terms with punctuation: a plain lexicon phrase would not describe them).
// A name compromise knows keeps its tags ("Lilly" stays a given name, "Janssen" a surname).
//
// Why this cannot change what the entity rules find: they ask `isKnownEnglishWord` and
// `isKnownFirstName`, and a word that only we add carries the one tag Organization, which makes
// neither an English word nor a given name; words compromise already knows are never re-tagged. So
// both answers are the same before and after the plugin, however often the knowledge is loaded in a
// process (compromise's lexicon is one per process; adding the same words again changes nothing).
import { addCompromiseWords, compromiseLexicon, compromiseParse, type View } from '../nlp/compromise.ts';
import { Phrase, type DataFiles } from './files.ts';

export type { View } from '../nlp/compromise.ts';

export interface NlpKnowledge {
  /**
   * The tags compromise's lexicon gives a word (any case), or undefined when it does not know the
   * word. A table lookup, no parse: cheap enough for every candidate of a rule. Words it knows are
   * English ("party", "house", "long") or well-known names ("Wendy", "Bristol"), and our words.
   */
  lexiconTags(word: string): readonly string[] | undefined;
  /** Whether compromise knows `word` as an ordinary English word (not only as a name of a person, place or organization). */
  isKnownEnglishWord(word: string): boolean;
  /** Whether compromise's lexicon knows `word` as a given name ("Jane", "Charles"). */
  isKnownFirstName(word: string): boolean;
  /** Tokenises and tags a text with the configured compromise (our words included), for grammar rules. */
  parse(text: string): View;
  /** The words our plugin added (lower case → tag). */
  readonly pluginWords: ReadonlyMap<string, string>;
}

/** Tags that name a thing rather than make an English word. */
const NAME_TAG = /Name$|^(?:City|Country|Region|Place|Organization|Person)$/;
const FIRST_NAME_TAGS: ReadonlySet<string> = new Set(['FirstName', 'MaleName', 'FemaleName']);
/** A name compromise's lexicon can hold as a phrase: letters, digits and single spaces. */
const LEXICON_PHRASE = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u;

export function loadNlpKnowledge(files: DataFiles): NlpKnowledge {
  const companies = files.lines('lexicons/companies-industry.txt', Phrase);
  const known = compromiseLexicon();
  const pluginWords = new Map<string, string>();
  for (const name of companies) {
    const key = name.toLowerCase();
    if (LEXICON_PHRASE.test(key) && !Object.hasOwn(known, key)) pluginWords.set(key, 'Organization');
  }
  addCompromiseWords(Object.fromEntries(pluginWords));

  // Read after the plugin: compromise adds the words to this same table.
  const lexicon = compromiseLexicon();
  const lexiconTags = (word: string): readonly string[] | undefined => {
    const key = word.toLowerCase();
    if (!Object.hasOwn(lexicon, key)) return undefined;
    const tags = lexicon[key];
    if (tags === undefined) return undefined;
    return typeof tags === 'string' ? [tags] : tags;
  };
  const isKnownEnglishWord = (word: string): boolean => {
    const tags = lexiconTags(word);
    return tags !== undefined && !tags.every((t) => NAME_TAG.test(t));
  };
  const isKnownFirstName = (word: string): boolean => lexiconTags(word)?.some((t) => FIRST_NAME_TAGS.has(t)) ?? false;
  return Object.freeze({ lexiconTags, isKnownEnglishWord, isKnownFirstName, parse: compromiseParse, pluginWords });
}
