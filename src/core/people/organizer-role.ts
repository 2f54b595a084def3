import { type Refusal, refusal } from '../errors.ts';
import type { Actor } from '../model/actor.ts';
import { checkOrganizer } from '../permissions.ts';

/**
 * Whether `actor` may make someone an organiser, or stop them being one: only organisers decide,
 * and Convene always keeps one (removing the last would lock everyone out of the console).
 * Refuses with `unauthenticated`, `forbidden`, `unknown_user` (not an organiser) or `last_organizer`.
 */
export function checkOrganizerChange(
  actor: Actor | null,
  input: { readonly organizer: boolean; readonly targetIsOrganizer: boolean; readonly organizers: number },
): Refusal | null {
  const denied = checkOrganizer(actor);
  if (denied) return denied;
  if (input.organizer) return null;
  if (!input.targetIsOrganizer) return refusal('unknown_user', 'That person is not an organiser.');
  if (input.organizers <= 1) return refusal('last_organizer');
  return null;
}
