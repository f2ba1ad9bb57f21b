// Knowledge of the structure and segment stages (see index.ts): section patterns, datelines and
// newswires, the cover page of a Form 8-K (states, label words), 8-K item titles, the SEC forms a
// cover page names, and the abbreviations the sentence splitter steps over. Read from
// data/structure/ and compiled once; the stages read it from here and keep nothing of their own.
import { z } from 'zod';
import type { DataFiles } from './files.ts';
import type { NameKnowledge } from './names.ts';
import type { CalendarKnowledge } from './calendar.ts';
import type { SharedLexicons } from './shared-lexicons.ts';
import { escapeRegex } from '../text/regex.ts';
import { compileSectionPatterns, type SectionPatterns } from '../structure/patterns.ts';
import { compileDatelinePatterns, type DatelinePatterns } from '../structure/dateline.ts';
import { loadCoverKnowledge, type CoverKnowledge } from '../structure/cover.ts';

/** One row of data/structure/8k-items.tsv: an item's code, the numbering it belongs to, its title. */
export interface FilingItemTitle {
  readonly code: string;
  /** `2004`: the numbering in force since 2004-08-23; `1993`: the one before. */
  readonly era: '1993' | '2004';
  readonly title: string;
}

const FilingItemRow = z.object({
  code: z.string().regex(/^\d{1,2}(?:\.\d{2})?$/, 'an item code such as 2.02 or 5'),
  era: z.enum(['1993', '2004']),
  title: z.string().min(1),
});

/** An abbreviation as the sentence splitter sees the word before a period: no final period, no space. */
const Abbreviation = z
  .string()
  .regex(/^[\p{L}\p{N}.'’&-]+$/u, "letters, digits and . ' ’ & - only")
  .refine((s) => !s.endsWith('.'), 'written without its final period');

/** An SEC form type as a cover page prints it ("8-K", "8-K/A", "10-Q"). */
const FormType = z.string().regex(/^[0-9]{1,2}-[A-Z](?:\/A)?$/, 'a form type such as 8-K or 8-K/A');

export interface StructureKnowledge {
  /** Section patterns (data/structure/sections.json) and the section word lists. */
  readonly sections: SectionPatterns;
  /** Dateline, newswire and time-stamp patterns. */
  readonly datelines: DatelinePatterns;
  /** State names and printed labels of a Form 8-K cover page. */
  readonly cover: CoverKnowledge;
  /** "FORM 8-K" near the top of a text: group 1 is the form (data/structure/sec-forms.txt). */
  readonly formName: RegExp;
  /** Form 8-K item titles by numbering era (data/structure/8k-items.tsv). */
  readonly filingItems: readonly FilingItemTitle[];
  /** Abbreviations whose period does not end a sentence (data/structure/abbreviations.txt). */
  readonly abbreviations: ReadonlySet<string>;
}

/** The structure stages' knowledge; `shared` holds the lexicons other stages read too (read once by loadKnowledge). */
export function loadStructureKnowledge(files: DataFiles, names: NameKnowledge, calendar: CalendarKnowledge, shared: SharedLexicons): StructureKnowledge {
  const forms = files.lines('structure/sec-forms.txt', FormType).map(escapeRegex);
  return Object.freeze({
    sections: compileSectionPatterns(files, names, calendar.dates, shared.speechVerbs),
    datelines: compileDatelinePatterns(files, calendar.dates),
    cover: loadCoverKnowledge(files),
    formName: new RegExp(`\\bFORM\\s+(${forms.join('|')})\\b`, 'i'),
    filingItems: Object.freeze(files.tsv('structure/8k-items.tsv', ['code', 'era', 'title'], FilingItemRow).map((row) => Object.freeze(row))),
    abbreviations: new Set(files.lines('structure/abbreviations.txt', Abbreviation)),
  });
}
