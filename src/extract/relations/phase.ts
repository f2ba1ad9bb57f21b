// Clinical phases as written in filings: "Phase I", "Phase 1", "Phase IIb", "Phase 1/2", "Phase 1b/2",
// "Phase II/III", "pivotal", "preclinical" → the PhaseKey of the graph (src/model/vocabulary.ts). The
// numerals and words come from data/patterns/phases.tsv, compiled once into RelationKnowledge.phases.
import type { PhaseKey } from '../../model/vocabulary.ts';
import { compilePhrases } from './lexicon.ts';

export interface PhaseMention {
  start: number;
  end: number;
  key: PhaseKey;
  /** The sub-phase letter where one was written ("b" of Phase 2b). */
  subphase?: string;
  text: string;
}

/** A phase word of data/patterns/phases.tsv: a numeral ("ii" → 2) or a whole word ("pivotal" → PHASE_3). */
export type PhaseWord = { kind: 'numeral'; form: string; value: number } | { kind: 'word'; form: string; value: PhaseKey };

/** The compiled phase tables (RelationKnowledge.phases). */
export interface PhasePatterns {
  readonly numeralOf: ReadonlyMap<string, number>;
  readonly pattern: RegExp;
  readonly coordinated: RegExp;
  readonly wordOf: ReadonlyMap<string, PhaseKey>;
  readonly words: RegExp;
}

/** Compiles the phase numerals and words into the phase patterns (called by the knowledge loader). */
export function compilePhasePatterns(rows: readonly PhaseWord[]): PhasePatterns {
  const numeralOf = new Map<string, number>();
  const wordOf = new Map<string, PhaseKey>();
  for (const row of rows) {
    if (row.kind === 'numeral') numeralOf.set(row.form.toLowerCase(), row.value);
    else wordOf.set(row.form.toLowerCase(), row.value);
  }
  const numeral = [...numeralOf.keys()].sort((a, b) => b.length - a.length).join('|');
  // "Phase 1", "Phase-1", "phase1".
  const pattern = new RegExp(`(?<![\\p{L}])phases?(?:\\s*|-)(${numeral})([abc])?(?:\\s*(?:/|-|to)\\s*(?:phase\\s*)?(${numeral})([abc])?)?(?![\\p{L}\\p{N}])`, 'giu');
  // "Phase 1 and 2", "Phases 2 and 3", "Phase 1, 2 or 3": further numerals coordinated after a phase
  // name each its own phase (as "Phase 1 and Phase 2" does), unless a unit shows they count something else.
  const coordinated = new RegExp(`^(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|&)\\s+)(${numeral})([abc])?(?![\\p{L}\\p{N}/-])(?!\\s*(?:%|(?:percent|weeks?|months?|years?|days?|patients|subjects|participants|mg)\\b))`, 'iu');
  return Object.freeze({ numeralOf, pattern, coordinated, wordOf, words: compilePhrases([...wordOf.keys()]) });
}

function keyOf(first: number, second: number | undefined): PhaseKey | undefined {
  if (second === undefined || second === first) return (['PHASE_0', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'PHASE_4'] as const)[first];
  if (first === 1 && second === 2) return 'PHASE_1_2';
  if (first === 2 && second === 3) return 'PHASE_2_3';
  return undefined;
}

/** The phases "and 2", ", 3 or 4" name right after a phase mention ending at `pos` of `slice`. */
function coordinatedPhases(t: PhasePatterns, slice: string, pos: number, from: number): PhaseMention[] {
  const out: PhaseMention[] = [];
  for (let at = pos, m = t.coordinated.exec(slice.slice(at)); m; m = t.coordinated.exec(slice.slice(at))) {
    const value = t.numeralOf.get((m[1] ?? '').toLowerCase());
    const key = value === undefined ? undefined : keyOf(value, undefined);
    if (!key) break;
    const start = at + m[0].length - (m[1] ?? '').length - (m[2]?.length ?? 0);
    const mention: PhaseMention = { start: from + start, end: from + at + m[0].length, key, text: slice.slice(start, at + m[0].length) };
    if (m[2]) mention.subphase = m[2].toLowerCase();
    out.push(mention);
    at += m[0].length;
  }
  return out;
}

/** Every phase mention in text[from, to), offsets into `text`. */
export function findPhases(t: PhasePatterns, text: string, from = 0, to = text.length): PhaseMention[] {
  const slice = text.slice(from, to);
  const out: PhaseMention[] = [];
  // The global patterns' lastIndex is the loops' cursor (reset first; a scan runs to its end synchronously).
  t.pattern.lastIndex = 0;
  for (let m = t.pattern.exec(slice); m; m = t.pattern.exec(slice)) {
    const first = t.numeralOf.get((m[1] ?? '').toLowerCase());
    const second = m[3] === undefined ? undefined : t.numeralOf.get(m[3].toLowerCase());
    if (first === undefined) continue;
    let key = keyOf(first, second);
    let end = m.index + m[0].length;
    if (!key && second !== undefined) {
      // "Phase 2 and 3" of unrelated numbers: keep the first phase only.
      key = keyOf(first, undefined);
      end = m.index + m[0].indexOf(m[1] ?? '') + (m[1] ?? '').length + (m[2]?.length ?? 0);
    }
    if (!key) continue;
    const mention: PhaseMention = { start: from + m.index, end: from + end, key, text: slice.slice(m.index, end) };
    const sub = second === undefined ? m[2] : (m[4] ?? (second === first ? m[2] : undefined));
    if (sub && (second === undefined || second === first)) mention.subphase = sub.toLowerCase();
    out.push(mention);
    if (second === undefined) out.push(...coordinatedPhases(t, slice, end, from));
  }
  t.words.lastIndex = 0;
  for (let m = t.words.exec(slice); m; m = t.words.exec(slice)) {
    const key = t.wordOf.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (key) out.push({ start: from + m.index, end: from + m.index + m[0].length, key, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
