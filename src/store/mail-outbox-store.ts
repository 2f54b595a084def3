import type { Kysely } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database, MailOutboxTable } from './schema.ts';

/** One plain-text e-mail to one person, as the outbox keeps it (the shape of a mailer's message). */
export interface OutboxMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A message to queue: what to send, the key that makes queueing it idempotent, and when at the earliest. */
export interface QueuedMail extends OutboxMessage {
  /** unique per message forever: queueing a key again does nothing */
  readonly key: string;
  /** groups the messages of one mailing, for its progress */
  readonly batch?: string | null;
  /** not sent before this instant (ISO) */
  readonly notBefore: string;
}

/** A message taken to be sent by one process until its lease runs out. */
export interface ClaimedMail extends OutboxMessage {
  readonly id: string;
  readonly key: string;
  readonly attempts: number;
}

/** How far a batch has gone, with the addresses that could not be reached and why. */
export interface BatchProgress {
  readonly queued: number;
  readonly sent: number;
  readonly failed: readonly { readonly to: string; readonly error: string }[];
}

/**
 * The queue of outgoing e-mail, shared by every process on the database: messages are queued
 * once per key, leased by one sender at a time, and end as sent or failed. The bodies of sent
 * messages are not kept.
 */
export interface MailOutboxStore {
  /** queues each message whose key is new; returns how many were new */
  enqueue(mails: readonly QueuedMail[], at: string, newId: () => string): Promise<number>;
  /** leases up to `limit` messages due at `at` (queued, or leased by a sender whose lease ran out) until `until` */
  claimDue(at: string, until: string, limit: number): Promise<ClaimedMail[]>;
  markSent(id: string, at: string): Promise<void>;
  /** records a failed attempt: tried again from `retryAt`, or given up when that is null */
  markFailed(id: string, error: string, retryAt: string | null): Promise<void>;
  /** whether a message with this key was ever queued */
  has(key: string): Promise<boolean>;
  progress(batch: string): Promise<BatchProgress>;
  /** calls `listener` after this process queues new mail; returns the function that stops it */
  onEnqueued(listener: () => void): () => void;
}

export class KyselyMailOutboxStore implements MailOutboxStore {
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async enqueue(mails: readonly QueuedMail[], at: string, newId: () => string): Promise<number> {
    let added = 0;
    for (const mail of mails) {
      const rows = await this.db
        .insertInto('mail_outbox')
        .values({
          id: newId(),
          key: mail.key,
          batch: mail.batch ?? null,
          to_address: mail.to,
          subject: mail.subject,
          body: mail.text,
          headers: JSON.stringify(mail.headers ?? {}),
          status: 'queued',
          attempts: 0,
          created_at: at,
          not_before: mail.notBefore,
          claimed_until: null,
          sent_at: null,
          last_error: null,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .execute();
      added += rows.length;
    }
    if (added > 0) for (const listener of this.#listeners) listener();
    return added;
  }

  onEnqueued(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async claimDue(at: string, until: string, limit: number): Promise<ClaimedMail[]> {
    return await this.db.transaction().execute(async (tx) => {
      let due = tx
        .selectFrom('mail_outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('not_before', '<=', at)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)]),
          ]),
        )
        .orderBy('not_before')
        .orderBy('id')
        .limit(limit);
      // Several instances claim at once on PostgreSQL: each skips the rows another is taking.
      if (this.dialect === 'postgres') due = due.forUpdate().skipLocked();
      const ids = (await due.execute()).map((row) => row.id);
      if (ids.length === 0) return [];
      const rows = await tx
        .updateTable('mail_outbox')
        .set((eb) => ({ status: 'sending', claimed_until: until, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', ids)
        .returningAll()
        .execute();
      return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)).map(claimedFromRow);
    });
  }

  async markSent(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set({ status: 'sent', sent_at: at, claimed_until: null, body: '', last_error: null })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: string, error: string, retryAt: string | null): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set(
        retryAt === null
          ? { status: 'failed', claimed_until: null, last_error: error }
          : { status: 'queued', claimed_until: null, not_before: retryAt, last_error: error },
      )
      .where('id', '=', id)
      .execute();
  }

  async has(key: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  }

  async progress(batch: string): Promise<BatchProgress> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'status', 'last_error'])
      .where('batch', '=', batch)
      .orderBy('to_address')
      .execute();
    const count = (status: string) => rows.filter((row) => row.status === status).length;
    return {
      queued: count('queued') + count('sending'),
      sent: count('sent'),
      failed: rows
        .filter((row) => row.status === 'failed')
        .map((row) => ({ to: row.to_address, error: row.last_error ?? '' })),
    };
  }
}

function claimedFromRow(row: MailOutboxTable): ClaimedMail {
  const headers = JSON.parse(row.headers) as Record<string, string>;
  return {
    id: row.id,
    key: row.key,
    attempts: row.attempts,
    to: row.to_address,
    subject: row.subject,
    text: row.body,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}
