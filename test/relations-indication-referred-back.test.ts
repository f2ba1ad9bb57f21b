// Indications stated in a sentence that names no drug but refers back to one (issue 16): "X is …. It is being
// investigated for A and B", "… . Additional studies have been initiated in patients with D", and a class of
// indications whose own modifiers name diseases before its examples. Invented drug names throughout.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

group('a pronoun or trial subject gives its indications to the paragraph drug it refers back to', () => {
  it('reads "It is being investigated for the treatment of A, B and C" after a sentence about the drug', () => {
    const lines = relationLines([
      '[Drug:QX-12] is an oral ketamine analog designed to be taken as a pill.',
      'It is being investigated for the treatment of [Disease:neuropathic pain], [Disease:treatment-resistant depression] and [Disease:PTSD].',
    ]);
    expect(lines).toEqual(expect.arrayContaining(['STUDIED_FOR QX-12 -> neuropathic pain', 'STUDIED_FOR QX-12 -> treatment-resistant depression', 'STUDIED_FOR QX-12 -> PTSD']));
  });

  it('reads a trial referred back to: "Additional studies have been initiated in patients with D"', () => {
    const lines = relationLines(['Intravenous [Drug:QX-12] has been well tolerated.', 'Additional investigator-sponsored studies have been initiated in patients with [Disease:brain cancers] and [Disease:ovarian cancers].']);
    expect(lines).toEqual(expect.arrayContaining(['STUDIED_FOR QX-12 -> brain cancers', 'STUDIED_FOR QX-12 -> ovarian cancers']));
  });

  it('reads nothing when the paragraph names two drugs', () => {
    const lines = relationLines(['[Drug:QX-12] and [Drug:RZ-3] are oral compounds.', 'It is being investigated for the treatment of [Disease:psoriasis].']);
    expect(lines.filter((l) => l.startsWith('STUDIED_FOR'))).toEqual([]);
  });

  it('reads nothing from a dummy "it" or from a trial of another company', () => {
    expect(relationLines(['[Drug:QX-12] is an oral compound.', 'It is estimated that 5 million people with [Disease:asthma] lack options.'])).not.toContain('STUDIED_FOR QX-12 -> asthma');
    expect(relationLines(['[Drug:QX-12] is an oral compound.', 'The [Company:Acme] study enrolled patients with [Disease:asthma].'])).not.toContain('STUDIED_FOR QX-12 -> asthma');
  });
});

group('a class of indications may name diseases of its own before its examples', () => {
  it('reads the examples after "diabetes and obesity-related indications, including"', () => {
    const lines = relationLines([
      '[Drug:QX-12] is in development for multiple oncology, viral, inflammatory and [Disease:diabetes] and obesity-related indications, including [Disease:COVID-19], [Disease:Ebola] and [Disease:acute respiratory distress syndrome].',
    ]);
    expect(lines).toEqual(expect.arrayContaining(['STUDIED_FOR QX-12 -> COVID-19', 'STUDIED_FOR QX-12 -> Ebola', 'STUDIED_FOR QX-12 -> acute respiratory distress syndrome']));
  });

  it('does not take a verb for a modifier of the class ("in treating other forms of cancer, such as D")', () => {
    const lines = relationLines(['Acme plans to use [Drug:QX-12] in treating other forms of cancer, such as [Disease:hepatocellular carcinoma].']);
    expect(lines).toContain('STUDIED_FOR QX-12 -> hepatocellular carcinoma');
  });
});

group('an approval stated in a bracket describes the bracketed drug, not an indication studied in the sentence', () => {
  it('reads no STUDIED_FOR from "Y (an FDA-approved immunotherapy for cancer)"', () => {
    const lines = relationLines([
      '[Drug:QX-12] was also administered with the checkpoint inhibitor [Drug:durvalumab] (an FDA-approved immunotherapy for [Disease:cancer]) in a phase 1 study in patients with [Disease:head and neck cancers].',
    ]);
    expect(lines).not.toContain('STUDIED_FOR durvalumab -> cancer');
    expect(lines).toContain('STUDIED_FOR QX-12 -> head and neck cancers');
  });
});
