import { accept, type Decision, refuse, refused } from '../decision.ts';
import { type Refusal, refusal } from '../errors.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { Booking } from '../model/booking.ts';
import type { EventState } from '../model/event-state.ts';
import { findRoom, findSlot, findTeam } from '../model/lookup.ts';
import { checkTeamManager, isOrganizer } from '../permissions.ts';
import { reanchorSession } from '../sessions/reanchor-session.ts';
import { describeInterval } from '../text/describe-time.ts';
import { overrideReason } from './book-slot.ts';
import { checkNotStarted } from './booking-rules.ts';

/** A booking named by its id, or by its cell (and optionally the team expected in it). */
export type UnbookSlotInput = (
  | { readonly bookingId: string }
  | { readonly room: string; readonly slot: string; readonly team?: string }
) & {
  readonly override?: boolean;
  /** why an organiser releases a slot that has started; kept with the cancellation */
  readonly reason?: string;
};

/**
 * Releases a booked cell. Only the team's moderators or an organiser may; a slot that has started
 * stays booked unless an organiser overrides. What the session had (title, guests, head-count)
 * stays with the rest of the session.
 * Refuses with `event_archived`, `unauthenticated`, `unknown_booking`, `unknown_room`, `unknown_slot`, `forbidden` or `in_past`.
 */
export function unbookSlot(state: EventState, input: UnbookSlotInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'booking');
  if (archived) return refused(archived);
  if (!ctx.actor) return refuse('unauthenticated');
  const found = findBooking(state, input);
  if (!('booking' in found)) return refused(found);
  const { booking } = found;
  const team = state.teams.find((candidate) => candidate.id === booking.teamId);
  const room = state.rooms.find((candidate) => candidate.id === booking.roomId);
  const slot = state.slots.find((candidate) => candidate.id === booking.slotId);
  if (!team || !room || !slot) return refuse('unknown_booking');
  const denied = checkTeamManager(ctx.actor, team);
  if (denied) return refused(denied);
  if (input.override && !isOrganizer(ctx.actor)) {
    return refuse('forbidden', 'Only organisers can release a slot that has started.');
  }
  const started = checkNotStarted(slot, ctx, room.name);
  if (started && !input.override) return refused(started);
  return accept(
    [
      {
        type: 'booking.cancelled',
        bookingId: booking.id,
        override: started !== null,
        ...reasonOf(overrideReason(started !== null, input.reason)),
      },
      ...reanchorSession(state, booking),
    ],
    `Released ${room.name} on ${describeInterval(slot.start, slot.end)}; it was booked by ${team.slug}.`,
  );
}

function findBooking(state: EventState, input: UnbookSlotInput): { booking: Booking } | Refusal {
  if ('bookingId' in input) {
    const booking = state.bookings.find((candidate) => candidate.id === input.bookingId);
    return booking ? { booking } : refusal('unknown_booking');
  }
  const room = findRoom(state, input.room);
  if (!room) return refusal('unknown_room', `There is no room "${input.room}" in this event.`);
  const slot = findSlot(state, input.slot);
  if (!slot) return refusal('unknown_slot', `There is no slot "${input.slot}" in this event.`);
  const booking = state.bookings.find(
    (candidate) => candidate.roomId === room.id && candidate.slotId === slot.id,
  );
  const team = input.team ? findTeam(state, input.team) : undefined;
  if (!booking || (input.team && booking.teamId !== team?.id)) {
    const whose = input.team ? ` for ${input.team.replace(/^#/, '')}` : '';
    return refusal('unknown_booking', `${room.name} is not booked${whose} in ${slot.code}.`);
  }
  return { booking };
}

function reasonOf(said: { overrideReason?: string }): { reason?: string } {
  return said.overrideReason ? { reason: said.overrideReason } : {};
}
