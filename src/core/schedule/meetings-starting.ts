import type { EventState } from '../model/event-state.ts';
import { type Instant, minutesBetween } from '../model/instant.ts';
import type { Room } from '../model/room.ts';
import type { Team } from '../model/team.ts';
import type { Block } from './blocks.ts';
import { teamMeetings } from './where-team-meets.ts';

/** A meeting about to start, with what a reminder says about it. */
export interface MeetingStarting {
  readonly team: Team;
  readonly room: Room;
  readonly meeting: Block;
  /** "nova starts in 10 minutes in kilo" */
  readonly message: string;
}

/** How long before a meeting its followers are reminded. */
export const reminderMinutes = 10;

/**
 * The meetings of approved teams that start after `now` and at most `reminderMinutes` later, in
 * the same meetings the pages and calendars show (`teamMeetings`).
 */
export function meetingsStarting(state: EventState, now: Instant): MeetingStarting[] {
  const rooms = new Map(state.rooms.map((room) => [room.id, room]));
  const starting: MeetingStarting[] = [];
  for (const team of state.teams) {
    if (team.status !== 'approved') continue;
    for (const meeting of teamMeetings(state, team.id)) {
      const minutes = minutesBetween(now, meeting.start);
      const room = meeting.roomId ? rooms.get(meeting.roomId) : undefined;
      if (meeting.start <= now || minutes > reminderMinutes || !room) continue;
      const when = minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`;
      starting.push({ team, room, meeting, message: `${team.name} starts ${when} in ${room.name}` });
    }
  }
  return starting;
}
