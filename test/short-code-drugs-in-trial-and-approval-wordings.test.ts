// A short drug code ("QX-12": two digits) is read as a drug only in a sentence about drugs; the wordings
// of a study ("is being studied / investigated in D") and of an approval ("granted marketing
// authorization for X for D") are such sentences, so their indication is read too. Invented names.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function lines(text: string): string[] {
  const [extraction] = extractText(text, { path: 'short-code.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts);
}

describe('short drug codes in study and approval sentences', () => {
  it('reads "X is being studied in A and B" as a study of X in both', () => {
    expect(lines('QX-12 is being studied in idiopathic pulmonary fibrosis and systemic sclerosis.')).toEqual(
      expect.arrayContaining(['STUDIED_FOR QX-12 -> idiopathic pulmonary fibrosis', expect.stringMatching(/^STUDIED_FOR QX-12 -> systemic scler/)]),
    );
  });

  it('reads "X is being investigated in relapsed or refractory D"', () => {
    expect(lines('Acme Bio said QX-12 is being investigated in relapsed or refractory multiple myeloma.')).toContain('STUDIED_FOR QX-12 -> multiple myeloma');
  });

  it('reads a marketing authorization for X for adults with D as an approval', () => {
    expect(lines('The European Commission granted marketing authorization for QX-12 for adults with chronic migraine.')).toContain('APPROVED_FOR QX-12 -> migraine');
  });

  it('does not read a short code as a drug in a sentence about no drug', () => {
    expect(lines('The board approved the purchase of the TX-40 office building for the headquarters.').filter((l) => l.includes('TX-40'))).toEqual([]);
  });
});
