import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChatEvent, openChatEvent } from '../../test/support/chat-event.ts';
import { describeWithIrcServer, TestIrcClient, TestIrcServer } from '../../test/support/irc-server.ts';
import { helmForm } from '../../test/support/signups.ts';
import { openSse } from '../../test/support/sse-client.ts';
import { findPeople } from '../app/find-people.ts';
import { acceptNickClaim } from '../app/nick-claims.ts';
import { signUpTeam } from '../app/signups.ts';
import { systemActor } from '../core/model/actor.ts';
import { logMailer } from '../mail/log-mailer.ts';
import { buildApp } from '../web/app.ts';
import { IrcBot } from './irc-bot.ts';
import type { IrcTrust } from './irc-settings.ts';

const channel = '#ptg';
const botNick = 'convene';

function startBot(chat: ChatEvent, server: TestIrcServer, trust: IrcTrust, nick = botNick, room = channel) {
  const problems: string[] = [];
  const bot = new IrcBot({
    settings: {
      server: '127.0.0.1',
      port: server.port,
      tls: false,
      nick,
      password: server.password,
      channel: room,
      trust,
      event: 'test-ptg',
    },
    runtime: chat.runtime,
    log: { info: () => {}, warn: () => {}, error: (message) => problems.push(message) },
    backoff: { firstMs: 100, maxMs: 800 },
    rate: { burst: 10, intervalMs: 30 },
  });
  return { bot, problems };
}

const joined = (bot: IrcBot) => new Promise<void>((resolve) => bot.once('joined', () => resolve()));

describeWithIrcServer('the IRC bot, on a real IRC server', () => {
  let chat: ChatEvent;
  let server: TestIrcServer;
  let app: FastifyInstance;
  let bot: IrcBot;
  let problems: string[];
  const clients: TestIrcClient[] = [];
  let nia: TestIrcClient;
  let cid: TestIrcClient;
  let olive: TestIrcClient;
  let ada: TestIrcClient;
  let stranger: TestIrcClient;
  let base: string;

  const api = async (path: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/events/test-ptg${path}` })).json();
  const revision = async () => (await chat.runtime.models.get('test-ptg'))!.revision;

  /** Says `text` in the channel and returns the bot's answer to the sender there. */
  async function inChannel(person: TestIrcClient, text: string): Promise<string> {
    const since = person.mark();
    person.say(channel, text);
    const answer = await person.waitFor((line) => line.startsWith(`${person.nick}: `), {
      from: botNick,
      to: channel,
      since,
    });
    return answer.slice(person.nick.length + 2);
  }

  /** Sends `text` to the bot (privately, or in the channel) and returns its private answer. */
  async function privately(person: TestIrcClient, text: string, where = botNick): Promise<string> {
    const since = person.mark();
    person.say(where, text);
    return person.waitFor(() => true, { from: botNick, to: person.nick, since });
  }

  beforeAll(async () => {
    chat = await openChatEvent();
    server = await TestIrcServer.start({ password: 'sekrit' });
    app = await buildApp({ runtime: chat.runtime, ops: chat.runtime.ops, baseUrl: 'http://convene.test' });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    ({ bot, problems } = startBot(chat, server, 'nick'));
    const ready = joined(bot);
    bot.start();
    await ready;
    for (const nick of ['NiaNova', 'CidCinder', 'OliveOrg', 'adaATTENDEE', 'Stranger']) {
      clients.push(await TestIrcClient.connect(server, nick, channel));
    }
    [nia, cid, olive, ada, stranger] = clients as [
      TestIrcClient,
      TestIrcClient,
      TestIrcClient,
      TestIrcClient,
      TestIrcClient,
    ];
  });

  afterAll(async () => {
    for (const client of clients) await client.quit();
    await bot?.stop();
    await server?.dispose();
    await app?.close();
    await chat?.close();
  });

  it('carries out a moderator’s now, next, book, unbook, url, etherpad and clean, answering in the channel', async () => {
    const before = await revision();
    expect(await inChannel(nia, '#nova now Placement cleanup with #cinder')).toBe(
      'nova now: Placement cleanup with #cinder',
    );
    expect(await inChannel(nia, '#Nova next Live migration')).toBe('nova next: Live migration');
    let board = await api('/board');
    expect(board.now).toMatchObject([{ team: 'nova', text: 'Placement cleanup with #cinder' }]);
    expect(board.next).toMatchObject([{ team: 'nova', items: [{ text: 'Live migration' }] }]);

    expect(await inChannel(nia, '#nova book Ballroom A-mon14')).toBe(
      'Booked Ballroom A for nova on Mon 17 Oct 14:00–15:00 UTC.',
    );
    let schedule = await api('/schedule');
    expect(schedule.bookings).toMatchObject([{ team: 'nova', room: 'ballroom-a' }]);
    expect(await inChannel(nia, '#nova unbook ballroom a mon14')).toBe(
      'Released Ballroom A on Mon 17 Oct 14:00–15:00 UTC; it was booked by nova.',
    );
    schedule = await api('/schedule');
    expect(schedule.bookings).toEqual([]);

    expect(await inChannel(nia, '#nova url https://meet.example.org/nova')).toBe(
      'nova: video link set to https://meet.example.org/nova.',
    );
    expect(await inChannel(nia, '#nova etherpad https://pads.example.org/p/nova-own')).toBe(
      'nova: etherpad set to https://pads.example.org/p/nova-own.',
    );
    expect((await api('/teams/nova')).team).toMatchObject({
      video_url: 'https://meet.example.org/nova',
      etherpad: 'https://pads.example.org/p/nova-own',
    });

    expect(await inChannel(nia, '#nova clean')).toBe('Cleared the topics of nova.');
    board = await api('/board');
    expect([board.now, board.next]).toEqual([[], []]);

    const state = (await chat.runtime.models.get('test-ptg'))!;
    const revisions = await chat.runtime.store.revisionsAfter(state.event.id, before);
    expect(revisions).toHaveLength(7);
    for (const committed of revisions) {
      expect(committed).toMatchObject({ source: 'irc', actorId: chat.users.nova.id, actorName: 'Nia Nova' });
    }
  });

  it('carries a moderator’s change from IRC to viewers of the event stream', async () => {
    const stream = await openSse(`${base}/api/v1/events/test-ptg/stream?views=board`);
    try {
      expect((await stream.next()).event).toBe('snapshot');
      await inChannel(nia, '#nova now Streamed from IRC');
      const message = await stream.next();
      expect(message.event).toBe('board');
      expect(JSON.parse(message.data).lists.now.upsert).toEqual([
        expect.objectContaining({ team: 'nova', text: 'Streamed from IRC' }),
      ]);
    } finally {
      stream.close();
    }
  });

  it('refuses a non-moderator’s team commands with a reply, and changes nothing', async () => {
    await inChannel(nia, '#nova now Kept');
    const topics = async () => {
      const { now, next } = await api('/board');
      return { now, next };
    };
    const before = { revision: await revision(), topics: await topics(), team: await api('/teams/nova') };
    const refusal = "Only nova's moderators or an organiser can do this for nova.";
    for (const text of [
      '#nova now Hijacked',
      '#nova next Hijacked',
      '#nova clean',
      '#nova book bexar-mon15',
      '#nova url https://evil.example.org',
      '#nova etherpad https://evil.example.org',
    ]) {
      expect(await inChannel(cid, text), text).toBe(refusal);
    }
    await inChannel(nia, '#nova book bexar-mon16');
    const booked = await revision();
    expect(await inChannel(cid, '#nova unbook bexar-mon16')).toBe(refusal);
    expect(await inChannel(stranger, '#nova now Hijacked')).toBe(
      'The nick Stranger is not linked to a Convene account: an organiser can link it with convene user add EMAIL --irc NICK, or you can on your profile page.',
    );
    expect(await revision()).toBe(booked);
    expect(await topics()).toEqual(before.topics);
    expect(await api('/teams/nova')).toEqual(before.team);
    expect(booked).toBe(before.revision + 1);
  });

  it('checks in, out and answers seen for nicks in any case, privately', async () => {
    expect(await privately(ada, 'in #nova')).toMatch(/^Checked in with #nova; it lasts until you check out/);
    expect(await privately(nia, '+seen ADAattendee', channel)).toBe(
      'I have no check-in from ADAattendee that I may share.',
    );
    await chat.runtime.store.setListedInFindPeople(chat.users.attendee.id, true);
    expect(await privately(nia, '+seen adaattendee', channel)).toBe(
      'AdaAttendee checked in with #nova at 12:00 UTC.',
    );
    expect(await privately(ada, '+OUT', channel)).toBe('Checked out of #nova.');
    expect(await privately(nia, 'seen AdaAttendee')).toBe(
      'AdaAttendee was last seen with #nova, until 12:00 UTC.',
    );
    expect(
      ada.heard.filter((event) => event.target === channel && event.message.includes('Checked')),
    ).toEqual([]);
  });

  it('sends a subscriber a private message when a matching topic is set, and none after unsubscribe', async () => {
    expect(await privately(ada, 'subscribe placement "live migration"')).toMatch(/^Subscribed to: placement/);
    const since = ada.mark();
    await inChannel(nia, '#nova now Placement for real');
    expect(await ada.waitFor(() => true, { from: botNick, to: ada.nick, since })).toBe(
      '#nova now: Placement for real',
    );
    expect(await privately(ada, 'unsubscribe')).toBe('Unsubscribed from: placement "live migration"');
    expect(await privately(olive, 'subscribe placement')).toMatch(/^Subscribed/);
    const after = ada.mark();
    const oliveSince = olive.mark();
    await inChannel(nia, '#nova next Placement, part two');
    // Alerts for one topic go out together: once Olive has hers, Ada would have had hers too.
    await olive.waitFor((line) => line.includes('part two'), {
      from: botNick,
      to: olive.nick,
      since: oliveSince,
    });
    expect(ada.heard.slice(after).filter((event) => event.target === ada.nick)).toEqual([]);
    await privately(olive, 'unsubscribe');
  });

  it('lets a nick without an account check in, be found once it said +in in the channel, and subscribe on IRC', async () => {
    expect(await privately(stranger, 'in the hallway')).toMatch(/^Checked in at the hallway/);
    expect(await privately(nia, 'seen Stranger')).toBe('I have no check-in from Stranger that I may share.');
    expect(await privately(stranger, '+in #nova', channel)).toMatch(/^Checked in with #nova/);
    expect(await privately(nia, 'seen Stranger')).toBe('Stranger checked in with #nova at 12:00 UTC.');
    const organiser = { userId: chat.users.organizer.id, name: 'Olive', isOrganizer: true };
    const found = await findPeople(chat.runtime, 'test-ptg', organiser);
    expect(found.ok && found.value.map((person) => [person.nick, person.teamSlug])).toContainEqual([
      'stranger',
      'nova',
    ]);
    expect(await privately(stranger, 'subscribe backups')).toBe(
      'Subscribed to: backups. Matching topics will reach you by private message on IRC.',
    );
    const since = stranger.mark();
    await inChannel(nia, '#nova now Backups and restores');
    expect(await stranger.waitFor(() => true, { from: botNick, to: stranger.nick, since })).toBe(
      '#nova now: Backups and restores',
    );
    expect(await privately(stranger, 'unsubscribe')).toBe('Unsubscribed from: backups');
    expect(await privately(stranger, '+out', channel)).toBe('Checked out of #nova.');
  });

  it('runs organiser commands for organisers only, destructive ones after confirmation', async () => {
    expect(await inChannel(nia, '~add TestTrack')).toBe('Only organisers can do this.');
    expect(await inChannel(olive, '~add TestTrack')).toBe('Added testtrack (TestTrack) as approved.');
    expect((await api('/teams')).teams.map((team: { slug: string }) => team.slug)).toContain('testtrack');
    expect(await inChannel(olive, '#TestTrack now Hello')).toBe('testtrack now: Hello');
    expect(await inChannel(nia, '~motd add warning Lunch at noon')).toBe('Only organisers can do this.');
    expect(await inChannel(olive, '~motd add warning Lunch at noon')).toBe('Banner 1 added (warning).');
    expect((await api('/board')).motd).toMatchObject([{ level: 'warning', message: 'Lunch at noon' }]);
    const asked = await inChannel(olive, '~del testtrack');
    expect(asked).toMatch(
      /^~del testtrack would withdraw testtrack and clear the topics of 1 team\. To go ahead, send: /,
    );
    const confirmation = asked.slice(asked.lastIndexOf('~del'));
    expect(await inChannel(nia, confirmation)).toBe('Only organisers can do this.');
    expect(await inChannel(olive, confirmation)).toBe('Withdrew TestTrack (testtrack).');
    expect((await api('/teams')).teams.map((team: { slug: string }) => team.slug)).not.toContain('testtrack');
    expect(await inChannel(olive, '~list')).toBe(
      'Official list (3): cinder nova tc. Waiting for approval: pending.',
    );
  });

  it('hints at the right command, stays silent on channel talk, and survives any input', async () => {
    expect(await inChannel(nia, '#nova Placement cleanup')).toMatch(/write: #nova now Placement cleanup$/);
    const junk = [
      '\u0001ACTION waves\u0001',
      '\u0002\u0003#nova\u000f now \u0016',
      `#nova now ${'ü'.repeat(200)}`,
      '#',
      '~',
      '+',
      '#in',
      '~motd reorder 1 1 1',
      // NUL, CR and LF end an IRC line before it reaches anyone, so every other control is tried.
      '+seen \u0007\u001b[31mred',
      `+subscribe /${'('.repeat(50)}/`,
      '#nova book -',
      'just chatting, +1 to that',
    ];
    for (const line of junk) stranger.say(channel, line);
    for (const line of junk) nia.say(botNick, line);
    const since = nia.mark();
    nia.say(botNick, 'help');
    await nia.waitFor((line) => line.startsWith('Team commands'), { from: botNick, to: nia.nick, since });
    expect(stranger.heard.filter((event) => event.message.startsWith('Stranger: just chatting'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('books a range in one line, naming on lines of their own the teams sharing people that meet then', async () => {
    const state = (await chat.runtime.models.get('test-ptg'))!;
    const teamId = (slug: string) => state.teams.find((team) => team.slug === slug)?.id as string;
    for (const person of ['attendee', 'organizer'] as const)
      for (const team of ['nova', 'cinder'])
        await chat.runtime.store.followTeam(chat.users[person].id, teamId(team), state.event.startsOn);
    expect(await inChannel(cid, '#cinder book austin-tue14')).toBe(
      'Booked austin for cinder on Tue 18 Oct 14:00–15:00 UTC.',
    );
    const since = nia.mark();
    nia.say(channel, '#nova book bexar-tue13..tue15');
    const heard = { from: botNick, to: channel, since };
    await expect(nia.waitFor((line) => line.startsWith(`${nia.nick}: Booked`), heard)).resolves.toBe(
      `${nia.nick}: Booked bexar for nova on Tue 18 Oct 13:00–16:00 UTC.`,
    );
    await expect(nia.waitFor((line) => line.startsWith(`${nia.nick}: Note:`), heard)).resolves.toBe(
      `${nia.nick}: Note: 2 people who follow nova also follow cinder, which meets then (tue14).`,
    );
    expect(await inChannel(nia, '#nova book austin-tue15..tue16')).toBe(
      'Nothing was booked: 2 hours of 2 cannot be booked.',
    );
    for (const booking of (await chat.runtime.models.get('test-ptg'))!.bookings)
      await chat.runtime.ops.unbookSlot(
        'test-ptg',
        { actor: chat.actors.organizer, source: 'cli' },
        { bookingId: booking.id },
      );
    expect(problems).toEqual([]);
  });

  it('comes back after the IRC server is killed and restarted, and works again', async () => {
    const disconnected = new Promise((resolve) => bot.once('disconnected', resolve));
    await server.stop();
    await disconnected;
    const back = joined(bot);
    await server.start();
    await back;
    const returned = await TestIrcClient.connect(server, 'NiaNova', channel);
    clients.push(returned);
    expect(await inChannel(returned, '#nova now After the restart')).toBe('nova now: After the restart');
    expect((await api('/board')).now).toMatchObject([{ team: 'nova', text: 'After the restart' }]);
    expect(problems).toEqual([]);
  });
});

describeWithIrcServer('the IRC bot with IRC_TRUST=voice', () => {
  let chat: ChatEvent;
  let server: TestIrcServer;
  let bot: IrcBot;
  const clients: TestIrcClient[] = [];

  beforeAll(async () => {
    chat = await openChatEvent();
    server = await TestIrcServer.start();
    clients.push(await TestIrcClient.connect(server, 'Chair', channel));
    ({ bot } = startBot(chat, server, 'voice'));
    const ready = joined(bot);
    bot.start();
    await ready;
    clients.push(await TestIrcClient.connect(server, 'NiaNova', channel));
  });

  afterAll(async () => {
    for (const client of clients) await client.quit();
    await bot?.stop();
    await server?.dispose();
    await chat?.close();
  });

  /** The server tells the bot of a mode change before it relays anything Nia says after seeing it. */
  async function setMode(chair: TestIrcClient, nia: TestIrcClient, mode: string) {
    const seen = new Promise<void>((resolve) =>
      nia.client.on('mode', (event) => {
        if (event.modes.some((change) => change.mode === mode)) resolve();
      }),
    );
    chair.client.raw('MODE', channel, mode, 'NiaNova');
    await seen;
  }

  it('acts for a linked nick only while it has voice in the channel', async () => {
    const [chair, nia] = clients as [TestIrcClient, TestIrcClient];
    const ask = async (text: string) => {
      const since = nia.mark();
      nia.say(channel, text);
      return nia.waitFor((line) => line.startsWith('NiaNova: '), { from: botNick, to: channel, since });
    };
    expect(await ask('#nova now Not yet')).toMatch(
      /^NiaNova: I only act for linked nicks while they have voice/,
    );
    await setMode(chair, nia, '+v');
    expect(await ask('#nova now With voice')).toBe('NiaNova: nova now: With voice');
    await setMode(chair, nia, '-v');
    expect(await ask('#nova now Voice gone')).toMatch(/^NiaNova: I only act for linked nicks/);
  });
});

describeWithIrcServer('the IRC bot with IRC_TRUST=account', () => {
  let chat: ChatEvent;
  let server: TestIrcServer;
  let bot: IrcBot;
  let nia: TestIrcClient;

  beforeAll(async () => {
    chat = await openChatEvent();
    server = await TestIrcServer.start();
    ({ bot } = startBot(chat, server, 'account'));
    const ready = joined(bot);
    bot.start();
    await ready;
    nia = await TestIrcClient.connect(server, 'NiaNova', channel);
  });

  afterAll(async () => {
    await nia?.quit();
    await bot?.stop();
    await server?.dispose();
    await chat?.close();
  });

  it('does not take a linked nick’s word for it: without a services account, nothing happens', async () => {
    const before = (await chat.runtime.models.get('test-ptg'))!.revision;
    const since = nia.mark();
    nia.say(channel, '#nova now Claimed by nick alone');
    expect(await nia.waitFor(() => true, { from: botNick, to: channel, since })).toMatch(
      /^NiaNova: I only act for nicks logged in to a services account/,
    );
    expect((await chat.runtime.models.get('test-ptg'))!.revision).toBe(before);
  });
});

describeWithIrcServer('the IRC bot with IRC_TRUST=nick and a nick named on a sign-up', () => {
  let chat: ChatEvent;
  let server: TestIrcServer;
  let bot: IrcBot;
  let named: TestIrcClient;

  beforeAll(async () => {
    chat = await openChatEvent();
    server = await TestIrcServer.start();
    ({ bot } = startBot(chat, server, 'nick'));
    const ready = joined(bot);
    bot.start();
    await ready;
    named = await TestIrcClient.connect(server, 'attacknick', channel);
  });

  afterAll(async () => {
    await named?.quit();
    await bot?.stop();
    await server?.dispose();
    await chat?.close();
  });

  const ask = async (text: string) => {
    const since = named.mark();
    named.say(channel, text);
    return named.waitFor((line) => line.startsWith('attacknick: '), { from: botNick, to: channel, since });
  };

  it('gives the nick no organiser or moderator rights until the address’s owner accepts it', async () => {
    const { runtime } = chat;
    const system = { actor: systemActor, source: 'cli' as const };
    await runtime.ops.updateEvent('test-ptg', system, { signupClosesAt: '2022-12-01T00:00:00Z' });
    const lead = { actor: chat.actors.attendee, source: 'web' as const };
    const mailing = { mailer: logMailer(() => {}), baseUrl: 'http://convene.test' };
    const form = { ...helmForm, preferredWindows: [], moderators: 'future-org@example.org attacknick' };
    const signed = await signUpTeam(runtime, mailing, lead, 'test-ptg', form);
    if (!signed.ok) throw new Error(signed.refusal.message);
    const owner = await runtime.store.findUserByEmail('future-org@example.org');
    if (!owner) throw new Error('the moderator’s account was not made');
    await runtime.store.setOrganizer(owner.id, true);
    const before = (await runtime.models.get('test-ptg'))!.revision;

    expect(await ask('~add Intruders')).toMatch(/^attacknick: The nick attacknick is not linked/);
    expect(await ask('#openstack-helm now Taken over')).toMatch(
      /^attacknick: The nick attacknick is not linked/,
    );
    expect((await runtime.models.get('test-ptg'))!.revision).toBe(before);

    const [claim] = await runtime.store.nicks.claimsOf(owner.id);
    const who = { actor: { userId: owner.id, name: owner.name, isOrganizer: true }, source: 'web' as const };
    expect((await acceptNickClaim(runtime, who, claim?.id ?? '')).ok).toBe(true);
    expect(await ask('#openstack-helm now Accepted by its owner')).toBe(
      'attacknick: openstack-helm is not on the official team list.',
    );
    expect(await ask('~list')).toMatch(/^attacknick: Official list \(3\): cinder nova tc\./);
  });
});
