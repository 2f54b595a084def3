import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { attendee, organizer } from '../../../test/support/builders.ts';
import { buildTestApp, call } from '../../../test/support/http.ts';
import { openTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts';
import { describeWithService } from '../../../test/support/services.ts';
import { storeKinds } from '../../../test/support/stores.ts';

const base = '/api/v1/events/test-ptg';
const system = { actor: { userId: null, name: 'tests', isOrganizer: true }, source: 'cli' as const };

for (const kind of storeKinds) {
  describeWithService(
    kind.name === 'postgres' ? 'PostgreSQL' : 'SQLite',
    kind.available,
    `range booking and clash warnings over the API on ${kind.name}`,
    () => {
      let t: TestRuntime;
      let app: FastifyInstance;
      beforeAll(async () => {
        t = await openTestRuntime(kind);
        app = await buildTestApp(t);
        const state = (await t.models.get('test-ptg'))!;
        const teamId = (slug: string) => state.teams.find((team) => team.slug === slug)?.id as string;
        // Two people follow both nova and cinder: a clash between them concerns 2 people.
        for (const person of [attendee, organizer])
          for (const team of ['nova', 'cinder'])
            await t.store.followTeam(person.userId as string, teamId(team), '2022-09-02T00:00:00Z');
      });
      afterAll(async () => {
        await app.close();
        await t.close();
      });
      beforeEach(async () => {
        const state = (await t.models.get('test-ptg'))!;
        for (const booking of state.bookings)
          await t.ops.unbookSlot('test-ptg', system, { bookingId: booking.id, override: true });
        await t.ops.bookSlot('test-ptg', system, { team: 'cinder', room: 'austin', slot: 'mon14' });
      });

      const range = (token: string | undefined, body: Record<string, unknown>, team = 'nova') =>
        call(app, 'POST', `${base}/teams/${team}/bookings/range`, { ...(token ? { token } : {}), body });
      const revision = async () => (await t.models.get('test-ptg'))!.revision;
      const clashPeople = {
        code: 'clash_people',
        message: '2 people who follow nova also follow cinder, which meets then (mon14).',
        teams: ['cinder'],
        people: 2,
        slots: ['mon14'],
      };

      it('books a range of hours in one room and answers with each booking and the clash warnings', async () => {
        const response = await range(t.tokens.nova, { room: 'bexar', from: 'mon13', to: 'mon15' });
        expect(response.statusCode).toBe(201);
        const body = response.json();
        expect(body.bookings.map((booking: { reference: string }) => booking.reference)).toEqual([
          'bexar-mon13',
          'bexar-mon14',
          'bexar-mon15',
        ]);
        expect(body.reply).toBe('Booked bexar for nova on Mon 17 Oct 13:00–16:00 UTC.');
        expect(body.warnings).toEqual([clashPeople]);
      });

      it('books nothing when one hour is refused, listing every hour with its verdict (range_refused)', async () => {
        const before = await revision();
        const response = await range(t.tokens.nova, { room: 'austin', from: 'mon13', to: 'mon15' });
        expect(response.statusCode).toBe(409);
        expect(response.json().error).toEqual({
          code: 'range_refused',
          message: 'Nothing was booked: 1 hour of 3 cannot be booked.',
          parts: [
            expect.objectContaining({ item: 'austin-mon13', ok: true }),
            {
              item: 'austin-mon14',
              ok: false,
              code: 'slot_taken',
              message: 'austin is already booked by cinder on Mon 17 Oct 14:00–15:00 UTC.',
            },
            expect.objectContaining({ item: 'austin-mon15', ok: true }),
          ],
        });
        expect(await revision()).toBe(before);
      });

      it('refuses ranges across days or windows and unknown cells with a clear code, storing nothing', async () => {
        const before = await revision();
        const answers = await Promise.all([
          range(t.tokens.nova, { room: 'bexar', from: 'mon16', to: 'tue13' }),
          range(t.tokens.nova, { room: 'bexar', from: 'mon15', to: 'mon13' }),
          range(t.tokens.nova, { room: 'bexar', from: 'mon13', to: 'mon99' }),
          range(t.tokens.nova, { room: 'kilo', from: 'mon13', to: 'mon14' }),
          range(t.tokens.nova, { room: 'bexar', from: 'mon13', to: 'mon14' }, 'nosuch'),
          range(t.tokens.nova, { room: 'bexar', from: 'x'.repeat(101), to: 'mon14' }),
        ]);
        expect(answers.map((answer) => [answer.statusCode, answer.json().error.code])).toEqual([
          [400, 'bad_range'],
          [400, 'bad_range'],
          [404, 'unknown_slot'],
          [404, 'unknown_room'],
          [404, 'unknown_team'],
          [400, 'invalid_input'],
        ]);
        expect(answers[0]?.json().error.message).toBe(
          'mon16 and tue13 are not in the same window of one day; book each window on its own.',
        );
        expect(await revision()).toBe(before);
      });

      it('lets only organisers set the rules aside, and keeps their reason with each booking it concerns', async () => {
        const overriding = {
          room: 'bexar',
          from: 'tue13',
          to: 'tue16',
          override: true,
          reason: 'Keynote rehearsal',
        };
        const moderator = await range(t.tokens.nova, overriding);
        expect([moderator.statusCode, moderator.json().error.code]).toEqual([403, 'forbidden']);
        const response = await range(t.tokens.organizer, overriding);
        expect(response.statusCode).toBe(201);
        expect(response.json().reply).toBe(
          'Booked bexar for nova on Tue 18 Oct 13:00–17:00 UTC (some limits set aside).',
        );
        const state = (await t.models.get('test-ptg'))!;
        const stored = await t.store.exportEvent(state.event.id);
        const reasons = stored?.bookings
          .filter((booking) => booking.cancelledAt === null && booking.override)
          .map((booking) => booking.overrideReason);
        expect(reasons).toEqual(['Keynote rehearsal']);
      });

      it('keeps the reason an organiser gives for releasing a slot that has started', async () => {
        const booked = await call(app, 'POST', `${base}/bookings`, {
          token: t.tokens.nova,
          body: { team: 'nova', room: 'bexar', slot: 'mon13' },
        });
        const id = booked.json().booking.id as string;
        t.clock.set('2022-10-17T13:10:00Z');
        try {
          const released = await call(
            app,
            'DELETE',
            `${base}/bookings/${id}?override=true&reason=Team%20left%20early`,
            {
              token: t.tokens.organizer,
            },
          );
          expect(released.statusCode).toBe(200);
          const state = (await t.models.get('test-ptg'))!;
          const stored = await t.store.exportEvent(state.event.id);
          expect(stored?.bookings.find((booking) => booking.id === id)?.cancelReason).toBe('Team left early');
        } finally {
          t.clock.set('2022-10-01T12:00:00Z');
        }
      });

      it('answers a single booking with its clash warnings beside it', async () => {
        const response = await call(app, 'POST', `${base}/bookings`, {
          token: t.tokens.nova,
          body: { team: 'nova', room: 'bexar', slot: 'mon14' },
        });
        expect(response.statusCode).toBe(201);
        expect(response.json()).toMatchObject({
          booking: { reference: 'bexar-mon14' },
          warnings: [clashPeople],
        });
      });

      it('tells a moderator before booking which tied teams meet in chosen hours, and after, in booked ones', async () => {
        const before = await call(app, 'GET', `${base}/teams/nova/clashes?slots=mon13,mon14`, {
          token: t.tokens.nova,
        });
        expect(before.json()).toEqual({ warnings: [clashPeople] });
        const after = await call(app, 'GET', `${base}/teams/nova/clashes`, { token: t.tokens.organizer });
        expect(after.json()).toEqual({ warnings: [] });
      });

      it('keeps clash warnings to the team’s moderators and organisers, and names unknown hours', async () => {
        const answers = await Promise.all([
          call(app, 'GET', `${base}/teams/nova/clashes`),
          call(app, 'GET', `${base}/teams/nova/clashes`, { token: t.tokens.attendee }),
          call(app, 'GET', `${base}/teams/nova/clashes`, { token: t.tokens.cinder }),
          call(app, 'GET', `${base}/teams/nova/clashes?slots=mon13,zzz9`, { token: t.tokens.nova }),
          call(app, 'GET', `${base}/teams/nosuch/clashes`, { token: t.tokens.nova }),
        ]);
        expect(answers.map((answer) => [answer.statusCode, answer.json().error?.code])).toEqual([
          [401, 'unauthenticated'],
          [403, 'forbidden'],
          [403, 'forbidden'],
          [404, 'unknown_slot'],
          [404, 'unknown_team'],
        ]);
        expect(answers[3]?.json().error.message).toBe('There is no slot "zzz9" in this event.');
      });
    },
  );
}
