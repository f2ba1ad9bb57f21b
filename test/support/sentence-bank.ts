// The sentence bank (test/fixtures/sentence-bank/bank.jsonl): real sentences of the field, gathered
// from public text outside the project corpus and annotated by hand with the facts each one states.
// Nobody tuned the extractors to it, so it checks that extraction rules generalise. This module is
// its row schema and its loader; every line is parsed and checked, and a bad line is named by number.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ENTITY_LABELS, EntityLabel, PhaseKey, RelationshipType } from '../../src/model/vocabulary.ts';

export const SENTENCE_BANK_PATH = fileURLToPath(new URL('../fixtures/sentence-bank/bank.jsonl', import.meta.url));

/**
 * Entity types a bank row may use: the graph's entity labels, plus `Phase` for the end node of an
 * `IN_PHASE` relation (the graph keys phases as PHASE_1, PHASE_2, …; the row gives that key).
 */
export const BankEntityType = z.enum([...ENTITY_LABELS, 'Phase']);
export type BankEntityType = z.infer<typeof BankEntityType>;

const Name = z
  .string()
  .min(1)
  .refine((name) => name === name.trim(), 'a name has no leading or trailing space');

export const BankEntity = z
  .object({
    type: BankEntityType,
    /** The fullest form the sentence uses. */
    name: Name,
    /** Other forms the sentence itself gives (a defined short name, a ticker, a code name). */
    aliases: z.array(Name).optional(),
    /** Further labels that are also right (an agency that licenses like a company). */
    alsoTypes: z.array(EntityLabel).optional(),
    /** The phase key, for `Phase` entities only. */
    phase: PhaseKey.optional(),
    /** Neither rewarded nor penalised (a generic class used as a name). */
    optional: z.boolean().optional(),
    /**
     * Not written in the sentence: the row's `context.registrant`, which the sentence calls only "we",
     * "us", "our" or "the Company". Only an extractor told the registrant can find it.
     */
    implicit: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((entity, context) => {
    if ((entity.type === 'Phase') !== (entity.phase !== undefined)) {
      context.addIssue({ code: 'custom', path: ['phase'], message: 'a Phase entity, and only a Phase entity, carries a phase key' });
    }
  });
export type BankEntity = z.infer<typeof BankEntity>;

/** Money and the other usual relation properties, as in the corpus gold format; anything else is free. */
export const BankRelationProps = z
  .object({
    amount: z.number().nonnegative().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code')
      .optional(),
    qualifier: z.enum(['exact', 'up_to', 'approximately', 'at_least']).optional(),
    kind: z.string().optional(),
    status: z.string().optional(),
    exclusive: z.boolean().optional(),
    title: z.string().optional(),
  })
  .catchall(z.unknown());

export const BankRelation = z
  .object({
    type: RelationshipType,
    source: Name,
    target: Name,
    props: BankRelationProps.optional(),
    /** Needs reading between the lines: an extractor may produce it without penalty. */
    optional: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type BankRelation = z.infer<typeof BankRelation>;

/** What the source document tells a reader of the sentence (an 8-K's filer, a release's issuer). */
export const BankContext = z
  .object({
    /** The company "we", "us", "our" and "the Company" denote in the source document. */
    registrant: Name,
  })
  .strict();

export const BankRow = z
  .object({
    id: z.string().regex(/^sb-\d{4}$/, 'ids read sb-0001, sb-0002, …'),
    /** Where the sentence was found: a URL, or owner/repo:path (with the row or record inside it). */
    source: z.string().min(1),
    /** The sentence, verbatim. */
    text: z.string().min(1),
    entities: z.array(BankEntity),
    relations: z.array(BankRelation),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case words joined by -')).min(1),
    context: BankContext.optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((row, context) => {
    row.entities.forEach((entity, index) => {
      if (entity.implicit === true && entity.name !== row.context?.registrant) {
        context.addIssue({ code: 'custom', path: ['entities', index, 'implicit'], message: "an implicit entity is the row's context.registrant" });
      }
    });
  });
export type BankRow = z.infer<typeof BankRow>;

/** A bank row with the line of the file it came from. */
export interface NumberedBankRow {
  readonly line: number;
  readonly row: BankRow;
}

/** Labels each relation type may start and end at (an entity matches by its type or one of its alsoTypes). */
export const RELATION_ENDPOINTS: Readonly<Record<RelationshipType, { readonly source: readonly BankEntityType[]; readonly target: readonly BankEntityType[] }>> = {
  LICENSES_TO: { source: ['Company', 'Organization'], target: ['Company', 'Organization'] },
  LICENSES: { source: ['Company', 'Organization'], target: ['Drug', 'Technology'] },
  DEVELOPS: { source: ['Company', 'Organization'], target: ['Drug', 'Technology'] },
  EARNED_MILESTONE: { source: ['Company', 'Organization'], target: ['Company', 'Organization'] },
  COLLABORATES_WITH: { source: ['Company', 'Organization'], target: ['Company', 'Organization'] },
  OWNS: { source: ['Company', 'Organization'], target: ['Drug', 'Technology'] },
  TARGETS: { source: ['Drug', 'Technology'], target: ['Target'] },
  STUDIED_FOR: { source: ['Drug', 'Technology'], target: ['Disease'] },
  APPROVED_FOR: { source: ['Drug', 'Technology'], target: ['Disease'] },
  IN_PHASE: { source: ['Drug', 'Technology'], target: ['Phase'] },
  HAS_COMPONENT: { source: ['Drug'], target: ['Drug', 'Technology'] },
  USES_TECHNOLOGY: { source: ['Drug'], target: ['Technology'] },
  EMPLOYS: { source: ['Company', 'Organization'], target: ['Person'] },
  TRADEMARK_OF: { source: ['Drug', 'Technology'], target: ['Company'] },
  BRAND_OF: { source: ['Drug'], target: ['Drug'] },
  ACQUIRES: { source: ['Company'], target: ['Company', 'Drug', 'Technology'] },
  HAS_OPTION_ON: { source: ['Company', 'Organization'], target: ['Drug', 'Company', 'Technology'] },
  PAYS: { source: ['Company', 'Organization'], target: ['Company', 'Organization'] },
};

function issueText(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * Reads and validates the whole bank. Blank lines are skipped; every other line must be one row.
 * Throws one error listing every bad line as `bank.jsonl:<line>: <problem>`.
 */
export function loadSentenceBank(path: string = SENTENCE_BANK_PATH): NumberedBankRow[] {
  const rows: NumberedBankRow[] = [];
  const problems: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push(`bank.jsonl:${line}: not JSON (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
      const parsed = BankRow.safeParse(value);
      if (parsed.success) rows.push({ line, row: parsed.data });
      else problems.push(`bank.jsonl:${line}: ${issueText(parsed.error)}`);
    });
  if (problems.length > 0) throw new Error(`the sentence bank has ${problems.length} bad line(s):\n${problems.join('\n')}`);
  return rows;
}

/** The labels an entity answers to: its type and its alsoTypes. */
export function entityLabels(entity: BankEntity): BankEntityType[] {
  return [entity.type, ...(entity.alsoTypes ?? [])];
}

/** The entities of a row that a relation endpoint names (by name or alias, exactly). */
export function entitiesNamed(row: BankRow, name: string): BankEntity[] {
  return row.entities.filter((entity) => entity.name === name || (entity.aliases ?? []).includes(name));
}
