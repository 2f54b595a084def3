import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChatEvent,
  chatNow,
  openChatEvent,
  type Person,
  people,
} from '../../test/support/chat-event.ts';
import { commandLines } from '../../test/support/command-lines.ts';
import type { Source } from '../core/model/actor.ts';
import { pick, seededRandom } from '../demo/seeded-random.ts';
import { type CommandRequest, runChatCommand } from './chat-commands.ts';

let chat: ChatEvent;
beforeEach(async () => {
  chat = await openChatEvent();
});
afterEach(async () => chat.close());

function run(
  person: Person | null,
  text: string,
  options: { source?: Source; bare?: CommandRequest['bare']; event?: string } = {},
) {
  return runChatCommand(chat.runtime, {
    event: options.event ?? 'test-ptg',
    text,
    who: { actor: person ? chat.actors[person] : null, source: options.source ?? 'irc' },
    bare: options.bare ?? 'personal',
  });
}

const revisionOf = async () => (await chat.runtime.models.get('test-ptg'))!.revision;

describe('runChatCommand', () => {
  it('with no event yet, lets channel talk pass and answers commands, asking who sent a line only for commands', async () => {
    let asked = 0;
    const who = async () => {
      asked++;
      return { actor: chat.actors.nova, source: 'irc' as const };
    };
    const request = (text: string, bare: CommandRequest['bare']) =>
      runChatCommand(chat.runtime, { event: null, text, who, bare });
    expect(await request('#openstack rocks', 'ignore')).toEqual({ handled: false });
    expect(await request('nice work everyone', 'ignore')).toEqual({ handled: false });
    expect(asked).toBe(0);
    expect(await request('#nova now Placement', 'ignore')).toMatchObject({
      handled: true,
      ok: false,
      code: 'unknown_event',
      reply: 'There is no event to act on yet.',
    });
    expect(asked).toBe(0);
    expect(await run('nova', '#nova now Placement')).toMatchObject({ ok: true });
  });

  it('answers a booking with a line for each team sharing people that meets then, and a refused range with a line per refused hour', async () => {
    const state = (await chat.runtime.models.get('test-ptg'))!;
    const teamId = (slug: string) => state.teams.find((team) => team.slug === slug)?.id as string;
    for (const person of ['attendee', 'organizer'] as const)
      for (const team of ['nova', 'cinder'])
        await chat.runtime.store.followTeam(chat.users[person].id, teamId(team), chatNow);
    expect(await run('cinder', '#cinder book austin-mon14')).toMatchObject({ ok: true });
    expect(await run('nova', '#nova book bexar-mon13..mon15')).toMatchObject({
      ok: true,
      reply:
        'Booked bexar for nova on Mon 17 Oct 13:00–16:00 UTC.\nNote: 2 people who follow nova also follow cinder, which meets then (mon14).',
    });
    const before = await revisionOf();
    expect(await run('nova', '#nova book austin-tue13..tue16')).toMatchObject({
      ok: false,
      code: 'range_refused',
      reply:
        'Nothing was booked: 2 hours of 4 cannot be booked.\naustin-tue15: nova already has 5 h booked for the event; the limit is 5 h in total.\naustin-tue16: nova already has 5 h booked for the event; the limit is 5 h in total.',
    });
    expect(await revisionOf()).toBe(before);
  });

  it('commits a team command through execute(), recording the actor and the source', async () => {
    const before = await revisionOf();
    expect(await run('nova', '#nova now Placement cleanup', { source: 'irc' })).toEqual({
      handled: true,
      ok: true,
      reply: 'nova now: Placement cleanup',
      code: null,
      private: false,
      changed: true,
    });
    const state = (await chat.runtime.models.get('test-ptg'))!;
    const [revision] = await chat.runtime.store.revisionsAfter(state.event.id, before);
    expect(revision).toMatchObject({
      actorId: chat.users.nova.id,
      actorName: 'Nia Nova',
      source: 'irc',
      changes: [{ type: 'board.now-set', topic: { text: 'Placement cleanup', at: chatNow } }],
    });
  });

  it('answers a refusal with its code and commits nothing', async () => {
    const before = await revisionOf();
    expect(await run('cinder', '#nova now hijack')).toMatchObject({
      handled: true,
      ok: false,
      code: 'forbidden',
      reply: "Only nova's moderators or an organiser can do this for nova.",
      changed: false,
    });
    expect(await run(null, '#nova next x')).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await revisionOf()).toBe(before);
  });

  it('leaves channel talk alone, and hints in a channel only about teams that exist', async () => {
    const channel = { bare: 'ignore' } as const;
    expect(await run('nova', 'in the pub later?', channel)).toEqual({ handled: false });
    expect(await run('nova', '#hashtag party tonight', channel)).toEqual({ handled: false });
    expect(await run('nova', '#nova Placement cleanup', channel)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      reply: expect.stringContaining('write: #nova now Placement cleanup'),
    });
    expect(await run('nova', 'nova now x')).toMatchObject({ code: 'invalid_input' });
  });

  it('stores check-ins by person, not by nick, and answers seen about people who agreed to be found', async () => {
    expect(await run('attendee', '+in #nova')).toMatchObject({ ok: true, private: true, changed: true });
    expect(await run('nova', '+seen adaATTENDEE')).toMatchObject({
      ok: true,
      private: true,
      reply: 'I have no check-in from adaATTENDEE that I may share.',
    });
    await chat.runtime.store.setListedInFindPeople(chat.users.attendee.id, true);
    expect(await run('nova', '+seen adaATTENDEE')).toMatchObject({
      reply: 'AdaAttendee checked in with #nova at 12:00 UTC.',
    });
    expect(await run('attendee', 'out')).toMatchObject({ reply: 'Checked out of #nova.', changed: true });
    expect(await run('attendee', 'out')).toMatchObject({ reply: 'You are not checked in anywhere today.' });
    expect(await run(null, '+seen AdaAttendee')).toMatchObject({ code: 'unauthenticated' });
  });

  it('stores, shows and removes a subscription', async () => {
    await run('attendee', 'subscribe #cinder placement');
    const eventId = (await chat.runtime.models.get('test-ptg'))!.event.id;
    expect(await chat.runtime.store.personal.subscriptionOf(eventId, chat.users.attendee.id)).toBe(
      '#cinder placement',
    );
    expect(await run('attendee', 'subscribe')).toMatchObject({
      reply: 'You are subscribed to: #cinder placement',
    });
    expect(await run('attendee', 'unsubscribe')).toMatchObject({ changed: true });
    expect(await chat.runtime.store.personal.subscriptionOf(eventId, chat.users.attendee.id)).toBeNull();
  });

  it('runs a destructive organiser command only when repeated with the code it gave', async () => {
    const asked = await run('organizer', '~del cinder');
    expect(asked).toMatchObject({ ok: false, code: 'confirmation_required' });
    const again = asked.handled ? asked.reply.slice(asked.reply.indexOf('~del cinder confirm')) : '';
    expect(await run('organizer', again)).toMatchObject({ ok: true, reply: 'Withdrew Cinder (cinder).' });
    const state = (await chat.runtime.models.get('test-ptg'))!;
    expect(state.teams.find((team) => team.slug === 'cinder')?.status).toBe('withdrawn');
  });

  it('lets a guest set topics once an organiser opens the event, and records the guest by name', async () => {
    const guest = {
      actor: { userId: null, name: 'Visitor (IRC guest)', isOrganizer: false },
      source: 'irc' as const,
    };
    const asGuest = (text: string) =>
      runChatCommand(chat.runtime, { event: 'test-ptg', text, who: guest, bare: 'personal' });
    expect(await asGuest('#nova now hello')).toMatchObject({ code: 'forbidden' });
    await run('organizer', '~alloweveryone');
    const before = await revisionOf();
    expect(await asGuest('#nova now hello')).toMatchObject({ ok: true });
    const state = (await chat.runtime.models.get('test-ptg'))!;
    expect((await chat.runtime.store.revisionsAfter(state.event.id, before))[0]).toMatchObject({
      actorId: null,
      actorName: 'Visitor (IRC guest)',
    });
    expect(await asGuest('+in #nova')).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses an event that does not exist (unknown_event)', async () => {
    expect(await run('nova', 'help', { event: 'nope' })).toMatchObject({ code: 'unknown_event' });
  });

  it('survives 1,500 generated lines against the database, which then agrees with memory', async () => {
    const random = seededRandom(7);
    const lines = commandLines(99);
    const persons = Object.keys(people) as Person[];
    let lastReply: string | null = null;
    for (let index = 0; index < 1500; index++) {
      const answer = await run(random() < 0.1 ? null : pick(random, persons), lines.next(lastReply), {
        bare: random() < 0.7 ? 'personal' : 'ignore',
      });
      lastReply = answer.handled ? answer.reply : null;
    }
    const state = (await chat.runtime.models.get('test-ptg'))!;
    expect(await chat.runtime.store.loadEvent(state.event.id)).toEqual(state);
  }, 120_000);
});
