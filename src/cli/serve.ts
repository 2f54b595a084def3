import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { startServer } from '../server.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const serve: Command = {
  usage: 'convene serve [--port N] [--demo]',
  summary: 'run the web server (with --demo: load the October 2022 PTG and start its clock mid-event)',
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { port: { type: 'string' }, demo: { type: 'boolean' } },
    });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !Number.isInteger(port)) throw new UsageError('--port takes a number.');
    await startServer(readConfig(io.env, { port, demo: values.demo ?? false }), io.env);
    return -1;
  },
};
