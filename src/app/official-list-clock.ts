import type { EventState } from '../core/model/event-state.ts';
import type { Instant } from '../core/model/instant.ts';
import { emptyListTracker, type ListTracker, trackOfficialList } from '../core/signups/official-list.ts';
import { LogFold } from './log-fold.ts';
import type { Runtime } from './runtime.ts';

/**
 * When each event's official team list last changed, read once from the change log and then only
 * from the revisions that came since.
 */
export class OfficialListClock {
  private readonly trackers: LogFold<ListTracker>;

  constructor(runtime: Runtime) {
    this.trackers = new LogFold<ListTracker>(runtime.store, (known, revisions) =>
      trackOfficialList(known ?? emptyListTracker, revisions),
    );
  }

  async changedAt(state: EventState): Promise<Instant | null> {
    return (await this.trackers.at(state.event.id, state.revision))?.changedAt ?? null;
  }
}
