import { type Checked, failed } from '../checked.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import { utcDay } from '../model/instant.ts';
import { type Following, peopleOfEvent } from '../shared-people/people-of-event.ts';
import type { DraftCell, DraftInstance } from './draft-instance.ts';
import { checkDraftInstance } from './read-draft-instance.ts';

/**
 * The draft instance of an event at a moment: its slots and rooms (ids are slot codes and room and
 * team slugs), the teams on the official list with what their sign-ups asked for, and its people.
 *
 * - Hours, windows and teams to avoid come from each team's sign-up answers. A team without answers
 *   (added by organisers) asks for the hours it already holds, and keeps them.
 * - Fixed: the bookings a team asked to keep, and every booking in a slot that has started (those
 *   can no longer move). A fixed booking outside the team's windows widens them to its window.
 * - Unavailable: closed cells, cells held by teams not on the list, and free cells of slots that
 *   have started.
 * - People: followers and moderators, as in the shared-people model; a person tied to one team
 *   weighs nothing and is left out.
 *
 * Refuses with `invalid_input` when slots are not hours, and `invalid_instance` when what teams
 * must keep is itself against the caps (bookings made over the limits by an organiser).
 */
export function instanceOfEvent(
  state: EventState,
  follows: readonly Following[],
  now: Instant,
): Checked<DraftInstance> {
  const { event } = state;
  if (event.slotMinutes !== 60)
    return failed('invalid_input', 'Drafts are made for events with one-hour slots.');
  if (state.slots.length === 0) return failed('invalid_input', 'The event has no slots to draft yet.');
  const slotById = new Map(state.slots.map((slot) => [slot.id, slot]));
  const roomById = new Map(state.rooms.map((room) => [room.id, room]));
  const listed = state.teams.filter((team) => team.status === 'approved');
  const listedIds = new Set(listed.map((team) => team.id));
  const started = (slotId: string) => (slotById.get(slotId)?.start ?? now) <= now;
  const unavailable: DraftCell[] = [];
  const held = new Set<string>();
  for (const booking of state.bookings) {
    held.add(`${booking.roomId} ${booking.slotId}`);
    if (!listedIds.has(booking.teamId)) unavailable.push(cellOf(booking.roomId, booking.slotId));
  }
  for (const cell of state.unavailable)
    if (!held.has(`${cell.roomId} ${cell.slotId}`)) unavailable.push(cellOf(cell.roomId, cell.slotId));
  for (const slot of state.slots) {
    if (!started(slot.id)) continue;
    for (const room of state.rooms) {
      const closed = state.unavailable.some((cell) => cell.roomId === room.id && cell.slotId === slot.id);
      if (!held.has(`${room.id} ${slot.id}`) && !closed) unavailable.push(cellOf(room.id, slot.id));
    }
  }
  const slugOf = new Map(state.teams.map((team) => [team.id, team.slug]));
  const perDay = state.slots.length;
  const caps = {
    per_day: hoursOf(event.rules.dailyCapMinutes, perDay),
    total: hoursOf(event.rules.totalCapMinutes, perDay),
  };
  const { people, avoid } = peopleOfEvent(state, follows);
  const teams = listed.map((team) => {
    const signup = state.signups[team.id];
    const own = state.bookings.filter((booking) => booking.teamId === team.id);
    const keep = new Set(signup ? (signup.keepBookings ?? []) : own.map((booking) => booking.id));
    const fixed = own.filter((booking) => keep.has(booking.id) || started(booking.slotId));
    const windows = signup ? [...signup.preferredWindows] : [];
    for (const booking of fixed) {
      const window = slotById.get(booking.slotId)?.window as string;
      if (windows.length > 0 && !windows.includes(window)) windows.push(window);
    }
    return {
      id: team.slug,
      hours: signup ? signup.hoursWanted : own.length,
      windows,
      avoid: (avoid[team.id] ?? [])
        .filter((other) => listedIds.has(other))
        .map((other) => slugOf.get(other) as string),
      fixed: fixed.map((booking) => cellOf(booking.roomId, booking.slotId)),
    };
  });
  return checkDraftInstance({
    version: 1,
    slots: state.slots.map((slot) => ({
      id: slot.code,
      day: utcDay(slot.start),
      window: slot.window,
      start: slot.start,
    })),
    rooms: state.rooms.map((room) => ({ id: room.slug })),
    unavailable,
    caps,
    teams,
    people: people
      .map((teamIds) => teamIds.filter((id) => listedIds.has(id)).map((id) => slugOf.get(id) as string))
      .filter((teamsOfPerson) => teamsOfPerson.length > 1)
      .map((teamsOfPerson) => ({ teams: teamsOfPerson })),
  });

  function cellOf(roomId: string, slotId: string): DraftCell {
    return { room: roomById.get(roomId)?.slug as string, slot: slotById.get(slotId)?.code as string };
  }
}

/** A cap in minutes as whole hours; no cap is as many hours as there are slots. */
function hoursOf(minutes: number | null, slots: number): number {
  return minutes === null ? slots : Math.floor(minutes / 60);
}
