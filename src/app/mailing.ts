import { type Checked, failed } from '../core/checked.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import type { RecipientLimit } from './recipient-limit.ts';

/** What operations that send e-mail need besides the runtime: the mailer and the site's address. */
export interface Mailing {
  readonly mailer: Mailer;
  /** the public address links in e-mails start with, without a trailing slash */
  readonly baseUrl: string;
  /** told about messages that could not be sent, which the operation itself survives */
  readonly onMailError?: (error: unknown, to: string) => void;
  /** how many e-mails that anyone can trigger (sign-in links, confirmations) one address gets per hour */
  readonly recipientLimit?: RecipientLimit;
}

/**
 * Counts an e-mail that anyone can make Convene send to `email` against the address's hourly share;
 * `rate_limited` with a calm word when it has had it, null when the e-mail may go.
 */
export function refuseOverRecipientLimit(mailing: Mailing, email: string): Checked<never> | null {
  if (!mailing.recipientLimit || mailing.recipientLimit.take(email)) return null;
  return failed(
    'rate_limited',
    `We have already sent ${email} several e-mails in the last hour, so we are not sending another for now. The last one is still valid: look for it in that inbox (or its spam folder), or try again in an hour.`,
  );
}

/** Sends each message and counts how many went and how many could not (each failure is reported). */
export async function sendEach(
  mailing: Mailing,
  mails: readonly MailMessage[],
): Promise<{ sent: number; failed: number }> {
  let failed = 0;
  for (const mail of mails) {
    try {
      await mailing.mailer.send(mail);
    } catch (error) {
      failed++;
      mailing.onMailError?.(error, mail.to);
    }
  }
  return { sent: mails.length - failed, failed };
}

/** Sends each message; false when any could not be sent (each failure is reported). */
export async function sendAll(mailing: Mailing, mails: readonly MailMessage[]): Promise<boolean> {
  return (await sendEach(mailing, mails)).failed === 0;
}
