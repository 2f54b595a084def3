import type { Kysely } from 'kysely';

/**
 * `nick_claims`: an IRC nick someone else named for a person (a team's sign-up naming
 * `address nick` as moderator), waiting for that person to accept it on `/me` or decline it. The
 * nick is attached to the account only when its owner accepts; `nick_key` is the case-folded nick,
 * one claim per person and nick. The proposer and the team are kept to say where it came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('nick_claims')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('nick', 'text', (col) => col.notNull())
    .addColumn('nick_key', 'text', (col) => col.notNull())
    .addColumn('proposed_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('event_id', 'text', (col) => col.references('events.id').onDelete('cascade'))
    .addColumn('team_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('nick_claims_user_nick')
    .on('nick_claims')
    .columns(['user_id', 'nick_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('nick_claims').execute();
}
