import { type Checked, failed, failedWith, passed } from '../checked.ts';
import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { RefusalPart } from '../errors.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { utcDay } from '../model/instant.ts';
import { findRoom, findSlot } from '../model/lookup.ts';
import type { Room } from '../model/room.ts';
import type { Slot } from '../model/slot.ts';
import type { Team } from '../model/team.ts';
import { isOrganizer } from '../permissions.ts';
import { applyChange } from '../projections/apply-change.ts';
import { cellReference, parseCellReference } from '../schedule/cell-reference.ts';
import { count } from '../text/count.ts';
import { describeInterval } from '../text/describe-time.ts';
import { bookSlot } from './book-slot.ts';
import { bookingTeam } from './booking-rules.ts';

export interface BookRangeInput {
  /** team id or slug */
  readonly team: string;
  /** room id, slug or name */
  readonly room: string;
  /** the first slot of the range (id or code) */
  readonly from: string;
  /** the last slot of the range, included (id or code); the same as `from` for one hour */
  readonly to: string;
  /** an organiser sets rules 3–5 aside for every hour; each booking records it */
  readonly override?: boolean;
  /** why the rules are set aside */
  readonly reason?: string;
}

/** A range read and checked for shape: the team, its room and the hours, in time order. */
export interface BookingPlan {
  readonly team: Team;
  readonly room: Room;
  readonly slots: readonly Slot[];
}

/**
 * Reads a range of hours in one room: the slots from `from` to `to`, which must follow one another
 * without a gap inside one window of one UTC day (a range never spans a break or a night).
 * Refuses with `unauthenticated`, `unknown_team`, `forbidden`, `unknown_room`, `unknown_slot` or
 * `bad_range`.
 */
export function planBooking(state: EventState, input: BookRangeInput, ctx: Ctx): Checked<BookingPlan> {
  const found = bookingTeam(state, input.team, ctx);
  if (!found.ok) return failedWith(found.refusal);
  const room = findRoom(state, input.room);
  if (!room) return failed('unknown_room', `There is no room "${input.room.slice(0, 60)}" in this event.`);
  const first = findSlot(state, input.from);
  if (!first) return failed('unknown_slot', `There is no slot "${input.from.slice(0, 20)}" in this event.`);
  const last = findSlot(state, input.to);
  if (!last) return failed('unknown_slot', `There is no slot "${input.to.slice(0, 20)}" in this event.`);
  if (last.start < first.start) {
    return failed('bad_range', `${last.code} comes before ${first.code}; write the earlier slot first.`);
  }
  if (first.window !== last.window || utcDay(first.start) !== utcDay(last.start)) {
    return failed(
      'bad_range',
      `${first.code} and ${last.code} are not in the same window of one day; book each window on its own.`,
    );
  }
  const slots = state.slots.filter(
    (slot) => slot.start >= first.start && slot.start <= last.start && slot.window === first.window,
  );
  const gap = slots.findIndex((slot, at) => at > 0 && slots[at - 1]?.end !== slot.start);
  if (gap > 0) {
    return failed(
      'bad_range',
      `The window has a break before ${slots[gap]?.code}; book the hours on each side of it on their own.`,
    );
  }
  return passed({ team: found.value.team, room, slots });
}

/**
 * Books every hour of a range for a team, all or nothing. Each hour goes through `bookSlot` on the
 * state the earlier hours leave, so caps count the whole range. When any hour is refused nothing is
 * booked, and the refusal (`range_refused`) lists every hour: the refused ones with their own code
 * and sentence, the others as bookable.
 * An override needs a reason. Refuses with `event_archived`, what `planBooking` refuses, `forbidden` (an override
 * asked by a non-organiser), `invalid_input` (an override without a reason),
 * `range_refused`, or, for a one-hour range, the hour's own
 * refusal.
 */
export function bookRange(state: EventState, input: BookRangeInput, ctx: Ctx): Decision {
  const archived = checkNotArchived(state.event, 'booking');
  if (archived) return refused(archived);
  const planned = planBooking(state, input, ctx);
  if (!planned.ok) return refused(planned.refusal);
  if (input.override && !isOrganizer(ctx.actor)) {
    return refuse('forbidden', 'Only organisers can set the booking limits aside.');
  }
  if (input.override && !input.reason?.trim()) {
    return refuse('invalid_input', 'Say why the rules are set aside: the reason is kept with the bookings.');
  }
  const { team, room, slots } = planned.value;
  const hourInput = { team: team.id, room: room.id, override: input.override, reason: input.reason };
  let current = state;
  const decisions = slots.map((slot) => {
    const decision = bookSlot(current, { ...hourInput, slot: slot.id }, ctx);
    if (decision.ok) current = decision.changes.reduce(applyChange, current);
    return { slot, decision };
  });
  const refusals = decisions.flatMap(({ decision }) => (decision.ok ? [] : [decision.refusal]));
  const [only] = decisions;
  if (decisions.length === 1 && only && !only.decision.ok) return only.decision;
  if (refusals.length > 0) {
    const parts: RefusalPart[] = decisions.map(({ slot, decision }) => {
      const item = cellReference(room, slot);
      return decision.ok
        ? { item, ok: true, message: `${item} could be booked, but nothing was, because of the other hours.` }
        : { item, ok: false, code: decision.refusal.code, message: decision.refusal.message };
    });
    return {
      ok: false,
      refusal: {
        code: 'range_refused',
        message: `Nothing was booked: ${count(refusals.length, 'hour')} of ${slots.length} cannot be booked.`,
        parts,
      },
    };
  }
  const changes = decisions.flatMap(({ decision }) => (decision.ok ? decision.changes : []));
  const firstSlot = slots[0];
  const lastSlot = slots.at(-1);
  if (!firstSlot || !lastSlot) return refuse('bad_range');
  const overridden = changes.some((change) => change.type === 'booking.created' && change.booking.override);
  return accept(
    changes,
    `Booked ${room.name} for ${team.slug} on ${describeInterval(firstSlot.start, lastSlot.end)}${
      overridden ? ' (some limits set aside)' : ''
    }.`,
  );
}

/**
 * The range that a set of chosen cells (references such as `kilo-wed13`, as the grid's boxes send
 * them) stands for: one room, and hours that follow one another with none left out. The window and
 * day are checked by `planBooking`. Refuses with `bad_range`, `unknown_room` or `unknown_slot`.
 */
export function rangeOfCells(
  state: EventState,
  references: readonly string[],
): Checked<{ room: string; from: string; to: string }> {
  const cells: { room: Room; slot: Slot }[] = [];
  for (const reference of new Set(references)) {
    const cell = parseCellReference(state, reference);
    if (!cell.ok) return failedWith(cell.refusal);
    cells.push(cell.value);
  }
  cells.sort((a, b) => (a.slot.start < b.slot.start ? -1 : 1));
  const [first] = cells;
  const last = cells.at(-1);
  if (!first || !last) return failed('bad_range', 'Choose the hours to book first.');
  const rooms = [...new Set(cells.map((cell) => cell.room.name))];
  if (rooms.length > 1) {
    return failed('bad_range', `Choose hours in one room at a time, not in ${rooms.join(' and ')}.`);
  }
  const chosen = new Set(cells.map((cell) => cell.slot.id));
  const missing = state.slots.find(
    (slot) =>
      slot.window === first.slot.window &&
      slot.start > first.slot.start &&
      slot.start < last.slot.start &&
      !chosen.has(slot.id),
  );
  if (missing) {
    return failed(
      'bad_range',
      `The chosen hours do not follow one another: ${cellReference(first.room, missing)} is left out.`,
    );
  }
  return passed({ room: first.room.slug, from: first.slot.code, to: last.slot.code });
}
