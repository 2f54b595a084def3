import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  signupAvoiding,
  tcModerator,
} from '../../../test/support/builders.ts';
import type { EventState } from '../model/event-state.ts';
import type { Team } from '../model/team.ts';
import { sharedPeopleOfEvent } from '../shared-people/people-of-event.ts';
import { setModerator } from '../teams/team-admin.ts';
import { bookSlot } from './book-slot.ts';
import { clashWarnings } from './clash-warnings.ts';

const base = buildEventState();
const team = (state: EventState, slug: string) => state.teams.find((t) => t.slug === slug) as Team;
const slotId = (state: EventState, code: string) =>
  state.slots.find((slot) => slot.code === code)?.id as string;

/** cinder meets in austin at mon13 and mon14, tc in bexar at mon14. */
function withMeetings(state: EventState): EventState {
  let current = state;
  for (const slot of ['mon13', 'mon14'])
    current = applied(
      current,
      bookSlot(current, { team: 'cinder', room: 'austin', slot }, ctxOf(cinderModerator)),
    );
  return applied(
    current,
    bookSlot(current, { team: 'tc', room: 'bexar', slot: 'mon14' }, ctxOf(tcModerator)),
  );
}

const followers = (count: number, slugs: string[], state: EventState) =>
  Array.from({ length: count }, (_, n) =>
    slugs.map((slug) => ({ userId: `person-${slugs.join('-')}-${n}`, teamId: team(state, slug).id })),
  ).flat();

describe('clashWarnings', () => {
  it('names the teams that share followers and meet in the hours asked about, with how many people', () => {
    const state = withMeetings(base);
    const shared = sharedPeopleOfEvent(state, [
      ...followers(12, ['nova', 'cinder'], state),
      ...followers(3, ['nova', 'tc'], state),
    ]);
    const hours = [slotId(state, 'mon13'), slotId(state, 'mon14')];
    expect(clashWarnings(state, shared, team(state, 'nova'), hours)).toEqual([
      {
        code: 'clash_people',
        message: '12 people who follow nova also follow cinder, which meets then (mon13, mon14).',
        teams: ['cinder'],
        people: 12,
        slots: ['mon13', 'mon14'],
      },
      {
        code: 'clash_people',
        message: '3 people who follow nova also follow tc, which meets then (mon14).',
        teams: ['tc'],
        people: 3,
        slots: ['mon14'],
      },
    ]);
  });

  it('says nothing of tied teams meeting at other hours, nor of teams that share nobody', () => {
    const state = withMeetings(base);
    const shared = sharedPeopleOfEvent(state, followers(2, ['nova', 'tc'], state));
    expect(clashWarnings(state, shared, team(state, 'nova'), [slotId(state, 'mon13')])).toEqual([]);
    expect(clashWarnings(state, shared, team(state, 'nova'), [slotId(state, 'mon15')])).toEqual([]);
  });

  it('puts a team the sign-up asked to avoid first, saying who asked (clash_avoided)', () => {
    const meeting = withMeetings(base);
    const state: EventState = {
      ...meeting,
      signups: {
        [team(meeting, 'tc').id]: signupAvoiding(team(meeting, 'tc').id, [team(meeting, 'nova').id]),
      },
    };
    const shared = sharedPeopleOfEvent(state, followers(5, ['nova', 'cinder'], state));
    const warnings = clashWarnings(state, shared, team(state, 'nova'), [slotId(state, 'mon14')]);
    expect(warnings.map((warning) => [warning.code, warning.message])).toEqual([
      ['clash_avoided', 'tc asked not to meet at the same time as nova, and tc meets then (mon14).'],
      ['clash_people', '5 people who follow nova also follow cinder, which meets then (mon14).'],
    ]);
  });

  it('warns of a shared moderator, who cannot be in two rooms (clash_moderators)', () => {
    const meeting = withMeetings(base);
    const state = applied(
      meeting,
      setModerator(
        meeting,
        { team: 'cinder', userId: novaModerator.userId as string, moderator: true },
        ctxOf(organizer),
      ),
    );
    const shared = sharedPeopleOfEvent(state, []);
    expect(clashWarnings(state, shared, team(state, 'nova'), [slotId(state, 'mon13')])).toEqual([
      {
        code: 'clash_moderators',
        message:
          '1 moderator of nova also moderates cinder, and cinder meets then (mon13). 1 person follows both.',
        teams: ['cinder'],
        people: 1,
        slots: ['mon13'],
      },
    ]);
  });
});
