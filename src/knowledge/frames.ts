// The grammar frames of the relation stage, checked and compiled once with the configured compromise
// (see src/extract/relations/frames.ts for what a frame is). Deal frames (licence, payment,
// acquisition, collaboration) live in data/patterns/frames.json, drug-science frames (indication,
// target) in data/patterns/science-frames.json; both files have one format and one id space.
import { z } from 'zod';
import { compileMatch, compromiseParse } from '../nlp/compromise.ts';
import { compileFrames, FrameRecord, type FrameKnowledge } from '../extract/relations/frames.ts';
import type { DataFiles } from './files.ts';

export type { FrameKnowledge } from '../extract/relations/frames.ts';

const FramesFile = z.object({
  about: z.string().min(1),
  frames: z.array(FrameRecord).min(1),
});

export const FRAMES_FILE = 'patterns/frames.json';
export const SCIENCE_FRAMES_FILE = 'patterns/science-frames.json';
/** Every frame file, in the order their frames run. */
export const FRAME_FILES: readonly string[] = [FRAMES_FILE, SCIENCE_FRAMES_FILE];

export function loadFrameKnowledge(files: DataFiles): FrameKnowledge {
  const frames: FrameRecord[] = [];
  const ids = new Set<string>();
  for (const file of FRAME_FILES) {
    for (const frame of files.json(file, FramesFile).frames) {
      if (ids.has(frame.id)) throw files.invalid(file, undefined, `the frame id "${frame.id}" is used twice`);
      ids.add(frame.id);
      for (const group of [frame.source.group, frame.target.group, frame.assets?.owner]) {
        if (group !== undefined && !frame.match.includes(`[<${group}>`)) {
          throw files.invalid(file, undefined, `frame "${frame.id}": its pattern has no capture group <${group}>`);
        }
      }
      frames.push(frame);
    }
  }
  return compileFrames(frames, { parse: compromiseParse, compile: compileMatch });
}
