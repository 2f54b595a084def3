import type { EventState } from '../model/event-state.ts';
import type { TeamSignup } from '../model/signup.ts';
import type { Team } from '../model/team.ts';
import { duplicateFinder } from '../teams/likely-duplicates.ts';

export interface DecidedItem {
  readonly team: Team;
  /** null for a team requested without the sign-up form (an import, the demo) */
  readonly signup: TeamSignup | null;
}

export interface QueueItem extends DecidedItem {
  /** live teams whose names look the same: candidates to merge into */
  readonly duplicates: readonly Team[];
}

/**
 * What organisers review: requested teams in the order they came, each with its answers and likely
 * duplicates; and the sign-ups already decided, latest first.
 */
export function reviewQueue(state: EventState): { waiting: QueueItem[]; decided: DecidedItem[] } {
  const duplicatesOf = duplicateFinder(state.teams);
  const waiting = state.teams
    .filter((team) => team.status === 'requested')
    .map((team) => ({ team, signup: state.signups[team.id] ?? null, duplicates: duplicatesOf(team) }));
  const decided = state.teams
    .filter((team) => team.status !== 'requested' && state.signups[team.id]?.outcome)
    .map((team) => ({ team, signup: state.signups[team.id] ?? null }))
    .sort((a, b) => ((a.signup?.outcome?.at ?? '') < (b.signup?.outcome?.at ?? '') ? 1 : -1));
  return { waiting, decided };
}
