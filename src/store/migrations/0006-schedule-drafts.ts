import type { Kysely } from 'kysely';

/**
 * Draft schedules: each draft an organiser makes is kept (as one JSON document) so that it can be
 * shown again and applied by its id from any instance; and the bookings a team asked any draft to
 * keep, with its other sign-up answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedule_drafts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('document_json', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('schedule_drafts_by_event')
    .on('schedule_drafts')
    .columns(['event_id', 'created_at'])
    .execute();
  await db.schema.alterTable('team_signups').addColumn('keep_bookings_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('team_signups').dropColumn('keep_bookings_json').execute();
  await db.schema.dropTable('schedule_drafts').execute();
}
