import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { Team } from '../model/team.ts';
import { checkTeamUpdater } from '../permissions.ts';

/**
 * The approved team a board or link change is about, once the actor may act for it (its moderators
 * and organisers; anyone identified while the event has `openTeamUpdates`).
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden` or `team_not_approved`.
 */
export function teamToManage(state: EventState, ref: string, ctx: Ctx): Checked<Team> {
  if (!ctx.actor) return failed('unauthenticated');
  const team = findTeam(state, ref);
  if (!team) return failed('unknown_team', `There is no team "${ref.replace(/^#/, '')}" in this event.`);
  const denied = checkTeamUpdater(ctx.actor, team, state.event);
  if (denied) return failedWith(denied);
  if (team.status !== 'approved')
    return failed('team_not_approved', `${team.slug} is not on the official team list.`);
  return passed(team);
}
