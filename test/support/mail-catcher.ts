import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import type { Mailer } from '../../src/mail/mailer.ts';
import { smtpMailer } from '../../src/mail/smtp-mailer.ts';
import { type TestSite, useTestSite } from './web.ts';

/** A message as the test SMTP server received it, decoded. */
export interface CaughtMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string;
}

/**
 * A real SMTP server (smtp-server) on a free loopback port, keeping every message it receives, and
 * a mailer (nodemailer) that sends to it: e-mails go over SMTP exactly as in production.
 */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  /** Starts the server; it answers 550 to every recipient `refuses` names, as a real server would. */
  static async start(refuses: (address: string) => boolean = () => false): Promise<MailCatcher> {
    let catcher: MailCatcher | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!refuses(address.address)) return callback();
        const refusal = Object.assign(new Error(`No mailbox here by the name ${address.address}`), {
          responseCode: 550,
        });
        callback(refusal);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          catcher?.receive(to, Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address() as AddressInfo;
    catcher = new MailCatcher(server, address.port);
    return catcher;
  }

  /** A mailer that delivers to this server. */
  mailer(): Mailer {
    return smtpMailer({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      user: null,
      password: null,
      from: 'Convene <convene@example.org>',
    });
  }

  /** The first message (received already or within the timeout) to `to` that matches. */
  async waitFor(
    to: string,
    match: (mail: CaughtMail) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<CaughtMail> {
    const find = () => this.messages.find((mail) => mail.to.includes(to) && match(mail));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no e-mail to ${to} arrived; received: ${this.messages.map((m) => `${m.to} "${m.subject}"`).join(', ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Forgets the messages received so far. */
  clear(): void {
    this.messages.length = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(to: string[], raw: string): void {
    this.messages.push(parseMail(to, raw));
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}

/** The links in a message's text, in order. */
export function linksIn(mail: CaughtMail): string[] {
  return [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
}

/** The first link in a message whose path starts with `path`. */
export function linkTo(mail: CaughtMail, path: string): string {
  const link = linksIn(mail).find((candidate) => new URL(candidate).pathname.startsWith(path));
  if (!link) throw new Error(`no link to ${path} in "${mail.subject}":\n${mail.text}`);
  return link;
}

/** A single-part text message: headers unfolded, body decoded from quoted-printable or base64. */
function parseMail(to: string[], raw: string): CaughtMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return {
    to,
    subject: decodeWords(headers.get('subject') ?? ''),
    headers,
    text: text.replace(/\r\n/g, '\n'),
  };
}

function decodeQuotedPrintable(text: string): string {
  const escaped = text
    .replace(/=\r?\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(escaped);
}

function decodeWords(text: string): string {
  return text.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, word: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(word, 'base64').toString('utf8')
      : decodeQuotedPrintable(word.replace(/_/g, ' ')),
  );
}

/**
 * A test site whose e-mails go over SMTP to a catcher started (and stopped) with it, with rate
 * limits the suite chooses; the catcher refuses the addresses `refuses` names. Call at the top of a
 * file, like `useTestSite`.
 */
export function useSiteWithMail(
  rateLimits: { signIn: number; forms: number; mail?: number } = { signIn: 5, forms: 30 },
  refuses: (address: string) => boolean = () => false,
): {
  site: () => TestSite;
  mail: () => MailCatcher;
} {
  let catcher: MailCatcher | null = null;
  let mailer: Mailer | null = null;
  beforeAll(async () => {
    catcher = await MailCatcher.start(refuses);
    mailer = catcher.mailer();
  });
  afterAll(async () => {
    mailer?.close();
    await catcher?.close();
  });
  const site = useTestSite(undefined, {
    deps: {
      get mailer() {
        if (!mailer) throw new Error('the mail catcher is not running yet');
        return mailer;
      },
      rateLimits,
    },
  });
  return {
    site,
    mail: () => {
      if (!catcher) throw new Error('the mail catcher is not running yet');
      return catcher;
    },
  };
}
