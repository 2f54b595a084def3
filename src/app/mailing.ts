import type { Mailer, MailMessage } from '../mail/mailer.ts';

/** What operations that send e-mail need besides the runtime: the mailer and the site's address. */
export interface Mailing {
  readonly mailer: Mailer;
  /** the public address links in e-mails start with, without a trailing slash */
  readonly baseUrl: string;
  /** told about messages that could not be sent, which the operation itself survives */
  readonly onMailError?: (error: unknown, to: string) => void;
}

/** Sends each message; false when any could not be sent (each failure is reported). */
export async function sendAll(mailing: Mailing, mails: readonly MailMessage[]): Promise<boolean> {
  let all = true;
  for (const mail of mails) {
    try {
      await mailing.mailer.send(mail);
    } catch (error) {
      all = false;
      mailing.onMailError?.(error, mail.to);
    }
  }
  return all;
}
