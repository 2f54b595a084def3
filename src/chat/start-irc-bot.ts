import type { Runtime } from '../app/runtime.ts';
import { type ChatLog, IrcBot } from './irc-bot.ts';
import type { IrcSettings } from './irc-settings.ts';

/** A structured logger, such as the HTTP server's: errors go with the error object attached. */
export interface StructuredLog {
  info(message: string): void;
  warn(message: string): void;
  error(fields: { err: unknown }, message: string): void;
}

/** Two text streams, such as the CLI's: errors are written with their stack. */
export interface TextLog {
  out(line: string): void;
  err(line: string): void;
}

/** The bot's log written to a structured logger or to two text streams. */
export function chatLogTo(target: StructuredLog | TextLog): ChatLog {
  if ('out' in target)
    return {
      info: (message) => target.out(message),
      warn: (message) => target.err(message),
      error: (message, error) =>
        target.err(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    };
  return {
    info: (message) => target.info(message),
    warn: (message) => target.warn(message),
    error: (message, err) => target.error({ err }, message),
  };
}

/** Starts the IRC bot on the runtime, logging to `log`; it runs until `stop`. */
export function startIrcBot(runtime: Runtime, settings: IrcSettings, log: StructuredLog | TextLog): IrcBot {
  const bot = new IrcBot({ settings, runtime, log: chatLogTo(log) });
  bot.start();
  return bot;
}
