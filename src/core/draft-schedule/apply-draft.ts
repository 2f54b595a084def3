import { bookSlot } from '../booking/book-slot.ts';
import { unbookSlot } from '../booking/unbook-slot.ts';
import { type Decision, inSequence, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findRoom, findSlot, findTeam } from '../model/lookup.ts';
import { checkOrganizer } from '../permissions.ts';
import { count } from '../text/count.ts';
import type { DraftBooking } from './draft-instance.ts';

export interface ApplyDraftInput {
  /** the draft's bookings, by team slug, room slug and slot code (as `instanceOfEvent` names them) */
  readonly bookings: readonly DraftBooking[];
  /** ids of the event's bookings when the draft was made */
  readonly basis: readonly string[];
}

/**
 * Makes the event's bookings those of a draft, in one revision, through the booking rules: the
 * official teams' bookings the draft does not have are released, then the draft's new bookings are
 * made as organiser assignments (the booking phases are set aside, as organisers may; every other
 * rule holds). Only organisers may. A draft is applied only to the bookings it was made from, and
 * never changes a slot that has started.
 * Refuses with `unauthenticated`, `forbidden`, `draft_outdated`, or any refusal of `bookSlot` and
 * `unbookSlot`.
 */
export function applyDraft(state: EventState, input: ApplyDraftInput, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const now = state.bookings.map((booking) => booking.id).sort();
  const then = [...input.basis].sort();
  if (now.length !== then.length || now.some((id, i) => id !== then[i])) return refuse('draft_outdated');
  const wanted = new Map<string, { team: string; room: string; slot: string }>();
  for (const booking of input.bookings) {
    const team = findTeam(state, booking.team);
    const room = findRoom(state, booking.room);
    const slot = findSlot(state, booking.slot);
    if (!team || !room || !slot)
      return refuse(
        'draft_outdated',
        `The draft names ${booking.team} ${booking.room}-${booking.slot}, which no longer exists.`,
      );
    wanted.set(`${team.id} ${room.id} ${slot.id}`, { team: team.id, room: room.id, slot: slot.id });
  }
  const official = new Set(state.teams.filter((team) => team.status === 'approved').map((team) => team.id));
  const releases = state.bookings.filter(
    (booking) =>
      official.has(booking.teamId) && !wanted.delete(`${booking.teamId} ${booking.roomId} ${booking.slotId}`),
  );
  const additions = [...wanted.values()];
  const startedSlot = [
    ...releases.map((booking) => booking.slotId),
    ...additions.map((booking) => booking.slot),
  ]
    .map((slotId) => state.slots.find((slot) => slot.id === slotId))
    .find((slot) => slot && slot.start <= ctx.now);
  if (startedSlot)
    return refuse(
      'draft_outdated',
      `Slot ${startedSlot.code} has started since the draft was made; make a new draft.`,
    );
  const decision = inSequence(state, ctx, [
    ...releases.map(
      (booking) => (current: EventState, c: Ctx) => unbookSlot(current, { bookingId: booking.id }, c),
    ),
    ...additions.map(
      (booking) => (current: EventState, c: Ctx) => bookSlot(current, { ...booking, override: true }, c),
    ),
  ]);
  if (!decision.ok) return decision;
  return {
    ...decision,
    reply: `Applied the draft: ${count(additions.length, 'booking')} made, ${releases.length} released.`,
  };
}
