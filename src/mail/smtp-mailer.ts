import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.ts';

/** How to reach the mail server (the `SMTP_*` settings). */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (usually port 465); otherwise STARTTLS is used when offered */
  readonly secure: boolean;
  readonly user: string | null;
  readonly password: string | null;
  /** the sender, e.g. `Convene <ptg@example.org>` */
  readonly from: string;
}

/** Sends through an SMTP server with nodemailer, one pooled connection at a time. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    delivers: true,
    async send(message: MailMessage) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { ...message.headers },
      });
    },
    close() {
      transport.close();
    },
  };
}
