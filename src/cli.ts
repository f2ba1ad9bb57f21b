// The `kg` command: parses arguments, calls the library, maps typed errors to one line and an exit
// status. No extraction or database logic lives here. The library modules are imported by the command
// that needs them, when it runs: the NLP library (compromise) and the Neo4j driver take most of the
// start-up time, and `kg --help` or `kg cypher` need none or only one of them.
import { availableParallelism } from 'node:os';
import { Command, CommanderError } from 'commander';
import type { GraphWriter } from './writers/graph-writer.ts';
import { DEFAULT_BATCH_SIZE } from './writers/write-plan.ts';
import { isKgError, KgError } from './errors.ts';
import type { Graph } from './model/graph.ts';
import { neo4jConfig, type Neo4jConfig } from './config.ts';
import { addFetchOptions, fetchOptionsFrom, type FetchCommandOptions } from './edgar/command.ts';
import type { ViewSource } from './view/index.ts';
import type { CypherFormat } from './api/cypher.ts';
import { parseShard } from './bulk/shard.ts';
import type { Decisions } from './graph/decisions.ts';

const CYPHER_FORMATS = ['table', 'json', 'csv'] as const satisfies readonly CypherFormat[];

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** `--doc-timeout` in seconds (a positive number) as milliseconds. */
function docTimeoutMs(seconds: string): number {
  const value = Number(seconds);
  if (!(value > 0) || !Number.isFinite(value)) throw new KgError('USAGE', `--doc-timeout must be a positive number of seconds, got "${seconds}"`);
  return value * 1000;
}

/** `--workers`: a positive integer, or `auto` for one worker thread per core. */
function workerCount(value: string): number {
  if (value === 'auto') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new KgError('USAGE', `--workers must be a positive integer or auto, got "${value}"`);
  return count;
}

const DECISIONS_HELP = 'the review decisions file (kg review) applied to every document (default: KG_DECISIONS or kg-decisions.json here)';

/** The review decisions: the given file, else KG_DECISIONS, else kg-decisions.json in the working folder (none when absent). */
async function decisionsFrom(given: string | undefined): Promise<Decisions> {
  const { decisionsPath, loadDecisions } = await import('./graph/decisions.ts');
  return loadDecisions(decisionsPath(given));
}

const WORKERS_HELP = 'worker threads extracting inputs side by side (auto: one per core); the output is the same';

function buildProgram(out: (s: string) => void, err: (s: string) => void, setExit: (code: number) => void): Command {
  const program = new Command('kg').description('Build a Neo4j knowledge graph of life-sciences deals from SEC filings and press releases').exitOverride().configureOutput({ writeOut: out, writeErr: err });

  program
    .command('extract')
    .description('extract the graph from files or directories (- for stdin) and print it; no database needed')
    .argument('<inputs...>', 'files, directories or - for stdin')
    .option('-f, --format <format>', 'json or cypher', 'json')
    .option('--doc-timeout <seconds>', 'time budget per document; a document over it is reported and skipped', '30')
    .option('--workers <n>', WORKERS_HELP, '1')
    .option('--no-text', "leave the documents' text (what the offsets index) out of the output")
    .option('--jsonl', 'print one JSON line per document (its graph, evidence, hash, id, source path and place in the input), for kg export --from-jsonl')
    .option('--shard <i/n>', 'extract only the i-th of n slices of the input files (0 ≤ i < n; decided by a hash of each path relative to its input folder)')
    .option('--decisions <file>', DECISIONS_HELP)
    .action(async (inputs: string[], options: { format: string; docTimeout: string; workers: string; text: boolean; jsonl?: boolean; shard?: string; decisions?: string }) => {
      if (options.format !== 'json' && options.format !== 'cypher') {
        err(`kg extract: unknown format "${options.format}" (use json or cypher)\n`);
        setExit(EXIT.usage);
        return;
      }
      const [{ extractGraph }, { JsonWriter }, { CypherScriptWriter }, { withoutDocumentText }, { extractShardGraph, extractToJsonl }] = await Promise.all([
        import('./pipeline.ts'),
        import('./writers/json.ts'),
        import('./writers/cypher-file.ts'),
        import('./model/graph.ts'),
        import('./bulk/extract.ts'),
      ]);
      const extractOptions = { docTimeoutMs: docTimeoutMs(options.docTimeout), workers: workerCount(options.workers), ...(options.shard === undefined ? {} : { shard: parseShard(options.shard) }) };
      if (options.jsonl === true) {
        const { documents, failures } = await extractToJsonl(inputs, out, { ...extractOptions, text: options.text });
        for (const f of failures) err(`${f.error.toLine()}\n`);
        if (failures.length > 0) {
          err(`kg extract: ${documents} documents extracted, ${failures.length} failed\n`);
          setExit(EXIT.failed);
        }
        return;
      }
      const { graph, failures, documentCount } = options.shard === undefined ? await extractGraph(inputs, { ...extractOptions, decisions: await decisionsFrom(options.decisions) }) : await extractShardGraph(inputs, extractOptions);
      for (const f of failures) err(`${f.error.toLine()}\n`);
      const shown = options.text ? graph : withoutDocumentText(graph);
      const writer: GraphWriter = options.format === 'json' ? new JsonWriter(out) : new CypherScriptWriter(out);
      await writer.write(shown);
      if (failures.length > 0) {
        err(`kg extract: ${documentCount} documents extracted, ${failures.length} failed\n`);
        setExit(EXIT.failed);
      }
    });

  program
    .command('export')
    .description('write the graph of inputs (or of kg extract --jsonl output) for a bulk import: neo4j-admin CSV files and import.sh, or the merged JSON graph')
    .argument('[inputs...]', 'files or directories to extract (or use --from-jsonl)')
    .option('-f, --format <format>', 'neo4j-admin (CSV files in --out) or json (the merged graph on stdout)', 'neo4j-admin')
    .option('--out <dir>', 'folder for the import files (new, empty, or a previous export)')
    .option('--from-jsonl <files...>', 'document lines of kg extract --jsonl (any number of shards, - for stdin) instead of inputs')
    .option('--doc-timeout <seconds>', 'time budget per document; a document over it is reported and skipped', '30')
    .option('--workers <n>', WORKERS_HELP, '1')
    .option('--decisions <file>', DECISIONS_HELP)
    .action(async (inputs: string[], options: { format: string; out?: string; fromJsonl?: string[]; docTimeout: string; workers: string; decisions?: string }) => {
      if (options.format !== 'neo4j-admin' && options.format !== 'json') throw new KgError('USAGE', `kg export: unknown format "${options.format}" (use neo4j-admin or json)`);
      const fromJsonl = options.fromJsonl ?? [];
      if (inputs.length > 0 === fromJsonl.length > 0) throw new KgError('USAGE', 'kg export takes inputs or --from-jsonl FILES (one of the two)');
      const [{ exportForNeo4jAdmin, graphsFromInputs, graphsFromJsonl, graphsFromJsonlInRunOrder, mergeInRunOrder }, { toJson }] = await Promise.all([import('./bulk/sources.ts'), import('./writers/json.ts')]);
      // The JSON graph sorts the documents itself (it holds the graph anyway); the streaming CSV export takes them in run order.
      const fromLines = options.format === 'json' ? graphsFromJsonl : graphsFromJsonlInRunOrder;
      const graphs = fromJsonl.length > 0 ? fromLines(fromJsonl) : graphsFromInputs(inputs, { docTimeoutMs: docTimeoutMs(options.docTimeout), workers: workerCount(options.workers) });
      if (options.format === 'json') {
        const { graph, documentCount, failures } = await mergeInRunOrder(graphs, await decisionsFrom(options.decisions));
        for (const f of failures) err(`${f.error.toLine()}\n`);
        out(toJson(graph));
        if (failures.length > 0) {
          err(`kg export: ${documentCount} documents merged, ${failures.length} failed\n`);
          setExit(EXIT.failed);
        }
        return;
      }
      if (options.out === undefined) throw new KgError('USAGE', 'kg export --format neo4j-admin needs --out DIR');
      const result = await exportForNeo4jAdmin(graphs, options.out, await decisionsFrom(options.decisions));
      for (const f of result.failures) err(`${f.error.toLine()}\n`);
      const { counts } = result.manifest;
      out(`nodes: ${counts.nodes} (${counts.entities} entities, ${counts.documents} documents, ${counts.filings} filings, ${counts.evidence} evidence)\n`);
      out(`relationships: ${counts.relationships}\n`);
      out(`files: ${result.manifest.nodes.length + result.manifest.relationships.length} CSV files in ${options.out}\n`);
      out(`import (database stopped; kg load --bulk ${options.out} does it for the local server):\n  cd ${options.out} && ${result.command.join(' ')}\n  (written to ${options.out}/import.sh)\n`);
      out(`documents: ${result.documents} exported, ${result.failures.length} failed\n`);
      if (result.failures.length > 0) setExit(EXIT.failed);
    });

  // Connection flags shared by the database commands; the password only comes from the environment
  // or .env, so it never shows in a process list or shell history.
  const connection = (command: Command): Command => command.option('--uri <uri>', 'Neo4j URI (default: NEO4J_URI or .env)').option('--database <name>', 'Neo4j database (default: NEO4J_DATABASE or neo4j)');
  const configFrom = (options: { uri?: string; database?: string }): Neo4jConfig => {
    const overrides: Partial<Neo4jConfig> = {};
    if (options.uri !== undefined) overrides.uri = options.uri;
    if (options.database !== undefined) overrides.database = options.database;
    return neo4jConfig(overrides);
  };

  // kg fetch: EDGAR filings into a folder (src/edgar); `kg ingest --fetch` takes the same options.
  addFetchOptions(program.command('fetch').description("download filings from SEC EDGAR (full submissions) with a manifest, within the SEC's fair-access rules")).action(async (options: FetchCommandOptions) => {
    const { runFetch } = await import('./edgar/command.ts');
    const summary = await runFetch(fetchOptionsFrom(options), { out, err, stream: process.stderr });
    if (summary.failures.length > 0) setExit(EXIT.failed);
  });

  connection(
    addFetchOptions(
      program
        .command('ingest')
        .description('extract files or directories and write them to Neo4j, many documents per transaction (a document is written whole or not at all); unchanged documents are skipped, changed ones replaced')
        .argument('[inputs...]', 'files, directories or - for stdin (none with --fetch)')
        .option('--batch-size <n>', 'rows per UNWIND statement and per transaction (documents are grouped up to it)', String(DEFAULT_BATCH_SIZE))
        .option('--force', 'rewrite documents even when unchanged')
        .option('--doc-timeout <seconds>', 'time budget per document; a document over it is reported and skipped', '30')
        .option('--workers <n>', WORKERS_HELP, '1')
        .option('--fetch', 'first fetch filings from EDGAR (the kg fetch options below), then ingest them')
        .option('--decisions <file>', DECISIONS_HELP),
    ),
  ).action(async (given: string[], options: FetchCommandOptions & { batchSize: string; force?: boolean; docTimeout: string; workers: string; uri?: string; database?: string; fetch?: boolean; decisions?: string }) => {
    const batchSize = Number(options.batchSize);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new KgError('USAGE', `--batch-size must be a positive integer, got "${options.batchSize}"`);
    if (options.fetch === true && given.length > 0) throw new KgError('USAGE', 'kg ingest --fetch ingests what it fetches: give no input paths with it');
    if (options.fetch !== true && given.length === 0) throw new KgError('USAGE', 'kg ingest needs files or directories, or --fetch with --ticker, --cik or --sic');
    const extraction = { docTimeoutMs: docTimeoutMs(options.docTimeout), workers: workerCount(options.workers) };
    let inputs = given;
    let annotate: ((path: string, graph: Graph) => Graph) | undefined;
    if (options.fetch === true) {
      const fetchOptions = fetchOptionsFrom(options);
      if (fetchOptions.dryRun !== true) configFrom(options); // a missing Neo4j setting fails before the download, not after
      const [{ runFetch }, { edgarInputs }] = await Promise.all([import('./edgar/command.ts'), import('./edgar/ingest.ts')]);
      const fetched = await runFetch(fetchOptions, { out, err, stream: process.stderr });
      if (fetched.failures.length > 0) setExit(EXIT.failed);
      if (fetched.dryRun) return;
      ({ paths: inputs, annotate } = edgarInputs(fetched));
    }
    const config = configFrom(options);
    const [{ ingest, documentLine, batchLine, documentsLine }, { startProgress }] = await Promise.all([import('./api/ingest.ts'), import('./progress.ts')]);
    const progress = await startProgress(inputs, process.stderr, out);
    const summary = await ingest(inputs, config, {
      ...(annotate === undefined ? {} : { annotate }),
      batchSize,
      force: options.force === true,
      decisions: await decisionsFrom(options.decisions),
      ...extraction,
      onDocument: (d) => progress.log(`${documentLine(d)}\n`),
      onBatch: (b) => progress.log(`${batchLine(b)}\n`),
      onInput: () => progress.tick(),
    }).finally(() => progress.stop());
    for (const f of summary.failures) err(`${f.error.toLine()}\n`);
    out(
      `nodes: ${
        Object.entries(summary.counts.nodes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }\n`,
    );
    out(
      `relationships: ${
        Object.entries(summary.counts.relationships)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }\n`,
    );
    out(`${documentsLine(summary)}\n`);
    if (summary.failures.length > 0) setExit(EXIT.failed);
  });

  connection(
    program
      .command('load')
      .description('load a folder written by kg export --format neo4j-admin into the empty database of the local server with neo4j-admin (stops and restarts it), then create the schema')
      .requiredOption('--bulk <dir>', 'the export folder (manifest.json, CSV files)')
      .option('--after-import', 'the files were imported already (import.sh on the server host): only create the schema and set the empty lists')
      .option('--local-root <dir>', 'project folder whose .neo4j/ holds the local server (default: this checkout)'),
  ).action(async (options: { bulk: string; afterImport?: boolean; localRoot?: string; uri?: string; database?: string }) => {
    const { bulkLoad } = await import('./bulk/load.ts');
    const result = await bulkLoad(options.bulk, configFrom(options), {
      ...(options.localRoot === undefined ? {} : { root: options.localRoot }),
      afterImport: options.afterImport === true,
      log: (line) => err(`kg load: ${line}\n`),
    });
    const s = result.seconds;
    out(
      `loaded ${result.nodes} nodes and ${result.relationships} relationships in ${s.total.toFixed(1)} s (stop ${s.stop.toFixed(1)} s, neo4j-admin import ${s.import.toFixed(1)} s, start ${s.start.toFixed(1)} s, schema ${s.schema.toFixed(1)} s, ${result.emptyLists} empty lists ${s.emptyLists.toFixed(1)} s)\n`,
    );
  });

  connection(program.command('forget').description('remove documents from Neo4j with every fact only they supported').argument('<docIds...>', 'document ids as shown by kg ingest')).action(
    async (docIds: string[], options: { uri?: string; database?: string }) => {
      const { forget } = await import('./api/ingest.ts');
      for (const r of await forget(docIds, configFrom(options))) {
        if (r.removed) out(`forgotten ${r.docId}\n`);
        else {
          err(`kg forget: no document "${r.docId}" in the graph\n`);
          setExit(EXIT.failed);
        }
      }
    },
  );

  connection(
    program
      .command('review')
      .description('list the pairs of entities that may be one thing (POSSIBLY_SAME_AS), or decide one: accept KEEP MERGE merges MERGE into KEEP, reject A B keeps them apart for good; decisions go to the decisions file')
      .argument('[action]', 'accept or reject (none: list the pairs)')
      .argument('[keys...]', 'the two entity keys of the pair (accept: the one to keep first)')
      .option('-f, --format <format>', 'table or json (listing)', 'table')
      .option('--decisions <file>', 'the decisions file to write (default: KG_DECISIONS or kg-decisions.json here)'),
  ).action(async (action: string | undefined, keys: string[], options: { format: string; decisions?: string; uri?: string; database?: string }) => {
    const [{ listCandidates, formatCandidates, acceptCandidate, rejectCandidate }, { decisionsPath }] = await Promise.all([import('./api/review.ts'), import('./graph/decisions.ts')]);
    if (action === undefined) {
      if (options.format !== 'table' && options.format !== 'json') throw new KgError('USAGE', `kg review: unknown format "${options.format}" (use table or json)`);
      const candidates = await listCandidates(configFrom(options));
      out(options.format === 'json' ? `${JSON.stringify(candidates, null, 2)}\n` : formatCandidates(candidates));
      return;
    }
    if (action !== 'accept' && action !== 'reject') throw new KgError('USAGE', `kg review: unknown action "${action}" (use accept or reject, or nothing to list)`);
    const [a, b, ...rest] = keys;
    if (a === undefined || b === undefined || rest.length > 0) throw new KgError('USAGE', `kg review ${action} takes two entity keys, e.g. kg review ${action} company:acme company:acme-pharma`);
    const path = decisionsPath(options.decisions);
    if (action === 'accept') {
      const result = await acceptCandidate(configFrom(options), a, b, path);
      out(`merged ${b} into ${a}${result.changed ? '' : ' (nothing left to move)'}; decision written to ${result.path}\n`);
    } else {
      const result = await rejectCandidate(configFrom(options), a, b, path);
      out(`${a} and ${b} are kept apart${result.changed ? '' : ' (they were not paired)'}; decision written to ${result.path}\n`);
    }
  });

  connection(
    program
      .command('query')
      .description('run a named query of cypher/queries (licenses, milestones, drugs-by-target, company-pipeline, shortest-path, evidence, deals-by-value, company-deals, deals-on-target, deal-status-changes)')
      .argument('[name]', 'query name; without one, lists the queries and their parameters')
      .option('-p, --param <key=value>', 'override a parameter (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('--json', 'print a JSON array of rows'),
  ).action(async (name: string | undefined, options: { param: string[]; json?: boolean; uri?: string; database?: string }) => {
    const { runQuery, formatTable, listQueries } = await import('./api/queries.ts');
    if (name === undefined) {
      for (const q of listQueries()) {
        const params = q.parameters.map((p) => `${p.name}=${JSON.stringify(p.defaultValue)}`).join(' ');
        out(`${q.name}${params ? ` [${params}]` : ''}\n  ${q.description}\n`);
      }
      return;
    }
    const given: Record<string, string> = {};
    for (const pair of options.param) {
      const eq = pair.indexOf('=');
      if (eq < 1) throw new KgError('USAGE', `--param wants key=value, got "${pair}"`);
      given[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const { rows } = await runQuery(name, given, configFrom(options));
    out(options.json === true ? `${JSON.stringify(rows, null, 2)}\n` : formatTable(rows));
  });

  connection(
    program
      .command('deals')
      .description('print the deal sheet: one row per deal with its date, kind, parties by role, assets, upfront, milestones, royalties, territory, status and documents')
      .option('--company <name>', 'deals the company (name, alias or key) is party to, in any role')
      .option('--kind <kind>', 'deals of this kind (license, collaboration, option, acquisition, …)')
      .option('--since <date>', 'deals dated on or after this ISO date (2024-01-01)')
      .option('--min-upfront <amount>', "deals with an upfront payment of at least this amount (50e6), in the payment's currency")
      .option('-f, --format <format>', 'table, csv or json', 'table'),
  ).action(async (options: { company?: string; kind?: string; since?: string; minUpfront?: string; format: string; uri?: string; database?: string }) => {
    const { DealSheetFormat, formatDealSheet } = await import('./api/deals.ts');
    const format = DealSheetFormat.safeParse(options.format);
    if (!format.success) throw new KgError('USAGE', `unknown format "${options.format}" (use ${DealSheetFormat.options.join(', ')})`);
    const { listDeals } = await import('./api/graph.ts');
    const filter = {
      ...(options.company === undefined ? {} : { company: options.company }),
      ...(options.kind === undefined ? {} : { kind: options.kind }),
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.minUpfront === undefined ? {} : { minUpfront: options.minUpfront.trim() === '' ? Number.NaN : Number(options.minUpfront) }),
    };
    out(formatDealSheet(await listDeals(filter, configFrom(options)), format.data));
  });

  connection(
    program
      .command('view')
      .description('write a self-contained HTML page showing what the graph says: documents with entities highlighted, facts with their sentences, the graph')
      .argument('[inputs...]', 'files or directories to extract (as kg extract does)')
      .requiredOption('-o, --out <file>', 'the HTML page to write')
      .option('--from-json <file>', 'read the graph from a kg extract --format json file instead of extracting')
      .option('--from-db', 'read the graph from Neo4j (with --company)')
      .option('--company <name>', 'with --from-db: the company (or other entity) whose facts to show')
      .option('--doc-timeout <seconds>', 'time budget per document; a document over it is reported and skipped', '30')
      .option('--workers <n>', WORKERS_HELP, '1'),
  ).action(async (inputs: string[], options: { out: string; fromJson?: string; fromDb?: boolean; company?: string; docTimeout: string; workers: string; uri?: string; database?: string }) => {
    const given = [inputs.length > 0, options.fromJson !== undefined, options.fromDb === true].filter(Boolean).length;
    if (given !== 1) throw new KgError('USAGE', 'kg view wants exactly one source: input files, --from-json FILE, or --from-db --company NAME');
    if ((options.fromDb === true) !== (options.company !== undefined)) throw new KgError('USAGE', '--from-db and --company NAME go together');
    let source: ViewSource;
    if (options.fromJson !== undefined) source = { kind: 'json', path: options.fromJson };
    else if (options.company !== undefined) source = { kind: 'database', company: options.company, config: configFrom(options) };
    else source = { kind: 'files', inputs, docTimeoutMs: docTimeoutMs(options.docTimeout), workers: workerCount(options.workers) };
    const { writeViewPage } = await import('./view/index.ts');
    const { view, failures, bytes } = await writeViewPage(source, options.out);
    for (const f of failures) err(`${f.error.toLine()}\n`);
    out(`${options.out}: ${view.documents.length} documents, ${view.facts.length} facts, ${view.entities.length} entities (${Math.round(bytes / 1024)} KB)\n`);
    if (failures.length > 0) setExit(EXIT.failed);
  });

  connection(
    program
      .command('cypher')
      .description('run a Cypher statement against the graph, read-only unless --write (the server refuses writes otherwise)')
      .argument('<query>', 'the Cypher statement; values go in as $parameters (--param), never into the text')
      .option('-p, --param <key=value>', 'a query parameter, repeatable; the value is JSON if it parses as JSON (5, true, ["a"], "5"), else text', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('-f, --format <format>', `output: ${CYPHER_FORMATS.join(', ')}`, 'table')
      .option('--write', 'allow the statement to write (CREATE, MERGE, SET, DELETE, schema commands)'),
  ).action(async (query: string, options: { param: string[]; format: string; write?: boolean; uri?: string; database?: string }) => {
    const format = CYPHER_FORMATS.find((f) => f === options.format);
    if (format === undefined) throw new KgError('USAGE', `unknown format "${options.format}" (use ${CYPHER_FORMATS.join(', ')})`);
    const { describeUpdates, formatCypherResult, parseCypherParams, runCypher } = await import('./api/cypher.ts');
    const result = await runCypher(query, configFrom(options), { params: parseCypherParams(options.param), write: options.write === true });
    out(formatCypherResult(result, format));
    // On stderr, so the rows on stdout stay clean JSON or CSV.
    if (Object.keys(result.updates).length > 0) err(`kg cypher: ${describeUpdates(result.updates)}\n`);
  });

  return program;
}

export async function main(argv: string[], io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) }): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io.out, io.err, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isKgError(error)) {
      io.err(`kg: ${error.toLine()}\n`);
      return error.code === 'USAGE' ? EXIT.usage : EXIT.failed;
    }
    throw error;
  }
  return exitCode;
}
