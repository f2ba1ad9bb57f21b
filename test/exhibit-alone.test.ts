// Issue 3, "done when": the EX-99.1 inside an EDGAR full submission yields the same entities and
// relations as the same exhibit given alone. The pair is built here: the exhibit's <TEXT> body is
// cut out of the submission into a temporary .htm file, and both go through the whole pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractInputs, type DocumentExtraction } from '../src/pipeline.ts';
import { relationshipId } from '../src/model/graph.ts';

const SUBMISSION = fileURLToPath(new URL('../../shared/corpus/formats/abvc-biopharma-8k-2025.full-submission.txt', import.meta.url));

/** The raw <TEXT> body of the submission's part of the given <TYPE>, byte for byte (latin1 keeps bytes as they are). */
function partBody(submission: string, type: string): string {
  const part = submission.split(/<DOCUMENT>/i).find((p) => new RegExp(`<TYPE>${type.replace('.', '\\.')}\\s`, 'i').test(p));
  if (!part) throw new Error(`no ${type} part in the submission`);
  const open = part.search(/<TEXT>/i);
  const close = part.search(/<\/TEXT>/i);
  return part.slice(open + '<TEXT>'.length, close < 0 ? part.length : close);
}

async function extractionsOf(path: string): Promise<DocumentExtraction[]> {
  const out: DocumentExtraction[] = [];
  for await (const result of extractInputs([path])) {
    if (!result.ok) throw result.error;
    out.push(...result.extractions);
  }
  return out;
}

const entityKeys = (x: DocumentExtraction): string[] => x.graph.entities.map((e) => `${e.labels[0] ?? ''}:${e.key}`).sort();
const relationIds = (x: DocumentExtraction): string[] => x.graph.relationships.map(relationshipId).sort();
/** What a relationship rests on, without the document id: the sentence and the rule. */
const evidence = (x: DocumentExtraction): string[] => x.graph.relationships.flatMap((r) => r.evidence.map((e) => `${relationshipId(r)} ${e.rule} ${e.start}-${e.end} ${e.sentence}`)).sort();

describe('an exhibit inside a full submission and the same exhibit alone', () => {
  let dir = '';
  let inSubmission: DocumentExtraction | undefined;
  let alone: DocumentExtraction | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-exhibit-'));
    const exhibitPath = join(dir, 'ex99-1.htm');
    writeFileSync(exhibitPath, Buffer.from(partBody(readFileSync(SUBMISSION, 'latin1'), 'EX-99.1'), 'latin1'));
    inSubmission = (await extractionsOf(SUBMISSION)).find((x) => x.document.docType === 'EX-99.1');
    [alone] = await extractionsOf(exhibitPath);
  }, 120_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('reads the same text with the same sections and sentences', () => {
    expect(inSubmission).toBeDefined();
    expect(alone).toBeDefined();
    expect(alone?.document.text).toBe(inSubmission?.document.text);
    expect(alone?.document.sections).toEqual(inSubmission?.document.sections);
    expect(alone?.document.sentences).toEqual(inSubmission?.document.sentences);
    expect(alone?.document.title).toBe(inSubmission?.document.title);
    expect(alone?.document.asOf).toBe(inSubmission?.document.asOf);
  });

  it('yields the same entities and relationships', () => {
    if (!inSubmission || !alone) throw new Error('an extraction is missing');
    expect(entityKeys(inSubmission).length).toBeGreaterThan(0);
    expect(entityKeys(alone)).toEqual(entityKeys(inSubmission));
    expect(relationIds(alone)).toEqual(relationIds(inSubmission));
    expect(evidence(alone)).toEqual(evidence(inSubmission));
  });
});
