import type { Change } from '../core/changes.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { User } from '../core/model/user.ts';
import type { Revision, RevisionMeta } from '../core/revision.ts';
import type { AlertStore } from './alert-store.ts';
import type { Dialect } from './database.ts';
import type { DraftStore } from './draft-store.ts';
import type { EventDocument, Follow } from './event-document.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { TableDump } from './installation-tables.ts';
import type { InvitationStore } from './invitation-store.ts';
import type { MailOutboxStore } from './mail-outbox-store.ts';
import type { MailingStore } from './mailing-store.ts';
import type { NickStore } from './nick-store.ts';
import type { PeopleStore } from './people-store.ts';
import type { PersonalStore } from './personal-store.ts';

/** What a write needs from the store while it holds the event's lock. */
export interface RevisionWriter {
  /** the revision committed before this write; the new one is this plus one */
  readonly previousRevision: number;
  /** the committed revisions after `revision`, read under the lock */
  revisionsAfter(revision: number): Promise<Revision[]>;
  /** the whole event as committed, read under the lock */
  loadEvent(): Promise<EventState | null>;
}

/** What a write hands back to be committed, or `null` to commit nothing. */
export interface PreparedRevision {
  readonly changes: readonly Change[];
  readonly meta: RevisionMeta;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly ircNick: string | null;
  readonly isOrganizer: boolean;
}

/**
 * The storage contract, met the same way by SQLite and PostgreSQL (the contract tests run on both).
 *
 * Writes to an event are serialised by the event's row: `commitRevision` raises the revision first,
 * which locks the row until commit on both databases, so rules checked inside the callback see every
 * earlier write. Unique indexes back rules 1 and 2 in case anything slips past.
 */
export interface Store {
  readonly dialect: Dialect;
  /** the PostgreSQL URL for the change bus, or null on SQLite */
  readonly postgresUrl: string | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** one round trip to the database, for readiness checks; throws when it cannot be reached */
  ping(): Promise<void>;
  /** the migrations this program knows, by name (a backup from a later one has more) */
  readonly knownMigrations: readonly string[];
  /** the migrations this database has run, by name */
  appliedMigrations(): Promise<string[]>;
  /**
   * Every table, found by asking the database, read from one consistent snapshot while others
   * write; referenced tables come first.
   */
  dumpTables(visit: (table: TableDump) => Promise<void>): Promise<void>;
  /** how many rows each table holds */
  countRows(): Promise<Record<string, number>>;
  /** writes tables (as `dumpTables` gives them) in one transaction: all of them or nothing */
  loadTables(tables: AsyncIterable<TableDump>): Promise<void>;
  /** people's own data: sessions, links, registrations, the newsletter (see `PeopleStore`) */
  readonly people: PeopleStore;
  /** draft schedules made for events (see `DraftStore`) */
  readonly drafts: DraftStore;

  listEvents(): Promise<EventInfo[]>;
  /** the event's id by slug (or id), or null */
  findEventId(ref: string): Promise<string | null>;
  loadEvent(eventId: string): Promise<EventState | null>;
  /** the event's last committed revision, or null when there is no such event */
  currentRevision(eventId: string): Promise<number | null>;
  /** committed revisions after `revision`, in order; the first `limit` of them when one is given */
  revisionsAfter(eventId: string, revision: number, limit?: number): Promise<Revision[]>;
  /**
   * Takes the event's write lock, lets `prepare` decide, then persists its changes and the audit
   * row in the same transaction. `prepare` returning null rolls back and consumes no revision.
   * Throws when a unique constraint refuses the changes (see `isUniqueViolation`), and
   * `DatabaseUnavailable` when the connection is lost, saying whether the commit may have happened.
   */
  commitRevision(
    eventId: string,
    prepare: (writer: RevisionWriter) => Promise<PreparedRevision | null>,
  ): Promise<Revision | null>;
  /** inserts a new event with its first revision (the changes of `createEvent`) */
  createEvent(event: EventInfo, changes: readonly Change[], meta: RevisionMeta): Promise<Revision>;
  /** the whole event with its history and the users it mentions, for `convene export` */
  exportEvent(eventId: string): Promise<EventDocument | null>;
  /** writes an exported event into this database; its slug must be free */
  importEvent(document: EventDocument): Promise<void>;

  createUser(user: NewUser, id: string, at: string): Promise<User>;
  findUser(id: string): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;
  findUserByIrcNick(nick: string): Promise<User | null>;
  listUsers(ids: readonly string[]): Promise<User[]>;
  setOrganizer(userId: string, isOrganizer: boolean): Promise<void>;
  setListedInFindPeople(userId: string, listed: boolean): Promise<void>;
  /** the secret of the user's own calendar address; a new one replaces the old */
  setFeedSecret(userId: string, secret: string | null): Promise<void>;
  userForFeedSecret(secret: string): Promise<User | null>;
  /** the user's calendar secret, or null before one is made */
  feedSecretOf(userId: string): Promise<string | null>;

  followTeam(userId: string, teamId: string, at: string): Promise<void>;
  unfollowTeam(userId: string, teamId: string): Promise<void>;
  /** ids of the teams the user follows, in every event */
  followedTeamIds(userId: string): Promise<string[]>;
  /** who follows the event's teams, oldest first */
  followsOfEvent(eventId: string): Promise<Follow[]>;

  createToken(token: { id: string; userId: string; hash: string; label: string; at: string }): Promise<void>;
  /** the user behind a live token, marking the token used */
  userForToken(hash: string, at: string): Promise<User | null>;
  listTokens(
    userId: string,
  ): Promise<
    { id: string; label: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[]
  >;
  /** revokes a token by id; false when there was none to revoke */
  revokeToken(id: string, at: string): Promise<boolean>;

  /** check-ins and topic subscriptions: personal, outside the event's history */
  readonly personal: PersonalStore;
  /** e-mail queued for sending by any process (see `MailOutboxStore`) */
  readonly outbox: MailOutboxStore;
  /** people's alert choices and the alerts waiting for their batched e-mail (see `AlertStore`) */
  readonly alerts: AlertStore;
  /** what IRC nicks with no account said with `+in` and `subscribe` (see `NickStore`) */
  readonly nicks: NickStore;
  /** the record of mailings organisers sent (see `MailingStore`) */
  readonly mailings: MailingStore;
  /** events' feedback forms and the answers to them (see `FeedbackStore`) */
  readonly feedback: FeedbackStore;
  /** teams of an earlier event invited to sign up again (see `InvitationStore`) */
  readonly invitations: InvitationStore;
}
