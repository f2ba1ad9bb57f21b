// The review loop behind `kg review`: the doubtful pairs cross-document resolution wrote as
// POSSIBLY_SAME_AS (listCandidates), and a person's decision on one (acceptCandidate merges the two
// nodes now and records the pair as one thing; rejectCandidate removes the pair and records it as two
// things). Decisions go to the decisions file (src/graph/decisions.ts), which every later ingest and
// extract applies, so the graph rebuilt from scratch, or a document forgotten and ingested again,
// comes out the same.
import { z } from 'zod';
import type { Neo4jConfig } from '../config.ts';
import { KgError, issuesText } from '../errors.ts';
import { SYMMETRIC_TYPES } from '../model/vocabulary.ts';
import { readDecisionsFile, withAccepted, withRejected, writeDecisionsFile } from '../graph/decisions.ts';
import { Neo4jGraphStore } from '../writers/neo4j.ts';
import { cypherText, type Statement } from '../writers/write-plan.ts';

export const ReviewEnd = z.object({ key: z.string(), name: z.string(), labels: z.array(z.string()), documents: z.number().int() });
export type ReviewEnd = z.infer<typeof ReviewEnd>;

/** One doubtful pair, as `kg review` lists it. */
export const ReviewCandidate = z.object({ a: ReviewEnd, b: ReviewEnd, score: z.number(), reason: z.string() });
export type ReviewCandidate = z.infer<typeof ReviewCandidate>;

const CandidateRow = z.object({
  a: z.string(),
  aName: z.string(),
  aLabels: z.array(z.string()),
  aDocuments: z.number().int(),
  b: z.string(),
  bName: z.string(),
  bLabels: z.array(z.string()),
  bDocuments: z.number().int(),
  score: z.number(),
  reason: z.string(),
});

async function withStore<T>(config: Neo4jConfig, work: (store: Neo4jGraphStore) => Promise<T>): Promise<T> {
  const store = await Neo4jGraphStore.open(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The doubtful pairs stored in the graph, best score first. */
export async function listCandidates(config: Neo4jConfig): Promise<ReviewCandidate[]> {
  return withStore(config, async (store) => {
    const rows = await store.read(cypherText('read/possibly-same-as'));
    return rows.map((raw) => {
      const parsed = CandidateRow.safeParse(raw);
      if (!parsed.success) throw new KgError('SCHEMA_INVALID', `unexpected POSSIBLY_SAME_AS row from Neo4j: ${issuesText(parsed.error.issues)}`);
      const r = parsed.data;
      return {
        a: { key: r.a, name: r.aName, labels: [...r.aLabels].sort(), documents: r.aDocuments },
        b: { key: r.b, name: r.bName, labels: [...r.bLabels].sort(), documents: r.bDocuments },
        score: r.score,
        reason: r.reason,
      };
    });
  });
}

/** Both keys must be stored entities of one primary label (a decision about a typo would silently do nothing). */
async function checkPair(store: Neo4jGraphStore, a: string, b: string): Promise<void> {
  if (a === b) throw new KgError('USAGE', `the two keys are the same (${a})`);
  const rows = await store.read(cypherText('read/entities-exist'), { keys: [a, b] });
  const found = new Map(rows.map((r) => [String(r['key']), Array.isArray(r['labels']) ? r['labels'].map(String) : []]));
  for (const key of [a, b]) if (!found.has(key)) throw new KgError('USAGE', `there is no entity with key "${key}" in the graph; kg review lists the pairs with their keys`, { subject: key });
  const prefix = (key: string): string => key.slice(0, key.indexOf(':'));
  if (prefix(a) !== prefix(b)) throw new KgError('USAGE', `${a} and ${b} are different kinds of thing; only entities of one label can be one thing`);
}

export interface DecisionResult {
  /** The decisions file written. */
  path: string;
  /** What the graph changed. */
  changed: boolean;
}

/**
 * `kg review accept KEEP MERGE`: MERGE becomes part of KEEP now (its mentions, facts with their
 * evidence, filings, name and aliases move to KEEP; one transaction), and the decision is written to
 * the decisions file so every later ingest maps MERGE onto KEEP.
 */
export async function acceptCandidate(config: Neo4jConfig, keep: string, merge: string, decisionsFile: string): Promise<DecisionResult> {
  return withStore(config, async (store) => {
    await checkPair(store, keep, merge);
    const params = { keep, merge, symmetric: [...SYMMETRIC_TYPES].sort() };
    const steps = ['write/review-merge-fact-lists', 'write/review-merge-facts', 'write/review-merge-counts', 'write/review-merge-node'];
    const statements: Statement[] = steps.map((name) => ({ name, cypher: cypherText(name), params }));
    const changes = await store.writeStatements(statements, `merging ${merge} into ${keep}`);
    writeDecisionsFile(decisionsFile, withAccepted(readDecisionsFile(decisionsFile), keep, merge));
    return { path: decisionsFile, changed: changes.nodesDeleted > 0 };
  });
}

/** `kg review reject A B`: the two are two things; their POSSIBLY_SAME_AS goes and the pair is never proposed again. */
export async function rejectCandidate(config: Neo4jConfig, a: string, b: string, decisionsFile: string): Promise<DecisionResult> {
  return withStore(config, async (store) => {
    await checkPair(store, a, b);
    const changes = await store.writeStatements([{ name: 'write/review-reject', cypher: cypherText('write/review-reject'), params: { a, b } }], `rejecting ${a} = ${b}`);
    writeDecisionsFile(decisionsFile, withRejected(readDecisionsFile(decisionsFile), a, b));
    return { path: decisionsFile, changed: changes.relationshipsDeleted > 0 };
  });
}

/** `kg review`'s table: score, reason and the two ends, one pair per line. */
export function formatCandidates(candidates: readonly ReviewCandidate[]): string {
  if (candidates.length === 0) return 'no doubtful pairs\n';
  const end = (e: ReviewEnd): string => `${e.key} "${e.name}" (${e.documents} doc${e.documents === 1 ? '' : 's'})`;
  const lines = candidates.map((c) => `${c.score.toFixed(2)}  ${end(c.a)}  ~  ${end(c.b)}  ${c.reason}`);
  return `${lines.join('\n')}\n${candidates.length} pair${candidates.length === 1 ? '' : 's'}; decide with: kg review accept KEEP MERGE | kg review reject A B\n`;
}
