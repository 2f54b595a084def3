import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  beforeEvent,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  sequentialIds,
} from '../../../test/support/builders.ts';
import { helmForm, signedUp } from '../../../test/support/signups.ts';
import type { Decision } from '../decision.ts';
import type { Actor } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import type { CheckIn } from '../people/presence.ts';
import { parseCommand } from './parse.ts';
import { type CommandView, commandNeeds, runCommand, type Step } from './run.ts';

const base = buildEventState();
const ids = sequentialIds('run');
const noOne: CommandView['mine'] = { checkIn: null, subscription: null, listed: false, channels: ['pages'] };

function stepOf(
  text: string,
  actor: Actor | null,
  state: EventState,
  view: Partial<CommandView>,
  now: Instant,
) {
  const parsed = parseCommand(text, { bare: 'personal' });
  if (parsed.kind !== 'command') throw new Error(`not a command: ${text}`);
  return runCommand(
    parsed.command,
    { state, mine: { ...noOne, channels: actor?.userId ? ['pages'] : [] }, seen: null, ...view },
    ctxOf(actor, now, 'irc', ids),
  );
}

/** Runs a command that changes the event, as `execute()` would: its rule on the state given. */
function decide(text: string, actor: Actor | null, state = base, now: Instant = beforeEvent): Decision {
  const step: Step = stepOf(text, actor, state, {}, now);
  if (step.kind !== 'event') throw new Error(`${text} does not change the event`);
  return step.decide(state, ctxOf(actor, now, 'irc', ids));
}

function personalOf(text: string, actor: Actor | null, view: Partial<CommandView> = {}, now = beforeEvent) {
  const step = stepOf(text, actor, view.state ?? base, view, now);
  if (step.kind !== 'personal') throw new Error(`${text} is not answered directly`);
  return step.decision;
}

const team = (state: EventState, slug: string) => state.teams.find((candidate) => candidate.slug === slug)!;

describe('runCommand: team commands', () => {
  it('sets now, adds next and cleans for the team’s moderator, any case of the team', () => {
    const now = decide('#NOVA now Placement cleanup with #cinder', novaModerator);
    expect(now).toEqual({
      ok: true,
      changes: [
        {
          type: 'board.now-set',
          teamId: team(base, 'nova').id,
          topic: { text: 'Placement cleanup with #cinder', at: beforeEvent },
        },
      ],
      reply: 'nova now: Placement cleanup with #cinder',
    });
    const withNow = applied(base, now);
    const next = applied(withNow, decide('#nova next live migration', novaModerator, withNow));
    expect(next.board[team(base, 'nova').id]?.next.map((topic) => topic.text)).toEqual(['live migration']);
    expect(decide('#nova clean', novaModerator, next)).toEqual({
      ok: true,
      changes: [{ type: 'board.cleaned', teamId: team(base, 'nova').id }],
      reply: 'Cleared the topics of nova.',
    });
  });

  it('refuses another team’s moderator (forbidden), nobody (unauthenticated) and unknown or unlisted teams', () => {
    expect(decide('#nova now hijack', cinderModerator)).toEqual({
      ok: false,
      refusal: { code: 'forbidden', message: "Only nova's moderators or an organiser can do this for nova." },
    });
    expect(decide('#nova next x', null)).toMatchObject({ refusal: { code: 'unauthenticated' } });
    expect(decide('#glance now x', organizer)).toMatchObject({
      refusal: { code: 'unknown_team', message: 'There is no team "glance" in this event.' },
    });
    expect(decide('#pending now x', novaModerator)).toMatchObject({ refusal: { code: 'team_not_approved' } });
  });

  it('sets the etherpad and video links, and auto / none go back to the defaults', () => {
    const pad = decide('#nova etherpad https://pads.example.org/p/nova-own', novaModerator);
    expect(pad).toMatchObject({
      ok: true,
      changes: [{ type: 'team.saved', team: { etherpadUrl: 'https://pads.example.org/p/nova-own' } }],
      reply: 'nova: etherpad set to https://pads.example.org/p/nova-own.',
    });
    const withPad = applied(base, pad);
    expect(decide('#nova etherpad AUTO', novaModerator, withPad)).toMatchObject({
      changes: [{ team: { etherpadUrl: null } }],
      reply: 'nova: etherpad back to the default.',
    });
    const video = applied(base, decide('#nova url https://meet.example.org/nova', novaModerator));
    expect(team(video, 'nova').videoUrl).toBe('https://meet.example.org/nova');
    expect(decide('#nova url none', novaModerator, video)).toMatchObject({
      reply: 'nova: video link back to the room’s.',
    });
  });

  it('refuses links that are not http(s) (invalid_url)', () => {
    expect(decide('#nova url javascript:alert(1)', novaModerator)).toMatchObject({
      refusal: { code: 'invalid_url' },
    });
    expect(decide('#nova etherpad ftp://pads.example.org/p', novaModerator)).toMatchObject({
      refusal: { code: 'invalid_url' },
    });
  });

  it('sets the colour and the location; refuses a colour it cannot read (invalid_input)', () => {
    expect(decide('#nova color teal', novaModerator)).toMatchObject({
      changes: [{ team: { colour: '#008080' } }],
    });
    expect(decide('#nova color sparkly', novaModerator)).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    const located = applied(base, decide('#nova location Level B, Ballroom A', novaModerator));
    expect(team(located, 'nova').location).toBe('Level B, Ballroom A');
    expect(decide('#nova location none', novaModerator, located)).toMatchObject({
      changes: [{ team: { location: null } }],
    });
  });

  it('books and releases cells named by slug or by a room name with spaces', () => {
    const booked = decide('#nova book Ballroom A mon13', novaModerator);
    expect(booked).toMatchObject({
      ok: true,
      changes: [{ type: 'booking.created', booking: { source: 'irc', kind: 'self' } }],
      reply: 'Booked Ballroom A for nova on Mon 17 Oct 13:00–14:00 UTC.',
    });
    const state = applied(base, booked);
    expect(decide('#nova unbook ballroom-a-mon13', novaModerator, state)).toMatchObject({
      ok: true,
      changes: [{ type: 'booking.cancelled' }],
      reply: 'Released Ballroom A on Mon 17 Oct 13:00–14:00 UTC; it was booked by nova.',
    });
    expect(decide('#cinder unbook Ballroom A-mon13', cinderModerator, state)).toMatchObject({
      refusal: { code: 'unknown_booking', message: 'Ballroom A is not booked for cinder in mon13.' },
    });
  });

  it('books a range of hours in one room, all or nothing, written ROOM-FIRST..LAST', () => {
    const booked = decide('#nova book Ballroom A mon13..mon15', novaModerator);
    expect(booked).toMatchObject({
      ok: true,
      reply: 'Booked Ballroom A for nova on Mon 17 Oct 13:00–16:00 UTC.',
    });
    expect(booked.ok && booked.changes.length).toBe(3);
    expect(decide('#nova book bexar-mon13..mon16', novaModerator)).toMatchObject({
      refusal: {
        code: 'range_refused',
        parts: [{ ok: true }, { ok: true }, { ok: true }, { code: 'daily_cap' }],
      },
    });
    expect(decide('#nova book bexar-mon16..tue13', novaModerator)).toMatchObject({
      refusal: { code: 'bad_range' },
    });
    expect(decide('#nova book bexar-mon13..', novaModerator)).toMatchObject({
      refusal: { code: 'unknown_slot', message: 'There is no slot "" in this event.' },
    });
    expect(decide('#nova book bexar-mon13..mon14', cinderModerator)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });

  it('answers who may book before reading the cell, and refuses cells that do not exist', () => {
    expect(decide('#nova book nowhere-mon13', cinderModerator)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(decide('#nova book nowhere-mon13', novaModerator)).toMatchObject({
      refusal: { code: 'unknown_room', message: 'There is no room "nowhere" in this event.' },
    });
    expect(decide('#nova book bexar-sun13', novaModerator)).toMatchObject({
      refusal: { code: 'unknown_slot' },
    });
    expect(decide('#nova book bexar', novaModerator)).toMatchObject({ refusal: { code: 'unknown_slot' } });
  });

  it('lets anyone recognised set topics and links once the event is open, but never book', () => {
    const open = applied(base, decide('~alloweveryone', organizer));
    expect(decide('#nova now from the floor', attendee, open)).toMatchObject({ ok: true });
    expect(decide('#nova url https://meet.example.org/x', attendee, open)).toMatchObject({ ok: true });
    expect(decide('#nova book bexar-mon13', attendee, open)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(decide('#nova now anonymous', null, open)).toMatchObject({ refusal: { code: 'unauthenticated' } });
    const closed = applied(open, decide('~requirevoice', organizer, open));
    expect(decide('#nova now from the floor', attendee, closed)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });
});

describe('runCommand: organiser commands', () => {
  it('lists the official teams and those waiting, for organisers only', () => {
    expect(personalOf('~list', organizer)).toEqual({
      ok: true,
      effect: null,
      reply: 'Official list (3): cinder nova tc. Waiting for approval: pending.',
    });
    expect(personalOf('~list', novaModerator)).toMatchObject({ refusal: { code: 'forbidden' } });
  });

  it('adds a team typed in mixed case with a usable lower-case short name (ptgbot’s TestTrack bug)', () => {
    const added = applied(base, decide('~add TestTrack', organizer));
    expect(team(added, 'testtrack')).toMatchObject({ name: 'TestTrack', status: 'approved' });
    expect(decide('#TestTrack now it works', organizer, added)).toMatchObject({ ok: true });
    expect(decide('~add testtrack', organizer, added)).toMatchObject({
      ok: true,
      changes: [],
      reply: 'testtrack was already on the list.',
    });
  });

  it('approves a waiting team, refuses command words as names, and refuses non-organisers', () => {
    expect(decide('~add pending', organizer)).toMatchObject({
      changes: [{ type: 'team.saved', team: { slug: 'pending', status: 'approved' } }],
      reply: 'Approved Pending (pending).',
    });
    expect(decide('~add in', organizer)).toMatchObject({ refusal: { code: 'invalid_input' } });
    expect(decide('~add Glance', novaModerator)).toMatchObject({ refusal: { code: 'forbidden' } });
  });

  it('withdraws a team only when repeated with the code, releasing bookings not yet started', () => {
    const booked = applied(base, decide('#nova book bexar-mon13', novaModerator));
    const asked = decide('~del nova', organizer, booked);
    expect(asked).toMatchObject({ ok: false, refusal: { code: 'confirmation_required' } });
    const message = asked.ok ? '' : asked.refusal.message;
    expect(message).toMatch(
      /^~del nova would withdraw nova and release 1 booking\. To go ahead, send: ~del nova confirm [a-z0-9]{5}$/,
    );
    const confirmed = decide(message.slice(message.indexOf('~del nova confirm')), organizer, booked);
    expect(confirmed).toMatchObject({
      ok: true,
      changes: [{ type: 'team.saved', team: { status: 'withdrawn' } }, { type: 'booking.cancelled' }],
      reply: 'Withdrew Nova/Placement (nova) and released 1 booking.',
    });
    expect(decide('~del nova confirm zzzzz', organizer, booked)).toMatchObject({
      refusal: { code: 'confirmation_required', message: expect.stringMatching(/^That code does not match/) },
    });
    expect(decide('~del nova', novaModerator, booked)).toMatchObject({ refusal: { code: 'forbidden' } });
  });

  it('lets an organiser release a started cell of a withdrawn team from chat, as the booking rules allow', () => {
    const booked = applied(base, decide('#nova book bexar-mon13', novaModerator));
    const withdrawn = applied(booked, {
      ok: true,
      reply: '',
      changes: [{ type: 'team.saved', team: { ...team(booked, 'nova'), status: 'withdrawn' } }],
    });
    expect(decide('#nova unbook bexar-mon13', organizer, withdrawn)).toMatchObject({
      ok: true,
      changes: [{ type: 'booking.cancelled' }],
    });
    expect(decide('#nova unbook bexar-mon13', cinderModerator, withdrawn)).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });

  it('approves a signed-up team on ~add as the review does, with its lead and named moderators', () => {
    const submitted = signedUp(base, helmForm, novaModerator);
    const added = decide('~add openstack-helm', organizer, submitted);
    expect(added).toMatchObject({
      ok: true,
      changes: [
        {
          type: 'team.saved',
          team: { status: 'approved', moderators: ['user-nova', 'user-ana', 'user-bo'] },
        },
        { type: 'signup.saved', signup: { outcome: { kind: 'approved' } } },
      ],
    });
  });

  it('cleans the topics of several teams, and starts a new day after confirmation', () => {
    let state = applied(base, decide('#nova now a', novaModerator));
    state = applied(state, decide('#cinder now b', cinderModerator, state));
    expect(decide('~clean nova cinder', organizer, state)).toMatchObject({
      changes: [{ type: 'board.cleaned' }, { type: 'board.cleaned' }],
      reply: 'Cleared the topics of nova, cinder.',
    });
    const asked = decide('~newday', organizer, state);
    const message = asked.ok ? '' : asked.refusal.message;
    expect(message).toMatch(
      /^~newday would clear the topics of 2 teams\. To go ahead, send: ~newday confirm /,
    );
    expect(decide(message.slice(message.indexOf('~newday confirm')), organizer, state)).toMatchObject({
      ok: true,
      reply: 'Cleared the topics of 2 teams and the locations of 0 teams.',
    });
    expect(decide('~newday', organizer)).toMatchObject({
      ok: true,
      changes: [],
      reply: 'The board is already clear.',
    });
  });

  it('adds, removes, reorders and cleans banners', () => {
    let state = applied(base, decide('~motd add warning Lunch until 13:00', organizer));
    state = applied(state, decide('~motd add info Welcome', organizer, state));
    expect(state.motd.map((motd) => motd.message)).toEqual(['Lunch until 13:00', 'Welcome']);
    const reordered = applied(state, decide('~motd reorder 2 1', organizer, state));
    expect(reordered.motd.map((motd) => motd.message)).toEqual(['Welcome', 'Lunch until 13:00']);
    expect(decide('~motd del 3', organizer, state)).toMatchObject({ refusal: { code: 'unknown_motd' } });
    expect(applied(state, decide('~motd del 1', organizer, state)).motd).toHaveLength(1);
    expect(decide('~motd add shouting x', organizer)).toMatchObject({ refusal: { code: 'invalid_input' } });
    expect(decide('~motd clean', organizer, state)).toMatchObject({
      refusal: { code: 'confirmation_required' },
    });
    expect(decide('~motd add info x', attendee)).toMatchObject({ refusal: { code: 'forbidden' } });
  });
});

describe('runCommand: personal commands', () => {
  const checkIn: CheckIn = {
    userId: 'user-attendee',
    teamId: null,
    place: 'the pub',
    at: beforeEvent,
    outAt: null,
  };

  it('says what each personal verb needs loaded: the sender’s data, or the person asked about', () => {
    const needs = (text: string) => {
      const parsed = parseCommand(text, { bare: 'personal' });
      return parsed.kind === 'command' ? commandNeeds(parsed.command) : null;
    };
    expect(needs('in #nova')).toEqual({ mine: true, seenNick: null });
    expect(needs('seen NiaNova')).toEqual({ mine: false, seenNick: 'NiaNova' });
    expect(needs('help')).toEqual({ mine: false, seenNick: null });
    expect(needs('#nova now x')).toEqual({ mine: false, seenNick: null });
  });

  it('checks in and out, storing the check-in as the effect', () => {
    expect(personalOf('in the pub', attendee)).toMatchObject({
      ok: true,
      effect: { type: 'check-in', checkIn: { userId: 'user-attendee', place: 'the pub', outAt: null } },
    });
    expect(personalOf('+out', attendee, { mine: { ...noOne, checkIn } })).toMatchObject({
      ok: true,
      effect: { type: 'check-in', checkIn: { outAt: beforeEvent } },
      reply: 'Checked out of the pub.',
    });
    expect(personalOf('+out', attendee)).toEqual({
      ok: true,
      effect: null,
      reply: 'You are not checked in anywhere today.',
    });
  });

  it('subscribes, shows and unsubscribes', () => {
    expect(personalOf('+subscribe #cinder "live migration"', attendee)).toMatchObject({
      effect: { type: 'subscribe', pattern: '#cinder "live migration"' },
    });
    const mine = { ...noOne, subscription: 'placement' };
    expect(personalOf('+subscribe', attendee, { mine })).toMatchObject({
      effect: null,
      reply: 'You are subscribed to: placement',
    });
    expect(personalOf('+unsubscribe', attendee, { mine })).toMatchObject({ effect: { type: 'unsubscribe' } });
    expect(personalOf('+unsubscribe', attendee)).toMatchObject({
      effect: null,
      reply: 'You have no subscription.',
    });
  });

  it('answers seen and help without storing anything', () => {
    expect(personalOf('+seen NiaNova', attendee)).toMatchObject({
      effect: null,
      reply: 'I have no check-in from NiaNova that I may share.',
    });
    expect(personalOf('help book', null)).toMatchObject({ ok: true, effect: null });
  });
});
