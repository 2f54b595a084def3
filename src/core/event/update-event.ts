import type { Change } from '../changes.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventInfo } from '../model/event.ts';
import type { EventState } from '../model/event-state.ts';
import type { Slot } from '../model/slot.ts';
import { checkOrganizer } from '../permissions.ts';
import { buildGrid } from '../schedule/build-grid.ts';
import { count } from '../text/count.ts';
import { checkEventInfo } from './check-event.ts';
import { checkStatusChange } from './event-status.ts';

export type EventPatch = Partial<Omit<EventInfo, 'id' | 'slug' | 'createdAt'>>;

/**
 * Organisers change an event's settings. When the days, windows or slot length change, the grid is
 * rebuilt: slots that keep their start and end keep their id (and their bookings); a change that
 * would drop a booked slot is refused so nothing is lost silently.
 * A new status takes the steps `checkStatusChange` allows.
 * Refuses with `unauthenticated`, `forbidden`, `invalid_input` or `invalid_url`.
 */
export function updateEvent(state: EventState, patch: EventPatch, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  if (patch.status !== undefined) {
    const status = checkStatusChange(state.event, patch.status);
    if (!status.ok) return refused(status.refusal);
  }
  const checked = checkEventInfo({ ...state.event, ...patch });
  if (!checked.ok) return refused(checked.refusal);
  const event = checked.value;
  const changes: Change[] = [{ type: 'event.saved', event }];
  const gridChanged =
    event.startsOn !== state.event.startsOn ||
    event.endsOn !== state.event.endsOn ||
    event.slotMinutes !== state.event.slotMinutes ||
    JSON.stringify(event.windows) !== JSON.stringify(state.event.windows);
  if (gridChanged) {
    const slots = keepSlotIds(state.slots, buildGrid(event, ctx.newId));
    const kept = new Set(slots.map((slot) => slot.id));
    const lost = state.bookings.filter((booking) => !kept.has(booking.slotId));
    if (lost.length > 0) {
      return refuse(
        'invalid_input',
        `The new grid would drop ${count(lost.length, 'booked slot')}; release them first.`,
      );
    }
    const unavailable = state.unavailable.filter((cell) => kept.has(cell.slotId));
    changes.push({ type: 'grid.saved', slots, unavailable });
  }
  return accept(changes, `Saved the settings of ${event.slug}${gridChanged ? ' and rebuilt its grid' : ''}.`);
}

function keepSlotIds(previous: readonly Slot[], next: readonly Slot[]): Slot[] {
  const byInterval = new Map(previous.map((slot) => [`${slot.start}/${slot.end}`, slot.id]));
  return next.map((slot) => ({ ...slot, id: byInterval.get(`${slot.start}/${slot.end}`) ?? slot.id }));
}
