// Name folding used for entity keys and for matching names: one definition, so the resolver, the
// lookups API and the evaluator agree on when two names are the same.
import { dataLines } from '../data-files.ts';

/** Lower case, accents removed, punctuation and white space folded to single hyphens. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

let suffixPattern: RegExp | undefined;

function legalSuffixPattern(): RegExp {
  if (!suffixPattern) {
    const alternatives = dataLines('lexicons/company-legal-suffixes.txt')
      .slice()
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.$/, '\\.?').replace(/ /g, '\\s+'));
    // "Merck & Co." keeps its "& Co.": the ampersand makes it part of the name.
    suffixPattern = new RegExp(`(?<!&)(?:,?\\s+)(?:${alternatives.join('|')})\\s*$`, 'i');
  }
  return suffixPattern;
}

/** "ImmunoGen, Inc." → "ImmunoGen"; repeated so "Foo Holdings Co., Ltd." loses only its legal form. */
export function stripLegalSuffix(name: string): string {
  let current = name.trim().replace(/[,\s]+$/, '');
  for (;;) {
    const next = current.replace(legalSuffixPattern(), '').replace(/[,\s]+$/, '');
    if (next === current || next.length < 2) return current;
    current = next;
  }
}

/** The part of an entity key after the label: a company's name without its legal form, folded. */
export function keyPart(label: string, name: string): string {
  return foldName(label === 'Company' ? stripLegalSuffix(name) : name);
}

export function entityKey(label: string, name: string): string {
  return `${label.toLowerCase()}:${keyPart(label, name)}`;
}
