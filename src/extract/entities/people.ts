// People: names in quote attributions ("said Jane Doe, Ph.D., Chief Executive Officer of X"),
// name–title pairs ("Jane Doe, Acme’s president"), honorifics, degrees, bylines, appointments
// ("appointed Jane Doe as", with the role after "as"), bracketed nicknames ("Jane (JD) Doe", kept out of the canonical name), possessive roles ("Acme’s principal Jane Doe"), signatures and contact lines. Honorifics and degrees are kept
// out of the name; the title goes to the `title` property for the relations stage (EMPLOYS).
import type { Candidate, Scope } from './candidates.ts';
import { candidate, sweep } from './candidates.ts';
import type { EntityLexicons } from './lexicons.ts';
import { phraseAlternation } from './lexicons.ts';
import { escapeRegex } from '../../text/regex.ts';
import type { Knowledge } from '../../knowledge/index.ts';
import type { Cue, CueRegistry } from './cues.ts';
import { AT_SIGN, DIGIT, SLASH, firstLetterRun } from './cues.ts';

// "Doe", "Smith-Jones", "McDonald", "O’Brien" (a capital, an apostrophe, a capitalised word).
const WORD = String.raw`\p{Lu}(?:\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?|\p{Ll}{0,3}\p{Lu}\p{Ll}+|[’']\p{Lu}\p{Ll}+)`;
const INITIAL = String.raw`\p{Lu}\.`;
/** "Jane (JD) Doe", "Ken-ichi (Ken) Satoru": a nickname in brackets after the given name; kept in the surface, not in the canonical name. */
const NICKNAME = String.raw`(?:[ \t]+\((?:${WORD}|\p{Lu}{2,3})\))`;
const PERSON = String.raw`${WORD}${NICKNAME}?(?:[ \t]+(?:${INITIAL}|${WORD})){0,2}[ \t]+${WORD}`;
/** The blank between a cue word and the name: wire texts often set a no-break space there ("Appointed\u00a0Jane Roe"). */
const GAP = String.raw`[ \t\u00a0]`;

/** The person rules' patterns, compiled once with the knowledge (`knowledge.entities.people`). */
export interface PersonPatterns {
  readonly nameLine: RegExp;
  readonly said: RegExp;
  readonly titled: RegExp;
  readonly titleFirst: RegExp;
  readonly honorific: RegExp;
  readonly signature: RegExp;
  readonly contact: RegExp;
  readonly labelled: RegExp;
  readonly hon: RegExp;
  readonly deg: RegExp;
  /** Words that are never part of a person's name. */
  readonly notName: ReadonlySet<string>;
  readonly cues: { said: Cue; title: Cue; honorific: Cue; label: Cue };
  readonly titleAfterComma: RegExp;
  readonly titleAfterName: RegExp;
  /** "By Jane Doe, Outlet": a byline opening a line. */
  readonly byline: RegExp;
  /** "Jane Doe, Ph.D., joined": a name with a degree after it. */
  readonly degreed: RegExp;
  /** "appointed Jane Doe as Chief Financial Officer". */
  readonly appointed: RegExp;
  /** What follows `appointed`'s "as": the role, up to the end of the clause. */
  readonly appointedAs: RegExp;
  /** "Outlet’s Jane Doe", "Acme’s principal Jane Doe": a possessive (and a role word or two), then a name. */
  readonly possessed: RegExp;
  readonly cuesMore: { appointed: Cue };
}

/** "Acme’s", "Acme Holdings’": a capitalised name in the possessive (one to three words). */
const POSSESSIVE = String.raw`(?:\p{Lu}[\p{L}\-]*[ \t]+){0,2}\p{Lu}[\p{L}\-]*(?:[’']s|s[’'])`;

export function compilePersonPatterns(lexicons: EntityLexicons, cues: CueRegistry): PersonPatterns {
  const { pre, post } = lexicons.honorifics;
  const HON = String.raw`(?:(?:${pre.map(escapeRegex).join('|')})[ \t]+)`;
  const DEG = String.raw`(?:,?[ \t]+(?:${post.map(escapeRegex).join('|')})(?![\p{L}]))`;
  const titles = lexicons.personTitles;
  const TITLE = String.raw`(?:${[...new Set(titles.flatMap((t) => [t, t.toLowerCase()]))].map(escapeRegex).join('|')})`;
  // A verb of appointment opening a sentence ("Appointed Jane Doe, Ph.D., as ...") is no given name.
  const appointing = lexicons.appointmentVerbs.map((v) => v.charAt(0).toUpperCase() + v.slice(1));
  const notName = new Set<string>([...lexicons.personWords, ...lexicons.nameStopwords, ...lexicons.companyWords.strong, ...lexicons.companyWords.weak, ...appointing]);
  const B = String.raw`(?![\p{L}\p{N}])`;
  const verbs = lexicons.speechVerbs.map((v) => v.verb);
  const titleEnders = lexicons.speechVerbs.filter((v) => v.endsTitle).map((v) => v.verb);
  return Object.freeze({
    // The title after a name runs to the end of the clause or to ", said" (degrees blanked out first).
    titleAfterName: new RegExp(String.raw`^[ \t]*(?:,?[ \t]+[\p{Lu}][\p{L}.]*\.)*,[ \t]+([^“”"\n]{2,140}?)(?:[.;“”"\n]|,[ \t]+(?:${phraseAlternation(titleEnders, 'blanks')})|$)`, 'u'),
    // A line holding only a name, the next lines a title, phone or e-mail: signature and contact blocks.
    nameLine: new RegExp(String.raw`(?<=^|\n)[ \t]*()(${PERSON})()[ \t]*(?=\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:(?:[^\n]{0,40}?(?:${TITLE}))|${phraseAlternation(lexicons.phoneLineLabels, 'literal')}|\+?\(?\d{3}\)?[ \t.\-]\d{3}|[\w.\-]+@))`, 'gu'),
    said: new RegExp(String.raw`\b(?:${phraseAlternation(verbs, 'blanks')})(?:${GAP}|,)+(${HON}?)(${PERSON})(${DEG}*)${B}`, 'gu'),
    titled: new RegExp(String.raw`(?<![\p{L}])(${HON}?)(${PERSON})(${DEG}*),[ \t]+(?:(?:the|our|its|a|an|${POSSESSIVE})[ \t]+(?:\p{Ll}+[ \t]+){0,2})?(${TITLE})${B}`, 'gu'),
    byline: new RegExp(String.raw`(?<=^|\n)[ \t]*By[ \t]+()(${PERSON})()(?=[ \t]*(?:,|\r?\n|$))`, 'gu'),
    degreed: new RegExp(String.raw`(?<![\p{L}])(${HON}?)(${PERSON})(${DEG}+)${B}`, 'gu'),
    appointed: new RegExp(String.raw`\b(?:${phraseAlternation([...lexicons.appointmentVerbs, ...appointing], 'blanks')})${GAP}+(${HON}?)(${PERSON})(${DEG}*),?${GAP}+(as|to)${B}`, 'gu'),
    // The role after "as": to the end of the clause, or to a comma that opens a date, a succession or a relative clause.
    appointedAs: new RegExp(String.raw`^${GAP}+(?:(?:its|our|the|a|an|${POSSESSIVE})${GAP}+)?([^.;:“”"\n()]{2,100}?)(?=[.;:“”"\n(]|,${GAP}+(?:${phraseAlternation(lexicons.appointmentClauseOpeners, 'blanks')})${B}|$)`, 'u'),
    possessed: new RegExp(String.raw`(?<![\p{L}])${POSSESSIVE}[ \t]+(?:\p{Ll}[\p{L}\-]*[ \t]+){0,2}()(${PERSON})()${B}`, 'gu'),
    titleFirst: new RegExp(String.raw`\b(?:${TITLE}),?${GAP}+(${HON}?)(${PERSON})(${DEG}*)${B}`, 'gu'),
    honorific: new RegExp(String.raw`(?<![\p{L}])(${HON})(${PERSON})(${DEG}*)${B}`, 'gu'),
    signature: new RegExp(String.raw`\/s\/[ \t]*()(${PERSON})()${B}`, 'gu'),
    contact: new RegExp(String.raw`(?<![\p{L}])()(${PERSON})()(?=[ \t,]*(?:\+?\d{1,3}[ \t.\-]?)?(?:\(\d{3}\)[ \t]?|\d{3}[ \t.\-])\d{3,4}(?:[ \t.\-]\d{4})?\b|[ \t,]*[\w.\-]+@[\w\-]+\.)`, 'gu'),
    labelled: new RegExp(String.raw`\b(?:${phraseAlternation(lexicons.contactLabels, 'blanks')})[ \t]*:[ \t]*()(${PERSON})()${B}`, 'gu'),
    hon: new RegExp(String.raw`^${HON}`, 'u'),
    deg: new RegExp(DEG, 'gu'),
    notName,
    // What `titled` needs after the name: a comma and a title. Tested before the name pattern runs.
    titleAfterComma: new RegExp(String.raw`,[ \t]+(?:(?:the|our|its|a|an|${POSSESSIVE})[ \t]+(?:\p{Ll}+[ \t]+){0,2})?(?:${TITLE})${B}`, 'u'),
    cuesMore: { appointed: cues.words(lexicons.appointmentVerbs) },
    // Sentence cues (cues.ts): the words each rule cannot match without.
    cues: {
      said: cues.words(verbs.map(firstLetterRun)),
      title: cues.words(titles.map(firstLetterRun)),
      honorific: cues.words(pre.map(firstLetterRun)),
      label: cues.words(lexicons.contactLabels.map(firstLetterRun)),
    },
  });
}

/** The first run of two or more name words in `name`, as an offset and text ("Jane Roe Executive Director" → "Jane Roe"). */
function nameRun(name: string, notName: ReadonlySet<string>): { offset: number; text: string } | undefined {
  const parts = name.split(/([ \t]+)/);
  let run: { from: number; to: number } | undefined;
  let best: { from: number; to: number } | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i] ?? '';
    // A middle initial ("Jane A. Roe") is part of the name even when the letter is a stop word.
    const ok = (!notName.has(token.replace(/\.$/, '')) || /^\p{Lu}\.$/u.test(token)) && !/[’']s$/.test(token);
    if (ok) run = run ? { from: run.from, to: i } : { from: i, to: i };
    else run = undefined;
    if (run && run.to > run.from && !best) {
      // Extend to the end of this run before taking it.
      let to = run.to;
      for (let j = i + 2; j < parts.length; j += 2) {
        const t = parts[j] ?? '';
        if ((notName.has(t.replace(/\.$/, '')) && !/^\p{Lu}\.$/u.test(t)) || /[’']s$/.test(t)) break;
        to = j;
      }
      best = { from: run.from, to };
    }
  }
  if (!best) return undefined;
  // A name ends in a word, not an initial.
  while (best.to > best.from && /^\p{Lu}\.$/u.test(parts[best.to] ?? '')) best.to -= 2;
  if (best.to <= best.from) return undefined;
  const offset = parts.slice(0, best.from).join('').length;
  return { offset, text: parts.slice(best.from, best.to + 1).join('') };
}

/** Runs a line-anchored pattern over the whole text (names on their own line span no sentence). */
function sweepText(scope: Scope, pattern: RegExp, visit: (m: RegExpExecArray, offset: number, sentence: Scope['sentences'][number]) => void): void {
  const sentences = scope.doc.sentences;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = pattern.exec(scope.text)) !== null) {
    while (k < sentences.length - 1 && (sentences[k]?.end ?? 0) <= m.index) k++;
    const sentence = sentences[k];
    if (sentence && sentence.start <= m.index + m[0].length) visit(m, m.index, sentence);
  }
}

/** What the `contact` pattern's look-ahead needs somewhere in the sentence: a phone number or an e-mail address. */
const PHONE = /(?:\(\d{3}\)[ \t]?|\d{3}[ \t.-])\d{3,4}/;
const hasPhoneOrMail = (slice: string): boolean => slice.includes('@') || PHONE.test(slice);

/**
 * A name-shaped span is no person when it is a company of the industry lexicon ("our partner Acme
 * Pharma" read as title + name) or when it follows "according to" (reports, surveys and firms are
 * quoted that way) without a given name compromise's lexicon knows.
 */
function personLike(name: string, match: string, knowledge: Knowledge): boolean {
  // The whole span only: a contact line's "Acme Jane Doe" keeps its shorter readings (findPeople).
  if (knowledge.entities.lexicons.industryCompanies.has(name)) return false;
  const words = name.split(/[ \t]+/);
  if (/^according/.test(match) && !hasHonorific(match, knowledge.entities.people) && !knowledge.nlp.isKnownFirstName(words[0] ?? '')) return false;
  return true;
}

function hasHonorific(match: string, p: PersonPatterns): boolean {
  return p.hon.test(match.replace(/^according[ \t]+to[ \t,]+/, ''));
}

export function findPeople(scope: Scope): Candidate[] {
  const p = scope.ctx.knowledge.entities.people;
  const out: Candidate[] = [];
  const visit = (rule: string, priority: number, withTitle: boolean) => (m: RegExpExecArray, offset: number, sentence: Scope['sentences'][number]) => visitName(rule, priority, withTitle, m[1] ?? '', m[2] ?? '', m[0], offset, sentence);
  /** `whole` is the matched text from `offset`; `hon` + `raw` occur in it. `role` is a title read by the rule itself ("appointed Jane Doe as CFO"). */
  const visitName = (rule: string, priority: number, withTitle: boolean, hon: string, raw: string, whole: string, offset: number, sentence: Scope['sentences'][number], role?: string): void => {
    const run = nameRun(raw, p.notName);
    // A bracketed word opens or ends no name ("Acme (ACM) Therapeutics" cut before its company word).
    if (!run || /^\(|\)$/.test(run.text)) return;
    const name = run.text;
    const canonical = name.replace(/[ \t]+\([^)]*\)/, '');
    const start = offset + whole.indexOf(hon + raw) + hon.length + run.offset;
    if (!personLike(name, whole, scope.ctx.knowledge)) return;
    const properties: Candidate['properties'] = {};
    if (role) properties['title'] = role;
    else if (withTitle) {
      const tail = scope.text.slice(start + name.length, sentence.end);
      const title = p.titleAfterName.exec(tail.replace(p.deg, (d) => ' '.repeat(d.length)));
      if (title?.[1]) properties['title'] = title[1].trim().replace(/,$/, '');
    }
    out.push(candidate({ label: 'Person', start, surface: name, canonical, rule, priority, sentence, ...(Object.keys(properties).length ? { properties } : {}) }));
    // Contact lines run a company into a name ("Acme Jane Doe 555-1234"): offer the name without its
    // first or last word too, below a company's priority, so the company keeps its word.
    if (!withTitle && priority < 60 && canonical === name) {
      const words = name.split(/[ \t]+/);
      // Every shorter run of two or more words, so a company of two words ("Jane Roe Acme Pharma") can keep both.
      for (let n = words.length - 1; n >= 2; n--) {
        const tail = words.slice(words.length - n).join(' ');
        out.push(candidate({ label: 'Person', start: start + name.length - tail.length, surface: tail, canonical: tail, rule, priority: priority - 1, sentence }));
        const head = words.slice(0, n).join(' ');
        if (!/\.$/.test(head)) out.push(candidate({ label: 'Person', start, surface: head, canonical: head, rule, priority: priority - 1, sentence }));
      }
    }
  };
  sweep(scope, p.said, visit('person.quote-attribution', 64, true), { cues: [p.cues.said] });
  sweep(scope, p.titled, visit('person.name-title', 63, true), { cues: [p.cues.title], test: (slice) => p.titleAfterComma.test(slice) });
  sweep(scope, p.titleFirst, visit('person.title-name', 61, false), { cues: [p.cues.title] });
  sweep(scope, p.honorific, visit('person.honorific', 62, true), { cues: [p.cues.honorific] });
  sweep(scope, p.signature, visit('person.signature', 64, false), { cues: [SLASH] });
  // "By Jane Doe Outlet" (the comma lost): a third word compromise knows as no name is the outlet.
  sweepText(scope, p.byline, (m, offset, sentence) => {
    const words = (m[2] ?? '').split(/[ \t]+/);
    const last = words[words.length - 1] ?? '';
    const outlet = words.length >= 3 && !/^[ \t]*,/.test(scope.text.slice(offset + m[0].length)) && !scope.ctx.knowledge.nlp.lexiconTags(last)?.some((t) => /Name$/.test(t));
    const name = outlet ? (m[2] ?? '').slice(0, (m[2] ?? '').length - last.length).trimEnd() : (m[2] ?? '');
    visitName('person.byline', 60, false, '', name, m[0], offset, sentence);
  });
  sweep(scope, p.degreed, visit('person.degree', 60, true), { test: (slice) => p.deg.test(slice) });
  // "appointed Jane Doe as Chief Commercial Officer": the role after "as" is the person's title.
  sweep(
    scope,
    p.appointed,
    (m, offset, sentence) => {
      const role = m[4] === 'as' ? p.appointedAs.exec(scope.text.slice(offset + m[0].length, sentence.end))?.[1]?.trim() : undefined;
      visitName('person.appointed', 61, false, m[1] ?? '', m[2] ?? '', m[0], offset, sentence, role);
    },
    { cues: [p.cuesMore.appointed] },
  );
  // A possessive before a name is also how products and units are introduced ("Acme’s Zorvex Tablets"):
  // only a name opening with a given name compromise knows.
  sweep(
    scope,
    p.possessed,
    (m, offset, sentence) => {
      if (scope.ctx.knowledge.nlp.isKnownFirstName(m[2]?.split(/[ \t]+/)[0] ?? '')) visit('person.possessive', 52, false)(m, offset, sentence);
    },
    { test: (slice) => slice.includes('’') || slice.includes("'") },
  );
  // Contact lines are read in every section: wire layouts often run the contact block into the
  // safe-harbour paragraph, and a phone number or a "Media:" label is never a forward-looking fact.
  const everywhere: Scope = { ...scope, sentences: scope.doc.sentences };
  sweep(everywhere, p.contact, visit('person.contact', 54, false), { cues: [[DIGIT, AT_SIGN]], test: hasPhoneOrMail });
  sweepText(scope, p.nameLine, visit('person.name-line', 54, false));
  sweep(everywhere, p.labelled, visit('person.contact-label', 54, false), { cues: [p.cues.label] });
  return out;
}
