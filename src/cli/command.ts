import type { OpenRuntime } from '../runtime.ts';

/** A sub-command: its usage line and what it does with the parsed arguments. */
export interface Command {
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** What a command may touch: the runtime (opened on demand), the environment and the terminal. */
export interface CliIo {
  runtime(): Promise<OpenRuntime>;
  readonly env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): Promise<string>;
}

/** Thrown for wrong usage; the message is printed with the command's usage line. */
export class UsageError extends Error {}
