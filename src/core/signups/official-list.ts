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

/**
 * When the official list last changed: the time of the last revision that added, removed, renamed
 * or re-classified an approved team. Reads revisions in order; ones without team changes may be left
 * out. Null when no team was ever approved.
 */
export function officialListChangedAt(
  revisions: readonly { readonly at: Instant; readonly changes: readonly Change[] }[],
): Instant | null {
  const listed = new Map<string, string>();
  let changedAt: Instant | null = null;
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
  return changedAt;
}

function listing(team: Team): string {
  return JSON.stringify([team.slug, team.name, team.kind, team.crossProject]);
}
