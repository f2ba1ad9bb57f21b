// Title-Case headlines run a verb (and its adjectives) into the company word after it; the name is
// what follows the run. Invented names only.
import { describe, expect, it } from 'vitest';
import { headlineRunLength, isHeadlineVerb } from '../src/extract/entities/companies.ts';
import { mentionsOf, names, texts } from './support/entities.ts';
import { knowledge } from './support/knowledge.ts';

const lexicons = knowledge.entities.lexicons;

describe('headline verb runs before a company word', () => {
  it('trims a leading headline verb and keeps the name after it', () => {
    const ms = mentionsOf('Zorblax Inc. and Quentara Sign Agreement to Co-Develop and Co-Commercialize Velmora Genetics’ Lead Antibody\n\nZorblax Inc. said today it signed an agreement.');
    const companies = names(ms, 'Company');
    expect(companies).toContain('Velmora Genetics');
    expect(companies.some((c) => /commercialize/i.test(c))).toBe(false);
  });

  it('drops a run that leaves no name: a verb, descriptors, a company word', () => {
    const ms = mentionsOf('Zorblax Inc. and Quentara Sign Agreement to Discover, Develop, and Commercialize Novel Anticancer Therapeutics\n\nZorblax Inc. said today it signed an agreement.');
    expect(names(ms, 'Company').some((c) => /Therapeutics/.test(c))).toBe(false);
  });

  it('keeps a name that opens with an English word when no verb precedes it', () => {
    const ms = mentionsOf('Summit Therapeutics and Harbor Pharmaceuticals announced a collaboration today.');
    // The surface stays whole (the canonical name may drop a generic company word).
    expect(texts(ms, 'Company')).toEqual(expect.arrayContaining(['Summit Therapeutics', 'Harbor Pharmaceuticals']));
  });

  it('counts the run by word', () => {
    expect(headlineRunLength(['Co-Commercialize', 'Velmora'], lexicons)).toBe(1);
    expect(headlineRunLength(['Acquire', 'Summit'], lexicons)).toBe(1);
    expect(headlineRunLength(['Commercialize', 'Novel', 'Anticancer'], lexicons)).toBeUndefined();
    expect(headlineRunLength(['Summit'], lexicons)).toBe(0);
    expect(headlineRunLength(['Novel', 'Velmora'], lexicons)).toBe(0);
  });

  it('folds inflections and the co- prefix of headline verbs', () => {
    expect(isHeadlineVerb('Announces', lexicons)).toBe(true);
    expect(isHeadlineVerb('Licensed', lexicons)).toBe(true);
    expect(isHeadlineVerb('Co-Develop', lexicons)).toBe(true);
    expect(isHeadlineVerb('Summit', lexicons)).toBe(false);
    expect(isHeadlineVerb('Vertex', lexicons)).toBe(false);
  });
});

describe('medical combining forms', () => {
  it('a hyphenated field term is not a company', () => {
    const ms = mentionsOf('Jane Roe, M.D., Director of Pediatric Neuro-Oncology at a children’s hospital, and the Immuno-Oncology unit of Zorblax Inc. said so.');
    const companies = names(ms, 'Company');
    expect(companies.some((c) => /Oncology/.test(c))).toBe(false);
  });

  it('a hyphenated name with a non-medical first part is still a company', () => {
    const ms = mentionsOf('Velmora-Bio and Quentara signed a licence agreement.');
    expect(names(ms, 'Company')).toContain('Velmora-Bio');
  });
});
