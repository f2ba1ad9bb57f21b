// Companies by role (src/extract/entities/company-roles.ts): a bare capitalised name, with no legal
// suffix, company word or lexicon entry, is a company where the sentence gives it a role only a
// company fills; ordinary words, places, people, drugs, diseases and defined terms in the same
// positions are not. Every name here is invented.
import { describe, expect, it } from 'vitest';
import { mentionsOf } from './support/entities.ts';
import type { Mention } from '../src/model/extraction.ts';

const companies = (ms: Mention[]): string[] => [...new Set(ms.filter((m) => m.label === 'Company').map((m) => m.text))].sort();
const rulesOf = (ms: Mention[], text: string): string[] => ms.filter((m) => m.text === text).map((m) => m.rule);

describe('company.role-possessive: the owner of a business noun', () => {
  it('reads "X\'s pipeline", "X\'s board of directors", "X\'s wholly owned subsidiary"', () => {
    expect(companies(mentionsOf("Zorvexa's pipeline includes three antibody programs.\n"))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf("The merger was approved by Kelvaro's board of directors.\n"))).toEqual(['Kelvaro']);
    const ms = mentionsOf('Trevaxis’s wholly owned subsidiary will manufacture the product.\n');
    expect(companies(ms)).toEqual(['Trevaxis']);
    expect(rulesOf(ms, 'Trevaxis')).toContain('company.role-possessive');
  });

  it('does not read an eponymous disease or an ordinary word as a company', () => {
    expect(companies(mentionsOf("Parkinson's disease pipeline programs are growing.\n"))).toEqual([]);
    expect(companies(mentionsOf("Parkinson's pipeline programs are growing.\n"))).toEqual([]);
    expect(companies(mentionsOf("Industry's pipeline of new medicines is growing.\n"))).toEqual([]);
  });
});

describe('company.role-subject: the subject of a deal or corporate verb', () => {
  it('reads "X will pay", "X is eligible to receive", "X has agreed to acquire", "X became a wholly-owned subsidiary"', () => {
    expect(companies(mentionsOf('Under the agreement, Zorvexa will pay an upfront fee of $10 million.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('Kelvaro is eligible to receive up to $200 million in milestones.\n'))).toEqual(['Kelvaro']);
    expect(companies(mentionsOf('In 2021, Trevaxis has agreed to acquire all rights to the program.\n'))).toEqual(['Trevaxis']);
    expect(companies(mentionsOf('In March, Quorvant became a wholly-owned subsidiary of the buyer.\n'))).toEqual(['Quorvant']);
  });

  it('reads a subject with a defined term or an apposition before its verb', () => {
    expect(companies(mentionsOf('Zorvexa (“Zorvexa Bio”) entered into a license agreement.\n'))).toContain('Zorvexa');
    expect(companies(mentionsOf('NovaBio, based in Basel, has licensed the antibody.\n'))).toEqual(['NovaBio']);
  });

  it('does not read ordinary plural nouns, defined parties or people as subjects', () => {
    expect(companies(mentionsOf('Participants will pay nothing for the study drug.\n'))).toEqual([]);
    expect(companies(mentionsOf('Shareholders will receive $5 per share in cash.\n'))).toEqual([]);
    expect(companies(mentionsOf('Licensee will pay royalties to Licensor.\n'))).toEqual([]);
    expect(companies(mentionsOf('Jennifer Quayle announced her retirement.\n'))).toEqual([]);
  });

  it('does not take a product as the subject of a passive or of "received"', () => {
    expect(companies(mentionsOf('Zorvadex was granted Fast Track designation by the agency.\n'))).toEqual([]);
    expect(companies(mentionsOf('Zorvadex received Orphan Drug Designation in 2020.\n'))).toEqual([]);
  });

  it('leaves a name to the drug rules when the document calls it a drug elsewhere', () => {
    const ms = mentionsOf('ZORVADEX® is approved for adults. ZORVADEX announced positive data.\n');
    expect(companies(ms)).toEqual([]);
  });
});

describe('company.role-object: the party after a deal phrase', () => {
  it('reads "agreement with X", "acquisition of X", "license from X", "pay X"', () => {
    expect(companies(mentionsOf('The company signed a license agreement with Quorvant for the antibody.\n'))).toEqual(['Quorvant']);
    expect(companies(mentionsOf('The acquisition of NovaBio closed in May.\n'))).toEqual(['NovaBio']);
    expect(companies(mentionsOf('It holds an exclusive license from Kelvaro to the compound.\n'))).toEqual(['Kelvaro']);
  });

  it('reads every party of "between X and Y" and of a list', () => {
    expect(companies(mentionsOf('The agreement between Kelvaro and Zorvexa covers Japan.\n'))).toEqual(['Kelvaro', 'Zorvexa']);
  });

  it('keeps a subsidiary name without its country and does not read an address as a party', () => {
    expect(companies(mentionsOf('The company ended its agreement with Zorvexa USA last year.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('The agreement with Heidelmark, Germany was signed.\n'))).not.toContain('Heidelmark');
  });

  it('does not read months, places, phases or defined abbreviations of other things as parties', () => {
    expect(companies(mentionsOf('The study ran between January and March.\n'))).toEqual([]);
    expect(companies(mentionsOf('The deal with Japan and Korea partners was signed.\n'))).toEqual([]);
    expect(companies(mentionsOf('The Zorvexa Patent Trust (ZPT) signed a license with Merck. The agreement with ZPT was amended.\n'))).not.toContain('ZPT');
  });
});

describe('company.role-descriptor: a word that calls the next name a company', () => {
  it('reads "privately held X", "biotech X", "partner X"', () => {
    expect(companies(mentionsOf('Privately held Zorvexa develops antibodies.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('Swiss biotech Trevaxis raised $40 million.\n'))).toEqual(['Trevaxis']);
  });

  it('does not read a title as a company', () => {
    expect(companies(mentionsOf('The partner CEO Jane Roe spoke.\n'))).toEqual([]);
  });
});

describe('a name found by its role is found again in the rest of the document', () => {
  it('finds every later mention of the name', () => {
    const ms = mentionsOf('Zorvexa will pay an upfront fee. The program was developed at Zorvexa. Zorvexa expects data in 2026.\n');
    expect(ms.filter((m) => m.label === 'Company' && m.text === 'Zorvexa').length).toBe(3);
  });

  it('links a co-announcer joined by "and" to a known company', () => {
    expect(companies(mentionsOf('Merck and Zorvexa announced a research collaboration.\n'))).toEqual(['Merck', 'Zorvexa']);
  });
});

describe('company.role-object: investors of a financing', () => {
  it('reads "led by X" and "participation from X"', () => {
    expect(companies(mentionsOf('The Series B round was led by Zorvexa, with participation from Kelvaro and Trevaxis.\n'))).toEqual(['Kelvaro', 'Trevaxis', 'Zorvexa']);
  });

  it('does not read a person as the leader', () => {
    expect(companies(mentionsOf('The study was led by Jennifer Quayle at the hospital.\n'))).toEqual([]);
  });
});

describe('company.role-subject: two subjects joined by "and"', () => {
  it('reads the bare name joined to a known company', () => {
    expect(companies(mentionsOf('Zorvexa and Merck will co-develop the antibody.\n'))).toEqual(['Merck', 'Zorvexa']);
  });
});

describe('company.role-object: the party a grant verb gives a licence or an option', () => {
  it('reads "granted X an exclusive license", "grants X worldwide rights", "granted X the option"', () => {
    expect(companies(mentionsOf('Under the agreement, Zorvexa granted Trevaxis an exclusive license to the antibody.\n'))).toEqual(['Trevaxis', 'Zorvexa']);
    expect(companies(mentionsOf('The agreement grants Kelvaro worldwide rights to the program.\n'))).toEqual(['Kelvaro']);
    expect(companies(mentionsOf('The option agreement granted Quorvant the option to license two programs.\n'))).toEqual(['Quorvant']);
  });

  it('does not read a designation or a term granted by an agency as a party', () => {
    expect(companies(mentionsOf('The agency granted Breakthrough Therapy designation to the antibody.\n'))).toEqual([]);
    expect(companies(mentionsOf('The agency granted PRIME designation to the antibody.\n'))).toEqual([]);
  });
});

describe('company.role-object: "from X" in a sentence about a deal', () => {
  it('reads the licensor after the licensed thing, and the payer of a milestone', () => {
    expect(companies(mentionsOf('In 2019, the company licensed the antibody from Zorvexa for its oncology programs.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('The company obtained an exclusive license to the antibody from Sorami Hakko Kelvaro in 2019.\n'))).toEqual(['Sorami Hakko Kelvaro']);
    expect(companies(mentionsOf('The company received a milestone payment from Trevaxis in October.\n'))).toEqual(['Trevaxis']);
  });

  it('does not read "from" outside a deal sentence, a product that yields revenue, a place, a month or a longer institution name', () => {
    expect(companies(mentionsOf('The company reported results from Zorvexa in patients.\n'))).toEqual([]);
    expect(companies(mentionsOf('Royalty revenue from Zorvexa grew in the quarter.\n'))).toEqual([]);
    expect(companies(mentionsOf('The company received milestone payments from Japan and from January onwards.\n'))).toEqual([]);
    expect(companies(mentionsOf('The company signed an option to license patents from Sant Kelvar de Foo Children’s Hospital.\n'))).toEqual([]);
  });
});

describe('company.role-object and company.role-subject: collaborating with a party, a payee that will receive', () => {
  it('reads "is collaborating with X" and "X will receive", "X is eligible for"', () => {
    expect(companies(mentionsOf('The company is collaborating with Zorvexa on the antibody.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('Under the terms of the agreement, Kelvaro will receive $30 million upfront.\n'))).toEqual(['Kelvaro']);
    expect(companies(mentionsOf('Trevaxis is eligible for milestone payments of up to $400 million.\n'))).toEqual(['Trevaxis']);
  });

  it('does not read patients who will receive a drug as a company', () => {
    expect(companies(mentionsOf('Patients will receive the antibody once a week.\n'))).toEqual([]);
  });
});

describe('company.role-subject: a party that obtains, secures or pays for rights', () => {
  it('reads "X obtained an exclusive license", "X secured worldwide rights", "X will make milestone payments", "X received a milestone"', () => {
    expect(companies(mentionsOf('In 2019, Zorvexa obtained an exclusive license to the antibody.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('Kelvaro secured worldwide rights to the antibody in 2020.\n'))).toEqual(['Kelvaro']);
    expect(companies(mentionsOf('Trevaxis will make milestone payments of up to $100 million.\n'))).toEqual(['Trevaxis']);
    expect(companies(mentionsOf('Quorvant received a milestone payment of $5 million.\n'))).toEqual(['Quorvant']);
  });

  it('reads the partner named after "partner," and the party a deal gives access', () => {
    expect(companies(mentionsOf("The company's partner, Trevaxis, filed an IND for the antibody.\n"))).toEqual(['Trevaxis']);
    expect(companies(mentionsOf('The deal gives Zorvexa access to the platform.\n'))).toEqual(['Zorvexa']);
  });

  it('does not read an English word or a product code as a subject', () => {
    expect(companies(mentionsOf('Investigators obtained exclusive access to the samples.\n'))).toEqual([]);
    expect(companies(mentionsOf('ZX-101 received a milestone designation.\n'))).toEqual([]);
  });
});

describe('company.role-object and company.role-subject: news wording of buyouts and payments', () => {
  it('reads "agreed to buy X", "a licensing pact with X", "$50 million upfront to X", "X stands to receive", "X could earn", "X will get"', () => {
    expect(companies(mentionsOf('The buyer agreed to buy Zorvexa for $1.2 billion.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('The company inked a licensing pact with Kelvaro.\n'))).toEqual(['Kelvaro']);
    expect(companies(mentionsOf('The company will pay $50 million upfront to Trevaxis.\n'))).toEqual(['Trevaxis']);
    expect(companies(mentionsOf('Quorvant stands to receive up to $1 billion in milestones.\n'))).toEqual(['Quorvant']);
    expect(companies(mentionsOf('Zorvexa could earn up to $1 billion in milestones.\n'))).toEqual(['Zorvexa']);
    expect(companies(mentionsOf('Kelvaro will get $50 million upfront.\n'))).toEqual(['Kelvaro']);
  });

  it('does not read patients, shareholders or investors who receive, get or earn as companies', () => {
    expect(companies(mentionsOf('Patients may receive placebo or the antibody.\n'))).toEqual([]);
    expect(companies(mentionsOf('Shareholders will get one new share for each share held.\n'))).toEqual([]);
    expect(companies(mentionsOf('Investors could earn a return on the notes.\n'))).toEqual([]);
  });
});
