import { beforeAll, describe, expect, it } from 'vitest';
import { type Fields, FormClient } from '../../../test/support/form-client.ts';
import { plainRegistration, signedInClient } from '../../../test/support/people.ts';
import { useTestSite } from '../../../test/support/web.ts';
import { createApiToken, setModeratorByEmail } from '../../app/people.ts';
import { registerForEvent } from '../../app/registrations.ts';
import { systemActor } from '../../core/model/actor.ts';

/**
 * Who may use which organiser and moderator endpoint and page, table-driven: each row is one
 * request; each role must get exactly the status given. Writes send input the core refuses for a
 * reason other than permission (an empty name, an unknown room, a slot that has started), so an
 * allowed role shows it got past the permission check without changing what later rows see.
 */
const roles = ['anonymous', 'attendee', 'otherModerator', 'novaModerator', 'organizer'] as const;
type Role = (typeof roles)[number];
type Expected = Readonly<Record<Role, number>>;

const E = '/events/oct2022-ptg';
// With metrics on: no role's token opens them, only the metrics token does.
const site = useTestSite(undefined, { app: { metricsToken: 'the-metrics-token-for-scrapers' } });
const clients = {} as Record<Role, FormClient>;
const tokens = {} as Record<Role, string | null>;
let pastNovaBooking = '';
let pastNovaCell = '';

beforeAll(async () => {
  const { runtime } = site();
  clients.anonymous = new FormClient(site().app);
  tokens.anonymous = null;
  for (const [role, email] of [
    ['attendee', 'attendee@example.org'],
    ['otherModerator', 'cinder-lead@example.org'],
    ['novaModerator', 'nova-lead@example.org'],
    ['organizer', 'boss@example.org'],
  ] as const) {
    const { client, user } = await signedInClient(site(), email, { organizer: role === 'organizer' });
    clients[role] = client;
    tokens[role] = (await createApiToken(runtime, user.id, 'tests')).token;
  }
  const system = { actor: systemActor, source: 'cli' as const };
  await setModeratorByEmail(runtime, system, {
    event: 'oct2022-ptg',
    team: 'cinder',
    email: 'cinder-lead@example.org',
    moderator: true,
  });
  await setModeratorByEmail(runtime, system, {
    event: 'oct2022-ptg',
    team: 'nova',
    email: 'nova-lead@example.org',
    moderator: true,
  });
  const state = await runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('no demo event');
  const attendee = await runtime.store.findUserByEmail('attendee@example.org');
  await registerForEvent(
    runtime,
    { actor: { userId: attendee?.id ?? null, name: 'A', isOrganizer: false }, source: 'web' },
    state,
    plainRegistration(state, 'Attendee'),
  );
  const nova = state.teams.find((team) => team.slug === 'nova');
  const past = state.bookings.find(
    (booking) =>
      booking.teamId === nova?.id &&
      (state.slots.find((slot) => slot.id === booking.slotId)?.start ?? '') < '2022-10-18T00:00:00Z',
  );
  pastNovaBooking = past?.id ?? '';
  const pastRoom = state.rooms.find((room) => room.id === past?.roomId);
  const pastSlot = state.slots.find((slot) => slot.id === past?.slotId);
  pastNovaCell = `${pastRoom?.slug}-${pastSlot?.code}`;
  for (const role of roles) await clients[role].get('/newsletter');
});

const organizerOnly = (organizer: number): Expected => ({
  anonymous: 401,
  attendee: 403,
  otherModerator: 403,
  novaModerator: 403,
  organizer,
});
const novaManagers = (allowed: number): Expected => ({
  anonymous: 401,
  attendee: 403,
  otherModerator: 403,
  novaModerator: allowed,
  organizer: allowed,
});
/** Anyone signed in, for their own follows, subscription and alerts. */
const signedIn = (allowed: number): Expected => ({
  anonymous: 401,
  attendee: allowed,
  otherModerator: allowed,
  novaModerator: allowed,
  organizer: allowed,
});
/** Pages answer "sign in first" with a redirect to the sign-in page rather than 401. */
const asPage = (expected: Expected): Expected => ({ ...expected, anonymous: 303 });

interface Row {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: () => string;
  readonly body?: Record<string, unknown>;
  readonly expected: Expected;
}

const everyone = (status: number): Expected => ({
  anonymous: status,
  attendee: status,
  otherModerator: status,
  novaModerator: status,
  organizer: status,
});

const api: Row[] = [
  { method: 'GET', url: () => `/api/v1${E}/subscription`, expected: signedIn(200) },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/subscription`,
    body: { pattern: '/(?=x)/' },
    expected: signedIn(400),
  },
  { method: 'GET', url: () => '/api/v1/me/alerts', expected: signedIn(200) },
  {
    method: 'PUT',
    url: () => '/api/v1/me/alerts',
    body: { topic_mail: false, reminders: true, reminder_mail: false },
    expected: signedIn(200),
  },
  { method: 'PUT', url: () => `/api/v1${E}/teams/nowhere/follow`, expected: signedIn(404) },
  { method: 'DELETE', url: () => `/api/v1${E}/teams/nowhere/follow`, expected: signedIn(404) },
  { method: 'POST', url: () => `/api/v1${E}/follows`, body: { teams: [] }, expected: signedIn(200) },
  { method: 'GET', url: () => '/readyz', expected: everyone(200) },
  { method: 'GET', url: () => '/metrics', expected: everyone(401) },
  { method: 'POST', url: () => `/api/v1${E}/rooms`, body: { name: '' }, expected: organizerOnly(400) },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/rooms/ghost`,
    body: { name: 'Ghost' },
    expected: organizerOnly(404),
  },
  { method: 'DELETE', url: () => `/api/v1${E}/rooms/ghost`, expected: organizerOnly(404) },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/rooms/bexar/availability/nope`,
    body: { available: false },
    expected: organizerOnly(404),
  },
  { method: 'GET', url: () => `/api/v1${E}/audit?limit=1&after=0`, expected: organizerOnly(200) },
  { method: 'GET', url: () => `/api/v1${E}/invitations`, expected: organizerOnly(200) },
  {
    method: 'POST',
    url: () => `/api/v1${E}/teams`,
    body: { name: '', kind: 'project' },
    expected: organizerOnly(400),
  },
  { method: 'PATCH', url: () => `/api/v1${E}/teams/nova`, body: { name: '' }, expected: organizerOnly(400) },
  {
    method: 'POST',
    url: () => `/api/v1${E}/teams/nova/moderators`,
    body: { email: 'nobody@example.org' },
    expected: organizerOnly(404),
  },
  {
    method: 'DELETE',
    url: () => `/api/v1${E}/teams/nova/moderators/nobody@example.org`,
    expected: organizerOnly(404),
  },
  {
    method: 'POST',
    url: () => `/api/v1${E}/motd`,
    body: { level: 'info', message: '' },
    expected: organizerOnly(400),
  },
  { method: 'DELETE', url: () => `/api/v1${E}/motd/999`, expected: organizerOnly(404) },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/motd/order`,
    body: { positions: [99] },
    expected: organizerOnly(400),
  },
  {
    method: 'POST',
    url: () => `/api/v1${E}/teams/nova/now`,
    body: { text: '' },
    expected: novaManagers(400),
  },
  {
    method: 'POST',
    url: () => `/api/v1${E}/teams/nova/next`,
    body: { text: '' },
    expected: novaManagers(400),
  },
  {
    method: 'PATCH',
    url: () => `/api/v1${E}/teams/nova`,
    body: { etherpad_url: 'javascript:alert(1)' },
    expected: novaManagers(400),
  },
  {
    method: 'POST',
    url: () => `/api/v1${E}/bookings`,
    body: { team: 'nova', room: 'nowhere', slot: 'wed13' },
    expected: novaManagers(404),
  },
  { method: 'DELETE', url: () => `/api/v1${E}/bookings/${pastNovaBooking}`, expected: novaManagers(409) },
  {
    method: 'POST',
    url: () => `/api/v1${E}/teams/nova/bookings/range`,
    body: { room: 'nowhere', from: 'wed13', to: 'wed16' },
    expected: novaManagers(404),
  },
  { method: 'GET', url: () => `/api/v1${E}/teams/nova/clashes?slots=zzz9`, expected: novaManagers(404) },
  { method: 'DELETE', url: () => `/api/v1${E}/teams/nova/topics`, expected: novaManagers(200) },
  { method: 'GET', url: () => `/api/v1${E}/schedule/draft/nope`, expected: organizerOnly(404) },
  { method: 'POST', url: () => `/api/v1${E}/schedule/draft/nope/apply`, expected: organizerOnly(404) },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/teams/nova/schedule-wishes`,
    body: { hours_wanted: 0, windows: [], avoid: [] },
    expected: novaManagers(400),
  },
  {
    method: 'GET',
    url: () => `/api/v1${E}/sessions`,
    expected: { anonymous: 200, attendee: 200, otherModerator: 200, novaModerator: 200, organizer: 200 },
  },
  {
    method: 'PATCH',
    url: () => `/api/v1${E}/sessions/${pastNovaCell}`,
    body: { recording_url: 'javascript:alert(1)' },
    expected: novaManagers(400),
  },
  {
    method: 'POST',
    url: () => `/api/v1${E}/sessions/${pastNovaCell}/guests`,
    body: { team: 'nova' },
    expected: novaManagers(400),
  },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/sessions/${pastNovaCell}/guests/nova`,
    body: { status: 'accepted' },
    expected: novaManagers(409),
  },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/sessions/${pastNovaCell}/headcount`,
    body: { count: -1 },
    expected: novaManagers(400),
  },
  {
    method: 'PUT',
    url: () => `/api/v1${E}/teams/nova/summary`,
    body: { summary_url: 'javascript:alert(1)' },
    expected: novaManagers(400),
  },
  {
    method: 'POST',
    url: () => '/api/v1/events',
    body: {
      slug: 'oct2022-ptg',
      title: 'Again',
      starts_on: '2023-01-02',
      ends_on: '2023-01-03',
      windows: [],
    },
    expected: organizerOnly(400),
  },
  { method: 'PATCH', url: () => `/api/v1${E}`, body: { status: 'published' }, expected: organizerOnly(200) },
];

const pages: Row[] = [
  {
    method: 'GET',
    url: () => `${E}/report`,
    expected: { anonymous: 200, attendee: 200, otherModerator: 200, novaModerator: 200, organizer: 200 },
  },
  {
    method: 'GET',
    url: () => `${E}/report/registrations-by-role.csv`,
    expected: { anonymous: 404, attendee: 404, otherModerator: 404, novaModerator: 404, organizer: 200 },
  },
  { method: 'GET', url: () => '/me/alerts', expected: asPage(signedIn(200)) },
  {
    method: 'POST',
    url: () => '/me/alerts/subscription',
    body: { event: 'oct2022-ptg', pattern: '/(?=x)/' },
    expected: asPage(signedIn(400)),
  },
  {
    method: 'POST',
    url: () => '/me/alerts/settings',
    body: { reminders: 'yes' },
    expected: asPage(signedIn(303)),
  },
  { method: 'POST', url: () => `${E}/teams/nowhere/follow`, body: {}, expected: asPage(signedIn(404)) },
  { method: 'POST', url: () => `${E}/teams/nowhere/alert`, body: {}, expected: asPage(signedIn(404)) },
  { method: 'GET', url: () => '/events', expected: everyone(200) },
  { method: 'GET', url: () => '/organise/events/new', expected: asPage(organizerOnly(200)) },
  {
    method: 'POST',
    url: () => '/organise/events/new',
    body: { title: '', windows: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => '/organise/events/copy',
    body: { copy_from: 'nowhere', slug: 'x', starts_on: '2023-01-02' },
    expected: asPage(organizerOnly(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/status`,
    body: { status: 'nonsense' },
    expected: asPage(organizerOnly(303)),
  },
  ...[
    '/organise',
    `${E}/organise`,
    ...['settings', 'coc', 'grid', 'rules', 'rooms', 'signups', 'registrations', 'motd'].map(
      (s) => `${E}/organise/${s}`,
    ),
  ].map((url): Row => ({ method: 'GET', url: () => url, expected: asPage(organizerOnly(200)) })),
  // Names every object has are not console sections: a page saying so, never a crash.
  ...['toString', '__proto__', 'constructor'].map(
    (s): Row => ({ method: 'GET', url: () => `${E}/organise/${s}`, expected: asPage(organizerOnly(404)) }),
  ),
  { method: 'GET', url: () => `${E}/organise/registrations.csv`, expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => '/organise/newsletter.csv', expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => `${E}/teams/nova/manage`, expected: asPage(novaManagers(200)) },
  { method: 'GET', url: () => `${E}/organise/bookings`, expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => '/organise/organisers', expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => `${E}/organise/teams`, expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => `${E}/organise/export.json`, expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => '/organise/import', expected: asPage(organizerOnly(200)) },
  {
    method: 'POST',
    url: () => '/organise/import/preview',
    body: { document: 'not json' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => '/organise/import',
    body: { document: '{}' },
    expected: asPage(organizerOnly(400)),
  },
  { method: 'GET', url: () => `${E}/organise/audit?source=web`, expected: asPage(organizerOnly(200)) },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/moderator-add`,
    body: { email: 'not an address' },
    expected: asPage({ ...novaManagers(400), novaModerator: 403 }),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/moderator-remove`,
    body: { email: 'nobody@example.org' },
    expected: asPage({ ...novaManagers(404), novaModerator: 403 }),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/team`,
    body: { name: '', kind: 'project' },
    expected: asPage({ ...novaManagers(400), novaModerator: 403 }),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/withdraw`,
    body: { reason: 'x'.repeat(2000) },
    expected: asPage({ ...novaManagers(400), novaModerator: 403 }),
  },
  {
    method: 'POST',
    url: () => '/organise/organisers/add',
    body: { email: 'not an address' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => '/organise/organisers/remove',
    body: { email: 'nobody@example.org' },
    expected: asPage(organizerOnly(404)),
  },
  { method: 'POST', url: () => '/me/tokens', body: { label: '' }, expected: asPage(signedIn(400)) },
  {
    method: 'POST',
    url: () => '/me/tokens/revoke',
    body: { token: 'nope' },
    expected: asPage(signedIn(404)),
  },
  { method: 'GET', url: () => `${E}/organise/draft`, expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => `${E}/organise/draft/nope`, expected: asPage(organizerOnly(404)) },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/wishes`,
    body: { hours_wanted: '0' },
    expected: asPage(novaManagers(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/settings`,
    body: { title: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/coc`,
    body: { coc_version: '1', coc_url: 'javascript:alert(1)' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/grid`,
    body: { windows: 'never' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/rules`,
    body: { daily_cap: '-1' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/signups/approve`,
    body: { team: 'nowhere' },
    expected: asPage(organizerOnly(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/signups/decline`,
    body: { team: 'openstack-helm-2', reason: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/signups/merge`,
    body: { team: 'openstack-helm-2', into: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/signups/withdraw`,
    body: { team: 'nowhere' },
    expected: asPage(organizerOnly(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/signups/add`,
    body: { name: '', kind: 'project' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/mailings/preview`,
    body: { subject: '', body: '' },
    expected: asPage(organizerOnly(400)),
  },
  { method: 'GET', url: () => `${E}/organise/mailings`, expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => `${E}/organise/mailings/nope`, expected: asPage(organizerOnly(404)) },
  {
    method: 'POST',
    url: () => `${E}/organise/mailings/test`,
    body: { subject: '', body: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/mailings/send`,
    body: { subject: 'Hi', body: 'x', key: '', recipients: '1' },
    expected: asPage(organizerOnly(400)),
  },
  { method: 'GET', url: () => `${E}/organise/invitations`, expected: asPage(organizerOnly(200)) },
  {
    method: 'POST',
    url: () => `${E}/organise/invitations/preview`,
    body: { subject: '', body: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/invitations/send`,
    body: { subject: 'Hi', body: 'x', key: '', recipients: '1' },
    expected: asPage(organizerOnly(400)),
  },
  { method: 'GET', url: () => `${E}/signup?invitation=nope`, expected: asPage(signedIn(404)) },
  { method: 'POST', url: () => `${E}/invitations/nope/decline`, body: {}, expected: asPage(signedIn(404)) },
  { method: 'GET', url: () => '/organise/newsletter', expected: asPage(organizerOnly(200)) },
  { method: 'GET', url: () => '/organise/newsletter/nope', expected: asPage(organizerOnly(404)) },
  {
    method: 'POST',
    url: () => '/organise/newsletter/test',
    body: { subject: '', body: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => '/organise/newsletter/send',
    body: { subject: 'Hi', body: 'x', key: '', recipients: '1' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/rooms/save`,
    body: { name: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/rooms/remove`,
    body: { room: 'ghost' },
    expected: asPage(organizerOnly(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/rooms/availability`,
    body: { room: 'bexar', slot: 'nope' },
    expected: asPage(organizerOnly(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/motd/add`,
    body: { level: 'info', message: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/motd/remove`,
    body: { position: '999' },
    expected: asPage(organizerOnly(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/organise/motd/reorder`,
    body: { order: '99' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => '/organise/newsletter/preview',
    body: { subject: '', body: '' },
    expected: asPage(organizerOnly(400)),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/book`,
    body: { room: 'nowhere', slot: 'wed13' },
    expected: asPage(novaManagers(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/book-range`,
    body: { cell: 'nowhere-wed13' },
    expected: asPage(novaManagers(404)),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/unbook`,
    get body() {
      return { booking: pastNovaBooking };
    },
    expected: asPage(novaManagers(409)),
  },
  {
    method: 'POST',
    url: () => `${E}/teams/nova/manage/links`,
    body: { etherpad_url: 'javascript:alert(1)' },
    expected: asPage(novaManagers(400)),
  },
];

async function apiStatus(role: Role, row: Row): Promise<number> {
  const token = tokens[role];
  const response = await site().app.inject({
    method: row.method,
    url: row.url(),
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(row.body ? { payload: row.body } : {}),
  });
  expect(
    response.statusCode,
    `${role} ${row.method} ${row.url()}: ${response.body.slice(0, 200)}`,
  ).toBeLessThan(500);
  return response.statusCode;
}

async function pageStatus(role: Role, row: Row): Promise<number> {
  const client = clients[role];
  const page =
    row.method === 'GET'
      ? await client.get(row.url())
      : await client.post(row.url(), (row.body ?? {}) as Fields);
  if (role === 'anonymous' && page.status === 303) expect(page.location).toMatch(/^\/signin\?next=/);
  return page.status;
}

describe('organiser and moderator endpoints of the JSON API, by role', () => {
  it.each(api.map((row) => [`${row.method} ${row.url()}`, row] as const))('%s', async (_name, row) => {
    const got = {} as Record<Role, number>;
    for (const role of roles) got[role] = await apiStatus(role, row);
    expect(got).toEqual(row.expected);
  });
});

describe('organiser console and team management pages, by role', () => {
  it.each(pages.map((row) => [`${row.method} ${row.url()}`, row] as const))('%s', async (_name, row) => {
    const got = {} as Record<Role, number>;
    for (const role of roles) got[role] = await pageStatus(role, row);
    expect(got).toEqual(row.expected);
  });
});
