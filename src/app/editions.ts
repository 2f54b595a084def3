import type { EventInfo } from '../core/model/event.ts';
import type { EventState } from '../core/model/event-state.ts';
import { findTeam } from '../core/model/lookup.ts';
import { isLiveTeam, type Team } from '../core/model/team.ts';
import { earlierEditions } from '../core/sessions/compare-editions.ts';
import type { Runtime } from './runtime.ts';

/** The same team (by its slug) at each earlier public edition that had it, latest first. */
export async function sameTeamEarlier(
  runtime: Runtime,
  state: EventState,
  team: Team,
): Promise<{ readonly event: EventInfo; readonly team: Team }[]> {
  const found: { event: EventInfo; team: Team }[] = [];
  for (const edition of earlierEditions(state.event, await runtime.store.listEvents())) {
    const earlier = await runtime.models.get(edition.id);
    const same = earlier ? findTeam(earlier, team.slug) : undefined;
    if (same && isLiveTeam(same)) found.push({ event: edition, team: same });
  }
  return found;
}

/** The edition before this one (the latest public event that began earlier), or null. */
export async function previousEdition(runtime: Runtime, event: EventInfo): Promise<EventState | null> {
  const [previous] = earlierEditions(event, await runtime.store.listEvents());
  return previous ? await runtime.models.get(previous.id) : null;
}
