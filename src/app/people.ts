import { randomUUID } from 'node:crypto';
import { type Checked, failed, passed } from '../core/checked.ts';
import type { Actor } from '../core/model/actor.ts';
import type { User } from '../core/model/user.ts';
import { checkUserInput, type UserInput } from '../core/people/check-user.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { setModerator } from '../core/teams/team-admin.ts';
import { isUniqueViolation } from '../store/database.ts';
import { idMakerOf } from './context-of.ts';
import { execute, type Outcome } from './execute.ts';
import { moveNickHoldings } from './nick-commands.ts';
import type { Runtime, Who } from './runtime.ts';
import { hashSecret, maxSecretLength, randomToken } from './secret-token.ts';

export function actorOf(user: User): Actor {
  return { userId: user.id, name: user.name, isOrganizer: user.isOrganizer };
}

/**
 * Adds a user; with an IRC nick, what the nick held without an account becomes theirs
 * (`moveNickHoldings`). Refuses with `invalid_input` when the e-mail or IRC nick is already someone's.
 */
export async function addUser(
  runtime: Runtime,
  input: UserInput & { isOrganizer?: boolean },
): Promise<Checked<User>> {
  const checked = checkUserInput(input);
  if (!checked.ok) return checked;
  const { email, name, ircNick } = checked.value;
  if (await runtime.store.findUserByEmail(email))
    return failed('invalid_input', `There is already a user with e-mail ${email}.`);
  if (ircNick && (await runtime.store.findUserByIrcNick(ircNick))) {
    return failed('invalid_input', `The IRC nick ${ircNick} already belongs to another user.`);
  }
  try {
    const user = await runtime.store.createUser(
      { email, name, ircNick, isOrganizer: input.isOrganizer === true },
      idMakerOf(runtime)(),
      runtime.clock.now(),
    );
    if (ircNick) await moveNickHoldings(runtime, user.id, ircNick);
    return passed(user);
  } catch (error) {
    if (isUniqueViolation(error))
      return failed('invalid_input', `There is already a user with e-mail ${email} or nick ${ircNick}.`);
    throw error;
  }
}

/** Grants or takes away moderation of a team from the user with that e-mail (organisers only). */
export async function setModeratorByEmail(
  runtime: Runtime,
  who: Who,
  input: { event: string; team: string; email: string; moderator: boolean },
): Promise<Outcome> {
  // Only organisers learn whether an address has an account.
  const denied = checkOrganizer(who.actor);
  if (denied) return { ok: false, refusal: denied };
  const user = await runtime.store.findUserByEmail(input.email);
  if (!user)
    return {
      ok: false,
      refusal: { code: 'unknown_user', message: `There is no user with e-mail ${input.email.slice(0, 80)}.` },
    };
  return execute(runtime, input.event, who, (state, ctx) =>
    setModerator(state, { team: input.team, userId: user.id, moderator: input.moderator }, ctx),
  );
}

const tokenPrefix = 'cvn_';

/** A new API token for a user: returned once, stored only as a hash. */
export async function createApiToken(
  runtime: Runtime,
  userId: string,
  label: string,
): Promise<{ id: string; token: string }> {
  const token = `${tokenPrefix}${randomToken()}`;
  const id = randomUUID();
  await runtime.store.createToken({ id, userId, hash: hashSecret(token), label, at: runtime.clock.now() });
  return { id, token };
}

/** The actor behind a bearer token, or null for an unknown or revoked one. */
export async function actorForToken(runtime: Runtime, token: string): Promise<Actor | null> {
  if (!token.startsWith(tokenPrefix) || token.length > maxSecretLength) return null;
  const user = await runtime.store.userForToken(hashSecret(token), runtime.clock.now());
  return user ? actorOf(user) : null;
}
