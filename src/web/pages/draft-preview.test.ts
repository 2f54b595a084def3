import { beforeAll, describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../test/support/form-client.ts';
import { call } from '../../../test/support/http.ts';
import { signedInClient } from '../../../test/support/people.ts';
import { useTestSite } from '../../../test/support/web.ts';

const site = useTestSite();
let organiser: FormClient;
let stranger: FormClient;

beforeAll(async () => {
  const created = await call(site().app, 'POST', '/api/v1/events', {
    token: site().token,
    body: { slug: 'secret-ptg', copy_from: 'oct2022-ptg', starts_on: '2023-10-23', title: 'Secret PTG' },
  });
  expect(created.statusCode).toBe(201);
  ({ client: organiser } = await signedInClient(site(), 'boss@example.org', { organizer: true }));
  ({ client: stranger } = await signedInClient(site(), 'someone@example.org'));
});

const pages = [
  '',
  '/board',
  '/schedule',
  '/teams',
  '/help',
  '/rooms/bexar',
  '/organise',
  '/organise/settings',
];

describe('a draft event’s pages', () => {
  it('show organisers every page with the draft banner', async () => {
    for (const path of pages) {
      const page = await organiser.get(`/events/secret-ptg${path}`);
      expect(page.status, path).toBe(200);
      expect(textOf(page.html), path).toContain('Draft — only organisers see this.');
    }
    const published = await organiser.get('/events/oct2022-ptg');
    expect(textOf(published.html)).not.toContain('Draft — only organisers see this.');
  });

  it('are, to anyone else, the very page an unknown event gets: same status, title and words', async () => {
    for (const client of [stranger, new FormClient(site().app)]) {
      for (const path of pages) {
        const draft = await client.get(`/events/secret-ptg${path}`);
        const unknown = await client.get(`/events/nothing-ptg${path}`);
        expect(draft.status, path).toBe(unknown.status);
        expect(textOf(draft.html), path).toBe(textOf(unknown.html).replaceAll('nothing-ptg', 'secret-ptg'));
        expect(draft.html, path).not.toContain('Secret PTG');
      }
    }
  });
});
