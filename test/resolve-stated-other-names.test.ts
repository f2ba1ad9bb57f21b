// Other names of one thing that a text states outside a parenthesis (issue 17): a brand given as "the
// brand name" of the drug its sentence (or, when the sentence names none, its passage) names, and a
// company's former name told in a paragraph about "the company" renaming itself. Sentences of our own,
// with invented names; each rule also has a case it must leave apart.
import { describe, expect, it } from 'vitest';
import { entitiesOf } from './support/entities.ts';

const of = (text: string, label: string): { name: string; aliases: string[] }[] =>
  entitiesOf(text)
    .filter((e) => e.labels[0] === label)
    .map((e) => ({ name: e.name, aliases: [...e.aliases].sort() }));

describe("a brand the text gives as a drug's brand name", () => {
  it('is an alias of the drug its sentence names', () => {
    const drugs = of('Zorvatinib was approved in the EU under the brand name Quelvora in 2019 for adults with chronic gout.', 'Drug');
    expect(drugs).toEqual([{ name: 'zorvatinib', aliases: ['Quelvora', 'Zorvatinib'] }]);
  });

  it('is an alias of the only drug of its passage when its sentence names none', () => {
    const text = [
      'Zorvatinib was originally approved under the brand name Quelvora in 2009 for chronic gout. The product was withdrawn in 2015.',
      'On 3 May Acme Bio GmbH received a positive opinion from the Committee for Medicinal Products for Human Use with the brand name VELTRIX®.',
    ].join('\n\n');
    const drugs = of(text, 'Drug');
    expect(drugs.map((d) => d.name)).toEqual(['zorvatinib']);
    expect(drugs[0]?.aliases).toEqual(expect.arrayContaining(['Quelvora', 'VELTRIX']));
  });

  it('names neither drug when the sentence names two', () => {
    const drugs = of('Zorvatinib and belacumab are sold together under the brand name Quelvora in Europe.', 'Drug');
    expect(drugs.find((d) => d.name === 'zorvatinib')?.aliases ?? []).not.toContain('Quelvora');
    expect(drugs.find((d) => d.name === 'belacumab')?.aliases ?? []).not.toContain('Quelvora');
  });
});

describe('a company\'s former name told of "the company"', () => {
  it('is an alias of the name the company took', () => {
    const text = 'Founded in 2005 and operating as Brantick Biologics from 2010, the company focused on vaccines. The company rebranded to Velquora Therapeutics in March 2021 to reflect its focus on oncology.';
    expect(of(text, 'Company')).toEqual([{ name: 'Velquora Therapeutics', aliases: ['Brantick Biologics'] }]);
  });

  it('is not taken when the paragraph gives two former names', () => {
    const text = 'Operating as Brantick Biologics from 2010 and formerly Zentrix Pharmaceuticals, Inc., the company focused on vaccines. The company rebranded to Velquora Therapeutics in March 2021.';
    const companies = of(text, 'Company');
    expect(companies.map((c) => c.name).sort()).toEqual(['Brantick Biologics', 'Velquora Therapeutics', 'Zentrix Pharmaceuticals']);
  });

  it('is not taken from a renaming the text does not tell of "the company"', () => {
    const text = 'Founded in 2005 and operating as Brantick Biologics from 2010, the company focused on vaccines. Its partner Zentrix Pharmaceuticals rebranded to Velquora Therapeutics in 2021.';
    const companies = of(text, 'Company');
    expect(companies.find((c) => c.name === 'Velquora Therapeutics')?.aliases ?? []).not.toContain('Brantick Biologics');
  });
});
