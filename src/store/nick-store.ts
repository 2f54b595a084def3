import type { Kysely } from 'kysely';
import { ircNickKey } from '../core/people/check-user.ts';
import type { CheckIn } from '../core/people/presence.ts';
import type { Database } from './schema.ts';

/** The actor id that stands for an IRC nick with no account behind it. */
export function nickUserId(nick: string): string {
  return `nick:${ircNickKey(nick)}`;
}

/** Whether an actor id stands for a nick with no account (see `nickUserId`). */
export function isNickUserId(id: string): boolean {
  return id.startsWith('nick:');
}

/** A nick's check-in, and whether it agreed to be listed ("+in" said in a public channel). */
export interface NickCheckIn {
  readonly nick: string;
  readonly listed: boolean;
  readonly checkIn: CheckIn;
}

/**
 * `+in`, `+out`, `+seen`, `subscribe` and `unsubscribe` of IRC nicks that belong to no account, as
 * ptgbot kept them: by nick (case-insensitively), per event, outside the event's history.
 */
export interface NickStore {
  saveCheckIn(eventId: string, nick: string, checkIn: CheckIn, listed: boolean): Promise<void>;
  checkInOf(eventId: string, nick: string): Promise<NickCheckIn | null>;
  checkIns(eventId: string): Promise<NickCheckIn[]>;
  saveSubscription(eventId: string, nick: string, pattern: string, at: string): Promise<void>;
  removeSubscription(eventId: string, nick: string): Promise<void>;
  subscriptionOf(eventId: string, nick: string): Promise<string | null>;
  subscriptions(eventId: string): Promise<{ nick: string; pattern: string }[]>;
}

/** `NickStore` over Kysely, for SQLite and PostgreSQL alike. */
export class KyselyNickStore implements NickStore {
  constructor(private readonly db: Kysely<Database>) {}

  async saveCheckIn(eventId: string, nick: string, checkIn: CheckIn, listed: boolean): Promise<void> {
    const values = {
      team_id: checkIn.teamId,
      place: checkIn.place,
      checked_in_at: checkIn.at,
      checked_out_at: checkIn.outAt,
      listed: listed ? 1 : 0,
    };
    await this.db
      .insertInto('nick_check_ins')
      .values({ event_id: eventId, nick: ircNickKey(nick), ...values })
      .onConflict((oc) => oc.columns(['event_id', 'nick']).doUpdateSet(values))
      .execute();
  }

  async checkInOf(eventId: string, nick: string): Promise<NickCheckIn | null> {
    const row = await this.db
      .selectFrom('nick_check_ins')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('nick', '=', ircNickKey(nick))
      .executeTakeFirst();
    return row ? nickCheckInFromRow(row) : null;
  }

  async checkIns(eventId: string): Promise<NickCheckIn[]> {
    const rows = await this.db
      .selectFrom('nick_check_ins')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('nick')
      .execute();
    return rows.map(nickCheckInFromRow);
  }

  async saveSubscription(eventId: string, nick: string, pattern: string, at: string): Promise<void> {
    await this.db
      .insertInto('nick_subscriptions')
      .values({ event_id: eventId, nick: ircNickKey(nick), pattern, created_at: at })
      .onConflict((oc) => oc.columns(['event_id', 'nick']).doUpdateSet({ pattern, created_at: at }))
      .execute();
  }

  async removeSubscription(eventId: string, nick: string): Promise<void> {
    await this.db
      .deleteFrom('nick_subscriptions')
      .where('event_id', '=', eventId)
      .where('nick', '=', ircNickKey(nick))
      .execute();
  }

  async subscriptionOf(eventId: string, nick: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('nick_subscriptions')
      .select('pattern')
      .where('event_id', '=', eventId)
      .where('nick', '=', ircNickKey(nick))
      .executeTakeFirst();
    return row?.pattern ?? null;
  }

  async subscriptions(eventId: string): Promise<{ nick: string; pattern: string }[]> {
    return await this.db
      .selectFrom('nick_subscriptions')
      .select(['nick', 'pattern'])
      .where('event_id', '=', eventId)
      .orderBy('nick')
      .execute();
  }
}

function nickCheckInFromRow(row: {
  nick: string;
  team_id: string | null;
  place: string | null;
  checked_in_at: string;
  checked_out_at: string | null;
  listed: number;
}): NickCheckIn {
  return {
    nick: row.nick,
    listed: row.listed === 1,
    checkIn: {
      userId: nickUserId(row.nick),
      teamId: row.team_id,
      place: row.place,
      at: row.checked_in_at,
      outAt: row.checked_out_at,
    },
  };
}
