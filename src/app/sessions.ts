import type { Actor } from '../core/model/actor.ts';
import { addMinutes } from '../core/model/instant.ts';
import { sessionDays } from '../core/people/sign-in-policy.ts';
import type { SessionMethod } from '../store/people-store.ts';

export type { SessionMethod };

import { actorOf } from './people.ts';
import type { Runtime } from './runtime.ts';
import { hashSecret, maxSecretLength, randomToken } from './secret-token.ts';

/** Starts a session for a user: the returned secret goes into the cookie; only its hash is stored. */
export async function openSession(
  runtime: Runtime,
  userId: string,
  method: SessionMethod,
): Promise<{ secret: string; expiresAt: string }> {
  const secret = randomToken();
  const at = runtime.clock.now();
  const expiresAt = addMinutes(at, sessionDays * 24 * 60);
  await runtime.store.people.createSession({ hash: hashSecret(secret), userId, method, at, expiresAt });
  return { secret, expiresAt };
}

/** The actor behind a session cookie, or null when it is unknown or expired. */
export async function actorForSession(runtime: Runtime, secret: string): Promise<Actor | null> {
  if (!secret || secret.length > maxSecretLength) return null;
  const user = await runtime.store.people.userForSession(hashSecret(secret), runtime.clock.now());
  return user ? actorOf(user) : null;
}

/** Ends a session (signing out). */
export async function closeSession(runtime: Runtime, secret: string): Promise<void> {
  if (secret && secret.length <= maxSecretLength)
    await runtime.store.people.deleteSession(hashSecret(secret));
}
