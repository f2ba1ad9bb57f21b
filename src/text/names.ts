// Name folding: one definition, so the resolver, the lookups API and the evaluator agree on when two
// spellings are the same name. Pure text work; what a legal form is comes from the knowledge layer
// (NameKnowledge), which builds on this.

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
