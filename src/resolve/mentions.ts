// Naming the mentions of one document before they are clustered: what names no one is dropped,
// names run together by a lost line break are repaired, agencies, exchanges and targets take their
// canonical names, and variants of one name the text makes safe to join are linked. Every rule reads a
// name's shape or a lexicon of data/ (through knowledge.names), never a remembered name.
import type { StageContext } from '../knowledge/index.ts';
import type { Mention, SameAs } from '../model/extraction.ts';
import { foldName } from '../text/names.ts';

export interface NamedMentions {
  /** The mentions with their resolved label and canonical name; `undefined` where a mention was dropped. */
  mentions: (Mention | undefined)[];
  /** Names a mention had before it was renamed, kept as aliases ("PD-1" of PDCD1, "FDA" of its agency). */
  formerNames: Map<number, string>;
  /**
   * Mentions of one thing by the text's own evidence: the extraction's links that survive (see
   * separateDistinctDrugs), given-name variants, a drug's name in parentheses.
   */
  links: SameAs[];
}

const PARTY_LABELS: ReadonlySet<string> = new Set(['Company', 'Organization']);

// gluedTail's character tests, asked of every character of every party name: ASCII by its code, the rest by its Unicode class.
const isLetter = (ch: string): boolean => (ch < '\u0080' ? (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') : /\p{L}/u.test(ch));
const isUpper = (ch: string): boolean => (ch < '\u0080' ? ch >= 'A' && ch <= 'Z' : /\p{Lu}/u.test(ch));
const isLower = (ch: string): boolean => (ch < '\u0080' ? ch >= 'a' && ch <= 'z' : /\p{Ll}/u.test(ch));

/**
 * Where a name glued to the words before it starts: "Bright PathAcme Bio" → "Acme Bio", "Acmethe
 * European Medicines Agency" → "European Medicines Agency" — the first known name found at a place
 * where a new word begins inside a word (a capital after a letter, or "the" after a lower-case letter).
 */
function gluedTail(name: string, known: (candidate: string) => boolean): number | undefined {
  for (let i = 1; i < name.length - 1; i++) {
    const before = name.charAt(i - 1);
    const at = name.charAt(i);
    if (!isLetter(before)) continue;
    if (isUpper(at)) {
      // A capital after a capital starts a word only before a lower-case letter ("FDAAcme", "IR ManagerNeuro").
      if (isUpper(before) && !isLower(name.charAt(i + 1))) continue;
      if (known(name.slice(i))) return i;
    } else if (isLower(before) && name.startsWith('the', i) && /^the\s+\p{Lu}/u.test(name.slice(i)) && known(name.slice(i + 4))) return i + 4;
  }
  return undefined;
}

export function nameMentions(found: readonly Mention[], text: string, ctx: StageContext, foundLinks: readonly SameAs[] = []): NamedMentions {
  const { names } = ctx.knowledge;
  const lexicons = ctx.knowledge.entities.lexicons;
  const bareHeads = new Set([...lexicons.organizationWords, ...lexicons.organizationNameHeads].map((w) => w.toLowerCase()));
  const mentions: (Mention | undefined)[] = found.map((m) => ({ ...m }));
  const formerNames = new Map<number, string>();
  const links: SameAs[] = [];
  const notCompanies = new Set<string>();

  // Names of parties this document uses, for telling a glued or prefixed name's real part.
  const partyNames = new Set<string>();
  for (const m of found) if (PARTY_LABELS.has(m.label)) for (const n of [m.canonical, m.text, names.stripLegalSuffix(m.text)]) partyNames.add(foldName(n));
  // Asked of every place a word may start inside every party name (gluedTail): the answers are kept
  // for the document, since folding and the legal-form pattern cost more than the lookups.
  const answers = new Map<string, boolean>();
  const known = (candidate: string): boolean => {
    const name = candidate.trim();
    if (name.length < 3) return false;
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = partyNames.has(foldName(name)) || partyNames.has(foldName(names.stripLegalSuffix(name))) || names.canonicalOrganization(name) !== undefined;
      answers.set(name, answer);
    }
    return answer;
  };

  mentions.forEach((m, i) => {
    if (!m) return;
    if (PARTY_LABELS.has(m.label)) {
      repairPartyName(m, known, names);
      // An incorporation phrase ("a Kentucky corporation") or a defined term ("the Company") names no company.
      const core = names.stripLegalSuffix(m.canonical);
      const generic = m.properties?.['anaphor'] !== true && (names.isGenericTerm(m.canonical) || names.isGenericTerm(core));
      const place = m.label === 'Company' && (names.isPlace(core) || names.isPlace(m.canonical));
      // A head word alone ("Hospital", "University", "Trust") is what is left of a name cut short.
      const bareHead = m.label === 'Organization' && !/\s/.test(core) && bareHeads.has(core.toLowerCase());
      const shape = m.label === 'Company' && m.text === names.stripLegalSuffix(m.text) && (isProgrammeName(m, text, names.programmeHeads) || isTableRowLabel(m, text));
      if (shape) notCompanies.add(m.canonical);
      if (generic || place || bareHead || shape) {
        mentions[i] = undefined;
        return;
      }
      const agency = names.canonicalOrganization(m.canonical) ?? names.canonicalOrganization(m.text);
      if (agency !== undefined) {
        if (agency !== m.canonical) formerNames.set(i, m.canonical);
        m.label = 'Organization';
        m.canonical = agency;
      }
    } else if (m.label === 'Target') {
      const symbol = names.targetSymbol(m.canonical) ?? names.targetSymbol(m.text);
      if (symbol !== undefined && symbol !== m.canonical) {
        formerNames.set(i, m.canonical);
        m.canonical = symbol;
        m.properties = { ...m.properties, hgncSymbol: symbol };
      } else if (symbol === undefined) {
        // "NMDA" and "NMDA receptor": a family of subunit genes, named by the family's name.
        const family = names.targetFamily(m.canonical) ?? names.targetFamily(m.text);
        if (family !== undefined && family !== m.canonical) {
          formerNames.set(i, m.canonical);
          m.canonical = family;
        }
      }
    }
  });

  // The abbreviation or repeat of a programme's name ("PRIME") names the programme too.
  mentions.forEach((m, i) => {
    if (m?.label === 'Company' && notCompanies.has(m.canonical)) mentions[i] = undefined;
  });
  joinDescriptorVariants(mentions, ctx);
  joinKnownShortForms(mentions, ctx);
  links.push(...foundLinks, ...givenNameVariants(mentions, ctx), ...parenthesisedNames(mentions, text, ctx), ...codeSlashBrand(mentions, text));
  return { mentions, formerNames, links: separateDistinctDrugs(mentions, links, text, ctx) };
}

/**
 * "Priority Medicines (PRIME) Designation", "Acme Access Program": the name of a designation or
 * programme; "Acme Therapeutics business segment", "Accelerated Biologics License Application": one
 * after a qualifier word.
 */
function isProgrammeName(m: Mention, text: string, heads: ReadonlySet<string>): boolean {
  const next = /^(?:[^\S\n]+\([^()\n]{1,12}\))?[^\S\n]+(?:(?:business|operating|reporting|license|licence)[^\S\n]+)?(\p{L}+)/iu.exec(text.slice(m.end, m.end + 50))?.[1];
  return next !== undefined && heads.has(next.toLowerCase());
}

/**
 * "Fixed Group   PRINCIPAL BALANCE   8,802,302.47": a row label of a table of figures (a column gap after
 * it, amounts on its line), not a company. Names with a legal form are never taken for one.
 */
function isTableRowLabel(m: Mention, text: string): boolean {
  // A bounded look: a table row is short, and a text without line breaks must not be read to its end.
  const rest = text.slice(m.end, m.end + 300).split('\n', 1)[0] ?? '';
  return /^[^\S\n]{2,}\S/.test(rest) && /\d{1,3}(?:,\d{3})+(?:\.\d+)?[^\S\n]{2,}\d/.test(rest);
}

/** Repairs a company or organization name in place: a glued prefix, a leading legal form, a doubled word, a "CEO of" or "Swiss-based" lead. */
function repairPartyName(m: Mention, known: (candidate: string) => boolean, names: StageContext['knowledge']['names']): void {
  // A few rounds: "Inc. Inc. Acme Bio" loses one run-in legal form each time.
  for (let round = 0; round < 3; round++) {
    const at = repairCut(m, known, names.legalSuffixes);
    if (at === undefined) return;
    const rest = m.text.slice(at).replace(/^\s+/, '');
    m.start += m.text.length - rest.length;
    m.text = rest;
    m.canonical = m.label === 'Company' ? names.stripLegalSuffix(rest) : rest.replace(/^the\s+/i, '');
  }
}

/** Where the real name starts in a mention's text, when something was run into its front. */
function repairCut(m: Mention, known: (candidate: string) => boolean, legalSuffixes: readonly string[]): number | undefined {
  // "AcmeAcme": a logo's text run into the name it spells.
  const doubled = /^(.{3,})\1$/u.exec(m.text);
  if (doubled?.[1]) return doubled[1].length;
  const glued = gluedTail(m.text, known);
  if (glued !== undefined) return glued;
  const words = m.text.split(/\s+/);
  const first = words[0] ?? '';
  // "Inc. Acme Therapeutics, Inc.": a list ran the previous company's legal form into this name.
  if (words.length > 1 && legalSuffixes.some((s) => s.toLowerCase() === first.replace(/,$/, '').toLowerCase())) return first.length;
  // "Acme Acme Therapeutics": a logo's text repeated before the name.
  if (words.length > 2 && first === words[1]) return first.length;
  // "CEO of Acme Bio", "Swiss-based Acme Bio", "Regarding Acme Bio": a lead before a company name the text uses alone.
  const lead = /^(?:.{1,40}?\s+of|\S+-based|\p{Lu}\p{Ll}+ing)\s+/u.exec(m.text);
  if (m.label === 'Company' && lead && known(m.text.slice(lead[0].length)) && !known(lead[0].trim())) return lead[0].length;
  return undefined;
}

/**
 * "Eli Lilly ... Lilly will pay": a well-known company's short form (company-short-forms.tsv) is that
 * company in a document that names it in full, and only there (a document that says "Lilly" alone keeps
 * the name it gives). The short form's mentions take the full name, as joinDescriptorVariants does.
 */
function joinKnownShortForms(mentions: readonly (Mention | undefined)[], ctx: StageContext): void {
  const { names } = ctx.knowledge;
  const named = new Map<string, string>();
  for (const m of mentions) if (m?.label === 'Company') named.set(names.keyPart('Company', m.canonical), m.canonical);
  for (const m of mentions) {
    if (m?.label !== 'Company') continue;
    const full = names
      .companyFullNames(m.canonical)
      .map((name) => named.get(names.keyPart('Company', name)))
      .find((canonical) => canonical !== undefined);
    if (full !== undefined) m.canonical = full;
  }
}

/**
 * "Acme" and "Acme BioPharma" in one document: one company when the longer name is the shorter one
 * plus company descriptor words, it is the only such longer name, and the shorter name never appears
 * with a legal form of its own (then it is a company of its own: "Norvane Inc." beside "Norvane
 * Nanomedicine, Inc." is the parent beside its subsidiary). The short name's mentions take the longer
 * name, so the entity and its key are the fuller name's, as other documents that state it have them.
 */
function joinDescriptorVariants(mentions: readonly (Mention | undefined)[], ctx: StageContext): void {
  const { names } = ctx.knowledge;
  // The weak company words are left out: "Acme Ventures", "Acme Capital", "Acme Holdings" are other companies.
  const descriptors = new Set([...[...ctx.knowledge.entities.lexicons.companyWords.strong].map((w) => foldName(w)), ...names.companyDescriptors]);
  const byKey = new Map<string, { canonical: string; tokens: string[]; ownLegalForm: boolean }>();
  for (const m of mentions) {
    if (m?.label !== 'Company') continue;
    const key = names.keyPart('Company', m.canonical);
    const entry = byKey.get(key) ?? { canonical: m.canonical, tokens: key.split('-'), ownLegalForm: false };
    if (names.stripLegalSuffix(m.text) !== m.text.trim()) entry.ownLegalForm = true;
    byKey.set(key, entry);
  }
  const renamed = new Map<string, string>();
  for (const [key, short] of byKey) {
    if (short.ownLegalForm || short.tokens.join('').length < 3) continue;
    const longer = [...byKey.values()].filter((l) => l.tokens.length > short.tokens.length && short.tokens.every((t, k) => l.tokens[k] === t));
    const only = longer.length === 1 ? longer[0] : undefined;
    if (only && only.tokens.slice(short.tokens.length).every((t) => descriptors.has(t))) renamed.set(key, only.canonical);
  }
  for (const m of mentions) if (m?.label === 'Company') m.canonical = renamed.get(names.keyPart('Company', m.canonical)) ?? m.canonical;
}

/**
 * "Steve Roe" and "Steven Roe" in one document: one person when the surnames match, the given names
 * are one name or a common short form of it (person-nicknames.tsv), and no other person there has that
 * surname with another given name.
 */
function givenNameVariants(mentions: readonly (Mention | undefined)[], ctx: StageContext): SameAs[] {
  const { names } = ctx.knowledge;
  const bySurname = new Map<string, { given: string; first: number }[]>();
  mentions.forEach((m, i) => {
    if (m?.label !== 'Person') return;
    const words = m.canonical.split(/\s+/).filter((w) => !/^\p{Lu}\.?$/u.test(w));
    const [given, surname] = [words[0], words[words.length - 1]];
    if (!given || !surname || words.length < 2) return;
    const list = bySurname.get(surname) ?? [];
    if (!list.some((p) => p.given === given)) list.push({ given, first: i });
    bySurname.set(surname, list);
  });
  const links: SameAs[] = [];
  for (const people of bySurname.values()) {
    if (people.length !== 2) continue;
    const [a, b] = people;
    if (a && b && names.sameGivenName(a.given, b.given)) links.push({ a: a.first, b: b.first, rule: 'resolve.given-name-variant' });
  }
  return links;
}

/**
 * "XB-12 (zanotumab-XB)", "Brandex® (ado-zanotumab vedotin)": a drug name with another drug
 * name alone in parentheses right after it names the same drug by another name. "Acme Pharmaceutical
 * Co., Ltd. (Acme Pharma)": so does a company's, when the short name opens with a word of the long one,
 * or when the name in parentheses is a legal entity's full name ("Acme Bioscience (Zentrix SA)": the
 * company behind a trading name; a parent or an exchange is not written so).
 */
function parenthesisedNames(mentions: readonly (Mention | undefined)[], text: string, ctx: StageContext): SameAs[] {
  const links: SameAs[] = [];
  for (const label of ['Drug', 'Company']) {
    const found = mentions.flatMap((m, i) => (m?.label === label ? [{ m, i }] : []));
    for (let k = 0; k + 1 < found.length; k++) {
      const [outer, inner] = [found[k], found[k + 1]];
      if (!outer || !inner || inner.m.start < outer.m.end) continue;
      const between = text.slice(outer.m.end, inner.m.start);
      const after = text.slice(inner.m.end, inner.m.end + 3);
      if (!/^[^\S\n]?(?:®|™|\(R\)|\(TM\))?[^\S\n]*\([^\S\n]*$/.test(between) || !/^[^\S\n]*\)/.test(after)) continue;
      const firstWord = inner.m.text.split(/\s+/)[0] ?? '';
      const legalEntity = ctx.knowledge.names.stripLegalSuffix(inner.m.text) !== inner.m.text.trim();
      if (label === 'Company' && !outer.m.text.split(/\s+/).includes(firstWord) && !legalEntity) continue;
      links.push({ a: outer.i, b: inner.i, rule: 'resolve.parenthesised-name' });
    }
  }
  return links;
}

/**
 * "QX-101/Zelvara®": a code name and a marked brand written together with a slash name one product
 * (a combination of two products is written with their names, not a code and a registered mark).
 */
function codeSlashBrand(mentions: readonly (Mention | undefined)[], text: string): SameAs[] {
  const links: SameAs[] = [];
  const drugs = mentions.flatMap((m, i) => (m?.label === 'Drug' ? [{ m, i }] : []));
  for (let k = 0; k + 1 < drugs.length; k++) {
    const [first, second] = [drugs[k], drugs[k + 1]];
    const between = first && second ? text.slice(first.m.end, second.m.start) : '';
    if (!first || !second || !/^(?:®|™)?\/$/.test(between)) continue;
    const codeFirst = CODE_NAME.test(first.m.text.trim());
    const [code, brand] = codeFirst ? [first, second] : [second, first];
    const mark = codeFirst ? text.slice(second.m.end, second.m.end + 6) : between;
    if (!CODE_NAME.test(code.m.text.trim()) || CODE_NAME.test(brand.m.text.trim()) || !/^(?:®|™|\(R\)|\(TM\)|<SUP>)/i.test(mark)) continue;
    links.push({ a: first.i, b: second.i, rule: 'resolve.code-slash-brand' });
  }
  return links;
}

/** "QX-101", "ABC 1234", "QX500A": a sponsor's code name, as its letters and its number. */
const CODE_NAME = /^(\p{L}{1,6})[-\s]?(\d{2,7})\p{L}{0,2}$/u;

/** Two code names of one sponsor's series with different numbers ("QX-101", "QX-104") are two products. */
function siblingCodes(a: string, b: string): boolean {
  const x = CODE_NAME.exec(a.trim());
  const y = CODE_NAME.exec(b.trim());
  return x !== null && y !== null && (x[1] ?? '').toLowerCase() === (y[1] ?? '').toLowerCase() && Number(x[2]) !== Number(y[2]);
}

/**
 * "X is the/an (oral) formulation of Y", "X, a next-generation analog of Y": the text says X is made
 * from Y or derived from it, so they are two things whatever else links their names. The frame is
 * read right after a drug mention (a parenthesis after it skipped), and every drug named in the rest
 * of its clause is the other side.
 */
const DERIVED_FROM =
  /^(?:[^\S\n]*\([^()\n]{1,60}\))?(?:[^\S\n]*,[^\S\n]*|[^\S\n]+(?:is|was|are|were|will\s+be|being)[^\S\n]+)(?:a|an|the)[^\S\n]+(?:[\p{L}\p{N}’'-]+[^\S\n]+){0,4}?(?:formulations?|versions?|forms?|analogs?|analogues?|derivatives?|prodrugs?|biosimilars?|successors?|metabolites?|enantiomers?|isomers?|salts?|esters?|conjugates?|combinations?|variants?|follow-ons?|precursors?)[^\S\n]+of[^\S\n]/iu;
/** How far after the frame the drugs it names may be: one clause, not the rest of the paragraph. */
const DERIVED_REACH = 120;

/** Name pairs (folded keys) a document states are two things: derived from one another, or sibling codes. */
function distinctDrugPairs(drugs: readonly { m: Mention }[], text: string, key: (name: string) => string): (a: string, b: string) => boolean {
  const pairs = new Set<string>();
  const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const { m } of drugs) {
    // A cheap gate before the frame: " of " close after the mention.
    const after = text.slice(m.end, m.end + 200);
    if (!/\sof\s/.test(after)) continue;
    const frame = DERIVED_FROM.exec(after);
    if (!frame) continue;
    const from = m.end + frame[0].length;
    const clause = text.slice(from, from + DERIVED_REACH);
    const stop = from + (/[;\n]|\.\s/.exec(clause)?.index ?? clause.length);
    for (const { m: other } of drugs) {
      if (other.start < from || other.start >= stop) continue;
      const [a, b] = [key(m.text), key(other.text)];
      if (a !== b) pairs.add(pair(a, b));
    }
  }
  const codeOf = new Map(drugs.map(({ m }) => [key(m.text), m.text]));
  return (a: string, b: string): boolean => a !== b && (pairs.has(pair(a, b)) || siblingCodes(codeOf.get(a) ?? a, codeOf.get(b) ?? b));
}

/**
 * A document's drug names linked as one (an alias table's canonical name, a parenthesis, an
 * abbreviation) are kept apart when the text says two of them are two things: "X is a formulation
 * of Y", or two code names of one series ("QX-101 (zanotide)" and "zanotide (QX-104)": zanotide is
 * the ingredient of two products, neither product itself). Every link that touches either name of
 * such a pair is dropped, and a mention that took the other's name takes its own again, so no chain
 * of links can rejoin them; a wrong merge is worse than a split. Only drugs: their aliases chain
 * through ingredients and formulations, other labels' links do not.
 */
function separateDistinctDrugs(mentions: (Mention | undefined)[], links: readonly SameAs[], text: string, ctx: StageContext): SameAs[] {
  const { names } = ctx.knowledge;
  const key = (name: string): string => names.keyPart('Drug', name);
  const drugs = mentions.flatMap((m, i) => (m?.label === 'Drug' ? [{ m, i }] : []));
  if (drugs.length < 2) return [...links];
  // The names each drug name is linked to, by the alias table (text → canonical) and by links.
  const edges = new Map<string, Set<string>>();
  const connect = (a: string, b: string): void => {
    if (a === b) return;
    edges.set(a, (edges.get(a) ?? new Set()).add(b));
    edges.set(b, (edges.get(b) ?? new Set()).add(a));
  };
  for (const { m } of drugs) connect(key(m.text), key(m.canonical));
  for (const l of links) {
    const [a, b] = [mentions[l.a], mentions[l.b]];
    if (a?.label === 'Drug' && b?.label === 'Drug') connect(key(a.text), key(b.text));
  }
  if (edges.size === 0) return [...links];
  const conflict = distinctDrugPairs(drugs, text, key);
  // Names in a conflict with another name of their linked group: all their links go.
  const component = (start: string): string[] => {
    const seen = new Set([start]);
    const queue = [start];
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      for (const next of edges.get(n) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return [...seen];
  };
  const cut = new Set<string>();
  const done = new Set<string>();
  for (const start of [...edges.keys()].sort()) {
    if (done.has(start)) continue;
    const group = component(start);
    for (const n of group) done.add(n);
    for (const a of group) for (const b of group) if (a < b && conflict(a, b)) cut.add(a).add(b);
  }
  if (cut.size === 0) return [...links];
  for (const { m } of drugs) {
    const [own, named] = [key(m.text), key(m.canonical)];
    if (own !== named && (cut.has(own) || cut.has(named))) m.canonical = m.text;
  }
  return links.filter((l) => {
    const [a, b] = [mentions[l.a], mentions[l.b]];
    if (a?.label !== 'Drug' || b?.label !== 'Drug') return true;
    const [x, y] = [key(a.text), key(b.text)];
    return x === y || (!cut.has(x) && !cut.has(y));
  });
}
