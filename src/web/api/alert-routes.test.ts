import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../test/support/web.ts';

const site = useTestSite();
const E = '/api/v1/events/oct2022-ptg';
const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  site().app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${site().token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

describe('topic subscription over the API', () => {
  it('refuses a 10 kB subscription and hostile patterns with a clear message, storing nothing', async () => {
    for (const [pattern, message] of [
      ['placement '.repeat(1024), 'The pattern is too long: at most 300 characters.'],
      ['/(a)\\1/', 'is not a regular expression I can use'],
      ['/(?=admin)/', 'is not a regular expression I can use'],
      [Array.from({ length: 25 }, (_, i) => `w${i}`).join(' '), 'at most 20 words'],
    ] as const) {
      const refused = await call('PUT', `${E}/subscription`, { pattern });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('invalid_input');
      expect(refused.json().error.message).toContain(message);
    }
    expect((await call('GET', `${E}/subscription`)).json()).toEqual({ pattern: null });
  });

  it('promises only the channels that can deliver: open pages, and e-mail once chosen', async () => {
    const first = (await call('PUT', `${E}/subscription`, { pattern: 'placement #cinder' })).json();
    expect(first).toEqual({
      pattern: 'placement #cinder',
      reply:
        'Subscribed to: placement #cinder. Matching topics will reach you on any Convene page you have open while signed in.',
    });
    await call('PUT', '/api/v1/me/alerts', { topic_mail: true, reminders: true, reminder_mail: false });
    const second = (await call('PUT', `${E}/subscription`, { pattern: '/live migration|backups?/' })).json();
    expect(second.reply).toContain('by e-mail (at most one every few minutes)');
    expect(second.reply).not.toContain('IRC');
    const command = await call('POST', `${E}/commands`, { text: 'subscribe' });
    expect(command.json().reply).toBe('You are subscribed to: /live migration|backups?/');
    expect((await call('PUT', `${E}/subscription`, { pattern: '' })).json().pattern).toBeNull();
  });
});

describe('follows over the API', () => {
  it('follows and unfollows a team on the account, refusing unknown teams', async () => {
    expect((await call('PUT', `${E}/teams/nova/follow`)).json()).toEqual({ team: 'nova', following: true });
    expect(
      (await call('POST', `${E}/follows`, { teams: ['cinder', 'no-such-team', 'nova'] })).json(),
    ).toEqual({
      added: ['cinder', 'nova'],
    });
    const unknown = await call('PUT', `${E}/teams/no-such-team/follow`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('unknown_team');
    expect((await call('DELETE', `${E}/teams/cinder/follow`)).json()).toEqual({
      team: 'cinder',
      following: false,
    });
    const user = await site().runtime.store.findUserByEmail('olive@example.org');
    const state = await site().runtime.models.get('oct2022-ptg');
    const followed = new Set(await site().runtime.store.followedTeamIds(user!.id));
    expect(state!.teams.filter((team) => followed.has(team.id)).map((team) => team.slug)).toEqual(['nova']);
  });
});
