import { IrcBot } from '../chat/irc-bot.ts';
import { readConfig } from '../config.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const bot: Command = {
  usage: 'convene bot',
  summary: 'run the IRC bot alone (IRC_SERVER, IRC_CHANNEL… as for serve; see the README)',
  async run(args, io) {
    if (args.length > 0) throw new UsageError('convene bot takes no arguments.');
    const config = readConfig(io.env);
    if (!config.irc) {
      io.err('Set IRC_SERVER and IRC_CHANNEL (see the README) to run the bot.');
      return 2;
    }
    const runtime = await io.runtime();
    const ircBot = new IrcBot({
      settings: config.irc,
      runtime,
      log: {
        info: (message) => io.out(message),
        warn: (message) => io.err(message),
        error: (message, error) =>
          io.err(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      },
    });
    io.out(`The IRC bot is starting (trust: ${config.irc.trust}).`);
    ircBot.start();
    const stop = async () => {
      await ircBot.stop();
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  },
};
