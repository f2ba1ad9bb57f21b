// The knowledge layer: everything the extractors know about the field (lexicons, trigger phrases,
// section patterns, the configured compromise instance) read from data/, checked by zod schemas and
// compiled once into one frozen, typed object. Stages receive it explicitly (StageContext); no stage
// reads a file or keeps module-level state. Loading takes about a second, so a process loads it once
// and passes it along (the CLI, a worker thread, a test file).
import { Budget } from '../budget.ts';
import { DataFiles, DATA_DIR } from './files.ts';
import { loadNameKnowledge, type NameKnowledge } from './names.ts';
import { loadCalendarKnowledge, type CalendarKnowledge } from './calendar.ts';
import { loadStructureKnowledge, type StructureKnowledge } from './structure.ts';
import { loadEntityKnowledge, type EntityKnowledge } from './entities.ts';
import { loadRelationKnowledge, type RelationKnowledge } from './relations.ts';
import { loadNlpKnowledge, type NlpKnowledge } from './nlp.ts';
import { loadFrameKnowledge, type FrameKnowledge } from './frames.ts';
import { loadSharedLexicons } from './shared-lexicons.ts';
import { loadDealKnowledge, type DealKnowledge } from './deals.ts';

export { DataFiles, DATA_DIR, CYPHER_DIR } from './files.ts';

export interface Knowledge {
  /** Company legal forms and name folding: shared by structure, extraction, resolution and lookups. */
  readonly names: NameKnowledge;
  /** Month names and the date patterns built on them: the one date reader (src/text/dates.ts) takes these. */
  readonly calendar: CalendarKnowledge;
  /** Sections, cover pages, datelines, sentence boundaries. */
  readonly structure: StructureKnowledge;
  /** Lexicons and compiled patterns of the entity rules. */
  readonly entities: EntityKnowledge;
  /** Trigger phrases, money, dates, phases of the relation rules. */
  readonly relations: RelationKnowledge;
  /** The one configured compromise instance (our words as a plugin) and its word look-ups. */
  readonly nlp: NlpKnowledge;
  /** Grammar frames of the relation stage (data/patterns/frames*.json), compiled with that compromise. */
  readonly frames: FrameKnowledge;
  /** Deal words of the deal stage (data/patterns/deal-words.tsv): money term kinds, statuses, territories. */
  readonly deals: DealKnowledge;
}

/** What every stage receives: the knowledge, and the time budget of the document at hand. */
export interface StageContext {
  readonly knowledge: Knowledge;
  readonly budget: Budget;
}

export interface LoadKnowledgeOptions {
  /** The data folder to read (default: the project's data/). */
  dataDir?: string;
}

/** Reads, checks and compiles all of data/. Throws CONFIG_INVALID naming `data/<file>:<line>`. */
export function loadKnowledge(options: LoadKnowledgeOptions = {}): Knowledge {
  const files = new DataFiles(options.dataDir ?? DATA_DIR);
  const names = loadNameKnowledge(files);
  const calendar = loadCalendarKnowledge(files);
  // Read once, for every stage that needs them.
  const shared = loadSharedLexicons(files);
  const structure = loadStructureKnowledge(files, names, calendar, shared);
  const entities = loadEntityKnowledge(files, names, shared);
  const relations = loadRelationKnowledge(files, shared);
  const nlp = loadNlpKnowledge(files);
  // After the nlp knowledge: the frames are parsed by compromise as it configures it.
  const frames = loadFrameKnowledge(files);
  const deals = loadDealKnowledge(files);
  return Object.freeze({ names, calendar, structure, entities, relations, nlp, frames, deals });
}

/** A stage context without a time limit (library calls and tests that do not need one). */
export function unlimitedContext(knowledge: Knowledge, subject = 'inline'): StageContext {
  return { knowledge, budget: Budget.unlimited(subject) };
}
