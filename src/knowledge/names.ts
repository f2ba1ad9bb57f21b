// How entities are named and keyed (see index.ts): company legal forms, the canonical names of agencies
// and exchanges, targets by HGNC symbol, person-name variants, places and generic defined terms. The
// one legal-suffix list of the project is data/lexicons/company-legal-suffixes.txt; everything that
// strips or recognises a legal form asks this object, so structure, extraction, resolution, the API and
// the evaluator agree. Keys are made from canonical names, so one real thing gets one key in every
// document whichever of its names the document uses.
import { z } from 'zod';
import { escapeRegex } from '../text/regex.ts';
import { foldName } from '../text/names.ts';
import type { DataFiles } from './files.ts';
import { PAYLOADS_FILE, PayloadRow } from './shared-lexicons.ts';

export interface NameKnowledge {
  /** The legal forms as written in the data file ("Inc.", "Co., Ltd.", "GmbH"), longest first. */
  readonly legalSuffixes: readonly string[];
  /** Words that lengthen a company's short name without naming another company (company-name-descriptors.txt), folded. */
  readonly companyDescriptors: ReadonlySet<string>;
  /** Nouns that make the name before them a designation or programme (programme-heads.txt), lower case. */
  readonly programmeHeads: ReadonlySet<string>;
  /** Every name of an agency, regulator or exchange as written (organizations.tsv), for finding them in text. */
  readonly organizationForms: readonly string[];
  /** "ImmunoGen, Inc." → "ImmunoGen"; repeated so "Foo Holdings Co., Ltd." loses only its legal form. */
  stripLegalSuffix(name: string): string;
  /** The canonical name of an agency or exchange named by any of its names ("U.S. FDA" → "U.S. Food and Drug Administration"). */
  canonicalOrganization(name: string): string | undefined;
  /** The HGNC symbol a common target name stands for ("PD-1" → "PDCD1", "RANK Ligand" → "TNFSF11", "melanocortin-4 receptor" → "MC4R"). */
  targetSymbol(name: string): string | undefined;
  /** A receptor family HGNC gives no one symbol, by any of its names ("NMDA" → "NMDA receptor"); undefined for other names. */
  targetFamily(name: string): string | undefined;
  /** Receptors by HGNC approved name (data/lexicons/hgnc-receptor-names.tsv), read once here for naming and for the target rules. */
  readonly receptorNames: readonly { readonly name: string; readonly symbol: string }[];
  /** The name an entity of `label` is known by: an agency's canonical name, a target's symbol, else `name`. */
  canonicalName(label: string, name: string): string;
  /** The part of an entity key after the label: the canonical name folded (a company's without its legal form). */
  keyPart(label: string, name: string): string;
  /** `company:acme-bio`, `drug:zanotumab`: the key that makes one node of one thing. */
  entityKey(label: string, name: string): string;
  /** True for a defined term or pronoun that names no one ("the Company", "Licensee", "the Parties", "we"). */
  isGenericTerm(name: string): boolean;
  /** True for a US state or a country ("Kentucky", "Cayman Islands"): a place, never a company. */
  isPlace(name: string): boolean;
  /** True when two given names are the same name or one is a common short form of the other ("Steve", "Steven"). */
  sameGivenName(a: string, b: string): boolean;
  /** The full names a well-known company's short form stands for (company-short-forms.tsv: "Lilly" → ["Eli Lilly"]); empty for other names. */
  companyFullNames(shortName: string): readonly string[];
  /** True for a folded name of an ADC payload (payloads.txt, kind Payload): "dm1", "mmae" — the tail of a conjugate's name. */
  isPayload(folded: string): boolean;
}

const OrganizationRow = z.object({ canonical: z.string().min(2), aliases: z.string().optional() });
const HgncReceptorRow = z.object({ name: z.string().regex(/ receptor$/, 'a receptor name ends in " receptor"'), symbol: z.string().min(1) });
const TargetFamilyRow = z.object({ name: z.string().min(1), family: z.string().regex(/ receptor$/, 'a receptor family name ends in " receptor"') });
const TargetNameRow = z.object({ name: z.string().min(1), symbol: z.string().regex(/^[A-Z0-9-]+$/, 'an HGNC symbol is upper-case letters and digits') });
const NicknameRow = z.object({ nickname: z.string().regex(/^[a-z]+$/), names: z.string().regex(/^[a-z]+(?:\|[a-z]+)*$/) });
const StateRow = z.object({ code: z.string(), name: z.string().min(2) });
const ShortFormRow = z.object({ name: z.string().min(2), short: z.string().min(2) });

/** A target name compared without case, spaces, hyphens, brackets or slashes ("(RANK) Ligand" = "RANK ligand"). */
const targetFold = (name: string): string =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-()[\]/]+/g, '');

export function loadNameKnowledge(files: DataFiles): NameKnowledge {
  const legalSuffixes = Object.freeze(files.lines('lexicons/company-legal-suffixes.txt').sort((a, b) => b.length - a.length));
  const alternatives = legalSuffixes.map((s) => escapeRegex(s).replace(/\\\.$/, '\\.?').replace(/ /g, '\\s+'));
  // "Merck & Co." keeps its "& Co.": the ampersand makes it part of the name.
  const suffixPattern = new RegExp(`(?<!&)(?:,?\\s+)(?:${alternatives.join('|')})\\s*$`, 'i');

  const stripLegalSuffix = (name: string): string => {
    let current = name.trim().replace(/[,\s]+$/, '');
    // The pattern needs white space before the legal form: a name without any has none to lose.
    if (!/\s/.test(current)) return current;
    for (;;) {
      const next = current.replace(suffixPattern, '').replace(/[,\s]+$/, '');
      if (next === current || next.length < 2) return current;
      current = next;
    }
  };

  const organizations = new Map<string, string>();
  const organizationForms: string[] = [];
  for (const row of files.tsv('lexicons/organizations.tsv', ['canonical', 'aliases'], OrganizationRow)) {
    for (const form of [row.canonical, ...(row.aliases ?? '').split('|').map((a) => a.trim())]) {
      if (form === '') continue;
      const folded = foldName(form);
      const taken = organizations.get(folded);
      if (taken !== undefined && taken !== row.canonical) throw files.invalid('lexicons/organizations.tsv', undefined, `"${form}" names both "${taken}" and "${row.canonical}"`);
      organizations.set(folded, row.canonical);
      organizationForms.push(form);
    }
  }
  const canonicalOrganization = (name: string): string | undefined => organizations.get(foldName(name.replace(/^the\s+/i, ''))) ?? organizations.get(foldName(name));

  const targetSymbols = new Map<string, string>();
  for (const row of files.tsv('lexicons/target-common-names.tsv', ['name', 'symbol'], TargetNameRow)) targetSymbols.set(targetFold(row.name), row.symbol);
  // A receptor written out by its HGNC approved name ("melanocortin-4 receptor") is named by its symbol
  // (MC4R) like one written by the symbol; the common-name table above wins where both have a name.
  const receptorNames = Object.freeze(files.tsv('lexicons/hgnc-receptor-names.tsv', ['name', 'symbol'], HgncReceptorRow));
  for (const row of receptorNames) {
    const folded = targetFold(row.name);
    if (!targetSymbols.has(folded)) targetSymbols.set(folded, row.symbol);
  }
  const targetSymbol = (name: string): string | undefined => targetSymbols.get(targetFold(name));
  const targetFamilies = new Map(files.tsv('lexicons/target-receptor-families.tsv', ['name', 'family'], TargetFamilyRow).map((row) => [targetFold(row.name), row.family]));
  const targetFamily = (name: string): string | undefined => targetFamilies.get(targetFold(name));

  const canonicalName = (label: string, name: string): string => {
    if (label === 'Organization') return canonicalOrganization(name) ?? name;
    if (label === 'Target') return targetSymbol(name) ?? targetFamily(name) ?? name;
    return name;
  };
  // A person's single-letter middle initials do not tell two people apart in practice ("Dana Q. Roswell",
  // "Dana Roswell"); a company's leading "The" is no part of its name ("THE ACME GROUP, INC."), nor is a
  // trailing "Company", the spelled-out "Co." ("Acme Company, Limited" is "Acme Co., Ltd.").
  const keyName = (label: string, name: string): string => {
    if (label === 'Company')
      return stripLegalSuffix(name)
        .replace(/^the\s+(?=\S+)/i, '')
        .replace(/(?<=\S)\s+company$/i, '');
    if (label === 'Person') return name.replace(/(?<=\S\s+)(?:\p{Lu}\.?\s+)+(?=\S)/gu, '');
    return name;
  };
  const keyPart = (label: string, name: string): string => foldName(keyName(label, canonicalName(label, name)));
  const entityKey = (label: string, name: string): string => `${label.toLowerCase()}:${keyPart(label, name)}`;

  const genericTerms: ReadonlySet<string> = new Set(files.lines('lexicons/generic-defined-terms.txt').map((t) => foldName(t)));
  const isGenericTerm = (name: string): boolean => genericTerms.has(foldName(name).replace(/^(?:the|our|its)-/, ''));

  const places: ReadonlySet<string> = new Set([...files.tsv('structure/us-states.tsv', ['code', 'name'], StateRow).map((s) => foldName(s.name)), ...files.lines('lexicons/countries.txt').map((c) => foldName(c))]);
  const isPlace = (name: string): boolean => places.has(foldName(name.replace(/^the\s+/i, '')));

  const nicknames = new Map<string, ReadonlySet<string>>();
  for (const row of files.tsv('lexicons/person-nicknames.tsv', ['nickname', 'names'], NicknameRow)) nicknames.set(row.nickname, new Set(row.names.split('|')));
  const sameGivenName = (a: string, b: string): boolean => {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x === y || nicknames.get(x)?.has(y) === true || nicknames.get(y)?.has(x) === true;
  };

  const fullNamesByShortForm = new Map<string, string[]>();
  for (const row of files.tsv('lexicons/company-short-forms.tsv', ['name', 'short'], ShortFormRow)) fullNamesByShortForm.set(row.short, [...(fullNamesByShortForm.get(row.short) ?? []), row.name]);
  const companyFullNames = (shortName: string): readonly string[] => fullNamesByShortForm.get(shortName) ?? [];

  const companyDescriptors: ReadonlySet<string> = new Set(files.lines('lexicons/company-name-descriptors.txt').map((w) => foldName(w)));

  // The payloads of conjugate names ("<antibody>-DM1"), by name and alias (payloads.txt is also the entity and relation rules').
  const payloadNames: ReadonlySet<string> = new Set(
    files
      .tsv(PAYLOADS_FILE, ['name', 'kind', 'aliases'], PayloadRow)
      .filter((row) => row.kind === 'Payload')
      .flatMap((row) => [row.name, ...row.aliases].map((n) => foldName(n))),
  );
  const isPayload = (folded: string): boolean => payloadNames.has(folded);

  const programmeHeads: ReadonlySet<string> = new Set(files.lines('lexicons/programme-heads.txt').map((w) => w.toLowerCase()));

  return Object.freeze({
    receptorNames,
    legalSuffixes,
    companyDescriptors,
    programmeHeads,
    organizationForms: Object.freeze(organizationForms),
    stripLegalSuffix,
    canonicalOrganization,
    targetSymbol,
    targetFamily,
    canonicalName,
    keyPart,
    entityKey,
    isGenericTerm,
    isPlace,
    sameGivenName,
    companyFullNames,
    isPayload,
  });
}
