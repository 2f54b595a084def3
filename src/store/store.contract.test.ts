import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { novaModerator, organizer } from '../../test/support/builders.ts';
import { bookingProcess } from '../../test/support/other-process.ts';
import { openTestRuntime, type TestRuntime } from '../../test/support/runtime.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { importEventDocument } from '../app/events.ts';
import { ReadModels } from '../app/read-models.ts';
import { MemoryBus } from '../bus/memory-bus.ts';
import type { Actor } from '../core/model/actor.ts';
import { isUniqueViolation } from './database.ts';

const event = 'test-ptg';
const as = (actor: Actor) => ({ actor, source: 'api' as const });

for (const kind of storeKinds) {
  describeWithService(
    kind.name === 'postgres' ? 'PostgreSQL' : 'SQLite',
    kind.available,
    `store contract on ${kind.name}`,
    () => {
      let t: TestRuntime;
      beforeEach(async () => {
        t = await openTestRuntime(kind);
      });
      afterEach(async () => {
        await t.close();
      });

      it('stores exactly what the read model holds after every kind of change', async () => {
        const ops = t.ops;
        await ops.bookSlot(event, as(novaModerator), { team: 'nova', room: 'bexar', slot: 'mon13' });
        const second = await ops.bookSlot(event, as(novaModerator), {
          team: 'nova',
          room: 'Ballroom A',
          slot: 'mon14',
        });
        await ops.bookSlot(event, as(organizer), { team: 'cinder', room: 'austin', slot: 'mon13' });
        if (second.ok) {
          const booking = second.revision?.changes[0];
          if (booking?.type === 'booking.created')
            await ops.unbookSlot(event, as(novaModerator), { bookingId: booking.booking.id });
        }
        await ops.setNow(event, as(novaModerator), { team: 'nova', text: 'Placement API cleanup' });
        await ops.addNext(event, as(novaModerator), { team: 'nova', text: 'Unified limits' });
        await ops.addNext(event, as(novaModerator), { team: 'nova', text: 'Python 3.11' });
        await ops.setNow(event, as(organizer), { team: 'cinder', text: 'Backups' });
        await ops.cleanBoard(event, as(organizer), { team: 'cinder' });
        await ops.changeTeam(event, as(novaModerator), {
          team: 'nova',
          etherpadUrl: 'https://pads.example.org/p/nova',
          colour: 'teal',
          location: 'bexar',
        });
        await ops.changeTeam(event, as(organizer), {
          team: 'pending',
          status: 'approved',
          name: 'Pending Team',
        });
        await ops.addMotd(event, as(organizer), { level: 'info', message: 'Welcome' });
        await ops.addMotd(event, as(organizer), {
          level: 'warning',
          message: 'Room kilo is closed',
          expiresAt: '2022-10-18T00:00:00Z',
        });
        await ops.addMotd(event, as(organizer), { level: 'danger', message: 'Read this first' });
        await ops.reorderMotd(event, as(organizer), { positions: [3, 1, 2] });
        await ops.removeMotd(event, as(organizer), { position: 2 });
        await ops.saveRoom(event, as(organizer), { name: 'Kilo', features: ['projector'], capacity: 12 });
        await ops.saveRoom(event, as(organizer), { room: 'kilo', name: 'Kilo (big)' });
        await ops.setAvailability(event, as(organizer), { room: 'austin', slot: 'tue16', available: false });
        await ops.setAvailability(event, as(organizer), { room: 'bexar', slot: 'tue16', available: false });
        await ops.setAvailability(event, as(organizer), { room: 'bexar', slot: 'tue16', available: true });
        await ops.saveRoom(event, as(organizer), { name: 'Temporary' });
        await ops.removeRoom(event, as(organizer), { room: 'temporary' });
        await ops.updateEvent(event, as(organizer), {
          title: 'Test PTG (renamed)',
          windows: [{ name: 'Long', start: '12:00', end: '17:00' }],
        });

        const inMemory = await t.models.get(event);
        const fromDatabase = await t.store.loadEvent(inMemory!.event.id);
        expect(fromDatabase).toEqual(inMemory);
        expect(fromDatabase?.motd.map((motd) => motd.message)).toEqual([
          'Read this first',
          'Room kilo is closed',
        ]);
        expect(fromDatabase?.board).toMatchObject({});
        expect(Object.values(fromDatabase!.board)).toEqual([
          {
            now: { text: 'Placement API cleanup', at: expect.any(String) },
            next: [
              { text: 'Unified limits', at: expect.any(String) },
              { text: 'Python 3.11', at: expect.any(String) },
            ],
          },
        ]);
      });

      it('numbers revisions one by one and spends none on a refusal', async () => {
        const before = (await t.models.get(event))!.revision;
        const refused = await t.ops.bookSlot(event, as(novaModerator), {
          team: 'cinder',
          room: 'bexar',
          slot: 'mon13',
        });
        expect(refused).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
        const done = await t.ops.bookSlot(event, as(novaModerator), {
          team: 'nova',
          room: 'bexar',
          slot: 'mon13',
        });
        expect(done.ok && done.revision?.revision).toBe(before + 1);
        const log = await t.store.revisionsAfter((await t.models.get(event))!.event.id, before);
        expect(log).toEqual([
          expect.objectContaining({
            revision: before + 1,
            actorId: novaModerator.userId,
            actorName: novaModerator.name,
            source: 'api',
          }),
        ]);
        const first = await t.store.revisionsAfter((await t.models.get(event))!.event.id, 0, 2);
        expect(first.map((revision) => revision.revision)).toEqual([1, 2]);
      });

      it('lets exactly one of 50 concurrent attempts from two processes book the same cell (slot_taken for the rest)', async () => {
        const attempt = (index: number) => ({
          actor: index % 3 === 0 ? organizer : novaModerator,
          input: { team: 'nova', room: 'bexar', slot: 'tue13' },
        });
        const other = await bookingProcess(
          t.url,
          event,
          t.clock.now(),
          Array.from({ length: 25 }, (_, index) => attempt(index + 25)),
        );
        const [theirs, ours] = await Promise.all([
          other.go(),
          Promise.all(
            Array.from({ length: 25 }, (_, index) =>
              t.ops.bookSlot(event, as(attempt(index).actor), attempt(index).input),
            ),
          ),
        ]);
        const outcomes = [...theirs, ...ours.map((outcome) => (outcome.ok ? 'ok' : outcome.refusal.code))];
        expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome === 'slot_taken')).toHaveLength(49);
        const state = await t.store.loadEvent((await t.models.get(event))!.event.id);
        const tue13 = state!.slots.find((slot) => slot.code === 'tue13')!;
        expect(state!.bookings.filter((booking) => booking.slotId === tue13.id)).toHaveLength(1);
      });

      it('holds the daily cap when one team tries 50 bookings at once from two processes (daily_cap)', async () => {
        const rooms = ['bexar', 'austin', 'Ballroom A'];
        const slots = ['mon13', 'mon14', 'mon15', 'mon16'];
        const attempt = (index: number) => ({
          actor: novaModerator,
          input: {
            team: 'nova',
            room: rooms[index % rooms.length]!,
            slot: slots[Math.floor(index / rooms.length) % slots.length]!,
          },
        });
        const other = await bookingProcess(
          t.url,
          event,
          t.clock.now(),
          Array.from({ length: 25 }, (_, index) => attempt(index * 2 + 1)),
        );
        const [theirs, ours] = await Promise.all([
          other.go(),
          Promise.all(
            Array.from({ length: 25 }, (_, index) =>
              t.ops.bookSlot(event, as(novaModerator), attempt(index * 2).input),
            ),
          ),
        ]);
        const outcomes = [...theirs, ...ours.map((outcome) => (outcome.ok ? 'ok' : outcome.refusal.code))];
        const state = await t.store.loadEvent((await t.models.get(event))!.event.id);
        const nova = state!.teams.find((team) => team.slug === 'nova')!;
        const booked = state!.bookings.filter((booking) => booking.teamId === nova.id);
        expect(booked).toHaveLength(3);
        expect(new Set(booked.map((booking) => booking.slotId)).size).toBe(3);
        expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(3);
        expect(outcomes).toContain('daily_cap');
        expect(
          outcomes.every((outcome) => ['ok', 'daily_cap', 'team_busy', 'slot_taken'].includes(outcome)),
        ).toBe(true);
      });

      it('refuses a second active booking of a cell in the database itself, whatever the caller (rule 1 constraint)', async () => {
        const state = (await t.models.get(event))!;
        const [nova, cinder] = state.teams;
        const row = (teamId: string) => ({
          id: randomUUID(),
          event_id: state.event.id,
          team_id: teamId,
          room_id: state.rooms[0]!.id,
          slot_id: state.slots[0]!.id,
          kind: 'assigned',
          created_by: null,
          created_at: '2022-10-01T00:00:00Z',
          source: 'api',
          override: 0,
          cancelled_at: null,
          cancelled_by: null,
          cancel_source: null,
        });
        await t.store.db.insertInto('bookings').values(row(nova!.id)).execute();
        const error = await t.store.db
          .insertInto('bookings')
          .values(row(cinder!.id))
          .execute()
          .catch((caught) => caught);
        expect(isUniqueViolation(error)).toBe(true);
      });

      it('finds users by e-mail in any case and by IRC nick without regard to IRC case rules', async () => {
        await t.store.createUser(
          { email: 'mixed@example.org', name: 'Mixed', ircNick: 'Mixed[Case]', isOrganizer: false },
          'user-mixed',
          t.clock.now(),
        );
        expect((await t.store.findUserByEmail('MIXED@example.org'))?.id).toBe('user-mixed');
        expect((await t.store.findUserByIrcNick('mixed{case}'))?.id).toBe('user-mixed');
        const duplicate = await t.store
          .createUser(
            { email: 'other@example.org', name: 'Other', ircNick: 'MIXED[case]', isOrganizer: false },
            'user-other',
            t.clock.now(),
          )
          .catch((caught) => caught);
        expect(isUniqueViolation(duplicate)).toBe(true);
      });

      it('keeps follows, the find-people consent and the calendar secret per user', async () => {
        const state = (await t.models.get(event))!;
        const [nova, cinder] = state.teams;
        await t.store.followTeam(novaModerator.userId!, nova!.id, t.clock.now());
        await t.store.followTeam(novaModerator.userId!, cinder!.id, t.clock.now());
        await t.store.followTeam(novaModerator.userId!, cinder!.id, t.clock.now());
        await t.store.unfollowTeam(novaModerator.userId!, nova!.id);
        expect(await t.store.followedTeamIds(novaModerator.userId!)).toEqual([cinder!.id]);
        const followers = (await t.store.followsOfEvent(state.event.id)).filter(
          (f) => f.teamId === cinder!.id,
        );
        expect(followers.map((follow) => follow.userId)).toEqual([novaModerator.userId]);
        await t.store.setListedInFindPeople(novaModerator.userId!, true);
        await t.store.setFeedSecret(novaModerator.userId!, 'secret-1');
        expect(await t.store.userForFeedSecret('secret-1')).toMatchObject({
          id: novaModerator.userId,
          listedInFindPeople: true,
        });
        await t.store.setFeedSecret(novaModerator.userId!, 'secret-2');
        expect(await t.store.userForFeedSecret('secret-1')).toBeNull();
      });

      it('stops honouring a token once revoked', async () => {
        const [token] = await t.store.listTokens(novaModerator.userId!);
        expect(await t.store.revokeToken(token!.id, t.clock.now())).toBe(true);
        expect(await t.store.revokeToken(token!.id, t.clock.now())).toBe(false);
        const { actorForToken } = await import('../app/people.ts');
        expect(await actorForToken(t, t.tokens.nova)).toBeNull();
        expect(await actorForToken(t, t.tokens.cinder)).toMatchObject({ userId: 'user-cinder' });
      });

      it('exports an event and imports it into an empty database without losing anything', async () => {
        await t.ops.bookSlot(event, as(novaModerator), { team: 'nova', room: 'bexar', slot: 'mon13' });
        const booked = await t.ops.bookSlot(event, as(novaModerator), {
          team: 'nova',
          room: 'bexar',
          slot: 'mon14',
        });
        if (booked.ok) {
          const change = booked.revision?.changes[0];
          if (change?.type === 'booking.created')
            await t.ops.unbookSlot(event, as(novaModerator), { bookingId: change.booking.id });
        }
        await t.ops.setNow(event, as(novaModerator), { team: 'nova', text: 'Topic' });
        await t.ops.addMotd(event, as(organizer), { level: 'info', message: 'Hello' });
        const state = (await t.models.get(event))!;
        const eventId = state.event.id;
        await t.store.followTeam(novaModerator.userId!, state.teams[1]!.id, t.clock.now());
        const exported = await t.store.exportEvent(eventId);
        expect(exported?.bookings.filter((booking) => booking.cancelledAt !== null)).toHaveLength(1);
        expect(exported?.follows).toEqual([
          { userId: novaModerator.userId, teamId: state.teams[1]!.id, createdAt: t.clock.now() },
        ]);

        const target = await kind.open();
        try {
          const bus = new MemoryBus();
          const models = new ReadModels(target.store, bus, 60_000);
          const imported = await importEventDocument(
            { store: target.store, bus, models, clock: t.clock },
            exported!,
            { withOrganisers: true },
          );
          expect(imported.ok).toBe(true);
          expect(await target.store.exportEvent(eventId)).toEqual(exported);
          const again = await importEventDocument(
            { store: target.store, bus, models, clock: t.clock },
            exported!,
          );
          expect(again).toMatchObject({ ok: false, refusal: { code: 'event_exists' } });
          models.close();
        } finally {
          await target.dispose();
        }
      });
    },
  );
}

describe('store kinds', () => {
  it('include SQLite and PostgreSQL', () => {
    expect(storeKinds.map((kind) => kind.name)).toEqual(['sqlite', 'postgres']);
  });
});
