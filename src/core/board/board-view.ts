import type { Motd, Topic } from '../model/board.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import { slotAt } from '../model/lookup.ts';
import type { Room } from '../model/room.ts';
import type { Slot } from '../model/slot.ts';
import type { Team } from '../model/team.ts';
import { whereTeamMeets } from '../schedule/where-team-meets.ts';
import { topicExpiresAt } from './topic-expiry.ts';

export interface BoardNow {
  readonly team: Team;
  readonly topic: Topic;
  /** where the team meets now (one room; none between its meetings) */
  readonly rooms: readonly Room[];
  /** the other teams in its joint session now, host first */
  readonly with: readonly Team[];
}

/** An approved team meeting now that has posted no topic: the board still shows the room in use. */
export interface BoardMeeting {
  readonly team: Team;
  readonly room: Room;
  /** the other teams in its joint session now, host first */
  readonly with: readonly Team[];
}

export interface BoardNext {
  readonly team: Team;
  readonly items: readonly Topic[];
}

/** What the live board shows at one instant. */
export interface BoardView {
  readonly currentSlot: Slot | null;
  readonly nextSlot: Slot | null;
  /** approved teams with a topic that has not expired, by name */
  readonly now: readonly BoardNow[];
  /** approved teams meeting now without a live topic, by name */
  readonly quiet: readonly BoardMeeting[];
  readonly next: readonly BoardNext[];
  readonly motd: readonly Motd[];
  /** the view stays the same until this instant unless a change arrives; null when nothing is ahead */
  readonly validUntil: Instant | null;
}

/** The board at `now`: live topics, what comes next, banners, and the current slot. */
export function boardView(state: EventState, now: Instant): BoardView {
  const currentSlot = slotAt(state, now) ?? null;
  const nextSlot = state.slots.find((slot) => slot.start > now) ?? null;
  const horizon: Instant[] = [];
  const boardNow: BoardNow[] = [];
  const boardNext: BoardNext[] = [];
  const quiet: BoardMeeting[] = [];
  const teams = state.teams
    .filter((team) => team.status === 'approved')
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  for (const team of teams) {
    const meeting = whereTeamMeets(state, team.id, now).now;
    const room = meeting ? state.rooms.find((candidate) => candidate.id === meeting.roomId) : undefined;
    const others = (meeting?.teams ?? [])
      .filter((id) => id !== team.id)
      .flatMap((id) => state.teams.find((candidate) => candidate.id === id) ?? []);
    const status = state.board[team.id];
    if (!status) {
      if (room) quiet.push({ team, room, with: others });
      continue;
    }
    const live = (topic: Topic) => {
      const expiry = topicExpiresAt(state, team.id, topic.at);
      if (expiry <= now) return false;
      horizon.push(expiry);
      return true;
    };
    if (status.now && live(status.now))
      boardNow.push({ team, topic: status.now, rooms: room ? [room] : [], with: others });
    else if (room) quiet.push({ team, room, with: others });
    const items = status.next.filter(live);
    if (items.length > 0) boardNext.push({ team, items });
  }
  const motd = state.motd.filter((banner) => {
    if (banner.expiresAt === null) return true;
    if (banner.expiresAt <= now) return false;
    horizon.push(banner.expiresAt);
    return true;
  });
  if (currentSlot) horizon.push(currentSlot.end);
  if (nextSlot) horizon.push(nextSlot.start);
  const validUntil = horizon.reduce<Instant | null>(
    (soonest, at) => (soonest === null || at < soonest ? at : soonest),
    null,
  );
  return { currentSlot, nextSlot, now: boardNow, quiet, next: boardNext, motd, validUntil };
}
