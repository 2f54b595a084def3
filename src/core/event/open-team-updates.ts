import { accept, type Decision, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { checkOrganizer } from '../permissions.ts';

/**
 * Organisers let anyone recognised set any team's topics and links (`~alloweveryone`), or give that
 * back to moderators and organisers (`~requirevoice`). Booking is never opened this way.
 * Refuses with `unauthenticated` or `forbidden`.
 */
export function setOpenTeamUpdates(state: EventState, input: { open: boolean }, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const reply = input.open
    ? 'Anyone recognised may now set any team’s topics and links; booking stays with moderators.'
    : 'Only team moderators and organisers may now set a team’s topics and links.';
  if (state.event.openTeamUpdates === input.open) return accept([], reply);
  return accept([{ type: 'event.saved', event: { ...state.event, openTeamUpdates: input.open } }], reply);
}
