import type { Change } from '../changes.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import { type Refusal, refusal } from '../errors.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { SignupOutcome } from '../model/signup.ts';
import { isLiveTeam, type Team } from '../model/team.ts';
import { checkOrganizer } from '../permissions.ts';
import { checkName } from '../text/check-name.ts';
import { count } from '../text/count.ts';

/**
 * Organisers approve a requested team: it joins the official list, its lead and the moderators
 * named on the sign-up become its moderators, and its own video link (if it brings one) is set.
 * Refuses with `unauthenticated`, `forbidden`, `unknown_team` or `signup_decided`.
 */
export function approveTeam(state: EventState, input: { team: string }, ctx: Ctx): Decision {
  const found = requestedTeam(state, input.team, ctx);
  if ('code' in found) return refused(found);
  const team = found;
  const signup = state.signups[team.id];
  const moderators = [
    ...new Set([
      ...team.moderators,
      ...(signup?.leadId ? [signup.leadId] : []),
      ...(signup?.moderatorIds ?? []),
    ]),
  ];
  const approved: Team = {
    ...team,
    status: 'approved',
    moderators,
    videoUrl: signup?.videoUrl ?? team.videoUrl,
  };
  return accept(
    [
      { type: 'team.saved', team: approved },
      ...outcome(state, team, { kind: 'approved', at: ctx.now, reason: null, mergedInto: null }),
    ],
    `Approved ${team.name}: ${team.slug} is on the official list with ${count(moderators.length, 'moderator')}.`,
  );
}

/**
 * Organisers decline a requested team, saying why; the lead is told the reason.
 * Refuses with `unauthenticated`, `forbidden`, `unknown_team`, `signup_decided` or `invalid_input`.
 */
export function declineTeam(state: EventState, input: { team: string; reason: string }, ctx: Ctx): Decision {
  const found = requestedTeam(state, input.team, ctx);
  if ('code' in found) return refused(found);
  const reason = checkName(input.reason, 'reason for declining', 1000);
  if (!reason.ok) return refused(reason.refusal);
  return accept(
    [
      { type: 'team.saved', team: { ...found, status: 'declined' } },
      ...outcome(state, found, { kind: 'declined', at: ctx.now, reason: reason.value, mergedInto: null }),
    ],
    `Declined ${found.name}.`,
  );
}

/**
 * Organisers merge a duplicate request into another team (requested or approved): the duplicate is
 * closed, and its lead and moderators join the other team's (granted now when it is approved,
 * on approval otherwise).
 * Refuses with `unauthenticated`, `forbidden`, `unknown_team`, `signup_decided` or `invalid_input`.
 */
export function mergeTeam(state: EventState, input: { team: string; into: string }, ctx: Ctx): Decision {
  const found = requestedTeam(state, input.team, ctx);
  if ('code' in found) return refused(found);
  const duplicate = found;
  const target = findTeam(state, input.into);
  if (!target || target.id === duplicate.id || !isLiveTeam(target))
    return refuse(
      'invalid_input',
      `Merge ${duplicate.name} into another team that is requested or on the official list.`,
    );
  const from = state.signups[duplicate.id];
  const people = [
    ...(from?.leadId ? [from.leadId] : []),
    ...(from?.moderatorIds ?? []),
    ...duplicate.moderators,
  ];
  const changes: Change[] = [
    { type: 'team.saved', team: { ...duplicate, status: 'declined' } },
    ...outcome(state, duplicate, { kind: 'merged', at: ctx.now, reason: null, mergedInto: target.id }),
  ];
  const targetSignup = state.signups[target.id];
  if (target.status === 'requested' && targetSignup) {
    const moderatorIds = [...new Set([...targetSignup.moderatorIds, ...people])].filter(
      (id) => id !== targetSignup.leadId,
    );
    changes.push({ type: 'signup.saved', signup: { ...targetSignup, moderatorIds, updatedAt: ctx.now } });
  } else {
    changes.push({
      type: 'team.saved',
      team: { ...target, moderators: [...new Set([...target.moderators, ...people])] },
    });
  }
  return accept(
    changes,
    `Merged ${duplicate.name} (${duplicate.slug}) into ${target.name} (${target.slug}).`,
  );
}

/** The team as a request still waiting for a decision, once the actor is an organiser. */
function requestedTeam(state: EventState, ref: string, ctx: Ctx): Team | Refusal {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return denied;
  const team = findTeam(state, ref);
  if (!team) return refusal('unknown_team', `There is no team "${ref.slice(0, 60)}" in this event.`);
  if (team.status !== 'requested' || state.signups[team.id]?.outcome)
    return refusal('signup_decided', `${team.name} is ${team.status}, not waiting for review.`);
  return team;
}

/** The sign-up's outcome as a change, when the team has a sign-up. */
export function outcome(state: EventState, team: Team, decided: SignupOutcome): Change[] {
  const signup = state.signups[team.id];
  return signup ? [{ type: 'signup.saved', signup: { ...signup, outcome: decided } }] : [];
}
