// The entity stage's lexicons: what they hold, the keys they are looked up by, and how the rows of
// their data files become lookup tables. The files are read and checked by the knowledge loader
// (src/knowledge/entities.ts), which builds these tables once into `knowledge.entities.lexicons`;
// the rule families read them there, never from data/ themselves, and compile their patterns from
// them (`phraseAlternation`).
import { escapeRegex } from '../../text/regex.ts';

/** Key for phrase lookups: lower case, curly apostrophes straightened, hyphens and spaces folded. */
export function phraseKey(s: string): string {
  return (
    s
      .toLowerCase()
      // "Behçet's" and "Sjögren's" are written with and without their accents: one name.
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘`]/g, "'")
      // "non-Hodgkin's lymphoma" and "non-Hodgkin lymphoma" are one name.
      .replace(/'s(?![\p{L}])/gu, '')
      .replace(/[\s\-–‐]+/g, ' ')
      .trim()
  );
}

/** What targetKey changes besides the case: Greek letters, white space, hyphens. */
const TARGET_KEY_SPECIAL = /[αβγκ\s\-‐–]/;

/** "HER-2", "Her2" and "HER2" are one key; Greek letters spelled as their Latin initial. */
export function targetKey(s: string): string {
  // Most symbols and aliases (HGNC has some 70,000) hold none of them: upper case is the key.
  if (!TARGET_KEY_SPECIAL.test(s)) return s.toUpperCase();
  return s
    .replace(/α/g, 'A')
    .replace(/β/g, 'B')
    .replace(/γ/g, 'G')
    .replace(/κ/g, 'K')
    .toUpperCase()
    .replace(/[\s\-‐–]/g, '');
}

export interface InnStems {
  /** Stems that make a drug name on their own, longest first. */
  readonly plain: readonly string[];
  /** Stems that need a protein qualifier word after them ("alteplase alfa" style). */
  readonly qualified: readonly string[];
  readonly stopwords: ReadonlySet<string>;
}

export interface PayloadEntry {
  readonly name: string;
  readonly kind: 'Payload' | 'Linker';
}

export interface DiseaseEntry {
  readonly name: string;
  readonly doid?: string;
}

export interface DiseaseLexicon {
  /** phraseKey → entry (labels and lower-case synonyms). */
  readonly byKey: ReadonlyMap<string, DiseaseEntry>;
  /** Case-sensitive abbreviations (all-caps synonyms like NSCLC). */
  readonly byAbbreviation: ReadonlyMap<string, DiseaseEntry>;
  /** First word of every phrase → the largest number of words a phrase starting with it has. */
  readonly maxWords: ReadonlyMap<string, number>;
  /** Words the vocabulary writes before a disease's head ("uveal", "coronary"): a modifier that names a narrower disease. */
  readonly modifiers: ReadonlySet<string>;
}

/**
 * The phrases as alternatives of a regular expression, in their order (a phrase listed first is tried
 * first), each matching itself: with `blanks`, a space between two words matches any run of spaces
 * and tabs; with `literal`, only a space.
 */
export function phraseAlternation(phrases: readonly string[], spaces: 'blanks' | 'literal'): string {
  return phrases.map((p) => (spaces === 'blanks' ? escapeRegex(p).replace(/ /g, String.raw`[ \t]+`) : escapeRegex(p))).join('|');
}

/** A quote-attribution verb; `endsTitle`: ", <verb>" also ends the title after a name. */
/** company-roles.tsv: the phrases of each role a bare capitalised name can fill as a company. */
export interface CompanyRolePhrases {
  /** "Acme's pipeline": business nouns after a possessive. */
  readonly possessed: readonly string[];
  /** "Acme will pay": deal and corporate verbs after a subject. */
  readonly verb: readonly string[];
  /** "agreement with Acme": deal phrases before their party. */
  readonly before: readonly string[];
  /** "privately held Acme": words that call the next name a company. */
  readonly descriptor: readonly string[];
  /** "investors included Acme Capital, Foo and Bar": phrases a list of a financing's investors follows. */
  readonly investors: readonly string[];
  /** "Boston firm", "the hedge fund": words that may stand before one investor of such a list. */
  readonly investorDescriptor: readonly string[];
  /** "granted Acme an exclusive license": verbs whose indirect object is a party. */
  readonly grantVerb: readonly string[];
  /** "an exclusive license", "an option": what such a verb gives; it must follow the name. */
  readonly grantObject: readonly string[];
  /** "licens", "upfront": word beginnings that make a sentence a deal's, where "from Acme" names a party. */
  readonly dealStem: readonly string[];
  /** "Acme CEO Jane Roe", "Acme Chief Scientific Officer, Dr. Jane Roe": officer titles between a company's name and a person's. */
  readonly officer: readonly string[];
}

export interface SpeechVerb {
  readonly verb: string;
  readonly endsTitle: boolean;
}

/** Every word list and table of the entity rules, read from data/lexicons/ (one field per file or table). */
export interface EntityLexicons {
  /** Company legal forms, longest first: the one list of NameKnowledge. */
  readonly legalSuffixes: readonly string[];
  /** Well-known companies of the industry and its advisers (companies-industry.txt). */
  readonly industryCompanies: ReadonlySet<string>;
  /** Agencies, regulators, exchanges: Organization, never Company (organizations.tsv). */
  readonly organizations: ReadonlySet<string>;
  /** Capitalised phrases that are never entities, lower case (not-entities.txt). */
  readonly notEntities: ReadonlySet<string>;
  /** Words that never belong to a company or person name (name-stopwords.txt). */
  readonly nameStopwords: ReadonlySet<string>;
  /** Plural possessives inside institution names ("Children's"): no name is cut after them (organization-possessive-words.txt). */
  readonly possessiveNameWords: ReadonlySet<string>;
  /** Meeting words written after an organization's name ("… Society Congress"): its name ends before them (organization-event-words.txt). */
  readonly organizationEventWords: ReadonlySet<string>;
  /** Regulators and exchanges, by canonical name: never a party of a deal frame (non-party-organizations.txt). */
  readonly nonPartyOrganizations: ReadonlySet<string>;
  /** Words next to names that are never part of one; also generic adjectives no company is named (person-words.txt). */
  readonly personWords: ReadonlySet<string>;
  /** Job titles, longest first (person-titles.txt). */
  readonly personTitles: readonly string[];
  /** Honorifics before a name and degrees after it (honorifics.txt). */
  readonly honorifics: { readonly pre: readonly string[]; readonly post: readonly string[] };
  /** Words that make a company of the name before them; weak ones only after a single word (company-name-words.txt). */
  readonly companyWords: { readonly strong: ReadonlySet<string>; readonly weak: ReadonlySet<string> };
  /** Headline verbs (base forms, lower case) that never open a company name (headline-verbs.txt). */
  readonly headlineVerbs: ReadonlySet<string>;
  /** Descriptive words after a headline verb, lower case (headline-descriptors.txt). */
  readonly headlineDescriptors: ReadonlySet<string>;
  /** Medical combining forms ("neuro", "immuno") that make a hyphenated field term, not a company (combining-forms.txt). */
  readonly combiningForms: ReadonlySet<string>;
  /** Place names that also open company names (places.txt). */
  readonly places: ReadonlySet<string>;
  /** Department names contact blocks write before a company name (department-words.txt). */
  readonly departmentWords: readonly string[];
  readonly innStems: InnStems;
  /** Second words of ADC INNs ("vedotin"), lower case (adc-payload-words.txt). */
  readonly adcPayloadWords: ReadonlySet<string>;
  /** Payload and linker names and aliases, keyed by phraseKey (payloads.txt). */
  readonly payloads: ReadonlyMap<string, PayloadEntry>;
  /** Words that show a sentence talks about drugs (drug-context-words.txt). */
  readonly drugContextWords: readonly string[];
  /** Endings of substance names no INN stem covers ("-ine", "-one"), lower case (substance-name-endings.txt). */
  readonly substanceNameEndings: readonly string[];
  /** Lower-case words that stand beside a drug without being one ("placebo"), lower case (not-drug-companions.txt). */
  readonly notDrugCompanions: ReadonlySet<string>;
  /** Letter prefixes of letters+digits tokens that are no drug code (code-name-non-drug-prefixes.txt). */
  readonly codeNameNonDrugPrefixes: readonly string[];
  /** HGNC: any symbol or alias (targetKey) → the approved symbols it may stand for (hgnc-targets.tsv). */
  readonly hgnc: ReadonlyMap<string, readonly string[]>;
  /** Receptors by the phraseKey of their ligand part ("glucagon like peptide 1") (hgnc-receptor-names.tsv). */
  readonly receptorLigands: ReadonlyMap<string, string>;
  /** Proteins by HGNC approved or previous name, keyed by proteinNameKey ("dipeptidyl peptidase 4") → symbol (hgnc-protein-names.tsv). */
  readonly proteinNames: ReadonlyMap<string, string>;
  readonly diseases: DiseaseLexicon;
  /** Stage, setting and line-of-therapy words kept out of a disease's name (disease-qualifiers.txt). */
  readonly diseaseQualifiers: ReadonlySet<string>;

  // Companies and organizations.
  /** Lower-case words inside a name ("of", "de", "&") (name-joiners.txt). */
  readonly nameJoiners: readonly string[];
  /** "a ... company": nouns that make the name described a company (company-descriptor-heads.txt). */
  readonly companyDescriptorHeads: readonly string[];
  /** "with", "from": prepositions before the party of a deal (deal-party-prepositions.txt). */
  readonly dealPartyPrepositions: readonly string[];
  /** "announced", "entered into" (announcement-verbs.txt). */
  readonly announcementVerbs: readonly string[];
  /** Words that make a name an Organization (organization-words.txt). */
  readonly organizationWords: readonly string[];
  /** Words that end an organization's name; "X of" also opens one (organization-name-heads.txt). */
  readonly organizationNameHeads: readonly string[];
  /** "financial advisor", "legal counsel" (deal-adviser-roles.txt). */
  readonly dealAdviserRoles: readonly string[];
  /** "developed by", "collaboration with", "between" (deal-agent-phrases.txt). */
  readonly dealAgentPhrases: readonly string[];
  /** Exchange names of ticker marks; a trailing " *" admits a market name (stock-exchanges.txt). */
  readonly stockExchanges: readonly string[];
  /** Defined terms for the filer itself, lower case (registrant-terms.txt). */
  readonly registrantTerms: ReadonlySet<string>;
  /** Positions only a company fills, by role, lower case (company-roles.tsv; see company-roles.ts). */
  readonly companyRoles: CompanyRolePhrases;
  /** Head words of investment firms' names ("Capital", "Ventures", "Management"; financial-name-words.txt). */
  readonly financialNameWords: ReadonlySet<string>;

  // Drugs.
  /** Antibody INN stems ("mab", "tug") (antibody-inn-stems.txt). */
  readonly antibodyInnStems: readonly string[];
  /** Nouns after a trade mark that make it no drug's (trademark-non-drug-heads.txt). */
  readonly trademarkNonDrugHeads: readonly string[];
  /** "now renamed", "formerly known as" (drug-rename-phrases.txt). */
  /** Phrases a product's brand follows ("launched", "net sales of"), lower case, longest first (brand-context-phrases.txt). */
  readonly brandContextPhrases: readonly string[];
  readonly drugRenamePhrases: readonly string[];
  /** "rebranded to" (the name taken follows) and "operating as" (a name used before follows) (company-rename-phrases.txt). */
  readonly companyRenamePhrases: { readonly newName: readonly string[]; readonly formerName: readonly string[] };
  /** "inhibitor", "product candidate": nouns that describe a drug in an apposition (drug-descriptor-heads.txt). */
  readonly drugDescriptorHeads: readonly string[];

  // Targets.
  /** "-targeting", " positive": cue words joined to a symbol by a hyphen or a space (target-cue-suffixes.txt). */
  readonly targetCueSuffixes: readonly string[];
  /** " inhibitor", " receptor": cue nouns after a symbol (target-cue-nouns.txt). */
  readonly targetCueNouns: readonly string[];
  /** "anti-", "inhibitor of": cue phrases before a symbol (target-cue-openers.txt). */
  readonly targetCueOpeners: readonly string[];
  /** Words next to a cue that are no target (not-targets.txt). */
  readonly notTargets: ReadonlySet<string>;
  /** Modifiers too generic to name a protein family member, lower case (target-generic-modifiers.txt). */
  readonly targetGenericModifiers: ReadonlySet<string>;
  /** "kinase", "receptor": nouns that end a protein family's name (protein-family-heads.txt). */
  readonly proteinFamilyHeads: readonly string[];
  /** Head nouns of a protein's name a defined symbol may follow, besides the family heads (protein-defined-heads.txt). */
  readonly proteinDefinedHeads: readonly string[];
  /** Family nouns that may stand between a symbol and its cue word (protein-family-words-between.txt). */
  readonly proteinFamilyWordsBetween: readonly string[];
  /** "beta", "δ": Greek letters that name one member of a protein family, lower case (greek-letters.txt). */
  readonly greekLetters: ReadonlySet<string>;
  /** "dual agonist": what a drug does to an X/Y receptor pair (receptor-pair-actions.txt). */
  readonly receptorPairActions: readonly string[];

  // People.
  /** Quote-attribution verbs (speech-verbs.tsv). */
  readonly speechVerbs: readonly SpeechVerb[];
  /** "Media:", "Investor Contact:" (contact-labels.txt). */
  readonly contactLabels: readonly string[];
  /** "Tel", "E-mail" (phone-line-labels.txt). */
  readonly phoneLineLabels: readonly string[];
  /** "appointed", "named": verbs before a name and "as" + role (appointment-verbs.txt). */
  readonly appointmentVerbs: readonly string[];
  /** "effective", "succeeding": words that, after a comma, end the role of an appointment (appointment-clause-openers.txt). */
  readonly appointmentClauseOpeners: readonly string[];

  // Diseases.
  /** "-positive", "-mutated": biomarker qualifiers of a disease (biomarker-qualifiers.txt). */
  readonly biomarkerQualifiers: readonly string[];
  /** "associated", "related": words linking two diseases into one (disease-links.txt). */
  readonly diseaseLinks: ReadonlySet<string>;
  /** "suicidal", "aggressive": adjectives of a clinical kind that stay in a disease's name, with the heads they need (none: any) (disease-kind-adjectives.txt). */
  readonly diseaseKindAdjectives: ReadonlyMap<string, readonly string[]>;
  /** Words that never open a disease span: joiners of qualifiers and the verb of "to treat" (disease-span-non-openers.txt). */
  readonly diseaseSpanNonOpeners: ReadonlySet<string>;
  /** Head nouns a list of organ words can share (disease-head-nouns.txt). */
  readonly diseaseHeadNouns: ReadonlySet<string>;
  /** Disease names without an organ or kind ("solid tumors", "cancers"): a biomarker before them stays in the name. */
  readonly diseaseSitelessHeads: ReadonlySet<string>;
  /** Words that never open or narrow a disease name: "other", "such", "rare" (disease-modifier-stopwords.txt). */
  readonly diseaseModifierStopwords: ReadonlySet<string>;
  /** "patients with", "treatment of": words after which a noun phrase names an indication (disease-indication-cues.txt), as word lists by first word. */
  readonly diseaseIndicationCues: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Last words of a disease name by shape: head nouns and "-itis"-style suffixes (disease-shape-heads.txt). */
  readonly diseaseShapeHeads: { readonly words: ReadonlySet<string>; readonly suffixes: readonly string[] };
  /** Words that end like a disease but name none, "diagnosis" (disease-shape-non-heads.txt). */
  readonly diseaseShapeNonHeads: ReadonlySet<string>;
  /** Function words that end a noun phrase read word by word (phrase-break-words.txt): after an indication cue, after a drug code. */
  readonly phraseBreakWords: ReadonlySet<string>;

  // Technologies.
  /** Words around a platform's name that are no part of it (technology-generic-words.txt). */
  readonly technologyGenericWords: ReadonlySet<string>;
  /** "ADC", "conjugation": words between a platform's name and its noun (technology-platform-modifiers.txt). */
  readonly technologyPlatformModifiers: readonly string[];
  /** "therapy", "vaccines": what a "<Name>-based" treatment is called (technology-based-heads.txt). */
  readonly technologyBasedHeads: readonly string[];
  /** "technology", "platform" (technology-platform-nouns.txt). */
  readonly technologyPlatformNouns: readonly string[];
  /** "proprietary", "our": lower-case words before a platform's name in headline case (technology-name-openers.txt). */
  readonly technologyNameOpeners: readonly string[];
}

/** Payload and linker names and aliases, keyed by phraseKey. */
export function payloadTable(rows: readonly { name: string; kind: PayloadEntry['kind']; aliases: readonly string[] }[]): Map<string, PayloadEntry> {
  const byKey = new Map<string, PayloadEntry>();
  for (const { name, kind, aliases } of rows) {
    const entry: PayloadEntry = Object.freeze({ name, kind });
    for (const form of [name, ...aliases]) if (form) byKey.set(phraseKey(form), entry);
  }
  return byKey;
}

/** HGNC: any symbol or alias (upper case, hyphens dropped) → approved symbols it may stand for. */
export function hgncTable(rows: readonly { symbol: string; aliases?: string | undefined }[]): Map<string, string[]> {
  const bySymbolKey = new Map<string, string[]>();
  const add = (form: string, symbol: string): void => {
    const key = targetKey(form);
    const list = bySymbolKey.get(key);
    if (!list) bySymbolKey.set(key, [symbol]);
    else if (!list.includes(symbol)) list.push(symbol);
  };
  for (const { symbol } of rows) add(symbol, symbol);
  // Approved symbols win over aliases: an alias only adds a reading when no symbol has that form.
  const symbols = new Set(bySymbolKey.keys());
  for (const { symbol, aliases } of rows) {
    if (!aliases) continue;
    for (const alias of aliases.split('|')) if (!symbols.has(targetKey(alias))) add(alias, symbol);
  }
  return bySymbolKey;
}

/**
 * A protein name as its words, lower case, one space apart, without a possessive "'s" ("Bruton's
 * tyrosine kinase" → "bruton tyrosine kinase", "dipeptidyl-peptidase 4" → "dipeptidyl peptidase 4").
 */
export function proteinNameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’]s(?![\p{L}])/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .join(' ');
}

/** HGNC protein names keyed by proteinNameKey; a key two symbols share names neither. */
export function proteinNameTable(rows: readonly { name: string; symbol: string }[]): Map<string, string> {
  const bySymbol = new Map<string, string>();
  const shared = new Set<string>();
  for (const { name, symbol } of rows) {
    const key = proteinNameKey(name);
    const seen = bySymbol.get(key);
    if (seen !== undefined && seen !== symbol) shared.add(key);
    else bySymbol.set(key, symbol);
  }
  for (const key of shared) bySymbol.delete(key);
  return bySymbol;
}

/** Receptors by HGNC approved name, keyed by the phraseKey of their ligand part ("glucagon like peptide 1"). */
export function receptorLigandTable(rows: readonly { name: string; symbol: string }[]): Map<string, string> {
  const byLigand = new Map<string, string>();
  for (const { name, symbol } of rows) byLigand.set(phraseKey(name.replace(/ receptor$/, '')), symbol);
  return byLigand;
}

/**
 * The disease lexicon: Disease Ontology labels and synonyms, then the field's common forms, which
 * win (they name the disease the way the field writes it). `stopwords` are lower case.
 */
export function diseaseLexicon(
  ontology: readonly { label: string; doid: string; synonyms?: string | undefined }[],
  common: readonly { name: string; aliases?: string | undefined }[],
  stopwords: ReadonlySet<string>,
  notModifiers: ReadonlySet<string> = new Set(),
): DiseaseLexicon {
  const byKey = new Map<string, DiseaseEntry>();
  const modifiers = new Set<string>();
  const byAbbreviation = new Map<string, DiseaseEntry>();
  const maxWords = new Map<string, number>();
  const add = (form: string, entry: DiseaseEntry, override: boolean): void => {
    if (/^[A-Z0-9][A-Z0-9-]{1,7}$/.test(form) && !/^\d+$/.test(form)) {
      if (!stopwords.has(form.toLowerCase()) && (override || !byAbbreviation.has(form))) byAbbreviation.set(form, entry);
      // "COVID-19" is two words to the word-by-word lookup: it is found as a phrase too.
      if (!form.includes('-')) return;
    }
    const key = phraseKey(form);
    if (key.length < 3 || stopwords.has(key) || /[();]/.test(key)) return;
    if (!override && byKey.has(key)) return;
    byKey.set(key, entry);
    const words = key.split(' ');
    for (const w of words.slice(0, -1)) if (w.length >= 4 && /^[a-z]+$/.test(w) && !notModifiers.has(w) && !stopwords.has(w)) modifiers.add(w);
    const first = words[0] ?? '';
    maxWords.set(first, Math.max(maxWords.get(first) ?? 0, words.length));
  };
  for (const { label, doid, synonyms } of ontology) {
    const entry: DiseaseEntry = { name: label, doid };
    add(label, entry, false);
    for (const s of (synonyms ?? '').split('|')) if (s) add(s, entry, false);
  }
  // The press-release forms come last and win: they name the disease the way the field writes it.
  for (const { name, aliases } of common) {
    const known = byKey.get(phraseKey(name));
    const entry: DiseaseEntry = known?.doid ? { name, doid: known.doid } : { name };
    add(name, entry, true);
    for (const s of (aliases ?? '').split('|')) if (s) add(s, entry, true);
  }
  return { byKey, byAbbreviation, maxWords, modifiers };
}
