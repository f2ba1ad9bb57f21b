// The gold annotation format of ../shared/corpus/README.md ("Gold format"), parsed at the boundary,
// and the discovery of gold files: every `*.gold.json` under a root, its `document` beside it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KgError } from '../../src/index.ts';

export const GoldEntity = z.object({
  type: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  alsoTypes: z.array(z.string()).optional(),
  optional: z.boolean().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  note: z.string().optional(),
});
export type GoldEntity = z.infer<typeof GoldEntity>;

export const GoldRelation = z.object({
  type: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  props: z.record(z.string(), z.unknown()).optional(),
  optional: z.boolean().optional(),
  symmetric: z.boolean().optional(),
  note: z.string().optional(),
});
export type GoldRelation = z.infer<typeof GoldRelation>;

export const GoldDealTerm = z.object({
  kind: z.string().min(1),
  amount: z.number().nullable().optional(),
  currency: z.string().nullable().optional(),
  qualifier: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  trigger: z.string().nullable().optional(),
  royaltyText: z.string().nullable().optional(),
});
export type GoldDealTerm = z.infer<typeof GoldDealTerm>;

/** A gold deal (README "Deals"): kind, parties with roles, terms and the fields scored on matched deals. */
export const GoldDeal = z.object({
  kind: z.string().min(1),
  parties: z.array(z.object({ name: z.string().min(1), role: z.string().min(1) })),
  assets: z.array(z.string()).optional(),
  exclusive: z.boolean().nullable().optional(),
  territory: z.string().nullable().optional(),
  field: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  terms: z.array(GoldDealTerm).optional(),
  optional: z.boolean().optional(),
  evidence: z.string().optional(),
});
export type GoldDeal = z.infer<typeof GoldDeal>;

export const GoldDocument = z.object({
  document: z.string().min(1),
  entities: z.array(GoldEntity),
  relations: z.array(GoldRelation),
  negatives: z.array(z.string()).optional(),
  deals: z.array(GoldDeal).optional(),
});
export type GoldDocument = z.infer<typeof GoldDocument>;

export interface GoldFile {
  goldPath: string;
  /** The annotated text, beside the gold file. */
  textPath: string;
  gold: GoldDocument;
}

/** Every `*.gold.json` under `root`, recursively, in path order (so reports are stable). */
export function findGoldFiles(root: string): string[] {
  if (!existsSync(root)) throw new KgError('INPUT_NOT_FOUND', 'no such corpus directory; pass --corpus DIR', { subject: root });
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.gold.json')) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

export function loadGoldFile(goldPath: string): GoldFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch (cause) {
    throw new KgError('INPUT_MALFORMED', 'gold file is not readable JSON', { subject: goldPath, cause });
  }
  const parsed = GoldDocument.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
    throw new KgError('SCHEMA_INVALID', `gold file does not follow the gold format (${where})`, { subject: goldPath });
  }
  const textPath = join(dirname(goldPath), parsed.data.document);
  if (!existsSync(textPath)) throw new KgError('INPUT_NOT_FOUND', `gold names document "${parsed.data.document}", which is not beside it`, { subject: goldPath });
  return { goldPath, textPath, gold: parsed.data };
}
