import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { expectOk, openTestApp, seedSmallEvent, type TestApp } from '../../test/support/test-app.ts';
import { importEventDocument, seedDemo } from '../app/events.ts';
import { setModeratorByEmail } from '../app/people.ts';
import { systemActor } from '../core/model/actor.ts';
import type { EventDocument } from './event-document.ts';

const who = { actor: systemActor, source: 'cli' as const };

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `convene export / import on ${kind.name}`, () => {
    let source: TestApp;
    let target: TestApp;

    beforeEach(async () => {
      [source, target] = [await openTestApp(kind), await openTestApp(kind)];
    });

    afterEach(async () => {
      await Promise.all([source.close(), target.close()]);
    });

    async function exported(test: TestApp, slug: string): Promise<EventDocument> {
      const eventId = await test.runtime.store.findEventId(slug);
      const document = eventId ? await test.runtime.store.exportEvent(eventId) : null;
      if (!document) throw new Error(`no event ${slug}`);
      return JSON.parse(JSON.stringify(document));
    }

    it('gives back the same document after export, import into a fresh database and export, feeds included', async () => {
      await seedSmallEvent(source);
      const event = 'test-ptg';
      await expectOk(
        setModeratorByEmail(source.runtime, who, {
          event,
          team: 'nova',
          email: 'nia@example.org',
          moderator: true,
        }),
      );
      for (const slot of ['mon13', 'mon14', 'mon15'])
        await expectOk(source.ops.bookSlot(event, who, { team: 'nova', room: 'bexar', slot }));
      await expectOk(source.ops.unbookSlot(event, who, { room: 'bexar', slot: 'mon14' }));
      await expectOk(
        source.ops.updateTeamLinks(event, who, { team: 'cinder', videoUrl: 'https://meet.example.org/c' }),
      );
      await expectOk(source.ops.setNow(event, who, { team: 'nova', text: 'Placement' }));
      await expectOk(source.ops.addNext(event, who, { team: 'nova', text: 'Limits' }));
      await expectOk(source.ops.addMotd(event, who, { level: 'warning', message: 'Lunch is late' }));
      await expectOk(
        source.ops.setAvailability(event, who, { room: 'austin', slot: 'tue16', available: false }),
      );
      await seedDemo(source.runtime, '2022-10-18T14:20:00Z');

      for (const slug of [event, 'oct2022-ptg']) {
        const first = await exported(source, slug);
        const imported = await importEventDocument(target.runtime, first);
        expect(imported.ok).toBe(true);
        expect(await exported(target, slug)).toEqual(first);
        for (const feed of ['calendar.ics', 'schedule.xml', 'schedule.json', 'ptg.json']) {
          const url = `/events/${slug}/${feed}`;
          const [before, after] = [await source.app.inject(url), await target.app.inject(url)];
          expect([url, after.statusCode, after.body]).toEqual([url, 200, before.body]);
        }
      }
    });
  });
}
