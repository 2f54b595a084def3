import type { Change } from '../changes.ts';
import type { Booking } from '../model/booking.ts';
import type { EventState } from '../model/event-state.ts';
import { sessionOfBooking } from './sessions.ts';

/**
 * What happens to a session's record when the booking it is kept under is released: it moves to
 * the session's earliest-made booking that remains, or goes with the session's last booking (the
 * change log keeps it).
 */
export function reanchorSession(state: EventState, released: Booking): Change[] {
  const record = state.sessions[released.id];
  if (!record) return [];
  const session = sessionOfBooking(state, released);
  const remaining = state.bookings.filter(
    (booking) => booking.id !== released.id && session?.bookings.some((member) => member.id === booking.id),
  );
  const [heir] = remaining;
  const removed: Change = { type: 'session.removed', sessionId: record.id };
  if (!heir || state.sessions[heir.id]) return [removed];
  return [removed, { type: 'session.saved', session: { ...record, id: heir.id } }];
}
