// The deal sheet without a database: amounts written as "$75M", parties grouped by role, one CSV row
// per deal; the filter checked with a usage error; and how a deal's properties are resolved from the
// documents that tell it (src/writers/claims.ts), which claims-resolve.cypher computes in Neo4j; and
// deals on a kg view page.
import { describe, expect, it } from 'vitest';
import { Deal, checkedDealFilter, dealSheetRow, formatAmount, formatDealSheet } from '../src/api/deals.ts';
import { isKgError } from '../src/errors.ts';
import { resolveClaims, statusOrderKey } from '../src/writers/claims.ts';
import { CypherDate, batchWriteStatements, forgetStatements } from '../src/writers/write-plan.ts';
import { amendmentGraph, licenceGraph, LICENCE_KEY } from './support/deal-fixtures.ts';
import { documentGraph } from './support/neo4j-fixtures.ts';
import { mergeGraphs } from '../src/graph/merge.ts';
import { viewFromGraph } from '../src/view/model.ts';
import { loadViewStyle } from '../src/view/style.ts';

describe('formatAmount', () => {
  it('writes millions and billions with their currency symbol and at most two decimals', () => {
    expect(formatAmount(75_000_000, 'USD')).toBe('$75M');
    expect(formatAmount(1_200_000_000, 'USD', 'up_to')).toBe('up to $1.2B');
    expect(formatAmount(1_250_000_000, 'EUR')).toBe('€1.25B');
    expect(formatAmount(7_500_000, 'GBP', 'approximately')).toBe('~£7.5M');
    expect(formatAmount(500_000, 'CHF', 'at_least')).toBe('at least CHF 500K');
    expect(formatAmount(1_333_333, 'USD')).toBe('$1.33M');
    expect(formatAmount(950, 'USD')).toBe('$950');
  });
});

const licence = Deal.parse({
  key: 'deal:x',
  name: 'X licence',
  caption: 'license · $75M upfront',
  kind: 'license',
  status: 'closed',
  statusHistory: ['announced@2024-03-04', 'closed@2024-04-01'],
  territory: 'worldwide excluding China',
  date: '2024-03-01',
  parties: [
    { role: 'licensee', key: 'company:b', name: 'Beta Pharma' },
    { role: 'licensor', key: 'company:a', name: 'Acme Bio' },
    { role: 'licensee', key: 'company:c', name: 'Gamma, Inc.' },
  ],
  assets: [{ key: 'drug:ab-101', name: 'AB-101', labels: ['Drug'] }],
  indications: [],
  payments: [
    { key: 'p:1', caption: '$75M upfront', kind: 'upfront', amount: 75_000_000, currency: 'USD', qualifier: 'exact', status: 'potential' },
    { key: 'p:2', caption: 'milestones', kind: 'milestones_total', amount: 1_200_000_000, currency: 'USD', qualifier: 'up_to', status: 'potential' },
    { key: 'p:3', caption: 'royalties', kind: 'royalty', status: 'potential', royaltyLow: 8, royaltyHigh: 12 },
  ],
  docIds: ['doc-a', 'doc-b'],
});

describe('the deal sheet', () => {
  it('gives one row per deal: parties by role in the contract order, amounts formatted, documents listed', () => {
    expect(dealSheetRow(licence)).toEqual({
      date: '2024-03-01',
      kind: 'license',
      parties: 'licensor: Acme Bio; licensee: Beta Pharma, Gamma, Inc.',
      assets: 'AB-101',
      upfront: '$75M',
      milestones: 'up to $1.2B',
      royalties: '8–12%',
      territory: 'worldwide excluding China',
      status: 'closed',
      documents: 'doc-a doc-b',
    });
  });

  it('prints CSV with a header and quoted fields, a table with a row count, and JSON of the typed deals', () => {
    expect(formatDealSheet([licence], 'csv')).toBe(
      'date,kind,parties,assets,upfront,milestones,royalties,territory,status,documents\r\n' +
        '2024-03-01,license,"licensor: Acme Bio; licensee: Beta Pharma, Gamma, Inc.",AB-101,$75M,up to $1.2B,8–12%,worldwide excluding China,closed,doc-a doc-b\r\n',
    );
    expect(formatDealSheet([licence], 'table')).toMatch(/^date +\| kind +\| parties/);
    expect(formatDealSheet([licence], 'table')).toContain('(1 row)');
    expect(JSON.parse(formatDealSheet([licence], 'json'))).toEqual([licence]);
    expect(formatDealSheet([], 'csv')).toBe('date,kind,parties,assets,upfront,milestones,royalties,territory,status,documents\r\n');
  });

  it('refuses a filter with an unknown kind, a date that is not ISO, a negative amount or an unknown field', () => {
    expect(checkedDealFilter({ company: 'Acme', kind: 'license', since: '2024-01-01', minUpfront: 50e6 })).toEqual({ company: 'Acme', kind: 'license', since: '2024-01-01', minUpfront: 50e6 });
    for (const bad of [{ kind: 'licence' }, { since: '01/01/2024' }, { minUpfront: -1 }, { minUpfront: Number.NaN }, { licensor: 'Acme' }]) {
      let caught: unknown;
      try {
        checkedDealFilter(bad);
      } catch (error) {
        caught = error;
      }
      expect(isKgError(caught) && caught.code === 'USAGE', JSON.stringify(bad)).toBe(true);
    }
  });
});

describe('a deal resolved from the documents that tell it', () => {
  const claim = (docId: string, asOf: string | undefined, properties: Record<string, string | boolean | string[]>) => {
    const history = properties['statusHistory'];
    return { docId, asOf, properties, statusOrder: Array.isArray(history) ? history.map((entry) => statusOrderKey(entry, asOf)) : undefined };
  };

  it('unions statuses in date order, dating an undated one by its document, and takes the latest status that is more than a reference', () => {
    const resolved = resolveClaims([
      claim('b', '2025-06-01', { statusHistory: ['terminated@', 'referenced@'], territory: 'US' }),
      claim('a', '2024-01-10', { statusHistory: ['announced@2024-01-10', 'closed@2024-01-10'], territory: 'worldwide', amended: ['2024-05'] }),
      claim('c', '2026-01-01', { statusHistory: ['referenced@2026-01-01'], amended: ['2024-05', '2023'] }),
    ]);
    expect(resolved['statusHistory']).toEqual(['announced@2024-01-10', 'closed@2024-01-10', 'referenced@', 'terminated@', 'referenced@2026-01-01']);
    expect(resolved['status']).toBe('terminated');
    expect(resolved['territory']).toBe('worldwide');
    expect(resolved['amended']).toEqual(['2023', '2024-05']);
  });

  it('keeps `referenced` as the status only when nothing else is known, and ignores the order the claims come in', () => {
    expect(resolveClaims([claim('a', '2020-01-01', { statusHistory: ['referenced@'] })])['status']).toBe('referenced');
    const claims = [claim('a', '2024-01-10', { statusHistory: ['announced@2024-01-10'], field: 'oncology' }), claim('b', undefined, { field: 'all fields', statusHistory: ['effective@2024-02-01'] })];
    expect(resolveClaims(claims)).toEqual(resolveClaims([...claims].reverse()));
    expect(resolveClaims(claims)['field']).toBe('oncology');
  });
});

describe('the write plan of deals', () => {
  it('keeps each document’s claim on a deal or payment and resolves them, only in batches that name one', () => {
    const statements = batchWriteStatements([licenceGraph(), amendmentGraph()]);
    const names = statements.map((s) => s.name);
    expect(names.indexOf('write/claim-merge')).toBeGreaterThan(names.indexOf('write/mention-merge'));
    expect(names.indexOf('write/claims-resolve')).toBe(names.indexOf('write/claim-merge') + 1);
    const rows = statements.find((s) => s.name === 'write/claim-merge')?.params['rows'] as Record<string, unknown>[];
    const licenceRows = rows.filter((r) => r['key'] === LICENCE_KEY);
    expect(licenceRows.map((r) => r['docId'])).toEqual(['dealfix-2024-licence', 'dealfix-2025-amendment']);
    expect(licenceRows[0]?.['claimed']).toEqual(['announced', 'caption', 'exclusive', 'kind', 'signed', 'stageAtSigning', 'status', 'statusHistory', 'territory']);
    expect((licenceRows[0]?.['claims'] as Record<string, unknown>)['signed']).toEqual(new CypherDate('2024-03-01'));
    expect(licenceRows[1]?.['statusOrder']).toEqual(['2025-01-10|04', '2025-01-15|00']);
    expect(statements.find((s) => s.name === 'write/claims-resolve')?.params).toEqual({ docIds: ['dealfix-2024-licence', 'dealfix-2025-amendment'] });
    const withoutDeals = batchWriteStatements([documentGraph('t', 'doc-x', { companies: ['Acme'], licence: { licensor: 'Acme', licensee: 'Beta' } })]).map((s) => s.name);
    expect(withoutDeals).not.toContain('write/claim-merge');
  });

  it('forgets a document by withdrawing its claims and resolving what is left before its mentions go', () => {
    expect(forgetStatements('doc-a').map((s) => s.name)).toEqual(['write/document-remove-evidence', 'write/document-remove-claims', 'write/claims-resolve', 'write/document-remove-mentions', 'write/document-delete']);
  });
});

describe('kg view of deals', () => {
  it('shows Deal and Payment nodes with their Browser style and caption, and the deal relationships as facts', () => {
    const view = viewFromGraph(mergeGraphs([licenceGraph(), amendmentGraph()]), loadViewStyle(), 'fixture');
    const deal = view.entities.find((e) => e.key === LICENCE_KEY);
    expect(deal).toMatchObject({ styleLabel: 'Deal', caption: 'license · $75M upfront' });
    expect(view.entities.find((e) => e.labels.includes('Payment'))?.styleLabel).toBe('Payment');
    expect(new Set(view.facts.map((f) => f.type))).toEqual(new Set(['PARTY_TO', 'COVERS', 'FOR_INDICATION', 'HAS_TERM', 'LICENSES_TO', 'EARNED_MILESTONE', 'COLLABORATES_WITH']));
  });
});
