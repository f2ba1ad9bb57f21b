// EMPLOYS Company→Person with the title, TRADEMARK_OF brand→Company and BRAND_OF brand→generic:
// "said Jane Roe, chief executive officer of A", "A's CEO Jane Roe", "Jane Roe, Chairman and CEO,
// commented" (the document's company), contact blocks "Jane Roe Director, Investor Relations A";
// "X is a registered trademark of A"; "X® (generic)".
import type { Item, SentenceContext } from '../context.ts';
import { nearestAfter } from '../context.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY, PERSON } from './types.ts';

export interface PeoplePatterns {
  /** A speech verb or a quotation mark: what follows a name is a quote, not a title. */
  readonly speech: RegExp;
  /** "CFO, Tel. +1 …", "Director, Email: …": a contact line's channel label is no part of the title. */
  readonly contactLabel: RegExp;
  /** "Jane Roe, Chairman and CEO, commented": a title in apposition, closed by a speech verb. */
  readonly titleThenSpeech: RegExp;
}

export function compilePeoplePatterns(words: RuleWords): PeoplePatterns {
  return Object.freeze({
    speech: new RegExp(`\\b(?:${words.alternation('speech')})\\b|["“”]`, 'i'),
    contactLabel: new RegExp(`[\\s,;:–—-]+(?:${words.alternation('contact.label')})\\b.*$`, 'i'),
    titleThenSpeech: new RegExp(`^\\s*,\\s*([^"“”]{2,160}?)\\s*,\\s*(?:${words.alternation('speech.attribution')})\\b`, 'i'),
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

function mentionTitle(ctx: SentenceContext, person: Item): string | undefined {
  const t = person.mention.properties?.title;
  const title = typeof t === 'string' ? t.replace(ctx.relations.rules.people.contactLabel, '').trim() : '';
  return title !== '' ? title : undefined;
}

/**
 * Signature and contact blocks set a name on a line of its own with the title on the lines below
 * ("/s/ Jane Roe", "Jane Roe", "Chief Financial Officer"; "Contact:", "Acme Inc.", "Jane Roe",
 * "Senior Director, Communications"). The employer is a company line right after the title, else a
 * company line right before the name, else the document's company (an 8-K is signed by its registrant).
 */
function titleBlock(ctx: SentenceContext, person: Item): { company: Item | undefined; title: string } | undefined {
  const dc = ctx.docContext;
  const { sentences, cleanText } = dc.doc;
  const own = cleanText
    .slice(ctx.sentence.start, ctx.sentence.end)
    .replace(/^\s*\/s\/\s*/i, '')
    .replace(/[\s|]+$/, '')
    .trim();
  if (own !== person.text) return undefined;
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
  const i = ctx.sentence.index;
  const titleLines: string[] = [];
  let k = i + 1;
  for (; k < sentences.length && titleLines.length < 3; k++) {
    const line = lineText(k);
    if (line === '') continue;
    if ((dc.bySentence.get(k) ?? []).length > 0 || !looksLikeTitle(ctx, line) || line.length > 80) break;
    titleLines.push(line);
  }
  if (titleLines.length === 0) return undefined;
  const title = cleanTitle(titleLines.join(' ').replace(/\s+(?:and|&)$/i, ''));
  let company = lineCompany(k);
  if (!company) for (let b = i - 1; b >= Math.max(0, i - 2) && !company; b--) if (lineText(b) !== '') company = lineCompany(b);
  return { company, title };
}

/**
 * "Chief Executive Officer of the Example Foundation", "Executive Director, Example Network",
 * "Head of X at Example": a title that ends by naming an organisation other than the document's
 * company says the person works there, so the title is not the document company's.
 */
function namesOtherOrganisation(ctx: SentenceContext, title: string): boolean {
  const parts = title.split(/\s+(?:of|at|for|with)\s+|,\s*/i);
  const tail = (parts.length > 1 ? (parts[parts.length - 1] ?? '') : '').replace(/^the\s+/i, '').replace(/[\s:;,.]+$/, '');
  if (!/^[A-Z]/.test(tail) || looksLikeTitle(ctx, tail)) return false;
  const primary = ctx.docContext.primaryCompany === undefined ? undefined : ctx.docContext.found.mentions[ctx.docContext.primaryCompany];
  const fold = (x: string): string =>
    x
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const head = fold(primary?.canonical ?? '').split(' ')[0] ?? '';
  return head === '' || !fold(tail).split(' ').includes(head);
}

export const employmentRule: SentenceRule = {
  id: 'employs',
  needs: [PERSON],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    const primary = ctx.docContext.primaryCompany;
    const { speech, titleThenSpeech } = ctx.relations.rules.people;
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
        if (!speech.test(gap) && looksLikeTitle(ctx, gap) && !/[.;]/.test(gap.replace(/\b[A-Z]\./g, ''))) {
          const title = known ?? cleanTitle(gap.replace(/^['’]s?\s*/, ''));
          emit('EMPLOYS', prev, person, 'employs.company_title', 0.8, title ? { title } : {});
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
      if (!title || primary === undefined || namesOtherOrganisation(ctx, title)) continue;
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
