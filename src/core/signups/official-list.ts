import type { Change } from '../changes.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import type { Team } from '../model/team.ts';

/** The official team list: approved teams, by name. */
export function officialList(state: EventState): Team[] {
  return state.teams
    .filter((team) => team.status === 'approved')
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** What is needed to follow the official list through the change log: each listed team's listing. */
export interface ListTracker {
  readonly listed: ReadonlyMap<string, string>;
  readonly changedAt: Instant | null;
}

export const emptyListTracker: ListTracker = { listed: new Map(), changedAt: null };

/**
 * Follows the official list through revisions, in order: it changes when a revision adds, removes,
 * renames or re-classifies an approved team. Revisions without team changes may be left out.
 */
export function trackOfficialList(
  tracker: ListTracker,
  revisions: readonly { readonly at: Instant; readonly changes: readonly Change[] }[],
): ListTracker {
  const listed = new Map(tracker.listed);
  let changedAt = tracker.changedAt;
  for (const revision of revisions) {
    for (const change of revision.changes) {
      if (change.type !== 'team.saved') continue;
      const before = listed.get(change.team.id) ?? null;
      const after = change.team.status === 'approved' ? listing(change.team) : null;
      if (after === null) listed.delete(change.team.id);
      else listed.set(change.team.id, after);
      if (before !== after) changedAt = revision.at;
    }
  }
  return { listed, changedAt };
}

/** When the official list last changed, read from the whole change log; null when no team was ever approved. */
export function officialListChangedAt(
  revisions: readonly { readonly at: Instant; readonly changes: readonly Change[] }[],
): Instant | null {
  return trackOfficialList(emptyListTracker, revisions).changedAt;
}

function listing(team: Team): string {
  return JSON.stringify([team.slug, team.name, team.kind, team.crossProject]);
}
