// Companies by role: a capitalised name that no lexicon knows and that carries no legal suffix or
// company word is still a company where only a company fits the sentence: the owner of a pipeline or
// a board ("Zorvexa's pipeline"), the subject of a deal verb ("Zorvexa will pay"), the party of a deal
// phrase ("an agreement with Zorvexa", "between Acme and Zorvexa"), the party a grant verb gives a
// licence ("granted Zorvexa an exclusive license"), the name before an officer's title and a person
// ("Zorvexa CEO Jane Roe"), the party after "from" in a sentence about a deal
// ("licensed the antibody from Zorvexa"), a name a word calls a company ("privately held Zorvexa"). The roles are data (data/lexicons/company-roles.tsv); what makes a name
// is its shape: one to four capitalised, CamelCase or upper-case words that are not ordinary English
// words, places, months, given names, gene symbols, drug code names or INN-stem words, nor generic
// defined terms ("Licensor"). A name another rule already claims (a drug, a target, a person, a known
// company) is left to it: these candidates only fill the gaps. Once found, a name is swept through
// the rest of the document like every mention (index.ts).
//
// Cost: each role's regex runs only on sentences holding one of its cue words (the role phrases'
// first words; for the possessive also an apostrophe; for "from" also a deal word), and names are
// checked by table look-ups; no parse.
import type { AnchoredPattern, Candidate, Scope } from './candidates.ts';
import { anchoredPattern, candidate, phraseOpeners, sweep, sweepAt, sweepFromOpeners } from './candidates.ts';
import type { Cue, CueRegistry } from './cues.ts';
import { firstLetterRun } from './cues.ts';
import type { CompanyRolePhrases } from './lexicons.ts';
import { phraseKey, targetKey } from './lexicons.ts';
import { escapeRegex } from '../../text/regex.ts';
import type { Knowledge } from '../../knowledge/index.ts';

/** The role rules' patterns, compiled once with the knowledge (`knowledge.entities.companies.roles`). */
export interface CompanyRolePatterns {
  /** "'s [two words] pipeline": the name is read leftwards from the apostrophe. */
  /** "Acme's lead investor": tried at each apostrophe followed by "s" only (possessiveStarts). */
  readonly possessive: AnchoredPattern;
  /** "CEO Jane Roe", "Chief Scientific Officer, Dr. Jane Roe": an officer title before a person-shaped name; the company's name is read leftwards from it. */
  readonly officer: RegExp;
  /** A deal verb; the subject (and its auxiliaries) is read leftwards from it with `subjectBefore`. */
  readonly verb: AnchoredPattern;
  /** "<name> [(…)] [, apposition,] [auxiliaries] " at the end of the text before a verb. */
  readonly subjectBefore: RegExp;
  /** "agreement with <names>": the phrase and the list of names after it. */
  readonly object: AnchoredPattern;
  /** "privately held <name>". */
  readonly descriptor: AnchoredPattern;
  /** "Boston-based <name>", "San Diego-based <name>": a place-based name is a company's. */
  readonly placeBased: RegExp;
  /** "'s [two words] " ending the text before a drug or platform mention ("Acme's investigational ZX-101"). */
  readonly possessiveBeforeProduct: RegExp;
  /** "<name> and " ending the text before a subject: the first of two coordinated subjects. */
  readonly joinedBefore: RegExp;
  /** The run of name words ending a text ("… Zorvexa" before "'s"). */
  readonly nameRunBefore: RegExp;
  /** "investors [who joined the round] included <list>": the phrase; the list is the rest of the sentence, read item by item. */
  readonly investors: RegExp;
  /** What a sentence about a financing holds (the investor list is read only there). */
  readonly financing: RegExp;
  /** The words before one investor of a list: "the", a place ("London's", "Boston-based", "Boston"), a descriptor ("firms", "the hedge fund", "billionaire investor"). */
  readonly investorLead: RegExp;
  /** One investor's name at the start of an item: one to five words, each opening with a capital or a digit ("9Peak Ventures", "Acme & Foo Capital"), then the item's end or a lower-case word. */
  readonly investorName: RegExp;
  /** The investor descriptors, lower case ("hedge fund"): a descriptor role phrase among them reads a firm's name whole. */
  readonly investorDescriptors: ReadonlySet<string>;
  /** "granted <names> an exclusive license": the verb and its blanks (group 1), the names between it and what it gives (group 2). */
  readonly grantee: RegExp;
  /** "from <names>": a party where the sentence is a deal's (`deal`). */
  readonly source: RegExp;
  /** A deal word ("licensed", "upfront") in a sentence: `source` is read only there. */
  readonly deal: RegExp;
  /** The first letter runs of the verb, object and descriptor phrases: where those patterns can start (sweepFromOpeners). */
  readonly openers: { readonly verb: ReadonlySet<string> | undefined; readonly object: ReadonlySet<string> | undefined; readonly descriptor: ReadonlySet<string> | undefined };
  readonly cues: { readonly possessive: Cue; readonly officer: Cue; readonly verb: Cue; readonly object: Cue; readonly descriptor: Cue; readonly placeBased: Cue; readonly investors: Cue; readonly grantee: Cue; readonly source: Cue };
}

/** One word of a bare name: a capital, then letters, digits, hyphens or "&" (no apostrophe or dot: "Acme's" ends the name). */
const TOKEN = String.raw`\p{Lu}[\p{L}\p{N}&\-]*`;
const RUN = String.raw`(?:${TOKEN}[ \t]+){0,3}${TOKEN}`;
const END = String.raw`(?![\p{L}\p{N}\-])`;
/** A place of one to three capitalised words ("London", "San Francisco", "St. Louis"). */
const PLACE = String.raw`\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2}`;
/** Words between a subject and its verb ("will", "has agreed to", "today"). */
const AUXILIARIES = [
  'will',
  'shall',
  'would',
  'may',
  'might',
  'can',
  'could',
  'has',
  'have',
  'had',
  'also',
  'to',
  'today',
  'jointly',
  'further',
  'previously',
  'recently',
  'subsequently',
  'now',
  'already',
  'then',
  'hereby',
  'agreed',
  'expects',
  'intends',
  'plans',
  'not',
  'each',
  'both',
  'first',
  'successfully',
  'formally',
  'exclusively',
  'initially',
];
// No "is", "was" or "been": a passive ("Acmevir was granted Fast Track designation") has a product as its subject.
/** Words before a name that make it a modifier of the next noun ("the Acme agreement"), not the subject. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'his', 'her', 'this', 'these', 'those', 'such', 'any', 'each']);
/** Endings of ordinary English words that compromise's small lexicon does not list ("Treatments", "Participants"). */
const ENGLISH_ENDING =
  /(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ance|ances|ence|ences|ing|ings|ers|ors|ees|ants|ents|ists|ism|ive|ives|ous|ful|less|able|ible|ally|ized|ised|ship|hood|ies|ly|ed|tic|ical|ics|ry|ogy|apy|cy|ety|ial|ral|nal|cal|tal|ward|wards|ise|ize)$/;
/** Endings of chemical substance names ("-amine", "-ide", "-ium"); the wider ones of substance-name-endings.txt ("-in", "-one", "-ene") end company names too. */
const SUBSTANCE_ENDING = /(?:ine|ide|ole|ium|ane)$/;
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const ACRONYM = /^\p{Lu}[\p{Lu}&]+$/u;
const PLAIN = /^\p{Lu}\p{Ll}+(?:-\p{L}+)*$/u;

/**
 * A phrase matched with each word's first letter in either case (a Title-Case headline) and any blanks
 * between its words. With `abbreviations`, a word of two to four letters matches in capitals too
 * ("ceo" → "CEO", "r&d" → "R&D"): the lists are written in lower case, officers' titles are not.
 */
function phrasePattern(phrase: string, abbreviations = false): string {
  return phrase
    .split(' ')
    .map((word) => {
      const first = word.charAt(0);
      const head = first.toUpperCase() !== first ? `[${escapeRegex(first)}${escapeRegex(first.toUpperCase())}]` : escapeRegex(first);
      const mixed = head + escapeRegex(word.slice(1));
      return abbreviations && /^[a-z&]{2,4}$/.test(word) && word !== 'and' ? `(?:${mixed}|${escapeRegex(word.toUpperCase())})` : mixed;
    })
    .join(String.raw`[ \t]+`);
}

/** Phrases matched in lower case only ("fund", never the "Fund" that ends a firm's name), longest first. */
function lowerCaseAlternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) =>
      phrase
        .split(' ')
        .map(escapeRegex)
        .join(String.raw`[ \t]+`),
    )
    .join('|');
}

function alternationOf(phrases: readonly string[], abbreviations = false): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrasePattern(phrase, abbreviations))
    .join('|');
}

/**
 * Offsets in text[from, to) of an apostrophe (straight or curly) followed by "s": where a match of the
 * possessive pattern can start (it opens with ['’]s), ascending, for `sweepAt`. The pattern swept over
 * the whole sentence was a visible share of the entity stage; apostrophes are few.
 */
function possessiveStarts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (const mark of ["'", '’']) {
    for (let i = text.indexOf(mark, from); i !== -1 && i + 1 < to; i = text.indexOf(mark, i + 1)) if (text.charCodeAt(i + 1) === 115) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

/** `honorifics`: the forms before a name ("Dr.", "Prof."), honorifics.txt, which may stand between an officer's title and the person. */
export function compileCompanyRolePatterns(roles: CompanyRolePhrases, cues: CueRegistry, honorifics: readonly string[]): CompanyRolePatterns {
  const aux = AUXILIARIES.join('|');
  const honorific = [...honorifics]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  return Object.freeze({
    possessive: anchoredPattern(String.raw`['’]s[ \t]+(?:[\p{L}\p{N}\-]+[ \t]+){0,2}?(?:${alternationOf(roles.possessed, true)})${END}`, 'u'),
    officer: new RegExp(String.raw`(?<![\p{L}\p{N}\-&'’.])(?:${alternationOf(roles.officer, true)}),?[ \t]+(?:(?:${honorific})[ \t]+)?\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\.)?[ \t]+\p{Lu}\p{Ll}`, 'gu'),
    verb: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])(?:${alternationOf(roles.verb)})${END}`, 'u'),
    subjectBefore: new RegExp(String.raw`(?<![\p{L}\p{N}\-&'’.])(${RUN})(?:[ \t]*\((?:the[ \t]+)?["“]?[\p{Lu}\d][^()\n]{0,60}\))?(?:,[ \t]+(?!and[ \t]|or[ \t])[^,;()\n]{1,100},)?[ \t]+(?:(?:${aux})[ \t]+){0,4}$`, 'u'),
    object: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])(?:${alternationOf(roles.before, true)})[ \t]+(?:the[ \t]+)?(${RUN}(?:(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)${RUN}){0,3})${END}`, 'u'),
    descriptor: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])(?:${alternationOf(roles.descriptor)})[ \t]+(${RUN})${END}`, 'u'),
    placeBased: new RegExp(String.raw`(?<![\p{L}\p{N}\-])\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2}-based[ \t]+(${RUN})${END}`, 'gu'),
    possessiveBeforeProduct: /['’]s[ \t]+(?:[\p{L}-]+[ \t]+){0,2}$/u,
    joinedBefore: new RegExp(String.raw`(?<![\p{L}\p{N}\-&'’.])(${RUN})[ \t]+and[ \t]+$`, 'u'),
    nameRunBefore: new RegExp(String.raw`(?<![\p{L}\p{N}\-&'’.])(${RUN})$`, 'u'),
    // "Existing investors who joined the round included": a relative clause may stand inside the phrase, after its first word.
    investors: new RegExp(
      String.raw`(?<![\p{L}\p{N}\-])(?:${roles.investors
        .map((phrase) => {
          const [head = '', ...rest] = phrase.split(' ');
          const tail = rest.join(' ');
          return tail ? String.raw`${phrasePattern(head)}(?:[ \t]+(?:who|that|which|in|of)[ \t]+[^,.;:\n]{1,50}?)?[ \t]+${phrasePattern(tail)}` : phrasePattern(head);
        })
        .join('|')})[ \t]+`,
      'gu',
    ),
    financing: /\b(?:[Rr]ound|[Ff]inancing|[Ff]unding|[Ii]nvest(?:ors?|ment|ed)|[Rr]aised?|[Ss]eries[ \t]+[A-H]\b|[Ss]eed|[Pp]rivate[ \t]+[Pp]lacement)/,
    investorLead: new RegExp(
      String.raw`^(?:the[ \t]+)?(?:${PLACE}(?:['’]s|-based)[ \t]+|${PLACE}[ \t]+(?=(?:${lowerCaseAlternation(roles.investorDescriptor)})[ \t]))?(?:(?:the[ \t]+)?(?:[\p{Ll}\-]+[ \t]+){0,2}?(?:${lowerCaseAlternation(roles.investorDescriptor)})[ \t]+)?`,
      'u',
    ),
    investorName: /^[\p{Lu}\d][\p{L}\p{N}&-]*(?:[ \t]+(?:&[ \t]+)?[\p{Lu}\d][\p{L}\p{N}&-]*){0,4}(?=$|[ \t]+\p{Ll})/u,
    investorDescriptors: new Set(roles.investorDescriptor),
    grantee: new RegExp(
      String.raw`(?<![\p{L}\p{N}\-])((?:${alternationOf(roles.grantVerb)})[ \t]+)(${RUN}(?:(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)${RUN}){0,2})[ \t]+(?:(?:an?|the|its|their)[ \t]+)?(?:${lowerCaseAlternation(roles.grantObject)})${END}`,
      'gu',
    ),
    source: new RegExp(String.raw`(?<![\p{L}\p{N}\-])[Ff]rom[ \t]+(?:the[ \t]+)?(${RUN}(?:(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)${RUN}){0,2})${END}`, 'gu'),
    deal: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(?:${alternationOf(roles.dealStem)})`, 'u'),
    openers: { verb: phraseOpeners(roles.verb), object: phraseOpeners(roles.before), descriptor: phraseOpeners(roles.descriptor) },
    cues: {
      possessive: cues.words(roles.possessed.map(firstLetterRun)),
      officer: cues.words(roles.officer.map(firstLetterRun)),
      verb: cues.words(roles.verb.map(firstLetterRun)),
      object: cues.words(roles.before.map(firstLetterRun)),
      descriptor: cues.words(roles.descriptor.map(firstLetterRun)),
      placeBased: cues.words(['based']),
      investors: cues.words(roles.investors.map(firstLetterRun)),
      grantee: cues.words(roles.grantVerb.map(firstLetterRun)),
      source: cues.words(['from']),
    },
  });
}

/** Whether a capitalised word reads as an ordinary English word: compromise knows it (or its stem), or it ends like one. */
function isEnglishLike(word: string, knowledge: Knowledge): boolean {
  const lower = word.toLowerCase();
  if (ENGLISH_ENDING.test(lower)) return true;
  const nlp = knowledge.nlp;
  const stems = [lower, lower.replace(/s$/, ''), lower.replace(/es$/, ''), lower.replace(/ies$/, 'y'), lower.replace(/ed$/, ''), lower.replace(/d$/, '')];
  return stems.some((stem) => stem.length > 1 && nlp.isKnownEnglishWord(stem));
}

/** Whether one word can be part of a bare company name (`first`: it opens the name). */
function isNameWord(word: string, first: boolean, knowledge: Knowledge): boolean {
  const lexicons = knowledge.entities.lexicons;
  if (lexicons.nameStopwords.has(word) || lexicons.personWords.has(word) || lexicons.notEntities.has(word.toLowerCase())) return false;
  if (knowledge.calendar.dates.months.has(word.toLowerCase())) return false;
  // A company word ("Bio", "Therapeutics") may end a name, never open one.
  if (lexicons.companyWords.strong.has(word) || lexicons.companyWords.weak.has(word)) return !first;
  if (CAMEL.test(word)) return true;
  // A single capital letter ends a name ("BioLab X"), never opens one (an initial, "A" of a sentence).
  if (/^\p{Lu}$/u.test(word)) return !first;
  if (lexicons.personTitles.includes(word) || isPlaceWord(word, knowledge)) return false;
  if (ACRONYM.test(word)) return word.length <= 6 && !lexicons.hgnc.has(targetKey(word)) && !isRomanNumeral(word);
  if (!PLAIN.test(word)) return false;
  const lower = word.toLowerCase();
  // "Zorvimab", "Kelvatinib": a word ending in an INN stem names a drug; "Ketamine", "Zorvamide" a substance.
  if (lexicons.innStems.plain.some((stem) => lower.endsWith(stem) && lower.length >= stem.length + 3)) return false;
  if (SUBSTANCE_ENDING.test(lower)) return false;
  return word.split('-').every((part) => !isEnglishLike(part, knowledge));
}

function isRomanNumeral(word: string): boolean {
  return /^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$/.test(word);
}

/** Whether the words (a whole name) make no company: a place, a given name, a disease, a generic defined term. */
function isNonCompanyName(name: string, words: readonly string[], knowledge: Knowledge): boolean {
  const { names, nlp } = knowledge;
  const lexicons = knowledge.entities.lexicons;
  if (names.isPlace(name) || lexicons.places.has(name) || names.isGenericTerm(name) || lexicons.industryCompanies.has(name)) return true;
  if (nlp.isKnownFirstName(words[0] ?? '')) return true;
  // A disease, or the person an eponymous disease is named after ("Parkinson's").
  if (['', "'s disease", ' disease', "'s syndrome", ' syndrome'].some((tail) => lexicons.diseases.byKey.has(phraseKey(name + tail)))) return true;
  return false;
}

interface NameSpan {
  start: number;
  text: string;
}

/**
 * The name a run ends with (for a possessive or a subject): its longest run of name words that ends
 * the run. `undefined` when a capitalised word other than a stop word stands right before it
 * ("Acme Myers Kelvar": a longer name the words cannot say where begins).
 */
function nameEndingRun(run: string, runStart: number, text: string, knowledge: Knowledge): NameSpan | undefined {
  const words = run.split(/[ \t]+/);
  let first = words.length;
  while (first > 0 && isNameWord(words[first - 1] as string, false, knowledge)) first--;
  // The first kept word must be able to open a name.
  while (first < words.length && !isNameWord(words[first] as string, true, knowledge)) first++;
  if (first >= words.length) return undefined;
  const cut = words[first - 1];
  if (cut !== undefined && /^\p{Lu}/u.test(cut) && !knowledge.entities.lexicons.nameStopwords.has(cut)) return undefined;
  const kept = words.slice(first);
  const offset = run.length - kept.join(' ').length;
  const start = runStart + offset;
  const nameText = text.slice(start, runStart + run.length);
  if (first === 0) {
    const before = /([\p{L}]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 20), start));
    if (before && DETERMINERS.has((before[1] ?? '').toLowerCase())) return undefined;
  }
  return { start, text: nameText };
}

/** The name a run opens with (for the party after a deal phrase): its longest run of name words from the start. */
function nameOpeningRun(run: string, runStart: number, text: string, knowledge: Knowledge): NameSpan | undefined {
  const words = run.split(/[ \t]+/);
  let n = 0;
  while (n < words.length && isNameWord(words[n] as string, n === 0, knowledge)) n++;
  if (n === 0) return undefined;
  // "with Zorvexa Phase ...": a capitalised word after the name may still belong to it; a place
  // after it names the country of a subsidiary ("Zorvexa USA"), which the name is without.
  if (n < words.length && !isPlaceWord(words[n] as string, knowledge)) return undefined;
  // A capital after any blank (a no-break space too: "BioLab\u00a0X") may go on with the name.
  if (n === words.length && /^\s\p{Lu}/u.test(text.slice(runStart + run.length, runStart + run.length + 3))) return undefined;
  return { start: runStart, text: words.slice(0, n).join(' ') };
}

/**
 * One investor of a financing's list: a name whose words are all name words, a run of capitalised
 * words ending in a financial head word ("Quarry Peak Capital") that does not open with a given
 * name or a title, or an acronym ("QXA").
 */
function investorSpan(item: string, start: number, text: string, knowledge: Knowledge): NameSpan | undefined {
  const lexicons = knowledge.entities.lexicons;
  const words = item.split(/[ \t]+/);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (lexicons.personTitles.includes(first) || lexicons.personWords.has(first) || lexicons.nameStopwords.has(first)) return undefined;
  if (words.length > 1 && lexicons.financialNameWords.has(last) && !lexicons.financialNameWords.has(first)) return { start, text: item };
  if (/^\d/u.test(first)) return undefined;
  if (words.every((word, i) => isNameWord(word, i === 0, knowledge))) return { start, text: item };
  return undefined;
}

/**
 * "Acme Ventures", "Acme Venture Fund" in an investor list: a known company's name followed only by
 * financial head words names its investment arm, a company of its own. The priority that lets the
 * investor's name win over the company's mention inside it; `undefined` when the span is no such name.
 */
function investmentArmPriority(span: NameSpan, found: readonly Candidate[], knowledge: Knowledge): number | undefined {
  const end = span.start + span.text.length;
  const inside = found.filter((c) => c.start < end && span.start < c.end);
  if (inside.length === 0 || inside.some((c) => c.label !== 'Company' || c.start !== span.start || c.end > end)) return undefined;
  const shorter = inside.filter((c) => c.end < end);
  if (shorter.length === 0) return undefined;
  const companyEnd = Math.max(...shorter.map((c) => c.end));
  const rest = span.text
    .slice(companyEnd - span.start)
    .trim()
    .split(/[ \t]+/);
  if (!rest.every((word) => knowledge.entities.lexicons.financialNameWords.has(word))) return undefined;
  return Math.max(...inside.map((c) => c.priority)) + 1;
}

function isPlaceWord(word: string, knowledge: Knowledge): boolean {
  return knowledge.names.isPlace(word) || knowledge.entities.lexicons.places.has(word);
}

/** A name particle and a capital after a name ("Sant Kelvar de Foo", "Kelvar of America"): the name goes on. */
const NAME_GOES_ON = /^[ \t]+(?:de|del|della|di|du|des|der|den|van|von|zu|of|y|e|la|le)[ \t]+\p{Lu}/u;

/** Words before "from" whose source is a product, a study or a market, not a deal party. */
const PRODUCT_YIELD_BEFORE = /(?:^|[^\p{L}])(?:revenues?|sales|income|proceeds|data|results|findings|cash|sourced|derived|benefit|patients|samples)[ \t]+$/iu;

/** A place after a comma ("Acme, Darmstadt, Germany", "Heidelberg, Germany"): the name is part of an address or a dateline. */
const COMMA_NAME_AFTER = /^,[ \t]+(\p{Lu}[\p{L}.-]*(?:[ \t]+\p{Lu}[\p{L}.-]*){0,2})/u;

/** `inInvestorList`: a place after a comma opens the next investor ("Acme, Boston firm Foo Capital"), not an address. */
function accept(span: NameSpan | undefined, text: string, knowledge: Knowledge, inInvestorList = false): NameSpan | undefined {
  if (!span) return undefined;
  const words = span.text.split(/[ \t]+/);
  if (isNonCompanyName(span.text, words, knowledge)) return undefined;
  const end = span.start + span.text.length;
  const place = COMMA_NAME_AFTER.exec(text.slice(end, end + 40))?.[1];
  if (!inInvestorList && place !== undefined && isPlaceWord(place, knowledge)) return undefined;
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  // "the “Finder’s Shares”": a defined term, not a party; "J.K. Roeland": initials open the name.
  if (/["“][ \t]*$/u.test(before) || /\p{Lu}\.[ \t]*$/u.test(before)) return undefined;
  return span;
}

/**
 * Whether the text defines the name as a term or an abbreviation ("(“Acme”)", "(ACM)"): the alias
 * rules give it to the mention it follows (index.ts); read as a company of its own it would split one.
 */
function isDefinedTerm(name: string, text: string): boolean {
  return text.includes(`“${name}”`) || text.includes(`"${name}"`) || text.includes(`(${name})`);
}

/** Companies found by the role a bare name fills; none overlaps a candidate of the other rules (`found`). */
export function findRoleCompanies(scope: Scope, found: readonly Candidate[]): Candidate[] {
  const knowledge = scope.ctx.knowledge;
  const p = knowledge.entities.companies.roles;
  const text = scope.text;
  const spans: { span: NameSpan; rule: string; sentence: Scope['sentences'][number] }[] = [];
  const add = (span: NameSpan | undefined, rule: string, sentence: Scope['sentences'][number]): void => {
    const ok = accept(span, text, knowledge, rule === 'company.role-investor');
    if (ok) spans.push({ span: ok, rule, sentence });
  };

  sweepAt(
    scope,
    p.possessive,
    (sentence) => possessiveStarts(text, sentence.start, sentence.end),
    (m, offset, sentence) => {
      const left = p.nameRunBefore.exec(text.slice(Math.max(sentence.start, offset - 80), offset));
      if (!left) return;
      const run = left[1] ?? '';
      add(nameEndingRun(run, offset - run.length, text, knowledge), 'company.role-possessive', sentence);
    },
    { cues: [p.cues.possessive], test: (slice) => slice.includes("'s") || slice.includes('’s') },
  );

  // "Zorvexa CEO Jane Roe", "Zorvexa Chief Scientific Officer, Dr. Jane Roe": the name right before an officer's title and a person's name.
  sweep(
    scope,
    p.officer,
    (m, offset, sentence) => {
      const windowStart = Math.max(sentence.start, offset - 80);
      const head = text.slice(windowStart, offset);
      const name = head.replace(/[ \t]+$/u, '');
      // A blank must part the name from the title ("AcmeCEO" is one word).
      if (name.length === head.length) return;
      const run = p.nameRunBefore.exec(name)?.[1];
      if (run !== undefined) add(nameEndingRun(run, windowStart + name.length - run.length, text, knowledge), 'company.role-officer', sentence);
    },
    { cues: [p.cues.officer] },
  );

  sweepFromOpeners(
    scope,
    p.verb,
    p.openers.verb,
    (m, offset, sentence) => {
      const windowStart = Math.max(sentence.start, offset - 200);
      const left = p.subjectBefore.exec(text.slice(windowStart, offset));
      if (!left) return;
      const run = left[1] ?? '';
      const runStart = windowStart + left.index;
      add(nameEndingRun(run, runStart, text, knowledge), 'company.role-subject', sentence);
      // "Zorvexa and Acme Pharma will co-develop": a name joined to the subject by "and" shares its role.
      const joined = p.joinedBefore.exec(text.slice(Math.max(sentence.start, runStart - 80), runStart));
      const other = joined?.[1];
      if (joined && other !== undefined) add(nameEndingRun(other, runStart - joined[0].length, text, knowledge), 'company.role-subject', sentence);
    },
    { cues: [p.cues.verb] },
  );

  // `investing`: the phrase before the list calls its names investors ("the hedge fund Acme Capital
  // Management"), so a firm's name ending in a financial head word is read whole.
  const readList = (list: string, listStart: number, rule: string, sentence: Scope['sentences'][number], investing = false): void => {
    const item = /(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)/gu;
    let from = 0;
    for (let m = item.exec(list); ; m = item.exec(list)) {
      const to = m ? m.index : list.length;
      const span = nameOpeningRun(list.slice(from, to), listStart + from, text, knowledge) ?? (investing ? investorSpan(list.slice(from, to), listStart + from, text, knowledge) : undefined);
      add(span, rule, sentence);
      if (!m) break;
      from = m.index + m[0].length;
    }
  };
  sweepFromOpeners(
    scope,
    p.object,
    p.openers.object,
    (m, offset, sentence) => {
      const list = m[1] ?? '';
      readList(list, offset + m[0].length - list.length, 'company.role-object', sentence);
    },
    { cues: [p.cues.object] },
  );
  sweepFromOpeners(
    scope,
    p.descriptor,
    p.openers.descriptor,
    (m, offset, sentence) => {
      const name = m[1] ?? '';
      const phrase = m[0]
        .slice(0, m[0].length - name.length)
        .trim()
        .replace(/[ \t]+/g, ' ')
        .toLowerCase();
      readList(name, offset + m[0].length - name.length, 'company.role-descriptor', sentence, p.investorDescriptors.has(phrase));
    },
    { cues: [p.cues.descriptor] },
  );

  sweep(
    scope,
    p.placeBased,
    (m, offset, sentence) => {
      const name = m[1] ?? '';
      readList(name, offset + m[0].length - name.length, 'company.role-descriptor', sentence);
    },
    { cues: [p.cues.placeBased] },
  );

  // "Zorvexa granted Acme an exclusive license": the indirect object of a grant verb, before what it gives.
  sweep(
    scope,
    p.grantee,
    (m, offset, sentence) => {
      readList(m[2] ?? '', offset + (m[1] ?? '').length, 'company.role-object', sentence);
    },
    { cues: [p.cues.grantee] },
  );

  // "Acme licensed the antibody from Zorvexa", "a milestone payment from Zorvexa": the other party of
  // a deal, read only in a sentence holding a deal word ("from Phase 2", "data from Kelvar" elsewhere are not).
  sweep(
    scope,
    p.source,
    (m, offset, sentence) => {
      // "from Sant Kelvar de Foo Children's Hospital": a name going on after a particle is a longer name (an institution's, often) the run cannot bound.
      if (NAME_GOES_ON.test(text.slice(offset + m[0].length, offset + m[0].length + 12))) return;
      // "revenue from Acmevir", "data from Kelvar": what a product or a study yields, not a party's payment.
      if (PRODUCT_YIELD_BEFORE.test(text.slice(Math.max(sentence.start, offset - 20), offset))) return;
      const list = m[1] ?? '';
      // "from Halden" after "Halden Capital, Inc.": the short form of a company the other rules found is theirs to resolve.
      if (found.some((c) => c.label === 'Company' && c.canonical.startsWith(`${list.split(/[ \t,]/u)[0] ?? ''} `))) return;
      readList(list, offset + m[0].length - list.length, 'company.role-object', sentence);
    },
    { cues: [p.cues.source], test: (slice) => p.deal.test(slice) },
  );

  // "Other investors included London's Acme Ventures, Qatar's QXA, Boston firms Foo Capital and Bar
  // Healthcare Venture Management": each item of the list after an investor phrase, in a sentence
  // about a financing. An item is a name (as the object role reads it), a run of capitalised words
  // ending in a financial head word, or an acronym; an apposition ("a subsidiary of ...") is passed
  // over, anything else ends the list.
  sweep(
    scope,
    p.investors,
    (m, offset, sentence) => {
      const listStart = offset + m[0].length;
      const rest = text.slice(listStart, sentence.end);
      const stop = /[;:()[\]“”"]|\.(?:[ \t]|$)/u.exec(rest);
      const list = stop ? rest.slice(0, stop.index) : rest;
      const separator = /,[ \t]+(?:and[ \t]+|as[ \t]+well[ \t]+as[ \t]+)?|[ \t]+(?:and|as[ \t]+well[ \t]+as)[ \t]+/gu;
      let from = 0;
      for (let sep = separator.exec(list); ; sep = separator.exec(list)) {
        const to = sep ? sep.index : list.length;
        const raw = list.slice(from, to);
        if (/^an?[ \t]/u.test(raw) || p.investorLead.exec(`${raw} `)?.[0] === `${raw} `) {
          // an apposition of the previous investor ("a subsidiary of ..."), or a descriptor alone ("new investors, Acme, ..."): passed over
        } else {
          const lead = p.investorLead.exec(raw)?.[0] ?? '';
          const item = raw.slice(lead.length).trimEnd();
          // "Acme Venture to support the trial": the name ends the list where lower-case words follow it.
          const name = p.investorName.exec(item)?.[0];
          if (name === undefined) break;
          add(investorSpan(name, listStart + from + lead.length, text, knowledge), 'company.role-investor', sentence);
          if (name.length < item.length) break;
        }
        if (!sep) break;
        from = sep.index + sep[0].length;
      }
    },
    { cues: [p.cues.investors], test: (slice) => p.financing.test(slice) },
  );

  // "Zorvexa's ZX-101", "Zorvexa’s investigational zorvimab": the owner of a drug or platform another rule found.
  for (const c of found) {
    if (c.label !== 'Drug' && c.label !== 'Technology') continue;
    const sentence = scope.doc.sentences[c.sentenceIndex];
    if (!sentence || sentence.section === 'forwardLooking') continue;
    const head = text.slice(Math.max(sentence.start, c.start - 40), c.start);
    const possessive = p.possessiveBeforeProduct.exec(head);
    if (!possessive) continue;
    const ownerEnd = c.start - (head.length - possessive.index);
    const left = p.nameRunBefore.exec(text.slice(Math.max(sentence.start, ownerEnd - 80), ownerEnd));
    const run = left?.[1];
    if (run !== undefined) add(nameEndingRun(run, ownerEnd - run.length, text, knowledge), 'company.role-possessive', sentence);
  }

  if (spans.length === 0) return [];
  const taken = new Uint8Array(text.length + 1);
  for (const c of found) taken.fill(1, c.start, c.end);
  // A name the other rules read as something else anywhere in the document (a drug written "ACMEVIR®"
  // elsewhere), or the abbreviation the text defines for another mention ("Acme Patent Pool (APP)"),
  // is that thing's name, not a company's.
  const otherNames = new Set<string>();
  for (const c of found) {
    if (c.label !== 'Company') otherNames.add(c.text.toLowerCase());
    const defined = /^[ \t]*\((?:the[ \t]+)?["“]?([^()"”\n]{2,30}?)["”]?\)/u.exec(text.slice(c.end, c.end + 40))?.[1];
    if (defined !== undefined && c.label !== 'Company') otherNames.add(defined.toLowerCase());
  }
  const out: Candidate[] = [];
  for (const { span, rule, sentence } of spans) {
    const end = span.start + span.text.length;
    const arm = rule === 'company.role-investor' ? investmentArmPriority(span, found, knowledge) : undefined;
    if (arm !== undefined) {
      out.push(candidate({ label: 'Company', start: span.start, surface: span.text, canonical: span.text, rule, priority: arm, sentence }));
      continue;
    }
    if (taken.subarray(span.start, end).includes(1) || otherNames.has(span.text.toLowerCase()) || isDefinedTerm(span.text, text)) continue;
    out.push(candidate({ label: 'Company', start: span.start, surface: span.text, canonical: span.text, rule, priority: 30, sentence }));
  }
  return out;
}
