// Technologies: named platforms ("X technology", "X platform", a marked "Zorix® platform" or "the platform,
// Zorix®"), abbreviations defined for them ("Tumor-Selective Linker (TSL) technology", "tissue homing
// peptide (“THP”) technology", "Zorix Vector (ZV), a vaccine platform"), and ADC payloads and linkers
// from the lexicon; unmarked names a sentence gives a platform ("a platform called Zorix", "its platform,
// Zorix, ...", "the Zorix and Velox platforms", "Zorix, a novel drug delivery technology, ...", "a
// Zorix-based cell therapy"), never a disease's or (in the looser frames) a target's name.
import type { Candidate, Scope } from './candidates.ts';
import { candidate, sweep } from './candidates.ts';
import type { EntityLexicons } from './lexicons.ts';
import { phraseAlternation, phraseKey, targetKey } from './lexicons.ts';
import { escapeRegex } from '../../text/regex.ts';
import type { Cue, CueRegistry } from './cues.ts';
import { OPEN_PAREN, firstLetterRun } from './cues.ts';

/** Alias stated by the text: a long form defined with its abbreviation. */
export interface TechnologyAlias {
  alias: string;
  canonical: string;
  rule: string;
}

const TOKEN = String.raw`[\p{Lu}][\p{L}\p{N}\-]*`;
/** A platform's name token: capitalised, or camel case after a short lower-case start ("mAbXcel", "xBody"). */
const NAME_TOKEN = String.raw`(?:[\p{Lu}][\p{L}\p{N}\-]*|\p{Ll}{1,4}\p{Lu}[\p{L}\p{N}\-]*)`;
/** A name token of a marked platform: "DfuseRx", "predictBBB.ai" (a lower-case start and a dotted part allowed). */
const MARKED_TOKEN = String.raw`[\p{L}][\p{L}\p{N}\-]*(?:\.[\p{L}]+)?`;
/** A trade or service mark, as typed or as text conversion spells it. */
const MARK = String.raw`(?:®|™|℠|\((?:R|TM|SM)\))`;

/** The technology rules' patterns, compiled once with the knowledge (`knowledge.entities.technologies`). */
export interface TechnologyPatterns {
  readonly named: RegExp;
  readonly defined: RegExp;
  readonly definedAfter: RegExp;
  readonly listed: RegExp;
  /** "tissue homing peptide (“THP”) technology": a lower-case long form defined with its acronym. */
  readonly definedLowerCase: RegExp;
  /** "Modified Vaccinia Ankara (MVA), a non-replicating vaccine platform": a defined name the apposition calls a platform. */
  readonly definedApposition: RegExp;
  readonly payload: RegExp;
  /** "Acme Mice® platform", "ZorixRx℠ technology platform", "Zorix(TM) ) bispecific antibody technology": a marked name, then a platform noun. */
  readonly marked: RegExp;
  /** "its platform, Zorix®, ...", "technology, known as Zorix(R)": a marked name set beside a platform noun. */
  readonly markedAfterNoun: RegExp;
  /** "Zorix® is Acme's proprietary vaccine platform technology": a marked name the sentence calls a platform. */
  readonly markedIsPlatform: RegExp;
  /** "proprietary Zorix Shield Technology": the noun in headline case, after a lower-case word. */
  readonly capitalisedNoun: RegExp;
  /** "a platform called Zorix", "technology, known as ZORIX": a name given to a platform noun (group 1). */
  readonly calledAfterNoun: RegExp;
  /** "its discovery platform, Zorix, ...": an unmarked name in apposition to a platform noun (group 1). */
  readonly apposition: RegExp;
  /** "the Zorix and Velox platforms": two or three names before a plural platform noun (groups 1–3). */
  readonly coordinated: RegExp;
  /** "Zorix, a novel drug delivery technology, ...": an unmarked name the apposition after it calls a platform (group 1). */
  readonly nameApposition: RegExp;
  /** "a Zorix-based cell therapy", "adeno-associated virus (ZAV)-based vaccines": a name a therapy or vaccine is said to be based on (group 1 or 2). */
  readonly basedOn: RegExp;
  /** "a ZVX vector", "ZVX9 viral vectors": an acronym naming a vector (group 1). */
  readonly vector: RegExp;
  readonly cues: { platform: Cue; platforms: Cue; payload: Cue; plural: Cue; based: Cue; vector: Cue };
}

export function compileTechnologyPatterns(lexicons: EntityLexicons, cues: CueRegistry): TechnologyPatterns {
  const forms = [...lexicons.payloads.keys()].filter((k) => !lexicons.adcPayloadWords.has(k));
  const alt = forms
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegex(k).replace(/\\? /g, '[ \\t\\-]'))
    .join('|');
  const NOUN = phraseAlternation(lexicons.technologyPlatformNouns, 'literal');
  const COMPANY_NOUN = phraseAlternation(
    lexicons.companyDescriptorHeads.flatMap((h) => [h, h.endsWith('y') ? `${h.slice(0, -1)}ies` : `${h}s`]),
    'literal',
  );
  const MARKED_NAME = String.raw`(?:${TOKEN}[ \t]+){0,2}${MARKED_TOKEN}`;
  return Object.freeze({
    marked: new RegExp(String.raw`(?<![\p{L}\p{N}])(${MARKED_NAME})[ \t]?${MARK}[ \t]*\)?((?:[ \t]*[a-z][a-z\-]*){0,3}?[ \t]*(?:${NOUN}))(?![\p{L}])`, 'gu'),
    markedAfterNoun: new RegExp(String.raw`(?<![\p{L}])(?:${NOUN})(?:[ \t]+(?:${NOUN}))?,[ \t]+(?:(?:known[ \t]+as|called|named)[ \t]+)?(${MARKED_NAME})[ \t]?${MARK}`, 'gu'),
    markedIsPlatform: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(${MARKED_NAME})[ \t]?${MARK}[ \t]+is[ \t]+(?:a|an|the|its|our|their|(?:\p{Lu}[\p{L}\-]*[ \t]+){0,2}\p{Lu}[\p{L}\-]*[’']s)[ \t]+(?:[\p{L}\-]+[ \t]+){0,6}?(?:${NOUN})(?![\p{L}])`,
      'gu',
    ),
    capitalisedNoun: new RegExp(
      String.raw`(?<=(?:^|[ \t])(?:${phraseAlternation(lexicons.technologyNameOpeners, 'literal')})[ \t]+)((?:${TOKEN}[ \t]+){0,2}${TOKEN})[ \t]+(Technology|Platform)(?![\p{L}])(?![ \t]*,?[ \t]*(?:Co\b|Inc|Ltd|LLC|Corp|Limited|GmbH|AG\b|plc|Trial|Study))`,
      'gu',
    ),
    // Not before a company noun: "an Israeli technology company" describes a company, it names no platform.
    named: new RegExp(
      String.raw`(?<![\p{L}\p{N}])((?:${TOKEN}[ \t]+){0,2}${NAME_TOKEN})[ \t]?(®|™)?((?:[ \t]+(?:${phraseAlternation(lexicons.technologyPlatformModifiers, 'literal')}))?[ \t]+(?:${NOUN})(?:[ \t]+(?:${NOUN}))?)(?![\p{L}])(?![ \t]+(?:${COMPANY_NOUN})(?![\p{L}]))`,
      'gu',
    ),
    // "a platform called Zorix", "its discovery technology, known as ZORIX": a name the sentence gives a platform.
    calledAfterNoun: new RegExp(String.raw`(?<![\p{L}])(?:${NOUN})(?:[ \t]+(?:${NOUN}))?,?[ \t]+(?:called|named|dubbed|termed|branded|known[ \t]+as)[ \t]+[“"]?((?:${TOKEN}[ \t]+){0,2}${NAME_TOKEN})(?![\p{L}\p{N}])`, 'gu'),
    // "its antibody discovery platform, Zorix, ...": an unmarked name set off by commas after a platform noun.
    apposition: new RegExp(String.raw`(?<![\p{L}])(?:${NOUN}),[ \t]+((?:${TOKEN}[ \t]+){0,2}${NAME_TOKEN})(?=[ \t]*(?:,|\(|[–—]))`, 'gu'),
    // "the Zorix and Velox platforms": names coordinated before a plural platform noun.
    coordinated: new RegExp(String.raw`(?<![\p{L}\p{N}])(${NAME_TOKEN})(?:,[ \t]+(${NAME_TOKEN}),?)?[ \t]+(?:and|&)[ \t]+(${NAME_TOKEN})[ \t]+(?:platforms|technologies)(?![\p{L}])`, 'gu'),
    // "Zorix, a novel drug delivery technology, ...": lower-case describing words only between the article and the noun,
    // no company noun or preposition ("Acme, a biotech company with a discovery platform" describes a company).
    nameApposition: new RegExp(
      String.raw`(?<![\p{L}\p{N}\-])((?:${TOKEN}[ \t]+){0,1}${NAME_TOKEN}),[ \t]+(?:a|an|the|its|our|their)[ \t]+(?:[Cc]ompany['’]s[ \t]+)?(?:(?!(?:${COMPANY_NOUN}|with|of|for|and|or|in|on|at|by|from|that|which|who)(?![\p{L}]))[\p{Ll}\-]+[ \t]+){0,5}?(?:${NOUN})(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:that|which|designed|developed|used|capable)(?![\p{L}]))`,
      'gu',
    ),
    // "a Zorix-based cell therapy", "ZORIX-based vaccines": the name a treatment is built on.
    basedOn: new RegExp(String.raw`(?:\((${NAME_TOKEN})\)|(?<![\p{L}\p{N}\-])(${NAME_TOKEN}))-based[ \t]+(?:[\p{Ll}\-]+[ \t]+){0,2}?(?:${phraseAlternation(lexicons.technologyBasedHeads, 'literal')})(?![\p{L}])`, 'gu'),
    // "a ZVX vector": vectors are named by acronyms; a capitalised word before "vector" is prose ("Viral vectors").
    vector: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(\p{Lu}[\p{Lu}\p{N}\-]{1,9})[ \t]+(?:viral[ \t]+)?vectors?(?![\p{L}])`, 'gu'),
    // A defined abbreviation names one platform: the singular nouns only.
    defined: new RegExp(String.raw`((?:${TOKEN}[ \t\-]+){1,5})\([“"]?(\p{Lu}[\p{L}]{1,9})[”"]?\)[ \t]+(technology|platform)(?![\p{L}])`, 'gu'),
    definedLowerCase: new RegExp(String.raw`(?<![\p{L}\p{N}\-])((?:\p{Ll}[\p{Ll}\-]*[ \t]+){2,5})\([“"]?(\p{Lu}{2,6})[”"]?\)[ \t]+(technology|platform)(?![\p{L}])`, 'gu'),
    // The platform noun heads the apposition: punctuation or a preposition follows it, not another noun ("a platform company").
    definedApposition: new RegExp(
      String.raw`(?<![\p{L}\p{N}])((?:${TOKEN}[ \t\-]+){1,5})\((\p{Lu}[\p{Lu}\p{N}]{1,9})\),[ \t]+(?:a|an|the|its|our|their)[ \t]+(?:[\p{L}\-]+[ \t]+){0,5}?(?:technology|platform)(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:that|which|with|for|to|of|in|designed|developed|used|based|capable)\b)`,
      'gu',
    ),
    // "our TACTIC (Tumor Targeting Conditionally Activated T Cell Engager) platform": the acronym first.
    definedAfter: new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}]{1,9})[ \t]+\(((?:${TOKEN}[ \t\-]+){1,7}${TOKEN})\)[ \t]+(technology|platform)(?![\p{L}])`, 'gu'),
    // "two technology platforms (ABCD and Foo Chemistry)": the parenthesis names the platforms.
    listed: new RegExp(String.raw`\b(?:technology[ \t]+|discovery[ \t]+|drug[ \t]+discovery[ \t]+)?platforms[ \t]*\(([^()]{2,80})\)`, 'gu'),
    payload: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${alt})(?![\p{L}\p{N}]|-\p{L})`, 'giu'),
    // Sentence cues (cues.ts): the words each rule cannot match without.
    cues: {
      platform: cues.words(lexicons.technologyPlatformNouns),
      platforms: cues.words(['platforms']),
      plural: cues.words(['platforms', 'technologies']),
      based: cues.words(['based']),
      vector: cues.words(['vector', 'vectors']),
      payload: cues.words(forms.map(firstLetterRun)),
    },
  });
}

/**
 * "Tumor-Activated Prodrug" covers "TAP", "Tumor Targeting Conditionally Activated T Cell Engager"
 * covers "TACTIC": the long form starts with the abbreviation's first letter and holds all its
 * letters in order (the Schwartz–Hearst test for abbreviation definitions).
 */
function initialsCover(longForm: string, abbr: string): boolean {
  const long = longForm.toLowerCase();
  const letters = abbr.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2 || long[0] !== letters[0]) return false;
  let at = 0;
  for (const letter of letters) {
    at = long.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** "AI-driven", "Antibody-based", "Cell-derived": a compound adjective ending in a participle describes a platform and is no part of its name. */
const PARTICIPLE_COMPOUND = /^[\p{L}\p{N}]+-\p{Ll}+(?:ed|en)$/u;

function coreName(raw: string, lexicons: EntityLexicons): string | undefined {
  const tokens = raw.split(/[ \t]+/).filter((t) => t !== '');
  const generic = lexicons.technologyGenericWords;
  while (tokens.length > 0 && (lexicons.nameStopwords.has(tokens[0] ?? '') || generic.has(tokens[0] ?? '') || PARTICIPLE_COMPOUND.test(tokens[0] ?? ''))) tokens.shift();
  while (tokens.length > 0 && generic.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens.length > 0 ? tokens.join(' ') : undefined;
}

export function findTechnologies(scope: Scope): { candidates: Candidate[]; aliases: TechnologyAlias[] } {
  const p = scope.ctx.knowledge.entities.technologies;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const out: Candidate[] = [];
  const aliases: TechnologyAlias[] = [];
  /** An abbreviation defined for a platform: the abbreviation is the name, its long form an alias. */
  const defined = (rule: string, start: number, surface: string, abbr: string, longForm: string, sentence: Scope['sentences'][number]): void => {
    out.push(candidate({ label: 'Technology', start, surface, canonical: abbr, rule, priority: 57, sentence }));
    aliases.push({ alias: longForm, canonical: abbr, rule });
  };
  /** A marked platform name: the name as written, without the generic words around it. */
  const markedName = (rule: string, priority: number) => (m: RegExpExecArray, offset: number, sentence: Scope['sentences'][number]) => {
    const raw = m[1] ?? '';
    const core = coreName(raw, lexicons);
    if (!core || lexicons.nameStopwords.has(core)) return;
    const start = offset + m[0].indexOf(raw) + raw.lastIndexOf(core);
    out.push(candidate({ label: 'Technology', start, surface: core, canonical: core, rule, priority, sentence }));
  };
  sweep(scope, p.marked, markedName('technology.marked-platform', 58), { cues: [p.cues.platform] });
  sweep(scope, p.markedAfterNoun, markedName('technology.marked-apposition', 58), { cues: [p.cues.platform] });
  sweep(scope, p.markedIsPlatform, markedName('technology.marked-apposition', 58), { cues: [p.cues.platform] });
  sweep(scope, p.capitalisedNoun, markedName('technology.named-platform', 56), { cues: [p.cues.platform] });
  /** An unmarked name beside a platform noun: no English word, company word, place or person's name. */
  const givenName = (rule: string, raw: string, rawStart: number, sentence: Scope['sentences'][number]): void => {
    const core = coreName(raw, lexicons);
    if (!core || lexicons.nameStopwords.has(core) || lexicons.industryCompanies.has(core) || lexicons.organizations.has(core) || lexicons.places.has(core) || lexicons.companyWords.strong.has(core)) return;
    if (!/\s/.test(core) && (scope.ctx.knowledge.nlp.isKnownEnglishWord(core) || scope.ctx.knowledge.nlp.lexiconTags(core)?.some((t) => /Name$|Place|City|Country|Month|WeekDay/.test(t)))) return;
    out.push(candidate({ label: 'Technology', start: rawStart + raw.indexOf(core), surface: core, canonical: core, rule, priority: 56, sentence }));
  };
  /** A name that is a disease or a target written as such ("COVID-19", "HER2") is what a therapy treats or binds, not its platform. */
  const isDisease = (core: string): boolean => lexicons.diseases.byAbbreviation.has(core) || lexicons.diseases.byKey.has(phraseKey(core));
  // HGNC's aliases hold many short acronyms that also name platforms ("TAP technology"): the target test is for the looser frames only.
  const diseaseOrTarget = (core: string): boolean => isDisease(core) || (/^[\p{Lu}\p{N}-]+$/u.test(core) && lexicons.hgnc.has(targetKey(core)));
  const shapedName = (rule: string) => (m: RegExpExecArray, offset: number, sentence: Scope['sentences'][number]) => {
    const raw = m[1] ?? m[2] ?? '';
    if (diseaseOrTarget(raw)) return;
    givenName(rule, raw, offset + m[0].indexOf(raw), sentence);
  };
  sweep(scope, p.nameApposition, shapedName('technology.name-apposition'), { cues: [p.cues.platform] });
  sweep(scope, p.basedOn, shapedName('technology.based-on'), { cues: [p.cues.based] });
  sweep(scope, p.vector, shapedName('technology.vector'), { cues: [p.cues.vector] });
  const lastGroup = (rule: string) => (m: RegExpExecArray, offset: number, sentence: Scope['sentences'][number]) => givenName(rule, m[1] ?? '', offset + m[0].lastIndexOf(m[1] ?? ''), sentence);
  sweep(scope, p.calledAfterNoun, lastGroup('technology.called'), { cues: [p.cues.platform] });
  sweep(scope, p.apposition, lastGroup('technology.apposition'), { cues: [p.cues.platform] });
  sweep(
    scope,
    p.coordinated,
    (m, offset, sentence) => {
      let from = 0;
      for (const name of [m[1], m[2], m[3]]) {
        if (!name) continue;
        const at = m[0].indexOf(name, from);
        from = at + name.length;
        givenName('technology.coordinated', name, offset + at, sentence);
      }
    },
    { cues: [p.cues.plural] },
  );
  sweep(
    scope,
    p.named,
    (m, offset, sentence) => {
      const core = coreName(m[1] ?? '', lexicons);
      // "the COVID-19 vaccine platform": what the platform's products treat, not its name.
      if (!core || isDisease(core)) return;
      const lead = (m[1] ?? '').indexOf(core.split(' ')[0] ?? '');
      const surface = m[0].slice(lead);
      out.push(candidate({ label: 'Technology', start: offset + lead, surface, canonical: core, rule: 'technology.named-platform', priority: 56, sentence }));
    },
    { cues: [p.cues.platform] },
  );
  sweep(
    scope,
    p.defined,
    (m, offset, sentence) => {
      const longForm = (m[1] ?? '').trim();
      const abbr = m[2] ?? '';
      const initials = longForm
        .split(/[ \t-]+/)
        .map((w) => w[0] ?? '')
        .join('');
      if (!initials.toUpperCase().includes(abbr[0] ?? '?')) return;
      defined('technology.defined-abbreviation', offset, m[0], abbr, longForm, sentence);
    },
    { cues: [p.cues.platform, OPEN_PAREN] },
  );
  sweep(
    scope,
    p.definedAfter,
    (m, offset, sentence) => {
      const abbr = m[1] ?? '';
      const longForm = (m[2] ?? '').trim();
      if (!initialsCover(longForm, abbr)) return;
      defined('technology.defined-abbreviation', offset, m[0], abbr, longForm, sentence);
    },
    { cues: [p.cues.platform, OPEN_PAREN] },
  );
  sweep(
    scope,
    p.definedLowerCase,
    (m, offset, sentence) => {
      // The long form is the last words whose initials spell the acronym ("first-in-class innate defence regulator" → the last three).
      const abbr = m[2] ?? '';
      const words = (m[1] ?? '').trim().split(/[ \t]+/);
      const longWords = words.slice(-abbr.length);
      if (longWords.length !== abbr.length || longWords.map((w) => w[0] ?? '').join('') !== abbr.toLowerCase()) return;
      const longForm = longWords.join(' ');
      const tail = new RegExp(String.raw`(?:\S+[ \t]+){${abbr.length}}$`, 'u').exec(m[1] ?? '');
      if (!tail) return;
      const start = offset + tail.index;
      defined('technology.defined-abbreviation', start, m[0].slice(start - offset), abbr, longForm, sentence);
    },
    { cues: [p.cues.platform, OPEN_PAREN] },
  );
  sweep(
    scope,
    p.definedApposition,
    (m, offset, sentence) => {
      const longForm = (m[1] ?? '').trim();
      const abbr = m[2] ?? '';
      if (!initialsCover(longForm, abbr)) return;
      const surface = m[0].slice(0, m[0].indexOf(')') + 1);
      defined('technology.defined-apposition', offset, surface, abbr, longForm, sentence);
    },
    { cues: [p.cues.platform, OPEN_PAREN] },
  );
  sweep(
    scope,
    p.listed,
    (m, offset, sentence) => {
      const inner = m[1] ?? '';
      const innerStart = offset + m[0].indexOf('(') + 1;
      // Items are names (capitalised); a lower-case clause in the parenthesis is prose, not a list.
      const item = /(\p{Lu}[\p{L}\p{N}-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}-]*){0,3})[ \t]*(?:,|and|&|$)/gu;
      let hit: RegExpExecArray | null;
      while ((hit = item.exec(inner)) !== null) {
        const core = coreName(hit[1] ?? '', lexicons);
        if (!core) continue;
        out.push(candidate({ label: 'Technology', start: innerStart + hit.index, surface: hit[1] ?? '', canonical: core, rule: 'technology.platform-list', priority: 55, sentence }));
      }
    },
    { cues: [p.cues.platforms, OPEN_PAREN] },
  );
  sweep(
    scope,
    p.payload,
    (m, offset, sentence) => {
      const entry = lexicons.payloads.get(m[1]?.toLowerCase().replace(/-/g, ' ') ?? '') ?? lexicons.payloads.get(m[1]?.toLowerCase() ?? '');
      if (!entry) return;
      // Acronym payloads (DM1, MMAE) must be written in capitals ("pbd" in a word list is not PBD);
      // their long forms ("monomethyl auristatin E") are written in any case.
      const writtenAsAcronym = phraseKey(m[1] ?? '') === phraseKey(entry.name);
      if (writtenAsAcronym && /^[A-Z0-9-]+$/.test(entry.name) && m[1] !== m[1]?.toUpperCase()) return;
      out.push(candidate({ label: 'Technology', extraLabels: [entry.kind], start: offset, surface: m[1] ?? '', canonical: entry.name, rule: 'technology.payload', priority: 45, sentence }));
    },
    { cues: [p.cues.payload] },
  );
  return { candidates: out, aliases };
}
