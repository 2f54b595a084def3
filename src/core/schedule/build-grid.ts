import type { SlotWindow } from '../model/event.ts';
import { addMinutes, type Instant, minutesBetween } from '../model/instant.ts';
import type { Slot } from '../model/slot.ts';
import { weekdayCode } from '../text/describe-time.ts';

export interface GridSpec {
  /** `YYYY-MM-DD` */
  readonly startsOn: string;
  /** `YYYY-MM-DD`, inclusive */
  readonly endsOn: string;
  readonly windows: readonly SlotWindow[];
  readonly slotMinutes: number;
}

/**
 * The event's slots: every window of every day cut into slots of equal length (a remainder too
 * short for a slot is left out), in time order, each with a code people can type (`tue13`,
 * `tue1330`; the date is added when the event is longer than a week and a weekday repeats).
 */
export function buildGrid(spec: GridSpec, newId: () => string): Slot[] {
  const intervals: { start: Instant; end: Instant; window: string }[] = [];
  for (const day of daysOf(spec.startsOn, spec.endsOn)) {
    for (const window of spec.windows) {
      const start: Instant = `${day}T${window.start}:00Z`;
      let end: Instant = `${day}T${window.end}:00Z`;
      if (end <= start) end = addMinutes(end, 24 * 60);
      for (
        let at = start;
        minutesBetween(at, end) >= spec.slotMinutes;
        at = addMinutes(at, spec.slotMinutes)
      ) {
        intervals.push({ start: at, end: addMinutes(at, spec.slotMinutes), window: window.name });
      }
    }
  }
  intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const weekdayRepeats = daysOf(spec.startsOn, spec.endsOn).length > 7;
  return intervals.map((interval) => ({
    id: newId(),
    code: slotCode(interval.start, weekdayRepeats),
    ...interval,
  }));
}

/** `tue13`, `tue1330`, or `oct18tue13` when weekdays repeat within the event. */
export function slotCode(start: Instant, withDate: boolean): string {
  const minutes = start.slice(14, 16);
  const time = `${start.slice(11, 13)}${minutes === '00' ? '' : minutes}`;
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const date = withDate ? `${months[Number(start.slice(5, 7)) - 1]}${start.slice(8, 10)}` : '';
  return `${date}${weekdayCode(start)}${time}`;
}

/** Every `YYYY-MM-DD` from the first to the last day, inclusive. */
export function daysOf(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let at: Instant = `${startsOn}T00:00:00Z`; at.slice(0, 10) <= endsOn; at = addMinutes(at, 24 * 60)) {
    days.push(at.slice(0, 10));
    if (days.length > 366) break;
  }
  return days;
}
