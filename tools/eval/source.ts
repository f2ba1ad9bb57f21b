// Per-source-group figures (`npm run eval -- --by-source`): each document's group comes from its row of
// the corpus manifest (<corpus>/dev/MANIFEST.tsv) by the rules of `sourceGroup`, never from a list of
// documents. Without a manifest every document is in one group, "all".
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { KgError } from '../../src/index.ts';
import type { CorpusEvaluation } from './run.ts';
import { CountTable } from './score.ts';

export const ManifestRow = z.object({
  file: z.string().min(1),
  source_repo: z.string(),
  source_path: z.string(),
  commit_if_known: z.string(),
  company: z.string(),
  date: z.string(),
  doc_kind: z.string(),
  topics: z.string(),
  chars: z.string(),
});
export type ManifestRow = z.infer<typeof ManifestRow>;

/** Manifest rows by document file name. */
export type Manifest = ReadonlyMap<string, ManifestRow>;

export const SOURCE_GROUPS = ['8-K text', 'page excerpts', 'wire releases', 'newsroom scrape', 'other', 'reference', 'all'] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

const WIRE_REPOS: ReadonlySet<string> = new Set(['Newsworthyai/press-release-archive']);
/** Wire services, as named in a doc_kind note ("(full; newsdirect)") or a source URL's host. */
const WIRE_SERVICES = /\b(?:newsdirect|ibn|newmediawire|citybiz|reportable|prnewswire|globenewswire|businesswire|accesswire|einpresswire)\b/i;
const NEWSROOM_REPOS: ReadonlySet<string> = new Set(['samueltof/pharma-news-scraping', 'zhigehe/bulwark']);

/** A document's source group from its manifest row; a document the manifest does not list is the reference filing. */
export function sourceGroup(row: Pick<ManifestRow, 'source_repo' | 'source_path' | 'doc_kind'> | undefined): SourceGroup {
  if (row === undefined) return 'reference';
  const kind = row.doc_kind.trim();
  if (kind.startsWith('8-K')) return '8-K text';
  if (/excerpt|opening/i.test(kind)) return 'page excerpts';
  if (WIRE_REPOS.has(row.source_repo) || WIRE_SERVICES.test(kind) || WIRE_SERVICES.test(row.source_path)) return 'wire releases';
  if (NEWSROOM_REPOS.has(row.source_repo)) return 'newsroom scrape';
  return 'other';
}

/** Parses the manifest TSV (header row, then one row per document). */
export function parseManifest(tsv: string, subject = 'MANIFEST.tsv'): Manifest {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const rows = new Map<string, ManifestRow>();
  for (const [i, line] of lines.slice(1).entries()) {
    const cells = line.split('\t');
    const parsed = ManifestRow.safeParse(Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(row)'}: ${first.message}` : 'invalid';
      throw new KgError('SCHEMA_INVALID', `manifest row ${i + 2} is not a manifest row (${where})`, { subject });
    }
    rows.set(parsed.data.file, parsed.data);
  }
  return rows;
}

/** The manifest at `path`, or undefined when there is none. */
export function loadManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  return parseManifest(readFileSync(path, 'utf8'), path);
}

export interface SourceGroupFigures {
  group: SourceGroup;
  documents: number;
  entities: CountTable;
  relations: CountTable;
}

/** The evaluation's documents summed per source group, in SOURCE_GROUPS order (empty groups left out). */
export function bySource(evaluation: CorpusEvaluation, manifest: Manifest | undefined): SourceGroupFigures[] {
  const groups = new Map<SourceGroup, SourceGroupFigures>();
  for (const d of evaluation.documents) {
    const group = manifest === undefined ? 'all' : sourceGroup(manifest.get(basename(d.textPath)));
    let g = groups.get(group);
    if (!g) {
      g = { group, documents: 0, entities: new CountTable(), relations: new CountTable() };
      groups.set(group, g);
    }
    g.documents += 1;
    g.entities.addAll(d.score.entities);
    g.relations.addAll(d.score.relations);
  }
  return SOURCE_GROUPS.flatMap((name) => groups.get(name) ?? []);
}
