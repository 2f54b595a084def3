import { describe, expect, it } from 'vitest';
import { openTestSite } from '../../../test/support/web.ts';
import { openSession } from '../../app/sessions.ts';
import { sessionCookie } from '../plugins/session.ts';

const event = '/events/oct2022-ptg';

describe('the hot JSON reads (board and schedule)', () => {
  it('never look up who is asking: with the database gone they still answer a session cookie and a token, while a page that must know its viewer cannot', async () => {
    const site = await openTestSite();
    try {
      const olive = await site.runtime.store.findUserByEmail('olive@example.org');
      const { secret } = await openSession(site.runtime, olive?.id as string, 'email');
      const credentials = [
        { cookie: `${sessionCookie}=${secret}` },
        { authorization: `Bearer ${site.token}` },
      ];
      const reads = [`/api/v1${event}/board`, `/api/v1${event}/schedule`];
      const before = await Promise.all(reads.map((url) => site.app.inject({ url })));
      expect(before.map((answer) => answer.statusCode)).toEqual([200, 200]);
      const page = await site.app.inject({ url: `${event}/board`, headers: credentials[0] });
      expect(page.body).toContain('Olive');

      await site.runtime.store.close();
      for (const headers of credentials) {
        for (const [index, url] of reads.entries()) {
          const answer = await site.app.inject({ url, headers });
          expect(answer.statusCode, url).toBe(200);
          expect(answer.body, url).toBe(before[index]?.body);
        }
      }
      // The board page, which greets a signed-in viewer, is served to an anonymous one from memory
      // too; with the cookie it asks the database whose session it is, and fails without it.
      expect((await site.app.inject({ url: `${event}/board` })).statusCode).toBe(200);
      const identified = await site.app.inject({ url: `${event}/board`, headers: credentials[0] });
      expect(identified.statusCode).not.toBe(200);
    } finally {
      await site.app.close();
    }
  });
});
