// EMPLOYS in news wording (src/extract/relations/rules/people.ts): a bare title before a name is the
// document’s company ("CEO Jane Roe"), a person who "joined A as <title>" or whom A "appointed … as <title>" works at A, the gap
// between a company and a person must be a title ("A CEO, Dr. Jane Roe"), not a clause ("A leverages
// the research of Professor Jane Roe"), and a title naming another organisation is not the document
// company's. The entity and relation stages run on sentences of our own; every name is invented.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.ts';
import { knowledge } from './support/knowledge.ts';

/** "EMPLOYS company -> person" lines of a text, sorted. */
function employs(text: string): string[] {
  const lines = extractText(text, { knowledge }).flatMap((ex) => {
    const ms = ex.mentions.mentions;
    return ex.facts.filter((f) => f.type === 'EMPLOYS' && typeof f.target === 'number').map((f) => `${ms[f.source]?.canonical ?? ''} -> ${typeof f.target === 'number' ? (ms[f.target]?.canonical ?? '') : ''}`);
  });
  return [...new Set(lines)].sort();
}

const opening = 'Zorvexa Therapeutics Inc. today reported its quarterly results. ';

describe('employs.title_before_name: a bare officer title right before a name', () => {
  it('gives "CEO Jane Roe", "along with CFO …" and "COO …" to the document’s company', () => {
    expect(employs(`${opening}CEO Ron Kelvar, along with CFO Ana Brask and COO Tim Quell, own 35% of the company.\n`)).toEqual([
      'Zorvexa Therapeutics -> Ana Brask',
      'Zorvexa Therapeutics -> Ron Kelvar',
      'Zorvexa Therapeutics -> Tim Quell',
    ]);
    expect(employs(`${opening}The company also benefits from inventions created by its CEO, Dr. Vuong Kelvar, who has filed 150 patent applications.\n`)).toEqual(['Zorvexa Therapeutics -> Vuong Kelvar']);
  });

  it('gives no employer for a past title, an unrecognised firm before the title, or another organisation named before it', () => {
    expect(employs(`${opening}The company said that former CEO Jane Kelvar will remain a director.\n`)).toEqual([]);
    expect(employs(`${opening}Results beat estimates, according to Quarry Markets Senior Analyst Robert Lindqvist.\n`)).toEqual([]);
    expect(employs(`${opening}For a year, the Example Innovation Organization (EIO) has been led by interim CEO Rachel Brask.\n`)).toEqual([]);
  });
});

describe('employs.company_title: the gap between a company and a person is a title only', () => {
  it('reads "A CEO, Dr. Jane Roe" and "A, led by CEO Jane Roe"', () => {
    expect(employs(`${opening}Kelvex CEO, Dr. James Quell, highlighted the approval.\n`)).toContain('Kelvex -> James Quell');
    expect(employs(`${opening}Acme Pharma, led by CEO Jane Kelvar, signed a deal.\n`)).toContain('Acme Pharma -> Jane Kelvar');
  });

  it('does not read a clause between them as a title', () => {
    expect(employs(`${opening}Zorvexa Therapeutics leverages the research of Professor Darrell Quint, an expert in immunology.\n`)).toEqual([]);
    expect(employs(`${opening}Kelvar Bio PLC (AIM:KLV) CEO Adrian Brask joined Proactive's Stephen Norv to discuss the results.\n`)).not.toContain('Kelvar Bio -> Stephen Norv');
  });
});

describe('employs.joined_as and titles of other organisations', () => {
  it('reads "Jane Roe, Ph.D., joined A on <date>, as <title>"', () => {
    const text = `Acme Bio Inc. and Kelvex Therapeutics Inc. grew their teams. Kira Lendt, Ph.D., joined Kelvex Therapeutics on April 21, 2025, as Vice President, Technical Development.\n`;
    expect(employs(text)).toEqual(['Kelvex Therapeutics -> Kira Lendt']);
  });

  it('does not give the document’s company a person whose title names another organisation or who has no title', () => {
    expect(employs(`${opening}"We are pleased," said Dr. Emil Brask, chief executive officer, the Example Medical Research Institute.\n`)).toEqual([]);
    expect(employs(`${opening}"We are pleased," said Jesse Quell, DO, of Example State University College of Medicine.\n`)).toEqual([]);
  });
});

describe('employs.appointed_as: "appointed Jane Roe as <title>"', () => {
  it('gives the role after "as" to the company that appoints, else to the document’s company', () => {
    expect(employs(`${opening}• Appointed\u00a0Kira Lendt as Chief Commercial Officer.\n`)).toEqual(['Zorvexa Therapeutics -> Kira Lendt']);
    expect(employs(`${opening}• Appointed Jon Brask, Ph.D., as Vice President, Finance, effective May 1, 2025.\n`)).toEqual(['Zorvexa Therapeutics -> Jon Brask']);
    expect(employs(`${opening}Kelvex Bio Inc. named Ana Quell as its Chief Medical Officer.\n`)).toEqual(['Kelvex Bio -> Ana Quell']);
  });

  it('gives no employer when the appointment names no role', () => {
    expect(employs(`${opening}The board appointed Ana Quell to the audit committee.\n`)).toEqual([]);
  });
});

describe('employs.joined_as: the title ends at a participle clause', () => {
  it('reads the title up to ", reflecting …" however long the sentence runs', () => {
    const text = `${opening}• Kira Lendt, Ph.D., joined Zorvexa Therapeutics on April 21, 2025, as Vice President, Marketing, reflecting significant progress in the company’s focus on product authorization and in the wider plan it set out.\n`;
    expect(employs(text)).toEqual(['Zorvexa Therapeutics -> Kira Lendt']);
  });
});

describe('employs.title_before_name: "the company" in a sentence before keeps the document’s company in view', () => {
  it('gives "CEO Dr. Jane Roe" to the document’s company when a sentence before says "the company"', () => {
    const text = `${opening}\n• ZRX-100 holds Fast Track Designation and may qualify for a voucher.\n• The company also continues work on ZRX-101, a therapy for bipolar depression.\n• CEO Dr. Jonathan Kelvar recently discussed new pipeline developments at a conference.\n`;
    expect(employs(text)).toEqual(['Zorvexa Therapeutics -> Jonathan Kelvar']);
  });

  it('gives no employer when nothing in the sentences before refers to the company', () => {
    const text = `${opening}\n• ZRX-100 holds Fast Track Designation and may qualify for a voucher.\n• Enrolment in the trial of ZRX-101 is complete.\n• CEO Dr. Jonathan Kelvar recently discussed new pipeline developments at a conference.\n`;
    expect(employs(text)).toEqual([]);
  });
});
