import { type Checked, failed, passed } from '../core/checked.ts';
import type { NewsletterSubscriber } from '../core/model/subscriber.ts';
import { checkEmail } from '../core/people/check-user.ts';
import { confirmSubscription, subscribe, unsubscribe } from '../core/people/newsletter.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { messages } from '../mail/messages.ts';
import { contextOf } from './context-of.ts';
import { type Mailing, refuseOverRecipientLimit, sendAll } from './mailing.ts';
import type { Runtime, Who } from './runtime.ts';
import { hashSecret, maxSecretLength, randomToken } from './secret-token.ts';

const anyone: Who = { actor: null, source: 'web' };

/**
 * Subscribes an address (`subscribe`) and e-mails it the confirmation link. The answer is the same
 * whether or not the address was already on the list. Refuses with `invalid_input`, `rate_limited`
 * (the address has had its hourly share of such e-mails) or `mail_failed`.
 */
export async function subscribeToNewsletter(
  runtime: Runtime,
  mailing: Mailing,
  input: { email: string },
): Promise<Checked<{ email: string }>> {
  const email = checkEmail(input.email);
  if (!email.ok) return email;
  const existing = await runtime.store.people.subscriberByEmail(email.value);
  const token = randomToken();
  const subscriber = subscribe(existing, { email: email.value }, contextOf(runtime, anyone), {
    confirmHash: hashSecret(token),
    unsubscribeToken: randomToken(),
  });
  if (!subscriber.ok) return subscriber;
  if (!subscriber.value) return passed({ email: email.value });
  const limited = refuseOverRecipientLimit(mailing, email.value);
  if (limited) return limited;
  await runtime.store.people.saveSubscriber(subscriber.value);
  const confirmUrl = `${mailing.baseUrl}/newsletter/confirm?token=${encodeURIComponent(token)}`;
  const mail = messages.newsletterConfirm(
    subscriber.value.email,
    confirmUrl,
    unsubscribeUrl(mailing, subscriber.value),
  );
  if (!(await sendAll(mailing, [mail]))) return failed('mail_failed');
  return passed({ email: subscriber.value.email });
}

/** The subscriber a confirmation link names, whether or not it can still be used. */
async function subscriberOfLink(runtime: Runtime, token: string): Promise<NewsletterSubscriber | null> {
  if (!token || token.length > maxSecretLength) return null;
  return runtime.store.people.subscriberByConfirmHash(hashSecret(token));
}

/** The subscriber a confirmation link is for, if it is still waiting (for the page that asks to confirm). */
export async function pendingSubscriber(
  runtime: Runtime,
  token: string,
): Promise<NewsletterSubscriber | null> {
  const subscriber = await subscriberOfLink(runtime, token);
  return confirmSubscription(subscriber, contextOf(runtime, anyone)).ok ? subscriber : null;
}

/** Uses a confirmation link (`confirmSubscription`) and sends a welcome carrying the unsubscribe link. */
export async function confirmNewsletter(
  runtime: Runtime,
  mailing: Mailing,
  token: string,
): Promise<Checked<NewsletterSubscriber>> {
  const confirmed = confirmSubscription(await subscriberOfLink(runtime, token), contextOf(runtime, anyone));
  if (!confirmed.ok) return confirmed;
  await runtime.store.people.saveSubscriber(confirmed.value);
  await sendAll(mailing, [
    messages.newsletterWelcome(confirmed.value.email, unsubscribeUrl(mailing, confirmed.value)),
  ]);
  return confirmed;
}

/** The subscriber an unsubscribe link is for. */
export async function subscriberToLeave(
  runtime: Runtime,
  token: string,
): Promise<NewsletterSubscriber | null> {
  if (!token || token.length > maxSecretLength) return null;
  return runtime.store.people.subscriberByUnsubscribeToken(token);
}

/** Uses an unsubscribe link, with no sign-in needed (`unsubscribe`). */
export async function leaveNewsletter(
  runtime: Runtime,
  token: string,
): Promise<Checked<NewsletterSubscriber>> {
  const left = unsubscribe(await subscriberToLeave(runtime, token), contextOf(runtime, anyone));
  if (left.ok) await runtime.store.people.saveSubscriber(left.value);
  return left;
}

/** Confirmed subscribers, for organisers to export. Refuses with `unauthenticated` or `forbidden`. */
export async function confirmedSubscribers(
  runtime: Runtime,
  who: Who,
): Promise<Checked<NewsletterSubscriber[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failed(denied.code, denied.message);
  return passed(await runtime.store.people.confirmedSubscribers());
}

/** The link in every message that takes the address off the list, without signing in. */
export function unsubscribeUrl(mailing: Pick<Mailing, 'baseUrl'>, subscriber: NewsletterSubscriber): string {
  return `${mailing.baseUrl}/newsletter/unsubscribe?token=${encodeURIComponent(subscriber.unsubscribeToken)}`;
}
