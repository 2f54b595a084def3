import type { Kysely } from 'kysely';
import type { MailingAudience, MailingRecord } from '../core/model/mailing-record.ts';
import type { Database, MailingsTable } from './schema.ts';

/**
 * The record of every mailing organisers sent. One mailing per idempotency key: recording a key
 * again returns the mailing made the first time. The same contract on SQLite and PostgreSQL.
 */
export interface MailingStore {
  /** records the mailing, or finds the one its key already made (`created` says which) */
  record(mailing: MailingRecord): Promise<{ mailing: MailingRecord; created: boolean }>;
  find(id: string): Promise<MailingRecord | null>;
  /** an audience's mailings, newest first (of one event for registrants; `eventId` null for the newsletter) */
  list(audience: MailingAudience, eventId: string | null, limit: number): Promise<MailingRecord[]>;
}

export class KyselyMailingStore implements MailingStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(mailing: MailingRecord): Promise<{ mailing: MailingRecord; created: boolean }> {
    const inserted = await this.db
      .insertInto('mailings')
      .values(mailingToRow(mailing))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .execute();
    if (inserted.length > 0) return { mailing, created: true };
    const row = await this.db
      .selectFrom('mailings')
      .selectAll()
      .where('idempotency_key', '=', mailing.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { mailing: mailingFromRow(row), created: false };
  }

  async find(id: string): Promise<MailingRecord | null> {
    const row = await this.db.selectFrom('mailings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? mailingFromRow(row) : null;
  }

  async list(audience: MailingAudience, eventId: string | null, limit: number): Promise<MailingRecord[]> {
    let query = this.db.selectFrom('mailings').selectAll().where('audience', '=', audience);
    query = eventId === null ? query.where('event_id', 'is', null) : query.where('event_id', '=', eventId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(mailingFromRow);
  }
}

function mailingToRow(mailing: MailingRecord): MailingsTable {
  return {
    id: mailing.id,
    idempotency_key: mailing.idempotencyKey,
    audience: mailing.audience,
    event_id: mailing.eventId,
    subject: mailing.subject,
    body: mailing.body,
    sent_by: mailing.sentBy,
    sent_by_name: mailing.sentByName,
    created_at: mailing.createdAt,
    recipients: mailing.recipients,
  };
}

function mailingFromRow(row: MailingsTable): MailingRecord {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    audience: row.audience as MailingAudience,
    eventId: row.event_id,
    subject: row.subject,
    body: row.body,
    sentBy: row.sent_by,
    sentByName: row.sent_by_name,
    createdAt: row.created_at,
    recipients: Number(row.recipients),
  };
}
