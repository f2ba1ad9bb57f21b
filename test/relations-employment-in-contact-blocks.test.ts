// Employment read from titles on contact lines and signature/contact blocks, with invented names.
import { describe as group, expect, it } from 'vitest';
import { readRelations } from './support/relations.ts';

const run = readRelations;

group('employment in contact lines and signature blocks', () => {
  it('drops a contact channel label from a known title ("CFO, Tel. …")', () => {
    const { facts, lines } = run(['[Company:Acme Bio] today announced results.', '[Person:Jane Roe], CFO, Tel. +1 555 0100; jane@example.com'], { registrant: 'Acme Bio', titles: { 'Jane Roe': 'CFO, Tel' } });
    expect(lines).toContain('EMPLOYS Acme Bio -> Jane Roe');
    expect(facts.find((f) => f.type === 'EMPLOYS')?.properties.title).toBe('CFO');
    // A title naming another organisation still is not the document company's.
    const other = run(['[Company:Acme Bio] today announced results.', '[Person:Jane Roe], Director, Example Foundation, Tel. +1 555 0100'], { registrant: 'Acme Bio', titles: { 'Jane Roe': 'Director, Example Foundation, Tel' } });
    expect(other.lines.filter((l) => l.startsWith('EMPLOYS'))).toEqual([]);
  });
  it('reads a signature block: name line, then title lines, signed for the registrant', () => {
    const { facts, lines } = run(['[Company:Acme Bio] filed this report.', 'By:', '/s/ [Person:John Doe]', '[Person:John Doe]', 'Senior Vice President and Chief Financial Officer'], { registrant: 'Acme Bio' });
    expect(lines).toContain('EMPLOYS Acme Bio -> John Doe');
    expect(facts.find((f) => f.rule === 'employs.title_block')?.properties.title).toBe('Senior Vice President and Chief Financial Officer');
    // A name line followed by prose is no block.
    expect(run(['[Company:Acme Bio] filed this report.', '[Person:John Doe]', 'The trial enrolled patients at forty sites.'], { registrant: 'Acme Bio' }).lines.filter((l) => l.startsWith('EMPLOYS'))).toEqual([]);
  });
  it('reads a contact block whose company line follows the title', () => {
    const { lines } = run(['[Company:Acme Bio] today announced results.', 'Media contact:', '[Person:Mary Major]', 'Managing Director', '[Company:Zeta Advisors]'], { registrant: 'Acme Bio' });
    expect(lines).toContain('EMPLOYS Zeta Advisors -> Mary Major');
    expect(lines).not.toContain('EMPLOYS Acme Bio -> Mary Major');
  });
  it('reads a title line that ends by naming the company, and a name line with an honorific', () => {
    const { lines, facts } = run(['[Company:Acme Bio] today announced results.', '[Company:Acme Bio]', '[Person:Jane Roe]', 'Director of Communications, [Company:Acme Bio]', 'Tel.: 0791 288 7250'], { registrant: 'Acme Bio' });
    expect(lines).toContain('EMPLOYS Acme Bio -> Jane Roe');
    expect(facts.find((f) => f.rule === 'employs.title_block')?.properties.title).toBe('Director of Communications');
    const zeta = run(['[Company:Acme Bio] today announced results.', '[Company:Zeta Pharma]', 'Dr. [Person:Tom Brask]', 'CEO'], { registrant: 'Acme Bio' });
    expect(zeta.lines).toContain('EMPLOYS Zeta Pharma -> Tom Brask');
  });
  it('gives a contact to the company whose own mail domain the address uses, not to a firm whose name only opens the domain', () => {
    const own = run(['[Company:Acme BioMed] today announced results.', '/CONTACT: [Person:Kathy Lin], +86-13681792070, kathy.lin@acmebiomed.com'], { registrant: 'Acme BioMed' });
    expect(own.lines).toContain('EMPLOYS Acme BioMed -> Kathy Lin');
    const agency = run(['[Company:Acme] today announced results.', 'Media: [Person:Tom Brask], tom@acmecomms.com'], { registrant: 'Acme' });
    expect(agency.lines.filter((l) => l.startsWith('EMPLOYS'))).toEqual([]);
  });
});
