import { type EventInfo, isPublic } from '../model/event.ts';
import type { Instant } from '../model/instant.ts';

/**
 * The event the site's front page stands for at `now`: a published event running that UTC day,
 * else the next one to start, else the one that ended last. Drafts never show; null when nothing
 * is published.
 */
export function currentEvent(events: readonly EventInfo[], now: Instant): EventInfo | null {
  const today = now.slice(0, 10);
  const published = events.filter(isPublic);
  const running = published.filter((event) => event.startsOn <= today && today <= event.endsOn);
  const upcoming = published
    .filter((event) => event.startsOn > today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const past = published
    .filter((event) => event.endsOn < today)
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn));
  return running[0] ?? upcoming[0] ?? past[0] ?? null;
}
