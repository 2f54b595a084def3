import type { Kysely } from 'kysely';
import type { TrackStatus } from '../core/model/board.ts';
import type { EventState } from '../core/model/event-state.ts';
import { byCell, byCreation, byPosition, compareText } from '../core/model/order.ts';
import type { BookingRecord } from './event-document.ts';
import {
  activeBooking,
  bookingFromRow,
  eventFromRow,
  motdFromRow,
  roomFromRow,
  slotFromRow,
  teamFromRow,
} from './rows.ts';
import type { Database } from './schema.ts';
import { sessionRecordFromRow, summaryFromRow } from './session-rows.ts';
import { signupFromRow } from './signup-rows.ts';

/** The event as the rules see it, plus every booking with its history, read in one go. */
export async function readEvent(
  db: Kysely<Database>,
  eventId: string,
): Promise<{ state: EventState; bookingHistory: BookingRecord[] } | null> {
  const eventRow = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!eventRow) return null;
  const [rooms, slots, unavailable, teams, moderators, bookings, topics, motd, signups, sessions, summaries] =
    await Promise.all([
      db
        .selectFrom('rooms')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
      db.selectFrom('slots').selectAll().where('event_id', '=', eventId).orderBy('start_at').execute(),
      db
        .selectFrom('room_unavailability')
        .select(['room_id', 'slot_id'])
        .where('event_id', '=', eventId)
        .orderBy('room_id')
        .orderBy('slot_id')
        .execute(),
      db
        .selectFrom('teams')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('team_moderators')
        .innerJoin('teams', 'teams.id', 'team_moderators.team_id')
        .select(['team_moderators.team_id', 'team_moderators.user_id'])
        .where('teams.event_id', '=', eventId)
        .orderBy('team_moderators.user_id')
        .execute(),
      db
        .selectFrom('bookings')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('board_topics')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('team_id')
        .orderBy('position')
        .execute(),
      db.selectFrom('motd').selectAll().where('event_id', '=', eventId).orderBy('position').execute(),
      db.selectFrom('team_signups').selectAll().where('event_id', '=', eventId).orderBy('team_id').execute(),
      db.selectFrom('session_records').selectAll().where('event_id', '=', eventId).orderBy('id').execute(),
      db
        .selectFrom('team_summaries')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('team_id')
        .execute(),
    ]);
  const moderatorsOf = new Map<string, string[]>();
  for (const row of moderators)
    moderatorsOf.set(row.team_id, [...(moderatorsOf.get(row.team_id) ?? []), row.user_id]);
  const board: Record<string, TrackStatus> = {};
  for (const topic of topics) {
    const status = board[topic.team_id] ?? { now: null, next: [] };
    const entry = { text: topic.text, at: topic.set_at };
    board[topic.team_id] =
      topic.position === 0 ? { ...status, now: entry } : { ...status, next: [...status.next, entry] };
  }
  const bookingHistory = bookings.map(bookingFromRow).sort(byCreation);
  return {
    state: {
      revision: eventRow.revision,
      event: eventFromRow(eventRow),
      rooms: rooms.map(roomFromRow).sort(byPosition),
      slots: slots.map(slotFromRow),
      unavailable: unavailable.map((row) => ({ roomId: row.room_id, slotId: row.slot_id })).sort(byCell),
      teams: teams
        .map((row) => teamFromRow(row, (moderatorsOf.get(row.id) ?? []).sort(compareText)))
        .sort(byCreation),
      bookings: bookingHistory.filter((booking) => booking.cancelledAt === null).map(activeBooking),
      board,
      motd: motd.map(motdFromRow),
      signups: Object.fromEntries(signups.map((row) => [row.team_id, signupFromRow(row)])),
      sessions: Object.fromEntries(sessions.map((row) => [row.id, sessionRecordFromRow(row)])),
      summaries: Object.fromEntries(summaries.map((row) => [row.team_id, summaryFromRow(row)])),
    },
    bookingHistory,
  };
}
