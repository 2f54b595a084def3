import type { EventState } from '../model/event-state.ts';
import { type Instant, isWithin } from '../model/instant.ts';
import { type Block, teamBlocks } from './blocks.ts';

/**
 * Where a team (or a room) is taken up at one instant and next: the single answer that the team
 * page, the board, the room page and the calendars share. A meeting is a team's back-to-back
 * bookings in one room — the same meetings the calendars publish — so a team that changes rooms
 * at 15:00 meets in the first room until 15:00 and in the second one after, everywhere.
 */
export interface NowAndNext {
  /** the meeting under way at the instant (its start included, its end not), if any */
  readonly now: Block | null;
  /** the first meeting that starts after the instant, if any */
  readonly next: Block | null;
}

/**
 * Every meeting of a team, in time order: back-to-back bookings in one room merged. The calendars
 * publish exactly these, and `whereTeamMeets` picks from them.
 */
export function teamMeetings(state: EventState, teamId: string): Block[] {
  return teamBlocks(state, teamId, true);
}

/** Where and when a team meets at `at`, and its next meeting after that. */
export function whereTeamMeets(state: EventState, teamId: string, at: Instant): NowAndNext {
  return nowAndNext(teamMeetings(state, teamId), at);
}

/** Which team's meeting is under way in a room at `at`, and which meeting comes next there. */
export function whoMeetsIn(state: EventState, roomId: string, at: Instant): NowAndNext {
  const teamIds = new Set(state.bookings.filter((b) => b.roomId === roomId).map((b) => b.teamId));
  const meetings = [...teamIds]
    .flatMap((teamId) => teamMeetings(state, teamId))
    .filter((block) => block.roomId === roomId)
    .sort((a, b) => a.start.localeCompare(b.start));
  return nowAndNext(meetings, at);
}

/** Meetings in time order → the one containing `at` and the first starting after it. */
function nowAndNext(meetings: readonly Block[], at: Instant): NowAndNext {
  return {
    now: meetings.find((meeting) => isWithin(meeting, at)) ?? null,
    next: meetings.find((meeting) => meeting.start > at) ?? null,
  };
}
