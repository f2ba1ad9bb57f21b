// Target and technology shapes read end to end (issue 16): symbols with a Greek letter or an isoform
// number, a mutation after its gene, a family noun between a symbol and its cue, mechanism verbs in the
// infinitive; each with a near miss the rule must leave alone. Invented drug and company names.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { knowledge } from './support/knowledge.ts';
import { mentionsOf, names, texts } from './support/entities.ts';

/** "TYPE source -> target" for every relationship of the listed types the pipeline finds in `text`. */
function facts(text: string, types: readonly string[] = ['TARGETS', 'USES_TECHNOLOGY']): string[] {
  const graph = extractText(`${text}\n`, { knowledge, path: 'inline.txt' })[0]?.graph;
  const nameOf = new Map(graph?.entities.map((e) => [e.key, e.name]) ?? []);
  return (graph?.relationships ?? []).filter((r) => types.includes(r.type)).map((r) => `${r.type} ${nameOf.get(r.start) ?? '?'} -> ${nameOf.get(r.end) ?? '?'}`);
}

describe('target symbols with a Greek letter or an isoform number', () => {
  it('reads "TGF-β", "IL-1β", "TNF-α" whole, not their first segment', () => {
    const ms = mentionsOf('Zorvexa is an anti-TGF-β antibody that also blocks IL-1β and TNF-α.');
    expect(texts(ms, 'Target')).toEqual(['IL-1β', 'TGF-β', 'TNF-α']);
  });

  it('reads an isoform "CLDN18.2" as its own target and links the drug it describes', () => {
    expect(names(mentionsOf('QX-123 is a CLDN18.2-targeted ADC.'), 'Target')).toEqual(['CLDN18.2']);
    expect(facts('QX-123 is a CLDN18.2-targeted ADC.')).toContain('TARGETS QX-123 -> CLDN18.2');
  });

  it('leaves a sentence-ending dot after a symbol alone', () => {
    expect(texts(mentionsOf('QX-123 is a HER2-directed ADC. It entered Phase 1 in 2019.'), 'Target')).toEqual(['HER2']);
  });
});

describe('a mutation names a variant of the gene before it', () => {
  it('reads "KRAS G12C inhibitor" as the KRAS target, the variant as written', () => {
    const ms = mentionsOf('Zorvexa (acmetinib) is a selective, oral KRAS G12C inhibitor.');
    expect(names(ms, 'Target')).toEqual(['KRAS']);
    expect(texts(ms, 'Target')).toEqual(['KRAS G12C']);
    expect(facts('Zorvexa (acmetinib) is a selective, oral KRAS G12C inhibitor.')).toContain('TARGETS acmetinib -> KRAS');
  });

  it('never reads a mutation alone as a target', () => {
    expect(names(mentionsOf('The G12C inhibitor market grew.'), 'Target')).toEqual([]);
  });
});

describe('cues across a family noun and in the infinitive', () => {
  it('reads "MET tyrosine kinase inhibitor" as a MET inhibitor', () => {
    expect(facts('QX-123 is a highly selective MET tyrosine kinase inhibitor.')).toContain('TARGETS QX-123 -> MET');
  });

  it('reads "designed to neutralize X", "designed to target X"', () => {
    expect(facts('QX-123 is a humanized monoclonal antibody designed to neutralize IL-13.')).toContain('TARGETS QX-123 -> IL13');
    expect(facts('QX-123 is designed to target TROP2 on tumor cells.')).toContain('TARGETS QX-123 -> TACSTD2');
  });

  it('reads both members of an "A/B bispecific"', () => {
    const lines = facts('QX-123 is an EGFR/MET bispecific antibody.');
    expect(lines).toContain('TARGETS QX-123 -> EGFR');
    expect(lines).toContain('TARGETS QX-123 -> MET');
  });

  it('reads a development code before "bispecific" as the drug, not a target', () => {
    expect(names(mentionsOf('Acme has advanced its QX-222 bispecific antibody-drug conjugate into the clinic.'), 'Target')).toEqual([]);
  });

  it('reads no target in a price target or a target lesion', () => {
    expect(names(mentionsOf('The median change in target PN volume was -41%.'), 'Target')).toEqual([]);

    expect(names(mentionsOf('Analysts set a price target of $40 for the H2 shares.'), 'Target')).toEqual([]);
  });
});
