// `kg view --from-db --company NAME` against a real Neo4j: a press release is ingested (the Document
// node keeps its text), the page is built from the database (the company's relationships, their
// Evidence nodes, the stored text and mentions) and checked in headless Chromium. Company names carry
// the run id, so tests sharing the server never see each other's facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { z } from 'zod';
import { main } from '../src/cli.ts';
import { neo4jConfig } from '../src/config.ts';
import { ingest, forget } from '../src/api/ingest.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { ViewData } from '../src/view/index.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { colourStats, decodePng } from './support/png.ts';
import { runId } from './support/neo4j-fixtures.ts';

const OUT = join(import.meta.dirname, '..', 'test-output');
// A name the lexicons cannot know: the run id's hex digits as letters.
const tag = `Qv${runId().replace(/[0-9a-f]/g, (c) => 'abcdefghijklmnop'.charAt(Number.parseInt(c, 16)))}`;
const licensor = `${tag}a Therapeutics`;
const licensee = `${tag}o Pharma`;
const TEXT = `${licensor} Announces License Agreement with ${licensee}

CAMBRIDGE, Mass., July 31, 2007 -- ${licensor}, Inc. (Nasdaq: QVKA) today announced that it has granted ${licensee}, Inc. an exclusive worldwide license to develop and commercialize its antibody targeting HER2. ${licensor} earned a $5 million milestone payment from ${licensee} with the start of Phase II testing.

"This agreement validates our platform," said Jane Doe, Chief Executive Officer of ${licensor}.
`;

let dir: string;
let docId: string;
let browser: Browser;

async function kg(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'kg-view-db-'));
  const file = join(dir, `${tag.toLowerCase()}-release.txt`);
  writeFileSync(file, TEXT);
  const summary = await ingest([file], neo4jConfig());
  expect(summary.failures).toEqual([]);
  docId = summary.documents[0]?.docId ?? '';
  expect(docId).not.toBe('');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (docId) await forget([docId], neo4jConfig());
  rmSync(dir, { recursive: true, force: true });
});

describe('the Document node keeps its text', () => {
  it('stores the text that evidence offsets index, as a parameter-written property', async () => {
    const store = await Neo4jGraphStore.open(neo4jConfig());
    try {
      const rows = await store.read('MATCH (d:Document {docId: $docId}) RETURN d.text AS text', { docId });
      expect(rows).toEqual([{ text: TEXT }]);
      const evidence = await store.read('MATCH (e:Evidence {docId: $docId}) RETURN e.sentences AS sentences, e.starts AS starts, e.ends AS ends', { docId });
      expect(evidence.length).toBeGreaterThan(1);
      for (const row of evidence) {
        const { sentences, starts, ends } = z.object({ sentences: z.array(z.string()), starts: z.array(z.number()), ends: z.array(z.number()) }).parse(row);
        sentences.forEach((sentence, i) => expect(TEXT.slice(starts[i], ends[i])).toBe(sentence));
      }
    } finally {
      await store.close();
    }
  });
});

describe('kg view --from-db --company', () => {
  it("builds the company's page from the database and it works in the browser", async () => {
    const out = join(OUT, 'view-db.html');
    const run = await kg('view', '--from-db', '--company', licensor, '--out', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const match = /<script type="application\/json" id="kg-data">([^<]*)<\/script>/.exec(html);
    const view = ViewData.parse(JSON.parse(match?.[1] ?? 'null'));
    expect(view.documents.map((d) => [d.docId, d.text])).toEqual([[docId, TEXT]]);
    expect(view.facts.map((f) => f.type).sort()).toEqual(['EARNED_MILESTONE', 'EMPLOYS', 'LICENSES_TO', 'PARTY_TO']);
    for (const fact of view.facts) for (const e of fact.evidence) expect(TEXT.slice(e.start, e.end)).toBe(e.sentence);
    expect(view.documents[0]?.mentions.length).toBeGreaterThan(5);

    const { page, errors } = await openPage(browser, pathToFileURL(out).href);
    expect(errors).toEqual([]);
    // The licensor, the licensee, the chief executive and the licence deal the licensor is party to.
    expect(await page.evaluate('kgView.cy.nodes().length')).toBe(4);
    const milestone = view.facts.findIndex((f) => f.type === 'EARNED_MILESTONE');
    await page.click(`#fact-${milestone}`);
    const active = z.string().parse(await page.evaluate(`document.querySelector('#documents .evidence-active').textContent`));
    expect(active).toBe(view.facts[milestone]?.evidence[0]?.sentence);
    const png = Buffer.from(await page.screenshot({ type: 'png' }));
    writeFileSync(join(OUT, 'view-db.png'), png);
    expect(colourStats(decodePng(png)).distinctColours).toBeGreaterThan(100);
    await page.close();
  });

  it('says so when the name is not in the graph', async () => {
    const run = await kg('view', '--from-db', '--company', `Nobody ${tag}`, '--out', join(OUT, 'view-db-nobody.html'));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/no company or other entity named "Nobody .*" in the graph.*\[INPUT_NOT_FOUND\]/);
  });
});
