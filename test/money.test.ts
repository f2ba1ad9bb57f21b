import { describe, expect, it } from 'vitest';
import { findMoney as findMoneyIn } from '../src/extract/relations/money.ts';
import { agreementYears } from '../src/extract/relations/dates.ts';
import { dateMentions } from '../src/text/dates.ts';
import { findPhases as findPhasesIn } from '../src/extract/relations/phase.ts';
import { isNegated as isNegatedIn, statusOf as statusOfIn } from '../src/extract/relations/hedges.ts';
import { knowledge } from './support/knowledge.ts';

const { relations } = knowledge;
const findMoney = (text: string) => findMoneyIn(relations.money, text);
const findPhases = (text: string) => findPhasesIn(relations.phases, text);
const statusOf = (text: string) => statusOfIn(relations.triggers.reader(text));
const isNegated = (text: string) => isNegatedIn(relations.triggers.reader(text));

describe('findMoney', () => {
  const one = (text: string) => {
    const found = findMoney(text);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('reads dollar amounts with scale words, including a blanked Markdown escape', () => {
    expect(one('the firm earned a  $7 million payment')).toMatchObject({ amount: 7_000_000, currency: 'USD', qualifier: 'exact', amountText: '$7 million' });
  });
  it('reads codes and signs of other currencies', () => {
    expect(one('a fee of US$250,000 was paid')).toMatchObject({ amount: 250_000, currency: 'USD' });
    expect(one('EUR 149 million in total')).toMatchObject({ amount: 149_000_000, currency: 'EUR' });
    expect(one('€12.5m upfront')).toMatchObject({ amount: 12_500_000, currency: 'EUR' });
    expect(one('£30 million')).toMatchObject({ amount: 30_000_000, currency: 'GBP' });
    expect(one('¥2 billion')).toMatchObject({ amount: 2_000_000_000, currency: 'JPY' });
    expect(one('CHF 4 million')).toMatchObject({ amount: 4_000_000, currency: 'CHF' });
    expect(one('8 million euros')).toMatchObject({ amount: 8_000_000, currency: 'EUR' });
  });
  it('keeps qualifiers and "per" units, and rounds decimal scales exactly', () => {
    expect(one('eligible to receive up to $1.3 billion per target')).toMatchObject({
      amount: 1_300_000_000,
      qualifier: 'up_to',
      per: 'target',
      amountText: 'up to $1.3 billion per target',
    });
    expect(one('approximately $45 million')).toMatchObject({ qualifier: 'approximately', amount: 45_000_000 });
    expect(one('at least $10 million')).toMatchObject({ qualifier: 'at_least' });
    expect(one('$21.50 per share in cash')).toMatchObject({ amount: 21.5, per: 'share' });
  });
  it('does not read years, percentages or bare numbers as money', () => {
    expect(findMoney('In 2006, 45% of 300 patients')).toEqual([]);
  });
  it('gives offsets into the text it was given', () => {
    const text = 'A paid $3 million and $4 million.';
    const [a, b] = findMoney(text);
    expect(text.slice(a!.start, a!.end)).toBe('$3 million');
    expect(text.slice(b!.start, b!.end)).toBe('$4 million');
  });
});

describe('dates', () => {
  it('reads dates at the precision written', () => {
    expect(dateMentions(knowledge.calendar.dates, 'On March 3, 2011, and in June 2012 and 5 May 2013 (2014-02-28)').map((d) => d.iso)).toEqual(['2011-03-03', '2012-06', '2013-05-05', '2014-02-28']);
  });
  it('does not read the verb "may" or impossible days as dates', () => {
    expect(dateMentions(knowledge.calendar.dates, 'the firm may 2020 and February 30, 2020').map((d) => d.iso)).toEqual([]);
  });
  it('reads the year of an agreement and its amendments', () => {
    expect(agreementYears('under the 1999 agreement, as amended in 2004 and 2008, the partner')).toEqual({ year: 1999, amendedYears: [2004, 2008] });
    expect(agreementYears('a deal signed in 2015 with the partner')).toEqual({ year: 2015, amendedYears: [] });
  });
});

describe('findPhases', () => {
  it('maps roman and arabic phases, sub-phases and combined phases', () => {
    const keys = (t: string) => findPhases(t).map((p) => p.key);
    expect(keys('Phase I and Phase II')).toEqual(['PHASE_1', 'PHASE_2']);
    expect(keys('a Phase 1b/2 study')).toEqual(['PHASE_1_2']);
    expect(keys('Phase II/III trial')).toEqual(['PHASE_2_3']);
    expect(keys('the pivotal study')).toEqual(['PHASE_3']);
    expect(findPhases('Phase IIb')[0]).toMatchObject({ key: 'PHASE_2', subphase: 'b' });
  });
  it('does not read "phase" words without a number', () => {
    expect(findPhases('in the next phase of growth')).toEqual([]);
  });
});

describe('hedges and negation', () => {
  it('tells actual from potential and expected statements', () => {
    expect(statusOf('the company earned a payment')).toBe('actual');
    expect(statusOf('the company is eligible to receive payments')).toBe('potential');
    expect(statusOf('the study is expected to begin soon')).toBe('expected');
    expect(statusOf('On May 3, 2021 the company started')).toBe('actual');
  });
  it('finds negations', () => {
    expect(isNegated('the partner has not exercised')).toBe(true);
    expect(isNegated('the agreement was terminated')).toBe(true);
    expect(isNegated('the partner exercised')).toBe(false);
  });
});
