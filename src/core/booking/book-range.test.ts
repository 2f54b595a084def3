import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  smallEvent,
} from '../../../test/support/builders.ts';
import { bookRange, rangeOfCells } from './book-range.ts';
import { bookSlot } from './book-slot.ts';

const state = buildEventState();
const range = (from: string, to: string, room = 'bexar') => ({ team: 'nova', room, from, to });

describe('bookRange', () => {
  it('books every hour of a range in one decision, with one reply for the whole range', () => {
    const decision = bookRange(state, range('mon13', 'mon15'), ctxOf(novaModerator));
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.changes.map((change) => change.type)).toEqual([
      'booking.created',
      'booking.created',
      'booking.created',
    ]);
    expect(decision.reply).toBe('Booked bexar for nova on Mon 17 Oct 13:00–16:00 UTC.');
  });

  it('books nothing when one hour is refused, and lists every hour with its own verdict (range_refused)', () => {
    const taken = applied(
      state,
      bookSlot(state, { team: 'cinder', room: 'bexar', slot: 'mon14' }, ctxOf(cinderModerator)),
    );
    expect(bookRange(taken, range('mon13', 'mon15'), ctxOf(novaModerator))).toEqual({
      ok: false,
      refusal: {
        code: 'range_refused',
        message: 'Nothing was booked: 1 hour of 3 cannot be booked.',
        parts: [
          {
            item: 'bexar-mon13',
            ok: true,
            message: 'bexar-mon13 could be booked, but nothing was, because of the other hours.',
          },
          {
            item: 'bexar-mon14',
            ok: false,
            code: 'slot_taken',
            message: 'bexar is already booked by cinder on Mon 17 Oct 14:00–15:00 UTC.',
          },
          {
            item: 'bexar-mon15',
            ok: true,
            message: 'bexar-mon15 could be booked, but nothing was, because of the other hours.',
          },
        ],
      },
    });
  });

  it('counts the earlier hours of the range against the daily cap (3 h in the small event)', () => {
    const decision = bookRange(state, range('mon13', 'mon16'), ctxOf(novaModerator));
    expect(decision.ok ? null : decision.refusal.parts?.map((part) => part.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'ok',
      'daily_cap',
    ]);
  });

  it('lets an organiser set the cap aside for the whole range, recording the reason on each booking', () => {
    const decision = bookRange(
      state,
      { ...range('mon13', 'mon16'), override: true, reason: 'Keynote rehearsal' },
      ctxOf(organizer),
    );
    expect(decision.ok && decision.reply).toBe(
      'Booked bexar for nova on Mon 17 Oct 13:00–17:00 UTC (some limits set aside).',
    );
    const bookings = decision.ok
      ? decision.changes.flatMap((c) => (c.type === 'booking.created' ? [c.booking] : []))
      : [];
    expect(bookings.map((booking) => [booking.override, booking.overrideReason ?? null])).toEqual([
      [false, null],
      [false, null],
      [false, null],
      [true, 'Keynote rehearsal'],
    ]);
  });

  it('asks an organiser setting the rules aside to say why (invalid_input)', () => {
    expect(
      bookRange(state, { ...range('mon13', 'mon16'), override: true, reason: ' ' }, ctxOf(organizer)),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'invalid_input',
        message: 'Say why the rules are set aside: the reason is kept with the bookings.',
      },
    });
  });

  it('answers a one-hour range with the hour’s own refusal', () => {
    expect(bookRange(state, range('mon13', 'mon13'), ctxOf(cinderModerator))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });

  it('refuses a range that runs backwards, across days or across windows, and unknown cells (bad_range, unknown_*)', () => {
    const twoWindows = buildEventState({
      ...smallEvent,
      windows: [
        { name: 'Americas / Europe', start: '13:00', end: '15:00' },
        { name: 'Europe / Asia', start: '16:00', end: '18:00' },
      ],
    });
    const refusalOf = (input: ReturnType<typeof range>, on = state) => {
      const decision = bookRange(on, input, ctxOf(novaModerator));
      return decision.ok ? null : decision.refusal;
    };
    expect(refusalOf(range('mon15', 'mon13'))).toEqual({
      code: 'bad_range',
      message: 'mon13 comes before mon15; write the earlier slot first.',
    });
    expect(refusalOf(range('mon15', 'tue13'))?.code).toBe('bad_range');
    expect(refusalOf(range('mon14', 'mon16'), twoWindows)).toEqual({
      code: 'bad_range',
      message: 'mon14 and mon16 are not in the same window of one day; book each window on its own.',
    });
    expect(refusalOf(range('mon13', 'mon99'))).toEqual({
      code: 'unknown_slot',
      message: 'There is no slot "mon99" in this event.',
    });
    expect(refusalOf(range('mon13', 'mon14', 'kilo'))?.code).toBe('unknown_room');
  });

  it('refuses someone who does not moderate the team before reading the range (forbidden)', () => {
    expect(bookRange(state, range('mon13', 'mon99'), ctxOf(attendee))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
  });
});

describe('rangeOfCells', () => {
  it('reads chosen cells of one room, in any order, as the range from the first hour to the last', () => {
    expect(rangeOfCells(state, ['bexar-mon15', 'bexar-mon13', 'bexar-mon14', 'bexar-mon14'])).toEqual({
      ok: true,
      value: { room: 'bexar', from: 'mon13', to: 'mon15' },
    });
  });

  it('refuses no cells, cells in two rooms, a left-out hour and unknown cells', () => {
    const refusalOf = (references: string[]) => {
      const found = rangeOfCells(state, references);
      return found.ok ? null : found.refusal;
    };
    expect(refusalOf([])).toEqual({ code: 'bad_range', message: 'Choose the hours to book first.' });
    expect(refusalOf(['bexar-mon13', 'austin-mon14'])).toEqual({
      code: 'bad_range',
      message: 'Choose hours in one room at a time, not in bexar and austin.',
    });
    expect(refusalOf(['bexar-mon13', 'bexar-mon15'])).toEqual({
      code: 'bad_range',
      message: 'The chosen hours do not follow one another: bexar-mon14 is left out.',
    });
    expect(refusalOf(['bexar-mon13', 'kilo-mon14'])?.code).toBe('unknown_room');
    expect(refusalOf(['bexar-mon99'])?.code).toBe('unknown_slot');
  });
});
