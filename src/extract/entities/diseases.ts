// Diseases: Disease Ontology labels and synonyms plus the field's common forms, looked up word by
// word (hash lookups, linear in the text). Stage and setting qualifiers ("metastatic", "relapsed or
// refractory") and biomarker qualifiers ("HER2-positive") stay in the span and the properties but
// not in the name, so each disease is one node.
import type { Candidate, Scope } from './candidates.ts';
import { candidate } from './candidates.ts';
import { diseaseLexicon, phraseKey } from './lexicons.ts';
import { dataLines } from '../../data-files.ts';

interface Token {
  word: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const BIOMARKER = /^[\p{Lu}\d][\p{L}\d]*[-‐](?:positive|negative|expressing|mutated|mutant|low|high|amplified|associated|related)$/u;

let qualifierWords: Set<string> | undefined;
function qualifiers(): Set<string> {
  return (qualifierWords ??= new Set(dataLines('lexicons/disease-qualifiers.txt')));
}

function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) tokens.push({ word: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return tokens;
}

/** Words of one phrase are joined by spaces or hyphens only. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^[ \t\-‐–]+$/.test(text.slice(a.end, b.start));
}

function singular(key: string): string[] {
  if (key.endsWith('ies')) return [key.slice(0, -3) + 'y'];
  if (key.endsWith('es')) return [key.slice(0, -2), key.slice(0, -1)];
  if (key.endsWith('s')) return [key.slice(0, -1)];
  return [];
}

export function findDiseases(scope: Scope): Candidate[] {
  const lexicon = diseaseLexicon();
  const out: Candidate[] = [];
  const text = scope.text;
  for (const sentence of scope.sentences) {
    const tokens = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (!first) continue;
      const abbreviation = lexicon.byAbbreviation.get(first.word);
      let hit: { entry: { name: string; doid?: string }; last: number } | undefined;
      const max = lexicon.maxWords.get(phraseKey(first.word)) ?? 0;
      for (let n = Math.min(max, tokens.length - i); n >= 1 && !hit; n--) {
        let ok = true;
        for (let k = i; k < i + n - 1; k++) if (!joined(text, tokens[k] as Token, tokens[k + 1] as Token)) ok = false;
        if (!ok) continue;
        const last = tokens[i + n - 1] as Token;
        const key = phraseKey(text.slice(first.start, last.end));
        const entry = lexicon.byKey.get(key) ?? singular(key).map((k) => lexicon.byKey.get(k)).find((e) => e !== undefined);
        // A one-word lexicon hit written in capitals mid-sentence is an acronym or a name, not this disease.
        if (entry && !(n === 1 && /^\p{Lu}{2,}$/u.test(first.word) && !lexicon.byAbbreviation.has(first.word))) hit = { entry, last: i + n - 1 };
      }
      if (!hit && abbreviation) hit = { entry: abbreviation, last: i };
      if (!hit) continue;
      // Walk left over qualifiers so the span reads "HER2-positive metastatic breast cancer".
      let startToken = i;
      const found: string[] = [];
      while (startToken > 0) {
        const prev = tokens[startToken - 1] as Token;
        const cur = tokens[startToken] as Token;
        if (!joined(text, prev, cur)) break;
        if (qualifiers().has(prev.word.toLowerCase())) {
          found.unshift(prev.word.toLowerCase());
          startToken--;
          continue;
        }
        // "HER2-positive": the biomarker token pair ends in a qualifier word.
        const beforePrev = tokens[startToken - 2];
        if (beforePrev && BIOMARKER.test(text.slice(beforePrev.start, prev.end))) {
          found.unshift(text.slice(beforePrev.start, prev.end));
          startToken -= 2;
          continue;
        }
        break;
      }
      // Trailing joiners ("or", "and", "to") never open the span.
      while (startToken < i && ['or', 'and', 'to'].includes((tokens[startToken] as Token).word.toLowerCase())) {
        found.shift();
        startToken++;
      }
      const startTok = tokens[startToken] as Token;
      const endTok = tokens[hit.last] as Token;
      const properties: Candidate['properties'] = {};
      if (hit.entry.doid) properties['doid'] = hit.entry.doid;
      if (found.length) properties['qualifiers'] = found;
      out.push(
        candidate({
          label: 'Disease',
          start: startTok.start,
          surface: text.slice(startTok.start, endTok.end),
          canonical: hit.entry.name,
          rule: hit.last === i && abbreviation && hit.entry === abbreviation ? 'disease.abbreviation' : 'disease.lexicon',
          // Above a target cue: in "HER2-positive breast cancer" the phrase names the disease.
          priority: 47,
          sentence,
          properties,
        }),
      );
      i = hit.last;
    }
  }
  return out;
}
