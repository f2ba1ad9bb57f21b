// Registrant fields from the cover page of a Form 8-K: name, state of incorporation, commission file
// number, IRS employer id, address, phone and report date. Values sit next to their printed labels
// ("(Commission File Number)") in every layout seen on EDGAR: same line, line above, table row above,
// or one table row per registrant when one 8-K is filed by several companies.
import { z } from 'zod';
import type { Registrant } from '../model/document.ts';
import { KgError } from '../errors.ts';
import type { DataFiles } from '../knowledge/files.ts';
import { Phrase } from '../knowledge/files.ts';
import { findDate, type DatePatterns } from '../text/dates.ts';

/** What the cover-page reader knows: state names and the words of the printed labels. */
export interface CoverKnowledge {
  /** USPS code or state name, lower case → the state's name (data/structure/us-states.tsv). */
  readonly stateNames: ReadonlyMap<string, string>;
  /** A line of printed cover-page labels (data/structure/cover-label-words.txt), once it holds a parenthesis. */
  readonly labelWords: RegExp;
}

const StateRow = z.object({ code: z.string().regex(/^[A-Z]{2}$/, 'a two-letter USPS code'), name: z.string().min(2) });

/** A fragment of a regular expression: it must compile on its own. */
const PatternFragment = Phrase.refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** Reads the state table and the label words, for the knowledge loader. */
export function loadCoverKnowledge(files: DataFiles): CoverKnowledge {
  const stateNames = new Map<string, string>();
  for (const { code, name } of files.tsv('structure/us-states.tsv', ['code', 'name'], StateRow)) {
    stateNames.set(code.toLowerCase(), name);
    stateNames.set(name.toLowerCase(), name);
  }
  const labels = files.lines('structure/cover-label-words.txt', PatternFragment);
  if (labels.length === 0) throw new KgError('CONFIG_INVALID', 'data/structure/cover-label-words.txt: no label words', { subject: 'knowledge' });
  return Object.freeze({ stateNames, labelWords: new RegExp(`\\b(?:${labels.join('|')})\\b`, 'i') });
}

export interface CoverFields {
  registrants: Registrant[];
  reportDate?: string;
}

const IRS = /(?<![\d-])\d{2}-\d{7}(?![\d-])/g;
const FILE_NUMBER = /(?<![\d\-.)]|\)\s|\d{3}[-.])\d{1,3}-\d{3,6}(?:-\d{2})?(?![\d-])/g;
const PHONE = /\(?\b\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}\b/;
const ZIP = /\b\d{5}(?:-\d{4})?\b/;
/** A line of printed cover-page labels ("(Commission File Number)", "of incorporation)   file numbers)"). */
function isLabelLine(cover: CoverKnowledge, line: string): boolean {
  return /[()]/.test(line) && cover.labelWords.test(line);
}
const SEPARATOR_LINE = /^[\s|_=*-]*$/;

/** Full state name for a USPS code or a state name in any case ("NV", "CALIFORNIA" → "Nevada", "California"). */
export function stateName(cover: CoverKnowledge, value: string): string | undefined {
  return cover.stateNames.get(
    value
      .trim()
      .replace(/[.,|*]+$/g, '')
      .replace(/\s+/g, ' ')
      .toLowerCase(),
  );
}

/** Cells of a cover line: pipes, tabs and wide column gaps separate them; Markdown bold marks go. */
function cells(line: string): string[] {
  return line
    .replace(/\*\*/g, ' ')
    .split(/\s*\|\s*|\t+| {3,}/)
    .map((c) => c.trim())
    .filter((c) => c !== '' && !SEPARATOR_LINE.test(c));
}

function valueLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !SEPARATOR_LINE.test(l));
}

const stripLabels = (s: string): string =>
  s
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function formatIrs(v: string): string {
  const digits = v.replace(/\D/g, '');
  return digits.length === 9 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : v;
}

function phoneOf(s: string): string | undefined {
  const m = PHONE.exec(s);
  if (!m) return undefined;
  const d = m[0].replace(/\D/g, '');
  return d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : m[0];
}

/** Joins address parts: commas between parts, a plain space before a ZIP code. */
function joinAddress(parts: readonly string[]): string | undefined {
  let out = '';
  for (const raw of parts) {
    const part = raw.replace(/[,\s]+$/, '').trim();
    if (part === '') continue;
    if (out === '') out = part;
    else if (/^\d{5}(?:-\d{4})?$/.test(part) || (ZIP.test(part) && /^[A-Z]{2}\b/.test(part))) out += ` ${part}`;
    else out += `, ${part}`;
  }
  return out === '' ? undefined : out;
}

function registrantName(dates: DatePatterns, lines: readonly string[]): string | undefined {
  const i = lines.findIndex((l) => /exact name of (?:the )?registrants?\b/i.test(l));
  if (i < 0) return undefined;
  const before = stripLabels((lines[i] ?? '').split(/\(\s*exact name/i)[0] ?? '');
  if (before !== '') return before.replace(/\s*\|\s*/g, ' ').trim();
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const c = cells(lines[j] ?? '')
      .join(' ')
      .trim();
    if (c !== '' && !/date of report|earliest event/i.test(c) && !findDate(dates, c)) return c;
    if (c !== '') break;
  }
  return undefined;
}

function stateOfIncorporation(cover: CoverKnowledge, lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const corp = /\(An?\s+([A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:and\s+[A-Z][A-Za-z ]+\s+)?Corporation\)/.exec(line);
    if (corp?.[1] && stateName(cover, corp[1])) return stateName(cover, corp[1]);
  }
  const i = lines.findIndex((l) => /state or other jurisdiction/i.test(l));
  const window = i < 0 ? lines : lines.slice(Math.max(0, i - 3), i + 1);
  for (const line of window) {
    for (const cell of cells(line)) {
      const name = stateName(cover, stripLabels(cell)) ?? stateName(cover, cell);
      if (name) return name;
    }
  }
  return undefined;
}

function address(cover: CoverKnowledge, lines: readonly string[]): string | undefined {
  const i = lines.findIndex((l) => /address of principal executive offices?/i.test(l));
  if (i < 0) return undefined;
  const labelLine = lines[i] ?? '';
  const parts: string[] = [];
  const before = (labelLine.split(/\(\s*address of principal/i)[0] ?? '').trim();
  if (before !== '') parts.push(...cells(before));
  else {
    const above: string[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const line = lines[j] ?? '';
      if (isLabelLine(cover, line) || IRS.test(line) || /telephone/i.test(line)) break;
      above.unshift(...cells(line));
    }
    IRS.lastIndex = 0;
    parts.push(...above);
  }
  if (!parts.some((part) => ZIP.test(part))) {
    for (const line of [labelLine, lines[i + 1] ?? '', lines[i + 2] ?? '']) {
      const zip = /(\d{5}(?:-\d{4})?)\s*(?:\|\s*)?\(zip code\)/i.exec(line) ?? /^\|?\s*(\d{5}(?:-\d{4})?)\s*\|?$/.exec(line.trim());
      if (zip?.[1]) {
        parts.push(zip[1]);
        break;
      }
    }
  }
  return joinAddress(parts.map((part) => stripLabels(part)).filter((part) => part !== '' && !/^\(?zip code\)?$/i.test(part)));
}

function phone(text: string): string | undefined {
  const label = /telephone number,?\s+including\s+area\s+code/i.exec(text);
  if (!label) return undefined;
  const after = text.slice(label.index + label[0].length, label.index + label[0].length + 80);
  const found = phoneOf(after);
  if (found) return found;
  const before = text.slice(Math.max(0, label.index - 160), label.index);
  const all = [...before.matchAll(new RegExp(PHONE.source, 'g'))];
  const last = all[all.length - 1];
  return last ? phoneOf(last[0]) : undefined;
}

function reportDate(dates: DatePatterns, text: string): string | undefined {
  const label = /date of report/i.exec(text);
  if (!label) return findDate(dates, text.slice(0, 1500))?.iso;
  const after = text.slice(label.index, label.index + 260).replace(/\(date of earliest event reported\)/i, ' ');
  const date = findDate(dates, after);
  if (date) return date.iso;
  const before = text.slice(Math.max(0, label.index - 120), label.index);
  return findDate(dates, before)?.iso;
}

/** One registrant per table row that holds both a file number and an IRS number (combined 8-Ks). */
function multipleRegistrants(cover: CoverKnowledge, lines: readonly string[]): Registrant[] {
  const rows: number[] = [];
  lines.forEach((line, i) => {
    IRS.lastIndex = 0;
    FILE_NUMBER.lastIndex = 0;
    const irs = IRS.test(line);
    FILE_NUMBER.lastIndex = 0;
    if (irs && FILE_NUMBER.test(line) && cells(line).length >= 3) rows.push(i);
  });
  IRS.lastIndex = 0;
  FILE_NUMBER.lastIndex = 0;
  if (rows.length < 2) return [];
  return rows.map((row, k) => {
    const line = lines[row] ?? '';
    const rowCells = cells(line);
    const irs = rowCells.find((c) => /^\d{2}-\d{7}$/.test(c));
    const fileNumber = rowCells.find((c) => /^\d{1,3}-\d{3,6}(?:-\d{2})?$/.test(c));
    const name = rowCells.filter((c) => c !== irs && c !== fileNumber).join(' ');
    const registrant: Registrant = { name };
    if (irs) registrant.irsEmployerId = irs;
    if (fileNumber) registrant.fileNumber = fileNumber;
    const end = rows[k + 1] ?? Math.min(lines.length, row + 8);
    const following = lines.slice(row + 1, end).filter((l) => !/^this combined|^information contained/i.test(l) && l.length < 120);
    const state = stateOfIncorporation(cover, following);
    if (state) registrant.stateOfIncorporation = state;
    const phoneLine = following.find((l) => phoneOf(l) && !ZIP.test(l));
    const phoneValue = phoneLine ? phoneOf(phoneLine) : undefined;
    if (phoneValue) registrant.phone = phoneValue;
    const addressParts = following.filter((l) => l !== phoneLine && !/^\(.*\)$/.test(l));
    const addr = joinAddress(addressParts);
    if (addr) registrant.address = addr;
    return registrant;
  });
}

/** Reads the cover page text (the part of an 8-K before its first item). */
export function parseCover(cover: CoverKnowledge, dates: DatePatterns, coverText: string): CoverFields {
  const lines = valueLines(coverText);
  const result: CoverFields = { registrants: [] };
  const date = reportDate(dates, coverText);
  if (date) result.reportDate = date;
  const multiple = multipleRegistrants(cover, lines);
  if (multiple.length > 0) {
    result.registrants = multiple;
    return result;
  }
  const name = registrantName(dates, lines);
  if (name === undefined) return result;
  const registrant: Registrant = { name };
  const irs = coverText.match(IRS);
  if (irs?.[0]) registrant.irsEmployerId = irs[0];
  const file = coverText.match(FILE_NUMBER);
  if (file?.[0]) registrant.fileNumber = file[0];
  const state = stateOfIncorporation(cover, lines);
  if (state) registrant.stateOfIncorporation = state;
  const addr = address(cover, lines);
  if (addr) registrant.address = addr;
  const tel = phone(coverText);
  if (tel) registrant.phone = tel;
  result.registrants = [registrant];
  return result;
}

export { formatIrs };
