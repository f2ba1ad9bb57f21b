// manifest.jsonl in the out dir: one JSON line per filing fetched (cik, company, form, items,
// filingDate, accession, path, bytes, sha256, url). It is what makes a re-run cheap: a filing whose
// file is there with the listed size and SHA-256 is not fetched again. A line is appended as soon as
// its file is in place, so an interrupted run keeps what it finished; the file is rewritten sorted
// (through a temporary and a rename) at the end of a run. `path` is relative to the out dir.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ACCESSION } from './schemas.ts';
import { writeFileAtomic } from './files.ts';

export const MANIFEST_NAME = 'manifest.jsonl';

export const ManifestRow = z.object({
  cik: z.string().regex(/^\d+$/),
  company: z.string(),
  form: z.string(),
  items: z.array(z.string()),
  filingDate: z.string(),
  accession: z.string().regex(ACCESSION),
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string(),
});
export type ManifestRow = z.infer<typeof ManifestRow>;

/** Where a filing's full submission lives in the out dir, relative to it. */
export function filingPath(cik: string, accession: string): string {
  return `${cik}/${accession}.txt`;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class Manifest {
  readonly path: string;
  private readonly rows = new Map<string, ManifestRow>();
  /** Appends run one after the other (lines from concurrent downloads never interleave). */
  private appending: Promise<void> = Promise.resolve();

  private constructor(readonly outDir: string) {
    this.path = join(outDir, MANIFEST_NAME);
  }

  /**
   * Reads the manifest of `outDir` (none yet is an empty one). A line that does not parse (the end of
   * a line cut off by a crash, a hand edit) is dropped: its filing is simply fetched again. A later
   * line for the same accession wins. A row whose path is not where this version puts the filing is
   * dropped too (paths are never trusted to point outside the out dir).
   */
  static async open(outDir: string): Promise<Manifest> {
    const manifest = new Manifest(outDir);
    let text = '';
    try {
      text = await readFile(manifest.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue;
      }
      const row = ManifestRow.safeParse(json);
      if (row.success && row.data.path === filingPath(row.data.cik, row.data.accession)) manifest.rows.set(row.data.accession, row.data);
    }
    return manifest;
  }

  get(accession: string): ManifestRow | undefined {
    return this.rows.get(accession);
  }

  all(): ManifestRow[] {
    return [...this.rows.values()];
  }

  /** True when the filing's file is in the out dir with the size and SHA-256 the manifest lists. */
  async isIntact(accession: string): Promise<boolean> {
    const row = this.rows.get(accession);
    if (!row) return false;
    const file = join(this.outDir, row.path);
    try {
      if ((await stat(file)).size !== row.bytes) return false;
      return (await sha256File(file)) === row.sha256;
    } catch {
      return false;
    }
  }

  /** Records a filing whose file is in place. */
  async add(row: ManifestRow): Promise<void> {
    this.rows.set(row.accession, row);
    const line = `${JSON.stringify(row)}\n`;
    const write = this.appending.then(async () => {
      await mkdir(this.outDir, { recursive: true });
      await appendFile(this.path, line);
    });
    this.appending = write.catch(() => undefined);
    await write;
  }

  /** Rewrites the manifest, one line per filing, sorted by CIK, date and accession. */
  async compact(): Promise<void> {
    await this.appending;
    if (this.rows.size === 0) return;
    const rows = this.all().sort((a, b) => Number(a.cik) - Number(b.cik) || (a.filingDate < b.filingDate ? -1 : a.filingDate > b.filingDate ? 1 : 0) || (a.accession < b.accession ? -1 : 1));
    await writeFileAtomic(this.path, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
}
