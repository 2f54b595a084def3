import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { useTestSite } from '../../../test/support/web.ts';
import { addUser, createApiToken } from '../../app/people.ts';

const site = useTestSite();
let strangerToken = '';

beforeAll(async () => {
  const user = await addUser(site().runtime, { email: 'sam@example.org', name: 'Sam', isOrganizer: false });
  if (!user.ok) throw new Error(user.refusal.message);
  strangerToken = (await createApiToken(site().runtime, user.value.id, 'tests')).token;
});

const newEvent = {
  slug: 'apr2023-ptg',
  title: 'April 2023 PTG',
  starts_on: '2023-03-27',
  ends_on: '2023-03-31',
  time_zone: 'UTC',
  slot_minutes: 60,
  windows: [
    { name: 'Asia / Pacific', start: '04:00', end: '07:00' },
    { name: 'Americas / Europe', start: '13:00', end: '17:00' },
  ],
  rooms: ['Bexar', 'Cactus'],
  caps: { per_day_hours: 4, total_hours: 16 },
};

const post = (body: unknown, token: string | undefined = site().token) =>
  call(site().app, 'POST', '/api/v1/events', { token, body });
const get = (url: string, token?: string) => call(site().app, 'GET', url, token ? { token } : {});
const setStatus = (event: string, status: string, token: string = site().token) =>
  call(site().app, 'PATCH', `/api/v1/events/${event}`, { token, body: { status } });

describe('POST /api/v1/events', () => {
  it('starts a draft that only organisers read, until it is published', async () => {
    const created = await post(newEvent);
    expect(created.statusCode).toBe(201);
    expect(created.json().event).toMatchObject({
      slug: 'apr2023-ptg',
      status: 'draft',
      windows: newEvent.windows,
      rules: { daily_cap_minutes: 240, total_cap_minutes: 960 },
    });
    const reads = ['', '/teams', '/rooms', '/schedule', '/board'].map(
      (path) => `/api/v1/events/apr2023-ptg${path}`,
    );
    for (const url of reads) {
      expect((await get(url)).statusCode, url).toBe(404);
      const unknown = (await get(url.replace('apr2023-ptg', 'nothing-here'))).json();
      expect((await get(url, strangerToken)).json(), url).toEqual({
        error: { ...unknown.error, message: unknown.error.message.replace('nothing-here', 'apr2023-ptg') },
      });
      expect((await get(url, site().token)).statusCode, url).toBe(200);
    }
    expect((await get('/api/v1/events')).json().events.map((event: { slug: string }) => event.slug)).toEqual([
      'oct2022-ptg',
    ]);
    expect(
      (await get('/api/v1/events', site().token)).json().events.map((event: { slug: string }) => event.slug),
    ).toEqual(['apr2023-ptg', 'oct2022-ptg']);
    const schedule = (await get('/api/v1/events/apr2023-ptg/schedule', site().token)).json();
    expect(schedule.rooms.map((room: { slug: string }) => room.slug)).toEqual(['bexar', 'cactus']);
    expect(schedule.slots).toHaveLength(5 * 7);

    const published = await setStatus('apr2023-ptg', 'published');
    expect(published.statusCode).toBe(200);
    expect(published.json().event.status).toBe('published');
    for (const url of reads) expect((await get(url)).statusCode, url).toBe(200);
  });

  it('copies the demo event to new dates: the same rooms and windows, moved', async () => {
    const created = await post({ slug: 'oct2023-ptg', copy_from: 'oct2022-ptg', starts_on: '2023-10-23' });
    expect(created.statusCode).toBe(201);
    expect(created.json().event).toMatchObject({
      slug: 'oct2023-ptg',
      status: 'draft',
      starts_on: '2023-10-23',
    });
    const [before, after] = await Promise.all(
      ['oct2022-ptg', 'oct2023-ptg'].map(async (slug) =>
        (await get(`/api/v1/events/${slug}/schedule`, site().token)).json(),
      ),
    );
    expect(after.rooms).toEqual(before.rooms);
    const moved = (at: string) =>
      new Date(Date.parse(at) + 371 * 86_400_000).toISOString().replace('.000', '');
    expect(
      after.slots.map((slot: { start: string; end: string; window: string }) => [
        slot.start,
        slot.end,
        slot.window,
      ]),
    ).toEqual(
      before.slots.map((slot: { start: string; end: string; window: string }) => [
        moved(slot.start),
        moved(slot.end),
        slot.window,
      ]),
    );
    expect(after.bookings).toEqual([]);
    const event = (await get('/api/v1/events/oct2023-ptg', site().token)).json().event;
    const demo = (await get('/api/v1/events/oct2022-ptg')).json().event;
    expect(event).toMatchObject({
      ends_on: '2023-10-27',
      windows: demo.windows,
      content: demo.content,
      code_of_conduct: demo.code_of_conduct,
    });
  });

  it('invites the approved teams of the copied event with invite_teams, listed for organisers only', async () => {
    const created = await post({
      slug: 'apr2024-ptg',
      copy_from: 'oct2022-ptg',
      starts_on: '2024-04-15',
      invite_teams: true,
    });
    expect(created.statusCode).toBe(201);
    const approved = (await get('/api/v1/events/oct2022-ptg/teams')).json().teams.length;
    expect(created.json().invited_teams).toBe(approved);
    const url = '/api/v1/events/apr2024-ptg/invitations';
    const listed = (await get(url, site().token)).json().invitations;
    expect(listed).toHaveLength(approved);
    expect(listed.find((invitation: { slug: string }) => invitation.slug === 'cinder')).toMatchObject({
      name: 'Cinder',
      kind: 'project',
      cross_project: false,
      moderators: [],
      hours_wanted: null,
      status: 'invited',
      team: null,
      sent_at: null,
    });
    expect((await get(url)).json().error.code).toBe('unknown_event');
    expect((await get(url, strangerToken)).json().error.code).toBe('unknown_event');
    await setStatus('apr2024-ptg', 'published');
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, strangerToken)).json().error.code).toBe('forbidden');
    const plain = await post({ slug: 'jun2024-ptg', copy_from: 'oct2022-ptg', starts_on: '2024-06-03' });
    expect(plain.json().invited_teams).toBe(0);
    expect((await get('/api/v1/events/jun2024-ptg/invitations', site().token)).json().invitations).toEqual(
      [],
    );
  });

  it.each([
    [
      'invite_teams that is not true or false',
      { slug: 'x9', copy_from: 'oct2022-ptg', starts_on: '2024-06-03', invite_teams: 'please' },
      400,
      'invalid_input',
    ],
    ['a short name in use', { ...newEvent, slug: 'oct2022-ptg' }, 409, 'event_exists'],
    ['dates in the wrong order', { ...newEvent, slug: 'x1', starts_on: '2023-04-02' }, 400, 'invalid_input'],
    [
      'overlapping windows',
      {
        ...newEvent,
        slug: 'x2',
        windows: [
          { name: 'A', start: '09:00', end: '12:00' },
          { name: 'B', start: '11:00', end: '13:00' },
        ],
      },
      400,
      'invalid_input',
    ],
    [
      'a window ending before it starts',
      { ...newEvent, slug: 'x3', windows: [{ name: 'A', start: '12:00', end: '09:00' }] },
      400,
      'invalid_input',
    ],
    ['a 10 kB title', { ...newEvent, slug: 'x4', title: 'x'.repeat(10_000) }, 400, 'invalid_input'],
    [
      'HTML in the title',
      { ...newEvent, slug: 'x5', title: '<b onclick="x()">PTG</b>' },
      400,
      'invalid_input',
    ],
    [
      'HTML in a room name',
      { ...newEvent, slug: 'x6', rooms: ['<img src=x onerror=alert(1)>'] },
      400,
      'invalid_input',
    ],
    ['a slug that cannot be typed', { ...newEvent, slug: 'Ünïcode PTG' }, 400, 'invalid_input'],
    [
      'copying an event that is not there',
      { slug: 'x7', copy_from: 'nothing-here', starts_on: '2023-10-23' },
      404,
      'unknown_event',
    ],
  ])('refuses %s with a code and stores nothing', async (_label, body, status, code) => {
    const before = (await get('/api/v1/events', site().token)).json().events.length;
    const response = await post(body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect((await get('/api/v1/events', site().token)).json().events).toHaveLength(before);
  });

  it('lets only organisers start events and change their status', async () => {
    expect((await post({ ...newEvent, slug: 'x8' }, '')).statusCode).toBe(401);
    expect((await post({ ...newEvent, slug: 'x8' }, strangerToken)).json().error.code).toBe('forbidden');
    expect((await setStatus('oct2022-ptg', 'archived', strangerToken)).json().error.code).toBe('forbidden');
  });

  it('refuses a status change the lifecycle does not allow', async () => {
    await post({ ...newEvent, slug: 'never-published' });
    const response = await setStatus('never-published', 'archived');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/draft; it can become published, not archived/);
  });
});

describe('a draft event', () => {
  it('answers writes to its teams exactly as an unknown event does, to anyone but organisers', async () => {
    await post({ ...newEvent, slug: 'secret-ptg' });
    const attempts = [
      ['POST', '/teams/nova/now', { text: 'x' }],
      ['POST', '/teams', { name: 'Nova', kind: 'project' }],
      ['PATCH', '/teams/nova', { colour: 'red' }],
      ['POST', '/bookings', { team: 'nova', room: 'bexar', slot: 'mon13' }],
      ['POST', '/commands', { text: '#nova now x' }],
      ['POST', '/commands', { text: 'list' }],
      ['POST', '/schedule/draft', {}],
      ['GET', '/audit', undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const options = { token: strangerToken, ...(body ? { body } : {}) };
      const draft = await call(site().app, method, `/api/v1/events/secret-ptg${path}`, options);
      const unknown = await call(site().app, method, `/api/v1/events/nothing-here${path}`, options);
      expect(draft.statusCode, `${method} ${path}`).toBe(unknown.statusCode);
      expect(draft.json(), `${method} ${path}`).toEqual(
        JSON.parse(unknown.body.replaceAll('nothing-here', 'secret-ptg')),
      );
    }
  });
});
