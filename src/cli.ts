// The `kg` command: parses arguments, calls the library, maps typed errors to one line and an exit
// status. No extraction or database logic lives here.
import { Command, CommanderError } from 'commander';
import { extractGraph } from './pipeline.ts';
import { toJson } from './writers/json.ts';
import { toCypherScript } from './writers/cypher-file.ts';
import { isKgError } from './errors.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function buildProgram(out: (s: string) => void, err: (s: string) => void, setExit: (code: number) => void): Command {
  const program = new Command('kg')
    .description('Build a Neo4j knowledge graph of life-sciences deals from SEC filings and press releases')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  program
    .command('extract')
    .description('extract the graph from files or directories (- for stdin) and print it; no database needed')
    .argument('<inputs...>', 'files, directories or - for stdin')
    .option('-f, --format <format>', 'json or cypher', 'json')
    .action(async (inputs: string[], options: { format: string }) => {
      if (options.format !== 'json' && options.format !== 'cypher') {
        err(`kg extract: unknown format "${options.format}" (use json or cypher)\n`);
        setExit(EXIT.usage);
        return;
      }
      const { graph, failures } = await extractGraph(inputs);
      for (const f of failures) err(`${f.error.toLine()}\n`);
      out(options.format === 'json' ? toJson(graph) : toCypherScript(graph));
      if (failures.length > 0) setExit(EXIT.failed);
    });

  return program;
}

export async function main(argv: string[], io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) }): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io.out, io.err, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isKgError(error)) {
      io.err(`kg: ${error.toLine()}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  return exitCode;
}
