// Linear lookup of many known phrases in a text: phrases are bucketed by their first word, so each
// word of the text costs one hash lookup (plus a direct comparison for the few phrases in its
// bucket) instead of a pass of one giant regex alternation.
//
// Why this is not src/text/phrase-trie.ts (the relations' matcher): the two read a phrase
// differently, and the entity rules depend on this reading. Here a form is compared character by
// character, case-sensitively or by toLowerCase (an agency "FDA" is not "fda"; a company alias
// "Acme" is not "ACME"), a space only matches a space, a match starts at a word of the sentence not
// after a hyphen ("non-Acme") and ends before no letter, digit or hyphen-and-letter ("Acme Bio-Labs"),
// and each hit carries its form's value. The trie matches Unicode case-insensitively, lets a space
// match any run of white space (line breaks too) and allows hyphens on either side: on the corpus it
// finds 793 industry and agency names where this finds 704, and it walks every character where this
// looks up each word once (about three times the time on the corpus).
import type { Sentence } from '../../model/document.ts';
import type { SentenceReader } from './cues.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface PhraseHit<V> {
  start: number;
  end: number;
  form: string;
  value: V;
}

export class PhraseMatcher<V> {
  private readonly byFirst = new Map<string, { form: string; value: V }[]>();

  constructor(private readonly caseFree: boolean) {}

  get size(): number {
    return this.byFirst.size;
  }

  add(form: string, value: V): void {
    WORD.lastIndex = 0;
    const first = WORD.exec(form);
    if (!first || first.index !== 0) return;
    const key = this.caseFree ? first[0].toLowerCase() : first[0];
    const bucket = this.byFirst.get(key);
    const entry = { form: this.caseFree ? form.toLowerCase() : form, value };
    if (!bucket) this.byFirst.set(key, [entry]);
    else {
      bucket.push(entry);
      bucket.sort((a, b) => b.form.length - a.form.length);
    }
  }

  /**
   * `scan` over one sentence, on the sentence's shared word list (cues.ts): one hash lookup per
   * word, the text compared only where a known phrase starts.
   */
  scanSentence(reader: SentenceReader, sentence: Sentence, visit: (hit: PhraseHit<V>) => void): void {
    if (this.byFirst.size === 0) return;
    const text = reader.text;
    const shared = reader.words(sentence);
    const { starts, words } = shared;
    const keys = this.caseFree ? shared.lower() : words;
    let resume = sentence.start;
    for (let i = 0; i < keys.length; i++) {
      const at = starts[i] as number;
      if (at < resume) continue;
      const bucket = this.byFirst.get(keys[i] as string);
      if (!bucket || (at > sentence.start && text.charCodeAt(at - 1) === 45) /* - */) continue;
      for (const { form, value } of bucket) {
        const end = at + form.length;
        if (end > sentence.end) continue;
        const surface = text.slice(at, end);
        if ((this.caseFree ? surface.toLowerCase() : surface) !== form) continue;
        const next = end < sentence.end ? text[end] : undefined;
        const afterNext = end + 1 < sentence.end ? text[end + 1] : undefined;
        if (next !== undefined && (WORD_CHAR.test(next) || (next === '-' && afterNext !== undefined && /\p{L}/u.test(afterNext)))) continue;
        visit({ start: at, end, form: surface, value });
        resume = end;
        break;
      }
    }
  }

  /** Longest known phrase at each word start of text[start, end), left to right, non-overlapping. */
  scan(text: string, start: number, end: number, visit: (hit: PhraseHit<V>) => void): void {
    const slice = text.slice(start, end);
    const haystack = this.caseFree ? slice.toLowerCase() : slice;
    // toLowerCase may change the length of rare characters; offsets would drift, so read the original.
    const source = haystack.length === slice.length ? haystack : slice;
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(source)) !== null) {
      const at = m.index;
      const before = source[at - 1];
      if (before !== undefined && (before === '-' || WORD_CHAR.test(before))) continue;
      const bucket = this.byFirst.get(m[0]);
      if (!bucket) continue;
      for (const { form, value } of bucket) {
        if (!source.startsWith(form, at)) continue;
        const next = source[at + form.length];
        const afterNext = source[at + form.length + 1];
        if (next !== undefined && (WORD_CHAR.test(next) || (next === '-' && afterNext !== undefined && /\p{L}/u.test(afterNext)))) continue;
        visit({ start: start + at, end: start + at + form.length, form: slice.slice(at, at + form.length), value });
        WORD.lastIndex = at + form.length;
        break;
      }
    }
  }
}
