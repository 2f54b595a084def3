import { describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../../test/support/form-client.ts';
import { linkTo, useSiteWithMail } from '../../../../test/support/mail-catcher.ts';
import { demoNow, useTestSite } from '../../../../test/support/web.ts';
import { addMinutes } from '../../../core/model/instant.ts';

const { site, mail: caught } = useSiteWithMail({ signIn: 5, forms: 30 });

async function me(client: FormClient) {
  const response = await site().app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
  });
  return { status: response.statusCode, body: response.json() };
}

async function requestLink(client: FormClient, email: string, next = '/events/oct2022-ptg/register') {
  await client.get(`/signin?next=${encodeURIComponent(next)}`);
  return client.post('/signin', { email, next });
}

describe('sign-in by e-mailed link, through a real SMTP server', () => {
  it('e-mails a one-time link that, confirmed with one button, signs a new person in and returns them where they were', async () => {
    const client = new FormClient(site().app);
    const asked = await requestLink(client, ' Newcomer@Example.org ');
    expect(asked.status).toBe(200);
    expect(textOf(asked.html)).toContain('We sent a sign-in link to newcomer@example.org');
    const message = await caught().waitFor('newcomer@example.org');
    expect(message.subject).toBe('Your sign-in link for Convene');
    const link = linkTo(message, '/signin/link');
    const confirm = await client.get(link);
    expect(textOf(confirm.html)).toContain('Sign in to Convene as newcomer@example.org');
    const signedIn = await client.post('/signin/link', {
      token: new URL(link).searchParams.get('token') ?? '',
    });
    expect([signedIn.status, signedIn.location]).toEqual([303, '/events/oct2022-ptg/register']);
    expect(await me(client)).toEqual({
      status: 200,
      body: { user: { name: 'newcomer', email: 'newcomer@example.org', irc_nick: null, organizer: false } },
    });
  });

  it('returns to a path with characters beyond Latin-1 (next=/%E6%97%A5) encoded, instead of failing after using the link', async () => {
    const client = new FormClient(site().app);
    await client.get('/signin?next=/%E6%97%A5');
    await client.post('/signin', { email: 'unicode-next@example.org', next: '/日' });
    const token =
      new URL(linkTo(await caught().waitFor('unicode-next@example.org'), '/signin/link')).searchParams.get(
        'token',
      ) ?? '';
    await client.get(`/signin/link?token=${token}`);
    const signedIn = await client.post('/signin/link', { token });
    expect([signedIn.status, signedIn.location]).toEqual([303, '/%E6%97%A5']);
  });

  it('sets the session in an HttpOnly, SameSite=Lax cookie', async () => {
    const client = new FormClient(site().app);
    await requestLink(client, 'cookie@example.org');
    const token = new URL(
      linkTo(await caught().waitFor('cookie@example.org'), '/signin/link'),
    ).searchParams.get('token');
    await client.get(`/signin/link?token=${token}`);
    const response = await site().app.inject({
      method: 'POST',
      url: '/signin/link',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      payload: new URLSearchParams({ _csrf: client.csrf ?? '', token: token ?? '' }).toString(),
    });
    const session = [response.headers['set-cookie']]
      .flat()
      .find((line) => line?.startsWith('convene_session='));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\//);
  });

  it('refuses a link used twice, or opened after 30 minutes (invalid_link)', async () => {
    const client = new FormClient(site().app);
    await requestLink(client, 'twice@example.org');
    const token =
      new URL(linkTo(await caught().waitFor('twice@example.org'), '/signin/link')).searchParams.get(
        'token',
      ) ?? '';
    await client.get(`/signin/link?token=${token}`);
    expect((await client.post('/signin/link', { token })).status).toBe(303);
    const elsewhere = new FormClient(site().app);
    const again = await elsewhere.get(`/signin/link?token=${token}`);
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain('This sign-in link was already used, has expired');
    await elsewhere.get('/signin');
    expect((await elsewhere.post('/signin/link', { token })).status).toBe(400);

    const late = new FormClient(site().app);
    await requestLink(late, 'late@example.org');
    const lateToken = new URL(
      linkTo(await caught().waitFor('late@example.org'), '/signin/link'),
    ).searchParams.get('token');
    site().clock.set(addMinutes(demoNow, 31));
    try {
      expect((await late.get(`/signin/link?token=${lateToken}`)).status).toBe(400);
    } finally {
      site().clock.set(demoNow);
    }
  });

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const client = new FormClient(site().app);
    await requestLink(client, 'leaving@example.org');
    const token =
      new URL(linkTo(await caught().waitFor('leaving@example.org'), '/signin/link')).searchParams.get(
        'token',
      ) ?? '';
    await client.get(`/signin/link?token=${token}`);
    await client.post('/signin/link', { token });
    const cookies = new Map(client.cookies);
    await client.get('/signout');
    const out = await client.post('/signout', {});
    expect([out.status, out.location]).toEqual([303, '/']);
    expect(client.cookies.has('convene_session')).toBe(false);
    const replay = new FormClient(site().app);
    for (const [name, value] of cookies) replay.cookies.set(name, value);
    expect((await me(replay)).status).toBe(401);
  });

  it.each([
    ['', 'The e-mail address is empty.'],
    ['not-an-address', '"not-an-address" is not an e-mail address.'],
    ['<script>alert(1)</script>@x.org', 'is not an e-mail address.'],
    [`${'a'.repeat(300)}@example.org`, 'is not an e-mail address.'],
  ])('answers a bad address %j with a message on the form and sends nothing', async (email, message) => {
    const client = new FormClient(site().app);
    const before = caught().messages.length;
    const page = await requestLink(client, email);
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain(message);
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('action="/signin"');
    expect(caught().messages.length).toBe(before);
  });

  it('refuses a post without the form’s token (csrf_failed) and sends nothing', async () => {
    const client = new FormClient(site().app);
    await client.get('/signin');
    const before = caught().messages.length;
    const page = await client.post('/signin', { email: 'forged@example.org' }, false);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('The form has expired or did not come from this site');
    const wrong = await client.post('/signin', { email: 'forged@example.org' }, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(caught().messages.length).toBe(before);
  });

  it('limits sign-in attempts from one address (rate_limited)', async () => {
    const client = new FormClient(site().app);
    await client.get('/signin');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++)
      statuses.push((await client.post('/signin', { email: 'not-an-address' })).status);
    expect(statuses.slice(-1)).toEqual([429]);
  });
});

describe('sign-in without a mail server', () => {
  const lines: string[] = [];
  const quiet = useTestSite(demoNow, {
    logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
  });

  it('writes the e-mail with its link to the server log, and the page says so', async () => {
    const client = new FormClient(quiet().app);
    await client.get('/signin');
    const page = await client.post('/signin', { email: 'offline@example.org', next: '/' });
    expect(textOf(page.html)).toContain(
      'No mail server is configured here, so the e-mail was written to the server log',
    );
    const logged = lines
      .map((line) => JSON.parse(line).msg as string)
      .find((msg) => msg?.includes('offline@example.org'));
    expect(logged).toMatch(/To: offline@example\.org[\s\S]*\/signin\/link\?token=/);
  });
});
