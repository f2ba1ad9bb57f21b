// APPROVED_FOR only where the approval word states the approval of the drug for the disease: in the same
// clause as the indication, and not the approval of a trial, an IND or a corporate act named beside it.
// Invented names throughout.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const read = (sentence: string): string[] => relationLines([sentence]);

group('an approval word gives APPROVED_FOR when it approves the drug for the disease', () => {
  it.each([
    ['The FDA approved [Drug:QX-12] for the treatment of adults with [Disease:lupus].', 'APPROVED_FOR QX-12 -> lupus'],
    ['[Drug:QX-12] was approved by the FDA to treat [Disease:lupus].', 'APPROVED_FOR QX-12 -> lupus'],
    ['[Company:Acme] received approval for [Drug:QX-12] for [Disease:lupus].', 'APPROVED_FOR QX-12 -> lupus'],
    ['[Drug:QX-12] is indicated for the treatment of [Disease:lupus].', 'APPROVED_FOR QX-12 -> lupus'],
    ['[Drug:QX-12] for the treatment of [Disease:lupus] was approved by the FDA in 2020.', 'APPROVED_FOR QX-12 -> lupus'],
  ])('reads %s', (sentence, fact) => {
    expect(read(sentence)).toContain(fact);
  });
});

group('an approval of something else, or in another clause, leaves the indication investigational', () => {
  it.each([
    ['The FDA approved the IND for [Drug:QX-12] in [Disease:lupus].'],
    ['[Company:Acme] received FDA approval to begin a Phase 2 trial of [Drug:QX-12] in [Disease:lupus].'],
    ['The ethics committee approved the protocol for the trial of [Drug:QX-12] in [Disease:lupus].'],
    ['Shareholders approved the merger; [Drug:QX-12] is in development for [Disease:lupus].'],
    ['[Drug:QX-12] is approved in Japan and being developed for [Disease:lupus].'],
    ['[Company:Acme] expects approval of [Drug:QX-12] in [Disease:lupus] in 2027.'],
    ['The FDA approved [Drug:QX-12] for [Disease:psoriasis] and it has big plans for the treatment of [Disease:lupus].'],
    ['[Drug:QX-12] was approved in Europe last year, and we now plan a Phase 3 trial in [Disease:lupus].'],
  ])('reads no approval in %s', (sentence) => {
    const lines = read(sentence);
    expect(lines).not.toContain('APPROVED_FOR QX-12 -> lupus');
    expect(lines).toContain('STUDIED_FOR QX-12 -> lupus');
  });

  it('keeps the approved indication and the studied one of one drug apart', () => {
    const lines = read('[Drug:QX-12] is approved for [Disease:psoriasis] and is being studied in [Disease:lupus].');
    expect(lines).toContain('APPROVED_FOR QX-12 -> psoriasis');
    expect(lines).toContain('STUDIED_FOR QX-12 -> lupus');
    expect(lines).not.toContain('APPROVED_FOR QX-12 -> lupus');
  });
});
