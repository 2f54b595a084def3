import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../model/event.ts';
import { comingEvents, currentEvent, pastEvents } from './current-event.ts';

const event = (slug: string, startsOn: string, endsOn: string, status: EventInfo['status'] = 'published') =>
  ({ slug, startsOn, endsOn, status }) as EventInfo;

const events = [
  event('apr2022', '2022-04-04', '2022-04-08'),
  event('oct2022', '2022-10-17', '2022-10-21'),
  event('mar2023', '2023-03-27', '2023-03-31'),
  event('draft', '2022-10-01', '2022-10-30', 'draft'),
];

describe('currentEvent', () => {
  it('picks the published event running on that UTC day', () => {
    expect(currentEvent(events, '2022-10-18T14:00:00Z')?.slug).toBe('oct2022');
  });

  it('picks the next event to start between events, never a draft', () => {
    expect(currentEvent(events, '2022-10-10T00:00:00Z')?.slug).toBe('oct2022');
  });

  it('picks the one that ended last when all are over, and null when none is published', () => {
    expect(currentEvent(events, '2024-01-01T00:00:00Z')?.slug).toBe('mar2023');
    expect(currentEvent([events[3]!], '2022-10-18T00:00:00Z')).toBeNull();
  });

  it('never picks an archive: the front page goes on to the next published event', () => {
    const archivedOctober = events.map((one) =>
      one.slug === 'oct2022' ? { ...one, status: 'archived' as const } : one,
    );
    expect(currentEvent(archivedOctober, '2022-10-18T14:00:00Z')?.slug).toBe('mar2023');
    expect(currentEvent([{ ...events[1]!, status: 'archived' }], '2022-10-18T14:00:00Z')).toBeNull();
  });
});

describe('pastEvents and comingEvents', () => {
  it('list archives and ended events latest first, and published events not over soonest first; never drafts', () => {
    const withArchive = [...events, event('apr2023', '2023-04-03', '2023-04-05', 'archived')];
    expect(pastEvents(withArchive, '2022-10-18T14:00:00Z').map((one) => one.slug)).toEqual([
      'apr2023',
      'apr2022',
    ]);
    expect(comingEvents(withArchive, '2022-10-18T14:00:00Z').map((one) => one.slug)).toEqual([
      'oct2022',
      'mar2023',
    ]);
  });
});
