// The sentence bank's format (test/fixtures/sentence-bank/): every row parses, ids and sentences are
// unique, every relation joins two entities of its own row with labels its type allows, every label
// and type is in the graph vocabulary, and no sentence comes from the project corpus (the bank must be
// text nobody tuned the extractors to).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../src/model/vocabulary.ts';
import { entitiesNamed, entityLabels, loadSentenceBank, RELATION_ENDPOINTS } from './support/sentence-bank.ts';

const CORPUS_DEV_DIR = fileURLToPath(new URL('../../shared/corpus/dev/', import.meta.url));

const bank = loadSentenceBank();

/** Whitespace folded to single spaces, so a sentence is found whatever the line breaks of a document. */
const folded = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('sentence bank format', () => {
  it('holds at least 300 rows', () => {
    expect(bank.length).toBeGreaterThanOrEqual(300);
  });

  it('has unique ids and unique sentences', () => {
    const ids = bank.map(({ row }) => row.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const texts = bank.map(({ row }) => folded(row.text));
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
  });

  it('uses only entity labels and relation types of the vocabulary', () => {
    const labels = new Set<string>([...ENTITY_LABELS, 'Phase']);
    const types = new Set<string>(RELATIONSHIP_TYPES);
    const bad: string[] = [];
    for (const { line, row } of bank) {
      for (const entity of row.entities) for (const label of entityLabels(entity)) if (!labels.has(label)) bad.push(`line ${line}: label ${label}`);
      for (const relation of row.relations) if (!types.has(relation.type)) bad.push(`line ${line}: type ${relation.type}`);
    }
    expect(bad).toEqual([]);
  });

  it("names every entity as the sentence writes it (implicit ones are the row's registrant)", () => {
    const bad: string[] = [];
    for (const { line, row } of bank) {
      const text = row.text.toLowerCase();
      for (const entity of row.entities) {
        if (entity.implicit === true) continue;
        for (const name of [entity.name, ...(entity.aliases ?? [])]) if (!text.includes(name.toLowerCase())) bad.push(`line ${line}: "${name}" is not in the sentence`);
      }
      const names = row.entities.flatMap((entity) => [entity.name, ...(entity.aliases ?? [])]);
      for (const name of names) if (names.indexOf(name) !== names.lastIndexOf(name)) bad.push(`line ${line}: "${name}" names two entities`);
    }
    expect(bad).toEqual([]);
  });

  it('joins every relation to entities of its own row, with labels its type allows', () => {
    const bad: string[] = [];
    for (const { line, row } of bank) {
      for (const relation of row.relations) {
        const allowed = RELATION_ENDPOINTS[relation.type];
        for (const [end, name] of [
          ['source', relation.source],
          ['target', relation.target],
        ] as const) {
          const named = entitiesNamed(row, name);
          if (named.length === 0) bad.push(`line ${line}: ${relation.type} ${end} "${name}" is no entity of the row`);
          else if (!named.some((entity) => entityLabels(entity).some((label) => allowed[end].includes(label)))) {
            bad.push(`line ${line}: ${relation.type} ${end} "${name}" is not a ${allowed[end].join(' or ')}`);
          }
        }
        if (relation.source === relation.target) bad.push(`line ${line}: ${relation.type} joins "${relation.source}" to itself`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('takes no sentence from the project corpus', () => {
    const corpus = readdirSync(CORPUS_DEV_DIR)
      .filter((file) => file.endsWith('.txt'))
      .map((file) => ({ file, text: folded(readFileSync(join(CORPUS_DEV_DIR, file), 'utf8')) }));
    expect(corpus.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const { line, row } of bank) {
      const sentence = folded(row.text);
      for (const { file, text } of corpus) if (text.includes(sentence)) found.push(`line ${line} (${row.id}) is in ${file}`);
    }
    expect(found).toEqual([]);
  });
});

describe('sentence bank loader', () => {
  it('names the line of a bad row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentence-bank-'));
    const path = join(dir, 'bank.jsonl');
    const good = JSON.stringify({ id: 'sb-0001', source: 'x', text: 'Acme grants Beta a license.', entities: [], relations: [], tags: ['licence'] });
    writeFileSync(path, `${good}\n\n{"id":"sb-0002"}\nnot json\n`);
    expect(() => loadSentenceBank(path)).toThrow(/bank\.jsonl:3: .*source[\s\S]*bank\.jsonl:4: not JSON/);
  });
});
