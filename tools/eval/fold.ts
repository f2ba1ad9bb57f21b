// Name folding for scoring against the gold annotations (../shared/corpus/README.md, "Gold format"):
// names compare case-insensitively after folding punctuation, spaces and company suffixes. It builds
// on the library's own folding (`foldName`) and legal forms (`knowledge.names.stripLegalSuffix`, the
// one list in data/lexicons/company-legal-suffixes.txt), and is looser than an entity key in one way:
// the evaluator must not punish a name for its punctuation ("examab DM9" = "examab-DM9", "S.A." =
// "SA", "Co.,Ltd" = "Co., Ltd."), so dots, apostrophes and slashes are dropped and the folded words
// joined without separators.
import { foldName, type Knowledge } from '../../src/index.ts';

/** The comparison forms of names, with the legal forms of the knowledge the extraction ran on. */
export interface NameFolding {
  /** The comparison form of a name: folded words without a leading "the" or a trailing legal form, joined. */
  readonly matchKey: (name: string) => string;
  /** The comparison forms of a name and its aliases (empty forms dropped). */
  readonly matchKeys: (names: Iterable<string>) => Set<string>;
}

export function nameFolding(names: Pick<Knowledge['names'], 'stripLegalSuffix'>): NameFolding {
  const matchKey = (name: string): string => {
    // NFKD first, so the dots and slashes removed below are also those of compatibility characters.
    // "Co.,Ltd" gets the space after its comma that the legal forms are written with.
    const spaced = name.normalize('NFKD').replace(/,(?=\S)/g, ', ');
    const words = foldName(names.stripLegalSuffix(spaced).replace(/[.'’/]/g, ''))
      .split('-')
      .filter((w) => w !== '');
    if (words.length > 1 && words[0] === 'the') words.shift();
    return words.join('');
  };
  const matchKeys = (list: Iterable<string>): Set<string> => {
    const keys = new Set<string>();
    for (const n of list) {
      const k = matchKey(n);
      if (k !== '') keys.add(k);
    }
    return keys;
  };
  return { matchKey, matchKeys };
}
