import { describe, expect, it } from 'vitest';
import { applied, buildEventState, ctxOf, novaModerator } from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { meetingsStarting } from './meetings-starting.ts';

describe('meetings about to start', () => {
  const state = (() => {
    let built = buildEventState();
    for (const slot of ['mon14', 'mon15']) {
      built = applied(built, bookSlot(built, { team: 'nova', room: 'bexar', slot }, ctxOf(novaModerator)));
    }
    return built;
  })();
  const said = (now: string) => meetingsStarting(state, now).map((entry) => entry.message);

  it('names the team, how soon and the room, from ten minutes before the meeting until it starts', () => {
    expect(said('2022-10-17T13:49:00Z')).toEqual([]);
    expect(said('2022-10-17T13:50:00Z')).toEqual(['Nova/Placement starts in 10 minutes in bexar']);
    expect(said('2022-10-17T13:59:30Z')).toEqual(['Nova/Placement starts in a minute in bexar']);
    expect(said('2022-10-17T14:00:00Z')).toEqual([]);
  });

  it('reminds once per meeting, not for each of its hours', () => {
    expect(said('2022-10-17T14:55:00Z')).toEqual([]);
  });
});
