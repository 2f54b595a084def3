import { afterAll, beforeAll, expect, it } from 'vitest';
import { ctxOf, organizer, sequentialIds, smallEvent } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { createEvent } from '../core/event/create-event.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { CheckIn } from '../core/people/presence.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import type { KyselyStore } from './kysely-store.ts';

const at = '2022-10-17T12:00:00Z';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `PersonalStore on ${kind.name}`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    let eventId: string;
    let teamId: string;
    const users: Record<string, string> = {};

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      const ids = sequentialIds(`${kind.name}-personal`);
      const created = createEvent([], smallEvent, ctxOf(organizer, at, 'cli', ids));
      if (!created.ok) throw new Error(created.refusal.message);
      const event = (created.changes[0] as { event: EventInfo }).event;
      eventId = event.id;
      await store.createEvent(event, created.changes, { at, actorId: null, actorName: null, source: 'cli' });
      const state = await store.loadEvent(eventId);
      const team = createTeam(
        state!,
        { name: 'Nova', kind: 'project', crossProject: false },
        ctxOf(organizer, at, 'cli', ids),
      );
      if (!team.ok) throw new Error(team.refusal.message);
      await store.commitRevision(eventId, async () => ({
        changes: team.changes,
        meta: { at, actorId: null, actorName: null, source: 'cli' },
      }));
      teamId = (team.changes[0] as { team: { id: string } }).team.id;
      for (const [key, nick] of [
        ['ada', 'AdaAttendee'],
        ['bob', null],
      ] as const) {
        const user = await store.createUser(
          { email: `${key}@example.org`, name: key.toUpperCase(), ircNick: nick, isOrganizer: false },
          `${kind.name}-${key}`,
          at,
        );
        users[key] = user.id;
      }
      await store.setListedInFindPeople(users.ada!, true);
    });

    afterAll(async () => dispose());

    it('keeps one check-in per person and event: the latest replaces the one before', async () => {
      const first: CheckIn = { userId: users.ada!, teamId, place: null, at, outAt: null };
      await store.personal.saveCheckIn(eventId, first);
      expect(await store.personal.checkInOf(eventId, users.ada!)).toEqual(first);
      const later: CheckIn = { ...first, teamId: null, place: 'the pub', at: '2022-10-17T18:00:00Z' };
      await store.personal.saveCheckIn(eventId, later);
      const out = { ...later, outAt: '2022-10-17T19:00:00Z' };
      await store.personal.saveCheckIn(eventId, out);
      expect(await store.personal.checkInOf(eventId, users.ada!)).toEqual(out);
      expect(await store.personal.checkInOf(eventId, users.bob!)).toBeNull();
    });

    it('lists every check-in of the event with whether its owner agreed to be listed', async () => {
      await store.personal.saveCheckIn(eventId, { userId: users.bob!, teamId, place: null, at, outAt: null });
      expect(await store.personal.checkIns(eventId)).toEqual([
        {
          name: 'ADA',
          nick: 'AdaAttendee',
          listed: true,
          checkIn: expect.objectContaining({ userId: users.ada!, place: 'the pub' }),
        },
        {
          name: 'BOB',
          nick: null,
          listed: false,
          checkIn: { userId: users.bob!, teamId, place: null, at, outAt: null },
        },
      ]);
    });

    it('gives the bare check-in records for counting, and a new check-in at once', async () => {
      const before = await store.personal.checkInRecords(eventId);
      expect(before.map((entry) => entry.userId).sort()).toEqual([users.ada!, users.bob!].sort());
      const back: CheckIn = {
        userId: users.ada!,
        teamId,
        place: null,
        at: '2022-10-17T20:00:00Z',
        outAt: null,
      };
      await store.personal.saveCheckIn(eventId, back);
      expect(await store.personal.checkInRecords(eventId)).toContainEqual(back);
    });

    it('keeps one subscription per person and event, lists them with nicks, and removes them', async () => {
      await store.personal.saveSubscription(eventId, users.ada!, 'placement', at);
      await store.personal.saveSubscription(eventId, users.ada!, '#cinder "live migration"', at);
      await store.personal.saveSubscription(eventId, users.bob!, 'backups', at);
      expect(await store.personal.subscriptionOf(eventId, users.ada!)).toBe('#cinder "live migration"');
      expect(await store.personal.subscriptions(eventId)).toEqual(
        expect.arrayContaining([
          { userId: users.ada!, nick: 'AdaAttendee', pattern: '#cinder "live migration"' },
          { userId: users.bob!, nick: null, pattern: 'backups' },
        ]),
      );
      await store.personal.removeSubscription(eventId, users.ada!);
      expect(await store.personal.subscriptionOf(eventId, users.ada!)).toBeNull();
      expect(await store.personal.subscriptions(eventId)).toHaveLength(1);
    });

    it('keeps personal data out of the event export', async () => {
      const exported = JSON.stringify(await store.exportEvent(eventId));
      expect(exported).not.toContain('the pub');
      expect(exported).not.toContain('backups');
    });
  });
}
