import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import { isUnavailable } from '../../../core/model/lookup.ts';
import { cellReference } from '../../../core/schedule/cell-reference.ts';

/**
 * A cell reference to show in instructions: the first cell still ahead that is free, so an example
 * can be typed as it is; the first cell of the grid when none is left.
 */
export function exampleCell(state: EventState, now: Instant): string {
  for (const slot of state.slots) {
    if (slot.start <= now) continue;
    const room = state.rooms.find(
      (candidate) =>
        !isUnavailable(state, candidate.id, slot.id) &&
        !state.bookings.some((booking) => booking.roomId === candidate.id && booking.slotId === slot.id),
    );
    if (room) return cellReference(room, slot);
  }
  const [room] = state.rooms;
  const [slot] = state.slots;
  return room && slot ? cellReference(room, slot) : 'room-slot';
}
