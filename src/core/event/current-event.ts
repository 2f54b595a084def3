import type { EventInfo } from '../model/event.ts';
import type { Instant } from '../model/instant.ts';

/**
 * The event the site's front page stands for at `now`: a published event running that UTC day,
 * else the next one to start, else the one that ended last. Drafts and archives never stand for the
 * site (an archive is a record, see `pastEvents`); null when no event is published and open.
 */
export function currentEvent(events: readonly EventInfo[], now: Instant): EventInfo | null {
  const today = now.slice(0, 10);
  const published = events.filter((event) => event.status === 'published');
  const running = published.filter((event) => event.startsOn <= today && today <= event.endsOn);
  const upcoming = published
    .filter((event) => event.startsOn > today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const past = published
    .filter((event) => event.endsOn < today)
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn));
  return running[0] ?? upcoming[0] ?? past[0] ?? null;
}

/**
 * What the public may list as past events at `now`: archives, and published events that have
 * ended, the latest first.
 */
export function pastEvents(events: readonly EventInfo[], now: Instant): EventInfo[] {
  const today = now.slice(0, 10);
  return events
    .filter((event) => event.status === 'archived' || (event.status === 'published' && event.endsOn < today))
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn));
}

/** Published events that have not ended at `now`, the soonest first. */
export function comingEvents(events: readonly EventInfo[], now: Instant): EventInfo[] {
  const today = now.slice(0, 10);
  return events
    .filter((event) => event.status === 'published' && event.endsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}
