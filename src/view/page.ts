// The `kg view` page: one self-contained HTML file (no server, no network). It inlines the graph
// library (cytoscape, read from node_modules at run time), the page's own script and style
// (src/view/browser/) and the view data as JSON in a `<script type="application/json">` element. The
// page's script builds every element from that JSON with DOM calls (textContent, never innerHTML), so
// document text reaches the page only as data; the few strings written into the HTML here are escaped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgError } from '../errors.ts';
import type { ViewData } from './model.ts';
import type { ViewStyle } from './style.ts';

const BROWSER_DIR = fileURLToPath(new URL('./browser/', import.meta.url));

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside a `<script>` element: `<`, `>` and `&` as \u escapes (so neither
 * `</script>` nor `<!--` can appear), and U+2028/U+2029 escaped too. JSON.parse reads it back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A script's text for inlining; one that could close its element early is refused, not patched. */
function inlineScript(text: string, what: string): string {
  if (/<\/script|<!--/i.test(text)) throw new KgError('CONFIG_INVALID', `${what} contains "</script" or "<!--" and cannot be inlined into the page`, { subject: 'kg view' });
  return text;
}

/** cytoscape's minified browser build, from the installed package (its UMD file defines `cytoscape`). */
function cytoscapeSource(): string {
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve('cytoscape');
  } catch (error) {
    throw new KgError('CONFIG_INVALID', `the cytoscape package is not installed (run npm ci): ${error instanceof Error ? error.message : String(error)}`, { subject: 'kg view' });
  }
  return inlineScript(readFileSync(join(dirname(main), 'cytoscape.min.js'), 'utf8'), 'cytoscape.min.js');
}

/** Label colour variables for the text highlights and legend, from the Browser style (values are checked colours). */
function labelCss(style: ViewStyle): string {
  const rules = Object.entries(style.labels)
    .filter(([label]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(label))
    .map(([label, s]) => `.lbl-${label} { --fill: ${s.color}; --edge: ${s.borderColor}; --ink: ${s.textColor}; }`);
  return [`.lbl-default { --fill: ${style.node.color}; --edge: ${style.node.borderColor}; --ink: ${style.node.textColor}; }`, ...rules].join('\n');
}

/** The page for a view: every byte it needs is in it. The same view gives the same bytes. */
export function renderPage(view: ViewData): string {
  const css = readFileSync(join(BROWSER_DIR, 'view.css'), 'utf8');
  const script = inlineScript(readFileSync(join(BROWSER_DIR, 'view.js'), 'utf8'), 'src/view/browser/view.js');
  const title = `${view.title} — kg view`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pharma-deal-graph kg view">
<title>${escapeHtml(title)}</title>
<style>
${css}
${labelCss(view.style)}
</style>
</head>
<body>
<header class="top">
  <div class="heading">
    <h1 id="title">${escapeHtml(view.title)}</h1>
    <p class="meta" id="meta">${escapeHtml(view.source)}</p>
  </div>
  <ul class="legend" id="legend" aria-label="Entity labels"></ul>
</header>
<main class="layout">
  <section class="pane graph-pane" aria-labelledby="graph-heading">
    <h2 id="graph-heading">Graph <span class="hint">click a node or an arrow</span></h2>
    <div id="cy" role="img" aria-label="The facts as a graph"></div>
  </section>
  <section class="pane facts-pane" aria-labelledby="facts-heading">
    <h2 id="facts-heading">Facts <span class="count" id="fact-count"></span> <span class="hint">click one to see its sentence</span></h2>
    <ol class="facts" id="facts"></ol>
  </section>
  <section class="pane text-pane" id="text-pane" aria-labelledby="text-heading">
    <h2 id="text-heading">Documents</h2>
    <div id="documents"></div>
  </section>
</main>
<noscript><p class="noscript">This page draws the graph and the documents with JavaScript; please enable it.</p></noscript>
<script type="application/json" id="kg-data">${scriptJson(view)}</script>
<script>
${cytoscapeSource()}
</script>
<script>
${script}
</script>
</body>
</html>
`;
}
