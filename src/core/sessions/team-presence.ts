import type { EventState } from '../model/event-state.ts';
import { acceptedGuests, jointSessions, type Session, slotIdsOf } from './sessions.ts';

/** The joint session a team is a guest in during a slot, if any (it is then in the host's room). */
export function guestSessionAt(state: EventState, teamId: string, slotId: string): Session | null {
  return (
    jointSessions(state).find(
      (session) =>
        slotIdsOf(session).includes(slotId) &&
        acceptedGuests(session).some((guest) => guest.teamId === teamId),
    ) ?? null
  );
}

/**
 * Slots in which a team is a guest of another team's session, each once. Under the `every-team`
 * rule these count against the guest's caps as if it had booked them.
 */
export function guestSlotIds(state: EventState, teamId: string): string[] {
  const slotIds = new Set<string>();
  for (const session of jointSessions(state)) {
    if (acceptedGuests(session).some((guest) => guest.teamId === teamId))
      for (const slotId of slotIdsOf(session)) slotIds.add(slotId);
  }
  return [...slotIds];
}

/**
 * Why a team cannot be somewhere in a slot: it has a booking of its own then, or it is a guest in
 * someone's joint session. Null when it is free. `except` is the session being joined, which
 * does not count against itself.
 */
export function teamBusyAt(
  state: EventState,
  teamId: string,
  slotId: string,
  except: string | null = null,
): { roomId: string; hostId: string } | null {
  const own = state.bookings.find((booking) => booking.teamId === teamId && booking.slotId === slotId);
  if (own) return { roomId: own.roomId, hostId: teamId };
  const joint = guestSessionAt(state, teamId, slotId);
  if (joint && joint.id !== except) return { roomId: joint.roomId, hostId: joint.hostId };
  return null;
}
