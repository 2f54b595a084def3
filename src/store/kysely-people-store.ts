import type { Kysely } from 'kysely';
import type { AttendeeRole, Registration } from '../core/model/registration.ts';
import type { NewsletterSubscriber, SubscriberStatus } from '../core/model/subscriber.ts';
import type { User } from '../core/model/user.ts';
import type { Profile } from '../core/people/check-profile.ts';
import { ircNickKey } from '../core/people/check-user.ts';
import type { LinkPurpose, OneTimeLink, PeopleStore, SessionMethod } from './people-store.ts';
import { userFromRow } from './rows.ts';
import type { Database, NewsletterSubscribersTable, RegistrationsTable, SignInLinksTable } from './schema.ts';

/** The people store over Kysely, for SQLite and PostgreSQL alike. */
export class KyselyPeopleStore implements PeopleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async settingOrCreate(key: string, make: () => string): Promise<string> {
    const found = await this.db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    if (found) return found.value;
    await this.db
      .insertInto('instance_settings')
      .values({ key, value: make() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const stored = await this.db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return stored.value;
  }

  async hasOrganizer(): Promise<boolean> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('is_organizer', '=', 1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async organizers(): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('is_organizer', '=', 1)
      .orderBy('name')
      .orderBy('email')
      .execute();
    return rows.map(userFromRow);
  }

  async updateProfile(userId: string, profile: Profile): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        name: profile.name,
        irc_nick: profile.ircNick,
        irc_nick_key: profile.ircNick ? ircNickKey(profile.ircNick) : null,
        time_zone: profile.timeZone,
      })
      .where('id', '=', userId)
      .execute();
  }

  async deleteUser(userId: string, anonymisedAs: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const user = await tx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      if (!user) return;
      await tx
        .updateTable('event_revisions')
        .set({ actor_id: null, actor_name: anonymisedAs })
        .where('actor_id', '=', userId)
        .execute();
      await tx.deleteFrom('newsletter_subscribers').where('email', '=', user.email).execute();
      await tx.deleteFrom('sign_in_links').where('email', '=', user.email).execute();
      await tx.deleteFrom('mail_outbox').where('to_address', '=', user.email).execute();
      await tx
        .updateTable('mailings')
        .set({ sent_by_name: anonymisedAs })
        .where('sent_by', '=', userId)
        .execute();
      const invited = await tx
        .selectFrom('team_invitations')
        .select(['id', 'moderators_json'])
        .where('moderators_json', 'like', `%${JSON.stringify(user.email)}%`)
        .execute();
      for (const invitation of invited) {
        const moderators: string[] = JSON.parse(invitation.moderators_json);
        await tx
          .updateTable('team_invitations')
          .set({ moderators_json: JSON.stringify(moderators.filter((email) => email !== user.email)) })
          .where('id', '=', invitation.id)
          .execute();
      }
      await tx.deleteFrom('users').where('id', '=', userId).execute();
    });
  }

  async userForIdentity(issuer: string, subject: string) {
    const row = await this.db
      .selectFrom('user_identities')
      .innerJoin('users', 'users.id', 'user_identities.user_id')
      .selectAll('users')
      .where('user_identities.issuer', '=', issuer)
      .where('user_identities.subject', '=', subject)
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async linkIdentity(identity: {
    issuer: string;
    subject: string;
    userId: string;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('user_identities')
      .values({
        issuer: identity.issuer,
        subject: identity.subject,
        user_id: identity.userId,
        created_at: identity.at,
      })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
      .execute();
  }

  async identitiesOf(userId: string) {
    const rows = await this.db
      .selectFrom('user_identities')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({ issuer: row.issuer, subject: row.subject, createdAt: row.created_at }));
  }

  async createSession(session: {
    hash: string;
    userId: string;
    method: SessionMethod;
    at: string;
    expiresAt: string;
  }): Promise<void> {
    // Expired sessions are of no use to anyone; clearing them here keeps the table small.
    await this.db.deleteFrom('sessions').where('expires_at', '<=', session.at).execute();
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.hash,
        user_id: session.userId,
        method: session.method,
        created_at: session.at,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async userForSession(hash: string, at: string) {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.id_hash', '=', hash)
      .where('sessions.expires_at', '>', at)
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async deleteSession(hash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
  }

  async sessionsOf(userId: string) {
    const rows = await this.db
      .selectFrom('sessions')
      .select(['method', 'created_at', 'expires_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({ method: row.method, createdAt: row.created_at, expiresAt: row.expires_at }));
  }

  async createLink(link: Omit<OneTimeLink, 'usedAt'>): Promise<void> {
    await this.db.deleteFrom('sign_in_links').where('expires_at', '<=', link.createdAt).execute();
    await this.db
      .insertInto('sign_in_links')
      .values({
        token_hash: link.hash,
        purpose: link.purpose,
        email: link.email,
        next_path: link.next,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async findLink(hash: string, at: string): Promise<OneTimeLink | null> {
    const row = await this.db
      .selectFrom('sign_in_links')
      .selectAll()
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return row ? linkFromRow(row) : null;
  }

  async useLink(hash: string, purpose: OneTimeLink['purpose'], at: string): Promise<OneTimeLink | null> {
    // One conditional update decides who used the link, even when two requests race for it.
    const row = await this.db
      .updateTable('sign_in_links')
      .set({ used_at: at })
      .where('token_hash', '=', hash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
    return row ? linkFromRow(row) : null;
  }

  async saveRegistration(registration: Registration): Promise<void> {
    const row = registrationToRow(registration);
    await this.db
      .insertInto('registrations')
      .values(row)
      .onConflict((oc) => oc.columns(['event_id', 'user_id']).doUpdateSet(row))
      .execute();
  }

  async registration(eventId: string, userId: string): Promise<Registration | null> {
    const row = await this.db
      .selectFrom('registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? registrationFromRow(row) : null;
  }

  async registrants(eventId: string) {
    const rows = await this.db
      .selectFrom('registrations')
      .innerJoin('users', 'users.id', 'registrations.user_id')
      .selectAll('users')
      .select([
        'registrations.event_id',
        'registrations.user_id',
        'registrations.role',
        'registrations.affiliation',
        'registrations.country',
        'registrations.coc_version',
        'registrations.coc_accepted_at',
        'registrations.registered_at',
        'registrations.updated_at',
      ])
      .where('registrations.event_id', '=', eventId)
      .orderBy('users.name')
      .orderBy('users.id')
      .execute();
    return rows.map((row) => ({ registration: registrationFromRow(row), user: userFromRow(row) }));
  }

  async registrationsOf(userId: string): Promise<Registration[]> {
    const rows = await this.db
      .selectFrom('registrations')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('registered_at')
      .execute();
    return rows.map(registrationFromRow);
  }

  async subscriberByEmail(email: string) {
    return this.subscriberWhere('email', email);
  }

  async subscriberByConfirmHash(hash: string) {
    return this.subscriberWhere('confirm_hash', hash);
  }

  async subscriberByUnsubscribeToken(token: string) {
    return this.subscriberWhere('unsubscribe_token', token);
  }

  async saveSubscriber(subscriber: NewsletterSubscriber): Promise<void> {
    const row = subscriberToRow(subscriber);
    await this.db
      .insertInto('newsletter_subscribers')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  async confirmedSubscribers(): Promise<NewsletterSubscriber[]> {
    const rows = await this.db
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where('status', '=', 'confirmed')
      .orderBy('email')
      .execute();
    return rows.map(subscriberFromRow);
  }

  private async subscriberWhere(
    column: 'email' | 'confirm_hash' | 'unsubscribe_token',
    value: string,
  ): Promise<NewsletterSubscriber | null> {
    const row = await this.db
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? subscriberFromRow(row) : null;
  }
}

function linkFromRow(row: SignInLinksTable): OneTimeLink {
  return {
    hash: row.token_hash,
    purpose: row.purpose as LinkPurpose,
    email: row.email,
    next: row.next_path,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

function registrationToRow(registration: Registration): RegistrationsTable {
  return {
    event_id: registration.eventId,
    user_id: registration.userId,
    role: registration.role,
    affiliation: registration.affiliation,
    country: registration.country,
    coc_version: registration.cocVersion,
    coc_accepted_at: registration.cocAcceptedAt,
    registered_at: registration.registeredAt,
    updated_at: registration.updatedAt,
  };
}

function registrationFromRow(row: RegistrationsTable): Registration {
  return {
    eventId: row.event_id,
    userId: row.user_id,
    role: row.role as AttendeeRole,
    affiliation: row.affiliation,
    country: row.country,
    cocVersion: row.coc_version,
    cocAcceptedAt: row.coc_accepted_at,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
  };
}

function subscriberToRow(subscriber: NewsletterSubscriber): NewsletterSubscribersTable {
  return {
    id: subscriber.id,
    email: subscriber.email,
    status: subscriber.status,
    confirm_hash: subscriber.confirmHash,
    confirm_expires_at: subscriber.confirmExpiresAt,
    unsubscribe_token: subscriber.unsubscribeToken,
    created_at: subscriber.createdAt,
    confirmed_at: subscriber.confirmedAt,
    unsubscribed_at: subscriber.unsubscribedAt,
  };
}

function subscriberFromRow(row: NewsletterSubscribersTable): NewsletterSubscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status as SubscriberStatus,
    confirmHash: row.confirm_hash,
    confirmExpiresAt: row.confirm_expires_at,
    unsubscribeToken: row.unsubscribe_token,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  };
}
