import { type Checked, failed, passed } from '../core/checked.ts';
import { checkName } from '../core/text/check-name.ts';
import { signedInUser } from './account.ts';
import { createApiToken } from './people.ts';
import type { Runtime, Who } from './runtime.ts';

/** One of a person's API tokens as they see it: never the secret, which is shown once. */
export interface OwnToken {
  readonly id: string;
  readonly label: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** The signed-in person's tokens, newest first. Refuses with `unauthenticated`. */
export async function listOwnTokens(runtime: Runtime, who: Who): Promise<Checked<OwnToken[]>> {
  const user = await signedInUser(runtime, who);
  if (!user.ok) return user;
  const tokens = await runtime.store.listTokens(user.value.id);
  return passed([...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
}

/**
 * The signed-in person makes an API token for their own scripts, named so they can tell it from the
 * others later; the secret is returned once and only its hash is kept. Refuses with
 * `unauthenticated` or `invalid_input` (an empty or over-long label, or one with HTML in it).
 */
export async function createOwnToken(
  runtime: Runtime,
  who: Who,
  label: string,
): Promise<Checked<{ id: string; token: string; label: string }>> {
  const user = await signedInUser(runtime, who);
  if (!user.ok) return user;
  const checked = checkName(label, 'token name', 80);
  if (!checked.ok) return checked;
  const made = await createApiToken(runtime, user.value.id, checked.value);
  return passed({ ...made, label: checked.value });
}

/**
 * The signed-in person revokes one of their own live tokens; it stops working at once. Refuses with
 * `unauthenticated` or `not_found` (no such live token of theirs: someone else's is not found either).
 */
export async function revokeOwnToken(runtime: Runtime, who: Who, id: string): Promise<Checked<string>> {
  const user = await signedInUser(runtime, who);
  if (!user.ok) return user;
  const token = (await runtime.store.listTokens(user.value.id)).find(
    (candidate) => candidate.id === id && candidate.revokedAt === null,
  );
  if (!token) return failed('not_found', 'You have no live token with that id.');
  await runtime.store.revokeToken(token.id, runtime.clock.now());
  return passed(token.label);
}
