// Runs a bench child process and reads the one JSON line it prints last, checked against a schema at
// the process boundary. Used for the sections that need a process of their own (scale sizes for
// honest peak memory, the one-core run for pinning).
import { spawn } from 'node:child_process';
import type { z } from 'zod';
import { KgError } from '../../src/index.ts';

export function runJsonChild<T>(command: string, args: readonly string[], schema: z.ZodType<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || line === '') {
        reject(new KgError('INPUT_MALFORMED', `${what} failed (exit ${String(code)})`, { subject: 'bench' }));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) resolve(parsed.data);
      else reject(new KgError('SCHEMA_INVALID', `${what} printed unexpected figures: ${line.slice(0, 200)}`, { subject: 'bench' }));
    });
  });
}
