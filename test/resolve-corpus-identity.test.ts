// One node per real thing over the whole development corpus and the format samples, merged into one
// graph as `kg extract` over many files merges them, checked against every gold annotation (issue 17).
// The figures this test holds are the resolve stage's: things split only across documents wait for
// write-time resolution, so their count may only go down.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { identityOfCorpus } from '../tools/eval/corpus-identity.ts';
import { formatIdentity } from '../tools/eval/identity.ts';
import { knowledge } from './support/knowledge.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const { names } = knowledge;

describe('the corpus merged into one graph', async () => {
  const { report, graph } = await identityOfCorpus(CORPUS, knowledge);
  const summary = formatIdentity(report);

  it('gives no entity a generic defined term as its name or alias', () => {
    expect(report.genericAliases, summary).toEqual([]);
    const generic = graph.entities.flatMap((e) => [e.name, ...e.aliases].filter((n) => names.isGenericTerm(n)).map((n) => `${e.key}: ${n}`));
    expect(generic).toEqual([]);
  });

  it('makes no company of a state or country', () => {
    const places = graph.entities.filter((e) => e.labels[0] === 'Company' && names.isPlace(names.stripLegalSuffix(e.name))).map((e) => e.key);
    expect(places).toEqual([]);
  });

  it('gives each agency and exchange one node under its canonical name', () => {
    const misnamed = graph.entities
      .filter((e) => e.labels[0] === 'Organization' || e.labels[0] === 'Company')
      .flatMap((e) => {
        const canonical = names.canonicalOrganization(e.name);
        return canonical !== undefined && e.key !== names.entityKey('Organization', canonical) ? [`${e.key} (${canonical})`] : [];
      });
    expect(misnamed).toEqual([]);
  });

  it('names targets with a common name by their HGNC symbol', () => {
    const unnormalised = graph.entities.filter((e) => e.labels[0] === 'Target' && names.targetSymbol(e.name) !== undefined && names.targetSymbol(e.name) !== e.name).map((e) => e.key);
    expect(unnormalised).toEqual([]);
  });

  // What is left is world knowledge the texts do not state (a brand and a code name in different
  // sentences, a company's former name, a gold note that two names are one product) or a link between
  // documents that only write-time resolution can make; the counts may only go down.
  it('splits no more gold things over several entities than the texts leave unlinked', () => {
    expect(report.split.filter((s) => s.withinDocument).length, summary).toBeLessThanOrEqual(6);
    expect(report.split.length, summary).toBeLessThanOrEqual(11);
  });

  it('joins no two gold things into one entity beyond the drug codes the gold keeps apart', () => {
    expect(report.merged.length, summary).toBeLessThanOrEqual(2);
    expect(report.merged.filter((m) => m.things.some((t) => t.type !== 'Drug')).map((m) => m.entityKey)).toEqual([]);
  });
}, 600_000);
