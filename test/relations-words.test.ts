// The rule word lists (data/patterns/relation-words.tsv) and the patterns the rules compile from them:
// a word list is data, but the pattern around it must read it exactly as the inline alternation it
// replaced did (order, whole words, whitespace, word endings).
import { describe, expect, it } from 'vitest';
import { RuleWords } from '../src/extract/relations/word-lists.ts';
import { knowledge } from './support/knowledge.ts';

const { rules } = knowledge.relations;

describe('rule word lists', () => {
  it('escapes words, keeps file order, lets a space match any whitespace and * the rest of a word', () => {
    const words = new RuleWords([
      { list: 'interaction', word: 'co-administ*' },
      { list: 'interaction', word: 'vs.' },
      { list: 'interaction', word: 'drug interactions' },
      { list: 'acquire.completed', word: 'completion of' },
    ]);
    expect(words.alternation('interaction')).toBe('co-administ\\w*|vs\\.|drug\\s+interactions');
    expect(words.alternation('acquire.completed', { literalSpaces: true })).toBe('completion of');
    expect(words.set('acquire.completed').has('completion of')).toBe(true);
    expect(words.missing()).toContain('speech');
  });

  it("compiles the rules' patterns as their inline alternations read", () => {
    expect(rules.anatomy.interaction.test('when co-administered with')).toBe(true);
    expect(rules.anatomy.interaction.test('coadministration')).toBe(true);
    expect(rules.anatomy.interaction.test('concomitants')).toBe(false);
    expect(rules.deals.completed.test('upon completion of the merger')).toBe(true);
    expect(rules.deals.completed.test('upon completion\nof the merger')).toBe(false); // one space, as written
    expect(rules.deals.pending.test('a definitive merger agreement')).toBe(true);
    expect(rules.clinical.programAfter.exec(' product candidates, X and Y')?.[0]).toBe(' product candidates');
    expect(rules.development.pipelineIncludes.exec(', which includes X')?.[0]).toBe(', which includes ');
    expect(rules.context.clauseBreak.test('Acme Inc. Beta')).toBe(false);
    expect(rules.context.clauseBreak.test('Acme grew. Beta fell')).toBe(true);
    expect(rules.context.pronounText.test('The  Company')).toBe(true);
    expect(rules.people.contactLabel.exec('CFO, E-mail: jane@example.com')?.index).toBe(3);
    expect(rules.payments.receiving.has('will receive')).toBe(true);
    expect(rules.anatomy.comprises.has('armed with')).toBe(true);
  });
});
