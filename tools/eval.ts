// `npm run eval [-- --json] [--show-misses] [--by-source] [--unexplained] [--identity] [--doc SUBSTRING] [--corpus DIR]`:
// scores extraction against every *.gold.json of the shared corpus. A report, not a gate: exits 0
// unless it cannot run at all.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isKgError } from '../src/index.ts';
import { evaluateCorpus } from './eval/run.ts';
import { bySourceJson, formatBySource, formatMisses, formatTable, toEvalJson } from './eval/report.ts';
import { bySource, loadManifest } from './eval/source.ts';
import { auditDocuments, formatAudit } from './eval/audit.ts';
import { corpusIdentity } from './eval/corpus-identity.ts';
import { formatIdentity, type IdentityReport } from './eval/identity.ts';

const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const USAGE = `usage: npm run eval -- [--json] [--show-misses] [--by-source] [--unexplained] [--identity] [--doc SUBSTRING] [--corpus DIR]

  --json          machine-readable figures instead of the table
  --show-misses   per document: missed and false-positive entities and relations
  --by-source     also entity and relation micro P/R/F1 per source group (8-K text, page excerpts,
                  wire releases, newsroom scrape, reference), grouped by <corpus>/dev/MANIFEST.tsv;
                  one group "all" when there is no manifest (JSON: "bySource")
  --unexplained   recall audit: per document, the sentences with money, a deal or development word or
                  a trial phase that no extracted relation cites as evidence (forward-looking text
                  skipped), then counts per document and in total (JSON: "unexplained")
  --identity      one node per real thing: merges every evaluated document and the format samples
                  (<corpus>/formats) into one graph, by entity key alone and resolved across documents
                  as \`kg extract\` over many files does, and counts for each gold things split over
                  several entities, entities covering several gold things and generic aliases
                  (JSON: "identity", its resolved figures in "identity.resolved")
  --doc SUBSTRING only documents whose gold path contains SUBSTRING
  --corpus DIR    the corpus root (default ../shared/corpus/)
`;

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'show-misses': { type: 'boolean', default: false },
    'by-source': { type: 'boolean', default: false },
    unexplained: { type: 'boolean', default: false },
    identity: { type: 'boolean', default: false },
    doc: { type: 'string' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function identityJson(identity: IdentityReport): Record<string, unknown> {
  return {
    things: identity.things,
    split: identity.split.map((x) => ({ type: x.thing.type, names: x.thing.names, entityKeys: x.entityKeys, withinDocument: x.withinDocument })),
    merged: identity.merged.map((x) => ({ entityKey: x.entityKey, things: x.things.map((t) => t.names) })),
    genericAliases: identity.genericAliases,
    contested: identity.contested.map((x) => ({ type: x.type, names: x.names, contestedBy: x.contestedBy })),
  };
}

try {
  const evaluation = await evaluateCorpus({ corpusRoot: values.corpus, ...(values.doc !== undefined ? { docFilter: values.doc } : {}) });
  const groups = values['by-source'] ? bySource(evaluation, loadManifest(join(values.corpus, 'dev', 'MANIFEST.tsv'))) : undefined;
  const audits = values.unexplained ? auditDocuments(evaluation.documents) : undefined;
  const identity = values.identity ? await corpusIdentity(evaluation, join(values.corpus, 'formats')) : undefined;
  if (values.json) {
    const json = {
      ...toEvalJson(evaluation),
      ...(groups ? { bySource: bySourceJson(groups) } : {}),
      ...(audits ? { unexplained: audits.map((a) => ({ document: a.name, count: a.sentences.length, sentences: a.sentences })) } : {}),
      ...(identity
        ? {
            identity: { ...identityJson(identity.keyed), resolved: identityJson(identity.resolved) },
          }
        : {}),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    if (values['show-misses']) for (const d of evaluation.documents) process.stdout.write(`${formatMisses(d)}\n`);
    process.stdout.write(formatTable(evaluation));
    if (groups) process.stdout.write(`\n${formatBySource(groups)}`);
    if (audits) process.stdout.write(`\n${formatAudit(audits)}`);
    if (identity) process.stdout.write(`\n${formatIdentity(identity.keyed)}\n${formatIdentity(identity.resolved, 'resolved across documents (kg extract, kg ingest)')}`);
  }
} catch (error) {
  if (isKgError(error)) {
    process.stderr.write(`eval: ${error.toLine()}\n`);
    process.exit(1);
  }
  throw error;
}
