import type { EventState } from '../model/event-state.ts';
import { type Instant, isWithin } from '../model/instant.ts';
import { acceptedGuests, jointSessions, jointTeamsByBooking, teamsOf } from '../sessions/sessions.ts';
import { type Block, teamBlocks } from './blocks.ts';

/**
 * A meeting with every team in it: the host (whose bookings they are, `teamId`) first, then the
 * teams that joined its joint session. A guest meets in the host's room for the whole session.
 */
export interface TeamMeeting extends Block {
  readonly teams: readonly string[];
}

/**
 * Where a team (or a room) is taken up at one instant and next: the single answer that the team
 * page, the board, the room page and the calendars share. A meeting is a team's back-to-back
 * bookings in one room — the same meetings the calendars publish — so a team that changes rooms
 * at 15:00 meets in the first room until 15:00 and in the second one after, everywhere.
 */
export interface NowAndNext {
  /** the meeting under way at the instant (its start included, its end not), if any */
  readonly now: TeamMeeting | null;
  /** the first meeting that starts after the instant, if any */
  readonly next: TeamMeeting | null;
}

/**
 * Every meeting of a team, in time order: its back-to-back bookings in one room merged, and the
 * joint sessions of other teams it accepted to join. The calendars publish exactly these, and
 * `whereTeamMeets` picks from them.
 */
export function teamMeetings(state: EventState, teamId: string): TeamMeeting[] {
  const joint = jointTeamsByBooking(state);
  const own = teamBlocks(state, teamId, true).map((block) => ({
    ...block,
    teams: joint.get(block.bookings[0]?.id ?? '') ?? [teamId],
  }));
  return [...own, ...guestMeetings(state, teamId)].sort((a, b) => a.start.localeCompare(b.start));
}

/** The joint sessions of other teams that a team has accepted to join, as its meetings. */
export function guestMeetings(state: EventState, teamId: string): TeamMeeting[] {
  return jointSessions(state)
    .filter((session) => acceptedGuests(session).some((guest) => guest.teamId === teamId))
    .map((session) => ({
      teamId: session.hostId,
      roomId: session.roomId,
      start: session.start,
      end: session.end,
      bookings: session.bookings,
      teams: teamsOf(session),
    }));
}

/** Where and when a team meets at `at`, and its next meeting after that. */
export function whereTeamMeets(state: EventState, teamId: string, at: Instant): NowAndNext {
  return nowAndNext(teamMeetings(state, teamId), at);
}

/** Which team's meeting is under way in a room at `at`, and which meeting comes next there. */
export function whoMeetsIn(state: EventState, roomId: string, at: Instant): NowAndNext {
  const teamIds = new Set(state.bookings.filter((b) => b.roomId === roomId).map((b) => b.teamId));
  const meetings = [...teamIds]
    .flatMap((teamId) => teamMeetings(state, teamId).filter((block) => block.teamId === teamId))
    .filter((block) => block.roomId === roomId)
    .sort((a, b) => a.start.localeCompare(b.start));
  return nowAndNext(meetings, at);
}

/** Meetings in time order → the one containing `at` and the first starting after it. */
function nowAndNext(meetings: readonly TeamMeeting[], at: Instant): NowAndNext {
  return {
    now: meetings.find((meeting) => isWithin(meeting, at)) ?? null,
    next: meetings.find((meeting) => meeting.start > at) ?? null,
  };
}
