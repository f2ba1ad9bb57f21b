// Linear lookup of many known names in a sentence: the project's one phrase trie (src/text/phrase-trie.ts)
// in its literal reading (NameTrie), walked from each word start of the sentence's shared word list.
//
// The relations read their trigger phrases through the same trie, but in the reading of their regular
// expressions (Unicode case-insensitive, a space matching any run of white space, hyphens allowed on
// either side); the entity rules depend on the literal reading: an agency "FDA" is not "fda", a company
// alias "Acme" is not "ACME", a space only matches a space, a match starts at a word not after a hyphen
// ("non-Acme") and ends before no letter, digit or hyphen-and-letter ("Acme Bio-Labs"), and each hit
// carries its form's value. (Read the other way, on the corpus the relations' reading finds 793
// industry and agency names where this one finds 704.)
import type { Sentence } from '../../model/document.ts';
import { NameTrie, type NameHit } from '../../text/phrase-trie.ts';
import type { SentenceReader } from './cues.ts';

export type PhraseHit<V> = NameHit<V>;

export class PhraseMatcher<V> extends NameTrie<V> {
  /** The names in one sentence, walked from the words of the sentence's shared word list (cues.ts). */
  scanSentence(reader: SentenceReader, sentence: Sentence, visit: (hit: PhraseHit<V>) => void): void {
    if (this.size === 0) return;
    this.scanWords(reader.text, reader.words(sentence).starts, sentence.start, sentence.end, visit);
  }
}
