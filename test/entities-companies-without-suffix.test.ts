// Entity rules of round 5: companies named without a legal suffix or company word, read from what
// the sentence says of them: an apposition or copula calling them a company ("Zentrix, a
// clinical-stage biotechnology company"), or a CamelCase name as the party of deal language
// ("a partnership with AcmeBio"). Every name here is invented.
import { describe, expect, it } from 'vitest';
import { mentionsOf } from './support/entities.ts';
import type { Mention } from '../src/model/extraction.ts';

const companies = (ms: Mention[]): string[] => [...new Set(ms.filter((m) => m.label === 'Company').map((m) => m.text))].sort();
const rulesOf = (ms: Mention[], text: string): string[] => ms.filter((m) => m.text === text).map((m) => m.rule);

describe('company.descriptor: a name the sentence calls a company', () => {
  it('reads an apposition "X, a <adjectives> company"', () => {
    const ms = mentionsOf('Zentrovia, a global specialty pharmaceutical company that commercialises medicines, will lead the launch.\n');
    expect(companies(ms)).toEqual(['Zentrovia']);
    expect(rulesOf(ms, 'Zentrovia')).toContain('company.descriptor');
  });

  it('reads a copula "X is a non-profit research organisation" and finds the name again later', () => {
    const ms = mentionsOf('Quillmark Trustees Nine is a self-funded, non-profit medical research organisation. Quillmark Trustees Nine funds early research.\n');
    const found = ms.filter((m) => m.text === 'Quillmark Trustees Nine');
    expect(found.length).toBe(2);
  });

  it('does not make a company of ordinary words, "The Company" or "Today"', () => {
    expect(companies(mentionsOf('The Company is a clinical-stage biotechnology company focused on rare diseases.\n'))).toEqual([]);
    expect(companies(mentionsOf('Today, a leading pharmaceutical company announced results.\n'))).toEqual([]);
    expect(companies(mentionsOf('Overall, a private company may choose otherwise.\n'))).toEqual([]);
  });

  it('does not read a name followed by something other than a company descriptor', () => {
    expect(companies(mentionsOf('Zentrovia, a novel oral peptide, was well tolerated.\n'))).toEqual([]);
  });
});

describe('company.camel-case-agent: a CamelCase party of a deal', () => {
  it('reads a CamelCase name after "with", "from", "to"', () => {
    expect(companies(mentionsOf('Acme Therapeutics entered into a strategic partnership with ZentrixAi.\n'))).toContain('ZentrixAi');
    expect(companies(mentionsOf('The sum includes licensing income from QuorBio, VelnaCon, and TridexOne.\n'))).toEqual(['QuorBio', 'TridexOne', 'VelnaCon']);
  });

  it('leaves CamelCase words without deal language, and names that run on past the CamelCase word', () => {
    expect(companies(mentionsOf('ZentrixAi reported data at the meeting.\n'))).toEqual([]);
    expect(companies(mentionsOf('The programme has support from QuorBio X and others.\n'))).not.toContain('QuorBio');
  });

  it('does not read all-capital or lower-first words as CamelCase names', () => {
    expect(companies(mentionsOf('The study was sponsored by ACME and funded with mRNA grants.\n'))).not.toContain('mRNA');
    expect(companies(mentionsOf('Results were shared with DXd users.\n'))).toEqual([]);
  });
});

describe('company.co-announcer: a name joined by "and" to a company that announces', () => {
  it('reads "The Velnar Access Pool and Acme Therapeutics today announced"', () => {
    const ms = mentionsOf('The Velnar Access Pool and Acme Therapeutics, Inc. today announced a license agreement.\n');
    expect(companies(ms)).toEqual(['Acme Therapeutics, Inc.', 'Velnar Access Pool']);
    expect(rulesOf(ms, 'Velnar Access Pool')).toContain('company.co-announcer');
  });

  it('does not read ordinary words or a missing announcement', () => {
    expect(companies(mentionsOf('Today and Acme Therapeutics, Inc. announced results.\n'))).toEqual(['Acme Therapeutics, Inc.']);
    expect(companies(mentionsOf('Velnar Access Pool and Acme Therapeutics, Inc. reported results.\n'))).toEqual(['Acme Therapeutics, Inc.']);
  });
});
