// A licensee named by an abbreviation the headline defines ("The Acme Patent Pool (APP) and Zorvexa …",
// later "APP, through the license granted by Zorvexa, will …") and a licence read from a participle with
// its agent ("the license granted by A"): the agent is the licensor, the party before the licence noun
// the licensee. Invented names only.
import { describe as group, expect, it } from 'vitest';
import { extractRelations } from '../src/extract/relations/index.ts';
import { buildDoc, describe } from './support/relations.ts';
import { stageContext } from './support/knowledge.ts';
import { mentionsOf } from './support/entities.ts';
import { extractText } from '../src/pipeline.ts';
import { knowledge } from './support/knowledge.ts';

const run = (sentences: Parameters<typeof buildDoc>[0]): string[] => {
  const { doc, found } = buildDoc(sentences);
  return describe(found, extractRelations(doc, found, stageContext()));
};

group('an abbreviation defined after another occurrence of a company name', () => {
  const text = [
    'The Acme Patent Pool (APP) and Zorvexa Enter Into License Agreement for QX-12',
    '',
    'BOSTON, March 3, 2025 -- The Acme Patent Pool and Zorvexa Therapeutics today announced a licensing agreement for QX-12.',
    'Under the terms of the agreement, APP will be permitted to grant sublicenses to manufacturers.',
  ].join('\n');

  it('names the same company when its letters are the initials of the name', () => {
    const app = mentionsOf(text).filter((m) => m.text === 'APP');
    expect(app.length).toBeGreaterThan(0);
    expect(app.every((m) => m.label === 'Company' && m.canonical === 'Acme Patent Pool')).toBe(true);
  });

  it('names nothing when the letters do not spell the name', () => {
    const other = text.replace('(APP)', '(KLV)').replace('APP will', 'KLV will');
    expect(mentionsOf(other).filter((m) => m.text === 'KLV' && m.canonical === 'Acme Patent Pool')).toEqual([]);
  });
});

group('a licence granted by an agent', () => {
  it('reads "B, through the license granted by A, will …" as A licensing to B', () => {
    const lines = run(['[Company:Acme Patent Pool], through the license granted by [Company:Zorvexa], will be permitted to grant sublicenses to manufacturers of [Drug:QX-12].']);
    expect(lines).toContain('LICENSES_TO Zorvexa -> Acme Patent Pool');
    expect(lines).not.toContain('LICENSES_TO Acme Patent Pool -> Zorvexa');
  });

  it('reads "the rights granted by A to B" without making A the licensee', () => {
    const lines = run(['Under the license granted by [Company:Kelvar Bio], [Company:Norvane] holds exclusive rights to [Drug:QX-12].']);
    expect(lines).not.toContain('LICENSES_TO Norvane -> Kelvar Bio');
    expect(lines).not.toContain('LICENSES Kelvar Bio -> QX-12');
  });
});

group('a licence granted by an agent to a party', () => {
  it('reads "the exclusive license granted by A to B covers X" as A licensing X to B', () => {
    const lines = run(['The exclusive license granted by [Company:Kelvar Bio] to [Company:Norvane Therapeutics] covers [Drug:QX-12] in all territories.']);
    expect(lines).toContain('LICENSES_TO Kelvar Bio -> Norvane Therapeutics');
    expect(lines).not.toContain('LICENSES_TO Norvane Therapeutics -> Kelvar Bio');
  });

  it('reads nothing from shares granted by A to B', () => {
    const lines = run(['The warrants granted by [Company:Kelvar Bio] to [Company:Norvane Therapeutics] vest over four years.']);
    expect(lines.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });
});

group('what a licence agreement with a partner covers, directed by its payments', () => {
  const payment = 'Under the terms of the agreement, [Company:Norvane Therapeutics] will make an upfront payment of $5 million to [Company:Kelvar Bio].';

  it('reads "announced a license agreement with B for the development and commercialization of X" as B licensing X when B pays', () => {
    const lines = run([
      '[Company:Kelvar Bio] and [Company:Norvane Therapeutics] enter licensing agreement.',
      'The company today announced a worldwide license agreement with [Company:Norvane Therapeutics] for the development and commercialization of [Drug:QX-12].',
      payment,
    ]);
    expect(lines).toContain('LICENSES_TO Kelvar Bio -> Norvane Therapeutics');
    expect(lines).toContain('LICENSES Norvane Therapeutics -> QX-12');
    expect(lines).not.toContain('LICENSES Kelvar Bio -> QX-12');
  });

  it('reads no subject from a drug named after another clause', () => {
    const lines = run([
      '[Company:Kelvar Bio] and [Company:Norvane Therapeutics] enter licensing agreement.',
      'The company today announced a worldwide license agreement with [Company:Norvane Therapeutics], which also develops [Drug:QX-12].',
      payment,
    ]);
    expect(lines).not.toContain('LICENSES Norvane Therapeutics -> QX-12');
  });
});

group('the defined terms "Licensor" and "Licensee"', () => {
  const licencesOf = (text: string): string[] =>
    extractText(text, { knowledge, path: 'defined-roles.txt' })
      .flatMap((x) => x.graph.relationships)
      .filter((r) => r.type === 'LICENSES_TO')
      .map((r) => `${r.start} -> ${r.end}`)
      .sort();

  it('reads the licensor and licensee from the terms the agreement defines', () => {
    const text = 'On March 3, 2025, Norvane Therapeutics, Inc. (the “Licensor”) and Zorvexa Pharma, Inc. (the “Licensee”) entered into an agreement. The Licensee shall use commercially reasonable efforts to develop QX-12.\n';
    expect(licencesOf(text)).toEqual(['company:norvane-therapeutics -> company:zorvexa-pharma']);
  });

  it('reads no licence when only one party is defined by its role', () => {
    const text = 'On March 3, 2025, Norvane Therapeutics, Inc. (the “Company”) and Zorvexa Pharma, Inc. (the “Licensee”) entered into an agreement. The Licensee shall pay the Company a fee.\n';
    expect(licencesOf(text)).toEqual([]);
  });
});
