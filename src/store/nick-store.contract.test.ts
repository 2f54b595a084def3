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

    const person = async (id: string) =>
      store.createUser({ email: `${id}@example.org`, name: id, ircNick: null, isOrganizer: false }, id, at);

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

    it("lists and forgets what a nick holds in every event, and nothing of another nick's", async () => {
      const checkIn = { userId: nickUserId('Holder'), teamId: null, place: 'the pub', at, outAt: null };
      await store.nicks.saveCheckIn(eventId, 'Holder', checkIn, true);
      await store.nicks.saveSubscription(eventId, 'HOLDER', 'placement', at);
      await store.nicks.saveSubscription(eventId, 'other', 'backups', at);
      expect(await store.nicks.holdingsOf('holder')).toEqual({
        checkIns: [{ eventId, checkIn: { ...checkIn, userId: 'nick:holder' } }],
        subscriptions: [{ eventId, pattern: 'placement', at }],
      });
      await store.nicks.forget('Holder');
      expect(await store.nicks.holdingsOf('holder')).toEqual({ checkIns: [], subscriptions: [] });
      expect(await store.nicks.subscriptionOf(eventId, 'other')).toBe('backups');
    });

    it('keeps one claim per person and nick, with its proposer, and removes it only for its owner', async () => {
      await person('claim-owner');
      await person('claim-proposer');
      const claim = {
        id: 'claim-1',
        userId: 'claim-owner',
        nick: 'Named',
        proposedBy: 'claim-proposer',
        eventId,
        teamId: 'team-1',
        createdAt: at,
      };
      await store.nicks.saveClaim(claim);
      await store.nicks.saveClaim({ ...claim, id: 'claim-2', nick: 'NAMED', teamId: 'team-2' });
      await store.nicks.saveClaim({
        ...claim,
        id: 'claim-3',
        nick: 'another',
        createdAt: '2022-10-17T13:00:00Z',
      });
      expect(await store.nicks.claimsOf('claim-owner')).toEqual([
        { ...claim, nick: 'NAMED', teamId: 'team-2', proposerName: 'claim-proposer' },
        {
          ...claim,
          id: 'claim-3',
          nick: 'another',
          createdAt: '2022-10-17T13:00:00Z',
          proposerName: 'claim-proposer',
        },
      ]);
      expect(await store.nicks.removeClaim('claim-proposer', 'claim-1')).toBe(false);
      expect(await store.nicks.removeClaim('claim-owner', 'claim-3')).toBe(true);
      expect((await store.nicks.claimsOf('claim-owner')).map((each) => each.nick)).toEqual(['NAMED']);
    });

    it("keeps a claim without its proposer once the proposer's account is gone, and drops the owner's with them", async () => {
      await person('gone-proposer');
      await person('gone-owner');
      const claim = {
        userId: 'claim-owner',
        nick: 'left',
        proposedBy: 'gone-proposer',
        eventId,
        teamId: null,
      };
      await store.nicks.saveClaim({ ...claim, id: 'claim-4', createdAt: at });
      await store.nicks.saveClaim({ ...claim, id: 'claim-5', userId: 'gone-owner', createdAt: at });
      await store.people.deleteUser('gone-proposer', 'a deleted account');
      await store.people.deleteUser('gone-owner', 'a deleted account');
      const left = (await store.nicks.claimsOf('claim-owner')).find((each) => each.id === 'claim-4');
      expect(left).toMatchObject({ proposedBy: null, proposerName: null });
      expect(await store.nicks.claimsOf('gone-owner')).toEqual([]);
    });
  });
}
