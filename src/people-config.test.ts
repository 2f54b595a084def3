import { describe, expect, it } from 'vitest';
import { readPeopleConfig } from './people-config.ts';

const base = 'https://ptg.example.org';

describe('readPeopleConfig', () => {
  it('runs without a mail server or provider by default, with a generated secret and default limits', () => {
    expect(readPeopleConfig({}, base)).toEqual({
      smtp: null,
      oidc: null,
      sessionSecret: null,
      rateLimits: { signIn: 5, forms: 30, mail: 5 },
      trustProxy: false,
    });
  });

  it('reads SMTP, OpenID Connect, the session secret, limits and the proxy from the environment', () => {
    expect(
      readPeopleConfig(
        {
          SMTP_HOST: 'smtp.example.org',
          SMTP_SECURE: 'true',
          SMTP_USER: 'convene',
          SMTP_PASSWORD: 'pw',
          SMTP_FROM: 'PTG <ptg@example.org>',
          OIDC_ISSUER: 'https://id.example.org',
          OIDC_CLIENT_ID: 'convene',
          OIDC_CLIENT_SECRET: 's',
          OIDC_NAME: 'OpenInfra ID',
          SESSION_SECRET: 'x'.repeat(32),
          RATE_LIMIT_SIGNIN: '10',
          RATE_LIMIT_MAIL: '8',
          TRUST_PROXY: '10.0.0.0/8',
        },
        base,
      ),
    ).toEqual({
      smtp: {
        host: 'smtp.example.org',
        port: 465,
        secure: true,
        user: 'convene',
        password: 'pw',
        from: 'PTG <ptg@example.org>',
      },
      oidc: {
        issuer: 'https://id.example.org',
        clientId: 'convene',
        clientSecret: 's',
        name: 'OpenInfra ID',
        scopes: 'openid email profile',
        redirectUrl: 'https://ptg.example.org/signin/oidc/callback',
      },
      sessionSecret: 'x'.repeat(32),
      rateLimits: { signIn: 10, forms: 30, mail: 8 },
      trustProxy: '10.0.0.0/8',
    });
    expect(readPeopleConfig({ SMTP_HOST: 'mail' }, base).smtp).toMatchObject({
      port: 587,
      secure: false,
      from: 'Convene <convene@ptg.example.org>',
    });
  });

  it.each([
    [{ OIDC_ISSUER: 'https://id.example.org' }, 'OpenID Connect needs both OIDC_ISSUER and OIDC_CLIENT_ID.'],
    [
      { OIDC_ISSUER: 'http://id.example.org', OIDC_CLIENT_ID: 'c' },
      'OIDC_ISSUER must be an https:// address (plain http only on localhost).',
    ],
    [{ SMTP_HOST: 'mail', SMTP_PORT: 'twenty-five' }, 'SMTP_PORT must be a port number, not "twenty-five".'],
    [{ SMTP_USER: 'me' }, 'SMTP_USER and SMTP_PORT need SMTP_HOST too.'],
    [{ SMTP_HOST: 'mail', SMTP_SECURE: 'maybe' }, 'SMTP_SECURE must be true or false, not "maybe".'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters long.'],
    [{ RATE_LIMIT_FORMS: '0' }, 'RATE_LIMIT_FORMS must be a whole number above zero.'],
  ])('stops start-up with a sentence for %j', (env, message) => {
    expect(() => readPeopleConfig(env, base)).toThrow(message);
  });
});
