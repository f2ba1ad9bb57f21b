// Reads the project's data/ folder for the knowledge loader. Every file is read through a zod schema,
// so a bad row fails at load time with `data/<file>:<line>: <problem>` instead of silently changing
// what the extractors find. Files are read once, by the loader, never by a stage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KgError } from '../errors.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** A line of a data file with its 1-based line number, for error messages. */
interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

function issueText(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** One word or phrase per line; no tabs (a tab means the file wanted to be a TSV). */
export const Phrase = z
  .string()
  .min(1)
  .regex(/^[^\t]+$/, 'a phrase has no tab');

export class DataFiles {
  constructor(readonly dir: string = DATA_DIR) {}

  /** The error for a problem found in a data file (the loader's own checks use it too). */
  invalid(relativePath: string, line: number | undefined, problem: string): KgError {
    const where = line === undefined ? `data/${relativePath}` : `data/${relativePath}:${line}`;
    return new KgError('CONFIG_INVALID', `${where}: ${problem}`, { subject: 'knowledge' });
  }

  private numberedLines(relativePath: string): NumberedLine[] {
    let raw: string;
    try {
      raw = readFileSync(join(this.dir, relativePath), 'utf8');
    } catch (error) {
      throw this.invalid(relativePath, undefined, `cannot read the data file (${error instanceof Error ? error.message : String(error)})`);
    }
    const lines: NumberedLine[] = [];
    raw.split(/\r?\n/).forEach((text, index) => {
      const trimmed = text.trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) lines.push({ line: index + 1, text: trimmed });
    });
    return lines;
  }

  /** The file's lines (blank lines and `#` comments skipped), each checked by `schema`. */
  lines<T = string>(relativePath: string, schema: z.ZodType<T, string> = Phrase as unknown as z.ZodType<T, string>): T[] {
    return this.numberedLines(relativePath).map(({ line, text }) => {
      const parsed = schema.safeParse(text);
      if (!parsed.success) throw this.invalid(relativePath, line, `${issueText(parsed.error)} (in "${text}")`);
      return parsed.data;
    });
  }

  /**
   * Rows of a tab-separated file whose first row names the columns: each row becomes an object keyed
   * by those names (missing trailing cells are undefined) and is checked by `schema`. The header must
   * be exactly `columns`, so a file and its reader cannot drift apart.
   */
  tsv<T>(relativePath: string, columns: readonly string[], schema: z.ZodType<T>): T[] {
    const [header, ...rows] = this.numberedLines(relativePath);
    if (!header) throw this.invalid(relativePath, undefined, 'the file is empty; its first row must name the columns');
    const names = header.text.split('\t').map((c) => c.trim());
    if (names.join('\t') !== columns.join('\t')) {
      throw this.invalid(relativePath, header.line, `the header must be "${columns.join(' | ')}", found "${names.join(' | ')}"`);
    }
    return rows.map(({ line, text }) => {
      const cells = text.split('\t');
      if (cells.length > columns.length) throw this.invalid(relativePath, line, `${cells.length} cells, the header has ${columns.length}`);
      const record: Record<string, string | undefined> = {};
      columns.forEach((column, i) => {
        const cell = cells[i]?.trim();
        record[column] = cell === '' ? undefined : cell;
      });
      const parsed = schema.safeParse(record);
      if (!parsed.success) throw this.invalid(relativePath, line, `${issueText(parsed.error)} (in "${text}")`);
      return parsed.data;
    });
  }

  /** A JSON file checked by `schema`. */
  json<T>(relativePath: string, schema: z.ZodType<T>): T {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(this.dir, relativePath), 'utf8')) as unknown;
    } catch (error) {
      throw this.invalid(relativePath, undefined, `not readable JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw this.invalid(relativePath, undefined, issueText(parsed.error));
    return parsed.data;
  }
}
