// Companies and organizations: legal-suffix names, tickers (and the name right before one),
// company-typical words, the industry lexicon, deal-adviser phrasing; agencies, exchanges,
// universities and hospitals are Organization. Bare names in a role only a company fills are read by
// company-roles.ts (its patterns are compiled here, with the others).
import type { AnchoredPattern, Candidate, Scope } from './candidates.ts';
import { anchoredPattern, candidate, sweep, sweepAt, sweepFromCapitals, wordStarts } from './candidates.ts';
import type { EntityLexicons } from './lexicons.ts';
import { phraseAlternation } from './lexicons.ts';
import type { EntityKnowledge } from '../../knowledge/entities.ts';
import { escapeRegex } from '../../text/regex.ts';
import type { Knowledge } from '../../knowledge/index.ts';
import { PhraseMatcher } from './phrases.ts';
import type { Cue, CueRegistry, SentenceReader } from './cues.ts';
import { AT_SIGN, firstLetterRun } from './cues.ts';
import type { CompanyRolePatterns } from './company-roles.ts';
import { compileCompanyRolePatterns } from './company-roles.ts';

/** Whether `word` is a headline verb in any inflection, with or without "co-" ("Co-Commercialize", "Announces"). */
export function isHeadlineVerb(word: string, lexicons: EntityLexicons): boolean {
  const w = word.toLowerCase().replace(/^co-/, '');
  const verbs = lexicons.headlineVerbs;
  const stems = [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/d$/, ''), w.replace(/ed$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')];
  return stems.some((stem) => verbs.has(stem));
}

/**
 * How many leading words of a company-word name are a Title-Case headline run, not the name:
 * "Co-Commercialize Seattle Genetics" → 1. The run must open with a headline verb; descriptive words
 * after it ("Novel", "Anticancer") belong to the run too. `undefined` when the run swallows every
 * word before the company word ("Commercialize Novel Anticancer Therapeutics": no name is left).
 * A name that does not open with a verb ("Summit Therapeutics", "Vertex Pharmaceuticals") is whole: 0.
 */
export function headlineRunLength(coreWords: readonly string[], lexicons: EntityLexicons): number | undefined {
  let n = 0;
  while (n < coreWords.length && isHeadlineVerb(coreWords[n] as string, lexicons)) n++;
  if (n === 0) return 0;
  while (n < coreWords.length && lexicons.headlineDescriptors.has((coreWords[n] as string).toLowerCase())) n++;
  return n < coreWords.length ? n : undefined;
}

/** One word of a proper name: capitalised, CamelCase, an acronym or a name with digits. */
export const NAME_TOKEN = String.raw`[\p{Lu}\d][\p{L}\p{N}'’.\-]*[\p{L}\p{N}.]|\p{Lu}`;
/** Up to max + 1 name words; `joiner` matches the lower-case words that may sit inside a name ("Drug Innovations at Emory"). */
const NAME_SEQ = (max: number, joiner: string): string => String.raw`(?:(?:${NAME_TOKEN})[ \t]+(?:${joiner}[ \t]+)?){0,${max}}(?:${NAME_TOKEN})`;

/** A plain Title-Case word, hyphenated parts and a possessive allowed ("Technology", "Dana-Farber", "Children's"). */
const TITLE_WORD = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*(?:['’]s)?`;

/** A name written in lower case with hyphens ("acme-biotech"); accepted only next to a cue (see isLowerCaseName). */
const LOWER_HYPHENATED_NAME = String.raw`[a-z][a-z\d]+(?:-[a-z\d]+)+`;

/**
 * A lower-case hyphenated token is a company's name only when none of its parts is an English word
 * compromise knows ("third-party", "in-house", "long-term" are not names) or a stop word.
 */
export function isLowerCaseName(token: string, knowledge: Knowledge): boolean {
  const parts = token.split('-');
  if (!parts.some((part) => part.length >= 4)) return false;
  const { nameStopwords, notEntities } = knowledge.entities.lexicons;
  return parts.every((part) => /\p{L}/u.test(part) && !knowledge.nlp.isKnownEnglishWord(part) && !nameStopwords.has(part) && !notEntities.has(part));
}

/** "Acme, Inc. (Acme) and foo-bar", "between Acme and foo-bar": a lower-case name coordinated with a company. */
const COORDINATED_LOWER_NAME = new RegExp(String.raw`^(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+(?:and|or)[ \t]+(${LOWER_HYPHENATED_NAME})(?![\p{L}\p{N}\-])`, 'u');

export function findCoordinatedLowerCaseNames(scope: Scope, companies: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of companies) {
    const sentence = scope.doc.sentences[c.sentenceIndex];
    if (!sentence) continue;
    const after = scope.text.slice(c.end, Math.min(sentence.end, c.end + 80));
    const m = COORDINATED_LOWER_NAME.exec(after);
    const name = m?.[1];
    if (!m || !name || !isLowerCaseName(name, scope.ctx.knowledge)) continue;
    out.push(candidate({ label: 'Company', start: c.end + m[0].length - name.length, surface: name, canonical: name, rule: 'company.coordinated-lower-case', priority: 50, sentence }));
  }
  return out;
}

/** A CamelCase word: a capital, lower-case letters, then a capital inside the word ("AcmeBio", "ZentrixAI"). */
const CAMEL_WORD = String.raw`\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*`;

/**
 * The co-announcers of a release: "Acme Pool and Merck today announced": the name joined to a
 * company by "and", the two the subject of an announcement, is a party too. A single word must not
 * be an English word ("Today and Acme announced" is no company); each word must be a name word.
 */
export function findCoAnnouncers(scope: Scope, companies: readonly Candidate[]): Candidate[] {
  const k = scope.ctx.knowledge.entities;
  const { lexicons, companies: p } = k;
  const out: Candidate[] = [];
  for (const c of companies) {
    const sentence = scope.doc.sentences[c.sentenceIndex];
    if (!sentence || sentence.section === 'forwardLooking') continue;
    if (!p.announceAfter.test(scope.text.slice(c.end, Math.min(sentence.end, c.end + 120)))) continue;
    const windowStart = Math.max(sentence.start, c.start - 100);
    const m = p.nameAndBefore.exec(scope.text.slice(windowStart, c.start));
    if (!m) continue;
    const raw = m[1] ?? '';
    const { name, lead } = trimName(raw, k);
    if (!name || !/^\p{Lu}/u.test(name)) continue;
    const words = name.split(/[ \t]+/);
    if (words.some((w) => lexicons.personWords.has(w) || lexicons.nameStopwords.has(w) || lexicons.legalSuffixes.includes(w))) continue;
    if (words.length === 1 && scope.ctx.knowledge.nlp.isKnownEnglishWord(name.toLowerCase())) continue;
    const cand = companyCandidate(scope, { start: windowStart + m.index + lead, surface: name, rule: 'company.co-announcer', priority: 44, sentence, untrimmed: true });
    if (cand) out.push(cand);
  }
  return out;
}

/** The company rules' patterns, compiled once with the knowledge (`knowledge.entities.companies`). */
export interface CompanyPatterns {
  readonly suffix: AnchoredPattern;
  readonly nameBefore: RegExp;
  readonly industry: PhraseMatcher<true>;
  readonly orgs: PhraseMatcher<true>;
  readonly words: AnchoredPattern;
  readonly coreBefore: RegExp;
  readonly hyphenWords: AnchoredPattern;
  readonly adviser: RegExp;
  readonly ticker: RegExp;
  /** "Acme Bio (Nasdaq: ACMB)", "Acme (the “Company”; HKEX: 01234)": the name run right before a parenthesised ticker. */
  readonly tickerOwner: RegExp;
  readonly orgHeads: RegExp;
  /**
   * What may follow an organization's head word and still be its name: "of"/"for" and capitalised
   * words ("Massachusetts Institute | of Technology", "Acme Institute | for Cancer Research") or
   * another head ("Acme University | School of Medicine", "Acme University | Medical Center").
   */
  readonly orgTail: RegExp;
  /** Sentence cues each rule needs (see cues.ts). */
  readonly cues: { suffix: Cue; word: Cue; adviser: Cue; orgHead: Cue; exchange: Cue; agent: Cue; descriptor: Cue; camelAgent: Cue };
  readonly descriptor: AnchoredPattern;
  readonly camelAgent: RegExp;
  /** First letter runs (lower case) of the legal suffixes and of the company words: where those patterns can start. */
  readonly anchors: { suffix: ReadonlySet<string>; word: ReadonlySet<string> };
  readonly agent: RegExp;
  /** A leading run of department names ("Investor Relations and Corporate Communications "), joiners included. */
  readonly departmentRun: RegExp;
  /** A joiner opening a name ("of Acme"): cut off, a joiner cannot open one. */
  readonly leadingJoiner: RegExp;
  /** A name holding one of these words is an Organization. */
  readonly organizationWord: RegExp;
  /** "<Name> and Acme, Inc. today announced": a capitalised name before "and" and a company, one that a few words on announces. */
  readonly nameAndBefore: RegExp;
  readonly announceAfter: RegExp;
  /** Bare names in a role only a company fills ("Zorvexa's pipeline", "Zorvexa will pay"; company-roles.ts). */
  readonly roles: CompanyRolePatterns;
}

function letterRuns(forms: Iterable<string>): Set<string> {
  const runs = new Set<string>();
  for (const form of forms) runs.add(firstLetterRun(form) ?? '');
  return runs;
}

/** A word right after a space or tab (the suffix and company-word patterns look behind for one). */
function afterBlank(text: string, at: number, sentence: Scope['sentences'][number]): boolean {
  const c = text.charCodeAt(at - 1);
  return at > sentence.start && (c === 32 || c === 9);
}

function phraseMatcher(names: Iterable<string>): PhraseMatcher<true> {
  const matcher = new PhraseMatcher<true>(false);
  for (const name of names) matcher.add(name, true);
  return matcher;
}

function alternation(names: Iterable<string>): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
}

export function compileCompanyPatterns(lexicons: EntityLexicons, cues: CueRegistry): CompanyPatterns {
  const suffixForms = new Set<string>();
  for (const s of lexicons.legalSuffixes) {
    suffixForms.add(s);
    suffixForms.add(s.toUpperCase());
  }
  const suffixAlt = [...suffixForms]
    .sort((a, b) => b.length - a.length)
    .map((s) => escapeRegex(s).replace(/ /g, String.raw`\s+`))
    .join('|');
  const { strong, weak } = lexicons.companyWords;
  const wordAlt = alternation([...strong, ...weak]);
  const departments = lexicons.departmentWords.map((d) => escapeRegex(d).replace(/ /g, String.raw`[ \t]+`));
  const joiner = String.raw`(?:${phraseAlternation(lexicons.nameJoiners, 'literal')})`;
  // "Medical Center" ends an organization's name; "University of" opens one ("University of Texas").
  const orgHeads = lexicons.organizationNameHeads.filter((h) => !h.endsWith(' of'));
  const orgOpeners = lexicons.organizationNameHeads.filter((h) => h.endsWith(' of')).map((h) => h.slice(0, -' of'.length));
  const exchanges = lexicons.stockExchanges.map((e) => (e.endsWith(' *') ? String.raw`${escapeRegex(e.slice(0, -2))}(?: [A-Z][a-z]+)?` : escapeRegex(e)));
  const lastWord = (phrase: string): string => phrase.slice(phrase.lastIndexOf(' ') + 1);
  const B = String.raw`(?![\p{L}\p{N}])`;
  return Object.freeze({
    // Anchors: the suffix or company word is found first, the name is then read leftwards from it.
    // Sticky, as the next two: tried only at words whose first letter run starts one of the forms (see anchors).
    // A suffix joined by a hyphen to letters or digits is a code's letters ("QX123, AB-1234"), not a company's.
    suffix: anchoredPattern(String.raw`(?<=[\p{L}\p{N}.][ \t]*,?[ \t]+)(${suffixAlt})${B}(?!-[\p{L}\p{N}])`, 'u'),
    nameBefore: new RegExp(String.raw`(${NAME_SEQ(5, joiner)})([ \t]*,?[ \t]+)$`, 'u'),
    industry: phraseMatcher(lexicons.industryCompanies),
    orgs: phraseMatcher(lexicons.organizations),
    words: anchoredPattern(String.raw`(?<=[\p{L}\p{N}][ \t]+)(${wordAlt})${B}`, 'u'),
    coreBefore: new RegExp(String.raw`((?:(?:${NAME_TOKEN})[ \t]+){1,3})$`, 'u'),
    hyphenWords: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])([\p{Lu}][\p{L}\p{N}]+)-(${wordAlt})${B}`, 'u'),
    adviser: new RegExp(
      String.raw`(${NAME_SEQ(5, joiner)})(?:,?[ \t]+(?:LLP|LLC))?[ \t]+(?:is[ \t]+|are[ \t]+|was[ \t]+|were[ \t]+|has[ \t]+been[ \t]+)?(?:serving|acting|served|acted)[ \t]+as[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:exclusive[ \t]+|lead[ \t]+|sole[ \t]+)?(?:${phraseAlternation(lexicons.dealAdviserRoles, 'blanks')})`,
      'gu',
    ),
    // Letters ("ACMB", "ACM.B") or, as Hong Kong and Tokyo list them, four or five digits ("01234").
    ticker: new RegExp(String.raw`\(?\b(${exchanges.join('|')})\s*:\s*([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|\d{4,5})\b\)?`, 'g'),
    tickerOwner: new RegExp(String.raw`(?<![\p{L}\p{N}\-]|[™®℠][ \t])(${NAME_SEQ(3, joiner)})(?:[’']s)?[ \t]*\((?:[^()\n]{1,40}[;,][ \t]*)?$`, 'u'),
    orgHeads: new RegExp(
      String.raw`(?:(?:(?:The|the)[ \t]+)?(?:${NAME_TOKEN})[ \t]+(?:(?:${NAME_TOKEN}|of|for|and|&|de|la|du|der|di)[ \t]+){0,5}(?:${phraseAlternation(orgHeads, 'literal')})|(?:${phraseAlternation(orgOpeners, 'literal')})[ \t]+of[ \t]+(?:${NAME_TOKEN})(?:[ \t]+(?:${NAME_TOKEN}|at))*)${B}`,
      'gu',
    ),
    // Only plain Title-Case words in the tail: a code, an acronym or a CamelCase brand after "for"/"of"
    // is what the organization acts on ("the Food and Drug Administration for QX-12"), not its name.
    orgTail: new RegExp(
      String.raw`^(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?${TITLE_WORD}(?:[ \t]+${TITLE_WORD})*|[ \t]+(?:${TITLE_WORD}[ \t]+){0,2}?(?:${phraseAlternation(orgHeads, 'literal')})(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?${TITLE_WORD}(?:[ \t]+${TITLE_WORD})*)?)${B}`,
      'u',
    ),
    anchors: { suffix: letterRuns(suffixForms), word: letterRuns([...strong, ...weak]) },
    // "in development by acme-biotech", "a collaboration with acme-bio": a lower-case hyphenated name
    // where the sentence names an agent (some firms write their name in lower case).
    agent: new RegExp(String.raw`\b(?:${phraseAlternation(lexicons.dealAgentPhrases, 'blanks')})[ \t]+(${LOWER_HYPHENATED_NAME})(?![\p{L}\p{N}\-])`, 'gu'),
    // "Acme, a clinical-stage biotechnology company", "Acme is a non-profit research organisation":
    // a name that the sentence itself calls a company needs no legal suffix or company word.
    descriptor: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])(${NAME_SEQ(3, joiner)})(?:,[ \t]+|[ \t]+is[ \t]+)(?:a|an)[ \t]+(?:[\p{L}\p{N}\-]+,?[ \t]+){0,7}?(?:${phraseAlternation(lexicons.companyDescriptorHeads, 'literal')})${B}`, 'u'),
    // "a partnership with AcmeBio", "income from AcmeBio, FooCon and BarX": a CamelCase word (a
    // capital inside the word, after lower-case letters) as the party of deal language.
    camelAgent: new RegExp(String.raw`\b(?:${phraseAlternation(lexicons.dealPartyPrepositions, 'literal')})[ \t]+((?:${CAMEL_WORD},?[ \t]+(?:and[ \t]+)?)*${CAMEL_WORD})${B}`, 'gu'),
    departmentRun: new RegExp(String.raw`^(?:(?:${departments.join('|')})[ \t]*,?[ \t]+(?:(?:and|&)[ \t]+)?)+`, 'i'),
    leadingJoiner: new RegExp(String.raw`^${joiner}[ \t]+`),
    organizationWord: new RegExp(String.raw`\b(?:${phraseAlternation(lexicons.organizationWords, 'literal')})\b`),
    nameAndBefore: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${NAME_SEQ(4, joiner)})(?:[ \t]+\([^()\n]{1,30}\))?[ \t]+and[ \t]+$`, 'u'),
    roles: compileCompanyRolePatterns(lexicons.companyRoles, cues, lexicons.honorifics.pre),
    announceAfter: new RegExp(String.raw`^[^.;:\n]{0,100}?\b(?:today[ \t]+)?(?:${phraseAlternation(lexicons.announcementVerbs, 'blanks')})\b`, 'i'),
    cues: {
      suffix: cues.words([...suffixForms].map(firstLetterRun)),
      word: cues.words([...strong, ...weak].map(firstLetterRun)),
      // A phrase's cue is a word every match holds: the role noun, the head noun, the preposition.
      adviser: cues.words(lexicons.dealAdviserRoles.map(lastWord)),
      orgHead: cues.words([...orgHeads.map(lastWord), ...orgOpeners]),
      agent: cues.words(lexicons.dealAgentPhrases.map(lastWord)),
      descriptor: cues.words(lexicons.companyDescriptorHeads),
      camelAgent: cues.words(lexicons.dealPartyPrepositions),
      exchange: cues.words(lexicons.stockExchanges.map(firstLetterRun)),
    },
  });
}

/** Drops leading stop words and cuts at the last stop word or "and": "Acme and Zenith Pharmaceutical" → "Zenith Pharmaceutical". */
function trimName(raw: string, k: EntityKnowledge): { name: string; lead: number } {
  const stop = k.lexicons.nameStopwords;
  const tokens = raw.split(/([ \t]+)/);
  let cut = 0;
  let offset = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i] ?? '';
    const bare = token.replace(/[’']s$/, '').replace(/\.$/, '');
    if (stop.has(bare) || stop.has(bare.charAt(0) + bare.slice(1).toLowerCase()) || /^\d+$/.test(bare) || token === 'and' || (/[’']s$/.test(token) && !k.lexicons.possessiveNameWords.has(token)) || token.endsWith(',')) {
      cut = i + 2;
    }
  }
  for (let i = 0; i < cut && i < tokens.length; i++) offset += (tokens[i] ?? '').length;
  let name = tokens.slice(cut).join('');
  // A joiner cannot open a name.
  const joiner = k.companies.leadingJoiner.exec(name);
  if (joiner) {
    offset += joiner[0].length;
    name = name.slice(joiner[0].length);
  }
  return { name, lead: offset };
}

/**
 * The length of a leading "<title> of " ("CEO of ", "Co-Founder and Chief Executive Officer of "):
 * the words before "of" are person titles (person-titles.txt) joined by "and" or "&"; 0 when there is none.
 */
export function officerTitleLead(run: string, personTitles: readonly string[]): number {
  const m = /^(.+?)[ \t]+of[ \t]+(?=\S)/u.exec(run);
  if (!m) return 0;
  const parts = (m[1] ?? '').split(/[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+/u);
  const isTitle = (part: string): boolean => personTitles.some((t) => t.toLowerCase() === part.toLowerCase());
  return parts.every(isTitle) ? m[0].length : 0;
}

function isOrganizationName(name: string, p: CompanyPatterns): boolean {
  return p.organizationWord.test(name);
}

/**
 * How many leading characters of a name are department names glued before the company in a contact
 * block ("Corporate Communications Acme, Inc." → the length of "Corporate Communications "); 0 when
 * there are none or when what would remain is no company name (a legal form alone, generic words).
 */
export function departmentLead(name: string, knowledge: Knowledge): number {
  const lexicons = knowledge.entities.lexicons;
  const run = knowledge.entities.companies.departmentRun.exec(name);
  if (!run) return 0;
  const rest = name.slice(run[0].length);
  if (!/^[\p{Lu}\d]/u.test(rest) || lexicons.legalSuffixes.includes(rest) || lexicons.notEntities.has(rest.toLowerCase())) return 0;
  const words = knowledge.names.stripLegalSuffix(rest).split(/[ \t]+/);
  if (words.every((w) => lexicons.personWords.has(w) || lexicons.nameStopwords.has(w) || lexicons.legalSuffixes.includes(w))) return 0;
  return run[0].length;
}

function companyCandidate(
  scope: Scope,
  fields: { start: number; surface: string; rule: string; priority: number; sentence: Scope['sentences'][number]; canonical?: string; properties?: Candidate['properties']; untrimmed?: boolean },
): Candidate | undefined {
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const trimmed = fields.untrimmed ? { name: fields.surface, lead: 0 } : trimName(fields.surface, scope.ctx.knowledge.entities);
  let { name, lead } = trimmed;
  let { canonical, properties } = fields;
  // "Executive Director, Corporate Communications Acme, Inc.": the department is not the company's.
  const department = departmentLead(name, scope.ctx.knowledge);
  if (department > 0) {
    const cut = name.slice(0, department);
    name = name.slice(department);
    lead += department;
    if (canonical !== undefined) canonical = scope.ctx.knowledge.names.stripLegalSuffix(name.replace(/[ \t]+,/, ','));
    const short = properties?.['shortName'];
    if (typeof short === 'string' && short.startsWith(cut)) properties = { ...properties, shortName: short.slice(cut.length) };
  }
  if (name.length < 2 || !/\p{Lu}/u.test(name)) return undefined;
  if (lexicons.notEntities.has(name.toLowerCase())) return undefined;
  const label = isOrganizationName(name, scope.ctx.knowledge.entities.companies) ? 'Organization' : 'Company';
  const c = candidate({
    label,
    start: fields.start + lead,
    surface: name,
    canonical: canonical ?? scope.ctx.knowledge.names.stripLegalSuffix(name),
    rule: fields.rule,
    priority: fields.priority,
    sentence: fields.sentence,
    ...(properties ? { properties } : {}),
  });
  return c;
}

/** The words after an organization's head that belong to its name (see CompanyPatterns.orgTail), cut before a stop word or a meeting word; '' when none. */
function orgTailAt(after: string, p: CompanyPatterns, lexicons: EntityLexicons): string {
  let tail = '';
  for (let m = p.orgTail.exec(after); m !== null && m[0].length > 0; m = p.orgTail.exec(after.slice(tail.length))) {
    const words = m[0].split(/([ \t]+)/);
    const stop = words.findIndex((w, i) => i % 2 === 0 && w !== '' && (lexicons.nameStopwords.has(w) || lexicons.organizationEventWords.has(w)));
    if (stop >= 0) {
      // A tail of "of"/"for" with no capital before the stop word is no name.
      const kept = words.slice(0, stop - 1).join('');
      return /\p{Lu}/u.test(kept) && !/[ \t](?:of|for|the)$/.test(kept) ? tail + kept : tail;
    }
    tail += m[0];
  }
  return tail;
}

/** The industry company a longer name ends with, when two or more words precede it ("Jane Roe Pfizer"). */
function knownCompanyTail(name: string, lexicons: EntityLexicons): string | undefined {
  const words = name.split(/[ \t]+/);
  for (let n = words.length - 2; n >= 1; n--) {
    const tail = words.slice(words.length - n).join(' ');
    if (lexicons.industryCompanies.has(tail)) return tail;
  }
  return undefined;
}

export function findCompanies(scope: Scope): Candidate[] {
  const p = scope.ctx.knowledge.entities.companies;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const reader = scope.reader;
  const out: Candidate[] = [];
  const push = (c: Candidate | undefined): void => {
    if (c) out.push(c);
  };

  const text = scope.text;
  const suffixStarts = (sentence: Scope['sentences'][number]): number[] => wordStarts(reader, sentence, (w, i) => afterBlank(text, w.starts[i] as number, sentence) && p.anchors.suffix.has(w.firstRun(i)));
  sweepAt(
    scope,
    p.suffix,
    suffixStarts,
    (m, offset, sentence) => {
      const window = scope.text.slice(Math.max(sentence.start, offset - 100), offset);
      const left = p.nameBefore.exec(window);
      if (!left) return;
      const name = left[1] ?? '';
      const surface = `${left[0]}${m[1] ?? ''}`;
      const start = offset - left[0].length;
      const { name: trimmed, lead } = trimName(name, scope.ctx.knowledge.entities);
      if (!trimmed || !/\p{L}/u.test(trimmed)) return;
      let full = surface.slice(lead);
      let fullStart = start + lead;
      // "Media: Jane Roe Acme Pharma, Inc.": a contact line runs a name into a known company; the
      // company is the known name, not the words before it.
      const known = knownCompanyTail(trimmed, lexicons);
      if (known !== undefined) {
        const cut = full.indexOf(known, trimmed.length - known.length - 1);
        if (cut > 0) {
          full = full.slice(cut);
          fullStart += cut;
        }
      }
      // "Jane Roe of Acme, Inc.": a person's name (a given name compromise knows, a surname) and "of" open
      // no company's name; the company is what follows "of".
      const personOf = /^(\p{Lu}\p{Ll}+)[ \t]+(?:\p{Lu}\.[ \t]+)?\p{Lu}[\p{L}'’-]+[ \t]+of[ \t]+(?=\p{Lu})/u.exec(full);
      if (personOf && scope.ctx.knowledge.nlp.isKnownFirstName(personOf[1] ?? '')) {
        full = full.slice(personOf[0].length);
        fullStart += personOf[0].length;
      }
      push(companyCandidate(scope, { start: fullStart, surface: full, rule: 'company.legal-suffix', priority: 60, sentence, canonical: scope.ctx.knowledge.names.stripLegalSuffix(full.replace(/[ \t]+,/, ',')), untrimmed: true }));
    },
    { cues: [p.cues.suffix] },
  );

  const lexiconOrgs: Candidate[] = [];
  for (const sentence of scope.sentences) {
    p.industry.scanSentence(reader, sentence, (hit) => push(companyCandidate(scope, { start: hit.start, surface: hit.form, rule: 'company.lexicon', priority: 55, sentence, untrimmed: true })));
    p.orgs.scanSentence(reader, sentence, (hit) => lexiconOrgs.push(candidate({ label: 'Organization', start: hit.start, surface: hit.form, canonical: hit.form, rule: 'organization.lexicon', priority: 58, sentence })));
  }
  out.push(...lexiconOrgs);
  // "Drug Administration" is the tail of "Food and Drug Administration", cut where the name rule stops
  // at "and"; "National Institute of Allergy" a head of a known name the tail rule stops short of.
  // A name that holds a known one whole stays.
  const overlapsKnownOrganization = (start: number, end: number): boolean => lexiconOrgs.some((o) => o.start < end && start < o.end && !(start <= o.start && o.end <= end));

  sweep(
    scope,
    p.orgHeads,
    (m, offset, sentence) => {
      const trimmed = trimName(m[0], scope.ctx.knowledge.entities);
      // The article is no part of the name: "a grant from the Acme Foundation" names "Acme Foundation".
      const article = /^the[ \t]+/i.exec(trimmed.name)?.[0].length ?? 0;
      const lead = trimmed.lead + article;
      const name = trimmed.name.slice(article);
      // A head followed by "of"/"for" and capitals, or by another head, reads on: "the Massachusetts
      // Institute of Technology", "Acme University School of Medicine" (orgTail). The tail stops at a
      // stop word ("… Institute for Cancer Research To Treat …" in a headline).
      const end = offset + m[0].length;
      const tail = orgTailAt(scope.text.slice(end, Math.min(sentence.end, end + 120)), p, lexicons);
      // A name ends at the sentence's full stop: "…from the University of Illinois." keeps no period,
      // where an initialism ("… of Washington D.C.") keeps its own.
      const unstopped = `${name}${tail}`;
      const fullName = /(?:^|[ \t])[\p{L}\p{N}'’-]{2,}\.$/u.test(unstopped) ? unstopped.slice(0, -1) : unstopped;
      // Still followed by a capital (not a stop word), or by "of"/"for" and one, the name runs on past
      // what was read; a cut name would be a wrong one. ("on" is left out: "the Acme Foundation on
      // Monday"; "Company" after the head ends a firm's name as it does in entity keys: "Acme Trust
      // Company" keeps "Acme Trust".)
      const next = /^[ \t]+(?:(?:of|for)[ \t]+)?(?!Company\b)(\p{Lu}[\p{L}\p{N}'’-]*)/u.exec(scope.text.slice(end + tail.length, Math.min(sentence.end, end + tail.length + 40)));
      if (next && !lexicons.nameStopwords.has(next[1] ?? '') && !lexicons.organizationEventWords.has(next[1] ?? '')) return;
      // "… Institute of Allergy and Infectious Diseases", "… Society for Bone and Mineral Research":
      // "and" and a capital after the tail may go on with the name or start another party; neither is sure.
      if (tail !== '' && /^[ \t]+(?:and|&)[ \t]+\p{Lu}/u.test(scope.text.slice(end + tail.length, Math.min(sentence.end, end + tail.length + 20)))) return;
      if (!name || !/\p{Lu}/u.test(name[0] ?? '') || overlapsKnownOrganization(offset + lead, offset + lead + fullName.length)) return;
      // The pattern's next match starts after the tail: "Acme Institute for Cancer Research Hospital" is one name.
      p.orgHeads.lastIndex = Math.max(p.orgHeads.lastIndex, end + tail.length - sentence.start);
      out.push(candidate({ label: 'Organization', start: offset + lead, surface: fullName, canonical: fullName, rule: 'organization.head-word', priority: 62, sentence }));
    },
    { cues: [p.cues.orgHead] },
  );

  const { weak } = lexicons.companyWords;
  const wordStartsOf = (sentence: Scope['sentences'][number]): number[] => wordStarts(reader, sentence, (w, i) => afterBlank(text, w.starts[i] as number, sentence) && p.anchors.word.has(w.firstRun(i)));
  sweepAt(
    scope,
    p.words,
    wordStartsOf,
    (w, wordOffset, sentence) => {
      const left = p.coreBefore.exec(scope.text.slice(Math.max(sentence.start, wordOffset - 80), wordOffset));
      if (!left) return;
      const offset = wordOffset - left[0].length;
      const m: [string, string, string] = [`${left[0]}${w[1] ?? ''}`, left[1] ?? '', w[1] ?? ''];
      const head = m[2];
      const { name: core, lead: coreLead } = trimName(m[1].trimEnd(), scope.ctx.knowledge.entities);
      if (!core || core.split(/\s+/).every((t) => lexicons.nameStopwords.has(t))) return;
      if (weak.has(head)) {
        const after = scope.text.slice(offset + m[0].length, offset + m[0].length + 2);
        const before = scope.text.slice(Math.max(0, offset - 6), offset);
        if (core.includes(' ') || /^[ \t]\p{Lu}/u.test(after) || /\b(?:of|for|and|&)[ \t]+$/.test(before)) return;
      }
      if (core.split(/\s+/).every((t) => lexicons.personWords.has(t) || lexicons.nameStopwords.has(t))) return;
      // A Title-Case headline runs its verb into the name: "... to Co-Commercialize Acme Genetics' ...".
      const coreWords = core.split(/\s+/);
      const run = headlineRunLength(coreWords, lexicons);
      if (run === undefined) return;
      if (run > 0) {
        const skip = /^\S+[ \t]+/u;
        let surface = m[0].slice(coreLead);
        let start = offset + coreLead;
        for (let i = 0; i < run; i++) {
          const lead = skip.exec(surface);
          if (!lead) return;
          surface = surface.slice(lead[0].length);
          start += lead[0].length;
        }
        push(companyCandidate(scope, { start, surface, rule: 'company.name-word', priority: 50, sentence, properties: { shortName: coreWords.slice(run).join(' ') } }));
        return;
      }
      // "Takeda Laboratories": a company of the industry lexicon followed by a strong company word is
      // named in full; the longer name outranks the lexicon's shorter hit.
      const fullName = !weak.has(head) && lexicons.industryCompanies.has(core) ? 56 : 50;
      push(companyCandidate(scope, { start: offset, surface: m[0], rule: 'company.name-word', priority: fullName, sentence, properties: { shortName: core } }));
    },
    { cues: [p.cues.word] },
  );

  // "Acme-Pharma": a word, a hyphen, a company word; the name opens a run (no letter, digit or hyphen before it).
  const hyphenStarts = (sentence: Scope['sentences'][number]): number[] =>
    wordStarts(reader, sentence, (w, i) => {
      const end = w.ends[i] as number;
      const at = w.starts[i] as number;
      return w.starts[i + 1] === end + 1 && text.charCodeAt(end) === 45 && !(at > sentence.start && text.charCodeAt(at - 1) === 45) && p.anchors.word.has(w.firstRun(i + 1));
    });
  sweepAt(
    scope,
    p.hyphenWords,
    hyphenStarts,
    (m, offset, sentence) => {
      // "Neuro-Oncology", "Immuno-Oncology": a medical combining form makes a field term, not a firm.
      if (lexicons.combiningForms.has((m[1] ?? '').toLowerCase())) return;
      push(companyCandidate(scope, { start: offset, surface: m[0], rule: 'company.name-word', priority: 50, sentence, properties: { shortName: m[1] ?? '' } }));
    },
    { cues: [p.cues.word] },
  );

  sweep(
    scope,
    p.agent,
    (m, offset, sentence) => {
      const name = m[1] ?? '';
      if (!isLowerCaseName(name, scope.ctx.knowledge)) return;
      out.push(candidate({ label: 'Company', start: offset + m[0].length - name.length, surface: name, canonical: name, rule: 'company.agent-lower-case', priority: 50, sentence }));
    },
    { cues: [p.cues.agent], test: (slice) => slice.includes('-') },
  );

  // Contact lines name the agency a spokesperson works for as written in its e-mail domain
  // ("Jane Roe JRoePR (555) 555-0100 jane@jroepr.com"): a CamelCase word spelling the domain is a firm.
  const everywhere: Scope = { ...scope, sentences: scope.doc.sentences };
  for (const sentence of everywhere.sentences) {
    if (!reader.has(sentence, [AT_SIGN])) continue;
    for (const hit of emailDomainNames(reader, sentence)) push(companyCandidate(scope, { start: hit.start, surface: hit.word, rule: 'company.email-domain', priority: 45, sentence, untrimmed: true }));
  }

  // Names open with a capital or a digit (NAME_TOKEN).
  sweepFromCapitals(
    scope,
    p.descriptor,
    (m, offset, sentence) => {
      // "CEO of Norvane, a contract research organization": the person's title before "of" is no part of the name.
      const lead = officerTitleLead(m[1] ?? '', lexicons.personTitles);
      const raw = (m[1] ?? '').slice(lead);
      const { name } = trimName(raw, scope.ctx.knowledge.entities);
      if (!name || !/^[\p{Lu}\d]/u.test(name)) return;
      const words = name.split(/[ \t]+/);
      if (words.every((w) => lexicons.personWords.has(w) || lexicons.nameStopwords.has(w) || scope.ctx.knowledge.nlp.isKnownEnglishWord(w.toLowerCase()))) return;
      push(companyCandidate(scope, { start: offset + lead, surface: raw, rule: 'company.descriptor', priority: 44, sentence }));
    },
    { cues: [p.cues.descriptor] },
    true,
  );

  sweep(
    scope,
    p.camelAgent,
    (m, offset, sentence) => {
      const list = m[1] ?? '';
      const listStart = offset + m[0].length - list.length;
      const word = new RegExp(CAMEL_WORD, 'gu');
      for (let w = word.exec(list); w !== null; w = word.exec(list)) {
        if (lexicons.notEntities.has(w[0].toLowerCase())) continue;
        // "BioFoo X", "AcmeBio Pharma": the name runs on past the CamelCase word; its end is unknown here.
        if (/^[ \t]+[\p{Lu}\d]/u.test(scope.text.slice(listStart + w.index + w[0].length, listStart + w.index + w[0].length + 2))) continue;
        push(companyCandidate(scope, { start: listStart + w.index, surface: w[0], rule: 'company.camel-case-agent', priority: 44, sentence, untrimmed: true }));
      }
    },
    { cues: [p.cues.camelAgent] },
  );

  sweep(
    scope,
    p.adviser,
    (m, offset, sentence) => {
      push(companyCandidate(scope, { start: offset, surface: m[1] ?? '', rule: 'company.deal-adviser', priority: 52, sentence }));
    },
    { cues: [p.cues.adviser] },
  );

  return out;
}

const EMAIL_DOMAIN = /[\w.+-]+@([\w-]+)\./g;
/** CamelCase with a capital after the first letter and a lower-case letter: "KMorrisPR", "AcmeBio". */
const CAMEL_CASE = /^\p{Lu}(?=[\p{L}\p{N}]*\p{Ll})[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*$/u;

/** Words of a sentence, CamelCase and outside any e-mail address, that spell an e-mail domain of the sentence. */
function emailDomainNames(reader: SentenceReader, sentence: Scope['sentences'][number]): { word: string; start: number }[] {
  const text = reader.text;
  const slice = text.slice(sentence.start, sentence.end);
  const domains = new Set<string>();
  EMAIL_DOMAIN.lastIndex = 0;
  for (let m = EMAIL_DOMAIN.exec(slice); m !== null; m = EMAIL_DOMAIN.exec(slice)) domains.add((m[1] ?? '').toLowerCase());
  if (domains.size === 0) return [];
  const words = reader.words(sentence);
  const lower = words.lower();
  const out: { word: string; start: number }[] = [];
  for (let i = 0; i < lower.length; i++) {
    if (!domains.has(lower[i] as string)) continue;
    const word = words.words[i] as string;
    const start = words.starts[i] as number;
    const before = text.charAt(start - 1);
    const after = text.charAt(start + word.length);
    if (start > sentence.start && /[@.\w-]/.test(before)) continue;
    if (/[@.-]/.test(after) || !CAMEL_CASE.test(word)) continue;
    out.push({ word, start });
  }
  return out;
}

export interface TickerMark {
  start: number;
  end: number;
  exchange: string;
  symbol: string;
  sentenceIndex: number;
}

/**
 * A parenthesised ticker names the company written right before it ("Acme Bio (Nasdaq: ACMB)",
 * "Acme’s (NYSE: ACM)"), whatever its name's shape: a company for the marks no other rule found an
 * owner for.
 */
export function findTickerOwners(scope: Scope, marks: readonly TickerMark[], found: readonly Candidate[]): Candidate[] {
  const p = scope.ctx.knowledge.entities.companies;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const out: Candidate[] = [];
  for (const mark of marks) {
    const sentence = scope.doc.sentences[mark.sentenceIndex];
    if (!sentence) continue;
    const head = scope.text.slice(Math.max(sentence.start, mark.start - 120), scope.text.charAt(mark.start) === '(' ? mark.start + 1 : mark.start);
    const m = p.tickerOwner.exec(head);
    if (!m) continue;
    const nameStart = mark.start - (head.length - (scope.text.charAt(mark.start) === '(' ? 1 : 0)) + m.index;
    if (found.some((c) => (c.label === 'Company' || c.label === 'Organization') && c.end > nameStart && c.start < nameStart + (m[1] ?? '').length)) continue;
    const c = companyCandidate(scope, { start: nameStart, surface: m[1] ?? '', rule: 'company.ticker-owner', priority: 52, sentence });
    // Not a place ("Hong Kong (HKEX: …)") and no lone stop word left after trimming.
    if (c && c.label === 'Company' && !lexicons.places.has(c.text) && !lexicons.nameStopwords.has(c.text)) out.push(c);
  }
  return out;
}

/** `(Nasdaq: IMGN)`, `NYSE: MRK`: the company they follow gets ticker and exchange. */
export function findTickers(scope: Scope): TickerMark[] {
  const p = scope.ctx.knowledge.entities.companies;
  const marks: TickerMark[] = [];
  sweep(
    scope,
    p.ticker,
    (m, offset, sentence) => {
      marks.push({ start: offset, end: offset + m[0].length, exchange: m[1] ?? '', symbol: m[2] ?? '', sentenceIndex: sentence.index });
    },
    { cues: [p.cues.exchange] },
  );
  return marks;
}
