import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, call } from '../../../test/support/http.ts';
import { openTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts';
import { describeWithService } from '../../../test/support/services.ts';
import { storeKinds } from '../../../test/support/stores.ts';

const base = '/api/v1/events/test-ptg';
const sqlite = storeKinds.find((kind) => kind.name === 'sqlite')!;

describeWithService(sqlite.name, sqlite.available, 'sessions API', () => {
  let t: TestRuntime;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestRuntime(sqlite);
    app = await buildTestApp(t);
    for (const slot of ['mon13', 'mon14']) {
      const booked = await call(app, 'POST', `${base}/bookings`, {
        token: t.tokens.nova,
        body: { team: 'nova', room: 'bexar', slot },
      });
      expect(booked.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const sessions = async () => (await call(app, 'GET', `${base}/sessions`)).json().sessions;

  it('lists a team’s back-to-back bookings as one session, then edits it, invites tc, and tc accepts', async () => {
    expect(await sessions()).toEqual([
      expect.objectContaining({
        teams: ['nova'],
        host: 'nova',
        room: 'bexar',
        start: '2022-10-17T13:00:00Z',
        end: '2022-10-17T15:00:00Z',
        cells: ['bexar-mon13', 'bexar-mon14'],
        title: null,
        headcount: null,
      }),
    ]);
    const edited = await call(app, 'PATCH', `${base}/sessions/bexar-mon14`, {
      token: t.tokens.nova,
      body: { title: 'Live migration', agenda: '* TLS', recording_url: 'https://video.example.org/r/1' },
    });
    expect(edited.statusCode).toBe(200);
    const invited = await call(app, 'POST', `${base}/sessions/bexar-mon13/guests`, {
      token: t.tokens.nova,
      body: { team: 'tc' },
    });
    expect(invited.statusCode).toBe(201);
    expect((await sessions())[0]).toMatchObject({
      teams: ['nova'],
      invited: [{ team: 'tc', status: 'invited' }],
    });
    const accepted = await call(app, 'PUT', `${base}/sessions/bexar-mon13/guests/tc`, {
      token: t.tokens.tc,
      body: { status: 'accepted' },
    });
    expect(accepted.json()).toEqual({
      reply: "tc joins nova's session in bexar on Mon 17 Oct 13:00–15:00 UTC.",
    });
    const [session] = await sessions();
    expect(session).toMatchObject({
      teams: ['nova', 'tc'],
      invited: [],
      title: 'Live migration',
      agenda: '* TLS',
      recording_url: 'https://video.example.org/r/1',
    });
    const schedule = (await call(app, 'GET', `${base}/schedule`)).json();
    expect(
      schedule.bookings.map((booking: { team: string; teams: string[] }) => [booking.team, booking.teams]),
    ).toEqual([
      ['nova', ['nova', 'tc']],
      ['nova', ['nova', 'tc']],
    ]);
  });

  it('refuses a guest booking elsewhere during its joint session with team_busy, and stores nothing', async () => {
    const response = await call(app, 'POST', `${base}/bookings`, {
      token: t.tokens.tc,
      body: { team: 'tc', room: 'austin', slot: 'mon14' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: 'team_busy',
      message: "tc is in nova's joint session in bexar on Mon 17 Oct 14:00–15:00 UTC.",
    });
    expect((await call(app, 'GET', `${base}/schedule`)).json().bookings).toHaveLength(2);
  });

  it('refuses bad input with a clear 4xx: 10 kB titles, non-http links, counts out of range, unknown sessions', async () => {
    const cases = [
      ['PATCH', 'sessions/bexar-mon13', { title: 'x'.repeat(10_000) }, 400, 'invalid_input'],
      ['PATCH', 'sessions/bexar-mon13', { etherpad_url: 'javascript:alert(1)' }, 400, 'invalid_url'],
      ['PUT', 'sessions/bexar-mon13/headcount', { count: 100_001 }, 400, 'invalid_input'],
      ['PUT', 'sessions/bexar-mon13/headcount', { count: -1 }, 400, 'invalid_input'],
      [
        'PATCH',
        'sessions/bexar-mon13',
        { recording_url: 'ftp://files.example.org/r.mp4' },
        400,
        'invalid_url',
      ],
      ['PUT', 'sessions/bexar-mon13/headcount', { count: 'many' }, 400, 'invalid_input'],
      ['PUT', 'sessions/bexar-tue16/headcount', { count: 3 }, 404, 'unknown_session'],
      ['PUT', 'teams/nova/summary', { summary_url: 'mailto:nova@example.org' }, 400, 'invalid_url'],
      ['PUT', 'sessions/bexar-mon13/guests/cinder', { status: 'accepted' }, 409, 'not_invited'],
    ] as const;
    t.clock.set('2022-10-17T14:30:00Z');
    const before = await sessions();
    for (const [method, path, body, status, code] of cases) {
      const response = await call(app, method, `${base}/${path}`, { token: t.tokens.organizer, body });
      expect([path, response.statusCode, response.json().error?.code]).toEqual([path, status, code]);
    }
    expect(await sessions()).toEqual(before);
  });

  it('records a head-count and a summary, shown with the session', async () => {
    t.clock.set('2022-10-17T14:30:00Z');
    const counted = await call(app, 'PUT', `${base}/sessions/bexar-mon13/headcount`, {
      token: t.tokens.tc,
      body: { count: 23, team: 'tc' },
    });
    expect(counted.json()).toEqual({ reply: 'Recorded 23 people in bexar on Mon 17 Oct 13:00–15:00 UTC.' });
    const summary = await call(app, 'PUT', `${base}/teams/nova/summary`, {
      token: t.tokens.nova,
      body: { summary_url: 'https://lists.example.org/nova-ptg' },
    });
    expect(summary.statusCode).toBe(200);
    expect((await sessions())[0]).toMatchObject({
      headcount: 23,
      headcount_at: '2022-10-17T14:30:00Z',
      summary_url: 'https://lists.example.org/nova-ptg',
    });
  });

  it('refuses to invite a team busy in one of the session’s cells with team_busy, and stores nothing', async () => {
    t.clock.set('2022-10-01T10:00:00Z');
    const booked = await call(app, 'POST', `${base}/bookings`, {
      token: t.tokens.organizer,
      body: { team: 'cinder', room: 'austin', slot: 'mon14' },
    });
    expect(booked.statusCode).toBe(201);
    const nova = async () => (await sessions()).find((session: { host: string }) => session.host === 'nova');
    const before = await nova();
    const invited = await call(app, 'POST', `${base}/sessions/bexar-mon13/guests`, {
      token: t.tokens.nova,
      body: { team: 'cinder' },
    });
    expect([invited.statusCode, invited.json().error.code]).toEqual([409, 'team_busy']);
    expect(invited.json().error.message).toContain('cinder');
    expect(await nova()).toEqual(before);
  });
});
