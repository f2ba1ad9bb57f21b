// Many phrase groups matched in ONE left-to-right sweep of a text, with exactly the semantics of the
// per-group regular expressions `compilePhrases` (lexicon.ts) builds — whole words, any whitespace run
// between words, a trailing `*` for any word ending, Unicode case-insensitive, non-overlapping
// leftmost matches per group where the longer phrase (as written) wins at one position — but without
// running one big alternation with look-behinds per group per sentence.
//
// The phrases are a trie over case-folded code points with one extra edge, "a run of whitespace".
// From each start position the text decides the single path through the trie (whitespace or the one
// folded character), so a start costs a few map look-ups; phrases that begin with a letter or digit
// sit in their own trie, walked only where no letter or digit precedes (the regex's look-behind).
//
// A trie is built once (by the knowledge loader) and swept synchronously: its per-sweep scratch arrays
// and the fold look-ups it remembers for the characters it has met are its own, never module state.
//
// The same trie also serves the entity stage's known names (NameTrie, below): there a phrase is read
// literally — code point by code point, exactly or in lower case, a space matching only a space — and
// carries a value; what differs is the reading of a phrase, the trie and its walk are these.
import { escapeRegex } from './regex.ts';

export interface PhraseHit {
  start: number;
  end: number;
  /** The matched text, lower-cased. */
  text: string;
}

interface Ending {
  group: number;
  /** Order of the phrase in its group's alternation (longest phrase first): lower wins. */
  rank: number;
  /** The phrase ends in a letter or digit: no letter or digit may follow (the regex's look-ahead). */
  trail: boolean;
  /** Trailing `*`: any run of letters, digits and hyphens follows. */
  wildcard: boolean;
}

interface TrieNode<E = Ending> {
  /** Children by folded code point: parallel arrays, most nodes have one or two children. */
  keys: number[];
  kids: TrieNode<E>[];
  /** The same children as a map, for nodes with many (the roots), ASCII ones also in a table. */
  byKey: Map<number, TrieNode<E>> | undefined;
  ascii: (TrieNode<E> | undefined)[] | undefined;
  /** The edge for a run of whitespace (`\s+`) between two words of a phrase. */
  space: TrieNode<E> | undefined;
  endings: E[] | undefined;
}

const newNode = <E = Ending>(): TrieNode<E> => ({ keys: [], kids: [], byKey: undefined, ascii: undefined, space: undefined, endings: undefined });

const OPENS_LEAD = 1;
const OPENS_FREE = 2;

/** Nodes with more children than this look them up in a map rather than a list. */
const LIST_MAX = 6;

function childOf<E>(node: TrieNode<E>, key: number): TrieNode<E> | undefined {
  if (node.byKey) return key < 0x80 && node.ascii ? node.ascii[key] : node.byKey.get(key);
  const keys = node.keys;
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return node.kids[i];
  return undefined;
}

function addChild<E>(node: TrieNode<E>, key: number): TrieNode<E> {
  const known = childOf(node, key);
  if (known) return known;
  const child = newNode<E>();
  node.keys.push(key);
  node.kids.push(child);
  if (!node.byKey && node.keys.length > LIST_MAX) {
    node.byKey = new Map();
    node.ascii = new Array<TrieNode<E> | undefined>(0x80).fill(undefined);
    node.keys.forEach((k, i) => setChild(node, k, node.kids[i] ?? child));
  } else if (node.byKey) setChild(node, key, child);
  return child;
}

function setChild<E>(node: TrieNode<E>, key: number, child: TrieNode<E>): void {
  node.byKey?.set(key, child);
  if (key < 0x80 && node.ascii) node.ascii[key] = child;
}

// The character classes exactly as the compiled regexes see them (flags `iu`), asked of the engine
// itself for each character so that case folding and Unicode categories agree to the letter.
const WORDY_IU = /^[\p{L}\p{N}]$/iu;
const WILD_IU = /^[\p{L}\p{N}-]$/iu;
const SPACE_IU = /^\s$/iu;
/** Decides which phrases carry a look-behind/look-ahead, as `phraseSource` does. */
const WORDY_CHAR = /[\p{L}\p{N}]/u;

const CLASS_KNOWN = 1;
const CLASS_SPACE = 2;
const CLASS_WORDY = 4;
const CLASS_WILD = 8;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return CLASS_KNOWN | (SPACE_IU.test(ch) ? CLASS_SPACE : 0) | (WORDY_IU.test(ch) ? CLASS_WORDY : 0) | (WILD_IU.test(ch) ? CLASS_WILD : 0);
}

/**
 * The classes of the characters press releases and filings are written in, computed once when the
 * module loads: Latin, Greek and Cyrillic, and the punctuation, currency, letter-like and math blocks
 * (curly quotes, dashes, €, ™). Other characters are classified as they come; nothing is remembered
 * between calls.
 */
const LOW_END = 0x0400;
const SYMBOLS_START = 0x2000;
const SYMBOLS_END = 0x2300;
const LOW_CLASS = Uint8Array.from({ length: LOW_END }, (_, cp) => classify(cp));
const SYMBOLS_CLASS = Uint8Array.from({ length: SYMBOLS_END - SYMBOLS_START }, (_, i) => classify(SYMBOLS_START + i));

function classOf(cp: number): number {
  if (cp < LOW_END) return LOW_CLASS[cp] ?? 0;
  if (cp >= SYMBOLS_START && cp < SYMBOLS_END) return SYMBOLS_CLASS[cp - SYMBOLS_START] ?? 0;
  return classify(cp);
}

/** The classes of the ASCII characters, for the fast paths of the sweep and the walk. */
const ASCII_CLASS = LOW_CLASS.subarray(0, 0x80);

/** The code point at `i` of text[.., to), a surrogate pair counting only when whole inside the bound. */
function codePointAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

export class PhraseTrie {
  /** Group names, in the order their hit lists are returned by `sweep`. */
  readonly groups: readonly string[];
  private readonly indexOfGroup = new Map<string, number>();
  /** Phrases starting with a letter or digit: only tried where none precedes. */
  private readonly leadRoot = newNode();
  /** Phrases starting with anything else ("’s", "-targeting", "®"): tried everywhere. */
  private readonly freeRoot = newNode();
  private hasFree = false;
  /** Fold keys of the phrases' non-ASCII characters (each one's case-insensitive test). */
  private readonly foldKeys: { key: number; test: RegExp }[] = [];
  private readonly foldCache = new Map<number, number>();
  // Per-sweep scratch: the best phrase of each group at the current start position.
  private readonly bestRank: Int32Array;
  private readonly bestEnd: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly nextFree: Int32Array;
  /** Per ASCII character: can it open a phrase of `leadRoot` (1) / of `freeRoot` (2)? Others skip the walk. */
  private readonly opensAscii = new Uint8Array(0x80);

  /**
   * The order of phrases within a group does not matter: as in `compilePhrases`, distinct phrases
   * rank longest first, then in code-unit order, and at one position the best-ranked match wins.
   */
  constructor(phrasesByGroup: ReadonlyMap<string, readonly string[]>) {
    this.groups = [...phrasesByGroup.keys()];
    this.groups.forEach((g, i) => this.indexOfGroup.set(g, i));
    this.bestRank = new Int32Array(this.groups.length).fill(-1);
    this.bestEnd = new Int32Array(this.groups.length);
    this.touched = new Int32Array(this.groups.length);
    this.nextFree = new Int32Array(this.groups.length);
    for (const [group, phrases] of phrasesByGroup) {
      const gi = this.indexOfGroup.get(group) ?? 0;
      const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      sorted.forEach((phrase, rank) => this.add(gi, rank, phrase));
    }
    for (let c = 0; c < 0x80; c++) {
      const opens = (root: TrieNode): boolean => ((classOf(c) & CLASS_SPACE) !== 0 ? root.space !== undefined : childOf(root, this.fold(c)) !== undefined);
      this.opensAscii[c] = (opens(this.leadRoot) ? OPENS_LEAD : 0) | (opens(this.freeRoot) ? OPENS_FREE : 0);
    }
  }

  /** Index of a group in `sweep`'s result, or undefined for a group with no phrases. */
  groupIndex(group: string): number | undefined {
    return this.indexOfGroup.get(group);
  }

  private add(group: number, rank: number, phrase: string): void {
    const wildcard = phrase.endsWith('*');
    const body = wildcard ? phrase.slice(0, -1) : phrase;
    if (body === '') return; // matches the empty string only; no phrase is written so
    const lead = WORDY_CHAR.test(body[0] ?? '');
    const trail = !wildcard && WORDY_CHAR.test(body[body.length - 1] ?? '');
    let node = lead ? this.leadRoot : this.freeRoot;
    if (!lead) this.hasFree = true;
    body.split(/\s+/).forEach((part, i) => {
      if (i > 0) node = node.space ??= newNode();
      for (const ch of part) {
        const key = this.keyOfPhraseChar(ch.codePointAt(0) ?? 0);
        node = addChild(node, key);
      }
    });
    (node.endings ??= []).push({ group, rank, trail, wildcard });
  }

  /** ASCII letters fold to lower case; other characters to the first phrase character equal to them. */
  private keyOfPhraseChar(cp: number): number {
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
    const ch = String.fromCodePoint(cp);
    for (let a = 0x20; a < 0x7f; a++) {
      if (new RegExp(`^${escapeRegex(String.fromCharCode(a))}$`, 'iu').test(ch)) return a >= 0x41 && a <= 0x5a ? a + 0x20 : a;
    }
    for (const { key, test } of this.foldKeys) if (test.test(ch)) return key;
    this.foldKeys.push({ key: cp, test: new RegExp(`^${escapeRegex(ch)}$`, 'iu') });
    this.foldCache.clear();
    return cp;
  }

  /** The trie key a text character matches, or -1 when it matches no phrase character. */
  private fold(cp: number): number {
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
    let key = this.foldCache.get(cp);
    if (key === undefined) {
      key = -1;
      const ch = String.fromCodePoint(cp);
      for (let a = 0x61; a <= 0x7a && key === -1; a++) if (new RegExp(`^${String.fromCharCode(a)}$`, 'iu').test(ch)) key = a;
      for (const f of this.foldKeys) if (key === -1 && f.test.test(ch)) key = f.key;
      this.foldCache.set(cp, key);
    }
    return key;
  }

  /**
   * Every group's matches in text[from, to) as if that stretch were the whole string: per group,
   * non-overlapping, left to right. Groups without a match get undefined.
   */
  sweep(text: string, from = 0, to = text.length): (PhraseHit[] | undefined)[] {
    const out: (PhraseHit[] | undefined)[] = new Array<PhraseHit[] | undefined>(this.groups.length);
    this.nextFree.fill(from);
    let prevWordy = false;
    for (let p = from; p < to;) {
      const c = text.charCodeAt(p);
      const cp = c < 0xd800 ? c : codePointAt(text, p, to);
      const opens = cp < 0x80 ? (this.opensAscii[cp] ?? 0) : OPENS_LEAD | OPENS_FREE;
      if (!prevWordy && (opens & OPENS_LEAD) !== 0) this.walk(this.leadRoot, text, p, to);
      if (this.hasFree && (opens & OPENS_FREE) !== 0) this.walk(this.freeRoot, text, p, to);
      if (this.touchedCount > 0) this.takeHits(out, text, p, from);
      prevWordy = ((cp < 0x80 ? (ASCII_CLASS[cp] ?? 0) : classOf(cp)) & CLASS_WORDY) !== 0;
      p += cp > 0xffff ? 2 : 1;
    }
    return out;
  }

  /** Each group's best phrase at `p` becomes a hit unless it overlaps the group's previous hit. */
  private takeHits(out: (PhraseHit[] | undefined)[], text: string, p: number, from: number): void {
    for (let k = 0; k < this.touchedCount; k++) {
      const g = this.touched[k] ?? 0;
      const end = this.bestEnd[g] ?? p;
      if (p >= (this.nextFree[g] ?? from)) {
        const hit = { start: p, end, text: text.slice(p, end).toLowerCase() };
        const list = out[g];
        if (list) list.push(hit);
        else out[g] = [hit];
        this.nextFree[g] = end;
      }
      this.bestRank[g] = -1;
    }
    this.touchedCount = 0;
  }

  /** True when text[from, to) holds a match of any phrase (of any group). */
  test(text: string, from = 0, to = text.length): boolean {
    for (const hits of this.sweep(text, from, to)) if (hits) return true;
    return false;
  }

  /** Follows the one path the text at `start` takes through the trie, noting each group's best phrase. */
  private walk(root: TrieNode, text: string, start: number, to: number): void {
    let node: TrieNode | undefined = root;
    let q = start;
    while (node) {
      if (node.endings) this.noteEndings(node.endings, text, start, q, to);
      if (q >= to) return;
      const c = text.charCodeAt(q);
      if (c < 0x80 && ((ASCII_CLASS[c] ?? 0) & CLASS_SPACE) === 0) {
        // The common case: an ASCII character that is not whitespace.
        node = childOf(node, c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
        q += 1;
        continue;
      }
      const cp = codePointAt(text, q, to);
      if ((classOf(cp) & CLASS_SPACE) !== 0) {
        node = node.space;
        if (!node) return;
        q += 1; // whitespace characters are all in the BMP
        while (q < to && (classOf(text.charCodeAt(q)) & CLASS_SPACE) !== 0) q += 1;
      } else {
        node = childOf(node, this.fold(cp));
        q += cp > 0xffff ? 2 : 1;
      }
    }
  }

  private noteEndings(endings: readonly Ending[], text: string, start: number, at: number, to: number): void {
    for (const e of endings) {
      let end = at;
      if (e.wildcard) {
        while (end < to) {
          const cp = codePointAt(text, end, to);
          if ((classOf(cp) & CLASS_WILD) === 0) break;
          end += cp > 0xffff ? 2 : 1;
        }
      } else if (e.trail && at < to && (classOf(codePointAt(text, at, to)) & CLASS_WORDY) !== 0) continue;
      const best = this.bestRank[e.group] ?? -1;
      if (best !== -1 && best <= e.rank) continue;
      if (best === -1) this.touched[this.touchedCount++] = e.group;
      this.bestRank[e.group] = e.rank;
      this.bestEnd[e.group] = end;
    }
  }
}

/** A known name at a trie node: its form as added, the form it is compared as, its value, and when it was added. */
interface NameEnding<V> {
  /** The form in the reading's case (lower case when case-free): the text's stretch must read as this. */
  compared: string;
  value: V;
  order: number;
}

export interface NameHit<V> {
  start: number;
  end: number;
  /** The text as written. */
  form: string;
  value: V;
}

const WORD_START = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const HYPHEN = 45;
const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;

/**
 * Known names in a text, the literal reading of the trie (the entity stage's names: an agency "FDA"
 * is not "fda", a company alias "Acme" is not "ACME" unless `caseFree`): a form is compared code point
 * by code point, exactly or (case-free) as `toLowerCase` compares it, a space only matches a space.
 * A match starts at a word (a run of letters and digits) not after a hyphen ("non-Acme"), ends before
 * no letter, digit or hyphen-and-letter ("Acme Bio-Labs"); at one start the longest form wins (of
 * equal ones the first added), and matches do not overlap. The trie proposes the forms along the
 * text's one path from a start; each is then checked as written, so case-free matching is exactly
 * `toLowerCase` equality (a form whose lower case changes its length, such as one with "İ", is not
 * proposed).
 */
export class NameTrie<V> {
  private readonly root = newNode<NameEnding<V>>();
  private count = 0;

  constructor(private readonly caseFree: boolean) {}

  /** How many forms were added (and kept). */
  get size(): number {
    return this.count;
  }

  /** Adds a form; one that does not open with a letter or digit is never matched, so it is not kept. */
  add(form: string, value: V): void {
    WORD_START.lastIndex = 0;
    const first = WORD_START.exec(form);
    if (!first || first.index !== 0) return;
    let node = this.root;
    for (const ch of form) node = addChild(node, this.keyOf(ch.codePointAt(0) ?? 0));
    (node.endings ??= []).push({ compared: this.caseFree ? form.toLowerCase() : form, value, order: this.count++ });
  }

  /** The trie key of a code point: itself, or case-free its lower case (final sigma as sigma) when that is one code point. */
  private keyOf(cp: number): number {
    if (!this.caseFree) return cp;
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
    const lower = String.fromCodePoint(cp).toLowerCase();
    const key = lower.codePointAt(0) ?? cp;
    if (lower.length !== (key > 0xffff ? 2 : 1)) return cp;
    return key === FINAL_SIGMA ? SIGMA : key;
  }

  /**
   * The known name at `at` in text[.., to) (`source` is the text as compared, `text` as written; they
   * differ only for `scan`'s lower-cased copy), or undefined.
   */
  private nameAt(source: string, text: string, at: number, to: number): { end: number; value: V } | undefined {
    // The forms along the text's path from `at`, longest first (the path runs deeper as they lengthen).
    let found: NameEnding<V>[] | undefined;
    let node: TrieNode<NameEnding<V>> | undefined = this.root;
    for (let q = at; node;) {
      if (node.endings) (found ??= []).push(...node.endings);
      if (q >= to) break;
      const cp = source.codePointAt(q) ?? 0;
      node = childOf(node, this.keyOf(cp));
      q += cp > 0xffff ? 2 : 1;
    }
    if (!found) return undefined;
    found.sort((a, b) => b.compared.length - a.compared.length || a.order - b.order);
    for (const { compared, value } of found) {
      const end = at + compared.length;
      if (end > to) continue;
      const surface = source.slice(at, end);
      if ((this.caseFree ? surface.toLowerCase() : surface) !== compared) continue;
      const next = end < to ? text[end] : undefined;
      const afterNext = end + 1 < to ? text[end + 1] : undefined;
      if (next !== undefined && (LETTER_OR_DIGIT.test(next) || (next === '-' && afterNext !== undefined && LETTER.test(afterNext)))) continue;
      return { end, value };
    }
    return undefined;
  }

  /**
   * The names in text[from, to), given where its words start (ascending; a sentence's shared word
   * list): one walk per word start that is not inside the previous match.
   */
  scanWords(text: string, wordStarts: readonly number[], from: number, to: number, visit: (hit: NameHit<V>) => void): void {
    if (this.count === 0) return;
    let resume = from;
    for (const at of wordStarts) {
      if (at < resume || (at > from && text.charCodeAt(at - 1) === HYPHEN)) continue;
      const name = this.nameAt(text, text, at, to);
      if (!name) continue;
      visit({ start: at, end: name.end, form: text.slice(at, name.end), value: name.value });
      resume = name.end;
    }
  }

  /** The names in text[start, end), finding its words itself (case-free: in a lower-cased copy, read back as written). */
  scan(text: string, start: number, end: number, visit: (hit: NameHit<V>) => void): void {
    const slice = text.slice(start, end);
    const lowered = this.caseFree ? slice.toLowerCase() : slice;
    // toLowerCase may change the length of rare characters; offsets would drift, so read the original.
    const source = lowered.length === slice.length ? lowered : slice;
    WORD_START.lastIndex = 0;
    for (let m = WORD_START.exec(source); m !== null; m = WORD_START.exec(source)) {
      const at = m.index;
      const before = source[at - 1];
      if (before !== undefined && (before === '-' || LETTER_OR_DIGIT.test(before))) continue;
      const name = this.nameAt(source, source, at, source.length);
      if (!name) continue;
      visit({ start: start + at, end: start + name.end, form: slice.slice(at, name.end), value: name.value });
      WORD_START.lastIndex = name.end;
    }
  }
}
