import type { Mailer, MailMessage } from './mailer.ts';

/**
 * The mailer of an installation without a mail server: each message is written to the server log in
 * full, links included, so whoever runs it can pass them on.
 */
export function logMailer(log: (text: string) => void): Mailer {
  return {
    delivers: false,
    async send(message: MailMessage) {
      log(
        [
          'E-mail not sent (no SMTP server configured); it would have said:',
          `To: ${message.to}`,
          `Subject: ${message.subject}`,
          '',
          message.text,
        ].join('\n'),
      );
    },
    close() {},
  };
}
