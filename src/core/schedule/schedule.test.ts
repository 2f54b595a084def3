import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, organizer, sequentialIds } from '../../../test/support/builders.ts';
import { saveRoom } from '../event/rooms.ts';
import { buildGrid, daysOf } from './build-grid.ts';
import { cellReference, parseCellReference } from './cell-reference.ts';

describe('buildGrid', () => {
  it('cuts each window of each day into slots with typeable codes, in time order', () => {
    const slots = buildGrid(
      {
        startsOn: '2022-10-17',
        endsOn: '2022-10-18',
        slotMinutes: 60,
        windows: [
          { name: 'Late', start: '21:00', end: '23:00' },
          { name: 'Early', start: '06:00', end: '08:00' },
        ],
      },
      sequentialIds(),
    );
    expect(slots.map((slot) => `${slot.code} ${slot.start} ${slot.window}`)).toEqual([
      'mon06 2022-10-17T06:00:00Z Early',
      'mon07 2022-10-17T07:00:00Z Early',
      'mon21 2022-10-17T21:00:00Z Late',
      'mon22 2022-10-17T22:00:00Z Late',
      'tue06 2022-10-18T06:00:00Z Early',
      'tue07 2022-10-18T07:00:00Z Early',
      'tue21 2022-10-18T21:00:00Z Late',
      'tue22 2022-10-18T22:00:00Z Late',
    ]);
  });

  it('handles windows past midnight, half-hour slots, leftovers and events longer than a week', () => {
    const night = buildGrid(
      {
        startsOn: '2022-10-17',
        endsOn: '2022-10-17',
        slotMinutes: 90,
        windows: [{ name: 'Night', start: '22:30', end: '02:00' }],
      },
      sequentialIds(),
    );
    expect(night.map((slot) => [slot.code, slot.start, slot.end])).toEqual([
      ['mon2230', '2022-10-17T22:30:00Z', '2022-10-18T00:00:00Z'],
      ['tue00', '2022-10-18T00:00:00Z', '2022-10-18T01:30:00Z'],
    ]);
    const long = buildGrid(
      {
        startsOn: '2022-10-17',
        endsOn: '2022-10-25',
        slotMinutes: 60,
        windows: [{ name: 'W', start: '13:00', end: '14:00' }],
      },
      sequentialIds(),
    );
    expect(long.map((slot) => slot.code).slice(0, 2)).toEqual(['oct17mon13', 'oct18tue13']);
    expect(new Set(long.map((slot) => slot.code)).size).toBe(long.length);
    expect(daysOf('2022-10-30', '2022-11-01')).toEqual(['2022-10-30', '2022-10-31', '2022-11-01']);
  });
});

describe('cell references', () => {
  let state = buildEventState();
  state = applied(state, saveRoom(state, { name: 'Ballroom B-2' }, ctxOf(organizer)));

  it('reads `<room slug>-<slot code>` and room names with spaces, in any case', () => {
    for (const text of [
      'bexar-mon13',
      'BEXAR-Mon13',
      'Ballroom A-mon13',
      'ballroom a mon13',
      'ballroom-a-mon13',
      'Ballroom B-2-mon13',
    ]) {
      const parsed = parseCellReference(state, text);
      expect(parsed.ok, text).toBe(true);
    }
    const parsed = parseCellReference(state, 'Ballroom A-mon13');
    expect(parsed.ok && cellReference(parsed.value.room, parsed.value.slot)).toBe('ballroom-a-mon13');
  });

  it('explains what is wrong with a reference', () => {
    expect(parseCellReference(state, 'bexar')).toMatchObject({
      refusal: {
        code: 'unknown_slot',
        message: '"bexar" is not a cell: write the room then the slot, like bexar-mon13.',
      },
    });
    expect(parseCellReference(state, 'kilo-mon13')).toMatchObject({ refusal: { code: 'unknown_room' } });
    expect(parseCellReference(state, 'bexar-sun13')).toMatchObject({ refusal: { code: 'unknown_slot' } });
  });
});
