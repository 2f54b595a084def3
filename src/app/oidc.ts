import * as client from 'openid-client';
import { type Checked, failed, passed } from '../core/checked.ts';
import type { User } from '../core/model/user.ts';
import { checkEmail } from '../core/people/check-user.ts';
import { safeReturnPath } from '../core/people/sign-in-policy.ts';
import type { Runtime } from './runtime.ts';
import { findOrCreateUser } from './sign-in.ts';

/** An OpenID Connect provider to sign in with (the `OIDC_*` settings). */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  /** what the sign-in button calls the provider, e.g. "OpenInfra ID" */
  readonly name: string;
  readonly scopes: string;
  /** `<BASE_URL>/signin/oidc/callback`, registered at the provider */
  readonly redirectUrl: string;
}

/** What the browser keeps between leaving for the provider and coming back: proof the answer is ours. */
export interface PendingOidc {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly next: string;
}

/**
 * Sign-in with an OpenID Connect provider: the authorization code flow with PKCE, state and nonce.
 * The person's account is found by the provider's subject, else by the verified e-mail address the
 * provider gives (then linked), else made from it.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  /** Where to send the browser, and what to keep for its return. */
  async start(next: string | null | undefined): Promise<{ url: string; pending: PendingOidc }> {
    const config = await this.config();
    const pending: PendingOidc = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next: safeReturnPath(next),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /**
   * Finishes the sign-in on the callback URL the provider sent the browser to.
   * Refuses with `invalid_link` when the answer does not match what was sent (or the provider
   * refused), `unauthenticated` when the provider gives no verified e-mail address for a new person.
   */
  async finish(
    runtime: Runtime,
    callbackUrl: URL,
    pending: PendingOidc,
  ): Promise<Checked<{ user: User; next: string }>> {
    const config = await this.config();
    let subject: string;
    let claims: { email?: unknown; email_verified?: unknown; name?: unknown };
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) return failed('invalid_link', this.incomplete());
      subject = idToken.sub;
      const info = await client.fetchUserInfo(config, tokens.access_token, subject);
      claims = { ...idToken, ...info };
    } catch (error) {
      // A refused or tampered answer ends the attempt; anything else (the provider unreachable) is a fault.
      if (
        error instanceof client.ClientError ||
        error instanceof client.ResponseBodyError ||
        error instanceof client.AuthorizationResponseError
      )
        return failed('invalid_link', this.incomplete());
      throw error;
    }
    const issuer = config.serverMetadata().issuer;
    const known = await runtime.store.people.userForIdentity(issuer, subject);
    if (known) return passed({ user: known, next: pending.next });
    const email = typeof claims.email === 'string' ? checkEmail(claims.email) : null;
    if (!email?.ok || claims.email_verified !== true)
      return failed(
        'unauthenticated',
        `${this.settings.name} did not give Convene a verified e-mail address; sign in with an e-mailed link instead.`,
      );
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : undefined;
    const user = await findOrCreateUser(runtime, email.value, name);
    if (!user.ok) return user;
    await runtime.store.people.linkIdentity({
      issuer,
      subject,
      userId: user.value.id,
      at: runtime.clock.now(),
    });
    return passed({ user: user.value, next: pending.next });
  }

  private incomplete(): string {
    return `The sign-in with ${this.settings.name} did not complete; start again.`;
  }

  /** The provider's metadata, discovered on first use and kept; a failed discovery is tried again next time. */
  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret ?? undefined,
        this.settings.clientSecret ? undefined : client.None(),
        // A provider on plain http is only accepted for a local test provider.
        new URL(this.settings.issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }
}
