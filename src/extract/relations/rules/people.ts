// EMPLOYS Company→Person with the title, TRADEMARK_OF brand→Company and BRAND_OF brand→generic:
// "said Jane Roe, chief executive officer of A", "A's CEO Jane Roe", "Jane Roe, Chairman and CEO,
// commented" and "CEO Jane Roe" (the document's company), "Jane Roe joined A as CFO", "A appointed Jane Roe as CFO", contact blocks
// "Jane Roe Director, Investor Relations A", "Contact: Jane Roe, jane@a.com" (the company's own mail domain);
// "X is a registered trademark of A"; "X® (generic)".
import type { Item, SentenceContext } from '../context.ts';
import { nearestAfter } from '../context.ts';
import type { RuleWords } from '../word-lists.ts';
import { escapeRegex } from '../../../text/regex.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY, PERSON } from './types.ts';

export interface PeoplePatterns {
  /** A speech verb or a quotation mark: what follows a name is a quote, not a title. */
  readonly speech: RegExp;
  /** "CFO, Tel. +1 …", "Director, Email: …": a contact line's channel label is no part of the title. */
  readonly contactLabel: RegExp;
  /** "Jane Roe, Chairman and CEO, commented": a title in apposition, closed by a speech verb. */
  readonly titleThenSpeech: RegExp;
  /** Lower-case words that may stand between a company and a title ("Acme's newly appointed CEO"). */
  readonly titleModifiers: ReadonlySet<string>;
  /** "Jane Roe, Ph.D., joined ": the gap between a person and the company they joined. */
  readonly joinedGap: RegExp;
  /** "the company", "the registrant" written anywhere in a sentence: the text is talking about the document's company. */
  readonly companyReference: RegExp;
  /** " on May 1, 2025, as Vice President, Research": the title after the company joined, up to the clause's end or a participle ("…, reflecting"). */
  readonly joinedAs: RegExp;
}

export function compilePeoplePatterns(words: RuleWords): PeoplePatterns {
  return Object.freeze({
    speech: new RegExp(`\\b(?:${words.alternation('speech')})\\b|["“”]`, 'i'),
    contactLabel: new RegExp(`[\\s,;:–—-]+(?:${words.alternation('contact.label')})\\b.*$`, 'i'),
    titleThenSpeech: new RegExp(`^\\s*,\\s*([^"“”]{2,160}?)\\s*,\\s*(?:${words.alternation('speech.attribution')})\\b`, 'i'),
    titleModifiers: words.set('title.modifier'),
    companyReference: new RegExp(
      `\\b(?:${words
        .words('registrant.self')
        .filter((w) => w.includes(' '))
        .map((w) => escapeRegex(w).replace(/ +/g, '\\s+'))
        .join('|')})\\b`,
      'i',
    ),
    joinedGap: new RegExp(`^[^;"“”]{0,40}?\\b(?:${words.alternation('employ.join')})\\s+$`, 'i'),
    joinedAs: new RegExp(`^[^;"“”]{0,50}?\\bas\\s+(?:(?:its|our|the|a|an)\\s+)?([^;"“”]{2,120}?)(?=[;"“”]|\\.(?:\\s|$)|,?\\s+(?:where|effective|and\\s+(?:will|is|has|brings))\\b|,\\s+[a-z]+ing\\b|$)`),
  });
}

/** True when the text contains a job-title word ("chief", "president", "CEO" ...). */
function looksLikeTitle(ctx: SentenceContext, text: string): boolean {
  return ctx.relations.titleWords.test(text);
}

function cleanTitle(raw: string): string {
  return raw
    .replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '')
    .replace(/\s+(?:of|at|for|with)(?:\s+the)?$/i, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The title the entity stage read after the name; a clause there without a job-title word ("Dr. Jane Roe, highlighted …") is none. */
function mentionTitle(ctx: SentenceContext, person: Item): string | undefined {
  const t = person.mention.properties?.title;
  const title = typeof t === 'string' ? t.replace(ctx.relations.rules.people.contactLabel, '').trim() : '';
  return title !== '' && looksLikeTitle(ctx, title) ? title : undefined;
}

/** "Dr.", "Prof.": an honorific's full stop ends no clause. */
function withoutHonorifics(ctx: SentenceContext, text: string): string {
  const { pre } = ctx.docContext.knowledge.entities.lexicons.honorifics;
  return text.replace(/\b\p{Lu}\p{Ll}{0,3}\.(?=\s)/gu, (form) => (pre.includes(form) ? '' : form));
}

/**
 * Whether the words between a company and a person are a title only: "’s Chief Executive Officer, ",
 * " CEO ", "’s newly appointed CFO ". A lower-case word that is neither a title word nor a title's
 * modifier makes the gap a clause ("Acme leverages the research of Professor Jane Roe").
 */
function titleOnlyGap(ctx: SentenceContext, gap: string): boolean {
  const { titleModifiers } = ctx.relations.rules.people;
  for (const word of gap.match(/(?<!\p{L})\p{Ll}[\p{L}-]*/gu) ?? []) {
    if (/^s$/.test(word) || titleModifiers.has(word) || looksLikeTitle(ctx, word)) continue;
    return false;
  }
  return true;
}

/**
 * Whether the document's company is named in this sentence ("it", "the company" count) or in one of
 * the two before it: a bare "CEO Jane Roe" is its CEO only while the text is talking about it.
 */
function primaryNearby(ctx: SentenceContext, primaryEntity: number, before: number): boolean {
  // "the Example Research Organization (ERO) … CEO Jane Roe": a defined name no rule read is another organisation, the likelier employer.
  const defined = /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+\s*\(\p{Lu}{2,}\)/u.exec(ctx.text.slice(0, before));
  if (defined && !ctx.items.some((it) => it.start < defined.index + defined[0].length && defined.index < it.end)) return false;
  if (ctx.items.some((it) => it.label === 'Company' && it.entity === primaryEntity)) return true;
  const dc = ctx.docContext;
  const { pronounText } = ctx.relations.rules.context;
  for (let k = ctx.sentence.index - 1; k >= Math.max(0, ctx.sentence.index - 2); k--) {
    const names = (i: number): boolean => {
      const m = dc.found.mentions[i];
      return m?.label === 'Company' && ((dc.entityOf[i] ?? i) === primaryEntity || pronounText.test(m.text.trim()));
    };
    if ((dc.bySentence.get(k) ?? []).some(names)) return true;
    // "The company also continues work on …": a reference no entity rule took as a mention.
    const before = dc.doc.sentences[k];
    if (before && ctx.relations.rules.people.companyReference.test(dc.doc.cleanText.slice(before.start, before.end))) return true;
  }
  return false;
}

/**
 * "CEO Jane Roe", "along with CFO Jane Roe", "CEO Dr. Jane Roe": a capitalised title written right
 * before the name with no company before it. The words walked back over must be job-title words
 * (or "and", "&", "of" between them), one of them an officer title of person-titles.txt; what comes
 * before the run must not be a name (an unrecognised firm, "Acme Markets Senior Analyst Jane Roe")
 * nor a word that makes the title a past one ("former CEO").
 */
function titleBeforeName(ctx: SentenceContext, person: Item): string | undefined {
  const { honorifics, personTitles } = ctx.docContext.knowledge.entities.lexicons;
  const words = ctx.text
    .slice(Math.max(0, person.start - 90), person.start)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length > 0 && honorifics.pre.includes(words[words.length - 1] ?? '')) words.pop();
  // "its CEO, Dr. Jane Roe": the comma of an apposition parts the title from the name.
  if (words.length > 0) words[words.length - 1] = (words[words.length - 1] ?? '').replace(/,$/, '');
  let k = words.length;
  while (k > 0) {
    const w = words[k - 1] ?? '';
    if (/^\p{Lu}/u.test(w) && /^[\p{L}-]+$/u.test(w) && looksLikeTitle(ctx, w)) k--;
    else if ((w === 'and' || w === '&' || w === 'of') && k < words.length) k--;
    else break;
  }
  while (k < words.length && /^(?:and|&|of)$/.test(words[k] ?? '')) k++;
  if (k === words.length) return undefined;
  const title = words.slice(k).join(' ');
  if (!personTitles.some((t) => ` ${title} `.includes(` ${t} `))) return undefined;
  const before = words[k - 1];
  if (before !== undefined) {
    // The run follows a name or a possessive (an organisation we did not recognise), or a word that dates the title.
    if (/^\p{Lu}/u.test(before) && !/[.:;,•–—(]$/.test(before)) return undefined;
    if (/['’]s?$/.test(before) || /^(?:former|ex|late|then|previous|previously|onetime|erstwhile)$/i.test(before)) return undefined;
  }
  return title;
}

/**
 * Signature and contact blocks set a name on a line of its own with the title on the lines below
 * ("/s/ Jane Roe", "Jane Roe", "Chief Financial Officer"; "Contact:", "Acme Inc.", "Jane Roe",
 * "Senior Director, Communications"). The employer is a company that ends the title line ("Director of
 * Communications, Acme"), else a company line right after the title, else a company line right before
 * the name, else the document's company (an 8-K is signed by its registrant).
 */
function titleBlock(ctx: SentenceContext, person: Item): { company: Item | undefined; title: string } | undefined {
  const dc = ctx.docContext;
  const { sentences, cleanText } = dc.doc;
  const own = cleanText
    .slice(ctx.sentence.start, ctx.sentence.end)
    .replace(/^\s*\/s\/\s*/i, '')
    .replace(/[\s|]+$/, '')
    .trim();
  // "Dr. Jane Roe" on its line: the honorific is no part of the name.
  if (own !== person.text && withoutHonorifics(ctx, own).trim() !== person.text) return undefined;
  const lineText = (k: number): string => {
    const s = sentences[k];
    return s
      ? cleanText
          .slice(s.start, s.end)
          .replace(/[\s|]+/g, ' ')
          .trim()
      : '';
  };
  const lineCompany = (k: number): Item | undefined => {
    const ids = dc.bySentence.get(k) ?? [];
    const companies = ids.map((i) => dc.found.mentions[i]).filter((m) => m?.label === 'Company');
    const first = ids.find((i) => dc.found.mentions[i]?.label === 'Company');
    const m = first === undefined ? undefined : dc.found.mentions[first];
    if (!m || companies.length !== 1 || m.text.length < lineText(k).length - 12) return undefined;
    return { ...person, index: first as number, label: 'Company', entity: dc.entityOf[first as number] ?? (first as number), pronoun: false, mention: m, text: m.text };
  };
  /** "Director of Communications, Acme": a title line that ends by naming the company; the title is what comes before it. */
  const titleThenCompany = (k: number): { title: string; company: Item } | undefined => {
    const company = lineCompany(k) ?? companyEndingLine(k);
    if (!company) return undefined;
    const line = lineText(k);
    const title = line.endsWith(company.text) ? line.slice(0, line.length - company.text.length).replace(/(?:,|\s+(?:at|of))\s*$/, '') : '';
    return title !== line.slice(0, line.length - company.text.length) && looksLikeTitle(ctx, title) ? { title, company } : undefined;
  };
  const companyEndingLine = (k: number): Item | undefined => {
    const ids = dc.bySentence.get(k) ?? [];
    const last = ids.length === 1 ? ids[0] : undefined;
    const m = last === undefined ? undefined : dc.found.mentions[last];
    if (last === undefined || m?.label !== 'Company') return undefined;
    return { ...person, index: last, label: 'Company', entity: dc.entityOf[last] ?? last, pronoun: false, mention: m, text: m.text };
  };
  const i = ctx.sentence.index;
  const titleLines: string[] = [];
  let k = i + 1;
  let named: Item | undefined;
  for (; k < sentences.length && titleLines.length < 3; k++) {
    const line = lineText(k);
    if (line === '') continue;
    if ((dc.bySentence.get(k) ?? []).length > 0) {
      const pair = line.length <= 120 ? titleThenCompany(k) : undefined;
      if (pair) {
        titleLines.push(pair.title);
        named = pair.company;
      }
      break;
    }
    if (!looksLikeTitle(ctx, line) || line.length > 80) break;
    titleLines.push(line);
  }
  if (titleLines.length === 0) return undefined;
  const title = cleanTitle(titleLines.join(' ').replace(/\s+(?:and|&)$/i, ''));
  let company = named ?? lineCompany(k);
  if (!company) for (let b = i - 1; b >= Math.max(0, i - 2) && !company; b--) if (lineText(b) !== '') company = lineCompany(b);
  return { company, title };
}

/** "… Medical Research Institute", "… Cancer Center": a title word inside such a name ("Medical", "Research") makes it no title. */
function endsWithOrganisationHead(ctx: SentenceContext, name: string): boolean {
  return ctx.docContext.knowledge.entities.lexicons.organizationNameHeads.some((head) => !head.endsWith(' of') && (name === head || name.endsWith(` ${head}`)));
}

/**
 * "Chief Executive Officer of the Example Foundation", "Executive Director, Example Network",
 * "Head of X at Example": a title that ends by naming an organisation other than the document's
 * company says the person works there, so the title is not the document company's.
 */
function namesOtherOrganisation(ctx: SentenceContext, title: string): boolean {
  const parts = title.split(/\s+(?:of|at|for|with)\s+|,\s*/i);
  const tail = (parts.length > 1 ? (parts[parts.length - 1] ?? '') : '').replace(/^the\s+/i, '').replace(/[\s:;,.]+$/, '');
  if (!/^[A-Z]/.test(tail) || (looksLikeTitle(ctx, tail) && !endsWithOrganisationHead(ctx, tail))) return false;
  // "Vice President, Finance": one common English word is a function of the company, not an organisation's name.
  if (!/\s/.test(tail) && ctx.docContext.knowledge.nlp.isKnownEnglishWord(tail.toLowerCase())) return false;
  const primary = ctx.docContext.primaryCompany === undefined ? undefined : ctx.docContext.found.mentions[ctx.docContext.primaryCompany];
  const fold = (x: string): string =>
    x
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const head = fold(primary?.canonical ?? '').split(' ')[0] ?? '';
  return head === '' || !fold(tail).split(' ').includes(head);
}

/** Letters and digits only, lower case: how a company name is written in a mail domain ("Acme BioMed" → "acmebiomed"). */
const foldForDomain = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * The company whose own mail domain the person's address uses, read in the few words after the name
 * ("Jane Roe, +1 555 0100, jane.roe@acmebio.com"): the domain's first label is the company's name
 * folded ("acmebiomed" for Acme BioMed) or its opening ("acmebio" for Acme Biosciences, four letters or
 * more). A domain that only starts with the name ("acmecomms") is another firm's, an agency's.
 */
function mailDomainCompany(ctx: SentenceContext, person: Item, nextPerson: Item | undefined): Item | undefined {
  const tail = ctx.text.slice(person.end, Math.min(nextPerson?.start ?? ctx.text.length, person.end + 90));
  if (!tail.includes('@')) return undefined;
  const domain = /^[^@]*?[\w.-]+@([a-z0-9-]+)\./i.exec(tail)?.[1]?.toLowerCase().replace(/-/g, '');
  if (!domain || domain.length < 4) return undefined;
  const dc = ctx.docContext;
  const match = dc.found.mentions.findIndex((m) => {
    if (m.label !== 'Company') return false;
    const name = foldForDomain(m.canonical);
    return name.length >= 3 && name.startsWith(domain);
  });
  const m = match < 0 ? undefined : dc.found.mentions[match];
  if (!m) return undefined;
  return { ...person, index: match, label: 'Company', entity: dc.entityOf[match] ?? match, pronoun: false, mention: m, text: m.text };
}

export const employmentRule: SentenceRule = {
  id: 'employs',
  needs: [PERSON],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    const primary = ctx.docContext.primaryCompany;
    const { speech, titleThenSpeech, joinedGap, joinedAs } = ctx.relations.rules.people;
    for (const person of ctx.items) {
      if (person.label !== 'Person') continue;
      const known = mentionTitle(ctx, person);
      // "Jane Roe, senior vice president, research, A" / "Jane Roe Executive Director, Investor Relations A Inc."
      const next = ctx.items.find((it) => it.start >= person.end && it.label !== 'Person' && !(it.label === 'Company' && it.pronoun));
      const nextPerson = ctx.items.find((it) => it.start >= person.end && it.label === 'Person');
      if (next && next.label === 'Company' && next.start - person.end <= 170 && (!nextPerson || nextPerson.start > next.start)) {
        const gap = ctx.text.slice(person.end, next.start);
        if (!speech.test(gap) && (looksLikeTitle(ctx, gap) || known)) {
          const title = known ?? cleanTitle(gap);
          emit('EMPLOYS', next, person, 'employs.title_of_company', 0.85, title ? { title } : {});
          continue;
        }
      }
      // "A's chief executive officer, Jane Roe", "A CEO Jane Roe"
      const prev = [...ctx.items].reverse().find((it) => it.end <= person.start && it.label !== 'Person');
      if (prev && prev.label === 'Company' && !prev.pronoun && person.start - prev.end <= 70) {
        const gap = ctx.text.slice(prev.end, person.start);
        if (!speech.test(gap) && looksLikeTitle(ctx, gap) && !/[.;]/.test(withoutHonorifics(ctx, gap).replace(/\b[A-Z]\./g, '')) && titleOnlyGap(ctx, gap)) {
          const title = known ?? cleanTitle(withoutHonorifics(ctx, gap).replace(/^['’]s?\s*/, ''));
          emit('EMPLOYS', prev, person, 'employs.company_title', 0.8, title ? { title } : {});
          continue;
        }
      }
      // "A appointed Jane Roe as Chief Commercial Officer": the company that appoints, named before the
      // verb in the sentence ("The Company" stands for the document's company), is the employer.
      if (known && person.mention.rule === 'person.appointed') {
        const appointer = [...ctx.items].reverse().find((it) => it.end <= person.start && it.label === 'Company');
        if (appointer && !namesOtherOrganisation(ctx, known)) {
          emit('EMPLOYS', appointer, person, 'employs.appointed_as', 0.75, { title: known });
          continue;
        }
      }
      // "Jane Roe, Ph.D., joined A on May 1, 2025, as Vice President, Research"
      if (next && next.label === 'Company' && !next.pronoun && next.start - person.end <= 60 && joinedGap.test(ctx.text.slice(person.end, next.start))) {
        const as = joinedAs.exec(ctx.text.slice(next.end));
        const title = as?.[1] && looksLikeTitle(ctx, as[1]) ? cleanTitle(as[1]) : undefined;
        if (title) {
          emit('EMPLOYS', next, person, 'employs.joined_as', 0.75, { title });
          continue;
        }
      }
      // "CEO Jane Roe", "along with CFO Jane Roe": a bare title before the name is the document's
      // company's, unless another company is named before it in the sentence (whose CEO, then?) or
      // the name is followed by its own organisation ("CEO Jane Roe of Acme").
      if (!known && primary !== undefined) {
        const primaryEntity = ctx.docContext.entityOf[primary] ?? primary;
        const otherCompanyBefore = ctx.items.some((it) => it.label === 'Company' && it.end <= person.start && it.entity !== primaryEntity);
        const before = otherCompanyBefore || !primaryNearby(ctx, primaryEntity, person.start) ? undefined : titleBeforeName(ctx, person);
        if (before && !/^\s*,?\s*(?:of|at|from|with)\s+\p{Lu}/u.test(ctx.text.slice(person.end))) {
          const company = ctx.items.find((it) => it.index === primary) ?? { ...person, index: primary, label: 'Company', entity: primaryEntity, pronoun: true };
          emit('EMPLOYS', company, person, 'employs.title_before_name', 0.55, { title: before });
          continue;
        }
      }
      // "Jane Roe" on a line of its own with the title below (signature and contact blocks).
      const block = known ? undefined : titleBlock(ctx, person);
      if (block) {
        const company =
          block.company ?? (primary === undefined ? undefined : (ctx.items.find((it) => it.index === primary) ?? { ...person, index: primary, label: 'Company', entity: ctx.docContext.entityOf[primary] ?? primary, pronoun: true }));
        if (company && (block.company || !namesOtherOrganisation(ctx, block.title))) emit('EMPLOYS', company, person, 'employs.title_block', 0.6, { title: block.title });
        continue;
      }
      // "Jane Roe, Chairman and CEO, commented": a title without a company is the document's company.
      const after = titleThenSpeech.exec(ctx.text.slice(person.end));
      const title = known ?? (after?.[1] && looksLikeTitle(ctx, after[1]) ? cleanTitle(after[1]) : undefined);
      if (!title) {
        // "Contact: Jane Roe, +1 555 0100, jane.roe@acmebio.com": a contact whose mail is at a company's own domain.
        const mailer = mailDomainCompany(ctx, person, nextPerson);
        if (mailer) emit('EMPLOYS', mailer, person, 'employs.contact_mail_domain', 0.6, { role: 'contact' });
        continue;
      }
      if (primary === undefined || namesOtherOrganisation(ctx, title)) continue;
      const company = ctx.items.find((it) => it.index === primary) ?? { ...person, index: primary, label: 'Company', entity: ctx.docContext.entityOf[primary] ?? primary, pronoun: true };
      emit('EMPLOYS', company, person, 'employs.title_primary_company', 0.6, { title });
    }
  },
};

export const trademarkRule: SentenceRule = {
  id: 'trademark_of',
  needs: [COMPANY],
  triggers: ['trademark'],
  apply(ctx: SentenceContext, emit: Emit) {
    for (const hit of ctx.triggers.findAll('trademark')) {
      const owner = nearestAfter(ctx, hit.end, COMPANY, 30);
      if (!owner) continue;
      for (const brand of ctx.items) {
        if (brand.end > hit.start || (brand.label !== 'Drug' && brand.label !== 'Technology')) continue;
        emit('TRADEMARK_OF', brand, owner, 'trademark_of.statement', 0.85);
      }
    }
  },
};

/** "BRAND® (generic)" or "generic (BRAND®)": the marked name is the brand. */
export const brandRule: SentenceRule = {
  id: 'brand_of',
  needs: [['Drug']],
  triggers: ['brand.mark'],
  apply(ctx: SentenceContext, emit: Emit) {
    const drugs = ctx.items.filter((it) => it.label === 'Drug');
    for (let k = 0; k + 1 < drugs.length; k++) {
      const [a, b] = [drugs[k], drugs[k + 1]];
      if (!a || !b) continue;
      const gap = ctx.text.slice(a.end, b.start);
      if (!/^\s*[®™]?\s*\(\s*$/.test(gap) || !/^\s*[®™]?\s*\)/.test(ctx.text.slice(b.end, b.end + 4))) continue;
      const aMarked = /^\s*[®™]/.test(gap) || /[®™]$/.test(a.text);
      const bMarked = /^\s*[®™]/.test(ctx.text.slice(b.end, b.end + 3)) || /[®™]$/.test(b.text);
      if (aMarked && !bMarked) emit('BRAND_OF', a, b, 'brand_of.marked_name', 0.8);
      else if (bMarked && !aMarked) emit('BRAND_OF', b, a, 'brand_of.marked_name', 0.8);
    }
  },
};
