import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { TeamSignup } from '../model/signup.ts';
import { checkTeamManager } from '../permissions.ts';
import { checkMeetingAnswers, type MeetingAnswersInput } from './signup-form.ts';

export interface ScheduleWishesInput extends MeetingAnswersInput {
  /** team id or slug */
  readonly team: string;
  /** ids of the team's bookings that a draft schedule must keep */
  readonly keepBookings: readonly string[];
}

/**
 * Records what a team asks of a draft schedule: hours wanted, windows it can meet in, teams to
 * avoid, and which of its bookings must stay. Its moderators and organisers may, at any time (the
 * rest of the sign-up is untouched). A team added by organisers gets its first answers this way.
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden` or `invalid_input`.
 */
export function setScheduleWishes(state: EventState, input: ScheduleWishesInput, ctx: Ctx): Decision {
  if (!ctx.actor) return refuse('unauthenticated');
  const team = findTeam(state, input.team);
  if (!team) return refuse('unknown_team', `There is no team "${input.team.slice(0, 60)}" in this event.`);
  const denied = checkTeamManager(ctx.actor, team);
  if (denied) return refused(denied);
  const answers = checkMeetingAnswers(state, input, team.id);
  if (!answers.ok) return refused(answers.refusal);
  const own = new Set(
    state.bookings.filter((booking) => booking.teamId === team.id).map((booking) => booking.id),
  );
  const keepBookings = [...new Set(input.keepBookings)];
  if (keepBookings.some((id) => !own.has(id)))
    return refuse('invalid_input', `Only ${team.slug}'s own current bookings can be kept.`);
  const before: TeamSignup = state.signups[team.id] ?? {
    teamId: team.id,
    leadId: null,
    moderatorIds: [],
    submittedAt: ctx.now,
    updatedAt: ctx.now,
    outcome:
      team.status === 'approved' ? { kind: 'approved', at: ctx.now, reason: null, mergedInto: null } : null,
    expectedAttendance: 0,
    hoursWanted: 0,
    preferredWindows: [],
    avoidClashes: [],
    onboarding: false,
    operatorHour: false,
    videoUrl: team.videoUrl,
    notes: '',
  };
  const signup: TeamSignup = { ...before, ...answers.value, keepBookings, updatedAt: ctx.now };
  const windows = signup.preferredWindows.length > 0 ? signup.preferredWindows.join(', ') : 'any window';
  return accept(
    [{ type: 'signup.saved', signup }],
    `${team.name} asks for ${signup.hoursWanted} hours in ${windows}, keeping ${keepBookings.length} of its bookings.`,
  );
}
