// The issuer's pipeline (develops.issuer_pipeline) leaves out drugs a release names as someone else's: the
// further drugs of a regimen partner list, the ingredients written in another drug's bracket, and a drug of
// a clause about another company. Invented companies and code names, run through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function develops(text: string): string[] {
  const [extraction] = extractText(text, { path: 'issuer-pipeline.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts).filter((line) => line.startsWith('DEVELOPS '));
}

const DATELINE = 'CAMBRIDGE, Mass., May 2, 2025 -- Acme Therapeutics, Inc. today';

describe('the issuer pipeline leaves out other companies’ drugs', () => {
  it('treats every drug of a list after "in combination with" as a regimen partner, not only the first', () => {
    const lines = develops(`${DATELINE} presented preclinical data on AC-401 in combination with the KRAS inhibitors ZV-712 and BW-340 in pancreatic cancer models.`);
    expect(lines).toContain('DEVELOPS Acme Therapeutics -> AC-401');
    expect(lines.some((l) => l.endsWith('-> BW-340') || l.endsWith('-> ZV-712'))).toBe(false);
  });

  it('reads the drugs written together inside another drug’s bracket as its ingredients', () => {
    const lines = develops(`${DATELINE} announced that the Phase 2 trial of AC-101 (oral metformin/sitagliptin) in type 2 diabetes completed enrollment.`);
    expect(lines).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });

  it('leaves a drug of a clause about another company ("as Zorvexa reported results for X") out of the issuer’s pipeline', () => {
    const lines = develops(`${DATELINE} announced the start of a Phase 2 trial of AC-101 in obesity. Acme's approach appears timely as Zorvexa Inc. recently reported Phase 3 results for ZV-712 in obesity.`);
    expect(lines).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });

  it('keeps a drug the issuer studies together with a partner company', () => {
    const lines = develops(`${DATELINE} announced the start of a Phase 2 trial of AC-101 in obesity. Acme and Zorvexa Inc. are also studying ZV-712 in a Phase 1 trial.`);
    expect(lines).toContain('DEVELOPS Acme Therapeutics -> ZV-712');
  });
});
