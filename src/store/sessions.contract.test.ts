import { afterEach, beforeEach, expect, it } from 'vitest';
import { cinderModerator, novaModerator, organizer, tcModerator } from '../../test/support/builders.ts';
import { openTestRuntime, type TestRuntime } from '../../test/support/runtime.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { importEventDocument } from '../app/events.ts';
import { ReadModels } from '../app/read-models.ts';
import { MemoryBus } from '../bus/memory-bus.ts';
import type { Actor } from '../core/model/actor.ts';
import { sessionsOf, teamsOf } from '../core/sessions/sessions.ts';

const event = 'test-ptg';
const as = (actor: Actor) => ({ actor, source: 'api' as const });

for (const kind of storeKinds) {
  describeWithService(
    kind.name === 'postgres' ? 'PostgreSQL' : 'SQLite',
    kind.available,
    `sessions in the store on ${kind.name}`,
    () => {
      let t: TestRuntime;
      beforeEach(async () => {
        t = await openTestRuntime(kind);
        for (const slot of ['mon13', 'mon14'])
          await t.ops.bookSlot(event, as(novaModerator), { team: 'nova', room: 'bexar', slot });
        await t.ops.bookSlot(event, as(cinderModerator), { team: 'cinder', room: 'austin', slot: 'mon15' });
      });
      afterEach(async () => {
        await t.close();
      });

      it('stores titles, invitations, answers, head-counts, summaries and the joint-caps rule as the read model holds them', async () => {
        const ops = t.ops;
        const loaded = (await t.models.get(event))!;
        await ops.updateEvent(event, as(organizer), {
          rules: { ...loaded.event.rules, jointCaps: 'every-team' },
        });
        await ops.editSession(event, as(novaModerator), {
          session: 'bexar-mon13',
          title: 'Live migration',
          agenda: '- TLS\n- postcopy',
          etherpadUrl: 'https://pads.example.org/p/nova-live-migration',
        });
        await ops.inviteTeam(event, as(novaModerator), { session: 'bexar-mon13', guest: 'tc' });
        await ops.inviteTeam(event, as(novaModerator), { session: 'bexar-mon14', guest: 'cinder' });
        expect(
          await ops.answerInvitation(event, as(tcModerator), {
            session: 'bexar-mon14',
            team: 'tc',
            accept: true,
          }),
        ).toMatchObject({ ok: true });
        await ops.answerInvitation(event, as(cinderModerator), {
          session: 'bexar-mon13',
          team: 'cinder',
          accept: false,
        });
        await ops.setSummary(event, as(novaModerator), {
          team: 'nova',
          summaryUrl: 'https://lists.example.org/nova',
          notesUrl: 'https://pads.example.org/p/nova',
        });
        t.clock.set('2022-10-17T14:10:00Z');
        expect(await ops.recordHeadcount(event, as(tcModerator), { team: 'tc', count: 23 })).toMatchObject({
          ok: true,
        });

        const inMemory = (await t.models.get(event))!;
        const fromDatabase = await t.store.loadEvent(inMemory.event.id);
        expect(fromDatabase).toEqual(inMemory);
        expect(fromDatabase?.event.rules.jointCaps).toBe('every-team');
        const [session] = sessionsOf(fromDatabase!);
        const slugOf = (id: string) => inMemory.teams.find((team) => team.id === id)?.slug;
        expect(teamsOf(session!).map(slugOf)).toEqual(['nova', 'tc']);
        expect(session?.record).toMatchObject({
          title: 'Live migration',
          headcount: { count: 23, at: '2022-10-17T14:10:00Z' },
          guests: [
            { status: 'accepted', answeredAt: '2022-10-01T12:00:00Z' },
            { status: 'declined', answeredAt: '2022-10-01T12:00:00Z' },
          ],
        });
      });

      it('moves a session’s record when its booking is released, in the database as in memory', async () => {
        await t.ops.editSession(event, as(novaModerator), { session: 'bexar-mon14', title: 'Kept' });
        await t.ops.unbookSlot(event, as(novaModerator), { room: 'bexar', slot: 'mon13' });
        const inMemory = (await t.models.get(event))!;
        expect(await t.store.loadEvent(inMemory.event.id)).toEqual(inMemory);
        expect(Object.values(inMemory.sessions).map((record) => record.title)).toEqual(['Kept']);
      });

      it('stores nothing for a refusal: a busy guest, a bad link, a count out of range', async () => {
        const before = (await t.models.get(event))!;
        await t.ops.bookSlot(event, as(tcModerator), { team: 'tc', room: 'austin', slot: 'mon13' });
        const busy = await t.ops.inviteTeam(event, as(novaModerator), {
          session: 'bexar-mon13',
          guest: 'tc',
        });
        expect(busy).toMatchObject({ ok: false, refusal: { code: 'team_busy' } });
        const link = await t.ops.editSession(event, as(novaModerator), {
          session: 'bexar-mon13',
          recordingUrl: 'file:///etc/passwd',
        });
        expect(link).toMatchObject({ ok: false, refusal: { code: 'invalid_url' } });
        t.clock.set('2022-10-17T14:10:00Z');
        const count = await t.ops.recordHeadcount(event, as(novaModerator), {
          session: 'bexar-mon13',
          count: 100_001,
        });
        expect(count).toMatchObject({ ok: false, refusal: { code: 'invalid_input' } });
        const after = await t.store.loadEvent(before.event.id);
        expect(after?.revision).toBe(before.revision + 1);
        expect(after?.sessions).toEqual({});
      });

      it('exports and imports sessions and summaries with the event', async () => {
        await t.ops.editSession(event, as(novaModerator), { session: 'bexar-mon13', title: 'Exported' });
        await t.ops.setSummary(event, as(novaModerator), {
          team: 'nova',
          summaryUrl: 'https://lists.example.org/nova',
        });
        const state = (await t.models.get(event))!;
        const exported = await t.store.exportEvent(state.event.id);
        const target = await kind.open();
        try {
          const bus = new MemoryBus();
          const models = new ReadModels(target.store, bus, 60_000);
          expect(
            await importEventDocument({ store: target.store, bus, models, clock: t.clock }, exported!),
          ).toMatchObject({ ok: true });
          expect(await target.store.exportEvent(state.event.id)).toEqual(exported);
          expect(await target.store.loadEvent(state.event.id)).toEqual(state);
          models.close();
        } finally {
          await target.dispose();
        }
      });
    },
  );
}
