import type { Motd, TrackStatus } from '../core/model/board.ts';
import type { Booking } from '../core/model/booking.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { Room } from '../core/model/room.ts';
import type { TeamSignup } from '../core/model/signup.ts';
import type { Slot, Unavailability } from '../core/model/slot.ts';
import type { Team } from '../core/model/team.ts';
import type { User } from '../core/model/user.ts';
import type { Revision } from '../core/revision.ts';

/** A booking with its history: cancelled bookings are kept. */
export interface BookingRecord extends Booking {
  readonly cancelledAt: string | null;
  readonly cancelledBy: string | null;
  readonly cancelSource: string | null;
}

/**
 * A whole event as `convene export` writes it and `convene import` reads it: everything stored about
 * the event, its full change history, and the users it mentions. Exporting what was imported gives
 * the same document back (apart from `exportedAt`).
 */
export interface EventDocument {
  readonly format: 'convene-event';
  readonly version: 1;
  readonly exportedAt: string;
  readonly revision: number;
  readonly event: EventInfo;
  readonly rooms: readonly Room[];
  readonly slots: readonly Slot[];
  readonly unavailable: readonly Unavailability[];
  readonly teams: readonly Team[];
  readonly bookings: readonly BookingRecord[];
  readonly board: Readonly<Record<string, TrackStatus>>;
  readonly motd: readonly Motd[];
  readonly users: readonly User[];
  readonly revisions: readonly Revision[];
  /** team sign-up answers; absent in documents written before sign-ups existed */
  readonly signups?: readonly TeamSignup[];
}
