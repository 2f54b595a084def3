import { parseArgs } from 'node:util';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';
import { nginxConfig } from './nginx-config.ts';

const port = '([1-9][0-9]{0,4})';
/** `PORT`, `ADDRESS:PORT` or `[IPv6]:PORT`: what nginx's listen takes, kept to what Convene means. */
const listenPattern = new RegExp(`^(?:(?:[0-9.]+|\\[[0-9a-fA-F:]+\\]|[a-zA-Z0-9.-]+):)?${port}$`);
/** `HOST:PORT` or `[IPv6]:PORT` of one instance. */
const upstreamPattern = new RegExp(`^(?:[a-zA-Z0-9.-]+|\\[[0-9a-fA-F:]+\\]):${port}$`);
/** server_name: host names, wildcards, or `_` (any) — nothing nginx would read as syntax. */
const serverNamePattern = /^[a-zA-Z0-9.*_-]{1,253}$/;

function portOk(text: string): boolean {
  const number = Number(text.slice(text.lastIndexOf(':') + 1));
  return number >= 1 && number <= 65535;
}

export const deployNginx: Command = {
  usage: 'convene deploy nginx --listen PORT --server-name NAME --upstream HOST:PORT [--upstream …]',
  summary: 'print a complete nginx configuration for these instances behind one nginx',
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        listen: { type: 'string' },
        'server-name': { type: 'string' },
        upstream: { type: 'string', multiple: true },
      },
    });
    const listen = values.listen ?? '';
    const serverName = values['server-name'] ?? '';
    const upstreams = values.upstream ?? [];
    if (!listenPattern.test(listen) || !portOk(listen))
      throw new UsageError('--listen takes a port, or ADDRESS:PORT, such as 80 or 127.0.0.1:8080.');
    if (!serverNamePattern.test(serverName))
      throw new UsageError('--server-name takes the public host name, such as ptg.example.org.');
    if (upstreams.length === 0) throw new UsageError('Give each instance with --upstream HOST:PORT.');
    const bad = upstreams.find((upstream) => !upstreamPattern.test(upstream) || !portOk(upstream));
    if (bad)
      throw new UsageError(`--upstream takes HOST:PORT, such as 127.0.0.1:3000, not "${bad.slice(0, 60)}".`);
    io.out(nginxConfig({ listen, serverName, upstreams }));
    return 0;
  },
};
