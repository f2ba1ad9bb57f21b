// The grammar frames of the relation stage (data/patterns/frames.json), checked and compiled once
// with the configured compromise (see src/extract/relations/frames.ts for what a frame is).
import { z } from 'zod';
import { compileMatch, compromiseTag, impliedWords, matchSteps, readsChunks } from '../nlp/compromise.ts';
import { compileFrames, FrameRecord, type FrameKnowledge } from '../extract/relations/frames.ts';
import type { DataFiles } from './files.ts';

export type { FrameKnowledge } from '../extract/relations/frames.ts';

const FramesFile = z.object({
  about: z.string().min(1),
  frames: z.array(FrameRecord).min(1),
});

export const FRAMES_FILE = 'patterns/frames.json';

export function loadFrameKnowledge(files: DataFiles): FrameKnowledge {
  const { frames } = files.json(FRAMES_FILE, FramesFile);
  const ids = new Set<string>();
  for (const frame of frames) {
    if (ids.has(frame.id)) throw files.invalid(FRAMES_FILE, undefined, `the frame id "${frame.id}" is used twice`);
    ids.add(frame.id);
    for (const group of [frame.source.group, frame.target.group, frame.assets?.owner]) {
      if (group !== undefined && !frame.match.includes(`[<${group}>`)) {
        throw files.invalid(FRAMES_FILE, undefined, `frame "${frame.id}": its pattern has no capture group <${group}>`);
      }
    }
    // The frames parse without compromise's chunker (compromiseTag): a pattern may read words and tags, not chunks.
    if (readsChunks(compileMatch(frame.match))) throw files.invalid(FRAMES_FILE, undefined, `frame "${frame.id}": its pattern reads a chunk (<Noun>); frames read words and tags only`);
  }
  return compileFrames(frames, { parse: compromiseTag, compile: compileMatch, steps: matchSteps, impliedWords });
}
