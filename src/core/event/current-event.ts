import type { EventInfo } from '../model/event.ts';
import { type Instant, utcDay } from '../model/instant.ts';

/**
 * The event people mean when they name none (the chat bot's channel, the home page): the published
 * event running today (UTC), else the next to start, else the one that ended last.
 */
export function currentEvent(events: readonly EventInfo[], now: Instant): EventInfo | null {
  const today = utcDay(now);
  const published = events.filter((event) => event.status === 'published');
  const running = published.find((event) => event.startsOn <= today && today <= event.endsOn);
  if (running) return running;
  const upcoming = published
    .filter((event) => event.startsOn > today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (upcoming) return upcoming;
  return [...published].sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0] ?? null;
}
