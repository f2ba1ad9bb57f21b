// Derives the compact lexicon tables in data/lexicons/ from the public-domain sources in
// ../shared/lexicons/ (HGNC genes, Disease Ontology). Run once when a source changes:
//   npx tsx scripts/build-lexicons.ts [path/to/shared/lexicons] [path/to/DO subsets]
// The second directory, when given, holds the Disease Ontology's subset OBO files
// (HumanDiseaseOntology src/ontology/releases/subsets/*.obo): their EXACT synonyms join the slims'.
// Output is sorted so a rebuild from the same sources gives the same bytes. Each table opens with a
// header row naming its columns, which the knowledge loader (src/knowledge/entities.ts) checks.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = process.argv[2] ?? fileURLToPath(new URL('../../shared/lexicons/', import.meta.url));
const subsetDir = process.argv[3];
const outDir = fileURLToPath(new URL('../data/lexicons/', import.meta.url));

function buildTargets(): void {
  const rows = readFileSync(join(sourceDir, 'hgnc-protein-coding-2013.tsv'), 'utf8').split(/\r?\n/);
  const header = rows.shift()?.split('\t') ?? [];
  const col = (name: string): number => header.indexOf(name);
  const [iSymbol, iStatus, iPrev, iSyn] = [col('Approved Symbol'), col('Status'), col('Previous Symbols'), col('Synonyms')];
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.split('\t');
    const symbol = cells[iSymbol]?.trim();
    if (!symbol || cells[iStatus] !== 'Approved') continue;
    const aliases = new Set<string>();
    for (const cell of [cells[iPrev], cells[iSyn]])
      for (const alias of (cell ?? '').split(',').map((a) => a.trim()))
        // Aliases of one letter or pure digits are noise even behind a context cue.
        if (alias.length >= 2 && !/^\d+$/.test(alias) && alias !== symbol && !alias.includes('\t')) aliases.add(alias);
    out.push(`${symbol}\t${[...aliases].sort().join('|')}`);
  }
  out.sort();
  const head = [
    '# Human gene symbols (protein-coding) with previous symbols and synonyms: SYMBOL<TAB>alias|alias...',
    '# Source: HGNC (HUGO Gene Nomenclature Committee) protein-coding gene export of 2013-09-02,',
    '# via ../shared/lexicons/hgnc-protein-coding-2013.tsv. Licence: CC0 (HGNC data is public domain).',
    '# Derived by scripts/build-lexicons.ts; do not edit by hand.',
  ];
  writeFileSync(join(outDir, 'hgnc-targets.tsv'), [...head, 'symbol\taliases', ...out].join('\n') + '\n');
  console.log(`hgnc-targets.tsv: ${out.length} symbols`);
}

/** Approved names of receptors ("glucagon receptor" GCGR): their ligand part names one member of an "X/Y receptor" pair. */
function buildReceptorNames(): void {
  const rows = readFileSync(join(sourceDir, 'hgnc-protein-coding-2013.tsv'), 'utf8').split(/\r?\n/);
  const header = rows.shift()?.split('\t') ?? [];
  const [iSymbol, iName, iStatus] = [header.indexOf('Approved Symbol'), header.indexOf('Approved Name'), header.indexOf('Status')];
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.split('\t');
    const symbol = cells[iSymbol]?.trim();
    const name = cells[iName]?.trim();
    if (!symbol || !name || cells[iStatus] !== 'Approved' || !/^[^,()]+ receptor$/.test(name)) continue;
    out.push(`${name}\t${symbol}`);
  }
  out.sort();
  const head = [
    '# Receptors by HGNC approved name: NAME<TAB>SYMBOL (names of the form "<ligand> receptor").',
    '# Source: HGNC protein-coding gene export of 2013-09-02, via ../shared/lexicons/hgnc-protein-coding-2013.tsv.',
    '# Licence: CC0 (HGNC data is public domain). Derived by scripts/build-lexicons.ts; do not edit by hand.',
  ];
  writeFileSync(join(outDir, 'hgnc-receptor-names.tsv'), [...head, 'name\tsymbol', ...out].join('\n') + '\n');
  console.log(`hgnc-receptor-names.tsv: ${out.length} receptors`);
}

/**
 * Proteins by HGNC approved and previous names, as prose writes them before "inhibitor" or "agonist"
 * ("dipeptidyl-peptidase 4", "lysine-specific demethylase 1", "growth differentiation factor 15"): each
 * name, and the name without its bracketed parts and trailing comma qualifiers. A name two genes share
 * is left out; so are names that say nothing of the protein (open reading frames, "family with
 * sequence similarity", "uncharacterized", "putative").
 */
function buildProteinNames(): void {
  const rows = readFileSync(join(sourceDir, 'hgnc-protein-coding-2013.tsv'), 'utf8').split(/\r?\n/);
  const header = rows.shift()?.split('\t') ?? [];
  const [iSymbol, iName, iStatus, iPrevNames] = [header.indexOf('Approved Symbol'), header.indexOf('Approved Name'), header.indexOf('Status'), header.indexOf('Previous Names')];
  const symbolsByName = new Map<string, Set<string>>();
  const add = (name: string, symbol: string, approved: boolean): void => {
    const clean = name.replace(/\s+/g, ' ').trim();
    // One word names a protein only as its approved name ("transthyretin"); an old or shortened name of one word ("fusion") is an English word as often.
    if (!approved && !/\s/.test(clean)) return;
    // Prose names a protein in a few words, without commas: longer names are never read (the rule looks six words back).
    if (clean.includes(',') || clean.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').length > 6) return;
    if (clean.length < 5 || /open reading frame|sequence similarity|uncharacterized|putative|pseudogene|hypothetical|KIAA|cDNA|^[^a-z]*$/i.test(clean) || !/[a-z]{3}/.test(clean)) return;
    let symbols = symbolsByName.get(clean.toLowerCase());
    if (!symbols) symbolsByName.set(clean.toLowerCase(), (symbols = new Set()));
    symbols.add(symbol);
  };
  for (const row of rows) {
    const cells = row.split('\t');
    const symbol = cells[iSymbol]?.trim();
    if (!symbol || cells[iStatus] !== 'Approved') continue;
    const names = [cells[iName] ?? '', ...(cells[iPrevNames] ?? '').split(/",\s*"/)].map((n) => n.replace(/^"|"$/g, '').trim()).filter((n) => n !== '');
    for (const [n, name] of names.entries()) {
      add(name, symbol, n === 0);
      // "lysine (K)-specific demethylase 1" is written "lysine-specific demethylase 1"; "phosphodiesterase 4B, cAMP-specific" as "phosphodiesterase 4B".
      const bare = name
        .replace(/\s*\([^()]*\)/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const head = bare.split(',')[0]?.trim() ?? '';
      for (const variant of [bare, head]) if (variant !== name && !/[()]/.test(variant)) add(variant, symbol, false);
    }
  }
  const out = [...symbolsByName.entries()].filter(([, symbols]) => symbols.size === 1).map(([name, symbols]) => `${name}\t${[...symbols][0] ?? ''}`);
  out.sort();
  const head = [
    '# Proteins by HGNC approved and previous names, lower case: NAME<TAB>SYMBOL. Each name also without its',
    '# bracketed parts and trailing comma qualifiers; names two genes share, names with a comma and names of more',
    '# than six words are left out.',
    '# Source: HGNC protein-coding gene export of 2013-09-02, via ../shared/lexicons/hgnc-protein-coding-2013.tsv.',
    '# Licence: CC0 (HGNC data is public domain). Derived by scripts/build-lexicons.ts; do not edit by hand.',
  ];
  writeFileSync(join(outDir, 'hgnc-protein-names.tsv'), [...head, 'name\tsymbol', ...out].join('\n') + '\n');
  console.log(`hgnc-protein-names.tsv: ${out.length} names`);
}

function unquote(s: string | undefined): string {
  return (s ?? '').replace(/^"|"$/g, '').trim();
}

/** EXACT synonyms per DOID from the OBO slims (the TSV has labels only). */
function oboSynonyms(path: string): Map<string, string[]> {
  const synonyms = new Map<string, string[]>();
  let id = '';
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('[')) id = '';
    else if (line.startsWith('id: ')) id = line.slice(4).trim();
    else if (id && line.startsWith('synonym: ')) {
      const m = /^synonym: "(.*)" EXACT/.exec(line);
      if (m?.[1]) synonyms.set(id, [...(synonyms.get(id) ?? []), m[1]]);
    }
  }
  return synonyms;
}

function buildDiseases(): void {
  const synonyms = new Map<string, string[]>();
  const files = ['disease-ontology-cancer-slim.obo', 'disease-ontology-infectious-slim.obo'].map((file) => join(sourceDir, file));
  if (subsetDir !== undefined)
    files.push(
      ...readdirSync(subsetDir)
        .filter((file) => file.endsWith('.obo'))
        .sort()
        .map((file) => join(subsetDir, file)),
    );
  // The subsets' abbreviations collide with tickers and acronyms of the field ("PFE"): only their written-out synonyms join.
  const writtenOut = (synonym: string): boolean => /\p{Ll}/u.test(synonym) && synonym.length > 4;
  files.forEach((file, index) => {
    for (const [id, list] of oboSynonyms(file)) synonyms.set(id, [...(synonyms.get(id) ?? []), ...(index < 2 ? list : list.filter(writtenOut))]);
  });
  const rows = readFileSync(join(sourceDir, 'disease-ontology-HumanDO.tsv'), 'utf8').split(/\r?\n/).slice(1);
  const out: string[] = [];
  for (const row of rows) {
    const [idCell, labelCell] = row.split('\t');
    const id = unquote(idCell);
    const label = unquote(labelCell);
    if (!id || !label) continue;
    const syns = [...new Set((synonyms.get(id) ?? []).filter((s) => s.toLowerCase() !== label.toLowerCase() && !s.includes('\t')))].sort();
    out.push(`${label}\t${id}\t${syns.join('|')}`);
  }
  out.sort();
  const head = [
    '# Diseases: DO label<TAB>DOID<TAB>exact synonym|exact synonym...',
    '# Source: Human Disease Ontology (DiseaseOntology/HumanDiseaseOntology): DOreports/HumanDO.tsv for',
    '# labels, DO_cancer_slim.obo and DO_infectious_disease_slim.obo for EXACT synonyms, via',
    ...(subsetDir === undefined
      ? ['# ../shared/lexicons/.']
      : ['# ../shared/lexicons/; written-out EXACT synonyms (no abbreviations) of the other subsets in', '# src/ontology/releases/subsets/*.obo of the same repository (commit 9fbefd6, 2026-08-19).']),
    '# Licence: CC0. Derived by scripts/build-lexicons.ts; do not edit by hand.',
  ];
  writeFileSync(join(outDir, 'diseases.tsv'), [...head, 'label\tdoid\tsynonyms', ...out].join('\n') + '\n');
  console.log(`diseases.tsv: ${out.length} diseases`);
}

buildTargets();
buildReceptorNames();
buildProteinNames();
buildDiseases();
