/**
 * Instants are ISO-8601 UTC strings with second precision (`2022-10-18T13:00:00Z`).
 * The fixed shape keeps them comparable as plain strings, in memory and in both databases.
 */
export type Instant = string;

/** The canonical text of an instant given in epoch milliseconds. */
export function instantFromMillis(ms: number): Instant {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Reads any ISO-8601 date-time into the canonical shape; null when it is not a date-time. */
export function parseInstant(text: string): Instant | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : instantFromMillis(ms);
}

export function millis(instant: Instant): number {
  return Date.parse(instant);
}

export function addMinutes(instant: Instant, minutes: number): Instant {
  return instantFromMillis(millis(instant) + minutes * 60_000);
}

export function minutesBetween(from: Instant, to: Instant): number {
  return Math.round((millis(to) - millis(from)) / 60_000);
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`: booking caps count per UTC day. */
export function utcDay(instant: Instant): string {
  return instant.slice(0, 10);
}

/** Whether `at` falls within a period (its start included, its end not). */
export function isWithin(period: { readonly start: Instant; readonly end: Instant }, at: Instant): boolean {
  return period.start <= at && at < period.end;
}
