import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/http.ts';
import { openTestRuntime, runtimeOn, type TestRuntime } from '../../test/support/runtime.ts';
import { describeWithService } from '../../test/support/services.ts';
import { describeWithShared, readShared } from '../../test/support/shared-files.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { addPreparedEvent, importEventDocument, seedDemo } from '../app/events.ts';
import type { Outcome } from '../app/execute.ts';
import { systemActor } from '../core/model/actor.ts';
import { planPtgbotImport } from '../exporters/ptgbot-import.ts';
import type { EventDocument } from './event-document.ts';

const who = { actor: systemActor, source: 'cli' as const };
const fixture = 'fixtures/ptgbot-base.json';

for (const kind of storeKinds) {
  describeWithService(
    kind.name,
    kind.available,
    `feeds after convene export / import on ${kind.name}`,
    () => {
      let source: TestRuntime;
      let target: Omit<TestRuntime, 'tokens'>;
      let apps: [FastifyInstance, FastifyInstance];

      beforeEach(async () => {
        source = await openTestRuntime(kind);
        target = runtimeOn(await kind.open(), source.clock.now());
        apps = [await buildTestApp(source), await buildTestApp(target)];
      });

      afterEach(async () => {
        await Promise.all(apps.map((app) => app.close()));
        await Promise.all([source.close(), target.close()]);
      });

      async function exported(runtime: Omit<TestRuntime, 'tokens'>, slug: string): Promise<EventDocument> {
        const eventId = await runtime.store.findEventId(slug);
        const document = eventId ? await runtime.store.exportEvent(eventId) : null;
        if (!document) throw new Error(`no event ${slug}`);
        return JSON.parse(JSON.stringify(document));
      }

      /** Exports, imports into the target, exports again, and compares the documents and every feed. */
      async function expectSameAfterTransfer(slug: string): Promise<void> {
        const first = await exported(source, slug);
        expect((await importEventDocument(target, first)).ok).toBe(true);
        expect(await exported(target, slug)).toEqual(first);
        for (const feed of ['calendar.ics', 'schedule.xml', 'schedule.json', 'ptg.json']) {
          const url = `/events/${slug}/${feed}`;
          const [before, after] = await Promise.all(apps.map((app) => app.inject(url)));
          expect([url, after?.statusCode, after?.body]).toEqual([url, 200, before?.body]);
        }
      }

      const ok = async (outcome: Promise<Outcome>) => expect((await outcome).ok).toBe(true);

      it('publishes byte-identical feeds (ids, guids, sequences) from an event exported and imported into a fresh database', {
        timeout: 120_000,
      }, async () => {
        const event = 'test-ptg';
        for (const slot of ['mon13', 'mon14', 'mon15'])
          await ok(source.ops.bookSlot(event, who, { team: 'nova', room: 'bexar', slot }));
        await ok(source.ops.unbookSlot(event, who, { room: 'bexar', slot: 'mon14' }));
        await ok(
          source.ops.updateTeamLinks(event, who, { team: 'cinder', videoUrl: 'https://meet.example.org/c' }),
        );
        await ok(source.ops.setNow(event, who, { team: 'nova', text: 'Placement' }));
        await ok(source.ops.addNext(event, who, { team: 'nova', text: 'Limits' }));
        await ok(source.ops.addMotd(event, who, { level: 'warning', message: 'Lunch is late' }));
        await ok(source.ops.setAvailability(event, who, { room: 'austin', slot: 'tue16', available: false }));
        await seedDemo(source, '2022-10-18T14:20:00Z');
        for (const slug of [event, 'oct2022-ptg']) await expectSameAfterTransfer(slug);
      });

      describeWithShared([fixture], 'with an event imported from ptgbot', () => {
        it('keeps its uneven slots, slot codes as written and closed cells, and publishes the same feeds', {
          timeout: 120_000,
        }, async () => {
          const plan = planPtgbotImport(
            JSON.parse(readShared(fixture)),
            { slug: 'den-ptg', startsOn: '2020-06-01', timeZone: 'UTC', existingSlugs: [] },
            { actor: systemActor, now: source.clock.now(), source: 'import', newId: randomUUID },
          );
          if (!plan.event) throw new Error(plan.problems.join('; '));
          const added = await addPreparedEvent(
            source,
            { actor: systemActor, source: 'import' },
            plan.event,
            plan.changes,
          );
          expect(added.ok).toBe(true);
          await expectSameAfterTransfer('den-ptg');
        });
      });
    },
  );
}
