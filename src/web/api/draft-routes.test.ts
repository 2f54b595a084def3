import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../../../test/support/http.ts';
import { openTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts';
import { describeWithService } from '../../../test/support/services.ts';
import { storeKinds } from '../../../test/support/stores.ts';
import { checkDraft } from '../../core/draft-schedule/check-draft.ts';
import { instanceOfEvent } from '../../core/draft-schedule/instance-of-event.ts';

const base = '/api/v1/events/test-ptg';
const sqlite = storeKinds.find((kind) => kind.name === 'sqlite')!;

describeWithService(sqlite.name, sqlite.available, 'draft schedule API', () => {
  let t: TestRuntime;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestRuntime(sqlite);
    app = await buildTestApp(t);
    const wishes = { nova: [4, ['cinder']], cinder: [3, []], tc: [2, []] } as const;
    for (const [team, [hours, avoid]] of Object.entries(wishes)) {
      const response = await call(app, 'PUT', `${base}/teams/${team}/schedule-wishes`, {
        token: t.tokens.organizer,
        body: { hours_wanted: hours, windows: [], avoid },
      });
      expect(response.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const draft = (token: string, body: unknown = { time_limit: 1 }) =>
    call(app, 'POST', `${base}/schedule/draft`, { token, body });

  it('drafts the week from what the teams asked for, keeping every hard rule, with its cost in words', async () => {
    const response = await draft(t.tokens.organizer);
    expect(response.statusCode).toBe(201);
    const made = response.json().draft;
    const state = (await t.models.get('test-ptg'))!;
    const instance = instanceOfEvent(state, [], t.clock.now());
    if (!instance.ok) throw new Error(instance.refusal.message);
    const check = checkDraft(instance.value, made.bookings);
    expect(check.broken).toEqual([]);
    expect(made.cost).toEqual(check.cost);
    expect(made.cost.unmet_hours).toBe(0);
    expect(made.bookings.filter((booking: { team: string }) => booking.team === 'nova')).toHaveLength(4);
    expect(made.words.summary).toMatch(/^Cost \d+: 0 hours asked for and not booked/);
    expect(made.words.clashes).toEqual([]);
    expect(made.current).toMatchObject({ kept: 0, added: 9, released: 0 });
    expect(
      (await call(app, 'GET', `${base}/schedule/draft/${made.id}`, { token: t.tokens.organizer })).json(),
    ).toEqual({
      draft: made,
    });
  });

  it('lets only organisers draft, and refuses a time limit out of range', async () => {
    expect((await draft(t.tokens.nova)).json().error.code).toBe('forbidden');
    expect((await call(app, 'POST', `${base}/schedule/draft`, { body: {} })).statusCode).toBe(401);
    for (const time_limit of [0, 1000, 'soon', 'x'.repeat(10_000)]) {
      const response = await draft(t.tokens.organizer, { time_limit });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_input');
    }
  });

  it('applies a draft in one revision as organiser assignments, then refuses it once the bookings changed', async () => {
    const made = (await draft(t.tokens.organizer)).json().draft;
    const before = (await t.models.get('test-ptg'))!.revision;
    const applied = await call(app, 'POST', `${base}/schedule/draft/${made.id}/apply`, {
      token: t.tokens.organizer,
    });
    expect(applied.statusCode).toBe(200);
    const state = (await t.models.get('test-ptg'))!;
    expect(state.revision).toBe(before + 1);
    const schedule = (await call(app, 'GET', `${base}/schedule`)).json();
    const codes = new Map(schedule.slots.map((slot: { id: string; code: string }) => [slot.id, slot.code]));
    expect(
      schedule.bookings.map((booking: { team: string; room: string; slot: string }) => ({
        team: booking.team,
        room: booking.room,
        slot: codes.get(booking.slot),
      })),
    ).toEqual(expect.arrayContaining(made.bookings));
    expect(schedule.bookings).toHaveLength(made.bookings.length);
    expect(state.bookings.every((booking) => booking.kind === 'assigned')).toBe(true);
    const again = await call(app, 'POST', `${base}/schedule/draft/${made.id}/apply`, {
      token: t.tokens.organizer,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('draft_outdated');
    const kept = (await draft(t.tokens.organizer, { time_limit: 1, keep_current: true })).json().draft;
    expect(kept.current).toMatchObject({ kept: made.bookings.length, added: 0, released: 0 });
  });

  it('answers unknown_draft for a draft it does not have, and forbidden to moderators', async () => {
    const missing = await call(app, 'POST', `${base}/schedule/draft/nope/apply`, {
      token: t.tokens.organizer,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('unknown_draft');
    const made = (await draft(t.tokens.organizer)).json().draft;
    const moderator = await call(app, 'POST', `${base}/schedule/draft/${made.id}/apply`, {
      token: t.tokens.nova,
    });
    expect(moderator.json().error.code).toBe('forbidden');
  });

  describe('schedule wishes', () => {
    it('lets a moderator set their own team’s, and refuses other teams, unknown windows and foreign bookings', async () => {
      const put = (team: string, body: unknown, token = t.tokens.nova) =>
        call(app, 'PUT', `${base}/teams/${team}/schedule-wishes`, { token, body });
      expect(
        (await put('nova', { hours_wanted: 3, windows: ['Americas / Europe'], avoid: ['tc'] })).statusCode,
      ).toBe(200);
      const state = (await t.models.get('test-ptg'))!;
      const nova = state.teams.find((team) => team.slug === 'nova')!;
      const tc = state.teams.find((team) => team.slug === 'tc')!;
      expect(state.signups[nova.id]).toMatchObject({
        hoursWanted: 3,
        avoidClashes: [tc.id],
        keepBookings: [],
      });
      expect((await put('cinder', { hours_wanted: 3, windows: [], avoid: [] })).json().error.code).toBe(
        'forbidden',
      );
      expect(
        (await put('nova', { hours_wanted: 3, windows: ['<b>Night</b>'], avoid: [] })).json().error.code,
      ).toBe('invalid_input');
      expect((await put('nova', { hours_wanted: 99, windows: [], avoid: [] })).json().error.code).toBe(
        'invalid_input',
      );
      const cinderBooking = state.bookings.find((booking) => booking.teamId !== nova.id)!;
      const foreign = await put('nova', {
        hours_wanted: 3,
        windows: [],
        avoid: [],
        keep_bookings: [cinderBooking.id],
      });
      expect(foreign.json().error.code).toBe('invalid_input');
    });
  });
});
