import { type Checked, failed, passed } from '../core/checked.ts';
import type { AttendeeRole } from '../core/model/registration.ts';
import type { Team } from '../core/model/team.ts';
import type { User } from '../core/model/user.ts';
import { checkProfile, type Profile } from '../core/people/check-profile.ts';
import { forgetUser } from '../core/people/forget-user.ts';
import { isUniqueViolation } from '../store/database.ts';
import { execute } from './execute.ts';
import { pendingNickClaims } from './nick-claims.ts';
import { moveNickHoldings } from './nick-commands.ts';
import type { Runtime, Who } from './runtime.ts';

/** The name the audit log gives changes made by someone who has since deleted their account. */
export const deletedAccountName = 'a deleted account';

/** A person's own data, as `/me/export.json` gives it. */
export interface AccountExport {
  readonly account: {
    email: string;
    name: string;
    irc_nick: string | null;
    time_zone: string | null;
    organizer: boolean;
    listed_in_find_people: boolean;
    created_at: string;
  };
  readonly sign_in: {
    identities: { issuer: string; linked_at: string }[];
    sessions: { method: string; started_at: string; expires_at: string }[];
    api_tokens: {
      label: string;
      created_at: string;
      last_used_at: string | null;
      revoked_at: string | null;
    }[];
  };
  readonly events: {
    event: string;
    registration: {
      role: AttendeeRole;
      affiliation: string;
      country: string | null;
      code_of_conduct_version: string;
      code_of_conduct_accepted_at: string;
      registered_at: string;
    } | null;
    following: string[];
    moderating: string[];
    signed_up: string[];
    topic_subscription: string | null;
  }[];
  readonly alerts: {
    topic_mail: boolean;
    reminders: boolean;
    reminder_mail: boolean;
    waiting_mail: { message: string; url: string; created_at: string }[];
  };
  readonly nick_claims: {
    nick: string;
    proposed_by: string | null;
    event: string | null;
    team: string | null;
    proposed_at: string;
  }[];
  readonly newsletter: { status: string; subscribed_at: string } | null;
}

/** The signed-in person, or `unauthenticated`. */
export async function signedInUser(runtime: Runtime, who: Who): Promise<Checked<User>> {
  const user = who.actor?.userId ? await runtime.store.findUser(who.actor.userId) : null;
  return user ? passed(user) : failed('unauthenticated');
}

/**
 * A person changes their name, IRC nick (which links what they say on IRC to them) and time zone
 * (`checkProfile`). Refuses with `unauthenticated` or `invalid_input` (also for a nick someone has).
 */
export async function updateAccount(
  runtime: Runtime,
  who: Who,
  input: { name: string; ircNick: string; timeZone: string },
): Promise<Checked<User>> {
  const user = await signedInUser(runtime, who);
  if (!user.ok) return user;
  const profile = checkProfile(input);
  if (!profile.ok) return profile;
  const saved = await saveProfile(runtime, user.value.id, profile.value);
  return saved.ok ? passed({ ...user.value, ...profile.value }) : saved;
}

/**
 * Stores a checked profile for the user, refusing with `invalid_input` when its IRC nick belongs to
 * someone else: the unique index on the case-folded nick (`users.irc_nick_key`) says so. What the
 * nick held without an account moves onto the account (`moveNickHoldings`).
 */
export async function saveProfile(
  runtime: Runtime,
  userId: string,
  profile: Profile,
): Promise<Checked<null>> {
  try {
    await runtime.store.people.updateProfile(userId, profile);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return failed(
      'invalid_input',
      `The IRC nick ${profile.ircNick ?? ''} already belongs to someone else on Convene.`,
    );
  }
  if (profile.ircNick) await moveNickHoldings(runtime, userId, profile.ircNick);
  return passed(null);
}

/** A person agrees, or stops agreeing, to appear in "find people". Refuses with `unauthenticated`. */
export async function setFindPeople(runtime: Runtime, who: Who, listed: boolean): Promise<Checked<User>> {
  const user = await signedInUser(runtime, who);
  if (!user.ok) return user;
  await runtime.store.setListedInFindPeople(user.value.id, listed);
  return passed({ ...user.value, listedInFindPeople: listed });
}

/**
 * Everything Convene keeps about the signed-in person, as one JSON-ready value: their account, how
 * they sign in, their tokens (never the secrets), registrations, followed teams, the teams they
 * moderate and the sign-ups they led, topic subscriptions and alert choices (with alerts waiting
 * for the next e-mail), nicks others named for them, and their newsletter subscription.
 */
export async function exportAccount(runtime: Runtime, who: Who): Promise<Checked<AccountExport>> {
  const found = await signedInUser(runtime, who);
  if (!found.ok) return found;
  const user = found.value;
  const { people } = runtime.store;
  const followed = new Set(await runtime.store.followedTeamIds(user.id));
  const registrations = new Map(
    (await people.registrationsOf(user.id)).map((registration) => [registration.eventId, registration]),
  );
  const events = [];
  for (const info of await runtime.store.listEvents()) {
    const state = await runtime.models.get(info.id);
    if (!state) continue;
    const registration = registrations.get(info.id) ?? null;
    const teams = (keep: (team: Team) => boolean) => state.teams.filter(keep).map((team) => team.slug);
    const entry = {
      event: info.slug,
      registration: registration && {
        role: registration.role,
        affiliation: registration.affiliation,
        country: registration.country,
        code_of_conduct_version: registration.cocVersion,
        code_of_conduct_accepted_at: registration.cocAcceptedAt,
        registered_at: registration.registeredAt,
      },
      following: teams((team) => followed.has(team.id)),
      moderating: teams((team) => team.moderators.includes(user.id)),
      signed_up: teams((team) => state.signups[team.id]?.leadId === user.id),
      topic_subscription: await runtime.store.personal.subscriptionOf(info.id, user.id),
    };
    if (
      entry.registration ||
      entry.topic_subscription ||
      entry.following.length + entry.moderating.length + entry.signed_up.length > 0
    )
      events.push(entry);
  }
  const subscriber = await people.subscriberByEmail(user.email);
  const alerts = await runtime.store.alerts.settingsOf(user.id);
  return passed({
    account: {
      email: user.email,
      name: user.name,
      irc_nick: user.ircNick,
      time_zone: user.timeZone,
      organizer: user.isOrganizer,
      listed_in_find_people: user.listedInFindPeople,
      created_at: user.createdAt,
    },
    sign_in: {
      identities: (await people.identitiesOf(user.id)).map(({ issuer, createdAt }) => ({
        issuer,
        linked_at: createdAt,
      })),
      sessions: (await people.sessionsOf(user.id)).map((session) => ({
        method: session.method,
        started_at: session.createdAt,
        expires_at: session.expiresAt,
      })),
      api_tokens: (await runtime.store.listTokens(user.id)).map((token) => ({
        label: token.label,
        created_at: token.createdAt,
        last_used_at: token.lastUsedAt,
        revoked_at: token.revokedAt,
      })),
    },
    events,
    alerts: {
      topic_mail: alerts.topicMail,
      reminders: alerts.reminders,
      reminder_mail: alerts.reminderMail,
      waiting_mail: (await runtime.store.alerts.mailItems(user.id)).map((item) => ({
        message: item.message,
        url: item.url,
        created_at: item.createdAt,
      })),
    },
    nick_claims: (await pendingNickClaims(runtime, user.id)).map((claim) => ({
      nick: claim.nick,
      proposed_by: claim.proposedBy,
      event: claim.event?.slug ?? null,
      team: claim.team,
      proposed_at: claim.createdAt,
    })),
    newsletter: subscriber && { status: subscriber.status, subscribed_at: subscriber.createdAt },
  });
}

/**
 * Deletes the signed-in person's account: they leave every team and sign-up (`forgetUser`, logged
 * like any change), then their account and everything kept about them goes; the audit log keeps
 * the changes they made under "a deleted account". Refuses with `unauthenticated`.
 */
export async function deleteAccount(runtime: Runtime, who: Who): Promise<Checked<{ email: string }>> {
  const found = await signedInUser(runtime, who);
  if (!found.ok) return found;
  const user = found.value;
  for (const info of await runtime.store.listEvents()) {
    const outcome = await execute(runtime, info.id, who, (state, ctx) =>
      forgetUser(state, { userId: user.id }, ctx),
    );
    if (!outcome.ok) return outcome;
  }
  await runtime.store.people.deleteUser(user.id, deletedAccountName);
  return passed({ email: user.email });
}
