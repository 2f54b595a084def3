import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import { bookSlot } from './book-slot.ts';
import { unbookSlot } from './unbook-slot.ts';

const base = buildEventState();
const state = applied(
  base,
  bookSlot(base, { team: 'nova', room: 'Ballroom A', slot: 'mon14' }, ctxOf(novaModerator)),
);
const booking = state.bookings[0]!;

describe('unbookSlot', () => {
  it('releases a booking by id for the team’s moderator', () => {
    expect(unbookSlot(state, { bookingId: booking.id }, ctxOf(novaModerator))).toEqual({
      ok: true,
      changes: [{ type: 'booking.cancelled', bookingId: booking.id, override: false }],
      reply: 'Released Ballroom A on Mon 17 Oct 14:00–15:00 UTC; it was booked by nova.',
    });
  });

  it('releases a booking named by its cell, checking the team when one is given', () => {
    expect(
      unbookSlot(state, { room: 'ballroom-a', slot: 'mon14', team: 'nova' }, ctxOf(novaModerator)).ok,
    ).toBe(true);
    expect(
      unbookSlot(state, { room: 'ballroom-a', slot: 'mon14', team: 'cinder' }, ctxOf(cinderModerator)),
    ).toEqual({
      ok: false,
      refusal: { code: 'unknown_booking', message: 'Ballroom A is not booked for cinder in mon14.' },
    });
  });

  it('refuses a moderator of another team (forbidden)', () => {
    expect(unbookSlot(state, { bookingId: booking.id }, ctxOf(cinderModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });

  it('keeps a started slot booked unless an organiser overrides (in_past)', () => {
    const during = ctxOf(novaModerator, '2022-10-17T14:05:00Z');
    expect(unbookSlot(state, { bookingId: booking.id }, during)).toMatchObject({
      refusal: { code: 'in_past' },
    });
    expect(unbookSlot(state, { bookingId: booking.id, override: true }, during)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(
      unbookSlot(state, { bookingId: booking.id, override: true }, ctxOf(organizer, '2022-10-17T14:05:00Z')),
    ).toMatchObject({
      ok: true,
      changes: [{ override: true }],
    });
  });

  it('keeps the reason an organiser gives for releasing a started slot, and none for an ordinary release', () => {
    const late = ctxOf(organizer, '2022-10-17T14:05:00Z');
    expect(
      unbookSlot(state, { bookingId: booking.id, override: true, reason: ' Room flooded ' }, late),
    ).toMatchObject({ ok: true, changes: [{ override: true, reason: 'Room flooded' }] });
    const early = unbookSlot(state, { bookingId: booking.id, reason: 'unused' }, ctxOf(organizer));
    expect(early.ok && early.changes[0]).toEqual({
      type: 'booking.cancelled',
      bookingId: booking.id,
      override: false,
    });
  });

  it('refuses unknown bookings, rooms and slots', () => {
    expect(unbookSlot(state, { bookingId: 'nope' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'unknown_booking' },
    });
    expect(unbookSlot(state, { room: 'kilo', slot: 'mon14' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'unknown_room' },
    });
    expect(unbookSlot(state, { room: 'bexar', slot: 'sun14' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'unknown_slot' },
    });
    expect(unbookSlot(state, { bookingId: booking.id }, ctxOf(null))).toMatchObject({
      refusal: { code: 'unauthenticated' },
    });
  });
});
