// Organizations named by a head word ("… Foundation", "University of …"): the name ends where the
// name does, not at the sentence's full stop. Invented companies; public institution names.
import { describe, expect, it } from 'vitest';
import type { Mention } from '../src/model/extraction.ts';
import { mentionsOf, names, texts } from './support/entities.ts';

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
    expect(names(ms, 'Organization')).toEqual(['National Heart, Lung, and Blood Institute', 'National Institute on Aging']);
    expect(texts(ms, 'Organization')).toContain('NIA');
  });
});

describe('other names a text gives an organization', () => {
  const canonicalOf = (ms: Mention[], text: string): string[] => ms.filter((m) => m.label === 'Organization' && m.text === text).map((m) => m.canonical);
  it('reads an abbreviation defined in brackets that spells the initials as the organization, later on too', () => {
    const ms = mentionsOf('Acme Bio, Inc. signed an agreement with the Massachusetts Institute of Technology (MIT). Under the agreement, MIT granted Acme Bio an exclusive license.\n');
    expect(canonicalOf(ms, 'MIT')).toEqual(['Massachusetts Institute of Technology', 'Massachusetts Institute of Technology']);
  });
  it("reads a bracketed abbreviation in capitals that spells the name's letters in order as the organization", () => {
    const ms = mentionsOf('This agreement is made between The QRS Research Foundation (“QRSRF”) and Acme Bio, Ltd. QRSRF granted Acme Bio an exclusive license.\n');
    expect(canonicalOf(ms, 'QRSRF')).toEqual(['QRS Research Foundation', 'QRS Research Foundation']);
  });
  it('reads a quoted word of the name defined in brackets ("the “University”") as the organization', () => {
    const ms = mentionsOf('Pellor Pharma, Inc. signed an agreement with Halden State University (the “University”). The University granted Pellor an exclusive license.\n');
    expect(canonicalOf(ms, 'University')).toEqual(['Halden State University', 'Halden State University']);
  });
  it('reads the first word and the initials of the rest as a short form of the name', () => {
    const ms = mentionsOf('Zenvia Bio, Inc. signed a license agreement with the Kelvar Medical Research Institute. Zenvia will pay the Kelvar MRI royalties.\n');
    expect(canonicalOf(ms, 'Kelvar MRI')).toEqual(['Kelvar Medical Research Institute']);
    const named = mentionsOf('Zenvia Bio, Inc. signed a license agreement with the Jane & Joe Kelvar Medical Research Institute. Zenvia will pay the Kelvar MRI royalties.\n');
    expect(canonicalOf(named, 'Kelvar MRI')).toEqual(['Jane & Joe Kelvar Medical Research Institute']);
  });
  it('reads no short form two organizations of the text would share, and no bracket that does not spell the name', () => {
    const ms = mentionsOf('Zenvia Bio, Inc. works with the Kelvar Medical Research Institute and the Kelvar Marine Research Institute. The Kelvar MRI said so. Acme Bio, Inc. works with Halden State University (Boston).\n');
    expect(canonicalOf(ms, 'Kelvar MRI')).toEqual([]);
    expect(canonicalOf(ms, 'Boston')).toEqual([]);
  });
});
