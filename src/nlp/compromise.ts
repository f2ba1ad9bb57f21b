// The one module that imports compromise. compromise keeps one lexicon per process (a plugin's words
// are added to it for every caller), so it is configured in one place, the knowledge loader
// (src/knowledge/nlp.ts, `knowledge.nlp`), which builds on the functions here; stages ask that.
import nlp from 'compromise';

export type View = ReturnType<typeof nlp>;
/** A place in a parse: [sentence, first term, end term], for a view of part of it. */
type Pointer = [n?: number, start?: number, end?: number, startId?: string, endId?: string];
/** A match pattern compiled once (`nlp.parseMatch`), for `view.match`. */
export type CompiledMatch = ReturnType<typeof nlp.parseMatch>;

/** compromise's lexicon: lower-case word or phrase → its tag or tags. */
export type CompromiseLexicon = Readonly<Record<string, string | readonly string[]>>;

/**
 * The bare parse (`nlp(text)`: tokenise and tag, no matching), for the benchmark's reference figure
 * (issue #7). Returns the number of terms so callers cannot let the parse be optimised away.
 */
export function parseOnly(text: string): number {
  return nlp(text).termList().length;
}

/** Tokenises and tags `text` with compromise as configured (its lexicon and any words added to it). */
export function compromiseParse(text: string): View {
  return nlp(text);
}

/**
 * The parse of `compromiseParse` without its last step, the chunker (noun, verb and adjective
 * chunks, which only `<Noun>`-style patterns read): tokenised and tagged exactly as `nlp(text)` tags
 * it, for match patterns of words and tags (the grammar frames). compromise's tokenizer runs its
 * first steps (contractions, aliases, machine forms) itself; the steps after the contractions are
 * run here in compromise's own order, and the chunker is left out: about a tenth of the parse.
 */
export function compromiseTag(text: string): View {
  const hooks = nlp.hooks();
  // The order this relies on (compromise 14: contractions first, chunks last); any other order gets the whole parse.
  if (hooks[0] !== 'contractions' || hooks[hooks.length - 1] !== 'chunks') return nlp(text);
  // Typed as compromise's tokenize-only build, the view is the full one at run time (one world, every plugin's methods).
  return nlp.tokenize(text).compute(hooks.slice(1, -1)) as View;
}

/**
 * `compromiseTag` of each text, the texts tagged in one pass: each text is tokenised on its own (so
 * its sentences are the ones `compromiseTag` makes of it), their sentences are tagged as one
 * document, and each text gets a view of its own sentences. compromise tags a sentence by itself
 * (its tagger's patterns never cross a sentence), so each view holds the terms and tags
 * `compromiseTag` gives its text; the tagger's cost per call (it sweeps its whole pattern net) is
 * paid once, about half the time of one call per text.
 */
export function compromiseTagEach(texts: readonly string[]): View[] {
  const hooks = nlp.hooks();
  if (texts.length < 2 || hooks[0] !== 'contractions' || hooks[hooks.length - 1] !== 'chunks') return texts.map(compromiseTag);
  const all = nlp.tokenize('');
  const spans = texts.map((text) => {
    const from = all.document.length;
    all.document.push(...nlp.tokenize(text).document);
    return { from, to: all.document.length };
  });
  all.compute(hooks.slice(1, -1));
  // compromise's typings give `update` one pointer; it takes a list of them (one per sentence), as its own methods pass.
  const update = all.update.bind(all) as unknown as (pointers: readonly Pointer[]) => View;
  return spans.map(({ from, to }) => {
    const pointers: Pointer[] = [];
    for (let n = from; n < to; n++) pointers.push([n, 0, all.document[n]?.length ?? 0]);
    return update(pointers);
  });
}

/** The hooks of compromise's parse from which on it tags (and the one step that can change the terms, `contractionTwo`). */
const TAGGING_HOOKS = ['lexicon', 'preTagger', 'contractionTwo', 'postTagger', 'chunks'];
/** Characters compromise reads as an apostrophe: its tagging step splits "'s", "'d", "'t" contractions by their tags. */
const APOSTROPHE_LIKE = /['‘’‛❛❜`´′‚]/;

/**
 * compromise's terms of `text` without the tagger: tokenised, normalised and indexed exactly as
 * `compromiseTag` leaves them, with no tags, at a fraction of the cost. For match patterns that read
 * only words and tags given afterwards (the frames' placeholders). The tagger changes the terms
 * themselves only where it splits a contraction of an apostrophe ("X's" → X is), so a text holding
 * an apostrophe gets undefined, as does a compromise whose hooks are not in the order this relies on.
 */
export function compromiseTokens(text: string): View | undefined {
  const hooks = nlp.hooks();
  const tagging = hooks.indexOf('lexicon');
  if (APOSTROPHE_LIKE.test(text) || hooks[0] !== 'contractions' || hooks.slice(tagging).join() !== TAGGING_HOOKS.join()) return undefined;
  return nlp.tokenize(text).compute(hooks.slice(1, tagging)) as View;
}

/** What a pattern term can read of a term besides its words and tags: roots, senses, chunks, methods, parts of speech (`{word/verb}`). */
const TAGGER_READS = ['root', 'machine', 'fuzzy', 'pos', 'sense', 'switch', 'chunk', 'method'];

/**
 * The tags a compiled match pattern reads, or undefined when it reads anything else compromise's
 * tagger makes (roots, chunks, senses, methods); a pattern whose tags are all given after the parse
 * matches a `compromiseTokens` view as it matches the tagged one.
 */
export function tagsRead(pattern: CompiledMatch): ReadonlySet<string> | undefined {
  const tags = new Set<string>();
  const walk = (terms: readonly Readonly<Record<string, unknown>>[]): boolean =>
    terms.every((term) => {
      if (TAGGER_READS.some((key) => term[key] !== undefined)) return false;
      if (typeof term.tag === 'string') tags.add(term.tag);
      const choices = term.choices;
      return !Array.isArray(choices) || choices.every((choice) => Array.isArray(choice) && walk(choice as Readonly<Record<string, unknown>>[]));
    });
  return walk(pattern as readonly Readonly<Record<string, unknown>>[]) ? tags : undefined;
}

/** Whether a compiled match pattern reads compromise's chunks (`<Noun>`), which `compromiseTag` does not make. */
export function readsChunks(pattern: CompiledMatch): boolean {
  return JSON.stringify(pattern).includes('"chunk"');
}

/**
 * A term a match of a pattern cannot do without: one with one of these tags, or one of these words.
 * `gapBefore` is the most terms a match can hold between the previous step and this one.
 */
export type MatchStep = ({ readonly tags: readonly string[] } | { readonly words: readonly string[] }) & { readonly gapBefore: number };

interface PatternTerm {
  optional?: boolean;
  negative?: boolean;
  greedy?: boolean;
  min?: number;
  max?: number;
  anything?: boolean;
  tag?: string;
  word?: string;
  fastOr?: ReadonlySet<string>;
  choices?: readonly (readonly PatternTerm[])[];
}

/** The most terms one pattern term can match (Infinity for `+`, `*` and open ranges). */
function mostTerms(term: PatternTerm): number {
  const longest = term.choices === undefined ? 1 : Math.max(...term.choices.map((c) => c.reduce((n, t) => n + mostTerms(t), 0)));
  if (term.greedy === true && (term.max === undefined || term.max >= 999)) return Infinity;
  return (term.max ?? 1) * longest;
}

/**
 * The steps of a compiled pattern that every match holds, in pattern order (one term each): its
 * terms that are neither optional nor negated nor repeated and read one tag or one word, or a choice
 * of single tags or single words; with the most terms the rest of the pattern lets lie between two
 * steps. The steps are a necessary condition of a match, never a sufficient one.
 */
export function matchSteps(pattern: CompiledMatch): MatchStep[] {
  const steps: MatchStep[] = [];
  const terms: readonly PatternTerm[] = pattern;
  let gap = 0;
  for (const term of terms) {
    let step: { tags: string[] } | { words: string[] } | undefined;
    const single = term.optional !== true && term.negative !== true && term.greedy !== true && term.min === undefined && term.max === undefined;
    if (single && term.tag !== undefined) step = { tags: [term.tag] };
    else if (single && term.word !== undefined) step = { words: [term.word] };
    else if (single && term.fastOr !== undefined) step = { words: [...term.fastOr] };
    else if (single && term.choices !== undefined && term.choices.every((c) => c.length === 1)) {
      const tags = term.choices.map((c) => c[0]?.tag);
      const words = term.choices.map((c) => c[0]?.word);
      if (tags.every((t): t is string => t !== undefined)) step = { tags };
      else if (words.every((w): w is string => w !== undefined)) step = { words };
    }
    if (step === undefined) {
      gap += mostTerms(term);
      continue;
    }
    steps.push({ ...step, gapBefore: gap });
    gap = 0;
  }
  return steps;
}

/**
 * Words compromise can put in a parse without the text spelling them: the expansions of contractions
 * ("won't" → will not, "gonna" → going to, "she'd" → she had/would, "l'amour" → le amour, "2-4" →
 * 2 to 4) and its aliases ("&" → and, "@" → at). A text search cannot rule these words out.
 */
export function impliedWords(): ReadonlySet<string> {
  const model = nlp.model() as { one?: { contractions?: readonly { out?: readonly string[] }[]; aliases?: Readonly<Record<string, string>> } };
  const words = new Set<string>(['not', 'did', 'had', 'would', 'has', 'is', 'was', 'are', 'am', 'will', 'have', 'does', 'do', 'us', 'to', 'le', 'la', 'les', 'du', 'des', 'de', 'je', 'there']);
  for (const contraction of model.one?.contractions ?? []) for (const word of contraction.out ?? []) words.add(word.toLowerCase());
  for (const word of Object.values(model.one?.aliases ?? {})) words.add(word.toLowerCase());
  return words;
}

/**
 * Whether compromise can put one of `impliedWords()` in the parse of a run of non-blank characters:
 * only a run holding an apostrophe (contractions, possessives it may read as "is"), a number range
 * ("2-4" → 2 to 4), an alias symbol ("&" → and) or a word compromise expands or aliases ("cannot",
 * "gonna", "plz"). Read from compromise's model, so a run it returns false for spells every word of
 * its parse.
 */
export function impliesWords(): (run: string) => boolean {
  const model = nlp.model() as { one?: { contractions?: readonly { word?: string }[]; aliases?: Readonly<Record<string, string>> } };
  const words = new Set<string>();
  const symbols: string[] = [];
  const spelled = [...(model.one?.contractions ?? []).map((contraction) => contraction.word), ...Object.keys(model.one?.aliases ?? {})];
  for (const spelling of spelled) {
    if (spelling === undefined) continue;
    if (/^[a-z]+$/i.test(spelling)) words.add(spelling.toLowerCase());
    else symbols.push(spelling.toLowerCase());
  }
  return (run: string): boolean => {
    const lower = run.toLowerCase();
    if (/['’‘`]/.test(run) || (/[0-9]/.test(run) && /[-–—]/.test(run)) || symbols.some((symbol) => lower.includes(symbol))) return true;
    return words.has(lower.replace(/[^a-z]/g, '')) || lower.split(/[^a-z]+/).some((word) => words.has(word));
  };
}

/** compromise's lexicon as it stands: its built-in words, plus any words added with `addCompromiseWords`. */
export function compromiseLexicon(): CompromiseLexicon {
  const model = nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } };
  return model.one?.lexicon ?? {};
}

/** Adds words to compromise's lexicon as a plugin (`nlp.plugin({ words })`): lower-case word or phrase → tag. */
export function addCompromiseWords(words: Readonly<Record<string, string>>): void {
  nlp.plugin({ words: { ...words } });
}

/** Compiles a compromise match pattern once, so a rule applied to many sentences does not re-parse it. */
export function compileMatch(pattern: string): CompiledMatch {
  return nlp.parseMatch(pattern);
}
