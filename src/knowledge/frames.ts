// The grammar frames of the relation stage, checked and compiled once with the configured compromise
// (see src/extract/relations/frames.ts for what a frame is). They come from several files of
// data/patterns/ (the first frames, then the deal-party frames of frames-deals.json), read in order
// as one list whose ids are unique across files.
import { z } from 'zod';
import { compileMatch, compromiseParse } from '../nlp/compromise.ts';
import { compileFrames, FrameRecord, ISSUER_ROLE, type FrameKnowledge } from '../extract/relations/frames.ts';
import type { DataFiles } from './files.ts';

export type { FrameKnowledge } from '../extract/relations/frames.ts';

const FramesFile = z.object({
  about: z.string().min(1),
  frames: z.array(FrameRecord).min(1),
});

/** The frame files, in the order their frames run. */
export const FRAMES_FILES = ['patterns/frames.json', 'patterns/frames-deals.json'] as const;

export function loadFrameKnowledge(files: DataFiles): FrameKnowledge {
  const all: FrameRecord[] = [];
  const ids = new Set<string>();
  for (const file of FRAMES_FILES) {
    const { frames } = files.json(file, FramesFile);
    for (const frame of frames) {
      if (ids.has(frame.id)) throw files.invalid(file, undefined, `the frame id "${frame.id}" is used twice`);
      ids.add(frame.id);
      for (const group of [frame.source.group, frame.target.group, frame.assets?.owner]) {
        if (group !== undefined && group !== ISSUER_ROLE && !frame.match.includes(`[<${group}>`)) {
          throw files.invalid(file, undefined, `frame "${frame.id}": its pattern has no capture group <${group}>`);
        }
      }
      all.push(frame);
    }
  }
  return compileFrames(all, { parse: compromiseParse, compile: compileMatch });
}
