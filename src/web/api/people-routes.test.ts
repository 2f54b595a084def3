import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatEvent, openChatEvent, type Person } from '../../../test/support/chat-event.ts';
import { call } from '../../../test/support/http.ts';
import { buildApp } from '../app.ts';

let chat: ChatEvent;
let app: FastifyInstance;
beforeAll(async () => {
  chat = await openChatEvent();
  app = await buildApp({ runtime: chat.runtime, ops: chat.runtime.ops, baseUrl: 'http://convene.test' });
  const command = (person: Person, text: string) =>
    call(app, 'POST', '/api/v1/events/test-ptg/commands', { token: chat.tokens[person], body: { text } });
  await chat.runtime.store.setListedInFindPeople(chat.users.attendee.id, true);
  await command('attendee', 'in #nova');
  await command('cinder', 'in the secret hideout');
  await command('cinder', 'subscribe secretpattern');
});
afterAll(async () => {
  await app.close();
  await chat.close();
});

describe('GET /api/v1/events/{event}/people', () => {
  it('lists today’s check-ins of people who agreed to be listed, to people signed in', async () => {
    const response = await call(app, 'GET', '/api/v1/events/test-ptg/people', { token: chat.tokens.nova });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      people: [
        {
          name: 'Ada Attendee',
          irc_nick: 'AdaAttendee',
          team: 'nova',
          where: '#nova',
          since: '2022-10-17T12:00:00Z',
        },
      ],
    });
  });

  it('shows nothing to anonymous callers (401) and refuses unknown events (404)', async () => {
    expect((await call(app, 'GET', '/api/v1/events/test-ptg/people')).statusCode).toBe(401);
    expect(
      (await call(app, 'GET', '/api/v1/events/nope/people', { token: chat.tokens.nova })).statusCode,
    ).toBe(404);
  });

  it('never lets a check-in or a subscription reach public JSON, feeds of the API or the export', async () => {
    const paths = ['', '/board', '/schedule', '/teams', '/teams/cinder', '/rooms', '/people'];
    for (const path of paths) {
      const body = (await call(app, 'GET', `/api/v1/events/test-ptg${path}`, { token: chat.tokens.nova }))
        .body;
      expect(body, path).not.toContain('secret');
    }
    const audit = await call(app, 'GET', '/api/v1/events/test-ptg/audit', { token: chat.tokens.organizer });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain('secret');
    const eventId = (await chat.runtime.models.get('test-ptg'))!.event.id;
    expect(JSON.stringify(await chat.runtime.store.exportEvent(eventId))).not.toContain('secret');
  });
});
