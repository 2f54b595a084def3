import type { NewsletterSubscriber } from '../core/model/subscriber.ts';
import { csvTable } from './csv-table.ts';

/**
 * Confirmed newsletter subscribers for another mailing tool: the address, when it was confirmed, and
 * the unsubscribe link every message to it must carry.
 */
export function subscribersCsv(
  subscribers: readonly NewsletterSubscriber[],
  unsubscribeUrl: (subscriber: NewsletterSubscriber) => string,
): string {
  return csvTable(
    ['email', 'confirmed_at', 'unsubscribe_url'],
    subscribers.map((subscriber) => [subscriber.email, subscriber.confirmedAt, unsubscribeUrl(subscriber)]),
  );
}
