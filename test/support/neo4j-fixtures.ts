// Synthetic document graphs for the Neo4j tests. Every key carries a run id, so tests that share one
// server never see each other's data, and counts are taken over the run's own keys only.
import { randomBytes } from 'node:crypto';
import type { Entity, Graph, Relationship } from '../../src/model/graph.ts';
import type { EntityLabel } from '../../src/model/vocabulary.ts';

export function runId(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export interface FixtureOptions {
  /** Content hash of the document (change it to make a "new version"). */
  contentHash?: string;
  asOf?: string;
  /** Names of the companies and facts the document states. */
  companies?: string[];
  licence?: { licensor: string; licensee: string; sentence?: string } | undefined;
  milestone?: { payee: string; payer: string; amount: number } | undefined;
  drug?: { name: string; developer: string; target: string; phase?: 'PHASE_1' | 'PHASE_2' | 'PHASE_3' } | undefined;
  accessionNumber?: string;
}

export function key(run: string, label: EntityLabel, name: string): string {
  return `${label.toLowerCase()}:${run}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** One document's graph, shaped as the pipeline's extractDocument(...).graph is. */
export function documentGraph(run: string, docId: string, options: FixtureOptions = {}): Graph {
  const entities = new Map<string, Entity>();
  const add = (label: EntityLabel | 'Phase', name: string, k: string, at: number): string => {
    const existing = entities.get(k);
    if (existing) existing.mentions.push({ docId, start: at, end: at + name.length });
    else entities.set(k, { key: k, labels: [label], name, aliases: [], properties: {}, mentions: label === 'Phase' ? [] : [{ docId, start: at, end: at + name.length }] });
    return k;
  };
  let offset = 0;
  const company = (name: string): string => add('Company', name, key(run, 'Company', name), (offset += 40));
  for (const c of options.companies ?? []) company(c);
  const relationships: Relationship[] = [];
  const evidence = (sentence: string, rule: string, confidence = 0.9) => [{ docId, start: (offset += 100), end: offset + sentence.length, sentence, rule, confidence }];
  if (options.licence) {
    const { licensor, licensee } = options.licence;
    relationships.push({
      type: 'LICENSES_TO',
      start: company(licensor),
      end: company(licensee),
      properties: { exclusive: true, year: 2007, effectiveDate: '2007-07-31' },
      evidence: evidence(options.licence.sentence ?? `${licensor} granted ${licensee} an exclusive licence.`, 'test.licence'),
    });
  }
  if (options.milestone) {
    const { payee, payer, amount } = options.milestone;
    relationships.push({
      type: 'EARNED_MILESTONE',
      start: company(payee),
      end: company(payer),
      properties: { amount, currency: 'USD' },
      evidence: evidence(`${payee} earned a milestone payment from ${payer}.`, 'test.milestone', 1),
    });
  }
  if (options.drug) {
    const { name, developer, target, phase } = options.drug;
    const drugKey = add('Drug', name, key(run, 'Drug', name), (offset += 40));
    const targetKey = add('Target', target, key(run, 'Target', target), (offset += 40));
    relationships.push({ type: 'DEVELOPS', start: company(developer), end: drugKey, properties: {}, evidence: evidence(`${developer} develops ${name}.`, 'test.develops') });
    relationships.push({ type: 'TARGETS', start: drugKey, end: targetKey, properties: {}, evidence: evidence(`${name} targets ${target}.`, 'test.targets') });
    if (phase) {
      const phaseKey = add('Phase', phase.replace('PHASE_', 'Phase '), phase, 0);
      relationships.push({ type: 'IN_PHASE', start: drugKey, end: phaseKey, properties: {}, evidence: evidence(`${name} is in ${phase}.`, 'test.phase') });
    }
  }
  const registrant = options.companies?.[0];
  const graph: Graph = {
    schemaVersion: 1,
    documents: [
      {
        docId,
        sourcePath: `${docId}.txt`,
        docType: options.accessionNumber ? '8-K' : 'press-release',
        contentHash: options.contentHash ?? 'v1',
        registrantKeys: options.accessionNumber && registrant ? [key(run, 'Company', registrant)] : [],
        sentenceCount: 10,
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(options.accessionNumber
          ? { filing: { form: '8-K', accessionNumber: options.accessionNumber, registrants: [{ name: registrant ?? 'x' }], reportDate: options.asOf ?? '2007-07-31', items: [{ code: '8.01' }], exhibits: [{ number: '99.1' }] } }
          : {}),
      },
    ],
    entities: [...entities.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    relationships,
  };
  return graph;
}

/** JSON with object keys sorted at every depth, so equal data gives equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
