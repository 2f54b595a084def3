import type { Kysely } from 'kysely';

/**
 * People: team sign-ups, sessions and sign-in links, identities at OpenID Connect providers,
 * attendee registrations, newsletter subscribers, instance settings, and the event settings that
 * go with them (attendee-only room links, sign-up dates).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('attendee_only_room_links', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('events').addColumn('signup_opens_at', 'text').execute();
  await db.schema.alterTable('events').addColumn('signup_closes_at', 'text').execute();

  await db.schema
    .createTable('team_signups')
    .addColumn('team_id', 'text', (col) => col.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('lead_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('moderator_ids_json', 'text', (col) => col.notNull())
    .addColumn('expected_attendance', 'integer', (col) => col.notNull())
    .addColumn('hours_wanted', 'integer', (col) => col.notNull())
    .addColumn('preferred_windows_json', 'text', (col) => col.notNull())
    .addColumn('avoid_clashes_json', 'text', (col) => col.notNull())
    .addColumn('onboarding', 'integer', (col) => col.notNull())
    .addColumn('operator_hour', 'integer', (col) => col.notNull())
    .addColumn('video_url', 'text')
    .addColumn('notes', 'text', (col) => col.notNull())
    .addColumn('submitted_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_at', 'text')
    .addColumn('outcome_reason', 'text')
    .addColumn('merged_into', 'text')
    .execute();
  await db.schema.createIndex('team_signups_event').on('team_signups').column('event_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sign_in_links')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('next_path', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('sign_in_links_email').on('sign_in_links').column('email').execute();

  await db.schema
    .createTable('user_identities')
    .addColumn('issuer', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('user_identities_user').on('user_identities').column('user_id').execute();

  await db.schema
    .createTable('registrations')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('affiliation', 'text', (col) => col.notNull())
    .addColumn('country', 'text')
    .addColumn('coc_version', 'text', (col) => col.notNull())
    .addColumn('coc_accepted_at', 'text', (col) => col.notNull())
    .addColumn('registered_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('registrations_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('registrations_user').on('registrations').column('user_id').execute();

  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('confirm_hash', 'text', (col) => col.unique())
    .addColumn('confirm_expires_at', 'text')
    .addColumn('unsubscribe_token', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .execute();

  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'instance_settings',
    'newsletter_subscribers',
    'registrations',
    'user_identities',
    'sign_in_links',
    'sessions',
    'team_signups',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['signup_closes_at', 'signup_opens_at', 'attendee_only_room_links'])
    await db.schema.alterTable('events').dropColumn(column).execute();
}
