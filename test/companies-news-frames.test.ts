// Companies named only by a news frame (src/extract/entities/company-roles.ts, companies.ts): the name
// before an officer's title and a person ("Kelvex CEO Jane Roe"), the owner of an officer written in
// capitals ("Kelvex's CEO"), the organisation a title is "of" ("CEO of Kelvex"), the company
// purchased ("purchase of Kelvex"), the analysts' firm ("analysts at Kelvex"), and the appositive
// after a title ("CEO of Kelvex, a contract research organization" is Kelvex). Places, ordinary words
// and given names in the same frames are no company. Every name here is invented.
import { describe, expect, it } from 'vitest';
import { mentionsOf } from './support/entities.ts';
import type { Mention } from '../src/model/extraction.ts';

const companies = (ms: Mention[]): string[] => [...new Set(ms.filter((m) => m.label === 'Company').map((m) => m.text))].sort();

describe('company.role-officer: the name before an officer title and a person', () => {
  it('reads "Kelvex CEO Jane Roe" and "Kelvex Chief Scientific Officer, Dr. Jane Roe"', () => {
    expect(companies(mentionsOf('Kelvex CEO Jane Quell praised the agreement.\n'))).toEqual(['Kelvex']);
    expect(companies(mentionsOf('Trevaxis Chief Scientific Officer, Dr. Ana Brask, presented the data.\n'))).toEqual(['Trevaxis']);
  });

  it('does not read an ordinary word, a place or a past title before the officer as a company', () => {
    expect(companies(mentionsOf('Former CEO Jane Quell joined the board.\n'))).toEqual([]);
    expect(companies(mentionsOf('Boston CEO Jane Quell praised the agreement.\n'))).toEqual([]);
    expect(companies(mentionsOf('The company said its CEO Jane Quell would attend.\n'))).toEqual([]);
  });
});

describe('officer titles and deal nouns before a name', () => {
  it('reads "Kelvex\'s CEO", "CEO of Kelvex", "chairman of Kelvex", "purchase of Kelvex", "analysts at Kelvex"', () => {
    expect(companies(mentionsOf("Kelvex's CEO Jane Quell praised the deal.\n"))).toEqual(['Kelvex']);
    expect(companies(mentionsOf('"We are excited," said Dr. Ken Brask, CEO of Zorvexa.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('The firm named Henry Brask, co-founder and co-executive chairman of Kelvex, as chairman of its board.\n'))).toEqual(['Kelvex']);
    expect(companies(mentionsOf("The deal follows Pfizer's $43 billion purchase of Zorvexa last year.\n"))).toEqual(['Pfizer', 'Zorvexa']);
    expect(companies(mentionsOf('Analysts at Kelvex maintain a $7 price target on the stock.\n'))).toEqual(['Kelvex']);
  });

  it('does not read a place, a board or an ordinary word after "of" as a company', () => {
    expect(companies(mentionsOf('She was named Chairman of the Board in 2020.\n'))).toEqual([]);
    expect(companies(mentionsOf('He served as President of the United States Chamber.\n'))).not.toContain('United States');
  });
});

describe('company.descriptor after a title', () => {
  it('reads "CEO of Kelvex, a contract research organization" as Kelvex, without the title', () => {
    expect(companies(mentionsOf('"We are proud," said Dr. Sud Brask, CEO of Kelvex, a contract research organization in Australia.\n'))).toEqual(['Kelvex']);
  });
});

describe('a name ending in a single capital after a no-break space', () => {
  it('keeps "BioLab\u00a0X" whole or leaves it, never cutting it to "BioLab"', () => {
    expect(companies(mentionsOf('"We are excited," said Dr. Ken Brask, CEO of BioLab\u00a0X. "It matters."\n'))).not.toContain('BioLab');
  });
});
