// Grammar frames: deal and drug-science facts read from the shape of a clause, not from remembered sentences. A frame
// ("X grants Y a licence", "Y licensed A from X", "X will pay Y", "X completed its acquisition of Y")
// is a compromise match pattern in data/patterns/frames.json (or science-frames.json) over the sentence as compromise parses
// it, with each entity mention replaced by one placeholder word (`entc3` for the fourth mention, a
// company). The pattern names its roles as capture groups; the frame says which relation the roles
// make and which labels they take. So "X and Z have granted Y an exclusive, sublicensable licence"
// and "the NIH granted us a licence" are one frame, and adverbs, auxiliaries and adjectives in
// between are read by their part of speech, not listed.
//
// Quirks of compromise's matcher to write around: after a wildcard (`.{0,6}`), an alternation that
// holds a tag (`(capital|#Money)`, `(#EntDrug|#EntTechnology)`) never matches, so keep alternations
// after a wildcard to words and use `#Ent` (the role's labels filter the filler); a wildcard is lazy
// (it stops at the first term the rest matches); groups do not nest; a hyphenated word is two terms
// ("in-licensed" is matched as `in licensed`).
//
// Only sentences that hold a frame's trigger word and two mentions are parsed, so the parse (the
// costly part) runs on a few per cent of a document's sentences; and of those only the ones that
// hold, in order and close enough, the mentions and words every match of a frame needs (its steps,
// read from the compiled pattern: no step is written by hand, so a new frame is pre-checked too).
// The pre-check is a necessary condition only: it drops the parses that could find nothing. And a
// sentence whose frames read only words and placeholder tags is matched on compromise's untagged
// terms (`GrammarParser.tokens`), skipping the tagger, the costly part of the parse; the sentences of a
// document that need the tagger are tagged in one pass (`prepareFrames`, before the rules run).
import { z } from 'zod';
import { EntityLabel, RelationshipType } from '../../model/vocabulary.ts';
import type { CompiledMatch, MatchStep, View } from '../../nlp/compromise.ts';
import type { Item, SentenceContext } from './context.ts';
import type { Emit, SentenceRule } from './rules/types.ts';
import { COMPANY } from './rules/types.ts';
import { framePaymentProperties } from './rules/payments.ts';

/** The role no pattern captures: the document's main company (the registrant, the release's issuer), named by no word of the sentence. */
export const ISSUER_ROLE = 'issuer';

const Role = z.object({
  /** The capture group of the pattern that holds this role, or `issuer` for the document's main company ("• Received a $7 million milestone from B"). */
  group: z.string().regex(/^[a-z]+$/),
  /** Labels a mention must have to fill the role. */
  labels: z.array(EntityLabel).min(1),
  /**
   * `false`: a mention in the possessive never fills the role. compromise has no "and" of two tags, so a
   * role such as a licensee cannot say "a company, not in the possessive" in the pattern; in "A uses B's
   * platform under a licence" B owns the platform and holds no licence to it.
   */
  possessive: z.literal(false).optional(),
});

/** One frame as written in data/patterns/frames.json or science-frames.json. */
export const FrameRecord = z.object({
  id: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'a frame id is family.name in lower case'),
  relation: RelationshipType,
  source: Role,
  target: Role,
  /** What the licence or deal covers: drugs and technologies after the match, for the role `owner`. */
  assets: z.object({ relation: RelationshipType, owner: z.string().regex(/^[a-z]+$/) }).optional(),
  /** Lower-case words of which the sentence must hold one before it is parsed. */
  triggers: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
  /** Words of which the sentence must also hold one (the frame's preposition: "from", "by", "with"), checked before the parse. */
  alsoNeeds: z
    .array(z.string().regex(/^[a-z-]+$/))
    .min(1)
    .optional(),
  /**
   * Labels of which no other entity may be named between the two roles' mentions: a wildcard of the
   * pattern may not carry the frame across another drug ("trial of X in A and Y in B" gives Y, not X, B).
   */
  apart: z.array(EntityLabel).min(1).optional(),
  /**
   * At most this many characters between a mention of the source's labels and one of the target's,
   * checked before the parse: a frame read inside a noun phrase needs its two mentions close.
   */
  within: z.number().int().positive().optional(),
  /**
   * A trigger word must follow a mention of this label within this many characters, checked before the
   * parse: "<disease> drug", "<target> inhibitor" read a noun phrase whose head comes right after the name.
   */
  triggerAfter: z.object({ label: EntityLabel, within: z.number().int().positive() }).optional(),
  /** A compromise match pattern; `#Ent` is a mention placeholder. */
  match: z.string().min(1),
  reason: z.string().min(1),
  /** Sentences from different sources, marked up as "[Company:Acme] granted [Company:Beta] …", and the facts they give. */
  examples: z.array(z.object({ text: z.string(), facts: z.array(z.string()) })).min(1),
});
export type FrameRecord = z.infer<typeof FrameRecord>;

/** What the frames need of compromise: the configured parse, and a pattern compiled once. */
export interface GrammarParser {
  parse(text: string): View;
  /** `parse` of each text, the texts tagged in one pass (each view as `parse` gives it); without it, one `parse` per text. */
  parseEach?(texts: readonly string[]): View[];
  /** The terms of the parse without its tags, when the tagger cannot change them (else undefined): for patterns that read no tag of the tagger. */
  tokens(text: string): View | undefined;
  /** The tags a compiled pattern reads, or undefined when it reads other work of the tagger (roots, chunks). */
  tagsRead(pattern: CompiledMatch): ReadonlySet<string> | undefined;
  compile(pattern: string): CompiledMatch;
  /** The terms every match of a compiled pattern holds, in order (a necessary condition). */
  steps(pattern: CompiledMatch): readonly MatchStep[];
  /** Words a parse can hold without the text spelling them (contractions, aliases). */
  impliedWords(): ReadonlySet<string>;
  /** Whether a run of non-blank characters can put one of those words in the parse (`impliedWords`). */
  impliesWords(): (run: string) => boolean;
}

/** A term of a parse: its normalised text and its [sentence, term] position. */
interface GrammarTerm {
  readonly normal: string;
  readonly index?: readonly [number, number] | undefined;
}

/** What the frames read of any compromise view (a parse, a match, a group). */
interface AnyView {
  readonly docs: unknown;
  groups(name: string): unknown;
}

/** The terms of a view, one array per matched stretch (compromise's `docs`). */
function stretchesOf(view: AnyView): readonly (readonly GrammarTerm[])[] {
  return view.docs as readonly (readonly GrammarTerm[])[];
}

/** A named group of a match, when the pattern captured it. */
function groupOf(view: AnyView, name: string): AnyView | undefined {
  const group: unknown = view.groups(name);
  return group !== null && typeof group === 'object' && 'docs' in group ? (group as AnyView) : undefined;
}

interface CompiledFrame {
  readonly record: FrameRecord;
  readonly pattern: CompiledMatch;
  /** What a sentence must hold, in this order, for the pattern to match: read before the parse. */
  readonly steps: readonly FrameStep[];
  /** Whether the pattern reads words and placeholder tags only, so matches the untagged terms as it matches the parse. */
  readonly untagged: boolean;
}

/**
 * A term every match holds: a mention placeholder of one of these labels (in the possessive, for
 * `#EntPossessive`), or one of these words; at most `gapBefore` terms after the previous step.
 */
type FrameStep = ({ readonly labels: ReadonlySet<EntityLabel>; readonly possessive: boolean } | { readonly words: ReadonlySet<string> }) & { readonly gapBefore: number };

export interface FrameKnowledge {
  /** Every frame, compiled; `apply` runs them on a sentence. */
  readonly frames: readonly FrameRecord[];
  /** Trigger word → indexes of the frames it opens. */
  readonly byTrigger: ReadonlyMap<string, readonly number[]>;
  /** Trigger words of the frames with an issuer role, which a sentence naming one entity can fill. */
  readonly issuerTriggers: readonly string[];
  /** Runs the frames whose triggers the sentence holds; returns each match's role fillers (indexes into `items`). */
  apply(text: string, items: readonly PlaceholderItem[], active: readonly number[]): FrameMatch[];
  /**
   * `apply` up to the parse: the placeholder text and the frames whose steps it holds, with compromise's
   * untagged terms when those frames need no more; undefined when no frame can match.
   */
  prepare(text: string, items: readonly PlaceholderItem[], active: readonly number[]): PreparedFrames | undefined;
  /** The tagged parses of prepared sentences' placeholder texts (`PreparedFrames.placeheld`), all in one pass of the tagger. */
  parseEach(placeheld: readonly string[]): View[];
  /** `apply` after the parse: the prepared frames matched on `doc`, the sentence's untagged terms or its parse (parsed here when undefined). */
  match(prepared: PreparedFrames, doc: View | undefined): FrameMatch[];
}

/** A sentence read for the frames up to the parse (`FrameKnowledge.prepare`). */
export interface PreparedFrames {
  readonly text: string;
  readonly items: readonly PlaceholderItem[];
  /** The sentence with each item replaced by its placeholder word: the text compromise reads. */
  readonly placeheld: string;
  /** The frames whose steps the sentence holds (all candidates when its text cannot be read for them). */
  readonly active: readonly number[];
  /** compromise's untagged terms of `placeheld` when every active frame can match them; else the tagged parse is needed. */
  readonly tokens: View | undefined;
}

export interface PlaceholderItem {
  label: EntityLabel;
  start: number;
  end: number;
}

export interface FrameMatch {
  frame: FrameRecord;
  /** Role group name → indexes of the items inside it, in text order. */
  roles: Map<string, number[]>;
  /** Indexes of the items after the matched clause, up to the next company: what a licence covers. */
  after: number[];
}

const LABEL_LETTER: Record<EntityLabel, string> = {
  Company: 'c',
  Drug: 'd',
  Target: 'g',
  Technology: 't',
  Person: 'p',
  Disease: 'x',
  Organization: 'o',
  Event: 'e',
  Location: 'l',
  // Deals and payments are built after relations, never mentioned as such: no frame places them.
  Deal: 'k',
  Payment: 'y',
};
// compromise keeps a possessive on the term ("entc2’s" is one term, normal "entc2's", tagged #Possessive).
const PLACEHOLDER = /^ent[a-z](\d+)(?:'s?)?$/;
/** The possessive ending right after a mention ("B's", "B’s", "Partners'"). */
const POSSESSIVE_AFTER = /^['’]s?\b|^['’]$/;

/** The sentence with each item replaced by its placeholder word (items in text order, not overlapping). */
function withPlaceholders(text: string, items: readonly PlaceholderItem[]): string {
  let out = '';
  let last = 0;
  items.forEach((item, i) => {
    // A possessive stays on its placeholder ("entc2's"), so that compromise reads it as one possessive term, and so
    // does punctuation: "entc1 , entc2" would make the comma a term of its own, "entc1, entc2" keeps the two names adjacent.
    const glued = POSSESSIVE_AFTER.test(text.slice(item.end, item.end + 3)) || /^[,;:]/.test(text.slice(item.end, item.end + 1));
    out += `${text.slice(last, item.start)} ent${LABEL_LETTER[item.label]}${i}${glued ? '' : ' '}`;
    last = item.end;
  });
  return out + text.slice(last);
}

function placeholderIndex(normal: string): number | undefined {
  const m = PLACEHOLDER.exec(normal);
  return m ? Number(m[1]) : undefined;
}

const LABELS = Object.keys(LABEL_LETTER) as EntityLabel[];
const LABEL_OF_LETTER = new Map(Object.entries(LABEL_LETTER).map(([label, letter]) => [letter, label as EntityLabel]));

/** The placeholder tag of a mention in the possessive (its owner role: "X is A's platform"). */
const POSSESSIVE_TAG = 'EntPossessive';
/** The tags the frames give placeholders after the parse (compileFrames): a pattern reading only these needs no tagger. */
const PLACEHOLDER_TAGS: ReadonlySet<string> = new Set(['Ent', POSSESSIVE_TAG, ...LABELS.map((label) => `Ent${label}`)]);

/**
 * The pattern's steps a sentence can be read for without a parse: placeholders (the tags Ent,
 * Ent<Label> and EntPossessive are given to placeholders only) and words (the text spells them, or a
 * run of it that can imply them: chunksOf). Steps on other tags are left out.
 */
function frameSteps(steps: readonly MatchStep[]): FrameStep[] {
  const out: FrameStep[] = [];
  // A step left out is one more term the gap to the next step may hold.
  let carried = 0;
  for (const step of steps) {
    const gapBefore = carried + step.gapBefore;
    if ('words' in step) {
      out.push({ words: new Set(step.words), gapBefore });
      carried = 0;
      continue;
    }
    const labels = step.tags.map((tag) => (tag === 'Ent' || tag === POSSESSIVE_TAG ? LABELS : LABELS.filter((l) => tag === `Ent${l}`)));
    if (labels.every((l) => l.length > 0)) {
      out.push({ labels: new Set(labels.flat()), possessive: step.tags.every((tag) => tag === POSSESSIVE_TAG), gapBefore });
      carried = 0;
      continue;
    }
    carried = gapBefore + 1;
  }
  return out;
}

/**
 * The placeholder text as compromise's terms will lie in it: one chunk per run of non-blank
 * characters (a term never spans a blank; a chunk may hold several terms), each a placeholder's label
 * (and whether it is in the possessive) or the words its terms can read as; a run that can imply
 * words compromise adds (contractions, aliases: "entc2's" may read "entc2 is") holds those words too,
 * after its placeholder. Undefined when the text holds what the chunks cannot vouch for: a letter or
 * blank outside ASCII (compromise transliterates), a word that could read as a placeholder, "-in'"
 * (compromise reads "payin'" as "paying").
 */
interface Chunk {
  readonly label?: EntityLabel | undefined;
  readonly possessive: boolean;
  readonly words: readonly string[];
  /** Whether the chunk holds one term at least (a placeholder, a letter or a digit). */
  readonly alnum: boolean;
}
const UNSAFE_TEXT = /[^\t\n\r -~’‘“”–—®™©•…°§€£¥]/;
const UNSAFE_BLANK = /[^\S \t\n\r]/;
const PLACEHOLDER_LIKE = /ent[a-z]\d/i;
const DROPPED_G = /in['’]/i;
// A placeholder keeps a possessive or a following comma, semicolon or colon glued to it (withPlaceholders).
const PLACEHOLDER_CHUNK = /^ent([a-z])(\d+)(['’]s?)?[,;:]?$/;

const ASCII_LETTERS = /^[A-Za-z]+$/;

/** A piece without the non-letters at its edges. */
function edged(piece: string): string {
  return piece.replace(/^[^a-z]+|[^a-z]+$/g, '');
}

function chunksOf(original: string, placeheld: string, items: readonly PlaceholderItem[], implied: ReadonlySet<string>, impliesWords: (run: string) => boolean): Chunk[] | undefined {
  if (UNSAFE_TEXT.test(placeheld) || UNSAFE_BLANK.test(placeheld) || PLACEHOLDER_LIKE.test(original) || DROPPED_G.test(placeheld)) return undefined;
  const chunks: Chunk[] = [];
  const impliedList = [...implied];
  for (const raw of placeheld.split(/[ \t\n\r]+/)) {
    if (raw === '') continue;
    const placeholder = PLACEHOLDER_CHUNK.exec(raw);
    const item = placeholder ? items[Number(placeholder[2])] : undefined;
    if (placeholder && item && LABEL_OF_LETTER.get(placeholder[1] ?? '') === item.label) {
      chunks.push({ label: item.label, possessive: placeholder[3] !== undefined, words: impliesWords(raw) ? impliedList : [], alnum: true });
      continue;
    }
    // A chunk of ASCII letters only (most of them) is its own lower-case form: every reading below is that one word.
    if (ASCII_LETTERS.test(raw)) {
      const lower = raw.toLowerCase();
      chunks.push({ possessive: false, words: impliesWords(raw) ? [...new Set([lower, ...implied])] : [lower], alnum: true });
      continue;
    }
    // compromise's normal form lower-cases, reads an en dash as a hyphen, drops the punctuation around
    // a word and the full stops of an acronym ("b.y." reads "by"), splits hyphens and slashes.
    const lower = raw.toLowerCase().replace(/–/g, '-');
    const words = new Set<string>(lower.match(/[a-z]+/g) ?? []);
    words.add(edged(lower));
    words.add(lower.replace(/[^a-z]/g, ''));
    for (const piece of lower.split('/')) words.add(edged(piece));
    if (impliesWords(raw)) for (const word of implied) words.add(word);
    // A chunk with a letter or digit is one term at least; one of punctuation alone may be none ("-") or one (",").
    chunks.push({ possessive: false, words: [...words], alnum: /[a-z0-9]/.test(lower) });
  }
  return chunks;
}

function holds(chunk: Chunk, step: FrameStep): boolean {
  if ('words' in step) {
    for (const w of chunk.words) if (step.words.has(w)) return true;
    return false;
  }
  return chunk.label !== undefined && step.labels.has(chunk.label) && (chunk.possessive || !step.possessive);
}

/**
 * Whether the chunks hold the steps in order, each within its gap of the one before: a placeholder
 * is one term, a chunk of words at least one (words may share a chunk), a chunk of punctuation none.
 * `terms[k]` counts the chunks before k that hold a term at least.
 */
function holdsSteps(chunks: readonly Chunk[], terms: readonly number[], steps: readonly FrameStep[]): boolean {
  // The chunks where a match can have reached the step before (all, before the first step).
  let reached: number[] | undefined;
  for (const step of steps) {
    const next: number[] = [];
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k];
      if (chunk === undefined || !holds(chunk, step)) continue;
      const fits =
        reached === undefined ||
        reached.some((p) => {
          // The same chunk again only for a word (two terms of one chunk: "in-licensed", a placeholder and the "is" of its "'s").
          if (p === k) return 'words' in step;
          return p < k && (terms[k] ?? 0) - (terms[p + 1] ?? 0) <= step.gapBefore;
        });
      if (fits) next.push(k);
    }
    if (next.length === 0) return false;
    reached = next;
  }
  return true;
}

/** For each chunk index k (and one past the last), how many chunks before k hold a term at least. */
function termsBefore(chunks: readonly Chunk[]): number[] {
  const out = [0];
  for (const chunk of chunks) out.push((out[out.length - 1] ?? 0) + (chunk.alnum ? 1 : 0));
  return out;
}

export function compileFrames(records: readonly FrameRecord[], parser: GrammarParser): FrameKnowledge {
  const implied = parser.impliedWords();
  const impliesWords = parser.impliesWords();
  const compiled: CompiledFrame[] = records.map((record) => {
    const pattern = parser.compile(record.match);
    const tags = parser.tagsRead(pattern);
    const untagged = tags !== undefined && [...tags].every((tag) => PLACEHOLDER_TAGS.has(tag));
    return { record, pattern, steps: frameSteps(parser.steps(pattern)), untagged };
  });
  const byTrigger = new Map<string, number[]>();
  records.forEach((record, i) => {
    for (const word of record.triggers) {
      const list = byTrigger.get(word);
      if (list) list.push(i);
      else byTrigger.set(word, [i]);
    }
  });
  // Every placeholder is tagged #Ent, and by its label: #EntCompany, #EntDrug, …
  const placeholderPatterns: { tag: string; label?: EntityLabel; pattern: CompiledMatch }[] = LABELS.map((label) => ({ tag: `Ent${label}`, label, pattern: parser.compile(`/^ent${LABEL_LETTER[label]}[0-9]+('s?)?$/`) }));
  // A mention in the possessive is also #EntPossessive: the owner of the noun phrase it opens ("X is A's platform").
  placeholderPatterns.push({ tag: POSSESSIVE_TAG, pattern: parser.compile(`/^ent[a-z][0-9]+'s?$/`) });
  const itemsOf = (view: AnyView | undefined): number[] => {
    const out: number[] = [];
    for (const stretch of view === undefined ? [] : stretchesOf(view)) {
      for (const term of stretch) {
        const index = placeholderIndex(term.normal);
        if (index !== undefined) out.push(index);
      }
    }
    return out;
  };
  const prepare = (text: string, items: readonly PlaceholderItem[], candidates: readonly number[]): PreparedFrames | undefined => {
    const placeheld = withPlaceholders(text, items);
    // The parse is the costly part: only for frames whose steps the sentence holds in order (when its
    // text can be read for them; else for all).
    const chunks = chunksOf(text, placeheld, items, implied, impliesWords);
    const counts = chunks === undefined ? [] : termsBefore(chunks);
    const active = chunks === undefined ? candidates : candidates.filter((i) => holdsSteps(chunks, counts, compiled[i]?.steps ?? []));
    if (active.length === 0) return undefined;
    // Frames that read no tag of compromise's tagger need only its terms (a fraction of the parse); any other frame, the whole parse.
    const tokens = active.every((i) => compiled[i]?.untagged === true) ? parser.tokens(placeheld) : undefined;
    return { text, items, placeheld, active, tokens };
  };
  const parseEach = (texts: readonly string[]): View[] => (parser.parseEach === undefined ? texts.map((t) => parser.parse(t)) : parser.parseEach(texts));
  const match = ({ text, items, active, placeheld }: PreparedFrames, parsed: View | undefined): FrameMatch[] => {
    const doc = parsed ?? parser.parse(placeheld);
    // Only the labels the sentence has placeholders of (every label when its own text holds a word like a placeholder).
    const labels = PLACEHOLDER_LIKE.test(text) ? undefined : new Set(items.map((item) => item.label));
    for (const { tag, label, pattern } of placeholderPatterns) if (labels === undefined || label === undefined || labels.has(label)) doc.match(pattern).tag('Ent').tag(tag);
    // Every term of the parse in order, to read on after a match.
    const terms = stretchesOf(doc).flat();
    const positionOf = (term: GrammarTerm | undefined): number => (term?.index === undefined ? -1 : terms.findIndex((t) => t.index?.[0] === term.index?.[0] && t.index?.[1] === term.index?.[1]));
    const out: FrameMatch[] = [];
    for (const i of active) {
      const frame = compiled[i];
      if (!frame) continue;
      doc.match(frame.pattern).forEach((whole) => {
        // A match view carries its groups only when matched itself; match it again to read them.
        const m = whole.match(frame.pattern);
        const roles = new Map<string, number[]>();
        for (const group of [frame.record.source.group, frame.record.target.group, frame.record.assets?.owner]) {
          if (group !== undefined) roles.set(group, itemsOf(groupOf(m, group)));
        }
        // What the clause covers: the items inside the match, then those after it up to the next company
        // ("… an exclusive licence to develop A and B in Japan").
        const after = itemsOf(m);
        const stretch = stretchesOf(m)[0] ?? [];
        const end = positionOf(stretch[stretch.length - 1]);
        for (let k = end + 1; end >= 0 && k < terms.length; k++) {
          const index = placeholderIndex(terms[k]?.normal ?? '');
          if (index === undefined) continue;
          const item = items[index];
          // A company named in a possessive ("… of B's therapy X") owns what follows; any other company starts another party's clause.
          if (item?.label === 'Company' && !POSSESSIVE_AFTER.test(text.slice(item.end, item.end + 3))) break;
          after.push(index);
        }
        out.push({ frame: frame.record, roles, after: [...new Set(after)] });
      });
    }
    return out;
  };
  const apply = (text: string, items: readonly PlaceholderItem[], candidates: readonly number[]): FrameMatch[] => {
    const prepared = prepare(text, items, candidates);
    return prepared === undefined ? [] : match(prepared, prepared.tokens);
  };
  const issuerTriggers = [...new Set(records.filter((r) => r.source.group === ISSUER_ROLE || r.target.group === ISSUER_ROLE).flatMap((r) => r.triggers))].sort();
  return Object.freeze({ frames: records, byTrigger, issuerTriggers, apply, prepare, parseEach, match });
}

const WORD = /[a-z]+(?:-[a-z]+)*/g;

/** The confidence of a frame's fact: lower than every phrase rule's. */
const FRAME_CONFIDENCE = 0.45;

/** Longer "sentences" are tables, lists or run-together headlines: no clause frame reads them. */
const MAX_FRAME_SENTENCE = 600;

/** The frames whose trigger words (and needed words) the (lower-case) sentence holds. */
function activeFrames(knowledge: FrameKnowledge, lower: string): number[] {
  const active = new Set<number>();
  const words = new Set<string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    words.add(m[0]);
    const frames = knowledge.byTrigger.get(m[0]);
    if (frames) for (const f of frames) active.add(f);
  }
  return [...active].filter((i) => knowledge.frames[i]?.alsoNeeds?.some((w) => words.has(w)) ?? true).sort((a, b) => a - b);
}

/** Items in text order without overlaps (a pronoun item can sit inside a longer mention). */
function placeholderItems(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let end = -1;
  for (const item of items) {
    if (item.start < end) continue;
    out.push(item);
    end = item.end;
  }
  return out;
}

/** Whether a mention of `sourceLabels` and one of `targetLabels` stand at most `distance` characters apart. */
function mentionsWithin(items: readonly Item[], sourceLabels: readonly EntityLabel[], targetLabels: readonly EntityLabel[], distance: number): boolean {
  for (const a of items) {
    if (!sourceLabels.includes(a.label)) continue;
    for (const b of items) {
      if (targetLabels.includes(b.label) && Math.max(a.start, b.start) - Math.min(a.end, b.end) <= distance) return true;
    }
  }
  return false;
}

/** Whether one of `triggers` is a word of the `within` characters after some mention of `label`. */
function triggerFollows(ctx: SentenceContext, label: EntityLabel, within: number, triggers: readonly string[]): boolean {
  return ctx.items.some((it) => it.label === label && (ctx.lower.slice(it.end, it.end + within).match(WORD) ?? []).some((w) => triggers.includes(w)));
}

/** Whether a mention of another entity with one of `labels` stands between `a` and `b`. */
function separated(items: readonly Item[], a: Item, b: Item, labels: readonly EntityLabel[]): boolean {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  return items.some((it) => it.start >= from && it.end <= to && labels.includes(it.label) && it.entity !== a.entity && it.entity !== b.entity);
}

/** The document's main company as an item of no extent, for a frame's issuer role. */
function issuerItem(ctx: SentenceContext): Item | undefined {
  const dc = ctx.docContext;
  const index = dc.primaryCompany;
  const mention = index === undefined ? undefined : dc.found.mentions[index];
  if (index === undefined || !mention) return undefined;
  return { index, label: 'Company', start: 0, end: 0, text: mention.text, entity: dc.entityOf[index] ?? index, pronoun: true, mention };
}

/** A verb negated in the span a frame read: "has not granted", "didn't pay", "no longer licenses", "never acquired". */
const NEGATED_VERB = /\bnot\b|n['’]t\b|\bno longer\b|\bnever\s+\p{L}+ed\b/iu;

/** A sentence's frames ready to match: prepared (`FrameKnowledge.prepare`) and parsed. */
export interface ParsedFrames {
  /** The sentence's items without overlaps, as the placeholders stand for them. */
  readonly items: readonly Item[];
  readonly prepared: PreparedFrames;
  /** The terms the frames match: the untagged terms or the tagged parse of the placeholder text; undefined for `match` to parse. */
  readonly doc?: View | undefined;
}

/** How many distinct entities of the sentence can fill a role. The issuer role is filled by the document, not the sentence: it counts as one more company. */
function roleFillers(entities: ReadonlyMap<EntityLabel, ReadonlySet<number>>, hasIssuer: boolean, role: FrameRecord['source']): number {
  let n = 0;
  for (const label of role.labels) n += entities.get(label)?.size ?? 0;
  return role.group === ISSUER_ROLE ? (hasIssuer ? 1 + n : 0) : n;
}

/** The frames a sentence can fill, read up to the parse; undefined when none can (the frame rule's pre-checks). */
function prepareSentence(ctx: SentenceContext): ParsedFrames | undefined {
  const knowledge = ctx.docContext.knowledge.frames;
  // Two mentions fill a frame; one does only with the issuer, for a sentence holding an issuer frame's trigger (a cheap substring test).
  if (ctx.items.length === 0 || (ctx.items.length === 1 && !knowledge.issuerTriggers.some((word) => ctx.lower.includes(word)))) return undefined;
  // The parse is the costly part: only for a sentence of ordinary length whose frames can be filled
  // (a trigger word, and mentions of the labels both roles take).
  if (ctx.text.length > MAX_FRAME_SENTENCE) return undefined;
  // Distinct entities per label: a frame between two companies needs two companies in the sentence.
  const entities = new Map<EntityLabel, Set<number>>();
  for (const it of ctx.items) {
    const set = entities.get(it.label) ?? new Set<number>();
    set.add(it.entity);
    entities.set(it.label, set);
  }
  const hasIssuer = issuerItem(ctx) !== undefined;
  const active = activeFrames(knowledge, ctx.lower).filter((i) => {
    const frame = knowledge.frames[i];
    if (frame === undefined) return false;
    const sources = roleFillers(entities, hasIssuer, frame.source);
    const targets = roleFillers(entities, hasIssuer, frame.target);
    const shared = frame.source.labels.filter((l) => frame.target.labels.includes(l)).length > 0;
    return (
      sources > 0 &&
      targets > 0 &&
      (!shared || Math.max(sources, targets) >= 2) &&
      (frame.within === undefined || mentionsWithin(ctx.items, frame.source.labels, frame.target.labels, frame.within)) &&
      (frame.triggerAfter === undefined || triggerFollows(ctx, frame.triggerAfter.label, frame.triggerAfter.within, frame.triggers))
    );
  });
  if (active.length === 0) return undefined;
  const items = placeholderItems(ctx.items);
  const prepared = knowledge.prepare(ctx.text, items, active);
  return prepared === undefined ? undefined : { items, prepared };
}

/**
 * The frames of a document's sentences, prepared and parsed before the relation rules run, into each
 * sentence context's `frames` (null where no frame can match): the sentences that need compromise's
 * tagger are tagged in one pass (`FrameKnowledge.parseEach`), which costs a fraction of one parse per
 * sentence. The frame rule then reads them; a context not prepared here is prepared by the rule itself.
 */
export function prepareFrames(contexts: readonly SentenceContext[]): void {
  const waiting: { ctx: SentenceContext; items: readonly Item[]; prepared: PreparedFrames }[] = [];
  for (const ctx of contexts) {
    const found = prepareSentence(ctx);
    if (found === undefined) ctx.frames = null;
    else if (found.prepared.tokens !== undefined) ctx.frames = { ...found, doc: found.prepared.tokens };
    else waiting.push({ ctx, ...found });
  }
  if (waiting.length === 0) return;
  const parses = waiting[0]?.ctx.docContext.knowledge.frames.parseEach(waiting.map((w) => w.prepared.placeheld)) ?? [];
  waiting.forEach(({ ctx, items, prepared }, i) => {
    const doc = parses[i];
    ctx.frames = doc === undefined ? null : { items, prepared, doc };
  });
}

/** The relations whose parties a regulator or an exchange never is (non-party-organizations.txt). */
const DEAL_PARTY_RELATIONS: ReadonlySet<string> = new Set(['LICENSES_TO', 'LICENSES', 'PAYS', 'COLLABORATES_WITH', 'EMPLOYS']);

export const frameRule: SentenceRule = {
  id: 'frame',
  needs: [],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    // A context `prepareFrames` did not see is prepared here, and parsed by `match`.
    const parsed = ctx.frames === undefined ? (prepareSentence(ctx) ?? null) : ctx.frames;
    if (parsed === null) return;
    const knowledge = ctx.docContext.knowledge.frames;
    const { items } = parsed;
    const issuer = issuerItem(ctx);
    const { nonPartyOrganizations } = ctx.docContext.knowledge.entities.lexicons;
    const names = ctx.docContext.knowledge.names;
    for (const match of knowledge.match(parsed.prepared, parsed.doc ?? parsed.prepared.tokens)) {
      const { frame } = match;
      // A regulator or an exchange is no party of a licence, a payment, a collaboration or a job.
      const party = (it: Item): boolean => !(it.label === 'Organization' && DEAL_PARTY_RELATIONS.has(frame.relation) && nonPartyOrganizations.has(names.canonicalOrganization(it.mention.canonical) ?? it.mention.canonical));
      const fill = (group: string, labels: readonly EntityLabel[], possessive?: false): Item[] =>
        group === ISSUER_ROLE
          ? issuer
            ? [issuer]
            : []
          : (match.roles.get(group) ?? []).map((i) => items[i]).filter((it): it is Item => it !== undefined && labels.includes(it.label) && party(it) && (possessive !== false || !POSSESSIVE_AFTER.test(ctx.text.slice(it.end, it.end + 3))));
      const sources = fill(frame.source.group, frame.source.labels, frame.source.possessive);
      const targets = fill(frame.target.group, frame.target.labels, frame.target.possessive);
      // "A has not granted B a licence": a negation inside the clause the frame read, or just before
      // its first role, states no fact (frames that open on their verb cannot see the "not" before it).
      const filled = [...sources, ...targets].filter((it) => !it.pronoun);
      if (filled.length > 0) {
        const from = Math.max(0, Math.min(...filled.map((it) => it.start)) - 25);
        if (NEGATED_VERB.test(ctx.text.slice(from, Math.max(...filled.map((it) => it.end))))) continue;
      }
      // Below the phrase rules' confidence: where both read a fact, the phrase rule's fact (with its
      // terms: money, exclusivity, field) comes first and its properties are kept.
      const rule = `frame.${frame.id.replace('.', '_')}`;
      for (const source of sources) {
        for (const target of targets) {
          if (frame.apart && separated(ctx.items, source, target, frame.apart)) continue;
          // A payment carries its terms (amount, currency, kind, status) as the phrase rules' payments do.
          const props = frame.relation === 'PAYS' ? framePaymentProperties(ctx, Math.min(source.start, target.start), Math.max(source.end, target.end)) : {};
          emit(frame.relation, source, target, rule, FRAME_CONFIDENCE, props);
        }
      }
      // An asset needs a deal between two parties: where the issuer is the only other party and is the
      // licensor itself ("A is licensed from B" in B's own release), nobody is named as holding it.
      if (frame.assets && sources.some((source) => targets.some((target) => source.entity !== target.entity))) {
        // The owner takes the labels of the role it is (an institute can hold a licence as a company does).
        const ownerRole = frame.assets.owner === frame.source.group ? frame.source : frame.assets.owner === frame.target.group ? frame.target : undefined;
        const owners = fill(frame.assets.owner, ownerRole?.labels ?? COMPANY, ownerRole?.possessive);
        const assets = match.after.map((i) => items[i]).filter((it): it is Item => it !== undefined && (it.label === 'Drug' || it.label === 'Technology'));
        for (const owner of owners) for (const asset of assets) emit(frame.assets.relation, owner, asset, `${rule}_asset`, FRAME_CONFIDENCE - 0.05);
      }
    }
  },
};
