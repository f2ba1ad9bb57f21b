// A person's resolution decisions, kept as data in a file the user owns (default kg-decisions.json in
// the working folder, or --decisions FILE / KG_DECISIONS): pairs accepted as one thing (`same`: the
// entity `merge` becomes part of `keep`, its names kept as aliases) and pairs rejected (`different`:
// never merged, never proposed again). `kg ingest` and `kg extract` apply them to every document, so a
// graph rebuilt from scratch, or a document forgotten and ingested again, comes out the same.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { KgError, issuesText } from '../errors.ts';

const EntityKey = z.string().regex(/^[a-z]+:\S+$/, 'an entity key such as company:acme');

export const DecisionsFile = z
  .object({
    version: z.literal(1),
    /** Accepted: `merge` is the same thing as `keep`; its node becomes part of `keep`'s. */
    same: z.array(z.object({ keep: EntityKey, merge: EntityKey }).strict()),
    /** Rejected: `a` and `b` are two things. */
    different: z.array(z.object({ a: EntityKey, b: EntityKey }).strict()),
  })
  .strict();
export type DecisionsFile = z.infer<typeof DecisionsFile>;

/** Decisions ready for look-ups. */
export interface Decisions {
  readonly file: DecisionsFile;
  /** merge key → keep key, followed to the end of a chain. */
  readonly canonical: ReadonlyMap<string, string>;
  /** `a|b` (a < b) of rejected pairs, by their canonical keys. */
  readonly rejected: ReadonlySet<string>;
}

export const DEFAULT_DECISIONS_FILE = 'kg-decisions.json';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function emptyDecisionsFile(): DecisionsFile {
  return { version: 1, same: [], different: [] };
}

export function decisionsFrom(file: DecisionsFile): Decisions {
  const next = new Map(file.same.map((s) => [s.merge, s.keep]));
  const canonical = new Map<string, string>();
  for (const start of next.keys()) {
    let key = start;
    const seen = new Set<string>([key]);
    for (let to = next.get(key); to !== undefined && !seen.has(to); to = next.get(key)) {
      key = to;
      seen.add(key);
    }
    if (key !== start) canonical.set(start, key);
  }
  const to = (k: string): string => canonical.get(k) ?? k;
  const rejected = new Set(file.different.map((d) => pair(to(d.a), to(d.b))));
  return Object.freeze({ file, canonical, rejected });
}

export const NO_DECISIONS: Decisions = decisionsFrom(emptyDecisionsFile());

export function canonicalKeyOf(decisions: Decisions, key: string): string {
  return decisions.canonical.get(key) ?? key;
}

export function isRejected(decisions: Decisions, a: string, b: string): boolean {
  return decisions.rejected.has(pair(canonicalKeyOf(decisions, a), canonicalKeyOf(decisions, b)));
}

/** The decisions file to use: the given path, else KG_DECISIONS, else kg-decisions.json in the working folder. */
export function decisionsPath(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(given ?? env['KG_DECISIONS'] ?? DEFAULT_DECISIONS_FILE);
}

/** Reads a decisions file; a file that does not exist is no decisions. */
export function readDecisionsFile(path: string): DecisionsFile {
  if (!existsSync(path)) return emptyDecisionsFile();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new KgError('CONFIG_INVALID', 'the decisions file is not readable JSON; fix it or move it away', { subject: path, cause });
  }
  const parsed = DecisionsFile.safeParse(raw);
  if (!parsed.success) {
    const issues = issuesText(parsed.error.issues, { root: '(root)' });
    throw new KgError('CONFIG_INVALID', `the decisions file does not follow its format (${issues})`, { subject: path });
  }
  return parsed.data;
}

export function loadDecisions(path: string): Decisions {
  return decisionsFrom(readDecisionsFile(path));
}

/** Writes the file whole (sorted, so the same decisions give the same bytes) through a temporary file. */
export function writeDecisionsFile(path: string, file: DecisionsFile): void {
  const sorted: DecisionsFile = {
    version: 1,
    same: [...file.same].sort((x, y) => byString(x.keep, y.keep) || byString(x.merge, y.merge)),
    different: [...file.different].sort((x, y) => byString(x.a, y.a) || byString(x.b, y.b)),
  };
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(temporary, path);
}

/** The file with `merge` accepted as part of `keep` (a rejection of the pair is dropped). */
export function withAccepted(file: DecisionsFile, keep: string, merge: string): DecisionsFile {
  if (keep === merge) throw new KgError('USAGE', `cannot merge ${keep} with itself`);
  const different = file.different.filter((d) => pair(d.a, d.b) !== pair(keep, merge));
  const same = file.same.filter((s) => !(s.merge === merge || (s.keep === merge && s.merge === keep)));
  return { version: 1, same: [...same, { keep, merge }], different };
}

/** The file with `a` and `b` rejected as one thing (an acceptance of the pair is dropped). */
export function withRejected(file: DecisionsFile, a: string, b: string): DecisionsFile {
  if (a === b) throw new KgError('USAGE', `cannot keep ${a} apart from itself`);
  const [x, y] = a < b ? [a, b] : [b, a];
  const same = file.same.filter((s) => pair(s.keep, s.merge) !== pair(x, y));
  const different = file.different.filter((d) => pair(d.a, d.b) !== pair(x, y));
  return { version: 1, same, different: [...different, { a: x, b: y }] };
}
