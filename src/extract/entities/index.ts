// Entity stage: finds mentions of companies, drugs, targets, technologies, people and diseases.
// Each rule family sweeps the sentences with compiled regexes and hash lookups; the selector keeps
// the best non-overlapping candidates; then the document's own aliases (tickers, defined terms,
// short names, brand (generic) pairs, defined abbreviations) are linked and swept once more, so a
// later "ImmunoGen" or "the Company" lands on the entity its first full mention named.
import type { StructuredDocument } from '../../model/document.ts';
import type { DocumentMentions, Mention, SameAs } from '../../model/extraction.ts';
import type { EntityLabel } from '../../model/vocabulary.ts';
import type { Candidate, Scope } from './candidates.ts';
import type { StageContext } from '../../knowledge/index.ts';
import type { NameKnowledge } from '../../knowledge/names.ts';
import { candidate, scopeOf, selectCandidates, sweep } from './candidates.ts';
import { findCoAnnouncers, findCompanies, findCoordinatedLowerCaseNames, findTickerOwners, findTickers } from './companies.ts';
import { findRoleCompanies } from './company-roles.ts';
import { findDrugCompanions, findDrugs } from './drugs.ts';
import { findTargets, isStrongGeneSymbol } from './targets.ts';
import { findTechnologies } from './technologies.ts';
import { findPeople } from './people.ts';
import { findDiseases } from './diseases.ts';
import type { EntityLexicons } from './lexicons.ts';
import { phraseAlternation } from './lexicons.ts';
import { PhraseMatcher } from './phrases.ts';
import type { Cue, CueRegistry } from './cues.ts';

/** Labels whose known names are swept through the whole document a second time. */
const REPEATED: readonly EntityLabel[] = ['Company', 'Drug', 'Technology', 'Target', 'Person', 'Disease'];
/** Labels whose repeats are matched regardless of case (a sentence-initial INN, a brand in capitals). */
const CASE_FREE: ReadonlySet<EntityLabel> = new Set(['Drug', 'Technology']);

interface AliasTable {
  /** label → surface form → canonical name. */
  forms: Map<EntityLabel, Map<string, { canonical: string; rule: string }>>;
}

function addForm(table: AliasTable, label: EntityLabel, form: string, canonical: string, rule: string, override = false): void {
  const trimmed = form.trim();
  if (trimmed.length < 2) return;
  let forms = table.forms.get(label);
  if (!forms) table.forms.set(label, (forms = new Map<string, { canonical: string; rule: string }>()));
  if (override || !forms.has(trimmed)) forms.set(trimmed, { canonical, rule });
}

function registrantName(doc: StructuredDocument, names: NameKnowledge): string | undefined {
  const name = doc.filing?.registrants[0]?.name;
  return name ? names.stripLegalSuffix(name) : undefined;
}

/** The stage's own alias rules' patterns, compiled once with the knowledge (`knowledge.entities.aliases`). */
export interface AliasPatterns {
  /** "the Company": the cue its rule needs. */
  readonly companyCue: Cue;
  /** "the company rebranded to ": what stands right before the name a company takes (company-rename-phrases.txt). */
  readonly companyNewName: RegExp;
  /** "operating as ", "formerly ": what stands right before a name a company used before. */
  readonly companyFormerName: RegExp;
}

export function compileAliasPatterns(cues: CueRegistry, lexicons: EntityLexicons): AliasPatterns {
  const { newName, formerName } = lexicons.companyRenamePhrases;
  return Object.freeze({
    companyCue: cues.words(['company']),
    companyNewName: new RegExp(String.raw`\bthe[ \t]+company(?:[ \t]+(?:officially|formally|subsequently|later|then|has|had))?[ \t]+(?:${phraseAlternation(newName, 'blanks')})[ \t]+$`, 'i'),
    companyFormerName: new RegExp(String.raw`\b(?:${phraseAlternation(formerName, 'blanks')})[ \t]+$`, 'i'),
  });
}

/** Company short names worth sweeping for: not a place, not a stop word, not a bare initial. */
function usableShortName(name: string, lexicons: EntityLexicons): boolean {
  return name.length >= 3 && /^\p{Lu}/u.test(name) && !lexicons.places.has(name) && !lexicons.nameStopwords.has(name);
}

export function extractEntities(doc: StructuredDocument, ctx: StageContext): DocumentMentions {
  const scope = scopeOf(doc, ctx);
  const lexicons = ctx.knowledge.entities.lexicons;
  const drugs = findDrugs(scope);
  const technologies = findTechnologies(scope);
  const found: Candidate[] = [...findCompanies(scope), ...drugs.candidates, ...findTargets(scope), ...technologies.candidates, ...findPeople(scope), ...findDiseases(scope)];
  const tickers = findTickers(scope);
  const tickerOwners = findTickerOwners(scope, tickers, found);
  // Bare names in a company's role fill only the gaps the other rules leave.
  const all = [...found, ...tickerOwners, ...findRoleCompanies(scope, [...found, ...tickerOwners])];
  const selected = selectCandidates(all, scope.text.length);
  // A name the text calls a platform or technology ("Zorix® platform") names no drug elsewhere in it
  // either: its marked mentions read as brands ("Zorix® is ...") are the same platform.
  const platformNames = new Set(selected.filter((m) => m.label === 'Technology').map((m) => m.canonical.toLowerCase()));
  for (let i = selected.length - 1; i >= 0; i--) {
    const m = selected[i];
    if (m?.label === 'Drug' && m.properties?.['brand'] === true && platformNames.has(m.canonical.toLowerCase())) selected[i] = { ...m, label: 'Technology', rule: `${m.rule}.platform`, properties: {} };
  }
  dropDrugTrialNames(scope.text, selected);
  const sameAs: SameAs[] = [];
  const table: AliasTable = { forms: new Map() };

  // Aliases the text states: brand (generic), renamed codes, defined abbreviations.
  for (const a of drugs.aliases) addForm(table, 'Drug', a.alias, a.canonical, a.rule, true);
  for (const a of technologies.aliases) addForm(table, 'Technology', a.alias, a.canonical, a.rule, true);
  for (const a of brandNameOwners(scope.text, selected, table)) addForm(table, 'Drug', a.alias, a.canonical, a.rule, true);

  // Tickers and defined terms name the company right before them.
  const extra: Candidate[] = [];
  const companies = selected.filter((m) => m.label === 'Company');
  for (const mark of tickers) {
    // "Acme (Nasdaq: ACM)", "Acme (the “Company”; HKEX: 01234)".
    const owner = [...companies].reverse().find((c) => c.end <= mark.start && /^[\s,]*(?:[’']s)?[\s]*(?:\((?:[^()\n]{1,40}[;,][ \t]*)?)?$/.test(scope.text.slice(c.end, mark.start)));
    if (!owner) continue;
    owner.properties = { ...owner.properties, ticker: mark.symbol, exchange: mark.exchange };
    addForm(table, 'Company', mark.symbol, owner.canonical, 'company.ticker', true);
  }
  const sameCompany = new Map<string, string>();
  for (const c of companies) {
    const after = scope.text.slice(c.end, c.end + 120);
    const defined = /^[\s,]*(?:\([^)]*\)[\s,]*)?\((?:the\s+)?["“]([^"”]{2,40})["”](?:\s+or\s+(?:the\s+)?["“]([^"”]{2,40})["”])?/.exec(after);
    for (const term of [defined?.[1], defined?.[2]]) {
      if (!term) continue;
      if (lexicons.registrantTerms.has(term.toLowerCase())) c.properties = { ...c.properties, definedAsCompany: true };
      else addForm(table, 'Company', term, c.canonical, 'company.defined-term', true);
    }
    // "… known as Acme", "Zentrix LLC d/b/a Acme", "doing business as Acme": another name of the same company.
    const known = /^[^.;“”"]{0,90}?\b(?:known as|d\/b\/a|doing business as)\s+(\p{Lu}[\p{L}&]{1,15})\b/u.exec(after);
    if (known?.[1]) addForm(table, 'Company', known[1], c.canonical, 'company.known-as', true);
    // "Acmegen Therapeutics, Inc." is "Acmegen" later on, as "Acmegen Therapeutics" would be.
    const lastWord = /^(.+?)[ \t-]+(\S+)$/.exec(c.canonical);
    const short = c.properties?.['shortName'] ?? (lastWord?.[2] && lexicons.companyWords.strong.has(lastWord[2]) ? lastWord[1] : undefined);
    // "Norvane" beside "Norvane Pharmaceuticals, Inc." and "Norvane Pharma International Limited" names neither for sure.
    const ambiguous = typeof short === 'string' && companies.some((o) => o.canonical !== c.canonical && o.canonical.startsWith(`${short} `) && !restAbbreviates(o.canonical, c.canonical, short));
    if (typeof short === 'string' && usableShortName(short, lexicons) && !ambiguous) {
      // "QRX Bio" and "QRX Biopharmaceuticals, Inc." share the short name "QRX": one company. "Acme
      // Therapeutics" and "Acme Pharmaceuticals" share it too, but neither rest abbreviates the other:
      // a parent and its subsidiary, two companies.
      const owner = table.forms.get('Company')?.get(short);
      if (owner && owner.rule === 'company.short-name' && owner.canonical !== c.canonical && restAbbreviates(c.canonical, owner.canonical, short)) sameCompany.set(c.canonical, owner.canonical);
      else addForm(table, 'Company', short, c.canonical, 'company.short-name');
    }
    const core = ctx.knowledge.names.stripLegalSuffix(c.text);
    if (core !== c.text && usableShortName(core, lexicons)) addForm(table, 'Company', core, c.canonical, 'company.short-name');
  }

  for (const c of companies) c.canonical = sameCompany.get(c.canonical) ?? c.canonical;
  for (const [former, taken] of formerCompanyNames(scope.text, companies, ctx.knowledge.entities.aliases)) for (const c of companies) if (c.canonical === former) addForm(table, 'Company', c.text, taken, 'company.former-name', true);
  // "Merck & Co., Inc." in a text that also says "Merck": the short name the text uses is the
  // company's name here ("& Co." is kept only to tell a company from a namesake the text never names).
  const companyNames = new Set(companies.map((c) => c.canonical));
  for (const c of companies) {
    const base = /^(.+?)[ \t]+&[ \t]+Co\.?$/.exec(c.canonical)?.[1];
    if (base && companyNames.has(base)) c.canonical = base;
  }

  // "non-small cell lung cancer (NSCLC)", "GlaxoSmithKline (GSK)": an abbreviation defined in
  // parentheses right after a mention names the same thing. A quoted one may open a list of names
  // ("Brandex(TM) (“QX-301” or its INN)"): the quoted code is still the mention's own.
  for (const m of selected) {
    if (m.label === 'Person' || m.label === 'Organization') continue;
    const defined = /^(?:\((?:TM|R)\)|[®™])?\s*\((?:the\s+)?(?:["“]([A-Z][A-Za-z0-9-]{1,9})["”](?:\)|\s+or\s)|([A-Z][A-Za-z0-9-]{1,9})["”]?\))/.exec(scope.text.slice(m.end, m.end + 30));
    const term = defined?.[1] ?? defined?.[2];
    // A disease abbreviation spells its name ("malignant ascites (MA)"); one that does not
    // ("plexiform neurofibromas (NF1-PN)") names a wider indication, not this mention.
    if (m.label === 'Disease' && term !== undefined && !spells(term, m.text)) continue;
    // "Brandname(TM)", "Acme(SM)": a trade or service mark in parentheses defines nothing.
    if (term === 'TM' || term === 'SM') continue;
    // "QX-892 (PRMT5)": a gene symbol in a drug's parentheses names what it binds, not another name of the drug.
    if (m.label === 'Drug' && term !== undefined && isStrongGeneSymbol(term, lexicons)) continue;
    if (term !== undefined && term !== m.text) addForm(table, m.label, term, m.canonical, `${m.label.toLowerCase()}.defined-abbreviation`, true);
  }

  for (const [form, canonical, rule] of organizationForms(scope.text, selected)) addForm(table, 'Organization', form, canonical, rule, true);

  // A symbol read as a target yields to the same letters defined as a disease or drug abbreviation
  // ("neurofibromatosis type 1 (NF1)"): the text's own definition says what the letters name.
  for (let i = selected.length - 1; i >= 0; i--) {
    const m = selected[i];
    if (m?.label === 'Target' && (table.forms.get('Disease')?.has(m.text) || table.forms.get('Drug')?.has(m.text))) selected.splice(i, 1);
  }

  // "Acme, Inc. (Acme) and foo-bar": a lower-case name coordinated with a company is one too.
  for (const c of findCoordinatedLowerCaseNames(scope, companies)) if (!selected.some((m) => m.start < c.end && c.start < m.end)) selected.push(c);
  // "amoxicillin and fooxetine", "XY-101 (fooxetine)": a substance listed with a drug is one too.
  selected.push(...findDrugCompanions(scope, selected));
  // "Acme Pool and Merck today announced": the co-announcer of a company is a party too.
  for (const c of findCoAnnouncers(scope, companies)) if (!selected.some((m) => m.start < c.end && c.start < m.end)) selected.push(c);
  // "The Acme Patent Pool (APP) and Merck …" in a headline, "The Acme Patent Pool and Merck today
  // announced" in the lead: the abbreviation defined after another occurrence of a company's name
  // than the one selected is its name too — when its letters spell the name and no other company has it.
  for (const [term, canonical] of abbreviationsDefinedElsewhere(scope.text, selected, table)) addForm(table, 'Company', term, canonical, 'company.defined-abbreviation');

  // Every mention's own surface form is a name to find again.
  for (const m of selected) if (REPEATED.includes(m.label) && m.label !== 'Disease') addForm(table, m.label, m.text, m.canonical, `${m.label.toLowerCase()}.repeat`);

  // Mentions whose surface is a stated alias take the alias's canonical name.
  for (const m of selected) {
    const alias = table.forms.get(m.label)?.get(m.text);
    if (alias && alias.canonical !== m.canonical && !alias.rule.endsWith('.repeat')) m.canonical = alias.canonical;
  }

  // Contact lines run a company into a name ("Acme Media: Jane Doe", "Jane Doe Acme Pharma"):
  // a name that opens or closes with a company this document names loses those words.
  const companyForms = new Set([...(table.forms.get('Company')?.keys() ?? []), ...lexicons.industryCompanies]);
  for (const m of selected) if (m.label === 'Person' && /^person\.(?:contact|name-line)/.test(m.rule)) trimCompanyWords(m, companyForms);

  extra.push(...sweepKnownForms(scope, table));
  const registrant = registrantName(doc, ctx.knowledge.names) ?? companies.find((c) => c.properties?.['definedAsCompany'])?.canonical;
  if (registrant) extra.push(...findCompanyAnaphora(scope, registrant));

  const mentions: Mention[] = selectCandidates([...selected.map((m) => ({ ...m, priority: 100 })), ...extra], scope.text.length).map(toMention);

  // Link each mention found through an alias to the first mention of its canonical name.
  const firstByCanonical = new Map<string, number>();
  mentions.forEach((m, i) => {
    const key = `${m.label}|${m.canonical}`;
    const first = firstByCanonical.get(key);
    if (first === undefined) firstByCanonical.set(key, i);
    else if (m.text !== mentions[first]?.text) sameAs.push({ a: first, b: i, rule: m.rule });
  });
  return { mentions, sameAs };
}

/** "(MIT)", "(the “MIT”)", "(the “University”)": a bracket right after an organization's name. */
const ORGANIZATION_TERM_AFTER = /^[ \t]*\((?:the[ \t]+)?["“]?(\p{Lu}[\p{L}\p{N}&-]{1,14})["”]?\)/u;

/**
 * The other names a text gives its organizations: the abbreviation defined in brackets after the name
 * when it spells the name's initials ("Massachusetts Institute of Technology (MIT)") or, in capitals, its
 * letters in order ("the ABC Research Foundation (“ABCRF”)"), a quoted word of
 * the name defined the same way ("Halden State University (the “University”)"), and the short form
 * made of a word of the name and the initials of the Title-Case words after it ("the Kelvar Medical
 * Research Institute" … "the Kelvar MRI", "the Jane & Joe Kelvar Medical Research Institute" … "the Kelvar MRI"). A short form two organizations of the text would share names neither.
 */
function organizationForms(text: string, selected: readonly Candidate[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  const shortForms = new Map<string, Set<string>>();
  for (const m of selected) {
    if (m.label !== 'Organization') continue;
    const term = ORGANIZATION_TERM_AFTER.exec(text.slice(m.end, m.end + 24))?.[1];
    const words = m.text.split(/[ \t]+/);
    if (term !== undefined && term !== m.text && (spellsInitials(term, m.text) || (/^\p{Lu}{2,}$/u.test(term) && spells(term, m.text)) || (words.length > 1 && words.includes(term))))
      out.push([term, m.canonical, 'organization.defined-abbreviation']);
    // Every split of the name into a Title-Case word and a Title-Case rest of two words or more.
    for (let k = words.length - 2; k >= 1; k--) {
      const rest = words.slice(k);
      if (!/^\p{Lu}\p{Ll}/u.test(words[k - 1] ?? '') || !rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) break;
      const form = `${words[k - 1]} ${rest.map((w) => w[0]).join('')}`;
      const owners = shortForms.get(form) ?? new Set<string>();
      shortForms.set(form, owners.add(m.canonical));
    }
  }
  for (const [form, owners] of shortForms) if (owners.size === 1) out.push([form, [...owners][0] as string, 'organization.short-form']);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The parenthesised abbreviation right after a name: "(APP)", "(“APP”)", "(the “APP”)". */
const ABBREVIATION_AFTER = /^[ \t]*\((?:the\s+)?["“]?(\p{Lu}[\p{Lu}\p{N}-]{1,7})["”]?\)/u;

/**
 * Company abbreviations defined right after an occurrence of the company's name that no selected
 * mention covers (a headline the co-announcer rule did not read). One indexOf pass per company name.
 */
function abbreviationsDefinedElsewhere(text: string, selected: readonly Candidate[], table: AliasTable): [string, string][] {
  const out: [string, string][] = [];
  const companyForms = table.forms.get('Company');
  const seen = new Set<string>();
  for (const c of selected) {
    if (c.label !== 'Company' || seen.has(c.text) || c.text.split(/[ \t]+/).length < 2) continue;
    seen.add(c.text);
    for (let at = text.indexOf(c.text); at >= 0; at = text.indexOf(c.text, at + 1)) {
      const end = at + c.text.length;
      // A longer name ("Acme Patent Pool Holdings (APPH)") is not this one.
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      const term = ABBREVIATION_AFTER.exec(text.slice(end, end + 16))?.[1];
      if (term === undefined || !spellsInitials(term, c.text)) continue;
      const owner = companyForms?.get(term);
      if (owner && owner.canonical !== c.canonical) continue;
      out.push([term, c.canonical]);
      break;
    }
  }
  return out;
}

/** "APP" of "Acme Patent Pool": the abbreviation is the initials of the name's capitalised words, in order. */
function spellsInitials(abbreviation: string, name: string): boolean {
  const initials = name
    .split(/[ \t-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 && abbreviation.replace(/[^\p{Lu}]/gu, '') === initials;
}

/** After a shared short name, one name's rest is the start of the other's ("Bio" of "Biopharmaceuticals"). */
function restAbbreviates(a: string, b: string, short: string): boolean {
  const rest = (name: string): string => (name.startsWith(short) ? name.slice(short.length) : name).replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const [x, y] = [rest(a), rest(b)];
  return x.startsWith(y) || y.startsWith(x);
}

/** The abbreviation's letters and digits appear in order in the long form, the first one first. */
function spells(abbreviation: string, longForm: string): boolean {
  const long = longForm.toLowerCase();
  const letters = abbreviation.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length === 0 || long[0] !== letters[0]) return false;
  let at = 0;
  for (const ch of letters) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function trimCompanyWords(m: Candidate, companies: ReadonlySet<string>): void {
  const words = m.text.split(/[ \t]+/);
  for (let n = Math.min(3, words.length - 2); n >= 1; n--) {
    if (companies.has(words.slice(0, n).join(' '))) {
      const rest = words.slice(n).join(' ');
      m.start = m.end - rest.length;
      m.text = m.canonical = rest;
      return;
    }
    if (companies.has(words.slice(-n).join(' '))) {
      const rest = words.slice(0, -n).join(' ');
      m.end = m.start + rest.length;
      m.text = m.canonical = rest;
      return;
    }
  }
}

function toMention(c: Candidate): Mention {
  const { priority: _priority, ...mention } = c;
  return mention;
}

/** One pass over the document for all known names of the repeated labels (longest name first). */
function sweepKnownForms(scope: Scope, table: AliasTable): Candidate[] {
  const out: Candidate[] = [];
  // Organizations are found again only by the other names the text gives them (organizationForms).
  for (const label of [...REPEATED, 'Organization'] as const) {
    const forms = table.forms.get(label);
    if (!forms || forms.size === 0) continue;
    const matcher = new PhraseMatcher<{ canonical: string; rule: string }>(CASE_FREE.has(label));
    for (const [form, value] of forms) {
      matcher.add(form, value);
      // Company names in capitals: "IMMUNOGEN, INC.".
      if (label === 'Company' && form.toUpperCase() !== form) matcher.add(form.toUpperCase(), value);
    }
    for (const sentence of scope.sentences)
      matcher.scanSentence(scope.reader, sentence, (hit) => {
        const rule = hit.value.rule.endsWith('.repeat') ? hit.value.rule : `${hit.value.rule}.repeat`;
        out.push(candidate({ label, start: hit.start, surface: hit.form, canonical: hit.value.canonical, rule, priority: 10, sentence }));
      });
  }
  return out;
}

/** "the Company", "the Company’s": the registrant (or the company defined as "the Company"). */
function findCompanyAnaphora(scope: Scope, registrant: string): Candidate[] {
  const out: Candidate[] = [];
  sweep(
    scope,
    /\bthe (Company)(?![\p{L}])/gu,
    (m, offset, sentence) => {
      out.push(candidate({ label: 'Company', start: offset + 4, surface: m[1] ?? '', canonical: registrant, rule: 'company.anaphora', priority: 5, sentence, properties: { anaphor: true } }));
    },
    { cues: [scope.ctx.knowledge.entities.aliases.companyCue] },
  );
  return out;
}

/** "… under the brand name Zorvexa", "with the trade name ZORVEXA®": the phrase names the product it follows. */
const BRAND_NAME_BEFORE = /\b(?:brand|trade)[ \t]+name[ \t]+$/i;

/**
 * "Zorvatinib was approved under the brand name Zorvexa": a name the text gives as a drug's brand or
 * trade name is that drug's other name. The drug is the one the sentence names before the phrase, or,
 * when the sentence names none ("… received a positive opinion with the brand name Zorvexa®"), the one
 * its paragraph and the paragraph before it name; either must be the only drug named there, or the
 * brand could be any of them (a brand linked so already counts as its drug). Gated on the phrase: the
 * look-back runs only for a drug mention right after "brand name" or "trade name".
 */
function brandNameOwners(text: string, selected: readonly Candidate[], table: AliasTable): { alias: string; canonical: string; rule: string }[] {
  const drugs = selected.filter((m) => m.label === 'Drug').sort((a, b) => a.start - b.start);
  const owners = new Map<string, string>();
  const canonicalOf = (m: Candidate): string => owners.get(m.text) ?? table.forms.get('Drug')?.get(m.text)?.canonical ?? m.canonical;
  const found: { alias: string; canonical: string; rule: string }[] = [];
  drugs.forEach((brand, k) => {
    if (!BRAND_NAME_BEFORE.test(text.slice(Math.max(0, brand.start - 40), brand.start))) return;
    const sentenceStart = Math.max(text.lastIndexOf('. ', brand.start), text.lastIndexOf('\n', brand.start)) + 1;
    const paragraph = text.lastIndexOf('\n\n', brand.start);
    // The paragraph before this one: its start is the blank line before the brand's paragraph's.
    const windowStart = paragraph < 0 ? 0 : Math.max(0, text.lastIndexOf('\n\n', paragraph - 1));
    const before = drugs.slice(0, k).filter((m) => m.end <= brand.start && canonicalOf(m) !== canonicalOf(brand));
    const inSentence = before.filter((m) => m.start >= sentenceStart);
    const named = new Set((inSentence.length > 0 ? inSentence : before.filter((m) => m.start >= windowStart)).map(canonicalOf));
    const [owner] = named;
    if (named.size !== 1 || owner === undefined) return;
    owners.set(brand.text, owner);
    found.push({ alias: brand.text, canonical: owner, rule: 'drug.brand-name-of' });
  });
  return found;
}

/**
 * "Founded in 2001 and operating as Acme Labs from 2012, the company … The company rebranded to Acme
 * Bio in 2022": a paragraph that tells of "the company" taking a name and of a name it used before
 * names one company by both. Exactly one name taken and one former name in the paragraph, or the
 * pair is not sure (a paragraph about two companies' histories). Returns former name → name taken.
 */
function formerCompanyNames(text: string, companies: readonly Candidate[], patterns: AliasPatterns): [string, string][] {
  const pairs: [string, string][] = [];
  const lineStart = (at: number): number => text.lastIndexOf('\n', at) + 1;
  const before = (c: Candidate): string => text.slice(Math.max(lineStart(c.start), c.start - 80), c.start);
  for (const taken of companies) {
    if (!patterns.companyNewName.test(before(taken))) continue;
    const [start, end] = [lineStart(taken.start), text.indexOf('\n', taken.end) < 0 ? text.length : text.indexOf('\n', taken.end)];
    const inParagraph = companies.filter((c) => c.start >= start && c.end <= end);
    const takenNames = new Set(inParagraph.filter((c) => patterns.companyNewName.test(before(c))).map((c) => c.canonical));
    const formerNames = new Set(inParagraph.filter((c) => c.canonical !== taken.canonical && patterns.companyFormerName.test(before(c))).map((c) => c.canonical));
    const [former] = formerNames;
    if (takenNames.size === 1 && formerNames.size === 1 && former !== undefined) pairs.push([former, taken.canonical]);
  }
  return pairs;
}

/**
 * "ZORVEX-101 phase 2 trial" in a text that names the drug ZORVEX: a code made of a drug's name and a
 * number that the text calls a trial or study is that drug's trial, not another drug; every mention of
 * it goes. A code whose letters name no drug of the text ("XY-101 phase 2 trial") stays a drug.
 */
function dropDrugTrialNames(text: string, selected: Candidate[]): void {
  const drugNames = new Set(selected.filter((m) => m.label === 'Drug').map((m) => m.text.toLowerCase()));
  const trials = new Set<string>();
  for (const m of selected) {
    if (m.label !== 'Drug' || trials.has(m.text)) continue;
    const stem = /^(\p{L}{2,})[-\s]\d{2,4}$/u.exec(m.text)?.[1];
    if (stem === undefined || !drugNames.has(stem.toLowerCase())) continue;
    if (/^[ \t]+(?:(?:phase|Phase|PHASE)[ \t]+(?:[1-3]|I{1,3})[ab]?[ \t]+)?(?:clinical[ \t]+)?(?:trial|study)\b/.test(text.slice(m.end, m.end + 40))) trials.add(m.text);
  }
  if (trials.size === 0) return;
  for (let i = selected.length - 1; i >= 0; i--) if (selected[i]?.label === 'Drug' && trials.has(selected[i]?.text ?? '')) selected.splice(i, 1);
}
