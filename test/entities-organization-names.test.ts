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
  it('reads no name cut at a head word the name runs past ("Society for …", "Society of Hospital …")', () => {
    for (const text of ['Data were presented at the annual meeting of the Norvane Society for Bone Research in May.\n', 'The drug is in short supply according to the Norvane Society of Hospital Pharmacists, a trade group.\n'])
      expect(names(mentionsOf(text), 'Organization'), text).toEqual([]);
  });
  it('names the institutes of the NIH whole, "on" and commas inside, and by their abbreviations', () => {
    const ms = mentionsOf('Acme Bio received a grant from the National Institute on Aging (NIA) and support from the National Heart, Lung, and Blood Institute.\n');
    expect(names(ms, 'Organization')).toEqual(['NIA', 'National Heart, Lung, and Blood Institute', 'National Institute on Aging']);
  });
});
