import { describe, expect, it } from 'vitest';
import { checkDraft } from './check-draft.ts';
import { describeDraft } from './describe-draft.ts';
import type { DraftInstance } from './draft-instance.ts';

const instance: DraftInstance = {
  version: 1,
  slots: [
    { id: 'mon13', day: '2022-10-17', window: 'Americas / Europe', start: '2022-10-17T13:00:00Z' },
    { id: 'mon14', day: '2022-10-17', window: 'Americas / Europe', start: '2022-10-17T14:00:00Z' },
    { id: 'mon21', day: '2022-10-17', window: 'APAC / Americas', start: '2022-10-17T21:00:00Z' },
    { id: 'tue13', day: '2022-10-18', window: 'Americas / Europe', start: '2022-10-18T13:00:00Z' },
  ],
  rooms: [{ id: 'kilo' }, { id: 'bexar' }],
  unavailable: [{ room: 'kilo', slot: 'tue13' }],
  caps: { per_day: 2, total: 3 },
  teams: [
    {
      id: 'nova',
      hours: 3,
      windows: ['Americas / Europe'],
      avoid: ['neutron'],
      fixed: [{ room: 'kilo', slot: 'mon13' }],
    },
    { id: 'neutron', hours: 2, windows: [], avoid: [], fixed: [] },
    { id: 'kolla', hours: 12, windows: [], avoid: [], fixed: [] },
  ],
  people: [{ teams: ['nova', 'neutron'] }, { teams: ['nova', 'neutron', 'kolla'] }, { teams: ['kolla'] }],
};

describe('checkDraft', () => {
  it('recomputes every term: unmet hours, clash weights with avoidances, runs and room changes', () => {
    const check = checkDraft(instance, [
      { team: 'nova', room: 'kilo', slot: 'mon13' },
      { team: 'nova', room: 'bexar', slot: 'mon14' },
      { team: 'neutron', room: 'kilo', slot: 'mon14' },
      { team: 'kolla', room: 'bexar', slot: 'mon13' },
      { team: 'kolla', room: 'kilo', slot: 'mon21' },
    ]);
    expect(check.broken).toEqual([]);
    // nova 1 short of 3, neutron 1 short of 2, kolla 1 short of min(3, 12)
    // mon13: nova+kolla = 1 person; mon14: nova+neutron = 2 people + 50 for the avoidance
    // runs: nova 1 (mon13–14), neutron 1, kolla 2 (mon21 does not follow mon14); nova changes room once
    expect(check.cost).toEqual({
      total: 3000 + 53 + 40 + 5,
      unmet_hours: 3,
      clash: 53,
      runs: 4,
      room_changes: 1,
    });
  });

  it('names every hard rule a draft breaks', () => {
    const check = checkDraft(instance, [
      { team: 'neutron', room: 'kilo', slot: 'mon13' },
      { team: 'nova', room: 'kilo', slot: 'tue13' },
      { team: 'nova', room: 'bexar', slot: 'mon21' },
      { team: 'kolla', room: 'kilo', slot: 'mon14' },
      { team: 'kolla', room: 'bexar', slot: 'mon14' },
      { team: 'kolla', room: 'bexar', slot: 'mon13' },
      { team: 'kolla', room: 'kilo', slot: 'mon21' },
      { team: 'cinder', room: 'bexar', slot: 'tue13' },
    ]);
    expect(check.broken).toEqual([
      'kilo tue13: the room is unavailable in that slot',
      "nova mon21: outside the team's windows",
      'kolla mon14: the team is in two rooms at once',
      'cinder bexar tue13: unknown team, room or slot',
      'nova kilo mon13: a fixed booking is missing',
      'kolla 2022-10-17: 3 hours, above caps.per_day',
    ]);
  });

  it('tells the cost in words: hours short, and who misses what when teams overlap', () => {
    const bookings = [
      { team: 'nova', room: 'kilo', slot: 'mon13' },
      { team: 'neutron', room: 'bexar', slot: 'mon13' },
      { team: 'kolla', room: 'bexar', slot: 'mon14' },
    ];
    const names: Record<string, string> = { nova: 'Nova', neutron: 'Neutron', kolla: 'Kolla' };
    const words = describeDraft(
      instance,
      bookings,
      checkDraft(instance, bookings).cost,
      (id) => names[id] ?? id,
    );
    expect(words.unmet).toEqual([
      'Kolla gets 1 of 3 hours asked.',
      'Nova gets 1 of 3 hours asked.',
      'Neutron gets 1 of 2 hours asked.',
    ]);
    expect(words.clashes).toEqual([
      '2 people who follow both Neutron and Nova will miss one hour of one of them; Neutron and Nova asked not to meet at the same time and overlap for one hour.',
    ]);
    expect(words.summary).toBe(
      'Cost 5082: 5 hours asked for and not booked, clashes weighing 52, 3 blocks of meetings, 0 room changes within a block.',
    );
  });
});
