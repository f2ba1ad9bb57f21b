// Organizations named by a head word ("… Foundation", "University of …"): the name ends where the
// name does, not at the sentence's full stop. Invented companies; public institution names.
import { describe, expect, it } from 'vitest';
import { mentionsOf, names } from './support/entities.ts';

describe('organization names read from a head word', () => {
  it('leaves the full stop of the sentence out of a name read after "University of"', () => {
    const ms = mentionsOf('Acme Bio licensed the technology from the University of Illinois. The deal closed.\n');
    expect(names(ms, 'Organization')).toEqual(['University of Illinois']);
  });
  it('keeps the periods of an initialism that ends the name', () => {
    const ms = mentionsOf('Acme Bio signed an agreement with the University of Washington D.C. on Monday.\n');
    expect(names(ms, 'Organization')).toEqual(['University of Washington D.C.']);
  });
  it('reads a name that ends in its head word after "the" in mid-sentence, without the article', () => {
    expect(names(mentionsOf('Acme Bio received a grant from the Kelvar Research Foundation.\n'), 'Organization')).toEqual(['Kelvar Research Foundation']);
    expect(names(mentionsOf('The Kelvar Research Foundation awarded Acme Bio a grant.\n'), 'Organization')).toEqual(['Kelvar Research Foundation']);
  });
  it('reads a name on past its head word through "for"/"of" and capitals ("Society for …", "Institute of …"), never cut at the head', () => {
    const cases: [string, string][] = [
      ['Data were presented at the annual meeting of the Norvane Society for Bone Research in May.\n', 'Norvane Society for Bone Research'],
      ['Acme Bio licensed QX-12 from the Massachusetts Institute of Technology.\n', 'Massachusetts Institute of Technology'],
      ['Acme Bio licensed QX-12 from the Kelvar Institute for Cancer Research.\n', 'Kelvar Institute for Cancer Research'],
    ];
    for (const [text, name] of cases) expect(names(mentionsOf(text), 'Organization'), text).toEqual([name]);
    // A head inside the name ("… of Hospital Pharmacists") still gives no cut name.
    expect(names(mentionsOf('The drug is in short supply according to the Norvane Society of Hospital Pharmacists, a trade group.\n'), 'Organization')).toEqual([]);
  });
  it('reads a head followed by another head as one name ("University School of Medicine", "University Medical Center")', () => {
    expect(names(mentionsOf('Acme Bio entered into a research collaboration with Coldwell University School of Medicine.\n'), 'Organization')).toEqual(['Coldwell University School of Medicine']);
    expect(names(mentionsOf('Acme Bio will run the study at Halden University Medical Center.\n'), 'Organization')).toEqual(['Halden University Medical Center']);
  });
  it('ends a name read past its head at a stop word of a Title-Case headline', () => {
    expect(names(mentionsOf('Acme Bio Licenses Antibody From Kelvar Institute for Cancer Research To Treat Lymphoma\n'), 'Organization')).toEqual(['Kelvar Institute for Cancer Research']);
  });
  it('reads "The University of …" that opens a sentence', () => {
    expect(names(mentionsOf('The University of Texas granted Acme Bio, Inc. an exclusive license to QX-12.\n'), 'Organization')).toEqual(['University of Texas']);
  });
  it('keeps a plural possessive inside a hospital name ("Children\'s Hospital")', () => {
    expect(names(mentionsOf("Acme Bio licensed QX-12 from Marrow Children's Hospital.\n"), 'Organization')).toEqual(["Marrow Children's Hospital"]);
  });
  it('names the institutes of the NIH whole, "on" and commas inside, and by their abbreviations', () => {
    const ms = mentionsOf('Acme Bio received a grant from the National Institute on Aging (NIA) and support from the National Heart, Lung, and Blood Institute.\n');
    expect(names(ms, 'Organization')).toEqual(['NIA', 'National Heart, Lung, and Blood Institute', 'National Institute on Aging']);
  });
});
