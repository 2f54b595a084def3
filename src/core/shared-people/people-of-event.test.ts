import { describe, expect, it } from 'vitest';
import { buildEventState, signupAvoiding } from '../../../test/support/builders.ts';
import type { EventState } from '../model/event-state.ts';
import { sharedPeopleOfEvent } from './people-of-event.ts';

const state = buildEventState();
const id = (slug: string) => state.teams.find((team) => team.slug === slug)?.id as string;

describe('sharedPeopleOfEvent', () => {
  it('ties the teams a person follows, and a follower of a team to the teams they moderate', () => {
    const model = sharedPeopleOfEvent(state, [
      { userId: 'a', teamId: id('nova') },
      { userId: 'a', teamId: id('cinder') },
      { userId: 'b', teamId: id('nova') },
      { userId: 'b', teamId: id('cinder') },
      { userId: 'user-tc', teamId: id('nova') },
    ]);
    expect(model.tie(id('nova'), id('cinder'))).toEqual({ people: 2, avoided: false });
    expect(model.tie(id('tc'), id('nova'))).toEqual({ people: 1, avoided: false });
  });

  it('counts a moderator of two teams as a person shared by them', () => {
    // the small event's nova moderator also moderates the requested team `pending`
    expect(sharedPeopleOfEvent(state, []).tie(id('nova'), id('pending'))).toEqual({
      people: 1,
      avoided: false,
    });
  });

  it('takes avoidances from sign-ups, and ignores withdrawn teams on either side', () => {
    const withSignups: EventState = {
      ...state,
      teams: state.teams.map((team) => (team.slug === 'tc' ? { ...team, status: 'withdrawn' } : team)),
      signups: {
        [id('nova')]: signupAvoiding(id('nova'), [id('cinder'), id('tc')]),
        [id('tc')]: signupAvoiding(id('tc'), [id('nova')]),
      },
    };
    const model = sharedPeopleOfEvent(withSignups, [
      { userId: 'a', teamId: id('tc') },
      { userId: 'a', teamId: id('cinder') },
    ]);
    expect(model.tie(id('nova'), id('cinder'))).toEqual({ people: 0, avoided: true });
    expect(model.tie(id('nova'), id('tc'))).toEqual({ people: 0, avoided: false });
    expect(model.tie(id('cinder'), id('tc'))).toEqual({ people: 0, avoided: false });
  });
});
