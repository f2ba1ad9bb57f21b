// Targets: gene and protein symbols behind a context cue (anti-X, X-targeting, targeting X,
// X inhibitor, X-positive ...). HGNC resolves the symbol; an antigen HGNC does not know is still a
// target when the cue says so.
import type { Candidate, Scope } from './candidates.ts';
import { candidate, sweep } from './candidates.ts';
import { diseaseLexicon, hgnc, payloads, targetKey } from './lexicons.ts';

/** A symbol-shaped token: HER2, PD-L1, B7-H3, FGFR1c, HIF-2α, β-Klotho, TA-MUC1, CanAg, LIV-1. */
// Segments after a hyphen are symbol-like ("PD-L1", "HIF-2α", "Fc-gamma"), never an ordinary word ("-targeting").
const SYMBOL = String.raw`(?:[αβγκ]-)?[\p{Lu}\d][\p{L}\d]*(?:-(?:[\p{Lu}\d][\p{L}\d]*|alpha|beta|gamma|kappa))*`;
const CUE_AFTER = String.raw`(?:[- ](?:targeting|targeted|directed|positive|negative|expressing|mutated|mutant|specific|low|high|amplified|overexpressing)|[ \t]+(?:inhibitors?|antagonists?|agonists?|antibod(?:y|ies)|blockade|blocker|receptor|ligands?|degraders?|modulators?))`;
const CUE_BEFORE = String.raw`(?:anti-|targeting[ \t]+|targets[ \t]+|antibodies[ \t]+to[ \t]+|inhibitors?[ \t]+of[ \t]+|inhibition[ \t]+of[ \t]+|binds?[ \t]+to[ \t]+|agonists?[ \t]+of[ \t]+|activates?[ \t]+)`;

let compiled: { after: RegExp; before: RegExp } | undefined;

function patterns(): NonNullable<typeof compiled> {
  compiled ??= {
    after: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${SYMBOL})(?=${CUE_AFTER}(?![\p{L}]))`, 'gu'),
    before: new RegExp(String.raw`${CUE_BEFORE}(?:the[ \t]+)?(${SYMBOL})(?![\p{L}\p{N}])`, 'gu'),
  };
  return compiled;
}

/** Acronyms and words a cue may stand next to that are not molecular targets. */
const NOT_TARGETS = /^(?:ADC|ADCs|mRNA|DNA|RNA|FDA|EMA|COVID-19|SARS-CoV-2|HIV|The|This|These|Its|Our|A|An|Phase|CEO|US|U\.S|EU|TKI|PD|I|II|III|IV|Type|Class|T-cell|T|B|IgG\d?|Fc|Merck|Company|Cancer|Tumor|Patients|Treatment|Therapy|Clinical|Drug|Antibody|Antibodies)$/;

export interface TargetHit {
  canonical: string;
  symbol?: string;
}

/** Maps a surface symbol to its entity name: the HGNC approved symbol when unambiguous. */
export function resolveTarget(surface: string): TargetHit | undefined {
  const bare = surface.replace(/[’']s$/, '');
  // Payloads (DXd, MMAE) and disease abbreviations (NSCLC) stand next to the same cue words.
  if (payloads().has(bare.toLowerCase()) || diseaseLexicon().byAbbreviation.has(bare)) return undefined;
  if (NOT_TARGETS.test(bare) || bare.length < 2 || /^\d+$/.test(bare)) return undefined;
  // A symbol needs a capital or digit beyond its first letter ("CanAg", "HER2"), not an ordinary word.
  if (!/^(?:[αβγκ]-)?.[\p{L}\d]*[\p{Lu}\d]/u.test(bare)) return undefined;
  const symbols = hgnc().get(targetKey(bare));
  if (symbols && symbols.length === 1 && symbols[0]) return { canonical: symbols[0], symbol: symbols[0] };
  return { canonical: bare };
}

export function findTargets(scope: Scope): Candidate[] {
  const p = patterns();
  const out: Candidate[] = [];
  const add = (surface: string, start: number, rule: string, sentence: Scope['sentences'][number]): void => {
    const hit = resolveTarget(surface);
    if (!hit) return;
    const properties = hit.symbol ? { hgncSymbol: hit.symbol } : undefined;
    out.push(candidate({ label: 'Target', start, surface, canonical: hit.canonical, rule, priority: 46, sentence, ...(properties ? { properties } : {}) }));
  };
  sweep(scope, p.after, (m, offset, sentence) => add(m[1] ?? '', offset, 'target.cue-after', sentence));
  sweep(scope, p.before, (m, offset, sentence) => {
    const symbol = m[1] ?? '';
    add(symbol, offset + m[0].length - symbol.length, 'target.cue-before', sentence);
  });
  return out;
}
