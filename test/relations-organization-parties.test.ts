// Universities and institutes as deal parties: they license out, take licences and are paid as
// companies are; a regulator or an exchange never is a party of a licence or a payment. Invented names.
import { describe as group, expect, it } from 'vitest';
import { extractRelations } from '../src/extract/relations/index.ts';
import { buildDoc, describe } from './support/relations.ts';
import { stageContext } from './support/knowledge.ts';

const run = (sentences: Parameters<typeof buildDoc>[0]): string[] => {
  const { doc, found } = buildDoc(sentences, {});
  return describe(found, extractRelations(doc, found, stageContext()));
};

group('organizations as licence and payment parties', () => {
  it('reads an institute that licensed a compound to a company as the licensor', () => {
    const lines = run(['The [Organization:Halvard Institute of Technology] has licensed [Drug:QX-12] to [Company:Acme Bio] for development in Asia.']);
    expect(lines).toContain('LICENSES_TO Halvard Institute of Technology -> Acme Bio');
  });
  it('reads a company that licensed a compound to an institute as the licensor, the institute as the licensee', () => {
    const lines = run(['[Company:Acme Bio] has now licensed [Drug:QX-12] to the [Organization:Kelvar Medical Research Institute] for further development.']);
    expect(lines).toContain('LICENSES_TO Acme Bio -> Kelvar Medical Research Institute');
  });
  it('reads a university a company will pay as the payee', () => {
    expect(run(['[Company:Acme Bio] will pay the [Organization:Halden State University] an upfront fee and royalties.'])).toContain('PAYS Acme Bio -> Halden State University');
  });
  it('reads no payment to a regulator or an exchange', () => {
    const lines = run(['[Company:Acme Bio] will pay the [Organization:FDA] a user fee for the application.', '[Company:Acme Bio] paid [Organization:Nasdaq] a listing fee.']);
    expect(lines.filter((l) => l.startsWith('PAYS'))).toEqual([]);
  });
});
