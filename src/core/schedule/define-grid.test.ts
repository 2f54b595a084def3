import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator, organizer } from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { defineGrid, type GridInput } from './define-grid.ts';

const state = buildEventState();
const window = 'Americas / Europe';
const grid: GridInput = {
  slots: [
    { code: 'MonA1', start: '2022-10-17T09:00:00Z', end: '2022-10-17T10:45:00Z', window },
    { code: 'MonA2', start: '2022-10-17T10:45:00Z', end: '2022-10-17T12:30:00Z', window },
    { code: 'MonP1', start: '2022-10-17T13:30:00Z', end: '2022-10-17T15:15:00Z', window },
  ],
  closed: [{ room: 'Ballroom A', slot: 'monp1' }],
};

describe('defineGrid', () => {
  it('replaces the grid with the given slots, codes kept as written, and closes the given cells', () => {
    const decision = defineGrid(state, grid, ctxOf(organizer));
    expect(decision).toMatchObject({ ok: true, reply: 'Laid out 3 slots with 1 closed cells.' });
    const after = applied(state, decision);
    expect(after.slots.map((slot) => [slot.code, slot.start, slot.end])).toEqual([
      ['MonA1', '2022-10-17T09:00:00Z', '2022-10-17T10:45:00Z'],
      ['MonA2', '2022-10-17T10:45:00Z', '2022-10-17T12:30:00Z'],
      ['MonP1', '2022-10-17T13:30:00Z', '2022-10-17T15:15:00Z'],
    ]);
    expect(after.unavailable).toEqual([{ roomId: after.rooms[2]?.id, slotId: after.slots[2]?.id }]);
  });

  it('refuses overlapping slots, repeated codes, codes people could not type, and unknown windows (invalid_input)', () => {
    const [a, b] = grid.slots as [GridInput['slots'][0], GridInput['slots'][0]];
    const cases: [GridInput['slots'], string][] = [
      [[a, { ...b, start: '2022-10-17T10:00:00Z' }], 'Slot MonA2 starts before the slot ahead of it ends.'],
      [[a, { ...b, code: 'mona1' }], 'The slot code mona1 is used twice.'],
      [[{ ...a, code: 'Mon-A1' }], '"Mon-A1" cannot be a slot code: use up to 20 letters, digits or _.'],
      [[{ ...a, window: 'Lunch' }], 'Slot MonA1 belongs to "Lunch", which is not a window of the event.'],
      [[{ ...a, end: a.start }], 'Slot MonA1 needs a UTC start before its end.'],
    ];
    for (const [slots, message] of cases) {
      expect(defineGrid(state, { slots, closed: [] }, ctxOf(organizer))).toEqual({
        ok: false,
        refusal: { code: 'invalid_input', message },
      });
    }
  });

  it('refuses anyone but organisers, and an event that already has bookings', () => {
    expect(defineGrid(state, grid, ctxOf(novaModerator))).toMatchObject({ refusal: { code: 'forbidden' } });
    const booked = applied(
      state,
      bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(organizer)),
    );
    expect(defineGrid(booked, grid, ctxOf(organizer))).toMatchObject({ refusal: { code: 'invalid_input' } });
  });

  it('closes a cell named twice once, and refuses more closed cells than the grid has (invalid_input)', () => {
    const twice = defineGrid(
      state,
      { ...grid, closed: [...grid.closed, { room: 'ballroom a', slot: 'MONP1' }] },
      ctxOf(organizer),
    );
    expect(applied(state, twice).unavailable).toHaveLength(1);
    const tooMany = Array.from({ length: 10 }, () => ({ room: 'bexar', slot: 'MonA1' }));
    expect(defineGrid(state, { ...grid, closed: tooMany }, ctxOf(organizer))).toEqual({
      ok: false,
      refusal: { code: 'invalid_input', message: 'More cells are closed than the grid has.' },
    });
  });
});
