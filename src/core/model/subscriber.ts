import type { Instant } from './instant.ts';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** An address on the newsletter list: pending until confirmed (double opt-in), until it leaves. */
export interface NewsletterSubscriber {
  readonly id: string;
  readonly email: string;
  readonly status: SubscriberStatus;
  /** hash of the pending confirmation secret; null once confirmed or left */
  readonly confirmHash: string | null;
  readonly confirmExpiresAt: Instant | null;
  /** the secret in every message's unsubscribe link */
  readonly unsubscribeToken: string;
  readonly createdAt: Instant;
  readonly confirmedAt: Instant | null;
  readonly unsubscribedAt: Instant | null;
}
