import type { Kysely } from 'kysely';
import type { Change } from '../core/changes.ts';
import type { RevisionMeta } from '../core/revision.ts';
import { bookingToRow, eventToRow, roomToRow, slotToRow, teamToRow } from './rows.ts';
import type { Database } from './schema.ts';
import { sessionRecordToRow, summaryToRow } from './session-rows.ts';
import { signupToRow } from './signup-rows.ts';

/**
 * Writes one change into the tables, inside the caller's transaction. The SQL mirror of
 * `applyChange`: every change type the core can produce has its statement here.
 */
export async function persistChange(
  tx: Kysely<Database>,
  eventId: string,
  change: Change,
  meta: RevisionMeta,
): Promise<void> {
  switch (change.type) {
    case 'event.saved':
      await tx.updateTable('events').set(eventToRow(change.event)).where('id', '=', eventId).execute();
      return;
    case 'room.saved': {
      const row = roomToRow(eventId, change.room);
      await tx
        .insertInto('rooms')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'room.removed':
      await tx.deleteFrom('rooms').where('id', '=', change.roomId).execute();
      return;
    case 'cell.availability-set': {
      const cell = { event_id: eventId, room_id: change.roomId, slot_id: change.slotId };
      await tx
        .deleteFrom('room_unavailability')
        .where('room_id', '=', cell.room_id)
        .where('slot_id', '=', cell.slot_id)
        .execute();
      if (!change.available) await tx.insertInto('room_unavailability').values(cell).execute();
      return;
    }
    case 'grid.saved': {
      const keep = change.slots.map((slot) => slot.id);
      await tx.deleteFrom('room_unavailability').where('event_id', '=', eventId).execute();
      let stale = tx.deleteFrom('slots').where('event_id', '=', eventId);
      if (keep.length > 0) stale = stale.where('id', 'not in', keep);
      await stale.execute();
      for (const slot of change.slots) {
        const row = slotToRow(eventId, slot);
        await tx
          .insertInto('slots')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
      }
      if (change.unavailable.length > 0) {
        await tx
          .insertInto('room_unavailability')
          .values(
            change.unavailable.map((cell) => ({
              event_id: eventId,
              room_id: cell.roomId,
              slot_id: cell.slotId,
            })),
          )
          .execute();
      }
      return;
    }
    case 'team.saved': {
      const row = teamToRow(eventId, change.team);
      await tx
        .insertInto('teams')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      await tx.deleteFrom('team_moderators').where('team_id', '=', change.team.id).execute();
      if (change.team.moderators.length > 0) {
        await tx
          .insertInto('team_moderators')
          .values(change.team.moderators.map((userId) => ({ team_id: change.team.id, user_id: userId })))
          .execute();
      }
      return;
    }
    case 'booking.created':
      await tx
        .insertInto('bookings')
        .values(
          bookingToRow(eventId, {
            ...change.booking,
            cancelledAt: null,
            cancelledBy: null,
            cancelSource: null,
          }),
        )
        .execute();
      return;
    case 'booking.cancelled':
      await tx
        .updateTable('bookings')
        .set({
          cancelled_at: meta.at,
          cancelled_by: meta.actorId,
          cancel_source: meta.source,
          cancel_reason: change.reason ?? null,
        })
        .where('id', '=', change.bookingId)
        .where('cancelled_at', 'is', null)
        .execute();
      return;
    case 'board.now-set':
      await tx.deleteFrom('board_topics').where('team_id', '=', change.teamId).execute();
      await tx
        .insertInto('board_topics')
        .values({
          event_id: eventId,
          team_id: change.teamId,
          position: 0,
          text: change.topic.text,
          set_at: change.topic.at,
        })
        .execute();
      return;
    case 'board.next-added': {
      const last = await tx
        .selectFrom('board_topics')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('team_id', '=', change.teamId)
        .executeTakeFirst();
      await tx
        .insertInto('board_topics')
        .values({
          event_id: eventId,
          team_id: change.teamId,
          position: Math.max(Number(last?.position ?? 0), 0) + 1,
          text: change.topic.text,
          set_at: change.topic.at,
        })
        .execute();
      return;
    }
    case 'board.cleaned':
      await tx.deleteFrom('board_topics').where('team_id', '=', change.teamId).execute();
      return;
    case 'motd.saved': {
      const existing = await tx
        .selectFrom('motd')
        .select('position')
        .where('id', '=', change.motd.id)
        .executeTakeFirst();
      const last = await tx
        .selectFrom('motd')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      const row = {
        id: change.motd.id,
        event_id: eventId,
        position: existing?.position ?? Number(last?.position ?? -1) + 1,
        level: change.motd.level,
        message: change.motd.message,
        expires_at: change.motd.expiresAt,
      };
      await tx
        .insertInto('motd')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'motd.removed':
      await tx.deleteFrom('motd').where('id', '=', change.motdId).execute();
      return;
    case 'motd.reordered':
      for (const [position, id] of change.order.entries()) {
        await tx.updateTable('motd').set({ position }).where('id', '=', id).execute();
      }
      return;
    case 'signup.saved': {
      const row = signupToRow(eventId, change.signup);
      await tx
        .insertInto('team_signups')
        .values(row)
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'session.saved': {
      const row = sessionRecordToRow(eventId, change.session);
      await tx
        .insertInto('session_records')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'session.removed':
      await tx.deleteFrom('session_records').where('id', '=', change.sessionId).execute();
      return;
    case 'summary.saved': {
      const row = summaryToRow(eventId, change.summary);
      await tx
        .insertInto('team_summaries')
        .values(row)
        .onConflict((oc) => oc.column('team_id').doUpdateSet(row))
        .execute();
      return;
    }
  }
}
