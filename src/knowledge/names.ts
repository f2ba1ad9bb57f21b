// Company legal forms and entity keys (see index.ts). The one legal-suffix list of the project is
// data/lexicons/company-legal-suffixes.txt; everything that strips or recognises a legal form asks
// this object, so structure, extraction, resolution, the API and the evaluator agree.
import { escapeRegex } from '../text/regex.ts';
import { foldName } from '../text/names.ts';
import type { DataFiles } from './files.ts';

export interface NameKnowledge {
  /** The legal forms as written in the data file ("Inc.", "Co., Ltd.", "GmbH"), longest first. */
  readonly legalSuffixes: readonly string[];
  /** "ImmunoGen, Inc." → "ImmunoGen"; repeated so "Foo Holdings Co., Ltd." loses only its legal form. */
  stripLegalSuffix(name: string): string;
  /** The part of an entity key after the label: a company's name without its legal form, folded. */
  keyPart(label: string, name: string): string;
  /** `company:immunogen`, `drug:trastuzumab-dm1`: the key that makes one node of one thing. */
  entityKey(label: string, name: string): string;
}

export function loadNameKnowledge(files: DataFiles): NameKnowledge {
  const legalSuffixes = Object.freeze(files.lines('lexicons/company-legal-suffixes.txt').sort((a, b) => b.length - a.length));
  const alternatives = legalSuffixes.map((s) => escapeRegex(s).replace(/\\\.$/, '\\.?').replace(/ /g, '\\s+'));
  // "Merck & Co." keeps its "& Co.": the ampersand makes it part of the name.
  const suffixPattern = new RegExp(`(?<!&)(?:,?\\s+)(?:${alternatives.join('|')})\\s*$`, 'i');

  const stripLegalSuffix = (name: string): string => {
    let current = name.trim().replace(/[,\s]+$/, '');
    for (;;) {
      const next = current.replace(suffixPattern, '').replace(/[,\s]+$/, '');
      if (next === current || next.length < 2) return current;
      current = next;
    }
  };
  const keyPart = (label: string, name: string): string => foldName(label === 'Company' ? stripLegalSuffix(name) : name);
  const entityKey = (label: string, name: string): string => `${label.toLowerCase()}:${keyPart(label, name)}`;
  return Object.freeze({ legalSuffixes, stripLegalSuffix, keyPart, entityKey });
}
