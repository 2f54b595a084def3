import type { Kysely } from 'kysely';

/**
 * Feedback forms and their answers (decisions 0045 and 0046):
 * - `feedback_forms`: one per event; its questions as a JSON list; `anonymous` and `status`
 *   (`draft`, `open`, `closed`).
 * - `feedback_answers`: one per person and event, keyed by `respondent_key`, a keyed hash of the
 *   person and the event, so even an anonymous answer is one per person; `user_id` names the person
 *   only on signed forms (deleting the account deletes their signed answers). Values are a JSON
 *   object by question id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_forms')
    .addColumn('event_id', 'text', (col) => col.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('intro', 'text', (col) => col.notNull())
    .addColumn('anonymous', 'integer', (col) => col.notNull())
    .addColumn('questions_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('feedback_answers')
    .addColumn('event_id', 'text', (col) =>
      col.notNull().references('feedback_forms.event_id').onDelete('cascade'),
    )
    .addColumn('respondent_key', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('values_json', 'text', (col) => col.notNull())
    .addColumn('answered_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('feedback_answers_pk', ['event_id', 'respondent_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback_answers').execute();
  await db.schema.dropTable('feedback_forms').execute();
}
