import { type Instant, instantFromMillis, millis } from '../core/model/instant.ts';

/** Where the application reads the time; the core receives it in `ctx.now`. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: secondsOf(() => Date.now()) };

/**
 * A clock that starts at `start` and runs forward in real time: the demo event is always live,
 * whatever today's date.
 */
export function runningClockFrom(start: Instant): Clock {
  const offset = millis(start) - Date.now();
  return { now: secondsOf(() => Date.now() + offset) };
}

/**
 * The instant of `readMillis()`, written out once per second: instants have whole seconds, and
 * the hot read endpoints ask for the time on every request.
 */
function secondsOf(readMillis: () => number): () => Instant {
  let second = Number.NaN;
  let written = instantFromMillis(0);
  return () => {
    const now = Math.floor(readMillis() / 1000);
    if (now !== second) {
      second = now;
      written = instantFromMillis(now * 1000);
    }
    return written;
  };
}
