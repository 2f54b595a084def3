import type { OidcSettings } from './app/oidc.ts';
import { defaultMailPerRecipient } from './app/recipient-limit.ts';
import { ConfigError, positive } from './config.ts';
import type { SmtpSettings } from './mail/smtp-mailer.ts';

/** The settings of sign-in and e-mail, from the environment (see README: "Sign-in and e-mail"). */
export interface PeopleConfig {
  /** null: no mail server, e-mails go to the server log */
  readonly smtp: SmtpSettings | null;
  /** null: sign-in by e-mailed link only */
  readonly oidc: OidcSettings | null;
  /** null: a secret is generated once and kept in the database */
  readonly sessionSecret: string | null;
  /** requests per minute and address: sign-in attempts, and each form; e-mails per hour and recipient */
  readonly rateLimits: { readonly signIn: number; readonly forms: number; readonly mail: number };
  /** behind a reverse proxy: trust its X-Forwarded-For, so limits count people rather than the proxy */
  readonly trustProxy: boolean | string;
}

/**
 * Reads `SMTP_*`, `OIDC_*`, `SESSION_SECRET`, `RATE_LIMIT_*` and `TRUST_PROXY`. A setting that is half there (a
 * client id without an issuer) or malformed stops start-up with a sentence saying which and why.
 */
export function readPeopleConfig(env: NodeJS.ProcessEnv, baseUrl: string): PeopleConfig {
  return {
    smtp: readSmtp(env, baseUrl),
    oidc: readOidc(env, baseUrl),
    sessionSecret: readSecret(env),
    rateLimits: {
      signIn: positive(env, 'RATE_LIMIT_SIGNIN', 5),
      forms: positive(env, 'RATE_LIMIT_FORMS', 30),
      mail: positive(env, 'RATE_LIMIT_MAIL', defaultMailPerRecipient),
    },
    trustProxy: readTrustProxy(env),
  };
}

function readSmtp(env: NodeJS.ProcessEnv, baseUrl: string): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) {
    if (env.SMTP_USER || env.SMTP_PORT) throw new ConfigError('SMTP_USER and SMTP_PORT need SMTP_HOST too.');
    return null;
  }
  const secure = flag(env, 'SMTP_SECURE');
  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new ConfigError(`SMTP_PORT must be a port number, not "${env.SMTP_PORT}".`);
  return {
    host,
    port,
    secure,
    user: env.SMTP_USER?.trim() || null,
    password: env.SMTP_PASSWORD ?? null,
    from: env.SMTP_FROM?.trim() || `Convene <convene@${new URL(baseUrl).hostname}>`,
  };
}

function readOidc(env: NodeJS.ProcessEnv, baseUrl: string): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId)
    throw new ConfigError('OpenID Connect needs both OIDC_ISSUER and OIDC_CLIENT_ID.');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`OIDC_ISSUER must be the provider's address, not "${issuer}".`);
  }
  if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1')
    throw new ConfigError('OIDC_ISSUER must be an https:// address (plain http only on localhost).');
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || null,
    name: env.OIDC_NAME?.trim() || 'single sign-on',
    scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
    redirectUrl: `${baseUrl}/signin/oidc/callback`,
  };
}

function readSecret(env: NodeJS.ProcessEnv): string | null {
  const secret = env.SESSION_SECRET;
  if (secret === undefined || secret === '') return null;
  if (secret.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  return secret;
}

/** `TRUST_PROXY`: true, or the proxy's addresses (comma-separated, CIDR allowed). */
function readTrustProxy(env: NodeJS.ProcessEnv): boolean | string {
  const value = env.TRUST_PROXY?.trim();
  if (!value) return false;
  return /^(true|false|yes|no|1|0)$/i.test(value) ? flag(env, 'TRUST_PROXY') : value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value || value === 'false' || value === '0' || value === 'no') return false;
  if (value === 'true' || value === '1' || value === 'yes') return true;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}".`);
}
