// Investors of a financing (src/extract/entities/company-roles.ts, role "investors" of
// data/lexicons/company-roles.tsv): the items of a list after "investors included", "participation
// from", "co-led by" in a sentence about a financing are companies, after a place ("London's",
// "Boston firms") or a descriptor ("the hedge fund"); a firm's name ending in a financial head word
// (data/lexicons/financial-name-words.txt) needs no other sign. People, places and non-financing
// sentences are not read. Every name here is invented.
import { describe, expect, it } from 'vitest';
import { mentionsOf } from './support/entities.ts';
import type { Mention } from '../src/model/extraction.ts';

const companies = (ms: Mention[]): string[] => [...new Set(ms.filter((m) => m.label === 'Company').map((m) => m.text))].sort();

describe('company.role-investor: the investors listed in a financing', () => {
  it('reads each item after a place possessive or a place and a descriptor', () => {
    const ms = mentionsOf('Other new investors in the Series B round included London’s Zorvane Ventures, Qatar’s QXA, Boston firms Hollow Brook Capital and Quell Healthcare Venture Management, and Canada’s Sixty Meadow Capital.\n');
    expect(companies(ms)).toEqual(['Hollow Brook Capital', 'QXA', 'Quell Healthcare Venture Management', 'Sixty Meadow Capital', 'Zorvane Ventures']);
  });

  it('reads names that open with a digit and passes over an apposition', () => {
    const ms = mentionsOf('The financing was co-led by 7XB Ventures and Trellam Partners, a subsidiary of a larger group, with participation from Korvex Capital.\n');
    expect(companies(ms)).toEqual(['7XB Ventures', 'Korvex Capital', 'Trellam Partners']);
  });

  it('reads a relative clause inside the phrase ("investors who joined the round included")', () => {
    const ms = mentionsOf('Existing investors who joined the financing included Vantrel Partners and the hedge fund Orvask.\n');
    expect(companies(ms)).toEqual(['Orvask', 'Vantrel Partners']);
  });

  it('reads a name with an ampersand and passes over a descriptor standing alone', () => {
    const ms = mentionsOf('The Series A saw participation from new investors, Trellam & Vorr Advisors, Korvex Capital and Quell Finance.\n');
    expect(companies(ms)).toEqual(['Korvex Capital', 'Quell Finance', 'Trellam & Vorr Advisors']);
  });

  it('reads a known company followed by financial head words as its investment arm', () => {
    const ms = mentionsOf('Acme Pharmaceuticals, Inc. announced results.\nThe Series A financing was led by Acme Pharmaceuticals Venture Fund and Korvex Capital.\n');
    expect(companies(ms)).toContain('Acme Pharmaceuticals Venture Fund');
  });

  it('ends the list at a name followed by lower-case words', () => {
    const ms = mentionsOf('With funding from Trellam Partners, 7XB Ventures, and Korvex Venture to support the trial, the company will grow.\n');
    expect(companies(ms)).toEqual(['7XB Ventures', 'Korvex Venture', 'Trellam Partners']);
  });

  it('reads a firm named with a financial head word after an investor descriptor anywhere', () => {
    expect(companies(mentionsOf('He previously ran the hedge fund Quorran Peak Management.\n'))).toEqual(['Quorran Peak Management']);
  });

  it('does not read people, titles or places as investors', () => {
    expect(companies(mentionsOf('Its investors include billionaire investor Jennifer Vantrel, the hedge fund Orvask and Michael Trellam.\n'))).toEqual(['Orvask']);
    expect(companies(mentionsOf('The seed round was led by Jennifer Vantrel and Michael Orvane.\n'))).toEqual([]);
    expect(companies(mentionsOf('The financing was joined by investors in London and Boston.\n'))).toEqual([]);
  });

  it('does not read a list outside a financing sentence', () => {
    expect(companies(mentionsOf('The study was led by Dr. Quell and joined by Hollow Brook Capital and Sixty Meadow Capital.\n'))).toEqual([]);
  });
});
