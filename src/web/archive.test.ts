import { beforeAll, describe, expect, it } from 'vitest';
import { type FormClient, textOf } from '../../test/support/form-client.ts';
import { call } from '../../test/support/http.ts';
import { signedInClient } from '../../test/support/people.ts';
import { freeCell, useTestSite } from '../../test/support/web.ts';

const site = useTestSite();
const E = '/events/oct2022-ptg';
const api = `/api/v1${E}`;
let lead: FormClient;
let novaBooking = '';
let free = { room: '', slot: '' };
/** A sign-up sent before the event is archived. */
const earlyTeam = {
  name: 'Early Team',
  kind: 'project',
  moderators: '',
  expected_attendance: '5',
  hours_wanted: '2',
  video: 'rooms',
};

beforeAll(async () => {
  // A page with a form opened before the event is archived, and sent after.
  ({ client: lead } = await signedInClient(site(), 'late@example.org', { name: 'Lee Late' }));
  await lead.get(`${E}/signup`);
  const early = await lead.post(`${E}/signup`, earlyTeam);
  expect(early.status).toBe(303);
  await lead.get(`${E}/register`);
  const schedule = (await call(site().app, 'GET', `${api}/schedule`)).json();
  free = freeCell(schedule, 'nova');
  const nova = schedule.bookings.find(
    (booking: { team: string; slot: string }) =>
      booking.team === 'nova' &&
      schedule.slots.find((slot: { id: string }) => slot.id === booking.slot).start > '2022-10-19',
  );
  novaBooking = nova.id;
  const archived = await call(site().app, 'PATCH', api, {
    token: site().token,
    body: { status: 'archived' },
  });
  expect(archived.json().event.status).toBe('archived');
});

const refusalOf = async (method: 'POST' | 'DELETE', path: string, body?: unknown) => {
  const response = await call(site().app, method, `${api}${path}`, {
    token: site().token,
    ...(body === undefined ? {} : { body }),
  });
  return [response.statusCode, response.json().error?.code];
};

describe('an archived event', () => {
  it.each([
    ['booking', 'POST', '/bookings', () => ({ team: 'nova', ...free })],
    [
      'booking a range',
      'POST',
      '/teams/nova/bookings/range',
      () => ({ room: free.room, from: free.slot, to: free.slot }),
    ],
    ['releasing a booking', 'DELETE', () => `/bookings/${novaBooking}`, undefined],
    ['setting now', 'POST', '/teams/nova/now', () => ({ text: 'Placement' })],
    ['adding next', 'POST', '/teams/nova/next', () => ({ text: 'Placement' })],
    ['clearing topics', 'DELETE', '/teams/nova/topics', undefined],
    ['checking in', 'POST', '/commands', () => ({ text: '+in #nova' })],
    ['subscribing', 'POST', '/commands', () => ({ text: '+subscribe placement' })],
    ['booking by chat', 'POST', '/commands', () => ({ text: `#nova book ${free.room}-${free.slot}` })],
  ] as const)('refuses %s with event_archived, even from an organiser', async (_what, method, path, body) => {
    const url = typeof path === 'function' ? path() : path;
    expect(await refusalOf(method, url, body?.())).toEqual([409, 'event_archived']);
  });

  it('refuses subscribing to topics on the web and in the API, and still lets one unsubscribe', async () => {
    const subscription = `${api}/subscription`;
    const put = (pattern: string) =>
      call(site().app, 'PUT', subscription, { token: site().token, body: { pattern } });
    expect((await put('placement')).json().error.code).toBe('event_archived');
    expect((await put('')).statusCode).toBe(200);
    const alert = await lead.post(`${E}/teams/nova/alert`, {});
    expect(alert.status).toBe(409);
    expect(textOf(alert.html)).toContain('is archived: subscribing is closed.');
  });

  it('refuses changing a sign-up made before the event was archived', async () => {
    const sent = await lead.post(`${E}/signup/early-team`, earlyTeam);
    expect(sent.status).toBe(409);
    expect(textOf(sent.html)).toContain('team sign-up is closed');
  });

  it('refuses team sign-up with event_archived on the form', async () => {
    const sent = await lead.post(`${E}/signup`, { name: 'Late Team', kind: 'project' });
    expect(sent.status).toBe(409);
    expect(textOf(sent.html)).toContain(
      'Project Teams Gathering, October 2022 is archived: team sign-up is closed.',
    );
    expect(textOf((await lead.get(`${E}/signup`)).html)).toContain('team sign-up is closed');
  });

  it('refuses registration with event_archived', async () => {
    const sent = await lead.post(`${E}/register`, {
      name: 'Ada',
      role: 'contributor',
      coc_version: '2022-10',
      accept_coc: 'yes',
    });
    expect(sent.status).toBe(409);
    expect(textOf(sent.html)).toContain('registration is closed');
    const page = await lead.get(`${E}/register`);
    expect(page.status).toBe(409);
    expect(textOf(page.html)).toContain('is archived: registration is closed.');
  });

  it('keeps its pages and feeds, with a banner and without the calls to action', async () => {
    for (const url of [
      E,
      `${E}/board`,
      `${E}/schedule`,
      `${E}/teams`,
      `${E}/teams/nova`,
      `${E}/help`,
      `${E}/calendar.ics`,
      `${E}/schedule.xml`,
      `${E}/schedule.json`,
      `${E}/ptg.json`,
      `${api}/schedule`,
      `${api}/board`,
    ])
      expect((await site().app.inject({ url })).statusCode, url).toBe(200);
    const home = (await site().app.inject({ url: E })).body;
    expect(textOf(home)).toContain('This event is over and archived.');
    expect(home).not.toContain(`href="${E}/register"`);
    expect(home).not.toContain(`href="${E}/signup"`);
    expect((await site().app.inject({ url: `${E}/teams` })).body).not.toContain(`href="${E}/signup"`);
    expect((await site().app.inject({ url: `${E}/help` })).body).not.toContain(`action="${E}/help"`);
    const { client: organiser } = await signedInClient(site(), 'boss@example.org', { organizer: true });
    const manage = await organiser.get(`${E}/teams/nova/manage`);
    expect(manage.status).toBe(200);
    expect(textOf(manage.html)).toContain('Booking is closed: the event is archived.');
    expect(manage.html).not.toContain(`action="${E}/teams/nova/manage/book"`);
  });

  it('no longer stands for the site: the front page lists it as past', async () => {
    const front = await site().app.inject({ url: '/' });
    expect(front.statusCode).toBe(200);
    expect(textOf(front.body)).toMatch(
      /Past events Project Teams Gathering, October 2022 ?, 17–21 October 2022/,
    );
    expect(textOf((await site().app.inject({ url: '/events' })).body)).toContain('Past events');
  });
});
