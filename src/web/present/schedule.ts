import type { Booking } from '../../core/model/booking.ts';
import type { EventState } from '../../core/model/event-state.ts';
import type { Room } from '../../core/model/room.ts';
import type { Slot } from '../../core/model/slot.ts';
import { roomLinksVisible } from '../../core/people/room-links.ts';
import { cellReference } from '../../core/schedule/cell-reference.ts';
import { jointTeamsByBooking } from '../../core/sessions/sessions.ts';
import { presentTeam } from './team.ts';

/** A room; its video link only when `showUrl` (room links may be for registered attendees only). */
export function presentRoom(room: Room, showUrl: boolean) {
  return {
    slug: room.slug,
    name: room.name,
    url: showUrl ? room.url : null,
    description: room.description,
    capacity: room.capacity,
    features: [...room.features],
  };
}

export function presentSlot(slot: Slot) {
  return {
    id: slot.id,
    code: slot.code,
    start: slot.start,
    end: slot.end,
    window: slot.window,
    day: slot.start.slice(0, 10),
  };
}

/**
 * A booking with the slugs people use and the reference `book`/`unbook` accept. `team` is the
 * host; `teams` adds the guests of a joint session (`joint` from `jointTeamsByBooking`).
 */
export function presentBooking(
  state: EventState,
  booking: Booking,
  joint: ReadonlyMap<string, readonly string[]> = jointTeamsByBooking(state),
) {
  const team = state.teams.find((candidate) => candidate.id === booking.teamId);
  const room = state.rooms.find((candidate) => candidate.id === booking.roomId);
  const slot = state.slots.find((candidate) => candidate.id === booking.slotId);
  return {
    id: booking.id,
    team: team?.slug ?? null,
    teams: (joint.get(booking.id) ?? [booking.teamId]).map(
      (teamId) => state.teams.find((candidate) => candidate.id === teamId)?.slug ?? null,
    ),
    room: room?.slug ?? null,
    slot: booking.slotId,
    slot_code: slot?.code ?? null,
    reference: room && slot ? cellReference(room, slot) : null,
    start: slot?.start ?? null,
    end: slot?.end ?? null,
    kind: booking.kind,
    source: booking.source,
    created_at: booking.createdAt,
  };
}

/** The whole grid: rooms × slots, bookings, and cells that are closed. A cell is free otherwise. */
export function presentSchedule(state: EventState) {
  const rooms = new Map(state.rooms.map((room) => [room.id, room.slug]));
  const bookedTeams = new Set(state.bookings.map((booking) => booking.teamId));
  const joint = jointTeamsByBooking(state);
  return {
    event: state.event.slug,
    revision: state.revision,
    time_zone: state.event.timeZone,
    windows: state.event.windows.map((window) => ({
      name: window.name,
      start: window.start,
      end: window.end,
    })),
    rooms: state.rooms.map((room) => presentRoom(room, roomLinksVisible(state.event, null))),
    slots: state.slots.map(presentSlot),
    teams: state.teams
      .filter((team) => team.status === 'approved' || bookedTeams.has(team.id))
      .map((team) => presentTeam(state.event, team)),
    bookings: state.bookings.map((booking) => presentBooking(state, booking, joint)),
    unavailable: state.unavailable.map((cell) => ({
      room: rooms.get(cell.roomId) ?? null,
      slot: cell.slotId,
    })),
  };
}
