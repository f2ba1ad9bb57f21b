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

interface TrieNode {
  /** Children by folded code point: parallel arrays, most nodes have one or two children. */
  keys: number[];
  kids: TrieNode[];
  /** The same children as a map, for nodes with many (the roots), ASCII ones also in a table. */
  byKey: Map<number, TrieNode> | undefined;
  ascii: (TrieNode | undefined)[] | undefined;
  /** The edge for a run of whitespace (`\s+`) between two words of a phrase. */
  space: TrieNode | undefined;
  endings: Ending[] | undefined;
}

const newNode = (): TrieNode => ({ keys: [], kids: [], byKey: undefined, ascii: undefined, space: undefined, endings: undefined });

const OPENS_LEAD = 1;
const OPENS_FREE = 2;

/** Nodes with more children than this look them up in a map rather than a list. */
const LIST_MAX = 6;

function childOf(node: TrieNode, key: number): TrieNode | undefined {
  if (node.byKey) return key < 0x80 && node.ascii ? node.ascii[key] : node.byKey.get(key);
  const keys = node.keys;
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return node.kids[i];
  return undefined;
}

function addChild(node: TrieNode, key: number): TrieNode {
  const known = childOf(node, key);
  if (known) return known;
  const child = newNode();
  node.keys.push(key);
  node.kids.push(child);
  if (!node.byKey && node.keys.length > LIST_MAX) {
    node.byKey = new Map();
    node.ascii = new Array<TrieNode | undefined>(0x80).fill(undefined);
    node.keys.forEach((k, i) => setChild(node, k, node.kids[i] ?? child));
  } else if (node.byKey) setChild(node, key, child);
  return child;
}

function setChild(node: TrieNode, key: number, child: TrieNode): void {
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
