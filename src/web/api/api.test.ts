import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../../../test/support/http.ts';
import { openTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts';
import { describeWithService } from '../../../test/support/services.ts';
import { storeKinds } from '../../../test/support/stores.ts';
import { refusalCodes } from '../../core/errors.ts';
import { httpStatusOf } from '../http-status.ts';
import { sharedSchemas } from './read.schema.ts';

const base = '/api/v1/events/test-ptg';

for (const kind of storeKinds) {
  describeWithService(
    kind.name === 'postgres' ? 'PostgreSQL' : 'SQLite',
    kind.available,
    `JSON API on ${kind.name}`,
    () => {
      let t: TestRuntime;
      let app: FastifyInstance;
      beforeAll(async () => {
        t = await openTestRuntime(kind);
        app = await buildTestApp(t);
      });
      afterAll(async () => {
        await app.close();
        await t.close();
      });
      beforeEach(async () => {
        t.clock.set('2022-10-01T12:00:00Z');
        const state = (await t.models.get('test-ptg'))!;
        for (const booking of state.bookings)
          await t.ops.unbookSlot(
            'test-ptg',
            { actor: { userId: null, name: 'tests', isOrganizer: true }, source: 'cli' },
            { bookingId: booking.id, override: true },
          );
      });

      const book = (token: string, body: Record<string, unknown>) =>
        call(app, 'POST', `${base}/bookings`, { token, body });
      const revision = async () => (await t.models.get('test-ptg'))!.revision;

      describe('reads', () => {
        it('lists events with their slug, title and dates', async () => {
          const response = await call(app, 'GET', '/api/v1/events');
          expect(response.statusCode).toBe(200);
          expect(response.json().events).toEqual([
            expect.objectContaining({
              slug: 'test-ptg',
              title: 'Test PTG',
              starts_on: '2022-10-17',
              ends_on: '2022-10-18',
            }),
          ]);
        });

        it('lists only approved teams as the official list, by name', async () => {
          const response = await call(app, 'GET', `${base}/teams`);
          expect(response.json().teams.map((team: { slug: string }) => team.slug)).toEqual([
            'cinder',
            'nova',
            'tc',
          ]);
          expect(response.json().teams[1]).toEqual({
            slug: 'nova',
            name: 'Nova/Placement',
            kind: 'project',
            cross_project: false,
            status: 'approved',
            colour: expect.stringMatching(/^#[0-9a-f]{6}$/),
            text_colour: '#ffffff',
            etherpad: 'https://pads.example.org/p/test-ptg-nova',
            video_url: null,
            location: null,
          });
        });

        it('lists rooms with their slug, name and link, spaces allowed in names', async () => {
          const rooms = (await call(app, 'GET', `${base}/rooms`)).json().rooms;
          expect(rooms.map((room: { slug: string; name: string }) => [room.slug, room.name])).toEqual([
            ['bexar', 'bexar'],
            ['austin', 'austin'],
            ['ballroom-a', 'Ballroom A'],
          ]);
          expect(rooms[2].url).toBe('https://video.example.org/Ballroom-A');
        });

        it('gives the schedule as rooms × slots with bookings, each booking naming its cell reference', async () => {
          await book(t.tokens.nova, { team: 'nova', room: 'Ballroom A', slot: 'mon13' });
          const schedule = (await call(app, 'GET', `${base}/schedule`)).json();
          expect(schedule.rooms).toHaveLength(3);
          expect(schedule.slots).toHaveLength(8);
          expect(schedule.slots[0]).toEqual({
            id: expect.any(String),
            code: 'mon13',
            start: '2022-10-17T13:00:00Z',
            end: '2022-10-17T14:00:00Z',
            window: 'Americas / Europe',
            day: '2022-10-17',
          });
          expect(schedule.bookings).toEqual([
            expect.objectContaining({
              team: 'nova',
              room: 'ballroom-a',
              slot: schedule.slots[0].id,
              reference: 'ballroom-a-mon13',
            }),
          ]);
          expect(schedule.unavailable).toEqual([]);
        });

        it('answers a repeated read with 304 when nothing changed, and with the new body after a change', async () => {
          for (const path of ['schedule', 'board']) {
            const first = await call(app, 'GET', `${base}/${path}`);
            const etag = first.headers.etag as string;
            expect(
              (await call(app, 'GET', `${base}/${path}`, { headers: { 'if-none-match': etag } })).statusCode,
            ).toBe(304);
            await t.ops.addMotd(
              'test-ptg',
              { actor: { userId: null, name: 'tests', isOrganizer: true }, source: 'cli' },
              { level: 'info', message: `changed ${path}` },
            );
            const after = await call(app, 'GET', `${base}/${path}`, { headers: { 'if-none-match': etag } });
            expect(after.statusCode).toBe(200);
          }
        });

        it('describes schedule and board bodies exactly as the OpenAPI document says', async () => {
          await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'mon13' });
          await call(app, 'POST', `${base}/teams/nova/now`, {
            token: t.tokens.nova,
            body: { text: 'Placement' },
          });
          const ajv = new Ajv({ strict: false, allErrors: true });
          for (const schema of sharedSchemas) ajv.addSchema(schema);
          for (const [path, id] of [
            ['schedule', 'Schedule'],
            ['board', 'Board'],
          ] as const) {
            const body = (await call(app, 'GET', `${base}/${path}`)).json();
            const validate = ajv.getSchema(id)!;
            expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
          }
          const openapi = (await call(app, 'GET', '/api/v1/openapi.json')).json();
          expect(openapi.openapi).toBe('3.0.3');
          expect(Object.keys(openapi.paths)).toEqual(
            expect.arrayContaining(['/api/v1/events/{event}/schedule', '/api/v1/events/{event}/bookings']),
          );
          expect(
            openapi.components.schemas.ErrorResponse.properties.error.properties.code.anyOf.map(
              (entry: { enum?: string[]; const?: string }) => entry.const ?? entry.enum?.[0],
            ),
          ).toEqual([...Object.keys(refusalCodes), 'internal']);
        });

        it('answers unknown events and paths with 404 and a code', async () => {
          expect((await call(app, 'GET', '/api/v1/events/nope/board')).json()).toEqual({
            error: { code: 'unknown_event', message: 'There is no event "nope".' },
          });
          expect((await call(app, 'GET', '/api/v1/nothing')).json().error.code).toBe('not_found');
          expect((await call(app, 'GET', '/healthz')).statusCode).toBe(200);
        });
      });

      describe('booking rules over HTTP', () => {
        it('books a free cell (201) and releases it again (200)', async () => {
          const response = await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'mon13' });
          expect(response.statusCode).toBe(201);
          const { booking, reply } = response.json();
          expect(booking).toMatchObject({
            team: 'nova',
            room: 'bexar',
            slot_code: 'mon13',
            kind: 'self',
            source: 'api',
          });
          expect(reply).toBe('Booked bexar for nova on Mon 17 Oct 13:00–14:00 UTC.');
          const released = await call(app, 'DELETE', `${base}/bookings/${booking.id}`, {
            token: t.tokens.nova,
          });
          expect(released.statusCode).toBe(200);
          expect((await call(app, 'GET', `${base}/schedule`)).json().bookings).toEqual([]);
        });

        it('refuses with each rule’s code and status', async () => {
          await book(t.tokens.cinder, { team: 'cinder', room: 'bexar', slot: 'mon13' });
          const expectRefusal = async (
            response: Awaited<ReturnType<typeof book>>,
            code: keyof typeof refusalCodes,
          ) => {
            expect(response.json().error.code).toBe(code);
            expect(response.statusCode).toBe(httpStatusOf[code]);
            expect(response.json().error.message.length).toBeGreaterThan(10);
          };
          await expectRefusal(
            await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'mon13' }),
            'slot_taken',
          );
          await book(t.tokens.nova, { team: 'nova', room: 'austin', slot: 'mon14' });
          await expectRefusal(
            await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'mon14' }),
            'team_busy',
          );
          await book(t.tokens.nova, { team: 'nova', room: 'austin', slot: 'mon15' });
          await book(t.tokens.nova, { team: 'nova', room: 'austin', slot: 'mon16' });
          await expectRefusal(
            await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'mon13' }),
            'slot_taken',
          );
          await expectRefusal(
            await book(t.tokens.nova, { team: 'nova', room: 'Ballroom A', slot: 'mon13' }),
            'daily_cap',
          );
          await book(t.tokens.nova, { team: 'nova', room: 'austin', slot: 'tue13' });
          await book(t.tokens.nova, { team: 'nova', room: 'austin', slot: 'tue14' });
          await expectRefusal(
            await book(t.tokens.nova, { team: 'nova', room: 'austin', slot: 'tue15' }),
            'total_cap',
          );
          t.clock.set('2022-09-15T00:00:00Z');
          await expectRefusal(
            await book(t.tokens.cinder, { team: 'cinder', room: 'austin', slot: 'tue16' }),
            'not_open',
          );
          expect((await book(t.tokens.tc, { team: 'tc', room: 'austin', slot: 'tue16' })).statusCode).toBe(
            201,
          );
          t.clock.set('2022-10-17T14:30:00Z');
          await expectRefusal(
            await book(t.tokens.cinder, { team: 'cinder', room: 'Ballroom A', slot: 'mon14' }),
            'in_past',
          );
          await expectRefusal(
            await book(t.tokens.cinder, { team: 'nope', room: 'bexar', slot: 'tue13' }),
            'unknown_team',
          );
          await expectRefusal(
            await book(t.tokens.cinder, { team: 'cinder', room: 'nope', slot: 'tue13' }),
            'unknown_room',
          );
          await expectRefusal(
            await book(t.tokens.cinder, { team: 'cinder', room: 'bexar', slot: 'sun13' }),
            'unknown_slot',
          );
          await expectRefusal(
            await book(t.tokens.nova, { team: 'pending', room: 'bexar', slot: 'tue16' }),
            'forbidden',
          );
          await expectRefusal(
            await book(t.tokens.organizer, { team: 'pending', room: 'bexar', slot: 'tue16' }),
            'team_not_approved',
          );
        });

        it('refuses a moderator of one team who books, unbooks or sets topics for another (403 forbidden), changing nothing', async () => {
          const booked = (await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'tue13' })).json()
            .booking;
          const before = await revision();
          const attempts = [
            book(t.tokens.cinder, { team: 'nova', room: 'austin', slot: 'tue14' }),
            call(app, 'DELETE', `${base}/bookings/${booked.id}`, { token: t.tokens.cinder }),
            call(app, 'POST', `${base}/teams/nova/now`, { token: t.tokens.cinder, body: { text: 'hijack' } }),
            call(app, 'POST', `${base}/teams/nova/next`, {
              token: t.tokens.cinder,
              body: { text: 'hijack' },
            }),
            call(app, 'DELETE', `${base}/teams/nova/topics`, { token: t.tokens.cinder }),
            call(app, 'PATCH', `${base}/teams/nova`, {
              token: t.tokens.cinder,
              body: { video_url: 'https://evil.example.org' },
            }),
            call(app, 'PATCH', `${base}/teams/cinder`, {
              token: t.tokens.cinder,
              body: { status: 'withdrawn' },
            }),
            call(app, 'POST', `${base}/motd`, {
              token: t.tokens.cinder,
              body: { level: 'info', message: 'hi' },
            }),
            call(app, 'POST', `${base}/teams`, {
              token: t.tokens.attendee,
              body: { name: 'Mine', kind: 'project' },
            }),
            call(app, 'GET', `${base}/audit`, { token: t.tokens.attendee }),
          ];
          for (const response of await Promise.all(attempts)) {
            expect(response.statusCode).toBe(403);
            expect(response.json().error.code).toBe('forbidden');
          }
          expect(await revision()).toBe(before);
        });

        it('asks for a token on writes (401) and refuses an unknown or malformed one', async () => {
          const anonymous = await call(app, 'POST', `${base}/bookings`, {
            body: { team: 'nova', room: 'bexar', slot: 'tue13' },
          });
          expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'unauthenticated']);
          const wrong = await book('cvn_not-a-real-token', { team: 'nova', room: 'bexar', slot: 'tue13' });
          expect(wrong.json().error).toEqual({
            code: 'unauthenticated',
            message: 'The API token is not valid or has been revoked.',
          });
          const malformed = await call(app, 'GET', '/api/v1/me', { headers: { authorization: 'Basic abc' } });
          expect(malformed.statusCode).toBe(401);
          expect((await call(app, 'GET', '/api/v1/me', { token: t.tokens.nova })).json().user).toEqual({
            name: 'Nia Nova',
            email: 'nia@example.org',
            irc_nick: null,
            organizer: false,
          });
        });

        it('lets an organiser override the caps and the past, and logs who did it', async () => {
          t.clock.set('2022-10-17T13:30:00Z');
          const response = await book(t.tokens.organizer, {
            team: 'nova',
            room: 'bexar',
            slot: 'mon13',
            override: true,
          });
          expect(response.statusCode).toBe(201);
          expect(response.json().booking.kind).toBe('assigned');
          const audit = (
            await call(app, 'GET', `${base}/audit?after=0&limit=1000`, { token: t.tokens.organizer })
          ).json().revisions;
          expect(audit.at(-1)).toMatchObject({
            actor: 'Olive Organiser',
            source: 'api',
            changes: [{ type: 'booking.created', booking: { override: true } }],
          });
        });
      });

      describe('the board over HTTP', () => {
        it('shows now, next and banners, and clears next when now changes', async () => {
          await book(t.tokens.nova, { team: 'nova', room: 'bexar', slot: 'mon14' });
          t.clock.set('2022-10-17T14:10:00Z');
          await call(app, 'POST', `${base}/teams/nova/next`, {
            token: t.tokens.nova,
            body: { text: 'Unified limits' },
          });
          let board = (await call(app, 'GET', `${base}/board`)).json();
          expect(board.next).toEqual([
            {
              team: 'nova',
              name: 'Nova/Placement',
              items: [{ text: 'Unified limits', at: '2022-10-17T14:10:00Z' }],
            },
          ]);
          await call(app, 'POST', `${base}/teams/nova/now`, {
            token: t.tokens.nova,
            body: { text: 'Placement API cleanup' },
          });
          board = (await call(app, 'GET', `${base}/board`)).json();
          expect(board.current_slot.code).toBe('mon14');
          expect(board.now).toEqual([
            expect.objectContaining({
              team: 'nova',
              text: 'Placement API cleanup',
              rooms: ['bexar'],
              join_url: 'https://video.example.org/bexar',
            }),
          ]);
          expect(board.next).toEqual([]);
          t.clock.set('2022-10-17T15:00:00Z');
          expect((await call(app, 'GET', `${base}/board`)).json().now).toEqual([]);
        });
      });

      describe('bad input never stores anything and never fails with a 5xx', () => {
        const huge = 'x'.repeat(10_240);
        const cases: [string, 'POST' | 'PATCH' | 'PUT' | 'DELETE', string, unknown][] = [
          ['booking without fields', 'POST', '/bookings', {}],
          ['booking with wrong types', 'POST', '/bookings', { team: 1, room: ['bexar'], slot: null }],
          ['booking with a 10 kB team', 'POST', '/bookings', { team: huge, room: 'bexar', slot: 'tue13' }],
          [
            'booking of an unknown team',
            'POST',
            '/bookings',
            { team: 'ghost', room: 'bexar', slot: 'tue13' },
          ],
          ['booking in an unknown room', 'POST', '/bookings', { team: 'nova', room: 'ghost', slot: 'tue13' }],
          [
            'booking with override as text',
            'POST',
            '/bookings',
            { team: 'nova', room: 'bexar', slot: 'tue13', override: 'yes' },
          ],
          ['booking body that is not JSON', 'POST', '/bookings', '{"team": '],
          ['unbooking an unknown id', 'DELETE', '/bookings/does-not-exist', undefined],
          ['a topic of 10 kB', 'POST', '/teams/nova/now', { text: huge }],
          ['an empty topic', 'POST', '/teams/nova/now', { text: '   ' }],
          [
            'a topic that reverses a link',
            'POST',
            '/teams/nova/now',
            { text: 'Placement \u202emoc.live//:sptth' },
          ],
          ['a topic of zero-width spaces', 'POST', '/teams/nova/next', { text: '\u200b\u200b\u200d\ufeff' }],
          ['a team renamed with a bidi isolate', 'PATCH', '/teams/nova', { name: 'Nova\u2067 ovoN' }],
          ['a room named with invisible characters only', 'POST', '/rooms', { name: '\u200b\u3164' }],
          [
            'a command that is not UTF-8',
            'POST',
            '/commands',
            Buffer.from('{"text":"#nova now \xff\xfe"}', 'latin1'),
          ],
          [
            'a topic that is not UTF-8',
            'POST',
            '/teams/nova/now',
            Buffer.from('{"text":"\xff\xfe"}', 'latin1'),
          ],
          ['a topic with a lone surrogate', 'POST', '/teams/nova/now', '{"text":"a\\ud800b"}'],
          ['a team name with a lone low surrogate', 'PATCH', '/teams/nova', '{"name":"\\udc00"}'],
          ['a topic of the wrong type', 'POST', '/teams/nova/next', { text: 42 }],
          ['a topic for an unknown team', 'POST', '/teams/ghost/now', { text: 'hi' }],
          ['a javascript: video link', 'PATCH', '/teams/nova', { video_url: 'javascript:alert(1)' }],
          [
            'a data: etherpad link',
            'PATCH',
            '/teams/nova',
            { etherpad_url: 'data:text/html,<script>alert(1)</script>' },
          ],
          ['a relative link', 'PATCH', '/teams/nova', { etherpad_url: '/p/nova' }],
          ['a colour that is not one', 'PATCH', '/teams/nova', { colour: 'url(javascript:alert(1))' }],
          ['a 10 kB location', 'PATCH', '/teams/nova', { location: huge }],
          ['a team kind that does not exist', 'POST', '/teams', { name: 'New', kind: 'club' }],
          ['a team without a name', 'POST', '/teams', { kind: 'project' }],
          [
            'a team with a slug nobody can type',
            'POST',
            '/teams',
            { name: 'New', kind: 'project', slug: 'Not A Slug!' },
          ],
          ['a team that exists', 'POST', '/teams', { name: 'Nova', slug: 'nova', kind: 'project' }],
          ['a banner level that does not exist', 'POST', '/motd', { level: 'loud', message: 'hi' }],
          ['a banner of 10 kB', 'POST', '/motd', { level: 'info', message: huge }],
          [
            'a banner expiring at a non-date',
            'POST',
            '/motd',
            { level: 'info', message: 'hi', expires_at: 'tomorrow' },
          ],
          ['removing banner 99', 'DELETE', '/motd/99', undefined],
          ['removing banner "first"', 'DELETE', '/motd/first', undefined],
          ['reordering banners that do not exist', 'PUT', '/motd/order', { positions: [99, 1] }],
          ['a room with a javascript: link', 'POST', '/rooms', { name: 'Evil', url: 'javascript:alert(1)' }],
          ['a room named with 10 kB', 'POST', '/rooms', { name: huge }],
          ['a room that exists', 'POST', '/rooms', { name: 'bexar' }],
          ['closing an unknown slot', 'PUT', '/rooms/bexar/availability/sun13', { available: false }],
          ['moderating an unknown user', 'POST', '/teams/nova/moderators', { email: 'ghost@example.org' }],
        ];
        for (const [name, method, path, body] of cases) {
          it(`refuses ${name} with a 4xx and a code`, async () => {
            const before = await revision();
            const response = await app.inject({
              method,
              url: `${base}${path}`,
              headers: { authorization: `Bearer ${t.tokens.organizer}`, 'content-type': 'application/json' },
              ...(body === undefined
                ? {}
                : {
                    payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
                  }),
            });
            expect(response.statusCode).toBeGreaterThanOrEqual(400);
            expect(response.statusCode).toBeLessThan(500);
            const { error } = response.json();
            expect(Object.keys(refusalCodes)).toContain(error.code);
            expect(error.message).toEqual(expect.any(String));
            expect(await revision()).toBe(before);
          });
        }
      });
    },
  );
}
