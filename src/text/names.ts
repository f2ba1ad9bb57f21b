// Name folding: one definition, so the resolver, the lookups API and the evaluator agree on when two
// spellings are the same name. Pure text work; what a legal form is comes from the knowledge layer
// (NameKnowledge), which builds on this.

/** Lower case, accents removed, punctuation and white space folded to single hyphens. */
export function foldName(name: string): string {
  return foldAscii(name) ?? foldUnicode(name);
}

function foldUnicode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `foldUnicode` for a name written in ASCII (most names; the resolver folds every mention several
 * times), in one pass: ASCII has no accents and is its own NFKD form, its letters and digits are
 * [A-Za-z0-9]. Undefined for any other name.
 */
function foldAscii(name: string): string | undefined {
  let out = '';
  let gap = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return undefined;
    let piece: string;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) piece = name.charAt(i);
    else if (c >= 65 && c <= 90) piece = String.fromCharCode(c + 32);
    else if (c === 38) piece = '&';
    else {
      gap = true;
      continue;
    }
    if (piece === '&') {
      // "&" reads " and ": a word of its own.
      out += out === '' ? 'and' : '-and';
      gap = true;
      continue;
    }
    if (gap && out !== '') out += '-';
    gap = false;
    out += piece;
  }
  return out;
}
