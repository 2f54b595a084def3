/**
 * Sessions: a team's back-to-back bookings in one room, as people remember a PTG ("Nova and
 * Neutron, Wednesday 14:00, live migration").
 *
 * A session has no row of its own: it is derived from the bookings each time, and what people add
 * to it (title, agenda, links, invited teams, head-count) is a `SessionRecord` kept under the id of
 * one of its bookings, the anchor. A session's id is its anchor when it has a record, otherwise the
 * id of its earliest-made booking, the same key the calendars give the meeting.
 *
 * Joint sessions: the host invites other teams; once a guest accepts, it meets in the host's room
 * for the whole session, so it cannot meet anywhere else then (`team_busy`), and under the event's
 * `jointCaps` rule the time may count against its caps too (decision 0040).
 */
import type { Booking } from '../model/booking.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import type { SessionGuest, SessionRecord } from '../model/session.ts';
import { type Block, teamBlocks } from '../schedule/blocks.ts';

/** A session as derived from the bookings, with what people added to it. */
export interface Session {
  readonly id: string;
  readonly hostId: string;
  readonly roomId: string;
  readonly start: Instant;
  readonly end: Instant;
  /** the host's bookings, in time order */
  readonly bookings: readonly Booking[];
  /** null until someone adds something */
  readonly record: SessionRecord | null;
}

/** Every session of the event, by start, then room order, then id. */
export function sessionsOf(state: EventState): Session[] {
  const creation = creationOrder(state);
  const teamIds = [...new Set(state.bookings.map((booking) => booking.teamId))];
  const sessions = teamIds.flatMap((teamId) =>
    teamBlocks(state, teamId, true).map((block) => sessionOfBlock(state, block, creation)),
  );
  const roomOrder = new Map(state.rooms.map((room, index) => [room.id, index]));
  return sessions.sort(
    (a, b) =>
      compare(a.start, b.start) ||
      (roomOrder.get(a.roomId) ?? 0) - (roomOrder.get(b.roomId) ?? 0) ||
      compare(a.id, b.id),
  );
}

/** The session one booking belongs to. */
export function sessionOfBooking(state: EventState, booking: Booking): Session | null {
  const block = teamBlocks(state, booking.teamId, true).find((candidate) =>
    candidate.bookings.some((member) => member.id === booking.id),
  );
  return block ? sessionOfBlock(state, block, creationOrder(state)) : null;
}

/** The session with this id (its anchor or earliest-made booking), if any. */
export function sessionById(state: EventState, id: string): Session | null {
  const booking = state.bookings.find((candidate) => candidate.id === id);
  if (!booking) return null;
  const session = sessionOfBooking(state, booking);
  return session?.id === id ? session : null;
}

/** The teams in a session: the host, then accepted guests in the order they were invited. */
export function teamsOf(session: Session): string[] {
  return [session.hostId, ...acceptedGuests(session).map((guest) => guest.teamId)];
}

export function acceptedGuests(session: Pick<Session, 'record'>): SessionGuest[] {
  return (session.record?.guests ?? []).filter((guest) => guest.status === 'accepted');
}

/**
 * The sessions that have accepted guests: few in any event, so rules that must know where guests
 * are look only at these instead of deriving every session.
 */
export function jointSessions(state: EventState): Session[] {
  const sessions: Session[] = [];
  const seen = new Set<string>();
  for (const record of Object.values(state.sessions)) {
    if (!record.guests.some((guest) => guest.status === 'accepted')) continue;
    const anchor = state.bookings.find((booking) => booking.id === record.id);
    if (!anchor) continue;
    const session = sessionOfBooking(state, anchor);
    if (session && !seen.has(session.id) && acceptedGuests(session).length > 0) {
      seen.add(session.id);
      sessions.push(session);
    }
  }
  return sessions;
}

/**
 * The session a team (host or accepted guest) is in at `now`, else the one it last finished: what
 * a bare `#nova count 23` is about.
 */
export function latestSessionOf(state: EventState, teamId: string, now: Instant): Session | null {
  const begun = sessionsOf(state).filter(
    (session) => session.start <= now && teamsOf(session).includes(teamId),
  );
  return begun.find((session) => now < session.end) ?? begun.sort((a, b) => compare(b.end, a.end))[0] ?? null;
}

/**
 * The teams in each joint session's bookings, host first: how the schedule and the feeds name the
 * guests beside the host. Bookings of sessions without guests are not listed.
 */
export function jointTeamsByBooking(state: EventState): Map<string, string[]> {
  const teams = new Map<string, string[]>();
  for (const session of jointSessions(state)) {
    for (const booking of session.bookings) teams.set(booking.id, teamsOf(session));
  }
  return teams;
}

/** Slot ids of a session, in time order. */
export function slotIdsOf(session: Pick<Session, 'bookings'>): string[] {
  return session.bookings.map((booking) => booking.slotId);
}

function sessionOfBlock(state: EventState, block: Block, creation: ReadonlyMap<string, number>): Session {
  const byCreation = [...block.bookings].sort(
    (a, b) => (creation.get(a.id) ?? 0) - (creation.get(b.id) ?? 0),
  );
  const anchored = byCreation.find((booking) => state.sessions[booking.id] !== undefined);
  const id = anchored?.id ?? (byCreation[0] as Booking).id;
  return {
    id,
    hostId: block.teamId,
    roomId: block.roomId as string,
    start: block.start,
    end: block.end,
    bookings: block.bookings,
    record: state.sessions[id] ?? null,
  };
}

/** Bookings are kept in the order they were made, which picks each session's id. */
function creationOrder(state: EventState): Map<string, number> {
  return new Map(state.bookings.map((booking, index) => [booking.id, index]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
