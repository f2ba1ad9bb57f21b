// The README's "From TypeScript" example, exactly as printed there, against the real server: it must
// type-check under the project's compiler options and run (on the reference filing, ingested first),
// including `g.evidence(licences[0]!)` on a row of licenses(). Only the package specifier, the server
// address and the file name are swapped for this checkout's; each swap must find its text, so a change
// of the README that the test no longer covers fails here.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { neo4jConfig } from '../src/config.ts';
import { ingest } from '../src/api/ingest.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'data/sample/immunogen-8k-2007-07-31.txt');

/** The first ```ts block after the heading. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  expect(at, heading).toBeGreaterThan(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block, `a ts block under ${heading}`).not.toBeNull();
  return block?.[1] ?? '';
}

function swap(code: string, from: string, to: string): string {
  expect(code, `the README example contains ${from}`).toContain(from);
  return code.split(from).join(to);
}

/** Type errors of one file under the project's tsconfig.json options. */
function typeErrors(file: string): string[] {
  const configPath = join(ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram([file], { ...options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe("README's TypeScript example", () => {
  it('type-checks and runs as printed, evidence of a licence row included', async () => {
    const config = neo4jConfig();
    const ingested = await ingest([SAMPLE], config);
    expect(ingested.failures).toEqual([]);

    let code = readmeBlock('### From TypeScript');
    // The file sits one folder below the root (below), so the sources are ../src.
    code = swap(code, "from 'pharma-deal-graph'", "from '../src/index.ts'");
    code = swap(code, "uri: 'bolt://127.0.0.1:7687'", 'uri: process.env.NEO4J_URI!');
    code = swap(code, "database: 'neo4j'", 'database: process.env.NEO4J_DATABASE!');
    code = swap(code, "['filing.txt']", JSON.stringify([SAMPLE]));
    // `password` is the reader's own variable in the README.
    const program = ['const password = process.env.NEO4J_PASSWORD!;', code, 'console.log(JSON.stringify({ licences, income, drugs, all: all.length, why, documents: graph.documents.length }));'].join('\n');

    // Inside the checkout (git-ignored), so the project's package.json (ESM) and @types apply.
    const dir = mkdtempSync(join(ROOT, '.scratch-readme-'));
    try {
      const file = join(dir, 'example.ts');
      writeFileSync(file, program);
      expect(typeErrors(file)).toEqual([]);

      const run = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), file], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: config.uri, NEO4J_USERNAME: config.username, NEO4J_PASSWORD: config.password, NEO4J_DATABASE: config.database },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // The example itself prints the extracted graph first; the summary is the last line.
      const result = JSON.parse(run.stdout.trimEnd().split('\n').at(-1) ?? '') as {
        licences: { licensee: { name: string }; docIds: string[] }[];
        income: unknown[];
        all: number;
        why: { docId: string; sentence: string; rule: string }[];
        documents: number;
      };
      // The sample's licence is there (other documents on a shared server may add more), under the
      // sample's id or, when another test stored the same content under another name first, under that one.
      const sampleId = ingested.documents[0]?.copyOf ?? 'immunogen-8k-2007-07-31';
      expect(result.licences.some((l) => l.docIds.includes(sampleId))).toBe(true);
      expect(result.all).toBeGreaterThan(0);
      // The evidence of the first licence row: its documents' sentences, naming its licensee.
      const first = result.licences[0];
      expect([...new Set(result.why.map((e) => e.docId))]).toEqual(first?.docIds);
      expect(result.why.some((e) => e.sentence.includes(first?.licensee.name ?? '?'))).toBe(true);
      expect(result.documents).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
