import type { EventState } from '../core/model/event-state.ts';
import type { Instant } from '../core/model/instant.ts';
import { emptyListTracker, type ListTracker, trackOfficialList } from '../core/signups/official-list.ts';
import type { Runtime } from './execute.ts';

/**
 * When each event's official team list last changed, read once from the change log and then only
 * from the revisions that came since.
 */
export class OfficialListClock {
  private readonly trackers = new Map<string, { revision: number; tracker: ListTracker }>();

  constructor(private readonly runtime: Runtime) {}

  async changedAt(state: EventState): Promise<Instant | null> {
    const eventId = state.event.id;
    const known = this.trackers.get(eventId) ?? { revision: 0, tracker: emptyListTracker };
    if (known.revision < state.revision) {
      const revisions = await this.runtime.store.revisionsAfter(eventId, known.revision);
      const newest = revisions.at(-1)?.revision ?? known.revision;
      this.trackers.set(eventId, { revision: newest, tracker: trackOfficialList(known.tracker, revisions) });
    }
    return this.trackers.get(eventId)?.tracker.changedAt ?? null;
  }
}
