import { describe, expect, it } from 'vitest';
import type { Registration } from '../model/registration.ts';
import { registrationFigures } from './registration-figures.ts';

const registration = (
  userId: string,
  role: Registration['role'],
  country: string | null,
  cocVersion = '2',
): Registration => ({
  eventId: 'event',
  userId,
  role,
  affiliation: '',
  country,
  cocVersion,
  cocAcceptedAt: '2022-10-01T00:00:00Z',
  registeredAt: '2022-10-01T00:00:00Z',
  updatedAt: '2022-10-01T00:00:00Z',
});

describe('registrationFigures', () => {
  it('counts registrations by role (every role) and by country (most first), and those under the current Code of Conduct', () => {
    const figures = registrationFigures(
      [
        registration('a', 'contributor', 'DE'),
        registration('b', 'contributor', 'FR'),
        registration('c', 'operator', 'FR', '1'),
        registration('d', 'other', null),
      ],
      '2',
    );
    expect(figures).toEqual({
      total: 4,
      currentCoc: 3,
      byRole: [
        { role: 'contributor', count: 2 },
        { role: 'operator', count: 1 },
        { role: 'team-lead', count: 0 },
        { role: 'other', count: 1 },
      ],
      byCountry: [
        { country: 'FR', count: 2 },
        { country: 'DE', count: 1 },
        { country: null, count: 1 },
      ],
      overTime: [{ day: '2022-10-01', total: 4, byRole: [2, 1, 0, 1], byCountry: [2, 1, 1] }],
    });
  });

  it('adds up registrations day by day (UTC), by role and by country, so far on each day', () => {
    const on = (day: string, entry: Registration): Registration => ({
      ...entry,
      registeredAt: `${day}T23:30:00Z`,
    });
    const figures = registrationFigures(
      [
        on('2022-10-03', registration('a', 'contributor', 'DE')),
        on('2022-10-01', registration('b', 'operator', 'FR')),
        on('2022-10-03', registration('c', 'operator', 'FR')),
      ],
      '2',
    );
    expect(figures.overTime).toEqual([
      { day: '2022-10-01', total: 1, byRole: [0, 1, 0, 0], byCountry: [1, 0] },
      { day: '2022-10-03', total: 3, byRole: [1, 2, 0, 0], byCountry: [2, 1] },
    ]);
  });
});
