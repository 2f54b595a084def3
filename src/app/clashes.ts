import { type ClashWarning, clashWarnings } from '../core/booking/clash-warnings.ts';
import type { Change } from '../core/changes.ts';
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

/**
 * The warnings that go with a write that booked hours: for the team of the new bookings, in their
 * hours, on the state after the write. Nothing when the write booked nothing.
 */
export async function clashesOfChanges(
  runtime: Runtime,
  state: EventState,
  changes: readonly Change[] | undefined,
): Promise<ClashWarning[]> {
  const booked = (changes ?? []).flatMap((change) =>
    change.type === 'booking.created' ? [change.booking] : [],
  );
  const team = state.teams.find((candidate) => candidate.id === booked[0]?.teamId);
  if (!team) return [];
  return clashesOf(
    runtime,
    state,
    team,
    booked.map((booking) => booking.slotId),
  );
}
