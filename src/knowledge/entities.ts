// Knowledge of the entities stage(s), read from data/ and compiled once (see index.ts). Every word
// list and table of the entity rules is read here, each file through its row schema; the tables are
// built (lexicons.ts) and each rule family compiles its patterns from them (`compileXPatterns`, beside
// the rules that use them). The cue words the families register while compiling become one frozen
// table: after loading, nothing here changes.
import { z } from 'zod';
import { Phrase, type DataFiles } from './files.ts';
import type { NameKnowledge } from './names.ts';
import type { SharedLexicons } from './shared-lexicons.ts';
import { diseaseLexicon, hgncTable, payloadTable, proteinNameTable, receptorLigandTable, type EntityLexicons, type InnStems } from '../extract/entities/lexicons.ts';
import { CueRegistry, type CueTable } from '../extract/entities/cues.ts';
import { compileCompanyPatterns, type CompanyPatterns } from '../extract/entities/companies.ts';
import { compileDrugPatterns, type DrugPatterns } from '../extract/entities/drugs.ts';
import { compileTargetPatterns, type TargetPatterns } from '../extract/entities/targets.ts';
import { compilePersonPatterns, type PersonPatterns } from '../extract/entities/people.ts';
import { compileTechnologyPatterns, type TechnologyPatterns } from '../extract/entities/technologies.ts';
import { compileDiseasePatterns, type DiseasePatterns } from '../extract/entities/diseases.ts';
import { compileAliasPatterns, type AliasPatterns } from '../extract/entities/index.ts';

export interface EntityKnowledge {
  /** Every word list and table of the entity rules. */
  readonly lexicons: EntityLexicons;
  readonly companies: CompanyPatterns;
  readonly drugs: DrugPatterns;
  readonly targets: TargetPatterns;
  readonly people: PersonPatterns;
  readonly technologies: TechnologyPatterns;
  readonly diseases: DiseasePatterns;
  /** The stage's own alias rules (index.ts). */
  readonly aliases: AliasPatterns;
  /** The cue words of every family's rules (cues.ts): what a sentence must hold for a rule to run on it. */
  readonly cues: CueTable;
}

// Row schemas of the files whose lines carry more than a phrase.

/** company-name-words.txt: a word, with a trailing "?" when it is a weak company word. */
const CompanyWordLine = z
  .string()
  .regex(/^[^\s?]+\??$/, 'a line is one word, with a trailing "?" for a weak company word')
  .transform((line) => (line.endsWith('?') ? { word: line.slice(0, -1), weak: true } : { word: line, weak: false }));

/** honorifics.txt: "pre:<honorific>" or "post:<degree>". */
const HonorificLine = z
  .string()
  .regex(/^(?:pre|post):\S.*$/, 'a line is "pre:<honorific>" or "post:<degree>"')
  .transform((line) => (line.startsWith('pre:') ? { pre: true, form: line.slice(4) } : { pre: false, form: line.slice(5) }));

/** inn-stems.txt: a stem in lower case, "+<qualifier>" when it needs a qualifier word after it. */
const InnStemLine = z
  .string()
  .regex(/^[a-z]+(?:\+[a-z]+)?$/, 'a line is a lower-case stem, with "+<qualifier>" when a qualifier word must follow')
  .transform((line) => {
    const [stem = '', qualifier] = line.split('+');
    return { stem, qualified: qualifier !== undefined };
  });

/** A phrase in lower case: the rules compare it with lower-cased text. */
const LowerCasePhrase = Phrase.regex(/^[^\p{Lu}]+$/u, 'write the phrase in lower case');

/** stock-exchanges.txt: an exchange name, with a trailing " *" when a market name may follow. */
const ExchangeLine = Phrase.regex(/^[^\s*](?:[^*]*[^\s*])?(?: \*)?$/, 'a line is an exchange name, with a trailing " *" when a market name may follow');

const Cell = z.string().min(1);
/** A cell of forms separated by "|". */
const Forms = z.string().optional();

/** company-roles.tsv: a role and a lower-case phrase. */
const CompanyRoleRow = z.object({ role: z.enum(['possessed', 'verb', 'before', 'descriptor', 'investors', 'investor-descriptor', 'grant-verb', 'grant-object', 'deal-stem', 'officer']), phrase: LowerCasePhrase });

const HgncTargetRow = z.object({ symbol: Cell, aliases: Forms });
const HgncProteinNameRow = z.object({ name: Cell, symbol: Cell });
const DiseaseRow = z.object({ label: Cell, doid: Cell.regex(/^DOID:\d+$/, 'a Disease Ontology id is DOID:<digits>'), synonyms: Forms });
const CommonDiseaseRow = z.object({ name: Cell, aliases: Forms });

const lowerCase = (forms: readonly string[]): Set<string> => new Set(forms.map((s) => s.toLowerCase()));
const longestFirst = (forms: readonly string[]): string[] => [...forms].sort((a, b) => b.length - a.length);

/** Reads and checks every entity data file and builds the lookup tables; `shared` holds the lexicons other stages read too (read once by loadKnowledge). */
export function loadEntityLexicons(files: DataFiles, names: NameKnowledge, shared: SharedLexicons): EntityLexicons {
  const lines = (file: string): string[] => files.lines(`lexicons/${file}`, Phrase);
  const lowerCaseLines = (file: string): string[] => files.lines(`lexicons/${file}`, LowerCasePhrase);

  const companyWords = files.lines('lexicons/company-name-words.txt', CompanyWordLine);
  const diseaseModifierStopwords: ReadonlySet<string> = new Set(lowerCaseLines('disease-modifier-stopwords.txt'));
  const companyRoles = files.tsv('lexicons/company-roles.tsv', ['role', 'phrase'], CompanyRoleRow);
  const rolePhrases = (role: string): string[] => longestFirst(companyRoles.filter((r) => r.role === role).map((r) => r.phrase));
  const honorifics = files.lines('lexicons/honorifics.txt', HonorificLine);
  const stems = files.lines('lexicons/inn-stems.txt', InnStemLine);
  const innStems: InnStems = {
    plain: longestFirst(stems.filter((s) => !s.qualified).map((s) => s.stem)),
    qualified: stems.filter((s) => s.qualified).map((s) => s.stem),
    stopwords: lowerCase(lines('inn-stopwords.txt')),
  };

  return {
    legalSuffixes: names.legalSuffixes,
    industryCompanies: new Set(lines('companies-industry.txt')),
    organizations: new Set(names.organizationForms),
    notEntities: lowerCase(lines('not-entities.txt')),
    nameStopwords: new Set(lines('name-stopwords.txt')),
    possessiveNameWords: new Set(lines('organization-possessive-words.txt')),
    organizationEventWords: new Set(lines('organization-event-words.txt')),
    nonPartyOrganizations: new Set(lines('non-party-organizations.txt')),
    personWords: new Set(lines('person-words.txt')),
    personTitles: longestFirst(lines('person-titles.txt')),
    honorifics: { pre: honorifics.filter((h) => h.pre).map((h) => h.form), post: honorifics.filter((h) => !h.pre).map((h) => h.form) },
    companyWords: { strong: new Set(companyWords.filter((w) => !w.weak).map((w) => w.word)), weak: new Set(companyWords.filter((w) => w.weak).map((w) => w.word)) },
    headlineVerbs: lowerCase(lines('headline-verbs.txt')),
    headlineDescriptors: lowerCase(lines('headline-descriptors.txt')),
    combiningForms: lowerCase(lines('combining-forms.txt')),
    places: new Set(lines('places.txt')),
    departmentWords: lines('department-words.txt'),
    innStems,
    adcPayloadWords: lowerCase(lines('adc-payload-words.txt')),
    payloads: payloadTable(shared.payloads),
    drugContextWords: lines('drug-context-words.txt'),
    substanceNameEndings: lowerCaseLines('substance-name-endings.txt'),
    notDrugCompanions: new Set(lowerCaseLines('not-drug-companions.txt')),
    codeNameNonDrugPrefixes: lines('code-name-non-drug-prefixes.txt'),
    hgnc: hgncTable(files.tsv('lexicons/hgnc-targets.tsv', ['symbol', 'aliases'], HgncTargetRow)),
    receptorLigands: receptorLigandTable(names.receptorNames),
    proteinNames: proteinNameTable(files.tsv('lexicons/hgnc-protein-names.tsv', ['name', 'symbol'], HgncProteinNameRow)),
    diseases: diseaseLexicon(
      files.tsv('lexicons/diseases.tsv', ['label', 'doid', 'synonyms'], DiseaseRow),
      files.tsv('lexicons/diseases-common.tsv', ['name', 'aliases'], CommonDiseaseRow),
      lowerCase(lines('disease-stopwords.txt')),
      diseaseModifierStopwords,
    ),
    diseaseModifierStopwords,
    diseaseQualifiers: new Set(lines('disease-qualifiers.txt')),

    nameJoiners: lowerCaseLines('name-joiners.txt'),
    companyDescriptorHeads: lowerCaseLines('company-descriptor-heads.txt'),
    dealPartyPrepositions: lowerCaseLines('deal-party-prepositions.txt'),
    announcementVerbs: lowerCaseLines('announcement-verbs.txt'),
    organizationWords: lines('organization-words.txt'),
    organizationNameHeads: lines('organization-name-heads.txt'),
    dealAdviserRoles: lowerCaseLines('deal-adviser-roles.txt'),
    dealAgentPhrases: lowerCaseLines('deal-agent-phrases.txt'),
    stockExchanges: files.lines('lexicons/stock-exchanges.txt', ExchangeLine),
    registrantTerms: lowerCase(lines('registrant-terms.txt')),
    companyRoles: {
      possessed: rolePhrases('possessed'),
      verb: rolePhrases('verb'),
      before: rolePhrases('before'),
      descriptor: rolePhrases('descriptor'),
      investors: rolePhrases('investors'),
      investorDescriptor: rolePhrases('investor-descriptor'),
      grantVerb: rolePhrases('grant-verb'),
      grantObject: rolePhrases('grant-object'),
      dealStem: rolePhrases('deal-stem'),
      officer: rolePhrases('officer'),
    },
    financialNameWords: new Set(lines('financial-name-words.txt')),

    antibodyInnStems: lowerCaseLines('antibody-inn-stems.txt'),
    trademarkNonDrugHeads: lowerCaseLines('trademark-non-drug-heads.txt'),
    drugRenamePhrases: lowerCaseLines('drug-rename-phrases.txt'),
    companyRenamePhrases: {
      newName: lowerCaseLines('company-rename-phrases.txt').flatMap((l) => (l.startsWith('new ') ? [l.slice(4)] : [])),
      formerName: lowerCaseLines('company-rename-phrases.txt').flatMap((l) => (l.startsWith('former ') ? [l.slice(7)] : [])),
    },
    brandContextPhrases: longestFirst(lowerCaseLines('brand-context-phrases.txt')),
    drugDescriptorHeads: longestFirst(lowerCaseLines('drug-descriptor-heads.txt')),

    targetCueSuffixes: lowerCaseLines('target-cue-suffixes.txt'),
    targetCueNouns: lowerCaseLines('target-cue-nouns.txt'),
    targetCueOpeners: lowerCaseLines('target-cue-openers.txt'),
    notTargets: new Set(lines('not-targets.txt')),
    targetGenericModifiers: new Set(lowerCaseLines('target-generic-modifiers.txt')),
    proteinFamilyHeads: lowerCaseLines('protein-family-heads.txt'),
    proteinDefinedHeads: lowerCaseLines('protein-defined-heads.txt'),
    proteinFamilyWordsBetween: lowerCaseLines('protein-family-words-between.txt'),
    greekLetters: new Set(lowerCaseLines('greek-letters.txt')),
    receptorPairActions: lowerCaseLines('receptor-pair-actions.txt'),

    speechVerbs: shared.speechVerbs.map(({ verb, endsTitle }) => ({ verb, endsTitle })),
    contactLabels: lines('contact-labels.txt'),
    phoneLineLabels: lines('phone-line-labels.txt'),
    appointmentVerbs: lowerCaseLines('appointment-verbs.txt'),
    appointmentClauseOpeners: lowerCaseLines('appointment-clause-openers.txt'),

    biomarkerQualifiers: lowerCaseLines('biomarker-qualifiers.txt'),
    diseaseLinks: new Set(lowerCaseLines('disease-links.txt')),
    diseaseKindAdjectives: new Map(lowerCaseLines('disease-kind-adjectives.txt').map((line) => [line.split(' ')[0] ?? line, line.split(' ').slice(1)])),
    diseaseSpanNonOpeners: new Set(lowerCaseLines('disease-span-non-openers.txt')),
    diseaseHeadNouns: new Set(lowerCaseLines('disease-head-nouns.txt')),
    diseaseSitelessHeads: new Set(lowerCaseLines('disease-siteless-heads.txt')),
    diseaseIndicationCues: byFirstWord(lowerCaseLines('disease-indication-cues.txt').map((cue) => cue.split(' '))),
    diseaseShapeHeads: shapeHeads(lowerCaseLines('disease-shape-heads.txt')),
    diseaseShapeNonHeads: new Set(lowerCaseLines('disease-shape-non-heads.txt')),
    phraseBreakWords: new Set(lowerCaseLines('phrase-break-words.txt')),

    technologyGenericWords: new Set(lines('technology-generic-words.txt')),
    technologyPlatformModifiers: lines('technology-platform-modifiers.txt'),
    technologyPlatformNouns: lowerCaseLines('technology-platform-nouns.txt'),
    technologyBasedHeads: lowerCaseLines('technology-based-heads.txt'),
    technologyNameOpeners: lowerCaseLines('technology-name-openers.txt'),
  };
}

/** Word lists grouped by their first word, longest first, so a sentence is read with one lookup per word. */
function byFirstWord(phrases: readonly (readonly string[])[]): ReadonlyMap<string, readonly (readonly string[])[]> {
  const map = new Map<string, (readonly string[])[]>();
  for (const words of [...phrases].sort((a, b) => b.length - a.length)) {
    const first = words[0];
    if (first !== undefined) map.set(first, [...(map.get(first) ?? []), words]);
  }
  return map;
}

/** disease-shape-heads.txt: "-itis" lines are suffixes, the others whole words. */
function shapeHeads(lines: readonly string[]): { words: ReadonlySet<string>; suffixes: readonly string[] } {
  return { words: new Set(lines.filter((line) => !line.startsWith('-'))), suffixes: lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1)) };
}

export function loadEntityKnowledge(files: DataFiles, names: NameKnowledge, shared: SharedLexicons): EntityKnowledge {
  const lexicons = loadEntityLexicons(files, names, shared);
  const cues = new CueRegistry();
  const companies = compileCompanyPatterns(lexicons, cues);
  const drugs = compileDrugPatterns(lexicons, cues);
  const targets = compileTargetPatterns(lexicons, cues);
  const people = compilePersonPatterns(lexicons, cues);
  const technologies = compileTechnologyPatterns(lexicons, cues);
  const diseases = compileDiseasePatterns(lexicons);
  const aliases = compileAliasPatterns(cues, lexicons);
  return Object.freeze({ lexicons: Object.freeze(lexicons), companies, drugs, targets, people, technologies, diseases, aliases, cues: cues.table() });
}
