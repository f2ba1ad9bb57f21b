// The hand-made deal fixture of test/fixtures/deals/ (issue 18's contract, before the deal stage
// exists): a licence announced in 2024 with its upfront, milestones total and royalties, and a 2025
// document that amends the same licence (same deal key), reports a milestone earned under it and
// announces a collaboration. Each file is one document's graph, parsed with the exchange schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Graph } from '../../src/model/graph.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'deals');

export const LICENCE_DOC = 'dealfix-2024-licence';
export const AMENDMENT_DOC = 'dealfix-2025-amendment';
export const LICENCE_KEY = 'deal:license:acme-bio+beta-pharma:ab-101';
export const COLLABORATION_KEY = 'deal:collaboration:beta-pharma+gamma-labs:tgt-9';

function load(file: string): Graph {
  return Graph.parse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
}

/** The 2024 announcement of the licence. */
export const licenceGraph = (): Graph => load('licence-2024.json');
/** The 2025 amendment of the licence, its earned milestone, and a new collaboration. */
export const amendmentGraph = (): Graph => load('amendment-2025.json');
