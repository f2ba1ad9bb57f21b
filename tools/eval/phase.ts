// Gold annotations write clinical phases as the text does ("Phase II", "Phase 2b", "Phase I/II",
// "preclinical"); the graph keys them PHASE_1, PHASE_2, ... (src/model/vocabulary.ts PHASE_KEYS).
// Sub-phases (a/b) fold into their phase, as the resolver's phase nodes do.
import { PhaseKey } from '../../src/index.ts';

const ROMAN: Record<string, string> = { '0': '0', i: '1', ii: '2', iii: '3', iv: '4', '1': '1', '2': '2', '3': '3', '4': '4' };

/** Maps a gold phase name to our phase key, or undefined when it names no phase. */
export function goldPhaseKey(text: string): PhaseKey | undefined {
  const t = text.trim().toLowerCase();
  if (/^pre-?clinical$/.test(t)) return 'PRECLINICAL';
  if (/^(registration|registrational|pivotal registration)$/.test(t)) return 'REGISTRATION';
  const m = /^(?:phase\s*)?(0|iv|iii|ii|i|[1-4])[ab]?(?:\s*[/-]\s*(iv|iii|ii|i|[1-4])[ab]?)?$/.exec(t);
  if (!m) return undefined;
  const first = ROMAN[m[1] ?? ''];
  const second = m[2] === undefined ? undefined : ROMAN[m[2]];
  const key = second === undefined ? `PHASE_${first}` : `PHASE_${first}_${second}`;
  const parsed = PhaseKey.safeParse(key);
  return parsed.success ? parsed.data : undefined;
}
