// Technology names read from the frame around them (issue 16): an unmarked name the apposition after it
// calls a platform, a name a therapy is "based" on, an acronym naming a vector, a name before a "vaccine/vector/delivery ... platform";
// invented names, each with the near misses that name no platform (a company, a disease, a target, an
// English word, a platform with no name).
import { describe, expect, it } from 'vitest';
import { mentionsOf, names } from './support/entities.ts';

describe('a name the apposition after it calls a platform', () => {
  it('reads the name before ", a novel drug delivery technology" or ", the company’s proprietary platform"', () => {
    const ms = mentionsOf('Kelvar, a novel drug delivery technology, enables oral dosing of ZX-101. Zorblast, the company’s proprietary platform, yields QX-12.');
    expect(names(ms, 'Technology')).toEqual(['Kelvar', 'Zorblast']);
  });

  it('reads no platform from a company described with a platform or from an English word', () => {
    const ms = mentionsOf('Acme, a biotechnology company with a discovery platform, raised funds. Today, the platform, which is new, was shown. Finally, our technology was validated.');
    expect(names(ms, 'Technology')).toEqual([]);
  });
});

describe('a name a treatment is based on', () => {
  it('reads "<Name>-based cell therapy" and "<NAME>-based vaccines" as the platform', () => {
    const ms = mentionsOf('ZX-101 is a Zorblast-based cell therapy. The company develops QVAX-based vaccines.');
    expect(names(ms, 'Technology')).toEqual(['QVAX', 'Zorblast']);
  });

  it('reads the abbreviation of a lower-case long form before "-based"', () => {
    expect(names(mentionsOf('The partners will develop zeta-associated virus (ZAV)-based gene therapies for dementia.'), 'Technology')).toEqual(['ZAV']);
  });

  it('reads no platform from a target, a disease, a molecule class or an English word before "-based"', () => {
    const ms = mentionsOf('ZX-101 is an HER2-based therapy. QX-12 is a COVID-19-based vaccine. The DNA-based vaccines and Antibody-based therapies were tested.');
    expect(names(ms, 'Technology')).toEqual([]);
  });
});

describe('an acronym naming a vector', () => {
  it('reads "a ZVX vector" and "ZVX9 viral vectors" as technologies', () => {
    expect(names(mentionsOf('ZX-101 is delivered by a ZVX vector. QX-12 uses ZVX9 viral vectors.'), 'Technology')).toEqual(['ZVX', 'ZVX9']);
  });

  it('reads no vector name from a disease, a target or a capitalised common word', () => {
    expect(names(mentionsOf('The HIV vector and the CD19 vector were compared. Viral vectors are common.'), 'Technology')).toEqual([]);
  });
});

describe('a name before a platform noun with a field modifier', () => {
  it('reads "the Zorblast vaccine platform" and "the Kelvar viral vector platform"', () => {
    const ms = mentionsOf('ZX-101 uses the Zorblast vaccine platform. QX-12 was made with the Kelvar viral vector platform.');
    expect(names(ms, 'Technology')).toEqual(['Kelvar', 'Zorblast']);
  });

  it('reads no platform from the disease a vaccine platform serves', () => {
    expect(names(mentionsOf('The COVID-19 vaccine platform was expanded last year.'), 'Technology')).toEqual([]);
  });
});
