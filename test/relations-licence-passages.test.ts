// Licences and payments read over a passage (issue #16): a sentence that names one party of a deal
// ("Under the agreement, B has the right to develop X", "B will pay $18.5 million upfront") takes the
// other party from the sentence before that names the deal; and single-sentence wordings of the licence
// frame ("B licensed A's X", "an agreement with B granting it a licence"). Invented companies and sentences.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const run = relationLines;

group('a deal sentence names the parties, the next sentence one of them', () => {
  it('reads the licensor of a right granted under the agreement from the sentence that names the agreement', () => {
    const lines = run([
      '[Company:Osprey Health] has entered into a licensing agreement with [Company:Helix One] for [Drug:HX-31].',
      'Under the agreement, [Company:Helix One] has the right to develop and commercialize [Drug:HX-31] in Europe.',
    ]);
    expect(lines).toContain('LICENSES Helix One -> HX-31');
    expect(lines).toContain('LICENSES_TO Osprey Health -> Helix One');
  });

  it('reads a passive grant of a licence to products containing the drug', () => {
    const lines = run([
      '[Company:Osprey Health] has entered into a licensing agreement with [Company:Helix One].',
      'Under the agreement, [Company:Helix One] will be granted an exclusive license to commercialize products containing [Drug:HX-31] in Japan.',
    ]);
    expect(lines).toContain('LICENSES Helix One -> HX-31');
    expect(lines).toContain('LICENSES_TO Osprey Health -> Helix One');
  });

  it('reads whoever acts under the licence as its licensee', () => {
    const lines = run(['Pursuant to the license, [Company:Helix One] will develop and commercialize [Drug:HX-31] in Japan.']);
    expect(lines).toContain('LICENSES Helix One -> HX-31');
  });

  it('does not read a right to terminate, or development under an agreement that is not called a licence, as a licence', () => {
    const lines = run(['Under the agreement, [Company:Helix One] has the right to terminate the study of [Drug:HX-31].', 'Under the agreement, [Company:Helix One] will develop [Drug:HX-31] in Japan.']);
    expect(lines.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });

  it('gives a payment with no payee named to the other party of the deal the passage is about', () => {
    const lines = run(['[Company:Osprey Health] has entered into a licensing agreement with [Company:Helix One].', 'Under the terms of the deal, [Company:Helix One] will pay $18.5 million upfront and up to $400 million in milestones.']);
    expect(lines).toContain('PAYS Helix One -> Osprey Health');
  });

  it('gives no payee when the sentence before names no deal of the payer', () => {
    const lines = run(['[Company:Osprey Health] and [Company:Tarn Bio] entered into a license agreement.', 'Separately, [Company:Helix One] will pay $18.5 million upfront.']);
    expect(lines.filter((l) => l.startsWith('PAYS'))).toEqual([]);
  });
});

group('licence wordings of one sentence', () => {
  it('reads "B licensed A\'s X" as A licensing X to B', () => {
    const lines = run(['In 2024, [Company:Helix One] licensed [Company:Osprey Health]’s preclinical antibody [Drug:HX-31] for $45 million upfront.']);
    expect(lines).toContain('LICENSES_TO Osprey Health -> Helix One');
    expect(lines).toContain('LICENSES Helix One -> HX-31');
    expect(lines).not.toContain('LICENSES_TO Helix One -> Osprey Health');
  });

  it('reads "an agreement with B granting it a licence" as a licence to B', () => {
    const lines = run(['[Company:Osprey Health] signed an agreement with [Company:Helix One] granting it an exclusive license to develop and commercialize [Drug:HX-31] in North America.']);
    expect(lines).toContain('LICENSES_TO Osprey Health -> Helix One');
    expect(lines).toContain('LICENSES Helix One -> HX-31');
  });
});

group('licence and partnership wordings read by frames', () => {
  it('reads an agreement to license a drug from a party, and to license it to a party', () => {
    expect(run(['[Company:Osprey Health] entered into an agreement to license [Drug:HX-31] from [Company:Helix One].'])).toEqual(expect.arrayContaining(['LICENSES_TO Helix One -> Osprey Health', 'LICENSES Osprey Health -> HX-31']));
    expect(run(['[Company:Helix One] signed an agreement to license [Drug:HX-31] to [Company:Osprey Health].'])).toEqual(expect.arrayContaining(['LICENSES_TO Helix One -> Osprey Health', 'LICENSES Osprey Health -> HX-31']));
  });

  it('reads an option to license as an option, not a licence; an exercised option as a licence', () => {
    const option = run(['[Company:Osprey Health] will have the option to license [Drug:HX-31] from [Company:Helix One].']);
    expect(option.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
    expect(run(['[Company:Osprey Health] has exercised its option to license [Drug:HX-31] from [Company:Helix One].'])).toContain('LICENSES Osprey Health -> HX-31');
  });

  it('reads "the licensing of X to B" as the subject licensing X to B', () => {
    expect(run(['[Company:Helix One] announced the licensing of [Drug:HX-31] to [Company:Osprey Health].'])).toEqual(expect.arrayContaining(['LICENSES_TO Helix One -> Osprey Health', 'LICENSES Osprey Health -> HX-31']));
  });

  it('reads the licensee named of a drug as holding a licence to it', () => {
    expect(run(['[Company:Osprey Health], the exclusive licensee of [Drug:HX-31], plans to file an NDA.'])).toContain('LICENSES Osprey Health -> HX-31');
  });

  it('reads "Y, X\'s partner" as a partnership, and teaming up or joining forces as a collaboration', () => {
    expect(run(['[Company:Quint Labs], [Company:Baylin Health]’s development partner for [Drug:QL-3], started a Phase 3 trial.'])).toContain('COLLABORATES_WITH Baylin Health -> Quint Labs');
    expect(run(['[Company:Quint Labs] teams up with [Company:Baylin Health] on [Drug:QL-3].'])).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
    expect(run(['[Company:Quint Labs] and [Company:Baylin Health] join forces to develop [Drug:QL-3].'])).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
  });

  it("reads a company's deal with another as a partnership, but not its merger agreement", () => {
    expect(run(["[Company:Baylin Health]'s 2021 deal with [Company:Quint Labs] included $700 million upfront."])).toContain('COLLABORATES_WITH Baylin Health -> Quint Labs');
    expect(run(["[Company:Baylin Health]'s merger agreement with [Company:Quint Labs] closed in May."])).not.toContain('COLLABORATES_WITH Baylin Health -> Quint Labs');
  });
});

group('payment wordings read by frames', () => {
  it('reads a payment paid by one party to another, and a payment a company announces from another', () => {
    expect(run(['The $5 million upfront payment paid by [Company:Baylin Health] to [Company:Quint Labs] was recorded as revenue.'])).toContain('PAYS Baylin Health -> Quint Labs');
    expect(run(['[Company:Quint Labs] announced a $5 million upfront payment from [Company:Baylin Health].'])).toContain('PAYS Baylin Health -> Quint Labs');
  });
});

group('options and contract rights', () => {
  it('does not read a right of first refusal over licences another party may offer as a licence or an option on that party', () => {
    const lines = run(['The agreement also grants [Company:Osprey Health] a right of first refusal over any license [Company:Helix One] may offer to a third party.']);
    expect(lines).not.toContain('HAS_OPTION_ON Osprey Health -> Helix One');
    expect(lines).not.toContain('LICENSES_TO Helix One -> Osprey Health');
  });

  it('reads an option to acquire a company, and not an option on the company named in the possessive before the drug', () => {
    expect(run(['[Company:Osprey Health] has an option to acquire [Company:Helix One].'])).toContain('HAS_OPTION_ON Osprey Health -> Helix One');
    expect(run(["[Company:Osprey Health] exercises option for [Company:Helix One]'s antibody [Drug:HX-31]."])).not.toContain('HAS_OPTION_ON Osprey Health -> Helix One');
  });
});
