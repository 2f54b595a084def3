import type { Kysely } from 'kysely';

/**
 * Alerts without IRC, and people who use the chat bot without an account:
 * - `alert_settings`: per person, whether topic alerts and reminders also go by e-mail (both off
 *   until they opt in), whether reminders show at all, and when the last alert e-mail was queued
 *   (alert e-mail is batched: at most one per few minutes).
 * - `alert_mail_items`: alerts waiting for the person's next batched e-mail.
 * - `nick_subscriptions` and `nick_check_ins`: `subscribe` and `+in` of IRC nicks that belong to
 *   no account, kept by nick (lower case) and per event, as ptgbot kept them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_settings')
    .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('topic_mail', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('reminders', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('reminder_mail', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('mailed_at', 'text')
    .execute();
  await db.schema
    .createTable('alert_mail_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('alert_mail_items_user').on('alert_mail_items').columns(['user_id']).execute();
  await db.schema
    .createTable('nick_subscriptions')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('nick', 'text', (col) => col.notNull())
    .addColumn('pattern', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('nick_subscriptions_pk', ['event_id', 'nick'])
    .execute();
  await db.schema
    .createTable('nick_check_ins')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('nick', 'text', (col) => col.notNull())
    .addColumn('team_id', 'text')
    .addColumn('place', 'text')
    .addColumn('checked_in_at', 'text', (col) => col.notNull())
    .addColumn('checked_out_at', 'text')
    .addColumn('listed', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('nick_check_ins_pk', ['event_id', 'nick'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('nick_check_ins').execute();
  await db.schema.dropTable('nick_subscriptions').execute();
  await db.schema.dropTable('alert_mail_items').execute();
  await db.schema.dropTable('alert_settings').execute();
}
