import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../test/support/builders.ts';
import type { Team } from '../model/team.ts';
import { officialList, officialListChangedAt } from './official-list.ts';

const state = buildEventState();
const nova = state.teams.find((team) => team.slug === 'nova') as Team;
const saved = (team: Team) => ({ type: 'team.saved' as const, team });

describe('officialList', () => {
  it('is the approved teams by name', () => {
    expect(officialList(state).map((team) => team.name)).toEqual([
      'Cinder',
      'Nova/Placement',
      'Technical Committee',
    ]);
  });
});

describe('officialListChangedAt', () => {
  it('is the last time a team joined, left, or changed its listed name or kind', () => {
    const revisions = [
      { at: '2022-09-01T00:00:00Z', changes: [saved(nova)] },
      { at: '2022-09-02T00:00:00Z', changes: [saved({ ...nova, colour: '#000000' })] },
      { at: '2022-09-03T00:00:00Z', changes: [saved({ ...nova, name: 'Nova' })] },
      { at: '2022-09-04T00:00:00Z', changes: [saved({ ...nova, id: 'other', status: 'requested' })] },
    ];
    expect(officialListChangedAt(revisions)).toBe('2022-09-03T00:00:00Z');
    expect(
      officialListChangedAt([
        ...revisions,
        { at: '2022-09-05T00:00:00Z', changes: [saved({ ...nova, status: 'withdrawn' })] },
      ]),
    ).toBe('2022-09-05T00:00:00Z');
  });

  it('is null while no team was ever approved', () => {
    expect(
      officialListChangedAt([
        { at: '2022-09-01T00:00:00Z', changes: [saved({ ...nova, status: 'requested' })] },
      ]),
    ).toBe(null);
  });
});
