// A sentence that names no drug but refers back to a trial ("The Phase 2 trial enrolled …", "an ongoing phase 2
// trial for D") gives its phase to the only drug of its paragraph, or of the paragraph before when its own names
// none; two drugs, or a trial whose object the sentence names, give nothing. Invented names.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function phaseLines(text: string): string[] {
  const [extraction] = extractText(text, { path: 'referred-trial.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts).filter((line) => line.startsWith('IN_PHASE'));
}

describe('the phase of a trial a later sentence refers back to', () => {
  it('gives "The Phase 2 trial …" to the drug of the sentence before', () => {
    expect(phaseLines('Acme Bio is developing QX-12, an oral inhibitor for plaque psoriasis. The Phase 2 trial enrolled 120 patients.')).toEqual(['IN_PHASE QX-12 -> PHASE_2']);
  });

  it('reads "its pivotal Phase 3 study" as the drug named before', () => {
    expect(phaseLines('Acme Bio is developing QX-12 for psoriasis. Enrollment in its pivotal Phase 3 study is complete.')).toEqual(['IN_PHASE QX-12 -> PHASE_3']);
  });

  it('reads "an ongoing phase 2 trial" in a paragraph after the one about the drug', () => {
    expect(phaseLines('QX-12 is an autologous cell product for chronic back pain.\n\nSafety and efficacy endpoints from an ongoing phase 2 trial for the treatment of back pain have been encouraging, the company said.')).toEqual([
      'IN_PHASE QX-12 -> PHASE_2',
    ]);
  });

  it('reads the trial when the paragraph names the drug again after it', () => {
    expect(phaseLines('QX-101 is a once-daily oral solution for retinopathy of prematurity. The Phase 1b/2 ACME-1 study is scheduled to begin in 2026. The FDA granted QX-101 Fast Track designation.')).toEqual([
      'IN_PHASE QX-101 -> PHASE_1_2',
    ]);
  });

  it('gives nothing when the paragraph names two drugs', () => {
    expect(phaseLines('Acme Bio is developing QX-12 and RZ-340 for psoriasis. The Phase 2 trial enrolled 120 patients.')).toEqual([]);
  });

  it('gives nothing for a trial whose object the sentence names', () => {
    expect(phaseLines('Acme Bio is developing QX-12 for psoriasis. The Phase 2 trial of a topical cream sponsored by a university enrolled 40 patients.')).toEqual([]);
  });

  it('gives nothing for a trial the sentence does not refer back to', () => {
    expect(phaseLines('Acme Bio is developing QX-12 for psoriasis. The company said a Phase 3 trial by another group failed.')).toEqual([]);
  });
});
