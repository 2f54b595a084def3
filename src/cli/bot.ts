import { startIrcBot } from '../chat/start-irc-bot.ts';
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
    io.out(`The IRC bot is starting (trust: ${config.irc.trust}).`);
    const ircBot = startIrcBot(runtime, config.irc, io);
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
