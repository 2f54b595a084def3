import type { EventState } from '../model/event-state.ts';
import type { TeamSignup } from '../model/signup.ts';
import type { Team } from '../model/team.ts';
import { duplicatesOf } from '../teams/likely-duplicates.ts';

export interface QueueItem {
  readonly team: Team;
  /** null for a team requested without the sign-up form (an import, the demo) */
  readonly signup: TeamSignup | null;
  /** live teams whose names look the same: candidates to merge into */
  readonly duplicates: readonly Team[];
}

/**
 * What organisers review: requested teams in the order they came, each with its answers and likely
 * duplicates; and the sign-ups already decided, latest first.
 */
export function reviewQueue(state: EventState): { waiting: QueueItem[]; decided: QueueItem[] } {
  const item = (team: Team): QueueItem => ({
    team,
    signup: state.signups[team.id] ?? null,
    duplicates: duplicatesOf(state.teams, team),
  });
  const waiting = state.teams.filter((team) => team.status === 'requested').map(item);
  const decided = state.teams
    .filter((team) => team.status !== 'requested' && state.signups[team.id]?.outcome)
    .map(item)
    .sort((a, b) => ((a.signup?.outcome?.at ?? '') < (b.signup?.outcome?.at ?? '') ? 1 : -1));
  return { waiting, decided };
}
