// Deal parties the sentence does not name (issue #16): a payment with one party named takes its other
// party from the document — the other party of a two-party deal, or the registrant (the issuer of the
// release) for its own news. Invented companies and sentences.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const run = relationLines;

group('payments with one party named', () => {
  it('gives a milestone payment triggered to a party, with no payer named, to the other party of the deal', () => {
    const lines = run([
      '[Company:Osprey Health] and [Company:Helix One] entered into a license agreement in 2019 under which [Company:Helix One] licensed the rights to [Drug:HX-90] from [Company:Osprey Health].',
      'The first patient dosed in the Phase 2 trial of [Drug:HX-90] triggered a $4 million milestone payment to [Company:Osprey Health].',
    ]);
    expect(lines).toContain('EARNED_MILESTONE Osprey Health -> Helix One');
  });

  it('gives a milestone earned from a payer, with no payee named, to the registrant whose news it is', () => {
    const lines = run(['[Company:Quint Labs] reports results for the fourth quarter.', '• Received IND clearance for [Drug:QL-3] and earned a $7.0 million milestone payment from [Company:Baylin Health].'], { registrant: 'Quint Labs' });
    expect(lines).toContain('EARNED_MILESTONE Quint Labs -> Baylin Health');
  });

  it('does not give the registrant a milestone the sentence says another company earned', () => {
    const lines = run(['[Company:Quint Labs] reports results for the fourth quarter.', '[Company:Tarn Bio] earned a $3 million milestone payment from [Company:Baylin Health].'], { registrant: 'Quint Labs' });
    expect(lines).toContain('EARNED_MILESTONE Tarn Bio -> Baylin Health');
    expect(lines).not.toContain('EARNED_MILESTONE Quint Labs -> Baylin Health');
  });

  it('reads a passive payment the right way round: the subject is paid by the agent', () => {
    const lines = run(['Under the terms, [Company:Helix One] will be paid $10 million upfront by [Company:Tarn Bio].']);
    expect(lines).toContain('PAYS Tarn Bio -> Helix One');
    expect(lines).not.toContain('PAYS Helix One -> Tarn Bio');
  });
});
