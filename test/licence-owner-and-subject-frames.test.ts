// Licences read from who owns the licensed asset and from the sentence's subject: "Y has a licence to
// X's platform", "Y uses X's platform under a licence", "A, which Y in-licensed", "The platform is
// licensed from X" (the document's company the licensee). Invented names only.
import { describe as group, expect, it } from 'vitest';
import { extractRelations } from '../src/extract/relations/index.ts';
import { buildDoc, describe } from './support/relations.ts';
import { stageContext } from './support/knowledge.ts';

const run = (sentences: Parameters<typeof buildDoc>[0], options: Parameters<typeof buildDoc>[1] = {}): string[] => {
  const { doc, found } = buildDoc(sentences, options);
  return describe(found, extractRelations(doc, found, stageContext()));
};

group('the owner of the licensed asset is the licensor', () => {
  it('reads "Y has a licence to use X\'s platform" as X licensing to Y, and Y licensing the platform', () => {
    const lines = run(["[Company:Zorvexa Pharma] has a license to use [Company:Kelvar Bio]'s [Technology:Zorblast] technology."]);
    expect(lines).toContain('LICENSES_TO Kelvar Bio -> Zorvexa Pharma');
    expect(lines).toContain('LICENSES Zorvexa Pharma -> Zorblast');
    expect(lines).not.toContain('LICENSES_TO Zorvexa Pharma -> Kelvar Bio');
  });

  it('reads "Y uses X\'s platform under a licence" the same way, never giving the owner a licence to its own platform', () => {
    const lines = run(["[Company:Zorvexa Pharma] uses [Company:Kelvar Bio]'s [Technology:Zorblast] platform under a license agreement."]);
    expect(lines).toContain('LICENSES_TO Kelvar Bio -> Zorvexa Pharma');
    expect(lines).toContain('LICENSES Zorvexa Pharma -> Zorblast');
    expect(lines).not.toContain('LICENSES Kelvar Bio -> Zorblast');
  });

  it("reads no licence from a right to receive the owner's payments", () => {
    const lines = run(["[Company:Zorvexa Pharma] received the right to receive [Company:Kelvar Bio]'s royalties on [Drug:QX-12]."]);
    expect(lines.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });
});

group('the licensee named in a relative clause', () => {
  it('reads "A, which Y licensed from X" as Y licensing A', () => {
    const lines = run(['[Drug:QX-12], which [Company:Acme Therapeutics] licensed from [Company:Norvane Bio] in 2018, is in Phase 2.']);
    expect(lines).toContain('LICENSES Acme Therapeutics -> QX-12');
    expect(lines).toContain('LICENSES_TO Norvane Bio -> Acme Therapeutics');
  });

  it('reads a platform "which Y in-licensed" without a named licensor', () => {
    const lines = run(['Its lead candidate comes from the [Technology:Zorblast] platform, which [Company:Acme Therapeutics] in-licensed in 2020.']);
    expect(lines).toContain('LICENSES Acme Therapeutics -> Zorblast');
  });

  it('gives an out-licence in the relative clause to its licensee, not to the licensor', () => {
    const lines = run(['[Drug:QX-12], which [Company:Acme Therapeutics] licensed to [Company:Zorvexa Pharma] in 2018, is in Phase 2.']);
    expect(lines).not.toContain('LICENSES Acme Therapeutics -> QX-12');
  });
});

group('an asset "licensed from X" as the subject: the document\'s company is the licensee', () => {
  it('reads the filer as licensee of a platform the sentence opens on', () => {
    const lines = run(['[Company:Acme Therapeutics] develops antibodies.', 'The [Technology:Zorblast] platform is licensed from [Company:Kelvar Bio].'], { registrant: 'Acme Therapeutics' });
    expect(lines).toContain('LICENSES_TO Kelvar Bio -> Acme Therapeutics');
    expect(lines).toContain('LICENSES Acme Therapeutics -> Zorblast');
  });

  it("reads nothing when the licensor is the document's company itself", () => {
    const lines = run(['[Company:Kelvar Bio] develops platforms.', 'The [Technology:Zorblast] platform is licensed from [Company:Kelvar Bio].'], { registrant: 'Kelvar Bio' });
    expect(lines.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });

  it("needs the asset to open the sentence: another party's asset licensed from X is not the filer's", () => {
    const lines = run(['[Company:Acme Therapeutics] develops antibodies.', '[Company:Zorvexa Pharma] said that its [Drug:ZP-4] was licensed from [Company:Kelvar Bio].'], { registrant: 'Acme Therapeutics' });
    expect(lines).not.toContain('LICENSES Acme Therapeutics -> ZP-4');
    expect(lines).not.toContain('LICENSES_TO Kelvar Bio -> Acme Therapeutics');
  });
});

group("a party's parent or affiliate named in an apposition grants nothing", () => {
  it('reads the grantor of "A, a subsidiary of B, and C, an affiliate of D, entered into an agreement granting C" as A', () => {
    const lines = run([
      'On June 1, 2021, [Company:Kelvar Pharma] Limited, a subsidiary of [Company:Acme Holdings], Inc., and [Company:Zorvexa Macau] Limited, an affiliate of [Company:Zorvexa Therapeutics], entered into a Development and License Agreement granting [Company:Zorvexa Macau] the exclusive rights for [Drug:QX-12] in Greater China.',
    ]);
    expect(lines).toContain('LICENSES_TO Kelvar Pharma -> Zorvexa Macau');
    expect(lines).not.toContain('LICENSES_TO Zorvexa Therapeutics -> Zorvexa Macau');
    expect(lines).not.toContain('LICENSES_TO Acme Holdings -> Zorvexa Macau');
  });

  it('names no grantor when two parties other than the grantee stand before the verb', () => {
    const lines = run(['[Company:Acme Holdings], [Company:Kelvar Pharma] and [Company:Zorvexa Pharma] entered into an agreement granting [Company:Zorvexa Pharma] an exclusive license to [Drug:QX-12].']);
    expect(lines.filter((l) => l.startsWith('LICENSES_TO'))).toEqual([]);
  });
});
