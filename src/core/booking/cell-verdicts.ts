import type { Refusal } from '../errors.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { Room } from '../model/room.ts';
import type { Slot } from '../model/slot.ts';
import type { Team } from '../model/team.ts';
import { isOrganizer } from '../permissions.ts';
import { bookSlot } from './book-slot.ts';

/** What booking one cell for a team would do now. */
export type CellVerdict =
  /** the team already meets here */
  | { readonly kind: 'own'; readonly bookingId: string }
  /** booking it would be accepted */
  | { readonly kind: 'free' }
  /** booking it would be refused; an organiser may still book it when `overridable` */
  | { readonly kind: 'refused'; readonly refusal: Refusal; readonly overridable: boolean };

/** One row of a team's booking grid: a slot and the verdict for each room, in room order. */
export interface VerdictRow {
  readonly slot: Slot;
  readonly cells: readonly { readonly room: Room; readonly verdict: CellVerdict }[];
}

/**
 * The verdict of every cell of the grid for one team, as the person in `ctx` would meet it: each
 * cell is decided by `bookSlot` itself, so the grid greys exactly what booking would refuse, with
 * the same sentence. For organisers, a cell refused only by rules 3–5 is marked overridable.
 */
export function cellVerdicts(state: EventState, team: Team, ctx: Ctx): VerdictRow[] {
  const preview: Ctx = { ...ctx, newId: () => 'preview' };
  const organiser = isOrganizer(ctx.actor);
  const own = new Map(
    state.bookings
      .filter((booking) => booking.teamId === team.id)
      .map((booking) => [`${booking.roomId} ${booking.slotId}`, booking.id]),
  );
  return state.slots.map((slot) => ({
    slot,
    cells: state.rooms.map((room) => {
      const bookingId = own.get(`${room.id} ${slot.id}`);
      if (bookingId) return { room, verdict: { kind: 'own', bookingId } };
      const input = { team: team.id, room: room.id, slot: slot.id };
      const decision = bookSlot(state, input, preview);
      if (decision.ok) return { room, verdict: { kind: 'free' } };
      const overridable = organiser && bookSlot(state, { ...input, override: true }, preview).ok;
      return { room, verdict: { kind: 'refused', refusal: decision.refusal, overridable } };
    }),
  }));
}
