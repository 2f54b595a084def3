import type { Kysely } from 'kysely';

/**
 * The chat language's storage: the event setting behind `~alloweveryone`, and two tables of
 * personal data kept apart from the event's public history: check-ins (only the latest per person
 * and event) and topic subscriptions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('open_team_updates', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (col) => col.references('teams.id').onDelete('cascade'))
    .addColumn('place', 'text')
    .addColumn('checked_in_at', 'text', (col) => col.notNull())
    .addColumn('checked_out_at', 'text')
    .addPrimaryKeyConstraint('check_ins_pk', ['event_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('topic_subscriptions')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('pattern', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('topic_subscriptions_pk', ['event_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('topic_subscriptions').execute();
  await db.schema.dropTable('check_ins').execute();
  await db.schema.alterTable('events').dropColumn('open_team_updates').execute();
}
