// The word lists of the relation rules' own patterns (data/patterns/relation-words.tsv): the nouns,
// verbs and abbreviations a rule's regular expression used to spell inline ("inhibitors|inducers|
// substrates"). The grammar of each pattern stays in the rule's code; the words come from the data,
// and each rule file compiles its patterns from them once, in the knowledge loader.
import { escapeRegex } from '../../text/regex.ts';

export const RULE_WORDS_FILE = 'patterns/relation-words.tsv';

/** Every list the rules compile, so a list name in the data file that is not one of these is an error. */
export const RULE_WORD_LISTS = [
  // context.ts
  'registrant.self',
  'announce',
  'abbreviation',
  'parties',
  'deal.noun',
  // anatomy.ts
  'drug_class.plural',
  'interaction',
  'component.verb',
  'component.anaphor',
  'target.class_head',
  // clinical.ts
  'phase.cue',
  'trial.noun',
  'trial.object',
  'trial.endpoint',
  'trial.referent',
  'trial.referent_opener',
  'indication.referred_predicate',
  'indication.referent_opener',
  'combination.lead',
  'combination.comparator',
  'investor.noun',
  'investor.stop',
  'investor.parent',
  'round.name',
  'disease.qualifier',
  'disease.marker',
  'population.word',
  'program.after',
  // deals.ts
  'takeover.not',
  'security.whole',
  'acquire.pending',
  'acquire.completed',
  'acquire.option',
  'partner.noun',
  // development.ts
  'partner.after',
  'program.noun',
  'candidate.word',
  'drug.kind',
  'pipeline.includes',
  'development.lead',
  // document.ts
  'platform.word',
  'pipeline.context',
  'pipeline.partner',
  'pipeline.regimen',
  'pipeline.owner_after',
  'pipeline.negation',
  // licensing.ts
  'contract_right',
  'program.quantity',
  'program.list_noun',
  'licence.income',
  'licence.party_relative',
  // payments.ts
  'payment.noun',
  'pay.receive',
  'milestone.trigger',
  // people.ts
  'speech',
  'speech.attribution',
  'contact.label',
  'title.modifier',
  'employ.join',
] as const;

export type RuleWordList = (typeof RULE_WORD_LISTS)[number];

export interface RuleWordRow {
  list: RuleWordList;
  word: string;
}

/** How a word becomes part of a pattern. */
export interface AlternationOptions {
  /** A space in a word matches one space only (default: any run of whitespace, `\s+`). */
  literalSpaces?: boolean;
}

/** The rule word lists, in file order (the order of an alternation can decide what a pattern matches). */
export class RuleWords {
  private readonly byList = new Map<RuleWordList, string[]>();

  constructor(rows: readonly RuleWordRow[]) {
    for (const { list, word } of rows) {
      const words = this.byList.get(list);
      if (words) words.push(word);
      else this.byList.set(list, [word]);
    }
  }

  /** The words of a list as written. Every declared list has words (the loader checks). */
  words(list: RuleWordList): readonly string[] {
    return this.byList.get(list) ?? [];
  }

  /** Lists the rules declare that the file gives no word. */
  missing(): RuleWordList[] {
    return RULE_WORD_LISTS.filter((list) => !this.byList.has(list));
  }

  /**
   * The list as the body of a regex alternation, in file order: each word escaped, a space matching
   * any whitespace run, a trailing `*` matching the rest of the word (`\w*`).
   */
  alternation(list: RuleWordList, options: AlternationOptions = {}): string {
    return this.words(list)
      .map((word) => {
        const wildcard = word.endsWith('*');
        const body = escapeRegex(wildcard ? word.slice(0, -1) : word).replace(/ +/g, options.literalSpaces ? ' ' : '\\s+');
        return wildcard ? `${body}\\w*` : body;
      })
      .join('|');
  }

  /** The list as a set of exact strings (for a word compared whole, as a rule's regex `^(?:…)$` did). */
  set(list: RuleWordList): ReadonlySet<string> {
    return new Set(this.words(list));
  }
}
