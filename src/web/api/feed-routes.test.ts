import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/http.ts';
import { openTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts';
import {
  jsonSchemaErrors,
  scheduleJsonSchema,
  scheduleXsd,
  xmllintAvailable,
  xmlSchemaErrors,
} from '../../../test/support/schedule-schemas.ts';
import { describeWithShared } from '../../../test/support/shared-files.ts';
import { type StoreKind, storeKinds } from '../../../test/support/stores.ts';
import { seedDemo } from '../../app/events.ts';
import { systemActor } from '../../core/model/actor.ts';

const who = { actor: systemActor, source: 'cli' as const };
const event = 'test-ptg';

const publicFeeds: [string, string][] = [
  [`/events/${event}/calendar.ics`, 'text/calendar; charset=utf-8'],
  [`/events/${event}/teams/nova/calendar.ics`, 'text/calendar; charset=utf-8'],
  [`/events/${event}/rooms/bexar/calendar.ics`, 'text/calendar; charset=utf-8'],
  [`/events/${event}/schedule.xml`, 'application/xml; charset=utf-8'],
  [`/events/${event}/schedule.json`, 'application/json; charset=utf-8'],
  [`/events/${event}/ptg.json`, 'application/json; charset=utf-8'],
  [`/api/v1/events/${event}/schedule`, 'application/json; charset=utf-8'],
  [`/api/v1/events/${event}/board`, 'application/json; charset=utf-8'],
];

let runtime: TestRuntime;
let app: FastifyInstance;
let token: string;

beforeEach(async () => {
  runtime = await openTestRuntime(storeKinds[0] as StoreKind);
  app = await buildTestApp(runtime);
  token = runtime.tokens.nova;
  for (const [team, room, slot] of [
    ['nova', 'bexar', 'mon13'],
    ['nova', 'bexar', 'mon14'],
    ['cinder', 'austin', 'mon13'],
  ] as const) {
    expect((await runtime.ops.bookSlot(event, who, { team, room, slot })).ok).toBe(true);
  }
});

afterEach(async () => {
  await app.close();
  await runtime.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

async function calendarUrl(): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/me/calendar',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(200);
  return new URL(response.json().calendar_url).pathname;
}

describe('feed routes', () => {
  it('serve every feed with its content type, an ETag and a Last-Modified date', async () => {
    for (const [url, type] of publicFeeds) {
      const response = await get(url);
      expect([url, response.statusCode, response.headers['content-type']]).toEqual([url, 200, type]);
      expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(new Date(String(response.headers['last-modified'])).toISOString()).toBe(
        '2022-10-01T12:00:00.000Z',
      );
    }
  });

  it('answer a conditional GET with the previous ETag, or with its Last-Modified date, with 304 on every feed', async () => {
    const personal = await calendarUrl();
    for (const url of [...publicFeeds.map(([feed]) => feed), personal]) {
      const first = await get(url);
      expect([url, first.statusCode]).toEqual([url, 200]);
      const byTag = await get(url, { 'if-none-match': String(first.headers.etag) });
      expect([url, byTag.statusCode, byTag.body]).toEqual([url, 304, '']);
      expect(byTag.headers.etag).toBe(first.headers.etag);
      const byDate = await get(url, { 'if-modified-since': String(first.headers['last-modified']) });
      expect([url, byDate.statusCode]).toEqual([url, 304]);
    }
  });

  it('send the new version after a booking, while feeds it does not touch keep answering 304', async () => {
    const team = `/events/${event}/teams/nova/calendar.ics`;
    const room = `/events/${event}/rooms/austin/calendar.ics`;
    const [teamBefore, roomBefore] = [await get(team), await get(room)];
    runtime.clock.set('2022-10-02T08:00:00Z');
    expect((await runtime.ops.bookSlot(event, who, { team: 'nova', room: 'bexar', slot: 'mon15' })).ok).toBe(
      true,
    );
    expect((await runtime.ops.setNow(event, who, { team: 'cinder', text: 'Backups' })).ok).toBe(true);
    const teamAfter = await get(team, { 'if-none-match': String(teamBefore.headers.etag) });
    expect(teamAfter.statusCode).toBe(200);
    expect(new Date(String(teamAfter.headers['last-modified'])).toISOString()).toBe(
      '2022-10-02T08:00:00.000Z',
    );
    expect(
      (await get(team, { 'if-modified-since': String(teamBefore.headers['last-modified']) })).statusCode,
    ).toBe(200);
    expect((await get(room, { 'if-none-match': String(roomBefore.headers.etag) })).statusCode).toBe(304);
  });

  it('merge a team’s back-to-back slots into one calendar event that ical.js reads back', async () => {
    const response = await get(`/events/${event}/teams/nova/calendar.ics`);
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(String(events[0]?.getFirstPropertyValue('dtstart'))).toBe('2022-10-17T13:00:00Z');
    expect(String(events[0]?.getFirstPropertyValue('dtend'))).toBe('2022-10-17T15:00:00Z');
    expect(events[0]?.getFirstProperty('conference')?.getFirstValue()).toBe(
      'https://video.example.org/bexar',
    );
    expect(calendar.getFirstPropertyValue('source')).toBe(
      'http://convene.test/events/test-ptg/teams/nova/calendar.ics',
    );
  });

  it('give every calendar feed events that ical.js reads with a UID, DTSTAMP, SEQUENCE and CONFERENCE', async () => {
    const moderator = await runtime.store.findUserByEmail('nia@example.org');
    const nova = (await runtime.models.get(event))?.teams.find((team) => team.slug === 'nova');
    if (!moderator || !nova) throw new Error('seed missing');
    await runtime.store.followTeam(moderator.id, nova.id, '2022-10-01T12:00:00Z');
    const feeds = [...publicFeeds.slice(0, 3).map(([url]) => url), await calendarUrl()];
    const counts: number[] = [];
    for (const url of feeds) {
      const vevents = new ICAL.Component(ICAL.parse((await get(url)).body)).getAllSubcomponents('vevent');
      counts.push(vevents.length);
      for (const vevent of vevents) {
        expect(String(vevent.getFirstPropertyValue('uid'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
        expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2022-10-01T12:00:00Z');
        expect(vevent.getFirstPropertyValue('sequence')).toBeTypeOf('number');
        expect(vevent.getFirstProperty('conference')?.getFirstValue()).toMatch(
          /^https:\/\/video\.example\.org\//,
        );
      }
    }
    expect(counts).toEqual([2, 1, 1, 1]);
  });

  it('let anyone read the public feeds from another site, and leave out every e-mail address', async () => {
    for (const [url] of publicFeeds.slice(0, 6)) {
      const response = await get(url);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.body).not.toContain('nia@example.org');
    }
  });

  it('answer unknown events, teams, rooms and secrets, and overlong names, with a 4xx JSON error', async () => {
    const cases: [string, number, string][] = [
      ['/events/nope/calendar.ics', 404, 'unknown_event'],
      ['/events/nope/schedule.xml', 404, 'unknown_event'],
      ['/events/nope/schedule.json', 404, 'unknown_event'],
      ['/events/nope/ptg.json', 404, 'unknown_event'],
      [`/events/${event}/teams/glance/calendar.ics`, 404, 'unknown_team'],
      [`/events/${event}/rooms/kilo/calendar.ics`, 404, 'unknown_room'],
      ['/feeds/not-a-secret/calendar.ics', 404, 'not_found'],
      ['/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics', 404, 'not_found'],
      [`/events/${'x'.repeat(300)}/calendar.ics`, 400, 'invalid_input'],
      [`/events/${event}/teams/%00%3Cscript%3E/calendar.ics`, 404, 'unknown_team'],
    ];
    for (const [url, status, code] of cases) {
      const response = await get(url);
      expect([url, response.statusCode, response.json().error.code]).toEqual([url, status, code]);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });
});

describe('the personal calendar', () => {
  it('holds the meetings of the teams the user follows, behind an address that rotating replaces', async () => {
    const moderator = await runtime.store.findUserByEmail('nia@example.org');
    const state = await runtime.models.get(event);
    const cinder = state?.teams.find((team) => team.slug === 'cinder');
    if (!moderator || !cinder) throw new Error('seed missing');
    await runtime.store.followTeam(moderator.id, cinder.id, '2022-10-01T12:00:00Z');
    const address = await calendarUrl();
    const first = await get(address);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const summaries = new ICAL.Component(ICAL.parse(first.body))
      .getAllSubcomponents('vevent')
      .map((vevent) => vevent.getFirstPropertyValue('summary'));
    expect(summaries).toEqual(['Cinder']);

    const shown = await app.inject({
      method: 'GET',
      url: '/api/v1/me/calendar',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(new URL(shown.json().calendar_url).pathname).toBe(address);

    const rotated = await calendarUrl();
    expect(rotated).not.toBe(address);
    expect((await get(address)).statusCode).toBe(404);
    expect((await get(rotated)).statusCode).toBe(200);
  });

  it('refuses to show or rotate the address without a valid token (unauthenticated)', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const anonymous = await app.inject({ method, url: '/api/v1/me/calendar' });
      expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'unauthenticated']);
      const bad = await app.inject({
        method,
        url: '/api/v1/me/calendar',
        headers: { authorization: 'Bearer cvn_nope' },
      });
      expect([bad.statusCode, bad.json().error.code]).toEqual([401, 'unauthenticated']);
    }
  });
});

describeWithShared([scheduleXsd, scheduleJsonSchema], 'the demo event’s feeds', () => {
  it('are valid against the c3voc schemas and read back by ical.js, with an id and guid per entry', async () => {
    await seedDemo(runtime, '2022-10-18T14:20:00Z');
    const xml = await get('/events/oct2022-ptg/schedule.xml');
    const json = await get('/events/oct2022-ptg/schedule.json');
    const ics = await get('/events/oct2022-ptg/calendar.ics');
    if (xmllintAvailable) expect(await xmlSchemaErrors(xml.body)).toBe('');
    expect(jsonSchemaErrors(json.json())).toEqual([]);
    const days = json.json().schedule.conference.days as {
      rooms: Record<string, { id: number; guid: string }[]>;
    }[];
    const entries = days.flatMap((day) => Object.values(day.rooms).flat());
    expect(entries.length).toBeGreaterThan(100);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    expect(new Set(entries.map((entry) => entry.guid)).size).toBe(entries.length);
    const vevents = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent');
    expect(vevents.map((vevent) => String(vevent.getFirstPropertyValue('uid'))).sort()).toEqual(
      entries.map((entry) => entry.guid).sort(),
    );
  });
});

describe('the OpenAPI document', () => {
  it('describes the feeds with their content types, and the calendar address endpoints', async () => {
    const document = (await get('/api/v1/openapi.json')).json();
    expect(
      Object.keys(document.paths['/events/{event}/teams/{ref}/calendar.ics'].get.responses[200].content),
    ).toEqual(['text/calendar']);
    expect(Object.keys(document.paths['/events/{event}/schedule.xml'].get.responses[200].content)).toEqual([
      'application/xml',
    ]);
    expect(Object.keys(document.paths['/api/v1/me/calendar'])).toEqual(['get', 'post']);
  });
});
