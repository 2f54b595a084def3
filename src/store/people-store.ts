import type { Registration } from '../core/model/registration.ts';
import type { NewsletterSubscriber } from '../core/model/subscriber.ts';
import type { User } from '../core/model/user.ts';
import type { Profile } from '../core/people/check-profile.ts';

export type LinkPurpose = 'sign-in' | 'first-organizer';
export type SessionMethod = 'email' | 'oidc' | 'first-organizer';

/** A one-time link as stored: only the hash of its token is kept. */
export interface OneTimeLink {
  readonly hash: string;
  readonly purpose: LinkPurpose;
  /** who the sign-in link was sent to; null for the first-organiser link */
  readonly email: string | null;
  /** where to go once signed in */
  readonly next: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/**
 * Storage of people's own data, kept apart from the event change log so that it can be corrected
 * and deleted: sessions, one-time links, identities, registrations, newsletter subscribers, and
 * settings of the installation. The same contract on SQLite and PostgreSQL.
 */
export interface PeopleStore {
  /** the stored value, or `make()` stored first when there is none (the first writer wins) */
  settingOrCreate(key: string, make: () => string): Promise<string>;

  /** true once any user is an organiser */
  hasOrganizer(): Promise<boolean>;
  /** every organiser, by name */
  organizers(): Promise<User[]>;
  /** throws a unique violation when the IRC nick is someone else's */
  updateProfile(userId: string, profile: Profile): Promise<void>;
  /**
   * Deletes the user and everything about them (sessions, tokens, follows, moderation, registrations,
   * identities, newsletter subscription, links sent to their address, mail to them queued or sent);
   * the audit log keeps the changes they made, with `anonymisedAs` in place of their name and no
   * user id.
   */
  deleteUser(userId: string, anonymisedAs: string): Promise<void>;

  userForIdentity(issuer: string, subject: string): Promise<User | null>;
  linkIdentity(identity: { issuer: string; subject: string; userId: string; at: string }): Promise<void>;
  identitiesOf(userId: string): Promise<{ issuer: string; subject: string; createdAt: string }[]>;

  createSession(session: {
    hash: string;
    userId: string;
    method: SessionMethod;
    at: string;
    expiresAt: string;
  }): Promise<void>;
  /** the user of a session that has not expired at `at` */
  userForSession(hash: string, at: string): Promise<User | null>;
  deleteSession(hash: string): Promise<void>;
  sessionsOf(userId: string): Promise<{ method: string; createdAt: string; expiresAt: string }[]>;

  createLink(link: Omit<OneTimeLink, 'usedAt'>): Promise<void>;
  /** a link that is neither used nor expired at `at`, without using it */
  findLink(hash: string, at: string): Promise<OneTimeLink | null>;
  /**
   * marks a live link of that purpose used and returns it; null when it was used, expired, is for
   * another purpose or never existed (exactly once)
   */
  useLink(hash: string, purpose: OneTimeLink['purpose'], at: string): Promise<OneTimeLink | null>;

  saveRegistration(registration: Registration): Promise<void>;
  registration(eventId: string, userId: string): Promise<Registration | null>;
  /** the event's registrations with their people, by name */
  registrants(eventId: string): Promise<{ registration: Registration; user: User }[]>;
  registrationsOf(userId: string): Promise<Registration[]>;

  subscriberByEmail(email: string): Promise<NewsletterSubscriber | null>;
  subscriberByConfirmHash(hash: string): Promise<NewsletterSubscriber | null>;
  subscriberByUnsubscribeToken(token: string): Promise<NewsletterSubscriber | null>;
  /** inserts or replaces the subscriber with this id */
  saveSubscriber(subscriber: NewsletterSubscriber): Promise<void>;
  /** confirmed subscribers, by e-mail */
  confirmedSubscribers(): Promise<NewsletterSubscriber[]>;
}
