import { describe, expect, it } from 'vitest';
import { ctxOf, sequentialIds } from '../../test/support/builders.ts';
import { describeWithShared, readShared } from '../../test/support/shared-files.ts';
import { systemActor } from '../core/model/actor.ts';
import { blankEventState, type EventState } from '../core/model/event-state.ts';
import { applyChange } from '../core/projections/apply-change.ts';
import { replayLedger } from '../core/schedule/meeting-ledger.ts';
import { type PtgbotImportOptions, planPtgbotImport } from './ptgbot-import.ts';
import { ptgbotFeed } from './ptgbot-json.ts';

const fixture = 'fixtures/ptgbot-base.json';
const now = '2020-05-20T08:00:00Z';
const options: PtgbotImportOptions = {
  slug: 'den-ptg',
  startsOn: '2020-06-01',
  timeZone: 'UTC',
  existingSlugs: [],
};
const plan = (input: unknown, overrides: Partial<PtgbotImportOptions> = {}) =>
  planPtgbotImport(
    input,
    { ...options, ...overrides },
    ctxOf(systemActor, now, 'import', sequentialIds('import')),
  );

function stateOf(changes: ReturnType<typeof plan>['changes']): EventState {
  const [first, ...rest] = changes;
  if (first?.type !== 'event.saved') throw new Error('the plan does not create an event');
  return rest.reduce(applyChange, blankEventState(first.event));
}

function cell(state: EventState, roomName: string, code: string): string | null | undefined {
  const room = state.rooms.find((candidate) => candidate.name === roomName);
  const slot = state.slots.find((candidate) => candidate.code === code);
  if (!room || !slot) return undefined;
  if (state.unavailable.some((closed) => closed.roomId === room.id && closed.slotId === slot.id)) return null;
  const booking = state.bookings.find(
    (candidate) => candidate.roomId === room.id && candidate.slotId === slot.id,
  );
  return booking ? (state.teams.find((team) => team.id === booking.teamId)?.slug ?? '?') : '';
}

const small = {
  eventid: 'tiny',
  slots: {
    Wednesday: [
      { name: 'WedA', desc: '09:00-10:00' },
      { name: 'WedB', desc: '10:00-11:30' },
    ],
    Thursday: [{ name: 'ThuA', desc: '09:00-10:00' }],
  },
  tracks: ['nova', 'api-sig', 'publiccloud-wg'],
  schedule: {
    Hall: { desc: 'Seats 40', extra: 'x', WedA: 'nova', WedB: 'api-sig', ThuA: '' },
    Nook: { url: 'javascript:alert(1)', WedA: 'publiccloud-wg' },
  },
};

describe('planPtgbotImport', () => {
  it('dates weekday-named slots from the first such day on or after the start, on the clock of the zone', () => {
    const result = plan(
      { ...small, schedule: { Hall: small.schedule.Hall } },
      {
        startsOn: '2022-10-17',
        timeZone: 'Europe/Paris',
      },
    );
    expect(result.problems).toEqual([]);
    expect(stateOf(result.changes).slots.map((slot) => [slot.code, slot.start, slot.end])).toEqual([
      ['WedA', '2022-10-19T07:00:00Z', '2022-10-19T08:00:00Z'],
      ['WedB', '2022-10-19T08:00:00Z', '2022-10-19T09:30:00Z'],
      ['ThuA', '2022-10-20T07:00:00Z', '2022-10-20T08:00:00Z'],
    ]);
    expect(result.warnings).toEqual([
      'Room Hall: "extra" is neither a slot nor room metadata; it is left out.',
    ]);
  });

  it('tells SIGs and working groups by their suffix and keeps a room’s description out of the teams', () => {
    const result = plan({ ...small, schedule: { Hall: small.schedule.Hall } });
    const state = stateOf(result.changes);
    expect(state.teams.map((team) => [team.slug, team.kind])).toEqual([
      ['nova', 'project'],
      ['api-sig', 'sig'],
      ['publiccloud-wg', 'working-group'],
    ]);
    expect(state.rooms).toMatchObject([{ name: 'Hall', description: 'Seats 40' }]);
  });

  it('writes nothing when anything cannot be imported as it is, and says what', () => {
    expect(plan(small)).toMatchObject({
      changes: [],
      problems: ['Room Nook: "javascript:alert(1)" is not a full http(s) link.'],
    });
    const doubled = { ...small, schedule: { Hall: small.schedule.Hall, Nook: { WedA: 'nova' } } };
    expect(plan(doubled).problems).toEqual([
      'Nook WedA: nova already meets in Hall on Wed 3 Jun 09:00–10:00 UTC.',
    ]);
    expect(plan(small, { existingSlugs: ['den-ptg'] }).problems).toContain(
      'There is already an event "den-ptg".',
    );
    expect(plan({ slots: [] }).problems).toEqual(['The file has no "slots" object.']);
    expect(plan(small, { timeZone: 'Mars/Olympus' }).problems).toEqual([
      '"Mars/Olympus" is not a time zone.',
    ]);
    expect(plan({ slots: { Monday: [{ name: 'MonA' }] } }).problems).toEqual([
      'Slot MonA has neither a realtime nor a desc like 09:00-10:45.',
    ]);
  });

  it('refuses a slot duration beyond a day, 1e308 included, with a sentence rather than a RangeError', () => {
    for (const duration of [1e308, 1441])
      expect(
        plan({ ...small, slots: { Monday: [{ name: 'MonA', desc: '09:00-10:00', duration }] } }).problems,
      ).toEqual(['The duration of slot MonA is not a whole number of minutes from 1 to 1440 (a day).']);
  });
});

describeWithShared([fixture], 'planPtgbotImport with ptgbot’s own base.json', () => {
  const input = JSON.parse(readShared(fixture));

  it('creates 44 teams and 23 rooms, and no team from room metadata (ptgbot’s own importer did)', () => {
    const result = plan(input);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const state = stateOf(result.changes);
    expect(state.teams.map((team) => team.slug).sort()).toEqual(input.tracks);
    expect(state.rooms).toHaveLength(23);
    expect(state.teams.some((team) => /table|team of|video/i.test(team.name))).toBe(false);
    expect(state.rooms.find((room) => room.name === 'Aspen')).toMatchObject({
      slug: 'aspen',
      description: 'Fits a team of 10',
      features: ['Videoprojection available'],
      url: null,
    });
    expect(state.rooms.find((room) => room.name === 'Ballroom A')).toMatchObject({
      description: '10 person table',
      url: 'http://meet.jit.si/DEN-ptg-BallroomA',
    });
    expect(state.rooms.find((room) => room.name === "Pike's Peak")?.slug).toBe('pike-s-peak');
  });

  it('puts every cell where ptgbot had it: booked, free, or closed where the room lacks the slot', () => {
    const state = stateOf(plan(input).changes);
    expect(cell(state, 'Aspen', 'MonA1')).toBe('ops-meetup');
    expect(cell(state, 'Ballroom A', 'TueA1')).toBe('edge');
    expect(cell(state, 'Vail', 'TueP2')).toBe('swift');
    expect(cell(state, 'Steamboat', 'FriP2')).toBe('');
    expect(cell(state, 'Blanca Peak', 'FriA1')).toBeNull();
    expect(cell(state, 'Longs Peak', 'FriP1')).toBeNull();
    const filled = Object.values(input.schedule as Record<string, Record<string, string>>).flatMap((room) =>
      Object.entries(room).filter(([key, track]) => /^[A-Z][a-z]{2}[AP]\d$/.test(key) && track !== ''),
    );
    expect(state.bookings).toHaveLength(filled.length);
    expect(state.slots.map((slot) => slot.code).slice(0, 4)).toEqual(['MonA1', 'MonA2', 'MonP1', 'MonP2']);
    expect(state.slots[0]).toMatchObject({ start: '2020-06-01T09:00:00Z', end: '2020-06-01T10:45:00Z' });
    expect(state.slots.at(-1)).toMatchObject({ start: '2020-06-05T15:15:00Z', end: '2020-06-05T17:00:00Z' });
    expect(state.event.windows.map((window) => window.name)).toEqual(['09:00–12:30 UTC', '13:30–17:00 UTC']);
  });

  it('exports back to ptg.json with the same schedule, tracks and slot names', () => {
    const result = plan(input);
    const ledger = replayLedger([
      {
        eventId: 'den',
        revision: 1,
        at: now,
        actorId: null,
        actorName: null,
        source: 'import',
        changes: result.changes,
      },
    ]);
    if (!ledger) throw new Error('no ledger');
    const exported = JSON.parse(ptgbotFeed(ledger, now, 'https://ptg.example.org').body);
    expect(exported.schedule).toEqual(input.schedule);
    expect(exported.tracks).toEqual(input.tracks);
    const names = (slots: Record<string, { name: string; desc: string }[]>) =>
      Object.fromEntries(
        Object.entries(slots).map(([day, list]) => [day, list.map(({ name, desc }) => ({ name, desc }))]),
      );
    expect(names(exported.slots)).toEqual(names(input.slots));
    expect(exported.slots.Monday[0]).toEqual({
      name: 'MonA1',
      desc: '09:00-10:45',
      realtime: '2020-06-01T09:00:00Z',
      duration: 105,
    });
  });

  it('keeps a realtime that disagrees with the desc and the zone, and says so', () => {
    const result = plan(input, { timeZone: 'America/Denver' });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      'Slot MonA1: realtime 2020-06-01T09:00:00Z differs from 09:00-10:45 on 2020-06-01 in America/Denver (2020-06-01T15:00:00Z); realtime is kept.',
    ]);
    expect(stateOf(result.changes).slots[1]).toMatchObject({ code: 'MonA2', start: '2020-06-01T16:45:00Z' });
  });

  it('prefers --start and the slot labels to a realtime more than a day away, and says so (ptgbot’s base.json from 2018-09-10 in Denver)', () => {
    const result = plan(input, { startsOn: '2018-09-10', timeZone: 'America/Denver' });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toContain(
      'Slot MonA1: realtime 2020-06-01T09:00:00Z is more than a day from 09:00-10:45 on 2018-09-10 in America/Denver (2018-09-10T15:00:00Z); the slot’s day and time from --start are used.',
    );
    const state = stateOf(result.changes);
    expect([state.event.startsOn, state.event.endsOn]).toEqual(['2018-09-10', '2018-09-14']);
    expect(state.slots[0]).toMatchObject({ code: 'MonA1', start: '2018-09-10T15:00:00Z' });
  });

  it('previews what it will create', () => {
    expect(plan(input).preview.join('\n')).toContain('44 teams: airship, ansible, api-sig');
    expect(plan(input).preview).toContain(
      'Links kept in the event description: venue map, complete index of team etherpads, local guide to sights, food and booze to consult and add to.',
    );
  });
});
