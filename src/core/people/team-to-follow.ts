import { type Checked, failed, passed } from '../checked.ts';
import type { Actor } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { isLiveTeam, type Team } from '../model/team.ts';

/** At most this many teams are taken from one list of follows (a browser's, offered at sign-in). */
export const maxFollowsAtOnce = 200;

/**
 * The team a signed-in person may follow or stop following: any team shown on the event's pages.
 * Refuses with `unauthenticated` (follows live on an account; anonymous follows stay in the
 * browser) or `unknown_team`.
 */
export function teamToFollow(state: EventState, actor: Actor | null, teamRef: string): Checked<Team> {
  if (!actor?.userId)
    return failed('unauthenticated', 'Sign in to keep the teams you follow on your account.');
  const team = findTeam(state, teamRef);
  if (!team || !isLiveTeam(team))
    return failed('unknown_team', `There is no team “${teamRef.slice(0, 60)}” here.`);
  return passed(team);
}
