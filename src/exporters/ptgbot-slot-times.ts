import { DateTime } from 'luxon';
import { addMinutes, type Instant, instantFromMillis, millis, parseInstant } from '../core/model/instant.ts';
import { localDay } from './local-time.ts';
import type { PtgbotData } from './ptgbot-data.ts';

/** A ptgbot slot placed on the calendar. */
export interface TimedSlot {
  readonly code: string;
  readonly dayKey: string;
  /** the day on the event's clock, `YYYY-MM-DD` */
  readonly date: string;
  readonly start: Instant;
  readonly end: Instant;
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A realtime further than this from the slot's label is stale (kept from another year's event). */
const dayMillis = 86_400_000;

/** ptgbot's default length for a slot that says nothing about its end (its calendar export's too). */
const defaultMinutes = 60;

/**
 * Real times for ptgbot's slots. A slot with `realtime` keeps it, unless its label (day and `desc`)
 * puts it more than a day away: then the realtime is stale and the label wins. Any other slot gets its date from
 * its day — a weekday name is the first such day from `startsOn`, any other key is counted in order
 * from `startsOn` — and its time from `desc` (`09:00-10:45`) on the clock of `zone`. The end comes
 * from `duration`, else from `desc`. Disagreements and guesses are reported as warnings.
 */
export function timePtgbotSlots(
  days: PtgbotData['days'],
  startsOn: string,
  zone: string,
): { slots: TimedSlot[]; warnings: string[]; problems: string[] } {
  const first = DateTime.fromISO(startsOn, { zone });
  if (!first.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(startsOn))
    return {
      slots: [],
      warnings: [],
      problems: [`"${startsOn}" is not a start date (YYYY-MM-DD) in ${zone}.`],
    };
  const slots: TimedSlot[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  for (const [index, day] of days.entries()) {
    const date = dayOf(day.key, index, first);
    for (const slot of day.slots) {
      const range = parseRange(slot.desc);
      const fromDesc = range ? localInstant(date, range.start, zone) : null;
      let start: Instant | null = fromDesc;
      if (slot.realtime) {
        start = parseInstant(slot.realtime);
        if (!start) {
          problems.push(`Slot ${slot.name}: realtime "${slot.realtime}" is not a date-time.`);
          continue;
        }
        if (fromDesc && Math.abs(millis(fromDesc) - millis(start)) > dayMillis) {
          warnings.push(
            `Slot ${slot.name}: realtime ${start} is more than a day from ${slot.desc} on ${date.toISODate()} in ${zone} (${fromDesc}); the slot’s day and time from --start are used.`,
          );
          start = fromDesc;
        } else if (fromDesc && fromDesc !== start)
          warnings.push(
            `Slot ${slot.name}: realtime ${start} differs from ${slot.desc} on ${date.toISODate()} in ${zone} (${fromDesc}); realtime is kept.`,
          );
      }
      if (!start) {
        problems.push(`Slot ${slot.name} has neither a realtime nor a desc like 09:00-10:45.`);
        continue;
      }
      let minutes = slot.duration ?? range?.minutes ?? null;
      if (minutes === null) {
        warnings.push(`Slot ${slot.name} does not say when it ends; it lasts ${defaultMinutes} minutes.`);
        minutes = defaultMinutes;
      }
      slots.push({
        code: slot.name,
        dayKey: day.key,
        date: localDay(start, zone),
        start,
        end: addMinutes(start, minutes),
      });
    }
  }
  slots.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { slots, warnings, problems };
}

function dayOf(key: string, index: number, first: DateTime): DateTime {
  const name = key.trim().toLowerCase();
  const weekday = weekdays.findIndex((day) => day === name || (name.length === 3 && day.startsWith(name)));
  if (weekday === -1) return first.plus({ days: index });
  return first.plus({ days: (weekday + 1 - first.weekday + 7) % 7 });
}

/** `09:00-10:45` → minutes after midnight and length; an end at or before the start is the next day. */
function parseRange(desc: string | null): { start: number; minutes: number } | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/.exec(desc ?? '');
  if (!match) return null;
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59) return null;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return { start, minutes: end > start ? end - start : end + 24 * 60 - start };
}

function localInstant(date: DateTime, minutes: number, zone: string): Instant {
  const local = DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone },
  );
  return instantFromMillis(local.toMillis());
}
