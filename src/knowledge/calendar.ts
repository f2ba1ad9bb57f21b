// Calendar knowledge (see index.ts): the month names and abbreviations of data/patterns/months.tsv
// and the date patterns compiled from them. Shared by the structure stage (datelines, cover pages,
// EDGAR headers) and the relation rules (deal dates), so both read dates with one table.
import { z } from 'zod';
import { KgError } from '../errors.ts';
import { compileDatePatterns, type DatePatterns } from '../text/dates.ts';
import type { DataFiles } from './files.ts';

const MONTHS_FILE = 'patterns/months.tsv';

const MonthRow = z.object({
  form: z.string().regex(/^\p{Ll}+$/u, 'a month name or abbreviation in lower case, without a period'),
  month: z
    .string()
    .regex(/^(?:[1-9]|1[0-2])$/, 'a month number from 1 to 12')
    .transform(Number),
});

export interface CalendarKnowledge {
  /** Month forms and the date patterns built on them (src/text/dates.ts reads dates with these). */
  readonly dates: DatePatterns;
}

export function loadCalendarKnowledge(files: DataFiles): CalendarKnowledge {
  const months = new Map<string, number>();
  for (const { form, month } of files.tsv(MONTHS_FILE, ['form', 'month'], MonthRow)) {
    const known = months.get(form);
    if (known !== undefined && known !== month) {
      throw new KgError('CONFIG_INVALID', `data/${MONTHS_FILE}: "${form}" is month ${known} and month ${month}`, { subject: 'knowledge' });
    }
    months.set(form, month);
  }
  // A written date's month is told by its first three letters ("Sept." → "sep"): every month needs that form.
  for (let month = 1; month <= 12; month++) {
    if (![...months].some(([form, m]) => m === month && form.length === 3)) {
      throw new KgError('CONFIG_INVALID', `data/${MONTHS_FILE}: month ${month} has no three-letter form`, { subject: 'knowledge' });
    }
  }
  return Object.freeze({ dates: compileDatePatterns(months) });
}
