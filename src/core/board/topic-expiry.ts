import type { EventState } from '../model/event-state.ts';
import { addMinutes, type Instant, isWithin, utcDay } from '../model/instant.ts';
import { teamBlocks } from '../schedule/blocks.ts';
import { guestMeetings } from '../schedule/where-team-meets.ts';

/**
 * When a topic set at `at` stops showing: at the end of the team's booked block (or the joint
 * session it joined) that contains `at`;
 * set before a block, at the end of the team's next block that UTC day; otherwise at the end of
 * that UTC day. No organiser has to wipe the board by hand.
 */
export function topicExpiresAt(state: EventState, teamId: string, at: Instant): Instant {
  const blocks = [...teamBlocks(state, teamId, false), ...guestMeetings(state, teamId)].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
  const containing = blocks.find((block) => isWithin(block, at));
  if (containing) return containing.end;
  const laterToday = blocks.find((block) => block.start > at && utcDay(block.start) === utcDay(at));
  if (laterToday) return laterToday.end;
  return addMinutes(`${utcDay(at)}T00:00:00Z`, 24 * 60);
}
