// Drug, target and technology names read from their shape and the words around them, on invented
// names in the field's usual wording, each with a near miss the rule must leave alone.
import { describe, expect, it } from 'vitest';
import { mentionsOf, names } from './support/entities.ts';

describe('drug brands in capitals, by the words said of a product', () => {
  it('reads a capitalised brand after "treated with", "in combination with", "approved" and before "-treated" or "franchise"', () => {
    const ms = mentionsOf('In the study, ZORVEXA-treated patients improved. Patients were treated with QUELTRA in combination with BRIXANO for 12 weeks. The FDA approved VELNOZA for adults with migraine. Acme grew its PELTAVO franchise.');
    expect(names(ms, 'Drug')).toEqual(['BRIXANO', 'PELTAVO', 'QUELTRA', 'VELNOZA', 'ZORVEXA']);
  });

  it('reads a name the sentence says is a drug ("X is a … inhibitor") and a named combination', () => {
    const ms = mentionsOf('ZORVEXA is a selective, oral JAK1 inhibitor. Brixalta, a fixed-dose combination of zorvexamab and pelvatinib, is in Phase 2.');
    expect(names(ms, 'Drug')).toEqual(['Brixalta', 'ZORVEXA', 'pelvatinib', 'zorvexamab']);
  });

  it('leaves placebo, disease abbreviations and English words in the same places alone', () => {
    const ms = mentionsOf('Placebo-treated patients worsened. Patients treated with NSCLC guidance improved. Acme is a company developing an inhibitor. The FDA approved Monday a new label.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('drug names with a dosage form or a biosimilar suffix', () => {
  it('reads a brand before a dosage form and keeps the four-letter suffix of a biologic, but not "injection site"', () => {
    const ms = mentionsOf('Patients received Zorvexa tablets and zorvumab-abcd, a biosimilar. Quelmora injection site reactions were mild; Placebo tablets were given.');
    expect(names(ms, 'Drug')).toEqual(['Zorvexa', 'zorvumab-abcd']);
  });
});

describe('drug code names of more shapes', () => {
  it('reads eight-digit codes, a capital or a small letter and digit after the number, and a word before a set-off number', () => {
    const ms = mentionsOf('PF-01234567, XY-101A and QX162b2 are small molecule candidates. Acme is developing Zorb 1234, an oral drug candidate, and XY-01a in patients with cancer.');
    expect(names(ms, 'Drug')).toEqual(['PF-01234567', 'QX162b2', 'XY-01a', 'XY-101A', 'Zorb 1234']);
  });

  it('does not read a word and a number as a code ("Study 301", "Nearly 200")', () => {
    const ms = mentionsOf('Results from Study 301 of the drug candidate were presented. Nearly 200 patients received the drug candidate.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('drugs by the WHO INN stems', () => {
  it('finds INNs ending in stems of KRAS, BCL-2, endothelin, ACE and gabapentinoid drugs', () => {
    const ms = mentionsOf('Patients received zorvetentan, pelvagabalin, quixorasib, brixatoclax and velnopril in the study.');
    expect(names(ms, 'Drug')).toEqual(['brixatoclax', 'pelvagabalin', 'quixorasib', 'velnopril', 'zorvetentan']);
  });
});

describe('targets named by a protein name before a mode of action', () => {
  it('maps an HGNC approved or previous name before "inhibitor", "agonist" or "antibody" to its symbol', () => {
    const ms = mentionsOf('Zorvexa is a lysine-specific demethylase 1 inhibitor. QX-7 is a transthyretin antibody, a dipeptidyl peptidase 4 inhibitor and a growth differentiation factor 15 antibody.');
    expect(names(ms, 'Target')).toEqual(['DPP4', 'GDF15', 'KDM1A', 'TTR']);
  });

  it('reads a family noun or an enzyme picked out by a name, a Greek letter or a number', () => {
    const ms = mentionsOf('QX-101 is an oral Bruton’s tyrosine kinase inhibitor. The regimen adds a beta-lactamase inhibitor, a phosphodiesterase 4 inhibitor and an aromatase inhibitor.');
    expect(names(ms, 'Target')).toEqual(['Bruton’s tyrosine kinase', 'aromatase', 'beta-lactamase', 'phosphodiesterase 4']);
  });

  it('leaves generic classes alone: "tyrosine kinase inhibitor", "growth factor", "T-cell engagers", "fusion inhibitor"', () => {
    const ms = mentionsOf('Velnora is a small molecule tyrosine kinase inhibitor, a selective kinase inhibitor and a growth factor inhibitor. Acme makes T-cell engagers and a fusion inhibitor.');
    expect(names(ms, 'Target')).toEqual([]);
  });
});

describe('technologies named in a platform slot', () => {
  it('reads a name a platform is called, set beside it, coordinated before "platforms", or camel case before the noun', () => {
    const ms = mentionsOf('Zentra developed a platform called Zorix to deliver RNA. Its antibody discovery platform, Quilvax, produced QX-1. Zentra combines the Bravon and Velox platforms with its mAbXcel technology platform.');
    expect(names(ms, 'Technology')).toEqual(['Bravon', 'Quilvax', 'Velox', 'Zorix', 'mAbXcel']);
  });

  it('leaves English words and a clause after a platform noun alone', () => {
    const ms = mentionsOf('The platform, Zentra said, grew. A platform called Next was shown.');
    expect(names(ms, 'Technology')).toEqual([]);
  });
});

describe('cell and gene therapy INNs by their WHO stems', () => {
  it('reads a one-word "-cel" cell therapy, a "-gene" gene therapy and a "-thiazide" diuretic', () => {
    const ms = mentionsOf('Patients received zorvabicel after conditioning. The gene therapy quelnagene was well tolerated. The regimen includes brixothiazide.');
    expect(names(ms, 'Drug')).toEqual(['brixothiazide', 'quelnagene', 'zorvabicel']);
  });

  it('leaves English words with those endings alone ("oncogene", "transgene", "chancel", "parcel")', () => {
    const ms = mentionsOf('Researchers studied the oncogene and the transgene. The parcel arrived at the chancel.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('the short name of a CAR-T cell therapy', () => {
  it('reads "cilta-cel", "Axi-cel" (the first letters of the INN, a hyphen, "cel") as drugs', () => {
    const ms = mentionsOf('The anti-cellular response was measured. Kelvar compared zorta-cel and quel-cel in myeloma. Brixo-cel was also tested.');
    expect(names(ms, 'Drug')).toEqual(['brixo-cel', 'quel-cel', 'zorta-cel']);
  });

  it('leaves words that only begin with "cel" after a hyphen alone ("anti-cellular", "non-cellular")', () => {
    expect(names(mentionsOf('The anti-cellular response and the non-cellular fraction were measured.'), 'Drug')).toEqual([]);
  });
});
