import { describe, expect, it } from 'vitest';
import { signedInClient } from '../../../test/support/people.ts';
import { useTestSite } from '../../../test/support/web.ts';

const site = useTestSite();
const E = '/events/oct2022-ptg';
const pages = [
  '/me',
  `${E}/join`,
  `${E}/organise/signups`,
  `${E}/organise/motd`,
  `${E}/organise/feedback`,
  `${E}/organise/rooms`,
  `${E}/teams/nova/manage`,
  '/organise/organisers',
];

const notices = (html: string) => html.split('role="status"').length - 1;

describe('?done= notices', () => {
  it('shows no notice for a key that only an object prototype has (__proto__, constructor, toString)', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    for (const page of pages) {
      const plain = await client.get(page);
      expect(plain.status, page).toBe(200);
      for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const answer = await client.get(`${page}?done=${key}`);
        expect([page, key, answer.status, notices(answer.html)]).toEqual([
          page,
          key,
          200,
          notices(plain.html),
        ]);
      }
    }
  });
});
