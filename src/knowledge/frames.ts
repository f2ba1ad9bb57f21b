// The grammar frames of the relation stage, checked and compiled once with the configured compromise
// (see src/extract/relations/frames.ts for what a frame is). They come from several files of
// data/patterns/, read in order as one list whose ids are unique across files: the first deal frames
// (frames.json), the deal-party frames (frames-deals.json) and the drug-science frames (indication,
// target: science-frames.json); all have one format.
import { z } from 'zod';
import { compileMatch, compromiseTag, compromiseTagEach, compromiseTokens, impliedWords, impliesWords, matchSteps, readsChunks, tagsRead } from '../nlp/compromise.ts';
import { compileFrames, FrameRecord, ISSUER_ROLE, type FrameKnowledge } from '../extract/relations/frames.ts';
import type { DataFiles } from './files.ts';

export type { FrameKnowledge } from '../extract/relations/frames.ts';

const FramesFile = z.object({
  about: z.string().min(1),
  frames: z.array(FrameRecord).min(1),
});

/** The frame files, in the order their frames run. */
export const FRAME_FILES: readonly string[] = ['patterns/frames.json', 'patterns/frames-deals.json', 'patterns/science-frames.json'];

export function loadFrameKnowledge(files: DataFiles): FrameKnowledge {
  const all: FrameRecord[] = [];
  const ids = new Set<string>();
  for (const file of FRAME_FILES) {
    for (const frame of files.json(file, FramesFile).frames) {
      if (ids.has(frame.id)) throw files.invalid(file, undefined, `the frame id "${frame.id}" is used twice`);
      ids.add(frame.id);
      for (const group of [frame.source.group, frame.target.group, frame.assets?.owner]) {
        if (group !== undefined && group !== ISSUER_ROLE && !frame.match.includes(`[<${group}>`)) {
          throw files.invalid(file, undefined, `frame "${frame.id}": its pattern has no capture group <${group}>`);
        }
      }
      // The frames parse without compromise's chunker (compromiseTag): a pattern may read words and tags, not chunks.
      if (readsChunks(compileMatch(frame.match))) throw files.invalid(file, undefined, `frame "${frame.id}": its pattern reads a chunk (<Noun>); frames read words and tags only`);
      all.push(frame);
    }
  }
  return compileFrames(all, { parse: compromiseTag, parseEach: compromiseTagEach, tokens: compromiseTokens, tagsRead, compile: compileMatch, steps: matchSteps, impliedWords, impliesWords });
}
