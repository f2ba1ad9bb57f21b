// Builds a StructuredDocument and DocumentMentions from marked-up sentences, so relation rules can be
// tested without the entity stage: "[Company:Acme] licensed [Drug:AB-101] to [Company:Beta]".
import type { StructuredDocument, SectionKind } from '../../src/model/document.ts';
import type { DocumentMentions, Mention, RelationFact } from '../../src/model/extraction.ts';
import type { EntityLabel } from '../../src/model/vocabulary.ts';
import { extractRelations } from '../../src/extract/relations/index.ts';
import { stageContext } from './knowledge.ts';

export interface MarkedSentence {
  text: string;
  section?: SectionKind;
}

export function buildDoc(
  sentences: (string | MarkedSentence)[],
  options: { asOf?: string; registrant?: string; titles?: Record<string, string> } = {},
): {
  doc: StructuredDocument;
  found: DocumentMentions;
} {
  let text = '';
  const mentions: Mention[] = [];
  const docSentences: StructuredDocument['sentences'] = [];
  sentences.forEach((entry, index) => {
    const { text: marked, section = 'body' } = typeof entry === 'string' ? { text: entry } : entry;
    const start = text.length;
    let plain = '';
    const re = /\[(\w+):([^\]]+)\]/g;
    let last = 0;
    for (let m = re.exec(marked); m; m = re.exec(marked)) {
      plain += marked.slice(last, m.index);
      const label = m[1] as EntityLabel;
      const surface = m[2] ?? '';
      const mention: Mention = { label, start: start + plain.length, end: start + plain.length + surface.length, text: surface, canonical: surface, sentenceIndex: index, rule: 'test' };
      const title = options.titles?.[surface];
      if (title) mention.properties = { title };
      mentions.push(mention);
      plain += surface;
      last = m.index + m[0].length;
    }
    plain += marked.slice(last);
    text += plain;
    docSentences.push({ index, start, end: text.length, section, boilerplate: false });
    text += '\n\n';
  });
  const doc: StructuredDocument = {
    docId: 'test-doc',
    sourcePath: 'test.txt',
    docType: 'text',
    text,
    cleanText: text,
    contentHash: 'test',
    sections: [],
    sentences: docSentences,
  };
  if (options.asOf) doc.asOf = options.asOf;
  if (options.registrant) doc.filing = { form: '8-K', registrants: [{ name: options.registrant }], items: [], exhibits: [] };
  return { doc, found: { mentions, sameAs: [] } };
}

/** Facts as "TYPE source -> target" lines (mention text; phase key for IN_PHASE), sorted and unique. */
export function describe(found: DocumentMentions, facts: RelationFact[]): string[] {
  const name = (i: number): string => found.mentions[i]?.canonical ?? `#${i}`;
  return [...new Set(facts.map((f) => `${f.type} ${name(f.source)} -> ${typeof f.target === 'number' ? name(f.target) : f.target.phase}`))].sort();
}

/** The relation stage run on marked-up sentences: the document, its mentions, the facts and their lines, for tests that look past the lines. */
export function readRelations(sentences: (string | MarkedSentence)[], options: Parameters<typeof buildDoc>[1] = {}): ReturnType<typeof buildDoc> & { facts: RelationFact[]; lines: string[] } {
  const { doc, found } = buildDoc(sentences, options);
  const facts = extractRelations(doc, found, stageContext());
  return { doc, found, facts, lines: describe(found, facts) };
}

/** The relation stage's facts on marked-up sentences, one line each ("LICENSES_TO A -> B"): what most relation tests assert on. */
export function relationLines(sentences: (string | MarkedSentence)[], options: Parameters<typeof buildDoc>[1] = {}): string[] {
  return readRelations(sentences, options).lines;
}
