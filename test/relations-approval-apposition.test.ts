// An approval stated in an apposition or relative clause of a drug ("Y, a drug approved for A", "Y, which is
// approved for A") is Y's approval alone: the sentence's studied drug is not approved for A, nor for the
// indication that follows the clause. Invented code names beside well-known medicines.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function approvals(text: string): string[] {
  const [extraction] = extractText(text, { path: 'approval-apposition.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts).filter((line) => line.startsWith('APPROVED_FOR '));
}

describe('an approval in a drug’s apposition', () => {
  it('approves the drug of ", a drug approved for", not the drug studied in the sentence', () => {
    const lines = approvals('Acme Therapeutics, Inc. today announced Phase 2 results for QX-120 in patients previously treated with adalimumab, a drug approved for psoriasis.');
    expect(lines).toEqual(['APPROVED_FOR adalimumab -> psoriasis']);
  });

  it('keeps a relative clause\'s approval ("which is approved for") from the indication after it', () => {
    const lines = approvals('Acme Therapeutics, Inc. is studying QX-120 in combination with pembrolizumab, which is approved for melanoma, in patients with lung cancer.');
    expect(lines).toEqual(['APPROVED_FOR pembrolizumab -> melanoma']);
  });

  it('still reads a plain approval statement of the sentence’s drug', () => {
    const lines = approvals('Acme Therapeutics, Inc. announced that the FDA approved QX-120 in combination with pembrolizumab for melanoma.');
    expect(lines).toEqual(['APPROVED_FOR QX-120 -> melanoma']);
  });

  it('reads "approved therapies" as a class of medicines, not an approval of the sentence’s drug', () => {
    const lines = approvals('Acme Therapeutics, Inc. is studying QX-120 in patients with melanoma who progressed on approved therapies such as pembrolizumab.');
    expect(lines).toEqual([]);
  });
});
