// Targets: gene and protein symbols behind a context cue (anti-X, X-targeting, targeting X,
// X inhibitor, X-positive ...). HGNC resolves the symbol; an antigen HGNC does not know is still a
// target when the cue says so. A receptor HGNC names after its ligand ("androgen receptor") needs no cue.
import type { AnchoredPattern, Candidate, Scope } from './candidates.ts';
import { anchoredPattern, candidate, sweep, sweepAt, wordStarts } from './candidates.ts';
import type { EntityLexicons } from './lexicons.ts';
import { phraseAlternation, phraseKey, proteinNameKey, targetKey } from './lexicons.ts';
import type { Cue, CueRegistry } from './cues.ts';
import { DIGIT, OPEN_PAREN, SLASH } from './cues.ts';
import { escapeRegex } from '../../text/regex.ts';
import { KgError } from '../../errors.ts';

/** A symbol-shaped token: HER2, PD-L1, B7-H3, FGFR1c, HIF-2α, β-Klotho, TA-MUC1, CanAg, LIV-1, TNF-α, TGF-β2, CLDN18.2, CDK4/6. */
// Segments after a hyphen are symbol-like ("PD-L1", "HIF-2α", "Fc-gamma", a Greek letter as in "IL-1β", "TGF-β2"), never
// an ordinary word ("-targeting"); an isoform number after a dot ends it ("CLDN18.2"), and so does a second family
// member's number after a slash ("CDK4/6").
const SYMBOL = String.raw`(?:[αβγκ]-)?[\p{Lu}\d][\p{L}\d]*(?:-(?:[\p{Lu}\d][\p{L}\d]*|alpha|beta|gamma|kappa|[αβγδεκ]\d*))*(?:\.\d{1,2}(?!\d)|(?<=\d)\/\d{1,2}(?![\p{L}\p{N}]))?`;

/**
 * Where a cue-before pattern can match in a sentence: the occurrences of its openings (p.opening),
 * ascending. The cue phrases have no left word boundary ("inactivates X" holds "activates"), so
 * their matches can start only where the first word of one occurs.
 */
function cueBeforeStarts(p: TargetPatterns, text: string, sentence: Scope['sentences'][number]): number[] {
  const slice = text.slice(sentence.start, sentence.end);
  const out: number[] = [];
  const opening = p.opening;
  opening.lastIndex = 0;
  // The openings never occur inside one another (checked when compiled), so one left-to-right scan finds them all.
  for (let m = opening.exec(slice); m !== null; m = opening.exec(slice)) out.push(sentence.start + m.index);
  return out;
}

export interface TargetHit {
  canonical: string;
  symbol?: string;
}

/** Maps a surface symbol to its entity name: the HGNC approved symbol when unambiguous. */
export function resolveTarget(surface: string, lexicons: EntityLexicons): TargetHit | undefined {
  const bare = surface.replace(/[’']s$/, '');
  // Payloads (DXd, MMAE) and disease abbreviations (NSCLC) stand next to the same cue words.
  if (lexicons.payloads.has(bare.toLowerCase()) || lexicons.diseases.byAbbreviation.has(bare)) return undefined;
  if (lexicons.notTargets.has(bare) || bare.length < 2 || /^\d+$/.test(bare) || MUTATION.test(bare)) return undefined;
  // A symbol needs a capital or digit beyond its first letter ("CanAg", "HER2"), a Greek prefix
  // ("β-Klotho") or a Greek-letter segment ("Fc-gamma"), not an ordinary word.
  if (!/^(?:[αβγκ]-)?.[\p{L}\d]*[\p{Lu}\d]/u.test(bare) && !/^[αβγκ]-\p{Lu}|-(?:alpha|beta|gamma|kappa|[αβγδεκ]\d*)$/u.test(bare)) return undefined;
  // An isoform ("CLDN18.2") is a target of its own, not the gene HGNC names without the number.
  if (/\.\d+$/.test(bare)) return { canonical: bare };
  const symbols = lexicons.hgnc.get(targetKey(bare));
  // A development code ("QX-222 bispecific", "AB-101 inhibitor") before a cue noun is the drug, not what it binds.
  if (!symbols && DRUG_CODE_SHAPE.test(bare)) return undefined;
  if (symbols && symbols.length === 1 && symbols[0]) return { canonical: symbols[0], symbol: symbols[0] };
  return { canonical: bare };
}

/**
 * Symbols shaped like gene symbols beyond doubt: capitals with a digit ("GDF15", "PI3K", "CYP2C8") or
 * a short hyphenated symbol ending in a number ("PD-L1", "GLP-1", "B7-H3"). Such a token is a target
 * without a cue when HGNC knows it; anything else needs a cue.
 */
const STRONG_SYMBOL = /^(?:\p{Lu}[\p{Lu}\p{N}]*\p{N}[\p{Lu}\p{N}]*[a-z]?|\p{Lu}[\p{Lu}\p{N}]{0,4}-\p{Lu}{0,3}\p{N}{1,2}[a-z]?)$/u;

/** Letters, a hyphen and three or more digits: the shape of a development code, which no HGNC symbol has. */
const DRUG_CODE_SHAPE = /^\p{Lu}{1,6}-\d{3,}[A-Za-z]?$/u;

/** A protein variant written as residue, position, residue ("G12C", "V600E", "T790M"): a mutation, not a target's name. */
const MUTATION = /^[ACDEFGHIKLMNPQRSTVWY]\d{1,4}[ACDEFGHIKLMNPQRSTVWY]$/;

/** A gene symbol beyond doubt: the strong shape ("PRMT5", "GLP-1") and known to HGNC. */
export function isStrongGeneSymbol(token: string, lexicons: EntityLexicons): boolean {
  return STRONG_SYMBOL.test(token) && lexicons.hgnc.has(targetKey(token));
}

/** The target rules' patterns, compiled once with the knowledge (`knowledge.entities.targets`). */
export interface TargetPatterns {
  /** Sticky: tried only where a cue word follows a symbol-shaped word (see symbolsBeforeCues). */
  readonly after: RegExp;
  /** The gene symbol right before a mutation ("KRAS" of "KRAS G12C"), anchored at the end of the text before it. */
  readonly geneBeforeMutation: RegExp;
  /** Tried where an opening of CUE_BEFORE occurs (cueBeforeStarts). */
  readonly before: AnchoredPattern;
  /** The cue words after a symbol (target-cue-suffixes.txt, target-cue-nouns.txt), lower case. */
  readonly cueAfterWords: ReadonlySet<string>;
  readonly cueAfter: Cue;
  readonly receptor: Cue;
  /** The first words of the cue phrases before a symbol: where those can match (cueBeforeStarts). */
  readonly opening: RegExp;
  /** Tried at words that can open a symbol (strongStarts). */
  readonly strong: AnchoredPattern;
  readonly longForm: AnchoredPattern;
  readonly abbrHead: RegExp;
  readonly pair: RegExp;
  /** "Bruton's tyrosine kinase (BTK)", "B-cell maturation antigen (BCMA)": a protein's name with its symbol defined after it (groups 1, 2). */
  readonly definedSymbol: RegExp;
  readonly definedHead: Cue;
  /** "androgen receptor", "the insulin receptor": lower-case words ending in a receptor HGNC names by its ligand. */
  readonly namedReceptor: RegExp;
  readonly coordinated: RegExp;
  readonly member: RegExp;
  /** Words of a drug's mode of action that a protein's name stands right before ("inhibitor", "agonist", "antibody"), lower case. */
  readonly modalityWords: ReadonlySet<string>;
  readonly modality: Cue;
  /** Nouns that end a protein family's name ("kinase", "receptor"), lower case (protein-family-heads.txt). */
  readonly familyHeads: ReadonlySet<string>;
  /** Nouns that may stand between a symbol and its cue word ("MET tyrosine kinase inhibitor"); the `after` pattern allows them too. */
  readonly familyWordsBetween: ReadonlySet<string>;
}

/** Words a protein's name spans in prose at most. */
const MAX_NAME_WORDS = 6;

export function compileTargetPatterns(lexicons: EntityLexicons, cues: CueRegistry): TargetPatterns {
  // "HER2-targeting", "PD-L1 positive" (a hyphen or one space); "KRAS inhibitor" (spaces).
  const CUE_AFTER = String.raw`(?:[- ](?:${phraseAlternation(lexicons.targetCueSuffixes, 'literal')})|[ \t]+(?:${phraseAlternation(lexicons.targetCueNouns, 'literal')}))`;
  // "anti-HER2", "an inhibitor of KRAS": spaces after each phrase but one ending in a hyphen.
  const CUE_BEFORE = String.raw`(?:${lexicons.targetCueOpeners.map((o) => phraseAlternation([o], 'blanks') + (o.endsWith('-') ? '' : String.raw`[ \t]+`)).join('|')})`;
  /** Words that end a family name of a protein ("phosphoinositide-3 kinase", "glucagon receptor"). */
  const FAMILY_HEAD = String.raw`(?:${phraseAlternation(lexicons.proteinFamilyHeads, 'literal')})`;
  const cueAfterWords = [...lexicons.targetCueSuffixes, ...lexicons.targetCueNouns];
  const DEFINED_HEAD = [...lexicons.proteinDefinedHeads, ...lexicons.proteinFamilyHeads].map(escapeRegex).join('|');
  const WORD_BETWEEN = lexicons.proteinFamilyWordsBetween.map(escapeRegex).join('|');
  const SYM = SYMBOL;
  const LOWER = String.raw`[a-z][a-z\d]*(?:-[a-z\d]+)*`;
  // Mode-of-action nouns after a protein's name: the cue nouns but those that end a protein family's own name ("receptor(s)", "ligand(s)").
  const familyHeads = new Set(lexicons.proteinFamilyHeads);
  const modalityWords = lexicons.targetCueNouns.filter((w) => !familyHeads.has(w) && !familyHeads.has(w.replace(/s$/, '')));
  return Object.freeze({
    after: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${SYMBOL})(?=(?:[ \t]+(?:${WORD_BETWEEN})){0,2}${CUE_AFTER}(?![\p{L}]))`, 'uy'),
    geneBeforeMutation: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${SYMBOL})[ \t]+$`, 'u'),
    before: anchoredPattern(String.raw`${CUE_BEFORE}(?:the[ \t]+)?(${SYMBOL})(?![\p{L}\p{N}])`, 'u'),
    cueAfterWords: new Set(cueAfterWords),
    cueAfter: cues.words(cueAfterWords),
    receptor: cues.words(['ligand', 'receptor', 'receptors']),
    opening: openingPattern(lexicons.targetCueOpeners),
    strong: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])[\p{Lu}][\p{Lu}\p{N}]*(?:-\p{Lu}{0,3}\p{N}{1,2}[a-z]?|\p{N}[\p{Lu}\p{N}]*[a-z]?)(?![\p{L}\p{N}]|-\p{L}|\.\d)`, 'u'),
    // "an inhibitor of sphingosine-1 kinase", "agonist of the glucagon receptor".
    longForm: anchoredPattern(String.raw`${CUE_BEFORE}(?:the[ \t]+)?((?:${LOWER}[ \t]+){0,2}${LOWER}(?:[ \t\-]\d+)?[ \t]+${FAMILY_HEAD})(?![\p{L}\p{N}\-])`, 'u'),
    // "receptor activator of nuclear factor kappa B (RANK) Ligand": the abbreviation names the family member.
    abbrHead: new RegExp(String.raw`(?<=[\p{L}\p{N}][ \t]+)\((\p{Lu}[\p{Lu}\d\-]{1,9})\)[ \t]+(ligand|Ligand|receptor|Receptor)(?![\p{L}])`, 'gu'),
    // "glucagon-like peptide-1 /glucagon receptor dual agonist": both members of an X/Y receptor pair.
    pair: new RegExp(
      String.raw`(?<![\p{L}\p{N}\-])((?:${LOWER}[ \t]+){0,2}${LOWER}|${SYM})[ \t]*\/[ \t]*(${LOWER}|${SYM})[ \t]+(receptors?)[ \t]+(?:dual[ \t]+|co-?)?(?:${phraseAlternation(lexicons.receptorPairActions, 'literal')})(?![\p{L}])`,
      'gu',
    ),
    definedSymbol: new RegExp(
      String.raw`(?<![\p{L}\p{N}\-])((?:[\p{L}\p{N}'’\-]+[ \t]+){0,6}?(?:${DEFINED_HEAD}|[a-z]{4,}ase)(?:[ \t\-]\d{1,2}[a-z]?)?)[ \t]+\([“"]?(${SYMBOL})[”"]?\)(?![ \t]+(?:[Rr]eceptors?|[Ll]igands?)(?![\p{L}]))`,
      'gu',
    ),
    definedHead: cues.words([...lexicons.proteinDefinedHeads, ...lexicons.proteinFamilyHeads.filter((h) => !h.includes(' '))]),
    namedReceptor: /(?<![\p{L}\p{N}\-/])((?:[\p{Ll}\p{N}][\p{L}\p{N}-]*[ \t]+){0,3}\p{Ll}[\p{L}\p{N}-]*)[ \t]+receptor(?![\p{L}])/gu,
    // "EpCAM and CD3", "PD-L1, PD-L2", "β-Klotho/FGFR1c": symbols coordinated with a target.
    member: new RegExp(SYM, 'gu'),
    coordinated: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${SYM})((?:[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|\/|[ \t]and[ \t]|[ \t]or[ \t])[ \t]*${SYM}(?![\p{L}\p{N}]))+)`, 'gu'),
    modalityWords: new Set(modalityWords),
    modality: cues.words(modalityWords),
    familyHeads,
    familyWordsBetween: new Set(lexicons.proteinFamilyWordsBetween),
  });
}

/**
 * The first words of the cue phrases ("anti-", "inhibitor" of "inhibitor of") as one global pattern,
 * longest first. One left-to-right scan finds every occurrence only when no first word occurs inside
 * another one (after its start): the data is refused otherwise.
 */
function openingPattern(openers: readonly string[]): RegExp {
  const firsts = [...new Set(openers.map((o) => o.split(' ')[0] ?? o))].sort((a, b) => b.length - a.length);
  for (const a of firsts)
    for (const b of firsts) if (b.indexOf(a, 1) > 0) throw new KgError('CONFIG_INVALID', `data/lexicons/target-cue-openers.txt: "${a}" occurs inside "${b}"; the rule's scan for first words would miss it`, { subject: 'knowledge' });
  return new RegExp(firsts.map(escapeRegex).join('|'), 'g');
}

/** HGNC knows the symbol (also "FGFR1c" as FGFR1), or its shape already says receptor ("EGFR", "FGFR1c"). */
function knownSymbol(surface: string, lexicons: EntityLexicons): boolean {
  const key = targetKey(surface);
  return lexicons.hgnc.has(key) || lexicons.hgnc.has(key.replace(/[A-Z]$/, '')) || /R\d*[a-z]?$/.test(surface);
}

/** The ligand part of an "X/Y receptor" member: the longest tail of `words` HGNC names a receptor for, else the last word. */
function ligandTail(phrase: string, lexicons: EntityLexicons): string {
  const words = phrase.split(/[ \t]+/);
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    if (lexicons.receptorLigands.has(phraseKey(tail))) return tail;
  }
  return words[words.length - 1] ?? phrase;
}

/** "phosphoinositide-3 kinase": a family noun with a specific modifier is a named target. */
function namedFamily(phrase: string, genericModifiers: ReadonlySet<string>): string | undefined {
  const words = phrase.split(/[ \t]+/);
  // Cut at the last generic word before the head: "the tyrosine kinase" is no name.
  const modifiers = words.slice(0, -1);
  if (modifiers.length === 0 || modifiers.some((w) => genericModifiers.has(w.toLowerCase()))) return undefined;
  return phrase;
}

/** Characters of a symbol's run: letters, digits, hyphens and an isoform's dot ("CLDN18.2"). */
const SYMBOL_CHAR = /[\p{L}\p{N}\-.]/u;

/**
 * The matches of the `after` pattern (a symbol right before a cue word), found cue first: the cue
 * words are rare, symbol-shaped words are not. Cue words are looked up in the sentence's shared word
 * list (one hash lookup a word). A symbol can only start where a run of letters, digits and hyphens
 * starts (the pattern's look-behind), so for each cue the pattern is tried once, at the start of the
 * run before the cue's separator: the same matches as a scan of the whole sentence.
 */
function symbolsBeforeCues(scope: Scope, p: TargetPatterns, visit: (m: RegExpExecArray, offset: number, sentence: Scope['sentences'][number]) => void): void {
  const text = scope.text;
  for (const sentence of scope.sentences) {
    scope.ctx.budget.check(); // the per-document time budget, as in sweep()
    if (!scope.reader.has(sentence, [p.cueAfter])) continue;
    const words = scope.reader.words(sentence);
    const starts = words.starts;
    const lower = words.lower();
    let slice: string | undefined;
    let lastRun = -1;
    for (let i = 0; i < lower.length; i++) {
      if (!p.cueAfterWords.has(lower[i] as string)) continue;
      // The separator before the cue: one hyphen or space, or a run of spaces and tabs.
      let end = (starts[i] as number) - 1;
      const sep = text[end];
      if (end < sentence.start || (sep !== '-' && sep !== ' ' && sep !== '\t')) continue;
      if (sep !== '-') while (end - 1 >= sentence.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      let run = end;
      while (run > sentence.start && SYMBOL_CHAR.test(text[run - 1] ?? '')) run--;
      // "MET tyrosine kinase inhibitor", "ABC protein degrader": a family noun may stand between the symbol and its cue.
      for (let hops = 0; hops < 2 && p.familyWordsBetween.has(text.slice(run, end).toLowerCase()) && text[run - 1] === ' '; hops++) {
        end = run - 1;
        run = end;
        while (run > sentence.start && SYMBOL_CHAR.test(text[run - 1] ?? '')) run--;
      }
      while (run < end && text[run] === '.') run++;
      // "CDK4/6 inhibitor": the number after the slash belongs to the symbol before it.
      if (/^\d{1,2}$/.test(text.slice(run, end)) && text[run - 1] === '/' && /\d/.test(text[run - 2] ?? '')) {
        run -= 1;
        while (run > sentence.start && SYMBOL_CHAR.test(text[run - 1] ?? '')) run--;
      }
      if (run === end || run === lastRun) continue;
      lastRun = run;
      slice ??= text.slice(sentence.start, sentence.end);
      p.after.lastIndex = run - sentence.start;
      const m = p.after.exec(slice);
      if (m) visit(m, run, sentence);
    }
  }
}

export function findTargets(scope: Scope): Candidate[] {
  const p = scope.ctx.knowledge.entities.targets;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const out: Candidate[] = [];
  type Sentence = Scope['sentences'][number];
  /** `written`: the whole span when it is longer than the symbol ("KRAS G12C" for KRAS). */
  const add = (surface: string, start: number, rule: string, sentence: Sentence, priority = 46, written = surface): Candidate | undefined => {
    const hit = resolveTarget(surface, lexicons);
    if (!hit) return undefined;
    // An unknown symbol before "receptor" names the receptor ("Fc-gamma receptor"), not a ligand.
    let canonical = hit.canonical;
    let span = written;
    if (rule === 'target.cue-after' && written === surface && !knownSymbol(surface, lexicons)) {
      const receptor = /^[ \t]+(receptors?)(?![\p{L}])/u.exec(scope.text.slice(start + surface.length, start + surface.length + 12));
      if (receptor?.[1]) {
        canonical = `${hit.canonical} receptor`;
        span = `${surface}${receptor[0]}`;
      }
    }
    const properties = hit.symbol ? { hgncSymbol: hit.symbol } : undefined;
    const c = candidate({ label: 'Target', start, surface: span, canonical, rule, priority, sentence, ...(properties ? { properties } : {}) });
    out.push(c);
    return c;
  };
  symbolsBeforeCues(scope, p, (m, offset, sentence) => {
    const symbol = m[1] ?? '';
    if (!MUTATION.test(symbol)) {
      add(symbol, offset, 'target.cue-after', sentence);
      return;
    }
    // "KRAS G12C inhibitor", "BRAF V600E-mutant": the mutation names a variant of the gene written before it.
    const gene = p.geneBeforeMutation.exec(scope.text.slice(Math.max(sentence.start, offset - 24), offset));
    if (!gene?.[1]) return;
    const start = offset - gene[0].length;
    add(gene[1], start, 'target.cue-after', sentence, 46, scope.text.slice(start, offset + symbol.length));
  });
  const cueBefore = (sentence: Sentence): number[] => cueBeforeStarts(p, scope.text, sentence);
  sweepAt(scope, p.before, cueBefore, (m, offset, sentence) => {
    const symbol = m[1] ?? '';
    add(symbol, offset + m[0].length - symbol.length, 'target.cue-before', sentence);
  });
  // Strong symbols HGNC knows need no cue; they rank below drug codes, payloads and disease
  // abbreviations ("NF1" the disease, "DM1" the payload), which claim the same tokens.
  // A strong symbol opens a run (no letter, digit or hyphen before it) with a capital, and holds a
  // digit or a hyphen right after its first word.
  const strongStarts = (sentence: Sentence): number[] =>
    wordStarts(scope.reader, sentence, (w, i) => {
      const at = w.starts[i] as number;
      const first = scope.text.charCodeAt(at);
      if (!((first >= 65 && first <= 90) || first > 127)) return false;
      if (at > sentence.start && scope.text.charCodeAt(at - 1) === 45) return false;
      return w.mixed[i] === 1 || scope.text.charCodeAt(w.ends[i] as number) === 45;
    });
  sweepAt(
    scope,
    p.strong,
    strongStarts,
    (m, offset, sentence) => {
      const token = m[0];
      if (token.length < 3 || !STRONG_SYMBOL.test(token) || !lexicons.hgnc.has(targetKey(token))) return;
      add(token, offset, 'target.hgnc-symbol', sentence, 30);
    },
    { cues: [DIGIT] },
  );
  sweepAt(scope, p.longForm, cueBefore, (m, offset, sentence) => {
    const phrase = namedFamily(m[1] ?? '', lexicons.targetGenericModifiers);
    if (!phrase) return;
    out.push(candidate({ label: 'Target', start: offset + m[0].length - phrase.length, surface: phrase, canonical: phrase, rule: 'target.family-name', priority: 46, sentence }));
  });
  sweep(
    scope,
    p.abbrHead,
    (m, offset, sentence) => {
      const abbr = m[1] ?? '';
      if (!resolveTarget(abbr, lexicons)) return;
      out.push(candidate({ label: 'Target', start: offset, surface: m[0], canonical: `${abbr} ${m[2] ?? ''}`, rule: 'target.abbreviation-head', priority: 48, sentence }));
    },
    { cues: [p.receptor] },
  );
  sweep(
    scope,
    p.pair,
    (m, offset, sentence) => {
      const [left = '', right = '', head = ''] = [m[1], m[2], m[3]];
      const rightStart = offset + m[0].indexOf(right, left.length + 1);
      const headEnd = offset + m[0].indexOf(head, rightStart - offset + right.length) + head.length;
      for (const [raw, rawStart, isRight] of [
        [left, offset, false],
        [right, rightStart, true],
      ] as const) {
        if (!/^\p{Ll}/u.test(raw)) {
          add(raw, rawStart, 'target.receptor-pair', sentence, 47);
          continue;
        }
        // A long form stands for its receptor: "glucagon" in "GLP-1/glucagon receptor" is the glucagon receptor.
        const member = ligandTail(raw, lexicons);
        if (lexicons.targetGenericModifiers.has(member.toLowerCase())) continue;
        const start = rawStart + raw.length - member.length;
        const surface = isRight ? scope.text.slice(start, headEnd) : member;
        out.push(candidate({ label: 'Target', start, surface, canonical: `${member} receptor`, rule: 'target.receptor-pair', priority: 47, sentence }));
      }
    },
    { cues: [p.receptor, SLASH] },
  );
  // "an inhibitor of Bruton's tyrosine kinase (BTK)": a symbol HGNC knows, or one whose letters the long form spells,
  // defined in parentheses after a protein's name; the long form (its last words that spell it) is the same target.
  sweep(
    scope,
    p.definedSymbol,
    (m, offset, sentence) => {
      const longForm = m[1] ?? '';
      const symbol = m[2] ?? '';
      const symbolStart = offset + m[0].lastIndexOf(symbol);
      // "a recombinant alkaline phosphatase (IAP)": a drug that is the protein, not one that binds it.
      if (/\brecombinant\b/i.test(longForm)) return;
      const known = lexicons.hgnc.has(targetKey(symbol));
      const spelled = spellingTail(longForm, symbol);
      if (!known && spelled === undefined) return;
      const c = add(symbol, symbolStart, 'target.defined-symbol', sentence, 47);
      if (!c || spelled === undefined) return;
      const start = offset + longForm.length - spelled.length;
      out.push(candidate({ label: 'Target', start, surface: spelled, canonical: c.canonical, rule: 'target.defined-symbol', priority: 47, sentence, ...(c.properties ? { properties: c.properties } : {}) }));
    },
    { cues: [OPEN_PAREN, p.definedHead] },
  );
  // "androgen receptor signaling inhibitors": a receptor HGNC names after its ligand, written out.
  sweep(
    scope,
    p.namedReceptor,
    (m, offset, sentence) => {
      const words = m[1] ?? '';
      const ligand = ligandTail(words, lexicons);
      if (!lexicons.receptorLigands.has(phraseKey(ligand)) || lexicons.targetGenericModifiers.has(ligand.toLowerCase())) return;
      const start = offset + words.length - ligand.length;
      out.push(candidate({ label: 'Target', start, surface: scope.text.slice(start, offset + m[0].length), canonical: `${ligand} receptor`, rule: 'target.named-receptor', priority: 46, sentence }));
    },
    { cues: [p.receptor] },
  );
  proteinNamesBeforeModality(scope, p, out);
  // Symbols coordinated with a found target are targets too (one list, one kind of thing).
  const found = new Set(out.map((c) => c.start));
  const foundTexts = new Set(out.map((c) => c.text));
  const foundList = [...foundTexts];
  sweep(
    scope,
    p.coordinated,
    (m, offset, sentence) => {
      const members: { text: string; start: number }[] = [{ text: m[1] ?? '', start: offset }];
      const member = p.member;
      const tailStart = offset + (m[1] ?? '').length;
      for (const t of (m[2] ?? '').matchAll(member)) members.push({ text: t[0], start: tailStart + t.index });
      if (!members.some((mm) => found.has(mm.start) || foundTexts.has(mm.text))) return;
      for (const mm of members) if (!found.has(mm.start)) add(mm.text, mm.start, 'target.coordinated', sentence, 44);
    },
    { test: (slice) => foundList.some((t) => slice.includes(t)) },
  );
  mergeLongForms(out);
  return out;
}

/**
 * The shortest tail of `longForm`'s words whose initials (and numbers) spell `symbol` in order, starting with its first
 * letter: "Bruton's tyrosine kinase" for BTK, "B-cell maturation antigen" for BCMA (the Schwartz–Hearst test).
 */
function spellingTail(longForm: string, symbol: string): string | undefined {
  const letters = symbol.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const words = longForm.split(/[ \t]+/);
  if (letters.length < 2) return undefined;
  for (let k = words.length - 1; k >= 0; k--) {
    const tail = words.slice(k).join(' ');
    const lower = tail.toLowerCase();
    if (lower[0] !== letters[0]) continue;
    let at = 0;
    let ok = true;
    for (const letter of letters) {
      at = lower.indexOf(letter, at);
      if (at < 0) {
        ok = false;
        break;
      }
      at++;
    }
    if (ok) return tail;
  }
  return undefined;
}

/**
 * "glucagon-like peptide-1 receptor" next to "GLP-1": a long form whose initials spell a symbol the
 * document uses is that target (the long form written out, not a second protein).
 */
function mergeLongForms(found: Candidate[]): void {
  const bySymbol = new Map<string, string>();
  for (const c of found) if (!/\p{Ll}[ \t]/u.test(c.text) && /^[\p{Lu}\d]/u.test(c.text)) bySymbol.set(targetKey(c.text), c.canonical);
  for (const c of found) {
    if (!/^\p{Ll}/u.test(c.text)) continue;
    const ligand = c.canonical.replace(/ receptors?$/, '');
    const initials = ligand
      .split(/[ \t-]+/)
      .map((w) => (/^\d+$/.test(w) ? w : (w[0] ?? '')))
      .join('');
    const symbol = bySymbol.get(targetKey(initials));
    if (initials.length >= 2 && symbol) c.canonical = symbol;
  }
}

/**
 * "a dipeptidyl peptidase 4 inhibitor", "lysine-specific demethylase 1 inhibitors", "a Bruton's tyrosine
 * kinase inhibitor", "beta-lactamase inhibitor": the words right before a mode-of-action noun that name
 * one protein. Read only at those nouns, in the sentence's shared words: first the longest run of up to
 * six words that is an HGNC approved or previous name (the symbol is the target's name), else a family
 * noun ("kinase", "receptor") or an enzyme's "-ase" word that a name picks out of its family: a
 * capitalised name before it ("Bruton's"), a Greek letter ("beta-"), or a number after it
 * ("phosphodiesterase 4"). A family noun with only generic words before it ("tyrosine kinase") is no target.
 */
function proteinNamesBeforeModality(scope: Scope, p: TargetPatterns, out: Candidate[]): void {
  const text = scope.text;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const nlp = scope.ctx.knowledge.nlp;
  const taken = (start: number, end: number): boolean => out.some((c) => c.start < end && start < c.end);
  for (const sentence of scope.sentences) {
    scope.ctx.budget.check();
    if (!scope.reader.has(sentence, [p.modality])) continue;
    const w = scope.reader.words(sentence);
    if (w.astral) continue;
    const lower = w.lower();
    for (let i = 1; i < lower.length; i++) {
      if (!p.modalityWords.has(lower[i] as string)) continue;
      const cueStart = w.starts[i] as number;
      // The name ends right before the noun, a space or a hyphen between ("PDE4-inhibitor").
      if (!/^[ \t-]$/.test(text.slice(w.ends[i - 1], cueStart))) continue;
      // Words joined by spaces, hyphens, slashes or brackets only: no comma or clause break inside a name.
      let first = i - 1;
      while (first > 0 && i - first < MAX_NAME_WORDS && /^(?:[ \t\-/()]*|['’])$/.test(text.slice(w.ends[first - 1], w.starts[first]))) first--;
      const end = w.ends[i - 1] as number;
      let found = false;
      for (let k = first; k <= i - 1 && !found; k++) {
        const words = lower.slice(k, i);
        const key = proteinNameKey(words.join(' '));
        const symbol = lexicons.proteinNames.get(key);
        if (symbol === undefined || !namesOneProtein(words, nlp)) continue;
        const start = w.starts[k] as number;
        if (taken(start, end)) break;
        out.push(candidate({ label: 'Target', start, surface: text.slice(start, end), canonical: symbol, rule: 'target.hgnc-name', priority: 46, sentence, properties: { hgncSymbol: symbol } }));
        found = true;
      }
      if (found) continue;
      const family = familyBefore(w, lower, first, i, p, lexicons);
      if (family && !taken(family.start, family.end))
        out.push(candidate({ label: 'Target', start: family.start, surface: text.slice(family.start, family.end), canonical: text.slice(family.start, family.end), rule: 'target.family-modality', priority: 45, sentence }));
    }
  }
}

/** A name of words all of them common English without a digit ("growth factor") names a class, not one protein. */
function namesOneProtein(words: readonly string[], nlp: Scope['ctx']['knowledge']['nlp']): boolean {
  if (words.some((x) => /\d/.test(x))) return true;
  if (words.length === 1) return (words[0] ?? '').length >= 5 && !nlp.isKnownEnglishWord(words[0] ?? '');
  // "T cell", "growth factor": a letter or an English word in a short name makes it a class.
  return words.length >= 3 || words.every((x) => x.length >= 3 && !nlp.isKnownEnglishWord(x.replace(/['’]s$/, '')));
}

function familyBefore(w: ReturnType<Scope['reader']['words']>, lower: readonly string[], first: number, cue: number, p: TargetPatterns, lexicons: EntityLexicons): { start: number; end: number } | undefined {
  // The head: a family noun or an "-ase" word, then perhaps a number ("phosphodiesterase 4", "kinase 2").
  let head = cue - 1;
  const numbered = head > first && /^\d{1,2}[a-z]?$/.test(lower[head] ?? '');
  if (numbered) head--;
  const headWord = lower[head] ?? '';
  const familyNoun = p.familyHeads.has(headWord);
  if (!familyNoun && !/^[a-z]{5,}ase$/.test(headWord)) return undefined;
  // Back from the head over at most three modifiers, to a word that names the member: a capitalised
  // name ("Bruton's", "Janus") or a Greek letter ("beta-lactamase"); generic and function words stop.
  let naming = -1;
  for (let k = head - 1; k >= first && head - k <= 3; k--) {
    const word = w.words[k] ?? '';
    const lw = lower[k] ?? '';
    const name = word.replace(/['’]s$/, '');
    if (lexicons.greekLetters.has(lw) || (k > 0 && /^\p{Lu}\p{Ll}{2,}$/u.test(name) && !lexicons.companyWords.strong.has(name) && !lexicons.industryCompanies.has(name) && !lexicons.places.has(name))) naming = k;
    // Generic words may stand between the name and the head ("Bruton's tyrosine kinase"); a determiner, a
    // conjunction or a word of another shape ends the phrase.
    else if (lexicons.phraseBreakWords.has(lw) || !/^[a-z]+$/.test(lw) || p.modalityWords.has(lw)) break;
  }
  const end = w.ends[cue - 1] as number;
  if (naming >= 0) return { start: w.starts[naming] as number, end };
  // "phosphodiesterase 4 inhibitor"; "an aromatase inhibitor": an enzyme no family noun names, with no other word before it.
  const before = lower[head - 1] ?? '';
  if (numbered || (!familyNoun && (head === first || lexicons.targetGenericModifiers.has(before) || !/^[a-z]+$/.test(before)))) return { start: w.starts[head] as number, end };
  return undefined;
}
