// Lexicons of the entity stage, loaded and compiled once per process (lazy singletons): each rule
// family asks for its table here, never reads data/ itself.
import { dataLines, dataTsv } from '../../data-files.ts';

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** Key for phrase lookups: lower case, curly apostrophes straightened, hyphens and spaces folded. */
export function phraseKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    // "non-Hodgkin's lymphoma" and "non-Hodgkin lymphoma" are one name.
    .replace(/'s(?![\p{L}])/gu, '')
    .replace(/[\s\-–‐]+/g, ' ')
    .trim();
}

export const legalSuffixes = lazy(() => [...dataLines('lexicons/company-legal-suffixes.txt')].sort((a, b) => b.length - a.length));
export const industryCompanies = lazy(() => new Set(dataLines('lexicons/companies-industry.txt')));
export const organizations = lazy(() => new Set(dataLines('lexicons/organizations.txt')));
export const notEntities = lazy(() => new Set(dataLines('lexicons/not-entities.txt').map((s) => s.toLowerCase())));
export const nameStopwords = lazy(() => new Set(dataLines('lexicons/name-stopwords.txt')));
export const personTitles = lazy(() => [...dataLines('lexicons/person-titles.txt')].sort((a, b) => b.length - a.length));

/** Headline verbs (base forms) that never open a company name; see matching in companies.ts. */
export const headlineVerbs = lazy(() => new Set(dataLines('lexicons/headline-verbs.txt').map((s) => s.toLowerCase())));
export const headlineDescriptors = lazy(() => new Set(dataLines('lexicons/headline-descriptors.txt').map((s) => s.toLowerCase())));
/** Medical combining forms ("neuro", "immuno") that make a hyphenated field term, not a company. */
export const combiningForms = lazy(() => new Set(dataLines('lexicons/combining-forms.txt').map((s) => s.toLowerCase())));

export const companyWords = lazy(() => {
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const line of dataLines('lexicons/company-name-words.txt')) {
    if (line.endsWith('?')) weak.add(line.slice(0, -1));
    else strong.add(line);
  }
  return { strong, weak };
});

export const honorifics = lazy(() => {
  const pre: string[] = [];
  const post: string[] = [];
  for (const line of dataLines('lexicons/honorifics.txt')) {
    if (line.startsWith('pre:')) pre.push(line.slice(4));
    else if (line.startsWith('post:')) post.push(line.slice(5));
  }
  return { pre, post };
});

export interface InnStems {
  /** Stems that make a drug name on their own, longest first. */
  plain: string[];
  /** Stems that need a protein qualifier word after them ("alteplase alfa" style). */
  qualified: string[];
  stopwords: Set<string>;
}
export const innStems = lazy((): InnStems => {
  const plain: string[] = [];
  const qualified: string[] = [];
  for (const line of dataLines('lexicons/inn-stems.txt')) {
    const [stem, qualifier] = line.split('+');
    if (!stem) continue;
    if (qualifier) qualified.push(stem);
    else plain.push(stem);
  }
  plain.sort((a, b) => b.length - a.length);
  return { plain, qualified, stopwords: new Set(dataLines('lexicons/inn-stopwords.txt').map((s) => s.toLowerCase())) };
});

export const adcPayloadWords = lazy(() => new Set(dataLines('lexicons/adc-payload-words.txt').map((s) => s.toLowerCase())));

export interface PayloadEntry {
  name: string;
  kind: 'Payload' | 'Linker';
}
/** Payload and linker names and aliases, keyed by phraseKey. */
export const payloads = lazy(() => {
  const byKey = new Map<string, PayloadEntry>();
  for (const [name, kind, aliases] of dataTsv('lexicons/payloads.txt')) {
    if (!name) continue;
    const entry: PayloadEntry = { name, kind: kind === 'Linker' ? 'Linker' : 'Payload' };
    for (const form of [name, ...(aliases ?? '').split('|')]) if (form) byKey.set(phraseKey(form), entry);
  }
  return byKey;
});

/** HGNC: any symbol or alias (upper case, hyphens dropped) → approved symbols it may stand for. */
export const hgnc = lazy(() => {
  const bySymbolKey = new Map<string, string[]>();
  const add = (form: string, symbol: string): void => {
    const key = targetKey(form);
    const list = bySymbolKey.get(key);
    if (!list) bySymbolKey.set(key, [symbol]);
    else if (!list.includes(symbol)) list.push(symbol);
  };
  for (const [symbol, aliases] of dataTsv('lexicons/hgnc-targets.tsv')) {
    if (!symbol) continue;
    add(symbol, symbol);
  }
  // Approved symbols win over aliases: an alias only adds a reading when no symbol has that form.
  const symbols = new Set(bySymbolKey.keys());
  for (const [symbol, aliases] of dataTsv('lexicons/hgnc-targets.tsv')) {
    if (!symbol || !aliases) continue;
    for (const alias of aliases.split('|')) if (!symbols.has(targetKey(alias))) add(alias, symbol);
  }
  return bySymbolKey;
});

/** Receptors by HGNC approved name, keyed by the phraseKey of their ligand part ("glucagon like peptide 1"). */
export const receptorLigands = lazy(() => {
  const byLigand = new Map<string, string>();
  for (const [name, symbol] of dataTsv('lexicons/hgnc-receptor-names.tsv')) if (name && symbol) byLigand.set(phraseKey(name.replace(/ receptor$/, '')), symbol);
  return byLigand;
});

/** "HER-2", "Her2" and "HER2" are one key; Greek letters spelled as their Latin initial. */
export function targetKey(s: string): string {
  return s
    .replace(/α/g, 'A')
    .replace(/β/g, 'B')
    .replace(/γ/g, 'G')
    .replace(/κ/g, 'K')
    .toUpperCase()
    .replace(/[\s\-‐–]/g, '');
}

export interface DiseaseEntry {
  name: string;
  doid?: string;
}
export interface DiseaseLexicon {
  /** phraseKey → entry (labels and lower-case synonyms). */
  byKey: Map<string, DiseaseEntry>;
  /** Case-sensitive abbreviations (all-caps synonyms like NSCLC). */
  byAbbreviation: Map<string, DiseaseEntry>;
  /** First word of every phrase → the largest number of words a phrase starting with it has. */
  maxWords: Map<string, number>;
}

export const diseaseLexicon = lazy((): DiseaseLexicon => {
  const stop = new Set(dataLines('lexicons/disease-stopwords.txt').map((s) => s.toLowerCase()));
  const byKey = new Map<string, DiseaseEntry>();
  const byAbbreviation = new Map<string, DiseaseEntry>();
  const maxWords = new Map<string, number>();
  const add = (form: string, entry: DiseaseEntry, override: boolean): void => {
    if (/^[A-Z0-9][A-Z0-9-]{1,7}$/.test(form) && !/^\d+$/.test(form)) {
      if (!stop.has(form.toLowerCase()) && (override || !byAbbreviation.has(form))) byAbbreviation.set(form, entry);
      // "COVID-19" is two words to the word-by-word lookup: it is found as a phrase too.
      if (!form.includes('-')) return;
    }
    const key = phraseKey(form);
    if (key.length < 3 || stop.has(key) || /[();]/.test(key)) return;
    if (!override && byKey.has(key)) return;
    byKey.set(key, entry);
    const words = key.split(' ');
    const first = words[0] ?? '';
    maxWords.set(first, Math.max(maxWords.get(first) ?? 0, words.length));
  };
  for (const [label, doid, synonyms] of dataTsv('lexicons/diseases.tsv')) {
    if (!label || !doid) continue;
    const entry: DiseaseEntry = { name: label, doid };
    add(label, entry, false);
    for (const s of (synonyms ?? '').split('|')) if (s) add(s, entry, false);
  }
  // The press-release forms come last and win: they name the disease the way the field writes it.
  for (const [name, aliases] of dataTsv('lexicons/diseases-common.tsv')) {
    if (!name) continue;
    const known = byKey.get(phraseKey(name));
    const entry: DiseaseEntry = known?.doid ? { name, doid: known.doid } : { name };
    add(name, entry, true);
    for (const s of (aliases ?? '').split('|')) if (s) add(s, entry, true);
  }
  return { byKey, byAbbreviation, maxWords };
});
