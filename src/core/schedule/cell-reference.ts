import { type Checked, failed, passed } from '../checked.ts';
import type { EventState } from '../model/event-state.ts';
import { findRoom, findSlot } from '../model/lookup.ts';
import type { Room } from '../model/room.ts';
import type { Slot } from '../model/slot.ts';

/** The reference people type to book a cell: `<room slug>-<slot code>`, e.g. `bexar-tue15`. */
export function cellReference(room: Room, slot: Slot): string {
  return `${room.slug}-${slot.code}`;
}

/**
 * Reads a cell reference: `bexar-tue15`, or the room's name with spaces and any case followed by the
 * slot code after a hyphen or a space (`Ballroom A-MonA1`, `ballroom a mona1`). Slot codes never
 * contain hyphens or spaces, so the last separator splits the room from the slot.
 * Refuses with `unknown_room` or `unknown_slot`.
 */
export function parseCellReference(state: EventState, text: string): Checked<{ room: Room; slot: Slot }> {
  const trimmed = text.trim();
  const cut = Math.max(trimmed.lastIndexOf('-'), trimmed.lastIndexOf(' '));
  if (cut <= 0 || cut === trimmed.length - 1) {
    return failed(
      'unknown_slot',
      `"${trimmed.slice(0, 60)}" is not a cell: write the room then the slot, like ${example(state)}.`,
    );
  }
  const room = findRoom(state, trimmed.slice(0, cut));
  if (!room)
    return failed('unknown_room', `There is no room "${trimmed.slice(0, cut).slice(0, 60)}" in this event.`);
  const slot = findSlot(state, trimmed.slice(cut + 1));
  if (!slot)
    return failed('unknown_slot', `There is no slot "${trimmed.slice(cut + 1).slice(0, 20)}" in this event.`);
  return passed({ room, slot });
}

function example(state: EventState): string {
  const [room] = state.rooms;
  const [slot] = state.slots;
  return room && slot ? cellReference(room, slot) : 'room-slot';
}
