import type { Kysely } from 'kysely';

/**
 * Mailings organisers send to many people: who sent what to which audience, when, and to how many;
 * the idempotency key of the form that sent it is unique, so sending the same form twice makes one
 * mailing. Their messages are in the mail outbox under the mailing's id as the batch.
 *
 * Events also keep which earlier Code of Conduct versions still count for registrations made
 * before a new version was published ("required from the next registration"), as a JSON list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mailings')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('audience', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.references('events.id').onDelete('cascade'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('sent_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('sent_by_name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('recipients', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('mailings_by_time').on('mailings').columns(['created_at']).execute();
  await db.schema
    .alterTable('events')
    .addColumn('coc_earlier_accepted_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('coc_earlier_accepted_json').execute();
  await db.schema.dropTable('mailings').execute();
}
