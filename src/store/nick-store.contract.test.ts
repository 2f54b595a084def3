import { afterAll, beforeAll, expect, it } from 'vitest';
import { ctxOf, organizer, sequentialIds, smallEvent } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { createEvent } from '../core/event/create-event.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { KyselyStore } from './kysely-store.ts';
import { nickUserId } from './nick-store.ts';

const at = '2022-10-17T12:00:00Z';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `NickStore on ${kind.name}`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    let eventId: string;

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      const created = createEvent(
        [],
        smallEvent,
        ctxOf(organizer, at, 'cli', sequentialIds(`${kind.name}-nick`)),
      );
      if (!created.ok) throw new Error(created.refusal.message);
      const event = (created.changes[0] as { event: EventInfo }).event;
      eventId = event.id;
      await store.createEvent(event, created.changes, { at, actorId: null, actorName: null, source: 'cli' });
    });

    afterAll(async () => dispose());

    it('keeps one check-in per nick, whatever its case, with whether it agreed to be listed', async () => {
      const checkIn = { userId: nickUserId('Stranger'), teamId: null, place: 'the pub', at, outAt: null };
      await store.nicks.saveCheckIn(eventId, 'Stranger', checkIn, false);
      await store.nicks.saveCheckIn(eventId, 'STRANGER', { ...checkIn, place: 'the hallway' }, true);
      expect(await store.nicks.checkInOf(eventId, 'stranger')).toEqual({
        nick: 'stranger',
        listed: true,
        checkIn: { ...checkIn, userId: 'nick:stranger', place: 'the hallway' },
      });
      expect(await store.nicks.checkIns(eventId)).toHaveLength(1);
    });

    it('keeps one subscription per nick, replaced and removed', async () => {
      await store.nicks.saveSubscription(eventId, 'Stranger', 'placement', at);
      await store.nicks.saveSubscription(eventId, 'stranger', 'backups', at);
      expect(await store.nicks.subscriptionOf(eventId, 'STRANGER')).toBe('backups');
      expect(await store.nicks.subscriptions(eventId)).toEqual([{ nick: 'stranger', pattern: 'backups' }]);
      await store.nicks.removeSubscription(eventId, 'Stranger');
      expect(await store.nicks.subscriptionOf(eventId, 'stranger')).toBeNull();
    });
  });
}
