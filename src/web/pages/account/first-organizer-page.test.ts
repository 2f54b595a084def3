import { describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../../test/support/form-client.ts';
import { demoNow, useTestSite } from '../../../../test/support/web.ts';
import { firstOrganizerLink } from '../../../app/sign-in.ts';

const site = useTestSite(demoNow, { organizer: false });

describe('the first organiser of a fresh install', () => {
  it('is whoever opens the printed link and gives an address and name; the link works once', async () => {
    const link = await firstOrganizerLink(site().runtime, 'http://localhost');
    expect(link).toMatch(/^http:\/\/localhost\/signin\/first-organizer\?token=[\w-]{43}$/);
    const client = new FormClient(site().app);
    const page = await client.get(link ?? '');
    expect(textOf(page.html)).toContain('Become the first organiser');
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    const refused = await client.post('/signin/first-organizer', {
      token,
      email: 'not an address',
      name: 'Root',
    });
    expect([
      refused.status,
      textOf(refused.html).includes('"not an address" is not an e-mail address.'),
    ]).toEqual([400, true]);
    const unknown = await client.post('/signin/first-organizer', {
      token: 'x'.repeat(43),
      email: 'root@example.org',
      name: 'Rita Root',
    });
    expect([unknown.status, textOf(unknown.html).includes('This set-up link was already used')]).toEqual([
      400,
      true,
    ]);
    const done = await client.post('/signin/first-organizer', {
      token,
      email: 'root@example.org',
      name: 'Rita Root',
    });
    expect([done.status, done.location]).toEqual([303, '/organise']);
    expect((await client.get('/organise')).status).toBe(200);
    expect(await site().runtime.store.findUserByEmail('root@example.org')).toMatchObject({
      name: 'Rita Root',
      isOrganizer: true,
    });

    const again = new FormClient(site().app);
    expect((await again.get(link ?? '')).status).toBe(400);
    // Signed in now, the browser's form tokens are its session's: a fresh page gives one.
    await client.get('/me');
    const reused = await client.post('/signin/first-organizer', {
      token,
      email: 'otto@example.org',
      name: 'Otto',
    });
    expect([reused.status, textOf(reused.html).includes('This set-up link was already used')]).toEqual([
      400,
      true,
    ]);
    expect(await site().runtime.store.findUserByEmail('otto@example.org')).toBe(null);
    expect(await firstOrganizerLink(site().runtime, 'http://localhost')).toBe(null);
  });
});

describe('sign-in with a provider', () => {
  it('is not offered when none is configured', async () => {
    const client = new FormClient(site().app);
    expect(textOf((await client.get('/signin')).html)).not.toContain('Sign in with');
    expect((await client.get('/signin/oidc')).status).toBe(404);
    expect((await client.get('/signin/oidc/callback?code=x&state=y')).status).toBe(404);
  });
});
