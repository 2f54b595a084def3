import type { Kysely } from 'kysely';

/**
 * Teams of an earlier event invited to sign up again for a new one: the team as it was (name, short
 * name, kind, cross-project flag), its moderators' addresses and last sign-up's answers as JSON, and
 * how the invitation stands (`invited`, `signed-up` with the team it made, `declined`). One invitation
 * per earlier short name in an event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team_invitations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('cross_project', 'integer', (col) => col.notNull())
    .addColumn('moderators_json', 'text', (col) => col.notNull())
    .addColumn('hours_wanted', 'integer')
    .addColumn('preferred_windows_json', 'text', (col) => col.notNull())
    .addColumn('avoid_clashes_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('team_id', 'text', (col) => col.references('teams.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('team_invitations_event_slug', ['event_id', 'slug'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_invitations').execute();
}
