import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../mail/mailer.ts';
import { type Mailing, sendAll, sendEach } from './mailing.ts';

function mailingRefusing(refused: string) {
  const delivered: string[] = [];
  const reported: string[] = [];
  const mailing: Mailing = {
    baseUrl: 'https://convene.test',
    mailer: {
      delivers: true,
      async send(message: MailMessage) {
        if (message.to === refused) throw new Error('refused');
        delivered.push(message.to);
      },
      close() {},
    },
    onMailError: (_error, to) => reported.push(to),
  };
  return { mailing, delivered, reported };
}

const mail = (to: string): MailMessage => ({ to, subject: 'Hello', text: 'Hi.' });

describe('sendEach', () => {
  it('sends every message, counting and reporting those that could not go', async () => {
    const { mailing, delivered, reported } = mailingRefusing('bo@example.org');
    const mails = ['ana@example.org', 'bo@example.org', 'cy@example.org'].map(mail);
    expect(await sendEach(mailing, mails)).toEqual({ sent: 2, failed: 1 });
    expect(delivered).toEqual(['ana@example.org', 'cy@example.org']);
    expect(reported).toEqual(['bo@example.org']);
    expect(await sendAll(mailing, mails)).toBe(false);
    expect(await sendAll(mailing, [mail('ana@example.org')])).toBe(true);
  });
});
