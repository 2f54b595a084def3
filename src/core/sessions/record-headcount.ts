import { accept, type Decision, refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { describeSession, recordOf, sessionToManage } from './session-to-manage.ts';
import { latestSessionOf } from './sessions.ts';

export const maxHeadcount = 100_000;

export interface RecordHeadcountInput {
  /** the session's id or one of its cells; without it, the team's session under way or last ended */
  readonly session?: string;
  /** the team acting, when given: the host or an accepted guest */
  readonly team?: string;
  readonly count: number;
}

/**
 * A moderator of any team in a session (or an organiser) records how many people came, once the
 * session has started; a later count replaces an earlier one.
 * Refuses with `event_archived`, `unauthenticated`, `unknown_session`, `unknown_room`, `unknown_slot`, `unknown_team`,
 * `forbidden` or `invalid_input` (not a whole number from 0 to 100,000, or a session still to come).
 */
export function recordHeadcount(state: EventState, input: RecordHeadcountInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'headcount');
  if (archived) return refused(archived);
  const session = input.session ?? latestSessionId(state, input.team, ctx.now);
  if (!session) {
    const team = input.team?.replace(/^#/, '').slice(0, 60) ?? 'the team';
    return refuse(
      'unknown_session',
      `${team} has no session under way or over yet; name the session, like kilo-wed14.`,
    );
  }
  const found = sessionToManage(state, { session, team: input.team }, ctx, 'member');
  if (!found.ok) return refused(found.refusal);
  if (!Number.isInteger(input.count) || input.count < 0 || input.count > maxHeadcount) {
    return refuse(
      'invalid_input',
      `A head-count is a whole number from 0 to ${maxHeadcount.toLocaleString('en')}.`,
    );
  }
  const where = describeSession(state, found.value.session);
  if (found.value.session.start > ctx.now)
    return refuse('invalid_input', `${where} has not started yet; count people once it has.`);
  const record = recordOf(found.value.session, ctx.now);
  return accept(
    [
      {
        type: 'session.saved',
        session: { ...record, headcount: { count: input.count, at: ctx.now }, updatedAt: ctx.now },
      },
    ],
    `Recorded ${input.count} ${input.count === 1 ? 'person' : 'people'} in ${where}.`,
  );
}

function latestSessionId(state: EventState, teamRef: string | undefined, now: string): string | null {
  const team = teamRef ? findTeam(state, teamRef) : undefined;
  return team ? (latestSessionOf(state, team.id, now)?.id ?? null) : null;
}
