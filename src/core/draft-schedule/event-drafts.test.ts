import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  ctxOf,
  novaModerator,
  organizer,
  slotAt,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import type { EventState } from '../model/event-state.ts';
import { setScheduleWishes } from '../signups/set-schedule-wishes.ts';
import { applyDraft } from './apply-draft.ts';
import { instanceOfEvent } from './instance-of-event.ts';

const during = '2022-10-17T14:30:00Z';

function bookedEvent(): EventState {
  let state = buildEventState();
  for (const [team, room, hour] of [
    ['nova', 'bexar', 13],
    ['nova', 'bexar', 16],
    ['cinder', 'austin', 16],
    ['tc', 'austin', 15],
  ] as const) {
    state = applied(
      state,
      bookSlot(state, { team, room, slot: slotAt(state, '2022-10-17', hour).code }, ctxOf(organizer)),
    );
  }
  const keep = state.bookings.find(
    (booking) =>
      booking.slotId === slotAt(state, '2022-10-17', 16).id && booking.roomId === state.rooms[0]!.id,
  )!;
  state = applied(
    state,
    setScheduleWishes(
      state,
      {
        team: 'nova',
        hoursWanted: '4',
        preferredWindows: [],
        avoidClashes: ['cinder'],
        keepBookings: [keep.id],
      },
      ctxOf(novaModerator),
    ),
  );
  return applied(
    state,
    setScheduleWishes(
      state,
      { team: 'cinder', hoursWanted: 3, preferredWindows: [], avoidClashes: [], keepBookings: [] },
      ctxOf(organizer),
    ),
  );
}

describe('instanceOfEvent', () => {
  const state = bookedEvent();
  const instance = instanceOfEvent(
    state,
    [
      { userId: 'someone', teamId: state.teams[0]!.id },
      { userId: 'someone', teamId: state.teams[1]!.id },
    ],
    during,
  );
  if (!instance.ok) throw new Error(instance.refusal.message);
  const team = (slug: string) => instance.value.teams.find((candidate) => candidate.id === slug)!;
  const code = (hour: number) => slotAt(state, '2022-10-17', hour).code;

  it('asks for what each team said, keeps what it asked to keep and what has started, and lists official teams only', () => {
    expect(instance.value.teams.map((candidate) => candidate.id)).toEqual(['nova', 'cinder', 'tc']);
    expect(team('nova')).toEqual({
      id: 'nova',
      hours: 4,
      windows: [],
      avoid: ['cinder'],
      fixed: [
        { room: 'bexar', slot: code(13) },
        { room: 'bexar', slot: code(16) },
      ],
    });
    expect(team('cinder')).toMatchObject({ hours: 3, fixed: [] });
  });

  it('lets a team that said nothing keep its bookings and ask for no more', () => {
    expect(team('tc')).toMatchObject({ hours: 1, fixed: [{ room: 'austin', slot: code(15) }] });
  });

  it('closes the free cells of slots that have started, and ties the teams people follow or moderate', () => {
    expect(instance.value.unavailable).toContainEqual({ room: 'austin', slot: code(13) });
    expect(instance.value.unavailable).not.toContainEqual({ room: 'austin', slot: code(15) });
    expect(instance.value.people).toContainEqual({ teams: ['nova', 'cinder'] });
    expect(instance.value.caps).toEqual({ per_day: 3, total: 5 });
  });
});

describe('applyDraft', () => {
  const state = bookedEvent();
  const basis = state.bookings.map((booking) => booking.id);
  const code = (hour: number) => slotAt(state, '2022-10-17', hour).code;
  const draft = [
    { team: 'nova', room: 'bexar', slot: code(13) },
    { team: 'nova', room: 'bexar', slot: code(16) },
    { team: 'cinder', room: 'ballroom-a', slot: code(15) },
    { team: 'tc', room: 'austin', slot: code(15) },
  ];

  it('releases and books in one decision, as organiser assignments through the booking rules', () => {
    const decision = applyDraft(state, { bookings: draft, basis }, ctxOf(organizer));
    const after = applied(state, decision);
    const cinder = state.teams.find((team) => team.slug === 'cinder')!;
    expect(after.bookings.filter((booking) => booking.teamId === cinder.id)).toEqual([
      expect.objectContaining({ kind: 'assigned', slotId: slotAt(state, '2022-10-17', 15).id }),
    ]);
    expect(after.bookings).toHaveLength(4);
    expect(decision.ok && decision.reply).toBe('Applied the draft: 1 booking made, 1 released.');
  });

  it('refuses moderators, bookings that changed since, and slots that have started', () => {
    expect(applyDraft(state, { bookings: draft, basis }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(applyDraft(state, { bookings: draft, basis: basis.slice(1) }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'draft_outdated' },
    });
    expect(
      applyDraft(state, { bookings: draft, basis }, ctxOf(organizer, '2022-10-17T15:10:00Z')),
    ).toMatchObject({
      refusal: { code: 'draft_outdated' },
    });
  });
});
