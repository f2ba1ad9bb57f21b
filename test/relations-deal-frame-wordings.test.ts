// Deal clauses in their ordinary wordings, read by the whole relation stage (phrase rules and grammar
// frames together): who pays whom, who licenses to whom, who acquires whom, who collaborates with whom.
// Each case checks the direction as well as the fact, and the near misses that name no such fact: a
// payment received is no licence, a licence received is no payment, an out-licence is no in-licence,
// a passive acquisition is not read backwards. Invented companies and sentences.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const read = (sentence: string): string[] => relationLines([sentence]);

group('payments', () => {
  it('reads the grantee of a licence as the payer of what it gives in exchange', () => {
    const lines = read('[Company:Norvex Bio] granted [Company:Aldera Pharma] exclusive rights to [Drug:NVX-4] in exchange for an upfront payment of $40 million.');
    expect(lines).toContain('PAYS Aldera Pharma -> Norvex Bio');
    expect(lines).not.toContain('PAYS Norvex Bio -> Aldera Pharma');
  });

  it('reads the licensee of an out-licence as the payer in exchange, and no payer a later company does not give', () => {
    expect(read('[Company:Helix One] out-licensed [Drug:HX-7] to [Company:Tarn Bio] in consideration for $12 million and royalties.')).toContain('PAYS Tarn Bio -> Helix One');
    const lines = read('[Company:Helix One] licensed [Drug:HX-7] to [Company:Tarn Bio], and [Company:Osprey Health] will receive shares in exchange for its data.');
    expect(lines.filter((l) => l.startsWith('PAYS Tarn Bio'))).toEqual([]);
  });

  it('reads owing and reimbursing as paying', () => {
    expect(read('[Company:Tarn Bio] will also owe [Company:Helix One] tiered royalties on net sales.')).toContain('PAYS Tarn Bio -> Helix One');
    expect(read('[Company:Quint Labs] agreed to reimburse [Company:Baylin Health] for its development costs.')).toContain('PAYS Quint Labs -> Baylin Health');
  });

  it('reads the lead investor of a round as paying the company that raises it', () => {
    expect(read('[Company:Baylin Health] led the $40 million Series A financing of [Company:Quint Labs].')).toContain('PAYS Baylin Health -> Quint Labs');
  });

  it('reads a grant awarded by a funder as paid by the funder', () => {
    const lines = read('[Company:Quint Labs] was awarded a $2 million grant by the [Organization:Westmoor Foundation].');
    expect(lines).toContain('PAYS Westmoor Foundation -> Quint Labs');
  });

  it("reads a possessive payment or investment noun phrase, X's payment to Y, as X paying Y", () => {
    expect(read("[Company:Aldera Pharma]'s upfront payment to [Company:Norvex Bio] was $10 million.")).toContain('PAYS Aldera Pharma -> Norvex Bio');
  });

  it('reads a payment noun phrase "from X to Y" in its direction', () => {
    const lines = read('The agreement provides for an upfront payment of $50 million from [Company:Aldera Pharma] to [Company:Norvex Bio].');
    expect(lines).toContain('PAYS Aldera Pharma -> Norvex Bio');
    expect(lines).not.toContain('PAYS Norvex Bio -> Aldera Pharma');
  });

  it('does not read a licence received from a company as a payment from it', () => {
    const lines = read('[Company:Aldera Pharma] received an exclusive license from [Company:Norvex Bio] for [Drug:NVX-204].');
    expect(lines).toContain('LICENSES_TO Norvex Bio -> Aldera Pharma');
    expect(lines.filter((l) => l.startsWith('PAYS'))).toEqual([]);
  });
});

group('licences', () => {
  it('does not read a payment received from a company as a licence from it', () => {
    const lines = read('[Company:Norvex Bio] received an upfront payment of $30 million from [Company:Aldera Pharma].');
    expect(lines).toContain('PAYS Aldera Pharma -> Norvex Bio');
    expect(lines.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });

  it('reads rights acquired from a company as a licence from it, and a drug acquired from it as no licence', () => {
    expect(read('[Company:Osprey Health] acquired exclusive worldwide rights to [Drug:OS-41] from [Company:Helix One].')).toEqual(expect.arrayContaining(['LICENSES_TO Helix One -> Osprey Health', 'LICENSES Osprey Health -> OS-41']));
    expect(read('[Company:Tarn Bio] acquired [Drug:TB-77] from [Company:Corvel Labs] in 2021.').filter((l) => l.startsWith('LICENSES_TO'))).toEqual([]);
  });

  it('reads an out-licence "A licensed X to B" one way only', () => {
    const lines = read('[Company:Helix One] licensed [Drug:HX-3] to [Company:Osprey Health].');
    expect(lines).toContain('LICENSES_TO Helix One -> Osprey Health');
    expect(lines).not.toContain('LICENSES_TO Osprey Health -> Helix One');
    expect(lines).not.toContain('LICENSES Helix One -> HX-3');
  });

  it('reads the direction of an agreement from the verb that follows it, and none where the sentence gives none', () => {
    expect(read('[Company:Osprey Health] entered into an agreement with [Company:Helix One] to in-license [Drug:HX-12].')).toContain('LICENSES_TO Helix One -> Osprey Health');
    expect(read('[Company:Osprey Health] signed an agreement with [Company:Helix One] to acquire exclusive rights to [Drug:HX-12].')).toContain('LICENSES_TO Helix One -> Osprey Health');
    const reversed = read('[Company:Osprey Health] entered into an agreement with [Company:Helix One] under which [Company:Helix One] will obtain rights to [Drug:HX-12].');
    expect(reversed).not.toContain('LICENSES_TO Helix One -> Osprey Health');
    const undirected = read('[Company:Osprey Health] entered into an exclusive license agreement with [Company:Helix One] for [Drug:HX-12].');
    expect(undirected.filter((l) => l.startsWith('LICENSES_TO'))).toEqual([]);
  });

  it('reads the licensee of a drug whose grantor is not named as a company, and no contract right as a licence', () => {
    expect(read('The agreement grants [Company:Osprey Health] an exclusive worldwide license to develop and commercialize [Drug:HX-31].')).toContain('LICENSES Osprey Health -> HX-31');
    expect(read('[Company:Osprey Health] was granted an exclusive license to [Technology:GlyLink] for oncology.')).toContain('LICENSES Osprey Health -> GlyLink');
    expect(read('[Company:Osprey Health] received the right to receive royalties on [Drug:HX-31].').filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });

  it('reads the licensee of a drug licensed to it, from someone, or under a licence, and no out-licence as an in-licence', () => {
    expect(read('[Drug:HX-31] has been licensed to [Company:Osprey Health] for Asia.')).toContain('LICENSES Osprey Health -> HX-31');
    expect(read('[Company:Osprey Health] in-licensed [Drug:HX-31] from a university in 2018.')).toContain('LICENSES Osprey Health -> HX-31');
    expect(read('[Company:Osprey Health] is developing [Drug:HX-31] under an exclusive license from a university.')).toContain('LICENSES Osprey Health -> HX-31');
    expect(read('[Company:Osprey Health] licensed [Drug:HX-31] to a partner in 2018.')).not.toContain('LICENSES Osprey Health -> HX-31');
  });

  it('reads exclusive rights held or provided to a company as its licence, and rights it retains as none', () => {
    expect(read('[Company:Osprey Health] holds the exclusive worldwide rights to develop and commercialize [Drug:HX-31] outside China.')).toContain('LICENSES Osprey Health -> HX-31');
    expect(read('The agreement provides [Company:Osprey Health] with exclusive rights to develop [Drug:HX-31] in Japan.')).toContain('LICENSES Osprey Health -> HX-31');
    expect(read('[Company:Osprey Health] retains exclusive rights to [Drug:HX-31].')).not.toContain('LICENSES Osprey Health -> HX-31');
  });

  it('reads the exclusive licensee of a company as licensed by it', () => {
    expect(read('[Company:Osprey Health] is the exclusive licensee of [Company:Helix One] for [Drug:HX-5].')).toContain('LICENSES_TO Helix One -> Osprey Health');
  });

  it('reads "it" after the only company named before it as that company obtaining the rights', () => {
    const lines = read('[Company:Aldera Pharma] announced that it has entered into an agreement under which it will acquire the global rights to [Drug:NVX-2] from [Company:Norvex Bio].');
    expect(lines).toEqual(expect.arrayContaining(['LICENSES_TO Norvex Bio -> Aldera Pharma', 'LICENSES Aldera Pharma -> NVX-2']));
  });
});

group('acquisitions', () => {
  it('reads an acquisition verb right after the acquirer, and no option to acquire as an acquisition', () => {
    expect(read('[Company:Osprey Health] bought [Company:Tarn Bio] for $300 million.')).toContain('ACQUIRES Osprey Health -> Tarn Bio');
    expect(read('[Company:Osprey Health] has an option to acquire [Company:Tarn Bio].').filter((l) => l.startsWith('ACQUIRES'))).toEqual([]);
  });

  it('reads a passive acquisition with its agent as the acquirer, never the other way round', () => {
    for (const sentence of ['[Company:Tarn Bio] was acquired by [Company:Osprey Health] in 2021.', '[Company:Tarn Bio] has agreed to be acquired by [Company:Osprey Health] for $1.1 billion.']) {
      const lines = read(sentence);
      expect(lines).toContain('ACQUIRES Osprey Health -> Tarn Bio');
      expect(lines).not.toContain('ACQUIRES Tarn Bio -> Osprey Health');
    }
  });
});

group('collaborations', () => {
  it('reads the partners of an opening "in collaboration with" phrase as collaborators of the subject', () => {
    expect(read('In collaboration with [Company:Baylin Health], [Company:Quint Labs] launched a trial of [Drug:QL-3].')).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
    expect(read('In partnership with [Organization:Westmoor University] and [Company:Tarn Bio], [Company:Quint Labs] will run the study.')).toEqual(
      expect.arrayContaining(['COLLABORATES_WITH Quint Labs -> Westmoor University', 'COLLABORATES_WITH Quint Labs -> Tarn Bio']),
    );
  });

  it('reads companies working together as collaborators, and an agency one works with as none', () => {
    expect(read('[Company:Quint Labs] has joined forces with [Company:Tarn Bio] to build a platform.')).toContain('COLLABORATES_WITH Quint Labs -> Tarn Bio');
    expect(read('[Company:Quint Labs] is working with the [Organization:FDA] on the trial design.').filter((l) => l.startsWith('COLLABORATES_WITH'))).toEqual([]);
  });

  it('reads two parties with defined terms in parentheses as entering into their collaboration', () => {
    expect(read('[Company:Quint Labs] (the "Company") and [Company:Baylin Health] ("Baylin") entered into a Collaboration Agreement.')).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
  });
});

group('licence grants and agreements read the right way round (issue #16)', () => {
  it('reads "A licensed B the rights to X" as an out-licence to B, not as A obtaining rights from B', () => {
    const lines = read('[Company:Corvel Labs] licensed [Company:Aldera Pharma] the rights to [Drug:CVL-9] in Europe.');
    expect(lines).toContain('LICENSES_TO Corvel Labs -> Aldera Pharma');
    expect(lines).toContain('LICENSES Aldera Pharma -> CVL-9');
    expect(lines).not.toContain('LICENSES_TO Aldera Pharma -> Corvel Labs');
    expect(lines).not.toContain('LICENSES Corvel Labs -> CVL-9');
  });

  it('gives the licence to the grantee, never to the grantor whose "has granted" stands before the licence noun', () => {
    const lines = read('[Company:Corvel Labs] has granted the [Organization:Halvard Institute] an exclusive global license for [Drug:CVL-118].');
    expect(lines).toContain('LICENSES Halvard Institute -> CVL-118');
    expect(lines).not.toContain('LICENSES Corvel Labs -> CVL-118');
  });

  it('reads the signer of a licence agreement to develop a drug as its licensee, and the signer of one for its own drug as its licensor', () => {
    const licensee = read('[Company:Quint Therapeutics] signed a license agreement with [Company:Baylin Health] to develop and commercialize [Drug:BH-301] in Japan.');
    expect(licensee).toEqual(expect.arrayContaining(['LICENSES_TO Baylin Health -> Quint Therapeutics', 'LICENSES Quint Therapeutics -> BH-301']));
    const licensor = read('[Company:Quint Therapeutics] signed a license agreement with [Company:Baylin Health] for the development and commercialization of its [Drug:QT-12] in Korea.');
    expect(licensor).toEqual(expect.arrayContaining(['LICENSES_TO Quint Therapeutics -> Baylin Health', 'LICENSES Baylin Health -> QT-12']));
    expect(licensor).not.toContain('LICENSES_TO Baylin Health -> Quint Therapeutics');
  });

  it('reads a grantee named after "to", and a passive grantee before the verb as the licensee of the company whose patents follow', () => {
    expect(read('[Company:Norvex Bio] granted an exclusive license to [Company:Aldera Pharma] for [Drug:NVX-2].')).toEqual(expect.arrayContaining(['LICENSES_TO Norvex Bio -> Aldera Pharma', 'LICENSES Aldera Pharma -> NVX-2']));
    const passive = read("[Company:Aldera Pharma] has been granted a license to [Company:Norvex Bio]'s patents.");
    expect(passive).toContain('LICENSES_TO Norvex Bio -> Aldera Pharma');
    expect(passive).not.toContain('LICENSES_TO Aldera Pharma -> Norvex Bio');
  });

  it('reads a possessive partner, a shared-cost clause and a research agreement as collaborations, and a supply agreement as none', () => {
    expect(read("[Company:Quint Labs]'s development partner [Company:Baylin Health] began the trial.")).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
    expect(read('[Company:Quint Labs] and [Company:Baylin Health] will share development costs equally.')).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
    expect(read('[Company:Quint Labs] entered into a research agreement with [Company:Baylin Health].')).toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
    expect(read('[Company:Quint Labs] and [Company:Baylin Health] signed a supply agreement.')).not.toContain('COLLABORATES_WITH Quint Labs -> Baylin Health');
  });
});
