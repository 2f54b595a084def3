import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import type { EventState } from '../model/event-state.ts';
import type { Team } from '../model/team.ts';
import { bookSlot } from './book-slot.ts';
import { type CellVerdict, cellVerdicts } from './cell-verdicts.ts';

let state = buildEventState();
for (const slot of ['mon13', 'mon14', 'mon15'])
  state = applied(state, bookSlot(state, { team: 'nova', room: 'bexar', slot }, ctxOf(novaModerator)));
state = applied(
  state,
  bookSlot(state, { team: 'cinder', room: 'austin', slot: 'mon16' }, ctxOf(cinderModerator)),
);
const nova = state.teams.find((team) => team.slug === 'nova') as Team;

function verdictAt(
  rows: ReturnType<typeof cellVerdicts>,
  code: string,
  room: string,
): CellVerdict | undefined {
  return rows.find((row) => row.slot.code === code)?.cells.find((cell) => cell.room.slug === room)?.verdict;
}

describe('cellVerdicts', () => {
  it('gives one row per slot and one cell per room, in the grid’s order', () => {
    const rows = cellVerdicts(state, nova, ctxOf(novaModerator));
    expect(rows.map((row) => row.slot.code)).toEqual(state.slots.map((slot) => slot.code));
    expect(rows[0]?.cells.map((cell) => cell.room.slug)).toEqual(['bexar', 'austin', 'ballroom-a']);
  });

  it('marks the team’s own cells, free cells, and refused cells with the refusal booking would give', () => {
    const rows = cellVerdicts(state, nova, ctxOf(novaModerator));
    expect(verdictAt(rows, 'mon13', 'bexar')).toMatchObject({ kind: 'own' });
    expect(verdictAt(rows, 'tue13', 'austin')).toEqual({ kind: 'free' });
    expect(verdictAt(rows, 'mon13', 'austin')).toMatchObject({
      kind: 'refused',
      refusal: { code: 'team_busy' },
      overridable: false,
    });
    expect(verdictAt(rows, 'mon16', 'austin')).toMatchObject({
      kind: 'refused',
      refusal: { code: 'slot_taken' },
    });
    expect(verdictAt(rows, 'mon16', 'bexar')).toEqual({
      kind: 'refused',
      refusal: {
        code: 'daily_cap',
        message: 'nova already has 3 h on Mon 17 Oct (UTC); the daily limit is 3 h.',
      },
      overridable: false,
    });
  });

  it('marks cells refused only by caps, phases or the past as overridable for organisers', () => {
    const rows = cellVerdicts(state, nova, ctxOf(organizer));
    expect(verdictAt(rows, 'mon16', 'bexar')).toMatchObject({ kind: 'refused', overridable: true });
    expect(verdictAt(rows, 'mon16', 'austin')).toMatchObject({ kind: 'refused', overridable: false });
  });

  it('never uses up ids, since nothing is booked', () => {
    let used = 0;
    const ctx = { ...ctxOf(novaModerator), newId: () => `spent-${++used}` };
    cellVerdicts(state as EventState, nova, ctx);
    expect(used).toBe(0);
  });
});
