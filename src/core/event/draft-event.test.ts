import { describe, expect, it } from 'vitest';
import { applied, ctxOf, novaModerator, organizer, sequentialIds } from '../../../test/support/builders.ts';
import { findChange } from '../changes.ts';
import type { Decision } from '../decision.ts';
import { blankEventState, type EventState } from '../model/event-state.ts';
import { cloneEvent } from './clone-event.ts';
import { draftEvent, type EventDraftRequest } from './draft-event.ts';

const request: EventDraftRequest = {
  title: 'April 2024 PTG',
  startsOn: '2024-04-08',
  endsOn: '2024-04-12',
  timeZone: 'UTC',
  windows: [
    { name: 'Asia / Pacific', start: '04:00', end: '06:00' },
    { name: 'Americas / Europe', start: '13:00', end: '17:00' },
  ],
  rooms: ['Bexar', 'Ballroom A'],
  caps: { perDayHours: 4, totalHours: 16 },
};

function stateOf(decision: Decision): EventState {
  const saved = decision.ok ? findChange(decision.changes, 'event.saved') : undefined;
  if (!saved) throw new Error(decision.ok ? 'no event' : decision.refusal.message);
  return applied(blankEventState(saved.event), decision);
}

describe('draftEvent', () => {
  it('starts a draft with a slug made from the title, every window on every day, its rooms and caps', () => {
    const state = stateOf(draftEvent([], request, ctxOf(organizer)));
    expect(state.event).toMatchObject({
      slug: 'april-2024-ptg',
      status: 'draft',
      rules: { dailyCapMinutes: 240, totalCapMinutes: 960 },
    });
    expect(state.slots).toHaveLength(5 * 6);
    expect(state.slots.slice(0, 3).map(({ code, start, window }) => ({ code, start, window }))).toEqual([
      { code: 'mon04', start: '2024-04-08T04:00:00Z', window: 'Asia / Pacific' },
      { code: 'mon05', start: '2024-04-08T05:00:00Z', window: 'Asia / Pacific' },
      { code: 'mon13', start: '2024-04-08T13:00:00Z', window: 'Americas / Europe' },
    ]);
    expect(state.rooms.map((room) => [room.slug, room.name])).toEqual([
      ['bexar', 'Bexar'],
      ['ballroom-a', 'Ballroom A'],
    ]);
  });

  it('places windows given in another zone in UTC day by day, across a change of daylight saving time', () => {
    const state = stateOf(
      draftEvent(
        [],
        {
          ...request,
          slug: 'berlin',
          startsOn: '2024-03-29',
          endsOn: '2024-04-01',
          timeZone: 'Europe/Berlin',
          windows: [{ name: 'Morning', start: '09:00', end: '10:00' }],
        },
        ctxOf(organizer),
      ),
    );
    // Summer time starts in Berlin on Sunday 31 March 2024: 09:00 is 08:00 UTC before, 07:00 UTC after.
    expect(state.slots.map((slot) => slot.start)).toEqual([
      '2024-03-29T08:00:00Z',
      '2024-03-30T08:00:00Z',
      '2024-03-31T07:00:00Z',
      '2024-04-01T07:00:00Z',
    ]);
    expect(state.event.windows).toEqual([{ name: 'Morning', start: '08:00', end: '09:00' }]);
  });

  it('puts an evening in the Americas on the next UTC day', () => {
    const state = stateOf(
      draftEvent(
        [],
        {
          ...request,
          startsOn: '2024-04-08',
          endsOn: '2024-04-08',
          timeZone: 'America/Los_Angeles',
          windows: [{ name: 'Evening', start: '20:00', end: '22:00' }],
        },
        ctxOf(organizer),
      ),
    );
    expect(state.slots.map((slot) => [slot.code, slot.start])).toEqual([
      ['tue03', '2024-04-09T03:00:00Z'],
      ['tue04', '2024-04-09T04:00:00Z'],
    ]);
  });

  it.each([
    ['a short name in use', { slug: 'oct2022-ptg' }, 'event_exists', /already an event/],
    [
      'dates in the wrong order',
      { startsOn: '2024-04-12', endsOn: '2024-04-08' },
      'invalid_input',
      /last not before the first/,
    ],
    ['a day that does not exist', { startsOn: '2024-02-30' }, 'invalid_input', /first and a last day/],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'invalid_input', /not a time zone/],
    ['no window', { windows: [] }, 'invalid_input', /between 1 and 24 windows/],
    [
      'a window ending before it starts',
      { windows: [{ name: 'W', start: '17:00', end: '13:00' }] },
      'invalid_input',
      /ends before it starts/,
    ],
    [
      'a window ending as it starts',
      { windows: [{ name: 'W', start: '13:00', end: '13:00' }] },
      'invalid_input',
      /ends before it starts/,
    ],
    [
      'overlapping windows',
      {
        windows: [
          { name: 'A', start: '09:00', end: '13:00' },
          { name: 'B', start: '12:00', end: '15:00' },
        ],
      },
      'invalid_input',
      /"A" and "B" overlap/,
    ],
    [
      'two windows of one name',
      {
        windows: [
          { name: 'A', start: '09:00', end: '10:00' },
          { name: 'a', start: '12:00', end: '15:00' },
        ],
      },
      'invalid_input',
      /two windows called/,
    ],
    [
      'a time not in HH:MM',
      { windows: [{ name: 'W', start: '9am', end: '10:00' }] },
      'invalid_input',
      /HH:MM/,
    ],
    ['slots of no length', { slotMinutes: 0 }, 'invalid_input', /between 5 minutes and a day/],
    [
      'a window shorter than a slot',
      { slotMinutes: 90, windows: [{ name: 'W', start: '09:00', end: '10:00' }] },
      'invalid_input',
      /shorter than one slot/,
    ],
    ['a title of 10 kB', { title: `a title of 10 kB: ${'x'.repeat(10_000)}` }, 'invalid_input', /title/],
    ['HTML in the title', { title: '<img src=x onerror=alert(1)>' }, 'invalid_input', /HTML/],
    ['HTML in a room name', { rooms: ['<script>alert(1)</script>'] }, 'invalid_input', /HTML/],
    ['two rooms of one short name', { rooms: ['Bexar', 'bexar'] }, 'room_exists', /already a room "bexar"/],
    ['a negative cap', { caps: { perDayHours: -1 } }, 'invalid_input', /hours above zero/],
    [
      'sign-up closing before it opens',
      { signupOpensAt: '2024-03-01T00:00:00Z', signupClosesAt: '2024-02-01T00:00:00Z' },
      'invalid_input',
      /close after it opens/,
    ],
  ] as const)('refuses %s', (_label, change, code, message) => {
    const decision = draftEvent(['oct2022-ptg'], { ...request, ...change }, ctxOf(organizer));
    expect(decision).toMatchObject({ ok: false, refusal: { code } });
    expect(decision.ok ? '' : decision.refusal.message).toMatch(message);
  });

  it('lets only organisers start an event', () => {
    expect(draftEvent([], request, ctxOf(novaModerator))).toMatchObject({ refusal: { code: 'forbidden' } });
    expect(draftEvent([], request, ctxOf(null))).toMatchObject({ refusal: { code: 'unauthenticated' } });
  });
});

describe('cloneEvent', () => {
  const ids = sequentialIds('source');
  const sourceDecision = draftEvent(
    [],
    {
      ...request,
      slug: 'apr2024',
      startsOn: '2024-04-08',
      endsOn: '2024-04-09',
      timeZone: 'America/New_York',
      windows: [{ name: 'Americas / Europe', start: '09:00', end: '11:00' }],
      crossProjectOpensAt: '2024-03-01T00:00:00Z',
      content: { about: 'What the PTG is.' },
      codeOfConduct: { version: '3', url: null, text: 'Be kind.' },
    },
    ctxOf(organizer, '2024-01-01T00:00:00Z', 'api', ids),
  );
  let source = stateOf(sourceDecision);
  source = applied(source, {
    ok: true,
    reply: '',
    changes: [
      {
        type: 'cell.availability-set',
        roomId: source.rooms[0]?.id ?? '',
        slotId: source.slots[1]?.id ?? '',
        available: false,
      },
    ],
  });

  it('copies rooms, windows, rules, texts and closed cells, moved to the new dates in the event’s zone', () => {
    const clone = stateOf(
      cloneEvent(['apr2024'], source, { slug: 'oct2024', startsOn: '2024-10-21' }, ctxOf(organizer)),
    );
    expect(clone.event).toMatchObject({
      slug: 'oct2024',
      title: 'April 2024 PTG',
      status: 'draft',
      startsOn: '2024-10-21',
      endsOn: '2024-10-22',
      timeZone: 'America/New_York',
      // 19:00 in New York on the day before, in winter time then and summer time now
      rules: { ...source.event.rules, crossProjectOpensAt: '2024-09-12T23:00:00Z' },
      content: source.event.content,
      codeOfConduct: source.event.codeOfConduct,
    });
    expect(clone.rooms.map(({ slug, name }) => [slug, name])).toEqual(
      source.rooms.map(({ slug, name }) => [slug, name]),
    );
    // 09:00 in New York is 13:00 UTC in April and in October alike (both summer time); codes follow the weekday.
    expect(clone.slots.map(({ code, start, end, window }) => ({ code, start, end, window }))).toEqual([
      {
        code: 'mon13',
        start: '2024-10-21T13:00:00Z',
        end: '2024-10-21T14:00:00Z',
        window: 'Americas / Europe',
      },
      {
        code: 'mon14',
        start: '2024-10-21T14:00:00Z',
        end: '2024-10-21T15:00:00Z',
        window: 'Americas / Europe',
      },
      {
        code: 'tue13',
        start: '2024-10-22T13:00:00Z',
        end: '2024-10-22T14:00:00Z',
        window: 'Americas / Europe',
      },
      {
        code: 'tue14',
        start: '2024-10-22T14:00:00Z',
        end: '2024-10-22T15:00:00Z',
        window: 'Americas / Europe',
      },
    ]);
    expect(clone.unavailable).toEqual([{ roomId: clone.rooms[0]?.id, slotId: clone.slots[1]?.id }]);
    expect(clone.teams).toEqual([]);
  });

  it('keeps local times when the new dates fall in the other half of the year', () => {
    const clone = stateOf(
      cloneEvent([], source, { slug: 'jan2025', startsOn: '2025-01-13' }, ctxOf(organizer)),
    );
    expect(clone.slots[0]?.start).toBe('2025-01-13T14:00:00Z');
  });

  it('refuses a short name in use and a day that does not exist', () => {
    expect(
      cloneEvent(['apr2024'], source, { slug: 'apr2024', startsOn: '2024-10-21' }, ctxOf(organizer)),
    ).toMatchObject({
      refusal: { code: 'event_exists' },
    });
    expect(cloneEvent([], source, { slug: 'x', startsOn: '2024-13-01' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(cloneEvent([], source, { slug: 'x', startsOn: '2024-10-21' }, ctxOf(novaModerator))).toMatchObject(
      {
        refusal: { code: 'forbidden' },
      },
    );
  });
});
