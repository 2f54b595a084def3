import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/main.ts';

/** Runs `convene …` in this process with the given environment, collecting what it prints. */
export async function runCliInProcess(env: NodeJS.ProcessEnv, argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: async (path) => readFileSync(path, 'utf8'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
