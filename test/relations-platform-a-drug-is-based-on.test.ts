// USES_TECHNOLOGY from "based on" wordings (issue 16): a drug described in its owner's possessive as based on
// a platform, and a drug "based" on a platform named by a defined abbreviation; invented names, with the near
// misses where another company is the subject.
import { describe, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const uses = (sentences: string[]): string[] => relationLines(sentences).filter((l) => l.startsWith('USES_TECHNOLOGY'));

describe('a drug based on a platform', () => {
  it('reads the platform of a drug its owner’s possessive describes ("ZX-1 is Acme’s vaccine ... based on Y")', () => {
    expect(uses(['[Drug:ZX-1] is [Company:Acme]’s candidate vaccine for protection against mpox based on [Technology:Zorblast], a vaccine platform.'])).toEqual(['USES_TECHNOLOGY ZX-1 -> Zorblast']);
  });

  it('reads the platform of "ZX-1, a Zorix Vector (ZVX)-based vaccine"', () => {
    expect(uses(['[Drug:ZX-1], a Zorix Vector ([Technology:ZVX])-based vaccine, is in Phase 2.'])).toEqual(['USES_TECHNOLOGY ZX-1 -> ZVX']);
  });

  it('reads no platform when another company is the subject between the drug and the wording', () => {
    expect(uses(['[Drug:ZX-1] was licensed last year, and [Company:Acme] develops vaccines based on [Technology:Zorblast].'])).toEqual([]);
  });
});
