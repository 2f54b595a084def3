import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import { daysOf } from '../../../core/schedule/build-grid.ts';

/** The event's days (UTC, as its grid is built), each marked when it is today. */
export function eventDays(state: EventState, now: Instant): { day: string; today: boolean }[] {
  const today = now.slice(0, 10);
  return daysOf(state.event.startsOn, state.event.endsOn).map((day) => ({ day, today: day === today }));
}

/** "17–21 October 2022", "28 September – 2 October 2022". */
export function describeDates(startsOn: string, endsOn: string): string {
  const day = (date: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options }).format(new Date(`${date}T12:00:00Z`));
  const full = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  if (startsOn === endsOn) return day(startsOn, full);
  if (startsOn.slice(0, 7) === endsOn.slice(0, 7))
    return `${day(startsOn, { day: 'numeric' })}–${day(endsOn, full)}`;
  if (startsOn.slice(0, 4) === endsOn.slice(0, 4))
    return `${day(startsOn, { day: 'numeric', month: 'long' })} – ${day(endsOn, full)}`;
  return `${day(startsOn, full)} – ${day(endsOn, full)}`;
}
