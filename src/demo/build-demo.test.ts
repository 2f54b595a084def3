import { describe, expect, it } from 'vitest';
import { boardView } from '../core/board/board-view.ts';
import { bookedMinutes } from '../core/booking/booked-minutes.ts';
import { blankEventState, type EventState } from '../core/model/event-state.ts';
import { applyChange } from '../core/projections/apply-change.ts';
import { duplicatesOf } from '../core/teams/likely-duplicates.ts';
import { buildDemo } from './build-demo.ts';

function demoState(now: string): EventState {
  const { event, changes } = buildDemo(now);
  return changes.reduce(applyChange, blankEventState(event));
}

describe('the demo event', () => {
  const now = '2022-10-18T14:20:00Z';
  const state = demoState(now);

  it('has 15 rooms and five days of hourly slots in three windows', () => {
    expect(state.rooms.map((room) => room.slug)).toHaveLength(15);
    expect(state.rooms[1]).toMatchObject({ slug: 'bexar', url: 'https://openinfra.dev/ptg/rooms/bexar' });
    expect(state.slots).toHaveLength(5 * 8);
    expect(new Set(state.slots.map((slot) => slot.window))).toEqual(
      new Set(['APAC / Europe', 'Americas / Europe', 'APAC / Americas']),
    );
  });

  it('lists the published sign-ups with the slugs people type, flagging the duplicate Helm request', () => {
    const slugs = state.teams.map((team) => team.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'nova',
        'tc',
        'relmgt',
        'sdk',
        'openstack-helm',
        'openstack-helm-2',
        'd-i-wg',
        'scientific-sig',
        'venus',
      ]),
    );
    const helm2 = state.teams.find((team) => team.slug === 'openstack-helm-2')!;
    expect(helm2.status).toBe('requested');
    expect(duplicatesOf(state.teams, helm2)[0]?.slug).toBe('openstack-helm');
    expect(state.teams.filter((team) => team.status === 'approved').length).toBeGreaterThanOrEqual(44);
  });

  it('books Nova’s published plan in bexar', () => {
    const bexar = state.rooms.find((room) => room.slug === 'bexar')!;
    const nova = state.teams.find((team) => team.slug === 'nova')!;
    const slots = new Map(state.slots.map((slot) => [slot.id, slot]));
    const hours = state.bookings
      .filter((booking) => booking.teamId === nova.id)
      .map(
        (booking) => `${booking.roomId === bexar.id ? 'bexar' : 'other'} ${slots.get(booking.slotId)?.code}`,
      )
      .sort();
    expect(hours).toEqual(
      [
        'bexar fri13',
        'bexar fri14',
        'bexar fri15',
        'bexar fri16',
        'bexar mon14',
        'bexar thu13',
        'bexar thu14',
        'bexar thu15',
        'bexar thu16',
        'bexar tue15',
        'bexar tue16',
        'bexar wed13',
        'bexar wed14',
        'bexar wed15',
      ].sort(),
    );
  });

  it('fills the week within every rule: caps, one room per team and slot, one team per cell', () => {
    expect(state.bookings.length).toBeGreaterThan(150);
    const cells = new Set(state.bookings.map((booking) => `${booking.roomId}/${booking.slotId}`));
    const teamSlots = new Set(state.bookings.map((booking) => `${booking.teamId}/${booking.slotId}`));
    expect(cells.size).toBe(state.bookings.length);
    expect(teamSlots.size).toBe(state.bookings.length);
    for (const team of state.teams) {
      const used = bookedMinutes(state, team.id);
      expect(used.total).toBeLessThanOrEqual(960);
      for (const minutes of used.byDay.values()) expect(minutes).toBeLessThanOrEqual(240);
    }
  });

  it('is the same on every run, ids and order included, and has topics on the board at the demo’s "now"', () => {
    expect(JSON.stringify(buildDemo(now))).toBe(JSON.stringify(buildDemo(now)));
    const board = boardView(state, now);
    expect(board.currentSlot?.code).toBe('tue14');
    expect(board.now.length).toBeGreaterThan(5);
    expect(board.now.find((entry) => entry.team.slug === 'operator-hour-nova')?.topic.text).toBe(
      'Operator hour',
    );
    expect(board.motd).toHaveLength(1);
  });
});
