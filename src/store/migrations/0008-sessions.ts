import type { Kysely } from 'kysely';

/**
 * Sessions: what people add to a team's back-to-back bookings (title, agenda, links, invited teams
 * as JSON, the head-count), kept under one of the session's bookings; teams' summaries of an
 * event; and the event's rule for whose caps joint time counts against.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_records')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('agenda', 'text', (col) => col.notNull())
    .addColumn('etherpad_url', 'text')
    .addColumn('recording_url', 'text')
    .addColumn('guests_json', 'text', (col) => col.notNull())
    .addColumn('headcount', 'integer')
    .addColumn('headcount_at', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('session_records_by_event').on('session_records').column('event_id').execute();
  await db.schema
    .createTable('team_summaries')
    .addColumn('team_id', 'text', (col) => col.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('summary_url', 'text', (col) => col.notNull())
    .addColumn('notes_url', 'text')
    .addColumn('set_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('team_summaries_by_event').on('team_summaries').column('event_id').execute();
  await db.schema
    .alterTable('events')
    .addColumn('joint_caps', 'text', (col) => col.notNull().defaultTo('host'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('joint_caps').execute();
  await db.schema.dropTable('team_summaries').execute();
  await db.schema.dropTable('session_records').execute();
}
