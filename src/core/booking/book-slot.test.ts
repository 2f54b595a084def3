import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  beforeEvent,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  tcModerator,
} from '../../../test/support/builders.ts';
import { bookSlot } from './book-slot.ts';

const state = buildEventState();
const book = (input: Parameters<typeof bookSlot>[1], ctx = ctxOf(novaModerator)) =>
  bookSlot(state, input, ctx);

describe('bookSlot', () => {
  it('books a free cell for a moderator of the team, as self-booked, from the given source', () => {
    const decision = book(
      { team: 'nova', room: 'bexar', slot: 'mon13' },
      ctxOf(novaModerator, beforeEvent, 'irc'),
    );
    expect(decision).toMatchObject({
      ok: true,
      changes: [
        {
          type: 'booking.created',
          booking: { kind: 'self', createdBy: 'user-nova', source: 'irc', override: false },
        },
      ],
      reply: 'Booked bexar for nova on Mon 17 Oct 13:00–14:00 UTC.',
    });
  });

  it('marks a booking made by an organiser for a team as assigned', () => {
    const decision = book({ team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(organizer));
    expect(decision.ok && decision.changes[0]).toMatchObject({
      booking: { kind: 'assigned', createdBy: 'user-organizer' },
    });
  });

  it('accepts room names with spaces, any case, and slot codes in any case', () => {
    expect(book({ team: 'NOVA', room: 'ballroom a', slot: 'MON13' }).ok).toBe(true);
  });

  it('refuses a cell that is already booked (slot_taken)', () => {
    const taken = applied(
      state,
      bookSlot(state, { team: 'cinder', room: 'bexar', slot: 'mon13' }, ctxOf(cinderModerator)),
    );
    expect(bookSlot(taken, { team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'slot_taken',
        message: 'bexar is already booked by cinder on Mon 17 Oct 13:00–14:00 UTC.',
      },
    });
  });

  it('refuses a second room for the same team in one slot (team_busy)', () => {
    const busy = applied(state, book({ team: 'nova', room: 'bexar', slot: 'mon13' }));
    expect(bookSlot(busy, { team: 'nova', room: 'austin', slot: 'mon13' }, ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: { code: 'team_busy', message: 'nova already meets in bexar on Mon 17 Oct 13:00–14:00 UTC.' },
    });
  });

  it('refuses an hour past the daily cap of the UTC day (daily_cap)', () => {
    let current = state;
    for (const slot of ['mon13', 'mon14', 'mon15'])
      current = applied(
        current,
        bookSlot(current, { team: 'nova', room: 'bexar', slot }, ctxOf(novaModerator)),
      );
    expect(bookSlot(current, { team: 'nova', room: 'bexar', slot: 'mon16' }, ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'daily_cap',
        message: 'nova already has 3 h on Mon 17 Oct (UTC); the daily limit is 3 h.',
      },
    });
  });

  it('refuses an hour past the total cap of the event (total_cap)', () => {
    let current = state;
    for (const slot of ['mon13', 'mon14', 'mon15', 'tue13', 'tue14'])
      current = applied(
        current,
        bookSlot(current, { team: 'nova', room: 'bexar', slot }, ctxOf(novaModerator)),
      );
    expect(bookSlot(current, { team: 'nova', room: 'bexar', slot: 'tue15' }, ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'total_cap',
        message: 'nova already has 5 h booked for the event; the limit is 5 h in total.',
      },
    });
  });

  it('lets cross-project teams book before the others (not_open)', () => {
    const between = '2022-09-15T00:00:00Z';
    expect(
      bookSlot(state, { team: 'tc', room: 'bexar', slot: 'mon13' }, ctxOf(tcModerator, between)).ok,
    ).toBe(true);
    expect(
      bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(novaModerator, between)),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'not_open',
        message: 'Booking opens for teams that are not cross-project like nova on Mon 19 Sep at 00:00 UTC.',
      },
    });
  });

  it('refuses a slot that has started (in_past)', () => {
    expect(
      book({ team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(novaModerator, '2022-10-17T13:00:00Z')),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'in_past',
        message:
          'bexar mon13 started on Mon 17 Oct at 13:00 UTC; only slots that have not started can change.',
      },
    });
  });

  it('refuses a moderator of another team (forbidden) and anyone without an identity (unauthenticated)', () => {
    expect(book({ team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(cinderModerator))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(book({ team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(attendee))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(book({ team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(null))).toMatchObject({
      ok: false,
      refusal: { code: 'unauthenticated' },
    });
  });

  it('refuses unknown teams, rooms and slots, and closed cells (unknown_team, unknown_room, unknown_slot)', () => {
    expect(book({ team: 'glance', room: 'bexar', slot: 'mon13' })).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
    expect(book({ team: 'nova', room: 'kilo', slot: 'mon13' })).toMatchObject({
      refusal: { code: 'unknown_room' },
    });
    expect(book({ team: 'nova', room: 'bexar', slot: 'wed13' })).toMatchObject({
      refusal: { code: 'unknown_slot' },
    });
    const slot = state.slots[0]!;
    const closed = { ...state, unavailable: [{ roomId: state.rooms[0]!.id, slotId: slot.id }] };
    expect(
      bookSlot(closed, { team: 'nova', room: 'bexar', slot: slot.code }, ctxOf(novaModerator)),
    ).toMatchObject({
      refusal: { code: 'unknown_slot', message: 'bexar is not available in mon13.' },
    });
  });

  it('refuses teams that are not on the official list (team_not_approved)', () => {
    expect(book({ team: 'pending', room: 'bexar', slot: 'mon13' })).toMatchObject({
      refusal: { code: 'team_not_approved' },
    });
  });

  it('lets an organiser set caps, phases and the past aside, recording the override', () => {
    const decision = book(
      { team: 'nova', room: 'bexar', slot: 'mon13', override: true },
      ctxOf(organizer, '2022-10-17T13:30:00Z'),
    );
    expect(decision).toMatchObject({ ok: true, changes: [{ booking: { override: true } }] });
    expect(decision.ok && decision.reply).toContain('set aside: in_past');
  });

  it('keeps the organiser’s reason with a booking that sets rules aside, and only then', () => {
    const overridden = book(
      { team: 'nova', room: 'bexar', slot: 'mon13', override: true, reason: 'Board meeting' },
      ctxOf(organizer, '2022-10-17T13:30:00Z'),
    );
    expect(overridden).toMatchObject({
      ok: true,
      changes: [{ booking: { override: true, overrideReason: 'Board meeting' } }],
    });
    const ordinary = book(
      { team: 'nova', room: 'bexar', slot: 'mon13', override: true, reason: 'x' },
      ctxOf(organizer),
    );
    expect(ordinary.ok && ordinary.changes[0]).toMatchObject({ booking: { override: false } });
    expect(ordinary.ok && 'overrideReason' in (ordinary.changes[0] as { booking: object }).booking).toBe(
      false,
    );
  });

  it('never lets an override bypass a taken cell, and refuses overrides from moderators (forbidden)', () => {
    const taken = applied(
      state,
      bookSlot(state, { team: 'cinder', room: 'bexar', slot: 'mon13' }, ctxOf(cinderModerator)),
    );
    expect(
      bookSlot(taken, { team: 'nova', room: 'bexar', slot: 'mon13', override: true }, ctxOf(organizer)),
    ).toMatchObject({ refusal: { code: 'slot_taken' } });
    expect(book({ team: 'nova', room: 'bexar', slot: 'mon13', override: true })).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});
