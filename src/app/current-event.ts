import { currentEvent } from '../core/event/current-event.ts';
import type { Runtime } from './runtime.ts';

/** The current event's slug (see `currentEvent`), or null when there is no published event. */
export async function currentEventSlug(runtime: Runtime): Promise<string | null> {
  return currentEvent(await runtime.store.listEvents(), runtime.clock.now())?.slug ?? null;
}
