// Components of combination products and conjugates, and the platforms drugs are built with: invented
// names in the frames of the field ("X is a fixed-dose combination of A and B", "Using the Y
// technology, X …"), each with the near-misses that must produce nothing.
import { describe as group, expect, it } from 'vitest';
import { extractRelations } from '../src/extract/relations/index.ts';
import { buildDoc, describe, relationLines } from './support/relations.ts';
import { stageContext } from './support/knowledge.ts';

const lines = (sentences: Parameters<typeof buildDoc>[0]): string[] => relationLines(sentences);
const of = (type: string, all: string[]) => all.filter((l) => l.startsWith(type));

group('combination products', () => {
  it('reads the drugs a product is stated to be a combination of', () => {
    const facts = lines(['[Drug:Zorivex] is a novel, fixed-dose oral combination of two antibiotics ([Drug:alphacillin] and [Drug:betamycin]) and an antacid ([Drug:gammazole]).']);
    expect(of('HAS_COMPONENT', facts)).toEqual(['HAS_COMPONENT Zorivex -> alphacillin', 'HAS_COMPONENT Zorivex -> betamycin', 'HAS_COMPONENT Zorivex -> gammazole']);
  });
  it('reads no component from "the combination of A and B" that is not a drug\'s predicate', () => {
    expect(of('HAS_COMPONENT', lines(['[Drug:ZX-1] was well tolerated, and the combination of [Drug:alphacillin] and [Drug:betamycin] showed activity.']))).toEqual([]);
    expect(of('HAS_COMPONENT', lines(['[Drug:ZX-1] is being tested in combination with [Drug:alphacillin] and [Drug:betamycin].']))).toEqual([]);
  });
  it('reads a product followed by a parenthesis that lists its generic parts, salt words included', () => {
    const facts = lines(['The company launched [Drug:Zorivex] ([Drug:gammazole] magnesium, [Drug:alphacillin] and [Drug:betamycin]) in two new markets.']);
    expect(of('HAS_COMPONENT', facts)).toEqual(['HAS_COMPONENT Zorivex -> alphacillin', 'HAS_COMPONENT Zorivex -> betamycin', 'HAS_COMPONENT Zorivex -> gammazole']);
  });
  it('reads no component from a generic name in parentheses, brand lists, alternatives or prose', () => {
    expect(of('HAS_COMPONENT', lines(['[Drug:Zorivex] ([Drug:gammazole]) is approved in adults.']))).toEqual([]);
    expect(of('HAS_COMPONENT', lines(['[Drug:gammazole] ([Drug:Zorivex] and [Drug:Quellix]) is sold in two forms.']))).toEqual([]);
    expect(of('HAS_COMPONENT', lines(['[Drug:ZX-1] ([Drug:alphacillin] or [Drug:betamycin]) was given daily.']))).toEqual([]);
    expect(of('HAS_COMPONENT', lines(['[Drug:ZX-1] (given with [Drug:alphacillin] and [Drug:betamycin]) was well tolerated.']))).toEqual([]);
  });
});

group('parts of the drug the sentence before names', () => {
  it('reads "The drug consists of A and B" as the parts of the one drug of the sentence before', () => {
    const facts = lines(['[Drug:QV-12] was discovered with a new screening method.', 'The drug consists of two anti-cancer agents, [Drug:alphaplatin] and [Drug:betablastine].']);
    expect(of('HAS_COMPONENT', facts)).toEqual(['HAS_COMPONENT QV-12 -> alphaplatin', 'HAS_COMPONENT QV-12 -> betablastine']);
  });
  it('reads no parts when the sentence before names two drugs or the subject is not the drug', () => {
    expect(of('HAS_COMPONENT', lines(['[Drug:QV-12] and [Drug:QV-14] were discovered together.', 'The drug consists of [Drug:alphaplatin] and [Drug:betablastine].']))).toEqual([]);
    expect(of('HAS_COMPONENT', lines(['[Drug:QV-12] was discovered with a new screening method.', 'The study consisted of patients given [Drug:alphaplatin] and [Drug:betablastine].']))).toEqual([]);
    expect(of('HAS_COMPONENT', lines(['[Drug:QV-12] was discovered with a new screening method.', 'The regimen consists of [Drug:alphaplatin] and [Drug:betablastine].']))).toEqual([]);
  });
});

group('platforms the drugs are built with', () => {
  it('reads a technology named as a platform among the parts as the technology used, not a component', () => {
    // The entity stage gives a named platform its core name ("Lipomer technology" → Lipomer).
    const { doc, found } = buildDoc(['[Drug:QV-7] is comprised of two components built with the [Technology:Lipomer technology], consisting of [Technology:Lipomer]-modified peptides and an adjuvant.']);
    for (const m of found.mentions) if (m.label === 'Technology') m.canonical = 'Lipomer';
    const facts = describe(found, extractRelations(doc, found, stageContext()));
    expect(facts).toContain('USES_TECHNOLOGY QV-7 -> Lipomer');
    expect(of('HAS_COMPONENT', facts)).toEqual([]);
    // A payload that is not named as a platform stays a component.
    expect(lines(['[Drug:QV-9] comprises an antibody conjugated to [Technology:MMAE].'])).toContain('HAS_COMPONENT QV-9 -> MMAE');
  });
  it('reads a sentence-opening "Using the Y technology," as describing the drug that is its subject', () => {
    expect(lines(["Using Acme Nano's proprietary [Technology:Nanoshell] technology, [Drug:NX-3] delivers the drug directly into the bloodstream."])).toContain('USES_TECHNOLOGY NX-3 -> Nanoshell');
    expect(lines(['Based on the [Technology:Fabulin platform], [Drug:FB-12] binds two epitopes.'])).toContain('USES_TECHNOLOGY FB-12 -> Fabulin platform');
  });
  it('reads no technology use when the opening phrase is not the sentence start or its subject is not a drug', () => {
    expect(of('USES_TECHNOLOGY', lines(['Using the [Technology:Nanoshell] technology, [Company:Acme Nano] discovered [Drug:NX-3].']))).toEqual([]);
    expect(of('USES_TECHNOLOGY', lines(['Patients using the [Technology:Nanoshell] device were excluded, and [Drug:NX-3] was given.']))).toEqual([]);
  });
});
