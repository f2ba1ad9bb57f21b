// Where the tests find the corpus (../shared/corpus, read-only beside the checkout) and the list of
// every input that `kg extract` reads from it: the gold documents, the reference filing and the
// format samples (HTML, full submissions).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

const documentFiles = (dir: string, keep: (name: string) => boolean): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(dir, e.name))
    .sort();

/** The format samples: HTML documents and full EDGAR submissions. */
export const FORMAT_SAMPLES: readonly string[] = documentFiles(join(CORPUS, 'formats'), (name) => name !== 'README.md');

/** Every corpus input in a fixed order: dev documents, the reference filing, the format samples. */
export const CORPUS_INPUTS: readonly string[] = [...documentFiles(join(CORPUS, 'dev'), (name) => name.endsWith('.txt')), ...documentFiles(CORPUS, (name) => name.startsWith('000_') && name.endsWith('.txt')), ...FORMAT_SAMPLES];
