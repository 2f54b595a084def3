import type { Kysely } from 'kysely';
import type { CheckIn } from '../core/people/presence.ts';
import type { Database } from './schema.ts';

/** A check-in with what "find people" shows of its owner. */
export interface CheckInEntry {
  readonly name: string;
  readonly nick: string | null;
  /** the owner agreed to be listed in "find people" */
  readonly listed: boolean;
  readonly checkIn: CheckIn;
}

/** A subscription with the nick its notifications go to. */
export interface SubscriptionEntry {
  readonly userId: string;
  readonly nick: string | null;
  readonly pattern: string;
}

/**
 * Personal data of attendees, per event: their latest check-in and their topic subscription. It is
 * kept apart from the event's revisions, so it is never in an export, the audit log or the stream;
 * the core decides who may see what of it.
 */
export interface PersonalStore {
  /** replaces the person's check-in for the event */
  saveCheckIn(eventId: string, checkIn: CheckIn): Promise<void>;
  checkInOf(eventId: string, userId: string): Promise<CheckIn | null>;
  /** every check-in of the event with its owner; the core keeps only what may be shown */
  checkIns(eventId: string): Promise<CheckInEntry[]>;
  /**
   * The event's bare check-in records, without names, for counting. Read for the busiest page, so kept
   * for a few seconds; a check-in saved through this store shows at once.
   */
  checkInRecords(eventId: string): Promise<CheckIn[]>;
  saveSubscription(eventId: string, userId: string, pattern: string, at: string): Promise<void>;
  removeSubscription(eventId: string, userId: string): Promise<void>;
  subscriptionOf(eventId: string, userId: string): Promise<string | null>;
  subscriptions(eventId: string): Promise<SubscriptionEntry[]>;
}

/** `PersonalStore` over Kysely, for SQLite and PostgreSQL alike. */
export class KyselyPersonalStore implements PersonalStore {
  private readonly counted = new Map<string, { readAt: number; checkIns: CheckIn[] }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly keepCountsMs = 5000,
  ) {}

  async saveCheckIn(eventId: string, checkIn: CheckIn): Promise<void> {
    this.counted.delete(eventId);
    const row = {
      event_id: eventId,
      user_id: checkIn.userId,
      team_id: checkIn.teamId,
      place: checkIn.place,
      checked_in_at: checkIn.at,
      checked_out_at: checkIn.outAt,
    };
    await this.db
      .insertInto('check_ins')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['event_id', 'user_id']).doUpdateSet({
          team_id: row.team_id,
          place: row.place,
          checked_in_at: row.checked_in_at,
          checked_out_at: row.checked_out_at,
        }),
      )
      .execute();
  }

  async checkInOf(eventId: string, userId: string): Promise<CheckIn | null> {
    const row = await this.db
      .selectFrom('check_ins')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? checkInFromRow(row) : null;
  }

  async checkIns(eventId: string): Promise<CheckInEntry[]> {
    const rows = await this.db
      .selectFrom('check_ins')
      .innerJoin('users', 'users.id', 'check_ins.user_id')
      .selectAll('check_ins')
      .select(['users.name', 'users.irc_nick', 'users.listed_in_find_people'])
      .where('check_ins.event_id', '=', eventId)
      .orderBy('users.name')
      .orderBy('check_ins.user_id')
      .execute();
    return rows.map((row) => ({
      name: row.name,
      nick: row.irc_nick,
      listed: row.listed_in_find_people === 1,
      checkIn: checkInFromRow(row),
    }));
  }

  async checkInRecords(eventId: string): Promise<CheckIn[]> {
    const kept = this.counted.get(eventId);
    if (kept && Date.now() - kept.readAt < this.keepCountsMs) return kept.checkIns;
    const rows = await this.db.selectFrom('check_ins').selectAll().where('event_id', '=', eventId).execute();
    const checkIns = rows.map(checkInFromRow);
    this.counted.set(eventId, { readAt: Date.now(), checkIns });
    return checkIns;
  }

  async saveSubscription(eventId: string, userId: string, pattern: string, at: string): Promise<void> {
    await this.db
      .insertInto('topic_subscriptions')
      .values({ event_id: eventId, user_id: userId, pattern, created_at: at })
      .onConflict((oc) => oc.columns(['event_id', 'user_id']).doUpdateSet({ pattern, created_at: at }))
      .execute();
  }

  async removeSubscription(eventId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('topic_subscriptions')
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .execute();
  }

  async subscriptionOf(eventId: string, userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('topic_subscriptions')
      .select('pattern')
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.pattern ?? null;
  }

  async subscriptions(eventId: string): Promise<SubscriptionEntry[]> {
    const rows = await this.db
      .selectFrom('topic_subscriptions')
      .innerJoin('users', 'users.id', 'topic_subscriptions.user_id')
      .select(['topic_subscriptions.user_id', 'topic_subscriptions.pattern', 'users.irc_nick'])
      .where('topic_subscriptions.event_id', '=', eventId)
      .orderBy('topic_subscriptions.user_id')
      .execute();
    return rows.map((row) => ({ userId: row.user_id, nick: row.irc_nick, pattern: row.pattern }));
  }
}

function checkInFromRow(row: Database['check_ins']): CheckIn {
  return {
    userId: row.user_id,
    teamId: row.team_id,
    place: row.place,
    at: row.checked_in_at,
    outAt: row.checked_out_at,
  };
}
