import type { EventState } from '../model/event-state.ts';
import { minutesBetween, utcDay } from '../model/instant.ts';
import type { Slot } from '../model/slot.ts';
import { guestSlotIds } from '../sessions/team-presence.ts';

/**
 * Minutes a team has booked, in total and per UTC day of the slot's start (rule 3); under the
 * event's `every-team` rule, time as a guest in other teams' joint sessions counts too.
 */
export function bookedMinutes(
  state: EventState,
  teamId: string,
): { total: number; byDay: Map<string, number> } {
  const slots = new Map(state.slots.map((slot) => [slot.id, slot]));
  const byDay = new Map<string, number>();
  let total = 0;
  const own = state.bookings.filter((booking) => booking.teamId === teamId).map((booking) => booking.slotId);
  const asGuest = state.event.rules.jointCaps === 'every-team' ? guestSlotIds(state, teamId) : [];
  for (const slotId of [...own, ...asGuest]) {
    const slot = slots.get(slotId);
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
