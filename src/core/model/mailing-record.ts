import type { Instant } from './instant.ts';

/**
 * Who a mailing goes to: the registrants of one event, the newsletter's confirmed subscribers, or the
 * moderators of the teams invited to sign up again for one event.
 */
export type MailingAudience = 'registrants' | 'newsletter' | 'invitations';

/** A mailing as recorded when it is sent: what, to whom, by whom, when and to how many. */
export interface MailingRecord {
  readonly id: string;
  /** the key of the confirmation form that sent it: sending that form again finds this mailing */
  readonly idempotencyKey: string;
  readonly audience: MailingAudience;
  /** the event whose registrants (or invited teams) it went to; null for the newsletter */
  readonly eventId: string | null;
  readonly subject: string;
  readonly body: string;
  /** null once the sender's account is deleted */
  readonly sentBy: string | null;
  readonly sentByName: string;
  readonly createdAt: Instant;
  readonly recipients: number;
}
