// Entity rules of round 2 (issue #4): targets without a cue, receptor pairs and long forms,
// platform acronyms and lists, payload long names, coordinated diseases, contact blocks. Each rule
// has a positive and a negative case, on sentences of our own.
import { describe, expect, it } from 'vitest';
import { entitiesOf, mentionsOf, names, texts } from './support/entities.ts';

describe('targets without a cue', () => {
  it('accepts strongly shaped symbols HGNC knows', () => {
    const ms = mentionsOf('The programme covers GDF15 and the ligands PD-L1 and PD-L2.');
    expect(names(ms, 'Target')).toEqual(['CD274', 'GDF15', 'PDCD1LG2']);
    expect(texts(ms, 'Target')).toEqual(['GDF15', 'PD-L1', 'PD-L2']);
  });

  it('rejects plain words, unknown codes and symbols the text defines as a disease', () => {
    expect(names(mentionsOf('The SET and CAT teams met. Batch QX42 shipped in Q3 2021.'), 'Target')).toEqual([]);
    const ms = mentionsOf('Patients with neurofibromatosis type 1 (NF1) enrolled. NF1 is rare.');
    expect(names(ms, 'Target')).toEqual([]);
    expect(names(ms, 'Disease')).toEqual(['neurofibromatosis 1']);
  });

  it('takes symbols coordinated with a target, and Greek-prefixed symbols behind a cue', () => {
    expect(texts(mentionsOf('The antibody binds EpCAM-positive cells. It bridges EpCAM and CD9x.'), 'Target')).toContain('CD9x');
    expect(texts(mentionsOf('It binds to β-Klotho in the liver.'), 'Target')).toEqual(['β-Klotho']);
    expect(texts(mentionsOf('Staff from Acme and Borel attended.'), 'Target')).toEqual([]);
  });

  it('reads receptor pairs, family long forms and (ABBR) ligand names', () => {
    const pair = mentionsOf('It is a weekly glucagon-like peptide-1/glucagon receptor dual agonist.');
    expect(names(pair, 'Target')).toEqual(['glucagon receptor', 'glucagon-like peptide-1 receptor']);
    expect(names(mentionsOf('It discovers an inhibitor of sphingosine-1 kinase for cancer.'), 'Target')).toEqual(['sphingosine-1 kinase']);
    expect(names(mentionsOf('It studies inhibitors of tyrosine kinase in cancer.'), 'Target')).toEqual([]);
    expect(names(mentionsOf('It blocks tumor necrosis factor (TNF) Receptor signalling.'), 'Target')).toEqual(['TNF Receptor']);
  });

  it('names an unknown symbol before "receptor" as the receptor', () => {
    expect(names(mentionsOf('It engages Fc-gamma receptor positive cells.'), 'Target')).toEqual(['Fc-gamma receptor']);
    expect(names(mentionsOf('It is a GLP-2 receptor antagonist.'), 'Target')).toEqual(['GCG']);
  });
});

describe('technologies, round 2', () => {
  it('reads an acronym defined after it and platform lists', () => {
    const ms = mentionsOf('It uses our proprietary ZAPRO (Zero Affinity Protein Release Optimizer) platform.');
    expect(names(ms, 'Technology')).toEqual(['ZAPRO']);
    expect(names(mentionsOf('It uses our QWERTY (Totally Unrelated Words) platform.'), 'Technology')).toEqual([]);
    const listed = mentionsOf('Candidates come from its two technology platforms (KORVEX and Helix Chemistry), built in-house.');
    expect(names(listed, 'Technology')).toEqual(['Helix Chemistry', 'KORVEX']);
  });

  it('reads payload long forms in any case, acronyms only in capitals', () => {
    expect(names(mentionsOf('The antibody is linked to monomethyl auristatin E by a linker.'), 'Technology')).toEqual(['MMAE']);
    expect(names(mentionsOf('The mmae word list is lower case.'), 'Technology')).toEqual([]);
  });
});

describe('diseases, round 2', () => {
  it('shares the head noun of a coordinated list', () => {
    const ms = mentionsOf('It may treat solid tumors, including breast, lung, and prostate cancers.');
    expect(names(ms, 'Disease')).toEqual(expect.arrayContaining(['breast cancer', 'lung cancer', 'prostate cancer']));
    expect(names(mentionsOf('It was tested in mice, rats and prostate cancers.'), 'Disease')).toEqual(['prostate cancer']);
  });

  it('reads hyphenated abbreviations, possessives and "type N" names', () => {
    expect(names(mentionsOf('Treatment of COVID-19 started.'), 'Disease')).toEqual(['COVID-19']);
    expect(names(mentionsOf("Patients with non-Hodgkin's lymphoma enrolled."), 'Disease')).toEqual(['non-Hodgkin lymphoma']);
  });

  it('keeps a disease-associated disease as one indication, and links only abbreviations that spell it', () => {
    const ms = mentionsOf('It treats neurofibromatosis type 1-associated plexiform neurofibromas (NF1-PN). Plexiform neurofibromas grow.');
    expect(texts(ms, 'Disease')).toEqual(expect.arrayContaining(['neurofibromatosis type 1-associated plexiform neurofibromas']));
    const wrong = mentionsOf('Patients with plexiform neurofibromas (XQ-PN) enrolled. XQ-PN is rare.');
    expect(texts(wrong, 'Disease')).not.toContain('XQ-PN');
  });
});

describe('people and companies in contact blocks', () => {
  it('drops a company the document names from a contact name', () => {
    const ms = mentionsOf('Zorvex Biosciences, Inc. announced results.\n\nZorvex Media: Alma Reyes 555-201-3344\n\nMedia: Tom Vale Pfizer, Inc. +1 212 555 0100');
    expect(names(ms, 'Person')).toEqual(['Alma Reyes', 'Tom Vale']);
    expect(names(ms, 'Company')).toEqual(expect.arrayContaining(['Pfizer', 'Zorvex Biosciences']));
  });

  it('reads a name alone on its line above a title or phone, and middle initials', () => {
    const ms = mentionsOf('Contact:\nAcme Labs, Inc.\nMaria T. Ortega\nSenior Director, Communications\n(555) 201-3344\n\n“Good,” said John A. Smith, Ph.D., Chief Executive Officer of Acme Labs.');
    expect(names(ms, 'Person')).toEqual(['John A. Smith', 'Maria T. Ortega']);
    expect(names(mentionsOf('Results\nStrong Growth\nContinued in the quarter.'), 'Person')).toEqual([]);
  });

  it('merges "X & Co." with X in one document, never with another namesake', () => {
    const keys = entitiesOf('Merck & Co., Inc. signed. Merck will pay. Merck KGaA was not involved.')
      .filter((e) => e.labels[0] === 'Company')
      .map((e) => e.key)
      .sort();
    expect(keys).toEqual(['company:merck', 'company:merck-kgaa']);
  });
});
