import { accept, type Decision, refuse, refused } from '../decision.ts';
import { type Refusal, refusal } from '../errors.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { Booking } from '../model/booking.ts';
import type { EventState } from '../model/event-state.ts';
import { findRoom, findSlot, isUnavailable } from '../model/lookup.ts';
import type { Room } from '../model/room.ts';
import type { Slot } from '../model/slot.ts';
import type { Team } from '../model/team.ts';
import { isOrganizer, moderatesTeam } from '../permissions.ts';
import { busyRefusal, checkGuestsFollow } from '../sessions/joint-rules.ts';
import { teamBusyAt } from '../sessions/team-presence.ts';
import { describeInterval } from '../text/describe-time.ts';
import { bookingTeam, checkBookingOpen, checkCaps, checkNotStarted } from './booking-rules.ts';

export interface BookSlotInput {
  /** team id or slug */
  readonly team: string;
  /** room id, slug or name */
  readonly room: string;
  /** slot id or code */
  readonly slot: string;
  /** an organiser sets rules 3–5 aside; the booking records it */
  readonly override?: boolean;
  /** why the rules are set aside, kept with the booking when they are */
  readonly reason?: string;
}

/**
 * Books a free cell for a team, enforcing every booking rule in order.
 * Refuses with `event_archived`, `unauthenticated`, `unknown_team`, `team_not_approved`, `forbidden`, `unknown_room`,
 * `unknown_slot`, `slot_taken`, `team_busy`, `in_past`, `not_open`, `daily_cap` or `total_cap`.
 * A team that is a guest in a joint session then is busy; a booking that lengthens a joint
 * session must leave its guests free and, under `every-team`, within their caps.
 */
export function bookSlot(state: EventState, input: BookSlotInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'booking');
  if (archived) return refused(archived);
  const found = bookingTeam(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const { team, actor } = found.value;
  if (team.status !== 'approved') {
    return refuse('team_not_approved', `${team.slug} is not on the official team list, so it cannot book.`);
  }
  if (input.override && !isOrganizer(ctx.actor)) {
    return refuse('forbidden', 'Only organisers can set the booking limits aside.');
  }
  const room = findRoom(state, input.room);
  if (!room) return refuse('unknown_room', `There is no room "${input.room}" in this event.`);
  const slot = findSlot(state, input.slot);
  if (!slot) return refuse('unknown_slot', `There is no slot "${input.slot}" in this event.`);
  const taken = checkCellFree(state, team, room, slot);
  if (taken) return refused(taken);
  const when = describeInterval(slot.start, slot.end);
  const setAside = [
    checkNotStarted(slot, ctx, room.name),
    checkBookingOpen(state, team, ctx),
    checkCaps(state, team, slot),
  ].filter((found) => found !== null);
  const [firstBroken] = setAside;
  if (firstBroken && !input.override) return refused(firstBroken);
  const booking: Booking = {
    id: ctx.newId(),
    teamId: team.id,
    roomId: room.id,
    slotId: slot.id,
    kind: moderatesTeam(actor, team) ? 'self' : 'assigned',
    createdBy: actor.userId,
    createdAt: ctx.now,
    source: ctx.source,
    override: setAside.length > 0,
    ...overrideReason(setAside.length > 0, input.reason),
  };
  const guests = checkGuestsFollow(state, booking, slot, when, input.override === true);
  if (guests) return refused(guests);
  const note = booking.override ? ` (set aside: ${setAside.map((broken) => broken.code).join(', ')})` : '';
  return accept(
    [{ type: 'booking.created', booking }],
    `Booked ${room.name} for ${team.slug} on ${when}${note}.`,
  );
}

/**
 * Whether a team may hold a cell whatever the time and the limits: the room is available then
 * (`unknown_slot`), nobody holds the cell (`slot_taken`), and the team is not somewhere else then
 * (`team_busy`). Null when it may. Booking checks it, and so does `convene import` for every booking
 * in a file.
 */
export function checkCellFree(state: EventState, team: Team, room: Room, slot: Slot): Refusal | null {
  if (isUnavailable(state, room.id, slot.id))
    return refusal('unknown_slot', `${room.name} is not available in ${slot.code}.`);
  const when = describeInterval(slot.start, slot.end);
  const holder = state.bookings.find((booking) => booking.roomId === room.id && booking.slotId === slot.id);
  if (holder) {
    const holderTeam = state.teams.find((candidate) => candidate.id === holder.teamId);
    const by = holder.teamId === team.id ? `${team.slug} itself` : (holderTeam?.slug ?? 'another team');
    return refusal('slot_taken', `${room.name} is already booked by ${by} on ${when}.`);
  }
  const elsewhere = teamBusyAt(state, team.id, slot.id);
  return elsewhere ? busyRefusal(state, team, elsewhere, when) : null;
}

/** The reason an override records: only when rules were set aside and someone said why. */
export function overrideReason(overridden: boolean, reason: string | undefined): { overrideReason?: string } {
  const said = reason?.trim();
  return overridden && said ? { overrideReason: said } : {};
}
