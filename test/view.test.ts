// `kg view` in a real headless browser (Chromium through puppeteer-core; no database). The page of the
// reference filing renders without errors or network requests, its graph has the facts' entities as
// nodes, clicking a fact marks and scrolls to its sentence, entities are coloured from
// cypher/browser-style.grass, and a screenshot (test-output/view-reference.png) is not blank. Hostile
// text cannot break out of the page's data or markup. Browser-side code is passed as strings and its
// results are checked with zod (the test files are type-checked without the DOM library).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { z } from 'zod';
import { main } from '../src/cli.ts';
import { Graph, SCHEMA_VERSION } from '../src/model/graph.ts';
import { ViewData, loadViewStyle, parseGrass, scriptJson } from '../src/view/index.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { colourStats, decodePng } from './support/png.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-output');
const REFERENCE = join(ROOT, '..', 'shared', 'corpus', '000_09ba589ba7ebe117.txt');
const REFERENCE_PAGE = join(OUT, 'view-reference.html');

async function kg(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** The view data embedded in a page, read back the way the page's script reads it. */
function embeddedView(html: string): ViewData {
  const match = /<script type="application\/json" id="kg-data">([^<]*)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('the page has no #kg-data element');
  return ViewData.parse(JSON.parse(match[1]));
}

async function evaluate<T>(page: Page, schema: z.ZodType<T>, expression: string): Promise<T> {
  return schema.parse(await page.evaluate(expression));
}

const ElementState = z.object({ className: z.string(), text: z.string(), top: z.number(), bottom: z.number(), paneTop: z.number(), paneBottom: z.number() });

let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('kg view on the reference filing', () => {
  let html: string;
  let view: ViewData;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const run = await kg('view', REFERENCE, '--out', REFERENCE_PAGE);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/view-reference\.html: 1 documents, \d+ facts, \d+ entities \(\d+ KB\)/);
    html = readFileSync(REFERENCE_PAGE, 'utf8');
    view = embeddedView(html);
    ({ page, errors } = await openPage(browser, pathToFileURL(REFERENCE_PAGE).href));
  });

  it('is one self-contained file: no external scripts, styles or links', () => {
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|https?:\/\/(?!www\.w3\.org)[^\s"')]+\.(js|css)/i);
    expect(view.facts.length).toBeGreaterThan(10);
    expect(view.documents[0]?.text?.length).toBeGreaterThan(1000);
  });

  it('renders without errors or network requests: text, facts, legend', async () => {
    expect(errors).toEqual([]);
    const rendered = await evaluate(
      page,
      z.object({ facts: z.number(), text: z.string(), legend: z.number(), mentions: z.number(), sentences: z.number() }),
      `({ facts: document.querySelectorAll('#facts .fact').length,
          text: document.querySelector('#documents .doc-text').textContent,
          legend: document.querySelectorAll('#legend li').length,
          mentions: document.querySelectorAll('#documents .mention').length,
          sentences: document.querySelectorAll('#documents .evidence').length })`,
    );
    expect(rendered.facts).toBe(view.facts.length);
    // The document is shown whole and verbatim: spans only mark it up.
    expect(rendered.text).toBe(view.documents[0]?.text);
    expect(rendered.legend).toBeGreaterThan(3);
    expect(rendered.mentions).toBeGreaterThan(20);
    expect(rendered.sentences).toBeGreaterThan(5);
  });

  it('draws the graph with cytoscape: one node per entity in a fact, one edge per fact', async () => {
    const graph = await evaluate(page, z.object({ nodes: z.number(), edges: z.number() }), '({ nodes: kgView.cy.nodes().length, edges: kgView.cy.edges().length })');
    const endpoints = new Set(view.facts.flatMap((f) => [f.start, f.end]));
    expect(graph.nodes).toBe(endpoints.size);
    expect(graph.nodes).toBeGreaterThan(5);
    expect(graph.edges).toBe(view.facts.length);
    const canvasDrawn = await evaluate(page, z.boolean(), `[...document.querySelectorAll('#cy canvas')].some((c) => c.width > 100 && c.height > 100)`);
    expect(canvasDrawn).toBe(true);
  });

  it('colours entities with the Browser style of cypher/browser-style.grass', async () => {
    const style = loadViewStyle();
    const company = style.labels['Company'];
    if (!company) throw new Error('the Browser style has no Company rule');
    const hex = (c: string): string => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
      return `rgb(${r},${g},${b})`;
    };
    const mention = await evaluate(page, z.string(), `getComputedStyle(document.querySelector('#documents .mention.lbl-Company')).borderBottomColor`);
    expect(mention.replace(/\s/g, '')).toBe(hex(company.borderColor));
    const node = await evaluate(page, z.string(), `kgView.cy.nodes('.lbl-Company')[0].style('background-color')`);
    expect(node.replace(/\s/g, '')).toBe(hex(company.color));
  });

  it('clicking a fact highlights its sentence in the text and scrolls it into view', async () => {
    const index = view.facts.findIndex((f) => f.type === 'EARNED_MILESTONE');
    const fact = view.facts[index];
    if (!fact) throw new Error('the reference filing has no EARNED_MILESTONE fact');
    const evidence = fact.evidence[0];
    // A fact far down the list, so that its sentence has to be scrolled to.
    const last = view.facts.length - 1;
    await page.click(`#fact-${last}`);
    await page.click(`#fact-${index}`);
    const state = (): Promise<z.infer<typeof ElementState>> =>
      evaluate(
        page,
        ElementState,
        `(() => {
          const sentence = document.querySelector('#documents .evidence-active');
          const pane = document.querySelector('#documents').getBoundingClientRect();
          const box = sentence.getBoundingClientRect();
          return { className: sentence.className, text: sentence.textContent, top: box.top, bottom: box.bottom, paneTop: pane.top, paneBottom: pane.bottom };
        })()`,
      );
    const highlighted = await state();
    expect(highlighted.className.split(' ')).toContain('evidence-active');
    expect(highlighted.text).toBe(evidence?.sentence);
    expect(await evaluate(page, z.number(), `document.querySelectorAll('.evidence-active').length`)).toBe(1);
    expect(await evaluate(page, z.string(), `document.querySelector('#fact-${index}').className`)).toContain('active');
    // Its arrow is highlighted in the graph.
    expect(await evaluate(page, z.boolean(), `kgView.cy.getElementById('f${index}').hasClass('hl')`)).toBe(true);
    // The text pane scrolls smoothly: wait until the sentence is inside it.
    await page.waitForFunction(
      `(() => { const s = document.querySelector('.evidence-active').getBoundingClientRect(); const p = document.querySelector('#documents').getBoundingClientRect(); return s.top >= p.top && s.bottom <= p.bottom; })()`,
      { timeout: 5000 },
    );
    const background = await evaluate(page, z.string(), `getComputedStyle(document.querySelector('.evidence-active')).backgroundColor`);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('clicking a sentence in the text selects the facts it supports', async () => {
    const fact = view.facts[0];
    const evidence = fact?.evidence[0];
    if (!evidence) throw new Error('no fact');
    await page.evaluate(`kgView.clearSelection()`);
    const sentence = `#documents .evidence[data-sentence="${evidence.docId}|${evidence.start}|${evidence.end}"]`;
    // The text pane scrolls smoothly: bring the sentence into view at once, so that the mouse click lands on it and
    // not where a scroll still under way had it a moment before.
    await page.evaluate(`document.querySelector('${sentence.replace(/'/g, "\\'")}').scrollIntoView({ block: 'center', behavior: 'instant' })`);
    await page.click(sentence);
    await page.waitForFunction(`document.querySelectorAll('#facts .fact.active').length > 0`, { timeout: 5000 });
    expect(await evaluate(page, z.number(), `document.querySelectorAll('#facts .fact.active').length`)).toBe(1);
  });

  it('writes a screenshot that is not blank (test-output/view-reference.png)', async () => {
    const path = join(OUT, 'view-reference.png');
    await page.evaluate(`kgView.clearSelection()`);
    await page.click(`#fact-0`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const png = Buffer.from(await page.screenshot({ type: 'png' }));
    writeFileSync(path, png);
    const image = decodePng(readFileSync(path));
    expect([image.width, image.height]).toEqual([1440, 900]);
    const stats = colourStats(image);
    // Text, highlights in several label colours and the graph: many colours and plenty of ink.
    expect(stats.distinctColours).toBeGreaterThan(200);
    expect(stats.nonWhiteShare).toBeGreaterThan(0.05);
  });
});

describe('kg view escapes what it shows', () => {
  const hostile = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & <!-- \u2028';
  const text = `Acme Pharma ${hostile} licenses its drug to Beta Bio.`;
  const graph: Graph = {
    schemaVersion: SCHEMA_VERSION,
    documents: [{ docId: `doc${hostile}`, sourcePath: 'hostile.txt', docType: 'text', title: `Title ${hostile}`, contentHash: 'x', registrantKeys: [], sentenceCount: 1, text }],
    entities: [
      { key: 'company:acme', labels: ['Company'], name: `Acme ${hostile}`, aliases: [], properties: {}, mentions: [{ docId: `doc${hostile}`, start: 0, end: 11 }] },
      { key: 'company:beta', labels: ['Company'], name: 'Beta Bio', aliases: [], properties: {}, mentions: [{ docId: `doc${hostile}`, start: text.length - 9, end: text.length - 1 }] },
    ],
    relationships: [
      {
        type: 'LICENSES_TO',
        start: 'company:acme',
        end: 'company:beta',
        properties: { field: hostile },
        evidence: [{ docId: `doc${hostile}`, start: 0, end: text.length, sentence: text, rule: `rule${hostile}`, confidence: 0.5 }],
      },
    ],
  };

  it('keeps hostile text inert: data cannot close its script element, text is never parsed as HTML', async () => {
    const json = join(OUT, 'view-hostile.json');
    const out = join(OUT, 'view-hostile.html');
    writeFileSync(json, JSON.stringify(graph));
    const run = await kg('view', '--from-json', json, '--out', out);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    // Three script elements (data, cytoscape, the page's script), each closed once.
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).not.toContain('<img');
    expect(embeddedView(html).documents[0]?.text).toBe(text);

    const { page, errors } = await openPage(browser, pathToFileURL(out).href);
    expect(errors).toEqual([]);
    const shown = await evaluate(
      page,
      z.object({ pwned: z.unknown(), images: z.number(), scripts: z.number(), title: z.string(), text: z.string(), quote: z.string(), chip: z.string() }),
      `({ pwned: window.__pwned ?? null, images: document.images.length, scripts: document.scripts.length, title: document.title,
          text: document.querySelector('#documents .doc-text').textContent,
          quote: document.querySelector('#facts .said').textContent,
          chip: document.querySelector('#facts .chip').textContent })`,
    );
    expect(shown).toEqual({ pwned: null, images: 0, scripts: 3, title: `Title ${hostile} — kg view`, text, quote: text.replace(/\s+/g, ' ').trim(), chip: `Acme ${hostile}` });
    await page.close();
  });

  it('writes JSON for a script element with <, >, & and line separators escaped, read back unchanged', () => {
    const value = { s: hostile };
    const encoded = scriptJson(value);
    expect(encoded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(encoded)).toEqual(value);
  });
});

describe('kg view inputs', () => {
  it('shows a graph extracted with --no-text: facts with their sentences, a note instead of the text', async () => {
    const extracted = await kg('extract', '--no-text', REFERENCE);
    const json = join(OUT, 'view-no-text.json');
    writeFileSync(json, extracted.out);
    const out = join(OUT, 'view-no-text.html');
    expect((await kg('view', '--from-json', json, '--out', out)).code).toBe(0);
    const { page, errors } = await openPage(browser, pathToFileURL(out).href);
    expect(errors).toEqual([]);
    expect(await evaluate(page, z.number(), `document.querySelectorAll('#documents .no-text').length`)).toBe(1);
    expect(await evaluate(page, z.number(), `document.querySelectorAll('#facts .said').length`)).toBeGreaterThan(10);
    await page.close();
  });

  it('gives the same page for the same graph, byte for byte', async () => {
    const json = join(OUT, 'view-reference.json');
    writeFileSync(json, (await kg('extract', REFERENCE)).out);
    const first = join(OUT, 'view-json-1.html');
    const second = join(OUT, 'view-json-2.html');
    await kg('view', '--from-json', json, '--out', first);
    await kg('view', '--from-json', json, '--out', second);
    expect(readFileSync(first, 'utf8')).toBe(readFileSync(second, 'utf8'));
  });

  it('refuses a command line without exactly one source, or a JSON file that is not a graph', async () => {
    const out = join(OUT, 'unused.html');
    expect((await kg('view', '--out', out)).code).toBe(2);
    expect((await kg('view', REFERENCE, '--from-json', 'x.json', '--out', out)).code).toBe(2);
    expect((await kg('view', '--from-db', '--out', out)).code).toBe(2);
    expect((await kg('view', REFERENCE)).code).toBe(2);
    const notGraph = join(OUT, 'view-not-a-graph.json');
    writeFileSync(notGraph, '{"documents": 3}');
    const refused = await kg('view', '--from-json', notGraph, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/view-not-a-graph\.json: not a kg extract graph .*\[SCHEMA_INVALID\]/);
  });

  it('reads the Browser style strictly: a malformed grass file names its line', () => {
    expect(() => parseGrass('node {\n  color #fff;\n}\n', 'style.grass')).toThrow(/style\.grass:2: expected "property: value;"/);
    expect(() => parseGrass('edge {\n}\n', 'style.grass')).toThrow(/style\.grass:1: unknown selector "edge"/);
    expect(() => parseGrass('node {\n  color: #fff;\n', 'style.grass')).toThrow(/style\.grass:1: "node \{" is never closed/);
  });

  it("type-checks the page's browser script (src/view/browser/view.js) against the DOM and the view types", () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'src', 'view', 'browser')], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 180_000); // a full tsc run: 10-40 s on a busy two-core machine
});
