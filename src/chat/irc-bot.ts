import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Client, type MessageEvent, type WhoisEvent } from 'irc-framework';
import { runChatCommand } from '../app/chat-commands.ts';
import { currentEventSlug } from '../app/current-event.ts';
import type { Runtime } from '../app/runtime.ts';
import { watchTopicAlerts } from '../app/topic-alerts.ts';
import { parseCommand } from '../core/chat-language/parse.ts';
import type { Actor } from '../core/model/actor.ts';
import { ircNickKey } from '../core/people/check-user.ts';
import { ChannelRoster } from './channel-roster.ts';
import type { IrcSettings } from './irc-settings.ts';
import { defaultRateLimit, Outbox, type RateLimit } from './outbox.ts';
import { splitReply } from './split-reply.ts';
import { actorForSender, notRecognised, type TrustLookups } from './trust.ts';

/** Where the bot reports what happens to it; never to the channel. */
export interface ChatLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface IrcBotOptions {
  readonly settings: IrcSettings;
  readonly runtime: Runtime;
  readonly log: ChatLog;
  /** waits between reconnection attempts: doubling from `firstMs` up to `maxMs`, with jitter */
  readonly backoff?: { readonly firstMs: number; readonly maxMs: number };
  readonly rate?: RateLimit;
  /** how long to wait for the server's WHOIS answer (trust `account`) */
  readonly whoisTimeoutMs?: number;
}

const defaultBackoff = { firstMs: 1000, maxMs: 60_000 };
/** WHOIS answers are remembered this long, so a busy nick costs one lookup a minute. */
const accountCacheMs = 60_000;
/** Without IRC_EVENT, the current event is looked up again after this long, or after any applied change. */
const currentEventMs = 60_000;
/** Lines one nick may have waiting; more are dropped, so one flooder cannot pile up work. */
const maxWaitingPerNick = 50;

/**
 * The IRC adapter: connects (TLS, server password and SASL where offered), joins the channel, and
 * runs every line addressed to it through the shared command runner: team and organiser commands
 * answered in the channel to the sender, personal ones in private. Subscribers hear about topics
 * by private message. Lines from one nick run in order; different nicks never wait for each other.
 * It reconnects with backoff whenever the server goes away and rejoins. No input can crash it, and
 * no exception text ever reaches IRC: failures are logged with a reference the reply gives.
 *
 * Emits `joined` each time it is in the channel, `disconnected` each time the connection ends.
 */
export class IrcBot extends EventEmitter {
  private readonly client = new Client();
  private readonly roster = new ChannelRoster();
  private readonly outbox: Outbox;
  private readonly queues = new Map<string, { done: Promise<void>; waiting: number }>();
  private readonly accounts = new Map<string, { account: string | null; at: number }>();
  private readonly whoisWaiting = new Map<string, ((event: WhoisEvent | null) => void)[]>();
  private readonly backoff: { readonly firstMs: number; readonly maxMs: number };
  private readonly settings: IrcSettings;
  private readonly runtime: Runtime;
  private readonly log: ChatLog;
  private readonly whoisTimeoutMs: number;
  private attempts = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopAlerts: (() => void) | null = null;
  private stopWatchingEvents: (() => void) | null = null;
  private currentEvent: { readonly slug: string | null; readonly at: number } | null = null;
  private stopped = false;

  constructor(options: IrcBotOptions) {
    super();
    this.settings = options.settings;
    this.runtime = options.runtime;
    this.log = options.log;
    this.backoff = options.backoff ?? defaultBackoff;
    this.whoisTimeoutMs = options.whoisTimeoutMs ?? 5000;
    this.outbox = new Outbox(
      (target, text) => this.client.say(target, text),
      options.rate ?? defaultRateLimit,
    );
    this.listen();
  }

  /** connects, and keeps reconnecting until `stop` */
  start(): void {
    this.stopped = false;
    this.stopAlerts = watchTopicAlerts(
      this.runtime,
      (alert) => {
        if (alert.nick) this.outbox.notify(alert.nick, alert.message);
      },
      (error) => this.failed('telling subscribers about a topic', error),
    );
    this.stopWatchingEvents = this.runtime.models.onApplied(() => {
      this.currentEvent = null;
    });
    this.connect();
  }

  /** for metrics: whether the bot is connected and in its channel, and how many lines wait to go */
  status(): { readonly connected: boolean; readonly inChannel: boolean; readonly waiting: number } {
    return { connected: this.client.connected, inChannel: this.outbox.sending, waiting: this.outbox.waiting };
  }

  /**
   * Says goodbye and stops for good. Lines still waiting get up to `flushMs` to go out (within the
   * server's flood limits); what is left then is dropped.
   */
  async stop(flushMs = 0): Promise<void> {
    await this.outbox.drained(flushMs);
    this.stopped = true;
    this.stopAlerts?.();
    this.stopAlerts = null;
    this.stopWatchingEvents?.();
    this.stopWatchingEvents = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.outbox.close();
    if (this.client.connected) {
      const closed = new Promise<void>((resolve) => this.once('disconnected', () => resolve()));
      this.client.quit('Convene is stopping');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.done));
  }

  private connect(): void {
    const { server, port, tls, nick, password } = this.settings;
    this.log.info(`IRC: connecting to ${server}:${port}${tls ? ' (TLS)' : ''} as ${nick}`);
    this.client.connect({
      host: server,
      port,
      tls,
      nick,
      username:
        nick
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 10) || 'convene',
      gecos: 'Convene, the PTG bot',
      ...(password ? { password, account: { account: nick, password } } : {}),
      // Reconnecting is ours: with backoff, forever, also when the first attempt fails.
      auto_reconnect: false,
      ping_interval: 30,
      ping_timeout: 90,
      message_max_length: 480,
      version: 'Convene',
    });
  }

  private listen(): void {
    const client = this.client;
    const channel = this.settings.channel;
    const ours = (name: string) => client.caseCompare(name, channel);
    client.on(
      'registered',
      this.guarded('registered', () => {
        if (this.stopped) return client.quit('Convene is stopping');
        this.attempts = 0;
        this.log.info(`IRC: registered as ${client.user.nick}; joining ${channel}`);
        client.join(channel);
      }),
    );
    client.on(
      'nick in use',
      this.guarded('nick in use', (event) => {
        if (client.connected) client.changeNick(`${event.nick.slice(0, 28)}_`);
      }),
    );
    client.on(
      'join',
      this.guarded('join', (event) => {
        if (!ours(event.channel)) return;
        if (!client.caseCompare(event.nick, client.user.nick)) return this.roster.join(event.nick);
        this.log.info(`IRC: joined ${channel}`);
        this.outbox.resume();
        this.emit('joined');
      }),
    );
    client.on(
      'userlist',
      this.guarded('userlist', (event) => {
        if (ours(event.channel)) this.roster.reset(event.users);
      }),
    );
    client.on(
      'part',
      this.guarded('part', (event) => {
        if (ours(event.channel)) this.roster.leave(event.nick);
      }),
    );
    client.on(
      'kick',
      this.guarded('kick', (event) => {
        if (!ours(event.channel)) return;
        if (!client.caseCompare(event.kicked, client.user.nick)) return this.roster.leave(event.kicked);
        this.log.warn(`IRC: kicked from ${channel} by ${event.nick}; rejoining`);
        this.outbox.pause();
        setTimeout(() => client.join(channel), this.backoff.firstMs).unref();
      }),
    );
    client.on(
      'quit',
      this.guarded('quit', (event) => {
        this.roster.leave(event.nick);
        this.accounts.delete(ircNickKey(event.nick));
      }),
    );
    client.on(
      'nick',
      this.guarded('nick', (event) => {
        this.roster.rename(event.nick, event.new_nick);
        this.accounts.delete(ircNickKey(event.nick));
      }),
    );
    client.on(
      'account',
      this.guarded('account', (event) => {
        this.accounts.delete(ircNickKey(event.nick));
      }),
    );
    client.on(
      'mode',
      this.guarded('mode', (event) => {
        if (!ours(event.target)) return;
        const prefixModes = (client.network.options.PREFIX ?? []).map((prefix) => prefix.mode);
        for (const change of event.modes)
          if (change.param) this.roster.mode(change.mode, change.param, prefixModes);
      }),
    );
    client.on(
      'whois',
      this.guarded('whois', (event) => this.whoisAnswered(event)),
    );
    client.on(
      'privmsg',
      this.guarded('privmsg', (event) => this.hear(event)),
    );
    client.on('socket error', (error) => this.log.warn(`IRC: connection error: ${describeError(error)}`));
    client.on(
      'close',
      this.guarded('close', () => this.disconnected()),
    );
  }

  /** A listener that logs what it throws instead of letting it reach the connection. */
  private guarded<T extends unknown[]>(what: string, listener: (...args: T) => void): (...args: T) => void {
    return (...args) => {
      try {
        listener(...args);
      } catch (error) {
        this.failed(`handling ${what}`, error);
      }
    };
  }

  private disconnected(): void {
    this.outbox.pause();
    this.roster.clear();
    this.accounts.clear();
    for (const nick of this.whoisWaiting.keys()) this.whoisAnswered({ nick });
    this.emit('disconnected');
    if (this.stopped) return;
    const wait = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.min(this.attempts, 16));
    const jittered = Math.round(wait * (0.75 + Math.random() * 0.5));
    this.attempts++;
    this.log.warn(`IRC: disconnected; reconnecting in ${jittered} ms (attempt ${this.attempts})`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.connect();
    }, jittered);
  }

  /** Every line from the server that might be a command; runs it in order behind the sender's earlier lines. */
  private hear(event: MessageEvent): void {
    const client = this.client;
    if (!event.nick || client.caseCompare(event.nick, client.user.nick)) return;
    const inChannel = client.caseCompare(event.target, this.settings.channel);
    if (!inChannel && !client.caseCompare(event.target, client.user.nick)) return;
    const addressed = inChannel ? this.addressedText(event.message) : event.message;
    const text = addressed ?? event.message;
    const bare = !inChannel || addressed !== null ? 'personal' : 'ignore';
    if (parseCommand(text, { bare }).kind === 'ignored') return;
    const key = ircNickKey(event.nick);
    const queue = this.queues.get(key) ?? { done: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= maxWaitingPerNick) return;
    queue.waiting++;
    queue.done = queue.done
      .then(() => this.answer(event, text, bare, inChannel))
      .catch((error) => this.failed(`answering ${event.nick}`, error, event.nick, inChannel))
      .finally(() => {
        queue.waiting--;
        if (queue.waiting === 0) this.queues.delete(key);
      });
    this.queues.set(key, queue);
  }

  /** The event commands act on without IRC_EVENT: the current event, remembered for a while. */
  private async currentEventSlug(): Promise<string | null> {
    const now = Date.now();
    if (!this.currentEvent || now - this.currentEvent.at >= currentEventMs)
      this.currentEvent = { slug: await currentEventSlug(this.runtime), at: now };
    return this.currentEvent.slug;
  }

  /** "convene: help" in the channel is meant for the bot: the text after the nick. */
  private addressedText(message: string): string | null {
    const nick = this.client.user.nick;
    const match = /^(\S+?)[:,]\s+(.*)$/s.exec(message);
    return match?.[1] && match[2] !== undefined && this.client.caseCompare(match[1], nick) ? match[2] : null;
  }

  private async answer(event: MessageEvent, text: string, bare: 'personal' | 'ignore', inChannel: boolean) {
    let actor: Actor | null = null;
    const answer = await runChatCommand(this.runtime, {
      event: this.settings.event ?? (await this.currentEventSlug()),
      text,
      // Asked only for a real command: with `account` trust it may cost a WHOIS round trip.
      who: async () => {
        actor = await actorForSender(
          this.settings.trust,
          { nick: event.nick, account: event.account ?? event.tags?.account ?? null },
          this.lookups(),
        );
        return { actor, source: 'irc' };
      },
      bare,
      nick: event.nick,
      publicChannel: inChannel,
    });
    if (!answer.handled) return;
    const reply =
      answer.code === 'unauthenticated' && !actor
        ? notRecognised(this.settings.trust, event.nick)
        : answer.reply;
    this.say(event.nick, inChannel, answer.private, reply);
  }

  /** In the channel to the sender by name, or privately. */
  private say(nick: string, inChannel: boolean, isPrivate: boolean, text: string): void {
    const lines = splitReply(text);
    if (inChannel && !isPrivate) {
      this.outbox.reply(
        this.settings.channel,
        lines.map((line) => `${nick}: ${line}`),
      );
    } else this.outbox.reply(nick, lines);
  }

  private failed(what: string, error: unknown, nick?: string, inChannel = false): void {
    const reference = randomUUID().slice(0, 8);
    this.log.error(`IRC: failed ${what} (reference ${reference})`, error);
    if (nick) {
      this.say(
        nick,
        inChannel,
        false,
        `Something went wrong on our side (reference ${reference}); please try again.`,
      );
    }
  }

  private lookups(): TrustLookups {
    return {
      userByNick: (nick) => this.runtime.store.findUserByIrcNick(nick),
      accountOf: (nick) => this.accountOf(nick),
      isVoiced: (nick) => this.roster.isVoiced(nick),
    };
  }

  /** The services account behind a nick, from WHOIS (330, or 307 "registered nick"), cached briefly. */
  private async accountOf(nick: string): Promise<string | null> {
    const key = ircNickKey(nick);
    const known = this.accounts.get(key);
    if (known && Date.now() - known.at < accountCacheMs) return known.account;
    const event = await new Promise<WhoisEvent | null>((resolve) => {
      const waiting = this.whoisWaiting.get(key);
      if (waiting) return waiting.push(resolve);
      this.whoisWaiting.set(key, [resolve]);
      this.client.raw('WHOIS', nick);
      setTimeout(() => this.whoisAnswered({ nick }), this.whoisTimeoutMs).unref();
    });
    const account = event?.account || (event?.registered_nick ? event.nick : null) || null;
    if (event) this.accounts.set(key, { account, at: Date.now() });
    return account;
  }

  private whoisAnswered(event: WhoisEvent): void {
    const key = ircNickKey(event.nick);
    const waiting = this.whoisWaiting.get(key);
    if (!waiting) return;
    this.whoisWaiting.delete(key);
    const answered = event.error || Object.keys(event).length > 1 ? event : null;
    for (const resolve of waiting) resolve(answered);
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
