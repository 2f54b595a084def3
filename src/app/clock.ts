import { type Instant, instantFromMillis, millis } from '../core/model/instant.ts';

/** Where the application reads the time; the core receives it in `ctx.now`. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => instantFromMillis(Date.now()) };

/**
 * A clock that starts at `start` and runs forward in real time: the demo event is always live,
 * whatever today's date.
 */
export function runningClockFrom(start: Instant): Clock {
  const offset = millis(start) - Date.now();
  return { now: () => instantFromMillis(Date.now() + offset) };
}
