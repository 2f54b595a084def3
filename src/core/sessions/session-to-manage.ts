import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { SessionRecord } from '../model/session.ts';
import type { Team } from '../model/team.ts';
import { checkTeamManager } from '../permissions.ts';
import { parseCellReference } from '../schedule/cell-reference.ts';
import { describeInterval } from '../text/describe-time.ts';
import { type Session, sessionById, sessionOfBooking, teamsOf } from './sessions.ts';

/**
 * A session by its id, or by any of its cells as people type them (`kilo-wed14`).
 * Refuses with `unknown_session` (or `unknown_room` / `unknown_slot` for a cell that does not exist).
 */
export function findSession(state: EventState, ref: string): Checked<Session> {
  const byId = sessionById(state, ref);
  if (byId) return passed(byId);
  const cell = parseCellReference(state, ref);
  if (!cell.ok) return failedWith(cell.refusal);
  const { room, slot } = cell.value;
  const booking = state.bookings.find(
    (candidate) => candidate.roomId === room.id && candidate.slotId === slot.id,
  );
  const session = booking ? sessionOfBooking(state, booking) : null;
  if (!session)
    return failed('unknown_session', `${room.name} is not booked in ${slot.code}, so it holds no session.`);
  return passed(session);
}

/**
 * The session and the team acting on it, once the actor may: `roles` says whether only the host
 * may (`host`) or any team in the session (`member`). When the input names a team, it must be
 * that; otherwise it is the host. Refuses with `unauthenticated`, `unknown_team`,
 * `unknown_session`, `unknown_room`, `unknown_slot` or `forbidden`.
 */
export function sessionToManage(
  state: EventState,
  input: { readonly session: string; readonly team?: string },
  ctx: Ctx,
  roles: 'host' | 'member',
): Checked<{ session: Session; team: Team }> {
  if (!ctx.actor) return failed('unauthenticated');
  const found = findSession(state, input.session);
  if (!found.ok) return found;
  const session = found.value;
  const teamRef = input.team ?? session.hostId;
  const team = findTeam(state, teamRef);
  if (!team)
    return failed(
      'unknown_team',
      `There is no team "${teamRef.replace(/^#/, '').slice(0, 60)}" in this event.`,
    );
  const allowed = roles === 'host' ? [session.hostId] : teamsOf(session);
  if (!allowed.includes(team.id)) {
    const host = state.teams.find((candidate) => candidate.id === session.hostId);
    const what = roles === 'host' ? 'only its host can change it' : `${team.slug} is not in it`;
    return failed(
      'forbidden',
      `${describeSession(state, session)} is ${host?.slug ?? 'another team'}'s session; ${what}.`,
    );
  }
  const denied = checkTeamManager(ctx.actor, team);
  return denied ? failedWith(denied) : passed({ session, team });
}

/** The record to change: the session's own, or a blank one anchored at its id. */
export function recordOf(session: Session, now: string): SessionRecord {
  return (
    session.record ?? {
      id: session.id,
      title: '',
      agenda: '',
      etherpadUrl: null,
      recordingUrl: null,
      guests: [],
      headcount: null,
      updatedAt: now,
    }
  );
}

/** "kilo on Wed 19 Oct 14:00–16:00 UTC": how replies name a session. */
export function describeSession(state: EventState, session: Session): string {
  const room = state.rooms.find((candidate) => candidate.id === session.roomId)?.name ?? 'a room';
  return `${room} on ${describeInterval(session.start, session.end)}`;
}
