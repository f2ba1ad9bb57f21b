// Knowledge of the relations stage, read from data/ and compiled once (see index.ts): the trigger
// phrase groups (one phrase trie), job-title words, money and phase tables, generic disease names,
// ADC payload names, and the patterns each rule file compiles from its word lists. Every file is read
// through a zod row schema, so a typo (an unknown trigger group, a currency position, a phase key)
// fails at load time naming `data/<file>:<line>`.
import { z } from 'zod';
import { KgError } from '../errors.ts';
import { PhaseKey } from '../model/vocabulary.ts';
import { foldName } from '../text/names.ts';
import { PhraseTrie } from '../text/phrase-trie.ts';
import { TRIGGER_GROUPS, TRIGGERS_FILE, TriggerLexicon, type TriggerGroup } from '../extract/relations/lexicon.ts';
import { RULE_WORD_LISTS, RULE_WORDS_FILE, RuleWords } from '../extract/relations/word-lists.ts';
import { compileMoneyPatterns, type MoneyPatterns } from '../extract/relations/money.ts';
import { compilePhasePatterns, type PhasePatterns } from '../extract/relations/phase.ts';
import { compileContextPatterns, type ContextPatterns } from '../extract/relations/context.ts';
import { compileAnatomyPatterns, type AnatomyPatterns } from '../extract/relations/rules/anatomy.ts';
import { compileClinicalPatterns, type ClinicalPatterns } from '../extract/relations/rules/clinical.ts';
import { compileDealPatterns, type DealPatterns } from '../extract/relations/rules/deals.ts';
import { compileDevelopmentPatterns, type DevelopmentPatterns } from '../extract/relations/rules/development.ts';
import { compileDocumentPatterns, type DocumentPatterns } from '../extract/relations/rules/document.ts';
import { compileLicensingPatterns, type LicensingPatterns } from '../extract/relations/rules/licensing.ts';
import { compilePaymentPatterns, type PaymentPatterns } from '../extract/relations/rules/payments.ts';
import { compilePeoplePatterns, type PeoplePatterns } from '../extract/relations/rules/people.ts';
import type { DataFiles } from './files.ts';
import type { PayloadRow, SharedLexicons } from './shared-lexicons.ts';

/** The patterns of the sentence context and of each rule file, compiled from data/patterns/relation-words.tsv. */
export interface RulePatterns {
  readonly context: ContextPatterns;
  readonly anatomy: AnatomyPatterns;
  readonly clinical: ClinicalPatterns;
  readonly deals: DealPatterns;
  readonly development: DevelopmentPatterns;
  readonly document: DocumentPatterns;
  readonly licensing: LicensingPatterns;
  readonly payments: PaymentPatterns;
  readonly people: PeoplePatterns;
}

export interface RelationKnowledge {
  /** The trigger phrase groups of the rules (data/patterns/relation-triggers.tsv). */
  readonly triggers: TriggerLexicon;
  /** Job-title words ("chief", "president", "CEO"): `titleWords.test(text)` (data/patterns/title-words.txt). */
  readonly titleWords: PhraseTrie;
  /** Currency forms and money words (data/patterns/currencies.tsv, money-words.tsv). */
  readonly money: MoneyPatterns;
  /** Phase numerals and words (data/patterns/phases.tsv). */
  readonly phases: PhasePatterns;
  /** Folded disease names too broad to stand next to a specific one (trigger group disease.generic). */
  readonly genericDiseases: ReadonlySet<string>;
  /** ADC payload word or alias (folded) → every folded name of that payload (data/lexicons/payloads.txt). */
  readonly payloadForms: ReadonlyMap<string, readonly string[]>;
  /** The rules' own patterns. */
  readonly rules: RulePatterns;
}

const Text = z.string().min(1);

const TriggerRow = z.object({
  group: z.enum(TRIGGER_GROUPS, { error: (issue) => `"${String(issue.input)}" is no trigger group a rule reads (see TRIGGER_GROUPS in src/extract/relations/lexicon.ts)` }),
  phrase: Text,
});

const CurrencyRow = z.object({
  form: Text,
  iso: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code is three capital letters'),
  position: z.enum(['prefix', 'suffix', 'both']),
});

const Count = z.string().regex(/^\d+$/, 'a whole number').transform(Number);

const MoneyWordRow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scale'), word: Text, value: Count }),
  z.object({ kind: z.literal('qualifier'), word: Text, value: z.enum(['up_to', 'approximately', 'at_least']) }),
  z.object({ kind: z.literal('per'), word: Text, value: Text }),
]);

const PhaseRow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeral'),
    form: Text,
    value: z
      .string()
      .regex(/^[0-4]$/, 'a phase number 0-4')
      .transform(Number),
  }),
  z.object({ kind: z.literal('word'), form: Text, value: PhaseKey }),
]);

const RuleWordRow = z.object({
  list: z.enum(RULE_WORD_LISTS, { error: (issue) => `"${String(issue.input)}" is no word list a rule reads (see RULE_WORD_LISTS in src/extract/relations/word-lists.ts)` }),
  word: Text,
});

function invalid(path: string, problem: string): KgError {
  return new KgError('CONFIG_INVALID', `data/${path}: ${problem}`, { subject: 'knowledge' });
}

function loadTriggers(files: DataFiles): TriggerLexicon {
  const byGroup = new Map<TriggerGroup, string[]>();
  for (const { group, phrase } of files.tsv(TRIGGERS_FILE, ['group', 'phrase'], TriggerRow)) {
    const list = byGroup.get(group);
    if (list) list.push(phrase);
    else byGroup.set(group, [phrase]);
  }
  const missing = TRIGGER_GROUPS.filter((group) => !byGroup.has(group));
  if (missing.length > 0) throw invalid(TRIGGERS_FILE, `the rules read trigger groups with no phrase: ${missing.join(', ')}`);
  return new TriggerLexicon(byGroup);
}

function loadRuleWords(files: DataFiles): RuleWords {
  const words = new RuleWords(files.tsv(RULE_WORDS_FILE, ['list', 'word'], RuleWordRow));
  const missing = words.missing();
  if (missing.length > 0) throw invalid(RULE_WORDS_FILE, `the rules read word lists with no word: ${missing.join(', ')}`);
  return words;
}

function payloadForms(payloads: readonly PayloadRow[]): Map<string, readonly string[]> {
  const formsOf = new Map<string, readonly string[]>();
  for (const { name, aliases } of payloads) {
    const forms = [name, ...aliases].map((f) => foldName(f)).filter((f) => f !== '');
    for (const f of forms) formsOf.set(f, forms);
  }
  return formsOf;
}

/** The relation rules' knowledge; `shared` holds the lexicons other stages read too (read once by loadKnowledge). */
export function loadRelationKnowledge(files: DataFiles, shared: SharedLexicons): RelationKnowledge {
  const triggers = loadTriggers(files);
  const words = loadRuleWords(files);
  const money = compileMoneyPatterns(files.tsv('patterns/currencies.tsv', ['form', 'iso', 'position'], CurrencyRow), files.tsv('patterns/money-words.tsv', ['kind', 'word', 'value'], MoneyWordRow));
  const phases = compilePhasePatterns(files.tsv('patterns/phases.tsv', ['kind', 'form', 'value'], PhaseRow));
  const rules: RulePatterns = Object.freeze({
    context: compileContextPatterns(words),
    anatomy: compileAnatomyPatterns(words, triggers),
    clinical: compileClinicalPatterns(words),
    deals: compileDealPatterns(words),
    development: compileDevelopmentPatterns(words),
    document: compileDocumentPatterns(words),
    licensing: compileLicensingPatterns(words),
    payments: compilePaymentPatterns(words),
    people: compilePeoplePatterns(words),
  });
  return Object.freeze({
    triggers,
    titleWords: new PhraseTrie(new Map([['title', files.lines('patterns/title-words.txt')]])),
    money,
    phases,
    genericDiseases: new Set(triggers.phrases('disease.generic').map((phrase) => foldName(phrase))),
    payloadForms: payloadForms(shared.payloads),
    rules,
  });
}
