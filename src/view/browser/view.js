// @ts-check
// The script of the `kg view` page (inlined by src/view/page.ts; type-checked with
// `npx tsc -p src/view/browser`). It reads the view data (src/view/model.ts) from the JSON element
// #kg-data and builds the page from it with DOM calls only (textContent, never innerHTML), so no
// document text is ever parsed as HTML: the documents with their entities highlighted and the
// sentences behind facts marked, the list of facts with their sentences, and the graph (cytoscape).
// Clicking a fact, its sentence or its arrow selects it everywhere: the fact in the list, its sentence
// in the text (class `evidence-active`, scrolled into view) and its arrow in the graph.

/** @typedef {import('../model.ts').ViewData} ViewData */
/** @typedef {import('../model.ts').ViewDocument} ViewDocument */
/** @typedef {import('../model.ts').ViewEntity} ViewEntity */
/** @typedef {import('../model.ts').ViewFact} ViewFact */
/** @typedef {import('../model.ts').ViewEvidence} ViewEvidence */
/** @typedef {import('../model.ts').ViewMention} ViewMention */
/** @typedef {import('cytoscape').Core} Core */
/** @typedef {import('cytoscape').StylesheetJson} Stylesheet */

(() => {
  'use strict';

  const dataElement = document.getElementById('kg-data');
  /** @type {ViewData} */
  const view = JSON.parse(dataElement?.textContent ?? 'null');
  /** The graph library, defined by the inlined cytoscape script. */
  const cytoscape = /** @type {{ cytoscape?: typeof import('cytoscape') }} */ (/** @type {unknown} */ (window)).cytoscape;

  /** @type {Map<string, ViewEntity>} */
  const entities = new Map(view.entities.map((e) => [e.key, e]));

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElement}
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {string} id */
  function byId(id) {
    const found = document.getElementById(id);
    if (!found) throw new Error(`the page has no #${id}`);
    return found;
  }

  /** @param {string} label */
  function labelClass(label) {
    return label in view.style.labels && /^[A-Za-z_]\w*$/.test(label) ? `lbl-${label}` : 'lbl-default';
  }

  /** @param {string} key */
  function entityName(key) {
    return entities.get(key)?.name ?? key;
  }

  /** @param {string} key */
  function entityClass(key) {
    const entity = entities.get(key);
    return entity ? labelClass(entity.styleLabel) : 'lbl-default';
  }

  /** @param {number} n @param {string} one */
  function count(n, one) {
    return `${n} ${one}${n === 1 ? '' : 's'}`;
  }

  /** @param {string} docId @param {number} start @param {number} end */
  const sentenceKey = (docId, start, end) => `${docId}|${start}|${end}`;

  // ---- Header: counts and the legend of the labels on the page ----------------------------------
  const meta = byId('meta');
  meta.textContent = `${view.source} · ${count(view.documents.length, 'document')} · ${count(view.facts.length, 'fact')} · ${count(view.entities.length, 'entity').replace(/entitys$/, 'entities')}`;
  /** @type {Map<string, number>} */
  const labelCounts = new Map();
  for (const e of view.entities) labelCounts.set(e.styleLabel, (labelCounts.get(e.styleLabel) ?? 0) + 1);
  const legend = byId('legend');
  for (const [label, n] of [...labelCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const item = el('li', labelClass(label));
    item.append(el('span', 'swatch'), el('b', undefined, label), document.createTextNode(String(n)));
    legend.append(item);
  }

  // ---- Documents: text with mentions and evidence sentences --------------------------------------
  /** Sentence elements by docId|start|end, and the facts (indices) each one supports. */
  /** @type {Map<string, HTMLElement>} */
  const sentenceElements = new Map();
  /** @type {Map<string, number[]>} */
  const factsOfSentence = new Map();
  view.facts.forEach((fact, i) => {
    for (const e of fact.evidence) {
      const key = sentenceKey(e.docId, e.start, e.end);
      const list = factsOfSentence.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      factsOfSentence.set(key, list);
    }
  });
  /** Mention elements by entity key. @type {Map<string, HTMLElement[]>} */
  const mentionElements = new Map();

  /**
   * Appends text[from, to) to `parent`, with the mentions that fall in it as highlighted spans
   * (a mention that crosses the range's edge is cut at it).
   * @param {HTMLElement} parent @param {string} text @param {number} from @param {number} to
   * @param {ViewMention[]} mentions sorted, not overlapping
   */
  function appendText(parent, text, from, to, mentions) {
    let at = from;
    for (const m of mentions) {
      if (m.end <= from || m.start >= to) continue;
      const start = Math.max(m.start, from);
      const end = Math.min(m.end, to);
      if (start > at) parent.append(document.createTextNode(text.slice(at, start)));
      const span = el('span', `mention ${entityClass(m.key)}`, text.slice(start, end));
      span.dataset['key'] = m.key;
      const entity = entities.get(m.key);
      span.title = entity ? `${entity.name} (${entity.labels.join(', ')})` : m.key;
      parent.append(span);
      const list = mentionElements.get(m.key) ?? [];
      list.push(span);
      mentionElements.set(m.key, list);
      at = end;
    }
    if (to > at) parent.append(document.createTextNode(text.slice(at, to)));
  }

  /**
   * Spans that do not overlap, first come first kept (sorted by start, longer first).
   * @template {{ start: number, end: number }} T
   * @param {T[]} spans @param {number} length
   * @returns {T[]}
   */
  function disjoint(spans, length) {
    const sorted = spans.filter((s) => s.start < s.end && s.end <= length).sort((a, b) => a.start - b.start || b.end - a.end);
    /** @type {T[]} */
    const kept = [];
    let end = 0;
    for (const s of sorted) {
      if (s.start < end) continue;
      kept.push(s);
      end = s.end;
    }
    return kept;
  }

  /** @param {ViewDocument} doc */
  function renderDocument(doc) {
    const article = el('article', 'doc');
    article.append(el('h3', undefined, doc.title ?? doc.docId));
    article.append(el('p', 'doc-meta', [doc.docId, doc.docType, doc.asOf].filter((x) => x !== undefined && x !== '').join(' · ')));
    const body = el('div', 'doc-text');
    article.append(body);
    const text = doc.text;
    if (text === null) {
      body.className = 'no-text';
      body.textContent = 'The text of this document is not in the data (extracted with --no-text, or stored before documents kept their text); the sentences behind its facts are shown with the facts.';
      return article;
    }
    const sentences = disjoint(
      view.facts.flatMap((f) => f.evidence.filter((e) => e.docId === doc.docId)).map((e) => ({ start: e.start, end: e.end })),
      text.length,
    );
    const mentions = disjoint(doc.mentions, text.length);
    let at = 0;
    for (const s of sentences) {
      appendText(body, text, at, s.start, mentions);
      const span = el('span', 'evidence');
      const key = sentenceKey(doc.docId, s.start, s.end);
      span.dataset['sentence'] = key;
      appendText(span, text, s.start, s.end, mentions);
      body.append(span);
      sentenceElements.set(key, span);
      at = s.end;
    }
    appendText(body, text, at, text.length, mentions);
    return article;
  }

  const documentsElement = byId('documents');
  for (const doc of view.documents) documentsElement.append(renderDocument(doc));

  // ---- Facts ---------------------------------------------------------------------------------------
  const factList = byId('facts');
  byId('fact-count').textContent = String(view.facts.length);
  /** @type {HTMLElement[]} */
  const factElements = [];
  /** @type {HTMLElement[][]} */
  const quoteElements = [];

  /** @param {string} key */
  function chip(key) {
    const span = el('span', `chip ${entityClass(key)}`, entityName(key));
    span.title = entities.get(key)?.labels.join(', ') ?? '';
    return span;
  }

  view.facts.forEach((fact, i) => {
    const item = el('li', 'fact');
    item.id = `fact-${i}`;
    item.tabIndex = 0;
    item.dataset['fact'] = String(i);
    const line = el('div', 'fact-line');
    const rel = el('span', 'rel', fact.type);
    rel.style.setProperty('--rel', (view.style.types[fact.type] ?? view.style.relationship).color);
    line.append(chip(fact.start), rel, chip(fact.end));
    item.append(line);
    const propertyNames = Object.keys(fact.properties);
    if (propertyNames.length > 0) {
      const props = el('div', 'props');
      for (const name of propertyNames) {
        const prop = el('span', 'prop');
        prop.append(document.createTextNode(`${name} `), el('b', undefined, fact.properties[name] ?? ''));
        props.append(prop);
      }
      item.append(props);
    }
    const quotes = el('ul', 'quotes');
    /** @type {HTMLElement[]} */
    const own = [];
    fact.evidence.forEach((e, j) => {
      const quote = el('li', 'quote');
      quote.dataset['evidence'] = String(j);
      // The sentence as it stands (a quoted statement keeps its own quotation marks); the bar beside it marks it as a quote.
      quote.append(el('span', 'said', e.sentence.replace(/\s+/g, ' ').trim()));
      const where = view.documents.length > 1 ? `${e.docId} · ` : '';
      quote.append(el('span', 'cite', `${where}${e.rule} · confidence ${e.confidence}`));
      quotes.append(quote);
      own.push(quote);
    });
    item.append(quotes);
    factList.append(item);
    factElements.push(item);
    quoteElements.push(own);
  });
  if (view.facts.length === 0) factList.append(el('li', 'empty', 'No facts were found.'));

  // ---- Graph ---------------------------------------------------------------------------------------
  /** @type {Core | undefined} */
  let cy;
  const cyElement = byId('cy');
  const graphKeys = [...new Set(view.facts.flatMap((f) => [f.start, f.end]))].filter((k) => entities.has(k));
  if (cytoscape === undefined) {
    cyElement.append(el('p', 'empty', 'The graph library did not load.'));
  } else if (graphKeys.length === 0) {
    cyElement.append(el('p', 'empty', 'No facts, so no graph.'));
  } else {
    /** @type {Stylesheet} */
    const stylesheet = [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': view.style.node.color,
          'border-color': view.style.node.borderColor,
          'border-width': 2,
          'font-family': 'system-ui, "Liberation Sans", "DejaVu Sans", sans-serif',
          'font-size': 12,
          'font-weight': 600,
          color: '#1f2933',
          'text-valign': 'bottom',
          'text-halign': 'center',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '120px',
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
        },
      },
      ...Object.entries(view.style.labels).map(([label, s]) => ({
        selector: `node.${labelClass(label)}`,
        style: { 'background-color': s.color, 'border-color': s.borderColor },
      })),
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          width: 'data(width)',
          'curve-style': 'bezier',
          'line-color': view.style.relationship.color,
          'target-arrow-color': view.style.relationship.color,
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.9,
          'font-family': '"DejaVu Sans Mono", "Liberation Mono", monospace',
          'font-size': 9,
          color: '#4a5560',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
        },
      },
      ...Object.entries(view.style.types).map(([type, s]) => ({
        selector: `edge[type = "${type.replace(/[^A-Z_]/g, '')}"]`,
        style: { 'line-color': s.color, 'target-arrow-color': s.color },
      })),
      { selector: '.faded', style: { opacity: 0.12 } },
      { selector: 'node.hl', style: { 'border-width': 4, 'border-color': '#1f2933' } },
      { selector: 'edge.hl', style: { width: 4, 'line-color': '#e0a800', 'target-arrow-color': '#e0a800', color: '#1f2933', 'font-size': 10, 'z-index': 10 } },
      { selector: ':selected', style: { 'overlay-opacity': 0 } },
    ];
    cy = cytoscape({
      container: cyElement,
      elements: [
        ...graphKeys.map((key) => {
          const entity = entities.get(key);
          const style = entity ? (view.style.labels[entity.styleLabel] ?? view.style.node) : view.style.node;
          return { group: /** @type {const} */ ('nodes'), data: { id: key, label: entity?.caption ?? key, size: style.diameter * 0.7 }, classes: entityClass(key) };
        }),
        ...view.facts.map((fact, i) => ({
          group: /** @type {const} */ ('edges'),
          data: { id: `f${i}`, source: fact.start, target: fact.end, label: fact.caption, type: fact.type, fact: i, width: Math.max(1.5, (view.style.types[fact.type] ?? view.style.relationship).width) },
        })),
      ],
      style: stylesheet,
      layout: { name: 'circle' },
      minZoom: 0.1,
      maxZoom: 2,
      boxSelectionEnabled: false,
    });
    // A force-directed layout from the circle's positions: no random start, so the same page always
    // draws the same picture.
    cy.layout({ name: 'cose', randomize: false, animate: false, idealEdgeLength: () => 70, nodeRepulsion: () => 9000, nodeOverlap: 12, padding: 24, fit: true }).run();
    // A small graph fitted to the pane would be blown up; keep it at a readable size, centred.
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center();
    }
    cy.on('tap', 'edge', (event) => selectFact(Number(event.target.data('fact')), 0, true));
    cy.on('tap', 'node', (event) => selectEntity(String(event.target.id())));
    cy.on('tap', (event) => {
      if (event.target === cy) clearSelection();
    });
  }

  // ---- Selection -----------------------------------------------------------------------------------
  /** Graphs larger than this are too small to read when fitted whole: a selection zooms to its part. */
  const LARGE_GRAPH = 40;

  /** @param {import('cytoscape').CollectionArgument} elements */
  function focusGraph(elements) {
    if (!cy || cy.nodes().length <= LARGE_GRAPH || elements.length === 0) return;
    cy.stop();
    cy.animate({ fit: { eles: elements, padding: 90 }, duration: 250 });
  }

  function clearMarks() {
    for (const node of document.querySelectorAll('.active, .related, .evidence-active, .mention-active')) {
      node.classList.remove('active', 'related', 'evidence-active', 'mention-active');
    }
    cy?.elements().removeClass('faded hl');
  }

  function clearSelection() {
    clearMarks();
    if (cy && cy.nodes().length > LARGE_GRAPH) focusGraph(cy.elements());
  }

  /** @param {HTMLElement} node */
  function scrollIntoPane(node) {
    node.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
  }

  /**
   * Selects fact i and its evidence j: the fact in the list, its sentence in the text, its arrow.
   * @param {number} i @param {number} j @param {boolean} scrollList
   */
  function selectFact(i, j, scrollList) {
    const fact = view.facts[i];
    const item = factElements[i];
    if (!fact || !item) return;
    clearMarks();
    item.classList.add('active');
    quoteElements[i]?.[j]?.classList.add('active');
    if (scrollList) item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    const evidence = fact.evidence[j] ?? fact.evidence[0];
    const sentence = evidence ? sentenceElements.get(sentenceKey(evidence.docId, evidence.start, evidence.end)) : undefined;
    if (sentence) {
      sentence.classList.add('evidence-active');
      scrollIntoPane(sentence);
    }
    if (cy) {
      const edge = cy.getElementById(`f${i}`);
      cy.elements().addClass('faded');
      edge.union(edge.connectedNodes()).removeClass('faded').addClass('hl');
      focusGraph(edge.connectedNodes());
    }
  }

  /** Selects an entity: its facts in the list, its mentions in the text, its neighbourhood in the graph. @param {string} key */
  function selectEntity(key) {
    clearMarks();
    let first = true;
    view.facts.forEach((fact, i) => {
      if (fact.start !== key && fact.end !== key) return;
      const item = factElements[i];
      item?.classList.add('related');
      if (item && first) item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      first = false;
    });
    const mentions = mentionElements.get(key) ?? [];
    for (const m of mentions) m.classList.add('mention-active');
    if (mentions[0]) scrollIntoPane(mentions[0]);
    if (cy) {
      const node = cy.getElementById(key);
      if (node.nonempty()) {
        cy.elements().addClass('faded');
        node.closedNeighborhood().removeClass('faded');
        node.addClass('hl');
        focusGraph(node.closedNeighborhood());
      }
    }
  }

  factList.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const item = target?.closest('.fact');
    if (!(item instanceof HTMLElement) || item.dataset['fact'] === undefined) return;
    const quote = target?.closest('.quote');
    const j = quote instanceof HTMLElement && quote.dataset['evidence'] !== undefined ? Number(quote.dataset['evidence']) : 0;
    selectFact(Number(item.dataset['fact']), j, false);
  });
  factList.addEventListener('keydown', (event) => {
    const item = event.target instanceof HTMLElement ? event.target.closest('.fact') : null;
    if ((event.key === 'Enter' || event.key === ' ') && item instanceof HTMLElement && item.dataset['fact'] !== undefined) {
      event.preventDefault();
      selectFact(Number(item.dataset['fact']), 0, false);
    }
  });
  documentsElement.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const mention = target?.closest('.mention');
    if (mention instanceof HTMLElement && mention.dataset['key'] !== undefined) {
      selectEntity(mention.dataset['key']);
      return;
    }
    const sentence = target?.closest('.evidence');
    if (!(sentence instanceof HTMLElement) || sentence.dataset['sentence'] === undefined) return;
    const facts = factsOfSentence.get(sentence.dataset['sentence']) ?? [];
    const [first, ...others] = facts;
    if (first === undefined) return;
    const fact = view.facts[first];
    const j = fact
      ? Math.max(
          0,
          fact.evidence.findIndex((e) => sentenceKey(e.docId, e.start, e.end) === sentence.dataset['sentence']),
        )
      : 0;
    selectFact(first, j, true);
    for (const i of others) factElements[i]?.classList.add('related');
  });

  /** For tests and the console: the graph and the selection functions. */
  Object.assign(window, { kgView: { cy, selectFact, selectEntity, clearSelection } });
})();
