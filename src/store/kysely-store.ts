import { type Kysely, Migrator, sql } from 'kysely';
import type { Change } from '../core/changes.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { User } from '../core/model/user.ts';
import { ircNickKey } from '../core/people/check-user.ts';
import type { Revision, RevisionMeta } from '../core/revision.ts';
import { type AlertStore, KyselyAlertStore } from './alert-store.ts';
import { type Connection, connect, DatabaseUnavailable, type Dialect, isConnectionLost } from './database.ts';
import { type DraftStore, KyselyDraftStore } from './draft-store.ts';
import type { EventDocument, Follow } from './event-document.ts';
import { type FeedbackStore, KyselyFeedbackStore } from './feedback-store.ts';
import { countRows, dumpTables, loadTables, type TableDump } from './installation-tables.ts';
import { type InvitationStore, KyselyInvitationStore } from './invitation-store.ts';
import { KyselyPeopleStore } from './kysely-people-store.ts';
import { KyselyMailOutboxStore, type MailOutboxStore } from './mail-outbox-store.ts';
import { KyselyMailingStore, type MailingStore } from './mailing-store.ts';
import { migrations } from './migrations/index.ts';
import { KyselyNickStore, type NickStore } from './nick-store.ts';
import type { PeopleStore } from './people-store.ts';
import { persistChange } from './persist-change.ts';
import { KyselyPersonalStore, type PersonalStore } from './personal-store.ts';
import { readEvent } from './read-event.ts';
import {
  bookingToRow,
  eventFromRow,
  eventToRow,
  revisionFromRow,
  revisionToRow,
  roomToRow,
  slotToRow,
  teamToRow,
  userFromRow,
  userToRow,
} from './rows.ts';
import type { Database } from './schema.ts';
import { sessionRecordToRow, summaryToRow } from './session-rows.ts';
import { signupToRow } from './signup-rows.ts';
import type { NewUser, PreparedRevision, RevisionWriter, Store } from './store.ts';

/** Thrown inside a transaction to roll it back when a write decides to commit nothing. */
const nothingToCommit = Symbol('nothing to commit');

/** The one Store implementation, over Kysely, for SQLite and PostgreSQL alike. */
export class KyselyStore implements Store {
  readonly dialect: Dialect;
  readonly postgresUrl: string | null;
  readonly db: Kysely<Database>;
  readonly personal: PersonalStore;
  readonly people: PeopleStore;
  readonly drafts: DraftStore;
  readonly outbox: MailOutboxStore;
  readonly alerts: AlertStore;
  readonly nicks: NickStore;
  readonly mailings: MailingStore;
  readonly feedback: FeedbackStore;
  readonly invitations: InvitationStore;

  constructor(connection: Connection) {
    this.db = connection.db;
    this.alerts = new KyselyAlertStore(connection.db);
    this.nicks = new KyselyNickStore(connection.db);
    this.outbox = new KyselyMailOutboxStore(connection.db, connection.dialect);
    this.mailings = new KyselyMailingStore(connection.db);
    this.feedback = new KyselyFeedbackStore(connection.db, connection.dialect);
    this.invitations = new KyselyInvitationStore(connection.db);
    this.personal = new KyselyPersonalStore(connection.db);
    this.people = new KyselyPeopleStore(connection.db);
    this.drafts = new KyselyDraftStore(connection.db);
    this.dialect = connection.dialect;
    this.postgresUrl = connection.postgresUrl;
  }

  static open(url: string, options: { poolSize?: number } = {}): KyselyStore {
    return new KyselyStore(connect(url, options));
  }

  async migrate(): Promise<void> {
    // Features land in any order, so a database that already ran a later-numbered migration still
    // takes an earlier one that arrives afterwards.
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => migrations },
      allowUnorderedMigrations: true,
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  readonly knownMigrations: readonly string[] = Object.keys(migrations);

  async appliedMigrations(): Promise<string[]> {
    const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
      this.db,
    );
    return rows.rows.map((row) => row.name);
  }

  async dumpTables(visit: (table: TableDump) => Promise<void>): Promise<void> {
    await dumpTables(this.db, this.dialect, visit);
  }

  async countRows(): Promise<Record<string, number>> {
    return await countRows(this.db, this.dialect);
  }

  async loadTables(tables: AsyncIterable<TableDump>): Promise<void> {
    await loadTables(this.db, this.dialect, tables);
  }

  async listEvents(): Promise<EventInfo[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .orderBy('starts_on', 'desc')
      .orderBy('slug')
      .execute();
    return rows.map(eventFromRow);
  }

  async findEventId(ref: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('events')
      .select('id')
      .where((eb) => eb.or([eb('slug', '=', ref.toLowerCase()), eb('id', '=', ref)]))
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async loadEvent(eventId: string) {
    return (await readEvent(this.db, eventId))?.state ?? null;
  }

  async currentRevision(eventId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('events')
      .select('revision')
      .where('id', '=', eventId)
      .executeTakeFirst();
    return row?.revision ?? null;
  }

  async revisionsAfter(eventId: string, revision: number, limit?: number): Promise<Revision[]> {
    return readRevisions(this.db, eventId, revision, limit);
  }

  async commitRevision(
    eventId: string,
    prepare: (writer: RevisionWriter) => Promise<PreparedRevision | null>,
  ): Promise<Revision | null> {
    // Whether the commit may have reached the database when the connection dies: until the
    // transaction's body is done, nothing of it can have been committed.
    let committing = false;
    try {
      return await this.db.transaction().execute(async (tx) => {
        // Raising the revision first takes the event's row lock (PostgreSQL) or the write lock
        // (SQLite) before anything is read, so every rule below sees all earlier writes.
        const bumped = await tx
          .updateTable('events')
          .set((eb) => ({ revision: eb('revision', '+', 1) }))
          .where('id', '=', eventId)
          .returning('revision')
          .executeTakeFirstOrThrow();
        const previousRevision = bumped.revision - 1;
        const prepared = await prepare({
          previousRevision,
          revisionsAfter: (revision) => readRevisions(tx, eventId, revision),
          loadEvent: async () => {
            const read = await readEvent(tx, eventId);
            return read ? { ...read.state, revision: previousRevision } : null;
          },
        });
        if (!prepared) throw nothingToCommit;
        const written = await writeRevision(tx, {
          eventId,
          revision: bumped.revision,
          ...prepared.meta,
          changes: prepared.changes,
        });
        committing = true;
        return written;
      });
    } catch (error) {
      if (error === nothingToCommit) return null;
      if (isConnectionLost(error)) throw new DatabaseUnavailable(committing ? null : false, { cause: error });
      throw error;
    }
  }

  async createEvent(event: EventInfo, changes: readonly Change[], meta: RevisionMeta): Promise<Revision> {
    return this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('events')
        .values({ ...eventToRow(event), revision: 1 })
        .execute();
      return writeRevision(tx, { eventId: event.id, revision: 1, ...meta, changes });
    });
  }

  async exportEvent(eventId: string): Promise<EventDocument | null> {
    const read = await readEvent(this.db, eventId);
    if (!read) return null;
    const { state, bookingHistory } = read;
    const revisions = await readRevisions(this.db, eventId, 0);
    const userIds = new Set<string>();
    for (const team of state.teams) for (const id of team.moderators) userIds.add(id);
    for (const booking of bookingHistory)
      for (const id of [booking.createdBy, booking.cancelledBy]) if (id) userIds.add(id);
    for (const revision of revisions) if (revision.actorId) userIds.add(revision.actorId);
    const follows = await this.followsOfEvent(eventId);
    for (const follow of follows) userIds.add(follow.userId);
    for (const signup of Object.values(state.signups))
      for (const id of [signup.leadId, ...signup.moderatorIds]) if (id) userIds.add(id);
    return {
      format: 'convene-event',
      version: 1,
      exportedAt: revisions.at(-1)?.at ?? state.event.createdAt,
      revision: state.revision,
      event: state.event,
      rooms: state.rooms,
      slots: state.slots,
      unavailable: state.unavailable,
      teams: state.teams,
      bookings: bookingHistory,
      board: state.board,
      motd: state.motd,
      users: await this.listUsers([...userIds]),
      follows,
      revisions,
      signups: state.signups,
      sessions: state.sessions,
      summaries: state.summaries,
    };
  }

  async importEvent(document: EventDocument): Promise<void> {
    const eventId = document.event.id;
    await this.db.transaction().execute(async (tx) => {
      for (const user of document.users) {
        await tx
          .insertInto('users')
          .values(userToRow(user))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      await tx
        .insertInto('events')
        .values({ ...eventToRow(document.event), revision: document.revision })
        .execute();
      if (document.rooms.length > 0)
        await tx
          .insertInto('rooms')
          .values(document.rooms.map((room) => roomToRow(eventId, room)))
          .execute();
      for (const batch of chunks(document.slots, 200))
        await tx
          .insertInto('slots')
          .values(batch.map((slot) => slotToRow(eventId, slot)))
          .execute();
      if (document.unavailable.length > 0) {
        await tx
          .insertInto('room_unavailability')
          .values(
            document.unavailable.map((cell) => ({
              event_id: eventId,
              room_id: cell.roomId,
              slot_id: cell.slotId,
            })),
          )
          .execute();
      }
      for (const team of document.teams) {
        await tx.insertInto('teams').values(teamToRow(eventId, team)).execute();
        if (team.moderators.length > 0) {
          await tx
            .insertInto('team_moderators')
            .values(team.moderators.map((userId) => ({ team_id: team.id, user_id: userId })))
            .execute();
        }
      }
      for (const batch of chunks(Object.values(document.signups ?? {}), 200))
        await tx
          .insertInto('team_signups')
          .values(batch.map((signup) => signupToRow(eventId, signup)))
          .execute();
      for (const batch of chunks(document.bookings, 200)) {
        await tx
          .insertInto('bookings')
          .values(batch.map((booking) => bookingToRow(eventId, booking)))
          .execute();
      }
      for (const batch of chunks(Object.values(document.sessions ?? {}), 200))
        await tx
          .insertInto('session_records')
          .values(batch.map((record) => sessionRecordToRow(eventId, record)))
          .execute();
      for (const batch of chunks(Object.values(document.summaries ?? {}), 200))
        await tx
          .insertInto('team_summaries')
          .values(batch.map((summary) => summaryToRow(eventId, summary)))
          .execute();
      for (const [teamId, status] of Object.entries(document.board)) {
        const topics = [
          ...(status.now ? [{ position: 0, topic: status.now }] : []),
          ...status.next.map((topic, index) => ({ position: index + 1, topic })),
        ];
        for (const { position, topic } of topics) {
          await tx
            .insertInto('board_topics')
            .values({ event_id: eventId, team_id: teamId, position, text: topic.text, set_at: topic.at })
            .execute();
        }
      }
      for (const [position, motd] of document.motd.entries()) {
        await tx
          .insertInto('motd')
          .values({
            id: motd.id,
            event_id: eventId,
            position,
            level: motd.level,
            message: motd.message,
            expires_at: motd.expiresAt,
          })
          .execute();
      }
      for (const batch of chunks(document.revisions, 100))
        await tx.insertInto('event_revisions').values(batch.map(revisionToRow)).execute();
      for (const batch of chunks(document.follows ?? [], 200))
        await tx
          .insertInto('team_follows')
          .values(
            batch.map((follow) => ({
              user_id: follow.userId,
              team_id: follow.teamId,
              created_at: follow.createdAt,
            })),
          )
          .execute();
    });
  }

  async createUser(user: NewUser, id: string, at: string): Promise<User> {
    const row = userToRow({ ...user, id, timeZone: null, listedInFindPeople: false, createdAt: at });
    await this.db.insertInto('users').values(row).execute();
    return userFromRow(row);
  }

  async findUser(id: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async findUserByEmail(email: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async findUserByIrcNick(nick: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('irc_nick_key', '=', ircNickKey(nick))
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async listUsers(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(userFromRow);
  }

  async setOrganizer(userId: string, isOrganizer: boolean): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ is_organizer: isOrganizer ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
  }

  async setListedInFindPeople(userId: string, listed: boolean): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ listed_in_find_people: listed ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
  }

  async setFeedSecret(userId: string, secret: string | null): Promise<void> {
    await this.db.updateTable('users').set({ feed_secret: secret }).where('id', '=', userId).execute();
  }

  async userForFeedSecret(secret: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('feed_secret', '=', secret)
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async feedSecretOf(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select('feed_secret')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.feed_secret ?? null;
  }

  async followTeam(userId: string, teamId: string, at: string): Promise<void> {
    await this.db
      .insertInto('team_follows')
      .values({ user_id: userId, team_id: teamId, created_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'team_id']).doNothing())
      .execute();
  }

  async unfollowTeam(userId: string, teamId: string): Promise<void> {
    await this.db
      .deleteFrom('team_follows')
      .where('user_id', '=', userId)
      .where('team_id', '=', teamId)
      .execute();
  }

  async followedTeamIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('team_follows')
      .select('team_id')
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => row.team_id);
  }

  async followsOfEvent(eventId: string): Promise<Follow[]> {
    const rows = await this.db
      .selectFrom('team_follows')
      .innerJoin('teams', 'teams.id', 'team_follows.team_id')
      .select(['team_follows.user_id', 'team_follows.team_id', 'team_follows.created_at'])
      .where('teams.event_id', '=', eventId)
      .orderBy('team_follows.created_at')
      .orderBy('team_follows.user_id')
      .orderBy('team_follows.team_id')
      .execute();
    return rows.map((row) => ({ userId: row.user_id, teamId: row.team_id, createdAt: row.created_at }));
  }

  async createToken(token: {
    id: string;
    userId: string;
    hash: string;
    label: string;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        user_id: token.userId,
        token_hash: token.hash,
        label: token.label,
        created_at: token.at,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  async userForToken(hash: string, at: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
      .where('api_tokens.token_hash', '=', hash)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    // Recording use at most once a minute keeps every API call from being a write.
    if (!row.last_used_at || row.last_used_at.slice(0, 16) !== at.slice(0, 16)) {
      await this.db
        .updateTable('api_tokens')
        .set({ last_used_at: at })
        .where('id', '=', row.token_id)
        .execute();
    }
    return userFromRow(row);
  }

  async listTokens(userId: string) {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

async function readRevisions(
  db: Kysely<Database>,
  eventId: string,
  after: number,
  limit?: number,
): Promise<Revision[]> {
  const query = db
    .selectFrom('event_revisions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('revision', '>', after)
    .orderBy('revision');
  const rows = await (limit === undefined ? query : query.limit(limit)).execute();
  return rows.map(revisionFromRow);
}

async function writeRevision(tx: Kysely<Database>, revision: Revision): Promise<Revision> {
  for (const change of revision.changes) await persistChange(tx, revision.eventId, change, revision);
  await tx.insertInto('event_revisions').values(revisionToRow(revision)).execute();
  return revision;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
