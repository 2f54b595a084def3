import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../../test/support/form-client.ts';
import { startOidcProvider, type TestProvider } from '../../../../test/support/oidc-provider.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { OidcSignIn } from '../../../app/oidc.ts';

let idp: TestProvider;
let site: TestSite;

beforeAll(async () => {
  idp = await startOidcProvider('http://localhost/signin/oidc/callback');
  site = await openTestSite(demoNow, {
    deps: {
      oidc: new OidcSignIn({
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        name: 'Test ID',
        scopes: 'openid email profile',
        redirectUrl: 'http://localhost/signin/oidc/callback',
      }),
    },
  });
});
afterAll(async () => {
  await site?.close();
  await idp?.close();
});

describe('sign-in with an OpenID Connect provider', () => {
  it('sends the browser to the provider with PKCE, state and nonce, keeping them in a signed cookie', async () => {
    const client = new FormClient(site.app);
    expect(textOf((await client.get('/signin?next=/me')).html)).toContain('Sign in with Test ID');
    const start = await client.get('/signin/oidc?next=/me');
    expect(start.status).toBe(302);
    const url = new URL(start.location ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'convene',
      redirect_uri: 'http://localhost/signin/oidc/callback',
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(client.cookies.get('convene_oidc')).toBeTruthy();
  });

  it('refuses an answer that is not the one it asked for, or that comes without its cookie (invalid_link)', async () => {
    const client = new FormClient(site.app);
    await client.get('/signin/oidc');
    const forged = await client.get('/signin/oidc/callback?code=made-up&state=not-ours');
    expect(forged.status).toBe(400);
    expect(textOf(forged.html)).toContain('The sign-in with Test ID did not complete; start again.');
    const stranger = new FormClient(site.app);
    const lost = await stranger.get('/signin/oidc/callback?code=made-up&state=not-ours');
    expect(lost.status).toBe(400);
    expect(textOf(lost.html)).toContain(
      'The sign-in took too long or began in another browser; start again.',
    );
    const tampered = new FormClient(site.app);
    tampered.cookies.set(
      'convene_oidc',
      encodeURIComponent('{"state":"x","nonce":"y","verifier":"z","next":"/"}.forged'),
    );
    expect((await tampered.get('/signin/oidc/callback?code=c&state=x')).status).toBe(400);
  });
});
