// The entity stage's knowledge (issue 15): the configured compromise instance and its plugin words.
import { describe, expect, it } from 'vitest';
import { knowledge } from './support/knowledge.ts';

describe('knowledge.nlp: the configured compromise instance', () => {
  it('tags the industry companies compromise does not know as organizations', () => {
    expect(knowledge.nlp.pluginWords.get('regeneron')).toBe('Organization');
    expect(knowledge.nlp.pluginWords.get('daiichi sankyo')).toBe('Organization');
    // Known to compromise already (its tags stay), or not a plain phrase of words.
    expect(knowledge.nlp.pluginWords.has('pfizer')).toBe(false);
    expect(knowledge.nlp.pluginWords.has('lilly')).toBe(false);
    expect(knowledge.nlp.pluginWords.has('j.p. morgan')).toBe(false);
    const view = knowledge.nlp.parse('Regeneron and Daiichi Sankyo signed an agreement.');
    expect(view.match('#Organization+').out('array')).toEqual(['Regeneron', 'Daiichi Sankyo']);
  });

  it('leaves the word look-ups of the rules as they were: a plugin word is neither English nor a given name', () => {
    for (const word of knowledge.nlp.pluginWords.keys()) {
      expect(knowledge.nlp.lexiconTags(word)).toEqual(['Organization']);
      expect(knowledge.nlp.isKnownEnglishWord(word)).toBe(false);
      expect(knowledge.nlp.isKnownFirstName(word)).toBe(false);
    }
    expect(knowledge.nlp.isKnownFirstName('Lilly')).toBe(true);
    expect(knowledge.nlp.isKnownEnglishWord('house')).toBe(true);
  });
});
