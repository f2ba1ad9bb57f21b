// Who develops and who owns a drug named in an apposition ("X, A's anti-PD-1 therapy") or after a possessive the
// sentence calls a candidate ("A's X is an investigational candidate", "its lead drug candidate X"), and who develops the object of an agreement's
// verb ("A and B agreed to develop B's candidate X"). Invented companies and code names, run
// through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function development(text: string): string[] {
  const [extraction] = extractText(text, { path: 'apposition.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts).filter((line) => /^(?:OWNS|DEVELOPS) /.test(line));
}

describe('a drug with its owner in apposition', () => {
  it("makes another company's marketed drug that company's, without making it its development programme", () => {
    const lines = development('Acme Bio, Inc. today announced that QX-12 will be evaluated with ZV-900, Kelvar Pharma’s anti-PD-1 therapy, in melanoma.');
    expect(lines).toContain('OWNS Kelvar Pharma -> ZV-900');
    expect(lines).not.toContain('DEVELOPS Kelvar Pharma -> ZV-900');
  });

  it('makes the owner the developer when the apposition names a candidate, without a claim of ownership', () => {
    const lines = development('Acme Bio, Inc. today announced that QX-12 will be evaluated with ZV-900, Kelvar Pharma’s investigational anti-PD-1 antibody, in melanoma.');
    expect(lines).toContain('DEVELOPS Kelvar Pharma -> ZV-900');
    expect(lines).not.toContain('OWNS Kelvar Pharma -> ZV-900');
  });

  it('gives a drug called "the company\'s" agonist to the announcing company, as developer and owner', () => {
    const lines = development('Zorvexa Therapeutics, Inc. said the FDA granted orphan drug designation to QX-12, the company’s oral melanocortin-4 receptor agonist, for rare obesity.');
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Zorvexa Therapeutics -> QX-12', 'OWNS Zorvexa Therapeutics -> QX-12']));
  });
});

describe('a possessed drug the sentence calls a candidate', () => {
  it('makes the possessor its developer, not its owner ("A\'s X is an investigational vaccine candidate")', () => {
    const lines = development('Brightwell Pharma said that Kelvar Bio’s QX-12 is an investigational vaccine candidate that may prevent gout flares.');
    expect(lines).toContain('DEVELOPS Kelvar Bio -> QX-12');
    expect(lines).not.toContain('OWNS Kelvar Bio -> QX-12');
  });

  it('still makes the possessor the owner of a drug the sentence does not call a candidate', () => {
    const lines = development('Brightwell Pharma said that Kelvar Bio’s QX-12 is an intravenous formulation approved for gout.');
    expect(lines).toContain('OWNS Kelvar Bio -> QX-12');
  });
});

describe('"its" and a candidate noun right before a drug', () => {
  it('makes the subject the developer, past a subsidiary named in apposition to an earlier "its"', () => {
    const lines = development('Brightwell Pharma said that Acme Bio, together with its subsidiary Kelvar Nanomedicine Inc., is preparing to initiate biomarker analyses for its lead drug candidate QX-12 in ALS.');
    expect(lines).toContain('DEVELOPS Acme Bio -> QX-12');
    expect(lines).not.toContain('DEVELOPS Kelvar Nanomedicine -> QX-12');
    expect(lines).not.toContain('DEVELOPS Brightwell Pharma -> QX-12');
    expect(lines).not.toContain('OWNS Acme Bio -> QX-12');
  });
});

describe('an agreement to develop a drug named with its owner', () => {
  it('makes both parties developers of "B\'s drug candidate X", across their defined names in brackets', () => {
    const lines = development(
      'On March 3, 2021, Acme Pharmaceuticals, Inc. (the “Company”) and Zorvexa, Inc. (“Zorvexa”) entered into a Collaboration Agreement to develop and commercialize Zorvexa’s drug candidate QX-12 and other painkillers.',
    );
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Acme Pharmaceuticals -> QX-12', 'DEVELOPS Zorvexa -> QX-12']));
  });

  it('does not reach past a clause to a possessive that is no object of the verb', () => {
    const lines = development('Acme Pharmaceuticals, Inc. will develop new formulations; the market for Zorvexa’s drug QX-12 is growing.');
    expect(lines).not.toContain('DEVELOPS Acme Pharmaceuticals -> QX-12');
  });
});
