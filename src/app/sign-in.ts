import { type Checked, failed, passed } from '../core/checked.ts';
import { addMinutes } from '../core/model/instant.ts';
import type { User } from '../core/model/user.ts';
import { checkEmail, checkUserInput } from '../core/people/check-user.ts';
import {
  firstOrganizerLinkMinutes,
  invitationLinkMinutes,
  safeReturnPath,
  signInLinkMinutes,
} from '../core/people/sign-in-policy.ts';
import { messages } from '../mail/messages.ts';
import type { OneTimeLink } from '../store/people-store.ts';
import { idMakerOf } from './context-of.ts';
import { type Mailing, refuseOverRecipientLimit, sendAll } from './mailing.ts';
import type { Runtime } from './runtime.ts';
import { hashSecret, maxSecretLength, randomToken } from './secret-token.ts';

/**
 * E-mails a one-time sign-in link to an address, whether or not it has an account yet (the account
 * is made when the link is used, so a mistyped address creates nothing). Says nothing about whether
 * the address is known. Refuses with `invalid_input`, `rate_limited` when the address has had its
 * hourly share of such e-mails, or `mail_failed` when the mail server does not take the message.
 */
export async function sendSignInLink(
  runtime: Runtime,
  mailing: Mailing,
  input: { email: string; next?: string | null },
): Promise<Checked<{ email: string }>> {
  const email = checkEmail(input.email);
  if (!email.ok) return email;
  const limited = refuseOverRecipientLimit(mailing, email.value);
  if (limited) return limited;
  const token = randomToken();
  const at = runtime.clock.now();
  await runtime.store.people.createLink({
    hash: hashSecret(token),
    purpose: 'sign-in',
    email: email.value,
    next: safeReturnPath(input.next),
    createdAt: at,
    expiresAt: addMinutes(at, signInLinkMinutes),
  });
  const url = `${mailing.baseUrl}/signin/link?token=${encodeURIComponent(token)}`;
  if (!(await sendAll(mailing, [messages.signInLink(email.value, url, signInLinkMinutes)])))
    return failed('mail_failed');
  return passed({ email: email.value });
}

/**
 * A one-time sign-in link for someone invited by others (a new moderator), valid for a week and
 * leading to `next` once used; the invitation that carries it goes through the outbox.
 */
export async function invitationLink(
  runtime: Runtime,
  baseUrl: string,
  email: string,
  next: string,
): Promise<string> {
  const token = randomToken();
  const at = runtime.clock.now();
  await runtime.store.people.createLink({
    hash: hashSecret(token),
    purpose: 'sign-in',
    email,
    next: safeReturnPath(next),
    createdAt: at,
    expiresAt: addMinutes(at, invitationLinkMinutes),
  });
  return `${baseUrl}/signin/link?token=${encodeURIComponent(token)}`;
}

/** A live link, looked at without using it up (for the page that asks to confirm). */
export async function peekLink(runtime: Runtime, token: string): Promise<OneTimeLink | null> {
  if (!token || token.length > maxSecretLength) return null;
  return runtime.store.people.findLink(hashSecret(token), runtime.clock.now());
}

/**
 * Uses an e-mailed sign-in link: the account of that address, made now if it is new.
 * Refuses with `invalid_link` when the link was used, has expired or never existed.
 */
export async function signInWithLink(
  runtime: Runtime,
  token: string,
): Promise<Checked<{ user: User; next: string }>> {
  const link = await useLink(runtime, token, 'sign-in');
  if (!link?.email) return failed('invalid_link');
  const user = await findOrCreateUser(runtime, link.email);
  if (!user.ok) return user;
  return passed({ user: user.value, next: safeReturnPath(link.next) });
}

/**
 * On a fresh install (no organiser yet) a one-time link that makes whoever opens it the first
 * organiser; null once there is an organiser.
 */
export async function firstOrganizerLink(runtime: Runtime, baseUrl: string): Promise<string | null> {
  if (await runtime.store.people.hasOrganizer()) return null;
  const token = randomToken();
  const at = runtime.clock.now();
  await runtime.store.people.createLink({
    hash: hashSecret(token),
    purpose: 'first-organizer',
    email: null,
    next: null,
    createdAt: at,
    expiresAt: addMinutes(at, firstOrganizerLinkMinutes),
  });
  return `${baseUrl}/signin/first-organizer?token=${encodeURIComponent(token)}`;
}

/**
 * Uses the first-organiser link: the person gives their e-mail address and name and becomes an
 * organiser (an existing account with that address is promoted). Refuses with `invalid_link` when
 * the link is not live or an organiser exists already, or `invalid_input`.
 */
export async function becomeFirstOrganizer(
  runtime: Runtime,
  token: string,
  input: { email: string; name: string },
): Promise<Checked<User>> {
  const checked = checkUserInput({ email: input.email, name: input.name.trim() || undefined });
  if (!checked.ok) return checked;
  if (await runtime.store.people.hasOrganizer())
    return failed('invalid_link', 'This installation already has an organiser; sign in instead.');
  const link = await useLink(runtime, token, 'first-organizer');
  if (!link) return failed('invalid_link');
  const user = await findOrCreateUser(runtime, checked.value.email, checked.value.name);
  if (!user.ok) return user;
  await runtime.store.setOrganizer(user.value.id, true);
  return passed({ ...user.value, isOrganizer: true });
}

/** The account of an address, made (with the name given, or the address's first part) when new. */
export async function findOrCreateUser(
  runtime: Runtime,
  email: string,
  name?: string,
): Promise<Checked<User>> {
  const known = await runtime.store.findUserByEmail(email);
  if (known) return passed(known);
  // A nick is attached only by its owner or an organiser, never on an account made for someone else.
  const checked = checkUserInput({ email, name, ircNick: null });
  if (!checked.ok) return checked;
  try {
    return passed(
      await runtime.store.createUser(
        { ...checked.value, isOrganizer: false },
        idMakerOf(runtime)(),
        runtime.clock.now(),
      ),
    );
  } catch (error) {
    // Two first sign-ins of one address at once: the other one made the account.
    const made = await runtime.store.findUserByEmail(checked.value.email);
    if (made) return passed(made);
    throw error;
  }
}

/** Uses a live link of the right purpose; a link meant for another page is left as it was. */
async function useLink(runtime: Runtime, token: string, purpose: OneTimeLink['purpose']) {
  if (!token || token.length > maxSecretLength) return null;
  return runtime.store.people.useLink(hashSecret(token), purpose, runtime.clock.now());
}
