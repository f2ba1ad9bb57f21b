// Trigger lexicons of the relation rules: the phrase groups of data/patterns/relation-triggers.tsv,
// compiled by the knowledge loader into one phrase trie (src/text/phrase-trie.ts), so each sentence is
// swept once for all groups. A sentence's hits are read through a `TriggerReader` the relation stage
// makes per sentence (SentenceContext.triggers); questions about any other text scan it afresh.
// `compilePhrases` keeps the same phrase semantics as a regular expression, for patterns that embed a
// phrase list.
import { KgError } from '../../errors.ts';
import { PhraseTrie } from '../../text/phrase-trie.ts';
import { escapeRegex } from '../../text/regex.ts';

export interface Hit {
  start: number;
  end: number;
  /** The matched text, lower-cased. */
  text: string;
}

export const TRIGGERS_FILE = 'patterns/relation-triggers.tsv';

/**
 * Every trigger group the relation rules read, so a group name in the data file or in a rule that is
 * not one of these is an error (at load time for the file, at compile time for the rules).
 */
export const TRIGGER_GROUPS = [
  'hedge.potential',
  'hedge.expected',
  'negation',
  'develops.passive',
  'develops.passive_with',
  'develops.drug_development',
  'develops.possessive',
  'develops.pipeline',
  'develops.active',
  'develops.noun',
  'owned.passive',
  'owned.modifier',
  'license.grant',
  'license.receive',
  'license.obtain',
  'license.noun',
  'license.exclusive',
  'license.nonexclusive',
  'license.territory',
  'license.field',
  'collaborate',
  'acquire',
  'acquire.passive',
  'acquire.cvr',
  'option',
  'option.exercise',
  'milestone',
  'earn',
  'pay',
  'investor.cue',
  'investor.list',
  'financing',
  'kind.upfront',
  'kind.equity',
  'kind.royalty',
  'kind.milestone',
  'kind.license_fee',
  'kind.option_exercise',
  'kind.research_funding',
  'indication',
  'indication.program',
  'indication.received',
  'approval',
  'approval.pending',
  'approval.other',
  'phase.started',
  'phase.completed',
  'phase.enrolled',
  'phase.expected',
  'component',
  'target.before',
  'target.after',
  'uses_tech',
  'uses_tech.after',
  'trademark',
  'brand.mark',
  'registrant.pronoun',
  'registrant.possessive',
  'disease.generic',
] as const;

export type TriggerGroup = (typeof TRIGGER_GROUPS)[number];

const WORDY = /[\p{L}\p{N}]/u;

/** One phrase as a regex source: whole words, flexible whitespace, trailing `*` for any word ending. */
export function phraseSource(phrase: string): string {
  const wildcard = phrase.endsWith('*');
  const body = wildcard ? phrase.slice(0, -1) : phrase;
  let source = body
    .split(/\s+/)
    .map((part) => escapeRegex(part))
    .join('\\s+');
  if (wildcard) source += '[\\p{L}\\p{N}-]*';
  const first = body[0] ?? '';
  const last = body[body.length - 1] ?? '';
  const lead = WORDY.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const trail = !wildcard && WORDY.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${lead}${source}${trail}`;
}

/** A compiled alternation of phrases (longest first, so "licensed from" wins over "licensed"). */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(sorted.map(phraseSource).join('|'), 'giu');
}

/** Questions about the trigger phrases in one text. */
export interface TriggerReader {
  readonly text: string;
  /** Every match of a group in text[from, to) (non-overlapping, left to right). */
  findAll(group: TriggerGroup, from?: number, to?: number): readonly Hit[];
  /** The first match of a group in text[from, to), or undefined. */
  findFirst(group: TriggerGroup, from?: number, to?: number): Hit | undefined;
  hasAny(group: TriggerGroup, from?: number, to?: number): boolean;
}

const NO_HITS: readonly Hit[] = Object.freeze([]);

/**
 * The compiled trigger groups: built once by the knowledge loader, read by every sentence. Every group
 * is in one trie: a sentence is swept once for all of them, and a question about another text sweeps
 * that text (usually a short stretch) the same way. A group's matches do not depend on the other
 * groups in the trie, so the answer is the group's own.
 */
export class TriggerLexicon {
  private readonly trie: PhraseTrie;

  constructor(readonly phrasesOfGroup: ReadonlyMap<TriggerGroup, readonly string[]>) {
    this.trie = new PhraseTrie(phrasesOfGroup);
  }

  /** The phrases of a group as written in the data file. */
  phrases(group: TriggerGroup): readonly string[] {
    const phrases = this.phrasesOfGroup.get(group);
    if (!phrases) throw unknownGroup(group);
    return phrases;
  }

  /** The group's matches in text[from, to) as if that stretch were the whole text. */
  findAll(group: TriggerGroup, text: string, from = 0, to = text.length): readonly Hit[] {
    const g = this.trie.groupIndex(group);
    if (g === undefined) throw unknownGroup(group);
    return this.trie.sweep(text, from, to)[g] ?? NO_HITS;
  }

  findFirst(group: TriggerGroup, text: string, from = 0, to = text.length): Hit | undefined {
    return this.findAll(group, text, from, to)[0];
  }

  hasAny(group: TriggerGroup, text: string, from = 0, to = text.length): boolean {
    return this.findAll(group, text, from, to).length > 0;
  }

  /** A reader that scans `text` afresh for every question (for text other than a whole sentence). */
  reader(text: string): TriggerReader {
    return {
      text,
      findAll: (group, from = 0, to = text.length) => this.findAll(group, text, from, to),
      findFirst: (group, from = 0, to = text.length) => this.findFirst(group, text, from, to),
      hasAny: (group, from = 0, to = text.length) => this.hasAny(group, text, from, to),
    };
  }

  /**
   * A reader for one sentence: the first question sweeps the sentence once for every group, and every
   * later question, however many rules and helpers ask, is answered from that sweep. Questions about
   * a stretch of the sentence are answered from the whole-sentence matches that lie inside it.
   */
  sentence(text: string): TriggerReader {
    return new SentenceTriggers(this.trie, text);
  }
}

class SentenceTriggers implements TriggerReader {
  private hits: (Hit[] | undefined)[] | undefined;

  constructor(
    private readonly trie: PhraseTrie,
    readonly text: string,
  ) {}

  private groupHits(group: TriggerGroup): readonly Hit[] {
    const g = this.trie.groupIndex(group);
    if (g === undefined) throw unknownGroup(group);
    this.hits ??= this.trie.sweep(this.text);
    return this.hits[g] ?? NO_HITS;
  }

  findAll(group: TriggerGroup, from = 0, to = this.text.length): readonly Hit[] {
    const hits = this.groupHits(group);
    if (from === 0 && to >= this.text.length) return hits;
    return hits.filter((h) => h.start >= from && h.end <= to);
  }

  findFirst(group: TriggerGroup, from = 0, to = this.text.length): Hit | undefined {
    const hits = this.groupHits(group);
    if (from === 0 && to >= this.text.length) return hits[0];
    return hits.find((h) => h.start >= from && h.end <= to);
  }

  hasAny(group: TriggerGroup, from = 0, to = this.text.length): boolean {
    const hits = this.groupHits(group);
    return from === 0 && to >= this.text.length ? hits.length > 0 : hits.some((h) => h.start >= from && h.end <= to);
  }
}

function unknownGroup(group: string): KgError {
  return new KgError('CONFIG_INVALID', `trigger group "${group}" is not defined in data/${TRIGGERS_FILE}; add its phrases there`);
}
