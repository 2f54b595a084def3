import type { Mailer, MailMessage } from '../mail/mailer.ts';

/** What operations that send e-mail need besides the runtime: the mailer and the site's address. */
export interface Mailing {
  readonly mailer: Mailer;
  /** the public address links in e-mails start with, without a trailing slash */
  readonly baseUrl: string;
  /** told about messages that could not be sent, which the operation itself survives */
  readonly onMailError?: (error: unknown, to: string) => void;
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
