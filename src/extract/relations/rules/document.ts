// Rules over the whole document rather than one sentence: the components a drug's name spells out
// ("hu7A-DM4" → DM4, "examplezumab-MMAE" → examplezumab; an ADC INN's payload word "vedotin" → MMAE,
// read from data/lexicons/payloads.txt into RelationKnowledge.payloadForms), and the target an ADC
// inherits from its antibody component.
import type { RelationFact } from '../../../model/extraction.ts';
import { foldName } from '../../../text/names.ts';
import type { DocumentContext } from '../context.ts';
import type { RuleWords } from '../word-lists.ts';

export interface DocumentPatterns {
  /** A technology named as a platform ("DXd ADC technology"). */
  readonly platformWord: RegExp;
}

export function compileDocumentPatterns(words: RuleWords): DocumentPatterns {
  return Object.freeze({ platformWord: new RegExp(`\\b(?:${words.alternation('platform.word')})\\b`, 'i') });
}

function usable(dc: DocumentContext, sentenceIndex: number): boolean {
  const s = dc.doc.sentences[sentenceIndex];
  return s !== undefined && s.section !== 'forwardLooking';
}

export function documentRules(dc: DocumentContext, facts: readonly RelationFact[]): RelationFact[] {
  const out: RelationFact[] = [];
  const { mentions } = dc.found;
  const { payloadForms, rules } = dc.knowledge.relations;
  // Folded name → first mention index, per label, for parts of code names.
  const byName = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug' && m.label !== 'Technology') return;
    for (const form of [m.canonical, m.text]) {
      const key = `${m.label}|${foldName(form)}`;
      if (!byName.has(key)) byName.set(key, i);
    }
  });
  // Technologies the document names as a platform in at least one mention ("DXd ADC technology").
  const platforms = new Set<number>();
  mentions.forEach((m, i) => {
    if (m.label === 'Technology' && rules.document.platformWord.test(m.text)) platforms.add(dc.entityOf[i] ?? i);
  });
  const seen = new Set<string>();
  const add = (source: number, target: number, sentenceIndex: number, rule: string, confidence: number): void => {
    const key = `${dc.entityOf[source]}>${dc.entityOf[target]}|${rule}`;
    if (seen.has(key) || dc.entityOf[source] === dc.entityOf[target] || !usable(dc, sentenceIndex)) return;
    seen.add(key);
    // A payload named as a whole platform ("DXd ADC technology") is the technology the drug uses, not a part of it.
    const platform = platforms.has(dc.entityOf[target] ?? target);
    if (platform) out.push({ type: 'USES_TECHNOLOGY', source, target, properties: {}, sentenceIndex, rule: rule.replace(/^has_component\./, 'uses_technology.'), confidence });
    else out.push({ type: 'HAS_COMPONENT', source, target, properties: {}, sentenceIndex, rule, confidence });
  };
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    // "hu7A-DM4": a hyphenated code name whose part is a payload or an antibody named in the document.
    const parts = m.canonical.split(/[-\s]+/).filter((p) => p.length >= 2);
    if (parts.length >= 2 && /-/.test(m.canonical)) {
      for (const part of parts) {
        const tech = byName.get(`Technology|${foldName(part)}`);
        if (tech !== undefined) add(i, tech, m.sentenceIndex, 'has_component.code_name', 0.7);
        const antibody = byName.get(`Drug|${foldName(part)}`);
        if (antibody !== undefined && /mab$/i.test(part)) add(i, antibody, m.sentenceIndex, 'has_component.code_name', 0.7);
      }
    }
    // "ladiratuzumab vedotin": the INN's second word names the payload.
    const words = m.canonical.split(/\s+/);
    if (words.length >= 2) {
      const forms = payloadForms.get(foldName(words[words.length - 1] ?? ''));
      for (const form of forms ?? []) {
        const tech = byName.get(`Technology|${form}`);
        if (tech !== undefined) add(i, tech, m.sentenceIndex, 'has_component.inn_payload_word', 0.7);
      }
    }
  });
  // An ADC binds what its antibody binds: X HAS_COMPONENT antibody A, A TARGETS T ⇒ X TARGETS T.
  const components = [...facts, ...out].filter((f) => f.type === 'HAS_COMPONENT' && typeof f.target === 'number' && mentions[f.target]?.label === 'Drug');
  const targets = facts.filter((f) => f.type === 'TARGETS');
  for (const c of components) {
    for (const t of targets) {
      if (typeof c.target !== 'number' || typeof t.target !== 'number' || dc.entityOf[t.source] !== dc.entityOf[c.target]) continue;
      const key = `${dc.entityOf[c.source]}>${dc.entityOf[t.target]}|targets`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ type: 'TARGETS', source: c.source, target: t.target, properties: {}, sentenceIndex: t.sentenceIndex, rule: 'targets.via_antibody_component', confidence: 0.6 });
    }
  }
  return out;
}
