import type { Clock } from '../../src/app/clock.ts';
import type { Instant } from '../../src/core/model/instant.ts';

/** A clock that stays where it is put: tests stand on any day of the event. */
export class FixedClock implements Clock {
  constructor(private at: Instant) {}

  now(): Instant {
    return this.at;
  }

  set(at: Instant): void {
    this.at = at;
  }
}
