// Resolvable provenance: `kg extract --format json` carries each document's text (`documents[].text`),
// and every offset of the graph indexes it. Over the whole corpus (plain text, EDGAR HTML, full
// submissions): each relationship's evidence slices to its sentence, each entity mention lies inside
// its document's text. `--no-text` leaves the text out and nothing else; the Neo4j write plan (and so
// the Cypher script) stores it on the Document node.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../src/cli.ts';
import { extractGraph } from '../src/pipeline.ts';
import { Graph, withoutDocumentText } from '../src/model/graph.ts';
import { toJson } from '../src/writers/json.ts';
import { splitByDocument, writeStatements } from '../src/writers/write-plan.ts';
import { CORPUS_INPUTS } from './support/corpus.ts';
import { knowledge } from './support/knowledge.ts';

const SAMPLE = join(import.meta.dirname, '..', 'data', 'sample', 'immunogen-8k-2007-07-31.txt');

async function kg(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('documents[].text: what the offsets index', () => {
  it('covers the corpus: every evidence slices its document text to the evidence sentence, every mention lies inside it', async () => {
    expect(CORPUS_INPUTS.length).toBeGreaterThan(85);
    const { graph, failures } = await extractGraph(CORPUS_INPUTS, { knowledge });
    expect(failures).toEqual([]);
    // Through the exchange format as printed, not the in-memory graph.
    const printed = Graph.parse(JSON.parse(toJson(graph)));
    const texts = new Map(printed.documents.map((d) => [d.docId, d.text]));
    expect([...texts.values()].every((t) => typeof t === 'string' && t.length > 0)).toBe(true);

    let evidenceChecked = 0;
    const wrong: string[] = [];
    for (const r of printed.relationships) {
      for (const e of r.evidence) {
        const text = texts.get(e.docId);
        evidenceChecked += 1;
        if (text === undefined) wrong.push(`${e.docId}: no document`);
        else if (e.end > text.length || e.start >= e.end) wrong.push(`${e.docId} ${e.start}-${e.end}: outside its text (${text.length})`);
        else if (text.slice(e.start, e.end) !== e.sentence) wrong.push(`${e.docId} ${e.start}-${e.end}: slice differs from "${e.sentence.slice(0, 60)}"`);
      }
    }
    let mentionsChecked = 0;
    for (const entity of printed.entities) {
      for (const m of entity.mentions) {
        const text = texts.get(m.docId);
        mentionsChecked += 1;
        if (text === undefined || m.end > text.length || m.start >= m.end || text.slice(m.start, m.end).trim() === '') wrong.push(`${entity.key} in ${m.docId} ${m.start}-${m.end}: not a span of the text`);
      }
    }
    expect(wrong).toEqual([]);
    // The corpus has hundreds of facts; a near-empty count would mean the check checked nothing.
    expect(evidenceChecked).toBeGreaterThan(300);
    expect(mentionsChecked).toBeGreaterThan(1000);
  });

  it('kg extract prints the text by default and leaves it out with --no-text, nothing else changing', async () => {
    const withText = await kg('extract', SAMPLE);
    const withoutText = await kg('extract', '--no-text', SAMPLE);
    expect([withText.code, withoutText.code]).toEqual([0, 0]);
    const full = Graph.parse(JSON.parse(withText.out));
    const bare = Graph.parse(JSON.parse(withoutText.out));
    expect(full.documents[0]?.text?.length).toBeGreaterThan(1000);
    expect(bare.documents[0]).not.toHaveProperty('text');
    expect(bare).toEqual(withoutDocumentText(full));

    const cypherWith = await kg('extract', '--format', 'cypher', SAMPLE);
    const cypherWithout = await kg('extract', '--format', 'cypher', '--no-text', SAMPLE);
    expect(cypherWith.out.length - cypherWithout.out.length).toBeGreaterThan(1000);
  });

  it('stores the text on the Document node (write plan: a parameter, never Cypher text)', async () => {
    const { graph } = await extractGraph([SAMPLE], { knowledge });
    const [part] = splitByDocument(graph);
    if (!part) throw new Error('no document');
    const merge = writeStatements(part).find((s) => s.name === 'write/document-merge');
    const document = merge?.params['document'];
    expect(document !== null && typeof document === 'object' && !Array.isArray(document) && 'text' in document ? document['text'] : undefined).toBe(part.documents[0]?.text);
    expect(merge?.cypher).not.toContain('ImmunoGen');
  });
});
