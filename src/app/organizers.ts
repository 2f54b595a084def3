import { type Checked, failedWith, passed } from '../core/checked.ts';
import type { User } from '../core/model/user.ts';
import { checkOrganizerChange } from '../core/people/organizer-role.ts';
import { checkOrganizer } from '../core/permissions.ts';
import type { Runtime, Who } from './runtime.ts';
import { findOrCreateUser } from './sign-in.ts';

/** Every organiser, for organisers. Refuses with `unauthenticated` or `forbidden`. */
export async function listOrganizers(runtime: Runtime, who: Who): Promise<Checked<User[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  return passed(await runtime.store.people.organizers());
}

/**
 * Makes the person with this address an organiser (their account is made if they have none, and
 * they sign in with that address), or stops them being one (`checkOrganizerChange`). The console
 * and `convene user add --organizer` both come here. Refuses like `checkOrganizerChange`, and with
 * `invalid_input` for an address that is not one.
 */
export async function setOrganizerByEmail(
  runtime: Runtime,
  who: Who,
  input: { readonly email: string; readonly organizer: boolean; readonly name?: string },
): Promise<Checked<{ user: User; reply: string }>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const found = input.organizer
    ? await findOrCreateUser(runtime, input.email, input.name)
    : await knownUser(runtime, input.email);
  if (!found.ok) return found;
  const user = found.value;
  const organizers = await runtime.store.people.organizers();
  const refused = checkOrganizerChange(who.actor, {
    organizer: input.organizer,
    targetIsOrganizer: user.isOrganizer,
    organizers: organizers.length,
  });
  if (refused) return failedWith(refused);
  await runtime.store.setOrganizer(user.id, input.organizer);
  const reply = input.organizer
    ? `${user.email} is an organiser.`
    : `${user.email} is no longer an organiser.`;
  return passed({ user: { ...user, isOrganizer: input.organizer }, reply });
}

async function knownUser(runtime: Runtime, email: string): Promise<Checked<User>> {
  const user = await runtime.store.findUserByEmail(email);
  return user
    ? passed(user)
    : failedWith({
        code: 'unknown_user',
        message: `Nobody on Convene has the address ${email.slice(0, 80)}.`,
      });
}
