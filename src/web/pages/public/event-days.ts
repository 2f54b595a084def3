import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import { daysOf } from '../../../core/schedule/build-grid.ts';

/** The event's days (UTC, as its grid is built), each marked when it is today. */
export function eventDays(state: EventState, now: Instant): { day: string; today: boolean }[] {
  const today = now.slice(0, 10);
  return daysOf(state.event.startsOn, state.event.endsOn).map((day) => ({ day, today: day === today }));
}
