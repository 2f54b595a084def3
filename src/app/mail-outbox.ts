import { addMinutes, type Instant } from '../core/model/instant.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { BatchProgress, OutboxMessage } from '../store/mail-outbox-store.ts';
import { idMakerOf } from './context-of.ts';
import type { Runtime } from './runtime.ts';

/** A message for the outbox: its key makes queueing it again harmless (see `MailOutboxStore`). */
export interface MailToQueue extends OutboxMessage {
  readonly key: string;
  readonly batch?: string | null;
  /** not before this instant; now when absent */
  readonly notBefore?: Instant;
}

/**
 * Queues e-mail to be sent in the background by whichever process's sender takes it first. Use it
 * for mail that must go out once and may take a while (mailings, reminders, notices); sign-in links
 * are sent at once instead, since the person is waiting. Returns how many messages were new.
 */
export async function queueMail(runtime: Runtime, mails: readonly MailToQueue[]): Promise<number> {
  const now = runtime.clock.now();
  return await runtime.store.outbox.enqueue(
    mails.map((mail) => ({ ...mail, notBefore: mail.notBefore ?? now })),
    now,
    idMakerOf(runtime),
  );
}

/** How far a mailing has gone: queued, sent, and each address that failed with the reason. */
export async function mailProgress(runtime: Runtime, batch: string): Promise<BatchProgress> {
  return await runtime.store.outbox.progress(batch);
}

export interface MailSenderOptions {
  /** how often to look for due mail queued by other processes (default 2 s) */
  readonly pollMs?: number;
  /** how long a claimed message is this process's before another may take it (default 10 minutes) */
  readonly leaseMinutes?: number;
  /** minutes to wait before each retry; a message fails for good after the last (default 1, 5, 30) */
  readonly retryMinutes?: readonly number[];
  /** messages claimed per round (default 20) */
  readonly batchSize?: number;
  readonly onError?: (error: unknown, to: string) => void;
}

/**
 * Sends what the outbox holds, in the background of one process: it claims due messages (a lease,
 * so another instance skips them), hands each to the mailer, and records it as sent, to be retried,
 * or failed. It looks again when this process queues mail, and every few seconds for the others.
 */
export class MailSender {
  readonly #pollMs: number;
  readonly #leaseMinutes: number;
  readonly #retryMinutes: readonly number[];
  readonly #batchSize: number;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly mailer: Mailer,
    private readonly options: MailSenderOptions = {},
  ) {
    this.#pollMs = options.pollMs ?? 2000;
    this.#leaseMinutes = options.leaseMinutes ?? 10;
    this.#retryMinutes = options.retryMinutes ?? [1, 5, 30];
    this.#batchSize = options.batchSize ?? 20;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#unsubscribe = this.runtime.store.outbox.onEnqueued(() => this.wake());
    this.wake();
  }

  /** Looks for due mail now (or right after the round in progress). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#round) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#round = this.#sendDue().finally(() => {
      this.#round = null;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.wake();
      } else {
        this.#timer = setTimeout(() => this.wake(), this.#pollMs);
        this.#timer.unref();
      }
    });
  }

  /** Sends everything due now, for at most `ms`; true when nothing due is left. */
  async flush(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    await this.#round;
    try {
      while (Date.now() < deadline) {
        if ((await this.#sendRound()) === 0) return true;
      }
    } catch (error) {
      this.options.onError?.(error, '');
    }
    return false;
  }

  /** Stops looking; the round in progress finishes first. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }

  async #sendDue(): Promise<void> {
    try {
      let full = true;
      while (full && !this.#stopped) full = (await this.#sendRound()) === this.#batchSize;
    } catch (error) {
      // The database may be away for a moment; the next round tries again.
      this.options.onError?.(error, '');
    }
  }

  /** One round: claims a batch and sends it; returns how many were claimed. */
  async #sendRound(): Promise<number> {
    const { outbox } = this.runtime.store;
    const now = this.runtime.clock.now();
    const claimed = await outbox.claimDue(now, addMinutes(now, this.#leaseMinutes), this.#batchSize);
    for (const mail of claimed) {
      try {
        await this.mailer.send(mail);
        await outbox.markSent(mail.id, this.runtime.clock.now());
        this.runtime.observers?.mailed(true);
      } catch (error) {
        this.runtime.observers?.mailed(false);
        this.options.onError?.(error, mail.to);
        const wait = this.#retryMinutes[mail.attempts - 1];
        const retryAt = wait === undefined ? null : addMinutes(this.runtime.clock.now(), wait);
        await outbox.markFailed(mail.id, describeFailure(error), retryAt);
      }
    }
    return claimed.length;
  }
}

/** What a failure says to organisers: the mail server's reply, not a stack. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}
