import { accept, type Decision, refuse, refused } from '../decision.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { SessionGuest } from '../model/session.ts';
import { describeInterval } from '../text/describe-time.ts';
import { busyRefusal } from './joint-rules.ts';
import { describeSession, recordOf, sessionToManage } from './session-to-manage.ts';
import { slotIdsOf } from './sessions.ts';
import { teamBusyAt } from './team-presence.ts';

export interface InviteTeamInput {
  /** the session's id or one of its cells */
  readonly session: string;
  /** the host, when given */
  readonly team?: string;
  /** the team asked in */
  readonly guest: string;
}

/**
 * The host's moderators (or an organiser) ask another approved team into a session that has not
 * ended. The invited team must be free for the whole session, the same check as when it accepts.
 * Refuses with `event_archived`, `unauthenticated`, `unknown_session`, `unknown_room`, `unknown_slot`, `unknown_team`,
 * `forbidden`, `team_not_approved`, `invalid_input`, `in_past` or `team_busy`.
 */
export function inviteTeam(state: EventState, input: InviteTeamInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'sessions');
  if (archived) return refused(archived);
  const found = sessionToManage(state, input, ctx, 'host');
  if (!found.ok) return refused(found.refusal);
  const { session, team: host } = found.value;
  const guest = findTeam(state, input.guest);
  if (!guest)
    return refuse(
      'unknown_team',
      `There is no team "${input.guest.replace(/^#/, '').slice(0, 60)}" in this event.`,
    );
  if (guest.id === host.id)
    return refuse('invalid_input', `${host.slug} is already the host of this session.`);
  if (guest.status !== 'approved')
    return refuse(
      'team_not_approved',
      `${guest.slug} is not on the official team list, so it cannot be invited.`,
    );
  if (session.end <= ctx.now)
    return refuse(
      'in_past',
      `${describeSession(state, session)} is over; invite teams to sessions still to come.`,
    );
  const record = recordOf(session, ctx.now);
  const already = record.guests.find((candidate) => candidate.teamId === guest.id);
  if (already && already.status !== 'declined') {
    const how = already.status === 'accepted' ? 'is already in' : 'is already invited to';
    return refuse('invalid_input', `${guest.slug} ${how} ${describeSession(state, session)}.`);
  }
  for (const slotId of slotIdsOf(session)) {
    const busy = teamBusyAt(state, guest.id, slotId, session.id);
    const slot = state.slots.find((candidate) => candidate.id === slotId);
    if (busy && slot) return refused(busyRefusal(state, guest, busy, describeInterval(slot.start, slot.end)));
  }
  const invitation: SessionGuest = {
    teamId: guest.id,
    status: 'invited',
    invitedAt: ctx.now,
    answeredAt: null,
  };
  const guests = [...record.guests.filter((candidate) => candidate.teamId !== guest.id), invitation];
  return accept(
    [{ type: 'session.saved', session: { ...record, guests, updatedAt: ctx.now } }],
    `Invited ${guest.slug} to ${host.slug}'s session in ${describeSession(state, session)}; a moderator of ${guest.slug} can accept or decline.`,
  );
}
