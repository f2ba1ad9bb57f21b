// A licence over a list of licensed programmes introduced by "programs, X and Y", with invented names.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const run = (sentences: Parameters<typeof relationLines>[0]): string[] => relationLines(sentences);

group('licence over a programme list', () => {
  it('reads the owner of "two of A cancer programs, X and Y" as the licensor and the other party as licensee', () => {
    const lines = run(['The global license agreement entered into on March 3, 2011 by [Company:Acme Bio], Inc. and [Company:Zeta Pharma] for two of [Company:Acme Bio] cancer programs, [Drug:AB-101] and [Drug:AB-202], became effective.']);
    expect(lines).toContain('LICENSES_TO Acme Bio -> Zeta Pharma');
    expect(lines).toContain('LICENSES Zeta Pharma -> AB-101');
    expect(lines).toContain('LICENSES Zeta Pharma -> AB-202');
    expect(lines).not.toContain('LICENSES_TO Zeta Pharma -> Acme Bio');
  });
  it('needs a company in the programme phrase and a licence noun before it', () => {
    const noOwner = run(['The license agreement between [Company:Acme Bio] and [Company:Zeta Pharma] covers two cancer programs, [Drug:AB-101] and [Drug:AB-202].']);
    expect(noOwner.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
    const noLicence = run(['[Company:Acme Bio] and [Company:Zeta Pharma] signed a research agreement for two of [Company:Acme Bio] cancer programs, [Drug:AB-101] and [Drug:AB-202].']);
    expect(noLicence.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
  });
  it('stops the list at the first name that is not joined by a comma or "and"', () => {
    const lines = run(['The license agreement by [Company:Acme Bio] and [Company:Zeta Pharma] for [Company:Acme Bio] programs, [Drug:AB-101] and [Drug:AB-202], excludes [Drug:AB-303].']);
    expect(lines).toContain('LICENSES Zeta Pharma -> AB-202');
    expect(lines).not.toContain('LICENSES Zeta Pharma -> AB-303');
  });
});

group('licence income names the licensees', () => {
  it('reads "A recorded licensing income from B, C, and D" as A licensing to each payer', () => {
    const lines = run(['[Company:Acme Bio] and its subsidiaries have recorded $2 million in cumulative licensing income from [Company:Zeta Pharma], [Company:Orion Labs], and [Company:Vega Tx].']);
    expect(lines).toContain('LICENSES_TO Acme Bio -> Zeta Pharma');
    expect(lines).toContain('LICENSES_TO Acme Bio -> Orion Labs');
    expect(lines).toContain('LICENSES_TO Acme Bio -> Vega Tx');
  });
  it('needs licence income, not any income, and stops at an unlisted company', () => {
    const product = run(['[Company:Acme Bio] recorded product income from [Company:Zeta Pharma] and [Company:Orion Labs].']);
    expect(product.filter((l) => l.startsWith('LICENSES'))).toEqual([]);
    const lines = run(['[Company:Acme Bio] recorded licensing income from [Company:Zeta Pharma], while [Company:Orion Labs] paid nothing.']);
    expect(lines).toContain('LICENSES_TO Acme Bio -> Zeta Pharma');
    expect(lines).not.toContain('LICENSES_TO Acme Bio -> Orion Labs');
  });
});
