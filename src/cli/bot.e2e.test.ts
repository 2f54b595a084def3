import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithIrcServer,
  freePort,
  TestIrcClient,
  TestIrcServer,
} from '../../test/support/irc-server.ts';

const bin = new URL('../../bin/convene.js', import.meta.url).pathname;

describeWithIrcServer('convene serve and convene bot start the IRC bot from the environment', () => {
  let server: TestIrcServer;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    server = await TestIrcServer.start();
    dir = mkdtempSync(join(tmpdir(), 'convene-bot-'));
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(args: string[], nick: string, channel: string): ChildProcess {
    const child = spawn(process.execPath, [bin, ...args], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${join(dir, 'convene.sqlite')}`,
        IRC_SERVER: '127.0.0.1',
        IRC_PORT: String(server.port),
        IRC_TLS: 'false',
        IRC_NICK: nick,
        IRC_CHANNEL: channel,
        IRC_TRUST: 'nick',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  }

  async function answersHelp(nick: string, channel: string): Promise<void> {
    const person = await TestIrcClient.connect(server, `Asker${nick}`, channel);
    try {
      for (let tries = 0; ; tries++) {
        const since = person.mark();
        person.say(nick, 'help');
        try {
          await person.waitFor((line) => line.startsWith('Team commands'), {
            from: nick,
            to: person.nick,
            since,
            timeoutMs: 2000,
          });
          return;
        } catch (error) {
          if (tries > 20) throw error;
        }
      }
    } finally {
      await person.quit();
    }
  }

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  it('convene serve --demo runs the bot beside the web server, and stops it with the server', async () => {
    const serve = start(['serve', '--demo', '--port', String(await freePort())], 'convene', '#ptg');
    await answersHelp('convene', '#ptg');
    const done = exited(serve);
    serve.kill('SIGTERM');
    expect(await done).toBe(0);
  });

  it('convene bot runs the bot alone on the same database, and stops cleanly', async () => {
    const bot = start(['bot'], 'convenebot', '#ptg-bot');
    await answersHelp('convenebot', '#ptg-bot');
    const done = exited(bot);
    bot.kill('SIGTERM');
    expect(await done).toBe(0);
  });
});
