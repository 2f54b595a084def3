import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../test/support/form-client.ts';
import { signedInClient } from '../../../test/support/people.ts';
import { openTestSite, useTestSite } from '../../../test/support/web.ts';
import { openSession } from '../../app/sessions.ts';
import { findOrCreateUser } from '../../app/sign-in.ts';

const site = useTestSite();

/** Posts the profile form of /me as a browser with these cookies and headers would. */
async function postProfile(
  cookies: Map<string, string>,
  token: string,
  headers: Record<string, string> = {},
) {
  const response = await site().app.inject({
    method: 'POST',
    url: '/me/profile',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      ...headers,
    },
    payload: new URLSearchParams({ _csrf: token, name: 'Changed', irc_nick: '', time_zone: '' }).toString(),
  });
  return [response.statusCode, response.statusCode === 303 ? 'saved' : 'refused'];
}

describe('CSRF protection', () => {
  it('binds the form token to the session: another browser’s token and CSRF cookie do not pass with this session (csrf_failed)', async () => {
    const { client: victim } = await signedInClient(site(), 'victim@example.org');
    const { client: attacker } = await signedInClient(site(), 'attacker@example.org');
    await victim.get('/me');
    await attacker.get('/me');
    const planted = new Map(victim.cookies);
    for (const [name, value] of attacker.cookies) if (name !== 'convene_session') planted.set(name, value);
    expect(await postProfile(planted, attacker.csrf ?? '')).toEqual([403, 'refused']);
    expect(await postProfile(victim.cookies, victim.csrf ?? '')).toEqual([303, 'saved']);
  });

  it('refuses a write from another site by Sec-Fetch-Site or Origin, even with a valid token', async () => {
    const { client } = await signedInClient(site(), 'origin@example.org');
    await client.get('/me');
    const token = client.csrf ?? '';
    expect(await postProfile(client.cookies, token, { 'sec-fetch-site': 'cross-site' })).toEqual([
      403,
      'refused',
    ]);
    expect(await postProfile(client.cookies, token, { 'sec-fetch-site': 'same-site' })).toEqual([
      403,
      'refused',
    ]);
    expect(await postProfile(client.cookies, token, { origin: 'https://evil.example' })).toEqual([
      403,
      'refused',
    ]);
    expect(await postProfile(client.cookies, token, { origin: 'null' })).toEqual([403, 'refused']);
    expect(
      await postProfile(client.cookies, token, {
        'sec-fetch-site': 'same-origin',
        origin: 'http://localhost',
      }),
    ).toEqual([303, 'saved']);
    expect(
      await postProfile(client.cookies, token, { origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }),
    ).toEqual([303, 'saved']);
  });

  it('names the cookies with the __Host- prefix, Secure and Path=/, when the site is served over https', async () => {
    const secure = await openTestSite(undefined, { deps: { baseUrl: 'https://ptg.example.org' } });
    try {
      const page = await new FormClient(secure.app).get('/signin');
      const csrf = [page.headers['set-cookie']].flat().find((line) => String(line).includes('convene_csrf='));
      expect(String(csrf)).toMatch(
        /^__Host-convene_csrf=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      );
      const user = await findOrCreateUser(secure.runtime, 'https@example.org');
      if (!user.ok) throw new Error(user.refusal.message);
      const { secret } = await openSession(secure.runtime, user.value.id, 'email');
      const me = async (cookie: string) =>
        (await secure.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode;
      expect([await me(`__Host-convene_session=${secret}`), await me(`convene_session=${secret}`)]).toEqual([
        200, 401,
      ]);
    } finally {
      await secure.close();
    }
  });
});
