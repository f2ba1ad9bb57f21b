// Agreement years in deal text: "the 2000 agreement, as amended in 2006" → year 2000, amended [2006].
// Dates themselves are read by the one date reader, src/text/dates.ts (`dateMentions` with the
// calendar knowledge), through the sentence context.
export type { DateMention } from '../../text/dates.ts';

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
