import { type Kysely, sql } from 'kysely';

/** Events, their grid, teams, bookings, the board, the change log, users and API tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('irc_nick', 'text')
    .addColumn('irc_nick_key', 'text', (col) => col.unique())
    .addColumn('time_zone', 'text')
    .addColumn('is_organizer', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('listed_in_find_people', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('feed_secret', 'text', (col) => col.unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('ends_on', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('mode', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('contact', 'text', (col) => col.notNull())
    .addColumn('chat', 'text', (col) => col.notNull())
    .addColumn('etherpad_template', 'text')
    .addColumn('slot_minutes', 'integer', (col) => col.notNull())
    .addColumn('windows_json', 'text', (col) => col.notNull())
    .addColumn('daily_cap_minutes', 'integer')
    .addColumn('total_cap_minutes', 'integer')
    .addColumn('cross_project_opens_at', 'text')
    .addColumn('others_open_at', 'text')
    .addColumn('content_json', 'text', (col) => col.notNull())
    .addColumn('coc_version', 'text', (col) => col.notNull())
    .addColumn('coc_url', 'text')
    .addColumn('coc_text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('event_revisions')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('changes_json', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('event_revisions_pk', ['event_id', 'revision'])
    .execute();

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('url', 'text')
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('features_json', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addUniqueConstraint('rooms_event_slug', ['event_id', 'slug'])
    .execute();

  await db.schema
    .createTable('slots')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('start_at', 'text', (col) => col.notNull())
    .addColumn('end_at', 'text', (col) => col.notNull())
    .addColumn('window_name', 'text', (col) => col.notNull())
    .addUniqueConstraint('slots_event_code', ['event_id', 'code'])
    .execute();

  await db.schema
    .createTable('room_unavailability')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (col) => col.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('slot_id', 'text', (col) => col.notNull().references('slots.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('room_unavailability_pk', ['room_id', 'slot_id'])
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('cross_project', 'integer', (col) => col.notNull())
    .addColumn('colour', 'text', (col) => col.notNull())
    .addColumn('etherpad_url', 'text')
    .addColumn('video_url', 'text')
    .addColumn('location', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('teams_event_slug', ['event_id', 'slug'])
    .execute();

  await db.schema
    .createTable('team_moderators')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_moderators_pk', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (col) => col.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('slot_id', 'text', (col) => col.notNull().references('slots.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('override', 'integer', (col) => col.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('cancel_source', 'text')
    .execute();
  // Rules 1 and 2 as constraints: one active booking per cell, one room per team and slot.
  await db.schema
    .createIndex('bookings_one_team_per_cell')
    .on('bookings')
    .columns(['room_id', 'slot_id'])
    .unique()
    .where(sql.ref('cancelled_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('bookings_one_room_per_team_slot')
    .on('bookings')
    .columns(['team_id', 'slot_id'])
    .unique()
    .where(sql.ref('cancelled_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('bookings_event')
    .on('bookings')
    .columns(['event_id', 'cancelled_at'])
    .execute();

  await db.schema
    .createTable('team_follows')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('team_follows_pk', ['user_id', 'team_id'])
    .execute();

  await db.schema
    .createTable('board_topics')
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('set_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('board_topics_pk', ['team_id', 'position'])
    .execute();

  await db.schema
    .createTable('motd')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('level', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'motd',
    'board_topics',
    'team_follows',
    'bookings',
    'team_moderators',
    'teams',
    'room_unavailability',
    'slots',
    'rooms',
    'event_revisions',
    'events',
    'api_tokens',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
