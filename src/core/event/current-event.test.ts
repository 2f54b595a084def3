import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../test/support/builders.ts';
import type { EventInfo } from '../model/event.ts';
import { currentEvent } from './current-event.ts';

const base = buildEventState().event;
const event = (
  slug: string,
  startsOn: string,
  endsOn: string,
  status: EventInfo['status'] = 'published',
) => ({
  ...base,
  slug,
  startsOn,
  endsOn,
  status,
});

describe('currentEvent', () => {
  const events = [
    event('past', '2022-04-04', '2022-04-08'),
    event('running', '2022-10-17', '2022-10-21'),
    event('later', '2023-03-27', '2023-03-31'),
    event('draft', '2022-10-10', '2022-10-30', 'draft'),
  ];

  it('is the published event running on the UTC day, else the next to start, else the last to end', () => {
    expect(currentEvent(events, '2022-10-21T23:00:00Z')?.slug).toBe('running');
    expect(currentEvent(events, '2022-10-22T00:00:00Z')?.slug).toBe('later');
    expect(currentEvent(events, '2024-01-01T00:00:00Z')?.slug).toBe('later');
    expect(currentEvent(events.slice(0, 1), '2024-01-01T00:00:00Z')?.slug).toBe('past');
    expect(currentEvent([events[3]!], '2022-10-18T00:00:00Z')).toBeNull();
  });
});
