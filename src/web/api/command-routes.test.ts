import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatEvent, openChatEvent, type Person } from '../../../test/support/chat-event.ts';
import { grammar } from '../../core/chat-language/grammar.ts';
import { buildApp } from '../app.ts';

let chat: ChatEvent;
let app: FastifyInstance;
beforeAll(async () => {
  chat = await openChatEvent();
  app = await buildApp({ runtime: chat.runtime, ops: chat.runtime.ops, baseUrl: 'http://convene.test' });
});
afterAll(async () => {
  await app.close();
  await chat.close();
});

function command(text: unknown, person: Person | null, event = 'test-ptg') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/events/${event}/commands`,
    headers: person ? { authorization: `Bearer ${chat.tokens[person]}` } : {},
    payload: { text },
  });
}

async function board() {
  return (await app.inject({ method: 'GET', url: '/api/v1/events/test-ptg/board' })).json();
}

describe('POST /api/v1/events/{event}/commands', () => {
  it('runs a moderator’s team command and answers with the chat reply', async () => {
    const response = await command('#nova now Placement cleanup with #cinder', 'nova');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ reply: 'nova now: Placement cleanup with #cinder', changed: true });
    expect((await board()).now).toMatchObject([{ team: 'nova', text: 'Placement cleanup with #cinder' }]);
  });

  it('refuses someone else’s team with a 403, the error and the same reply, changing nothing', async () => {
    const before = await board();
    const response = await command('#nova now hijack', 'cinder');
    expect(response.statusCode).toBe(403);
    const message = "Only nova's moderators or an organiser can do this for nova.";
    expect(response.json()).toEqual({ error: { code: 'forbidden', message }, reply: message });
    expect(await board()).toEqual(before);
  });

  it('answers help to anyone, and asks anonymous writers to identify (401)', async () => {
    const help = await command('help book', null);
    expect(help.statusCode).toBe(200);
    expect(help.json().reply).toMatch(/^#TEAM book ROOM-SLOT: /);
    const anonymous = await command('#nova now x', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });

  it('answers a line that is not a command with a hint (400 invalid_input)', async () => {
    const response = await command('#nova Placement cleanup', 'nova');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid_input' },
      reply: expect.stringContaining('#nova now Placement cleanup'),
    });
  });

  it('asks for confirmation of destructive commands with a 409 and runs them with the code', async () => {
    await command('~motd add info Welcome', 'organizer');
    const asked = await command('~motd clean', 'organizer');
    expect(asked.statusCode).toBe(409);
    const reply: string = asked.json().reply;
    const done = await command(reply.slice(reply.indexOf('~motd clean confirm')), 'organizer');
    expect(done.json()).toEqual({ reply: 'All banners removed.', changed: true });
  });

  it('stores personal commands for the token’s owner and answers them', async () => {
    expect((await command('in #nova', 'attendee')).json()).toMatchObject({ changed: true });
    expect((await command('+out', 'attendee')).json()).toEqual({
      reply: 'Checked out of #nova.',
      changed: true,
    });
  });

  it('answers bad input with a 4xx, never a 5xx', async () => {
    for (const [text, status] of [
      [undefined, 400],
      [42, 400],
      ['x'.repeat(2001), 400],
      ['\u0000\u0001#nova now \u0007', 400],
    ] as const) {
      expect((await command(text, 'nova')).statusCode, String(text).slice(0, 20)).toBe(status);
    }
    expect((await command('help', 'nova', 'no-such-event')).statusCode).toBe(404);
    const badToken = await app.inject({
      method: 'POST',
      url: '/api/v1/events/test-ptg/commands',
      headers: { authorization: 'Bearer cvn_nope' },
      payload: { text: 'help' },
    });
    expect(badToken.statusCode).toBe(401);
  });
});

describe('GET /api/v1/commands', () => {
  it('lists every command of the grammar with its usage, audience and example', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/commands' });
    const { commands } = response.json();
    expect(commands).toHaveLength(grammar.length);
    expect(commands[0]).toEqual({
      scope: 'team',
      name: 'now',
      usage: '#TEAM now TEXT',
      aliases: [],
      who: 'the team’s moderators and organisers',
      help: grammar[0].help,
      example: '#nova now Placement cleanup with #cinder',
      confirm: false,
    });
  });

  it('is described in the OpenAPI document', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/events/{event}/commands', '/api/v1/commands']),
    );
  });
});
