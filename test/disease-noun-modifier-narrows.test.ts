// A noun of a site or kind right before a disease names the narrower disease ("liver fibrosis",
// "plaque psoriasis"), so the indication read from it is the one the text gives (issue 16). Invented
// drug names; the diseases are ordinary ones of the field.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';
import { texts, mentionsOf } from './support/entities.ts';

group('a site or kind noun before a disease stays in its name', () => {
  it.each([
    ['QX-12, an oral inhibitor for plaque psoriasis, entered Phase 2.', 'plaque psoriasis'],
    ['Zorvexa is studied in moderate to severe plaque psoriasis.', 'moderate to severe plaque psoriasis'],
    ['Kelvar Bio develops QX-12 for the treatment of liver fibrosis.', 'liver fibrosis'],
    ['Zorvexa cleared scalp psoriasis in most patients.', 'scalp psoriasis'],
    ['In the study, scalp psoriasis improved by week 12.', 'scalp psoriasis'],
  ])('reads %s', (sentence, disease) => {
    expect(texts(mentionsOf(sentence), 'Disease')).toContain(disease);
  });

  it.each([
    // Public sentences (a news item on a TYK2 inhibitor's Phase 2 study; a trial registry summary).
    ["A Phase 2 clinical trial evaluating Bristol-Myers Squibb's BMS-986165, a tyrosine kinase 2 (TYK2) inhibitor, in patients with moderate-to-severe plaque psoriasis met the primary endpoints.", 'plaque psoriasis'],
    ['This study has been designed to explore the clinical efficacy and safety of HS-10374 in the treatment of moderate to severe plaque psoriasis.', 'plaque psoriasis'],
  ])('names the whole indication in %s', (sentence, disease) => {
    expect(
      mentionsOf(sentence)
        .filter((m) => m.label === 'Disease')
        .map((m) => m.canonical),
    ).toContain(disease);
  });

  it('keeps the indication whole in the relation', () => {
    expect(relationLines(['[Drug:QX-12], an oral inhibitor for [Disease:plaque psoriasis], entered Phase 2.'])).toContain('STUDIED_FOR QX-12 -> plaque psoriasis');
  });
});

group('a noun that does not open the disease phrase is left out', () => {
  it.each([
    ['QX-12 is studied in advanced head & neck cancer.', 'neck cancer'],
    ['QX-12 is studied in patients with leptin receptor deficiency obesity.', 'deficiency obesity'],
    ['QX-12 is studied for tissue insulin resistance.', 'tissue type 2 diabetes mellitus'],
    ['QX-12 is studied for persistent lower back pain.', 'persistent chronic low back pain'],
    ['Kelvar plans to treat psoriasis with QX-12.', 'treat psoriasis'],
    ['QX-12 improved nail psoriasis and hand eczema.', 'hand dermatitis'],
    ['QX-12 is studied in patients with scalp and nail psoriasis.', 'and psoriasis'],
  ])('does not name a narrower disease in %s', (sentence, wrong) => {
    const names = mentionsOf(sentence)
      .filter((m) => m.label === 'Disease')
      .flatMap((m) => [m.text, m.canonical]);
    expect(names).not.toContain(wrong);
  });
});
