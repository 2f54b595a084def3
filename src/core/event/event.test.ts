import { describe, expect, it } from 'vitest';
import {
  applied,
  buildEventState,
  ctxOf,
  novaModerator,
  organizer,
  smallEvent,
} from '../../../test/support/builders.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { createEvent } from './create-event.ts';
import { removeRoom, saveRoom, setAvailability } from './rooms.ts';
import { updateEvent } from './update-event.ts';

describe('createEvent', () => {
  it('creates the event and its grid', () => {
    const decision = createEvent([], smallEvent, ctxOf(organizer));
    expect(decision.ok && decision.changes.map((change) => change.type)).toEqual([
      'event.saved',
      'grid.saved',
    ]);
    expect(decision.ok && decision.reply).toBe('Created test-ptg with 8 slots.');
  });

  it('refuses a taken slug, bad dates, unknown zones, bad windows and non-organisers', () => {
    const ctx = ctxOf(organizer);
    expect(createEvent(['test-ptg'], smallEvent, ctx)).toMatchObject({ refusal: { code: 'event_exists' } });
    expect(createEvent([], { ...smallEvent, endsOn: '2022-10-16' }, ctx)).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(createEvent([], { ...smallEvent, startsOn: '2022-02-30' }, ctx)).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(createEvent([], { ...smallEvent, timeZone: 'Mars/Olympus' }, ctx)).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(
      createEvent([], { ...smallEvent, windows: [{ name: 'W', start: '25:00', end: '26:00' }] }, ctx),
    ).toMatchObject({ refusal: { code: 'invalid_input' } });
    expect(
      createEvent([], { ...smallEvent, etherpadTemplate: 'javascript:alert({team})' }, ctx),
    ).toMatchObject({ refusal: { code: 'invalid_url' } });
    expect(createEvent([], smallEvent, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});

describe('updateEvent', () => {
  const state = applied(
    buildEventState(),
    bookSlot(buildEventState(), { team: 'nova', room: 'bexar', slot: 'mon14' }, ctxOf(novaModerator)),
  );

  it('rebuilds the grid when the windows change, keeping the ids of slots that stay', () => {
    const decision = updateEvent(
      state,
      { windows: [{ name: 'Longer', start: '12:00', end: '17:00' }] },
      ctxOf(organizer),
    );
    const next = applied(state, decision);
    expect(next.slots).toHaveLength(10);
    const mon14 = state.slots.find((slot) => slot.code === 'mon14')!;
    expect(next.slots.find((slot) => slot.code === 'mon14')?.id).toBe(mon14.id);
  });

  it('refuses a grid that would drop a booked slot, so no booking is lost', () => {
    expect(
      updateEvent(state, { windows: [{ name: 'Late', start: '15:00', end: '17:00' }] }, ctxOf(organizer)),
    ).toEqual({
      ok: false,
      refusal: {
        code: 'invalid_input',
        message: 'The new grid would drop 1 booked slot; release them first.',
      },
    });
  });

  it('changes settings without touching the grid when the grid stays the same', () => {
    const decision = updateEvent(
      state,
      { title: 'Renamed', rules: { ...state.event.rules, dailyCapMinutes: 120 } },
      ctxOf(organizer),
    );
    expect(decision.ok && decision.changes.map((change) => change.type)).toEqual(['event.saved']);
  });

  it('refuses a contact that is not an e-mail address, and markup in the chat and Code of Conduct version (invalid_input)', () => {
    const { codeOfConduct } = state.event;
    const refused = [
      { contact: 'not an address' },
      { contact: '<b>ptg</b>@example.org' },
      { chat: '<x/onclick=alert(1)>#openinfra' },
      { chat: '<img src=x onerror=alert(1)>' },
      { codeOfConduct: { ...codeOfConduct, version: '<x/onclick=alert(1)>2' } },
    ].map((change) => {
      const decision = updateEvent(state, change, ctxOf(organizer));
      return decision.ok ? 'accepted' : decision.refusal.code;
    });
    expect(refused).toEqual(Array(5).fill('invalid_input'));
    const saved = updateEvent(
      state,
      { contact: ' PTG@OpenInfra.dev ', chat: '#openinfra-events on OFTC' },
      ctxOf(organizer),
    );
    expect(saved.ok && saved.changes[0]).toMatchObject({
      event: { contact: 'ptg@openinfra.dev', chat: '#openinfra-events on OFTC' },
    });
  });
});

describe('rooms', () => {
  const state = buildEventState();

  it('adds rooms with any name, and edits them without changing their slug', () => {
    const added = applied(
      state,
      saveRoom(state, { name: 'Salle Émile Zola', capacity: 20, features: ['projector'] }, ctxOf(organizer)),
    );
    expect(added.rooms.at(-1)).toMatchObject({
      slug: 'salle-emile-zola',
      name: 'Salle Émile Zola',
      capacity: 20,
      position: 3,
    });
    const edited = applied(
      added,
      saveRoom(added, { room: 'salle-emile-zola', name: 'Zola' }, ctxOf(organizer)),
    );
    expect(edited.rooms.at(-1)).toMatchObject({ slug: 'salle-emile-zola', name: 'Zola', capacity: 20 });
  });

  it('refuses a taken slug, a javascript: link and a room with bookings to remove', () => {
    expect(saveRoom(state, { name: 'Bexar' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'room_exists' },
    });
    expect(saveRoom(state, { name: 'X', url: 'javascript:alert(1)' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'invalid_url' },
    });
    const booked = applied(
      state,
      bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon14' }, ctxOf(novaModerator)),
    );
    expect(removeRoom(booked, { room: 'bexar' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(
      applied(state, removeRoom(state, { room: 'austin' }, ctxOf(organizer))).rooms.map((room) => room.slug),
    ).toEqual(['bexar', 'ballroom-a']);
  });

  it('closes a free cell and refuses to close a booked one (slot_taken)', () => {
    const closed = applied(
      state,
      setAvailability(state, { room: 'bexar', slot: 'mon13', available: false }, ctxOf(organizer)),
    );
    expect(closed.unavailable).toHaveLength(1);
    expect(
      applied(
        closed,
        setAvailability(closed, { room: 'bexar', slot: 'mon13', available: true }, ctxOf(organizer)),
      ).unavailable,
    ).toEqual([]);
    const booked = applied(
      state,
      bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon14' }, ctxOf(novaModerator)),
    );
    expect(
      setAvailability(booked, { room: 'bexar', slot: 'mon14', available: false }, ctxOf(organizer)),
    ).toMatchObject({ refusal: { code: 'slot_taken' } });
  });

  it('records one cell, not the whole grid, and nothing when the cell is already so', () => {
    const close = setAvailability(
      state,
      { room: 'bexar', slot: 'mon13', available: false },
      ctxOf(organizer),
    );
    expect(close).toMatchObject({
      ok: true,
      changes: [{ type: 'cell.availability-set', available: false }],
      reply: 'bexar is closed in mon13.',
    });
    const closed = applied(state, close);
    expect(
      setAvailability(closed, { room: 'bexar', slot: 'mon13', available: false }, ctxOf(organizer)),
    ).toMatchObject({ ok: true, changes: [] });
    expect(
      setAvailability(state, { room: 'bexar', slot: 'mon13', available: true }, ctxOf(organizer)),
    ).toMatchObject({
      ok: true,
      changes: [],
    });
  });
});
