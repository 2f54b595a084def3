import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type MessageEvent } from 'irc-framework';
import { freePort } from './server-process.ts';
import { describeWithService } from './services.ts';

const ngircdPath = '/usr/sbin/ngircd';

/** Debian's ngIRCd, which the IRC suites start on a loopback port of their own. */
export const ircServerAvailable = existsSync(ngircdPath);

/** `describe` for suites that need an IRC server (see `describeWithService`). */
export function describeWithIrcServer(name: string, body: () => void): void {
  describeWithService('ngircd', ircServerAvailable, name, body);
}

/** For the IRC suites, which take it from here. */
export { freePort };

/**
 * A real IRC server in the foreground, on a free loopback port, with flood penalties off (the bot's
 * own rate limit is what is under test) and a server password when given. `stop` kills it; `start`
 * again brings it back on the same port, as after a crash and restart.
 */
export class TestIrcServer {
  private process: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'convene-irc-'));

  private constructor(
    readonly port: number,
    readonly password: string | null,
  ) {
    writeFileSync(
      join(this.dir, 'ngircd.conf'),
      [
        '[Global]',
        '\tName = irc.convene.test',
        '\tInfo = Convene test server',
        '\tAdminInfo1 = Convene tests',
        '\tAdminInfo2 = Loopback',
        '\tAdminEMail = tests@example.org',
        '\tListen = 127.0.0.1',
        `\tPorts = ${port}`,
        '\tMotdPhrase = "Convene tests"',
        `\tPidFile = ${join(this.dir, 'ngircd.pid')}`,
        ...(password ? [`\tPassword = ${password}`] : []),
        '[Limits]',
        '\tMaxNickLength = 30',
        '\tMaxPenaltyTime = 0',
        '\tMaxConnectionsIP = 0',
        '\tPingTimeout = 120',
        '\tPongTimeout = 20',
        '[Options]',
        '\tDNS = no',
        '\tIdent = no',
        '\tPAM = no',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
  }

  static async start(options: { password?: string } = {}): Promise<TestIrcServer> {
    const server = new TestIrcServer(await freePort(), options.password ?? null);
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    const child = spawn(ngircdPath, ['-n', '-f', join(this.dir, 'ngircd.conf')], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    this.process = child;
    for (let tries = 0; tries < 100; tries++) {
      if (child.exitCode !== null) throw new Error(`ngircd exited with ${child.exitCode}`);
      if (await accepts(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`ngircd did not listen on ${this.port}`);
  }

  /** kills the server at once, dropping every connection */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A person on IRC: a real irc-framework client that remembers every message it receives. */
export class TestIrcClient {
  readonly client = new Client();
  readonly heard: MessageEvent[] = [];

  private constructor(readonly nick: string) {
    this.client.on('privmsg', (event) => this.heard.push(event));
  }

  static async connect(server: TestIrcServer, nick: string, channel?: string): Promise<TestIrcClient> {
    const person = new TestIrcClient(nick);
    const registered = new Promise<void>((resolve) => person.client.on('registered', () => resolve()));
    person.client.connect({
      host: '127.0.0.1',
      port: server.port,
      nick,
      username: nick.toLowerCase().slice(0, 10),
      gecos: nick,
      auto_reconnect: false,
      ...(server.password ? { password: server.password } : {}),
    });
    await withTimeout(registered, `${nick} to register`);
    if (channel) await person.join(channel);
    return person;
  }

  async join(channel: string): Promise<void> {
    const joined = new Promise<void>((resolve) =>
      this.client.on('join', (event) => {
        if (event.nick === this.client.user.nick && this.client.caseCompare(event.channel, channel))
          resolve();
      }),
    );
    this.client.join(channel);
    await withTimeout(joined, `${this.nick} to join ${channel}`);
  }

  say(target: string, text: string): void {
    this.client.say(target, text);
  }

  /** the first message from `from` (to `to`: a channel, or this nick for a private one) matching, after `since` */
  async waitFor(
    match: (text: string) => boolean,
    options: { from: string; to?: string; since?: number; timeoutMs?: number },
  ): Promise<string> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const found = this.heard
        .slice(options.since ?? 0)
        .find(
          (event) =>
            this.client.caseCompare(event.nick, options.from) &&
            (options.to === undefined || this.client.caseCompare(event.target, options.to)) &&
            match(event.message),
        );
      if (found) return found.message;
      if (Date.now() > deadline) {
        const seen = this.heard.map((event) => `<${event.nick}→${event.target}> ${event.message}`).join('\n');
        throw new Error(`${this.nick} heard nothing matching from ${options.from}; heard:\n${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** where `waitFor` should start looking for what comes next */
  mark(): number {
    return this.heard.length;
  }

  async quit(): Promise<void> {
    if (!this.client.connected) return;
    const closed = new Promise((resolve) => this.client.on('close', () => resolve(null)));
    this.client.quit('bye');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
}

async function withTimeout<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
