import { type Checked, failed, passed } from '../checked.ts';
import type { Ctx } from '../model/actor.ts';
import { addMinutes } from '../model/instant.ts';
import type { NewsletterSubscriber } from '../model/subscriber.ts';
import { checkEmail } from './check-user.ts';
import { newsletterConfirmMinutes } from './sign-in-policy.ts';

/** Secrets made by the caller (the core has no randomness): the confirmation's hash and an unsubscribe secret. */
export interface NewSecrets {
  readonly confirmHash: string;
  readonly unsubscribeToken: string;
}

/**
 * Someone subscribes an address: it waits for confirmation through a link sent to it (double
 * opt-in), and gets nothing else until then. A confirmed address stays as it is (`null`: nothing to
 * send); an address that left or never confirmed starts over. Refuses with `invalid_input`.
 */
export function subscribe(
  existing: NewsletterSubscriber | null,
  input: { email: string },
  ctx: Ctx,
  secrets: NewSecrets,
): Checked<NewsletterSubscriber | null> {
  const email = checkEmail(input.email);
  if (!email.ok) return email;
  if (existing?.status === 'confirmed') return passed(null);
  return passed({
    id: existing?.id ?? ctx.newId(),
    email: email.value,
    status: 'pending',
    confirmHash: secrets.confirmHash,
    confirmExpiresAt: addMinutes(ctx.now, newsletterConfirmMinutes),
    unsubscribeToken: existing?.unsubscribeToken ?? secrets.unsubscribeToken,
    createdAt: existing?.createdAt ?? ctx.now,
    confirmedAt: null,
    unsubscribedAt: null,
  });
}

/** The confirmation link is used: the address is on the list. Refuses with `invalid_link` when it expired or is unknown. */
export function confirmSubscription(
  subscriber: NewsletterSubscriber | null,
  ctx: Ctx,
): Checked<NewsletterSubscriber> {
  if (
    subscriber?.status !== 'pending' ||
    subscriber.confirmExpiresAt === null ||
    subscriber.confirmExpiresAt <= ctx.now
  )
    return failed('invalid_link', 'This confirmation link has expired or was already used; subscribe again.');
  return passed({
    ...subscriber,
    status: 'confirmed',
    confirmHash: null,
    confirmExpiresAt: null,
    confirmedAt: ctx.now,
  });
}

/** The unsubscribe link is used, signed in or not: the address leaves the list (again is fine). */
export function unsubscribe(
  subscriber: NewsletterSubscriber | null,
  ctx: Ctx,
): Checked<NewsletterSubscriber> {
  if (!subscriber)
    return failed(
      'invalid_link',
      'This unsubscribe link is not known; the address may have been removed already.',
    );
  if (subscriber.status === 'unsubscribed') return passed(subscriber);
  return passed({
    ...subscriber,
    status: 'unsubscribed',
    confirmHash: null,
    confirmExpiresAt: null,
    unsubscribedAt: ctx.now,
  });
}
