import type { EventState } from '../../core/model/event-state.ts';
import { cellReference } from '../../core/schedule/cell-reference.ts';
import type { Session } from '../../core/sessions/sessions.ts';
import { teamsOf } from '../../core/sessions/sessions.ts';

/**
 * A session as the API shows it: the teams in it (host first, then accepted guests), where and
 * when, what people added, and the cells people type to name it. Invitations still open are listed
 * apart, so `teams` only ever says who meets.
 */
export function presentSession(state: EventState, session: Session) {
  const slug = (teamId: string) => state.teams.find((team) => team.id === teamId)?.slug ?? null;
  const room = state.rooms.find((candidate) => candidate.id === session.roomId);
  const slots = session.bookings.flatMap(
    (booking) => state.slots.find((slot) => slot.id === booking.slotId) ?? [],
  );
  const record = session.record;
  const host = state.summaries[session.hostId];
  return {
    id: session.id,
    teams: teamsOf(session).map(slug),
    host: slug(session.hostId),
    room: room?.slug ?? null,
    start: session.start,
    end: session.end,
    cells: room ? slots.map((slot) => cellReference(room, slot)) : [],
    title: record?.title || null,
    agenda: record?.agenda || null,
    etherpad_url: record?.etherpadUrl ?? null,
    recording_url: record?.recordingUrl ?? null,
    invited: (record?.guests ?? [])
      .filter((guest) => guest.status !== 'accepted')
      .map((guest) => ({ team: slug(guest.teamId), status: guest.status, invited_at: guest.invitedAt })),
    headcount: record?.headcount?.count ?? null,
    headcount_at: record?.headcount?.at ?? null,
    summary_url: host?.summaryUrl ?? null,
  };
}
