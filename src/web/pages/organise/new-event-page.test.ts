import { beforeAll, describe, expect, it } from 'vitest';
import { type FormClient, textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();
let organiser: FormClient;

beforeAll(async () => {
  ({ client: organiser } = await signedInClient(site(), 'boss@example.org', { organizer: true }));
  await organiser.get('/organise/events/new');
});

const fields = {
  title: 'Project Teams Gathering, April 2023',
  slug: '',
  starts_on: '2023-03-27',
  ends_on: '2023-03-31',
  time_zone: 'Europe/Paris',
  mode: 'virtual',
  windows: '15:00-19:00 Americas / Europe\n06:00-08:00 Asia / Pacific',
  slot_minutes: '60',
  rooms: 'Bexar\nCactus\n',
  daily_cap: '4',
  total_cap: '16',
  signup_opens_at: '2023-01-09T00:00',
  signup_closes_at: '2023-02-10T00:00',
  cross_project_opens_at: '2023-02-20T00:00',
  others_open_at: '2023-02-27T00:00',
};
const slugs = async () => (await site().runtime.store.listEvents()).map((event) => event.slug);

describe('the New event page', () => {
  it('starts a draft from scratch, with the short name made from the title, and sends the organiser to its console', async () => {
    const sent = await organiser.post('/organise/events/new', fields);
    expect([sent.status, sent.location]).toEqual([
      303,
      '/events/project-teams-gathering-april-2023/organise?done=created',
    ]);
    const console = textOf((await organiser.follow(sent)).html);
    expect(console).toContain('The draft is ready.');
    expect(console).toContain('Draft — only organisers see this.');
    const state = await site().runtime.models.get('project-teams-gathering-april-2023');
    expect(state?.event).toMatchObject({
      status: 'draft',
      timeZone: 'Europe/Paris',
      windows: [
        { name: 'Americas / Europe', start: '13:00', end: '17:00' },
        { name: 'Asia / Pacific', start: '04:00', end: '06:00' },
      ],
      rules: {
        dailyCapMinutes: 240,
        totalCapMinutes: 960,
        crossProjectOpensAt: '2023-02-20T00:00:00Z',
        othersOpenAt: '2023-02-27T00:00:00Z',
      },
      signupOpensAt: '2023-01-09T00:00:00Z',
    });
    // Summer time starts in Paris on Sunday 26 March: 15:00 there is 13:00 UTC all week.
    expect(state?.slots.slice(0, 3).map((slot) => slot.start)).toEqual([
      '2023-03-27T04:00:00Z',
      '2023-03-27T05:00:00Z',
      '2023-03-27T13:00:00Z',
    ]);
    expect(state?.rooms.map((room) => room.name)).toEqual(['Bexar', 'Cactus']);
  });

  it('publishes, archives and reopens from the console overview', async () => {
    const base = '/events/project-teams-gathering-april-2023';
    const anonymous = await site().app.inject({ url: base });
    expect(anonymous.statusCode).toBe(404);
    for (const [status, notice] of [
      ['published', 'Published: everyone sees the event now.'],
      ['archived', 'Archived: the event is a read-only record now.'],
      ['published', 'Published: everyone sees the event now.'],
    ] as const) {
      const sent = await organiser.post(`${base}/organise/status`, { status });
      expect(sent.location).toBe(`${base}/organise?done=${status}`);
      expect(textOf((await organiser.follow(sent)).html)).toContain(notice);
    }
    expect((await site().app.inject({ url: base })).statusCode).toBe(200);
  });

  it('copies an earlier event to new dates', async () => {
    const sent = await organiser.post('/organise/events/copy', {
      copy_from: 'oct2022-ptg',
      slug: 'oct2023-ptg',
      title: '',
      starts_on: '2023-10-23',
    });
    expect(sent.location).toBe('/events/oct2023-ptg/organise?done=created');
    const copy = await site().runtime.models.get('oct2023-ptg');
    const demo = await site().runtime.models.get('oct2022-ptg');
    expect(copy?.rooms.map((room) => room.slug)).toEqual(demo?.rooms.map((room) => room.slug));
    expect(copy?.slots).toHaveLength(demo?.slots.length ?? -1);
    expect(copy?.event.title).toBe(demo?.event.title);
  });

  it.each([
    ['a short name in use', { slug: 'oct2022-ptg' }, 409, 'There is already an event "oct2022-ptg".'],
    ['dates in the wrong order', { slug: 'x1', ends_on: '2023-03-20' }, 400, 'the last not before the first'],
    [
      'overlapping windows',
      { slug: 'x2', windows: '09:00-12:00 Morning\n11:00-13:00 Noon' },
      400,
      'Windows "Morning" and "Noon" overlap.',
    ],
    [
      'a window ending before it starts',
      { slug: 'x3', windows: '17:00-13:00 Late' },
      400,
      'Window "Late" ends before it starts (17:00–13:00).',
    ],
    ['a 10 kB title', { slug: 'x4', title: 'x'.repeat(10_000) }, 400, 'title'],
    [
      'HTML in the title',
      { slug: 'x5', title: '<script>alert(1)</script>' },
      400,
      'cannot contain HTML tags',
    ],
    [
      'HTML in a room name',
      { slug: 'x6', rooms: '<img src=x onerror=alert(1)>' },
      400,
      'cannot contain HTML tags',
    ],
    ['an unknown zone', { slug: 'x7', time_zone: 'Mars/Olympus' }, 400, 'is not a time zone'],
  ])(
    'shows %s on the form, keeps what was typed and stores nothing',
    async (_what, change, status, message) => {
      const before = await slugs();
      const sent = await organiser.post('/organise/events/new', { ...fields, ...change });
      expect(sent.status).toBe(status);
      expect(textOf(sent.html)).toContain(message);
      expect(sent.html).toContain(`value="${fields.starts_on}"`);
      expect(await slugs()).toEqual(before);
    },
  );

  it('shows a refused copy on its own form', async () => {
    const sent = await organiser.post('/organise/events/copy', {
      copy_from: 'oct2022-ptg',
      slug: 'oct2022-ptg',
      starts_on: '2023-10-23',
    });
    expect(sent.status).toBe(409);
    expect(textOf(sent.html)).toContain('There is already an event "oct2022-ptg".');
  });
});
