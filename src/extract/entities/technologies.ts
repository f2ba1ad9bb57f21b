// Technologies: named platforms ("X technology", "X platform"), abbreviations defined for them
// ("Tumor-Activated Prodrug (TAP) technology"), and ADC payloads and linkers from the lexicon.
import type { Candidate, Scope } from './candidates.ts';
import { candidate, sweep } from './candidates.ts';
import { adcPayloadWords, escapeRegExp, nameStopwords, payloads } from './lexicons.ts';

/** Alias stated by the text: a long form defined with its abbreviation. */
export interface TechnologyAlias {
  alias: string;
  canonical: string;
  rule: string;
}

const TOKEN = String.raw`[\p{Lu}][\p{L}\p{N}\-]*`;
const GENERIC = /^(?:ADC|Company|Company’s|Company's|Proprietary|Novel|New|Our|Its|Their|The|This|Platform|Technology|Antibody|Drug|mRNA|AI)$/;

let compiled: { named: RegExp; defined: RegExp; payload: RegExp } | undefined;

function patterns(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const forms = [...payloads().keys()].filter((k) => !adcPayloadWords().has(k));
  const original = new Map<string, string>();
  for (const [key, entry] of payloads()) if (forms.includes(key)) original.set(key, entry.name);
  const alt = forms
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k).replace(/\\? /g, '[ \\t\\-]'))
    .join('|');
  compiled = {
    named: new RegExp(
      String.raw`(?<![\p{L}\p{N}])((?:${TOKEN}[ \t]+){0,2}${TOKEN})[ \t]?(®|™)?((?:[ \t]+(?:ADC|antibody|extraction|chemistry|conjugation|conjugate|delivery|linker|drug[- ]conjugate))?[ \t]+(?:technology|technologies|platform))(?![\p{L}])`,
      'gu',
    ),
    defined: new RegExp(String.raw`((?:${TOKEN}[ \t\-]+){1,5})\((\p{Lu}[\p{L}]{1,9})\)[ \t]+(technology|platform)(?![\p{L}])`, 'gu'),
    payload: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${alt})(?![\p{L}\p{N}]|-\p{L})`, 'giu'),
  };
  return compiled;
}

function coreName(raw: string): string | undefined {
  const tokens = raw.split(/[ \t]+/).filter((t) => t !== '');
  while (tokens.length > 0 && (nameStopwords().has(tokens[0] ?? '') || GENERIC.test(tokens[0] ?? ''))) tokens.shift();
  while (tokens.length > 0 && GENERIC.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens.length > 0 ? tokens.join(' ') : undefined;
}

export function findTechnologies(scope: Scope): { candidates: Candidate[]; aliases: TechnologyAlias[] } {
  const p = patterns();
  const out: Candidate[] = [];
  const aliases: TechnologyAlias[] = [];
  sweep(scope, p.named, (m, offset, sentence) => {
    const core = coreName(m[1] ?? '');
    if (!core) return;
    const lead = (m[1] ?? '').indexOf(core.split(' ')[0] ?? '');
    const surface = m[0].slice(lead);
    out.push(candidate({ label: 'Technology', start: offset + lead, surface, canonical: core, rule: 'technology.named-platform', priority: 56, sentence }));
  });
  sweep(scope, p.defined, (m, offset, sentence) => {
    const longForm = (m[1] ?? '').trim();
    const abbr = m[2] ?? '';
    const initials = longForm
      .split(/[ \t\-]+/)
      .map((w) => w[0] ?? '')
      .join('');
    if (!initials.toUpperCase().includes(abbr[0] ?? '?')) return;
    out.push(candidate({ label: 'Technology', start: offset, surface: m[0], canonical: abbr, rule: 'technology.defined-abbreviation', priority: 57, sentence }));
    aliases.push({ alias: longForm, canonical: abbr, rule: 'technology.defined-abbreviation' });
  });
  sweep(scope, p.payload, (m, offset, sentence) => {
    const entry = payloads().get(m[1]?.toLowerCase().replace(/-/g, ' ') ?? '') ?? payloads().get(m[1]?.toLowerCase() ?? '');
    if (!entry) return;
    // Acronym payloads (DM1, MMAE) must be written in capitals; "pbd" in a word list is not PBD.
    if (/^[A-Z0-9\-]+$/.test(entry.name) && m[1] !== m[1]?.toUpperCase() && m[1] !== entry.name) return;
    out.push(candidate({ label: 'Technology', extraLabels: [entry.kind], start: offset, surface: m[1] ?? '', canonical: entry.name, rule: 'technology.payload', priority: 45, sentence }));
  });
  return { candidates: out, aliases };
}
