import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../model/event.ts';
import { compareEditions, earlierEditions } from './compare-editions.ts';

describe('comparing an edition with the one before', () => {
  it('says how many more or fewer, or as many, and compares registrations only when both have them', () => {
    expect(
      compareEditions(
        { teams: 43, sessions: 120, hours: 250.5, registrations: null },
        { teams: 45, sessions: 110, hours: 250.5, registrations: 900 },
        'April 2022',
      ),
    ).toEqual([
      '43 teams met, 2 fewer than at April 2022.',
      '120 sessions, 10 more than at April 2022.',
      '250.5 hours booked, as many as at April 2022.',
    ]);
    expect(
      compareEditions(
        { teams: 1, sessions: 1, hours: 1, registrations: 1 },
        { teams: 1, sessions: 1, hours: 1, registrations: 3 },
        'April',
      ).at(-1),
    ).toBe('1 registration, 2 fewer than at April.');
  });

  it('lists the public events that began earlier, latest first, leaving out drafts and later ones', () => {
    const event = (id: string, startsOn: string, status: EventInfo['status'] = 'published') =>
      ({ id, startsOn, status }) as EventInfo;
    const now = event('now', '2023-03-27');
    const found = earlierEditions(now, [
      event('older', '2022-04-04'),
      now,
      event('draft', '2022-10-01', 'draft'),
      event('later', '2023-10-01'),
      event('last', '2022-10-17', 'archived'),
    ]);
    expect(found.map((edition) => edition.id)).toEqual(['last', 'older']);
  });
});
