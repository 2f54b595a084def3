import type { Motd, TrackStatus } from './board.ts';
import type { Booking } from './booking.ts';
import type { EventInfo } from './event.ts';
import type { Room } from './room.ts';
import type { SessionRecord, TeamSummary } from './session.ts';
import type { TeamSignup } from './signup.ts';
import type { Slot, Unavailability } from './slot.ts';
import type { Team } from './team.ts';

/**
 * Everything the rules need to know about one event, at one revision.
 * Every committed write raises the revision by one; the read models and the stream follow it.
 */
export interface EventState {
  readonly revision: number;
  readonly event: EventInfo;
  /** in display order */
  readonly rooms: readonly Room[];
  /** in time order */
  readonly slots: readonly Slot[];
  readonly unavailable: readonly Unavailability[];
  /** every team, whatever its status, in creation order */
  readonly teams: readonly Team[];
  /** active bookings only; cancelled ones live on in the history */
  readonly bookings: readonly Booking[];
  /** by team id; a team with nothing set has no entry */
  readonly board: Readonly<Record<string, TrackStatus>>;
  /** in display order */
  readonly motd: readonly Motd[];
  /** team sign-up answers by team id; teams added by organisers have none */
  readonly signups: Readonly<Record<string, TeamSignup>>;
  /** what people added to sessions (titles, guests, head-counts), by the anchor booking's id */
  readonly sessions: Readonly<Record<string, SessionRecord>>;
  /** teams' summaries of the event, by team id */
  readonly summaries: Readonly<Record<string, TeamSummary>>;
}

export const emptyTrackStatus: TrackStatus = { now: null, next: [] };

/** A new event before anything is added to it. */
export function blankEventState(event: EventState['event']): EventState {
  return {
    revision: 0,
    event,
    rooms: [],
    slots: [],
    unavailable: [],
    teams: [],
    bookings: [],
    board: {},
    motd: [],
    signups: {},
    sessions: {},
    summaries: {},
  };
}
