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

describe('a symbol defined after a protein name, or alone in a drug’s parentheses', () => {
  it('reads "an inhibitor of Bruton’s tyrosine kinase (BTK)" as BTK, the long form its alias', () => {
    const text = 'QX-123, an inhibitor of Bruton’s tyrosine kinase (BTK), is in Phase 3.';
    expect(texts(mentionsOf(text), 'Target')).toEqual(['BTK', 'Bruton’s tyrosine kinase']);
    expect(facts(text)).toContain('TARGETS QX-123 -> BTK');
  });

  it('reads "B-cell maturation antigen (BCMA)" after a targeting verb', () => {
    expect(facts('QX-123 is a bispecific antibody targeting B-cell maturation antigen (BCMA) on myeloma cells.')).toContain('TARGETS QX-123 -> TNFRSF17');
  });

  it('leaves a recombinant protein the drug is, and a receptor that is a cell-therapy modality, alone', () => {
    expect(names(mentionsOf('QX-123 is a recombinant bovine intestinal alkaline phosphatase (IAP) for oral use.'), 'Target')).toEqual([]);
    expect(names(mentionsOf('Acme engineers T cells with a chimeric antigen receptor (CAR) or a T cell receptor (TCR).'), 'Target')).toEqual([]);
  });

  it('reads a gene symbol in a drug’s parentheses as its target, not another name of the drug', () => {
    const lines = facts('Acme plans IND filings for QX-892 (PRMT5) and QX-034 (B7H3/PTK7 ADC) this year.');
    expect(lines).toContain('TARGETS QX-892 -> PRMT5');
    expect(lines).toContain('TARGETS QX-034 -> PTK7');
    const drug = extractText('Acme plans an IND filing for QX-892 (PRMT5) this year.\n', { knowledge, path: 'inline.txt' })[0]?.graph.entities.find((e) => e.name === 'QX-892');
    expect(drug?.aliases).toEqual([]);
  });

  it('reads "CDK4/6 inhibitor" as one target, and no fraction as one', () => {
    expect(facts('Zorvexa is a CDK4/6 inhibitor approved for breast cancer.')).toContain('TARGETS Zorvexa -> CDK4/6');
    expect(names(mentionsOf('Patients received 2/3 of the planned dose.'), 'Target')).toEqual([]);
  });
});

describe('platform names before a two-word kind of platform', () => {
  it('reads "ZorAb antibody discovery platform", "Kelvar linker-payload technology" as platforms, not targets', () => {
    const ms = mentionsOf('QX-123 was found with our ZorAb antibody discovery platform. QX-456 uses the Kelvar linker-payload technology.');
    expect(names(ms, 'Technology')).toEqual(['Kelvar', 'ZorAb']);
    expect(names(ms, 'Target')).toEqual([]);
  });
});

describe('the words around a platform name that are no part of it', () => {
  it('leaves a compound adjective in a participle ("AI-driven", "antibody-based") out of the name', () => {
    expect(names(mentionsOf("The deal applies Norwell's AI-driven RADAR platform to new targets."), 'Technology')).toEqual(['RADAR']);
    expect(names(mentionsOf("Acme gains access to Norwell's Antibody-based Velox technology."), 'Technology')).toEqual(['Velox']);
  });

  it('reads no platform in "a technology company" (a nationality or other adjective before it describes the company)', () => {
    expect(names(mentionsOf('Kelvar is a private Israeli technology company engaged in drug discovery.'), 'Technology')).toEqual([]);
    expect(names(mentionsOf('Kelvar built its Velox technology platform in Boston.'), 'Technology')).toEqual(['Velox']);
  });
});
