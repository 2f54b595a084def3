/** One plain-text e-mail to one person. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** extra headers, such as `List-Unsubscribe` */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Where Convene's e-mails go: a mail server (`delivers`), or the server log when none is configured,
 * in which case pages say that the message is in the log rather than in an inbox.
 */
export interface Mailer {
  readonly delivers: boolean;
  /** resolves once the message is handed over; rejects when the mail server does not take it */
  send(message: MailMessage): Promise<void>;
  close(): void;
}
