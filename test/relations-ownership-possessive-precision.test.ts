// A possessive names a drug's owner only when it governs the drug itself: "A's X, licensed from B" makes A a
// licensee, and "A's trial evaluating X" says whose trial it is. Invented companies and code names, run
// through the whole pipeline; the announcing company does not take the other company's drug into its pipeline.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts, relationLines } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function ownership(text: string): string[] {
  const [extraction] = extractText(text, { path: 'possessive.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts).filter((line) => /^(?:OWNS|DEVELOPS) /.test(line));
}

describe('a possessive before a drug', () => {
  it('does not make the possessor the owner of a drug it licensed from another company', () => {
    const lines = ownership("Acme Therapeutics, Inc. today announced that Zorvexa's QX-120, licensed from Brightwell Pharma, entered Phase 3.");
    expect(lines.filter((l) => l.startsWith('OWNS Zorvexa'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('DEVELOPS Acme'))).toEqual([]);
  });

  it('owns the trial, not the drug, when a participle takes the drug as its object', () => {
    const lines = ownership("Acme Therapeutics, Inc. today announced data from Zorvexa's trial evaluating QX-120 in lupus.");
    expect(lines).toEqual([]);
  });

  it('still names the owner of a drug it describes ("co-promote Zorvexa\'s QX-120")', () => {
    const lines = ownership("Acme Therapeutics, Inc. will co-promote Zorvexa's QX-120 in the United States.");
    expect(lines).toContain('OWNS Zorvexa -> QX-120');
  });

  it('makes the possessor the developer of its drug as well as its owner ("Kelvar\'s oral QX-12 is in Phase 2")', () => {
    const lines = ownership("Brightwell Pharma reported that Kelvar Bio's oral QX-12 is being evaluated in a Phase 2 study in gout.");
    expect(lines).toContain('OWNS Kelvar Bio -> QX-12');
    expect(lines).toContain('DEVELOPS Kelvar Bio -> QX-12');
  });
});

describe('the developer named before "developing"', () => {
  it('is the clause subject, not the object of "with" a comma before it', () => {
    const lines = ownership('Under the agreement with Acme Therapeutics, Inc., Zorvexa Inc. will be responsible for developing QX-120.');
    expect(lines).toEqual(['DEVELOPS Zorvexa -> QX-120']);
  });

  it('keeps every company of a coordinated subject ("A and B will co-develop X")', () => {
    const lines = ownership('Acme Therapeutics, Inc. and Zorvexa Inc. will co-develop QX-120 for lupus.');
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Acme Therapeutics -> QX-120', 'DEVELOPS Zorvexa -> QX-120']));
  });
});

describe('"its" after a grant', () => {
  it('gives the platform "its" names to the grantor of the licence, not to the company granted it', () => {
    const lines = ownership('Zorvexa Biotech, Inc. has granted Acme Therapeutics, Inc. an exclusive license to its proprietary Kelvar platform technology.\n');
    expect(lines).not.toEqual(expect.arrayContaining([expect.stringMatching(/^OWNS Acme Therapeutics/)]));
  });
});

describe('"its" before a technology', () => {
  it('stands for the subject, not for a company named in apposition to an earlier "its" noun', () => {
    const lines = relationLines(['[Company:Acme Bio] is expanding its clinics through its subsidiary, [Company:Kelvar Health], and advancing its proprietary [Technology:Zorblast] platform.']);
    expect(lines).toContain('OWNS Acme Bio -> Zorblast');
    expect(lines).not.toContain('OWNS Kelvar Health -> Zorblast');
    // Without the apposition the nearest company is the owner, as before.
    expect(relationLines(['[Company:Acme Bio] said [Company:Kelvar Health] is advancing its proprietary [Technology:Zorblast] platform.'])).toContain('OWNS Kelvar Health -> Zorblast');
  });
});
