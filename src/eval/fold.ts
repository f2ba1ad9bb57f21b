// Name folding for scoring against the gold annotations (../shared/corpus/README.md, "Gold format"):
// names compare case-insensitively after folding punctuation, spaces and company suffixes. This is
// deliberately looser than the resolver's `foldName`/`stripLegalSuffix` (src/resolve/normalize.ts):
// the evaluator must not punish a name for its punctuation ("examab DM9" = "examab-DM9",
// "Co.,Ltd" = "Co., Ltd.") or for a legal form the resolver keeps, while keys must stay stable. It
// works on word tokens, so dotted and slashed abbreviations ("S.A.", "A/S", "N.V.") fold to one token.

/**
 * Legal-form tokens dropped from the end of a name (ISO 20275 ELF abbreviations, as tokens after
 * dots and slashes are removed). "co" is kept after "and" so "Merck & Co." never folds to "Merck";
 * "KGaA" and "KG" are not legal noise here either: they tell companies apart.
 */
const LEGAL_SUFFIX_TOKENS: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc',
  'ag', 'sa', 'sas', 'spa', 'nv', 'bv', 'gmbh', 'kk', 'as', 'ab', 'asa', 'oy', 'oyj', 'sl', 'srl',
  'se', 'pty', 'pte', 'pvt', 'ltda', 'bvba', 'aps', 'sarl', 'ulc', 'lllp', 'pbc',
]);

/** Words folded to tokens: accents dropped, "&" read as "and", dots/apostrophes/slashes joined. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’/]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/** The comparison form of a name: tokens without a leading "the" or trailing legal forms, joined. */
export function matchKey(name: string): string {
  const tokens = nameTokens(name);
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1] ?? '';
    const before = tokens[tokens.length - 2];
    if (!LEGAL_SUFFIX_TOKENS.has(last) || (last === 'co' && before === 'and')) break;
    tokens.pop();
  }
  return tokens.join('');
}

/** The comparison forms of a name and its aliases (empty forms dropped). */
export function matchKeys(names: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const n of names) {
    const k = matchKey(n);
    if (k !== '') keys.add(k);
  }
  return keys;
}
