import { slugify } from '../text/slugify.ts';
import type { EventState } from './event-state.ts';
import { type Instant, isWithin } from './instant.ts';
import type { Room } from './room.ts';
import type { Slot } from './slot.ts';
import type { Team } from './team.ts';

/** Team by id or by slug, case-insensitively (`#Nova` and `#nova` are the same team). */
export function findTeam(state: EventState, ref: string): Team | undefined {
  const key = ref.trim().replace(/^#/, '').toLowerCase();
  return state.teams.find((team) => team.id === ref || team.slug === key);
}

/** Room by id, slug or name; names match case-insensitively with any spacing. */
export function findRoom(state: EventState, ref: string): Room | undefined {
  const key = normaliseName(ref);
  return state.rooms.find(
    (room) =>
      room.id === ref || room.slug === key || normaliseName(room.name) === key || room.slug === slugify(key),
  );
}

/** Slot by id or by its code, case-insensitively (imported codes such as `MonA1` keep their case). */
export function findSlot(state: EventState, ref: string): Slot | undefined {
  const key = ref.trim().toLowerCase();
  return state.slots.find((slot) => slot.id === ref || slot.code.toLowerCase() === key);
}

export function isUnavailable(state: EventState, roomId: string, slotId: string): boolean {
  return state.unavailable.some((cell) => cell.roomId === roomId && cell.slotId === slotId);
}

function normaliseName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The slot under way at `now`, if any. */
export function slotAt(state: EventState, now: Instant): Slot | undefined {
  return state.slots.find((slot) => isWithin(slot, now));
}

/** The rooms a team has booked in a slot, in room order. */
export function roomsOfTeam(state: EventState, teamId: string, slotId: string): Room[] {
  const roomIds = new Set(
    state.bookings
      .filter((booking) => booking.teamId === teamId && booking.slotId === slotId)
      .map((booking) => booking.roomId),
  );
  return state.rooms.filter((room) => roomIds.has(room.id));
}
