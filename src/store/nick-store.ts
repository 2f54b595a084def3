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

/** A nick someone else named for a person, waiting for them to accept or decline it. */
export interface NickClaim {
  readonly id: string;
  /** whose account the nick was named for */
  readonly userId: string;
  readonly nick: string;
  readonly proposedBy: string | null;
  /** the proposer's name as it is now; null once their account is gone */
  readonly proposerName: string | null;
  readonly eventId: string | null;
  readonly teamId: string | null;
  readonly createdAt: string;
}

/** What a nick without an account holds across events, to move onto the account it is linked to. */
export interface NickHoldings {
  readonly checkIns: readonly { readonly eventId: string; readonly checkIn: CheckIn }[];
  readonly subscriptions: readonly {
    readonly eventId: string;
    readonly pattern: string;
    readonly at: string;
  }[];
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
  /** every check-in and subscription of the nick, in every event */
  holdingsOf(nick: string): Promise<NickHoldings>;
  /** removes every check-in and subscription of the nick */
  forget(nick: string): Promise<void>;
  /** stores a claim; a second claim of one nick for one person replaces the first */
  saveClaim(claim: Omit<NickClaim, 'proposerName'>): Promise<void>;
  /** the person's pending claims, oldest first */
  claimsOf(userId: string): Promise<NickClaim[]>;
  /** removes the person's claim; false when they have none by that id */
  removeClaim(userId: string, claimId: string): Promise<boolean>;
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

  async holdingsOf(nick: string): Promise<NickHoldings> {
    const key = ircNickKey(nick);
    const [checkIns, subscriptions] = await Promise.all([
      this.db.selectFrom('nick_check_ins').selectAll().where('nick', '=', key).orderBy('event_id').execute(),
      this.db
        .selectFrom('nick_subscriptions')
        .selectAll()
        .where('nick', '=', key)
        .orderBy('event_id')
        .execute(),
    ]);
    return {
      checkIns: checkIns.map((row) => ({ eventId: row.event_id, checkIn: nickCheckInFromRow(row).checkIn })),
      subscriptions: subscriptions.map((row) => ({
        eventId: row.event_id,
        pattern: row.pattern,
        at: row.created_at,
      })),
    };
  }

  async forget(nick: string): Promise<void> {
    const key = ircNickKey(nick);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('nick_check_ins').where('nick', '=', key).execute();
      await tx.deleteFrom('nick_subscriptions').where('nick', '=', key).execute();
    });
  }

  async saveClaim(claim: Omit<NickClaim, 'proposerName'>): Promise<void> {
    const values = {
      nick: claim.nick,
      proposed_by: claim.proposedBy,
      event_id: claim.eventId,
      team_id: claim.teamId,
      created_at: claim.createdAt,
    };
    await this.db
      .insertInto('nick_claims')
      .values({ id: claim.id, user_id: claim.userId, nick_key: ircNickKey(claim.nick), ...values })
      .onConflict((oc) => oc.columns(['user_id', 'nick_key']).doUpdateSet(values))
      .execute();
  }

  async claimsOf(userId: string): Promise<NickClaim[]> {
    const rows = await this.db
      .selectFrom('nick_claims')
      .leftJoin('users', 'users.id', 'nick_claims.proposed_by')
      .selectAll('nick_claims')
      .select('users.name as proposer_name')
      .where('nick_claims.user_id', '=', userId)
      .orderBy('nick_claims.created_at')
      .orderBy('nick_claims.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      nick: row.nick,
      proposedBy: row.proposed_by,
      proposerName: row.proposer_name,
      eventId: row.event_id,
      teamId: row.team_id,
      createdAt: row.created_at,
    }));
  }

  async removeClaim(userId: string, claimId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('nick_claims')
      .where('id', '=', claimId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
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
