import { DateTime } from 'luxon';
import type { Instant } from '../core/model/instant.ts';

/** An instant on the wall clock of `zone`. */
export function inZone(instant: Instant, zone: string): DateTime {
  return DateTime.fromISO(instant, { zone, locale: 'en' });
}

/** `2022-10-17T15:00:00+02:00`: schedule formats want the offset on every date-time. */
export function withOffset(instant: Instant, zone: string): string {
  return inZone(instant, zone).toISO({ suppressMilliseconds: true }) ?? instant;
}

/** `YYYY-MM-DD` of the instant in `zone`. */
export function localDay(instant: Instant, zone: string): string {
  return inZone(instant, zone).toISODate() ?? instant.slice(0, 10);
}

/** `HH:MM` of the instant in `zone`. */
export function localClock(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat('HH:mm');
}

/** Minutes as `HH:MM`, the duration format of frab and c3voc. */
export function clockDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
