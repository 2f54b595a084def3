import type { Booking } from '../core/model/booking.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { User } from '../core/model/user.ts';
import type { Revision } from '../core/revision.ts';

/** A booking with its history: cancelled bookings are kept. */
export interface BookingRecord extends Booking {
  readonly cancelledAt: string | null;
  readonly cancelledBy: string | null;
  readonly cancelSource: string | null;
  /** why an organiser released it after it had started, when they said */
  readonly cancelReason?: string;
}

/**
 * A whole event as `convene export` writes it and `convene import` reads it: everything stored about
 * the event, its full change history, and the users it mentions. Exporting what was imported gives
 * the same document back (apart from `exportedAt`).
 */
export interface EventDocument extends Omit<EventState, 'bookings' | 'signups' | 'sessions' | 'summaries'> {
  readonly format: 'convene-event';
  readonly version: 1;
  readonly exportedAt: string;
  readonly bookings: readonly BookingRecord[];
  readonly users: readonly User[];
  /**
   * who follows which of the event's teams (their personal calendars and notifications); absent in
   * documents written before follows were exported
   */
  readonly follows?: readonly Follow[];
  readonly revisions: readonly Revision[];
  /** team sign-up answers by team id; absent in documents written before sign-ups existed */
  readonly signups?: EventState['signups'];
  /** what people added to sessions; absent in documents written before sessions existed */
  readonly sessions?: EventState['sessions'];
  /** teams' summaries; absent in documents written before summaries existed */
  readonly summaries?: EventState['summaries'];
}

/** A person following a team, since when. */
export interface Follow {
  readonly userId: string;
  readonly teamId: string;
  readonly createdAt: string;
}
