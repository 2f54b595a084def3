import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { type Instant, parseInstant } from '../model/instant.ts';
import { findRoom } from '../model/lookup.ts';
import type { Slot, Unavailability } from '../model/slot.ts';
import { checkOrganizer } from '../permissions.ts';

export interface GridInput {
  /** in time order, not overlapping */
  readonly slots: readonly { code: string; start: Instant; end: Instant; window: string }[];
  /** cells that cannot be booked: a room (id, slug or name) and a slot code */
  readonly closed: readonly { room: string; slot: string }[];
}

const maxSlots = 2000;

/**
 * Organisers lay the grid out slot by slot instead of cutting windows into equal slots (a grid
 * imported from ptgbot, with its lunch breaks and uneven slots). Codes are letters, digits and
 * underscores (so `<room>-<code>` stays readable), unique in any case; slots follow one another
 * without overlapping and belong to the event's windows. Only an event without bookings is re-laid.
 * Refuses with `unauthenticated`, `forbidden`, `unknown_room` or `invalid_input`.
 */
export function defineGrid(state: EventState, input: GridInput, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  if (state.bookings.length > 0)
    return refuse('invalid_input', 'The grid can only be laid out again before anything is booked.');
  if (input.slots.length === 0 || input.slots.length > maxSlots)
    return refuse('invalid_input', `A grid has between 1 and ${maxSlots} slots.`);
  const windows = new Set(state.event.windows.map((window) => window.name));
  const byCode = new Map<string, Slot>();
  let previousEnd: Instant | null = null;
  const slots: Slot[] = [];
  for (const slot of input.slots) {
    const code = slot.code.trim();
    if (!/^[A-Za-z0-9_]{1,20}$/.test(code))
      return refuse(
        'invalid_input',
        `"${code.slice(0, 30)}" cannot be a slot code: use up to 20 letters, digits or _.`,
      );
    if (byCode.has(code.toLowerCase()))
      return refuse('invalid_input', `The slot code ${code} is used twice.`);
    if (
      parseInstant(slot.start) !== slot.start ||
      parseInstant(slot.end) !== slot.end ||
      slot.end <= slot.start
    )
      return refuse('invalid_input', `Slot ${code} needs a UTC start before its end.`);
    if (previousEnd !== null && slot.start < previousEnd)
      return refuse('invalid_input', `Slot ${code} starts before the slot ahead of it ends.`);
    if (!windows.has(slot.window))
      return refuse(
        'invalid_input',
        `Slot ${code} belongs to "${slot.window.slice(0, 80)}", which is not a window of the event.`,
      );
    previousEnd = slot.end;
    const made = { id: ctx.newId(), code, start: slot.start, end: slot.end, window: slot.window };
    slots.push(made);
    byCode.set(code.toLowerCase(), made);
  }
  if (input.closed.length > slots.length * state.rooms.length)
    return refuse('invalid_input', 'More cells are closed than the grid has.');
  // A cell named twice is closed once.
  const closed = new Map<string, Unavailability>();
  for (const cell of input.closed) {
    const room = findRoom(state, cell.room);
    if (!room) return refuse('unknown_room', `There is no room "${cell.room.slice(0, 60)}".`);
    const slot = byCode.get(cell.slot.trim().toLowerCase());
    if (!slot)
      return refuse('invalid_input', `There is no slot "${cell.slot.slice(0, 20)}" in the new grid.`);
    closed.set(`${room.id} ${slot.id}`, { roomId: room.id, slotId: slot.id });
  }
  const unavailable = [...closed.values()];
  return accept(
    [{ type: 'grid.saved', slots, unavailable }],
    `Laid out ${slots.length} slots with ${unavailable.length} closed cells.`,
  );
}
