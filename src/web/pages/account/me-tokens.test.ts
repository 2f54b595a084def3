import { describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();

describe('API tokens and the calendar address on /me', () => {
  it('makes a token shown once, which then works on the API, and revokes it', async () => {
    const { client, user } = await signedInClient(site(), 'tok@example.org', { name: 'Toka' });
    await client.get('/me');
    const made = await client.post('/me/tokens', { label: 'my booking script' });
    expect(made.status).toBe(200);
    expect(made.headers['cache-control']).toBe('no-store');
    const token = /id="new-token">([^<]+)</.exec(made.html)?.[1] ?? '';
    expect(token).toMatch(/^cvn_/);
    const whoami = await site().app.inject({
      method: 'GET',
      url: '/api/v1/me/calendar',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(whoami.statusCode).toBe(200);

    const page = await client.get('/me');
    expect(textOf(page.html)).toContain('my booking script');
    expect(page.html).not.toContain(token);
    const [stored] = await site().runtime.store.listTokens(user.id);
    const revoked = await client.post('/me/tokens/revoke', { token: stored?.id ?? '' });
    expect([revoked.status, revoked.location]).toEqual([303, '/me?done=revoked']);
    const after = await site().app.inject({
      method: 'GET',
      url: '/api/v1/me/calendar',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(textOf((await client.get('/me?done=revoked')).html)).toContain('revoked');
  });

  it('refuses an empty name, HTML and 10 kB names, and stores no token', async () => {
    const { client, user } = await signedInClient(site(), 'bad-tok@example.org');
    await client.get('/me');
    for (const label of ['', '<b>x</b>', 'x'.repeat(10_000)]) {
      const answer = await client.post('/me/tokens', { label });
      expect(answer.status).toBe(400);
      expect(textOf(answer.html)).toContain('There is a problem');
    }
    expect(await site().runtime.store.listTokens(user.id)).toEqual([]);
  });

  it('cannot revoke someone else’s token (not_found), which keeps working', async () => {
    const { client: owner } = await signedInClient(site(), 'owner@example.org');
    await owner.get('/me');
    const made = await owner.post('/me/tokens', { label: 'mine' });
    const token = /id="new-token">([^<]+)</.exec(made.html)?.[1] ?? '';
    const ownerUser = await site().runtime.store.findUserByEmail('owner@example.org');
    const [stored] = await site().runtime.store.listTokens(ownerUser?.id ?? '');
    const { client: other } = await signedInClient(site(), 'other@example.org');
    await other.get('/me');
    const refused = await other.post('/me/tokens/revoke', { token: stored?.id ?? '' });
    expect(refused.status).toBe(404);
    const still = await site().app.inject({
      method: 'GET',
      url: '/api/v1/me/calendar',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(still.statusCode).toBe(200);
  });

  it('shows the personal calendar address, and a new one replaces it', async () => {
    const { client } = await signedInClient(site(), 'cal@example.org');
    expect(textOf((await client.get('/me')).html)).toContain('Your calendar has no address yet.');
    expect((await client.post('/me/calendar', {})).location).toBe('/me?done=calendar');
    const first = /id="calendar-url">([^<]+)</.exec((await client.get('/me')).html)?.[1] ?? '';
    expect(first).toMatch(/^http:\/\/localhost\/feeds\/[A-Za-z0-9_-]{20,}\/calendar\.ics$/);
    expect((await site().app.inject({ method: 'GET', url: new URL(first).pathname })).statusCode).toBe(200);
    await client.post('/me/calendar', {});
    const second = /id="calendar-url">([^<]+)</.exec((await client.get('/me')).html)?.[1] ?? '';
    expect(second).not.toBe(first);
    expect((await site().app.inject({ method: 'GET', url: new URL(first).pathname })).statusCode).toBe(404);
  });
});
