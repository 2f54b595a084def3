import type { EventState } from '../model/event-state.ts';
import { minutesBetween, utcDay } from '../model/instant.ts';
import type { Slot } from '../model/slot.ts';

/** Minutes a team has booked, in total and per UTC day of the slot's start (rule 3). */
export function bookedMinutes(
  state: EventState,
  teamId: string,
): { total: number; byDay: Map<string, number> } {
  const slots = new Map(state.slots.map((slot) => [slot.id, slot]));
  const byDay = new Map<string, number>();
  let total = 0;
  for (const booking of state.bookings) {
    if (booking.teamId !== teamId) continue;
    const slot = slots.get(booking.slotId);
    if (!slot) continue;
    const minutes = slotMinutes(slot);
    total += minutes;
    const day = utcDay(slot.start);
    byDay.set(day, (byDay.get(day) ?? 0) + minutes);
  }
  return { total, byDay };
}

export function slotMinutes(slot: Slot): number {
  return minutesBetween(slot.start, slot.end);
}
