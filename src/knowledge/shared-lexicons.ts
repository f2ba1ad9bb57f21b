// Lexicons that more than one stage reads, read and checked once (loadKnowledge) and handed to each
// stage's loader: the ADC payloads and linkers (the entity rules name them, the relation rules match
// their aliases) and the speech verbs (the structure stage finds quote paragraphs with them, the people
// rules find the speaker after them). One file each, one row schema each.
import { z } from 'zod';
import { Phrase, type DataFiles } from './files.ts';

export const PAYLOADS_FILE = 'lexicons/payloads.txt';
export const SPEECH_VERBS_FILE = 'lexicons/speech-verbs.tsv';

/** A cell of forms separated by "|": the non-empty ones. */
const Forms = z
  .string()
  .optional()
  .transform((cell) => (cell ?? '').split('|').filter((form) => form !== ''));

/**
 * A line of the payload lexicon: name, kind and `|`-separated aliases. The kind column is checked, so
 * a row with its columns out of order fails here loudly rather than becoming a payload named "Linker".
 */
export const PayloadRow = z.object({ name: z.string().min(1), kind: z.enum(['Payload', 'Linker']), aliases: Forms });
export type PayloadRow = z.infer<typeof PayloadRow>;

const Yes = z
  .literal('yes')
  .optional()
  .transform((cell) => cell === 'yes');

/** A speech verb in lower case (any spaces between its words), and what else it marks. */
const SpeechVerbRow = z
  .object({ verb: Phrase.regex(/^[^\p{Lu}]+$/u, 'write the phrase in lower case'), ends_title: Yes, opens_quote: Yes })
  .transform(({ verb, ends_title, opens_quote }) => ({ verb, endsTitle: ends_title, opensQuote: opens_quote }));
export type SpeechVerbRow = z.infer<typeof SpeechVerbRow>;

export interface SharedLexicons {
  /** data/lexicons/payloads.txt, in file order. */
  readonly payloads: readonly PayloadRow[];
  /** data/lexicons/speech-verbs.tsv, in file order. */
  readonly speechVerbs: readonly SpeechVerbRow[];
}

export function loadSharedLexicons(files: DataFiles): SharedLexicons {
  return Object.freeze({
    payloads: Object.freeze(files.tsv(PAYLOADS_FILE, ['name', 'kind', 'aliases'], PayloadRow)),
    speechVerbs: Object.freeze(files.tsv(SPEECH_VERBS_FILE, ['verb', 'ends_title', 'opens_quote'], SpeechVerbRow)),
  });
}
