// The phrase trie's literal reading (NameTrie), which the entity stage's known names go through: exact
// or lower-case comparison, a space matching only a space, word boundaries that respect hyphens, the
// longest form at a start (the first added of equal ones), no overlaps.
import { describe, expect, it } from 'vitest';
import { NameTrie, type NameHit } from '../src/text/phrase-trie.ts';

function names(trie: NameTrie<string>, text: string): string[] {
  const hits: NameHit<string>[] = [];
  trie.scan(text, 0, text.length, (h) => hits.push(h));
  return hits.map((h) => `${h.start}:${h.form}=${h.value}`);
}

function trieOf(caseFree: boolean, ...forms: [string, string][]): NameTrie<string> {
  const trie = new NameTrie<string>(caseFree);
  for (const [form, value] of forms) trie.add(form, value);
  return trie;
}

describe('the name reading of the phrase trie', () => {
  it('compares case exactly unless case-free, and then as toLowerCase does (a final sigma too)', () => {
    expect(names(trieOf(false, ['FDA', 'agency']), 'the FDA and the fda')).toEqual(['4:FDA=agency']);
    expect(names(trieOf(true, ['FDA', 'agency']), 'the FDA and the fda')).toEqual(['4:FDA=agency', '16:fda=agency']);
    expect(names(trieOf(true, ['ΟΔΟΣ', 'greek']), 'οδος and ΟΔΟΣ')).toEqual(['0:οδος=greek', '9:ΟΔΟΣ=greek']);
  });

  it('matches a space only with a space, and never after a hyphen or before a hyphenated word', () => {
    const trie = trieOf(false, ['Acme Bio', 'acme']);
    expect(names(trie, 'Acme Bio, Acme  Bio, Acme\nBio')).toEqual(['0:Acme Bio=acme']);
    expect(names(trie, 'non-Acme Bio and Acme Bio-Labs and Acme Bio-2')).toEqual(['35:Acme Bio=acme']);
  });

  it('takes the longest form at a start, the first added of equal ones, and does not overlap', () => {
    const trie = trieOf(true, ['Acme', 'short'], ['Acme Bio', 'long'], ['ACME BIO', 'later'], ['Bio Labs', 'other']);
    expect(names(trie, 'Acme Bio Labs; Acme Labs')).toEqual(['0:Acme Bio=long', '15:Acme=short']);
  });

  it('keeps no form that does not open with a letter or digit', () => {
    const trie = trieOf(false, ['®Acme', 'x'], ['-Bio', 'y']);
    expect(trie.size).toBe(0);
    expect(names(trie, '®Acme -Bio')).toEqual([]);
  });

  it('reads a sentence from given word starts as it reads it finding the words itself', () => {
    const trie = trieOf(false, ['Acme Bio', 'a'], ['Acme', 'b']);
    const text = 'Then Acme Bio and non-Acme with Acme.';
    const starts = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index);
    const viaStarts: string[] = [];
    trie.scanWords(text, starts, 0, text.length, (h) => viaStarts.push(`${h.start}:${h.form}=${h.value}`));
    expect(viaStarts).toEqual(names(trie, text));
    expect(viaStarts).toEqual(['5:Acme Bio=a', '32:Acme=b']);
  });
});
