// Deals as nodes (issue 18): the deal stage on the reference filing, on sentences of other documents
// (the sentence bank, ids given) and on invented releases of fictional companies; money term reading;
// deal identity across documents and the batch merge of a deal's statuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusResolver, extractText } from '../src/pipeline.ts';
import { GraphAccumulator, mergeGraphs } from '../src/graph/merge.ts';
import { Graph, type Entity } from '../src/model/graph.ts';
import { DealProperties, PaymentProperties } from '../src/model/deals.ts';
import { readTerms } from '../src/deals/terms.ts';
import { renamedDealKey, renamedPaymentKey } from '../src/deals/keys.ts';
import { mergeDealProperties, orderStatusHistory, toProperties } from '../src/deals/status.ts';
import { knowledge } from './support/knowledge.ts';

const REFERENCE = readFileSync(new URL('../data/sample/immunogen-8k-2007-07-31.txt', import.meta.url), 'utf8');

function graphOf(text: string, path = 'deal.txt'): Graph {
  return mergeGraphs(extractText(text, { knowledge, path }).map((x) => x.graph));
}

interface DealView {
  deal: Entity;
  props: DealProperties;
  parties: Record<string, string>;
  covers: string[];
  terms: PaymentProperties[];
}

function deals(graph: Graph): DealView[] {
  const byKey = new Map(graph.entities.map((e) => [e.key, e]));
  return graph.entities
    .filter((e) => e.labels[0] === 'Deal')
    .map((deal) => {
      const rels = graph.relationships.filter((r) => r.start === deal.key || r.end === deal.key);
      const parties: Record<string, string> = {};
      for (const r of rels) if (r.type === 'PARTY_TO') parties[byKey.get(r.start)?.name ?? r.start] = String(r.properties['role']);
      return {
        deal,
        props: DealProperties.parse(deal.properties),
        parties,
        covers: rels.filter((r) => r.type === 'COVERS').map((r) => byKey.get(r.end)?.name ?? r.end),
        terms: rels.filter((r) => r.type === 'HAS_TERM').map((r) => PaymentProperties.parse(byKey.get(r.end)?.properties)),
      };
    });
}

describe('the reference filing', () => {
  it('gives one exclusive HER2 licence, signed 2000 and amended 2006, with the $5 million milestone earned under it', () => {
    const graph = graphOf(REFERENCE, 'immunogen-8k-2007-07-31.txt');
    const found = deals(graph);
    expect(found).toHaveLength(1);
    const [licence] = found;
    expect(licence?.parties).toEqual({ ImmunoGen: 'licensor', Genentech: 'licensee' });
    expect(licence?.props).toMatchObject({ kind: 'license', exclusive: true, field: 'antibodies to HER2', signed: '2000', amended: ['2006'], status: 'effective' });
    expect(licence?.props.statusHistory).toEqual(['announced@2000', 'amended@2006', 'effective@2007-07-31']);
    expect(licence?.covers).toEqual(['TAP']);
    expect(licence?.terms).toHaveLength(1);
    expect(licence?.terms[0]).toMatchObject({ kind: 'milestone', amount: 5_000_000, currency: 'USD', status: 'earned', date: '2007-07-31' });
    expect(licence?.terms[0]?.trigger).toMatch(/Phase II.*trastuzumab-DM1/);
  });

  it('keeps the shortcut relationships and validates as the exchange format', () => {
    const graph = graphOf(REFERENCE, 'immunogen-8k-2007-07-31.txt');
    expect(graph.relationships.map((r) => r.type)).toEqual(expect.arrayContaining(['LICENSES_TO', 'EARNED_MILESTONE', 'PARTY_TO', 'COVERS', 'HAS_TERM']));
    expect(Graph.safeParse(graph).success).toBe(true);
    const evidence = graph.relationships.filter((r) => r.type === 'PARTY_TO').flatMap((r) => r.evidence.map((e) => e.rule));
    expect(evidence).toContain('deal.license_from_licenses_to');
  });
});

describe('deal frames on sentences of other documents', () => {
  it('reads a licence granted under a collaboration agreement as that collaboration, with its roles (sb-0001)', () => {
    const [deal, ...rest] = deals(graphOf('Under a collaboration agreement, Kelun-Biotech has granted Merck the exclusive rights to develop, manufacture, and commercialize MK-2870 in all territories outside of Greater China.'));
    expect(rest).toHaveLength(0);
    expect(deal?.props).toMatchObject({ kind: 'collaboration', exclusive: true });
    expect(deal?.parties).toEqual({ 'Kelun-Biotech': 'licensor', Merck: 'licensee' });
    expect(deal?.covers).toEqual(['MK-2870']);
  });

  it('reads an acquisition with its per-share price (sb-0009)', () => {
    const [deal] = deals(graphOf('Under the terms of the agreement, Merck, through a subsidiary, will acquire all outstanding shares of Harpoon Therapeutics, Inc. for a price per share of $23.00 in cash.'));
    expect(deal?.props.kind).toBe('acquisition');
    expect(deal?.parties).toEqual({ Merck: 'acquirer', 'Harpoon Therapeutics': 'acquired' });
    expect(deal?.terms).toEqual([expect.objectContaining({ kind: 'per_share_price', amount: 23, currency: 'USD' })]);
  });

  it('reads an agreed acquisition and its price up to an amount (sb-0147)', () => {
    const [deal] = deals(graphOf("Novartis agreed to acquire Blackstone Life Sciences' Anthos Therapeutics for up to $3.08 billion to boost its cardiovascular-drug pipeline."));
    expect(deal?.parties).toEqual({ Novartis: 'acquirer', 'Anthos Therapeutics': 'acquired' });
    expect(deal?.props.status).toBe('announced');
    expect(deal?.terms).toEqual([expect.objectContaining({ kind: 'purchase_price', amount: 3_080_000_000, qualifier: 'up_to', status: 'potential' })]);
  });

  it('puts an announced out-licence with upfront, milestones and royalties into one deal with three terms', () => {
    const [deal, ...rest] = deals(
      graphOf(
        'BOSTON, March 4, 2024 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced that it has entered into an exclusive license agreement with Novartis AG, under which Novartis will receive worldwide rights to develop and commercialize CRV-301, a small molecule inhibitor, for the treatment of non-small cell lung cancer. Under the terms of the agreement, Novartis will pay Corvana an upfront payment of $150 million, and Corvana is eligible to receive up to $1.2 billion in development, regulatory and commercial milestones, as well as tiered royalties.',
      ),
    );
    expect(rest).toHaveLength(0);
    expect(deal?.props).toMatchObject({ kind: 'license', status: 'announced', announced: '2024-03-04', exclusive: true, territory: 'worldwide', caption: 'license · $150M upfront' });
    expect(deal?.terms.map((t) => [t.kind, t.amount ?? null, t.status]).sort()).toEqual([
      ['milestones_total', 1_200_000_000, 'potential'],
      ['royalty', null, 'potential'],
      ['upfront', 150_000_000, 'due'],
    ]);
  });
});

describe('money terms', () => {
  const terms = (text: string) => readTerms(text, knowledge).map(({ start: _s, end: _e, ...rest }) => rest);

  it('keeps tiered royalties in words, with no amount (sb-0099)', () => {
    expect(terms('Biolojic is also eligible to receive tiered royalties in the low- to mid-single digits on product sales should Lilly successfully commercialize a therapy from the collaboration.')).toEqual([
      expect.objectContaining({ kind: 'royalty', status: 'potential', royaltyText: expect.stringContaining('tiered') }),
    ]);
  });

  it('reads a stated royalty percent range', () => {
    const [royalty] = terms('The licensee will pay tiered royalties of 8% to 12% on annual net sales.');
    expect(royalty).toMatchObject({ kind: 'royalty', royaltyLow: 8, royaltyHigh: 12 });
  });

  it('reads "up to $X in milestone payments" as a potential milestones total (sb-0257)', () => {
    expect(terms('AIS will be eligible to receive up to $530.0 million in total milestone payments based on the successful completion of research, clinical and regulatory milestones relating to both program TIPs.')).toEqual([
      expect.objectContaining({ kind: 'milestones_total', amount: 530_000_000, currency: 'USD', qualifier: 'up_to', status: 'potential' }),
    ]);
  });

  it('reads payments due upon execution as upfront, continuation payments and a partnership "worth" an amount as other payments, a market worth an amount as none', () => {
    expect(terms('Zelvane will pay $300 million due upon execution and two continuation payments of $150 million each.').map((t) => [t.kind, t.amount])).toEqual([
      ['upfront', 300_000_000],
      ['other', 150_000_000],
    ]);
    expect(terms('Corvana has secured a commercialization partnership with Halvern Bio worth up to $90 million plus double-digit royalties.').map((t) => [t.kind, t.amount ?? null])).toEqual([
      ['other', 90_000_000],
      ['royalty', null],
    ]);
    expect(terms('The global market for dry eye disease is estimated to be worth $7 billion, Corvana said of its licence.')).toEqual([]);
  });

  it('names an amount by milestone words after a contingency that names the product', () => {
    expect(terms('Zelvane will pay up to an additional $2 billion for each QX-12 ADC contingent upon the achievement of certain sales milestones.').map((t) => [t.kind, t.amount])).toEqual([['milestones_total', 2_000_000_000]]);
  });

  it('keeps milestone payments without an amount when the clause says they may come, however far the status word stands', () => {
    const read = terms('If Corvana does not opt in, Corvana is eligible for further payments associated with the progress of QX-12 development, as well as commercial milestone payments and tiered royalties.');
    expect(read.map((t) => t.kind)).toEqual(['milestones_total', 'royalty']);
    expect(terms('The broader deal value includes potential future milestone and royalty-based payments.').map((t) => t.kind)).toContain('milestones_total');
    expect(terms('Halvern plans to use the proceeds of the offering to expand its clinical development and manufacturing teams and to accelerate key milestones.')).toEqual([]);
  });

  it('reads the parts a parenthesis splits a total into as payments of the total’s kind, and the total as none', () => {
    const read = terms('Zorvexa is required to pay Acme aggregate upfront cash payments of $90.0 million ($75 million for the license and $15 million for the collaboration).');
    expect(read.map((t) => [t.kind, t.amount, t.partOf])).toEqual([
      ['upfront', 75_000_000, 90_000_000],
      ['upfront', 15_000_000, 90_000_000],
    ]);
    // Amounts in a parenthesis that do not add up to the amount before it are no split of it.
    expect(terms('Acme will pay Zorvexa an upfront payment of $50 million (approximately €46 million).').map((t) => [t.kind, t.amount])).toEqual([['upfront', 50_000_000]]);
  });

  it('tells upfront, equity and research funding apart in one sentence', () => {
    const read = terms('In addition to a $94 million upfront payment and purchase of $106 million of the partner’s preferred stock, the company committed up to $250 million to fund research and development efforts.');
    expect(read.map((t) => [t.kind, t.amount])).toEqual([
      ['upfront', 94_000_000],
      ['equity', 106_000_000],
      ['research_funding', 250_000_000],
    ]);
  });

  it('reads a per-share price written around the company name', () => {
    expect(terms('Pfizer will acquire Seagen for $229 in cash per Seagen share for a total enterprise value of approximately $43 billion.').map((t) => [t.kind, t.amount, t.qualifier])).toEqual([
      ['per_share_price', 229, 'exact'],
      ['purchase_price', 43_000_000_000, 'approximately'],
    ]);
  });

  it('names an amount by milestone words after a contingency, however many qualifiers stand between (sb-0047, sb-0150)', () => {
    const [, contingent] = terms(
      'In exchange for providing Merck an exclusive global license to their small molecule inhibitor candidates, Taiho and Astex will receive an aggregate upfront payment of $50 million and will be eligible to receive approximately $2.5 billion contingent upon the achievement of preclinical, clinical, regulatory and sales milestones for each program.',
    );
    expect(contingent).toMatchObject({ kind: 'milestones_total', amount: 2_500_000_000, status: 'potential' });
    const read = terms('Novartis will pay $925 million upfront for Anthos and make additional payments of up to $2.15 billion upon achievement of specified regulatory and sales milestones, it said Tuesday.');
    expect(read.map((t) => [t.kind, t.amount])).toEqual([
      ['upfront', 925_000_000],
      ['milestones_total', 2_150_000_000],
    ]);
    expect(terms('Brenvale will receive up to $300 million in aggregate additional development and commercial milestones.')[0]).toMatchObject({ kind: 'milestones_total', amount: 300_000_000 });
  });

  it('does not let a term word of another clause or another item name an amount', () => {
    expect(terms('The partnership with Orlanta Bio is worth up to $80 million plus double-digit royalties.').map((t) => [t.kind, t.amount ?? null])).toEqual([
      ['other', 80_000_000],
      ['royalty', null],
    ]);
    expect(terms('Halcyra received $40 million in cash and the company will also be eligible for milestones.').filter((t) => t.amount !== undefined)).toEqual([]);
  });

  it('reads the merger consideration of each share as a per-share price (sb-0041 shape, invented names)', () => {
    const read = terms('At the effective time, each outstanding share of Dravik common stock was converted into the right to receive $41.50 in cash, without interest.');
    expect(read.map((t) => [t.kind, t.amount])).toEqual([['per_share_price', 41.5]]);
    expect(terms('Each share entitles its holder to receive $12 million in royalties.').some((t) => t.kind === 'per_share_price')).toBe(false);
  });

  it('reads "A’s $2 billion purchase of B" as the purchase price, and a purchase of stock after its amount as no price', () => {
    expect(terms('Halvern’s $2.4 billion purchase of Teslin Bio closed in 2023.').map((t) => [t.kind, t.amount])).toEqual([['purchase_price', 2_400_000_000]]);
    expect(terms('Borvant also made a purchase of $50 million of Kelmar’s preferred stock.').map((t) => [t.kind, t.amount])).toEqual([['equity', 50_000_000]]);
  });

  it('reads a share of sublicense revenue the licensor is entitled to as a term without an amount, and a bare mention of such revenue as none', () => {
    expect(terms('Tavira is also entitled to receive a prearranged percentage of sublicense revenue if Molvex sublicenses QX-12.')).toEqual([expect.objectContaining({ kind: 'other', status: 'potential' })]);
    expect(terms('Tavira reported sublicense revenue of the prior year in its annual report.')).toEqual([]);
  });

  it('reads an upfront licence fee as the upfront', () => {
    expect(terms('Quellin is to receive an initial upfront license fee of $3,000,000.').map((t) => [t.kind, t.amount])).toEqual([['upfront', 3_000_000]]);
    expect(terms('Quellin will receive a license fee of $3,000,000.').map((t) => [t.kind, t.amount])).toEqual([['license_fee', 3_000_000]]);
  });

  it('reads money to fund the partner’s research as research funding, and money to fund a trial as no term', () => {
    expect(terms('Borvant committed up to $75 million to fund Kelmar’s research and development efforts under the collaboration.')[0]).toMatchObject({ kind: 'research_funding', amount: 75_000_000, qualifier: 'up_to' });
    expect(terms('The company raised $40 million to fund its Phase 2 trial.')).toEqual([]);
  });

  it('keeps an intended equity investment without an amount as a potential equity term', () => {
    expect(terms('Ostrava Pharma also intends to make an equity investment in Lindqvist Bio.')).toEqual([expect.objectContaining({ kind: 'equity', status: 'potential' })]);
  });

  it('reads an earned milestone with what triggered it (sb-0292)', () => {
    const [milestone] = terms('XOMA earned a $2M milestone payment from Takeda Pharmaceutical upon the first patient dosed in its Phase 2 study.');
    expect(milestone).toMatchObject({ kind: 'milestone', amount: 2_000_000, status: 'earned' });
  });
});

describe('deal kinds and parties from the frame', () => {
  it('gives a relation fact’s amount the kind the words next to it name (upfront licence fee, milestone payments before royalties)', () => {
    const [deal] = deals(
      graphOf(
        'Tavira Therapeutics, Inc. granted Molvex Pharma an exclusive license to TVR-12. Under the terms of the agreement, Molvex will make an upfront payment of $8 million and Tavira is eligible to receive development, regulatory and commercial milestone payments of up to $310 million as well as royalties on net sales.',
      ),
    );
    expect(deal?.terms.map((t) => [t.kind, t.amount ?? null]).sort()).toEqual([
      ['milestones_total', 310_000_000],
      ['royalty', null],
      ['upfront', 8_000_000],
    ]);
  });

  it('makes one deal of a financing round whose investors one sentence names', () => {
    const found = deals(graphOf('Nerivo Therapeutics, Inc. today announced the completion of a $30 million Series A financing led by Calder Ventures Inc. with participation from Brightwater Capital Inc. and Osprey Partners LLC.'));
    expect(found).toHaveLength(1);
    expect(found[0]?.props.kind).toBe('other');
    expect(found[0]?.parties).toEqual({ 'Nerivo Therapeutics': 'payee', 'Calder Ventures': 'payer', 'Brightwater Capital': 'payer', 'Osprey Partners': 'payer' });
  });

  it('makes one deal of a financing round whose investors several nearby sentences name', () => {
    const found = deals(
      graphOf('Nerivo Therapeutics, Inc. today announced a $40 million Series B financing. The round was led by Calder Ventures Inc. Existing investors Brightwater Capital Inc. and Osprey Partners LLC also joined the round.'),
    );
    const rounds = found.filter((d) => d.props.kind === 'other');
    expect(rounds).toHaveLength(1);
    expect(rounds[0]?.parties).toMatchObject({ 'Nerivo Therapeutics': 'payee', 'Calder Ventures': 'payer', 'Brightwater Capital': 'payer', 'Osprey Partners': 'payer' });
  });

  it('reads a milestone earned from a partner no agreement of the text names as earned under a licence, the payer its licensee', () => {
    const [deal, ...rest] = deals(graphOf('SEATTLE, April 2, 2024 -- Kelvar Therapeutics, Inc. announced that it has earned a $12 million milestone payment from Zorvexa Pharma, Inc. for the start of a Phase 2 trial of QX-12.'));
    expect(rest).toHaveLength(0);
    expect(deal?.props.kind).toBe('license');
    expect(deal?.parties).toEqual({ 'Kelvar Therapeutics': 'licensor', 'Zorvexa Pharma': 'licensee' });
    expect(deal?.terms).toMatchObject([{ kind: 'milestone', amount: 12_000_000, status: 'earned' }]);
  });

  it('makes one collaboration of three parties when one collaboration word joins two partners by "and", two when the word is plural', () => {
    const joint = deals(graphOf('In collaboration with Kelvar Therapeutics, Inc. and Zorvexa Pharma, Inc., Acme Biologics, Inc. started an expanded access program for QX-12.'));
    expect(joint).toHaveLength(1);
    expect(joint[0]?.parties).toEqual({ 'Acme Biologics': 'collaborator', 'Kelvar Therapeutics': 'collaborator', 'Zorvexa Pharma': 'collaborator' });
    const separate = deals(graphOf('Acme Biologics, Inc. has research collaborations with Kelvar Therapeutics, Inc. and Zorvexa Pharma, Inc. on QX-12.'));
    expect(separate.map((d) => Object.keys(d.parties).sort().join('+')).sort()).toEqual(['Acme Biologics+Kelvar Therapeutics', 'Acme Biologics+Zorvexa Pharma']);
  });

  it('reads a partnership that names a royalty funding agreement as a royalty financing, the one paying the upfront buying the royalty', () => {
    const found = deals(
      graphOf(
        'NEW YORK, March 2, 2025 -- Halden Capital, Inc. and Vantora Bio, Inc. today announced that they have entered into a $90 million synthetic royalty funding agreement based on U.S. net sales of VTB-9. Under the terms of the agreement, Vantora receives an upfront payment of $90 million from Halden in exchange for a 4% royalty on U.S. net sales of VTB-9.',
      ),
    );
    const financing = found.find((d) => d.props.kind === 'royalty_financing');
    expect(financing?.parties).toEqual({ 'Halden Capital': 'royalty_buyer', 'Vantora Bio': 'royalty_seller' });
    expect(found.filter((d) => d.props.kind === 'collaboration')).toEqual([]);
  });

  it('gives a subsidiary that signs beside its parent the parent’s role in the deal, and none to a subsidiary only described', () => {
    const [financing] = deals(
      graphOf(
        'NEW YORK, March 2, 2025 -- Halden Capital, Inc. and Vantora Bio, Inc. today announced that Halden Capital and Vantora Bio Rare Diseases GmbH, a wholly-owned subsidiary of Vantora Bio, Inc., has entered into a $90 million synthetic royalty funding agreement based on U.S. net sales of VTB-9. Under the terms of the agreement, Vantora receives an upfront payment of $90 million from Halden in exchange for a 4% royalty on U.S. net sales of VTB-9.',
      ),
    );
    expect(financing?.parties).toEqual({ 'Halden Capital': 'royalty_buyer', 'Vantora Bio': 'royalty_seller', 'Vantora Bio Rare Diseases': 'royalty_seller' });
    const [licence] = deals(graphOf('Kelvar Therapeutics, Inc. granted Acme Biologics, Inc. an exclusive license to QX-12. Acme Labs GmbH, a wholly-owned subsidiary of Acme Biologics, Inc., runs its research site.'));
    expect(licence?.parties).toEqual({ 'Kelvar Therapeutics': 'licensor', 'Acme Biologics': 'licensee' });
  });

  it('reads an acquisition’s earn-out as its CVR, and the milestones it depends on as no term of their own', () => {
    const [deal] = deals(graphOf('Orvane Holdings, Inc. will acquire Teslin Bio, Inc. for $18.00 per share in cash. Teslin shareholders may also receive earn-out payments of up to $40 million contingent upon regulatory milestones.'));
    expect(deal?.props.kind).toBe('acquisition');
    expect(deal?.terms.map((t) => [t.kind, t.amount]).sort()).toEqual([
      ['cvr', 40_000_000],
      ['per_share_price', 18],
    ]);
  });

  it('reads a fee for a service as a supply or service agreement, the payer its customer', () => {
    const [deal] = deals(graphOf('Brightline Communications, Inc. receives a monthly subscription fee of $4,000 from Dorrel Therapeutics, Inc. to produce and distribute this content.'));
    expect(deal?.props.kind).toBe('supply_or_service');
    expect(deal?.parties).toEqual({ 'Dorrel Therapeutics': 'customer', 'Brightline Communications': 'provider' });
  });

  it('reads a partner named as the maker of a product as its provider, and a development partnership as a collaboration', () => {
    const [supply] = deals(graphOf('The Kelso product is manufactured in partnership with Drummond Pharmaceuticals, Inc. of Ohio, Kelso Therapeutics, Inc. said.'));
    expect(supply?.props.kind).toBe('supply_or_service');
    expect(supply?.parties).toEqual({ 'Kelso Therapeutics': 'customer', 'Drummond Pharmaceuticals': 'provider' });
    const [partnership] = deals(graphOf('Kelso Therapeutics, Inc. announced a partnership with Drummond Pharmaceuticals, Inc. to develop KT-1.'));
    expect(partnership?.props.kind).toBe('collaboration');
  });

  it('keeps a right of first refusal the licence grants its licensee inside the licence (no option deal)', () => {
    const found = deals(
      graphOf(
        'Kelvar Therapeutics, Inc. granted Acme Biologics, Inc. an exclusive, worldwide license to develop QX-12. The agreement also grants Acme a right of first refusal over any license Kelvar may offer to a third party for related products.',
      ),
    );
    expect(found.map((d) => d.props.kind)).toEqual(['license']);
    expect(found[0]?.parties).toEqual({ 'Kelvar Therapeutics': 'licensor', 'Acme Biologics': 'licensee' });
  });

  it('reads "A’s 2021 deal with B" as a background collaboration of the two, each deal of one sentence with the money told after its own parties', () => {
    const found = deals(
      graphOf(
        'Acme Therapeutics, Inc. is nearing a partnership. Large deals are common: Zorvexa Pharma’s 2021 deal with Bravelon Biosciences included $700 million upfront and up to $1.5 billion in milestone payments, while Kelvar Bio’s 2020 partnership with Tovan Labs involved $560 million upfront.',
      ),
    );
    const byParties = Object.fromEntries(found.map((d) => [Object.keys(d.parties).sort().join('+'), d]));
    expect(byParties['Bravelon Biosciences+Zorvexa Pharma']?.props).toMatchObject({ kind: 'collaboration', status: 'referenced' });
    expect(byParties['Bravelon Biosciences+Zorvexa Pharma']?.terms.map((t) => [t.kind, t.amount]).sort()).toEqual([
      ['milestones_total', 1_500_000_000],
      ['upfront', 700_000_000],
    ]);
    expect(byParties['Kelvar Bio+Tovan Labs']?.terms.map((t) => [t.kind, t.amount])).toEqual([['upfront', 560_000_000]]);
  });

  it('gives a deal told in passing no money of sentences about others: not that of another company’s possessive, not that of sentences naming no company', () => {
    const [deal, ...rest] = deals(
      graphOf(
        'Acme Therapeutics, Inc. is nearing a partnership. Zorvexa Pharma’s 2021 deal with Bravelon Biosciences included $700 million upfront, while Kelvar Bio’s 2020 oncology partnership involved $560 million upfront. Such a partnership could bring $80 million upfront.',
      ),
    );
    expect(rest).toHaveLength(0);
    expect(deal?.terms.map((t) => [t.kind, t.amount])).toEqual([['upfront', 700_000_000]]);
  });

  it('makes no collaboration of a possessive agreement between two companies already in a deal', () => {
    const found = deals(graphOf('Kelvar Therapeutics, Inc. granted Acme Biologics, Inc. an exclusive license to QX-12. Kelvar’s agreement with Acme Biologics runs for ten years.'));
    expect(found.map((d) => d.props.kind)).toEqual(['license']);
  });

  it('gives each party of a listed value ("(A: $200M, B: $100M)") that amount as a term of its own deal', () => {
    const found = deals(
      graphOf(
        'Acme Therapeutics, Inc. today announced that it has licensed QX-12 to Zorvexa Pharma, Inc. Acme also licensed QX-14 to Bravelon Biosciences, Inc. Total potential value of the licensing agreements is estimated at over $300 million (Zorvexa: $200M, Bravelon: $100M).',
      ),
    );
    const termsOf = (party: string): (string | number | undefined)[][] => found.filter((d) => party in d.parties).flatMap((d) => d.terms.map((t) => [t.kind, t.amount]));
    expect(termsOf('Zorvexa Pharma')).toEqual([['other', 200_000_000]]);
    expect(found.flatMap((d) => d.terms).some((t) => t.amount === 300_000_000)).toBe(false);
  });

  it('keeps a licensor’s retained option on the asset it licensed out inside the licence (no option deal)', () => {
    const found = deals(graphOf('Dunmore Pharmaceutical Co., Ltd. granted Selvik Therapeutics, Inc. an exclusive license to develop and commercialize DMP-44 worldwide. Dunmore retains an option to commercialize DMP-44 in Korea.'));
    expect(found.map((d) => d.props.kind)).toEqual(['license']);
  });
});

describe('two agreements of one pair', () => {
  it('keeps a licence the text tells apart ("Separately") from the collaboration of the same two companies, each with the money told after it', () => {
    const found = deals(
      graphOf(
        'Acme Biologics, Inc. and Zorvexa Pharma, Inc. today announced two new strategic collaborations. The companies will jointly develop Acme’s antibody KX-7. Under the terms of the agreement, Acme Biologics will receive a $300 million upfront payment from Zorvexa Pharma. Separately, Acme Biologics has granted Zorvexa Pharma an exclusive license to commercialize QX-12 in Japan. Acme Biologics will receive $40 million from Zorvexa Pharma as an upfront payment.',
      ),
    );
    const byKind = Object.fromEntries(found.map((d) => [d.props.kind, d]));
    expect(found.map((d) => d.props.kind).sort()).toEqual(['collaboration', 'license']);
    expect(byKind['license']?.parties).toEqual({ 'Acme Biologics': 'licensor', 'Zorvexa Pharma': 'licensee' });
    expect(byKind['collaboration']?.parties).toEqual({ 'Acme Biologics': 'collaborator', 'Zorvexa Pharma': 'collaborator' });
    expect(byKind['license']?.terms.map((t) => [t.kind, t.amount])).toEqual([['upfront', 40_000_000]]);
    expect(byKind['collaboration']?.terms.map((t) => [t.kind, t.amount])).toEqual([['upfront', 300_000_000]]);
  });

  it('gives each part of a split payment to the agreement named after it when one sentence names a licence agreement and a collaboration', () => {
    const found = deals(
      graphOf(
        'On March 3, 2021, the license agreement entered into by Acme Biologics, Inc. and Zorvexa Pharma, Inc. for QX-12 and the broad collaboration between Acme Biologics and Zorvexa Pharma for the discovery of Kelvar inhibitors each became effective. Zorvexa Pharma granted Acme Biologics an exclusive license to QX-12. Zorvexa Pharma and Acme Biologics entered into a collaboration for the discovery of Kelvar inhibitors. Zorvexa Pharma is required to pay Acme Biologics aggregate upfront cash payments of $90.0 million ($75 million for the license and $15 million for the collaboration).',
        'acme-zorvexa-2021-03-05.txt',
      ),
    );
    expect(found.map((d) => d.props.kind).sort()).toEqual(['collaboration', 'license']);
    const upfronts = Object.fromEntries(found.map((d) => [d.props.kind, d.terms.filter((t) => t.kind === 'upfront').map((t) => t.amount)]));
    expect(upfronts).toEqual({ license: [75_000_000], collaboration: [15_000_000] });
  });
});

describe('payments of one amount', () => {
  it('keeps two payments of one amount apart when two sentences name them as different kinds', () => {
    const [deal] = deals(
      graphOf(
        'Corvana Therapeutics, Inc. and Halvern Bio, Inc. entered into a collaboration agreement for QX-12. Halvern Bio will pay Corvana Therapeutics an upfront payment of $400 million due upon execution. Halvern Bio will also pay Corvana Therapeutics $400 million in continuation payments over the next 24 months.',
      ),
    );
    expect(deal?.terms.map((t) => [t.kind, t.amount]).sort()).toEqual([
      ['other', 400_000_000],
      ['upfront', 400_000_000],
    ]);
  });
});

describe('territory and scope of a licence', () => {
  it('reads the place after a preposition of a rights clause, a region, and a place a worldwide grant leaves out', () => {
    const japan = deals(graphOf('Halvern Bio, Inc. granted Oskari Pharma Co., Ltd. an exclusive license to develop and commercialize HB-210 within Japan.'));
    expect(japan[0]?.props.territory).toBe('Japan');
    const europe = deals(graphOf('Under a licensing agreement, Halvern Bio, Inc. has granted Oskari Pharma Co., Ltd. the exclusive rights to launch HB-210 across Europe.'));
    expect(europe[0]?.props.territory).toBe('Europe');
    const except = deals(graphOf('Halvern Bio, Inc. and Oskari Pharma Co., Ltd. entered into a collaboration agreement to co-develop and co-commercialize HB-210 worldwide, except for Japan where Halvern retains rights.'));
    expect(except[0]?.props.territory).toBe('worldwide except Japan');
    const outside = deals(graphOf('Halvern Bio, Inc. granted Oskari Pharma Co., Ltd. an exclusive license to commercialize HB-210 outside of Greater China.'));
    expect(outside[0]?.props.territory).toBe('outside of Greater China');
  });

  it('reads no territory from a place outside a rights clause (a trial site, a company known by another name abroad)', () => {
    const found = deals(graphOf('Halvern Bio, Inc. (known as HBX outside the United States) granted Oskari Pharma Co., Ltd. a license to HB-210. Oskari will run a Phase 2 trial in Japan.'));
    expect(found[0]?.props.territory).toBeUndefined();
  });

  it('reads the scope a sentence naming one party of the only deal states ("Under the agreement, B will be granted …")', () => {
    const [deal] = deals(
      graphOf('Halvern Bio, Inc. granted Oskari Pharma Co., Ltd. a license to HB-210. Under the agreement, Oskari will be granted an exclusive license to develop and commercialize HB-210 in the United States and globally.'),
    );
    expect(deal?.props).toMatchObject({ exclusive: true, territory: 'global' });
  });
});

describe('deal status from the words and dates of its sentences', () => {
  it('reads a collaboration signed in an earlier year, under which an option is exercised today, as in force, not announced', () => {
    const found = deals(
      graphOf(
        'BOSTON, March 4, 2024 -- Acme Biologics, Inc. and Zorvexa Pharma, Inc. today announced that Zorvexa has exercised its option to license QX-12. In 2019, Acme and Zorvexa entered into a broad research collaboration to discover antibodies. Zorvexa will pay Acme $20 million to exercise its option.',
      ),
    );
    const collaboration = found.find((d) => d.props.kind === 'collaboration');
    expect(collaboration?.props.status).toBe('effective');
    expect(found.find((d) => d.props.kind === 'option')?.props.status).toBe('option_exercised');
  });

  it('reads an agreement entered into on an earlier date that became effective today as effective', () => {
    const [deal] = deals(
      graphOf(
        'SEATTLE, July 7, 2022 -- The license agreement entered into on May 27, 2022 by Kelvar Therapeutics, Inc. and Acme Biologics, Inc., under which Kelvar granted Acme an exclusive license to KV-7, became effective.',
        'kelvar-8k-2022-07-07.txt',
      ),
    );
    expect(deal?.props.kind).toBe('license');
    expect(deal?.props.status).toBe('effective');
  });

  it('reads a financing round whose completion the release announces as closed', () => {
    const [round] = deals(graphOf('BOSTON, March 4, 2024 -- Acme Biologics, Inc. today announced the completion of a $30 million Series A financing led by Zorvexa Ventures Inc. with participation from Kelvar Capital Inc.'));
    expect(round?.props.kind).toBe('other');
    expect(round?.props.status).toBe('closed');
  });

  it('reads a licence the document recalls ("previously entered into") and amends in the next sentence, naming no other party, as amended', () => {
    const [deal] = deals(
      graphOf(
        'Acme Biologics, Inc. previously entered into a Patent License Agreement with Kelvar Therapeutics, Inc., pursuant to which Kelvar granted Acme a non-exclusive worldwide license to develop QX-12. On February 9, 2015, we entered into an amendment to the License Agreement.',
        'acme-8k-2015-02-10.txt',
      ),
    );
    expect(deal?.props.kind).toBe('license');
    expect(deal?.props.status).toBe('amended');
  });

  it('reads an acquisition expected to be consummated later as announced, not closed', () => {
    const [deal] = deals(
      graphOf(
        'TOKYO, December 2, 2019 -- Acme Pharma Inc. and Zorvexa Therapeutics, Inc. today announced that they have entered into a definitive agreement under which Acme will acquire Zorvexa for $60.00 per share in cash. The transaction is expected to be consummated in the first calendar quarter of 2020.',
        'acme-2019-12-02.txt',
      ),
    );
    expect(deal?.props.kind).toBe('acquisition');
    expect(deal?.props.status).toBe('announced');
  });

  it('reads a licence the parties agreed to terminate as terminated', () => {
    const [deal] = deals(
      graphOf(
        'SEOUL, June 5, 2023 -- Acme Pharmaceutical today announced that it and Zorvexa have agreed to terminate the 2021 license agreement, which granted Zorvexa an exclusive license to develop QX-12 in Canada. Acme regains all rights to QX-12 in Canada.',
        'acme-2023-06-05.txt',
      ),
    );
    expect(deal?.props.status).toBe('terminated');
  });

  it('keeps an agreement signed today announced', () => {
    const [deal] = deals(
      graphOf('BOSTON, March 4, 2024 -- Kelvar Therapeutics, Inc. today announced that it has entered into an exclusive license agreement with Acme Biologics, Inc., under which Kelvar granted Acme an exclusive license to KV-7.'),
    );
    expect(deal?.props.status).toBe('announced');
  });
});

describe('deal identity across documents', () => {
  const announcement =
    'BOSTON, March 4, 2024 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced that it has entered into an exclusive license agreement with Novartis AG, under which Novartis will receive worldwide rights to develop and commercialize CRV-301. Under the terms of the agreement, Novartis will pay Corvana an upfront payment of $150 million.';
  const milestone =
    'CAMBRIDGE, MA, June 2, 2025 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced that it has earned a $10 million milestone payment from Novartis with the start of Phase 2 testing of CRV-301. The milestone was earned under the 2024 agreement under which Corvana granted Novartis an exclusive worldwide license to CRV-301.';

  it('gives the announcement and a later milestone release of one licence the same deal key', () => {
    const [first] = deals(graphOf(announcement, 'a.txt'));
    const [second] = deals(graphOf(milestone, 'b.txt'));
    expect(first?.deal.key).toBeDefined();
    expect(second?.deal.key).toBe(first?.deal.key);
  });

  it('merges the two into one deal whose history is ordered and whose latest status wins', () => {
    const merged = mergeGraphs([graphOf(milestone, 'b.txt'), graphOf(announcement, 'a.txt')]);
    const found = deals(merged);
    expect(found).toHaveLength(1);
    expect(found[0]?.props.statusHistory).toEqual(['announced@2024', 'announced@2024-03-04', 'effective@2025-06-02']);
    expect(found[0]?.props.status).toBe('effective');
    expect(found[0]?.terms.map((t) => t.kind).sort()).toEqual(['milestone', 'upfront']);
  });

  it('keeps two licences of the same parties on different assets apart', () => {
    const other = announcement.replaceAll('CRV-301', 'CRV-455');
    const keys = [...deals(graphOf(announcement, 'a.txt')), ...deals(graphOf(other, 'c.txt'))].map((d) => d.deal.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('deal keys follow cross-document resolution', () => {
  // The second document names the licensor only by the short name the first gave as an alias:
  // resolution maps it onto the first one's company, and the deal built from it must follow.
  const announcement =
    'BOSTON, March 4, 2024 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced that it has entered into an exclusive license agreement with Novartis AG, under which Novartis will receive worldwide rights to develop and commercialize CRV-301. Under the terms of the agreement, Novartis will pay Corvana an upfront payment of $150 million.';
  const milestone =
    'CAMBRIDGE, MA, June 2, 2025 -- Corvana, Inc. today announced that it has earned a $10 million milestone payment from Novartis with the start of Phase 2 testing of CRV-301. The milestone was earned under the 2024 agreement under which Corvana granted Novartis an exclusive worldwide license to CRV-301.';
  const extracted = (text: string, path: string): Graph => extractText(text, { knowledge, path })[0]!.graph;

  it('gives one Deal with both documents’ evidence when the licensor is named two ways that resolution unifies', () => {
    // Without resolution the two documents name two companies, so two deals.
    expect(deals(mergeGraphs([extracted(announcement, 'a.txt'), extracted(milestone, 'b.txt')]))).toHaveLength(2);
    const accumulator = new GraphAccumulator(corpusResolver({ knowledge }));
    accumulator.add(extracted(announcement, 'a.txt'));
    accumulator.add(extracted(milestone, 'b.txt'));
    const graph = accumulator.result();
    const found = deals(graph);
    expect(found).toHaveLength(1);
    const [deal] = found;
    expect(deal?.deal.key).toBe('deal:license:licensee=company:novartis+licensor=company:corvana-therapeutics@drug:crv-301');
    expect(deal?.props.statusHistory).toEqual(['announced@2024', 'announced@2024-03-04', 'effective@2025-06-02']);
    expect(deal?.terms.map((t) => t.kind).sort()).toEqual(['milestone', 'upfront']);
    expect(new Set(deal?.deal.mentions.map((m) => m.docId))).toEqual(new Set(graph.documents.map((d) => d.docId)));
    const partyEvidence = graph.relationships.filter((r) => r.type === 'PARTY_TO' && r.end === deal?.deal.key).flatMap((r) => r.evidence.map((e) => e.docId));
    expect(new Set(partyEvidence).size).toBe(2);
    // No relationship or payment is left naming the company key that resolution renamed away.
    const keys = new Set(graph.entities.map((e) => e.key));
    expect(graph.relationships.filter((r) => !keys.has(r.start) || !keys.has(r.end))).toEqual([]);
    expect(graph.entities.filter((e) => e.key.includes('company:corvana@') || e.key.includes('company:corvana+') || e.key.includes('company:corvana#'))).toEqual([]);
  });

  it('rebuilds a deal key and its payments’ keys from renamed parties and asset, sorting the parties again', () => {
    const rename = new Map([
      ['company:zeta', 'company:alpha'],
      ['drug:zx-1', 'drug:zx-one'],
    ]);
    const to = (key: string): string => rename.get(key) ?? key;
    const deal = 'deal:collaboration:collaborator=company:mid+collaborator=company:zeta@drug:zx-1';
    expect(renamedDealKey(deal, to)).toBe('deal:collaboration:collaborator=company:alpha+collaborator=company:mid@drug:zx-one');
    expect(renamedPaymentKey(`payment:${deal}#upfront:5000000USD`, to)).toBe('payment:deal:collaboration:collaborator=company:alpha+collaborator=company:mid@drug:zx-one#upfront:5000000USD');
    expect(renamedDealKey('deal:license:licensee=company:mid+licensor=company:other', to)).toBeUndefined();
    expect(renamedPaymentKey('payment:deal:license:licensee=company:mid+licensor=company:other#royalty', to)).toBeUndefined();
  });
});

describe('deal property merge', () => {
  const base: DealProperties = { caption: 'license', kind: 'license', status: 'announced', statusHistory: ['announced@2020-05-01'], amended: ['2021'] };

  it('unions histories and amendment years, and the latest dated status wins whatever the arrival order', () => {
    const later: DealProperties = { caption: 'license · $5M upfront', kind: 'license', status: 'terminated', statusHistory: ['terminated@2023-02-01'], amended: ['2022'] };
    for (const [a, b] of [
      [base, later],
      [later, base],
    ] as const) {
      const merged = DealProperties.parse(mergeDealProperties(toProperties(a), toProperties(b)));
      expect(merged.statusHistory).toEqual(['announced@2020-05-01', 'terminated@2023-02-01']);
      expect(merged.status).toBe('terminated');
      expect(merged.amended).toEqual(['2021', '2022']);
      expect(merged.caption).toBe('license · $5M upfront');
    }
  });

  it('orders a year before a full date of that year, and undated entries first', () => {
    expect(orderStatusHistory(['effective@2007-07-31', 'amended@2006', 'referenced@', 'announced@2000'])).toEqual(['referenced@', 'announced@2000', 'amended@2006', 'effective@2007-07-31']);
  });
});
