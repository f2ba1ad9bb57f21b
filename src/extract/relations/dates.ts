// Dates in deal text, as ISO 8601 at the precision written: "July 31, 2007" → 2007-07-31,
// "31 July 2007" → 2007-07-31, "April 2006" → 2006-04, "2007-07-31" as is. The reading is the one
// date reader, src/text/dates.ts, with the months of the calendar knowledge. Agreement years:
// "the 2000 agreement, as amended in 2006" → year 2000, amended [2006].
import { DataFiles } from '../../knowledge/files.ts';
import { loadCalendarKnowledge } from '../../knowledge/calendar.ts';
import { dateMentions, type DateMention, type DatePatterns } from '../../text/dates.ts';
import { memoByRange } from './range-memo.ts';

export type { DateMention } from '../../text/dates.ts';

// Transitional: the relation rules do not receive the knowledge yet, so the calendar knowledge is
// loaded here once, on first use. When they do, they call src/text/dates.ts's
// `dateMentions(ctx.knowledge.calendar.dates, text, from, to)` and this goes.
let calendarDates: DatePatterns | undefined;
function defaultDates(): DatePatterns {
  calendarDates ??= loadCalendarKnowledge(new DataFiles()).dates;
  return calendarDates;
}

/** Every full or month-precision date in text[from, to), offsets into `text` (copies: callers may edit them). */
export const findDates = memoByRange<DateMention>((text, from, to) => dateMentions(defaultDates(), text, from, to));

export interface AgreementYears {
  year?: number;
  amendedYears: number[];
}

const AGREEMENT_YEAR = /\b((?:19|20)\d{2})\s+(?:[\p{L}-]+\s+){0,3}?(?:agreement|collaboration|license|licence|alliance|deal|partnership)\b/iu;
const ENTERED_YEAR = /\b(?:entered\s+into|signed|executed|established|formed)\s+(?:[^.;]{0,60}?\s)??in\s+((?:19|20)\d{2})\b/iu;
const AMENDED = /\b(?:as\s+)?amended(?:\s+and\s+restated)?\s+in\s+((?:19|20)\d{2}(?:(?:\s*,\s*|\s+and\s+)(?:19|20)\d{2})*)/giu;
const YEAR = /(?:19|20)\d{2}/g;

/** The year an agreement was made and the years it was amended, as the sentence states them. */
export function agreementYears(text: string): AgreementYears {
  const amendedYears: number[] = [];
  AMENDED.lastIndex = 0;
  for (let m = AMENDED.exec(text); m; m = AMENDED.exec(text)) for (const y of (m[1] ?? '').match(YEAR) ?? []) amendedYears.push(Number(y));
  const made = AGREEMENT_YEAR.exec(text) ?? ENTERED_YEAR.exec(text);
  const result: AgreementYears = { amendedYears: [...new Set(amendedYears)].sort((a, b) => a - b) };
  if (made?.[1]) result.year = Number(made[1]);
  return result;
}
