import type { Booking } from '../model/booking.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import type { Slot } from '../model/slot.ts';

/** Back-to-back bookings of one team, merged into one meeting. */
export interface Block {
  readonly teamId: string;
  /** null when the block spans rooms */
  readonly roomId: string | null;
  readonly start: Instant;
  readonly end: Instant;
  /** in time order */
  readonly bookings: readonly Booking[];
}

/**
 * A team's bookings merged wherever one slot ends as the next begins: per room for calendars,
 * across rooms for the board (a team that changes rooms is still in one meeting).
 */
export function teamBlocks(state: EventState, teamId: string, perRoom: boolean): Block[] {
  const slots = new Map(state.slots.map((slot) => [slot.id, slot]));
  const booked = state.bookings
    .filter((booking) => booking.teamId === teamId && slots.has(booking.slotId))
    .map((booking) => ({ booking, slot: slots.get(booking.slotId) as Slot }))
    .sort((a, b) => (a.slot.start < b.slot.start ? -1 : a.slot.start > b.slot.start ? 1 : 0));
  const groups = perRoom ? groupBy(booked, (item) => item.booking.roomId) : [booked];
  const blocks: Block[] = [];
  for (const group of groups) {
    let current: { roomId: string | null; start: Instant; end: Instant; bookings: Booking[] } | null = null;
    for (const { booking, slot } of group) {
      if (current && current.end === slot.start) {
        current.end = slot.end;
        current.bookings.push(booking);
        if (current.roomId !== booking.roomId) current.roomId = null;
        continue;
      }
      if (current) blocks.push({ teamId, ...current });
      current = { roomId: booking.roomId, start: slot.start, end: slot.end, bookings: [booking] };
    }
    if (current) blocks.push({ teamId, ...current });
  }
  return blocks.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}
