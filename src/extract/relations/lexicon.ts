// Trigger lexicons of the relation rules, read once per process from data/patterns/ and compiled to
// one regular expression per group, so each sentence is swept linearly per group it needs.
import { dataLines, dataTsv } from '../../data-files.ts';
import { KgError } from '../../errors.ts';

export interface Hit {
  start: number;
  end: number;
  /** The matched text, lower-cased. */
  text: string;
}

const TRIGGERS_FILE = 'patterns/relation-triggers.tsv';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORDY = /[\p{L}\p{N}]/u;

/** One phrase as a regex source: whole words, flexible whitespace, trailing `*` for any word ending. */
export function phraseSource(phrase: string): string {
  const wildcard = phrase.endsWith('*');
  const body = wildcard ? phrase.slice(0, -1) : phrase;
  let source = body
    .split(/\s+/)
    .map((part) => escapeRegex(part))
    .join('\\s+');
  if (wildcard) source += '[\\p{L}\\p{N}-]*';
  const first = body[0] ?? '';
  const last = body[body.length - 1] ?? '';
  const lead = WORDY.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const trail = !wildcard && WORDY.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${lead}${source}${trail}`;
}

/** A compiled alternation of phrases (longest first, so "licensed from" wins over "licensed"). */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(sorted.map(phraseSource).join('|'), 'giu');
}

let compiled: Map<string, RegExp> | undefined;

function groups(): Map<string, RegExp> {
  if (compiled) return compiled;
  const byGroup = new Map<string, string[]>();
  const rows = dataTsv(TRIGGERS_FILE);
  for (const [group, phrase] of rows.slice(1)) {
    if (!group || !phrase) continue;
    const list = byGroup.get(group);
    if (list) list.push(phrase);
    else byGroup.set(group, [phrase]);
  }
  compiled = new Map([...byGroup].map(([g, phrases]) => [g, compilePhrases(phrases)]));
  return compiled;
}

function regexFor(group: string): RegExp {
  const re = groups().get(group);
  if (!re) throw new KgError('CONFIG_INVALID', `trigger group "${group}" is not defined in data/${TRIGGERS_FILE}; add its phrases there`);
  return re;
}

/** Every match of a trigger group in `text` (non-overlapping, left to right). */
export function findAll(group: string, text: string, from = 0, to = text.length): Hit[] {
  const re = regexFor(group);
  const hits: Hit[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    hits.push({ start: m.index + from, end: m.index + from + m[0].length, text: m[0].toLowerCase() });
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return hits;
}

/** The first match of a group in text[from, to), or undefined. */
export function findFirst(group: string, text: string, from = 0, to = text.length): Hit | undefined {
  return findAll(group, text, from, to)[0];
}

export function hasAny(group: string, text: string, from = 0, to = text.length): boolean {
  const re = regexFor(group);
  re.lastIndex = 0;
  return re.test(from === 0 && to === text.length ? text : text.slice(from, to));
}

let titleRegex: RegExp | undefined;

/** True when the text contains a job-title word ("chief", "president", "CEO" ...). */
export function looksLikeTitle(text: string): boolean {
  titleRegex ??= new RegExp(compilePhrases(dataLines('patterns/title-words.txt')).source, 'iu');
  return titleRegex.test(text);
}
