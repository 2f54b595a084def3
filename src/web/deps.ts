import type { OidcSignIn } from '../app/oidc.ts';
import type { Operations } from '../app/operations.ts';
import type { Runtime } from '../app/runtime.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { HttpLimits } from './limits.ts';

/** What routes and pages need: the runtime for reads and identity, the operations for writes. */
export interface WebDeps {
  readonly runtime: Runtime;
  readonly ops: Operations;
  /** the public address, for links in feeds and e-mails */
  readonly baseUrl: string;
  /** the chat bot, when one is configured: its channel, and the event it serves (null: the current one) */
  readonly chatBot?: { readonly channel: string; readonly event: string | null } | null;
  /** where e-mails go; without one they are written to the server log */
  readonly mailer?: Mailer;
  /** the OpenID Connect provider people may sign in with, when one is configured */
  readonly oidc?: OidcSignIn | null;
  /** signs form tokens and cookies; without one a secret is generated and kept in the database */
  readonly sessionSecret?: string;
  /**
   * how many requests one address may make per minute (sign-in attempts, each form), and how many
   * sign-in links and confirmations one recipient may be sent per hour (`mail`, 5 unless given)
   */
  readonly rateLimits?: { readonly signIn: number; readonly forms: number; readonly mail?: number };
  /** how often batched alert e-mail and reminders are looked at, in ms (default 30 s; tests shorten it) */
  readonly alertCheckMs?: number;
  /** streams, timeouts and body size; what is not given keeps its default (`web/limits.ts`) */
  readonly limits?: Partial<HttpLimits>;
}
