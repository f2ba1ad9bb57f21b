// The recall audit (`npm run eval -- --unexplained`): sentences that look like they state a deal fact
// (money, a deal or development word, a trial phase) but that no extracted relation cites as evidence.
// Works on any structured document and its relationships; gold annotations play no part.
import type { Relationship, StructuredDocument } from '../../src/index.ts';
import type { DocumentEvaluation } from './run.ts';

/**
 * What makes a sentence worth a look. Tooling for the audit, not extraction knowledge: the extractors
 * never read these.
 */
export const AUDIT_TRIGGERS = {
  /** A currency amount: symbol or ISO code before a number ("$5 million", "€10m", "USD 20 million"), or a currency word after it. */
  money: /(?:US\$|\$|€|£|¥|\b(?:USD|EUR|GBP|JPY|CHF|CNY|RMB|KRW|CAD|AUD)\s?)\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|mn|bn|m|k)\b)?|\b\d[\d,.]*\s?(?:million|billion)?\s?(?:dollars|euros|USD|EUR)\b/i,
  /** Deal and development words, with their plural and inflected forms. */
  deal: [
    'license',
    'licenses',
    'licensed',
    'licensing',
    'licence',
    'licences',
    'licenced',
    'granted',
    'acquire',
    'acquires',
    'acquired',
    'acquisition',
    'acquisitions',
    'merger',
    'collaboration',
    'collaborations',
    'partnership',
    'partnerships',
    'agreement',
    'agreements',
    'milestone',
    'milestones',
    'upfront',
    'up-front',
    'royalty',
    'royalties',
    'develop',
    'develops',
    'developed',
    'developing',
    'option',
    'options',
  ],
  /** A trial phase: Phase 1/2/3, Phase I/II/III, with a/b suffixes and ranges (Phase 1b/2a, Phase I/II). */
  phase: /\bphase\s*(?:[1-3]|i{1,3})[ab]?(?:\s*\/\s*(?:[1-3]|i{1,3})[ab]?)?\b/i,
  /** Safe-harbour text, skipped where the structure stage did not mark it as such. */
  forwardLooking: /forward-looking/i,
} as const;

const DEAL = new RegExp(`(?<![\\w-])(?:${AUDIT_TRIGGERS.deal.map((w) => w.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`, 'i');

export type TriggerKind = 'money' | 'deal' | 'phase';

export interface UnexplainedSentence {
  docId: string;
  start: number;
  end: number;
  kinds: TriggerKind[];
  /** The sentence, white space collapsed. */
  text: string;
}

/** Which triggers a sentence carries, in the order money, deal, phase. */
export function triggers(sentence: string): TriggerKind[] {
  const kinds: TriggerKind[] = [];
  if (AUDIT_TRIGGERS.money.test(sentence)) kinds.push('money');
  if (DEAL.test(sentence)) kinds.push('deal');
  if (AUDIT_TRIGGERS.phase.test(sentence)) kinds.push('phase');
  return kinds;
}

/**
 * The document's triggering sentences that no relationship's evidence points at (an evidence span of
 * this document overlapping the sentence). Forward-looking sentences are skipped.
 */
export function unexplainedSentences(document: StructuredDocument, relationships: readonly Relationship[]): UnexplainedSentence[] {
  const spans = relationships.flatMap((r) => r.evidence).filter((ev) => ev.docId === document.docId);
  const out: UnexplainedSentence[] = [];
  for (const s of document.sentences) {
    if (s.section === 'forwardLooking') continue;
    const text = document.cleanText.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    if (text === '' || AUDIT_TRIGGERS.forwardLooking.test(text)) continue;
    const kinds = triggers(text);
    if (kinds.length === 0) continue;
    if (spans.some((ev) => ev.start < s.end && s.start < ev.end)) continue;
    out.push({ docId: document.docId, start: s.start, end: s.end, kinds, text });
  }
  return out;
}

export interface DocumentAudit {
  /** The document's file name, as the eval reports print it. */
  name: string;
  sentences: UnexplainedSentence[];
}

/** The audit of each evaluated document: every structured document of the file against all its relationships. */
export function auditDocuments(documents: readonly DocumentEvaluation[]): DocumentAudit[] {
  return documents.map((d) => {
    const relationships = d.extractions.flatMap((x) => x.graph.relationships);
    return { name: d.name, sentences: d.extractions.flatMap((x) => unexplainedSentences(x.document, relationships)) };
  });
}

export function formatAudit(audits: readonly DocumentAudit[]): string {
  const lines: string[] = [];
  for (const a of audits) {
    lines.push(`== ${a.name}`);
    for (const s of a.sentences) {
      const text = s.text.length > 200 ? `${s.text.slice(0, 199)}…` : s.text;
      lines.push(`  - [${s.kinds.join('|')}] ${text}`);
    }
  }
  lines.push('', 'unexplained sentences per document:');
  let total = 0;
  for (const a of audits) {
    total += a.sentences.length;
    lines.push(`${String(a.sentences.length).padStart(5)}  ${a.name}`);
  }
  lines.push(`total: ${total} unexplained sentence(s) in ${audits.length} document(s)`);
  return `${lines.join('\n')}\n`;
}
