import { type ClashWarning, clashWarnings } from '../core/booking/clash-warnings.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { Team } from '../core/model/team.ts';
import { sharedPeopleOfEvent } from '../core/shared-people/people-of-event.ts';
import type { Runtime } from './runtime.ts';

/**
 * The clash warnings for a team meeting in `slotIds` (by default the hours it has booked), from the
 * event's shared-people model as the store knows it now.
 */
export async function clashesOf(
  runtime: Runtime,
  state: EventState,
  team: Team,
  slotIds: Iterable<string> = state.bookings.filter((b) => b.teamId === team.id).map((b) => b.slotId),
): Promise<ClashWarning[]> {
  const shared = sharedPeopleOfEvent(state, await runtime.store.followsOfEvent(state.event.id));
  return clashWarnings(state, shared, team, slotIds);
}

/** The clash warnings of each slot of the grid on its own, for a team choosing where to book. */
export async function clashesBySlot(
  runtime: Runtime,
  state: EventState,
  team: Team,
): Promise<Map<string, ClashWarning[]>> {
  const shared = sharedPeopleOfEvent(state, await runtime.store.followsOfEvent(state.event.id));
  return new Map(state.slots.map((slot) => [slot.id, clashWarnings(state, shared, team, [slot.id])]));
}
