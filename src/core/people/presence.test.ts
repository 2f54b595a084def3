import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  buildEventState,
  ctxOf,
  novaModerator,
  organizer,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { updateTeamLinks } from '../teams/team-links.ts';
import {
  type CheckIn,
  checkedInCounts,
  checkIn,
  checkOut,
  describeSeen,
  isCheckedIn,
  peopleHere,
} from './presence.ts';

const monday = '2022-10-17T13:20:00Z';
const state = applied(
  buildEventState(),
  bookSlot(buildEventState(), { team: 'nova', room: 'bexar', slot: 'mon13' }, ctxOf(organizer)),
);
const nova = state.teams.find((team) => team.slug === 'nova')!;
const at = (userId: string, place: Partial<CheckIn>, when = monday): CheckIn => ({
  userId,
  teamId: null,
  place: null,
  at: when,
  outAt: null,
  ...place,
});

describe('checkIn', () => {
  it('checks in with a team by #slug or bare slug, saying where the team meets now', () => {
    for (const place of ['#nova', '#NOVA', 'nova']) {
      expect(checkIn(state, { place, listed: true }, ctxOf(attendee, monday))).toEqual({
        ok: true,
        effect: { userId: 'user-attendee', teamId: nova.id, place: null, at: monday, outAt: null },
        reply: 'Checked in with #nova (in bexar); it lasts until you check out or the UTC day ends.',
      });
    }
  });

  it('checks in at a place in one’s own words, cleaned like any line of text', () => {
    expect(checkIn(state, { place: 'the  pub\u0007', listed: true }, ctxOf(attendee, monday))).toMatchObject({
      effect: { teamId: null, place: 'the pub' },
      reply: 'Checked in at the pub; it lasts until you check out or the UTC day ends.',
    });
  });

  it('tells someone not listed in "find people" how to be found', () => {
    expect(checkIn(state, { place: '#nova', listed: false }, ctxOf(attendee, monday))).toMatchObject({
      reply: expect.stringContaining('Only people who agree to be found appear in “find people”'),
    });
  });

  it('refuses an unknown or unapproved #team (unknown_team), a long place (invalid_input), and nobody (unauthenticated)', () => {
    expect(checkIn(state, { place: '#glance', listed: true }, ctxOf(attendee, monday))).toMatchObject({
      refusal: { code: 'unknown_team', message: 'There is no team "glance" in this event.' },
    });
    expect(checkIn(state, { place: '#pending', listed: true }, ctxOf(attendee, monday))).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
    expect(checkIn(state, { place: 'x'.repeat(101), listed: true }, ctxOf(attendee, monday))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(checkIn(state, { place: '#nova', listed: true }, ctxOf(null, monday))).toMatchObject({
      refusal: { code: 'unauthenticated' },
    });
    const guest = { userId: null, name: 'someone (IRC guest)', isOrganizer: false };
    expect(checkIn(state, { place: '#nova', listed: true }, ctxOf(guest, monday))).toMatchObject({
      refusal: { code: 'unauthenticated' },
    });
  });
});

describe('check-in expiry and checkOut', () => {
  it('counts a check-in until its owner checks out or its UTC day ends', () => {
    const made = at('user-attendee', { teamId: nova.id });
    expect(isCheckedIn(made, '2022-10-17T23:59:59Z')).toBe(true);
    expect(isCheckedIn(made, '2022-10-18T00:00:00Z')).toBe(false);
    expect(isCheckedIn({ ...made, outAt: monday }, monday)).toBe(false);
  });

  it('checks out of today’s check-in, and says so when there is none (yesterday’s has expired)', () => {
    const made = at('user-attendee', { place: 'the pub' });
    expect(checkOut(state, made, ctxOf(attendee, '2022-10-17T15:00:00Z'))).toEqual({
      ok: true,
      effect: { ...made, outAt: '2022-10-17T15:00:00Z' },
      reply: 'Checked out of the pub.',
    });
    expect(checkOut(state, made, ctxOf(attendee, '2022-10-18T09:00:00Z'))).toEqual({
      ok: true,
      effect: null,
      reply: 'You are not checked in anywhere today.',
    });
  });
});

describe('describeSeen', () => {
  const person = (listed: boolean, checkedIn: CheckIn | null) => ({
    name: 'Ada Attendee',
    nick: 'AdaAttendee',
    listed,
    checkIn: checkedIn,
  });

  it('says where someone who agreed to be found checked in, however the nick is typed', () => {
    expect(
      describeSeen(
        state,
        { nick: 'adaATTENDEE', person: person(true, at('user-attendee', { teamId: nova.id })) },
        ctxOf(novaModerator, '2022-10-17T13:40:00Z'),
      ),
    ).toEqual({
      ok: true,
      effect: null,
      reply: 'AdaAttendee checked in with #nova (in bexar) at 13:20 UTC.',
    });
  });

  it('says when they checked out, or when they were last seen on an earlier day', () => {
    const out = at('user-attendee', { place: 'the pub', outAt: '2022-10-17T18:05:00Z' });
    expect(
      describeSeen(
        state,
        { nick: 'AdaAttendee', person: person(true, out) },
        ctxOf(novaModerator, '2022-10-17T19:00:00Z'),
      ),
    ).toMatchObject({ reply: 'AdaAttendee was last seen at the pub, until 18:05 UTC.' });
    expect(
      describeSeen(
        state,
        { nick: 'AdaAttendee', person: person(true, at('user-attendee', { place: 'the pub' })) },
        ctxOf(novaModerator, '2022-10-18T10:00:00Z'),
      ),
    ).toMatchObject({ reply: 'AdaAttendee was last seen at the pub, until Mon 17 Oct at 13:20 UTC.' });
  });

  it('gives the same answer for someone not listed, without a check-in, or unknown: nothing leaks', () => {
    const checkedIn = at('user-attendee', { teamId: nova.id });
    const answers = [person(false, checkedIn), person(true, null), null].map((asked) =>
      describeSeen(state, { nick: 'AdaAttendee', person: asked }, ctxOf(novaModerator, monday)),
    );
    for (const answer of answers) {
      expect(answer).toEqual({
        ok: true,
        effect: null,
        reply: 'I have no check-in from AdaAttendee that I may share.',
      });
    }
  });

  it('answers only people with an account (unauthenticated), about real nicks (invalid_input)', () => {
    expect(describeSeen(state, { nick: 'AdaAttendee', person: null }, ctxOf(null, monday))).toMatchObject({
      refusal: { code: 'unauthenticated' },
    });
    expect(describeSeen(state, { nick: 'no spaces!', person: null }, ctxOf(attendee, monday))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
  });
});

describe('peopleHere', () => {
  it('lists only people who agreed and are checked in today, by place then name, using the team’s location', () => {
    const located = applied(
      state,
      updateTeamLinks(state, { team: 'nova', location: 'Level B' }, ctxOf(organizer)),
    );
    const entries = [
      { name: 'Zed', nick: 'zed', listed: true, checkIn: at('u1', { teamId: nova.id }) },
      { name: 'Amy', nick: null, listed: true, checkIn: at('u2', { teamId: nova.id }) },
      { name: 'Hidden', nick: 'hid', listed: false, checkIn: at('u3', { teamId: nova.id }) },
      { name: 'Gone', nick: 'gone', listed: true, checkIn: at('u4', { place: 'pub', outAt: monday }) },
      { name: 'Old', nick: 'old', listed: true, checkIn: at('u5', { place: 'pub' }, '2022-10-16T10:00:00Z') },
      { name: 'Bea', nick: 'bea', listed: true, checkIn: at('u6', { place: 'the hallway' }) },
    ];
    expect(peopleHere(located, entries, ctxOf(attendee, monday))).toEqual({
      ok: true,
      value: [
        { name: 'Amy', nick: null, teamSlug: 'nova', where: '#nova (in Level B)', since: monday },
        { name: 'Zed', nick: 'zed', teamSlug: 'nova', where: '#nova (in Level B)', since: monday },
        { name: 'Bea', nick: 'bea', teamSlug: null, where: 'the hallway', since: monday },
      ],
    });
  });

  it('shows nobody to someone without an account (unauthenticated)', () => {
    expect(peopleHere(state, [], ctxOf(null, monday))).toMatchObject({
      ok: false,
      refusal: { code: 'unauthenticated' },
    });
  });
});

describe('checkedInCounts', () => {
  it('counts live check-ins per team, leaving out places, check-outs and earlier days', () => {
    const now = '2022-10-18T14:00:00Z';
    const entry = (userId: string, teamId: string | null, at: string, outAt: string | null = null) => ({
      userId,
      teamId,
      place: teamId ? null : 'hallway',
      at,
      outAt,
    });
    const counts = checkedInCounts(
      [
        entry('a', 'nova', '2022-10-18T13:00:00Z'),
        entry('b', 'nova', '2022-10-18T13:30:00Z'),
        entry('c', 'nova', '2022-10-18T13:30:00Z', '2022-10-18T13:45:00Z'),
        entry('d', 'cinder', '2022-10-17T13:30:00Z'),
        entry('e', null, '2022-10-18T13:30:00Z'),
      ],
      now,
    );
    expect([...counts]).toEqual([['nova', 2]]);
  });
});
