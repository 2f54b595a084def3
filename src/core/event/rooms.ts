import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findRoom, findSlot, isUnavailable } from '../model/lookup.ts';
import type { Room } from '../model/room.ts';
import { checkOrganizer } from '../permissions.ts';
import { checkName } from '../text/check-name.ts';
import { count } from '../text/count.ts';
import { checkHttpUrl } from '../text/http-url.ts';
import { checkLine, checkText } from '../text/plain-text.ts';
import { isValidSlug, slugify } from '../text/slugify.ts';

export interface RoomInput {
  /** an existing room's id or slug to edit it; absent to add a room */
  readonly room?: string;
  readonly name: string;
  readonly slug?: string;
  readonly url?: string | null;
  readonly description?: string;
  readonly capacity?: number | null;
  readonly features?: readonly string[];
}

/**
 * Organisers add or edit a room. Names are any text (spaces allowed); the slug is what people type.
 * Refuses with `unauthenticated`, `forbidden`, `unknown_room`, `room_exists`, `invalid_input` or `invalid_url`.
 */
export function saveRoom(state: EventState, input: RoomInput, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const existing = input.room === undefined ? undefined : findRoom(state, input.room);
  if (input.room !== undefined && !existing)
    return refuse('unknown_room', `There is no room "${input.room}".`);
  const name = checkName(input.name, 'room name', 80);
  if (!name.ok) return refused(name.refusal);
  const slug = (input.slug ?? existing?.slug ?? slugify(name.value)).toLowerCase();
  if (!isValidSlug(slug))
    return refuse('invalid_input', `"${slug.slice(0, 50)}" cannot be a room's short name.`);
  const clash = state.rooms.find((room) => room.slug === slug && room.id !== existing?.id);
  if (clash) return refuse('room_exists', `There is already a room "${slug}" (${clash.name}).`);
  const url = input.url ? checkHttpUrl(input.url) : null;
  if (url && !url.ok) return refused(url.refusal);
  const description = checkText(input.description ?? existing?.description ?? '', 'room description', 2000);
  if (!description.ok) return refused(description.refusal);
  const capacity = input.capacity === undefined ? (existing?.capacity ?? null) : input.capacity;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000)) {
    return refuse('invalid_input', 'A room holds a whole number of people, at least one.');
  }
  const features = (input.features ?? existing?.features ?? []).map((feature) =>
    checkLine(feature, 'feature', 80),
  );
  const badFeature = features.find((feature) => !feature.ok);
  if (badFeature && !badFeature.ok) return refused(badFeature.refusal);
  const room: Room = {
    id: existing?.id ?? ctx.newId(),
    slug,
    name: name.value,
    url: input.url === undefined ? (existing?.url ?? null) : url?.ok ? url.value : null,
    description: description.value,
    capacity,
    features: features.flatMap((feature) => (feature.ok ? [feature.value] : [])),
    position: existing?.position ?? state.rooms.length,
  };
  return accept(
    [{ type: 'room.saved', room }],
    `${existing ? 'Saved' : 'Added'} room ${room.name} (${room.slug}).`,
  );
}

/** Organisers remove a room that has no bookings. Refuses with `unknown_room` or `invalid_input`. */
export function removeRoom(state: EventState, input: { room: string }, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const room = findRoom(state, input.room);
  if (!room) return refuse('unknown_room', `There is no room "${input.room}".`);
  const booked = state.bookings.filter((booking) => booking.roomId === room.id).length;
  if (booked > 0)
    return refuse('invalid_input', `${room.name} has ${count(booked, 'booking')}; release them first.`);
  return accept([{ type: 'room.removed', roomId: room.id }], `Removed room ${room.name}.`);
}

/**
 * Organisers open or close one room in one slot. A booked cell cannot be closed.
 * Refuses with `unknown_room`, `unknown_slot` or `slot_taken`.
 */
export function setAvailability(
  state: EventState,
  input: { room: string; slot: string; available: boolean },
  ctx: Ctx,
): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const room = findRoom(state, input.room);
  if (!room) return refuse('unknown_room', `There is no room "${input.room}".`);
  const slot = findSlot(state, input.slot);
  if (!slot) return refuse('unknown_slot', `There is no slot "${input.slot}".`);
  if (!input.available && state.bookings.some((b) => b.roomId === room.id && b.slotId === slot.id)) {
    return refuse('slot_taken', `${room.name} is booked in ${slot.code}; release it first.`);
  }
  const said = `${room.name} is ${input.available ? 'open' : 'closed'} in ${slot.code}.`;
  if (isUnavailable(state, room.id, slot.id) !== input.available) return accept([], said);
  return accept(
    [{ type: 'cell.availability-set', roomId: room.id, slotId: slot.id, available: input.available }],
    said,
  );
}
