import { DateTime } from 'luxon';
import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { SlotWindow } from '../model/event.ts';
import { addMinutes, type Instant, instantFromMillis, minutesBetween } from '../model/instant.ts';
import type { Slot } from '../model/slot.ts';
import { daysOf, slotCode } from '../schedule/build-grid.ts';
import { checkName } from '../text/check-name.ts';
import { checkCalendar, checkSlotMinutes } from './check-event.ts';

/** A window as organisers give it: times of day in the event's own zone. */
export interface ZonedWindow {
  readonly name: string;
  /** `HH:MM` in the event's zone */
  readonly start: string;
  /** `HH:MM` in the event's zone, after `start` on the same day (`24:00` is midnight at its end) */
  readonly end: string;
}

export interface ZonedGridSpec {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly slotMinutes: number;
  readonly windows: readonly ZonedWindow[];
}

export interface ZonedGrid {
  /** the windows as UTC times of day, as they fall on the first day */
  readonly windows: readonly SlotWindow[];
  /** lays out the slots: each window on each local day, placed in UTC with that day's offset */
  readonly lay: (newId: () => string) => Slot[];
}

const maxWindows = 24;

/**
 * Windows given in the event's zone ("Americas / Europe 09:00–13:00" in America/New_York) repeat on
 * every local day from the first to the last; each day's slots are placed in UTC with that day's
 * offset, so a change of daylight saving time during the event keeps the local times. Windows end
 * after they start, on the same day, have distinct names and do not overlap.
 * Refuses with `invalid_input`.
 */
export function zonedGrid(spec: ZonedGridSpec): Checked<ZonedGrid> {
  const calendar = checkCalendar(spec);
  if (!calendar.ok) return failedWith(calendar.refusal);
  const slotMinutes = checkSlotMinutes(spec.slotMinutes);
  if (!slotMinutes.ok) return failedWith(slotMinutes.refusal);
  if (spec.windows.length === 0 || spec.windows.length > maxWindows)
    return failed('invalid_input', `The day needs between 1 and ${maxWindows} windows.`);
  const windows: { name: string; start: number; end: number }[] = [];
  for (const window of spec.windows) {
    const name = checkName(window.name, 'window name', 80);
    if (!name.ok) return failedWith(name.refusal);
    const start = minuteOfDay(window.start);
    const end = minuteOfDay(window.end);
    if (start === null || end === null || start >= 24 * 60)
      return failed('invalid_input', `Window "${name.value}" needs a start and an end as HH:MM.`);
    if (end <= start)
      return failed(
        'invalid_input',
        `Window "${name.value}" ends before it starts (${window.start}–${window.end}).`,
      );
    if (windows.some((other) => other.name.toLowerCase() === name.value.toLowerCase()))
      return failed('invalid_input', `There are two windows called "${name.value}".`);
    windows.push({ name: name.value, start, end });
  }
  const byStart = [...windows].sort((a, b) => a.start - b.start);
  for (const [index, window] of byStart.entries()) {
    const next = byStart[index + 1];
    if (next && next.start < window.end)
      return failed('invalid_input', `Windows "${window.name}" and "${next.name}" overlap.`);
  }
  const tooShort = windows.find((window) => window.end - window.start < spec.slotMinutes);
  if (tooShort)
    return failed(
      'invalid_input',
      `Window "${tooShort.name}" is shorter than one slot of ${spec.slotMinutes} minutes.`,
    );
  const days = daysOf(spec.startsOn, spec.endsOn);
  const at = (day: string, minute: number): Instant => {
    const midnight = DateTime.fromISO(day, { zone: spec.timeZone });
    const local =
      minute === 24 * 60
        ? midnight.plus({ days: 1 })
        : midnight.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
    return instantFromMillis(local.toMillis());
  };
  const first = days[0] ?? spec.startsOn;
  return passed({
    windows: windows.map((window) => ({
      name: window.name,
      start: at(first, window.start).slice(11, 16),
      end: at(first, window.end).slice(11, 16),
    })),
    lay: (newId) => {
      const intervals: { start: Instant; end: Instant; window: string }[] = [];
      for (const day of days) {
        for (const window of windows) {
          const end = at(day, window.end);
          for (
            let start = at(day, window.start);
            minutesBetween(start, end) >= spec.slotMinutes;
            start = addMinutes(start, spec.slotMinutes)
          ) {
            intervals.push({ start, end: addMinutes(start, spec.slotMinutes), window: window.name });
          }
        }
      }
      intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      const firstDay = intervals[0]?.start.slice(0, 10) ?? first;
      const lastDay = intervals.at(-1)?.start.slice(0, 10) ?? first;
      const weekdayRepeats = daysOf(firstDay, lastDay).length > 7;
      return intervals.map((interval) => ({
        id: newId(),
        code: slotCode(interval.start, weekdayRepeats),
        ...interval,
      }));
    },
  });
}

/** Minutes after midnight of `HH:MM` (`24:00` included), or null. */
function minuteOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}
