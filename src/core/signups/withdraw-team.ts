import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { isLiveTeam } from '../model/team.ts';
import { isOrganizer } from '../permissions.ts';
import { withdrawal } from '../teams/withdraw-teams.ts';
import { checkName } from '../text/check-name.ts';

/**
 * Takes a team off the event as `withdrawal` says: organisers withdraw a requested or approved team
 * (during the event too); a lead may withdraw their own request before it is decided. The reason,
 * when given, is passed on to the lead.
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden`, `signup_decided` or `invalid_input`.
 */
export function withdrawTeam(
  state: EventState,
  input: { team: string; reason?: string },
  ctx: Ctx,
): Decision {
  if (!ctx.actor) return refuse('unauthenticated');
  const team = findTeam(state, input.team);
  if (!team) return refuse('unknown_team', `There is no team "${input.team.slice(0, 60)}" in this event.`);
  const signup = state.signups[team.id];
  const ownRequest =
    team.status === 'requested' && ctx.actor.userId !== null && signup?.leadId === ctx.actor.userId;
  if (!isOrganizer(ctx.actor) && !ownRequest)
    return refuse('forbidden', `Only organisers, or its lead before the review, can withdraw ${team.name}.`);
  if (!isLiveTeam(team)) return refuse('signup_decided', `${team.name} is already ${team.status}.`);
  const reason = input.reason?.trim() ? checkName(input.reason, 'reason', 1000) : null;
  if (reason && !reason.ok) return refused(reason.refusal);
  const { changes, said } = withdrawal(state, team, ctx.now, reason?.value ?? null);
  return accept(changes, said);
}
