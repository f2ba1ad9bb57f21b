// Sections of one document's text: the 8-K cover page, its items, signatures and exhibit index, and
// the parts of a press release (headline, sub-headlines, dateline, body, quotes, "About X"
// boilerplate, forward-looking statements, contacts, trademark notes). Works on blocks (paragraphs,
// headings, table rows) and splits a block where a run-on text hides a heading or a dateline inside.
import type { Dateline, Section, SectionKind } from '../model/document.ts';
import { lineContinues } from '../segment/units.ts';
import type { Knowledge } from '../knowledge/index.ts';
import type { NameKnowledge } from '../knowledge/names.ts';
import type { SectionPatterns } from './patterns.ts';
import { datelineAt, findInlineDateline, type DatelineMatch, type DatelinePatterns } from './dateline.ts';
import { toIsoDate } from '../text/dates.ts';

export interface Block {
  start: number;
  end: number;
  /** The block's text, trimmed (start/end are trimmed offsets too). */
  text: string;
}

/** Blocks: runs of lines that continue one another (see lineContinues); blank lines always separate. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { start: number; end: number; last: string } | undefined;
  const flush = (): void => {
    if (current) blocks.push({ start: current.start, end: current.end, text: text.slice(current.start, current.end) });
    current = undefined;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') flush();
    else {
      const start = lineStart + lead;
      const end = start + trimmed.length;
      if (current && lineContinues(current.last, trimmed)) {
        current.end = end;
        current.last = trimmed;
      } else {
        flush();
        current = { start, end, last: trimmed };
      }
    }
    lineStart = lineEnd + 1;
  }
  flush();
  return blocks;
}

export interface ItemMark {
  code: string;
  title?: string;
  /** The item's text after its heading: [bodyStart, end) in the document text (empty when bodyStart = end). */
  bodyStart: number;
  end: number;
}

export interface TextStructure {
  sections: Section[];
  isFiling: boolean;
  dateline?: Dateline;
  headline?: string;
  items: ItemMark[];
}

interface Piece {
  start: number;
  end: number;
  kind: SectionKind;
  title?: string;
  /** A piece that stays a section of its own (a run-together heading), never merged with the next one. */
  sealed?: boolean;
}

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
const wordCount = (s: string): number => s.match(WORDS)?.length ?? 0;
const BULLET_LINE = /^(?:[•●▪◦‣■*]|[-–—](?=\s)|\*\S)/u;

function matchesAny(res: readonly RegExp[], s: string): boolean {
  return res.some((re) => re.test(s));
}

function isContactish(p: SectionPatterns, t: string): boolean {
  return p.contactLine.test(t) || p.contactsHeading.test(t);
}

/** A headline or sub-headline: a capitalised line without final punctuation, not a contact or a link. */
function isTitleLike(p: SectionPatterns, t: string): boolean {
  if (t.length < 3 || t.length > 320 || wordCount(t) < 2) return false;
  if (/[.:;,]$/.test(t) && !p.legalSuffixEnd.test(t)) return false;
  if (!/^[\p{Lu}\p{N}‘'(]/u.test(t)) return false;
  return !isContactish(p, t) && !p.releaseNoise.test(t) && !matchesAny(p.otherHeading, t) && !p.dateOnly.test(t) && !p.exhibitMarker.test(t);
}

/** A heading that opens a new stretch of the release ("IMPORTANT SAFETY INFORMATION", "Advancing Botanical Oncology"). */
function isGenericHeading(p: SectionPatterns, t: string): boolean {
  return t.length <= 100 && wordCount(t) <= 12 && !/[.:;,!?]$/.test(t) && /^[\p{Lu}\p{N}]/u.test(t) && !isContactish(p, t) && !p.releaseNoise.test(t);
}

function isForwardLooking(p: SectionPatterns, t: string): boolean {
  return matchesAny(p.forwardLookingStart, t);
}

function isAboutHeading(p: SectionPatterns, t: string): boolean {
  return p.aboutHeading.test(t) && wordCount(t) <= 12 && (!/[.!?]$/.test(t) || p.legalSuffixEnd.test(t));
}

/** A heading may end in a company's legal suffix ("About ImmunoGen, Inc."). */

const QUOTE_OPENER = /^[“"‘]/u;

/** Where a run-together "About X" heading ends ("About BioMed XBioMed X is …"): right before the repeated name. */
function inlineAboutHeadingEnd(t: string): number | undefined {
  const m = /^(?:About|ABOUT)\s+/.exec(t);
  if (!m) return undefined;
  // The name is among the first eight words: a bounded look keeps a long block linear.
  const rest = t.slice(m[0].length, m[0].length + 400);
  const words = rest.split(/\s+/).slice(0, 8);
  let length = 0;
  for (let k = 0; k < words.length; k++) {
    length = rest.indexOf(words[k] ?? '', length) + (words[k]?.length ?? 0);
    const name = rest.slice(0, length);
    const glued = rest.slice(length);
    if (name.length >= 3 && glued.startsWith(name)) return m[0].length + length;
    // "About Acme Bio\u00a0Acme Bio is …": the name repeated after a no-break space or a gap that was a line break.
    const gap = /^(?:\u00a0|\s{2,}|\t)\s*/u.exec(glued);
    if (name.length >= 3 && gap && glued.slice(gap[0].length).startsWith(name)) return m[0].length + length;
    // "About BioMed X" + "BioMed" glued to the last word: the name's first word repeats inside its last.
    const firstWord = words[0] ?? '';
    const last = words[k] ?? '';
    if (k > 0 && firstWord.length >= 3 && last.length > firstWord.length && last.endsWith(firstWord) && rest.slice(length - firstWord.length).startsWith(name.slice(0, Math.min(name.length, firstWord.length)))) {
      return m[0].length + length - firstWord.length;
    }
  }
  return undefined;
}

/** Finds the dateline: the first one followed by body text, else the first standalone one. */
function findDateline(d: DatelinePatterns, text: string, blocks: readonly Block[], from: number): { index: number; match: DatelineMatch } | undefined {
  let standalone: { index: number; match: DatelineMatch } | undefined;
  const last = Math.min(blocks.length, from + 80);
  for (let i = from; i < last; i++) {
    const b = blocks[i];
    if (!b) continue;
    const match = datelineAt(d, text, b.start, b.end, false) ?? (i - from < 4 && b.end - b.start > 200 ? findInlineDateline(d, text, b.start, b.end) : undefined);
    if (!match) continue;
    if (match.end < b.end - 1) return { index: i, match };
    standalone ??= { index: i, match };
    if (i - standalone.index > 4) break;
  }
  return standalone;
}

/** Runs the section state machine over a document's text. */
export function structureText(text: string, knowledge: Knowledge): TextStructure {
  const p = knowledge.structure.sections;
  const { datelines } = knowledge.structure;
  const { dates } = knowledge.calendar;
  const { names } = knowledge;
  const { blocks, contactTails } = splitRunOnBlocks(p, blocksOf(text));
  const isFiling = blocks.slice(0, 14).some((b) => matchesAny(p.coverSignals, b.text));
  const firstItem = isFiling ? blocks.findIndex((b) => p.itemHeading.test(b.text)) : -1;
  const found = findDateline(datelines, text, blocks, Math.max(0, firstItem));

  // Pieces fixed before the state machine runs: headline, sub-headlines, dateline.
  const explicit = new Map<number, Piece[]>();
  let headline: string | undefined;
  let releaseStart = isFiling ? -1 : 0;
  let dateline: Dateline | undefined;
  if (found) {
    const { index: d, match } = found;
    const block = blocks[d];
    dateline = { ...match.dateline };
    if (block) {
      const pieces: Piece[] = [];
      let headlineIndex = d;
      if (match.start > block.start) {
        // Run-on block: "Headline  May 21, 2019 5:45 am ET  Sub-headline  CITY––Body".
        const pre = text.slice(block.start, match.start);
        const stamp = datelines.timestamp.exec(pre);
        const headEnd = block.start + (stamp ? stamp.index : pre.length);
        pieces.push({ start: block.start, end: headEnd, kind: 'headline' });
        headline = text.slice(block.start, headEnd).trim();
        if (stamp) {
          const stampStart = block.start + stamp.index;
          const stampEnd = stampStart + stamp[0].length;
          pieces.push({ start: stampStart, end: stampEnd, kind: 'dateline' });
          if (dateline.date === undefined) {
            const iso = toIsoDate(dates, stamp[1] ?? '');
            if (iso) dateline.date = iso;
          }
          if (stampEnd < match.start) pieces.push({ start: stampEnd, end: match.start, kind: 'subheadline' });
        }
      }
      if (dateline.date === undefined) {
        // "For Immediate Release: November 22, 2024" and similar release dates above the dateline.
        const before = text.slice(Math.max(0, match.start - 1500), match.start);
        const written = [...before.matchAll(new RegExp(dates.dateSource, 'gi'))];
        const iso = toIsoDate(dates, written[written.length - 1]?.[0] ?? '');
        if (iso) dateline.date = iso;
      }
      pieces.push({ start: match.start, end: match.end, kind: 'dateline' });
      if (match.end < block.end) pieces.push({ start: match.end, end: block.end, kind: 'body' });
      explicit.set(d, pieces);
      if (headline === undefined) {
        // Walk back from the dateline over sub-headlines and noise to the run of title lines.
        let j = d - 1;
        const subs: number[] = [];
        while (j >= 0) {
          const t = blocks[j]?.text ?? '';
          if (BULLET_LINE.test(t)) subs.push(j);
          else if (p.releaseNoise.test(t) || p.dateOnly.test(t) || datelines.timestamp.test(t) || datelineAt(datelines, text, blocks[j]?.start ?? 0, blocks[j]?.end ?? 0, false)) explicit.set(j, [{ ...spanOf(blocks[j]), kind: 'other' }]);
          else break;
          j--;
        }
        let first = j;
        while (first >= 0 && isTitleLike(p, blocks[first]?.text ?? '') && !(isFiling && first <= Math.max(firstItem, 0))) first--;
        first++;
        if (first <= j) {
          headlineIndex = first;
          headline = blocks[first]?.text;
          explicit.set(first, [{ ...spanOf(blocks[first]), kind: 'headline' }]);
          for (let k = first + 1; k <= j; k++) explicit.set(k, [{ ...spanOf(blocks[k]), kind: 'subheadline' }]);
        }
        for (const s of subs) explicit.set(s, [{ ...spanOf(blocks[s]), kind: headline === undefined ? 'other' : 'subheadline' }]);
        if (headline === undefined) headlineIndex = subs.length > 0 ? Math.min(...subs) : d;
      }
      releaseStart = isFiling ? headlineIndex : 0;
    }
  } else if (!isFiling && blocks[0] && isTitleLike(p, blocks[0].text)) {
    headline = blocks[0].text;
    explicit.set(0, [{ ...spanOf(blocks[0]), kind: 'headline' }]);
  }

  const pieces: Piece[] = [];
  const items: ItemMark[] = [];
  let mode: 'filing' | 'release' = isFiling ? 'filing' : 'release';
  let state: SectionKind = isFiling ? 'cover' : headline !== undefined && !explicit.has(0) ? 'other' : 'body';
  let title: string | undefined;
  let pastSignature = false;
  // `null` means "no title"; leaving the argument out means "the current section's title".
  const push = (start: number, end: number, kind: SectionKind, t: string | null = title ?? null, sealed = false): void => {
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end <= start) return;
    const piece: Piece = t === null ? { start, end, kind } : { start, end, kind, title: t };
    if (sealed) piece.sealed = true;
    pieces.push(piece);
  };
  // A block that switches to forward-looking text mid-way leaves its heading's title behind.
  const setState = (kind: SectionKind): void => {
    state = kind;
    if (kind === 'forwardLooking') title = undefined;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    const t = block.text;
    const fixed = explicit.get(i);
    if (fixed) {
      if (isFiling && i >= releaseStart && releaseStart >= 0) mode = 'release';
      for (const piece of fixed) push(piece.start, piece.end, piece.kind, null);
      const lastKind = fixed[fixed.length - 1]?.kind;
      if (found && i === found.index) {
        state = 'body';
        title = undefined;
      } else if (lastKind === 'headline' || lastKind === 'subheadline') state = found ? 'other' : 'body';
      continue;
    }
    if (isFiling && releaseStart >= 0 && i >= releaseStart) mode = 'release';

    if (mode === 'filing') {
      const item = p.itemHeading.exec(t);
      // "Item 2.02 of this Current Report … is incorporated" is a reference, not a heading.
      const itemTitleText = item?.[2] ?? '';
      if (item && t.length <= 220 && !/^\p{Ll}/u.test(itemTitleText) && !p.itemReference.test(itemTitleText)) {
        const code = item[1] ?? '';
        const itemTitle = (item[2] ?? '').replace(/^[.:\s]+|[.\s|]+$/g, '').trim();
        items.push(itemTitle === '' ? { code, bodyStart: block.end, end: block.end } : { code, title: itemTitle, bodyStart: block.end, end: block.end });
        state = 'item';
        title = code;
        push(block.start, block.end, 'item');
        continue;
      }
      if (p.signatureHeading.test(t)) {
        state = 'signature';
        title = undefined;
        pastSignature = true;
        push(block.start, block.end, 'signature');
        continue;
      }
      if (p.exhibitIndexHeading.test(t)) {
        state = 'exhibitIndex';
        title = undefined;
        push(block.start, block.end, 'exhibitIndex');
        continue;
      }
      const leavesIndex = state === 'exhibitIndex' && !p.exhibitIndexRow.test(t);
      const exhibitStarts = pastSignature && state !== 'exhibitIndex' && p.exhibitMarker.test(t);
      if (!leavesIndex && !exhibitStarts) {
        push(block.start, block.end, state);
        continue;
      }
      // The exhibit (a press release) starts here.
      mode = 'release';
      state = 'other';
      title = undefined;
    }

    // Release mode.
    if (contactTails.has(block) && state !== 'signature') {
      state = 'contacts';
      title = undefined;
      push(block.start, block.end, 'contacts');
      continue;
    }
    if (isAboutHeading(p, t)) {
      state = 'about';
      title = t.replace(/\s*:$/, '');
      push(block.start, block.end, 'about');
      continue;
    }
    if (isForwardLooking(p, t)) {
      state = 'forwardLooking';
      title = undefined;
      push(block.start, block.end, 'forwardLooking');
      continue;
    }
    if (p.contactsHeading.test(t) && (t.length <= 200 || p.contactLine.test(t))) {
      state = 'contacts';
      title = undefined;
      push(block.start, block.end, 'contacts');
      continue;
    }
    if (t.length <= 600 && p.trademarkCue.test(t) && p.trademark.test(t)) {
      push(block.start, block.end, 'trademark', null);
      if (state === 'forwardLooking') state = 'other';
      continue;
    }
    if (matchesAny(p.otherHeading, t)) {
      state = 'other';
      title = undefined;
      push(block.start, block.end, 'other');
      continue;
    }
    if (/^\/s\//i.test(t) || (state === 'signature' && t.length <= 120)) {
      push(block.start, block.end, 'signature', null);
      continue;
    }
    const headEnd = p.aboutInline.test(t) && state !== 'forwardLooking' ? inlineAboutHeadingEnd(t) : undefined;
    if (p.aboutInline.test(t) && (t.length > 200 || headEnd !== undefined) && state !== 'forwardLooking') {
      // A run-together "About X" heading ("About AcmeAcme is …"): when its end can be found it is a
      // section of its own, so that its words never run into the first sentence.
      state = 'about';
      title = headEnd ? t.slice(0, headEnd).trim() : t.slice(0, 60).replace(/\s+\S*$/, '');
      if (headEnd !== undefined) push(block.start, block.start + headEnd, 'about', title, true);
      const rest = headEnd === undefined ? block : { start: block.start + headEnd, end: block.end, text: t.slice(headEnd) };
      splitForwardLooking(p, rest, 'about', title, push, setState);
      continue;
    }
    if (state === 'about' && title !== undefined && namesAboutSubject(title, t, names)) {
      // The company's name on a line of its own (a logo line) inside its "About" section.
      push(block.start, block.end, 'about');
      continue;
    }
    if ((state === 'about' || state === 'forwardLooking') && isGenericHeading(p, t)) {
      state = 'body';
      title = t;
      push(block.start, block.end, 'body');
      continue;
    }
    if (state === 'contacts' && t.length > 200 && /[.!?]\s+\p{Lu}/u.test(t) && !p.contactLine.test(t.slice(0, 200))) {
      state = 'body';
      title = undefined;
    }
    if (state === 'body' && (QUOTE_OPENER.test(t) || p.saidQuote.test(t))) {
      splitForwardLooking(p, block, 'quote', null, push, setState);
      continue;
    }
    if (state === 'body' || state === 'about' || state === 'other') {
      splitForwardLooking(p, block, state, title, push, setState);
      continue;
    }
    push(block.start, block.end, state);
  }

  const sections = mergePieces(pieces);
  for (const item of items) item.end = itemEnd(sections, item);
  return { sections, isFiling, ...(dateline ? { dateline } : {}), ...(headline !== undefined ? { headline } : {}), items };
}

/** Where an item's text ends: the end of the run of item sections with its code that holds its heading. */
function itemEnd(sections: readonly Section[], item: ItemMark): number {
  let end = item.end;
  let i = sections.findIndex((s) => s.kind === 'item' && s.start < item.bodyStart && item.bodyStart <= s.end);
  for (; i >= 0 && i < sections.length; i++) {
    const s = sections[i];
    if (!s || s.kind !== 'item' || s.title !== item.code) break;
    end = Math.max(end, s.end);
  }
  return end;
}

function spanOf(block: Block | undefined): { start: number; end: number } {
  return { start: block?.start ?? 0, end: block?.end ?? 0 };
}

/** Pushes a block, cutting it where an inline "Forward-Looking Statement(s)" heading starts. */
function splitForwardLooking(
  p: SectionPatterns,
  block: Block,
  kind: SectionKind,
  title: string | null | undefined,
  push: (start: number, end: number, kind: SectionKind, title: string | null) => void,
  setState: (kind: SectionKind) => void,
): void {
  const re = p.forwardLookingInline;
  re.lastIndex = 0;
  // The heading is case-sensitive title case, so a block without "Looking" cannot hold one.
  const m = block.text.includes('Looking') ? re.exec(block.text) : null;
  if (!m || m.index === 0) {
    push(block.start, block.end, kind, title ?? null);
    return;
  }
  const cut = block.start + m.index;
  push(block.start, cut, kind, title ?? null);
  push(cut, block.end, 'forwardLooking', null);
  setState('forwardLooking');
}

/** Joins neighbouring pieces of the same kind and title into sections. */
function mergePieces(pieces: readonly Piece[]): Section[] {
  const sections: Section[] = [];
  let lastSealed = false;
  for (const piece of [...pieces].sort((a, b) => a.start - b.start)) {
    const last = sections[sections.length - 1];
    const mergeable = !lastSealed && !piece.sealed && piece.kind !== 'headline' && piece.kind !== 'subheadline' && piece.kind !== 'dateline' && piece.kind !== 'quote' && piece.kind !== 'trademark';
    lastSealed = piece.sealed === true;
    if (last && mergeable && last.kind === piece.kind && last.title === piece.title && last.end <= piece.start) {
      last.end = piece.end;
      continue;
    }
    const section: Section = { start: piece.start, end: piece.end, kind: piece.kind };
    if (piece.title !== undefined) section.title = piece.title;
    sections.push(section);
  }
  return sections;
}

/**
 * True when a short line is the name the "About X" heading is about ("Acme Corp." under "About Acme"):
 * both read as entity keys do (folded, legal form dropped), so spelling and legal form do not matter.
 */
function namesAboutSubject(aboutTitle: string, line: string, names: NameKnowledge): boolean {
  if (line.length > 80) return false;
  const subject = names.keyPart('Company', aboutTitle.replace(/^about\s+/i, ''));
  const name = names.keyPart('Company', line);
  if (name === '' || subject === '') return false;
  // The whole name, or its first words ("Acme" under "About Acme Biosciences").
  return name === subject || subject.startsWith(`${name}-`);
}

/** The longest closing run of contact lines looked for (characters): real ones are a few hundred. */
const MAX_CONTACT_RUN = 2000;

/** A sentence end inside a block, also where a line break was lost ("… intelligence.All our …"). */
const SENTENCE_GAP = /[.!?]["”’)]?(?:\s+|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll}))(?=["“(|+]?[\p{Lu}\p{N}])/gu;
/** An "About X" heading that a lost line break glued to the sentence before it. */
// The word comes first and the look-behind after it, so the sweep only stops at "About".
const GLUED_ABOUT = /(?:About|ABOUT)(?<=[.!?]["”’)]?\s*(?:About|ABOUT))\s+\p{Lu}/gu;

/**
 * Where a block's closing run of contact lines starts ("… at the SEC's Internet site. Merck Media:
 * Jane Roe 555-0100 …"), or undefined. Walks the block's sentences back from its end while they are
 * not prose; that run must hold two contact cues, one of them a phone number or an e-mail address.
 */
function contactTailStart(p: SectionPatterns, t: string): number | undefined {
  // Only the end of a block is searched: a run of contact lines longer than this is not one.
  const window = Math.max(0, t.length - MAX_CONTACT_RUN);
  const cue = p.inlineContactCue;
  cue.lastIndex = window;
  if (!cue.test(t)) return undefined;
  const starts = [window];
  SENTENCE_GAP.lastIndex = window;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_GAP.exec(t)) !== null) starts.push(m.index + m[0].length);
  let tail: number | undefined;
  for (let k = starts.length - 1; k >= 0; k--) {
    const from = starts[k] ?? 0;
    if (p.proseRun.test(t.slice(from, starts[k + 1] ?? t.length))) break;
    tail = from;
  }
  if (tail === undefined || (tail === window && window > 0)) return undefined;
  let cues = 0;
  let phoneOrEmail = false;
  cue.lastIndex = tail;
  while ((m = cue.exec(t)) !== null) {
    cues++;
    if (!m[0].endsWith(':')) phoneOrEmail = true;
  }
  return cues >= 2 && phoneOrEmail ? tail : undefined;
}

/**
 * Cuts blocks where a lost line break glued two parts of a release together: before an "About X"
 * heading whose end can be found, and before a closing run of contact lines. Returns the blocks and
 * which of them are such contact runs (whole blocks that are only contact lines count too).
 */
function splitRunOnBlocks(p: SectionPatterns, blocks: readonly Block[]): { blocks: Block[]; contactTails: Set<Block> } {
  const out: Block[] = [];
  const contactTails = new Set<Block>();
  const emit = (start: number, end: number, t: string, base: Block): Block => {
    const lead = t.length - t.trimStart().length;
    const trimmed = t.trim();
    const block = start === base.start && end === base.end ? base : { start: start + lead, end: start + lead + trimmed.length, text: trimmed };
    if (block.text !== '') out.push(block);
    return block;
  };
  for (const block of blocks) {
    const t = block.text;
    const cuts: number[] = [];
    if (t.includes('About') || t.includes('ABOUT')) {
      GLUED_ABOUT.lastIndex = 1;
      let m: RegExpExecArray | null;
      while ((m = GLUED_ABOUT.exec(t)) !== null) if (inlineAboutHeadingEnd(t.slice(m.index)) !== undefined) cuts.push(m.index);
    }
    const tail = contactTailStart(p, t);
    if (tail !== undefined && tail > 0 && !cuts.some((c) => c >= tail)) cuts.push(tail);
    if (cuts.length === 0) {
      out.push(block);
      if (tail === 0) contactTails.add(block);
      continue;
    }
    let from = 0;
    for (const cut of [...cuts, t.length]) {
      if (cut <= from) continue;
      const piece = emit(block.start + from, block.start + cut, t.slice(from, cut), block);
      if (tail !== undefined && from === tail) contactTails.add(piece);
      from = cut;
    }
  }
  return { blocks: out, contactTails };
}
