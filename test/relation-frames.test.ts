// Grammar frames (data/patterns/frames.json, data/patterns/science-frames.json): every frame reads the example sentences it names, on
// its own (the other rules not run), and the frame set reads deal wording no frame example was
// written from.
import { describe as group, expect, it } from 'vitest';
import type { RelationFact } from '../src/model/extraction.ts';
import { documentContext, sentenceContext } from '../src/extract/relations/context.ts';
import { compileFrames, frameRule } from '../src/extract/relations/frames.ts';
import { compileMatch, compromiseTag, impliedWords, impliesWords, tagsRead } from '../src/nlp/compromise.ts';
import type { Knowledge } from '../src/knowledge/index.ts';
import { makeEmitter } from '../src/extract/relations/rules/types.ts';
import { buildDoc, describe } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

/** The facts the frames alone read from marked-up sentences. */
function framesRead(sentences: string[], using: Knowledge = knowledge): string[] {
  const { doc, found } = buildDoc(sentences);
  const dc = documentContext(using, doc, found);
  const facts: RelationFact[] = [];
  for (const sentence of doc.sentences) {
    const ctx = sentenceContext(dc, sentence);
    frameRule.apply(ctx, makeEmitter(ctx, facts));
  }
  return describe(found, facts);
}

group('grammar frames', () => {
  for (const frame of knowledge.frames.frames) {
    for (const example of frame.examples) {
      // An example with no facts is a near miss the frame must not read (and no other frame either).
      it(`${frame.id} ${example.facts.length > 0 ? 'reads' : 'reads nothing from'}: ${example.text}`, () => {
        if (example.facts.length === 0) expect(framesRead([example.text])).toEqual([]);
        else expect(framesRead([example.text])).toEqual(expect.arrayContaining(example.facts));
      });
    }
  }

  it('reads one frame through adverbs, auxiliaries and coordinated grantors it was not written with', () => {
    expect(framesRead(['[Company:Helix One] and [Company:Tarn Bio] previously had jointly granted [Company:Osprey Health] certain non-exclusive rights.'])).toEqual(
      expect.arrayContaining(['LICENSES_TO Helix One -> Osprey Health', 'LICENSES_TO Tarn Bio -> Osprey Health']),
    );
  });

  it('gives a payment read by a frame its amount, currency and kind, as the phrase rules do', () => {
    const { doc, found } = buildDoc(['[Company:Osprey Health] agreed to hand over to [Company:Helix One] an upfront payment of $25 million.', '[Company:Tarn Bio] will pay [Company:Helix One] up to €40 million in milestones.']);
    const dc = documentContext(knowledge, doc, found);
    const facts: RelationFact[] = [];
    for (const sentence of doc.sentences) {
      const ctx = sentenceContext(dc, sentence);
      frameRule.apply(ctx, makeEmitter(ctx, facts));
    }
    const pays = facts.filter((f) => f.type === 'PAYS').map((f) => f.properties);
    expect(pays).toEqual(expect.arrayContaining([expect.objectContaining({ amount: 40_000_000, currency: 'EUR', kind: 'milestone', status: 'potential' })]));
  });

  it('keeps the direction: the grantee of a licence is never its licensor', () => {
    const lines = framesRead(['[Company:Osprey Health] obtained an exclusive license to [Drug:OSP-11] from [Company:Helix One].']);
    expect(lines).toContain('LICENSES_TO Helix One -> Osprey Health');
    expect(lines).not.toContain('LICENSES_TO Osprey Health -> Helix One');
    // A payment received from the licensee after an out-licence is no in-licence from it.
    const out = framesRead(['[Company:Helix One] has licensed [Drug:HX-3] to [Company:Osprey Health] and received an upfront payment from [Company:Osprey Health].']);
    expect(out).toContain('LICENSES_TO Helix One -> Osprey Health');
    expect(out).not.toContain('LICENSES_TO Osprey Health -> Helix One');
  });

  it('reads past a company named in the possessive for what a licence covers, and stops at any other company', () => {
    expect(framesRead(['[Company:Helix One] has granted [Company:Tarn Bio] an exclusive license to [Company:Helix One]’s [Drug:HX-1] and [Drug:HX-2].'])).toEqual(
      expect.arrayContaining(['LICENSES Tarn Bio -> HX-1', 'LICENSES Tarn Bio -> HX-2']),
    );
    expect(framesRead(['[Company:Helix One] has granted [Company:Tarn Bio] an exclusive license, and [Company:Osprey Health] will develop [Drug:HX-2].'])).not.toContain('LICENSES Tarn Bio -> HX-2');
  });

  it('reads a mention in the possessive as the owner of the noun phrase it opens', () => {
    expect(framesRead(['[Drug:OSP-7]™ is [Company:Osprey Health]’s first oral product.'])).toContain('OWNS Osprey Health -> OSP-7');
    expect(framesRead(['[Drug:OSP-7] is a product of [Company:Osprey Health] partners.'])).toEqual([]);
  });

  it('reads nothing from a sentence without a frame trigger, and nothing when the roles have the wrong labels', () => {
    expect(framesRead(['[Company:Helix One] reported revenue of $5 million and [Company:Osprey Health] reported a loss.'])).toEqual([]);
    expect(framesRead(['[Disease:Influenza] was acquired by [Company:Osprey Health] patients.'])).toEqual([]);
  });

  it("reads the same facts with the pre-parse check of each frame's steps, and the untagged terms for frames that read no tagger's tag, as with a full parse of every triggered sentence", () => {
    // The check only skips parses: a frame compiled with no steps parses every sentence its trigger opens (and with no untagged route, parses it whole).
    const everySentenceParsed: Knowledge = { ...knowledge, frames: compileFrames(knowledge.frames.frames, { parse: compromiseTag, tokens: () => undefined, tagsRead, compile: compileMatch, steps: () => [], impliedWords, impliesWords }) };
    const sentences = [
      ...knowledge.frames.frames.flatMap((frame) => frame.examples.map((example) => example.text)),
      // Placeholders with a possessive or a comma glued to them ("entc0's", "entc0,").
      "[Company:Helix One]'s partner [Company:Osprey Health] agreed to acquire [Company:Tarn Bio].",
      '[Company:Helix One], [Company:Osprey Health] and [Company:Tarn Bio] entered into a collaboration to develop [Drug:HX-3].',
      // Words compromise adds that the text does not spell: contractions ("'s" read as "is"), aliases ("&"), number ranges.
      "[Drug:OSP-7]'s [Company:Osprey Health]'s first oral drug, and it's [Company:Tarn Bio]'s lead product.",
      "[Drug:OSP-7] isn't [Company:Helix One]'s antibody; [Drug:HX-3] wasn't [Company:Tarn Bio]’s medicine.",
      "[Company:Helix One] & [Company:Osprey Health] won't pay [Company:Tarn Bio] 2-4 million, and [Company:Tarn Bio] cannot pay [Company:Helix One].",
      '[Drug:HX-3] that’s sold to [Company:Tarn Bio] and [Technology:OspreyDisplay] that’s sold to [Company:Helix One] are their lead assets.',
      // The tagger splits "it's" into two terms: a frame that reads no tag must still count both ("it's, he's, as was reported" is seven terms, beyond `.{0,6}`).
      '[Company:Helix One] entered an alliance, it’s, he’s, as was reported, with [Company:Osprey Health].',
      '[Company:Helix One] gonna collaborate w/ [Company:Osprey Health] & [Company:Tarn Bio] in a study of [Drug:HX-3] 5-7 in [Disease:psoriasis].',
    ];
    for (const sentence of sentences) expect(framesRead([sentence]), sentence).toEqual(framesRead([sentence], everySentenceParsed));
  });
});
