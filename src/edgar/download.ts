// Downloads one filing's full submission text (Archives/edgar/data/{cik}/{accession without
// dashes}/{accession}.txt) into the out dir: streamed into a hidden temporary file while hashing,
// renamed into place when complete. A download that breaks off removes its temporary; the client
// then tries the whole download again.
import { createHash } from 'node:crypto';
import { open, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KgError } from '../errors.ts';
import type { EdgarClient } from './client.ts';
import { removeStaleTemps, tempPathFor } from './files.ts';
import { filingPath, type ManifestRow } from './manifest.ts';
import type { FilingRef } from './submissions.ts';

/** The address of a filing's full submission text. */
export function filingUrl(client: EdgarClient, cik: string, accession: string): string {
  return client.url('www', `/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/${accession}.txt`);
}

/** A file-system step of a download: its failure is FETCH_FAILED naming the file, not retried (a full disk stays full). */
async function onDisk<T>(target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new KgError('FETCH_FAILED', `cannot write the filing: ${error instanceof Error ? error.message : String(error)}`, { subject: target, cause: error });
  }
}

/** Fetches the filing into `outDir` and returns its manifest row. */
export async function downloadFiling(client: EdgarClient, filing: FilingRef, outDir: string, signal?: AbortSignal): Promise<ManifestRow> {
  const path = filingPath(filing.cik, filing.accession);
  const target = join(outDir, path);
  await mkdir(dirname(target), { recursive: true });
  await removeStaleTemps(target);
  const url = filingUrl(client, filing.cik, filing.accession);
  const { bytes, sha256 } = await client.get(
    url,
    async (body) => {
      const temp = tempPathFor(target);
      const file = await onDisk(target, () => open(temp, 'w'));
      const hash = createHash('sha256');
      let bytes = 0;
      try {
        // An error of the body is the network's (the client tries again); one of the disk is not.
        for await (const chunk of body) {
          hash.update(chunk);
          bytes += chunk.byteLength;
          await onDisk(target, () => file.write(chunk));
        }
        await onDisk(target, () => file.close());
        await onDisk(target, () => rename(temp, target));
      } catch (error) {
        await file.close().catch(() => undefined);
        await rm(temp, { force: true });
        throw error;
      }
      return { bytes, sha256: hash.digest('hex') };
    },
    signal,
  );
  return { cik: filing.cik, company: filing.company, form: filing.form, items: filing.items, filingDate: filing.filingDate, accession: filing.accession, path, bytes, sha256, url };
}
